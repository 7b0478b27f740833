// Roles and the actor that travels with every API call and workflow Update. (Their labels are
// the portal's words: admin/src/i18n, `kesos.role.*`.)
import { z } from 'zod';
import { regionCovers } from './regions';

export const ROLES = ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The Dinas Sosial supervisors: review decisions, interventions, budgets. */
export const SUPERVISOR_ROLES = ['supervisor_kabupaten', 'supervisor_provinsi'] as const satisfies readonly Role[];

export const isSupervisor = (role: string | null | undefined): role is (typeof SUPERVISOR_ROLES)[number] =>
  !!role && (SUPERVISOR_ROLES as readonly string[]).includes(role);

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
