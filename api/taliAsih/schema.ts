import { z } from 'zod';
import { fundingSourceSchema, periodSchema } from '../../domain/taliAsih';
import { listQuerySchema } from '../list';

export const CLAIM_STATUSES = ['report', 'verification', 'approval', 'awaiting_budget', 'disbursing', 'paid', 'rejected'] as const;

export const createClaimBodySchema = z
  .strictObject({
    /** The TKSK the claim is for; a TKSK may omit it (their own claim). */
    tkskId: z.string().min(1).max(100).optional(),
    /** Monthly period, YYYY-MM. */
    period: periodSchema,
  })
  .meta({ id: 'CreateClaim', example: { period: '2026-11' } });

export const claimIdParamsSchema = z.object({ id: z.string().regex(/^tali-asih-[\w.-]{1,120}-\d{4}-\d{2}$/, 'a claim id is tali-asih-<tkskId>-<YYYY-MM>') });

export const claimListQuerySchema = listQuerySchema(['createdAt', 'updatedAt', 'period', 'status', 'totalAmount'] as const, {
  id: z.union([z.string(), z.array(z.string()).max(500)]).optional(),
  period: periodSchema.optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  tkskId: z.string().optional(),
  kabupatenCode: z.string().optional(),
});
export const claimExportQuerySchema = claimListQuerySchema.omit({ range: true });

export const budgetBodySchema = z
  .strictObject({
    period: periodSchema,
    fundingSource: fundingSourceSchema,
    /** Whole rupiah allocated to the provinsi for the period and source; never below what is reserved or paid. */
    allocated: z.number().int().min(0).max(1_000_000_000_000),
  })
  .meta({ id: 'Budget', example: { period: '2026-11', fundingSource: 'APBN', allocated: 50_000_000 } });

export const budgetListQuerySchema = listQuerySchema(['period', 'fundingSource'] as const, {
  period: periodSchema.optional(),
  fundingSource: fundingSourceSchema.optional(),
});

export const periodQuerySchema = z.object({ period: periodSchema });
