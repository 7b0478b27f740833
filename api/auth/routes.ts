import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Sql } from '../../db';
import { hashPassword, verifyPassword } from '../../db/password';
import type { Actor } from '../../domain/roles';
import { actorOf, parseInput } from '../http';
import { HttpProblem } from '../problem';
import { issueRefreshToken, REFRESH_TOKEN_DAYS, revokeRefreshToken, rotateRefreshToken } from './refreshTokens';
import { appendRequestEvent } from '../requestAudit';
import { changePasswordBodySchema, loginBodySchema } from './schema';
import { acceptInvitationBodySchema } from '../users/importSchema';
import { acceptInvitation, codeDigest } from '../users/invitations';
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
  mustChangePassword: boolean;
  /** An imported account whose holder has not yet chosen a password with the invitation code. */
  invitationPending?: boolean;
}

/** The problem type of a call refused until the password is changed (the portal opens its form on it). */
export const PASSWORD_CHANGE_REQUIRED = 'https://kesos-flow.dev/problems/password-change-required';

/** What an account that must change its password may still call (paths below /api). */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['/auth/password', '/auth/logout', '/auth/refresh', '/auth/login', '/me']);

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
    if (user.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(req.path)) {
      throw new HttpProblem(403, 'change your password first (POST /api/auth/password): it was chosen by someone else', {
        type: PASSWORD_CHANGE_REQUIRED,
        code: 'password-change-required',
      });
    }
    res.locals.actor = { id: user.id, username: user.username, role: user.role, regionCode: user.regionCode } satisfies Actor;
    res.locals.user = publicUser(user);
    next();
  };
}

/** The refresh token's cookie: httpOnly (no script reads it), SameSite=Strict, sent only to /api/auth. */
export const REFRESH_COOKIE = 'kesos_refresh';
const COOKIE_PATH = '/api/auth';

/** The header a browser cannot add to a cross-site request without a CORS preflight (which the allow-list refuses). */
export const CSRF_HEADER = 'x-requested-with';

export interface AuthOptions {
  limits: ThrottleLimits;
  /** Browser origins besides the API's own that may call refresh and logout (CORS_ORIGINS). */
  allowedOrigins: string[];
  /** Mark the cookie Secure even when the request itself is plain http (production behind a proxy). */
  secureCookies: boolean;
}

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * CSRF defence of the cookie-authenticated endpoints, beside SameSite=Strict: the custom header
 * must be there (a cross-site form or image cannot send one, and a cross-site fetch with it
 * needs a preflight the API does not grant), and an Origin, when the browser sends one, must
 * be the API's own or an allowed one.
 */
function refuseCrossSite(req: Request, allowedOrigins: string[]): void {
  if (!req.header(CSRF_HEADER)) throw new HttpProblem(403, `send the ${CSRF_HEADER} header with refresh and logout (CSRF protection)`);
  const origin = req.header('origin');
  if (origin !== undefined && origin !== `${req.protocol}://${req.get('host')}` && !allowedOrigins.includes(origin)) {
    throw new HttpProblem(403, `origin ${origin} may not use the session cookie`);
  }
}

export function authRoutes(sql: Sql, secret: string, options: AuthOptions): Router {
  const router = Router();
  const { limits } = options;

  const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'strict' as const, path: COOKIE_PATH, secure: req.secure || options.secureCookies });

  /** The access token in the body; the refresh token only in the cookie, never readable by the page. */
  const startSession = (req: Request, res: Response, user: UserRow, refreshToken: string) => {
    res.cookie(REFRESH_COOKIE, refreshToken, { ...cookieOptions(req), maxAge: REFRESH_TOKEN_DAYS * 24 * 3600 * 1000 });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ token: signAccessToken(secret, user.id), expiresIn: ACCESS_TOKEN_SECONDS, user: publicUser(user), mustChangePassword: user.mustChangePassword });
  };
  const endSession = (req: Request, res: Response) => res.clearCookie(REFRESH_COOKIE, cookieOptions(req));

  router.post('/auth/login', async (req, res) => {
    const body = parseInput('body', loginBodySchema, req.body);
    const keys = { account: `user:${body.username.toLowerCase()}`, address: `ip:${req.ip}` };
    // Counted before the password is checked: parallel attempts cannot all slip under the limit.
    const wait = await countAttempt(sql, keys, limits);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw new HttpProblem(429, `too many failed sign-ins; try again in ${wait} seconds`, { code: 'sign-in-throttled', retryAfter: wait });
    }
    const [user] = await sql<UserRow[]>`SELECT * FROM users WHERE username = ${body.username}`;
    // An imported account has no password until its invitation is accepted: say so (its holder needs the code, not a retry).
    if (user && !user.disabled && user.invitationPending)
      throw new HttpProblem(403, 'this account has not been activated: choose a password with the invitation code your admin gave you', {
        code: 'invitation-pending',
      });
    // Same answer for unknown user and wrong password: do not reveal which accounts exist.
    const ok = user && !user.disabled && (await verifyPassword(body.password, user.passwordHash));
    if (!ok) throw new HttpProblem(401, 'wrong username or password', { code: 'sign-in-failed' });
    await attemptSucceeded(sql, keys);
    // A previous login of this browser ends: its cookie is replaced, so revoke what it held.
    const previous = cookieOf(req, REFRESH_COOKIE);
    if (previous) await revokeRefreshToken(sql, previous);
    startSession(req, res, user, (await issueRefreshToken(sql, user.id)).token);
  });

  router.post('/auth/refresh', async (req, res) => {
    refuseCrossSite(req, options.allowedOrigins);
    const token = cookieOf(req, REFRESH_COOKIE);
    if (!token) throw new HttpProblem(401, `no session: sign in first (the refresh token travels in the ${REFRESH_COOKIE} cookie only)`);
    const rotated = await rotateRefreshToken(sql, token);
    if (!rotated.ok) {
      endSession(req, res);
      throw new HttpProblem(401, rotated.reason);
    }
    const [user] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${rotated.userId}`;
    if (!user || user.disabled) {
      endSession(req, res);
      throw new HttpProblem(401, 'the account is disabled or no longer exists');
    }
    startSession(req, res, user, rotated.token);
  });

  /** The signed-in user's own password; the only call left to an account that must change it. */
  router.post('/auth/password', async (req, res) => {
    const actor = actorOf(res);
    const body = parseInput('body', changePasswordBodySchema, req.body);
    // Throttled like a sign-in, on counters of its own (failures here do not lock anyone out of
    // signing in): a stolen access token must not become a password oracle.
    const keys = { account: `password-change:${actor.id}`, address: `password-change-ip:${req.ip}` };
    const wait = await countAttempt(sql, keys, limits);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw new HttpProblem(429, `too many failed attempts; try again in ${wait} seconds`, { code: 'attempts-throttled', retryAfter: wait });
    }
    const [user] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${actor.id}`;
    if (!(await verifyPassword(body.currentPassword, user.passwordHash)))
      throw new HttpProblem(403, 'the current password is wrong', { code: 'wrong-current-password' });
    await attemptSucceeded(sql, keys);
    const passwordHash = await hashPassword(body.newPassword);
    await sql.begin(async (tx) => {
      await tx`UPDATE users SET password_hash = ${passwordHash}, must_change_password = false WHERE id = ${actor.id}`;
      await appendRequestEvent(tx, res, { key: 'password', action: 'user.password_changed', entityType: 'user', entityId: actor.id, details: {} });
    });
    res.status(204).end();
  });

  /** Public: an invitation code (from the admin) and the password its holder chooses; throttled like sign-in. */
  router.post('/auth/invitations/accept', async (req, res) => {
    const body = parseInput('body', acceptInvitationBodySchema, req.body);
    const keys = { account: `invitation:${codeDigest(body.code)}`, address: `invitation-ip:${req.ip}` };
    const wait = await countAttempt(sql, keys, limits);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw new HttpProblem(429, `too many failed attempts; try again in ${wait} seconds`, { code: 'attempts-throttled', retryAfter: wait });
    }
    await acceptInvitation(sql, res, body.code, body.password);
    await attemptSucceeded(sql, keys);
  });

  router.post('/auth/logout', async (req, res) => {
    refuseCrossSite(req, options.allowedOrigins);
    const token = cookieOf(req, REFRESH_COOKIE);
    if (token) await revokeRefreshToken(sql, token);
    endSession(req, res);
    res.status(204).end();
  });

  router.get('/me', (_req, res) => {
    actorOf(res);
    res.json(res.locals.user);
  });

  return router;
}
