// Tali asih against the real stack: claim → report → verification → approval → budget →
// disbursement through the payment simulator (its own process; it loses the first response of
// every transfer after committing it, so exactly-once rests on the idempotency key).
import { randomUUID } from 'node:crypto';
import { completeOk, complete, openTaskOf, waitUntil } from '../support/taliAsih';
import { claimSnapshotSchema } from '../../api/tasks/schema';
import { recordHistory } from '../support/histories';
import { coveredByAssignment } from '../../db/taliAsihEligibility';
import { asesmenData, call, db, login, paymentsToken, registration, signedInTksk, stack, temporalClient, workerPid } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

const transfers = async (key: string) =>
  (await (
    await fetch(`${stack().paymentsUrl}/v1/transfers?idempotencyKey=${encodeURIComponent(key)}`, { headers: { authorization: `Bearer ${paymentsToken()}` } })
  ).json()) as { receiptRef: string; amount: number }[];

async function setBudget(period: string, allocated: number) {
  const r = await call('PUT', '/api/tali-asih/budgets', { token: await login('provinsi1'), body: { period, fundingSource: 'APBN', allocated } });
  expect(r.status).toBe(200);
  return r.body;
}

async function openClaim(user: string, period: string, tkskId?: string) {
  const r = await call('POST', '/api/tali-asih/claims', { token: await login(user), body: { period, ...(tkskId ? { tkskId } : {}) } });
  expect(r.status).toBe(201);
  return r.body as { id: string; status: string; totalAmount: number };
}

const claim = async (id: string, user = 'provinsi1') => (await call('GET', `/api/tali-asih/claims/${id}`, { token: await login(user) })).body;
const untilStatus = (id: string, status: string, timeoutMs = 30_000) =>
  waitUntil(`claim ${id} ${status}`, async () => ((await claim(id)).status === status ? claim(id) : undefined), timeoutMs);

/** report (TKSK) → verification (supervisor1) → approval (provinsi1). */
async function throughApproval(id: string, tksk = 'tksk1') {
  await completeOk(id, 'tali_asih_report', tksk, { data: { narrative: 'Bulan ini mendampingi kasus lansia dan dua rujukan ke puskesmas.' } });
  await completeOk(id, 'tali_asih_verification', 'supervisor1', { outcome: 'approve', data: {} });
  return completeOk(id, 'tali_asih_approval', 'provinsi1', { outcome: 'approve', data: {} });
}

test('a claim goes from report to paid: components, receipts, budget and reconciliation add up; exactly one payment each', async () => {
  await setBudget('2026-02', 10_000_000);
  const c = await openClaim('supervisor1', '2026-02', 'usr_tksk1');
  expect(c).toMatchObject({ id: 'tali-asih-usr_tksk1-2026-02', status: 'report', totalAmount: 1_500_000 });
  const detail = await claim(c.id, 'tksk1');
  expect(detail.components.map((x: { component: string; amount: number }) => [x.component, x.amount])).toEqual([
    ['base', 1_000_000],
    ['bsp_sembako', 500_000],
  ]);
  expect((await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { period: '2026-02', tkskId: 'usr_tksk1' } })).status).toBe(
    409,
  );

  const approved = await throughApproval(c.id);
  expect(['awaiting_budget', 'disbursing', 'paid']).toContain(approved.claim.status);
  const paid = await untilStatus(c.id, 'paid');
  for (const comp of paid.components) {
    expect(comp.status).toBe('paid');
    const t = await transfers(`${c.id}:${comp.component}`);
    expect(t).toHaveLength(1); // the lost first response was retried with the same key
    expect(comp.paymentRef).toBe(t[0].receiptRef);
    expect(t[0].amount).toBe(comp.amount);
  }
  const [budget] = (
    await call('GET', `/api/tali-asih/budgets?filter=${encodeURIComponent(JSON.stringify({ period: '2026-02' }))}`, { token: await login('provinsi1') })
  ).body;
  expect(budget).toMatchObject({ allocated: 10_000_000, reserved: 0, paid: 1_500_000, available: 8_500_000 });
  const [rec] = (await call('GET', '/api/tali-asih/reconciliation?period=2026-02', { token: await login('provinsi1') })).body;
  expect(rec).toMatchObject({ provinsiCode: '33', approved: 1_500_000, paid: 1_500_000, pending: 0, balanced: true, budgetMatchesPayments: true });
  const { client, close } = await temporalClient();
  await recordHistory(client, 'tali-asih-paid', c.id).finally(close);
});

test('the payment provider answers only callers with its token', async () => {
  const url = `${stack().paymentsUrl}/v1/transfers`;
  const transfer = JSON.stringify({
    idempotencyKey: `no-token-${randomUUID()}`,
    account: 'BRI:0021-01-000123-50-1',
    amount: 1_000_000,
    currency: 'IDR',
    reference: 'tanpa token',
  });
  const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: transfer });
  expect((await post({})).status).toBe(401);
  expect((await post({ authorization: 'Bearer not-the-token' })).status).toBe(401);
  expect((await fetch(url)).status).toBe(401); // the ledger too
  expect((await fetch(`${url}?idempotencyKey=x`, { headers: { authorization: `Bearer ${paymentsToken()}x` } })).status).toBe(401);
  // Nothing was paid by the refused requests.
  expect(await transfers(JSON.parse(transfer).idempotencyKey)).toEqual([]);
});

describe('claim periods', () => {
  /** The month `offset` months from the current one in WIB (UTC+7), YYYY-MM. */
  const wibMonth = (offset: number) => {
    const d = new Date(Date.now() + 7 * 3600 * 1000);
    const m = d.getUTCFullYear() * 12 + d.getUTCMonth() + offset;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  };
  const open = async (token: string, body: Record<string, unknown>) => call('POST', '/api/tali-asih/claims', { token, body });

  test('nobody opens a claim for a future period; a TKSK opens the current or previous month only; a supervisor may backfill', async () => {
    const { id: tkskId, token: tksk } = await signedInTksk('33.73.01', { displayName: 'TKSK Uji Periode', bankAccount: 'BRI:0044-01-000222-50-3' });
    const refusals: [string, Record<string, unknown>][] = [
      [tksk, { period: wibMonth(1) }],
      [tksk, { period: '2099-12' }],
      [tksk, { period: wibMonth(-2) }], // older than the previous month: a supervisor's backfill
      [await login('supervisor1'), { period: wibMonth(1), tkskId }],
      [await login('provinsi1'), { period: wibMonth(12), tkskId }],
    ];
    for (const [token, body] of refusals) {
      const r = await open(token, body);
      expect({ body, status: r.status, pointers: r.body.errors?.map((e: { pointer: string }) => e.pointer) }).toEqual({
        body,
        status: 422,
        pointers: ['/body/period'],
      });
      expect(r.body.errors[0].message).toMatch(/period/);
    }
    expect((await open(tksk, { period: wibMonth(-1) })).status).toBe(201);
    expect((await open(await login('supervisor1'), { period: wibMonth(-2), tkskId })).status).toBe(201);
    expect((await open(await login('supervisor1'), { period: '2021-02', tkskId })).status).toBe(201);
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM tali_asih_claims WHERE tksk_id = ${tkskId}`;
    expect(n).toBe(3);
  });
});

describe('returns and rejections', () => {
  test('verification returns to the TKSK; approval returns to verification; both with the reason', async () => {
    const c = await openClaim('supervisor1', '2026-05', 'usr_tksk3');
    await completeOk(c.id, 'tali_asih_report', 'tksk3', { data: { narrative: 'Laporan pertama bulan Mei, kegiatan pendampingan rutin.' } });
    await completeOk(c.id, 'tali_asih_verification', 'supervisor1', { outcome: 'return', data: { reason: 'Jumlah kunjungan belum dicantumkan.' } });
    expect((await claim(c.id)).status).toBe('report');
    expect((await openTaskOf(c.id, 'tali_asih_report', 'tksk3')).context.returnNotes).toBe('Jumlah kunjungan belum dicantumkan.');
    await completeOk(c.id, 'tali_asih_report', 'tksk3', { data: { narrative: 'Laporan diperbaiki: 6 kunjungan rumah dan 1 rujukan.' } });
    await completeOk(c.id, 'tali_asih_verification', 'supervisor1', { outcome: 'approve', data: {} });
    const back = await completeOk(c.id, 'tali_asih_approval', 'provinsi1', { outcome: 'return', data: { reason: 'Lampiran daftar hadir kurang.' } });
    expect(back.claim.status).toBe('verification');
    expect((await openTaskOf(c.id, 'tali_asih_verification', 'supervisor1')).context.returnNotes).toBe('Lampiran daftar hadir kurang.');
    // The verifier is not the approver: four-eyes by role and person.
    const rejected = await completeOk(c.id, 'tali_asih_verification', 'supervisor1', {
      outcome: 'reject',
      data: { reason: 'TKSK tidak aktif pada periode ini.' },
    });
    expect(rejected.claim).toMatchObject({ status: 'rejected', rejectedReason: 'TKSK tidak aktif pada periode ini.' });
    expect(await transfers(`${c.id}:base`)).toHaveLength(0);
  });

  test('rejection at approval ends the claim without payment', async () => {
    const c = await openClaim('supervisor1', '2026-06', 'usr_tksk1');
    await completeOk(c.id, 'tali_asih_report', 'tksk1', { data: { narrative: 'Kegiatan bulan Juni: pendampingan dan pencatatan.' } });
    await completeOk(c.id, 'tali_asih_verification', 'supervisor2', { outcome: 'approve', data: {} });
    const r = await completeOk(c.id, 'tali_asih_approval', 'provinsi1', { outcome: 'reject', data: { reason: 'Klaim ganda untuk periode yang sama.' } });
    expect(r.claim.status).toBe('rejected');
  });
});

test('budget exhaustion: two approvals at once reserve only what exists; the other waits, then goes on when budget is added', async () => {
  await setBudget('2026-03', 1_500_000);
  const a = await openClaim('supervisor1', '2026-03', 'usr_tksk1'); // 1,500,000
  const b = await openClaim('supervisor1', '2026-03', 'usr_tksk3'); // 1,000,000
  for (const [c, u] of [
    [a, 'tksk1'],
    [b, 'tksk3'],
  ] as const) {
    await completeOk(c.id, 'tali_asih_report', u, { data: { narrative: 'Laporan kegiatan bulan Maret sebagai TKSK kecamatan.' } });
    await completeOk(c.id, 'tali_asih_verification', 'supervisor1', { outcome: 'approve', data: {} });
  }
  const approvals = await Promise.all(
    [a, b].map(async (c) => complete((await openTaskOf(c.id, 'tali_asih_approval', 'provinsi1')).id, 'provinsi1', { outcome: 'approve', data: {} })),
  );
  expect(approvals.map((r) => r.status)).toEqual([200, 200]);
  const states = await waitUntil('one paid, one waiting', async () => {
    const s = [(await claim(a.id)).status, (await claim(b.id)).status].sort();
    return s[0] === 'awaiting_budget' && s[1] === 'paid' ? s : undefined;
  });
  expect(states).toEqual(['awaiting_budget', 'paid']);
  const [budget] =
    await sql`SELECT allocated, reserved, paid FROM tali_asih_budgets WHERE provinsi_code = '33' AND period = '2026-03' AND funding_source = 'APBN'`;
  expect(Number(budget.reserved) + Number(budget.paid)).toBeLessThanOrEqual(Number(budget.allocated));
  expect((await claim((await claim(a.id)).status === 'awaiting_budget' ? a.id : b.id)).status).toBe('awaiting_budget');

  expect(
    (await call('PUT', '/api/tali-asih/budgets', { token: await login('provinsi1'), body: { period: '2026-03', fundingSource: 'APBN', allocated: 100 } }))
      .status,
  ).toBe(409); // below what is paid
  const added = await setBudget('2026-03', 3_000_000);
  expect(added.nudged).toBe(1);
  await untilStatus(a.id, 'paid');
  await untilStatus(b.id, 'paid');
  const [after] =
    await sql`SELECT allocated, reserved, paid FROM tali_asih_budgets WHERE provinsi_code = '33' AND period = '2026-03' AND funding_source = 'APBN'`;
  expect({ reserved: Number(after.reserved), paid: Number(after.paid) }).toEqual({ reserved: 0, paid: 2_500_000 });
});

test('a refused payment escalates to the province; retry after the account is fixed pays once', async () => {
  await setBudget('2026-04', 5_000_000);
  const c = await openClaim('supervisor1', '2026-04', 'usr_tksk2'); // tksk2's demo account is invalid
  await completeOk(c.id, 'tali_asih_report', 'tksk2', { data: { narrative: 'Kegiatan bulan April di kecamatan Tingkir.' } });
  await completeOk(c.id, 'tali_asih_verification', 'supervisor1', { outcome: 'approve', data: {} });
  await completeOk(c.id, 'tali_asih_approval', 'provinsi1', { outcome: 'approve', data: {} });
  const issue = await waitUntil('payment issue task', async () => {
    const r = await call('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ status: 'open', type: 'tali_asih_payment_issue' }))}`, {
      token: await login('provinsi1'),
    });
    return r.body.find((t: { workflowId: string }) => t.workflowId === c.id);
  });
  expect(issue.context.failure).toMatch(/does not exist/);
  expect((await claim(c.id)).components.find((x: { component: string }) => x.component === 'base')).toMatchObject({
    status: 'failed',
    failureCode: 'invalid_account',
  });
  expect((await call('PATCH', '/api/admin/users/usr_tksk2', { token: await login('admin'), body: { bankAccount: 'BRI:0033-01-000777-50-2' } })).status).toBe(
    200,
  );
  expect((await complete(issue.id, 'provinsi1', { outcome: 'retry', data: { note: 'Nomor rekening sudah diperbaiki oleh admin.' } })).status).toBe(200);
  const paid = await untilStatus(c.id, 'paid');
  expect(await transfers(`${c.id}:base`)).toHaveLength(1);
  expect(paid.components[0].paymentRef).toMatch(/^SIM-/);
  const { client, close } = await temporalClient();
  await recordHistory(client, 'tali-asih-payment-retry', c.id).finally(close);
  await call('PATCH', '/api/admin/users/usr_tksk2', { token: await login('admin'), body: { bankAccount: null } });
  await sql`UPDATE users SET bank_account = 'BRI:INVALID' WHERE id = 'usr_tksk2'`;
});

test('a cancelled payment releases the reservation and is reissued once the account is fixed: paid once, the claim never rejected', async () => {
  // Compared with what was there: another test's claim of the month may have been paid into it.
  const [before] = await sql`SELECT paid FROM tali_asih_budgets WHERE provinsi_code = '33' AND period = '2026-06'`;
  const paidBefore = Number(before?.paid ?? 0);
  await setBudget('2026-06', 5_000_000);
  const c = await openClaim('supervisor1', '2026-06', 'usr_tksk2');
  await completeOk(c.id, 'tali_asih_report', 'tksk2', { data: { narrative: 'Kegiatan bulan Juni di kecamatan Tingkir.' } });
  await completeOk(c.id, 'tali_asih_verification', 'supervisor1', { outcome: 'approve', data: {} });
  await completeOk(c.id, 'tali_asih_approval', 'provinsi1', { outcome: 'approve', data: {} });
  const issue = await waitUntil('payment issue task', async () =>
    (await claim(c.id)).openTasks.find((t: { type: string }) => t.type === 'tali_asih_payment_issue'),
  );
  // Nothing to reissue while the issue is open.
  const early = await call('POST', `/api/tali-asih/claims/${c.id}/reissue`, { token: await login('provinsi1'), body: { note: 'Terlalu awal.' } });
  expect(early.status).toBe(409);
  const r = await complete(issue.id, 'provinsi1', { outcome: 'cancel', data: { reason: 'Rekening tidak dapat diperbaiki bulan ini.' } });
  expect(r.body.claim).toMatchObject({ status: 'payment_cancelled', rejectedReason: 'Rekening tidak dapat diperbaiki bulan ini.', openTasks: [] });
  const [budget] = await sql`SELECT reserved, paid FROM tali_asih_budgets WHERE provinsi_code = '33' AND period = '2026-06'`;
  expect({ reserved: Number(budget.reserved), paid: Number(budget.paid) }).toEqual({ reserved: 0, paid: paidBefore });
  const cancelled = await claim(c.id);
  expect(cancelled.components.map((x: { status: string }) => x.status)).toEqual(['cancelled']);
  // A second claim for the period stays refused: the claim itself is still open, to be reissued.
  expect((await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { period: '2026-06', tkskId: 'usr_tksk2' } })).status).toBe(
    409,
  );

  // Only the province reissues, with a note.
  const byKabupaten = await call('POST', `/api/tali-asih/claims/${c.id}/reissue`, {
    token: await login('supervisor1'),
    body: { note: 'Rekening diperbaiki.' },
  });
  expect(byKabupaten.status).toBe(403);
  const noNote = await call('POST', `/api/tali-asih/claims/${c.id}/reissue`, { token: await login('provinsi1'), body: { note: ' ' } });
  expect(noNote.status).toBe(422);
  expect(noNote.body.errors[0].pointer).toBe('/body/note');

  expect((await call('PATCH', '/api/admin/users/usr_tksk2', { token: await login('admin'), body: { bankAccount: 'BRI:0033-01-000777-50-2' } })).status).toBe(
    200,
  );
  const reissued = await call('POST', `/api/tali-asih/claims/${c.id}/reissue`, {
    token: await login('provinsi1'),
    body: { note: 'Nomor rekening sudah diperbaiki oleh admin.' },
  });
  expect(reissued.status).toBe(200);
  expect(claimSnapshotSchema.strict().safeParse(reissued.body.claim).error).toBeUndefined(); // as documented (api/openapi.ts)
  expect(['awaiting_budget', 'disbursing', 'paid']).toContain(reissued.body.claim.status);
  expect(reissued.body.claim.rejectedReason).toBeNull();
  const paid = await untilStatus(c.id, 'paid');
  expect(paid.rejectedReason).toBeNull();
  expect(paid.components.map((x: { status: string }) => x.status)).toEqual(['paid']);
  expect(await transfers(`${c.id}:base`)).toHaveLength(1);
  const [after] = await sql`SELECT reserved, paid FROM tali_asih_budgets WHERE provinsi_code = '33' AND period = '2026-06'`;
  expect({ reserved: Number(after.reserved), paid: Number(after.paid) }).toEqual({ reserved: 0, paid: paidBefore + 1_000_000 });
  const actions =
    await sql`SELECT action FROM audit_log WHERE entity_id = ${c.id} AND action IN ('tali_asih.payment_cancelled', 'tali_asih.payment_reissued', 'tali_asih.paid') ORDER BY seq`;
  expect(actions.map((a) => a.action)).toEqual(['tali_asih.payment_cancelled', 'tali_asih.payment_reissued', 'tali_asih.paid']);
  const [rec] = (await call('GET', '/api/tali-asih/reconciliation?period=2026-06', { token: await login('provinsi1') })).body;
  expect(rec).toMatchObject({ balanced: true, budgetMatchesPayments: true });
  const { client, close } = await temporalClient();
  await recordHistory(client, 'tali-asih-payment-cancelled-reissued', c.id).finally(close);
  await call('PATCH', '/api/admin/users/usr_tksk2', { token: await login('admin'), body: { bankAccount: null } });
  await sql`UPDATE users SET bank_account = 'BRI:INVALID' WHERE id = 'usr_tksk2'`;
});

test('the worker killed during disbursement: still exactly one payment per component', async () => {
  await setBudget('2026-04', 5_000_000);
  const c = await openClaim('supervisor1', '2026-04', 'usr_tksk1');
  await completeOk(c.id, 'tali_asih_report', 'tksk1', { data: { narrative: 'Kegiatan bulan April: BSP dan pendampingan.' } });
  await completeOk(c.id, 'tali_asih_verification', 'supervisor1', { outcome: 'approve', data: {} });
  const approval = await openTaskOf(c.id, 'tali_asih_approval', 'provinsi1');
  const answer = complete(approval.id, 'provinsi1', { outcome: 'approve', data: {} });
  // Kill as soon as disbursement has begun (the first transfer's response is lost anyway).
  await waitUntil('first transfer attempted', async () => (await transfers(`${c.id}:base`)).length === 1, 20_000);
  process.kill(workerPid()!, 'SIGKILL');
  expect((await answer).status).toBe(200);
  await untilStatus(c.id, 'paid', 60_000);
  for (const comp of ['base', 'bsp_sembako']) expect(await transfers(`${c.id}:${comp}`)).toHaveLength(1);
  const [{ n }] = await sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${c.id} AND action = 'tali_asih.paid'`;
  expect(n).toBe(2);
});

test('the report is prefilled with the casework of the period', async () => {
  const created = await signedInTksk('33.73.01', { displayName: 'TKSK Uji Sidorejo', bankAccount: 'BRI:0044-01-000111-50-3' });
  const token = created.token;
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) ids.push((await call('POST', '/api/cases', { token, body: registration() })).body.id);
  const [task] = (await call('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId: ids[0], status: 'open' }))}`, { token })).body;
  expect((await call('POST', `/api/tasks/${task.id}/complete`, { token, body: { data: asesmenData } })).status).toBe(200);

  const wib = new Date(Date.now() + 7 * 3600 * 1000);
  const period = `${wib.getUTCFullYear()}-${String(wib.getUTCMonth() + 1).padStart(2, '0')}`;
  const r = await call('POST', '/api/tali-asih/claims', { token, body: { period } });
  expect(r.status).toBe(201);
  expect(r.body.activity).toEqual({
    casesRegistered: 2,
    assessments: 1,
    visits: 0,
    referrals: 0,
    closures: 0,
    // No Sembako work by this TKSK (tests/integration/taliAsihSembako.test.ts has some).
    tikorMeetings: 0,
    pointsMonitored: 0,
    complaintsReceived: 0,
    complaintsResolved: 0,
    complaintsClosed: 0,
  });
  const report = await openTaskOf(r.body.id, 'tali_asih_report', created.username, token);
  expect(report.context.activity).toEqual(r.body.activity);
  expect(created.id).toBe(r.body.tkskId);
});

test('the monthly schedule opens one claim per active TKSK, and a second run opens none', async () => {
  const { client, close } = await temporalClient();
  try {
    expect((await client.schedule.getHandle('kesos-tali-asih-monthly').describe()).action.type).toBe('startWorkflow');
    const first = (await client.workflow.execute('openTaliAsihClaimsWorkflow', {
      workflowId: `open-claims-${randomUUID()}`,
      taskQueue: 'kesos-flow',
      args: ['2025-12'],
    })) as { opened: number; existing: number };
    // Active TKSK whose assignment (if they have one) covers the month: db/taliAsihEligibility.ts.
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM users u WHERE role = 'tksk' AND NOT disabled AND ${coveredByAssignment(sql, '2025-12')}`;
    expect(first.opened + first.existing).toBe(n);
    expect(first.opened).toBeGreaterThanOrEqual(3);
    const second = (await client.workflow.execute('openTaliAsihClaimsWorkflow', {
      workflowId: `open-claims-${randomUUID()}`,
      taskQueue: 'kesos-flow',
      args: ['2025-12'],
    })) as { opened: number; existing: number };
    expect(second).toMatchObject({ opened: 0, existing: n });
    // Each claim's row is written by its workflow's first step, after the start has answered: wait for the last.
    const claims = await waitUntil('a row per claim', async () => {
      const [{ c }] = await sql`SELECT count(*)::int AS c FROM tali_asih_claims WHERE period = '2025-12'`;
      return c >= n ? c : undefined;
    });
    expect(claims).toBe(n);
  } finally {
    await close();
  }
});
