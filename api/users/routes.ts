// Admin user management: create, list, change role/region, disable, reset password; and, for
// supervisors, the active users of their region to pick from (GET /api/users). A supervisor's,
// auditor's or admin's account is created, changed (but for disabling it) or given a new
// password only when a second admin confirms (202 with the request; api/privileged).
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { Sql } from '../../db';
import { hashPassword } from '../../db/password';
import { needsSecondAdmin } from '../../domain/access';
import { publicUser, type UserRow } from '../auth/routes';
import { authorizedActor, parseInput } from '../http';
import { listRoute } from '../list';
import { requestPrivileged } from '../privileged/requests';
import { bodyFieldProblem, HttpProblem } from '../problem';
import { createAccount, regionMustExist, resetPassword, updateAccount, usernameTaken, type AccountChanges } from './accounts';
import { USER_IMPORT_COLUMNS } from '../../domain/userImport';
import { userImportBodySchema } from './importSchema';
import { issueInvitation, portalBase } from './invitations';
import { importUsers, userInputRows } from './userImport';
import { assignableUserList, presentAdminUser, userInRegion, userList } from './queries';
import {
  assignableUserListQuerySchema,
  createUserBodySchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userIdParamsSchema,
  userListQuerySchema,
} from './schema';

/** A privileged account's change needs a reason: the second admin reads it, the audit trail keeps it. */
const reasonFor = (reason: string | undefined, what: string): string => {
  if (!reason) throw bodyFieldProblem('reason', `${what} waits for a second admin: give a reason`, 'required: a second admin confirms this');
  return reason;
};

export function userRoutes(sql: Sql): Router {
  const router = Router();
  const admin = (res: Response) => authorizedActor(res, 'user.manage');

  router.get(
    '/admin/users',
    listRoute(sql, {
      action: 'user.manage',
      query: userListQuerySchema,
      spec: userList(sql),
      source: () => ({ select: sql`u.*`, from: sql`users u`, present: presentAdminUser }),
    }),
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
    const { reason, password, ...body } = parseInput('body', createUserBodySchema, req.body);
    await regionMustExist(sql, body.regionCode);
    const account = { id: `usr_${randomUUID()}`, ...body, bankAccount: body.bankAccount ?? null, passwordHash: await hashPassword(password) };
    if (needsSecondAdmin(body.role)) {
      const why = reasonFor(reason, `creating a ${body.role} account`);
      if (await usernameTaken(sql, body.username)) throw new HttpProblem(409, `username ${body.username} is taken`, { code: 'username-taken' });
      const request = await requestPrivileged(sql, res, {
        kind: 'user_create',
        summary: { username: body.username, displayName: body.displayName, role: body.role, regionCode: body.regionCode },
        payload: account,
        reason: why,
      });
      return void res.status(202).location(`/api/admin/privileged-requests/${request.id}`).json(request);
    }
    const user = await sql.begin((tx) => createAccount(tx, res, account));
    res.status(201).location(`/api/admin/users/${account.id}`).json(user);
  });

  router.patch('/admin/users/:id', async (req, res) => {
    admin(res);
    const { id } = parseInput('params', userIdParamsSchema, req.params);
    const [current] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${id}`;
    if (!current) throw new HttpProblem(404, `no user ${id}`);
    const { reason, ...changes }: AccountChanges & { reason?: string } = parseInput(
      'body',
      updateUserBodySchema.superRefine((v, ctx) => {
        // Check the role/region pair as it will be after the change.
        const role = v.role ?? current.role;
        const regionCode = v.regionCode === undefined ? current.regionCode : v.regionCode;
        if (v.role !== undefined || v.regionCode !== undefined)
          updateUserBodySchema.safeParse({ role, regionCode }).error?.issues.forEach((i) => ctx.addIssue({ code: 'custom', path: i.path, message: i.message }));
      }),
      req.body,
    );
    await regionMustExist(sql, changes.regionCode);
    const fields = Object.keys(changes).filter((k) => changes[k as keyof AccountChanges] !== undefined);
    // Disabling takes access away: one admin may do it at once (a compromised account cannot wait).
    const onlyDisabling = fields.length === 1 && changes.disabled === true;
    const privileged = needsSecondAdmin(current.role) || (changes.role !== undefined && needsSecondAdmin(changes.role));
    if (privileged && fields.length && !onlyDisabling) {
      const why = reasonFor(
        reason,
        `changing a ${changes.role && needsSecondAdmin(changes.role) && !needsSecondAdmin(current.role) ? changes.role : current.role} account`,
      );
      const request = await requestPrivileged(sql, res, {
        kind: 'user_update',
        targetUserId: id,
        summary: {
          username: current.username,
          role: current.role,
          regionCode: current.regionCode,
          changes: { ...changes, bankAccount: changes.bankAccount === undefined ? undefined : 'changed' },
        },
        payload: { changes },
        reason: why,
      });
      return void res.status(202).location(`/api/admin/privileged-requests/${request.id}`).json(request);
    }
    res.json(await sql.begin((tx) => updateAccount(tx, res, id, changes)));
  });

  router.post('/admin/users/:id/reset-password', async (req, res) => {
    admin(res);
    const { id } = parseInput('params', userIdParamsSchema, req.params);
    const { password, reason } = parseInput('body', resetPasswordBodySchema, req.body);
    const [target] = await sql<UserRow[]>`SELECT * FROM users WHERE id = ${id}`;
    if (!target) throw new HttpProblem(404, `no user ${id}`);
    const passwordHash = await hashPassword(password);
    if (needsSecondAdmin(target.role)) {
      const request = await requestPrivileged(sql, res, {
        kind: 'password_reset',
        targetUserId: id,
        summary: { username: target.username, role: target.role, regionCode: target.regionCode },
        payload: { passwordHash },
        reason: reasonFor(reason, `resetting a ${target.role}'s password`),
      });
      return void res.status(202).location(`/api/admin/privileged-requests/${request.id}`).json(request);
    }
    await sql.begin((tx) => resetPassword(tx, res, id, passwordHash));
    res.status(204).end();
  });

  /**
   * Bulk onboarding: a dry run (200 with the report), an apply (201 with the report and the
   * invitations, once), 422 with the report when any row is invalid, 202 with one privileged
   * request when the file creates or changes a supervisor's or auditor's account.
   */
  router.post('/admin/users/import', async (req, res) => {
    admin(res);
    const body = parseInput('body', userImportBodySchema, req.body);
    const input = userInputRows(body);
    const outcome = await importUsers(sql, res, input, { dryRun: body.dryRun, portalBase: portalBase(req) });
    if (outcome.status !== 202) return void res.status(outcome.status).json(outcome.report);
    const why = reasonFor(body.reason, 'an import with supervisor or auditor accounts');
    const roles = [...new Set(outcome.report.rows.flatMap((r) => ((r.action === 'created' || r.action === 'updated') && r.role ? [r.role] : [])))];
    const request = await requestPrivileged(sql, res, {
      kind: 'user_import',
      summary: {
        fileSha256: outcome.report.fileSha256,
        counts: outcome.report.counts,
        roles,
        usernames: outcome.report.rows.filter((r) => r.action !== 'unchanged').map((r) => r.username),
      },
      // Cells as arrays in the columns' order: the database's key transform would rename the keys of objects.
      payload: { rows: outcome.rows!.map((cells) => USER_IMPORT_COLUMNS.map((c) => (typeof cells[c] === 'string' ? cells[c] : ''))) },
      reason: why,
    });
    res.status(202).location(`/api/admin/privileged-requests/${request.id}`).json(request);
  });

  /** A new invitation code for an account that has not accepted its own yet; the previous code stops working. */
  router.post('/admin/users/:id/invitation', async (req, res) => {
    admin(res);
    const { id } = parseInput('params', userIdParamsSchema, req.params);
    const invitation = await sql.begin(async (tx) => {
      const [target] = await tx<(UserRow & { invitationPending: boolean })[]>`SELECT * FROM users WHERE id = ${id} FOR UPDATE`;
      if (!target) throw new HttpProblem(404, `no user ${id}`);
      if (!target.invitationPending || target.disabled)
        throw new HttpProblem(409, 'this account has no pending invitation (it chose its password already, or is disabled)', { code: 'no-pending-invitation' });
      return issueInvitation(tx, res, target, portalBase(req), true);
    });
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(invitation);
  });

  return router;
}
