// The audit chain's heads, anchored outside PostgreSQL (docs/decisions/0009-audit-anchors.md).
// auditAnchorsWorkflow (id `kesos-audit-anchors`) runs for ever: each `takeAuditAnchor` Update
// reads the chain head from PostgreSQL by an activity and keeps it, so the anchors live in
// Temporal history (encrypted by the payload codec), which a database superuser cannot rewrite.
// The Schedule `kesos-audit-anchor` runs anchorAuditChainWorkflow every 10 minutes, which sends
// that Update (activities/anchors.ts). GET /api/audit/verify reads them with the `auditAnchors`
// query and compares every one with the row at its seq.
import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { z } from 'zod';
import { auditAnchorSchema, type AuditAnchor } from '../domain/audit';
import type { Activities } from '../activities';
import { auditAnchorsQuery, takeAuditAnchorUpdate } from './definitions';
import { parseInput } from './failures';
import { requireSealedStart, sealStart } from './seal';

// Reading the head: a few attempts, then the Update fails (the next period tries again) instead
// of piling up behind a database that is down.
const reads = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 5 } });
// Sending the Update through the Temporal client.
const clientActs = proxyActivities<Activities>({ startToCloseTimeout: '2 minutes' });

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * How densely anchors are kept, by age: one per 10 minutes for a day, one per day for a year,
 * then one per 30 days. The first anchor of each interval stays (the oldest evidence), and the
 * latest always. Bounded (about 144 + 366 + 12 a year) whatever calls the Update how often.
 */
const TIERS: readonly { youngerThan: number; every: number }[] = [
  { youngerThan: DAY, every: 10 * MINUTE },
  { youngerThan: 366 * DAY, every: DAY },
  { youngerThan: Infinity, every: 30 * DAY },
];

export function thinAnchors(anchors: readonly AuditAnchor[], now: number): AuditAnchor[] {
  const seen = new Set<string>();
  return anchors.filter((a, i) => {
    const at = Date.parse(a.at);
    const tier = TIERS.findIndex((t) => now - at < t.youngerThan);
    const interval = `${tier}:${Math.floor(at / TIERS[tier].every)}`;
    const keep = !seen.has(interval) || i === anchors.length - 1;
    seen.add(interval);
    return keep;
  });
}

const DEFAULT_HISTORY_LIMIT = 2_000;

const auditAnchorsInputSchema = z.object({
  anchors: z.array(auditAnchorSchema),
  /** Who started it: always the system (the anchoring activity, or its own continue-as-new). */
  startedBy: z.null(),
  /** Continue-as-new past this many history events (tests set it low). */
  historyLimit: z.number().int().min(20).optional(),
  seal: z.unknown().optional(),
});

export type AuditAnchorsInput = z.input<typeof auditAnchorsInputSchema>;

export async function auditAnchorsWorkflow(raw: AuditAnchorsInput): Promise<void> {
  const input = parseInput(auditAnchorsInputSchema, raw, 'audit anchors');
  // Sealed, so no one who merely reaches Temporal can start it with anchors of their choosing.
  requireSealedStart(raw, null);
  let anchors: AuditAnchor[] = thinAnchors(input.anchors, Date.now());
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;

  setHandler(auditAnchorsQuery, () => ({ anchors }));
  // One at a time, so anchors are kept in the order they were read.
  let queue: Promise<unknown> = Promise.resolve();
  setHandler(takeAuditAnchorUpdate, () => {
    const taken = queue.then(async () => {
      const head = await reads.readAuditChainHead();
      if (!head) return null;
      const anchor: AuditAnchor = { ...head, at: new Date().toISOString() };
      anchors = thinAnchors([...anchors, anchor], Date.now());
      return anchor;
    });
    queue = taken.catch(() => undefined);
    return taken;
  });

  await condition(() => workflowInfo().historyLength > historyLimit || workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  const info = workflowInfo();
  await continueAsNew<typeof auditAnchorsWorkflow>(
    sealStart(info.workflowId, info.workflowType, { anchors, startedBy: null, historyLimit: input.historyLimit }, null),
  );
}

/** Run by the Schedule `kesos-audit-anchor`: has kesos-audit-anchors take the current chain head. */
export async function anchorAuditChainWorkflow(): Promise<AuditAnchor | null> {
  return clientActs.takeAuditAnchor();
}
