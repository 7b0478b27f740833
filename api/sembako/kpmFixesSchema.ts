// Proposed KPM data fixes and the accepted changes for SIKS-NG (docs/sembako.md §1, "Data fixes"):
// the proposal's body, the fix as the API answers it, the list and export queries.
import { z } from 'zod';
import { KPM_FIX_KINDS, KPM_FIX_STATUSES, kpmFixProposalSchema, uuidSchema } from '../../domain/sembako';
import { kecamatanCodeSchema } from '../../domain/regions';
import { idsFilterSchema, listQuerySchema } from '../list';

export const kpmIdParamsSchema = z.strictObject({ id: uuidSchema });
export const kpmFixIdParamsSchema = z.strictObject({ id: uuidSchema });

/** What is wrong with the KPM and why the proposer says so; kind-specific fields (target desa, corrected NIK, the duplicated KPM). */
export const kpmFixBodySchema = kpmFixProposalSchema.meta({
  id: 'KpmFixProposal',
  example: { kind: 'meninggal', reason: 'Pengurus meninggal dunia pada 3 November 2026, akta kematian dari desa.' },
});

const openTaskSchema = z.object({
  taskId: z.string(),
  type: z.string(),
  regionCode: z.string(),
  assigneeId: z.string().nullable(),
  dueAt: z.string().nullable(),
});

export const kpmFixProposedSchema = z
  .object({
    id: uuidSchema,
    fixId: uuidSchema,
    kpmId: uuidSchema,
    kind: z.enum(KPM_FIX_KINDS),
    status: z.enum(KPM_FIX_STATUSES),
    kabupatenCode: z.string(),
    proposedBy: z.string(),
    decidedBy: z.string().nullable(),
    /** The sembako_kpm_fix_review task for the kabupaten operator. */
    openTasks: z.array(openTaskSchema),
  })
  .meta({ id: 'KpmFixProposed' });

/** A proposed fix. The corrected NIK is masked (`3373********0001`) unless the caller is the kecamatan's TKSK or the kabupaten supervisor. */
export const kpmFixSchema = z
  .object({
    id: uuidSchema,
    workflowId: z.string(),
    kpmId: uuidSchema,
    /** The KPM's DTKS/DTSEN id. */
    idKpm: z.string(),
    /** The pengurus's name; left out for auditors. */
    pengurusName: z.string().optional(),
    kind: z.enum(KPM_FIX_KINDS),
    targetDesaCode: z.string().nullable(),
    correctedNik: z.string().nullable(),
    duplicateOf: z.string().nullable(),
    /** The DTKS/DTSEN id of the duplicated KPM. */
    duplicateIdKpm: z.string().nullable(),
    reason: z.string(),
    status: z.enum(KPM_FIX_STATUSES),
    rejectReason: z.string().nullable(),
    desaCode: z.string(),
    kecamatanCode: z.string(),
    kabupatenCode: z.string(),
    proposedBy: z.string(),
    proposedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'KpmFix' });

const FIX_SORTABLE = ['proposedAt', 'status', 'kind'] as const;
export type KpmFixSortField = (typeof FIX_SORTABLE)[number];
export const kpmFixListQuerySchema = listQuerySchema(FIX_SORTABLE, {
  id: idsFilterSchema(uuidSchema),
  /** diajukan (open), diterima or ditolak. */
  status: z.enum(KPM_FIX_STATUSES).optional(),
  kind: z.enum(KPM_FIX_KINDS).optional(),
  kecamatanCode: kecamatanCodeSchema.optional(),
  kpmId: uuidSchema.optional(),
});
export type KpmFixListFilter = NonNullable<z.infer<typeof kpmFixListQuerySchema>['filter']>;

const CHANGE_SORTABLE = ['decidedAt'] as const;
export type KpmChangeSortField = (typeof CHANGE_SORTABLE)[number];
export const kpmChangeExportQuerySchema = listQuerySchema(CHANGE_SORTABLE, {
  id: idsFilterSchema(uuidSchema),
  /** The kecamatan the KPM lives in after the change. */
  kecamatanCode: kecamatanCodeSchema.optional(),
  kind: z.enum(KPM_FIX_KINDS).optional(),
}).omit({ range: true });
export type KpmChangeFilter = NonNullable<z.infer<typeof kpmChangeExportQuerySchema>['filter']>;
