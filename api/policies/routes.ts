// Admin-editable settings per region: SLA due periods per task type (sla_policies) and case
// settings (case_policies). Changes apply to tasks created afterwards (workflows read them
// through activities; db/settings.ts resolves the most specific row).
import { Router } from 'express';
import type { z } from 'zod';
import type { Sql, Tx } from '../../db';
import { authorizedActor, parseInput } from '../http';
import { appendRequestEvent } from '../requestAudit';
import { casePolicyBodySchema, slaPolicyBodySchema } from './schema';

type Row = Record<string, any>;

export function policyRoutes(sql: Sql): Router {
  const router = Router();

  /** GET every row of a settings table, PUT one (an upsert, audited in the same transaction). */
  function settingsTable<B extends { regionCode: string }>(
    path: string,
    o: {
      body: z.ZodType<B, unknown>;
      table: 'sla_policies' | 'case_policies';
      keyColumn: string;
      key: (r: Row) => string;
      upsert: (tx: Tx, b: B) => Promise<Row[]>;
      action: string;
      present: (r: Row) => object;
    },
  ) {
    const present = (r: Row) => ({
      id: `${o.key(r)}:${r.regionCode}`,
      ...o.present(r),
      regionCode: r.regionCode,
      updatedAt: (r.updatedAt as Date).toISOString(),
    });
    router.get(path, async (_req, res) => {
      authorizedActor(res, 'settings.manage');
      res.json((await sql`SELECT * FROM ${sql(o.table)} ORDER BY ${sql(o.keyColumn)}, region_code`).map(present));
    });
    router.put(path, async (req, res) => {
      authorizedActor(res, 'settings.manage');
      const b = parseInput('body', o.body, req.body);
      const row = await sql.begin(async (tx) => {
        const [saved] = await o.upsert(tx, b);
        await appendRequestEvent(tx, res, { key: 'policy', action: o.action, entityType: 'policy', entityId: `${o.key(saved)}:${b.regionCode}`, details: b });
        return saved;
      });
      res.json(present(row));
    });
  }

  settingsTable('/admin/sla-policies', {
    body: slaPolicyBodySchema,
    table: 'sla_policies',
    keyColumn: 'task_type',
    key: (r) => r.taskType,
    present: (r) => ({ taskType: r.taskType, duePeriod: r.duePeriod, workingDays: r.workingDays }),
    action: 'policy.sla_set',
    upsert: (tx, p) => tx`
      INSERT INTO sla_policies (task_type, region_code, due_period, working_days, updated_at)
      VALUES (${p.taskType}, ${p.regionCode}, ${p.duePeriod}, ${p.workingDays}, now())
      ON CONFLICT (task_type, region_code) DO UPDATE SET due_period = EXCLUDED.due_period, working_days = EXCLUDED.working_days, updated_at = now()
      RETURNING *`,
  });

  settingsTable('/admin/case-policies', {
    body: casePolicyBodySchema,
    table: 'case_policies',
    keyColumn: 'key',
    key: (r) => r.key,
    present: (r) => ({ key: r.key, value: r.value }),
    action: 'policy.case_set',
    upsert: (tx, p) => tx`
      INSERT INTO case_policies (key, region_code, value, updated_at) VALUES (${p.key}, ${p.regionCode}, ${tx.json(p.value)}, now())
      ON CONFLICT (key, region_code) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
      RETURNING *`,
  });

  return router;
}
