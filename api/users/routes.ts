// Admin user management: create, list, change role/region, disable, reset password; and, for
// supervisors, the active users of their region to pick from (GET /api/users).
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { Sql } from '../../db';
import { hashPassword } from '../../db/password';
import { revokeAllOf } from '../auth/refreshTokens';
import { publicUser, type UserRow } from '../auth/routes';
import { authorizedActor, parseInput } from '../http';
import { listRoute } from '../list';
import { recordRequestEvent } from '../requestAudit';
import { assignableUserList, presentAdminUser, userInRegion, userList } from './queries';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { assignableUserListQuerySchema, createUserBodySchema, resetPasswordBodySchema, updateUserBodySchema, userIdParamsSchema, userListQuerySchema } from './schema';

export function userRoutes(sql: Sql): Router {
  const router = Router();
  const admin = (res: Response) => authorizedActor(res, 'user.manage');
  const audit = (res: Response, action: string, userId: string, details: Record<string, unknown>) =>
    recordRequestEvent(sql, res, { key: 'user', action, entityType: 'user', entityId: userId, details });
  const regionMustExist = async (code: string | null | undefined) => {
    if (!code) return;
    const [r] = await sql`SELECT 1 FROM regions WHERE code = ${code}`;
    if (!r) throw validationProblem(bodyIssues([{ path: ['regionCode'], message: `unknown region ${code}`, code: 'custom' }]));
  };

  router.get(
    '/admin/users',
    listRoute(sql, { action: 'user.manage', query: userListQuerySchema, spec: userList(sql), source: () => ({ select: sql`u.*`, from: sql`users u`, present: presentAdminUser }) }),
  );

  router.get(
    '/users',
    listRoute(sql, {
      action: 'user.list_assignable',
      query: assignableUserListQuerySchema,
      spec: assignableUserList(sql),
      source: (actor) => ({
        select: sql`u.id, u.username, u.display_name, u.role, u.region_code`,
        from: sql`users u`,
        scope: [sql`NOT u.disabled`, userInRegion(sql, actor.regionCode)],
        present: publicUser,
      }),
    }),
  );

  router.post('/admin/users', async (req, res) => {
    admin(res);
    const body = parseInput('body', createUserBodySchema, req.body);
    await regionMustExist(body.regionCode);
    const id = `usr_${randomUUID()}`;
    const inserted = await sql`
      INSERT INTO users (id, username, display_name, role, region_code, password_hash, bank_account)
      VALUES (${id}, ${body.username}, ${body.displayName}, ${body.role}, ${body.regionCode}, ${await hashPassword(body.password)}, ${body.bankAccount ?? null})
      ON CONFLICT (username) DO NOTHING RETURNING id`;
    if (!inserted.length) throw new HttpProblem(409, `username ${body.username} is taken`);
    await audit(res, 'user.created', id, { username: body.username, role: body.role, regionCode: body.regionCode });
    const [u] = await sql<(UserRow & { createdAt: Date })[]>`SELECT * FROM users WHERE id = ${id}`;
    res.status(201).location(`/api/admin/users/${id}`).json(presentAdminUser(u));
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
    await audit(res, 'user.updated', id, { ...body, bankAccount: body.bankAccount === undefined ? undefined : 'changed' });
    const [u] = await sql<(UserRow & { createdAt: Date })[]>`SELECT * FROM users WHERE id = ${id}`;
    res.json(presentAdminUser(u));
  });

  router.post('/admin/users/:id/reset-password', async (req, res) => {
    admin(res);
    const { id } = parseInput('params', userIdParamsSchema, req.params);
    const body = parseInput('body', resetPasswordBodySchema, req.body);
    const updated = await sql`UPDATE users SET password_hash = ${await hashPassword(body.password)} WHERE id = ${id} RETURNING id`;
    if (!updated.length) throw new HttpProblem(404, `no user ${id}`);
    await revokeAllOf(sql, id);
    await audit(res, 'user.password_reset', id, {});
    res.status(204).end();
  });

  return router;
}
