import { z } from 'zod';
import { roleSchema } from '../../domain/roles';

export const loginBodySchema = z
  .strictObject({
    /** Account name, e.g. `tksk1`. */
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'LoginRequest', example: { username: 'tksk1', password: 'demo' } });

/** What refresh and logout need besides the cookie: the CSRF header (any value, e.g. `fetch`). */
export const sessionCookieHeadersSchema = z.object({
  /** Required: a cross-site page cannot send it without a CORS preflight. */
  'x-requested-with': z.string().meta({ example: 'fetch' }),
});

export const sessionCookieSchema = z.object({
  /** The refresh token (httpOnly, SameSite=Strict, Path=/api/auth; Secure over https), set by login and every refresh. */
  kesos_refresh: z.string(),
});

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    /** Region the account is scoped to (null = national). */
    regionCode: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const loginResponseSchema = z
  .object({
    /** Bearer access token (JWT, HS256), short-lived. */
    token: z.string(),
    /** Seconds until the access token expires. */
    expiresIn: z.number().int(),
    user: userSchema,
    /** true: someone else chose this password (the first admin); every call but POST /api/auth/password is refused until it is changed. */
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'LoginResponse' });

export const changePasswordBodySchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(256),
    /** At least 12 characters, and not the current one. */
    newPassword: z.string().min(12).max(256),
  })
  .refine((b) => b.newPassword !== b.currentPassword, { path: ['newPassword'], message: 'the new password must differ from the current one' })
  .meta({ id: 'ChangePasswordRequest', example: { currentPassword: 'kata-sandi-lama', newPassword: 'kata-sandi-baru-yang-panjang' } });
