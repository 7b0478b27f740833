// Database roles: passwords set as SCRAM verifiers computed here, so the cleartext never reaches
// the server (nor its logs), and nothing needs quoting.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type postgres from 'postgres';

/** PostgreSQL's stored form of a password for SCRAM-SHA-256 (RFC 5802/7677, as `ALTER ROLE … PASSWORD` keeps it). */
export function scramVerifier(password: string, iterations = 4096, salt = randomBytes(16)): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

// Any postgres.js client, with or without our column transform.
type AnySql = postgres.Sql<Record<string, unknown>>;

export async function setRolePassword(sql: AnySql, role: string, password: string): Promise<void> {
  await sql.unsafe(`ALTER ROLE ${quoteIdentifier(role)} PASSWORD '${scramVerifier(password)}'`);
}
