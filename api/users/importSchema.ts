// Bulk onboarding: the import body, its row-by-row report and the invitations (the zod schemas are
// the documentation: api/openapi.ts).
import { z } from 'zod';
import { IMPORT_ROLES, USER_IMPORT_COLUMNS } from '../../domain/userImport';

/** The largest file one import takes (a province has a few hundred TKSK). */
export const USER_IMPORT_MAX_ROWS = 2_000;
/** Request body limit of the import route (the rest of the API keeps 256 KiB). */
export const USER_IMPORT_BODY_LIMIT_BYTES = 1024 * 1024;
/** Days an invitation code stays valid. */
export const INVITATION_DAYS = 14;

const exampleCsv = [
  USER_IMPORT_COLUMNS.join(','),
  'Wahyu Hidayat,tksk,33.73.02,NIAT-3373-0123,SK 12/LJS/2026,0812-3456-7890,wahyu@example.id,BRI:0021-01-000123-50-1,2026-01-02,',
].join('\n');

export const userImportBodySchema = z
  .strictObject({
    /**
     * The file as text: a header line with the columns nama, peran, kode_wilayah, nomor_induk,
     * nomor_sk, telepon, email, rekening, mulai, username (rekening and username may be left out),
     * separated by ',' or ';' (decided by the header line).
     */
    csv: z.string().min(1).max(USER_IMPORT_BODY_LIMIT_BYTES).optional(),
    /** The same rows already split into cells (keys are the column names), instead of `csv`. */
    rows: z.array(z.record(z.string(), z.string())).min(1).max(USER_IMPORT_MAX_ROWS).optional(),
    /** Check only: answer the report, write nothing. */
    dryRun: z.boolean().default(false),
    /** Why: required when the file has a supervisor or auditor (a second admin confirms the import). */
    reason: z.string().trim().min(5).max(2000).optional(),
  })
  .refine((b) => (b.csv === undefined) !== (b.rows === undefined), { message: 'send the file as `csv` or as `rows`, not both', path: ['csv'] })
  .meta({ id: 'UserImport', example: { csv: exampleCsv, dryRun: true } });
export type UserImportBody = z.infer<typeof userImportBodySchema>;

export const USER_ROW_ACTIONS = ['created', 'updated', 'unchanged', 'invalid'] as const;

export const userImportRowReportSchema = z.object({
  /** 0-based index among the data rows (the `rows/<index>` of an error's pointer). */
  index: z.number().int(),
  /** Line of the CSV file where the row starts (null for `rows` input). */
  line: z.number().int().nullable(),
  /** The row's nomor_induk as sent. */
  nomorInduk: z.string(),
  /** The account's username: given, derived from the name and nomor induk, or the existing account's. */
  username: z.string(),
  role: z.enum(IMPORT_ROLES).nullable(),
  action: z.enum(USER_ROW_ACTIONS),
  /** The existing account's id (updated, unchanged) or the new one's after an apply. */
  userId: z.string().nullable(),
  /** For an update: the columns whose value changes. */
  changedColumns: z.array(z.enum(USER_IMPORT_COLUMNS)).optional(),
  errors: z.array(z.object({ column: z.string(), pointer: z.string(), message: z.string() })),
});

/** A one-time code, shown in the apply's answer only (stored as a hash). */
export const invitationSchema = z
  .object({
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    code: z.string(),
    /** The portal page that accepts it: `<portal>/admin/#/undangan?kode=…`. Nothing is sent: the admin passes it on. */
    link: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invitation' });

export const userImportReportSchema = z
  .object({
    /** Set once applied. */
    importId: z.string().nullable(),
    dryRun: z.boolean(),
    fileSha256: z.string(),
    /** The file has a supervisor or auditor to create or change: its apply waits for a second admin. */
    privileged: z.boolean(),
    counts: z.object({ rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number(), invalid: z.number() }),
    rows: z.array(userImportRowReportSchema),
    /** After an apply: one invitation per created account (only in this answer). */
    invitations: z.array(invitationSchema).optional(),
  })
  .meta({ id: 'UserImportReport' });
export type UserImportReport = z.infer<typeof userImportReportSchema>;

export const acceptInvitationBodySchema = z
  .strictObject({
    code: z.string().trim().min(10).max(200),
    /** The account's password from now on, at least 10 characters. */
    password: z.string().min(10, 'at least 10 characters').max(256),
  })
  .meta({ id: 'AcceptInvitation', example: { code: 'kode-dari-admin-anda-000000000000', password: 'sandi-pilihan-sendiri' } });
