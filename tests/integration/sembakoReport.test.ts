// GET /api/reports/sembako on the real stack: realisation of a kecamatan's latest monitored period
// summed from its monitoring tasks, complaints by category and open ones by age, open periods by
// status, all within the caller's region. A kecamatan of its own (Kota Semarang, added here) keeps
// the other tests' Salatiga data out of the figures.
import { recentDate, waitUntil } from '../support/casework';
import { completeKpmCheck, freshPeriod } from '../support/sembako';
import { call, createAccount, login, signedInTksk, suiteConnections } from '../support/stack';

const { sql } = suiteConnections();
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const KEC = '33.74.01';
const daysAgo = (n: number) => new Date(Date.now() + 7 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

async function complete(token: string, taskId: string, body: { outcome?: string; data: Record<string, unknown> }) {
  const r = await call('POST', `/api/tasks/${taskId}/complete`, { token, body });
  if (r.status !== 200) throw new Error(`complete: ${r.status} ${JSON.stringify(r.body)}`);
}
const openTasks = async (token: string, workflowId: string) =>
  (await call('GET', `/api/tasks?filter=${q({ workflowId, status: 'open' })}&sort=${q(['createdAt', 'ASC'])}`, { token })).body as {
    id: string;
    type: string;
    context: Record<string, any>;
  }[];

const tikor = {
  meetingOn: recentDate(),
  chair: 'Sekcam Semarang Tengah',
  attendees: [{ role: 'Petugas bank', organisation: 'BRI' }],
  agreements: ['Mulai tanggal 5'],
};
const monitoring = (listed: number, served: number, cardProblems: unknown[]) => ({
  data: {
    visitedOn: recentDate(),
    results: [{ itemId: 'papan_nama', ok: true }],
    recommendRevocation: false,
    kpmListed: listed,
    kpmServed: served,
    cardProblems,
  },
});

test('Sembako figures: latest realisation per kecamatan, complaints by category and age, open periods; scoped', async () => {
  for (const [code, level, name, parent] of [
    ['33.74', 'kabupaten', 'Kota Semarang', '33'],
    [KEC, 'kecamatan', 'Semarang Tengah', '33.74'],
    ['33.74.01.1001', 'desa', 'Miroto', KEC],
    ['33.74.01.1002', 'desa', 'Brumbungan', KEC],
  ])
    await sql`INSERT INTO regions (code, level, name, parent_code, code_version) VALUES (${code}, ${level}, ${name}, ${parent}, 'test') ON CONFLICT (code) DO NOTHING`;
  const tksk = await signedInTksk(KEC);
  const supervisor = `spv.semarang.${Date.now() % 1_000_000}`;
  await createAccount({
    username: supervisor,
    displayName: 'Supervisor Semarang',
    role: 'supervisor_kabupaten',
    regionCode: '33.74',
    password: 'sandi-cukup-panjang',
  });
  const spv = (await call('POST', '/api/auth/login', { body: { username: supervisor, password: 'sandi-cukup-panjang' } })).body.token as string;

  const [older, newer] = [freshPeriod(), freshPeriod()].sort();
  const open = async (period: string, points: { pointId: string; name: string; kind: string; desaCode: string }[]) => {
    const r = await call('POST', '/api/sembako/periods', { token: tksk.token, body: { period, distributionPoints: points } });
    expect(r.status).toBe(201);
    const id = `sembako-${KEC}-${period}`;
    const [t] = await openTasks(tksk.token, id);
    await complete(tksk.token, t.id, { data: tikor });
    return id;
  };
  // The older period: its one point monitored (10 listed, 5 served), so it waits for the report.
  const olderId = await open(older, [{ pointId: 'ew-miroto', name: 'E-Warong Miroto', kind: 'e_warong', desaCode: '33.74.01.1001' }]);
  const [m0] = (await openTasks(tksk.token, olderId)).filter((t) => t.type === 'sembako_monitoring');
  await complete(tksk.token, m0.id, monitoring(10, 5, []));
  await completeKpmCheck(tksk.token, olderId);
  await waitUntil('the older report task', async () => (await openTasks(tksk.token, olderId)).find((t) => t.type === 'sembako_period_report'));
  // The newer one: one of two points monitored; it is the latest, so its figures count.
  const newerId = await open(newer, [
    { pointId: 'ew-miroto', name: 'E-Warong Miroto', kind: 'e_warong', desaCode: '33.74.01.1001' },
    { pointId: 'agen-brumbungan', name: 'Agen Brumbungan', kind: 'agen', desaCode: '33.74.01.1002' },
  ]);
  const [m1] = (await openTasks(tksk.token, newerId)).filter((t) => t.type === 'sembako_monitoring');
  await complete(tksk.token, m1.id, monitoring(40, 38, [{ bank: 'BRI', kind: 'saldo_kosong', count: 2 }]));

  const complaint = async (category: string, receivedOn: string) => {
    const r = await call('POST', '/api/complaints', {
      token: tksk.token,
      body: {
        channel: 'telepon',
        category,
        description: 'Keluhan penyaluran untuk pengujian.',
        receivedOn,
        complainant: { isKpm: true },
        subject: { kind: 'umum' },
      },
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  await complaint('kartu', daysAgo(0));
  const withdrawn = await complaint('kartu', daysAgo(10));
  await complaint('tepat_harga', daysAgo(20));
  expect((await call('POST', `/api/complaints/${withdrawn}/actions/withdraw`, { token: tksk.token, body: { reason: 'Pengadu mencabut.' } })).status).toBe(200);

  const expected = {
    realisation: [
      {
        kecamatanCode: KEC,
        kecamatanName: 'Semarang Tengah',
        period: newer,
        status: 'monitoring',
        pointsMonitored: 1,
        kpmListed: 40,
        kpmServed: 38,
        rate: 0.95,
      },
    ],
    cardProblems: [{ bank: 'BRI', kind: 'saldo_kosong', count: 2 }],
    complaintsByCategory: [
      { key: 'kartu', open: 1, total: 2 },
      { key: 'tepat_harga', open: 1, total: 1 },
    ],
    openComplaints: 2,
    openComplaintsByAge: [
      { key: '0-3', count: 1 },
      { key: '4-7', count: 0 },
      { key: '8-14', count: 0 },
      { key: '15-30', count: 1 },
      { key: '31+', count: 0 },
    ],
    openPeriodsByStatus: [
      { key: 'monitoring', count: 1 },
      { key: 'report', count: 1 },
    ],
  };
  for (const token of [spv, tksk.token]) {
    const r = await call('GET', '/api/reports/sembako', { token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ generatedAt: expect.any(String), ...expected });
  }
  // Salatiga's supervisor sees none of Semarang's figures.
  const salatiga = await call('GET', '/api/reports/sembako', { token: await login('supervisor1') });
  expect(salatiga.status).toBe(200);
  expect(salatiga.body.realisation.map((r: { kecamatanCode: string }) => r.kecamatanCode)).not.toContain(KEC);
  // The admin has no Sembako data.
  expect((await call('GET', '/api/reports/sembako', { token: await login('admin') })).status).toBe(403);
}, 120_000);
