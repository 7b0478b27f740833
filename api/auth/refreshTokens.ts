// Refresh tokens: opaque, stored hashed, rotated on every use. Presenting a token that was
// already rotated means it leaked: the whole family (that login) is revoked.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Sql, Tx } from '../../db';

export const REFRESH_TOKEN_DAYS = 30;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueRefreshToken(sql: Sql, userId: string, familyId: string = randomUUID()): Promise<{ token: string; id: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  await sql`
    INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
    VALUES (${id}, ${userId}, ${familyId}, ${hash(token)}, now() + ${`${REFRESH_TOKEN_DAYS} days`}::interval)`;
  return { token, id };
}

export type RotateResult = { ok: true; userId: string; token: string } | { ok: false; reason: string };

export async function rotateRefreshToken(sql: Sql, token: string): Promise<RotateResult> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: string; userId: string; familyId: string; expiresAt: Date; revokedAt: Date | null }[]>`
      SELECT id, user_id, family_id, expires_at, revoked_at FROM refresh_tokens WHERE token_hash = ${hash(token)} FOR UPDATE`;
    if (!row) return { ok: false, reason: 'unknown refresh token' };
    if (row.revokedAt) {
      await tx`UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = ${row.familyId}`;
      return { ok: false, reason: 'refresh token reused: every session of this login is revoked' };
    }
    if (row.expiresAt.getTime() < Date.now()) return { ok: false, reason: 'refresh token expired' };
    const next = randomBytes(32).toString('base64url');
    const nextId = randomUUID();
    await tx`
      INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
      VALUES (${nextId}, ${row.userId}, ${row.familyId}, ${hash(next)}, now() + ${`${REFRESH_TOKEN_DAYS} days`}::interval)`;
    await tx`UPDATE refresh_tokens SET revoked_at = now(), replaced_by = ${nextId} WHERE id = ${row.id}`;
    return { ok: true, userId: row.userId, token: next };
  });
}

/** Logout: the token's whole family. */
export async function revokeRefreshToken(sql: Sql, token: string): Promise<void> {
  await sql`
    UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, now())
    WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = ${hash(token)})`;
}

export async function revokeAllOf(sql: Sql | Tx, userId: string): Promise<void> {
  await sql`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL`;
}
