// Program Sembako's KPM register: the import body, its report, the list and the export (the zod
// schemas are the documentation: api/openapi.ts).
import { z } from 'zod';
import {
  CARD_PROBLEM_KINDS,
  distributionPointSchema,
  HIMBARA_BANKS,
  KPM_COLUMNS,
  KPM_INACTIVE_REASONS,
  KPM_STATUSES,
  PKH_STATUSES,
  SEMBAKO_CHANNELS,
  SEMBAKO_PERIOD_STATUSES,
  sembakoPeriodSchema,
  uuidSchema,
  type SembakoPeriodSnapshot,
} from '../../domain/sembako';
import { desaCodeSchema, kabupatenCodeSchema, kecamatanCodeSchema } from '../../domain/regions';
import { idsFilterSchema, listQuerySchema } from '../list';

/** The largest KPM file one import takes (a kecamatan has a few thousand KPM; a row is ~150 bytes). */
export const KPM_IMPORT_MAX_ROWS = 20_000;
/** The largest CSV text or XLSX file one import takes. */
export const KPM_IMPORT_FILE_MAX_BYTES = 4 * 1024 * 1024;
/** An XLSX file of KPM_IMPORT_FILE_MAX_BYTES in base64. */
export const KPM_IMPORT_XLSX_MAX_BASE64 = Math.ceil(KPM_IMPORT_FILE_MAX_BYTES / 3) * 4;
/** Request body limit of the import route (the rest of the API keeps 256 KiB): room for the base64 of a 4 MiB workbook. */
export const KPM_IMPORT_BODY_LIMIT_BYTES = KPM_IMPORT_XLSX_MAX_BASE64 + 64 * 1024;

const exampleCsv = [
  KPM_COLUMNS.join(','),
  '3373010000012345,3373010000099901,5264221234567890,3373011203040001,3373015708620001,Siti Aminah,pkh,33.73.01.1001,kks,BRI',
  '3373010000012346,,,3373011203040002,3373010101700002,Slamet Riyadi,non_pkh,33.73.01.1002,pos,',
].join('\n');

export const kpmImportBodySchema = z
  .strictObject({
    /** The kecamatan whose register the file is: every row's desa must lie in it. */
    kecamatanCode: kecamatanCodeSchema,
    /**
     * The file as text: a header line with the columns id_kpm, id_pengurus, no_kks, no_kk,
     * nik_pengurus, nama_pengurus, status_pkh, kode_desa, saluran, bank (id_pengurus, no_kks and
     * bank may be left out), separated by ',' or ';' (decided by the header line).
     */
    csv: z.string().min(1).max(KPM_IMPORT_FILE_MAX_BYTES).optional(),
    /** The same rows already split into cells (keys are the column names), instead of `csv`. */
    rows: z.array(z.record(z.string(), z.string())).min(1).max(KPM_IMPORT_MAX_ROWS).optional(),
    /**
     * An Excel workbook (.xlsx, at most 4 MiB) in base64, instead of `csv`: its first sheet, the
     * first non-empty row naming the same columns as the CSV header. Identifier columns (id_kpm,
     * no_kk, nik_pengurus, no_kks, id_pengurus) must be stored as text: Excel keeps only 15 digits
     * of a number, so a 16-digit NIK stored as a number is refused row by row.
     */
    xlsx: z.base64().min(1).max(KPM_IMPORT_XLSX_MAX_BASE64).optional(),
    /** Check only: answer the report, write nothing. */
    dryRun: z.boolean().default(false),
  })
  .refine((b) => [b.csv, b.rows, b.xlsx].filter((v) => v !== undefined).length === 1, {
    message: 'send the file as exactly one of `csv`, `rows` or `xlsx`',
    path: ['csv'],
  })
  .meta({ id: 'KpmImport', example: { kecamatanCode: '33.73.01', csv: exampleCsv, dryRun: true } });
export type KpmImportBody = z.infer<typeof kpmImportBodySchema>;

export const KPM_ROW_ACTIONS = ['created', 'updated', 'unchanged', 'invalid'] as const;

/** One row's verdict. */
export const kpmImportRowSchema = z.object({
  /** 0-based index among the data rows (the `rows/<index>` of an error's pointer). */
  index: z.number().int(),
  /** Line of the CSV file where the row starts, or the row number of the XLSX sheet (null for `rows` input). */
  line: z.number().int().nullable(),
  /** The row's id_kpm as sent (empty when missing). */
  idKpm: z.string(),
  action: z.enum(KPM_ROW_ACTIONS),
  /** For an update: the columns whose value changes. */
  changedColumns: z.array(z.enum(KPM_COLUMNS)).optional(),
  errors: z.array(z.object({ column: z.string(), pointer: z.string(), message: z.string() })),
});

export const kpmImportCountsSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
  /** KPM of the kecamatan's register that the file does not list (reported, not removed). */
  missing: z.number().int(),
});

/** The import report: answered for a dry run and an import; inside the 422 problem when rows are invalid. */
export const kpmImportReportSchema = z
  .object({
    /** The import's id; null when nothing was written (a dry run, an invalid file, or a file identical to the register). */
    importId: z.string().nullable(),
    kecamatanCode: z.string(),
    dryRun: z.boolean(),
    /** SHA-256 of the normalised rows: the same file gives the same digest. */
    fileSha256: z.string(),
    counts: kpmImportCountsSchema,
    rows: z.array(kpmImportRowSchema),
    /** Register ids of the KPM the file does not list. */
    missingIds: z.array(z.string()),
  })
  .meta({ id: 'KpmImportReport' });
export type KpmImportReport = z.infer<typeof kpmImportReportSchema>;

const KPM_SORTABLE = ['updatedAt', 'createdAt', 'desaCode', 'idKpm'] as const;
export type KpmSortField = (typeof KPM_SORTABLE)[number];

export const kpmListQuerySchema = listQuerySchema(KPM_SORTABLE, {
  id: idsFilterSchema(uuidSchema),
  idKpm: z.string().optional(),
  kecamatanCode: kecamatanCodeSchema.optional(),
  desaCode: desaCodeSchema.optional(),
  pkhStatus: z.enum(PKH_STATUSES).optional(),
  channel: z.enum(SEMBAKO_CHANNELS).optional(),
  bank: z.enum(HIMBARA_BANKS).optional(),
  /** aktif or nonaktif. */
  status: z.enum(KPM_STATUSES).optional(),
});
export type KpmListFilter = NonNullable<z.infer<typeof kpmListQuerySchema>['filter']>;
export const kpmExportQuerySchema = kpmListQuerySchema.omit({ range: true });

/** A KPM of the register. NIK, KK and KKS numbers masked (`3373********0001`) unless the caller is the kecamatan's TKSK or the kabupaten supervisor. */
export const kpmSchema = z
  .object({
    id: z.string(),
    idKpm: z.string(),
    idPengurus: z.string().nullable(),
    kksNumber: z.string().nullable(),
    kkNumber: z.string(),
    pengurusNik: z.string(),
    /** Left out of auditors' lists. */
    pengurusName: z.string().optional(),
    pkhStatus: z.enum(PKH_STATUSES),
    channel: z.enum(SEMBAKO_CHANNELS),
    bank: z.enum(HIMBARA_BANKS).nullable(),
    desaCode: z.string(),
    kecamatanCode: z.string(),
    kabupatenCode: z.string(),
    /** aktif, or nonaktif after an accepted data fix; imports never change it. */
    status: z.enum(KPM_STATUSES),
    /** Why the KPM is nonaktif (null while aktif). */
    statusReason: z.enum(KPM_INACTIVE_REASONS).nullable(),
    lastImportId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Kpm' });

export const openSembakoPeriodBodySchema = z
  .strictObject({
    /** The kecamatan; a TKSK's own when left out. */
    kecamatanCode: kecamatanCodeSchema.optional(),
    period: sembakoPeriodSchema,
    /** The e-warong, agen or PT Pos points of the period: one monitoring task each. */
    distributionPoints: z.array(distributionPointSchema).min(1).max(200),
  })
  .refine((b) => new Set(b.distributionPoints.map((p) => p.pointId)).size === b.distributionPoints.length, {
    message: 'each distribution point needs its own pointId',
    path: ['distributionPoints'],
  })
  .meta({
    id: 'SembakoPeriodOpen',
    example: {
      period: '2026-12',
      distributionPoints: [
        { pointId: 'ew-blotongan', name: 'E-Warong Blotongan Makmur', kind: 'e_warong', desaCode: '33.73.01.1001' },
        { pointId: 'agen-pulutan', name: 'Agen BRILink Pulutan', kind: 'agen', desaCode: '33.73.01.1006' },
      ],
    },
  });

/** The period as its workflow holds it. */
export const sembakoPeriodSnapshotSchema = z
  .object({
    periodId: z.string(),
    period: z.string(),
    kecamatanCode: z.string(),
    status: z.enum(SEMBAKO_PERIOD_STATUSES),
    monitored: z.array(z.string()),
    openTasks: z.array(
      z.object({ taskId: z.string(), type: z.string(), regionCode: z.string(), assigneeId: z.string().nullable(), dueAt: z.string().nullable() }),
    ),
  })
  .meta({ id: 'SembakoPeriodSnapshot' }) satisfies z.ZodType<SembakoPeriodSnapshot>;

/** A distribution period of a kecamatan: its points and the checklist its monitoring uses. */
export const sembakoPeriodRowSchema = z
  .object({
    /** sembako-<kecamatan>-<period>, also the workflow id. */
    id: z.string(),
    period: z.string(),
    kecamatanCode: z.string(),
    kabupatenCode: z.string(),
    status: z.enum(SEMBAKO_PERIOD_STATUSES),
    points: z.array(z.object({ pointId: z.string(), name: z.string(), kind: z.string(), desaCode: z.string() })),
    checklist: z.array(z.object({ itemId: z.string(), label: z.string() })),
    /** Who opened it; null when the kabupaten's distribution calendar did (the system). */
    openedBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    kecamatanName: z.string().nullable(),
    /** Points whose monitoring is summed below; null until every point is monitored. */
    pointsMonitored: z.number().int().nullable(),
    /** KPM on the points' lists for the period, and how many collected their benefit. */
    kpmListed: z.number().int().nullable(),
    kpmServed: z.number().int().nullable(),
    /** kpmServed / kpmListed, 0..1; null until monitored or when no KPM were listed. */
    realisation: z.number().nullable(),
    /** Card problems summed over the points, per bank and kind. */
    cardProblems: z.array(z.object({ bank: z.enum(HIMBARA_BANKS), kind: z.enum(CARD_PROBLEM_KINDS), count: z.number().int() })),
    cardProblemsTotal: z.number().int(),
    /** Checklist items answered not ok, over all points. */
    failedItems: z.number().int().nullable(),
    /** Points whose revocation the TKSK recommends. */
    revocationsRecommended: z.array(z.string()),
    /** The period report as last submitted (narrative, kendala). */
    report: z.record(z.string(), z.unknown()).nullable(),
    /** Complaints of the kecamatan not closed or withdrawn (now, not only of this period). */
    openComplaints: z.number().int(),
    /** The TKSK's check of the period's KPM list against the register (counts); null until done, or in periods opened before the step. */
    kpmCheck: z
      .object({
        checkedOn: z.string(),
        kpmListed: z.number().int(),
        kpmFound: z.number().int(),
        kpmNotFound: z.number().int(),
        problems: z.object({ meninggal: z.number().int(), pindah: z.number().int(), ganda: z.number().int(), tidakLayak: z.number().int() }),
        registerActive: z.number().int().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'SembakoPeriod' });

export const sembakoPeriodIdParamsSchema = z.object({ id: z.string().regex(/^sembako-\d{2}\.\d{2}\.\d{2}-20\d{2}-\d{2}$/, 'sembako-<kecamatan>-<YYYY-MM>') });

const PERIOD_SORTABLE = ['period', 'createdAt', 'updatedAt', 'kecamatanCode', 'status'] as const;
export type SembakoPeriodSortField = (typeof PERIOD_SORTABLE)[number];
export const sembakoPeriodListQuerySchema = listQuerySchema(PERIOD_SORTABLE, {
  id: idsFilterSchema(z.string()),
  period: sembakoPeriodSchema.optional(),
  kecamatanCode: kecamatanCodeSchema.optional(),
  kabupatenCode: kabupatenCodeSchema.optional(),
  status: z.enum(SEMBAKO_PERIOD_STATUSES).optional(),
});
export type SembakoPeriodListFilter = NonNullable<z.infer<typeof sembakoPeriodListQuerySchema>['filter']>;
