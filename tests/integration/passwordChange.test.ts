// An account whose password someone else chose (the bootstrap's first admin) must choose its own
// before anything else works; the change needs the current password, is throttled and audited.
import { call, db, signedInTksk } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

test('must change its password: refused everywhere else until it does; then signs in with the new one only', async () => {
  const { id, username } = await signedInTksk('33.73.01');
  await sql`UPDATE users SET must_change_password = true WHERE id = ${id}`;
  const login = await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } });
  expect(login.status).toBe(200);
  expect(login.body.mustChangePassword).toBe(true);
  const token = login.body.token as string;

  const refused = await call('GET', '/api/cases', { token });
  expect(refused.status).toBe(403);
  expect(refused.body.type).toBe('https://kesos-flow.dev/problems/password-change-required');
  expect((await call('GET', '/api/me', { token })).status).toBe(200);

  const wrong = await call('POST', '/api/auth/password', { token, body: { currentPassword: 'bukan-sandinya', newPassword: 'sandi-baru-pilihan-sendiri' } });
  expect(wrong.status).toBe(403);
  const same = await call('POST', '/api/auth/password', { token, body: { currentPassword: 'sandi-cukup-panjang', newPassword: 'sandi-cukup-panjang' } });
  expect({ status: same.status, pointers: same.body.errors?.map((e: { pointer: string }) => e.pointer) }).toEqual({
    status: 422,
    pointers: ['/body/newPassword'],
  });
  const short = await call('POST', '/api/auth/password', { token, body: { currentPassword: 'sandi-cukup-panjang', newPassword: 'pendek' } });
  expect(short.status).toBe(422);

  const changed = await call('POST', '/api/auth/password', {
    token,
    body: { currentPassword: 'sandi-cukup-panjang', newPassword: 'sandi-baru-pilihan-sendiri' },
  });
  expect(changed.status).toBe(204);
  expect((await call('GET', '/api/cases', { token })).status).toBe(200);
  expect((await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } })).status).toBe(401);
  const again = await call('POST', '/api/auth/login', { body: { username, password: 'sandi-baru-pilihan-sendiri' } });
  expect({ status: again.status, must: again.body.mustChangePassword }).toEqual({ status: 200, must: false });

  const audit = await sql`SELECT action, actor_id FROM audit_log WHERE entity_id = ${id} AND action = 'user.password_changed'`;
  expect(audit.map((a) => [a.action, a.actorId])).toEqual([['user.password_changed', id]]);
});
