// Pemetaan sosial: request and answer schemas (they are the OpenAPI docs).
import { z } from 'zod';
import { isoDateSchema } from '../../domain/primitives';
import {
  PEMETAAN_IMPORT_COLUMNS,
  PEMETAAN_IMPORT_SOURCES,
  PEMETAAN_KINDS,
  PEMETAAN_SOURCES,
  pemetaanCountsBodySchema,
  RECORDED_SOURCES,
} from '../../domain/psks';
import { desaCodeSchema, REGION_LEVELS, regionCodeSchema } from '../../domain/regions';
import { listQuerySchema } from '../list';

export { pemetaanRegionQuerySchema } from '../../domain/psks';

/** One cell of the matrix: a category's count from one source. */
export const pemetaanCellSchema = z.object({
  kind: z.enum(PEMETAAN_KINDS),
  /** PPKS code (ABT … KAT) or PSKS type code. */
  code: z.string(),
  source: z.enum(PEMETAAN_SOURCES),
  count: z.number().int(),
  /** As of: today for the computed sources; the count's date for recorded ones (summed over several desa: the oldest). */
  asOf: z.string(),
  /** Recorded sources: how many desa of the row have a count (computed sources: null). */
  desaCounted: z.number().int().nullable(),
});

const categorySchema = z.object({ code: z.string(), nameId: z.string(), nameEn: z.string() });
const regionRefSchema = z.object({ code: z.string(), name: z.string(), level: z.enum(REGION_LEVELS) });

export const pemetaanMatrixSchema = z
  .object({
    region: regionRefSchema,
    /** The level of the rows: the region's children (a desa: itself). */
    rowLevel: z.enum(REGION_LEVELS),
    /** Today in WIB: the date of the computed counts. */
    asOf: z.string(),
    pmksVersion: z.string(),
    psksVersion: z.string(),
    categories: z.object({ ppks: z.array(categorySchema), psks: z.array(categorySchema) }),
    rows: z.array(z.object({ code: z.string(), name: z.string(), cells: z.array(pemetaanCellSchema) })),
    /** The region's own totals (the rows summed). */
    totals: z.array(pemetaanCellSchema),
  })
  .meta({ id: 'PemetaanMatrix' });

export const pemetaanCountsSchema = pemetaanCountsBodySchema.meta({
  id: 'PemetaanCounts',
  example: {
    desaCode: '33.73.01.1001',
    asOf: '2026-11-20',
    counts: [
      { kind: 'ppks', code: 'LUT', count: 14 },
      { kind: 'ppks', code: 'PD', count: 9 },
      { kind: 'psks', code: 'PSM', count: 4 },
    ],
    note: 'Hasil musyawarah desa dan kunjungan RT.',
  },
});

export const pemetaanRecordSchema = z.object({
  id: z.string(),
  desaCode: z.string(),
  kind: z.enum(PEMETAAN_KINDS),
  code: z.string(),
  source: z.enum(RECORDED_SOURCES),
  count: z.number().int(),
  asOf: z.string(),
  note: z.string().nullable(),
  importId: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** The cell's count before this one (null: its first). */
  previousCount: z.number().int().nullable(),
});
export const pemetaanCountsResultSchema = z
  .object({ desaCode: z.string(), asOf: z.string(), recorded: z.array(pemetaanRecordSchema) })
  .meta({ id: 'PemetaanCountsResult' });

const HISTORY_SORTABLE = ['recordedAt', 'asOf'] as const;
export type PemetaanHistorySortField = (typeof HISTORY_SORTABLE)[number];
export const pemetaanHistoryQuerySchema = listQuerySchema(HISTORY_SORTABLE, {
  /** A region code: its counts and those of every desa below it. */
  region: regionCodeSchema.optional(),
  desaCode: desaCodeSchema.optional(),
  kind: z.enum(PEMETAAN_KINDS).optional(),
  code: z.string().min(1).max(12).optional(),
  source: z.enum(RECORDED_SOURCES).optional(),
});
export type PemetaanHistoryFilter = NonNullable<z.infer<typeof pemetaanHistoryQuerySchema>['filter']>;

export const PEMETAAN_IMPORT_MAX_ROWS = 20_000;
export const PEMETAAN_IMPORT_FILE_MAX_BYTES = 4 * 1024 * 1024;
const XLSX_MAX_BASE64 = Math.ceil(PEMETAAN_IMPORT_FILE_MAX_BYTES / 3) * 4;
export const PEMETAAN_IMPORT_BODY_LIMIT_BYTES = XLSX_MAX_BASE64 + 64 * 1024;

export const pemetaanImportBodySchema = z
  .strictObject({
    /** Where the extract comes from. */
    sourceLabel: z.enum(PEMETAAN_IMPORT_SOURCES),
    /** The extract's date (DTSEN is updated every three months), YYYY-MM-DD, not in the future. */
    asOf: isoDateSchema,
    /** CSV text: header kode_desa, jenis (ppks or psks), kode (category code), jumlah; ',' or ';'. */
    csv: z.string().min(1).max(PEMETAAN_IMPORT_FILE_MAX_BYTES).optional(),
    /** The same rows already split into cells, instead of `csv`. */
    rows: z.array(z.record(z.string(), z.string())).min(1).max(PEMETAAN_IMPORT_MAX_ROWS).optional(),
    /** An Excel workbook (.xlsx) in base64, instead of `csv`: its first sheet, the first row naming the same columns. */
    xlsx: z.base64().min(1).max(XLSX_MAX_BASE64).optional(),
    /** Check only: answer the report, write nothing. */
    dryRun: z.boolean().default(false),
  })
  .refine((b) => [b.csv, b.rows, b.xlsx].filter((v) => v !== undefined).length === 1, {
    message: 'send the file as exactly one of `csv`, `rows` or `xlsx`',
    path: ['csv'],
  })
  .meta({
    id: 'PemetaanImport',
    example: {
      sourceLabel: 'DTSEN',
      asOf: '2026-10-01',
      csv: [PEMETAAN_IMPORT_COLUMNS.join(','), '33.73.01.1001,ppks,FM,120', '33.73.01.1001,ppks,LUT,16', '33.73.01.1002,psks,KT,1'].join('\n'),
      dryRun: true,
    },
  });
export type PemetaanImportBody = z.infer<typeof pemetaanImportBodySchema>;

export const pemetaanImportReportSchema = z
  .object({
    /** The import's id (null for a dry run or a refused file). */
    importId: z.string().nullable(),
    dryRun: z.boolean(),
    sourceLabel: z.enum(PEMETAAN_IMPORT_SOURCES),
    asOf: z.string(),
    fileSha256: z.string(),
    counts: z.object({ rows: z.number().int(), valid: z.number().int(), invalid: z.number().int() }),
    rows: z.array(
      z.object({
        index: z.number().int(),
        /** CSV line or XLSX row number (null for `rows` input). */
        line: z.number().int().nullable(),
        valid: z.boolean(),
        errors: z.array(z.object({ column: z.string(), pointer: z.string(), message: z.string() })),
      }),
    ),
  })
  .meta({ id: 'PemetaanImportReport' });
export type PemetaanImportReport = z.infer<typeof pemetaanImportReportSchema>;
