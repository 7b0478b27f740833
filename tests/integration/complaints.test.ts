// Sembako complaints on the real stack: a complaint about a KPM is forwarded to the bank, the
// silent bank is reminded and then escalated to the kabupaten supervisor, the resolution is
// recorded with evidence and confirmed with the complainant; a supervisor's intake goes to any
// TKSK of the kecamatan, a directly resolved complaint can be reopened, and the complainant can
// withdraw it. Temporal holds no plaintext NIK or name of the KPM or the complainant.
import { recentDate, setSla, waitUntil } from '../support/casework';
import { recordHistory } from '../support/histories';
import { registeredKpm } from '../support/sembako';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { testDataConverter } from '../support/keys';
import { call, login, rawTemporalClient, stack, suiteConnections, temporalEndpoint } from '../support/stack';

const { sql, temporal } = suiteConnections();
const SIDOREJO = '33.73.01';
const TINGKIR = '33.73.02';
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

interface TaskView {
  id: string;
  type: string;
  status: string;
  overdue: boolean;
  assigneeId: string | null;
  context: Record<string, any>;
}

async function tasksOfComplaint(complaintId: string, user: string, filter: Record<string, unknown> = {}): Promise<TaskView[]> {
  const r = await call(
    'GET',
    `/api/tasks?filter=${q({ workflowId: `pengaduan-${complaintId}`, ...filter })}&range=${q([0, 99])}&sort=${q(['createdAt', 'ASC'])}`,
    {
      token: await login(user),
    },
  );
  if (r.status !== 200) throw new Error(`tasks: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function completeStep(complaintId: string, type: string, user: string, body: { outcome: string; data: Record<string, unknown> }) {
  const [task] = await tasksOfComplaint(complaintId, user, { status: 'open', type });
  if (!task) throw new Error(`no open ${type} task of complaint ${complaintId} for ${user}`);
  const r = await call('POST', `/api/tasks/${task.id}/complete`, { token: await login(user), body });
  if (r.status !== 200) throw new Error(`complete ${type}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const intake = (overrides: Record<string, unknown> = {}) => ({
  channel: 'sms_1708',
  category: 'kartu',
  description: 'Saldo KKS kosong padahal tahap ini sudah disalurkan ke KPM lain di desa.',
  receivedOn: recentDate(),
  complainant: { name: 'Wahyuni Lestari', phone: '081234567890', isKpm: false },
  subject: { kind: 'umum' },
  ...overrides,
});

const fileAs = async (user: string, body: Record<string, unknown>) => call('POST', '/api/complaints', { token: await login(user), body });

async function auditActions(complaintId: string): Promise<string[]> {
  const rows = await sql<{ action: string }[]>`SELECT action FROM audit_log WHERE entity_type = 'complaint' AND entity_id = ${complaintId} ORDER BY seq`;
  return rows.map((r) => r.action);
}

describe('a silent answerer', () => {
  beforeAll(() => setSla('pengaduan_acknowledgement', TINGKIR, 'PT2S'));
  afterAll(() => setSla('pengaduan_acknowledgement', TINGKIR, 'P3D', true));

  test('forwarded to the bank, reminded, escalated, then resolved with evidence and closed with the complainant', async () => {
    const kpm = await registeredKpm('tksk2', TINGKIR, { kode_desa: '33.73.02.1003', nama_pengurus: 'Sumarni Rahayu' });
    const filed = await fileAs('tksk2', intake({ subject: { kind: 'kpm', kpmId: kpm.id }, complainant: { name: 'Sumarni Rahayu', isKpm: true } }));
    expect(filed.status).toBe(201);
    const complaintId: string = filed.body.id;
    expect(filed.body).toMatchObject({ status: 'forwarding', kecamatanCode: TINGKIR, assigneeId: 'usr_tksk2', subject: { kind: 'kpm', kpmId: kpm.id } });
    expect(filed.body.tasks.map((t: { type: string }) => t.type)).toEqual(['pengaduan_forward']);

    const forwarded = await completeStep(complaintId, 'pengaduan_forward', 'tksk2', {
      outcome: 'forward',
      data: { answerer: { type: 'bank', name: 'BRI Unit Tingkir' } },
    });
    expect(forwarded.complaint).toMatchObject({ status: 'awaiting_acknowledgement', answerer: { type: 'bank', name: 'BRI Unit Tingkir' }, forwards: 1 });

    // Nobody at the bank answers: a reminder at the due time, the kabupaten supervisor one period later.
    const escalation = await waitUntil(
      'sla_escalation',
      async () =>
        (await call('GET', `/api/tasks?filter=${q({ workflowId: `pengaduan-${complaintId}`, type: 'sla_escalation' })}`, { token: await login('supervisor1') }))
          .body[0],
      20_000,
    );
    expect(escalation.context).toMatchObject({ complaintId, overdueTaskType: 'pengaduan_acknowledgement', answerer: { type: 'bank' } });
    expect(escalation.regionCode).toBe('33.73');
    const [ack] = await tasksOfComplaint(complaintId, 'tksk2', { status: 'open', type: 'pengaduan_acknowledgement' });
    expect(ack.overdue).toBe(true);
    const breaches = await sql<
      { action: string }[]
    >`SELECT action FROM audit_log WHERE entity_type = 'task' AND entity_id = ${ack.id} AND action LIKE 'pengaduan.%' ORDER BY seq`;
    expect(breaches.map((b) => b.action)).toEqual(['pengaduan.reminder', 'pengaduan.escalated']);
    const handled = await call('POST', `/api/tasks/${escalation.id}/complete`, {
      token: await login('supervisor1'),
      body: { data: { actionTaken: 'Kepala unit BRI dihubungi, diminta menjawab hari ini.' } },
    });
    expect(handled.status).toBe(200);

    await completeStep(complaintId, 'pengaduan_acknowledgement', 'tksk2', {
      outcome: 'acknowledged',
      data: { acknowledgedOn: recentDate(), contactPerson: 'Petugas CS' },
    });
    const resolved = await completeStep(complaintId, 'pengaduan_resolution', 'tksk2', {
      outcome: 'resolved',
      data: {
        resolvedOn: recentDate(),
        resolution: 'Saldo KKS dipulihkan oleh bank setelah pemadanan data.',
        evidence: [{ kind: 'tangkapan_layar', reference: 'cek-saldo-kks.png', description: 'Saldo setelah pemulihan' }],
      },
    });
    expect(resolved.complaint.status).toBe('awaiting_confirmation');
    const [confirmation] = await tasksOfComplaint(complaintId, 'tksk2', { status: 'open', type: 'pengaduan_confirmation' });
    expect(confirmation.context.resolution).toMatchObject({ resolution: 'Saldo KKS dipulihkan oleh bank setelah pemadanan data.' });
    const closed = await completeStep(complaintId, 'pengaduan_confirmation', 'tksk2', { outcome: 'confirmed', data: { confirmedOn: recentDate() } });
    expect(closed.complaint).toMatchObject({ status: 'closed', openTasks: [] });

    const detail = await call('GET', `/api/complaints/${complaintId}`, { token: await login('supervisor1') });
    expect(detail.body).toMatchObject({ status: 'closed', complainant: { name: 'Sumarni Rahayu' }, resolution: { evidence: [{ kind: 'tangkapan_layar' }] } });
    expect(detail.body.closedAt).toEqual(expect.any(String));
    expect(await auditActions(complaintId)).toEqual([
      'complaint.received',
      'complaint.forwarded',
      'complaint.acknowledged',
      'complaint.resolved',
      'complaint.closed',
    ]);
    // Outside the kabupaten the complainant's name and phone are not shown.
    const provinsi = await call('GET', `/api/complaints/${complaintId}`, { token: await login('provinsi1') });
    expect(provinsi.body.complainant).toEqual({ name: null, phone: null, isKpm: true });

    // Temporal holds neither the KPM's NIK nor a name in plaintext.
    const raw = await rawTemporalClient();
    let startInput: { metadata: Record<string, string>; data: string };
    try {
      const fetched = await raw.client.workflow.getHandle(`pengaduan-${complaintId}`).fetchHistory();
      const history = JSON.stringify(fetched);
      expect(history).not.toContain(kpm.cells.nik_pengurus);
      expect(history).not.toContain('Sumarni');
      expect(history).not.toContain('BRI Unit Tingkir');
      const p = fetched.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
      startInput = {
        metadata: Object.fromEntries(Object.entries(p.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
        data: Buffer.from(p.data!).toString('base64'),
      };
    } finally {
      await raw.close();
    }
    // The kabupaten supervisor reads it through the codec endpoint; another kecamatan's TKSK may not.
    const decodeAs = async (user: string) =>
      call('POST', `/api/codec/decode?workflowId=pengaduan-${complaintId}`, { token: await login(user), body: { payloads: [startInput] } });
    const decoded = await decodeAs('supervisor1');
    expect(decoded.status).toBe(200);
    expect(Buffer.from(decoded.body.payloads[0].data, 'base64').toString()).toContain(complaintId);
    expect((await decodeAs('tksk1')).status).toBe(403);
    await recordHistory(temporal.client, 'complaint-escalated-closed', `pengaduan-${complaintId}`);
  });
});

test("a supervisor's intake goes to any TKSK of the kecamatan; resolved directly, reopened, then withdrawn", async () => {
  const filed = await fileAs(
    'supervisor1',
    intake({
      kecamatanCode: SIDOREJO,
      channel: 'lapor_go_id',
      laporReference: 'LAP-20261201-0007',
      category: 'tepat_harga',
      subject: { kind: 'e_warong', name: 'E-Warong Blotongan Makmur', desaCode: '33.73.01.1001' },
    }),
  );
  expect(filed.status).toBe(201);
  const complaintId: string = filed.body.id;
  expect(filed.body).toMatchObject({ assigneeId: null, laporReference: 'LAP-20261201-0007' });
  // Unassigned: both TKSK of Sidorejo see the task; tksk3 takes it.
  expect((await tasksOfComplaint(complaintId, 'tksk1', { status: 'open' })).map((t) => t.type)).toEqual(['pengaduan_forward']);
  const direct = await completeStep(complaintId, 'pengaduan_forward', 'tksk3', {
    outcome: 'resolve_directly',
    data: {
      resolvedOn: recentDate(),
      resolution: 'Harga diturunkan oleh pengelola saat kunjungan TKSK.',
      evidence: [{ kind: 'foto', reference: 'harga-baru.jpg' }],
    },
  });
  expect(direct.complaint).toMatchObject({ status: 'awaiting_confirmation', answerer: null, forwards: 0 });
  const reopened = await completeStep(complaintId, 'pengaduan_confirmation', 'tksk1', {
    outcome: 'reopened',
    data: { reason: 'Pengadu menyatakan harga naik lagi keesokan harinya.' },
  });
  expect(reopened.complaint.status).toBe('forwarding');
  const [again] = await tasksOfComplaint(complaintId, 'tksk1', { status: 'open', type: 'pengaduan_forward' });
  expect(again.context.returnNote).toBe('Pengadu menyatakan harga naik lagi keesokan harinya.');

  // Another kecamatan's TKSK cannot see it; an auditor cannot act; a note and a withdrawal by its kecamatan.
  const path = (a: string) => `/api/complaints/${complaintId}/actions/${a}`;
  expect((await call('POST', path('note'), { token: await login('tksk2'), body: { text: 'Catatan dari luar.' } })).status).toBe(404);
  expect((await call('POST', path('note'), { token: await login('auditor1'), body: { text: 'Catatan auditor.' } })).status).toBe(403);
  const noted = await call('POST', path('note'), { token: await login('tksk1'), body: { text: 'Pengelola dihubungi lewat telepon.' } });
  expect(noted.status).toBe(200);
  const withdrawn = await call('POST', path('withdraw'), {
    token: await login('supervisor1'),
    body: { reason: 'Pengadu mencabut pengaduan setelah mediasi.' },
  });
  expect(withdrawn.status).toBe(200);
  expect(withdrawn.body).toMatchObject({ status: 'withdrawn', openTasks: [] });
  expect((await call('POST', path('withdraw'), { token: await login('supervisor1'), body: { reason: 'Sekali lagi dicabut.' } })).status).toBe(409);
  expect((await tasksOfComplaint(complaintId, 'supervisor1')).map((t) => [t.type, t.status])).toEqual([
    ['pengaduan_forward', 'completed'],
    ['pengaduan_confirmation', 'completed'],
    ['pengaduan_forward', 'cancelled'],
  ]);
  expect(await auditActions(complaintId)).toEqual(['complaint.received', 'complaint.resolved', 'complaint.reopened', 'complaint.noted', 'complaint.withdrawn']);
  // The note's and the withdrawal's words sit beside the chain, joined back for the detail.
  const detail = await call('GET', `/api/complaints/${complaintId}`, { token: await login('supervisor1') });
  expect(detail.body.events.find((e: { action: string }) => e.action === 'complaint.withdrawn').details.reason).toBe(
    'Pengadu mencabut pengaduan setelah mediasi.',
  );
  await recordHistory(temporal.client, 'complaint-reopened-withdrawn', `pengaduan-${complaintId}`);
});

test('intake is checked before any workflow starts', async () => {
  const before = await sql`SELECT count(*)::int AS n FROM complaints`;
  const sidorejoKpm = await registeredKpm('tksk1', SIDOREJO);
  const answers = {
    noReference: await fileAs('tksk1', intake({ channel: 'lapor_go_id' })),
    otherKecamatanKpm: await fileAs('tksk2', intake({ subject: { kind: 'kpm', kpmId: sidorejoKpm.id } })),
    supervisorWithoutKecamatan: await fileAs('supervisor1', intake()),
    tkskElsewhere: await fileAs('tksk1', intake({ kecamatanCode: TINGKIR })),
    auditor: await fileAs('auditor1', intake({ kecamatanCode: SIDOREJO })),
  };
  expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, [r.status, r.body.errors?.[0]?.pointer ?? null]]))).toEqual({
    noReference: [422, '/body/laporReference'],
    otherKecamatanKpm: [422, '/body/subject/kpmId'],
    supervisorWithoutKecamatan: [422, '/body/kecamatanCode'],
    tkskElsewhere: [403, null],
    auditor: [403, null],
  });
  expect(await sql`SELECT count(*)::int AS n FROM complaints`).toEqual(before);
  // The list is region-scoped.
  const listed = await call('GET', `/api/complaints?filter=${q({ kecamatanCode: SIDOREJO })}&range=${q([0, 499])}`, { token: await login('tksk2') });
  expect(listed.status).toBe(200);
  expect(listed.body).toEqual([]);
});

test('a withdrawal sent around the API, with the payload key but no seal, is refused and changes nothing', async () => {
  const filed = await fileAs('tksk1', intake());
  expect(filed.status).toBe(201);
  const complaintId: string = filed.body.id;
  const connection = await Connection.connect(temporalEndpoint());
  const leaked = new Client({ connection, dataConverter: testDataConverter() });
  const tksk1 = { id: 'usr_tksk1', username: 'tksk1', role: 'tksk', regionCode: SIDOREJO };
  let why = 'accepted';
  try {
    await leaked.workflow
      .getHandle(`pengaduan-${complaintId}`)
      .executeUpdate('complaintAction', { args: [{ action: 'withdraw', actor: tksk1, payload: { reason: 'Dicabut tanpa lewat API.' } }] });
  } catch (err) {
    if (!(err instanceof WorkflowUpdateFailedError)) throw err;
    why = err.cause?.message ?? err.message;
  } finally {
    await connection.close();
  }
  expect(why).toMatch(/refused: unsigned call/);
  const detail = await call('GET', `/api/complaints/${complaintId}`, { token: await login('tksk1') });
  expect(detail.body.status).toBe('forwarding');
  expect(await auditActions(complaintId)).toEqual(['complaint.received']);
});

test("the board's list and summary: age, overdue, received-date filters, counts within the caller's region", async () => {
  // Forty days ago on the WIB calendar (the day the complaint was received).
  const wibDay = (daysAgo: number) => new Date(Date.now() + 7 * 3600_000 - daysAgo * 24 * 3600_000).toISOString().slice(0, 10);
  const summary = async (user: string) => (await call('GET', '/api/complaints/summary', { token: await login(user) })).body;
  const before = { tksk1: await summary('tksk1'), tksk2: await summary('tksk2'), supervisor1: await summary('supervisor1') };
  const filed = await call('POST', '/api/complaints', {
    token: await login('tksk1'),
    body: {
      channel: 'telepon',
      category: 'tepat_kualitas',
      description: 'Beras yang diterima berkutu dan berbau apek.',
      receivedOn: wibDay(40),
      complainant: { isKpm: false },
      subject: { kind: 'umum' },
    },
  });
  expect(filed.status).toBe(201);
  const id = filed.body.id as string;

  const [card] = (
    await call('GET', `/api/complaints?filter=${q({ id, receivedBefore: wibDay(39), receivedAfter: wibDay(41), overdue: false })}`, {
      token: await login('supervisor1'),
    })
  ).body;
  expect(card).toMatchObject({
    id,
    category: 'tepat_kualitas',
    kecamatanCode: SIDOREJO,
    receivedOn: wibDay(40),
    ageDays: 40,
    status: 'forwarding',
    overdue: false,
    answerer: null,
  });
  expect((await call('GET', `/api/complaints?filter=${q({ id, receivedAfter: wibDay(39) })}`, { token: await login('supervisor1') })).body).toEqual([]);
  expect((await call('GET', `/api/complaints?filter=${q({ id, overdue: true })}`, { token: await login('supervisor1') })).body).toEqual([]);

  const after = { tksk1: await summary('tksk1'), tksk2: await summary('tksk2'), supervisor1: await summary('supervisor1') };
  for (const user of ['tksk1', 'supervisor1'] as const) {
    expect(after[user].total).toBe(before[user].total + 1);
    expect(after[user].byStatus.forwarding).toBe(before[user].byStatus.forwarding + 1);
    expect(after[user].byCategory.tepat_kualitas).toBe(before[user].byCategory.tepat_kualitas + 1);
    expect(after[user].openByAge['>30']).toBe(before[user].openByAge['>30'] + 1);
  }
  // Tingkir's TKSK does not count Sidorejo's complaint.
  expect(after.tksk2).toEqual(before.tksk2);
});

test("the complaints spreadsheet: ';', BOM, Indonesian words and names; the complainant's name only for whom the list shows it", async () => {
  const filed = await call('POST', '/api/complaints', {
    token: await login('tksk1'),
    body: {
      channel: 'sms_1708',
      category: 'kartu',
      description: 'Saldo KKS kosong padahal tahap ini sudah disalurkan.',
      receivedOn: recentDate(),
      complainant: { name: 'Wahyuni Lestari', phone: '081234567890', isKpm: true },
      subject: { kind: 'umum' },
    },
  });
  expect(filed.status).toBe(201);
  const path = `/api/exports/complaints.csv?filter=${q({ id: filed.body.id })}`;
  const mine = await fetch(`${stack().apiUrl}${path}`, { headers: { authorization: `Bearer ${await login('supervisor1')}` } });
  expect(mine.status).toBe(200);
  const bytes = Buffer.from(await mine.arrayBuffer());
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const [header, row] = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  expect(header.replace(/"/g, '').split(';')).toEqual(expect.arrayContaining(['ID pengaduan', 'Kanal', 'Kategori', 'Status', 'Kecamatan', 'Nama pengadu']));
  expect(row).toContain('SMS 1708');
  expect(row).toContain('Masalah kartu (KKS)');
  expect(row).toContain('Perlu diteruskan');
  expect(row).toContain('Sidorejo (33.73.01)');
  expect(row).toContain('Wahyuni Lestari');
  // The province's supervisor reads the complaint but not who made it.
  const theirs = String((await call('GET', path, { token: await login('provinsi1') })).body);
  expect(theirs).toContain(filed.body.id);
  expect(theirs).not.toContain('Wahyuni');
  expect(theirs).not.toContain('081234567890');
  const xlsx = await call('GET', path.replace('.csv', '.xlsx'), { token: await login('supervisor1') });
  expect([xlsx.status, xlsx.contentType]).toEqual([200, expect.stringContaining('spreadsheetml')]);
});
