// bulkReassignWorkflow: moves every open case of a TKSK who leaves to another TKSK, one
// `reassign` intervention per case (each validated by its case workflow). Durable: a crash
// mid-way resumes where it stopped. With the confirm_destructive policy it first waits for a
// second supervisor.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { bulkReassignInputSchema, type BulkReassignInput, type BulkReassignStatus } from '../domain/bulk';
import { can } from '../domain/access';
import type { Actor } from '../domain/roles';
import type { Activities } from '../activities';
import { bulkStatusQuery, confirmBulkUpdate } from './definitions';
import { conflict, forbidden, parseInput } from './failures';
import { requireSealedStart, sealedActor } from './seal';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });

export async function bulkReassignWorkflow(raw: BulkReassignInput): Promise<BulkReassignStatus> {
  const input = parseInput(bulkReassignInputSchema, raw, 'bulk');
  requireSealedStart(raw, input.requestedBy);
  const status: BulkReassignStatus = {
    operationId: input.operationId,
    state: input.requireConfirmation ? 'awaiting_confirmation' : 'running',
    requestedBy: input.requestedBy.id,
    confirmedBy: null,
    total: 0,
    reassigned: 0,
    skipped: [],
  };
  let actor: Actor = input.requestedBy;

  setHandler(bulkStatusQuery, () => status);
  setHandler(
    confirmBulkUpdate,
    async ({ actor: confirmer, approve }) => {
      status.state = approve ? 'running' : 'declined';
      status.confirmedBy = confirmer.id;
      actor = confirmer;
      return status;
    },
    {
      validator: (raw) => {
        const confirmer = sealedActor(confirmBulkUpdate.name, raw);
        if (status.state !== 'awaiting_confirmation') throw conflict(`the operation is ${status.state}`);
        const decision = can(confirmer, 'case.bulk_reassign', input.assignee.regionCode ?? undefined);
        if (!decision.ok) throw forbidden(decision.reason);
        if (confirmer.id === input.requestedBy.id) throw forbidden('four-eyes: a second supervisor must confirm');
      },
    },
  );

  await condition(() => status.state !== 'awaiting_confirmation');
  if (status.state === 'declined') return status;

  const cases = await acts.listOpenCasesOf({ userId: input.fromUserId, scope: input.requestedBy.regionCode });
  status.total = cases.length;
  for (const c of cases) {
    const r = await acts.reassignCase({ workflowId: c.workflowId, actor, assignee: input.assignee, reason: input.reason });
    if (r.ok) status.reassigned++;
    else status.skipped.push({ caseId: c.caseId, reason: r.reason });
  }
  status.state = 'done';
  return status;
}
