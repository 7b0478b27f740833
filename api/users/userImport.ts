// Bulk onboarding: every row of an account file checked (its cells, the role/region rules of a
// single creation, duplicates within the file and against existing accounts), then all of it
// applied or none of it, imitating the KPM import (api/sembako/kpmImport.ts). Accounts are matched
// on their nomor induk: a known one is updated (its changed fields) or left alone, a new one is
// created without a usable password and gets an invitation (api/users/invitations.ts). A file that
// creates or changes a supervisor's or auditor's account waits for a second admin (one privileged
// request of kind `user_import`, whose confirmation runs the same check and apply).
import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { Sql, Tx } from '../../db';
import { needsSecondAdmin } from '../../domain/access';
import { regionLevel } from '../../domain/regions';
import type { Role } from '../../domain/roles';
import { canonicalJson } from '../../domain/seal';
import {
  deriveUsername,
  normalisePhone,
  normaliseUserImportCells,
  USER_IMPORT_COLUMNS,
  USER_IMPORT_OPTIONAL_COLUMNS,
  userImportRowSchema,
  type UserImportColumn,
  type UserImportRow,
} from '../../domain/userImport';
import { HttpProblem, validationProblem, type FieldIssue } from '../problem';
import { appendRequestEvent } from '../requestAudit';
import { CsvSyntaxError, parseCsv } from '../sembako/csvParse';
import { createAccount, type Confirmation } from './accounts';
import { issueInvitation, NO_PASSWORD } from './invitations';
import { USER_IMPORT_MAX_ROWS, type UserImportBody, type UserImportReport } from './importSchema';
import { ROLE_SCOPE } from './schema';

/** First key of the advisory lock an import holds (one account import at a time). */
const USER_IMPORT_LOCK = 7303;

export interface InputRow {
  index: number;
  line: number | null;
  cells: Record<string, unknown>;
}

interface CheckedRow extends InputRow {
  row?: UserImportRow;
  username: string;
  errors: { column: string; message: string }[];
}

/** An existing account as the import compares it (the columns of the file). */
interface Existing {
  id: string;
  username: string;
  role: Role;
  nomorInduk: string | null;
  email: string | null;
  phone: string | null;
  displayName: string;
  regionCode: string | null;
  nomorSk: string | null;
  bankAccount: string | null;
  mulai: string | null;
}

const pointer = (index: number, column: string) => `/body/rows/${index}${column ? `/${column}` : ''}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function csvProblem(detail: string): HttpProblem {
  return validationProblem([{ path: ['body', 'csv'], pointer: '/body/csv', message: detail, code: 'custom' }]);
}

/** The body's rows as cells: the CSV parsed (its header checked) or the `rows` as sent. */
export function userInputRows(body: Pick<UserImportBody, 'csv' | 'rows'>): InputRow[] {
  if (body.rows) return body.rows.map((cells, index) => ({ index, line: null, cells }));
  let table;
  try {
    table = parseCsv(body.csv ?? '');
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw csvProblem(`the file is not valid CSV: ${err.message}`);
    throw err;
  }
  const unknown = table.header.filter((h) => !(USER_IMPORT_COLUMNS as readonly string[]).includes(h));
  const missing = USER_IMPORT_COLUMNS.filter((c) => !USER_IMPORT_OPTIONAL_COLUMNS.includes(c) && !table.header.includes(c));
  const repeated = table.header.filter((h, i) => table.header.indexOf(h) !== i);
  const problems = [
    ...(unknown.length ? [`unknown column(s) ${unknown.join(', ')}`] : []),
    ...(missing.length ? [`missing column(s) ${missing.join(', ')}`] : []),
    ...(repeated.length ? [`repeated column(s) ${repeated.join(', ')}`] : []),
  ];
  if (problems.length) throw csvProblem(`the header line must name the columns ${USER_IMPORT_COLUMNS.join(', ')}: ${problems.join('; ')}`);
  if (!table.records.length) throw csvProblem('the file has a header but no rows');
  if (table.records.length > USER_IMPORT_MAX_ROWS) throw csvProblem(`at most ${USER_IMPORT_MAX_ROWS} rows per import (the file has ${table.records.length})`);
  return table.records.map((r, index) => {
    const cells: Record<string, unknown> = Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? '']));
    if (r.cells.length > table.header.length) cells[''] = r.cells.slice(table.header.length).join(',');
    return { index, line: r.line, cells };
  });
}

/** The rows a privileged request kept (cells in USER_IMPORT_COLUMNS order), as input rows again. */
export const privilegedImportRows = (rows: string[][]): InputRow[] =>
  rows.map((cells, index) => ({ index, line: null, cells: Object.fromEntries(USER_IMPORT_COLUMNS.map((c, i) => [c, cells[i] ?? ''])) }));

/** Each row's own cells, and the role/region rules of a single creation (ROLE_SCOPE). */
function checkCells(rows: InputRow[]): CheckedRow[] {
  return rows.map((r) => {
    const nama = text(r.cells.nama);
    const nomorInduk = text(r.cells.nomor_induk);
    const username = text(r.cells.username) || (nama && nomorInduk ? deriveUsername(nama, nomorInduk) : '');
    if ('' in r.cells) return { ...r, username, errors: [{ column: '', message: 'the row has more cells than the header has columns' }] };
    const parsed = userImportRowSchema.safeParse(normaliseUserImportCells(r.cells));
    if (!parsed.success) {
      const errors = parsed.error.issues.flatMap((i) =>
        i.code === 'unrecognized_keys'
          ? i.keys.map((k) => ({ column: k, message: `unknown column "${k}"` }))
          : [{ column: String(i.path[0] ?? ''), message: i.message }],
      );
      return { ...r, username, errors };
    }
    const row = parsed.data;
    const errors: CheckedRow['errors'] = [];
    const want = ROLE_SCOPE[row.peran];
    if (want && want !== 'any' && regionLevel(row.kode_wilayah) !== want)
      errors.push({ column: 'kode_wilayah', message: `role ${row.peran} is scoped to a ${want}` });
    if (row.rekening && row.peran !== 'tksk') errors.push({ column: 'rekening', message: 'only a TKSK has a bank account for tali asih' });
    return { ...r, row, username, errors };
  });
}

/** The region must exist; a TKSK's must be a current kecamatan (not retired by a later code list). */
async function checkRegions(tx: Tx, rows: CheckedRow[]): Promise<void> {
  const codes = [...new Set(rows.flatMap((r) => (r.row ? [r.row.kode_wilayah] : [])))];
  const found = new Map(
    codes.length
      ? (await tx<{ code: string; retiredIn: string | null }[]>`SELECT code, retired_in FROM regions WHERE code IN ${tx(codes)}`).map((r) => [
          r.code,
          r.retiredIn,
        ])
      : [],
  );
  for (const r of rows) {
    if (!r.row) continue;
    const code = r.row.kode_wilayah;
    if (!found.has(code)) r.errors.push({ column: 'kode_wilayah', message: `unknown region ${code}` });
    else if (r.row.peran === 'tksk' && found.get(code) !== null)
      r.errors.push({ column: 'kode_wilayah', message: `kecamatan ${code} was retired in region list ${found.get(code)}: use its current code` });
  }
}

const UNIQUE: { column: UserImportColumn; value: (r: CheckedRow) => string; label: string }[] = [
  { column: 'nomor_induk', value: (r) => r.row?.nomor_induk ?? text(r.cells.nomor_induk), label: 'nomor induk' },
  { column: 'username', value: (r) => r.username, label: 'username' },
  { column: 'email', value: (r) => r.row?.email ?? text(r.cells.email).toLowerCase(), label: 'e-mail' },
  { column: 'telepon', value: (r) => r.row?.telepon ?? normalisePhone(text(r.cells.telepon)) ?? '', label: 'phone number' },
];

/** The same nomor induk, username, e-mail or phone on two rows: every later row is refused, naming the first. */
function checkDuplicatesInFile(rows: CheckedRow[]): void {
  for (const u of UNIQUE) {
    const first = new Map<string, CheckedRow>();
    for (const r of rows) {
      const value = u.value(r);
      if (!value) continue;
      const earlier = first.get(value);
      if (!earlier) first.set(value, r);
      else
        r.errors.push({
          column: u.column,
          message: `the same ${u.label} as row ${earlier.index}${earlier.line === null ? '' : ` (line ${earlier.line})`}: one row per person`,
        });
    }
  }
}

/**
 * Against the accounts: a row's nomor induk matches its account (updated or unchanged); its
 * username, e-mail or phone held by another account is refused. An admin is never changed by a
 * file, and a matched account keeps its username.
 */
async function checkAccounts(tx: Tx, rows: CheckedRow[]): Promise<Map<string, Existing>> {
  const valid = rows.filter((r) => r.row && !r.errors.length);
  const values = (pick: (r: CheckedRow) => string) => [...new Set(valid.map(pick).filter(Boolean))];
  const or = (v: string[]) => (v.length ? v : ['']);
  const existing = valid.length
    ? await tx<Existing[]>`
        SELECT id, username, role, nomor_induk, email, phone, display_name, region_code, nomor_sk, bank_account, to_char(start_date, 'YYYY-MM-DD') AS mulai
        FROM users
        WHERE nomor_induk IN ${tx(or(values((r) => r.row!.nomor_induk)))} OR username IN ${tx(or(values((r) => r.username)))}
           OR email IN ${tx(or(values((r) => r.row!.email)))} OR phone IN ${tx(or(values((r) => r.row!.telepon)))}`
    : [];
  const byInduk = new Map(existing.flatMap((e) => (e.nomorInduk ? [[e.nomorInduk, e] as const] : [])));
  const holders = {
    username: new Map(existing.map((e) => [e.username, e])),
    email: new Map(existing.flatMap((e) => (e.email ? [[e.email, e] as const] : []))),
    telepon: new Map(existing.flatMap((e) => (e.phone ? [[e.phone, e] as const] : []))),
  };
  for (const r of valid) {
    const row = r.row!;
    const same = byInduk.get(row.nomor_induk);
    if (same) {
      if (same.role === 'admin') r.errors.push({ column: 'nomor_induk', message: 'this nomor induk is an admin account: an import does not change admins' });
      if (text(r.cells.username) && text(r.cells.username) !== same.username)
        r.errors.push({ column: 'username', message: `the account of this nomor induk is ${same.username}: an import does not rename it` });
      r.username = same.username;
    }
    for (const [column, value] of [
      ['username', r.username],
      ['email', row.email],
      ['telepon', row.telepon],
    ] as const) {
      const other = holders[column].get(value);
      if (other && other.id !== same?.id)
        r.errors.push({
          column,
          message:
            column === 'username' && !text(r.cells.username)
              ? `the derived username ${value} is taken by another account: give this row a username`
              : `another account already has this ${column === 'telepon' ? 'phone number' : column}`,
        });
    }
  }
  return byInduk;
}

/** The columns of an existing account that the row changes (an empty rekening keeps the account's). */
function changedColumns(before: Existing, row: UserImportRow): UserImportColumn[] {
  const pairs: [UserImportColumn, unknown, unknown][] = [
    ['nama', before.displayName, row.nama],
    ['peran', before.role, row.peran],
    ['kode_wilayah', before.regionCode, row.kode_wilayah],
    ['nomor_sk', before.nomorSk, row.nomor_sk],
    ['telepon', before.phone, row.telepon],
    ['email', before.email, row.email],
    ['rekening', before.bankAccount, row.rekening ?? before.bankAccount],
    ['mulai', before.mulai, row.mulai],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([c]) => c);
}

export interface ImportOutcome {
  status: 200 | 201 | 202;
  report: UserImportReport;
  /** The validated rows (cells) a privileged request keeps for its confirmation. */
  rows?: Record<string, unknown>[];
}

export interface ApplyOptions {
  dryRun: boolean;
  /** The portal's origin, for the invitation links. */
  portalBase: string;
  /** Set when a second admin confirms a privileged import: it is applied. Otherwise a privileged file answers 202. */
  confirmation?: Confirmation;
}

/**
 * Checks the rows and, unless it is a dry run, has invalid rows or waits for a second admin,
 * applies them in the caller's transaction. Invalid rows → 422 with the report; nothing written.
 */
export async function checkAndApply(tx: Tx, res: Response, input: InputRow[], o: ApplyOptions): Promise<ImportOutcome> {
  await tx`SELECT pg_advisory_xact_lock(${USER_IMPORT_LOCK}::int, 0)`;
  const rows = checkCells(input);
  await checkRegions(tx, rows);
  checkDuplicatesInFile(rows);
  const existing = await checkAccounts(tx, rows);

  let privileged = false;
  const verdicts = rows.map((r) => {
    const before = r.row ? existing.get(r.row.nomor_induk) : undefined;
    const base = {
      index: r.index,
      line: r.line,
      nomorInduk: text(r.cells.nomor_induk),
      username: r.username,
      role: r.row?.peran ?? null,
      userId: before?.id ?? null,
    };
    const errors = r.errors.map((e) => ({ column: e.column, pointer: pointer(r.index, e.column), message: e.message }));
    if (errors.length || !r.row) return { ...base, action: 'invalid' as const, errors };
    const touchesPrivileged = needsSecondAdmin(r.row.peran) || (before !== undefined && needsSecondAdmin(before.role));
    if (!before) {
      privileged ||= touchesPrivileged;
      return { ...base, action: 'created' as const, errors };
    }
    const changed = changedColumns(before, r.row);
    if (!changed.length) return { ...base, action: 'unchanged' as const, errors };
    privileged ||= touchesPrivileged;
    return { ...base, action: 'updated' as const, changedColumns: changed, errors };
  });
  const count = (a: string) => verdicts.filter((v) => v.action === a).length;
  const cells = rows.map((r) => normaliseUserImportCells(r.cells));
  const report: UserImportReport = {
    importId: null,
    dryRun: o.dryRun,
    fileSha256: sha256(canonicalJson(cells)),
    privileged,
    counts: { rows: rows.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), invalid: count('invalid') },
    rows: verdicts,
  };
  if (report.counts.invalid) {
    const issues: FieldIssue[] = verdicts.flatMap((v) =>
      v.errors.map((e) => ({ path: ['body', 'rows', v.index, ...(e.column ? [e.column] : [])], pointer: e.pointer, message: e.message, code: 'custom' })),
    );
    throw new HttpProblem(o.confirmation ? 409 : 422, `${report.counts.invalid} of ${rows.length} rows are invalid: nothing was imported`, {
      errors: issues,
      report,
    });
  }
  if (o.dryRun || (!report.counts.created && !report.counts.updated)) return { status: 200, report };
  if (privileged && !o.confirmation) return { status: 202, report, rows: cells };

  const importId = randomUUID();
  const actorId = (res.locals.actor as { id: string }).id;
  await tx`
    INSERT INTO user_imports (id, file_sha256, rows, created, updated, unchanged, imported_by, request_id)
    VALUES (${importId}, ${report.fileSha256}, ${rows.length}, ${report.counts.created}, ${report.counts.updated}, ${report.counts.unchanged},
            ${o.confirmation?.requestedBy ?? actorId}, ${o.confirmation?.requestId ?? null})`;
  const invitations = [];
  const createdIds: string[] = [];
  const updatedIds: string[] = [];
  for (const [i, r] of rows.entries()) {
    const v = verdicts[i];
    const row = r.row!;
    if (v.action === 'created') {
      const id = `usr_${randomUUID()}`;
      await createAccount(
        tx,
        res,
        {
          id,
          username: r.username,
          displayName: row.nama,
          role: row.peran,
          regionCode: row.kode_wilayah,
          passwordHash: NO_PASSWORD,
          bankAccount: row.rekening ?? null,
        },
        { ...o.confirmation, importId } as Confirmation,
      );
      await tx`
        UPDATE users SET nomor_induk = ${row.nomor_induk}, nomor_sk = ${row.nomor_sk}, phone = ${row.telepon}, email = ${row.email},
               start_date = ${row.mulai}, invitation_pending = true
        WHERE id = ${id}`;
      invitations.push(await issueInvitation(tx, res, { id, username: r.username, displayName: row.nama }, o.portalBase));
      createdIds.push(id);
      v.userId = id;
    } else if (v.action === 'updated') {
      const id = existing.get(row.nomor_induk)!.id;
      await tx`
        UPDATE users SET display_name = ${row.nama}, role = ${row.peran}, region_code = ${row.kode_wilayah}, nomor_sk = ${row.nomor_sk},
               phone = ${row.telepon}, email = ${row.email}, bank_account = coalesce(${row.rekening ?? null}, bank_account), start_date = ${row.mulai}
        WHERE id = ${id}`;
      // The columns that changed, never their values (a phone, an e-mail, a bank account).
      await appendRequestEvent(tx, res, {
        key: `user:${id}`,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        details: { importId, changedColumns: v.changedColumns, role: row.peran, regionCode: row.kode_wilayah, ...o.confirmation },
      });
      updatedIds.push(id);
    }
  }
  await appendRequestEvent(tx, res, {
    key: 'user_import',
    action: 'user.imported',
    entityType: 'user_import',
    entityId: importId,
    details: { fileSha256: report.fileSha256, counts: report.counts, createdIds, updatedIds, ...o.confirmation },
  });
  return { status: 201, report: { ...report, importId, invitations } };
}

/** The import as POST /api/admin/users/import runs it. */
export async function importUsers(sql: Sql, res: Response, input: InputRow[], o: ApplyOptions): Promise<ImportOutcome> {
  try {
    return await sql.begin((tx) => checkAndApply(tx, res, input, o));
  } catch (err) {
    if ((err as { code?: string }).code === '23505')
      throw new HttpProblem(409, 'another change took one of these usernames, e-mails or phone numbers meanwhile: send the file again');
    throw err;
  }
}
