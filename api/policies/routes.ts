// Admin-editable settings per region: SLA due periods per task type (sla_policies) and case
// settings (case_policies). Changes apply to tasks created afterwards (workflows read them
// through activities; db/settings.ts resolves the most specific row).
import { Router, type Response } from 'express';
import type { Sql } from '../../db';
import { authorizedActor, parseInput } from '../http';
import { appendRequestEvent } from '../requestAudit';
import { casePolicyBodySchema, slaPolicyBodySchema } from './schema';

export function policyRoutes(sql: Sql): Router {
  const router = Router();
  const admin = (res: Response) => authorizedActor(res, 'settings.manage');

  const slaPolicy = (r: Record<string, any>) => ({ id: `${r.taskType}:${r.regionCode}`, taskType: r.taskType, regionCode: r.regionCode, duePeriod: r.duePeriod, workingDays: r.workingDays, updatedAt: r.updatedAt.toISOString() });
  const casePolicy = (r: Record<string, any>) => ({ id: `${r.key}:${r.regionCode}`, key: r.key, regionCode: r.regionCode, value: r.value, updatedAt: r.updatedAt.toISOString() });

  router.get('/admin/sla-policies', async (_req, res) => {
    admin(res);
    res.json((await sql`SELECT * FROM sla_policies ORDER BY task_type, region_code`).map(slaPolicy));
  });

  router.put('/admin/sla-policies', async (req, res) => {
    admin(res);
    const p = parseInput('body', slaPolicyBodySchema, req.body);
    const [row] = await sql.begin(async (tx) => {
      const saved = await tx`
        INSERT INTO sla_policies (task_type, region_code, due_period, working_days, updated_at)
        VALUES (${p.taskType}, ${p.regionCode}, ${p.duePeriod}, ${p.workingDays}, now())
        ON CONFLICT (task_type, region_code) DO UPDATE SET due_period = EXCLUDED.due_period, working_days = EXCLUDED.working_days, updated_at = now()
        RETURNING *`;
      await appendRequestEvent(tx, res, { key: 'policy', action: 'policy.sla_set', entityType: 'policy', entityId: `${p.taskType}:${p.regionCode}`, details: p });
      return saved;
    });
    res.json(slaPolicy(row));
  });

  router.get('/admin/case-policies', async (_req, res) => {
    admin(res);
    res.json((await sql`SELECT * FROM case_policies ORDER BY key, region_code`).map(casePolicy));
  });

  router.put('/admin/case-policies', async (req, res) => {
    admin(res);
    const p = parseInput('body', casePolicyBodySchema, req.body);
    const [row] = await sql.begin(async (tx) => {
      const saved = await tx`
        INSERT INTO case_policies (key, region_code, value, updated_at) VALUES (${p.key}, ${p.regionCode}, ${tx.json(p.value)}, now())
        ON CONFLICT (key, region_code) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
        RETURNING *`;
      await appendRequestEvent(tx, res, { key: 'policy', action: 'policy.case_set', entityType: 'policy', entityId: `${p.key}:${p.regionCode}`, details: p });
      return saved;
    });
    res.json(casePolicy(row));
  });

  return router;
}
