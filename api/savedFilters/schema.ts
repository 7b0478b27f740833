// Saved inbox filters (decision 0025): a name and a GET /api/tasks filter, the owner's own or
// shared with a role and/or a region.
import { z } from 'zod';
import { roleSchema } from '../../domain/roles';
import { listQuerySchema } from '../list';
import { taskListFilterShape } from '../tasks/schema';

export const savedFilterIdParamsSchema = z.object({ id: z.uuid() });

/** The filter a saved filter holds: exactly what GET /api/tasks accepts as `filter`. */
export const savedTaskFilterSchema = z.strictObject(taskListFilterShape);

export const savedFilterBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    filter: savedTaskFilterSchema,
    /** Shared with every user of this role (within sharedRegionCode when set too); null: not by role. */
    sharedRole: roleSchema.nullable().optional(),
    /** Shared with the users working in this region (within your own); null: not by region. */
    sharedRegionCode: z
      .string()
      .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'a Kemendagri region code')
      .nullable()
      .optional(),
  })
  .meta({
    id: 'SavedFilterInput',
    example: {
      name: 'Penting minggu ini',
      filter: { view: 'open', priority: ['high', 'urgent'] },
      sharedRole: 'supervisor_kabupaten',
      sharedRegionCode: '33.73',
    },
  });

export const savedFilterSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    name: z.string(),
    filter: z.record(z.string(), z.unknown()),
    sharedRole: roleSchema.nullable(),
    sharedRegionCode: z.string().nullable(),
    /** The caller owns it (may change and delete it). */
    mine: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedFilter' });

export const SAVED_FILTER_SORTABLE = ['name', 'createdAt'] as const;
export const savedFilterListQuerySchema = listQuerySchema(SAVED_FILTER_SORTABLE, {
  /** Only the caller's own (true) or only those shared with them (false). */
  mine: z.boolean().optional(),
});
export type SavedFilterListFilter = NonNullable<z.infer<typeof savedFilterListQuerySchema>['filter']>;
