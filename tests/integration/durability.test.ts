// Long life and crashes: continue-as-new carries a case's state, open tasks and referrals over
// intact; a worker SIGKILLed mid-case is restarted and the case goes on with nothing duplicated;
// search attributes make cases findable in Temporal without personal data.
import { randomUUID } from 'node:crypto';
import { asesmenData, registration, suiteConnections, workerPid } from '../support/stack';
import { complete, completeOk, getCase, openTask, recentDate, referral, tasksOf, toPendampingan, visit, waitUntil } from '../support/casework';
import { recordHistory } from '../support/histories';
import type { CaseWorkflowInput } from '../../domain/workflowContracts';

const { sql, temporal } = suiteConnections();

test('continue-as-new keeps state, open tasks and a running referral', async () => {
  const caseId = randomUUID();
  const input: CaseWorkflowInput = {
    caseId,
    historyLimit: 20, // tiny, to force several continue-as-new during one case
    registration: registration() as CaseWorkflowInput['registration'],
    registeredBy: { id: 'usr_tksk1', username: 'tksk1', role: 'tksk', regionCode: '33.73.01' },
    regions: { provinsi: '33', kabupaten: '33.73', kecamatan: '33.73.01', desa: '33.73.01.1001' },
    registeredAt: new Date().toISOString(),
  };
  const handle = await temporal.client.workflow.start('caseWorkflow', { workflowId: `case-${caseId}`, taskQueue: 'kesos-flow', args: [input] });
  const firstRunId = handle.firstExecutionRunId;
  await handle.executeUpdate('registered');

  await completeOk(caseId, 'asesmen', 'tksk1', { data: asesmenData });
  await completeOk(caseId, 'assessment_approval', 'supervisor1', { outcome: 'approve', data: {} });
  await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('refer', { referral }));
  const feedback = await waitUntil('feedback task', async () => (await tasksOf(caseId, 'tksk1', { status: 'open', type: 'rujukan_feedback' }))[0]);
  for (let i = 0; i < 3; i++) await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('continue'));

  const { runId } = await handle.describe();
  expect(runId).not.toBe(firstRunId); // it did continue as new
  // Feedback after the continue-as-new still reaches the case (signal to the same workflow id).
  expect(
    (await complete(feedback.id, 'tksk1', { outcome: 'served', data: { acknowledgedAt: recentDate(), serviceOutcome: 'Sudah dilayani puskesmas.' } })).status,
  ).toBe(200);
  await waitUntil('referral served in the new run', async () => {
    const snap = await handle.query<{ referrals: { status: string }[] }>('caseSnapshot');
    return snap.referrals[0]?.status === 'served';
  });
  const visitNo = (await openTask(caseId, 'pendampingan_visit', 'tksk1')).context.visitNo;
  expect(visitNo).toBe(5); // 1 refer + 3 continue done; the count survived
  const r = await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('propose_closure', { closureReason: 'goals_met' }));
  expect(r.case.status).toBe('closure_review');
  const tasks = await sql`SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM tasks WHERE case_id = ${caseId}`;
  expect(tasks[0].n).toBe(tasks[0].d);
  await recordHistory(temporal.client, 'case-first-run-before-continue-as-new', `case-${caseId}`, firstRunId);
  await recordHistory(temporal.client, 'rujukan-served', `rujukan-${caseId}-1`);
});

test('a worker killed mid-case is restarted and the case continues; nothing is duplicated', async () => {
  const caseId = await toPendampingan();
  const pid = workerPid();
  expect(pid).toBeDefined();
  process.kill(pid!, 'SIGKILL');
  // Completed while the worker is down: the Update waits for the restarted worker.
  const r = await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('continue'));
  expect(r.case.status).toBe('pendampingan');
  const newPid = workerPid();
  expect(newPid).toBeDefined();
  expect(newPid).not.toBe(pid);
  await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('propose_closure', { closureReason: 'goals_met' }));
  expect((await getCase(caseId)).status).toBe('closure_review');
  const [{ n, d }] =
    await sql`SELECT count(*)::int AS n, count(DISTINCT type || coalesce(completed_at::text, ''))::int AS d FROM tasks WHERE case_id = ${caseId}`;
  expect(n).toBe(d);
  const [{ dup }] = await sql`SELECT count(*)::int AS dup FROM (SELECT event_key FROM audit_log GROUP BY event_key HAVING count(*) > 1) x`;
  expect(dup).toBe(0);
  const visits = await sql`SELECT count(*)::int AS n FROM tasks WHERE case_id = ${caseId} AND type = 'pendampingan_visit'`;
  expect(visits[0].n).toBe(2);
});

test('search attributes find cases by status, PMKS, region and assignee; they hold no personal data', async () => {
  const caseId = await toPendampingan();
  await recordHistory(temporal.client, 'case-to-pendampingan', `case-${caseId}`);
  const query = `CaseStatus = 'pendampingan' AND PmksCode = 'LUT' AND KecamatanCode = '33.73.01' AND KabupatenCode = '33.73' AND AssignedTksk = 'usr_tksk1' AND Overdue = false`;
  const ids = await waitUntil('visibility', async () => {
    const found: string[] = [];
    for await (const wf of temporal.client.workflow.list({ query })) found.push(wf.workflowId);
    return found.includes(`case-${caseId}`) ? found : undefined;
  });
  expect(ids).toContain(`case-${caseId}`);
  const described = await temporal.client.workflow.getHandle(`case-${caseId}`).describe();
  const attrs = JSON.stringify(described.typedSearchAttributes);
  const [row] = await sql`SELECT nik, name FROM cases WHERE id = ${caseId}`;
  expect(attrs).not.toContain(row.nik);
  expect(attrs).not.toContain(row.name);
});
