// The kabupaten's distribution calendar on the real stack: an entry whose opening day has come
// opens the period of every kecamatan with a TKSK or a KPM register, once, as the system (through
// the kabupaten's Schedule, triggered here, and the opening workflow run again directly); bad
// input is refused with field paths and changes nothing; the KPM list check is the first step
// of the opened period beside the Tikor meeting.
import { wibDate } from '../../domain/calendar';
import { sembakoCalendarScheduleIdOf } from '../../domain/sembako';
import { recentDate, waitUntil } from '../support/casework';
import { recordHistory } from '../support/histories';
import { freshPeriod, importKpmAs, kpmRow } from '../support/sembako';
import { call, createAccount, login, signedInTksk, suiteConnections } from '../support/stack';

const { sql, temporal } = suiteConnections();
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
// A kabupaten of this suite only: Kota Pekalongan and four of its kecamatan (the region table has
// them; inserted when a test stack runs without it), each desa looked up.
const KAB = '33.75';
const [WITH_TKSK, WITH_REGISTER, EMPTY, NEVER_OPENED] = ['33.75.01', '33.75.02', '33.75.03', '33.75.04'];

const desa: Record<string, string> = {};
let supervisor: string;
let tksk: { id: string; token: string };

async function openTasks(token: string, workflowId: string) {
  const r = await call('GET', `/api/tasks?filter=${q({ workflowId, status: 'open' })}&sort=${q(['createdAt', 'ASC'])}`, { token });
  return r.body as { id: string; type: string; context: Record<string, any> }[];
}

/** A day of the current or next month within two days from now (WIB): the entry's opening day (5 working days before) has come. */
function plannedStartSoon(): string {
  return wibDate(new Date(Date.now() + 2 * 86_400_000));
}

beforeAll(async () => {
  const regions: [string, string, string, string][] = [
    [KAB, 'kabupaten', 'Kota Pekalongan', '33'],
    [WITH_TKSK, 'kecamatan', 'Pekalongan Barat', KAB],
    [WITH_REGISTER, 'kecamatan', 'Pekalongan Timur', KAB],
    [EMPTY, 'kecamatan', 'Pekalongan Selatan', KAB],
    [NEVER_OPENED, 'kecamatan', 'Pekalongan Utara', KAB],
    ['33.75.01.1001', 'desa', 'Bendan', WITH_TKSK],
    ['33.75.02.1001', 'desa', 'Noyontaan', WITH_REGISTER],
  ];
  for (const [code, level, name, parent] of regions)
    await sql`INSERT INTO regions (code, level, name, parent_code, code_version) VALUES (${code}, ${level}, ${name}, ${parent}, 'test') ON CONFLICT (code) DO NOTHING`;
  for (const k of [WITH_TKSK, WITH_REGISTER]) {
    const [d] = await sql<{ code: string }[]>`SELECT code FROM regions WHERE level = 'desa' AND parent_code = ${k} ORDER BY code LIMIT 1`;
    desa[k] = d.code;
  }
  const username = `spv.pekalongan.${Date.now() % 1_000_000}`;
  await createAccount({ username, displayName: 'Supervisor Pekalongan', role: 'supervisor_kabupaten', regionCode: KAB, password: 'sandi-cukup-panjang' });
  supervisor = (await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } })).body.token as string;
  tksk = await signedInTksk(WITH_TKSK);
  await signedInTksk(NEVER_OPENED);
  // Pekalongan Timur has no TKSK, but a KPM register.
  const imported = await importKpmAs({ token: supervisor }, { kecamatanCode: WITH_REGISTER, rows: [kpmRow({ kode_desa: desa[WITH_REGISTER] })] });
  expect(imported.status).toBe(201);
  // Each kecamatan's points come from its latest period, opened by hand once.
  for (const [kecamatanCode, desaCode] of [
    [WITH_TKSK, desa[WITH_TKSK]],
    [WITH_REGISTER, desa[WITH_REGISTER]],
  ]) {
    const r = await call('POST', '/api/sembako/periods', {
      token: supervisor,
      body: { kecamatanCode, period: freshPeriod(), distributionPoints: [{ pointId: 'ew-1', name: 'E-Warong Pekalongan', kind: 'e_warong', desaCode }] },
    });
    expect(r.status).toBe(201);
  }
});

test('bad input is refused with field paths, by role and region, and changes nothing', async () => {
  const before = await sql`SELECT count(*)::int AS n FROM sembako_calendar WHERE kabupaten_code = ${KAB}`;
  const bad = await call('POST', '/api/sembako/calendar', {
    token: supervisor,
    body: { period: '2027-13', plannedStart: '2027-02-30', leadWorkingDays: 31, channel: 'tunai' },
  });
  expect(bad.status).toBe(422);
  expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(
    ['/body/channel', '/body/leadWorkingDays', '/body/period', '/body/plannedStart'].sort(),
  );
  // A start outside the period's month, and one already past.
  const month = await call('POST', '/api/sembako/calendar', { token: supervisor, body: { period: '2031-01', plannedStart: '2031-02-03', leadWorkingDays: 5 } });
  expect(month.status).toBe(422);
  expect(month.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/plannedStart']);
  const past = recentDate();
  const late = await call('POST', '/api/sembako/calendar', { token: supervisor, body: { period: past.slice(0, 7), plannedStart: past, leadWorkingDays: 5 } });
  expect(late.status).toBe(422);
  expect(late.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/plannedStart']);
  const unknown = await call('POST', '/api/sembako/calendar', {
    token: supervisor,
    body: { kabupatenCode: '33.99', period: '2031-01', plannedStart: '2031-01-06', leadWorkingDays: 5 },
  });
  expect(unknown.status).toBe(422);
  expect(unknown.body.errors[0].pointer).toBe('/body/kabupatenCode');
  // Another kabupaten's calendar is not one's own.
  const elsewhere = await call('POST', '/api/sembako/calendar', {
    token: supervisor,
    body: { kabupatenCode: '33.73', period: '2031-01', plannedStart: '2031-01-06', leadWorkingDays: 5 },
  });
  expect(elsewhere.status).toBe(403);
  const after = await sql`SELECT count(*)::int AS n FROM sembako_calendar WHERE kabupaten_code = ${KAB}`;
  expect(after).toEqual(before);
});

test('an entry not opened yet can be deleted (audited); a duplicate period is 409', async () => {
  const body = { period: '2031-03', plannedStart: '2031-03-10', leadWorkingDays: 3, channel: 'kks' };
  const created = await call('POST', '/api/sembako/calendar', { token: supervisor, body });
  expect(created.status).toBe(201);
  // 2031-03-10 is a Monday: three working days before is Wednesday 5 March.
  expect(created.body).toMatchObject({ kabupatenCode: KAB, kabupatenName: expect.any(String), opensOn: '2031-03-05', openedAt: null, channel: 'kks' });
  const again = await call('POST', '/api/sembako/calendar', { token: supervisor, body });
  expect(again.status).toBe(409);
  expect(again.body.code).toBe('sembako-calendar-duplicate');
  // The kecamatan's TKSK reads the kabupaten's calendar; another kabupaten's TKSK does not.
  const mine = await call('GET', `/api/sembako/calendar?filter=${q({ id: [created.body.id] })}`, { token: tksk.token });
  expect(mine.body).toEqual([expect.objectContaining({ id: created.body.id })]);
  expect((await call('GET', `/api/sembako/calendar/${created.body.id}`, { token: await login('tksk1') })).status).toBe(404);
  const deleted = await call('DELETE', `/api/sembako/calendar/${created.body.id}`, { token: supervisor });
  expect(deleted.status).toBe(200);
  expect(await sql`SELECT 1 FROM sembako_calendar WHERE id = ${created.body.id}`).toEqual([]);
  const audit = await sql<
    { action: string }[]
  >`SELECT action FROM audit_log WHERE entity_type = 'sembako_calendar' AND entity_id = ${created.body.id} ORDER BY seq`;
  expect(audit.map((a) => a.action)).toEqual(['sembako_calendar.created', 'sembako_calendar.deleted']);
});

test('an entry whose opening day has come opens the periods of the kabupaten’s kecamatan exactly once, as the system', async () => {
  const plannedStart = plannedStartSoon();
  const period = plannedStart.slice(0, 7);
  const created = await call('POST', '/api/sembako/calendar', { token: supervisor, body: { period, plannedStart, leadWorkingDays: 5 } });
  expect(created.status).toBe(201);
  const entryId: string = created.body.id;
  expect(created.body.opensOn <= wibDate(new Date())).toBe(true);

  // The kabupaten's Schedule: daily, WIB, starting the opening workflow for this kabupaten (paused in the test stack).
  const handle = temporal.client.schedule.getHandle(sembakoCalendarScheduleIdOf(KAB));
  const described = await handle.describe();
  expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'openSembakoCalendarWorkflow', args: [{ kabupatenCode: KAB }] });
  expect(described.spec.timezone).toBe('Asia/Jakarta');
  expect(described.state.paused).toBe(true);

  await handle.trigger();
  const ids = [WITH_TKSK, WITH_REGISTER].map((k) => `sembako-${k}-${period}`);
  await waitUntil(
    'the periods opened by the Schedule',
    async () => (await sql`SELECT id FROM sembako_periods WHERE id IN ${sql(ids)}`).length === 2 || undefined,
  );
  const entry = await waitUntil('the entry marked opened', async () => {
    const r = await call('GET', `/api/sembako/calendar/${entryId}`, { token: supervisor });
    return r.body.openedAt ? r.body : undefined;
  });
  expect(entry.openResult).toEqual({
    opened: [WITH_TKSK, WITH_REGISTER],
    existing: [],
    skipped: [{ kecamatanCode: NEVER_OPENED, reason: 'no_distribution_points' }],
  });
  expect(await sql`SELECT id FROM sembako_periods WHERE kecamatan_code IN ${sql([EMPTY, NEVER_OPENED])} AND period = ${period}`).toEqual([]);

  // Opened by the system: no user, the entry named in the audit row; the TKSK's first tasks are the Tikor meeting and the KPM list check.
  const rows = await sql<
    { id: string; openedBy: string | null; points: { pointId: string }[] }[]
  >`SELECT id, opened_by, points FROM sembako_periods WHERE id IN ${sql(ids)} ORDER BY id`;
  expect(rows.map((r) => [r.id, r.openedBy, r.points.map((p) => p.pointId)])).toEqual(ids.map((id) => [id, null, ['ew-1']]));
  const [opened] = await sql<{ actorId: string | null; actorRole: string; details: Record<string, unknown> }[]>`
    SELECT actor_id, actor_role, details FROM audit_log WHERE entity_type = 'sembako_period' AND entity_id = ${ids[0]} AND action = 'sembako_period.opened'`;
  expect(opened).toMatchObject({ actorId: null, actorRole: 'system', details: { calendarEntryId: entryId, period } });
  const tasks = await waitUntil('the first tasks', async () => {
    const t = await openTasks(tksk.token, ids[0]);
    return t.length === 2 ? t : undefined;
  });
  expect(tasks.map((t) => t.type)).toEqual(['sembako_tikor_meeting', 'sembako_kpm_check']);
  expect(tasks[1].context).toMatchObject({ periodId: ids[0], register: { active: 0, inactive: { meninggal: 0, pindah: 0, tidakLayak: 0, ganda: 0 } } });
  const registerTasks = await waitUntil('the register kecamatan’s tasks', async () => {
    const t = await openTasks(supervisor, ids[1]);
    return t.length === 2 ? t : undefined;
  });
  expect(registerTasks[1].context.register.active).toBe(1);

  // The opening workflow run again (by the Schedule tomorrow, or anyone): nothing is due any more.
  const again = (await temporal.client.workflow.execute('openSembakoCalendarWorkflow', {
    workflowId: `test-sembako-calendar-${entryId}`,
    taskQueue: 'kesos-flow',
    args: [{ kabupatenCode: KAB }],
  })) as { entries: unknown[] };
  expect(again.entries).toEqual([]);
  // Even with the entry's record lost, a second opening starts nothing: every period exists already.
  await sql`UPDATE sembako_calendar SET opened_at = NULL, open_result = NULL WHERE id = ${entryId}`;
  const rerunId = `test-sembako-calendar-rerun-${entryId}`;
  const rerun = (await temporal.client.workflow.execute('openSembakoCalendarWorkflow', {
    workflowId: rerunId,
    taskQueue: 'kesos-flow',
    args: [{ kabupatenCode: KAB }],
  })) as {
    entries: { entryId: string; opened: string[]; existing: string[] }[];
  };
  expect(rerun.entries).toEqual([expect.objectContaining({ entryId, opened: [], existing: [WITH_TKSK, WITH_REGISTER] })]);
  expect(await sql`SELECT id FROM sembako_periods WHERE kecamatan_code LIKE '33.75.%' AND period = ${period}`).toHaveLength(2);
  const audits = await sql`SELECT 1 FROM audit_log WHERE entity_type = 'sembako_calendar' AND entity_id = ${entryId} AND action = 'sembako_calendar.opened'`;
  expect(audits).toHaveLength(1);
  // Its periods are open: the entry stays.
  const del = await call('DELETE', `/api/sembako/calendar/${entryId}`, { token: supervisor });
  expect(del.status).toBe(409);
  expect(del.body.code).toBe('sembako-calendar-opened');
  await recordHistory(temporal.client, 'sembako-calendar-opened', rerunId);
  await recordHistory(temporal.client, 'sembako-period-opened-by-calendar', ids[0]);
});
