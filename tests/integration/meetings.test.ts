// Koordinasi meetings on the real stack: a Tikor meeting's action items become tasks for their
// owners (a TKSK, Dinas Sosial) on working-day deadlines, the meeting completes with the last of
// them; a silent owner is reminded, then escalated to the kabupaten supervisor; bad records change
// nothing; attachments are sniffed, kept and served back.
import { computeDueAt } from '../../domain/calendar';
import { setSla, waitUntil } from '../support/casework';
import { recordHistory } from '../support/histories';
import { call, login, stack, suiteConnections } from '../support/stack';

const { sql, temporal } = suiteConnections();
const SIDOREJO = '33.73.01';
const TINGKIR = '33.73.02';
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
/** Today in WIB: a meeting held today lies in this month whatever the date. */
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

const meeting = (overrides: Record<string, unknown> = {}) => ({
  level: 'tikor_kecamatan',
  title: 'Rapat Tikor Bansos Pangan (uji)',
  heldOn: today(),
  chair: 'Sekcam Sidorejo',
  attendeeIds: ['usr_supervisor1'],
  outsideAttendees: [{ name: 'Slamet Riyadi', role: 'Petugas bank', organisation: 'BRI Unit Sidorejo' }],
  psksReferences: ['Karang Taruna Desa Blotongan'],
  agenda: ['Evaluasi penyaluran tahap lalu'],
  decisions: ['Desa mengirim data KPM meninggal sebelum tanggal 3'],
  actionItems: [
    { description: 'Menyampaikan daftar KPM meninggal ke pemerintah desa', ownerId: 'usr_tksk1', dueWorkingDays: 3 },
    { description: 'Mengirim surat ke bank penyalur tentang KKS bermasalah', ownerId: 'usr_supervisor1' },
  ],
  ...overrides,
});

const record = async (user: string, body: Record<string, unknown>) => call('POST', '/api/meetings', { token: await login(user), body });
const show = async (id: string, user = 'supervisor1') => (await call('GET', `/api/meetings/${id}`, { token: await login(user) })).body;

async function tasksOf(workflowId: string, user: string, filter: Record<string, unknown> = {}) {
  const r = await call('GET', `/api/tasks?filter=${q({ workflowId, ...filter })}&range=${q([0, 99])}&sort=${q(['createdAt', 'ASC'])}`, {
    token: await login(user),
  });
  if (r.status !== 200) throw new Error(`tasks: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as {
    id: string;
    type: string;
    status: string;
    assigneeId: string | null;
    regionCode: string;
    createdAt: string;
    dueAt: string | null;
    context: Record<string, any>;
  }[];
}

async function holidays(): Promise<Set<string>> {
  const rows = await sql<{ day: string }[]>`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM holidays`;
  return new Set(rows.map((r) => r.day));
}

test('a Tikor meeting: each action item is a task for its owner with a working-day deadline; the meeting completes with the last', async () => {
  const r = await record('tksk1', meeting());
  expect(r.status).toBe(201);
  const m = r.body;
  expect(m).toMatchObject({
    level: 'tikor_kecamatan',
    status: 'following_up',
    regionCode: SIDOREJO,
    kabupatenCode: '33.73',
    recordedBy: 'usr_tksk1',
    actionItemsTotal: 2,
  });
  expect(m.workflowId).toBe(`rapat-${m.id}`);
  expect(m.actionItems.map((i: any) => [i.ownerId, i.status, i.task?.status])).toEqual([
    ['usr_tksk1', 'open', 'open'],
    ['usr_supervisor1', 'open', 'open'],
  ]);

  // The TKSK's: in their inbox, assigned to them, due three working days on (weekends and holidays skipped).
  const [mine] = await tasksOf(m.workflowId, 'tksk1', { type: 'koordinasi_tindak_lanjut' });
  expect(mine).toMatchObject({ status: 'open', assigneeId: 'usr_tksk1', regionCode: SIDOREJO });
  expect(mine.context).toMatchObject({ meetingId: m.id, description: 'Menyampaikan daftar KPM meninggal ke pemerintah desa' });
  expect(mine.dueAt).toBe(computeDueAt(new Date(mine.createdAt), 'P3D', true, await holidays()).toISOString());
  // Dinas Sosial's: the kabupaten's, on the SLA policy's ten working days.
  const [dinas] = await tasksOf(m.workflowId, 'supervisor1', { type: 'koordinasi_tindak_lanjut_dinas' });
  expect(dinas).toMatchObject({ status: 'open', regionCode: '33.73' });
  expect(dinas.dueAt).toBe(computeDueAt(new Date(dinas.createdAt), 'P10D', true, await holidays()).toISOString());
  // Another kecamatan's TKSK sees neither the meeting nor the task.
  expect((await call('GET', `/api/meetings/${m.id}`, { token: await login('tksk2') })).status).toBe(404);
  expect(
    (await call('POST', `/api/tasks/${mine.id}/complete`, { token: await login('tksk2'), body: { data: { doneOn: today(), result: 'Bukan tugas saya.' } } }))
      .status,
  ).toBe(404);

  const done = await call('POST', `/api/tasks/${mine.id}/complete`, {
    token: await login('tksk1'),
    body: { data: { doneOn: today(), result: 'Daftar KPM meninggal diserahkan ke Sekdes Blotongan.' } },
  });
  expect(done.status).toBe(200);
  expect(done.body.meeting.meetingId).toBe(m.id);
  const half = await waitUntil('first action item done', async () => {
    const s = await show(m.id);
    return s.actionItemsDone === 1 ? s : undefined;
  });
  expect(half.status).toBe('following_up');
  expect(half.actionItems[0]).toMatchObject({ status: 'done', result: 'Daftar KPM meninggal diserahkan ke Sekdes Blotongan.', completedBy: 'usr_tksk1' });

  const second = await call('POST', `/api/tasks/${dinas.id}/complete`, {
    token: await login('supervisor2'),
    body: { data: { doneOn: today(), result: 'Surat ke BRI Unit Sidorejo dikirim.' } },
  });
  expect(second.status).toBe(200);
  const closed = await waitUntil('meeting completed', async () => {
    const s = await show(m.id, 'tksk1');
    return s.status === 'completed' ? s : undefined;
  });
  expect(closed.actionItems.map((i: any) => i.task.status)).toEqual(['completed', 'completed']);
  expect(closed.events.map((e: any) => e.action)).toEqual(['meeting.recorded', 'meeting.action_item_done', 'meeting.action_item_done']);
  // The supervisor attended, so a list filtered by the kecamatan finds it for them and for the TKSK.
  for (const user of ['tksk1', 'supervisor1']) {
    const list = await call('GET', `/api/meetings?filter=${q({ id: [m.id], kecamatanCode: SIDOREJO })}`, { token: await login(user) });
    expect(list.body.map((x: any) => x.id)).toEqual([m.id]);
  }
  await waitUntil('workflow closed', async () => (await temporal.client.workflow.getHandle(m.workflowId).describe()).status.name === 'COMPLETED');
  await recordHistory(temporal.client, 'meeting-completed', m.workflowId);
});

test('a silent owner is reminded, then the kabupaten supervisor is asked to step in', async () => {
  await setSla('koordinasi_tindak_lanjut', TINGKIR, 'PT2S');
  const r = await record(
    'tksk2',
    meeting({ chair: 'Camat Tingkir', attendeeIds: [], actionItems: [{ description: 'Memeriksa ulang data KPM ganda di desa', ownerId: 'usr_tksk2' }] }),
  );
  expect(r.status).toBe(201);
  const m = r.body;
  const escalation = await waitUntil(
    'sla_escalation',
    async () => (await tasksOf(m.workflowId, 'supervisor1', { type: 'sla_escalation', status: 'open' }))[0],
    30_000,
  );
  expect(escalation.regionCode).toBe('33.73');
  expect(escalation.context).toMatchObject({ meetingId: m.id, overdueTaskType: 'koordinasi_tindak_lanjut', ownerId: 'usr_tksk2' });
  const itemTask = m.actionItems[0].task.id;
  const breaches = await sql<
    { action: string }[]
  >`SELECT action FROM audit_log WHERE entity_type = 'task' AND entity_id = ${itemTask} AND action LIKE 'koordinasi.%' ORDER BY seq`;
  expect(breaches.map((b) => b.action)).toEqual(['koordinasi.reminder', 'koordinasi.escalated']);
  expect((await show(m.id)).actionItems[0].task).toMatchObject({ overdue: true, escalationLevel: 2 });

  const done = await call('POST', `/api/tasks/${itemTask}/complete`, {
    token: await login('tksk2'),
    body: { data: { doneOn: today(), result: 'Dua KPM ganda dilaporkan ke desa.' } },
  });
  expect(done.status).toBe(200);
  await waitUntil('meeting completed', async () => (await show(m.id)).status === 'completed');
  // Nothing left to escalate: the escalation is cancelled with the meeting.
  const [after] = await tasksOf(m.workflowId, 'supervisor1', { type: 'sla_escalation' });
  expect(after.status).toBe('cancelled');
  await waitUntil('workflow closed', async () => (await temporal.client.workflow.getHandle(m.workflowId).describe()).status.name === 'COMPLETED');
  await recordHistory(temporal.client, 'meeting-escalated', m.workflowId);
});

test('bad records change nothing: owners outside the kabupaten, another kecamatan, a Tikor named for a kabupaten, unknown links', async () => {
  const title = `Rapat uji ditolak ${Date.now()}`;
  const outsider = await record('tksk1', meeting({ title, actionItems: [{ description: 'Tugas untuk orang luar kabupaten', ownerId: 'usr_provinsi1' }] }));
  expect(outsider.status).toBe(422);
  expect(outsider.contentType).toContain('application/problem+json');
  expect(outsider.body.errors.map((e: any) => e.pointer)).toEqual(['/body/actionItems/0/ownerId']);
  expect((await record('tksk1', meeting({ title, regionCode: TINGKIR }))).status).toBe(403);
  const tikor = await record('supervisor1', meeting({ title, regionCode: '33.73' }));
  expect(tikor.status).toBe(422);
  expect(tikor.body.errors.map((e: any) => e.pointer)).toEqual(['/body/regionCode']);
  const link = await record('tksk1', meeting({ title, links: [{ kind: 'case', ref: 'no-such-case' }] }));
  expect(link.body.errors.map((e: any) => e.pointer)).toEqual(['/body/links/0/ref']);
  expect((await record('tksk1', { level: 'tikor_kecamatan', title })).status).toBe(422);
  expect((await record('auditor1', meeting({ title }))).status).toBe(403);
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM meetings WHERE title = ${title}`;
  expect(n).toBe(0);
});

test('a meeting of a kabupaten with a case conference link, and attachments sniffed from their bytes', async () => {
  const r = await record(
    'supervisor1',
    meeting({ level: 'rakor_kabupaten', regionCode: '33.73', chair: 'Kepala Dinas Sosial', attendeeIds: ['usr_tksk1', 'usr_tksk2'], actionItems: [] }),
  );
  expect(r.status).toBe(201);
  // No action items: completed at once.
  expect(r.body).toMatchObject({ status: 'completed', kecamatanCode: null, regionCode: '33.73' });
  const id = r.body.id;
  // An attendee from a kecamatan sees the kabupaten's rakor.
  expect((await call('GET', `/api/meetings/${id}`, { token: await login('tksk2') })).status).toBe(200);

  const pdf = Buffer.from('%PDF-1.4\n% daftar hadir rakor\n1 0 obj <<>> endobj\n%%EOF\n');
  const up = await call('POST', `/api/meetings/${id}/attachments`, {
    token: await login('tksk1'),
    body: { kind: 'daftar_hadir', fileName: 'daftar-hadir.pdf', contentBase64: pdf.toString('base64') },
  });
  expect(up.status).toBe(201);
  expect(up.body).toMatchObject({ kind: 'daftar_hadir', contentType: 'application/pdf', sizeBytes: pdf.length });
  // A script named as a photo is refused for what it is.
  const fake = await call('POST', `/api/meetings/${id}/attachments`, {
    token: await login('tksk1'),
    body: { kind: 'foto', fileName: 'foto.jpg', contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') },
  });
  expect(fake.status).toBe(415);
  const shown = await show(id);
  expect(shown.attachments.map((a: any) => a.fileName)).toEqual(['daftar-hadir.pdf']);
  const res = await fetch(`${stack().apiUrl}/api/meetings/${id}/attachments/${up.body.id}`, {
    headers: { authorization: `Bearer ${await login('supervisor2')}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/pdf');
  expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
  const audited =
    await sql`SELECT 1 FROM audit_log WHERE entity_type = 'meeting' AND entity_id = ${id} AND action IN ('meeting.attachment_added', 'meeting.attachment_read')`;
  expect(audited).toHaveLength(2);
});
