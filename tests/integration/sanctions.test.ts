// Sanction recommendations about an e-warong on the real stack (Permensos 5/2021 Pasal 58): a
// kabupaten supervisor proposes one on the grounds of a complaint; the proposer cannot approve
// their own proposal (four-eyes), a TKSK cannot propose, another kabupaten neither sees nor proposes; the
// letter is a 409 problem until the second supervisor approves, then a PDF naming the e-warong,
// the complaint and both supervisors.
import { recentDate, setSla, waitUntil } from '../support/casework';
import { randomUUID } from 'node:crypto';
import { recordHistoryOf } from '../support/histories';
import { call, createAccount, db, login } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

/** A supervisor of Kota Semarang (33.74), another kabupaten of Jawa Tengah. */
async function semarangSupervisor(): Promise<string> {
  await sql`INSERT INTO regions (code, level, name, parent_code, code_version) VALUES ('33.74', 'kabupaten', 'Kota Semarang', '33', 'kepmendagri-2025') ON CONFLICT (code) DO NOTHING`;
  const username = `spv.3374.${randomUUID().slice(0, 6)}`;
  const password = 'sandi-cukup-panjang';
  await createAccount({ username, displayName: 'Supervisor Semarang', role: 'supervisor_kabupaten', regionCode: '33.74', password });
  const r = await call('POST', '/api/auth/login', { body: { username, password } });
  return r.body.token as string;
}

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

async function fileComplaint(): Promise<string> {
  const r = await call('POST', '/api/complaints', {
    token: await login('tksk1'),
    body: {
      channel: 'tatap_muka',
      category: 'tepat_harga',
      description: 'Harga beras di e-warong lebih mahal dari harga pasar dan KPM diarahkan membeli paket.',
      receivedOn: recentDate(),
      complainant: { isKpm: false },
      subject: { kind: 'e_warong', name: 'E-Warong Blotongan Makmur', desaCode: '33.73.01.1001' },
    },
  });
  if (r.status !== 201) throw new Error(`complaint: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
}

test('proposed by one supervisor, refused to them, approved by a second; the letter follows', async () => {
  const complaintId = await fileComplaint();
  const body = {
    eWarong: { name: 'E-Warong Blotongan Makmur', desaCode: '33.73.01.1001' },
    complaintIds: [complaintId],
    kind: 'penonaktifan_sementara',
    pengembalianDana: 1500000,
    reasoning: 'Harga beras di atas harga pasar pada tiga penyaluran berturut-turut dan KPM diarahkan membeli paket.',
  };
  expect((await call('POST', '/api/sembako/sanctions', { token: await login('tksk1'), body })).status).toBe(403);
  const noGrounds = await call('POST', '/api/sembako/sanctions', { token: await login('supervisor1'), body: { ...body, complaintIds: [] } });
  expect(noGrounds.status).toBe(422);

  const proposed = await call('POST', '/api/sembako/sanctions', { token: await login('supervisor1'), body });
  expect(proposed.status).toBe(201);
  const { id } = proposed.body as { id: string };
  expect(proposed.body).toMatchObject({ status: 'awaiting_approval', openTasks: [{ type: 'sembako_sanction_approval', regionCode: '33.73' }] });

  const listed = await call('GET', `/api/sembako/sanctions?filter=${q({ id })}`, { token: await login('supervisor2') });
  expect(listed.status).toBe(200);
  expect(listed.body).toMatchObject([
    { id, status: 'awaiting_approval', kind: 'penonaktifan_sementara', pengembalianDana: 1500000, complaintIds: [complaintId] },
  ]);
  // Jawa Tengah's province sees it; a TKSK has no business with it.
  expect((await call('GET', `/api/sembako/sanctions/${id}`, { token: await login('provinsi1') })).status).toBe(200);
  expect((await call('GET', `/api/sembako/sanctions/${id}`, { token: await login('tksk1') })).status).toBe(403);
  // Another kabupaten neither sees it nor proposes about Salatiga's e-warong.
  const semarang = await semarangSupervisor();
  expect((await call('GET', `/api/sembako/sanctions/${id}`, { token: semarang })).status).toBe(404);
  const theirs = await call('GET', `/api/sembako/sanctions?filter=${q({ id })}`, { token: semarang });
  expect([theirs.status, theirs.body]).toEqual([200, []]);
  expect((await call('POST', '/api/sembako/sanctions', { token: semarang, body })).status).toBe(403);

  const early = await call('GET', `/api/sembako/sanctions/${id}/letter.pdf`, { token: await login('supervisor1') });
  expect(early.status).toBe(409);
  expect(early.contentType).toContain('application/problem+json');

  const tasks = await call('GET', `/api/tasks?filter=${q({ workflowId: `sanksi-${id}`, status: 'open' })}`, { token: await login('supervisor2') });
  const [task] = tasks.body as { id: string; type: string }[];
  expect(task.type).toBe('sembako_sanction_approval');
  const own = await call('POST', `/api/tasks/${task.id}/complete`, { token: await login('supervisor1'), body: { outcome: 'approve', data: {} } });
  expect(own.status).toBe(403);
  const approved = await call('POST', `/api/tasks/${task.id}/complete`, { token: await login('supervisor2'), body: { outcome: 'approve', data: {} } });
  expect(approved.status).toBe(200);

  const row = await call('GET', `/api/sembako/sanctions/${id}`, { token: await login('supervisor1') });
  expect(row.body).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
  expect((row.body as { decidedBy: string }).decidedBy).not.toBe((row.body as { proposedBy: string }).proposedBy);

  const letter = await call('GET', `/api/sembako/sanctions/${id}/letter.pdf`, { token: await login('supervisor1') });
  expect(letter.status).toBe(200);
  const pdf = String(letter.body);
  expect(pdf.startsWith('%PDF-1.4')).toBe(true);
  for (const words of [
    'PEMERINTAH KOTA SALATIGA',
    'DINAS SOSIAL',
    'E-Warong Blotongan Makmur',
    'Penonaktifan sementara',
    'Tepat harga',
    `PGD-${complaintId.slice(0, 8).toUpperCase()}`,
  ])
    expect(pdf).toContain(words);
  // Every step on the record: codes and ids in the chain, no reasoning text.
  const audit = await sql<{ action: string; details: Record<string, unknown> }[]>`
    SELECT action, details FROM audit_log WHERE entity_type = 'sembako_sanction' AND entity_id = ${id} ORDER BY seq`;
  expect(audit.map((a) => a.action)).toEqual(['sembako_sanction.proposed', 'sembako_sanction.approved', 'sembako_sanction.letter_issued']);
  expect(JSON.stringify(audit)).not.toContain('tiga penyaluran');
  await recordHistoryOf('sanction-refused-own-approved', `sanksi-${id}`);
});

describe('a silent approver', () => {
  // Kota Salatiga's sanction approvals due after 2 s: reminded, then escalated to the kabupaten
  // (the escalating board shared with KPM data fixes and monthly reports, workflows/taskBoard.ts).
  beforeAll(() => setSla('sembako_sanction_approval', '33.73', 'PT2S'));
  afterAll(() => setSla('sembako_sanction_approval', '33.73', 'P5D'));

  test('is reminded at the due time, then the kabupaten gets an escalation naming the sanction', async () => {
    const proposed = await call('POST', '/api/sembako/sanctions', {
      token: await login('supervisor1'),
      body: {
        eWarong: { name: 'E-Warong Kalicacing Jaya', desaCode: '33.73.01.1002' },
        complaintIds: [await fileComplaint()],
        kind: 'teguran_tertulis',
        reasoning: 'Struk transaksi tidak diberikan kepada KPM pada dua penyaluran terakhir.',
      },
    });
    expect(proposed.status).toBe(201);
    const id = proposed.body.id as string;
    const workflowId = `sanksi-${id}`;
    const openOf = async () =>
      (await call('GET', `/api/tasks?filter=${q({ workflowId, status: 'open' })}`, { token: await login('supervisor2') })).body as {
        id: string;
        type: string;
        regionCode: string;
        context: Record<string, unknown>;
      }[];
    const escalation = await waitUntil('the escalation', async () => (await openOf()).find((t) => t.type === 'sla_escalation'), 20_000);
    const approval = (await openOf()).find((t) => t.type === 'sembako_sanction_approval')!;
    expect(escalation.regionCode).toBe('33.73');
    expect(escalation.context).toMatchObject({ sanctionId: id, overdueTaskId: approval.id, overdueTaskType: 'sembako_sanction_approval' });
    const [row] = await sql<{ overdue: boolean; escalationLevel: number }[]>`SELECT overdue, escalation_level FROM tasks WHERE id = ${approval.id}`;
    expect(row).toEqual({ overdue: true, escalationLevel: 2 });
    const breaches = await sql<{ action: string }[]>`
      SELECT action FROM audit_log WHERE entity_type = 'task' AND entity_id = ${approval.id} AND action LIKE 'sembako_sanction.%' ORDER BY seq`;
    expect(breaches.map((b) => b.action)).toEqual(['sembako_sanction.reminder', 'sembako_sanction.escalated']);

    const done = await call('POST', `/api/tasks/${escalation.id}/complete`, {
      token: await login('supervisor2'),
      body: { data: { actionTaken: 'Supervisor kedua diminta memutuskan hari ini.' } },
    });
    expect(done.status).toBe(200);
    const approved = await call('POST', `/api/tasks/${approval.id}/complete`, { token: await login('supervisor2'), body: { outcome: 'approve', data: {} } });
    expect(approved.status).toBe(200);
    expect((await call('GET', `/api/sembako/sanctions/${id}`, { token: await login('supervisor1') })).body).toMatchObject({ status: 'approved' });
  });
});
