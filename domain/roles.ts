// Roles of PRODUCT.md §1 and the actor that travels with every API call and workflow Update.
import { z } from 'zod';
import { regionCovers } from './regions';

export const ROLES = ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS_ID: Record<Role, string> = {
  tksk: 'TKSK',
  supervisor_kabupaten: 'Supervisor Dinas Sosial Kabupaten/Kota',
  supervisor_provinsi: 'Supervisor Dinas Sosial Provinsi',
  auditor: 'Auditor',
  admin: 'Administrator',
};

export const actorSchema = z.object({
  /** User id. */
  id: z.string().min(1),
  username: z.string().min(1),
  role: roleSchema,
  /** The region the user's access is scoped to; null = national. */
  regionCode: z.string().nullable(),
});
export type Actor = z.infer<typeof actorSchema>;

/** Can this actor act on something located in `regionCode`? */
export function actorCoversRegion(actor: Pick<Actor, 'regionCode'>, regionCode: string): boolean {
  return regionCovers(actor.regionCode, regionCode);
}
