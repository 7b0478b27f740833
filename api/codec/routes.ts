// Remote codec endpoint (Temporal's codec-server protocol) so that supervisors and auditors can
// read the encrypted history of a workflow of their region: POST /api/codec/decode?workflowId=<id>
// (or the X-Workflow-Id header) with {payloads: [{metadata: {k: base64}, data: base64}]}.
// The protocol carries no workflow (Temporal's UI sends only X-Namespace), so the caller names it
// and it is checked like the API's own reads:
// - its case (a case or referral workflow) or stipend claim must lie in the caller's region, else
//   404, as the API hides it; workflows of neither kind (bulk operations, schedules) are nobody's;
// - every encrypted payload must be one of that workflow's history (its runs through
//   continue-as-new), else 403: ciphertext of another region's case cannot be passed off as a
//   readable workflow's;
// - every decode is audited (who, which workflow, how many payloads), whatever the role.
// There is no /encode: it would mint valid ciphertext for anyone with a supervisor login, and the
// Temporal UI needs it only for its write actions (start, signal), which are disabled.
import { createHash } from 'node:crypto';
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError, type Payload, type PayloadCodec } from '@temporalio/common';
import type { z } from 'zod';
import type { Sql } from '../../db';
import { CLAIM_REGION_COLUMNS, inRegion } from '../../db/regionScope';
import { authorize } from '../../domain/access';
import type { Actor } from '../../domain/roles';
import { caseInRegion } from '../cases/queries';
import { authorizedActor, parseInput } from '../http';
import { HttpProblem } from '../problem';
import { recordRequestEvent } from '../requestAudit';
import { codecBodySchema, codecQuerySchema, type wirePayload } from './schema';
import { complaintInRegion } from '../complaints/queries';

const ENCRYPTED = 'binary/encrypted';
/** Earlier runs (continue-as-new) searched for a payload before it is refused. */
const MAX_RUNS = 20;

const fromWire = (p: z.infer<typeof wirePayload>): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: p.data === undefined ? undefined : Buffer.from(p.data, 'base64'),
});
const toWire = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: p.data ? Buffer.from(p.data).toString('base64') : undefined,
});
const digest = (data: Uint8Array) => createHash('sha256').update(data).digest('base64');
const isEncrypted = (p: Payload) => Buffer.from(p.metadata?.encoding ?? []).toString() === ENCRYPTED;

/** The case (null for a claim or a complaint) and region of a workflow, if the actor's region holds it. */
async function workflowInScope(sql: Sql, actor: Actor, workflowId: string): Promise<{ caseId: string | null; regionCode: string } | undefined> {
  const [row] = await sql<{ caseId: string | null; regionCode: string }[]>`
    SELECT c.id AS case_id, c.desa_code AS region_code FROM cases c WHERE c.workflow_id = ${workflowId} AND ${caseInRegion(sql, actor)}
    UNION ALL
    SELECT c.id, c.desa_code FROM referrals r JOIN cases c ON c.id = r.case_id WHERE r.workflow_id = ${workflowId} AND ${caseInRegion(sql, actor)}
    UNION ALL
    SELECT NULL, c.kecamatan_code FROM tali_asih_claims c WHERE c.id = ${workflowId} AND ${inRegion(sql, actor.regionCode, CLAIM_REGION_COLUMNS)}
    UNION ALL
    SELECT NULL, c.kecamatan_code FROM complaints c WHERE c.workflow_id = ${workflowId} AND ${complaintInRegion(sql, actor)}
    LIMIT 1`;
  return row;
}

/** Adds the digest of every payload's data found in a (raw, still encrypted) history. */
function collectDigests(node: unknown, into: Set<string>): void {
  if (node instanceof Uint8Array || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => collectDigests(n, into));
  const o = node as Record<string, unknown>;
  if (o.data instanceof Uint8Array && o.metadata && typeof o.metadata === 'object') into.add(digest(o.data));
  for (const v of Object.values(o)) collectDigests(v, into);
}

/** Which of the wanted digests the workflow's history holds, through its earlier runs. */
async function inHistory(temporal: Client, workflowId: string, wanted: Set<string>): Promise<Set<string>> {
  const found = new Set<string>();
  let runId: string | undefined;
  for (let run = 0; run < MAX_RUNS; run++) {
    let history;
    try {
      history = await temporal.workflow.getHandle(workflowId, runId).fetchHistory();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError && run === 0) throw new HttpProblem(404, `Temporal holds no history of workflow ${workflowId}`);
      if (err instanceof WorkflowNotFoundError) break;
      throw err;
    }
    collectDigests(history, found);
    if ([...wanted].every((d) => found.has(d))) break;
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
    if (!runId) break;
  }
  return found;
}

export function codecRoutes(sql: Sql, codec: PayloadCodec, temporal: Client): Router {
  const router = Router();
  router.post('/codec/decode', async (req, res) => {
    const actor = authorizedActor(res, 'case.history');
    const header = req.header('x-workflow-id');
    const { workflowId } = parseInput('query', codecQuerySchema, { workflowId: req.query.workflowId ?? header });
    if (header !== undefined && header !== workflowId)
      throw new HttpProblem(422, 'the workflowId query parameter and the X-Workflow-Id header name different workflows');
    const body = parseInput('body', codecBodySchema, req.body);
    const scope = await workflowInScope(sql, actor, workflowId);
    if (!scope) throw new HttpProblem(404, `no case, referral, claim or complaint workflow ${workflowId} in your region`);
    authorize(actor, 'case.history', scope.regionCode);

    const payloads = body.payloads.map(fromWire);
    const wanted = new Set(payloads.filter(isEncrypted).map((p) => digest(p.data ?? new Uint8Array())));
    if (wanted.size > 0) {
      const found = await inHistory(temporal, workflowId, wanted);
      const foreign = payloads.flatMap((p, i) => (isEncrypted(p) && !found.has(digest(p.data ?? new Uint8Array())) ? [i] : []));
      if (foreign.length) throw new HttpProblem(403, `payloads ${foreign.join(', ')} are not from the history of workflow ${workflowId}`);
    }
    let decoded: Payload[];
    try {
      decoded = await codec.decode(payloads);
    } catch {
      throw new HttpProblem(422, 'payloads could not be decoded (unknown key or corrupted data)');
    }
    await recordRequestEvent(sql, res, {
      key: 'codec',
      action: 'temporal.payloads_decoded',
      entityType: 'workflow',
      entityId: workflowId,
      caseId: scope.caseId,
      details: { payloads: payloads.length, namespace: String(req.header('x-namespace') ?? 'default').slice(0, 200) },
    });
    res.json({ payloads: decoded.map(toWire) });
  });
  return router;
}
