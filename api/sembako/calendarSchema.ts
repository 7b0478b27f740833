// The kabupaten's Sembako distribution calendar: the entry's body (domain/sembako.ts), its row, the list query.
import { z } from 'zod';
import { SEMBAKO_CHANNELS, sembakoCalendarEntrySchema, sembakoPeriodSchema, uuidSchema } from '../../domain/sembako';
import { idsFilterSchema, listQuerySchema } from '../list';

export const sembakoCalendarBodySchema = sembakoCalendarEntrySchema.meta({
  id: 'SembakoCalendarEntryInput',
  example: { kabupatenCode: '33.73', period: '2027-02', plannedStart: '2027-02-08', channel: 'kks', leadWorkingDays: 5 },
});

export const sembakoCalendarRowSchema = z
  .object({
    id: uuidSchema,
    kabupatenCode: z.string(),
    kabupatenName: z.string().nullable(),
    period: sembakoPeriodSchema,
    /** The planned first day of distribution (WIB). */
    plannedStart: z.string(),
    channel: z.enum(SEMBAKO_CHANNELS).nullable(),
    leadWorkingDays: z.number().int(),
    /** The WIB day the kabupaten's Schedule opens the periods: leadWorkingDays working days before plannedStart. */
    opensOn: z.string(),
    note: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    /** When the Schedule opened the periods; null until then. */
    openedAt: z.string().nullable(),
    /** Kecamatan whose period it opened, found open already, or skipped (no distribution points yet: open by hand once). */
    openResult: z
      .object({
        opened: z.array(z.string()),
        existing: z.array(z.string()),
        skipped: z.array(z.object({ kecamatanCode: z.string(), reason: z.string() })),
      })
      .nullable(),
    /** The kabupaten's Temporal Schedule. */
    scheduleId: z.string(),
  })
  .meta({ id: 'SembakoCalendarEntry' });

export const sembakoCalendarIdParamsSchema = z.object({ id: uuidSchema });

const SORTABLE = ['plannedStart', 'period', 'createdAt', 'kabupatenCode'] as const;
export type SembakoCalendarSortField = (typeof SORTABLE)[number];
export const sembakoCalendarListQuerySchema = listQuerySchema(SORTABLE, {
  id: idsFilterSchema(uuidSchema),
  kabupatenCode: z.string().optional(),
  period: sembakoPeriodSchema.optional(),
});
export type SembakoCalendarListFilter = NonNullable<z.infer<typeof sembakoCalendarListQuerySchema>['filter']>;
