// What changes an account, each with its audit row in the same transaction: used by the admin's
// single-step calls (TKSK accounts) and by a second admin's confirmation (privileged ones).
import type { Response } from 'express';
import type { Sql, Tx } from '../../db';
import type { Role } from '../../domain/roles';
import { revokeAllOf } from '../auth/refreshTokens';
import type { UserRow } from '../auth/routes';
import { actorOf } from '../http';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { appendRequestEvent } from '../requestAudit';
import { presentAdminUser } from './queries';
import { updateUserBodySchema } from './schema';

export interface NewAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  passwordHash: string;
  bankAccount: string | null;
}

/** The fields PATCH /api/admin/users/:id changes. */
export interface AccountChanges {
  displayName?: string;
  role?: Role;
  regionCode?: string | null;
  disabled?: boolean;
  bankAccount?: string | null;
}

/** Set when a second admin's confirmation does it: the request and who asked. */
export type Confirmation = { requestId: string; requestedBy: string; reason: string } | undefined;

const audit = (tx: Tx, res: Response, action: string, userId: string, details: Record<string, unknown>, confirmation: Confirmation) =>
  appendRequestEvent(tx, res, { key: `user:${userId}`, action, entityType: 'user', entityId: userId, details: { ...details, ...confirmation } });

const presentById = async (tx: Tx, id: string) => presentAdminUser((await tx<(UserRow & { createdAt: Date })[]>`SELECT * FROM users WHERE id = ${id}`)[0]);

export async function regionMustExist(tx: Sql | Tx, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const [r] = await tx`SELECT 1 FROM regions WHERE code = ${code}`;
  if (!r) throw validationProblem(bodyIssues([{ path: ['regionCode'], message: `unknown region ${code}`, code: 'custom' }]));
}

export async function usernameTaken(tx: Sql | Tx, username: string): Promise<boolean> {
  return (await tx`SELECT 1 FROM users WHERE username = ${username}`).length > 0;
}

export async function createAccount(tx: Tx, res: Response, a: NewAccount, confirmation?: Confirmation) {
  const inserted = await tx`
    INSERT INTO users (id, username, display_name, role, region_code, password_hash, bank_account)
    VALUES (${a.id}, ${a.username}, ${a.displayName}, ${a.role}, ${a.regionCode}, ${a.passwordHash}, ${a.bankAccount})
    ON CONFLICT (username) DO NOTHING RETURNING id`;
  if (!inserted.length) throw new HttpProblem(409, `username ${a.username} is taken`, { code: 'username-taken' });
  await audit(tx, res, 'user.created', a.id, { username: a.username, role: a.role, regionCode: a.regionCode }, confirmation);
  return presentById(tx, a.id);
}

/**
 * The role/region pair as it will be after the change, checked against the account as it is
 * now (a confirmation comes later than its request: the account may have changed since).
 */
export function checkRoleRegion(current: UserRow, changes: AccountChanges): { path: (string | number)[]; message: string }[] {
  if (changes.role === undefined && changes.regionCode === undefined) return [];
  const role = changes.role ?? current.role;
  const regionCode = changes.regionCode === undefined ? current.regionCode : changes.regionCode;
  return (updateUserBodySchema.safeParse({ role, regionCode }).error?.issues ?? []).map((i) => ({ path: i.path.map(String), message: i.message }));
}

export async function updateAccount(tx: Tx, res: Response, id: string, changes: AccountChanges, confirmation?: Confirmation) {
  const [current] = await tx<UserRow[]>`SELECT * FROM users WHERE id = ${id} FOR UPDATE`;
  if (!current) throw new HttpProblem(404, `no user ${id}`);
  const pair = checkRoleRegion(current, changes);
  if (pair.length) throw new HttpProblem(409, `the account changed since the request: ${pair.map((p) => p.message).join('; ')}`);
  await regionMustExist(tx, changes.regionCode);
  if (id === actorOf(res).id && changes.disabled) throw new HttpProblem(409, 'you cannot disable your own account', { code: 'own-account' });
  await tx`
    UPDATE users SET
      display_name = coalesce(${changes.displayName ?? null}, display_name),
      role = coalesce(${changes.role ?? null}, role),
      region_code = ${changes.regionCode === undefined ? current.regionCode : changes.regionCode},
      disabled = coalesce(${changes.disabled ?? null}, disabled),
      bank_account = ${changes.bankAccount === undefined ? tx`bank_account` : changes.bankAccount}
    WHERE id = ${id}`;
  if (changes.disabled) await revokeAllOf(tx, id);
  // The audit keeps that the bank account changed, not the number.
  await audit(tx, res, 'user.updated', id, { ...changes, bankAccount: changes.bankAccount === undefined ? undefined : 'changed' }, confirmation);
  return presentById(tx, id);
}

export async function resetPassword(tx: Tx, res: Response, id: string, passwordHash: string, confirmation?: Confirmation): Promise<void> {
  const updated = await tx`UPDATE users SET password_hash = ${passwordHash} WHERE id = ${id} RETURNING id`;
  if (!updated.length) throw new HttpProblem(404, `no user ${id}`);
  await revokeAllOf(tx, id);
  await audit(tx, res, 'user.password_reset', id, {}, confirmation);
}
