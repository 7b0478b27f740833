import { z } from 'zod';
import { isoDateTimeSchema } from '../../domain/primitives';
import { listQuerySchema } from '../list';

export const auditListQuerySchema = listQuerySchema(['seq', 'at'] as const, {
  caseId: z.uuid().optional(),
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(40).optional(),
  /** From this time (inclusive), ISO 8601. */
  from: isoDateTimeSchema.optional(),
  /** Until this time (exclusive), ISO 8601. */
  to: isoDateTimeSchema.optional(),
});

export type AuditListFilter = NonNullable<z.infer<typeof auditListQuerySchema>['filter']>;

/** CSV export takes the same filter (and sort) as the list, without paging. */
export const auditExportQuerySchema = auditListQuerySchema.omit({ range: true });
