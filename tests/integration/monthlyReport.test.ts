// A TKSK's monthly report on the real stack: a month of entries (a case registered and assessed,
// a meeting with an action item done, a complaint taken in) → the report compiles them → the
// TKSK's narrative → returned by the kabupaten with a reason → written again → approved by a
// supervisor (four-eyes: never the TKSK) → PDF and XLSX in Indonesian with the Dinas Sosial's
// header and the counts → the tali asih claim of the month shows the approved report's counts.
import { readXlsxFirstSheet } from '../../api/exports/xlsxRead';
import { currentPeriod, previousPeriod } from '../../domain/taliAsih';
import { waitUntil } from '../support/casework';
import { recordHistory } from '../support/histories';
import { asesmenData, call, login, registration, signedInTksk, stack, suiteConnections } from '../support/stack';

const { sql, temporal } = suiteConnections();
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

async function openTask(token: string, workflowId: string, type: string) {
  const r = await call('GET', `/api/tasks?filter=${q({ workflowId, type, status: 'open' })}&range=${q([0, 49])}`, { token });
  if (r.status !== 200) throw new Error(`tasks: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body[0] as { id: string; context: Record<string, any>; submittedBy?: string | null } | undefined;
}

async function completeAs(token: string, taskId: string, body: Record<string, unknown>) {
  const r = await call('POST', `/api/tasks/${taskId}/complete`, { token, body });
  if (r.status !== 200) throw new Error(`complete: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const file = async (path: string, token: string) => {
  const res = await fetch(`${stack().apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
};

test('a month from entries to an approved report: return then approve, four-eyes, PDF and XLSX with the counts, the tali asih prefill', async () => {
  const tksk = await signedInTksk('33.73.01', { displayName: 'Sari Laporan (TKSK Sidorejo)' });
  const period = currentPeriod();

  // The month's entries, through the API as the TKSK would make them.
  const registered = await call('POST', '/api/cases', { token: tksk.token, body: registration() });
  expect(registered.status).toBe(201);
  const caseId = registered.body.id;
  const asesmen = await waitUntil('asesmen', () => openTask(tksk.token, `case-${caseId}`, 'asesmen').catch(() => undefined));
  await completeAs(tksk.token, asesmen.id, { data: asesmenData });
  const met = await call('POST', '/api/meetings', {
    token: tksk.token,
    body: {
      level: 'case_conference',
      title: 'Case conference lansia terlantar',
      heldOn: today(),
      chair: 'Kasi Rehsos Dinas Sosial',
      agenda: ['Rencana intervensi lansia terlantar'],
      actionItems: [{ description: 'Mengantar lansia ke puskesmas untuk pemeriksaan', ownerId: tksk.id, dueWorkingDays: 2 }],
      links: [{ kind: 'case', ref: caseId }],
    },
  });
  expect(met.status).toBe(201);
  await completeAs(tksk.token, met.body.actionItems[0].task.id, { data: { doneOn: today(), result: 'Lansia diperiksa di puskesmas.' } });
  await waitUntil(
    'action item recorded',
    async () => (await sql`SELECT 1 FROM meeting_action_items WHERE id = ${met.body.actionItems[0].id} AND status = 'done'`).length > 0,
  );
  const complaint = await call('POST', '/api/complaints', {
    token: tksk.token,
    body: {
      channel: 'tatap_muka',
      category: 'tepat_harga',
      description: 'Harga beras di e-warong di atas harga pasar (uji laporan bulanan).',
      receivedOn: today(),
      complainant: { isKpm: true },
      subject: { kind: 'umum' },
    },
  });
  expect(complaint.status).toBe(201);
  // A field count for the social map (pemetaan sosial): the report's mapping section.
  const counted = await call('POST', '/api/pemetaan/counts', {
    token: tksk.token,
    body: { desaCode: '33.73.01.1001', asOf: today(), counts: [{ kind: 'ppks', code: 'LUT', count: 4 }] },
  });
  expect(counted.status).toBe(201);

  // Bad openings change nothing.
  expect((await call('POST', '/api/monthly-reports', { token: tksk.token, body: { period, tkskId: 'usr_tksk1' } })).status).toBe(403);
  const future = await call('POST', '/api/monthly-reports', { token: tksk.token, body: { period: '2099-12' } });
  expect(future.status).toBe(422);
  expect(future.body.errors.map((e: any) => e.pointer)).toEqual(['/body/period']);
  expect((await call('POST', '/api/monthly-reports', { token: await login('supervisor1'), body: { period } })).status).toBe(422);

  const opened = await call('POST', '/api/monthly-reports', { token: tksk.token, body: { period } });
  expect(opened.status).toBe(201);
  const id = `laporan-${tksk.id}-${period}`;
  expect(opened.body).toMatchObject({ id, status: 'narrative', tkskId: tksk.id, kecamatanCode: '33.73.01', kabupatenCode: '33.73' });
  expect(opened.body.counts).toMatchObject({
    casesRegistered: 1,
    assessments: 1,
    meetings: 1,
    actionItemsAssigned: 1,
    actionItemsDone: 1,
    complaintsReceived: 1,
    mappingUpdates: 1,
  });
  expect(opened.body.details.mapping).toEqual([expect.objectContaining({ on: today(), text: expect.stringMatching(/^\D.*: Lanjut Usia Telantar 4$/) })]);
  expect(opened.body.details.meetings.map((d: any) => d.id)).toEqual([met.body.id]);
  expect((await call('POST', '/api/monthly-reports', { token: tksk.token, body: { period } })).status).toBe(409);
  // Another TKSK does not see it; the kabupaten does.
  expect((await call('GET', `/api/monthly-reports/${id}`, { token: await login('tksk1') })).status).toBe(404);
  expect(
    (await call('GET', `/api/monthly-reports?filter=${q({ tkskId: tksk.id })}`, { token: await login('supervisor1') })).body.map((r: any) => r.id),
  ).toEqual([id]);

  const narrative = (await openTask(tksk.token, id, 'laporan_bulanan_narasi'))!;
  expect(narrative.context.counts.casesRegistered).toBe(1);
  const first = await completeAs(tksk.token, narrative.id, { data: { narrative: 'Bulan ini satu kasus lansia terdaftar dan diasesmen.' } });
  expect(first.report).toMatchObject({ reportId: id, status: 'review' });
  // Four-eyes: the review carries the TKSK as its submitter, and the TKSK cannot reach it (the kabupaten's task is not theirs to see).
  const review = (await openTask(await login('supervisor1'), id, 'laporan_bulanan_review'))!;
  const [{ submittedBy }] = await sql<{ submittedBy: string }[]>`SELECT submitted_by FROM tasks WHERE id = ${review.id}`;
  expect(submittedBy).toBe(tksk.id);
  expect((await call('POST', `/api/tasks/${review.id}/complete`, { token: tksk.token, body: { outcome: 'approve', data: {} } })).status).toBe(404);
  // Before approval there is no file.
  expect((await file(`/api/monthly-reports/${id}/report.pdf`, await login('supervisor1'))).status).toBe(409);

  const returned = await completeAs(await login('supervisor1'), review.id, {
    outcome: 'return',
    data: { reason: 'Kendala pengaduan harga beras belum diuraikan.' },
  });
  expect(returned.report).toMatchObject({ status: 'narrative', returns: 1 });
  const again = (await openTask(tksk.token, id, 'laporan_bulanan_narasi'))!;
  expect(again.context.returnReason).toBe('Kendala pengaduan harga beras belum diuraikan.');
  await completeAs(tksk.token, again.id, {
    data: { narrative: 'Bulan ini satu kasus lansia terdaftar dan diasesmen, satu case conference.', kendala: 'E-warong menjual beras di atas harga pasar.' },
  });
  const review2 = (await openTask(await login('supervisor2'), id, 'laporan_bulanan_review'))!;
  const approved = await completeAs(await login('supervisor2'), review2.id, { outcome: 'approve', data: { note: 'Lengkap.' } });
  expect(approved.report.status).toBe('approved');

  const shown = (await call('GET', `/api/monthly-reports/${id}`, { token: await login('supervisor1') })).body;
  expect(shown).toMatchObject({ status: 'approved', reviewedBy: 'usr_supervisor2', returns: 1, kendala: 'E-warong menjual beras di atas harga pasar.' });
  expect(shown.events.map((e: any) => e.action)).toEqual([
    'monthly_report.opened',
    'monthly_report.submitted',
    'monthly_report.returned',
    'monthly_report.submitted',
    'monthly_report.approved',
  ]);

  // The files: Indonesian, the Dinas Sosial's header with the kabupaten's name, the counts.
  const [{ name: kabupaten }] = await sql<{ name: string }[]>`SELECT name FROM regions WHERE code = '33.73'`;
  const pdf = await file(`/api/monthly-reports/${id}/report.pdf`, await login('supervisor1'));
  expect(pdf.status).toBe(200);
  expect(pdf.type).toContain('application/pdf');
  const text = pdf.bytes.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  for (const s of [
    `PEMERINTAH ${kabupaten.toUpperCase()}`,
    'DINAS SOSIAL',
    'LAPORAN BULANAN',
    'Kasus PMKS terdaftar',
    'Sari Laporan',
    'E-warong menjual beras',
  ])
    expect(text).toContain(s);
  const xlsx = await file(`/api/monthly-reports/${id}/report.xlsx`, tksk.token);
  expect(xlsx.status).toBe(200);
  const sheet = readXlsxFirstSheet(xlsx.bytes);
  const cells = Object.fromEntries(sheet.records.map((r) => [r.cells[0]?.text ?? '', r.cells[1]?.text ?? '']));
  expect(cells).toMatchObject({
    Pemerintah: kabupaten,
    Instansi: 'Dinas Sosial',
    'Kasus PMKS terdaftar': '1',
    'Asesmen selesai': '1',
    'Pengaduan Sembako diterima': '1',
  });
  expect(await sql`SELECT 1 FROM audit_log WHERE entity_type = 'monthly_report' AND entity_id = ${id} AND action = 'monthly_report.file_issued'`).toHaveLength(
    2,
  );

  // The tali asih claim of the month: prefilled from the approved report, linked to it.
  const claim = await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { period, tkskId: tksk.id } });
  expect(claim.status).toBe(201);
  const detail = (await call('GET', `/api/tali-asih/claims/${claim.body.id}`, { token: tksk.token })).body;
  expect(detail.monthlyReport).toMatchObject({ id, counts: { casesRegistered: 1, assessments: 1 } });
  expect(detail.activity).toMatchObject({ monthlyReportId: id, casesRegistered: 1, assessments: 1, complaintsReceived: 1 });

  await waitUntil('workflow closed', async () => (await temporal.client.workflow.getHandle(id).describe()).status.name === 'COMPLETED');
  await recordHistory(temporal.client, 'monthly-report-returned-approved', id);
});

test('a claim without a monthly report keeps its live prefill; the monthly Schedule exists and its workflow opens every active TKSK’s report once', async () => {
  const tksk = await signedInTksk('33.73.02');
  const period = previousPeriod(currentPeriod());
  const claim = await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { period, tkskId: tksk.id } });
  expect(claim.status).toBe(201);
  const detail = (await call('GET', `/api/tali-asih/claims/${claim.body.id}`, { token: tksk.token })).body;
  expect(detail.monthlyReport).toBeNull();
  expect(detail.activity).toMatchObject({ casesRegistered: 0 });
  expect(detail.activity.monthlyReportId).toBeUndefined();

  const schedule = await temporal.client.schedule.getHandle('kesos-laporan-bulanan-monthly').describe();
  expect(schedule.action).toMatchObject({ workflowType: 'openMonthlyReportsWorkflow' });

  const run = (await temporal.client.workflow.execute('openMonthlyReportsWorkflow', {
    workflowId: `open-monthly-reports-${period}-${Date.now()}`,
    taskQueue: 'kesos-flow',
    args: [period],
  })) as { period: string; opened: number; existing: number };
  expect(run.period).toBe(period);
  expect(run.opened).toBeGreaterThan(0);
  const id = `laporan-${tksk.id}-${period}`;
  await waitUntil('report row', async () => (await sql`SELECT 1 FROM monthly_reports WHERE id = ${id} AND opened_by IS NULL`).length > 0);
  const again = (await temporal.client.workflow.execute('openMonthlyReportsWorkflow', {
    workflowId: `open-monthly-reports-${period}-${Date.now()}-again`,
    taskQueue: 'kesos-flow',
    args: [period],
  })) as { opened: number; existing: number };
  expect(again.existing).toBeGreaterThanOrEqual(run.opened + run.existing);
});
