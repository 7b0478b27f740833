import { z } from 'zod';
import { PRIVILEGED_KINDS, PRIVILEGED_STATUSES, type PrivilegedKind } from '../../domain/access';
import { listQuerySchema } from '../list';
import { userImportReportSchema } from '../users/importSchema';
import { adminUserSchema, reasonSchema } from '../users/schema';

export { PRIVILEGED_KINDS, PRIVILEGED_STATUSES, type PrivilegedKind };

export { reasonSchema };

/** How long a request waits for its second admin (and a confirmed export for its download). */
export const PRIVILEGED_REQUEST_HOURS = 24;

export const privilegedRequestSchema = z
  .object({
    id: z.string(),
    kind: z.enum(PRIVILEGED_KINDS),
    /**
     * `pending`: waiting for a second admin; `confirmed`: an export the requester may now
     * download; `done`; `declined`; `expired` (after 24 hours).
     */
    status: z.enum(PRIVILEGED_STATUSES),
    /** What will be done, as the second admin sees it: the account (username, role, region, the changed fields) or the masked NIK. */
    summary: z.record(z.string(), z.unknown()),
    reason: z.string(),
    /** The account the request is about (a change or a password reset). */
    targetUserId: z.string().nullable(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    expiresAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    /** The account as it is after a confirmed creation or change; for an import, its report with the invitations (only in this answer). */
    result: z.union([adminUserSchema, userImportReportSchema]).optional(),
  })
  .meta({
    id: 'PrivilegedRequest',
    example: {
      id: '00000000-0000-4000-8000-000000000000',
      kind: 'user_create',
      status: 'pending',
      summary: { username: 'supervisor3', displayName: 'Supervisor Baru', role: 'supervisor_kabupaten', regionCode: '33.73' },
      reason: 'Pengganti supervisor yang pensiun (SK Kadinsos 12/2026).',
      targetUserId: null,
      requestedBy: 'usr_admin',
      requestedAt: '2026-03-03T10:00:00.000Z',
      expiresAt: '2026-03-04T10:00:00.000Z',
      decidedBy: null,
      decidedAt: null,
    },
  });

export const privilegedRequestIdParamsSchema = z.object({ id: z.uuid() });

export const confirmPrivilegedBodySchema = z
  .strictObject({
    /** false: decline the request (nothing is done). */
    approve: z.boolean().default(true),
  })
  .meta({ id: 'ConfirmPrivilegedRequest', example: { approve: true } });

export const privilegedRequestListQuerySchema = listQuerySchema(['requestedAt'] as const, {
  status: z.enum(PRIVILEGED_STATUSES).optional(),
  kind: z.enum(PRIVILEGED_KINDS).optional(),
});
export type PrivilegedRequestListFilter = NonNullable<z.infer<typeof privilegedRequestListQuerySchema>['filter']>;
