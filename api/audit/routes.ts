// The audit trail: list (simple-rest), CSV export, and chain verification. Audit rows carry no
// personal data by design (codes, decisions, reasons), so admins may read them too.
import { Router } from 'express';
import type { Sql } from '../../db';
import { verifyAuditChain } from '../../db/audit';
import type { Actor } from '../../domain/roles';
import { authorizedActor, parseInput, sendList } from '../http';
import { auditExportQuerySchema, auditListQuerySchema } from './schema';

type Filter = NonNullable<ReturnType<typeof auditListQuerySchema.parse>['filter']>;

/** Rows about cases in the actor's region; rows not about a case only for national scopes. */
function scope(sql: Sql, actor: Actor) {
  if (actor.regionCode === null) return sql`TRUE`;
  return sql`a.case_id IN (SELECT c.id FROM cases c WHERE c.desa_code LIKE ${`${actor.regionCode}.%`})`;
}

function where(sql: Sql, actor: Actor, f: Filter) {
  const conds = [scope(sql, actor)];
  if (f.caseId) conds.push(sql`a.case_id = ${f.caseId}`);
  if (f.actorId) conds.push(sql`a.actor_id = ${f.actorId}`);
  if (f.action) conds.push(sql`a.action = ${f.action}`);
  if (f.entityType) conds.push(sql`a.entity_type = ${f.entityType}`);
  if (f.from) conds.push(sql`a.at >= ${f.from}`);
  if (f.to) conds.push(sql`a.at < ${f.to}`);
  return conds.reduce((x, y) => sql`${x} AND ${y}`);
}

const present = (r: Record<string, any>) => ({
  id: String(r.seq),
  seq: String(r.seq),
  eventKey: r.eventKey,
  at: r.at.toISOString(),
  actorId: r.actorId,
  actorRole: r.actorRole,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  caseId: r.caseId,
  details: r.details,
  prevHash: r.prevHash,
  hash: r.hash,
});

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // Quote everything; neutralise spreadsheet formulas.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

export function auditRoutes(sql: Sql): Router {
  const router = Router();

  router.get('/audit', async (req, res) => {
    const actor = authorizedActor(res, 'audit.read');
    const q = parseInput('query', auditListQuerySchema, req.query);
    const [field, dir] = q.sort ?? ['seq', 'DESC'];
    const [first, last] = q.range ?? [0, 24];
    const w = where(sql, actor, q.filter ?? {});
    const rows = await sql`
      SELECT a.*, count(*) OVER () AS total FROM audit_log a WHERE ${w}
      ORDER BY ${sql.unsafe(`a.${field === 'at' ? 'at' : 'seq'} ${dir === 'ASC' ? 'ASC' : 'DESC'}`)} LIMIT ${last - first + 1} OFFSET ${first}`;
    sendList(res, 'audit', rows.map(present), first, rows.length ? Number(rows[0].total) : 0);
  });

  router.get('/audit/export.csv', async (req, res) => {
    const actor = authorizedActor(res, 'audit.read');
    const q = parseInput('query', auditExportQuerySchema, req.query);
    const [field, dir] = q.sort ?? ['seq', 'ASC'];
    const w = where(sql, actor, q.filter ?? {});
    const columns = ['seq', 'at', 'actorId', 'actorRole', 'action', 'entityType', 'entityId', 'caseId', 'details', 'prevHash', 'hash'] as const;
    res.type('text/csv; charset=utf-8').attachment('audit.csv');
    res.write(`${columns.join(',')}\n`);
    await sql`SELECT a.* FROM audit_log a WHERE ${w} ORDER BY ${sql.unsafe(`a.${field === 'at' ? 'at' : 'seq'} ${dir === 'ASC' ? 'ASC' : 'DESC'}`)}`.cursor(500, (rows) => {
      for (const r of rows) {
        const p = present(r);
        res.write(`${columns.map((c) => csvCell(p[c])).join(',')}\n`);
      }
    });
    res.end();
  });

  router.get('/audit/verify', async (_req, res) => {
    authorizedActor(res, 'audit.verify');
    res.json({ ...(await verifyAuditChain(sql)), verifiedAt: new Date().toISOString() });
  });

  return router;
}
