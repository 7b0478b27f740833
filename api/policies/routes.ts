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

  router.get('/admin/sla-policies', async (_req, res) => {
    admin(res);
    const rows = await sql`SELECT task_type, region_code, due_period, working_days, updated_at FROM sla_policies ORDER BY task_type, region_code`;
    res.json(rows.map((r) => ({ id: `${r.taskType}:${r.regionCode}`, ...r })));
  });

  router.put('/admin/sla-policies', async (req, res) => {
    admin(res);
    const p = parseInput('body', slaPolicyBodySchema, req.body);
    const id = `${p.taskType}:${p.regionCode}`;
    await sql.begin(async (tx) => {
      await tx`
        INSERT INTO sla_policies (task_type, region_code, due_period, working_days, updated_at)
        VALUES (${p.taskType}, ${p.regionCode}, ${p.duePeriod}, ${p.workingDays}, now())
        ON CONFLICT (task_type, region_code) DO UPDATE SET due_period = EXCLUDED.due_period, working_days = EXCLUDED.working_days, updated_at = now()`;
      await appendRequestEvent(tx, res, { key: 'policy', action: 'policy.sla_set', entityType: 'policy', entityId: id, details: p });
    });
    res.json({ id, ...p });
  });

  router.get('/admin/case-policies', async (_req, res) => {
    admin(res);
    const rows = await sql`SELECT key, region_code, value, updated_at FROM case_policies ORDER BY key, region_code`;
    res.json(rows.map((r) => ({ id: `${r.key}:${r.regionCode}`, ...r })));
  });

  router.put('/admin/case-policies', async (req, res) => {
    admin(res);
    const p = parseInput('body', casePolicyBodySchema, req.body);
    const id = `${p.key}:${p.regionCode}`;
    await sql.begin(async (tx) => {
      await tx`
        INSERT INTO case_policies (key, region_code, value, updated_at) VALUES (${p.key}, ${p.regionCode}, ${tx.json(p.value)}, now())
        ON CONFLICT (key, region_code) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`;
      await appendRequestEvent(tx, res, { key: 'policy', action: 'policy.case_set', entityType: 'policy', entityId: id, details: p });
    });
    res.json({ id, ...p });
  });

  return router;
}
