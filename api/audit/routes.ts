// The audit trail: list (simple-rest), CSV export, and chain verification (against the chain's
// anchors, kept outside PostgreSQL). Audit rows carry no personal data by design (codes,
// decisions, reasons), so admins may read them too.
import { Router } from 'express';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { verifyAuditChain, type AuditAnchor } from '../../db/audit';
import { verifyAuditTexts } from '../../db/auditTexts';
import { AUDIT_ANCHORS_WORKFLOW_ID, auditAnchorsQuery } from '../../workflows/definitions';
import { csvLine } from '../csv';
import { authorizedActor, parseInput } from '../http';
import { listRoute, orderOf, whereOf } from '../list';
import { HttpProblem } from '../problem';
import { recordAuditorRead, type RequestEvent } from '../requestAudit';
import { auditColumns, auditList, auditScope, presentAudit } from './queries';
import { auditExportQuerySchema, auditListQuerySchema, type AuditListFilter } from './schema';

const CSV_COLUMNS = ['seq', 'at', 'actorId', 'actorRole', 'action', 'entityType', 'entityId', 'caseId', 'details', 'prevHash', 'hash'] as const;

/** An auditor's read of the audit trail: about the case when the filter names one, else the trail itself. */
const auditRead = (action: string, filter: AuditListFilter | undefined, rows?: number): RequestEvent => ({
  key: 'read:audit',
  action,
  entityType: filter?.caseId ? 'case' : 'audit_log',
  entityId: filter?.caseId ?? 'audit_log',
  caseId: filter?.caseId ?? null,
  details: { filter: filter ?? {}, rows },
});

/**
 * How long verification waits for the anchors workflow to answer (a worker must be up). Longer
 * than the sticky queue's 10 s timeout: when the worker holding the workflow has just died, the
 * query waits that long before another worker takes it (found on the cluster, after a worker kill).
 */
const ANCHORS_READ_MS = 25_000;

/** The anchors kesos-audit-anchors keeps (none before the first anchoring); 503 when Temporal does not answer. */
async function chainAnchors(temporal: Client): Promise<AuditAnchor[]> {
  try {
    const handle = temporal.workflow.getHandle(AUDIT_ANCHORS_WORKFLOW_ID);
    return (await temporal.withDeadline(Date.now() + ANCHORS_READ_MS, () => handle.query(auditAnchorsQuery))).anchors;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return [];
    throw new HttpProblem(503, 'the audit chain anchors could not be read from Temporal: the chain cannot be verified against them now');
  }
}

export function auditRoutes(sql: Sql, temporal: Client): Router {
  const router = Router();
  const list = auditList(sql);

  router.get(
    '/audit',
    listRoute(sql, {
      action: 'audit.read',
      query: auditListQuerySchema,
      spec: list,
      source: (actor, res, q) => ({
        select: auditColumns(sql),
        from: sql`audit_log a`,
        scope: [auditScope(sql, actor)],
        present: presentAudit,
        read: (rows: unknown[]) => recordAuditorRead(sql, res, actor, auditRead('audit.read', q.filter, rows.length)),
      }),
    }),
  );

  router.get('/audit/export.csv', async (req, res) => {
    const actor = authorizedActor(res, 'audit.read');
    const q = parseInput('query', auditExportQuerySchema, req.query);
    await recordAuditorRead(sql, res, actor, auditRead('audit.exported', q.filter));
    res.type('text/csv; charset=utf-8').attachment('audit.csv');
    res.write(`${CSV_COLUMNS.join(',')}\n`);
    // Oldest first unless asked otherwise: the chain's order.
    await sql`SELECT ${auditColumns(sql)} FROM audit_log a WHERE ${whereOf(sql, list.filters, q.filter, [auditScope(sql, actor)])} ORDER BY ${orderOf(sql, list, q.sort ?? ['seq', 'ASC'])}`.cursor(
      500,
      (rows) => {
        for (const r of rows) res.write(csvLine(CSV_COLUMNS, presentAudit(r)));
      },
    );
    res.end();
  });

  router.get('/audit/verify', async (_req, res) => {
    authorizedActor(res, 'audit.verify');
    const [chain, texts] = await Promise.all([verifyAuditChain(sql, await chainAnchors(temporal)), verifyAuditTexts(sql)]);
    res.json({ ...chain, ok: chain.ok && texts.ok, texts, verifiedAt: new Date().toISOString() });
  });

  return router;
}
