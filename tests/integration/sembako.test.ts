// The KPM register on the real stack: a file with bad rows is refused whole with a report per row
// and column; a good one is imported once (the same file again changes nothing, a changed row is
// updated); the register is region-scoped and masked like cases; the export re-imports unchanged;
// the audit trail records imports and exports without a NIK.
import { toXlsx } from '../../api/exports/xlsx';
import { readXlsxFirstSheet } from '../../api/exports/xlsxRead';
import { KPM_COLUMNS, KPM_EXPORT_COLUMNS } from '../../domain/sembako';
import { call, db, freshNik, login, stack } from '../support/stack';
import { importKpmAs, kpmCsv, kpmRow, type KpmCells } from '../support/sembako';

const sql = db();
afterAll(() => sql.end());

const SIDOREJO = '33.73.01';
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const registerRows = async (ids: string[]) =>
  sql<{ idKpm: string; pengurusName: string }[]>`SELECT id_kpm, pengurus_name FROM sembako_kpm WHERE id_kpm IN ${sql(ids)}`;

test('a file with bad rows writes nothing and answers the report, row by row and column by column', async () => {
  const good = kpmRow();
  const rows = [
    good,
    kpmRow({ nik_pengurus: '3373013302620001' }), // 33 February
    kpmRow({ kode_desa: '33.73.01.9999' }), // no such desa
    kpmRow({ kode_desa: '33.73.02.1001' }), // a Tingkir desa in the Sidorejo list
    kpmRow({ saluran: 'pos' }), // PT Pos with a bank
    { ...kpmRow(), no_kk: good.no_kk }, // the same family twice
  ];
  const auditBefore = await sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sembako.kpm_imported'`;
  const r = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, csv: kpmCsv(rows, ';') });
  expect(r.status).toBe(422);
  expect(r.contentType).toContain('application/problem+json');
  expect(r.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
    '/body/rows/1/nik_pengurus',
    '/body/rows/2/kode_desa',
    '/body/rows/3/kode_desa',
    '/body/rows/4/bank',
    '/body/rows/5/no_kk',
  ]);
  expect(r.body.report.counts).toEqual({ rows: 6, created: 1, updated: 0, unchanged: 0, invalid: 5, missing: expect.any(Number) });
  expect(r.body.report.rows.map((v: { line: number; action: string }) => [v.line, v.action])).toEqual([
    [2, 'created'],
    [3, 'invalid'],
    [4, 'invalid'],
    [5, 'invalid'],
    [6, 'invalid'],
    [7, 'invalid'],
  ]);
  expect(r.body.report.rows[5].errors[0].message).toBe('nomor KK sama dengan baris 0 (baris berkas 2): satu baris per KPM');
  expect(await registerRows(rows.map((x) => x.id_kpm))).toEqual([]);
  expect(await sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sembako.kpm_imported'`).toEqual(auditBefore);
});

test('a file is imported once: the same file again changes nothing, a changed row is updated', async () => {
  const rows = [kpmRow(), kpmRow({ saluran: 'pos', no_kks: '', bank: '', status_pkh: 'non_pkh', kode_desa: '33.73.01.1002' }), kpmRow()];
  const body = { kecamatanCode: SIDOREJO, csv: kpmCsv(rows) };

  const dry = await importKpmAs('tksk1', { ...body, dryRun: true });
  expect(dry.status).toBe(200);
  expect(dry.body).toMatchObject({ importId: null, dryRun: true, counts: { rows: 3, created: 3, invalid: 0 } });
  expect(await registerRows(rows.map((x) => x.id_kpm))).toEqual([]);

  const first = await importKpmAs('tksk1', body);
  expect(first.status).toBe(201);
  expect(first.body.importId).toEqual(expect.any(String));
  expect(first.body.counts).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0 });
  expect((await registerRows(rows.map((x) => x.id_kpm))).length).toBe(3);

  const again = await importKpmAs('tksk1', body);
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ importId: null, fileSha256: first.body.fileSha256, counts: { created: 0, updated: 0, unchanged: 3 } });
  const [{ n: imports }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sembako_kpm_imports WHERE file_sha256 = ${first.body.fileSha256}`;
  expect(imports).toBe(1);

  // The desa sends the same list as rows, with the pengurus of the second family changed.
  const changed = rows.map((x, i) => (i === 1 ? { ...x, nama_pengurus: 'Slamet Riyadi', nik_pengurus: freshNik() } : x));
  const update = await importKpmAs('supervisor1', { kecamatanCode: SIDOREJO, rows: changed });
  expect(update.status).toBe(201);
  expect(update.body.counts).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
  expect(update.body.rows[1]).toMatchObject({ action: 'updated', line: null, changedColumns: ['nik_pengurus', 'nama_pengurus'] });
  const names = Object.fromEntries((await registerRows(rows.map((x) => x.id_kpm))).map((x) => [x.idKpm, x.pengurusName]));
  expect(names[rows[1].id_kpm]).toBe('Slamet Riyadi');

  // Audited with counts and register ids: no NIK, no name.
  const audit = await sql<{ details: Record<string, unknown>; actorId: string }[]>`
    SELECT details, actor_id FROM audit_log WHERE action = 'sembako.kpm_imported' AND entity_id = ${update.body.importId}`;
  expect(audit).toHaveLength(1);
  expect(audit[0].actorId).toBe('usr_supervisor1');
  const text = JSON.stringify(audit[0].details);
  for (const x of changed) expect(text).not.toContain(x.nik_pengurus);
  expect(text).not.toContain('Slamet');
});

test('a NIK or KPM the register already holds for another KPM is refused, naming where', async () => {
  const held = kpmRow();
  expect((await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, rows: [held] })).status).toBe(201);
  const r = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, rows: [kpmRow({ nik_pengurus: held.nik_pengurus })] });
  expect(r.status).toBe(422);
  expect(r.body.errors).toEqual([
    expect.objectContaining({ pointer: '/body/rows/0/nik_pengurus', message: `NIK ini sudah terdaftar untuk KPM ${held.id_kpm}` }),
  ]);
  // Tingkir's TKSK cannot list Sidorejo's KPM in the Tingkir register.
  const moved = await importKpmAs('tksk2', { kecamatanCode: '33.73.02', rows: [{ ...held, kode_desa: '33.73.02.1001' }] });
  expect(moved.status).toBe(422);
  expect(moved.body.errors[0]).toMatchObject({
    pointer: '/body/rows/0/id_kpm',
    message: 'KPM ini terdaftar di kecamatan 33.73.01: pindahkan lewat daftar kecamatan itu dulu',
  });
});

test('the header, the body and the role are checked before any row', async () => {
  const missing = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, csv: 'id_kpm,nama\n1,x' });
  expect(missing.status).toBe(422);
  expect(missing.body.errors[0].pointer).toBe('/body/csv');
  expect(missing.body.errors[0].message).toContain(
    'unknown column(s) nama; missing column(s) no_kk, nik_pengurus, nama_pengurus, status_pkh, kode_desa, saluran',
  );
  const both = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, csv: kpmCsv([kpmRow()]), rows: [kpmRow()] });
  expect(both.status).toBe(422);
  const statuses: Record<string, number> = {};
  for (const user of ['tksk2', 'provinsi1', 'auditor1', 'admin'])
    statuses[user] = (await importKpmAs(user, { kecamatanCode: SIDOREJO, rows: [kpmRow()] })).status;
  expect(statuses).toEqual({ tksk2: 403, provinsi1: 403, auditor1: 403, admin: 403 });
});

test('the register is region-scoped and masked like cases; the export re-imports unchanged', async () => {
  const mine = kpmRow();
  expect((await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, rows: [mine] })).status).toBe(201);
  const listed = async (user: string) => {
    const r = await call('GET', `/api/sembako/kpm?filter=${q({ idKpm: mine.id_kpm })}`, { token: await login(user) });
    return r.status === 200 ? r.body : r.status;
  };
  const [tksk1] = await listed('tksk1');
  expect(tksk1).toMatchObject({
    idKpm: mine.id_kpm,
    pengurusNik: mine.nik_pengurus,
    kkNumber: mine.no_kk,
    pengurusName: 'Siti Aminah',
    kecamatanCode: SIDOREJO,
  });
  expect(await listed('tksk2')).toEqual([]);
  expect((await listed('supervisor1'))[0].pengurusNik).toBe(mine.nik_pengurus);
  const [prov] = await listed('provinsi1');
  expect(prov).toMatchObject({ pengurusNik: `${mine.nik_pengurus.slice(0, 4)}********${mine.nik_pengurus.slice(12)}`, pengurusName: 'Siti Aminah' });
  expect(prov.kkNumber).not.toBe(mine.no_kk);
  const [audited] = await listed('auditor1');
  expect(audited.pengurusName).toBeUndefined();
  expect(await listed('admin')).toBe(403);

  const exported = await call('GET', `/api/sembako/kpm/export.csv?filter=${q({ idKpm: mine.id_kpm })}`, { token: await login('tksk1') });
  expect(exported.status).toBe(200);
  expect(exported.contentType).toContain('text/csv');
  expect(exported.body.split('\n')[0]).toBe(KPM_EXPORT_COLUMNS.join(','));
  expect(exported.body.split('\n')[1].endsWith('"aktif",""')).toBe(true);
  expect(exported.body).toContain(mine.nik_pengurus);
  const reimport = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, csv: exported.body, dryRun: true });
  expect(reimport.status).toBe(200);
  expect(reimport.body.counts).toMatchObject({ rows: 1, unchanged: 1, invalid: 0 });
  const masked = await call('GET', `/api/sembako/kpm/export.csv?filter=${q({ idKpm: mine.id_kpm })}`, { token: await login('provinsi1') });
  expect(masked.body).not.toContain(mine.nik_pengurus);
  const [exportAudit] = await sql<{ details: { rows: number } }[]>`
    SELECT details FROM audit_log WHERE action = 'sembako.kpm_exported' AND actor_id = 'usr_provinsi1' ORDER BY seq DESC LIMIT 1`;
  expect(exportAudit.details.rows).toBe(1);
});

/** A workbook as a desa office saves it: the header row, then one row per KPM; `numeric` columns stored as numbers. */
const kpmXlsx = (rows: KpmCells[], numeric: Partial<Record<number, (keyof KpmCells)[]>> = {}) =>
  toXlsx({
    sheet: 'Daftar KPM',
    headers: [...KPM_COLUMNS],
    rows: rows.map((r, i) => KPM_COLUMNS.map((c) => (numeric[i]?.includes(c) ? Number(r[c]) : r[c]))),
  }).toString('base64');

test('an XLSX workbook goes through the same checks: a NIK stored as a number and a bad desa refuse the file, row by row', async () => {
  const rows = [kpmRow(), kpmRow(), kpmRow({ kode_desa: '33.73.02.1001' }), kpmRow({ kode_desa: '33.73.01.1002' })];
  // Row 1's NIK was typed into a number-formatted column.
  const bad = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, xlsx: kpmXlsx(rows, { 1: ['nik_pengurus'] }) });
  expect(bad.status).toBe(422);
  expect(bad.contentType).toContain('application/problem+json');
  expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/rows/1/nik_pengurus', '/body/rows/2/kode_desa']);
  expect(bad.body.errors[0].message).toContain('disimpan sebagai angka');
  expect(bad.body.errors[0].message).toContain('format kolom nik_pengurus sebagai Teks');
  expect(bad.body.report.rows.map((v: { line: number; action: string }) => [v.line, v.action])).toEqual([
    [2, 'created'],
    [3, 'invalid'],
    [4, 'invalid'],
    [5, 'created'],
  ]);
  expect(await registerRows(rows.map((x) => x.id_kpm))).toEqual([]);

  // Fixed in the workbook (text cells, the Tingkir row left out): imported, the same as the CSV would be.
  const good = [rows[0], rows[1], rows[3]];
  const imported = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, xlsx: kpmXlsx(good) });
  expect(imported.status).toBe(201);
  expect(imported.body.counts).toMatchObject({ rows: 3, created: 3, invalid: 0 });
  expect((await registerRows(good.map((x) => x.id_kpm))).length).toBe(3);
  const asCsv = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, csv: kpmCsv(good), dryRun: true });
  expect(asCsv.body).toMatchObject({ fileSha256: imported.body.fileSha256, counts: { unchanged: 3 } });
});

test('a file that is not a workbook, or sent twice over, is refused at /body/xlsx before any row', async () => {
  const notXlsx = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, xlsx: Buffer.from(kpmCsv([kpmRow()])).toString('base64') });
  expect(notXlsx.status).toBe(422);
  expect(notXlsx.body.errors).toEqual([expect.objectContaining({ pointer: '/body/xlsx', message: 'the file is not an XLSX workbook (not a ZIP archive)' })]);
  const noColumns = await importKpmAs('tksk1', {
    kecamatanCode: SIDOREJO,
    xlsx: toXlsx({ sheet: 'x', headers: ['id_kpm', 'nama'], rows: [['1', 'x']] }).toString('base64'),
  });
  expect(noColumns.status).toBe(422);
  expect(noColumns.body.errors[0]).toMatchObject({ pointer: '/body/xlsx' });
  expect(noColumns.body.errors[0].message).toContain('unknown column(s) nama');
  const two = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, csv: kpmCsv([kpmRow()]), xlsx: kpmXlsx([kpmRow()]) });
  expect(two.status).toBe(422);
  expect(two.body.errors[0].message).toBe('send the file as exactly one of `csv`, `rows` or `xlsx`');
});

test('the register status: listed and filtered, exported as CSV and XLSX, and read past by a re-import', async () => {
  const [active, inactive] = [kpmRow(), kpmRow()];
  expect((await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, rows: [active, inactive] })).status).toBe(201);
  // An accepted data fix sets a KPM nonaktif (a later slice); here the register is put in that state directly.
  await sql`UPDATE sembako_kpm SET status = 'nonaktif', status_reason = 'meninggal' WHERE id_kpm = ${inactive.id_kpm}`;
  const token = await login('tksk1');
  const ids = [active.id_kpm, inactive.id_kpm];
  const listed = await call('GET', `/api/sembako/kpm?filter=${q({ kecamatanCode: SIDOREJO, status: 'nonaktif' })}`, { token });
  expect(listed.status).toBe(200);
  const mine = listed.body.filter((k: { idKpm: string }) => ids.includes(k.idKpm));
  expect(mine.map((k: { idKpm: string; status: string; statusReason: string }) => [k.idKpm, k.status, k.statusReason])).toEqual([
    [inactive.id_kpm, 'nonaktif', 'meninggal'],
  ]);
  expect((await call('GET', `/api/sembako/kpm?filter=${q({ status: 'hidup' })}`, { token })).status).toBe(422);

  const res = await fetch(`${stack().apiUrl}/api/sembako/kpm/export.xlsx?filter=${q({ idKpm: inactive.id_kpm })}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = Buffer.from(await res.arrayBuffer());
  const sheet = readXlsxFirstSheet(workbook);
  expect(sheet.header).toEqual([...KPM_EXPORT_COLUMNS]);
  expect(sheet.records).toHaveLength(1);
  const row = Object.fromEntries(sheet.header.map((h, i) => [h, sheet.records[0].cells[i]?.text ?? '']));
  expect(row).toMatchObject({ id_kpm: inactive.id_kpm, nik_pengurus: inactive.nik_pengurus, status: 'nonaktif', alasan_status: 'meninggal' });
  // The workbook re-imports unchanged, and the import leaves the status alone.
  const again = await importKpmAs('tksk1', { kecamatanCode: SIDOREJO, xlsx: workbook.toString('base64') });
  expect(again.status).toBe(200);
  expect(again.body.counts).toMatchObject({ rows: 1, unchanged: 1, invalid: 0 });
  const [{ status }] = await sql<{ status: string }[]>`SELECT status FROM sembako_kpm WHERE id_kpm = ${inactive.id_kpm}`;
  expect(status).toBe('nonaktif');
  const [exportAudit] = await sql<{ details: { rows: number; format: string } }[]>`
    SELECT details FROM audit_log WHERE action = 'sembako.kpm_exported' AND actor_id = 'usr_tksk1' ORDER BY seq DESC LIMIT 1`;
  expect(exportAudit.details).toMatchObject({ rows: 1, format: 'xlsx' });
});
