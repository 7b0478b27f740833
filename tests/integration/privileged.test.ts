// Four-eyes for the admins: a data-subject export, creating or changing a supervisor's,
// auditor's or admin's account and resetting their password need a reason and a second admin;
// the first call answers 202 with the request, the requester cannot confirm it, nothing happens
// before the confirmation, both steps are audited with the reason. TKSK accounts stay single-step.
import { randomUUID } from 'node:crypto';
import { registerCase } from '../support/casework';
import { call, db, login } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

const auditOf = (requestId: string) =>
  sql<
    { action: string; actorId: string }[]
  >`SELECT action, actor_id FROM audit_log WHERE entity_id = ${requestId} OR details->>'requestId' = ${requestId} ORDER BY seq`;
const textsOf = async (requestId: string) =>
  (
    await sql`SELECT t.text FROM audit_texts t JOIN audit_log a ON a.event_key = t.event_key WHERE (a.entity_id = ${requestId} OR a.details->>'requestId' = ${requestId}) AND t.field = 'reason'`
  ).map((r) => r.text);

/** A confirmed request: its payload is gone, and requested → confirmed → `done` are audited with the reason. */
async function expectCarriedOut(requestId: string, done: [action: string, actorId: string], reason: string): Promise<void> {
  expect((await sql`SELECT payload FROM privileged_requests WHERE id = ${requestId}`)[0].payload).toEqual({});
  expect((await auditOf(requestId)).map((a) => [a.action, a.actorId])).toEqual([
    ['privileged.requested', 'usr_admin'],
    ['privileged.confirmed', 'usr_admin2'],
    done,
  ]);
  expect(await textsOf(requestId)).toEqual([reason, reason, reason]);
}

test('creating a supervisor waits for a second admin; the requester cannot confirm; both steps are audited with the reason', async () => {
  const [admin, admin2] = [await login('admin'), await login('admin2')];
  const username = `supervisor.${randomUUID().slice(0, 6)}`;
  const body = { username, displayName: 'Supervisor Uji Empat Mata', role: 'supervisor_kabupaten', regionCode: '33.73', password: 'sandi-cukup-panjang' };

  const noReason = await call('POST', '/api/admin/users', { token: admin, body });
  expect(noReason.status).toBe(422);
  expect(noReason.body.errors[0].pointer).toBe('/body/reason');

  const reason = `Pengganti supervisor yang pensiun ${randomUUID().slice(0, 6)}.`;
  const asked = await call('POST', '/api/admin/users', { token: admin, body: { ...body, reason } });
  expect(asked.status).toBe(202);
  expect(asked.body).toMatchObject({
    kind: 'user_create',
    status: 'pending',
    reason,
    requestedBy: 'usr_admin',
    summary: { username, role: 'supervisor_kabupaten' },
  });
  expect(JSON.stringify(asked.body)).not.toContain('sandi-cukup-panjang');
  // Nothing yet: no account, no sign-in.
  expect((await sql`SELECT 1 FROM users WHERE username = ${username}`).length).toBe(0);
  expect((await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } })).status).toBe(401);
  const [stored] = await sql`SELECT payload FROM privileged_requests WHERE id = ${asked.body.id}`;
  expect(JSON.stringify(stored.payload)).not.toContain('sandi-cukup-panjang'); // a hash, never the password

  const self = await call('POST', `/api/admin/privileged-requests/${asked.body.id}/confirm`, { token: admin, body: { approve: true } });
  expect(self.status).toBe(403);
  expect(self.body.detail).toMatch(/four-eyes/);
  expect((await call('POST', `/api/admin/privileged-requests/${asked.body.id}/confirm`, { token: await login('supervisor1'), body: {} })).status).toBe(403);

  const pending = await call('GET', `/api/admin/privileged-requests?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`, { token: admin2 });
  expect(pending.body.map((r: { id: string }) => r.id)).toContain(asked.body.id);

  const confirmed = await call('POST', `/api/admin/privileged-requests/${asked.body.id}/confirm`, { token: admin2, body: { approve: true } });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body).toMatchObject({ status: 'done', decidedBy: 'usr_admin2', result: { username, role: 'supervisor_kabupaten' } });
  expect((await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } })).status).toBe(200);
  expect((await call('POST', `/api/admin/privileged-requests/${asked.body.id}/confirm`, { token: admin2, body: {} })).status).toBe(409);
  await expectCarriedOut(asked.body.id, ['user.created', 'usr_admin2'], reason);
});

test('changing or resetting a privileged account waits too; disabling it does not; a declined request does nothing', async () => {
  const [admin, admin2] = [await login('admin'), await login('admin2')];
  const username = `auditor.${randomUUID().slice(0, 6)}`;
  const asked = await call('POST', '/api/admin/users', {
    token: admin2,
    body: { username, displayName: 'Auditor Uji', role: 'auditor', regionCode: '33', password: 'sandi-cukup-panjang', reason: 'Auditor baru Inspektorat.' },
  });
  const created = await call('POST', `/api/admin/privileged-requests/${asked.body.id}/confirm`, { token: admin, body: {} });
  const id = created.body.result.id as string;

  const change = await call('PATCH', `/api/admin/users/${id}`, { token: admin, body: { regionCode: '34', reason: 'Dipindahkan ke DIY.' } });
  expect(change.status).toBe(202);
  expect(change.body).toMatchObject({ kind: 'user_update', targetUserId: id, summary: { changes: { regionCode: '34' } } });
  expect((await sql`SELECT region_code FROM users WHERE id = ${id}`)[0].regionCode).toBe('33');
  const declined = await call('POST', `/api/admin/privileged-requests/${change.body.id}/confirm`, { token: admin2, body: { approve: false } });
  expect(declined.body.status).toBe('declined');
  expect((await sql`SELECT region_code FROM users WHERE id = ${id}`)[0].regionCode).toBe('33');
  expect((await auditOf(change.body.id)).map((a) => a.action)).toEqual(['privileged.requested', 'privileged.declined']);

  const reset = await call('POST', `/api/admin/users/${id}/reset-password`, {
    token: admin,
    body: { password: 'sandi-baru-yang-panjang', reason: 'Lupa kata sandi, dikonfirmasi lewat telepon.' },
  });
  expect(reset.status).toBe(202);
  expect((await call('POST', '/api/auth/login', { body: { username, password: 'sandi-baru-yang-panjang' } })).status).toBe(401);
  expect((await call('POST', `/api/admin/privileged-requests/${reset.body.id}/confirm`, { token: admin2, body: {} })).body.status).toBe('done');
  expect((await call('POST', '/api/auth/login', { body: { username, password: 'sandi-baru-yang-panjang' } })).status).toBe(200);

  // Making a TKSK a supervisor is privileged too; disabling a privileged account is immediate.
  const promote = await call('POST', '/api/admin/users', {
    token: admin,
    body: { username: `tksk.${randomUUID().slice(0, 6)}`, displayName: 'TKSK Uji', role: 'tksk', regionCode: '33.73.02', password: 'sandi-cukup-panjang' },
  });
  expect(promote.status).toBe(201);
  expect(
    (await call('PATCH', `/api/admin/users/${promote.body.id}`, { token: admin, body: { role: 'supervisor_kabupaten', regionCode: '33.73' } })).status,
  ).toBe(422);
  expect(
    (
      await call('PATCH', `/api/admin/users/${promote.body.id}`, {
        token: admin,
        body: { role: 'supervisor_kabupaten', regionCode: '33.73', reason: 'Diangkat menjadi supervisor.' },
      })
    ).status,
  ).toBe(202);
  const disabled = await call('PATCH', `/api/admin/users/${id}`, { token: admin, body: { disabled: true } });
  expect(disabled.status).toBe(200);
  expect(disabled.body.disabled).toBe(true);
  expect((await call('PATCH', `/api/admin/users/${id}`, { token: admin, body: { disabled: false, reason: 'Kembali bertugas.' } })).status).toBe(202);
});

test('a data-subject export needs a reason and a second admin; only the requester downloads it, once; all audited', async () => {
  const caseId = await registerCase();
  const [{ nik }] = await sql`SELECT nik FROM cases WHERE id = ${caseId}`;
  const [admin, admin2] = [await login('admin'), await login('admin2')];
  expect((await call('POST', '/api/admin/data-subject-export', { token: admin, body: { nik } })).status).toBe(422);
  expect((await call('POST', '/api/admin/data-subject-export', { token: await login('supervisor1'), body: { nik, reason: 'Bukan admin.' } })).status).toBe(403);

  const reason = 'Permintaan tertulis penerima manfaat tanggal 2 Maret 2026.';
  const asked = await call('POST', '/api/admin/data-subject-export', { token: admin, body: { nik, reason } });
  expect(asked.status).toBe(202);
  expect(asked.body).toMatchObject({ kind: 'data_subject_export', status: 'pending', summary: { nik: `${nik.slice(0, 4)}********${nik.slice(12)}` } });
  expect(JSON.stringify(asked.body)).not.toContain(nik);
  expect((await call('POST', `/api/admin/privileged-requests/${asked.body.id}/export`, { token: admin })).status).toBe(409); // not confirmed yet
  expect((await call('POST', `/api/admin/privileged-requests/${asked.body.id}/confirm`, { token: admin, body: {} })).status).toBe(403);

  const confirmed = await call('POST', `/api/admin/privileged-requests/${asked.body.id}/confirm`, { token: admin2, body: {} });
  expect(confirmed.body.status).toBe('confirmed');
  expect((await call('POST', `/api/admin/privileged-requests/${asked.body.id}/export`, { token: admin2 })).status).toBe(403); // the confirmer does not get it
  const exp = await call('POST', `/api/admin/privileged-requests/${asked.body.id}/export`, { token: admin });
  expect(exp.status).toBe(200);
  expect(exp.body.cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
  expect(exp.body.cases[0].tasks.length).toBeGreaterThan(0);
  expect(exp.body.cases[0].audit.length).toBeGreaterThan(0);
  expect((await call('POST', `/api/admin/privileged-requests/${asked.body.id}/export`, { token: admin })).status).toBe(409); // once
  await expectCarriedOut(asked.body.id, ['data_subject.exported', 'usr_admin'], reason);
  const [{ n }] = await sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'data_subject.exported' AND details->'caseIds' ? ${caseId}`;
  expect(n).toBe(1);
});

test('TKSK accounts stay single-step: created, reset and changed at once', async () => {
  const admin = await login('admin');
  const created = await call('POST', '/api/admin/users', {
    token: admin,
    body: {
      username: `tksk.single.${randomUUID().slice(0, 6)}`,
      displayName: 'TKSK Satu Langkah',
      role: 'tksk',
      regionCode: '33.73.01',
      password: 'sandi-cukup-panjang',
    },
  });
  expect(created.status).toBe(201);
  expect(
    (await call('POST', `/api/admin/users/${created.body.id}/reset-password`, { token: admin, body: { password: 'sandi-baru-yang-panjang' } })).status,
  ).toBe(204);
  expect((await call('PATCH', `/api/admin/users/${created.body.id}`, { token: admin, body: { displayName: 'TKSK Satu Langkah (diubah)' } })).status).toBe(200);
});
