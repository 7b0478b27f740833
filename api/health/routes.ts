import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Sql } from '../../db';

async function probe(check: () => Promise<unknown>): Promise<'ok' | 'down'> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000))]);
    return 'ok';
  } catch {
    return 'down';
  }
}

/** Liveness and readiness: "ok" only when both PostgreSQL and Temporal answer. */
export function healthRoutes(sql: Sql, temporal: Client): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [db, temporalState] = await Promise.all([probe(() => sql`SELECT 1`), probe(() => temporal.connection.workflowService.getSystemInfo({}))]);
    const ok = db === 'ok' && temporalState === 'ok';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', temporal: temporalState, db });
  });
  return router;
}
