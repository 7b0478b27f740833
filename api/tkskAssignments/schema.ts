// TKSK assignments (docs/tksk-assignment.md): the roster of a region, vacant kecamatan, and one
// TKSK's assignments with their timeline.
import { z } from 'zod';
import { kabupatenCodeSchema, kecamatanCodeSchema } from '../../domain/regions';
import { ROSTER_STATUSES } from '../../domain/tkskAssignment';
import { idsFilterSchema, listQuerySchema } from '../list';

export { assignmentBodySchema, endAssignmentBodySchema } from '../../domain/tkskAssignment';

export const ASSIGNMENT_SORTABLE = ['endDate', 'startDate', 'kecamatanCode', 'updatedAt'] as const;
export type AssignmentSortField = (typeof ASSIGNMENT_SORTABLE)[number];
/** GET /api/tksk-assignments: each TKSK's latest assignment (id = the TKSK's user id). */
export const assignmentListQuerySchema = listQuerySchema(ASSIGNMENT_SORTABLE, {
  id: idsFilterSchema(z.string()),
  /** The kabupaten of the roster. */
  kabupatenCode: kabupatenCodeSchema.optional(),
  kecamatanCode: kecamatanCodeSchema.optional(),
  /** active, ending_soon (ends within 60 days), ended, scheduled (not started yet). */
  rosterStatus: z.enum(ROSTER_STATUSES).optional(),
});
export type AssignmentListFilter = NonNullable<z.infer<typeof assignmentListQuerySchema>['filter']>;

export const VACANCY_SORTABLE = ['code', 'name'] as const;
export type VacancySortField = (typeof VACANCY_SORTABLE)[number];
/** GET /api/tksk-assignments/vacancies: the current kecamatan with no active assignment. */
export const vacancyListQuerySchema = listQuerySchema(VACANCY_SORTABLE, {
  id: idsFilterSchema(z.string()),
  kabupatenCode: kabupatenCodeSchema.optional(),
});
export type VacancyListFilter = NonNullable<z.infer<typeof vacancyListQuerySchema>['filter']>;

export const assignmentUserParamsSchema = z.strictObject({ userId: z.string().min(1).max(100) });

/** A roster row: a TKSK's latest assignment (id = the TKSK's user id). */
export const assignmentRowSchema = z
  .object({
    id: z.string(),
    assignmentId: z.string(),
    userId: z.string(),
    displayName: z.string(),
    skNumber: z.string(),
    skDate: z.string().nullable(),
    kecamatanCode: z.string(),
    kecamatanName: z.string(),
    kabupatenCode: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    /** The workflow's state: scheduled, active, evaluation, renewed, ending, ended. */
    status: z.string(),
    /** The roster's word: active, ending_soon, ended, scheduled. */
    rosterStatus: z.enum(ROSTER_STATUSES),
    outcome: z.string().nullable(),
    endReason: z.string().nullable(),
    endedOn: z.string().nullable(),
    successorId: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TkskAssignmentRow' });

/** The workflow's view of the assignment. */
export const assignmentSnapshotSchema = z
  .object({
    userId: z.string(),
    assignmentId: z.string(),
    status: z.string(),
    period: z.record(z.string(), z.unknown()),
    outcome: z.string().nullable(),
    ending: z.object({ reason: z.string(), endDate: z.string(), successorId: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'TkskAssignmentSnapshot' });

/** One TKSK's assignments (every period, with its evaluation) and the timeline of their audit rows. */
export const assignmentDetailSchema = assignmentRowSchema
  .extend({
    workflow: assignmentSnapshotSchema.nullable(),
    assignments: z.array(assignmentRowSchema.extend({ evaluation: z.unknown() })),
    timeline: z.array(
      z.object({
        at: z.string(),
        action: z.string(),
        actorId: z.string().nullable(),
        actorRole: z.string().nullable(),
        assignmentId: z.string(),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'TkskAssignmentDetail' });

/** A kecamatan without an active TKSK assignment. */
export const vacancyRowSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), kabupatenCode: z.string() }).meta({ id: 'TkskVacancy' });
