// The directory: the names behind the codes the portal shows (people by user id, regions by
// Kemendagri code), read by react-admin's getMany.
import { z } from 'zod';
import { REGION_LEVELS, regionCodeSchema } from '../../domain/regions';
import { roleSchema } from '../../domain/roles';
import { idsFilterSchema, listQuerySchema } from '../list';

export const peopleListQuerySchema = listQuerySchema(['displayName'] as const, {
  /** One user id or several (react-admin's getMany). */
  id: idsFilterSchema(z.string().max(100)),
});
export type PeopleListFilter = NonNullable<z.infer<typeof peopleListQuerySchema>['filter']>;

/** A colleague's name and role: nothing else (no username, no region, no status). */
export const personSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    role: roleSchema,
  })
  .meta({ id: 'Person', example: { id: 'usr_tksk1', displayName: 'Budi Santoso (TKSK Sidorejo)', role: 'tksk' } });

export const regionListQuerySchema = listQuerySchema(['name', 'code'] as const, {
  /** One code or several (react-admin's getMany). */
  id: idsFilterSchema(regionCodeSchema),
  /** The regions directly below this code, e.g. the desa of a kecamatan. */
  parentCode: regionCodeSchema.optional(),
  level: z.enum(REGION_LEVELS).optional(),
  /** Part of the name, any case (e.g. `salatiga`): a lookup over the whole list of Indonesia. */
  q: z.string().trim().min(2).max(100).optional(),
  /** `true`: only codes of the list in force (no code retired by a later list). Pickers use it; lookups by id do not, so an old code keeps its name. */
  current: z.boolean().optional(),
});
export type RegionListFilter = NonNullable<z.infer<typeof regionListQuerySchema>['filter']>;

/** A region of the reference list (Kemendagri codes and names). */
export const regionSchema = z
  .object({
    /** The code (react-admin's id). */
    id: z.string(),
    name: z.string(),
    level: z.enum(REGION_LEVELS),
    parentCode: z.string().nullable(),
    /** The list version that retired this code (an area split or merged), or null while it is in force. */
    retiredIn: z.string().nullable(),
    /** The codes that replaced a retired code (region_code_changes); empty otherwise. */
    replacedBy: z.array(z.string()),
  })
  .meta({ id: 'Region', example: { id: '33.73.01.1001', name: 'Blotongan', level: 'desa', parentCode: '33.73.01', retiredIn: null, replacedBy: [] } });
