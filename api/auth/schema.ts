import { z } from 'zod';
import { roleSchema } from '../../domain/roles';

export const loginBodySchema = z
  .strictObject({
    /** Account name, e.g. `tksk1`. */
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'LoginRequest', example: { username: 'tksk1', password: 'demo' } });

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
    /** Bearer access token (JWT, HS256). */
    token: z.string(),
    /** Seconds until the token expires. */
    expiresIn: z.number().int(),
    user: userSchema,
  })
  .meta({ id: 'LoginResponse' });
