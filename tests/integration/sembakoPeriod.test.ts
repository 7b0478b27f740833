// A Sembako distribution period on the real stack: the Tikor meeting and the KPM list check, one monitoring task per
// distribution point (all open at once, with the checklist kept as data for the region), the
// period report, returned once by the kabupaten supervisor and then approved.
import { recentDate, setSla, waitUntil } from '../support/casework';
import { recordHistory } from '../support/histories';
import { completeKpmCheck, freshPeriod, kpmCheckData } from '../support/sembako';
import { call, login, stack, suiteConnections } from '../support/stack';

const { sql, temporal } = suiteConnections();
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

async function openTasks(periodId: string, user: string) {
  const r = await call('GET', `/api/tasks?filter=${q({ workflowId: periodId, status: 'open' })}&sort=${q(['createdAt', 'ASC'])}`, { token: await login(user) });
  return r.body as { id: string; type: string; regionCode: string; context: Record<string, any> }[];
}

async function complete(taskId: string, user: string, body: { outcome?: string; data: Record<string, unknown> }) {
  const r = await call('POST', `/api/tasks/${taskId}/complete`, { token: await login(user), body });
  if (r.status !== 200) throw new Error(`complete: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const points = [
  { pointId: 'ew-blotongan', name: 'E-Warong Blotongan Makmur', kind: 'e_warong', desaCode: '33.73.01.1001' },
  { pointId: 'agen-pulutan', name: 'Agen BRILink Pulutan', kind: 'agen', desaCode: '33.73.01.1006' },
];

test('Tikor and the KPM list check, monitoring of every point with the region checklist, report returned then verified', async () => {
  const period = freshPeriod();
  // Sidorejo's own checklist from this period on (the most specific region wins).
  await sql`
    INSERT INTO sembako_checklists (region_code, valid_from, items)
    VALUES ('33.73.01', ${period}, ${sql.json([
      { itemId: 'papan_nama', label: 'Papan nama terpasang' },
      { itemId: 'harga_wajar', label: 'Harga wajar' },
    ] as never)})`;
  const opened = await call('POST', '/api/sembako/periods', { token: await login('tksk1'), body: { period, distributionPoints: points } });
  expect(opened.status).toBe(201);
  const periodId = `sembako-33.73.01-${period}`;
  expect(opened.body).toMatchObject({ periodId, status: 'tikor' });
  expect((await call('POST', '/api/sembako/periods', { token: await login('tksk1'), body: { period, distributionPoints: points } })).status).toBe(409);

  const [tikor, kpmCheck] = await openTasks(periodId, 'tksk1');
  expect(tikor.type).toBe('sembako_tikor_meeting');
  // The KPM list check opens beside the Tikor meeting, with the register's count for the kecamatan.
  expect(kpmCheck).toMatchObject({ type: 'sembako_kpm_check', regionCode: '33.73.01', context: { periodId, register: { active: expect.any(Number) } } });
  const registerActive: number = kpmCheck.context.register.active;
  const uneven = await call('POST', `/api/tasks/${kpmCheck.id}/complete`, {
    token: await login('tksk1'),
    body: { data: { ...kpmCheckData(120, 3), kpmFound: 118, problems: { meninggal: 200, pindah: 0, ganda: 0, tidakLayak: 0 } } },
  });
  expect(uneven.status).toBe(422);
  expect(uneven.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/body/data/kpmNotFound', '/body/data/problems']);
  const checkData = kpmCheckData(120, 3, { meninggal: 2, pindah: 1, ganda: 1 });
  await complete(kpmCheck.id, 'tksk1', { data: { ...checkData, notes: 'Tiga KPM tidak ada di register: dilaporkan ke desa.' } });
  await complete(tikor.id, 'tksk1', {
    data: {
      meetingOn: recentDate(),
      chair: 'Sekcam Sidorejo',
      attendees: [{ role: 'Petugas bank', organisation: 'BRI Unit Sidorejo' }],
      agreements: ['Penyaluran mulai tanggal 5'],
    },
  });

  const monitoring = (await openTasks(periodId, 'tksk1')).filter((t) => t.type === 'sembako_monitoring');
  expect(monitoring.map((t) => [t.type, t.context.point.pointId])).toEqual([
    ['sembako_monitoring', 'ew-blotongan'],
    ['sembako_monitoring', 'agen-pulutan'],
  ]);
  expect(monitoring[0].context.checklist.map((i: { itemId: string }) => i.itemId)).toEqual(['papan_nama', 'harga_wajar']);
  await complete(monitoring[0].id, 'tksk1', {
    data: {
      visitedOn: recentDate(),
      results: [
        { itemId: 'papan_nama', ok: true },
        { itemId: 'harga_wajar', ok: false, note: 'Beras di atas harga pasar.' },
      ],
      recommendRevocation: true,
      kpmListed: 40,
      kpmServed: 38,
      cardProblems: [
        { bank: 'BRI', kind: 'saldo_kosong', count: 2 },
        { bank: 'BNI', kind: 'pin_terblokir', count: 1 },
      ],
    },
  });
  await complete(monitoring[1].id, 'tksk1', {
    data: {
      visitedOn: recentDate(),
      results: [{ itemId: 'papan_nama', ok: true }],
      recommendRevocation: false,
      kpmListed: 25,
      kpmServed: 25,
      cardProblems: [{ bank: 'BRI', kind: 'saldo_kosong', count: 3 }],
    },
  });

  // The last monitoring answer returns as soon as it is recorded; the report task follows.
  const report = await waitUntil('the report task', async () => (await openTasks(periodId, 'tksk1')).find((t) => t.type === 'sembako_period_report'));
  expect(report.context.monitoring).toEqual([
    {
      pointId: 'ew-blotongan',
      visitedOn: recentDate(),
      failed: ['harga_wajar'],
      unanswered: [],
      recommendRevocation: true,
      kpmListed: 40,
      kpmServed: 38,
      cardProblems: [
        { bank: 'BRI', kind: 'saldo_kosong', count: 2 },
        { bank: 'BNI', kind: 'pin_terblokir', count: 1 },
      ],
    },
    {
      pointId: 'agen-pulutan',
      visitedOn: recentDate(),
      failed: [],
      unanswered: ['harga_wajar'],
      recommendRevocation: false,
      kpmListed: 25,
      kpmServed: 25,
      cardProblems: [{ bank: 'BRI', kind: 'saldo_kosong', count: 3 }],
    },
  ]);
  // The period's totals: realisation 63/65, card problems summed per bank and kind (banks in their order).
  const totals = {
    points: 2,
    kpmListed: 65,
    kpmServed: 63,
    realisation: 0.9692,
    cardProblems: [
      { bank: 'BRI', kind: 'saldo_kosong', count: 5 },
      { bank: 'BNI', kind: 'pin_terblokir', count: 1 },
    ],
    cardProblemsTotal: 6,
    failedItems: 1,
    revocationsRecommended: ['ew-blotongan'],
  };
  expect(report.context.totals).toEqual(totals);
  const kpmChecked = {
    checkedOn: checkData.checkedOn,
    kpmListed: 120,
    kpmFound: 117,
    kpmNotFound: 3,
    problems: { meninggal: 2, pindah: 1, ganda: 1, tidakLayak: 0 },
    registerActive,
  };
  expect(report.context.kpmCheck).toEqual(kpmChecked);
  const narrative = { narrative: 'Penyaluran tertib di dua titik; satu e-warong menjual beras di atas harga pasar.' };
  await complete(report.id, 'tksk1', { data: narrative });

  // The kabupaten verifies; the TKSK who reported cannot (the task is the supervisor's), four-eyes aside.
  const [verification] = await openTasks(periodId, 'supervisor1');
  expect(verification).toMatchObject({ type: 'sembako_period_verification', regionCode: '33.73' });
  expect(verification.context.totals).toEqual(totals);
  expect(verification.context.kpmCheck).toEqual(kpmChecked);
  const returned = await complete(verification.id, 'supervisor1', { outcome: 'return', data: { reason: 'Lampirkan foto harga di e-warong Blotongan.' } });
  expect(returned.period.status).toBe('report');
  const [again] = await openTasks(periodId, 'tksk1');
  expect(again.context.returnNote).toBe('Lampirkan foto harga di e-warong Blotongan.');
  await complete(again.id, 'tksk1', { data: { ...narrative, kendala: 'Foto harga dilampirkan pada laporan.' } });
  const [second] = await openTasks(periodId, 'supervisor2');
  const verified = await complete(second.id, 'supervisor2', { outcome: 'approve', data: {} });
  expect(verified.period).toMatchObject({ status: 'verified', monitored: ['ew-blotongan', 'agen-pulutan'], openTasks: [] });

  const listed = await call('GET', `/api/sembako/periods?filter=${q({ id: [periodId] })}`, { token: await login('provinsi1') });
  expect(listed.body).toEqual([
    expect.objectContaining({ id: periodId, status: 'verified', checklist: expect.arrayContaining([expect.objectContaining({ itemId: 'harga_wajar' })]) }),
  ]);
  expect((await call('GET', `/api/sembako/periods?filter=${q({ id: [periodId] })}`, { token: await login('tksk2') })).body).toEqual([]);
  // The kabupaten's view: its kecamatan's periods with realisation, card problems and open complaints.
  const [{ open }] = await sql<{ open: number }[]>`
    SELECT count(*)::int AS open FROM complaints WHERE kecamatan_code = '33.73.01' AND status NOT IN ('closed', 'withdrawn')`;
  const byKabupaten = await call('GET', `/api/sembako/periods?filter=${q({ kabupatenCode: '33.73', period, status: 'verified' })}`, {
    token: await login('supervisor1'),
  });
  expect(byKabupaten.body).toEqual([
    expect.objectContaining({
      id: periodId,
      kecamatanName: expect.any(String),
      pointsMonitored: 2,
      kpmListed: 65,
      kpmServed: 63,
      realisation: 0.9692,
      cardProblems: totals.cardProblems,
      cardProblemsTotal: 6,
      failedItems: 1,
      revocationsRecommended: ['ew-blotongan'],
      report: { ...narrative, kendala: 'Foto harga dilampirkan pada laporan.' },
      openComplaints: open,
      kpmCheck: kpmChecked,
    }),
  ]);
  // The same as a spreadsheet for people: ';', BOM, Indonesian headers, the kecamatan by name, realisation with a decimal comma.
  const csv = await fetch(`${stack().apiUrl}/api/exports/periods.csv?filter=${q({ id: [periodId] })}`, {
    headers: { authorization: `Bearer ${await login('supervisor1')}` },
  });
  expect(csv.status).toBe(200);
  const bytes = Buffer.from(await csv.arrayBuffer());
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const [header, line] = bytes.subarray(3).toString('utf8').split('\r\n');
  const cells = Object.fromEntries(header.split(';').map((h, i) => [JSON.parse(h), line.split(';')[i].replace(/^"|"$/g, '')]));
  expect(cells).toMatchObject({
    Kecamatan: byKabupaten.body[0].kecamatanName,
    Periode: period,
    Status: 'Terverifikasi',
    'KPM terdaftar': '65',
    'KPM tersalurkan': '63',
    'Realisasi (%)': '96,92',
    'Masalah kartu': '6',
    'Rincian masalah kartu': 'BRI saldo kosong: 5, BNI pin terblokir: 1',
    'Butir checklist gagal': '1',
    'Pengaduan terbuka': String(open),
  });
  const xlsx = await fetch(`${stack().apiUrl}/api/exports/periods.xlsx?filter=${q({ id: [periodId] })}`, {
    headers: { authorization: `Bearer ${await login('supervisor1')}` },
  });
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
  const one = await call('GET', `/api/sembako/periods/${periodId}`, { token: await login('supervisor1') });
  expect(one.status).toBe(200);
  expect(one.body).toEqual(byKabupaten.body[0]);
  expect((await call('GET', `/api/sembako/periods/${periodId}`, { token: await login('tksk2') })).status).toBe(404);
  const [monitored] = await sql<{ details: Record<string, unknown> }[]>`
    SELECT details FROM audit_log WHERE entity_type = 'sembako_period' AND entity_id = ${periodId} AND action = 'sembako_period.monitored'`;
  expect(monitored.details).toMatchObject({ kpmListed: 65, kpmServed: 63, realisation: 0.9692, cardProblems: totals.cardProblems, failedItems: 1 });
  const actions = await sql<{ action: string }[]>`SELECT action FROM audit_log WHERE entity_type = 'sembako_period' AND entity_id = ${periodId} ORDER BY seq`;
  expect(actions.map((a) => a.action)).toEqual([
    'sembako_period.opened',
    'sembako_period.tikor_held',
    'sembako_period.kpm_checked',
    'sembako_period.monitored',
    'sembako_period.reported',
    'sembako_period.returned',
    'sembako_period.reported',
    'sembako_period.verified',
  ]);
  await recordHistory(temporal.client, 'sembako-period-returned-verified', periodId);
});

test('a point outside the kecamatan, and a kecamatan outside one’s region, are refused before anything starts', async () => {
  const period = freshPeriod();
  const outside = await call('POST', '/api/sembako/periods', {
    token: await login('tksk1'),
    body: { period, distributionPoints: [{ ...points[0], desaCode: '33.73.02.1001' }] },
  });
  expect(outside.status).toBe(422);
  expect(outside.body.errors[0].pointer).toBe('/body/distributionPoints/0/desaCode');
  expect(
    (await call('POST', '/api/sembako/periods', { token: await login('tksk2'), body: { kecamatanCode: '33.73.01', period, distributionPoints: points } }))
      .status,
  ).toBe(403);
  expect(
    (await call('POST', '/api/sembako/periods', { token: await login('auditor1'), body: { kecamatanCode: '33.73.01', period, distributionPoints: points } }))
      .status,
  ).toBe(403);
  expect(await sql`SELECT id FROM sembako_periods WHERE period = ${period}`).toEqual([]);
});

describe('a late monitoring task', () => {
  const TINGKIR = '33.73.02';
  beforeAll(() => setSla('sembako_monitoring', TINGKIR, 'PT2S'));
  afterAll(() => setSla('sembako_monitoring', TINGKIR, 'P10D', true));

  test('is reminded at its due time, escalated to the kabupaten supervisor one period later, and the period goes on once it is done', async () => {
    const period = freshPeriod();
    const point = { pointId: 'ew-tingkir', name: 'E-Warong Tingkir Lor', kind: 'e_warong', desaCode: '33.73.02.1001' };
    const opened = await call('POST', '/api/sembako/periods', { token: await login('tksk2'), body: { period, distributionPoints: [point] } });
    expect(opened.status).toBe(201);
    const periodId = `sembako-${TINGKIR}-${period}`;
    const [tikor] = await openTasks(periodId, 'tksk2');
    await complete(tikor.id, 'tksk2', {
      data: {
        meetingOn: recentDate(),
        chair: 'Camat Tingkir',
        attendees: [{ role: 'Pemilik e-warong', organisation: 'E-Warong Tingkir Lor' }],
        agreements: ['Penyaluran mulai tanggal 5'],
      },
    });

    const escalation = await waitUntil(
      'sla_escalation',
      async () => (await openTasks(periodId, 'supervisor1')).find((t) => t.type === 'sla_escalation'),
      20_000,
    );
    expect(escalation.regionCode).toBe('33.73');
    expect(escalation.context).toMatchObject({ periodId, pointId: 'ew-tingkir', overdueTaskType: 'sembako_monitoring' });
    const [monitoring] = (await openTasks(periodId, 'tksk2')).filter((t) => t.type === 'sembako_monitoring');
    expect(monitoring.id).toBe(escalation.context.overdueTaskId);
    const [row] = await sql<{ overdue: boolean; escalationLevel: number }[]>`SELECT overdue, escalation_level FROM tasks WHERE id = ${monitoring.id}`;
    expect(row).toEqual({ overdue: true, escalationLevel: 2 });
    const breaches = await sql<{ action: string }[]>`
      SELECT action FROM audit_log WHERE entity_type = 'task' AND entity_id = ${monitoring.id} AND action LIKE 'sembako_period.%' ORDER BY seq`;
    expect(breaches.map((b) => b.action)).toEqual(['sembako_period.monitoring_reminder', 'sembako_period.monitoring_escalated']);

    await complete(escalation.id, 'supervisor1', { data: { actionTaken: 'TKSK Tingkir dihubungi, monitoring dijadwalkan besok.' } });
    await complete(monitoring.id, 'tksk2', {
      data: {
        visitedOn: recentDate(),
        results: [{ itemId: 'papan_nama', ok: true }],
        recommendRevocation: false,
        kpmListed: 10,
        kpmServed: 0,
        cardProblems: [],
      },
    });
    await completeKpmCheck(await login('tksk2'), periodId);
    const report = await waitUntil('the report task', async () => (await openTasks(periodId, 'tksk2')).find((t) => t.type === 'sembako_period_report'));
    expect(report.context.totals).toMatchObject({ kpmListed: 10, kpmServed: 0, realisation: 0 });
    await recordHistory(temporal.client, 'sembako-period-monitoring-escalated', periodId);
  });
});
