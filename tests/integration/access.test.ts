// The access-control matrix, generated from the policy module: every case route × every role ×
// a case inside / outside the role's region → the status the policy implies, and no leak of an
// outside case in any list. Fixture: a second kabupaten (Kota Semarang, real codes) with its own
// TKSK and case, so "outside" exists for the kabupaten-level roles.
import { randomUUID } from 'node:crypto';
import { can, canIntervene, type Action } from '../../domain/access';
import { regionCovers } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { call, db, login, registration } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

const USERS = ['tksk1', 'tksk2', 'supervisor1', 'provinsi1', 'auditor1', 'admin'] as const;
const actors = new Map<string, Actor>();
const cases: Record<'inside' | 'outside', { id: string; desaCode: string; kecamatanCode: string; assigneeId: string }> = {} as never;

beforeAll(async () => {
  await sql`
    INSERT INTO regions (code, level, name, parent_code, code_version) VALUES
      ('33.74', 'kabupaten', 'Kota Semarang', '33', 'kepmendagri-2025'),
      ('33.74.01', 'kecamatan', 'Semarang Tengah', '33.74', 'kepmendagri-2025'),
      ('33.74.01.1001', 'desa', 'Miroto', '33.74.01', 'kepmendagri-2025')
    ON CONFLICT (code) DO NOTHING`;
  const username = `tksk.smg.${randomUUID().slice(0, 6)}`;
  const created = await call('POST', '/api/admin/users', {
    token: await login('admin'),
    body: { username, displayName: 'TKSK Semarang Tengah', role: 'tksk', regionCode: '33.74.01', password: 'sandi-cukup-panjang' },
  });
  expect(created.status).toBe(201);
  const smg = (await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } })).body.token;
  const outside = await call('POST', '/api/cases', { token: smg, body: { ...registration(), beneficiary: { ...registration().beneficiary, nik: '3374015708620001', desaCode: '33.74.01.1001' } } });
  expect(outside.status).toBe(201);
  const inside = await call('POST', '/api/cases', { token: await login('tksk1'), body: registration() });
  cases.inside = { id: inside.body.id, desaCode: '33.73.01.1001', kecamatanCode: '33.73.01', assigneeId: 'usr_tksk1' };
  cases.outside = { id: outside.body.id, desaCode: '33.74.01.1001', kecamatanCode: '33.74.01', assigneeId: created.body.id };
  for (const u of USERS) actors.set(u, (await call('GET', '/api/me', { token: await login(u) })).body);
});

/** Who sees a case at all (API: otherwise 404): its region, or a TKSK's own assignment. Admin is national but may not read cases. */
const sees = (a: Actor, c: (typeof cases)['inside']) => regionCovers(a.regionCode, c.desaCode) || (a.role === 'tksk' && a.id === c.assigneeId);

/** Expected status of a case route: visibility (404) → the policy (403) → 200, in the API's order. */
function expected(a: Actor, c: (typeof cases)['inside'], decide: (a: Actor) => boolean, checkVisibility = true): number {
  if (!can(a, 'case.list').ok && a.role !== 'admin') return 403;
  if (checkVisibility && a.role !== 'admin' && !sees(a, c)) return 404;
  return decide(a) ? 200 : 403;
}

const ROUTES: { name: string; method: string; path: (id: string) => string; body?: unknown; expect: (a: Actor, c: (typeof cases)['inside']) => number }[] = [
  { name: 'GET case', method: 'GET', path: (id) => `/api/cases/${id}`, expect: (a, c) => (a.role === 'admin' ? 403 : expected(a, c, (x) => can(x, 'case.list').ok)) },
  { name: 'GET timeline', method: 'GET', path: (id) => `/api/cases/${id}/timeline`, expect: (a, c) => (a.role === 'admin' ? 403 : expected(a, c, (x) => can(x, 'case.list').ok)) },
  {
    name: 'GET history',
    method: 'GET',
    path: (id) => `/api/cases/${id}/history`,
    expect: (a, c) => (a.role === 'admin' ? 403 : expected(a, c, (x) => can(x, 'case.history', c.desaCode).ok)),
  },
  {
    name: 'POST note',
    method: 'POST',
    path: (id) => `/api/cases/${id}/actions/note`,
    body: { text: 'Catatan uji matriks akses.' },
    expect: (a, c) => (a.role === 'admin' ? 403 : expected(a, c, (x) => canIntervene(x, 'note', { kecamatanCode: c.kecamatanCode, assigneeId: c.assigneeId }).ok)),
  },
];

/** Routes decided by role alone (no region): allowed by the policy → 200, else 403. */
const BY_ROLE: { method: string; path: string; action: Action }[] = [
  { method: 'GET', path: '/api/admin/users', action: 'user.manage' },
  { method: 'GET', path: '/api/admin/sla-policies', action: 'settings.manage' },
  { method: 'GET', path: '/api/admin/case-policies', action: 'settings.manage' },
  { method: 'GET', path: '/api/audit/verify', action: 'audit.verify' },
  { method: 'GET', path: '/api/audit/export.csv', action: 'audit.read' },
];

const LISTS: { path: string; action: Action }[] = [
  { path: '/api/cases?range=[0,499]', action: 'case.list' },
  { path: '/api/tasks?range=[0,499]', action: 'task.list' },
  { path: '/api/audit?range=[0,499]', action: 'audit.read' },
];

describe.each(USERS)('%s', (user) => {
  test.each(ROUTES.flatMap((r) => (['inside', 'outside'] as const).map((where) => [r.name, where, r] as const)))('%s, %s case', async (_n, where, route) => {
    const actor = actors.get(user)!;
    const c = cases[where];
    const r = await call(route.method, route.path(c.id), { token: await login(user), body: route.body });
    expect({ user, where, route: route.name, status: r.status }).toEqual({ user, where, route: route.name, status: route.expect(actor, c) });
    if (r.status >= 400) expect(r.contentType).toContain('application/problem+json');
  });

  test.each(BY_ROLE)('$method $path', async ({ method, path, action }) => {
    const r = await call(method, path, { token: await login(user) });
    expect(r.status).toBe(can(actors.get(user)!, action).ok ? 200 : 403);
  });

  test('POST /api/cases inside / outside the kecamatan', async () => {
    const actor = actors.get(user)!;
    const inside = await call('POST', '/api/cases', { token: await login(user), body: registration() });
    const allowed = can(actor, 'case.register').ok;
    // Allowed roles may register only in their own kecamatan (Sidorejo here): a field error otherwise.
    expect(inside.status).toBe(!allowed ? 403 : regionCovers(actor.regionCode, '33.73.01.1001') ? 201 : 422);
    const outside = await call('POST', '/api/cases', { token: await login(user), body: { ...registration(), beneficiary: { ...registration().beneficiary, desaCode: '33.74.01.1001' } } });
    expect(outside.status).toBe(allowed ? 422 : 403);
  });

  test.each(LISTS)('list $path: allowed by policy, and nothing from outside the region', async ({ path, action }) => {
    const actor = actors.get(user)!;
    const r = await call('GET', path, { token: await login(user) });
    expect(r.status).toBe(can(actor, action).ok ? 200 : 403);
    if (r.status !== 200) return;
    const body = JSON.stringify(r.body);
    if (!sees(actor, cases.outside)) expect(body).not.toContain(cases.outside.id);
    if (sees(actor, cases.inside) && path.startsWith('/api/cases')) expect(body).toContain(cases.inside.id);
  });
});
