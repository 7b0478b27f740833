// Bulk onboarding of accounts from a spreadsheet (issue #17): the columns (Indonesian headers, as a
// Dinas Sosial keeps its TKSK list), what one row must hold, and how a phone number, an e-mail and
// a derived username are normalised. The API checks every row with this; the portal words its
// columns from here.
import { z } from 'zod';
import { regionCodeSchema } from './regions';

/** Columns of an import file, in the order of the template. `username` may be left out. */
export const USER_IMPORT_COLUMNS = ['nama', 'peran', 'kode_wilayah', 'nomor_induk', 'nomor_sk', 'telepon', 'email', 'rekening', 'mulai', 'username'] as const;
export type UserImportColumn = (typeof USER_IMPORT_COLUMNS)[number];
export const USER_IMPORT_OPTIONAL_COLUMNS: readonly UserImportColumn[] = ['username', 'rekening'];

/** Roles a file may create (an admin is never imported: one at a time, with a second admin). */
export const IMPORT_ROLES = ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'] as const;

/**
 * An Indonesian phone number as +62…: `0812-3456-7890`, `62 812 3456 7890` and `+62 (812) 34567890`
 * are one number. Undefined when it is not one (8 to 13 digits after the country code, no leading 0).
 */
export function normalisePhone(text: string): string | undefined {
  const compact = text.replace(/[\s().-]/g, '');
  const national = /^\+62(\d+)$/.exec(compact)?.[1] ?? /^62(\d+)$/.exec(compact)?.[1] ?? /^0(\d+)$/.exec(compact)?.[1];
  return national && /^[1-9]\d{7,12}$/.test(national) ? `+62${national}` : undefined;
}

/** Lower case letters and digits of a name, its words joined by dots (`Wahyu Hidayat, S.Sos` → `wahyu.hidayat.s.sos`). */
const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The username of a row without one: the first two words of the name and the last four digits of
 * its nomor induk (`Wahyu Hidayat`, NIAT …0123 → `wahyu.hidayat.0123`). The same row always gives
 * the same username, so a re-import matches.
 */
export function deriveUsername(nama: string, nomorInduk: string): string {
  const words = slug(nama).slice(0, 2).join('.').slice(0, 50) || 'pengguna';
  return `${words}.${nomorInduk.replace(/\D/g, '').slice(-4) || '0000'}`;
}

const cell = z.string().trim();
const date = cell.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a calendar date');

/** One row as the import reads it (cells trimmed, empty optional cells left out). */
export const userImportRowSchema = z.strictObject({
  nama: cell.min(3, 'at least 3 characters').max(120),
  peran: z.enum(IMPORT_ROLES, { error: `one of ${IMPORT_ROLES.join(', ')}` }),
  kode_wilayah: regionCodeSchema,
  /** NIAT (TKSK) or NIP (civil servant): what a re-import matches an account on. */
  nomor_induk: cell.regex(/^[0-9A-Za-z./-]{5,40}$/, '5 to 40 letters, digits, dots, dashes or slashes'),
  nomor_sk: cell.min(3, 'at least 3 characters').max(120),
  telepon: cell.transform((t, ctx) => {
    const phone = normalisePhone(t);
    if (!phone) ctx.addIssue({ code: 'custom', message: 'an Indonesian phone number: 08…, 62… or +62…' });
    return phone ?? t;
  }),
  email: cell.toLowerCase().pipe(z.email('an e-mail address')),
  /** Where a TKSK's tali asih is paid (`BANK:number`); a TKSK's only. */
  rekening: cell.regex(/^[A-Z]{3,4}:[0-9][0-9-]{5,29}$/, 'BANK:number, e.g. BRI:0021-01-000123-50-1').optional(),
  mulai: date,
  username: cell.regex(/^[a-z0-9._-]{3,64}$/, 'lowercase letters, digits, dot, dash, underscore; 3-64').optional(),
});
export type UserImportRow = z.infer<typeof userImportRowSchema>;

/** Empty cells of optional columns are absent; the rest trimmed. */
export function normaliseUserImportCells(cells: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(cells)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
      .filter(([k, v]) => !(v === '' && (USER_IMPORT_OPTIONAL_COLUMNS as readonly string[]).includes(k))),
  );
}
