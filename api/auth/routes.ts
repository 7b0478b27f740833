import { Router, type RequestHandler } from 'express';
import type { Sql } from '../../db';
import { verifyPassword } from '../../db/password';
import type { Actor } from '../../domain/roles';
import { actorOf, parseInput } from '../http';
import { HttpProblem } from '../problem';
import { issueRefreshToken, revokeRefreshToken, rotateRefreshToken } from './refreshTokens';
import { loginBodySchema, refreshBodySchema } from './schema';
import { attemptSucceeded, countAttempt, type ThrottleLimits } from './throttle';
import { ACCESS_TOKEN_SECONDS, signAccessToken, verifyAccessToken } from './tokens';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Actor['role'];
  regionCode: string | null;
  passwordHash: string;
  disabled: boolean;
}

export const publicUser = (u: UserRow) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, regionCode: u.regionCode });

/** Resolves the bearer token to an actor in res.locals; routes that need one call actorOf(res). */
export function authenticate(sql: Sql, secret: string): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) return next();
    const match = /^Bearer (.+)$/.exec(header);
    const userId = match ? verifyAccessToken(secret, match[1]) : undefined;
    if (!userId) throw new HttpProblem(401, 'the access token is invalid or expired; refresh it or sign in again');
    const [user] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${userId}`;
    if (!user || user.disabled) throw new HttpProblem(401, 'the account is disabled or no longer exists');
    res.locals.actor = { id: user.id, username: user.username, role: user.role, regionCode: user.regionCode } satisfies Actor;
    res.locals.user = publicUser(user);
    next();
  };
}

export function authRoutes(sql: Sql, secret: string, limits: ThrottleLimits): Router {
  const router = Router();

  const session = async (user: UserRow, refreshToken?: string) => ({
    token: signAccessToken(secret, user.id),
    expiresIn: ACCESS_TOKEN_SECONDS,
    refreshToken: refreshToken ?? (await issueRefreshToken(sql, user.id)).token,
    user: publicUser(user),
  });

  router.post('/auth/login', async (req, res) => {
    const body = parseInput('body', loginBodySchema, req.body);
    const keys = { account: `user:${body.username.toLowerCase()}`, address: `ip:${req.ip}` };
    // Counted before the password is checked: parallel attempts cannot all slip under the limit.
    const wait = await countAttempt(sql, keys, limits);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw new HttpProblem(429, `too many failed sign-ins; try again in ${wait} seconds`);
    }
    const [user] = await sql<UserRow[]>`SELECT * FROM users WHERE username = ${body.username}`;
    // Same answer for unknown user and wrong password: do not reveal which accounts exist.
    const ok = user && !user.disabled && (await verifyPassword(body.password, user.passwordHash));
    if (!ok) throw new HttpProblem(401, 'wrong username or password');
    await attemptSucceeded(sql, keys);
    res.json(await session(user));
  });

  router.post('/auth/refresh', async (req, res) => {
    const body = parseInput('body', refreshBodySchema, req.body);
    const rotated = await rotateRefreshToken(sql, body.refreshToken);
    if (!rotated.ok) throw new HttpProblem(401, rotated.reason);
    const [user] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${rotated.userId}`;
    if (!user || user.disabled) throw new HttpProblem(401, 'the account is disabled or no longer exists');
    res.json(await session(user, rotated.token));
  });

  router.post('/auth/logout', async (req, res) => {
    const body = parseInput('body', refreshBodySchema, req.body);
    await revokeRefreshToken(sql, body.refreshToken);
    res.status(204).end();
  });

  router.get('/me', (_req, res) => {
    actorOf(res);
    res.json(res.locals.user);
  });

  return router;
}
