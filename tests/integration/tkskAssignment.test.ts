// TKSK assignments on the real stack (docs/tksk-assignment.md): an SK recorded for a period that
// starts and ends today, so the yearly evaluation opens at once on any date; renewal with the
// Koordinator TKSK; non-renewal handing the open cases to a successor and disabling the account;
// four-eyes; a resignation with no successor leaving the open tasks in the unassigned queue.
import { waitUntil } from '../support/casework';
import { recordHistoryOf } from '../support/histories';
import { call, login, registration, signedInTksk, suiteConnections } from '../support/stack';

const { sql } = suiteConnections();
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
/** Today in Jakarta, and a day from it (YYYY-MM-DD). */
const jakartaDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function record(userId: string, startDate = jakartaDay(), endDate = jakartaDay()) {
  const r = await call('POST', '/api/tksk-assignments', {
    token: await login('supervisor1'),
    body: { userId, skNumber: '466/123/HUK/2026', skDate: jakartaDay(-1), kecamatanCode: '33.73.01', startDate, endDate },
  });
  if (r.status !== 201) throw new Error(`record: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function evaluationTask(userId: string, user: string, type = 'tksk_evaluation') {
  return waitUntil(`${type} of ${userId}`, async () => {
    const r = await call('GET', `/api/tasks?filter=${q({ workflowId: `assignment-${userId}`, status: 'open', type })}`, { token: await login(user) });
    return (r.body as { id: string; context: Record<string, any> }[])[0];
  });
}

const completeAs = async (taskId: string, user: string | { token: string }, body: { outcome: string; data: Record<string, unknown> }) =>
  call('POST', `/api/tasks/${taskId}/complete`, { token: typeof user === 'string' ? await login(user) : user.token, body });

const scoresOf = (context: Record<string, any>, score: number) =>
  (context.criteria as { criterionId: string }[]).map((c) => ({ criterionId: c.criterionId, score }));

async function assignment(userId: string) {
  const r = await call('GET', `/api/tksk-assignments/${userId}`, { token: await login('supervisor1') });
  expect(r.status).toBe(200);
  return r.body;
}

async function registerCaseAs(token: string): Promise<string> {
  const r = await call('POST', '/api/cases', { token, body: registration() });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

test('a year’s evaluation by the supervisor and the Koordinator TKSK renews the assignment', async () => {
  const tksk = await signedInTksk('33.73.01');
  await sql`INSERT INTO tksk_koordinators (kabupaten_code, user_id) VALUES ('33.73', 'usr_tksk2') ON CONFLICT (kabupaten_code) DO UPDATE SET user_id = 'usr_tksk2'`;
  try {
    const started = await record(tksk.id);
    expect(started).toMatchObject({ userId: tksk.id, period: { kecamatanCode: '33.73.01' } });
    const first = await evaluationTask(tksk.id, 'supervisor1');
    expect(first.context.figures).toMatchObject({ casesRegistered: 0, tasksCompleted: 0 });
    expect(first.context.criteria.length).toBeGreaterThan(1);
    expect((await completeAs(first.id, 'supervisor1', { outcome: 'renew', data: { scores: scoresOf(first.context, 4), notes: 'Baik.' } })).status).toBe(200);
    const second = await evaluationTask(tksk.id, 'tksk2', 'tksk_evaluation_koordinator');
    expect((await completeAs(second.id, 'tksk2', { outcome: 'renew', data: { scores: scoresOf(second.context, 4) } })).status).toBe(200);
    const done = await waitUntil('renewed', async () => {
      const a = await assignment(tksk.id);
      return a.status === 'renewed' && a;
    });
    expect(done).toMatchObject({ outcome: 'renew', rosterStatus: 'ending_soon' });
    expect(done.timeline.map((t: { action: string }) => t.action)).toEqual(
      expect.arrayContaining(['tksk_assignment.recorded', 'tksk_assignment.activated', 'tksk_assignment.evaluation_opened', 'tksk_assignment.renew']),
    );
    const roster = await call('GET', `/api/tksk-assignments?filter=${q({ kabupatenCode: '33.73' })}&range=${q([0, 499])}`, {
      token: await login('supervisor1'),
    });
    expect(roster.body.find((r: { id: string }) => r.id === tksk.id)).toMatchObject({ kecamatanName: expect.any(String), status: 'renewed' });
    // A new SK continues the same workflow with its next period.
    const next = await record(tksk.id, jakartaDay(1), jakartaDay(300));
    expect(next.status).toBe('scheduled');
    expect((await assignment(tksk.id)).assignments).toHaveLength(2);
    await recordHistoryOf('tksk-assignment-renewed-next-sk', `assignment-${tksk.id}`);
  } finally {
    await sql`DELETE FROM tksk_koordinators WHERE kabupaten_code = '33.73'`;
  }
});

test('four-eyes: the same appraiser cannot appraise twice, the TKSK cannot appraise themself', async () => {
  const tksk = await signedInTksk('33.73.01');
  await record(tksk.id);
  const first = await evaluationTask(tksk.id, 'supervisor1');
  // A TKSK may not complete the supervisor's appraisal, least of all their own: it is not even theirs to see.
  expect([403, 404]).toContain((await completeAs(first.id, tksk, { outcome: 'renew', data: { scores: scoresOf(first.context, 5) } })).status);
  const [still] = await sql<{ status: string }[]>`SELECT status FROM tasks WHERE id = ${first.id}`;
  expect(still.status).toBe('open');
  expect((await completeAs(first.id, 'supervisor1', { outcome: 'renew', data: { scores: scoresOf(first.context, 3) } })).status).toBe(200);
  const second = await evaluationTask(tksk.id, 'supervisor1');
  expect(second.id).not.toBe(first.id);
  const refused = await completeAs(second.id, 'supervisor1', { outcome: 'renew', data: { scores: scoresOf(second.context, 3) } });
  expect(refused.status).toBe(403);
  // Disagreement: the stricter outcome holds.
  const ok = await completeAs(second.id, 'supervisor2', {
    outcome: 'renew_with_coaching',
    data: { scores: scoresOf(second.context, 2), coachingPlan: 'Pembinaan laporan bulanan tiga bulan.' },
  });
  expect(ok.status).toBe(200);
  const done = await waitUntil('renewed', async () => {
    const a = await assignment(tksk.id);
    return a.status === 'renewed' && a;
  });
  expect(done.outcome).toBe('renew_with_coaching');
});

test('non-renewal hands the open cases to the successor and disables the account on the end date', async () => {
  const tksk = await signedInTksk('33.73.01');
  const caseIds = [await registerCaseAs(tksk.token), await registerCaseAs(tksk.token)];
  await record(tksk.id);
  const first = await evaluationTask(tksk.id, 'supervisor1');
  expect(first.context.figures.casesRegistered).toBe(2);
  await completeAs(first.id, 'supervisor1', {
    outcome: 'not_renew',
    data: { scores: scoresOf(first.context, 1), notes: 'Tidak aktif.', successorId: 'usr_tksk3' },
  });
  const second = await evaluationTask(tksk.id, 'supervisor2');
  expect((await completeAs(second.id, 'supervisor2', { outcome: 'not_renew', data: { scores: scoresOf(second.context, 1), notes: 'Setuju.' } })).status).toBe(
    200,
  );
  const ended = await waitUntil(
    'ended',
    async () => {
      const a = await assignment(tksk.id);
      return a.status === 'ended' && a;
    },
    60_000,
  );
  expect(ended).toMatchObject({ outcome: 'not_renew', endReason: 'not_renewed', successorId: 'usr_tksk3', rosterStatus: 'ended' });
  const [user] = await sql<{ disabled: boolean }[]>`SELECT disabled FROM users WHERE id = ${tksk.id}`;
  expect(user.disabled).toBe(true);
  // Nothing lost: every open case and its open tasks are the successor's.
  const cases = await sql<{ assigneeId: string }[]>`SELECT assignee_id FROM cases WHERE id IN ${sql(caseIds)}`;
  expect(cases.map((c) => c.assigneeId)).toEqual(['usr_tksk3', 'usr_tksk3']);
  const [left] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM tasks WHERE assignee_id = ${tksk.id} AND status = 'open'`;
  expect(left.n).toBe(0);
  await recordHistoryOf('tksk-assignment-not-renewed-handed-over', `assignment-${tksk.id}`);
  expect((await call('POST', '/api/auth/login', { body: { username: tksk.username, password: 'sandi-cukup-panjang' } })).status).not.toBe(200);
});

test('a resignation with no successor leaves the open tasks in the unassigned queue', async () => {
  const tksk = await signedInTksk('33.73.01');
  const caseId = await registerCaseAs(tksk.token);
  await record(tksk.id, jakartaDay(1), jakartaDay(200));
  const self = await call('POST', `/api/tksk-assignments/${tksk.id}/actions/end`, {
    token: tksk.token,
    body: { reason: 'resignation', endDate: jakartaDay() },
  });
  expect(self.status).toBe(403);
  const ended = await call('POST', `/api/tksk-assignments/${tksk.id}/actions/end`, {
    token: await login('supervisor1'),
    body: { reason: 'resignation', endDate: jakartaDay() },
  });
  expect(ended.status).toBe(200);
  await waitUntil('ended', async () => (await assignment(tksk.id)).status === 'ended');
  const [user] = await sql<{ disabled: boolean }[]>`SELECT disabled FROM users WHERE id = ${tksk.id}`;
  expect(user.disabled).toBe(true);
  const queue = await call('GET', `/api/tasks?filter=${q({ caseId, status: 'open', unassigned: true })}`, { token: await login('supervisor1') });
  expect(queue.status).toBe(200);
  expect(queue.body.length).toBeGreaterThan(0);
  const [left] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM tasks WHERE assignee_id = ${tksk.id} AND status = 'open'`;
  expect(left.n).toBe(0);
  const vacancies = await call('GET', `/api/tksk-assignments/vacancies?filter=${q({ kabupatenCode: '33.73' })}&range=${q([0, 99])}`, {
    token: await login('supervisor1'),
  });
  expect(vacancies.status).toBe(200);
  expect(vacancies.body.length).toBeGreaterThan(0);
});

/** First day of the month `offset` months from Jakarta's current one (YYYY-MM-DD), and its YYYY-MM. */
function monthStart(offset = 0): string {
  const now = new Date(Date.now() + 7 * 3600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}
const monthOf = (day: string) => day.slice(0, 7);

/** Completes each open appraisal of the TKSK with `outcome` until the workflow no longer evaluates (a past year opens at once). */
async function appraiseOpenYears(userId: string, outcome = 'renew') {
  for (let round = 0; round < 10; round++) {
    const a = await assignment(userId);
    const r = await call('GET', `/api/tasks?filter=${q({ workflowId: `assignment-${userId}`, status: 'open' })}`, { token: await login('supervisor1') });
    const open = r.body as { id: string; submittedBy: string | null; context: Record<string, any> }[];
    if (!open.length && a.status !== 'evaluation') return a;
    for (const t of open) {
      // The second appraisal is four-eyes with the first appraiser: supervisor2 takes it.
      const who = t.submittedBy === 'usr_supervisor1' ? 'supervisor2' : 'supervisor1';
      const done = await completeAs(t.id, who, { outcome, data: { scores: scoresOf(t.context, 4) } });
      if (done.status !== 200) throw new Error(`appraisal: ${done.status} ${JSON.stringify(done.body)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the evaluations of ${userId} did not settle`);
}

test('ending an assignment while its evaluation is open answers 409 assignment-evaluation-open and changes nothing', async () => {
  const tksk = await signedInTksk('33.73.01');
  await record(tksk.id);
  await evaluationTask(tksk.id, 'supervisor1');
  const refused = await call('POST', `/api/tksk-assignments/${tksk.id}/actions/end`, {
    token: await login('supervisor1'),
    body: { reason: 'resignation', endDate: jakartaDay() },
  });
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ code: 'assignment-evaluation-open' });
  const a = await assignment(tksk.id);
  expect(a).toMatchObject({ status: 'evaluation', endReason: null });
  expect(a.timeline.map((t: { action: string }) => t.action)).not.toContain('tksk_assignment.ending');
  const [user] = await sql<{ disabled: boolean }[]>`SELECT disabled FROM users WHERE id = ${tksk.id}`;
  expect(user.disabled).toBe(false);
});

test('a renewal inside a multi-year SK continues the same period to the next year’s evaluation, with no new SK', async () => {
  const tksk = await signedInTksk('33.73.01');
  // Started on 1 January of last year: last year's evaluation (31 December) is past and opens at once.
  const lastYear = Number(jakartaDay().slice(0, 4)) - 1;
  await record(tksk.id, `${lastYear}-01-01`, jakartaDay(400));
  const first = await evaluationTask(tksk.id, 'supervisor1');
  expect(first.context.year).toEqual({ from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
  expect((await completeAs(first.id, 'supervisor1', { outcome: 'renew', data: { scores: scoresOf(first.context, 4) } })).status).toBe(200);
  const second = await evaluationTask(tksk.id, 'supervisor2');
  expect((await completeAs(second.id, 'supervisor2', { outcome: 'renew', data: { scores: scoresOf(second.context, 5) } })).status).toBe(200);
  const thisYearEvaluation = `${lastYear + 1}-12-31`;
  const continued = await waitUntil('continued', async () => {
    const a = await assignment(tksk.id);
    return a.timeline.some((t: { action: string }) => t.action === 'tksk_assignment.continued') && a.status !== 'renewed' && a;
  });
  // One period, one SK: this year is evaluated on its own 31 December (today, on 31 December).
  expect(continued.assignments).toHaveLength(1);
  expect(continued.status).toBe(jakartaDay() >= thisYearEvaluation ? 'evaluation' : 'active');
  expect(continued).toMatchObject({ outcome: 'renew', rosterStatus: 'active' });
  expect(continued.assignments[0].evaluation).toMatchObject({ outcome: 'renew', agreed: true, year: { from: `${lastYear}-01-01` } });
  expect(continued.assignments[0].evaluation.criteria.length).toBeGreaterThan(1);
  const row = continued.timeline.find((t: { action: string }) => t.action === 'tksk_assignment.continued');
  expect(row.details).toMatchObject({ from: `${lastYear + 1}-01-01`, evaluationDate: thisYearEvaluation });
});

test('tali asih follows the assignment: no claim after the last full month served, none before it began; a TKSK without any assignment as before', async () => {
  const supervisor = await login('supervisor1');
  const claim = (tkskId: string, period: string) => call('POST', '/api/tali-asih/claims', { token: supervisor, body: { tkskId, period } });
  const previous = monthOf(monthStart(-1));
  const current = monthOf(monthStart(0));
  const beforeStart = monthOf(monthStart(-2));

  // Legacy: no assignment record at all, claims open as they always did.
  const legacy = await signedInTksk('33.73.01');
  expect((await claim(legacy.id, beforeStart)).status).toBe(201);

  const tksk = await signedInTksk('33.73.01');
  await record(tksk.id, monthStart(-1), jakartaDay());
  await appraiseOpenYears(tksk.id);
  // Resigned today: the last full month served is the previous one (this one too when today is its last day).
  // (In January last year's evaluation opens first: a 409 says to appraise it, then end.)
  let ended = { status: 0, body: null as unknown };
  for (let attempt = 0; attempt < 5; attempt++) {
    await appraiseOpenYears(tksk.id);
    ended = await call('POST', `/api/tksk-assignments/${tksk.id}/actions/end`, { token: supervisor, body: { reason: 'resignation', endDate: jakartaDay() } });
    if (ended.status !== 409) break;
  }
  expect(ended.status).toBe(200);
  await waitUntil('ended', async () => (await assignment(tksk.id)).status === 'ended');
  // The account is disabled with the end; enabled again (say, by the admin for a later SK), the assignment still decides.
  await sql`UPDATE users SET disabled = false WHERE id = ${tksk.id}`;
  const monthEndsToday = jakartaDay(1).endsWith('-01');
  const late = await claim(tksk.id, current);
  expect(late.status).toBe(monthEndsToday ? 201 : 422);
  if (!monthEndsToday) expect(late.body.errors).toEqual([expect.objectContaining({ path: ['body', 'period'] })]);
  expect((await claim(tksk.id, previous)).status).toBe(201);
  const early = await claim(tksk.id, beforeStart);
  expect(early.status).toBe(422);
  const [n] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM tali_asih_claims WHERE tksk_id = ${tksk.id} AND period = ${beforeStart}`;
  expect(n.n).toBe(0);
});
