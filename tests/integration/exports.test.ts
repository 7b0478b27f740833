// The spreadsheet exports against the real stack: downloaded as the people who use them, they
// open in a spreadsheet with Indonesian settings (UTF-8 BOM, `;`, CRLF), speak Indonesian
// (headers and status words, not codes), show local times, defuse formulas, hold the same rows
// as XLSX, and are on the audit record.
import { localTime } from '../../domain/regions';
import { unzipStored } from '../../api/exports/zip';
import { completeOk } from '../support/taliAsih';
import { call, db, login, registration, stack } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

/** A period no other test uses. */
const PERIOD = '2021-07';
const CLAIM = `tali-asih-usr_tksk3-${PERIOD}`;
const FORMULA_REASON = '=HYPERLINK("http://contoh.invalid","klik") bukan laporan bulan ini';

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

async function download(user: string, path: string): Promise<{ status: number; type: string; disposition: string; bytes: Buffer }> {
  const res = await fetch(`${stack().apiUrl}${path}`, { headers: { authorization: `Bearer ${await login(user)}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

/** A `;`-separated CSV with quoted text cells, back into rows (quotes and line breaks inside cells kept). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

const asRecords = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));

let caseId: string;
let caseCreatedAt: string;

beforeAll(async () => {
  const opened = await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { period: PERIOD, tkskId: 'usr_tksk3' } });
  expect(opened.status).toBe(201);
  await completeOk(CLAIM, 'tali_asih_report', 'tksk3', { data: { narrative: 'Kegiatan bulan Juli 2021: pendampingan lansia di Sidorejo.' } });
  await completeOk(CLAIM, 'tali_asih_verification', 'supervisor1', { outcome: 'reject', data: { reason: FORMULA_REASON } });
  const registered = await call('POST', '/api/cases', { token: await login('tksk1'), body: registration() });
  expect(registered.status).toBe(201);
  caseId = registered.body.id;
  caseCreatedAt = (await call('GET', `/api/cases/${caseId}`, { token: await login('supervisor1') })).body.createdAt;
});

test('the claims CSV: BOM, ;, CRLF, Indonesian headers and words, local time, formulas defused, audited', async () => {
  const r = await download('provinsi1', `/api/exports/claims.csv?filter=${q({ period: PERIOD })}`);
  expect(r.status).toBe(200);
  expect(r.type).toMatch(/^text\/csv; charset=utf-8/);
  expect(r.disposition).toMatch(/^attachment; filename="?kesos-tali-asih-\d{4}-\d{2}-\d{2}\.csv"?$/);
  expect(r.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = r.bytes.subarray(3).toString('utf8');
  expect(text.split('\r\n')[0]).toBe(
    '"ID klaim";"TKSK";"Periode";"Status";"Kode kecamatan";"Sumber dana";"Jumlah (Rp)";"Dibayar (Rp)";"Alasan penolakan/pembatalan";"Dibuka";"Diperbarui"',
  );
  const [claim] = asRecords(parseCsv(text));
  const api = (await call('GET', `/api/tali-asih/claims/${CLAIM}`, { token: await login('provinsi1') })).body;
  expect(claim).toEqual({
    'ID klaim': CLAIM,
    TKSK: 'Joko Susilo (TKSK pengganti Sidorejo)',
    Periode: PERIOD,
    Status: 'Ditolak',
    'Kode kecamatan': '33.73.01',
    'Sumber dana': 'APBN',
    'Jumlah (Rp)': String(api.totalAmount), // a number, unquoted
    'Dibayar (Rp)': '0',
    'Alasan penolakan/pembatalan': `'${FORMULA_REASON}`,
    Dibuka: localTime(api.createdAt, '33.73.01'),
    Diperbarui: localTime(api.updatedAt, '33.73.01'),
  });
  expect(claim.Dibuka).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB$/);
  expect(text).toMatch(new RegExp(`;${api.totalAmount};0;`));
  const [audited] = await sql`
    SELECT actor_id, details FROM audit_log WHERE action = 'export.downloaded' AND entity_id = 'tali-asih' AND actor_id = 'usr_provinsi1' ORDER BY seq DESC LIMIT 1`;
  expect(audited.details).toMatchObject({ format: 'csv', filter: { period: PERIOD }, rows: 1, capped: false });
});

test('the cases CSV speaks Indonesian and shows personal data as the list does: names for supervisors, none for auditors', async () => {
  const supervisor = parseCsv((await download('supervisor1', `/api/exports/cases.csv?filter=${q({ id: caseId })}`)).bytes.subarray(3).toString('utf8'));
  expect(supervisor[0]).toEqual([
    'ID kasus',
    'Status',
    'Langkah',
    'Kategori PMKS',
    'Nama penerima manfaat',
    'NIK',
    'Kode desa/kelurahan',
    'Kode kecamatan',
    'Kode kabupaten/kota',
    'TKSK pendamping',
    'Terlambat',
    'Dijeda',
    'Alasan penutupan',
    'Didaftarkan',
    'Diperbarui',
  ]);
  const [row] = asRecords(supervisor);
  expect(row).toMatchObject({
    'ID kasus': caseId,
    Status: 'Asesmen',
    Langkah: 'Asesmen',
    'Kategori PMKS': 'LUT – Lanjut Usia Telantar',
    'Nama penerima manfaat': registration().beneficiary.name,
    'Kode kecamatan': '33.73.01',
    'TKSK pendamping': 'Budi Santoso (TKSK Sidorejo)',
    Terlambat: 'Tidak',
    Didaftarkan: localTime(caseCreatedAt, '33.73.01'),
  });
  expect(row.NIK).toMatch(/^\d{16}$/); // the kabupaten supervisor sees the full NIK, as in the list
  const auditor = parseCsv((await download('auditor1', `/api/exports/cases.csv?filter=${q({ id: caseId })}`)).bytes.subarray(3).toString('utf8'));
  expect(auditor[0]).not.toContain('Nama penerima manfaat');
  expect(asRecords(auditor)[0].NIK).toMatch(/^\d{4}\*{8}\d{4}$/);
  expect(auditor.flat().join(' ')).not.toContain(registration().beneficiary.name);
});

test('the tasks XLSX holds the same rows as the list: task titles, status and outcome words, local times', async () => {
  const r = await download('supervisor1', `/api/exports/tasks.xlsx?filter=${q({ workflowId: CLAIM })}&sort=${q(['createdAt', 'ASC'])}`);
  expect(r.status).toBe(200);
  expect(r.type).toMatch(/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/);
  const sheet = unzipStored(r.bytes).get('xl/worksheets/sheet1.xml')!.toString('utf8');
  const texts = [...sheet.matchAll(/<t xml:space="preserve">(.*?)<\/t>/g)].map((m) => m[1]);
  for (const word of ['Jenis tugas', 'Status', 'Hasil', 'Diselesaikan oleh', 'Laporan tali asih', 'Verifikasi tali asih', 'Selesai', 'Tolak', 'Kirim'])
    expect(texts).toContain(word);
  const tasks = (await call('GET', `/api/tasks?filter=${q({ workflowId: CLAIM })}`, { token: await login('supervisor1') })).body as { completedAt: string }[];
  for (const t of tasks) expect(texts).toContain(localTime(t.completedAt, '33.73.01'));
  expect(texts.filter((t) => t === CLAIM)).toHaveLength(2);
});

test("the audit log's spreadsheet: actions in words, people by name, the auditor's download on the record", async () => {
  const registered = await call('POST', '/api/cases', { token: await login('tksk1'), body: registration() });
  expect(registered.status).toBe(201);
  const caseId: string = registered.body.id;
  const got = await download('auditor1', `/api/exports/audit.csv?filter=${q({ caseId })}`);
  expect(got.status).toBe(200);
  const text = got.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(text.slice(1));
  expect(rows[0]).toEqual([
    'No. urut',
    'Waktu',
    'Aksi',
    'Kode aksi',
    'Pelaku',
    'Peran pelaku',
    'Jenis data',
    'ID data',
    'ID kasus',
    'Rincian',
    'Hash sebelumnya',
    'Hash',
  ]);
  const registeredRow = asRecords(rows).find((r) => r['Kode aksi'] === 'case.registered');
  expect(registeredRow).toMatchObject({ Aksi: 'Kasus didaftarkan', 'Peran pelaku': 'TKSK', 'ID kasus': caseId });
  expect(registeredRow!.Pelaku).not.toBe('usr_tksk1');
  expect(registeredRow!.Waktu).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB$/);
  const [logged] =
    await sql`SELECT details FROM audit_log WHERE action = 'export.downloaded' AND actor_id = 'usr_auditor1' AND entity_id = 'audit' ORDER BY seq DESC LIMIT 1`;
  expect(logged.details).toMatchObject({ format: 'csv', filter: { caseId } });
});
