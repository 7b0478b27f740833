// GET /api/users: the active users a supervisor may pick (a reassignment target), scoped to the
// supervisor's region, with nothing but what identifies them; other roles are refused.
import { buildOpenApi } from '../../api/openapi';
import { assignableUserSchema } from '../../api/users/schema';
import { call, login } from '../support/stack';

const list = async (user: string, filter?: Record<string, unknown>, extra = '') => {
  const query = filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}` : extra.replace(/^&/, '?');
  return call('GET', `/api/users${query}`, { token: await login(user) });
};
const usernames = (body: { username: string }[]) => body.map((u) => u.username).sort();

test('a kabupaten supervisor lists the active TKSK of the kabupaten, identified and nothing more', async () => {
  const r = await list('supervisor1', { role: 'tksk' });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-range')).toMatch(/^users 0-\d+\/\d+$/);
  expect(usernames(r.body)).toEqual(expect.arrayContaining(['tksk1', 'tksk2', 'tksk3']));
  for (const u of r.body) {
    expect(Object.keys(u).sort()).toEqual(['displayName', 'id', 'regionCode', 'role', 'username']);
    expect(assignableUserSchema.safeParse(u).success).toBe(true);
    expect(u.role).toBe('tksk');
    expect(u.regionCode).toMatch(/^33\.73\./);
  }
  expect(r.body.find((u: { username: string }) => u.username === 'tksk3')).toEqual({
    id: 'usr_tksk3',
    username: 'tksk3',
    displayName: 'Joko Susilo (TKSK pengganti Sidorejo)',
    role: 'tksk',
    regionCode: '33.73.01',
  });
});

test('filters: a region prefix, a search text, ids; the supervisor never sees above their own region', async () => {
  expect(usernames((await list('supervisor1', { role: 'tksk', regionCode: '33.73.01' })).body)).toEqual(expect.arrayContaining(['tksk1', 'tksk3']));
  expect(usernames((await list('supervisor1', { role: 'tksk', regionCode: '33.73.01' })).body)).not.toContain('tksk2');
  expect(usernames((await list('supervisor1', { q: 'JOKO' })).body)).toEqual(['tksk3']);
  expect(usernames((await list('supervisor1', { id: ['usr_tksk1', 'usr_tksk2'] })).body)).toEqual(['tksk1', 'tksk2']);
  // The province's own staff (region 33) are above a kabupaten supervisor's scope…
  const kabupaten = usernames((await list('supervisor1')).body);
  expect(kabupaten).toEqual(expect.arrayContaining(['supervisor1', 'supervisor2', 'tksk1']));
  expect(kabupaten).not.toContain('provinsi1');
  expect(kabupaten).not.toContain('auditor1');
  expect(kabupaten).not.toContain('admin');
  // …and within the provinsi supervisor's; the national admin is in nobody's.
  const provinsi = usernames((await list('provinsi1', undefined, `&range=${encodeURIComponent('[0,499]')}`)).body);
  expect(provinsi).toEqual(expect.arrayContaining(['provinsi1', 'auditor1', 'supervisor1', 'tksk2']));
  expect(provinsi).not.toContain('admin');
  // Sorted by name by default; a page at a time.
  const page = await list('provinsi1', { role: 'tksk' }, `&sort=${encodeURIComponent('["username","DESC"]')}&range=${encodeURIComponent('[0,0]')}`);
  expect(page.body).toHaveLength(1);
  expect(page.headers.get('content-range')).toMatch(/^users 0-0\/\d+$/);
});

test('a disabled account is not offered', async () => {
  const admin = await login('admin');
  const username = `tksk.pick.${Math.random().toString(36).slice(2, 7)}`;
  const created = await call('POST', '/api/admin/users', {
    token: admin,
    body: { username, displayName: 'Rudi Hartono (TKSK uji)', role: 'tksk', regionCode: '33.73.02', password: 'sandi-uji-yang-panjang' },
  });
  expect(created.status).toBe(201);
  expect(usernames((await list('supervisor1', { q: username })).body)).toEqual([username]);
  expect((await call('PATCH', `/api/admin/users/${created.body.id}`, { token: admin, body: { disabled: true } })).status).toBe(200);
  expect((await list('supervisor1', { q: username })).body).toEqual([]);
});

test('TKSK, auditors and the admin are refused; bad filters are 422 problems with field paths', async () => {
  for (const user of ['tksk1', 'auditor1', 'admin']) {
    const r = await list(user, { role: 'tksk' });
    expect(r.status).toBe(403);
    expect(r.contentType).toMatch(/^application\/problem\+json/);
  }
  expect((await call('GET', '/api/users')).status).toBe(401);
  const bad = await list('supervisor1', { role: 'kepala_desa', regionCode: '33-73', password: 'x' });
  expect(bad.status).toBe(422);
  expect(bad.contentType).toMatch(/^application\/problem\+json/);
  expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
    '/query/filter/password',
    '/query/filter/regionCode',
    '/query/filter/role',
  ]);
});

test('the OpenAPI document describes GET /api/users with a response example its schema accepts', () => {
  const { document } = buildOpenApi();
  const op = (document.paths as Record<string, any>)['/api/users'].get;
  expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['filter', 'range', 'sort']);
  expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '422']));
  const component = (document.components?.schemas as Record<string, any>).AssignableUser;
  expect(assignableUserSchema.safeParse(component.example).success).toBe(true);
});
