// Audit chain anchors (issue 12, item 4): a database superuser disables the append-only trigger,
// rewrites who approved a step, and recomputes every hash after it with kesos-flow's own
// auditHash. The chain alone still verifies; the anchors kept in Temporal history do not match,
// and GET /api/audit/verify names the anchor. The test stack is shared by every suite: the
// original rows are restored (in `finally`) and the chain verifies again.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { auditHash, CHAIN_LOCK, GENESIS_HASH, verifyAuditChain, type AuditAnchor, type AuditEntry } from '../../db/audit';
import type { Tx } from '../../db';
import { thinAnchors } from '../../workflows/anchors';
import { AUDIT_ANCHORS_WORKFLOW_ID, auditAnchorsQuery, takeAuditAnchorUpdate } from '../../workflows/definitions';
import { completeOk, registerCase } from '../support/casework';
import { recordHistory } from '../support/histories';
import { testDataConverter } from '../support/keys';
import { asesmenData, call, db, login, temporalEndpoint, temporalClient } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

/** What the Schedule does every 10 minutes (Schedules are paused in the test stack). */
async function anchorNow(): Promise<AuditAnchor> {
  const { client, close } = await temporalClient();
  try {
    const workflowId = `audit-anchor-test-${randomUUID()}`;
    const anchor = (await client.workflow.execute('anchorAuditChainWorkflow', { workflowId, taskQueue: 'kesos-flow', args: [] })) as AuditAnchor | null;
    if (!anchor) throw new Error('the chain is empty: nothing was anchored');
    await recordHistory(client, 'audit-anchor-run', workflowId);
    return anchor;
  } finally {
    await close();
  }
}

async function verify() {
  const r = await call('GET', '/api/audit/verify', { token: await login('auditor1') });
  expect(r.status).toBe(200);
  return r.body;
}

/**
 * What an attacker with the code does, as the superuser: with the chain lock held (so no append
 * interleaves) and the append-only trigger off, change one row and recompute prev_hash and hash
 * of that row and every later one with db/audit.ts's own auditHash.
 */
async function rewriteAndRehash(seq: string, change: (tx: Tx) => Promise<unknown>): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
    await tx`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`;
    await change(tx);
    const [before] = await tx<{ hash: string }[]>`SELECT hash FROM audit_log WHERE seq < ${seq} ORDER BY seq DESC LIMIT 1`;
    let prev = before?.hash ?? GENESIS_HASH;
    for (const r of await tx`SELECT * FROM audit_log WHERE seq >= ${seq} ORDER BY seq`) {
      const hash = auditHash(prev, r as unknown as AuditEntry);
      await tx`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE seq = ${r.seq}`;
      prev = hash;
    }
    await tx`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`;
  });
}

test('rewriting who approved and rehashing the chain is found by the anchors; restored, the chain verifies again', async () => {
  // Some audited activity, anchored; then more, anchored again.
  const first = await registerCase('tksk1');
  const a1 = await anchorNow();
  const caseId = await registerCase('tksk1');
  await completeOk(caseId, 'asesmen', 'tksk1', { data: asesmenData });
  await completeOk(caseId, 'assessment_approval', 'supervisor1', { outcome: 'approve', data: {} });
  const a2 = await anchorNow();
  expect(BigInt(a2.seq)).toBeGreaterThan(BigInt(a1.seq));
  expect(a2.rows).toBeGreaterThan(a1.rows);
  expect(first).not.toBe(caseId);

  const before = await verify();
  expect(before).toMatchObject({ ok: true, anchors: { ok: true, latestAt: a2.at } });
  expect(before.anchors.checked).toBeGreaterThanOrEqual(2);

  // The approval: between the two anchors.
  const [approval] = await sql`
    SELECT a.seq, a.actor_id FROM audit_log a JOIN tasks t ON t.id = a.entity_id
    WHERE a.case_id = ${caseId} AND a.action = 'task.completed' AND t.type = 'assessment_approval'`;
  expect(approval.actorId).toBe('usr_supervisor1');
  expect(BigInt(approval.seq)).toBeGreaterThan(BigInt(a1.seq));
  expect(BigInt(approval.seq)).toBeLessThanOrEqual(BigInt(a2.seq));
  const originals = await sql<
    { seq: string; prevHash: string; hash: string }[]
  >`SELECT seq, prev_hash, hash FROM audit_log WHERE seq >= ${approval.seq} ORDER BY seq`;

  try {
    await rewriteAndRehash(approval.seq, (tx) => tx`UPDATE audit_log SET actor_id = 'usr_supervisor2' WHERE seq = ${approval.seq}`);
    // The chain on its own is fooled: every hash recomputes.
    const chainOnly = await verifyAuditChain(sql);
    expect(chainOnly.ok).toBe(true);

    // Its anchors are not: the row at the second anchor has another hash now; the first still matches.
    const after = await verify();
    expect(after.ok).toBe(false);
    expect(after.anchors).toMatchObject({ ok: false, latestAt: a2.at });
    expect(after.firstBroken).toEqual({ seq: a2.seq, reason: 'anchor_hash', anchor: a2 });
  } finally {
    // Back as it was: the original actor, and every hash recomputed from there (rows appended in
    // the meantime included).
    await rewriteAndRehash(approval.seq, (tx) => tx`UPDATE audit_log SET actor_id = ${approval.actorId} WHERE seq = ${approval.seq}`);
  }
  const restored = await sql<
    { seq: string; prevHash: string; hash: string }[]
  >`SELECT seq, prev_hash, hash FROM audit_log WHERE seq >= ${approval.seq} ORDER BY seq`;
  expect(restored.slice(0, originals.length)).toEqual(originals);
  const again = await verify();
  expect(again).toMatchObject({ ok: true, anchors: { ok: true } });
  expect(again.firstBroken).toBeUndefined();
});

test('the Schedule anchors every 10 minutes; an anchors workflow ended outside kesos-flow is restarted with its anchors', async () => {
  const { client, close } = await temporalClient();
  try {
    const schedule = await client.schedule.getHandle('kesos-audit-anchor').describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'anchorAuditChainWorkflow' });
    expect(schedule.spec.intervals?.[0]?.every).toBe(10 * 60_000);

    await registerCase('tksk1');
    const before = await anchorNow();
    const handle = client.workflow.getHandle(AUDIT_ANCHORS_WORKFLOW_ID);
    const kept = (await handle.query(auditAnchorsQuery)).anchors;
    expect(kept.at(-1)).toEqual(before);
    await handle.terminate('terminated from the Temporal UI');

    const next = await anchorNow();
    const carried = (await handle.query(auditAnchorsQuery)).anchors;
    // The last run's anchors, then the new one (thinned as every anchoring is).
    expect(carried).toEqual(thinAnchors([...kept, next], Date.now()));
    expect(carried[0]).toEqual(kept[0]);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect((await verify()).anchors).toMatchObject({ ok: true, checked: carried.length, latestAt: next.at });
  } finally {
    await close();
  }
});

test('the anchors survive continue-as-new, and nobody without the seal key starts an anchors workflow', async () => {
  const { client, close } = await temporalClient();
  const workflowId = `audit-anchors-test-${randomUUID()}`;
  try {
    const handle = await client.workflow.start('auditAnchorsWorkflow', {
      workflowId,
      taskQueue: 'kesos-flow',
      args: [{ anchors: [], startedBy: null, historyLimit: 20 }],
    });
    const firstRunId = handle.firstExecutionRunId;
    const taken: AuditAnchor[] = [];
    for (let i = 0; i < 4; i++) taken.push((await handle.executeUpdate(takeAuditAnchorUpdate))!);
    const described = await handle.describe();
    expect(described.runId).not.toBe(firstRunId); // continued as new past 20 events
    // Taken within one 10-minute interval: the first and the latest stay.
    const kept = (await handle.query(auditAnchorsQuery)).anchors;
    expect(kept[0]).toEqual(taken[0]);
    expect(kept.at(-1)).toEqual(taken.at(-1));
    await recordHistory(client, 'audit-anchors-continued', workflowId, firstRunId);
  } finally {
    await client.workflow
      .getHandle(workflowId)
      .terminate('test over')
      .catch(() => undefined);
    await close();
  }

  // The payload key alone (leaked) cannot start one with anchors of its choosing.
  const connection = await Connection.connect(temporalEndpoint());
  try {
    const leaked = new Client({ connection, dataConverter: testDataConverter() });
    const forged = leaked.workflow.execute('auditAnchorsWorkflow', {
      workflowId: `audit-anchors-forged-${randomUUID()}`,
      taskQueue: 'kesos-flow',
      args: [{ anchors: [{ seq: '1', hash: 'f'.repeat(64), rows: 1, at: new Date().toISOString() }], startedBy: null }],
    });
    await expect(forged).rejects.toThrow();
    await forged.catch((err: any) => expect(String(err.cause?.message ?? err.message)).toMatch(/refused start of auditAnchorsWorkflow: unsigned call/));
  } finally {
    await connection.close();
  }
});
