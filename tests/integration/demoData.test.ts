// The demo data of `npm start` (infra/demo.ts), run against the test stack (which starts without
// it: DEMO_DATA=0): every period and complaint state exists, made through the API and its
// workflows, and a second run creates nothing.
import fs from 'node:fs';
import path from 'node:path';
import { COMPLAINT_PLANS, demoKpmRows, demoMonth, seedDemoData } from '../../infra/demo';
import { CASE_TARGETS, CASEWORK_PLANS, CLAIM_PLANS } from '../../infra/demoCasework';
import { nikProblem } from '../../domain/nik';
import { call, login, stack, suiteConnections } from '../support/stack';

const { sql } = suiteConnections();
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

test('demo data: every period and complaint state, through the API; a second run adds nothing', async () => {
  // The seeder's own memory of what it made lives beside the stack's data (a fresh folder here).
  const dataDir = fs.mkdtempSync(path.join(stack().dataDir, 'demo-'));
  const lines: string[] = [];
  const first = await seedDemoData({ apiUrl: stack().apiUrl, dataDir, log: (l) => lines.push(l) });
  expect(first.refused).toEqual([]);
  expect(first.created.periods).toBe(6);
  expect(first.created.complaints).toBe(COMPLAINT_PLANS.length);
  expect(first.created.cases).toBe(4);
  expect(first.created.tasksCompleted).toBeGreaterThan(20);

  for (const row of [...demoKpmRows('33.73.01', 36), ...demoKpmRows('33.73.02', 28)]) expect(nikProblem(row.nik_pengurus)).toBeUndefined();
  const kpm = await sql<{ kecamatanCode: string; n: number }[]>`
    SELECT kecamatan_code, count(*)::int AS n FROM sembako_kpm WHERE id_kpm LIKE '33730_990000%' GROUP BY 1 ORDER BY 1`;
  expect(kpm).toEqual([
    { kecamatanCode: '33.73.01', n: 36 },
    { kecamatanCode: '33.73.02', n: 28 },
  ]);

  const months = [0, 1, 2].map((m) => demoMonth(new Date(), m));
  const ids = ['33.73.01', '33.73.02'].flatMap((k) => months.map((m) => `sembako-${k}-${m}`));
  const periods = (await call('GET', `/api/sembako/periods?filter=${q({ id: ids })}&range=${q([0, 99])}`, { token: await login('supervisor1') })).body as {
    id: string;
    status: string;
  }[];
  expect(new Set(periods.map((p) => p.status))).toEqual(new Set(['tikor', 'monitoring', 'report', 'verification', 'verified']));
  // The returned one waits for its report again, with the supervisor's reason on the task.
  const returned = periods.find((p) => p.status === 'report')!;
  const [report] = (await call('GET', `/api/tasks?filter=${q({ workflowId: returned.id, status: 'open' })}`, { token: await login('tksk2') })).body;
  expect(report).toMatchObject({ type: 'sembako_period_report', context: { returnNote: expect.any(String) } });
  // Monitoring results are real task completions with realisation and card problems.
  const monitored = await sql<{ data: { kpmListed: number; kpmServed: number; cardProblems: unknown[] } }[]>`
    SELECT data FROM tasks WHERE workflow_id = ANY(${ids}) AND type = 'sembako_monitoring' AND status = 'completed'`;
  expect(monitored.length).toBeGreaterThanOrEqual(6);
  for (const m of monitored) expect(m.data.kpmServed).toBeLessThanOrEqual(m.data.kpmListed);
  expect(monitored.some((m) => m.data.cardProblems.length > 0)).toBe(true);

  const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-data.json'), 'utf8')) as {
    complaints: Record<string, string>;
    cases: Record<string, string>;
  };
  const complaints = await sql<{ status: string }[]>`SELECT status FROM complaints WHERE id = ANY(${Object.values(state.complaints)})`;
  expect(new Set(complaints.map((c) => c.status))).toEqual(
    new Set(['forwarding', 'awaiting_acknowledgement', 'awaiting_resolution', 'awaiting_confirmation', 'closed', 'withdrawn']),
  );
  const cases = await sql<{ status: string }[]>`SELECT status FROM cases WHERE id = ANY(${Object.values(state.cases)})`;
  expect(cases.map((c) => c.status).sort()).toEqual(['assessment', 'assessment_review', 'closure_review', 'pendampingan']);
  // Audited as any other work: the complaints' steps are in the chain.
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ANY(${Object.values(state.complaints)})`;
  expect(n).toBeGreaterThan(COMPLAINT_PLANS.length);

  // Casework that looks alive (infra/demoCasework.ts): Salatiga's four kecamatan, assignments with SK data and a past evaluation.
  for (const plan of CASEWORK_PLANS) expect(nikProblem(plan.nik)).toBeUndefined();
  const supervisor = await login('supervisor1');
  const roster = (
    await call('GET', `/api/tksk-assignments?filter=${q({ kabupatenCode: '33.73', id: ['usr_tksk4', 'usr_tksk5', 'usr_tksk6'] })}`, { token: supervisor })
  ).body as { id: string; rosterStatus: string; kecamatanName: string; skNumber: string }[];
  expect(Object.fromEntries(roster.map((r) => [r.id, r.rosterStatus]))).toEqual({ usr_tksk4: 'active', usr_tksk5: 'ending_soon', usr_tksk6: 'ended' });
  expect(roster.find((r) => r.id === 'usr_tksk4')).toMatchObject({ kecamatanName: 'Argomulyo', skNumber: expect.stringMatching(/^466\//) });
  const renewed = (await call('GET', '/api/tksk-assignments/usr_tksk4', { token: supervisor })).body;
  expect(renewed.assignments).toHaveLength(1);
  // The stricter of the two appraisals holds: renew and renew_with_coaching → renew_with_coaching.
  expect(renewed.assignments[0].evaluation).toMatchObject({ outcome: 'renew_with_coaching', agreed: false });
  expect(renewed.assignments[0].evaluation.appraisals.map((a: { actorId: string }) => a.actorId)).toEqual(['usr_supervisor1', 'usr_supervisor2']);
  const vacant = (await call('GET', `/api/tksk-assignments/vacancies?filter=${q({ kabupatenCode: '33.73' })}`, { token: supervisor })).body as {
    code: string;
  }[];
  expect(vacant.map((v) => v.code)).not.toEqual(expect.arrayContaining(['33.73.03', '33.73.04']));

  const demoCases = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-casework.json'), 'utf8')) as { cases: Record<string, string> };
  expect(Object.keys(demoCases.cases)).toHaveLength(CASEWORK_PLANS.length);
  const rows = await sql<
    { id: string; status: string; paused: boolean }[]
  >`SELECT id, status, paused FROM cases WHERE id = ANY(${Object.values(demoCases.cases)})`;
  const byTarget = new Map<string, { status: string; paused: boolean }[]>();
  for (const plan of CASEWORK_PLANS) {
    const row = rows.find((r) => r.id === demoCases.cases[plan.key])!;
    byTarget.set(plan.target, [...(byTarget.get(plan.target) ?? []), row]);
  }
  const expected: Record<(typeof CASE_TARGETS)[number], string> = {
    assessment: 'assessment',
    assessment_review: 'assessment_review',
    pendampingan: 'pendampingan',
    rujukan: 'pendampingan',
    paused: 'pendampingan',
    closure_review: 'closure_review',
    aftercare: 'aftercare',
    closed: 'closed',
    cancelled: 'cancelled',
  };
  for (const target of CASE_TARGETS)
    expect({ target, statuses: byTarget.get(target)!.map((r) => r.status) }).toEqual({ target, statuses: Array(4).fill(expected[target]) });
  expect(byTarget.get('paused')!.every((r) => r.paused)).toBe(true);
  const referred = await sql<{ n: number }[]>`
    SELECT count(DISTINCT case_id)::int AS n FROM referrals WHERE case_id = ANY(${CASEWORK_PLANS.filter((p) => p.target === 'rujukan').map((p) => demoCases.cases[p.key])})`;
  expect(referred[0].n).toBe(4);
  const claims = await sql<{ status: string }[]>`SELECT status FROM tali_asih_claims WHERE tksk_id IN ('usr_tksk4', 'usr_tksk5')`;
  expect(claims).toHaveLength(CLAIM_PLANS.length);
  // The paid one may still be disbursing (the payment provider answers in its own time).
  expect(claims.map((c) => c.status)).toEqual(expect.arrayContaining(['report', 'verification', 'approval', 'awaiting_budget', 'rejected']));
  expect(claims.map((c) => c.status)).toEqual(expect.arrayContaining([expect.stringMatching(/^(paid|disbursing)$/)]));

  const [{ since }] = await sql<{ since: Date }[]>`SELECT now() AS since`;
  const second = await seedDemoData({ apiUrl: stack().apiUrl, dataDir, log: (l) => lines.push(l) });
  expect(second.created).toEqual({ kpm: 0, periods: 0, complaints: 0, cases: 0, tasksCompleted: 0 });
  expect(second.refused).toEqual([]);
  // No task came of the second run (named by type and workflow, so a failure says which).
  const added = await sql<{ what: string }[]>`
    SELECT type || ' ' || regexp_replace(workflow_id, '[0-9a-f-]{36}|usr_\w+|\d{4}-\d{2}', '…', 'g') AS what FROM tasks WHERE created_at >= ${since} ORDER BY 1`;
  expect(added.map((t) => t.what)).toEqual([]);
}, 300_000);
