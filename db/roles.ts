// Database roles: the application's own least-privilege role, and passwords set as SCRAM
// verifiers computed here, so the cleartext never reaches the server (nor its logs) and nothing
// needs quoting.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import type { Sql } from './index';

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

/**
 * The role the API and the worker connect as. It reads and writes the application's tables, but
 * the audit trail only grows: SELECT and INSERT on audit_log, no UPDATE, DELETE or TRUNCATE, and
 * as it owns no table it can neither disable the append-only trigger nor alter a table. It can
 * read which migrations ran, not record one: migrations run as the owner (DATABASE_ADMIN_URL).
 */
export const APP_ROLE = 'kesos_app';
const ROLE_LOCK = 73_730_003;

/** Who logs in for the application: APP_ROLE itself (its password is set), or a role made a member of it. */
export interface AppLogin {
  user: string;
  password?: string;
}

export function loginOf(databaseUrl: string): AppLogin {
  const u = new URL(databaseUrl);
  return { user: decodeURIComponent(u.username), password: u.password ? decodeURIComponent(u.password) : undefined };
}

/** Creates the application role if needed and sets its grants; run as the owner after the migrations. Idempotent. */
export async function setupAppRole(sql: AnySql, login?: AppLogin): Promise<void> {
  await sql.begin(async (tx) => {
    // Roles are cluster-wide: two databases' starts must not race on CREATE ROLE.
    await tx`SELECT pg_advisory_xact_lock(${ROLE_LOCK})`;
    const [{ exists }] = await tx<{ exists: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${APP_ROLE}) AS exists`;
    if (!exists) await tx.unsafe(`CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`);
    if (login?.user === APP_ROLE) {
      await tx.unsafe(`ALTER ROLE ${APP_ROLE} LOGIN`);
      if (login.password) await setRolePassword(tx as unknown as AnySql, APP_ROLE, login.password);
    } else if (login) {
      await tx.unsafe(`GRANT ${APP_ROLE} TO ${quoteIdentifier(login.user)}`);
    }
    const [{ db }] = await tx<{ db: string }[]>`SELECT current_database() AS db`;
    // One transaction: the role never holds more than its grants, even between two statements.
    await tx.unsafe(`
      GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdentifier(db)} TO ${APP_ROLE};
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
      REVOKE UPDATE, DELETE ON audit_log FROM ${APP_ROLE};
      REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${APP_ROLE};
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
    `);
  });
}

/** Why the role `sql` connects as must not run the application (empty: it may). */
export async function appRoleProblems(sql: Sql): Promise<string[]> {
  const [r] = await sql<
    { user: string; superuser: boolean; bypassRls: boolean; createRole: boolean; ownsAudit: boolean; changesAudit: boolean; recordsMigrations: boolean }[]
  >`
    SELECT current_user AS user, rolsuper AS superuser, rolbypassrls AS bypass_rls, rolcreaterole AS create_role,
           pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'USAGE') AS owns_audit,
           has_table_privilege('audit_log', 'UPDATE') OR has_table_privilege('audit_log', 'DELETE')
             OR has_table_privilege('audit_log', 'TRUNCATE') AS changes_audit,
           has_table_privilege('schema_migrations', 'INSERT') AS records_migrations
    FROM pg_roles WHERE rolname = current_user`;
  const problems: string[] = [];
  if (r.superuser) problems.push('is a superuser');
  if (r.bypassRls) problems.push('bypasses row security');
  if (r.createRole) problems.push('may create roles');
  if (r.ownsAudit) problems.push('owns audit_log (may disable its trigger)');
  if (r.changesAudit) problems.push('may update, delete or truncate audit_log');
  if (r.recordsMigrations) problems.push('may record migrations');
  return problems.map((p) => `${r.user} ${p}`);
}
