import { z } from 'zod';
import { roleSchema } from '../../domain/roles';

export const loginBodySchema = z
  .strictObject({
    /** Account name, e.g. `tksk1`. */
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'LoginRequest', example: { username: 'tksk1', password: 'demo' } });

export const refreshBodySchema = z
  .strictObject({
    /** The refresh token from login or the previous refresh; it is rotated (single use). */
    refreshToken: z.string().min(20).max(200),
  })
  .meta({ id: 'RefreshRequest', example: { refreshToken: 'paste-the-refreshToken-from-login-here' } });

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
    /** Single-use token for POST /api/auth/refresh. */
    refreshToken: z.string(),
    user: userSchema,
  })
  .meta({ id: 'LoginResponse' });
