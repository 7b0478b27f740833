// Bulk onboarding: a file with a bad row is refused whole (422, the row-by-row report, nothing
// written); a dry run reports; an apply creates accounts without a password and answers one
// invitation code each; the same file again changes nothing; a changed row updates its account
// (matched on nomor_induk); a file with a supervisor waits for a second admin; an invitation is
// accepted once, after which the account signs in; wrong, used and expired codes are refused.
import { USER_IMPORT_COLUMNS } from '../../domain/userImport';
import { call, db, login, runUnique } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

type Cells = Partial<Record<(typeof USER_IMPORT_COLUMNS)[number], string>>;

/** A TKSK row unique in the test run (nomor induk, phone, e-mail). */
function person(overrides: Cells = {}): Cells {
  const n = String(runUnique('user-import', 99_999)).padStart(5, '0');
  return {
    nama: `Wahyu Hidayat ${n}`,
    peran: 'tksk',
    kode_wilayah: '33.73.02',
    nomor_induk: `NIAT-3373-${n}`,
    nomor_sk: 'SK 12/LJS/2026',
    telepon: `0812-77${n.slice(0, 3)}-${n.slice(3)}00`,
    email: `tksk.${n}@example.id`,
    rekening: 'BRI:0021-01-000123-50-1',
    mulai: '2026-01-02',
    username: '',
    ...overrides,
  };
}
const csvOf = (rows: Cells[], sep = ',') =>
  [USER_IMPORT_COLUMNS.join(sep), ...rows.map((r) => USER_IMPORT_COLUMNS.map((c) => r[c] ?? '').join(sep))].join('\r\n');
const importAs = async (token: string, body: Record<string, unknown>) => call('POST', '/api/admin/users/import', { token, body });
const accountOf = async (nomorInduk: string) => (await sql`SELECT * FROM users WHERE nomor_induk = ${nomorInduk}`)[0];

test('a file with bad rows is refused whole: 422 with a pointer per row and column, nothing written', async () => {
  const admin = await login('admin');
  const good = person();
  const twin = person({ nomor_induk: good.nomor_induk });
  const rows = [
    good,
    person({ telepon: '12345' }),
    person({ email: 'bukan-email' }),
    person({ kode_wilayah: '33.73' }), // a TKSK at a kabupaten
    person({ peran: 'supervisor_kabupaten', kode_wilayah: '33.73' }), // a supervisor with a bank account
    twin,
    person({ kode_wilayah: '33.99.99' }),
  ];
  const r = await importAs(admin, { csv: csvOf(rows, ';'), dryRun: false });
  expect(r.status).toBe(422);
  expect(r.body.report.counts).toMatchObject({ rows: 7, invalid: 6, created: 1 });
  const pointers = r.body.errors.map((e: { pointer: string }) => e.pointer);
  expect(pointers).toEqual(
    expect.arrayContaining([
      '/body/rows/1/telepon',
      '/body/rows/2/email',
      '/body/rows/3/kode_wilayah',
      '/body/rows/4/rekening',
      '/body/rows/5/nomor_induk',
      '/body/rows/6/kode_wilayah',
    ]),
  );
  expect(r.body.report.rows[0]).toMatchObject({ index: 0, line: 2, action: 'created', errors: [] });
  expect(r.body.report.rows[5].errors[0].message).toMatch(/same nomor induk as row 0/);
  expect(await accountOf(good.nomor_induk!)).toBeUndefined();
});

test('dry run, apply with invitations, the same file again unchanged, an update by nomor_induk', async () => {
  const admin = await login('admin');
  const a = person();
  const b = person({ username: `tksk.impor.${a.nomor_induk!.slice(-5)}`, rekening: '' });
  const csv = csvOf([a, b]);

  const dry = await importAs(admin, { csv, dryRun: true });
  expect(dry.status).toBe(200);
  expect(dry.body).toMatchObject({ dryRun: true, importId: null, counts: { rows: 2, created: 2, invalid: 0 } });
  const derived = dry.body.rows[0].username;
  expect(derived).toMatch(/^wahyu\.hidayat\.\d{4}$/);
  expect(await accountOf(a.nomor_induk!)).toBeUndefined();

  const applied = await importAs(admin, { csv, dryRun: false });
  expect(applied.status).toBe(201);
  expect(applied.body.counts).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
  expect(applied.body.invitations).toHaveLength(2);
  const [inv] = applied.body.invitations;
  expect(inv.username).toBe(derived);
  expect(inv.link).toMatch(/\/admin\/#\/undangan\?kode=/);
  expect(Buffer.from(inv.code, 'base64url').length).toBeGreaterThanOrEqual(16); // ≥ 128 bits
  const account = await accountOf(a.nomor_induk!);
  expect(account).toMatchObject({ username: derived, role: 'tksk', regionCode: '33.73.02', invitationPending: true, phone: expect.stringMatching(/^\+62812/) });
  // Only the hash is stored; the audit chain has ids and counts, no phone, no e-mail.
  const stored = await sql`SELECT code_sha256 FROM user_invitations WHERE user_id = ${account.id}`;
  expect(stored).toHaveLength(1);
  expect(stored[0].codeSha256).not.toContain(inv.code);
  const audit = await sql`SELECT action, details FROM audit_log WHERE entity_id = ${applied.body.importId} OR entity_id = ${account.id} ORDER BY seq`;
  expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['user.imported', 'user.created', 'user.invitation_issued']));
  const chain = JSON.stringify(audit);
  expect(chain).not.toContain(a.email);
  expect(chain).not.toContain(account.phone);
  expect(chain).not.toContain(inv.code);
  expect(audit.find((e) => e.action === 'user.imported')!.details.createdIds).toContain(account.id);

  // The same file again changes nothing (no second account, no new invitation).
  const again = await importAs(admin, { csv, dryRun: false });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ importId: null, counts: { created: 0, updated: 0, unchanged: 2 } });
  expect(again.body.invitations).toBeUndefined();
  expect(await sql`SELECT 1 FROM user_invitations WHERE user_id = ${account.id}`).toHaveLength(1);

  // A new SK and phone for the first person: that account is updated, the other unchanged.
  const changed = { ...a, nomor_sk: 'SK 40/LJS/2027', telepon: '+62 813 0000 1111' };
  const update = await importAs(admin, { rows: [changed, b].map((r) => Object.fromEntries(Object.entries(r))), dryRun: false });
  expect(update.status).toBe(201);
  expect(update.body.counts).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  expect(update.body.rows[0]).toMatchObject({ action: 'updated', userId: account.id, changedColumns: ['nomor_sk', 'telepon'] });
  expect(update.body.invitations).toEqual([]);
  expect(await accountOf(a.nomor_induk!)).toMatchObject({ id: account.id, nomorSk: 'SK 40/LJS/2027', phone: '+6281300001111' });

  // Another account's phone in a new row: refused.
  const clash = await importAs(admin, { csv: csvOf([person({ telepon: '081300001111' })]), dryRun: true });
  expect(clash.status).toBe(422);
  expect(clash.body.errors[0]).toMatchObject({ pointer: '/body/rows/0/telepon' });
});

test('an invitation is accepted once, then the account signs in; a pending account cannot; wrong, used, expired and re-issued codes are refused', async () => {
  const admin = await login('admin');
  const a = person();
  const b = person();
  const applied = await importAs(admin, { csv: csvOf([a, b]), dryRun: false });
  expect(applied.status).toBe(201);
  const [invA, invB] = applied.body.invitations;

  const pending = await call('POST', '/api/auth/login', { body: { username: invA.username, password: 'apa-saja-sepuluh' } });
  expect(pending.status).toBe(403);
  expect(pending.body.code).toBe('invitation-pending');

  const wrong = await call('POST', '/api/auth/invitations/accept', { body: { code: 'x'.repeat(32), password: 'sandi-pilihan-sendiri' } });
  expect(wrong.status).toBe(400);
  expect(wrong.body.code).toBe('invitation-invalid');
  expect(JSON.stringify(wrong.body)).not.toContain(invA.username);

  const ok = await call('POST', '/api/auth/invitations/accept', { body: { code: invA.code, password: 'sandi-pilihan-sendiri' } });
  expect(ok.status).toBe(204);
  const signedIn = await call('POST', '/api/auth/login', { body: { username: invA.username, password: 'sandi-pilihan-sendiri' } });
  expect(signedIn.status).toBe(200);
  expect(signedIn.body.user).toMatchObject({ username: invA.username, role: 'tksk', regionCode: '33.73.02' });
  const used = await call('POST', '/api/auth/invitations/accept', { body: { code: invA.code, password: 'sandi-lain-lagi-ya' } });
  expect(used.status).toBe(400);
  expect(used.body.code).toBe('invitation-invalid');
  // Re-issuing is for accounts still waiting only.
  expect((await call('POST', `/api/admin/users/${invA.userId}/invitation`, { token: admin })).body.code).toBe('no-pending-invitation');

  // Re-issue: the first code stops working, the new one works until it expires.
  const reissued = await call('POST', `/api/admin/users/${invB.userId}/invitation`, { token: admin });
  expect(reissued.status).toBe(201);
  expect(reissued.body.code).not.toBe(invB.code);
  expect((await call('POST', '/api/auth/invitations/accept', { body: { code: invB.code, password: 'sandi-pilihan-sendiri' } })).status).toBe(400);
  await sql`UPDATE user_invitations SET expires_at = now() - interval '1 minute' WHERE user_id = ${invB.userId} AND revoked_at IS NULL`;
  const expired = await call('POST', '/api/auth/invitations/accept', { body: { code: reissued.body.code, password: 'sandi-pilihan-sendiri' } });
  expect(expired.status).toBe(400);
  expect(expired.body.code).toBe('invitation-invalid');
  const actions = (await sql`SELECT action FROM audit_log WHERE entity_id = ${invB.userId} ORDER BY seq`).map((r) => r.action);
  expect(actions).toEqual(['user.created', 'user.invitation_issued', 'user.invitation_reissued']);
});

test('a file with a supervisor is one privileged request: nothing before a second admin confirms, then the same apply runs', async () => {
  const [admin, admin2] = [await login('admin'), await login('admin2')];
  const tksk = person();
  const supervisor = person({ peran: 'supervisor_kabupaten', kode_wilayah: '33.73', rekening: '', nomor_induk: `1980${tksk.nomor_induk!.slice(-5)}199003` });
  const csv = csvOf([tksk, supervisor]);

  const noReason = await importAs(admin, { csv, dryRun: false });
  expect(noReason.status).toBe(422);
  expect(noReason.body.errors[0].pointer).toBe('/body/reason');

  const asked = await importAs(admin, { csv, dryRun: false, reason: 'Pengangkatan supervisor dan TKSK baru 2026.' });
  expect(asked.status).toBe(202);
  expect(asked.body).toMatchObject({ kind: 'user_import', status: 'pending', summary: { counts: { created: 2 }, roles: ['tksk', 'supervisor_kabupaten'] } });
  expect(await accountOf(tksk.nomor_induk!)).toBeUndefined();
  expect(await accountOf(supervisor.nomor_induk!)).toBeUndefined();

  expect((await call('POST', `/api/admin/privileged-requests/${asked.body.id}/confirm`, { token: admin, body: { approve: true } })).status).toBe(403);
  const confirmed = await call('POST', `/api/admin/privileged-requests/${asked.body.id}/confirm`, { token: admin2, body: { approve: true } });
  expect({ status: confirmed.status, body: confirmed.status === 200 ? undefined : confirmed.body }).toEqual({ status: 200 });
  expect(confirmed.body).toMatchObject({ status: 'done', result: { counts: { created: 2 } } });
  expect(confirmed.body.result.invitations).toHaveLength(2);
  expect(await accountOf(supervisor.nomor_induk!)).toMatchObject({ role: 'supervisor_kabupaten', regionCode: '33.73', invitationPending: true });
  const [imp] = await sql`SELECT imported_by, request_id FROM user_imports WHERE id = ${confirmed.body.result.importId}`;
  expect(imp).toEqual({ importedBy: 'usr_admin', requestId: asked.body.id });
  expect((await sql`SELECT payload FROM privileged_requests WHERE id = ${asked.body.id}`)[0].payload).toEqual({});

  // The same file again: nothing to do, so no request either.
  const again = await importAs(admin, { csv, dryRun: false });
  expect(again.status).toBe(200);
  expect(again.body.counts).toMatchObject({ unchanged: 2 });
});
