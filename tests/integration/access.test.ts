// The access-control matrix, written out by hand: every demo account × route × a case in each
// region → the HTTP answer the product promises. Nothing here is derived from domain/access.ts,
// so a wrong grant there makes this fail. Fixture: a case in each kecamatan of Kota Salatiga
// (Sidorejo 33.73.01, Tingkir 33.73.02), one in another kabupaten of Jawa Tengah (Kota Semarang
// 33.74) and one in another provinsi (Kota Yogyakarta, DIY 34.71), real Kemendagri codes.
import { registeredKpm } from '../support/sembako';
import { call, db, login, registration, signedInTksk } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

const USERS = ['tksk1', 'tksk2', 'tksk3', 'supervisor1', 'supervisor2', 'provinsi1', 'auditor1', 'admin'] as const;
type User = (typeof USERS)[number];
const PLACES = ['sidorejo', 'tingkir', 'semarang', 'yogyakarta'] as const;
type Place = (typeof PLACES)[number];

/** Answers per user for the four cases, in the order of PLACES. */
type Row = readonly [sidorejo: number, tingkir: number, semarang: number, yogyakarta: number];

const cases = {} as Record<Place, string>;
const outsiders = {} as Record<'semarang' | 'yogyakarta', string>;

async function tkskIn(regionCode: string, desaCode: string, nik: string): Promise<{ userId: string; caseId: string }> {
  const { id: userId, token } = await signedInTksk(regionCode);
  const registered = await call('POST', '/api/cases', { token, body: { ...registration(), beneficiary: { ...registration().beneficiary, nik, desaCode } } });
  expect(registered.status).toBe(201);
  return { userId, caseId: registered.body.id };
}

beforeAll(async () => {
  await sql`
    INSERT INTO regions (code, level, name, parent_code, code_version) VALUES
      ('33.74', 'kabupaten', 'Kota Semarang', '33', 'kepmendagri-2025'),
      ('33.74.01', 'kecamatan', 'Semarang Tengah', '33.74', 'kepmendagri-2025'),
      ('33.74.01.1001', 'desa', 'Miroto', '33.74.01', 'kepmendagri-2025'),
      ('34', 'provinsi', 'Daerah Istimewa Yogyakarta', NULL, 'kepmendagri-2025'),
      ('34.71', 'kabupaten', 'Kota Yogyakarta', '34', 'kepmendagri-2025'),
      ('34.71.01', 'kecamatan', 'Mantrijeron', '34.71', 'kepmendagri-2025'),
      ('34.71.01.1001', 'desa', 'Gedongkiwo', '34.71.01', 'kepmendagri-2025')
    ON CONFLICT (code) DO NOTHING`;
  const sidorejo = await call('POST', '/api/cases', { token: await login('tksk1'), body: registration() });
  const tingkir = await call('POST', '/api/cases', {
    token: await login('tksk2'),
    body: { ...registration(), beneficiary: { ...registration().beneficiary, desaCode: '33.73.02.1005' } },
  });
  expect([sidorejo.status, tingkir.status]).toEqual([201, 201]);
  const semarang = await tkskIn('33.74.01', '33.74.01.1001', '3374015708620001');
  const yogyakarta = await tkskIn('34.71.01', '34.71.01.1001', '3471015708620001');
  Object.assign(cases, { sidorejo: sidorejo.body.id, tingkir: tingkir.body.id, semarang: semarang.caseId, yogyakarta: yogyakarta.caseId });
  Object.assign(outsiders, { semarang: semarang.userId, yogyakarta: yogyakarta.userId });
});

/**
 * Case routes. The API's order: the role may not read cases at all → 403; the case is not in
 * the caller's scope → 404 (its existence is not revealed); the role may not do this → 403.
 */
const CASE_ROUTES: { route: string; method: string; path: (id: string) => string; body?: unknown; expect: Record<User, Row> }[] = [
  {
    route: 'GET /api/cases/:id',
    method: 'GET',
    path: (id) => `/api/cases/${id}`,
    expect: {
      //           Sidorejo Tingkir Semarang Yogyakarta
      tksk1: [200, 404, 404, 404],
      tksk2: [404, 200, 404, 404],
      tksk3: [200, 404, 404, 404], // same kecamatan as tksk1: sees its cases
      supervisor1: [200, 200, 404, 404],
      supervisor2: [200, 200, 404, 404],
      provinsi1: [200, 200, 200, 404],
      auditor1: [200, 200, 200, 404],
      admin: [403, 403, 403, 403], // national, but no case data
    },
  },
  {
    route: 'GET /api/cases/:id/timeline',
    method: 'GET',
    path: (id) => `/api/cases/${id}/timeline`,
    expect: {
      tksk1: [200, 404, 404, 404],
      tksk2: [404, 200, 404, 404],
      tksk3: [200, 404, 404, 404],
      supervisor1: [200, 200, 404, 404],
      supervisor2: [200, 200, 404, 404],
      provinsi1: [200, 200, 200, 404],
      auditor1: [200, 200, 200, 404],
      admin: [403, 403, 403, 403],
    },
  },
  {
    route: 'GET /api/cases/:id/history',
    method: 'GET',
    path: (id) => `/api/cases/${id}/history`,
    expect: {
      tksk1: [403, 404, 404, 404], // the raw history is for supervisors and auditors
      tksk2: [404, 403, 404, 404],
      tksk3: [403, 404, 404, 404],
      supervisor1: [200, 200, 404, 404],
      supervisor2: [200, 200, 404, 404],
      provinsi1: [200, 200, 200, 404],
      auditor1: [200, 200, 200, 404],
      admin: [403, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/cases/:id/actions/note',
    method: 'POST',
    path: (id) => `/api/cases/${id}/actions/note`,
    body: { text: 'Catatan uji matriks akses.' },
    expect: {
      tksk1: [200, 404, 404, 404], // the case's own TKSK may add a note
      tksk2: [404, 200, 404, 404],
      tksk3: [403, 404, 404, 404], // sees the case, is not its TKSK
      supervisor1: [200, 200, 404, 404],
      supervisor2: [200, 200, 404, 404],
      provinsi1: [200, 200, 200, 404],
      auditor1: [403, 403, 403, 404], // read-only
      admin: [403, 403, 403, 403],
    },
  },
  {
    route: 'POST /api/codec/decode?workflowId=case-:id',
    method: 'POST',
    path: (id) => `/api/codec/decode?workflowId=case-${id}`,
    body: { payloads: [] },
    expect: {
      tksk1: [403, 403, 403, 403], // decoding histories is for supervisors and auditors
      tksk2: [403, 403, 403, 403],
      tksk3: [403, 403, 403, 403],
      supervisor1: [200, 200, 404, 404], // the workflow's case must be in the caller's region
      supervisor2: [200, 200, 404, 404],
      provinsi1: [200, 200, 200, 404],
      auditor1: [200, 200, 200, 404],
      admin: [403, 403, 403, 403],
    },
  },
];

describe.each(CASE_ROUTES)('$route', ({ method, path, body, expect: table }) => {
  test.each(USERS)('%s', async (user) => {
    const token = await login(user);
    const got: number[] = [];
    for (const place of PLACES) {
      const r = await call(method, path(cases[place]), { token, body });
      if (r.status >= 400) expect(r.contentType).toContain('application/problem+json');
      got.push(r.status);
    }
    expect({ user, got }).toEqual({ user, got: [...table[user]] });
  });
});

/** Which of the four cases (and their tasks, and their audit rows) each list shows; 403: none, the role may not list. */
const VISIBLE: Record<'cases' | 'tasks' | 'audit', Record<User, readonly Place[] | 403>> = {
  cases: {
    tksk1: ['sidorejo'],
    tksk2: ['tingkir'],
    tksk3: ['sidorejo'],
    supervisor1: ['sidorejo', 'tingkir'],
    supervisor2: ['sidorejo', 'tingkir'],
    provinsi1: ['sidorejo', 'tingkir', 'semarang'],
    auditor1: ['sidorejo', 'tingkir', 'semarang'],
    admin: 403,
  },
  tasks: {
    tksk1: ['sidorejo'],
    tksk2: ['tingkir'],
    tksk3: [], // the asesmen task is assigned to tksk1, not open to the whole kecamatan
    supervisor1: ['sidorejo', 'tingkir'],
    supervisor2: ['sidorejo', 'tingkir'],
    provinsi1: ['sidorejo', 'tingkir', 'semarang'],
    auditor1: ['sidorejo', 'tingkir', 'semarang'],
    admin: 403,
  },
  audit: {
    tksk1: 403,
    tksk2: 403,
    tksk3: 403,
    supervisor1: ['sidorejo', 'tingkir'],
    supervisor2: ['sidorejo', 'tingkir'],
    provinsi1: ['sidorejo', 'tingkir', 'semarang'],
    auditor1: ['sidorejo', 'tingkir', 'semarang'],
    admin: ['sidorejo', 'tingkir', 'semarang', 'yogyakarta'], // audit rows carry no personal data
  },
};

describe('lists show exactly the cases in scope', () => {
  const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
  test.each(USERS)('%s', async (user) => {
    const token = await login(user);
    const cs = await call('GET', `/api/cases?filter=${q({ id: PLACES.map((p) => cases[p]) })}&range=${q([0, 99])}`, { token });
    const ids = cs.status === 200 ? (cs.body as { id: string }[]).map((c) => c.id) : [];
    const listed = PLACES.filter((p) => ids.includes(cases[p]));
    expect(ids).toHaveLength(listed.length);
    const got: Record<string, readonly Place[] | number> = { cases: cs.status === 200 ? listed : cs.status };
    for (const list of ['tasks', 'audit'] as const) {
      const seen: Place[] = [];
      let status = 200;
      for (const place of PLACES) {
        const r = await call('GET', `/api/${list}?filter=${q({ caseId: cases[place] })}&range=${q([0, 99])}`, { token });
        status = r.status;
        if (r.status === 200 && r.body.length > 0) seen.push(place);
      }
      got[list] = status === 200 ? seen : status;
    }
    const want = Object.fromEntries((['cases', 'tasks', 'audit'] as const).map((l) => [l, VISIBLE[l][user]]));
    expect({ user, ...got }).toEqual({ user, ...want });
  });
});

/** One answer per user, in the order of USERS. */
const row = (...statuses: number[]) => Object.fromEntries(USERS.map((u, i) => [u, statuses[i]])) as Record<User, number>;

/** Routes decided by role alone. */
const BY_ROLE: { route: string; body?: unknown; expect: Record<User, number> }[] = [
  //                                    tksk1 tksk2 tksk3 sup1 sup2 prov1 aud1 admin
  { route: 'GET /api/cases', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/tasks', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/reports/summary', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/audit', expect: row(403, 403, 403, 200, 200, 200, 200, 200) },
  { route: 'GET /api/audit/export.csv', expect: row(403, 403, 403, 200, 200, 200, 200, 200) },
  { route: 'GET /api/audit/verify', expect: row(403, 403, 403, 403, 403, 403, 200, 200) },
  { route: 'GET /api/users', expect: row(403, 403, 403, 200, 200, 200, 403, 403) },
  { route: 'GET /api/admin/users', expect: row(403, 403, 403, 403, 403, 403, 403, 200) },
  { route: 'GET /api/people', expect: row(200, 200, 200, 200, 200, 200, 200, 200) },
  { route: 'GET /api/regions', expect: row(200, 200, 200, 200, 200, 200, 200, 200) },
  { route: 'GET /api/admin/sla-policies', expect: row(403, 403, 403, 403, 403, 403, 403, 200) },
  { route: 'GET /api/admin/case-policies', expect: row(403, 403, 403, 403, 403, 403, 403, 200) },
  // Asked for only: a second admin confirms it (tests/integration/privileged.test.ts).
  {
    route: 'POST /api/admin/data-subject-export',
    body: { nik: '3471015708620001', reason: 'Uji akses per peran.' },
    expect: row(403, 403, 403, 403, 403, 403, 403, 202),
  },
  { route: 'GET /api/tali-asih/claims', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/tali-asih/budgets', expect: row(403, 403, 403, 200, 200, 200, 200, 403) },
  { route: 'GET /api/tali-asih/reconciliation?period=2026-11', expect: row(403, 403, 403, 200, 200, 200, 200, 403) },
  // The KPM register and complaints of one's region (the TKSK's kecamatan, the supervisor's kabupaten…); no admin.
  { route: 'GET /api/sembako/kpm', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/sembako/kpm/export.csv', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/sembako/kpm/export.xlsx', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/complaints', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/sembako/periods', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  // KPM data fixes and the accepted changes for SIKS-NG: whoever reads the register; a fix of a KPM that does not exist is not found.
  { route: 'GET /api/sembako/kpm/fixes', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/sembako/kpm/changes.csv', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/sembako/kpm/changes.xlsx', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  {
    route: 'POST /api/sembako/kpm/00000000-0000-4000-8000-000000000000/fixes',
    body: { kind: 'meninggal', reason: 'Uji akses per peran.' },
    expect: row(404, 404, 404, 404, 404, 403, 403, 403),
  },
  // A dry run of an empty Sidorejo list: its TKSK and the kabupaten keep the register; tksk2 is of Tingkir.
  {
    route: 'POST /api/sembako/kpm/imports',
    body: { kecamatanCode: '33.73.01', csv: 'id_kpm,no_kk,nik_pengurus,nama_pengurus,status_pkh,kode_desa,saluran\n', dryRun: true },
    expect: row(422, 403, 422, 422, 422, 403, 403, 403),
  },
  // The kabupaten's distribution calendar: read within one's region (a TKSK their kabupaten's), kept
  // by the kabupaten supervisor only (a start outside its period's month is 422: nothing written; an
  // entry that does not exist is 404).
  { route: 'GET /api/sembako/calendar', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  {
    route: 'POST /api/sembako/calendar',
    body: { period: '2031-05', plannedStart: '2031-04-01', leadWorkingDays: 5 },
    expect: row(403, 403, 403, 422, 422, 403, 403, 403),
  },
  { route: 'DELETE /api/sembako/calendar/6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c', expect: row(403, 403, 403, 404, 404, 403, 403, 403) },
  // Spreadsheet exports: cases and tasks for supervisors and auditors, claims for whoever reads them.
  { route: 'GET /api/exports/cases.csv', expect: row(403, 403, 403, 200, 200, 200, 200, 403) },
  { route: 'GET /api/exports/cases.xlsx', expect: row(403, 403, 403, 200, 200, 200, 200, 403) },
  { route: 'GET /api/exports/tasks.csv', expect: row(403, 403, 403, 200, 200, 200, 200, 403) },
  { route: 'GET /api/exports/tasks.xlsx', expect: row(403, 403, 403, 200, 200, 200, 200, 403) },
  { route: 'GET /api/exports/claims.csv', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/exports/claims.xlsx', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'GET /api/exports/audit.csv', expect: row(403, 403, 403, 200, 200, 200, 200, 200) },
  { route: 'GET /api/exports/audit.xlsx', expect: row(403, 403, 403, 200, 200, 200, 200, 200) },
  { route: 'GET /api/exports/cases.pdf', expect: row(403, 403, 403, 422, 422, 422, 422, 403) },
  // Only the province reissues a cancelled payment; a claim that does not exist is not found.
  {
    route: 'POST /api/tali-asih/claims/tali-asih-usr_tksk1-2019-01/reissue',
    body: { note: 'Rekening sudah diperbaiki.' },
    expect: row(403, 403, 403, 403, 403, 404, 403, 403),
  },
  // A period no other test uses; only the provinsi sets budgets.
  {
    route: 'PUT /api/tali-asih/budgets',
    body: { period: '2031-01', fundingSource: 'APBD', allocated: 0 },
    expect: row(403, 403, 403, 403, 403, 200, 403, 403),
  },
  // Koordinasi meetings and monthly reports: whoever works in a region reads them; auditors read, never record; no admin.
  { route: 'GET /api/meetings', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  { route: 'POST /api/meetings', body: {}, expect: row(422, 422, 422, 422, 422, 422, 403, 403) },
  { route: 'GET /api/monthly-reports', expect: row(200, 200, 200, 200, 200, 200, 200, 403) },
  // A month that has not begun: refused for what it is, after the role.
  { route: 'POST /api/monthly-reports', body: { period: '2099-12' }, expect: row(422, 422, 422, 422, 422, 422, 403, 403) },
  { route: 'GET /api/monthly-reports/laporan-usr_tksk1-2019-01', expect: row(404, 404, 404, 404, 404, 404, 404, 403) },
  { route: 'GET /api/monthly-reports/laporan-usr_tksk1-2019-01/report.pdf', expect: row(404, 404, 404, 404, 404, 404, 404, 403) },
];

describe.each(BY_ROLE)('$route', ({ route, body, expect: want }) => {
  test.each(USERS)('%s', async (user) => {
    const [method, path] = route.split(' ');
    const r = await call(method, path, { token: await login(user), body });
    expect({ user, status: r.status }).toEqual({ user, status: want[user] });
  });
});

/** Whose names each user may read (GET /api/people): their region's colleagues and the people above it, nobody beside it. */
test("people: colleagues of one's region and those above it, never another kecamatan or kabupaten", async () => {
  const names = ['usr_tksk1', 'usr_tksk2', 'usr_supervisor1', 'usr_provinsi1', 'usr_admin', outsiders.semarang, outsiders.yogyakarta];
  const q = encodeURIComponent(JSON.stringify({ id: names }));
  const seen = async (user: User) =>
    ((await call('GET', `/api/people?filter=${q}&range=[0,99]`, { token: await login(user) })).body as { id: string }[]).map((p) => p.id).sort();
  //                                   (outsiders: a TKSK in Semarang Tengah, one in Yogyakarta)
  expect(await seen('tksk1')).toEqual(['usr_admin', 'usr_provinsi1', 'usr_supervisor1', 'usr_tksk1'].sort());
  expect(await seen('supervisor1')).toEqual(['usr_admin', 'usr_provinsi1', 'usr_supervisor1', 'usr_tksk1', 'usr_tksk2'].sort());
  expect(await seen('provinsi1')).toEqual(['usr_admin', 'usr_provinsi1', 'usr_supervisor1', 'usr_tksk1', 'usr_tksk2', outsiders.semarang].sort());
  expect(await seen('admin')).toEqual([...names].sort());
});

/**
 * Rows not about a case (here an admin's SLA change, in Kota Yogyakarta where no other test
 * works): an auditor reads them, as the chain verification counts them; a supervisor reads only
 * their region's case rows.
 */
test('audit rows not about a case: auditors and admins read them, supervisors do not', async () => {
  const admin = await login('admin');
  const set = await call('PUT', '/api/admin/sla-policies', {
    token: admin,
    body: { taskType: 'asesmen', regionCode: '34.71', duePeriod: 'P5D', workingDays: true },
  });
  expect(set.status).toBeLessThan(300);
  const q = encodeURIComponent(JSON.stringify({ action: 'policy.sla_set' }));
  const count = async (user: User) => {
    const r = await call('GET', `/api/audit?filter=${q}&range=[0,499]`, { token: await login(user) });
    return (r.body as { caseId: string | null; actorName: string | null }[]).filter((a) => a.caseId === null).length;
  };
  expect({
    auditor1: (await count('auditor1')) > 0,
    admin: (await count('admin')) > 0,
    supervisor1: await count('supervisor1'),
    provinsi1: await count('provinsi1'),
  }).toEqual({
    auditor1: true,
    admin: true,
    supervisor1: 0,
    provinsi1: 0,
  });
  const named = await call('GET', `/api/audit?filter=${q}&range=[0,0]`, { token: await login('auditor1') });
  expect(named.body[0].actorName).toBe('Administrator Sistem');
});

/** A registration's duplicate check: the NIK's open cases within the caller's scope only, and each lookup on the record. */
test('cases by NIK: only within scope, and the lookup is audited without the NIK', async () => {
  const nik = '3374015708620001'; // the open case in Semarang Tengah
  const q = encodeURIComponent(JSON.stringify({ nik, open: true }));
  const found = async (user: User) => ((await call('GET', `/api/cases?filter=${q}`, { token: await login(user) })).body as { id: string }[]).map((c) => c.id);
  expect({ tksk1: await found('tksk1'), supervisor1: await found('supervisor1'), provinsi1: await found('provinsi1') }).toEqual({
    tksk1: [],
    supervisor1: [],
    provinsi1: [cases.semarang],
  });
  const [row] = await sql`SELECT details FROM audit_log WHERE action = 'case.nik_lookup' AND actor_id = 'usr_tksk1' ORDER BY seq DESC LIMIT 1`;
  expect(row.details).toEqual({ rows: 0 });
  expect(JSON.stringify(row.details)).not.toContain(nik);
});

test("a case export holds the cases of the caller's region only", async () => {
  const got: Record<string, Place[]> = {};
  for (const user of ['supervisor1', 'supervisor2', 'provinsi1', 'auditor1'] as const) {
    const r = await call('GET', '/api/exports/cases.csv', { token: await login(user) });
    expect(r.status).toBe(200);
    got[user] = PLACES.filter((p) => String(r.body).includes(cases[p]));
  }
  expect(got).toEqual({
    supervisor1: ['sidorejo', 'tingkir'],
    supervisor2: ['sidorejo', 'tingkir'],
    provinsi1: ['sidorejo', 'tingkir', 'semarang'],
    auditor1: ['sidorejo', 'tingkir', 'semarang'],
  });
});

test('registering a case: TKSK only, only in their own kecamatan', async () => {
  const inSidorejo = () => registration();
  const inSemarang = () => ({ ...registration(), beneficiary: { ...registration().beneficiary, desaCode: '33.74.01.1001' } });
  const got: Record<string, [number, number]> = {};
  for (const user of USERS) {
    const token = await login(user);
    got[user] = [
      (await call('POST', '/api/cases', { token, body: inSidorejo() })).status,
      (await call('POST', '/api/cases', { token, body: inSemarang() })).status,
    ];
  }
  expect(got).toEqual({
    //           Sidorejo desa  Semarang desa
    tksk1: [201, 422], // outside the kecamatan: a field error on desaCode
    tksk2: [422, 422],
    tksk3: [201, 422],
    supervisor1: [403, 403],
    supervisor2: [403, 403],
    provinsi1: [403, 403],
    auditor1: [403, 403],
    admin: [403, 403],
  });
});

test("completing tksk1's asesmen task: only tksk1 passes the access check", async () => {
  const [task] = (
    await call('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId: cases.sidorejo, type: 'asesmen' }))}`, {
      token: await login('supervisor1'),
    })
  ).body;
  const got: Record<string, number> = {};
  for (const user of USERS) got[user] = (await call('POST', `/api/tasks/${task.id}/complete`, { token: await login(user), body: { data: {} } })).status;
  expect(got).toEqual({
    tksk1: 422, // allowed; the empty assessment then fails its schema, so nothing is completed
    tksk2: 404, // not their task, not their kecamatan
    tksk3: 404, // assigned to tksk1
    supervisor1: 403, // an asesmen is the TKSK's
    supervisor2: 403,
    provinsi1: 403,
    auditor1: 403,
    admin: 403,
  });
});

test("previewing a working-day extension of tksk1's asesmen deadline: the supervisors who may extend it", async () => {
  const [task] = (
    await call('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId: cases.sidorejo, type: 'asesmen' }))}`, {
      token: await login('supervisor1'),
    })
  ).body;
  const got: Record<string, number> = {};
  for (const user of USERS) {
    got[user] = (await call('GET', `/api/tasks/${task.id}/deadline-extension?workingDays=3`, { token: await login(user) })).status;
  }
  expect(got).toEqual({
    tksk1: 403, // sees the task, may not extend it
    tksk2: 404,
    tksk3: 404,
    supervisor1: 200,
    supervisor2: 200,
    provinsi1: 200,
    auditor1: 403,
    admin: 403,
  });
});

test('opening a stipend claim for someone else', async () => {
  const claim = async (user: User, tkskId: string) =>
    (await call('POST', '/api/tali-asih/claims', { token: await login(user), body: { tkskId, period: '2026-11' } })).status;
  expect({
    'tksk1 for tksk2': await claim('tksk1', 'usr_tksk2'),
    'supervisor1 for the Semarang TKSK': await claim('supervisor1', outsiders.semarang),
    'provinsi1 for the Yogyakarta TKSK': await claim('provinsi1', outsiders.yogyakarta),
    'auditor1 for tksk1': await claim('auditor1', 'usr_tksk1'),
    'admin for tksk1': await claim('admin', 'usr_tksk1'),
  }).toEqual({
    'tksk1 for tksk2': 403, // a TKSK opens only their own claim
    'supervisor1 for the Semarang TKSK': 403, // outside Kota Salatiga
    'provinsi1 for the Yogyakarta TKSK': 403, // outside Jawa Tengah
    'auditor1 for tksk1': 403,
    'admin for tksk1': 403,
  });
});

/**
 * Proposing a data fix to a KPM of Sidorejo: its TKSK and the kabupaten may (the body names a
 * duplicate that does not exist, so the answer is the 422 that follows the access check and
 * nothing is written); Tingkir's TKSK, the province, auditors and the admin may not.
 */
test('proposing a KPM data fix: the kecamatan’s TKSK and the kabupaten only', async () => {
  const { id } = await registeredKpm('tksk1', '33.73.01');
  const body = { kind: 'ganda', duplicateOf: '00000000-0000-4000-8000-000000000000', reason: 'Uji akses per peran.' };
  const got: Record<string, number> = {};
  for (const user of USERS) got[user] = (await call('POST', `/api/sembako/kpm/${id}/fixes`, { token: await login(user), body })).status;
  expect(got).toEqual({ tksk1: 422, tksk2: 403, tksk3: 422, supervisor1: 422, supervisor2: 422, provinsi1: 403, auditor1: 403, admin: 403 });
  expect((await sql`SELECT 1 FROM sembako_kpm_fixes WHERE kpm_id = ${id}`).length).toBe(0);
});

/**
 * PSKS directory and pemetaan sosial: an entry in each place (fixture rows), read and changed by
 * id; the matrix and a field count of the place's kecamatan and desa. Outside one's region: an
 * entry is 404 (not revealed), a region asked for by code is 403.
 */
describe('PSKS and pemetaan', () => {
  const DESA: Record<Place, string> = { sidorejo: '33.73.01.1001', tingkir: '33.73.02.1005', semarang: '33.74.01.1001', yogyakarta: '34.71.01.1001' };
  const entries = {} as Record<Place, string>;
  beforeAll(async () => {
    for (const place of PLACES) {
      const [id] = (await sql`SELECT gen_random_uuid()::text AS id`).map((r) => r.id as string);
      const [p, k, c] = [DESA[place].slice(0, 2), DESA[place].slice(0, 5), DESA[place].slice(0, 8)];
      await sql`
        INSERT INTO psks_entries (id, type_version, type_code, name, desa_code, kecamatan_code, kabupaten_code, provinsi_code, service_area, created_by)
        VALUES (${id}, '2012-12', 'PSM', ${`PSM uji akses ${place}`}, ${DESA[place]}, ${c}, ${k}, ${p}, 'desa', 'usr_admin')`;
      entries[place] = id;
    }
  });
  const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const ROUTES: { route: string; method: string; path: (place: Place) => string; body?: () => unknown; expect: Record<User, Row> }[] = [
    {
      route: 'GET /api/psks/:id',
      method: 'GET',
      path: (place) => `/api/psks/${entries[place]}`,
      expect: {
        //           Sidorejo Tingkir Semarang Yogyakarta
        tksk1: [200, 404, 404, 404],
        tksk2: [404, 200, 404, 404],
        tksk3: [200, 404, 404, 404],
        supervisor1: [200, 200, 404, 404],
        supervisor2: [200, 200, 404, 404],
        provinsi1: [200, 200, 200, 404],
        auditor1: [200, 200, 200, 404],
        admin: [403, 403, 403, 403],
      },
    },
    {
      route: 'PATCH /api/psks/:id',
      method: 'PATCH',
      path: (place) => `/api/psks/${entries[place]}`,
      body: () => ({ capacity: 5 }),
      expect: {
        tksk1: [200, 404, 404, 404],
        tksk2: [404, 200, 404, 404],
        tksk3: [200, 404, 404, 404],
        supervisor1: [200, 200, 404, 404],
        supervisor2: [200, 200, 404, 404],
        provinsi1: [200, 200, 200, 404],
        auditor1: [403, 403, 403, 403], // reads, never writes
        admin: [403, 403, 403, 403],
      },
    },
    {
      route: 'GET /api/pemetaan?region=<kecamatan>',
      method: 'GET',
      path: (place) => `/api/pemetaan?region=${DESA[place].slice(0, 8)}`,
      expect: {
        tksk1: [200, 403, 403, 403],
        tksk2: [403, 200, 403, 403],
        tksk3: [200, 403, 403, 403],
        supervisor1: [200, 200, 403, 403],
        supervisor2: [200, 200, 403, 403],
        provinsi1: [200, 200, 200, 403],
        auditor1: [200, 200, 200, 403],
        admin: [403, 403, 403, 403],
      },
    },
    {
      route: 'POST /api/pemetaan/counts',
      method: 'POST',
      path: () => '/api/pemetaan/counts',
      expect: {
        tksk1: [201, 403, 403, 403],
        tksk2: [403, 201, 403, 403],
        tksk3: [201, 403, 403, 403],
        supervisor1: [201, 201, 403, 403],
        supervisor2: [201, 201, 403, 403],
        provinsi1: [403, 403, 403, 403], // the province imports extracts, it does not count desa
        auditor1: [403, 403, 403, 403],
        admin: [403, 403, 403, 403],
      },
    },
  ];
  describe.each(ROUTES)('$route', ({ method, path, body, expect: table }) => {
    test.each(USERS)('%s', async (user) => {
      const token = await login(user);
      const got: number[] = [];
      for (const place of PLACES) {
        const payload = method === 'POST' ? { desaCode: DESA[place], asOf: today(), counts: [{ kind: 'ppks', code: 'KAT', count: 0 }] } : body?.();
        got.push((await call(method, path(place), { token, body: payload })).status);
      }
      expect(got).toEqual(table[user]);
    });
  });
});

test("tasklist routes on tksk1's asesmen (assigned to tksk1, decision 0025): who reads, plans, claims", async () => {
  const [task] = (
    await call('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId: cases.sidorejo, type: 'asesmen' }))}`, {
      token: await login('supervisor1'),
    })
  ).body;
  const answers = async (method: string, path: string, body?: unknown) => {
    const got: Record<string, number> = {};
    for (const user of USERS) got[user] = (await call(method, path, { token: await login(user), body })).status;
    return got;
  };
  const readers = { tksk1: 200, tksk2: 404, tksk3: 404, supervisor1: 200, supervisor2: 200, provinsi1: 200, auditor1: 200, admin: 403 };
  expect(await answers('GET', `/api/tasks/${task.id}/comments`)).toEqual(readers);
  expect(await answers('GET', `/api/tasks/${task.id}/history`)).toEqual(readers);
  // Priority (unchanged here, so nothing is written): the assignee and the region's supervisors.
  expect(await answers('PATCH', `/api/tasks/${task.id}`, { priority: 'normal' })).toEqual({
    tksk1: 200,
    tksk2: 404,
    tksk3: 404,
    supervisor1: 200,
    supervisor2: 200,
    provinsi1: 200,
    auditor1: 403,
    admin: 403,
  });
  expect(await answers('POST', `/api/tasks/${task.id}/claim`)).toEqual({
    tksk1: 409, // task-assigned: it is already theirs, not offered to the role
    tksk2: 404,
    tksk3: 404,
    supervisor1: 403, // not a supervisor's task
    supervisor2: 403,
    provinsi1: 403,
    auditor1: 403,
    admin: 403,
  });
  expect(await answers('GET', '/api/saved-filters')).toEqual({
    tksk1: 200,
    tksk2: 200,
    tksk3: 200,
    supervisor1: 200,
    supervisor2: 200,
    provinsi1: 200,
    auditor1: 200,
    admin: 403,
  });
});
