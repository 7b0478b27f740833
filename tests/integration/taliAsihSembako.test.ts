// The tali asih report of a TKSK is prefilled with the month's Program Sembako work, counted from
// the tasks and complaints tables: Tikor meetings held, points monitored, complaints received,
// resolved and closed by that TKSK in the month (and none of another TKSK's).
import { recentDate } from '../support/casework';
import { freshPeriod } from '../support/sembako';
import { openTaskOf } from '../support/taliAsih';
import { call, signedInTksk } from '../support/stack';

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const openTasks = async (token: string, workflowId: string) =>
  (await call('GET', `/api/tasks?filter=${q({ workflowId, status: 'open' })}&sort=${q(['createdAt', 'ASC'])}`, { token })).body as {
    id: string;
    type: string;
  }[];
async function complete(token: string, taskId: string, body: { outcome?: string; data: Record<string, unknown> }) {
  const r = await call('POST', `/api/tasks/${taskId}/complete`, { token, body });
  if (r.status !== 200) throw new Error(`complete: ${r.status} ${JSON.stringify(r.body)}`);
}

test("the tali asih report is prefilled with the month's Sembako work of its TKSK", async () => {
  const tksk = await signedInTksk('33.73.02', { displayName: 'TKSK Uji Tingkir', bankAccount: 'BRI:0044-01-000222-50-3' });
  const other = await signedInTksk('33.73.02');
  const token = tksk.token;
  // Today in WIB: the claim's month, and the day the complaints were received.
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const month = today.slice(0, 7);

  // A distribution period (its own month: what counts is when the TKSK did the work).
  const period = freshPeriod();
  const points = [
    { pointId: 'ew-kutowinangun', name: 'E-Warong Kutowinangun', kind: 'e_warong', desaCode: '33.73.02.1001' },
    { pointId: 'agen-kalibening', name: 'Agen Kalibening', kind: 'agen', desaCode: '33.73.02.1004' },
  ];
  expect((await call('POST', '/api/sembako/periods', { token, body: { period, distributionPoints: points } })).status).toBe(201);
  const periodId = `sembako-33.73.02-${period}`;
  const [tikor] = await openTasks(token, periodId);
  await complete(token, tikor.id, {
    data: { meetingOn: recentDate(), chair: 'Sekcam Tingkir', attendees: [{ role: 'Petugas bank', organisation: 'BRI' }], agreements: ['Mulai tanggal 5'] },
  });
  // The KPM list check (opened beside the Tikor meeting) is not among the month's counted work.
  const [m1, m2] = (await openTasks(token, periodId)).filter((t: { type: string }) => t.type === 'sembako_monitoring');
  const monitoring = {
    visitedOn: recentDate(),
    results: [{ itemId: 'papan_nama', ok: true }],
    recommendRevocation: false,
    kpmListed: 20,
    kpmServed: 19,
    cardProblems: [],
  };
  await complete(token, m1.id, { data: monitoring });
  // The second point is monitored by another TKSK of the kecamatan: not this one's work.
  await complete(other.token, m2.id, { data: monitoring });

  const intake = (description: string) =>
    call('POST', '/api/complaints', {
      token,
      body: { channel: 'tatap_muka', category: 'kartu', description, receivedOn: today, complainant: { isKpm: true }, subject: { kind: 'umum' } },
    });
  const settled = await intake('PIN KKS terblokir setelah salah tiga kali.');
  expect(settled.status).toBe(201);
  expect((await intake('Saldo KKS kosong saat transaksi.')).status).toBe(201);
  const [forward] = await openTasks(token, `pengaduan-${settled.body.id}`);
  await complete(token, forward.id, {
    outcome: 'resolve_directly',
    data: { resolvedOn: today, resolution: 'PIN direset bersama petugas bank.', evidence: [{ kind: 'foto', reference: 'reset-pin.jpg' }] },
  });
  const [confirmation] = await openTasks(token, `pengaduan-${settled.body.id}`);
  expect(confirmation.type).toBe('pengaduan_confirmation');
  await complete(token, confirmation.id, { outcome: 'confirmed', data: { confirmedOn: today } });

  const r = await call('POST', '/api/tali-asih/claims', { token, body: { period: month } });
  expect(r.status).toBe(201);
  expect(r.body.activity).toEqual({
    casesRegistered: 0,
    assessments: 0,
    visits: 0,
    referrals: 0,
    closures: 0,
    tikorMeetings: 1,
    pointsMonitored: 1,
    complaintsReceived: 2,
    complaintsResolved: 1,
    complaintsClosed: 1,
  });
  // The report task shows them in its context (the portal's read-only facts above the narrative).
  const report = await openTaskOf(r.body.id, 'tali_asih_report', tksk.username, token);
  expect(report.context.activity).toEqual(r.body.activity);
}, 120_000);
