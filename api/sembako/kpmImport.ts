// Importing a kecamatan's KPM list: every row checked (its cells, its desa, duplicates within the
// file and against the whole register), then all of it written or none of it. The check and the
// write run in one transaction under a lock on the kecamatan, so two imports of one register
// cannot interleave; the register's unique columns back the cross-kecamatan duplicate checks.
import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { Sql, Tx } from '../../db';
import { canonicalJson } from '../../domain/seal';
import { regionChain, regionCovers } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import {
  KPM_COLUMNS,
  KPM_EXPORT_COLUMNS,
  KPM_EXPORT_ONLY_COLUMNS,
  kpmRowKecamatan,
  kpmRowSchema,
  normaliseKpmCells,
  type KpmColumn,
  type KpmRow,
} from '../../domain/sembako';
import { readXlsxFirstSheet, XlsxReadError } from '../exports/xlsxRead';
import { HttpProblem, validationProblem, type FieldIssue } from '../problem';
import { appendRequestEvent } from '../requestAudit';
import { CsvSyntaxError, parseCsv } from './csvParse';
import type { KpmRecord } from './queries';
import { KPM_IMPORT_MAX_ROWS, type KpmImportBody, type KpmImportReport } from './schema';

/** First key of the advisory lock an import holds on its kecamatan (the second is the code's hash). */
const KPM_IMPORT_LOCK = 7302;
const OPTIONAL_COLUMNS: readonly KpmColumn[] = ['id_pengurus', 'no_kks', 'bank'];
/** Columns whose value identifies one KPM only: a second row (or register entry) with the same value is a duplicate. */
const UNIQUE_COLUMNS = ['id_kpm', 'nik_pengurus', 'no_kk', 'no_kks'] as const satisfies readonly KpmColumn[];
const UNIQUE_LABEL: Record<(typeof UNIQUE_COLUMNS)[number], string> = {
  id_kpm: 'id_kpm',
  nik_pengurus: 'NIK',
  no_kk: 'nomor KK',
  no_kks: 'nomor KKS',
};

interface InputRow {
  index: number;
  line: number | null;
  cells: Record<string, unknown>;
  /** What reading the file already found wrong with the row (an XLSX number that lost digits). */
  errors: { column: string; message: string }[];
}

interface CheckedRow extends InputRow {
  row?: KpmRow;
}

const pointer = (index: number, column: string) => `/body/rows/${index}${column ? `/${column}` : ''}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const rowDigest = (row: KpmRow) => sha256(canonicalJson(Object.fromEntries(KPM_COLUMNS.map((c) => [c, row[c] ?? '']))));

/** Identifier columns: digits that a spreadsheet stored as a number may have lost. */
const DIGIT_COLUMNS: readonly KpmColumn[] = ['id_kpm', 'id_pengurus', 'no_kks', 'no_kk', 'nik_pengurus'];

/** The header line or row: every required column, no unknown or repeated one; at least one row and not too many. */
function checkHeader(header: string[], rowCount: number, problem: (detail: string) => HttpProblem): void {
  const unknown = header.filter((h) => !(KPM_EXPORT_COLUMNS as readonly string[]).includes(h));
  const missing = KPM_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c) && !header.includes(c));
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  const headerProblems = [
    ...(unknown.length ? [`unknown column(s) ${unknown.map((u) => u || '(empty)').join(', ')}`] : []),
    ...(missing.length ? [`missing column(s) ${missing.join(', ')}`] : []),
    ...(repeated.length ? [`repeated column(s) ${repeated.join(', ')}`] : []),
  ];
  if (headerProblems.length) throw problem(`the header must name the columns ${KPM_COLUMNS.join(', ')}: ${headerProblems.join('; ')}`);
  if (!rowCount) throw problem('the file has a header but no rows');
  if (rowCount > KPM_IMPORT_MAX_ROWS) throw problem(`at most ${KPM_IMPORT_MAX_ROWS} rows per import (the file has ${rowCount})`);
}

/** The export's status columns are read past: an import never sets a KPM's status (a data fix does). */
const withoutExportOnly = (cells: Record<string, unknown>) => {
  for (const c of KPM_EXPORT_ONLY_COLUMNS) delete cells[c];
  return cells;
};

/** The body's rows as cells: the CSV or the XLSX sheet read (its header checked) or the `rows` as sent. */
export function inputRows(body: KpmImportBody): InputRow[] {
  return readRows(body).map((r) => ({ ...r, cells: withoutExportOnly({ ...r.cells }) }));
}

function readRows(body: KpmImportBody): InputRow[] {
  if (body.rows) return body.rows.map((cells, index) => ({ index, line: null, cells, errors: [] }));
  if (body.xlsx !== undefined) return xlsxRows(Buffer.from(body.xlsx, 'base64'));
  let table;
  try {
    table = parseCsv(body.csv ?? '');
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw csvProblem(`the file is not valid CSV: ${err.message}`);
    throw err;
  }
  checkHeader(table.header, table.records.length, csvProblem);
  return table.records.map((r, index) => {
    const cells: Record<string, unknown> = Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? '']));
    // A row with more cells than the header: flagged by the row check below.
    if (r.cells.length > table.header.length) cells[''] = r.cells.slice(table.header.length).join(',');
    return { index, line: r.line, cells, errors: [] };
  });
}

/**
 * The first sheet of a workbook as rows. A number in an identifier column is taken only when it
 * is a whole number Excel holds exactly (at most 15 digits, no exponent); a longer one has lost
 * digits, and its row is refused with the fix (store the column as text).
 */
function xlsxRows(file: Buffer): InputRow[] {
  let sheet;
  try {
    sheet = readXlsxFirstSheet(file);
  } catch (err) {
    if (err instanceof XlsxReadError) throw xlsxProblem(err.message);
    throw err;
  }
  checkHeader(sheet.header, sheet.records.length, xlsxProblem);
  return sheet.records.map((r, index) => {
    const errors: { column: string; message: string }[] = [];
    const cells: Record<string, unknown> = Object.fromEntries(
      sheet.header.map((h, i) => {
        const cell = r.cells[i];
        if (cell?.kind !== 'number') return [h, cell?.text ?? ''];
        if ((DIGIT_COLUMNS as readonly string[]).includes(h) && !/^\d{1,15}$/.test(cell.text))
          errors.push({
            column: h,
            message: `sel disimpan sebagai angka (${cell.text}) dan Excel hanya menyimpan 15 digit, jadi ada digit yang hilang: format kolom ${h} sebagai Teks lalu ketik ulang angkanya`,
          });
        return [h, cell.text];
      }),
    );
    if (r.cells.slice(sheet.header.length).some((c) => c && c.text.trim() !== ''))
      errors.push({ column: '', message: 'baris ini berisi sel di kanan kolom terakhir judul' });
    return { index, line: r.line, cells, errors };
  });
}

function xlsxProblem(detail: string): HttpProblem {
  return validationProblem([{ path: ['body', 'xlsx'], pointer: '/body/xlsx', message: detail, code: 'custom' }]);
}

function csvProblem(detail: string): HttpProblem {
  return validationProblem([{ path: ['body', 'csv'], pointer: '/body/csv', message: detail, code: 'custom' }]);
}

/** Each row's own cells against kpmRowSchema. */
function checkCells(rows: InputRow[]): CheckedRow[] {
  return rows.map((r) => {
    if ('' in r.cells) return { ...r, errors: [{ column: '', message: 'baris ini berisi lebih banyak sel daripada kolom judul' }] };
    // A row the reading refused (a number that lost digits) is not checked further: its cell's value is not the user's.
    if (r.errors.length) return { ...r, errors: [...r.errors] };
    const parsed = kpmRowSchema.safeParse(normaliseKpmCells(r.cells));
    if (parsed.success) return { ...r, row: parsed.data, errors: [] };
    const errors = parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((k) => ({ column: k, message: `kolom "${k}" tidak dikenal` }))
        : [{ column: String(i.path[0] ?? ''), message: i.message }],
    );
    return { ...r, errors };
  });
}

/** The desa of each row must exist and lie in the kecamatan being imported. */
async function checkDesa(tx: Tx, kecamatanCode: string, rows: CheckedRow[]): Promise<void> {
  const codes = [...new Set(rows.flatMap((r) => (r.row ? [r.row.kode_desa] : [])))];
  const known = new Set(
    codes.length ? (await tx<{ code: string }[]>`SELECT code FROM regions WHERE level = 'desa' AND code IN ${tx(codes)}`).map((r) => r.code) : [],
  );
  for (const r of rows) {
    if (!r.row) continue;
    if (!known.has(r.row.kode_desa)) r.errors.push({ column: 'kode_desa', message: `desa/kelurahan ${r.row.kode_desa} tidak dikenal` });
    else if (kpmRowKecamatan(r.row) !== kecamatanCode)
      r.errors.push({ column: 'kode_desa', message: `desa ${r.row.kode_desa} is not in kecamatan ${kecamatanCode}: import it with its own kecamatan` });
  }
}

/** The same id_kpm, NIK, KK or KKS number on two rows of the file: every later row is refused, naming the first. */
function checkDuplicatesInFile(rows: CheckedRow[]): void {
  for (const column of UNIQUE_COLUMNS) {
    const first = new Map<string, CheckedRow>();
    for (const r of rows) {
      const value = typeof r.cells[column] === 'string' ? (r.cells[column] as string).trim() : '';
      if (!value) continue;
      const earlier = first.get(value);
      if (!earlier) first.set(value, r);
      else
        r.errors.push({
          column,
          message: `${UNIQUE_LABEL[column]} sama dengan baris ${earlier.index}${earlier.line === null ? '' : ` (baris berkas ${earlier.line})`}: satu baris per KPM`,
        });
    }
  }
}

/**
 * Against the whole register: a KPM listed in another kecamatan, or a NIK, KK or KKS number the
 * register has for another KPM. Rows outside the caller's region are named by kecamatan only.
 */
async function checkRegister(tx: Tx, actor: Actor, kecamatanCode: string, rows: CheckedRow[]): Promise<Map<string, KpmRecord>> {
  const valid = rows.filter((r) => r.row && !r.errors.length).map((r) => r.row!);
  const values = (pick: (r: KpmRow) => string | undefined) => [...new Set(valid.map(pick).filter((v): v is string => !!v))];
  const [ids, niks, kks, cards] = [values((r) => r.id_kpm), values((r) => r.nik_pengurus), values((r) => r.no_kk), values((r) => r.no_kks)];
  const existing = valid.length
    ? await tx<KpmRecord[]>`
        SELECT * FROM sembako_kpm
        WHERE id_kpm IN ${tx(ids)}
           OR pengurus_nik IN ${tx(niks.length ? niks : [''])}
           OR kk_number IN ${tx(kks.length ? kks : [''])}
           OR kks_number IN ${tx(cards.length ? cards : [''])}`
    : [];
  const byId = new Map(existing.map((e) => [e.idKpm, e]));
  const index = {
    nik_pengurus: new Map(existing.map((e) => [e.pengurusNik, e])),
    no_kk: new Map(existing.map((e) => [e.kkNumber, e])),
    no_kks: new Map(existing.flatMap((e) => (e.kksNumber ? [[e.kksNumber, e] as const] : []))),
  };
  for (const r of rows) {
    if (!r.row || r.errors.length) continue;
    const same = byId.get(r.row.id_kpm);
    if (same && same.kecamatanCode !== kecamatanCode)
      r.errors.push({
        column: 'id_kpm',
        message: `KPM ini terdaftar di kecamatan ${same.kecamatanCode}: pindahkan lewat daftar kecamatan itu dulu`,
      });
    for (const column of ['nik_pengurus', 'no_kk', 'no_kks'] as const) {
      const value = r.row[column];
      const other = value ? index[column].get(value) : undefined;
      if (!other || other.idKpm === r.row.id_kpm) continue;
      const where = regionCovers(actor.regionCode, other.kecamatanCode) ? `KPM ${other.idKpm}` : `sebuah KPM di kecamatan ${other.kecamatanCode}`;
      r.errors.push({ column, message: `${UNIQUE_LABEL[column]} ini sudah terdaftar untuk ${where}` });
    }
  }
  return byId;
}

const RECORD_OF: Record<KpmColumn, (r: KpmRecord) => string> = {
  id_kpm: (r) => r.idKpm,
  id_pengurus: (r) => r.idPengurus ?? '',
  no_kks: (r) => r.kksNumber ?? '',
  no_kk: (r) => r.kkNumber,
  nik_pengurus: (r) => r.pengurusNik,
  nama_pengurus: (r) => r.pengurusName,
  status_pkh: (r) => r.pkhStatus,
  kode_desa: (r) => r.desaCode,
  saluran: (r) => r.channel,
  bank: (r) => r.bank ?? '',
};

const columnsOf = (row: KpmRow) => {
  const chain = regionChain(row.kode_desa) as Required<ReturnType<typeof regionChain>>;
  return {
    idKpm: row.id_kpm,
    idPengurus: row.id_pengurus || null,
    kksNumber: row.no_kks || null,
    kkNumber: row.no_kk,
    pengurusNik: row.nik_pengurus,
    pengurusName: row.nama_pengurus,
    pkhStatus: row.status_pkh,
    channel: row.saluran,
    bank: row.bank || null,
    desaCode: row.kode_desa,
    kecamatanCode: chain.kecamatan,
    kabupatenCode: chain.kabupaten,
    provinsiCode: chain.provinsi,
    rowSha256: rowDigest(row),
  };
};

/**
 * Checks the file and, unless it is a dry run or has invalid rows, writes it: new KPM inserted,
 * changed rows updated, unchanged rows untouched; one import row and one audit row (counts and
 * register ids, never a NIK or a name). Invalid rows → 422 with the report; nothing is written.
 */
export async function importKpm(sql: Sql, res: Response, actor: Actor, body: KpmImportBody): Promise<{ status: 200 | 201; report: KpmImportReport }> {
  const input = inputRows(body);
  try {
    return await sql.begin((tx) => checkAndWrite(tx, res, actor, body, input));
  } catch (err) {
    // The kecamatan lock serialises imports of one register; an import of another kecamatan that
    // took the same NIK, KK or KKS number meanwhile is caught by the unique columns.
    if ((err as { code?: string }).code === '23505') throw new HttpProblem(409, 'another import changed the register meanwhile: send the file again');
    throw err;
  }
}

async function checkAndWrite(
  tx: Tx,
  res: Response,
  actor: Actor,
  body: KpmImportBody,
  input: InputRow[],
): Promise<{ status: 200 | 201; report: KpmImportReport }> {
  await tx`SELECT pg_advisory_xact_lock(${KPM_IMPORT_LOCK}::int, hashtext(${body.kecamatanCode}))`;
  const rows = checkCells(input);
  await checkDesa(tx, body.kecamatanCode, rows);
  checkDuplicatesInFile(rows);
  const existing = await checkRegister(tx, actor, body.kecamatanCode, rows);
  const inFile = new Set(rows.flatMap((r) => (r.row ? [r.row.id_kpm] : [])));
  const missingIds = (await tx<{ id: string; idKpm: string }[]>`SELECT id, id_kpm FROM sembako_kpm WHERE kecamatan_code = ${body.kecamatanCode}`)
    .filter((r) => !inFile.has(r.idKpm))
    .map((r) => r.id);

  const verdicts = rows.map((r) => {
    const base = { index: r.index, line: r.line, idKpm: typeof r.cells.id_kpm === 'string' ? r.cells.id_kpm.trim() : '' };
    const errors = r.errors.map((e) => ({ column: e.column, pointer: pointer(r.index, e.column), message: e.message }));
    if (errors.length || !r.row) return { ...base, action: 'invalid' as const, errors };
    const before = existing.get(r.row.id_kpm);
    if (!before) return { ...base, action: 'created' as const, errors };
    if (before.rowSha256 === rowDigest(r.row)) return { ...base, action: 'unchanged' as const, errors };
    const changedColumns = KPM_COLUMNS.filter((c) => RECORD_OF[c](before) !== (r.row![c] ?? ''));
    return { ...base, action: 'updated' as const, changedColumns, errors };
  });
  const count = (a: string) => verdicts.filter((v) => v.action === a).length;
  const report: KpmImportReport = {
    importId: null,
    kecamatanCode: body.kecamatanCode,
    dryRun: body.dryRun,
    fileSha256: sha256(canonicalJson(rows.map((r) => normaliseKpmCells(r.cells)))),
    counts: {
      rows: rows.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      invalid: count('invalid'),
      missing: missingIds.length,
    },
    rows: verdicts,
    missingIds,
  };
  if (report.counts.invalid) {
    const issues: FieldIssue[] = verdicts.flatMap((v) =>
      v.errors.map((e) => ({ path: ['body', 'rows', v.index, ...(e.column ? [e.column] : [])], pointer: e.pointer, message: e.message, code: 'custom' })),
    );
    throw new HttpProblem(422, `${report.counts.invalid} of ${rows.length} rows are invalid: nothing was imported`, { errors: issues, report });
  }
  if (body.dryRun || (!report.counts.created && !report.counts.updated)) return { status: 200, report };

  const importId = randomUUID();
  await tx`
    INSERT INTO sembako_kpm_imports (id, kecamatan_code, file_sha256, rows, created, updated, unchanged, missing, imported_by)
    VALUES (${importId}, ${body.kecamatanCode}, ${report.fileSha256}, ${rows.length}, ${report.counts.created}, ${report.counts.updated},
            ${report.counts.unchanged}, ${report.counts.missing}, ${actor.id})`;
  const created = rows.filter((_, i) => verdicts[i].action === 'created').map((r) => ({ id: randomUUID(), ...columnsOf(r.row!), lastImportId: importId }));
  for (let i = 0; i < created.length; i += 1000) await tx`INSERT INTO sembako_kpm ${tx(created.slice(i, i + 1000))}`;
  const updated = rows.filter((_, i) => verdicts[i].action === 'updated');
  for (const r of updated) {
    const c = columnsOf(r.row!);
    await tx`
      UPDATE sembako_kpm SET id_pengurus = ${c.idPengurus}, kks_number = ${c.kksNumber}, kk_number = ${c.kkNumber}, pengurus_nik = ${c.pengurusNik},
             pengurus_name = ${c.pengurusName}, pkh_status = ${c.pkhStatus}, channel = ${c.channel}, bank = ${c.bank}, desa_code = ${c.desaCode},
             row_sha256 = ${c.rowSha256}, last_import_id = ${importId}, updated_at = now()
      WHERE id_kpm = ${c.idKpm}`;
  }
  await appendRequestEvent(tx, res, {
    key: 'kpm_import',
    action: 'sembako.kpm_imported',
    entityType: 'sembako_kpm_import',
    entityId: importId,
    details: {
      kecamatanCode: body.kecamatanCode,
      fileSha256: report.fileSha256,
      counts: report.counts,
      createdIds: created.map((c) => c.id),
      updatedIds: updated.map((r) => existing.get(r.row!.id_kpm)!.id),
    },
  });
  return { status: 201, report: { ...report, importId } };
}
