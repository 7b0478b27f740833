// Invitations instead of passwords: an imported account gets a one-time code (192 random bits,
// stored only as its SHA-256, 14 days, single use) that the admin passes on; its holder chooses
// the password with it (POST /api/auth/invitations/accept). Issuing, re-issuing and accepting are
// audited, never with the code.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Sql, Tx } from '../../db';
import { appendActorEvent } from '../../db/audit';
import { hashPassword } from '../../db/password';
import { HttpProblem } from '../problem';
import { appendRequestEvent } from '../requestAudit';
import { INVITATION_DAYS } from './importSchema';

/** What an imported account's password_hash holds until its invitation is accepted: no password verifies against it. */
export const NO_PASSWORD = 'invitation-pending';

export const codeDigest = (code: string) => createHash('sha256').update(code.trim()).digest('hex');

/** Where the portal is, for the link: PORTAL_URL when set, else the API's own origin (it serves the portal at /admin). */
export const portalBase = (req: Request) => (process.env.PORTAL_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
export const invitationLink = (base: string, code: string) => `${base}/admin/#/undangan?kode=${encodeURIComponent(code)}`;

/** A new code for the account; its open code (if any) stops working. Audited as issued or re-issued. */
export async function issueInvitation(tx: Tx, res: Response, user: { id: string; username: string; displayName: string }, base: string, reissue = false) {
  const code = randomBytes(24).toString('base64url');
  const revoked = await tx`UPDATE user_invitations SET revoked_at = now() WHERE user_id = ${user.id} AND used_at IS NULL AND revoked_at IS NULL RETURNING id`;
  const id = randomUUID();
  const [row] = await tx<{ expiresAt: Date }[]>`
    INSERT INTO user_invitations (id, user_id, code_sha256, issued_by, expires_at)
    VALUES (${id}, ${user.id}, ${codeDigest(code)}, ${res.locals.actor.id}, now() + ${`${INVITATION_DAYS} days`}::interval)
    RETURNING expires_at`;
  await appendRequestEvent(tx, res, {
    key: `invitation:${user.id}`,
    action: reissue ? 'user.invitation_reissued' : 'user.invitation_issued',
    entityType: 'user',
    entityId: user.id,
    details: { invitationId: id, revoked: revoked.map((r) => r.id as string), expiresAt: row.expiresAt.toISOString() },
  });
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    code,
    link: invitationLink(base, code),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** The one answer for a wrong, used, revoked or expired code: it names no account. */
const invalid = () =>
  new HttpProblem(400, 'the invitation code is wrong, already used or expired: ask your admin for a new one', { code: 'invitation-invalid' });

/** Sets the password and activates the account; the invitation is used up. */
export async function acceptInvitation(sql: Sql, res: Response, code: string, password: string): Promise<void> {
  const digest = codeDigest(code);
  const [found] = await sql<{ id: string }[]>`
    SELECT i.id FROM user_invitations i JOIN users u ON u.id = i.user_id
    WHERE i.code_sha256 = ${digest} AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() AND NOT u.disabled`;
  if (!found) throw invalid();
  const passwordHash = await hashPassword(password);
  await sql.begin(async (tx) => {
    const [taken] = await tx<{ userId: string }[]>`
      UPDATE user_invitations SET used_at = now() WHERE id = ${found.id} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING user_id`;
    if (!taken) throw invalid();
    const [user] = await tx<{ id: string; role: string }[]>`
      UPDATE users SET password_hash = ${passwordHash}, invitation_pending = false, must_change_password = false WHERE id = ${taken.userId}
      RETURNING id, role`;
    await appendActorEvent(tx, {
      eventKey: `invitation-accepted:${found.id}`,
      at: new Date().toISOString(),
      actor: { id: user.id, role: user.role },
      action: 'user.invitation_accepted',
      entityType: 'user',
      entityId: user.id,
      caseId: null,
      details: { invitationId: found.id },
    });
  });
  res.status(204).end();
}
