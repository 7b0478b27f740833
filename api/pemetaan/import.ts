// Importing a DTSEN/Pusdatin extract of PPKS and PSKS counts per desa: every row checked (its
// cells, its desa in the caller's region, its category, one row per desa and category), then all
// of it written in one transaction or none of it (a 422 with the row-by-row report).
import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { Sql } from '../../db';
import { wibDate } from '../../domain/calendar';
import { PMKS_CODES } from '../../domain/pmks';
import { PEMETAAN_IMPORT_COLUMNS, pemetaanImportRowSchema } from '../../domain/psks';
import { regionChain, regionCovers } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { canonicalJson } from '../../domain/seal';
import { readXlsxFirstSheet, XlsxReadError } from '../exports/xlsxRead';
import { HttpProblem, validationProblem, type FieldIssue } from '../problem';
import { currentPsksTypes } from '../psks/queries';
import { appendRequestEvent } from '../requestAudit';
import { CsvSyntaxError, parseCsv } from '../sembako/csvParse';
import { PEMETAAN_IMPORT_MAX_ROWS, type PemetaanImportBody, type PemetaanImportReport } from './schema';

interface InputRow {
  index: number;
  line: number | null;
  cells: Record<string, string>;
}

const fileProblem = (where: 'csv' | 'xlsx', detail: string) =>
  validationProblem([{ path: ['body', where], pointer: `/body/${where}`, message: detail, code: 'custom' }]);

function checkHeader(header: string[], rows: number, problem: (d: string) => HttpProblem): void {
  const missing = PEMETAAN_IMPORT_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(PEMETAAN_IMPORT_COLUMNS as readonly string[]).includes(h));
  if (missing.length || unknown.length)
    throw problem(
      `the header must name the columns ${PEMETAAN_IMPORT_COLUMNS.join(', ')}: ${[missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown ${unknown.map((u) => u || '(empty)').join(', ')}` : ''].filter(Boolean).join('; ')}`,
    );
  if (!rows) throw problem('the file has a header but no rows');
  if (rows > PEMETAAN_IMPORT_MAX_ROWS) throw problem(`at most ${PEMETAAN_IMPORT_MAX_ROWS} rows per import (the file has ${rows})`);
}

function readRows(body: PemetaanImportBody): InputRow[] {
  if (body.rows) return body.rows.map((cells, index) => ({ index, line: null, cells }));
  if (body.xlsx !== undefined) {
    let sheet;
    try {
      sheet = readXlsxFirstSheet(Buffer.from(body.xlsx, 'base64'));
    } catch (err) {
      if (err instanceof XlsxReadError) throw fileProblem('xlsx', err.message);
      throw err;
    }
    checkHeader(sheet.header, sheet.records.length, (d) => fileProblem('xlsx', d));
    return sheet.records.map((r, index) => ({ index, line: r.line, cells: Object.fromEntries(sheet.header.map((h, i) => [h, r.cells[i]?.text ?? ''])) }));
  }
  let table;
  try {
    table = parseCsv(body.csv ?? '');
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw fileProblem('csv', `the file is not valid CSV: ${err.message}`);
    throw err;
  }
  checkHeader(table.header, table.records.length, (d) => fileProblem('csv', d));
  return table.records.map((r, index) => ({ index, line: r.line, cells: Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? ''])) }));
}

/** Checks the extract and, unless it is a dry run, writes its counts with the extract's date. */
export async function importPemetaan(
  sql: Sql,
  res: Response,
  actor: Actor,
  body: PemetaanImportBody,
): Promise<{ status: 200 | 201; report: PemetaanImportReport }> {
  if (body.asOf > wibDate(new Date()))
    throw validationProblem([{ path: ['body', 'asOf'], pointer: '/body/asOf', message: 'the extract date cannot be in the future', code: 'custom' }]);
  const input = readRows(body);
  const psksCodes = new Set((await currentPsksTypes(sql)).map((t) => t.code));
  const ppksCodes = new Set<string>(PMKS_CODES);
  const desaCodes = [...new Set(input.map((r) => (r.cells.kode_desa ?? '').trim()).filter(Boolean))];
  const knownDesa = new Set(
    desaCodes.length ? (await sql<{ code: string }[]>`SELECT code FROM regions WHERE level = 'desa' AND code IN ${sql(desaCodes)}`).map((r) => r.code) : [],
  );
  const seen = new Map<string, number>();
  const checked = input.map((r) => {
    const errors: { column: string; message: string }[] = [];
    const cells = Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, String(v).trim()]));
    const parsed = pemetaanImportRowSchema.safeParse(cells);
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        if (i.code === 'unrecognized_keys') errors.push(...i.keys.map((k) => ({ column: k, message: `unknown column "${k}"` })));
        else errors.push({ column: String(i.path[0] ?? ''), message: i.message });
      return { ...r, row: undefined, errors };
    }
    const row = parsed.data;
    if (!knownDesa.has(row.kode_desa)) errors.push({ column: 'kode_desa', message: `unknown desa/kelurahan ${row.kode_desa}` });
    else if (!regionCovers(actor.regionCode, row.kode_desa)) errors.push({ column: 'kode_desa', message: `desa ${row.kode_desa} is outside your region` });
    if (!(row.jenis === 'ppks' ? ppksCodes : psksCodes).has(row.kode))
      errors.push({ column: 'kode', message: `unknown ${row.jenis === 'ppks' ? 'PPKS category' : 'PSKS type'} ${row.kode}` });
    const key = `${row.kode_desa}|${row.jenis}|${row.kode}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) errors.push({ column: 'kode', message: `the same desa and category as row ${earlier}: one row per desa and category` });
    else seen.set(key, r.index);
    return { ...r, row, errors };
  });
  const invalid = checked.filter((r) => r.errors.length);
  const report: PemetaanImportReport = {
    importId: null,
    dryRun: body.dryRun,
    sourceLabel: body.sourceLabel,
    asOf: body.asOf,
    fileSha256: createHash('sha256')
      .update(canonicalJson(input.map((r) => r.cells)))
      .digest('hex'),
    counts: { rows: checked.length, valid: checked.length - invalid.length, invalid: invalid.length },
    rows: checked.map((r) => ({
      index: r.index,
      line: r.line,
      valid: !r.errors.length,
      errors: r.errors.map((e) => ({ column: e.column, pointer: `/body/rows/${r.index}${e.column ? `/${e.column}` : ''}`, message: e.message })),
    })),
  };
  if (invalid.length) {
    const errors: FieldIssue[] = report.rows.flatMap((v) =>
      v.errors.map((e) => ({ path: ['body', 'rows', v.index, ...(e.column ? [e.column] : [])], pointer: e.pointer, message: e.message, code: 'custom' })),
    );
    throw new HttpProblem(422, `${invalid.length} of ${checked.length} rows are invalid: nothing was imported`, { errors, report });
  }
  if (body.dryRun) return { status: 200, report };

  const importId = randomUUID();
  await sql.begin(async (tx) => {
    await tx`
      INSERT INTO pemetaan_imports (id, region_code, source_label, as_of, file_sha256, rows, imported_by)
      VALUES (${importId}, ${actor.regionCode ?? 'national'}, ${body.sourceLabel}, ${body.asOf}, ${report.fileSha256}, ${checked.length}, ${actor.id})`;
    const values = checked.map((r) => {
      const chain = regionChain(r.row!.kode_desa) as Required<ReturnType<typeof regionChain>>;
      return {
        desaCode: chain.desa,
        kecamatanCode: chain.kecamatan,
        kabupatenCode: chain.kabupaten,
        provinsiCode: chain.provinsi,
        kind: r.row!.jenis,
        code: r.row!.kode,
        source: 'impor',
        count: r.row!.jumlah,
        asOf: body.asOf,
        note: `${body.sourceLabel} ${body.asOf}`,
        importId,
        recordedBy: actor.id,
      };
    });
    for (let i = 0; i < values.length; i += 1000) await tx`INSERT INTO pemetaan_counts ${tx(values.slice(i, i + 1000))}`;
    await appendRequestEvent(tx, res, {
      key: 'pemetaan_import',
      action: 'pemetaan.imported',
      entityType: 'pemetaan_import',
      entityId: importId,
      details: {
        sourceLabel: body.sourceLabel,
        asOf: body.asOf,
        fileSha256: report.fileSha256,
        rows: checked.length,
        desa: [...new Set(values.map((v) => v.desaCode))].length,
      },
    });
  });
  return { status: 201, report: { ...report, importId } };
}
