import { Router, type RequestHandler } from 'express';
import type { Sql } from '../../db';
import type { Actor } from '../../domain/roles';
import { actorOf, parseInput } from '../http';
import { HttpProblem } from '../problem';
import { verifyPassword } from './password';
import { loginBodySchema } from './schema';
import { ACCESS_TOKEN_SECONDS, signAccessToken, verifyAccessToken } from './tokens';

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Actor['role'];
  regionCode: string | null;
  passwordHash: string;
  disabled: boolean;
}

const publicUser = (u: UserRow) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, regionCode: u.regionCode });

/** Resolves the bearer token to an actor in res.locals; routes that need one call actorOf(res). */
export function authenticate(sql: Sql, secret: string): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) return next();
    const match = /^Bearer (.+)$/.exec(header);
    const userId = match ? verifyAccessToken(secret, match[1]) : undefined;
    if (!userId) throw new HttpProblem(401, 'the access token is invalid or expired; sign in again');
    const [user] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${userId}`;
    if (!user || user.disabled) throw new HttpProblem(401, 'the account is disabled or no longer exists');
    res.locals.actor = { id: user.id, username: user.username, role: user.role, regionCode: user.regionCode } satisfies Actor;
    res.locals.user = publicUser(user);
    next();
  };
}

export function authRoutes(sql: Sql, secret: string): Router {
  const router = Router();

  router.post('/auth/login', async (req, res) => {
    const body = parseInput('body', loginBodySchema, req.body);
    const [user] = await sql<UserRow[]>`SELECT * FROM users WHERE username = ${body.username}`;
    // Same answer for unknown user and wrong password: do not reveal which accounts exist.
    const ok = user && !user.disabled && (await verifyPassword(body.password, user.passwordHash));
    if (!ok) throw new HttpProblem(401, 'wrong username or password');
    res.json({ token: signAccessToken(secret, user.id), expiresIn: ACCESS_TOKEN_SECONDS, user: publicUser(user) });
  });

  router.get('/me', (_req, res) => {
    actorOf(res);
    res.json(res.locals.user);
  });

  return router;
}
