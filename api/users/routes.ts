// Admin user management: create, list, change role/region, disable, reset password; and, for
// supervisors, the active users of their region to pick from (GET /api/users).
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { Sql } from '../../db';
import { appendAudit } from '../../db/audit';
import type { Actor } from '../../domain/roles';
import { hashPassword } from '../auth/password';
import { revokeAllOf } from '../auth/refreshTokens';
import { publicUser, type UserRow } from '../auth/routes';
import { authorizedActor, parseInput, sendList } from '../http';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { assignableUserListQuerySchema, createUserBodySchema, resetPasswordBodySchema, updateUserBodySchema, userIdParamsSchema, userListQuerySchema } from './schema';

const SORT = { username: 'username', role: 'role', createdAt: 'created_at' } as const;
const ASSIGNABLE_SORT = { displayName: 'display_name', username: 'username', regionCode: 'region_code' } as const;

/** Users whose region is `code` or below it. */
const within = (sql: Sql, code: string) => sql`(region_code = ${code} OR region_code LIKE ${`${code}.%`})`;

export function userRoutes(sql: Sql): Router {
  const router = Router();
  const admin = (res: Response) => authorizedActor(res, 'user.manage');
  const audit = (actor: Actor, requestId: string, action: string, userId: string, details: Record<string, unknown>) =>
    sql.begin((tx) =>
      appendAudit(tx, { eventKey: `user:${requestId}`, at: new Date(), actorId: actor.id, actorRole: actor.role, action, entityType: 'user', entityId: userId, caseId: null, details }),
    );
  const regionMustExist = async (code: string | null | undefined) => {
    if (!code) return;
    const [r] = await sql`SELECT 1 FROM regions WHERE code = ${code}`;
    if (!r) throw validationProblem(bodyIssues([{ path: ['regionCode'], message: `unknown region ${code}`, code: 'custom' }]));
  };

  router.get('/admin/users', async (req, res) => {
    admin(res);
    const q = parseInput('query', userListQuerySchema, req.query);
    const f = q.filter ?? {};
    const conds = [sql`TRUE`];
    if (f.id !== undefined) conds.push(sql`id IN ${sql(Array.isArray(f.id) ? f.id : [f.id])}`);
    if (f.role) conds.push(sql`role = ${f.role}`);
    if (f.regionCode) conds.push(sql`region_code = ${f.regionCode}`);
    if (f.disabled !== undefined) conds.push(sql`disabled = ${f.disabled}`);
    const where = conds.reduce((a, b) => sql`${a} AND ${b}`);
    const [field, dir] = q.sort ?? ['username', 'ASC'];
    const [first, last] = q.range ?? [0, 24];
    const rows = await sql<(UserRow & { total: number; disabled: boolean; createdAt: Date })[]>`
      SELECT *, count(*) OVER () AS total FROM users WHERE ${where}
      ORDER BY ${sql.unsafe(`${SORT[field]} ${dir === 'ASC' ? 'ASC' : 'DESC'}`)}, id LIMIT ${last - first + 1} OFFSET ${first}`;
    sendList(res, 'users', rows.map((u) => ({ ...publicUser(u), disabled: u.disabled, createdAt: u.createdAt.toISOString() })), first, rows.length ? Number(rows[0].total) : 0);
  });

  router.get('/users', async (req, res) => {
    const actor = authorizedActor(res, 'user.list_assignable');
    const q = parseInput('query', assignableUserListQuerySchema, req.query);
    const f = q.filter ?? {};
    const conds = [sql`NOT disabled`, actor.regionCode === null ? sql`TRUE` : within(sql, actor.regionCode)];
    if (f.id !== undefined) conds.push(sql`id IN ${sql(Array.isArray(f.id) ? f.id : [f.id])}`);
    if (f.role) conds.push(sql`role = ${f.role}`);
    if (f.regionCode) conds.push(within(sql, f.regionCode));
    if (f.q) conds.push(sql`(strpos(lower(username), lower(${f.q})) > 0 OR strpos(lower(display_name), lower(${f.q})) > 0)`);
    const [field, dir] = q.sort ?? ['displayName', 'ASC'];
    const [first, last] = q.range ?? [0, 24];
    const rows = await sql<{ id: string; username: string; displayName: string; role: string; regionCode: string | null; total: number }[]>`
      SELECT id, username, display_name, role, region_code, count(*) OVER () AS total FROM users WHERE ${conds.reduce((a, b) => sql`${a} AND ${b}`)}
      ORDER BY ${sql.unsafe(`${ASSIGNABLE_SORT[field]} ${dir === 'ASC' ? 'ASC' : 'DESC'}`)}, id LIMIT ${last - first + 1} OFFSET ${first}`;
    sendList(
      res,
      'users',
      rows.map(({ id, username, displayName, role, regionCode }) => ({ id, username, displayName, role, regionCode })),
      first,
      rows.length ? Number(rows[0].total) : 0,
    );
  });

  router.post('/admin/users', async (req, res) => {
    const actor = admin(res);
    const body = parseInput('body', createUserBodySchema, req.body);
    await regionMustExist(body.regionCode);
    const id = `usr_${randomUUID()}`;
    const inserted = await sql`
      INSERT INTO users (id, username, display_name, role, region_code, password_hash, bank_account)
      VALUES (${id}, ${body.username}, ${body.displayName}, ${body.role}, ${body.regionCode}, ${await hashPassword(body.password)}, ${body.bankAccount ?? null})
      ON CONFLICT (username) DO NOTHING RETURNING id`;
    if (!inserted.length) throw new HttpProblem(409, `username ${body.username} is taken`);
    await audit(actor, res.locals.requestId, 'user.created', id, { username: body.username, role: body.role, regionCode: body.regionCode });
    const [u] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${id}`;
    res.status(201).location(`/api/admin/users/${id}`).json({ ...publicUser(u), disabled: false });
  });

  router.patch('/admin/users/:id', async (req, res) => {
    const actor = admin(res);
    const { id } = parseInput('params', userIdParamsSchema, req.params);
    const [current] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${id}`;
    if (!current) throw new HttpProblem(404, `no user ${id}`);
    const body = parseInput('body', updateUserBodySchema.superRefine((v, ctx) => {
      // Check the role/region pair as it will be after the change.
      const role = v.role ?? current.role;
      const regionCode = v.regionCode === undefined ? current.regionCode : v.regionCode;
      if (v.role !== undefined || v.regionCode !== undefined) updateUserBodySchema.safeParse({ role, regionCode }).error?.issues.forEach((i) => ctx.addIssue({ code: 'custom', path: i.path, message: i.message }));
    }), req.body);
    await regionMustExist(body.regionCode);
    if (id === actor.id && body.disabled) throw new HttpProblem(409, 'you cannot disable your own account');
    await sql`
      UPDATE users SET
        display_name = coalesce(${body.displayName ?? null}, display_name),
        role = coalesce(${body.role ?? null}, role),
        region_code = ${body.regionCode === undefined ? current.regionCode : body.regionCode},
        disabled = coalesce(${body.disabled ?? null}, disabled),
        bank_account = ${body.bankAccount === undefined ? sql`bank_account` : body.bankAccount}
      WHERE id = ${id}`;
    if (body.disabled) await revokeAllOf(sql, id);
    // The audit keeps that the bank account changed, not the number.
    await audit(actor, res.locals.requestId, 'user.updated', id, { ...body, bankAccount: body.bankAccount === undefined ? undefined : 'changed' });
    const [u] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${id}`;
    res.json({ ...publicUser(u), disabled: u.disabled });
  });

  router.post('/admin/users/:id/reset-password', async (req, res) => {
    const actor = admin(res);
    const { id } = parseInput('params', userIdParamsSchema, req.params);
    const body = parseInput('body', resetPasswordBodySchema, req.body);
    const updated = await sql`UPDATE users SET password_hash = ${await hashPassword(body.password)} WHERE id = ${id} RETURNING id`;
    if (!updated.length) throw new HttpProblem(404, `no user ${id}`);
    await revokeAllOf(sql, id);
    await audit(actor, res.locals.requestId, 'user.password_reset', id, {});
    res.status(204).end();
  });

  return router;
}
