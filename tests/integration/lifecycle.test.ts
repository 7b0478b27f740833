// Every path of the case process (docs/product.md §3.1, §3.3–3.5) over HTTP against the real stack.
// Deadlines use short policy durations set through the admin API (seconds, never minutes);
// kecamatan Tingkir (tksk2) gets the short SLAs so other tests keep the defaults.
import { verifyAuditChain } from '../../db/audit';
import {
  act,
  complete,
  completeOk,
  getCase,
  openTask,
  recentDate,
  referral,
  registerCase,
  setCasePolicy,
  setSla,
  tasksOf,
  toPendampingan,
  visit,
  waitUntil,
} from '../support/casework';
import { recordHistory } from '../support/histories';
import { asesmenData, call, login, suiteConnections } from '../support/stack';
import { addWorkingDays } from '../../domain/calendar';

const { sql, temporal } = suiteConnections();
const record = (name: string, workflowId: string) => recordHistory(temporal.client, name, workflowId);

const SIDOREJO = '33.73.01';
const TINGKIR = '33.73.02';

async function auditActions(caseId: string): Promise<string[]> {
  const rows = await sql<{ action: string }[]>`SELECT action FROM audit_log WHERE case_id = ${caseId} ORDER BY seq`;
  return rows.map((r) => r.action);
}

describe('the happy path', () => {
  beforeAll(() => setCasePolicy('aftercare_delay', SIDOREJO, 'PT2S'));
  afterAll(() => setCasePolicy('aftercare_delay', SIDOREJO, 'P30D'));

  test('registrasi → asesmen → approval → visits → rujukan → closure → bimbingan lanjut → closed', async () => {
    const caseId = await toPendampingan();
    const first = await openTask(caseId, 'pendampingan_visit', 'tksk1');
    expect(first.context.visitNo).toBe(1);
    // Visits follow the plan's cadence (14 working days), not the SLA table.
    expect(Date.parse(first.dueAt!) - Date.now()).toBeGreaterThan(13 * 24 * 3600 * 1000);

    let r = await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('continue'));
    expect(r.case.status).toBe('pendampingan');
    expect(r.case.openTasks.map((t: { type: string }) => t.type)).toEqual(['pendampingan_visit']);

    // Refer: a rujukan child workflow runs beside pendampingan.
    r = await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('refer', { referral }));
    expect(r.case.referrals).toEqual([expect.objectContaining({ workflowId: `rujukan-${caseId}-1`, status: 'open' })]);
    const feedback = await waitUntil('rujukan_feedback task', async () => (await tasksOf(caseId, 'tksk1', { status: 'open', type: 'rujukan_feedback' }))[0]);
    expect(feedback.workflowId).toBe(`rujukan-${caseId}-1`);
    expect(await openTask(caseId, 'pendampingan_visit', 'tksk1')).toBeDefined(); // pendampingan goes on beside it
    const fb = await complete(feedback.id, 'tksk1', {
      outcome: 'served',
      data: { acknowledgedAt: recentDate(), serviceOutcome: 'Diperiksa, mendapat obat rutin.' },
    });
    expect(fb.status).toBe(200);
    await waitUntil('referral served', async () => (await getCase(caseId)).referrals[0]?.status === 'served');

    r = await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('propose_closure', { closureReason: 'goals_met' }));
    expect(r.case.status).toBe('closure_review');
    // The TKSK who proposed the closure cannot approve it (not even see the approval task).
    const approval = await openTask(caseId, 'closure_approval', 'supervisor1');
    expect([403, 404]).toContain((await complete(approval.id, 'tksk1', { outcome: 'approve', data: {} })).status);
    r = await completeOk(caseId, 'closure_approval', 'supervisor1', { outcome: 'approve', data: {} });
    expect(r.case.status).toBe('aftercare');

    // Bimbingan lanjut after the (short) aftercare period.
    const aftercare = await waitUntil('bimbingan_lanjut task', async () => (await tasksOf(caseId, 'tksk1', { status: 'open', type: 'bimbingan_lanjut' }))[0]);
    r = await complete(aftercare.id, 'tksk1', { data: { followUpDate: recentDate(), condition: 'Mandiri, kebutuhan makan terpenuhi.' } });
    expect(r.status).toBe(200);
    expect(r.body.case).toMatchObject({ status: 'closed', closedReason: 'goals_met', openTasks: [] });

    const c = await getCase(caseId);
    expect(c).toMatchObject({ status: 'closed', closedReason: 'goals_met' });
    // (the next visit and the referral's feedback task are created side by side)
    expect(c.tasks.map((t: { type: string; status: string }) => `${t.type}:${t.status}`).sort()).toEqual([
      'asesmen:completed',
      'assessment_approval:completed',
      'bimbingan_lanjut:completed',
      'closure_approval:completed',
      'pendampingan_visit:completed',
      'pendampingan_visit:completed',
      'pendampingan_visit:completed',
      'rujukan_feedback:completed',
    ]);
    const actions = await auditActions(caseId);
    expect(actions).toEqual(expect.arrayContaining(['case.registered', 'rujukan.created', 'rujukan.closed', 'case.closure_approved', 'case.closed']));
    await record('case-happy-path', `case-${caseId}`);
  });
});

describe('approvals', () => {
  test('rejection closes the case as "rejected"; reopen sends it back to asesmen', async () => {
    const caseId = await registerCase();
    await completeOk(caseId, 'asesmen', 'tksk1', { data: asesmenData });
    const r = await completeOk(caseId, 'assessment_approval', 'supervisor1', { outcome: 'reject', data: { reason: 'Bukan PMKS: keluarga mampu merawat.' } });
    expect(r.case).toMatchObject({ status: 'closed', closedReason: 'rejected', openTasks: [] });

    const reopened = await act(caseId, 'reopen', 'supervisor1', { reason: 'Keluarga ternyata pindah ke luar kota.' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.case).toMatchObject({ status: 'assessment', closedReason: null });
    const t = await openTask(caseId, 'asesmen', 'tksk1');
    expect(t.context.returnNotes).toBe('Keluarga ternyata pindah ke luar kota.');
    await record('case-rejected-reopened', `case-${caseId}`);
  });

  test('closure can be returned to pendampingan with a reason', async () => {
    const caseId = await toPendampingan();
    await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('propose_closure', { closureReason: 'moved_away' }));
    const r = await completeOk(caseId, 'closure_approval', 'supervisor1', { outcome: 'return', data: { reason: 'Belum ada bukti pindah domisili.' } });
    expect(r.case.status).toBe('pendampingan');
    expect((await openTask(caseId, 'pendampingan_visit', 'tksk1')).context.returnNotes).toBe('Belum ada bukti pindah domisili.');
  });
});

describe('deadlines', () => {
  beforeAll(async () => {
    await setSla('asesmen', TINGKIR, 'PT2S');
    await setSla('rujukan_feedback', TINGKIR, 'PT2S');
  });
  afterAll(async () => {
    await setSla('asesmen', TINGKIR, 'P7D', true);
    await setSla('rujukan_feedback', TINGKIR, 'P14D', true);
  });

  test('a breached deadline marks the task overdue and escalates to the supervisor', async () => {
    const caseId = await registerCase('tksk2');
    const escalation = await waitUntil(
      'sla_escalation',
      async () => (await tasksOf(caseId, 'supervisor1', { status: 'open', type: 'sla_escalation' }))[0],
      15_000,
    );
    expect(escalation.context).toMatchObject({ overdueTaskType: 'asesmen' });
    const asesmen = await openTask(caseId, 'asesmen', 'tksk2');
    expect(asesmen.overdue).toBe(true);
    expect((await getCase(caseId)).overdue).toBe(true);
    expect((await tasksOf(caseId, 'supervisor1', { overdue: true, status: 'open' })).map((t) => t.type)).toEqual(['asesmen']);
    // Only one escalation per breach, and it can be handled.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await tasksOf(caseId, 'supervisor1', { type: 'sla_escalation' })).toHaveLength(1);
    expect((await complete(escalation.id, 'supervisor1', { data: { actionTaken: 'TKSK dihubungi lewat telepon.' } })).status).toBe(200);
    // Completing the late task clears the case's overdue flag.
    await completeOk(caseId, 'asesmen', 'tksk2', { data: asesmenData });
    expect((await getCase(caseId)).overdue).toBe(false);
    await record('case-deadline-escalated', `case-${caseId}`);
  });

  test('pausing stops the clock; resuming restarts it with the time that was left', async () => {
    await setSla('asesmen', TINGKIR, 'PT4S');
    try {
      const caseId = await registerCase('tksk2');
      const before = await openTask(caseId, 'asesmen', 'tksk2');
      const paused = await act(caseId, 'pause', 'supervisor1', { reason: 'Penerima manfaat dirawat inap.' });
      expect(paused.status).toBe(200);
      expect(paused.body.case.paused).toBe(true);
      // While paused: no completion, no escalation even well past the due time.
      expect((await complete(before.id, 'tksk2', { data: asesmenData })).status).toBe(409);
      await new Promise((r) => setTimeout(r, 5_000));
      expect(await tasksOf(caseId, 'supervisor1', { type: 'sla_escalation' })).toHaveLength(0);
      expect((await getCase(caseId)).paused).toBe(true);

      const resumed = await act(caseId, 'resume', 'supervisor1', { reason: 'Sudah pulang dari rumah sakit.' });
      expect(resumed.status).toBe(200);
      const after = await openTask(caseId, 'asesmen', 'tksk2');
      expect(Date.parse(after.dueAt!) - Date.parse(before.dueAt!)).toBeGreaterThanOrEqual(4_500);
      await waitUntil('escalation after resume', async () => (await tasksOf(caseId, 'supervisor1', { type: 'sla_escalation' }))[0], 15_000);
      await record('case-paused-resumed', `case-${caseId}`);
    } finally {
      await setSla('asesmen', TINGKIR, 'PT2S');
    }
  });

  test('a referral without feedback: reminder, then escalation', async () => {
    await setSla('asesmen', TINGKIR, 'P7D', true);
    const caseId = await toPendampingan('tksk2');
    await completeOk(caseId, 'pendampingan_visit', 'tksk2', visit('refer', { referral: { ...referral, institutionName: 'Balai Rehabilitasi Sosial' } }));
    const fb = await waitUntil('feedback task overdue', async () => {
      const [t] = await tasksOf(caseId, 'tksk2', { type: 'rujukan_feedback' });
      return t?.overdue ? t : undefined;
    });
    await waitUntil('reminder', async () => (await auditActions(caseId)).includes('rujukan.reminder'));
    const escalation = await waitUntil('escalation', async () => (await tasksOf(caseId, 'supervisor1', { status: 'open', type: 'sla_escalation' }))[0], 15_000);
    expect(escalation.context.referralId).toBe(`${caseId}-1`);
    expect(escalation.workflowId).toBe(`rujukan-${caseId}-1`);
    expect((await auditActions(caseId)).filter((a) => a === 'rujukan.reminder')).toHaveLength(1);
    // Feedback arriving late still closes the referral (and its open escalation).
    expect((await complete(fb.id, 'tksk2', { outcome: 'not_served', data: { reason: 'Balai penuh, dirujuk ulang bulan depan.' } })).status).toBe(200);
    await waitUntil('referral closed', async () => (await getCase(caseId)).referrals[0]?.status === 'not_served');
    expect(await tasksOf(caseId, 'supervisor1', { status: 'open', type: 'sla_escalation' })).toHaveLength(0);
    await record('rujukan-reminder-escalation', `rujukan-${caseId}-1`);
  });
});

describe('interventions', () => {
  test('cancel ends the case, cancels its tasks and referrals; the TKSK cannot cancel', async () => {
    const caseId = await toPendampingan();
    await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('refer', { referral }));
    await waitUntil('feedback task', async () => (await tasksOf(caseId, 'tksk1', { status: 'open', type: 'rujukan_feedback' }))[0]);
    expect((await act(caseId, 'cancel', 'tksk1', { reason: 'Saya ingin membatalkan.' })).status).toBe(403);
    const noReason = await act(caseId, 'cancel', 'supervisor1', {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].pointer).toBe('/body/reason');

    const r = await act(caseId, 'cancel', 'supervisor1', { reason: 'Kasus ganda dengan registrasi sebelumnya.' });
    expect(r.status).toBe(200);
    expect(r.body.case).toMatchObject({ status: 'cancelled', openTasks: [] });
    await waitUntil('referral cancelled', async () => (await getCase(caseId)).referrals[0]?.status === 'cancelled');
    const tasks = await tasksOf(caseId, 'supervisor1');
    expect(tasks.filter((t) => t.status === 'open')).toEqual([]);
    expect(
      tasks
        .filter((t) => t.status === 'cancelled')
        .map((t) => t.type)
        .sort(),
    ).toEqual(['pendampingan_visit', 'rujukan_feedback']);
    const visitTask = tasks.find((t) => t.type === 'pendampingan_visit' && t.status === 'cancelled')!;
    expect((await complete(visitTask.id, 'tksk1', visit('continue'))).status).toBe(409);
    expect((await act(caseId, 'pause', 'supervisor1', { reason: 'Tidak bisa lagi.' })).status).toBe(409);
    await record('case-cancelled-with-referral', `case-${caseId}`);
    await record('rujukan-cancelled', `rujukan-${caseId}-1`);
  });

  test('extend-deadline moves one task; a note is recorded', async () => {
    const caseId = await registerCase();
    const t = await openTask(caseId, 'asesmen', 'tksk1');
    const r = await act(caseId, 'extend-deadline', 'supervisor1', { taskId: t.id, extendBy: 'P7D', reason: 'Akses jalan tertutup banjir.' });
    expect(r.status).toBe(200);
    const after = await openTask(caseId, 'asesmen', 'tksk1');
    expect(Date.parse(after.dueAt!) - Date.parse(t.dueAt!)).toBe(7 * 24 * 3600 * 1000);
    expect((await act(caseId, 'extend-deadline', 'supervisor1', { taskId: t.id, extendBy: 'seven days', reason: 'Akses jalan.' })).status).toBe(422);
    // Or by working days: weekends and the holidays table skipped (the rule of domain/calendar.ts
    // over the table as it is), with the same answer the portal's preview gives.
    const holidays = new Set((await sql<{ day: string }[]>`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM holidays`).map((h) => h.day));
    const want = addWorkingDays(new Date(after.dueAt!), 3, holidays).toISOString();
    const preview = await call('GET', `/api/tasks/${t.id}/deadline-extension?workingDays=3`, { token: await login('supervisor1') });
    expect(preview).toMatchObject({ status: 200, body: { dueAt: after.dueAt, workingDays: 3, extendedDueAt: want } });
    expect((await act(caseId, 'extend-deadline', 'supervisor1', { taskId: t.id, workingDays: 3, reason: 'Jembatan desa diperbaiki.' })).status).toBe(200);
    expect((await openTask(caseId, 'asesmen', 'tksk1')).dueAt).toBe(want);
    // A problem with the field's path: out of range, both or neither of the two ways.
    for (const body of [{ workingDays: 31 }, { workingDays: 0 }, { workingDays: 2, extendBy: 'P2D' }, {}]) {
      const bad = await act(caseId, 'extend-deadline', 'supervisor1', { taskId: t.id, reason: 'Akses jalan tertutup.', ...body });
      expect({ body, status: bad.status, pointers: bad.body.errors?.map((e: { pointer: string }) => e.pointer) }).toEqual({
        body,
        status: 422,
        pointers: ['/body/workingDays'],
      });
    }
    expect((await call('GET', `/api/tasks/${t.id}/deadline-extension?workingDays=31`, { token: await login('supervisor1') })).status).toBe(422);
    // The case's own TKSK may add a note; another kecamatan's TKSK may not even see the case.
    expect((await act(caseId, 'note', 'tksk1', { text: 'Koordinasi dengan RT setempat.' })).status).toBe(200);
    expect((await act(caseId, 'note', 'tksk2', { text: 'Tidak boleh.' })).status).toBe(404);
    expect(await auditActions(caseId)).toEqual(expect.arrayContaining(['case.deadline_extended', 'case.note']));
  });

  test('reassign moves the case and its open TKSK tasks to another TKSK of the kecamatan', async () => {
    const caseId = await registerCase();
    const t = await openTask(caseId, 'asesmen', 'tksk1');
    expect((await act(caseId, 'reassign', 'supervisor1', { toUserId: 'usr_tksk2', reason: 'Pindah wilayah.' })).status).toBe(422); // other kecamatan
    const r = await act(caseId, 'reassign', 'supervisor1', { toUserId: 'usr_tksk3', reason: 'TKSK sebelumnya cuti panjang.' });
    expect(r.status).toBe(200);
    expect(r.body.case.assigneeId).toBe('usr_tksk3');
    expect((await openTask(caseId, 'asesmen', 'tksk3')).id).toBe(t.id);
    expect((await complete(t.id, 'tksk1', { data: asesmenData })).status).toBe(404);
    expect((await complete(t.id, 'tksk3', { data: asesmenData })).status).toBe(200);
    expect((await getCase(caseId)).assigneeId).toBe('usr_tksk3');
    await record('case-reassigned', `case-${caseId}`);
  });

  describe('four-eyes on destructive interventions (policy on)', () => {
    beforeAll(() => setCasePolicy('confirm_destructive', '33.73', true));
    afterAll(() => setCasePolicy('confirm_destructive', '33.73', false));

    test('cancel waits for a second supervisor; the requester cannot confirm it', async () => {
      const caseId = await registerCase();
      const requested = await act(caseId, 'cancel', 'supervisor1', { reason: 'Kasus ganda dengan registrasi lain.' });
      expect(requested.status).toBe(202);
      expect(requested.body.status).toBe('pending_confirmation');
      expect(requested.body.case.status).toBe('assessment');
      const { interventionId } = requested.body;
      expect((await getCase(caseId)).pendingInterventions).toEqual([expect.objectContaining({ interventionId, action: 'cancel' })]);

      const self = await call('POST', `/api/cases/${caseId}/actions/confirm`, { token: await login('supervisor1'), body: { interventionId } });
      expect(self.status).toBe(403);
      expect(self.body.detail).toMatch(/four-eyes/);
      const ok = await call('POST', `/api/cases/${caseId}/actions/confirm`, { token: await login('supervisor2'), body: { interventionId } });
      expect(ok.status).toBe(200);
      expect(ok.body.case.status).toBe('cancelled');
      expect((await getCase(caseId)).pendingInterventions).toEqual([]);
      expect(await auditActions(caseId)).toEqual(expect.arrayContaining(['intervention.requested', 'intervention.confirmed', 'case.cancelled']));
      await record('case-four-eyes-cancel', `case-${caseId}`);
    });

    test('bulk reassignment of a TKSK who leaves, confirmed by a second supervisor, and back', async () => {
      const cases = [await registerCase(), await registerCase()];
      const move = async (from: string, to: string, requester: string, confirmer: string) => {
        const started = await call('POST', '/api/cases/bulk-reassign', {
          token: await login(requester),
          body: { fromUserId: from, toUserId: to, reason: 'TKSK mengundurkan diri.' },
        });
        expect(started.status).toBe(202);
        expect(started.body.state).toBe('awaiting_confirmation');
        const id = started.body.operationId;
        expect((await call('POST', `/api/bulk-operations/${id}/confirm`, { token: await login(requester), body: { approve: true } })).status).toBe(403);
        expect((await call('POST', `/api/bulk-operations/${id}/confirm`, { token: await login(confirmer), body: { approve: true } })).status).toBe(200);
        return waitUntil('bulk done', async () => {
          const s = await call('GET', `/api/bulk-operations/${id}`, { token: await login(requester) });
          return s.body.state === 'done' ? s.body : undefined;
        });
      };
      const done = await move('usr_tksk1', 'usr_tksk3', 'supervisor1', 'supervisor2');
      expect(done.reassigned).toBeGreaterThanOrEqual(2);
      expect(done.skipped).toEqual([]);
      for (const c of cases) expect((await getCase(c)).assigneeId).toBe('usr_tksk3');
      expect(await tasksOf(cases[0], 'tksk1', { status: 'open' })).toEqual([]);
      const back = await move('usr_tksk3', 'usr_tksk1', 'supervisor2', 'supervisor1');
      expect(back.reassigned).toBeGreaterThanOrEqual(2);
      for (const c of cases) expect((await getCase(c)).assigneeId).toBe('usr_tksk1');
    });
  });
});

test('the audit chain still verifies after all of this', async () => {
  const chain = await verifyAuditChain(sql);
  expect(chain).toMatchObject({ ok: true });
  const [{ dup }] = await sql`SELECT count(*)::int AS dup FROM (SELECT event_key FROM audit_log GROUP BY event_key HAVING count(*) > 1) d`;
  expect(dup).toBe(0);
});
