import { z } from 'zod';
import { regionCodeSchema, regionLevel } from '../../domain/regions';
import { roleSchema, type Role } from '../../domain/roles';
import { userSchema } from '../auth/schema';
import { idsFilterSchema, listQuerySchema } from '../list';

/** Region level each role is scoped to (auditors: any level; admin: national). */
const SCOPE: Record<Role, string | null> = {
  tksk: 'kecamatan',
  supervisor_kabupaten: 'kabupaten',
  supervisor_provinsi: 'provinsi',
  auditor: 'any',
  admin: null,
};

const password = z.string().min(10, 'at least 10 characters').max(256);

/** Why: required for a privileged action (a second admin confirms it), shown to them and kept in the audit trail. */
export const reasonSchema = z.string().trim().min(5).max(2000);
const reason = reasonSchema.optional().describe("Why: required when the account is a supervisor's, auditor's or admin's (a second admin confirms)");

const roleRegionCheck = (v: { role?: Role; regionCode?: string | null }, ctx: z.RefinementCtx) => {
  if (!v.role) return;
  const want = SCOPE[v.role];
  if (want === null && v.regionCode) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'an admin is national: regionCode must be null' });
  if (want !== null && !v.regionCode) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: `role ${v.role} needs a region` });
  if (want && want !== 'any' && v.regionCode && regionLevel(v.regionCode) !== want) {
    ctx.addIssue({ code: 'custom', path: ['regionCode'], message: `role ${v.role} is scoped to a ${want}` });
  }
};

export const createUserBodySchema = z
  .strictObject({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9._-]{3,64}$/, 'lowercase letters, digits, dot, dash, underscore; 3-64'),
    displayName: z.string().trim().min(3).max(120),
    role: roleSchema,
    /** Kemendagri code of the user's scope (kecamatan for a TKSK, kabupaten for a kabupaten supervisor, …). */
    regionCode: regionCodeSchema.nullable(),
    /** Initial password, at least 10 characters. */
    password,
    /** Where a TKSK's tali asih is paid: `BANK:number`. */
    bankAccount: z
      .string()
      .trim()
      .regex(/^[A-Z]{3,4}:[0-9][0-9-]{5,29}$/, 'BANK:number, e.g. BRI:0021-01-000123-50-1')
      .optional(),
    reason,
  })
  .superRefine(roleRegionCheck)
  .meta({
    id: 'CreateUser',
    example: { username: 'tksk.tingkir2', displayName: 'Wahyu Hidayat (TKSK Tingkir)', role: 'tksk', regionCode: '33.73.02', password: 'ganti-sandi-ini' },
  });

export const updateUserBodySchema = z
  .strictObject({
    displayName: z.string().trim().min(3).max(120).optional(),
    role: roleSchema.optional(),
    regionCode: regionCodeSchema.nullable().optional(),
    /** true: the account can no longer sign in; its sessions are revoked. */
    disabled: z.boolean().optional(),
    /** Where a TKSK's tali asih is paid: `BANK:number`. */
    bankAccount: z
      .string()
      .trim()
      .regex(/^[A-Z]{3,4}:[0-9][0-9-]{5,29}$/, 'BANK:number, e.g. BRI:0021-01-000123-50-1')
      .nullable()
      .optional(),
    reason,
  })
  .superRefine(roleRegionCheck)
  .meta({ id: 'UpdateUser', example: { disabled: true } });

export const resetPasswordBodySchema = z.strictObject({ password, reason }).meta({ id: 'ResetPassword', example: { password: 'sandi-baru-yang-panjang' } });

export const userIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const userListQuerySchema = listQuerySchema(['username', 'role', 'createdAt'] as const, {
  id: idsFilterSchema(z.string()),
  role: roleSchema.optional(),
  regionCode: z.string().optional(),
  disabled: z.boolean().optional(),
});

export type UserListFilter = NonNullable<z.infer<typeof userListQuerySchema>['filter']>;

/** GET /api/users: the caller's colleagues to choose from (e.g. the TKSK a case goes to). */
export const assignableUserListQuerySchema = listQuerySchema(['displayName', 'username', 'regionCode'] as const, {
  /** One id or several (react-admin reads the chosen ones back this way). */
  id: idsFilterSchema(z.string().max(100)),
  role: roleSchema.optional(),
  /** A region code: users of that region and below it (within the caller's own scope). */
  regionCode: regionCodeSchema.optional(),
  /** Case-insensitive part of the username or display name. */
  q: z.string().trim().max(100).optional(),
});
export type AssignableUserListFilter = NonNullable<z.infer<typeof assignableUserListQuerySchema>['filter']>;

/** Just enough to recognise a person (the signed-in user's own shape): no bank account, no status, no dates. */
export const assignableUserSchema = userSchema.meta({
  id: 'AssignableUser',
  example: { id: 'usr_tksk3', username: 'tksk3', displayName: 'Joko Susilo (TKSK pengganti Sidorejo)', role: 'tksk', regionCode: '33.73.01' },
});

/** A user as the admin manages it: no password, no bank account number. */
export const adminUserSchema = userSchema
  .extend({
    /** true: cannot sign in; sessions revoked. */
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'ManagedUser' });

export { SCOPE as ROLE_SCOPE };
