// Sanction recommendations about an e-warong/agen (Permensos 5/2021 Pasal 58): the proposal's body, its row, the list query.
import { z } from 'zod';
import { SANCTION_KINDS, SANCTION_STATUSES, uuidSchema } from '../../domain/sembako';
import { desaCodeSchema } from '../../domain/regions';
import { idsFilterSchema, listQuerySchema } from '../list';

export const proposeSanctionBodySchema = z
  .strictObject({
    /** The e-warong or agen, by name and desa (there is no e-warong register yet). */
    eWarong: z.strictObject({ name: z.string().trim().min(2).max(200), desaCode: desaCodeSchema }),
    /** Complaints of the kabupaten that ground the recommendation, by id. */
    complaintIds: z.array(uuidSchema).max(100).default([]),
    /** Distribution periods whose monitoring grounds it, by id (`sembako-<kecamatan>-<YYYY-MM>`). */
    periodIds: z
      .array(z.string().regex(/^sembako-\d{2}\.\d{2}\.\d{2}-20\d{2}-\d{2}$/))
      .max(100)
      .default([]),
    kind: z.enum(SANCTION_KINDS),
    /** Repayment of losses (pengembalian dana) the e-warong should make, in rupiah; optional. */
    pengembalianDana: z.number().int().positive().max(10_000_000_000).optional(),
    /** Why: shown to the approver and written into the letter. */
    reasoning: z.string().trim().min(20).max(4000),
  })
  .refine((b) => b.complaintIds.length + b.periodIds.length > 0, { path: ['complaintIds'], message: 'name at least one complaint or period monitoring' })
  .meta({
    id: 'SanctionProposal',
    example: {
      eWarong: { name: 'E-Warong Blotongan Makmur', desaCode: '33.73.01.1001' },
      complaintIds: ['0b9c1e2a-4f1d-4c7a-9a51-6d3f1f1e2a10'],
      periodIds: [],
      kind: 'penonaktifan_sementara',
      reasoning: 'Harga beras di atas harga pasar pada tiga penyaluran berturut-turut dan KPM diarahkan membeli paket.',
    },
  });

export const sanctionIdParamsSchema = z.strictObject({ id: uuidSchema });

export const sanctionRowSchema = z
  .object({
    id: uuidSchema,
    letterNumber: z.string(),
    eWarong: z.object({ name: z.string(), desaCode: z.string() }),
    kecamatanCode: z.string(),
    kabupatenCode: z.string(),
    complaintIds: z.array(z.string()),
    periodIds: z.array(z.string()),
    kind: z.enum(SANCTION_KINDS),
    pengembalianDana: z.number().nullable(),
    reasoning: z.string(),
    status: z.enum(SANCTION_STATUSES),
    decisionReason: z.string().nullable(),
    proposedBy: z.string(),
    decidedBy: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'SanctionRecommendation' });

const SORTABLE = ['createdAt', 'status', 'kind'] as const;
export type SanctionSortField = (typeof SORTABLE)[number];
export const sanctionListQuerySchema = listQuerySchema(SORTABLE, {
  id: idsFilterSchema(uuidSchema),
  status: z.enum(SANCTION_STATUSES).optional(),
  kind: z.enum(SANCTION_KINDS).optional(),
  kecamatanCode: z.string().optional(),
});
export type SanctionListFilter = NonNullable<z.infer<typeof sanctionListQuerySchema>['filter']>;

export const sanctionProposedSchema = z
  .object({
    id: uuidSchema,
    sanctionId: uuidSchema,
    status: z.enum(SANCTION_STATUSES),
    kabupatenCode: z.string(),
    proposedBy: z.string(),
    decidedBy: z.string().nullable(),
    openTasks: z.array(
      z.object({ taskId: z.string(), type: z.string(), regionCode: z.string(), assigneeId: z.string().nullable(), dueAt: z.string().nullable() }),
    ),
  })
  .meta({ id: 'SanctionProposed' });
