import { Router, type RequestHandler } from 'express';
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

/**
 * Readiness (`/health`, `/health/ready`): "ok" only when PostgreSQL and Temporal answer and the
 * process is not draining (a load balancer stops sending it requests). Liveness (`/health/live`):
 * the process answers at all (an orchestrator restarts it otherwise), whatever its dependencies do.
 */
export function healthRoutes(sql: Sql, temporal: Client, lifecycle: { draining: boolean } = { draining: false }): Router {
  const router = Router();
  const ready: RequestHandler = async (_req, res) => {
    const [db, temporalState] = await Promise.all([probe(() => sql`SELECT 1`), probe(() => temporal.connection.workflowService.getSystemInfo({}))]);
    const ok = db === 'ok' && temporalState === 'ok' && !lifecycle.draining;
    res.status(ok ? 200 : 503).json({ status: lifecycle.draining ? 'draining' : ok ? 'ok' : 'degraded', temporal: temporalState, db });
  };
  router.get('/health', ready);
  router.get('/health/ready', ready);
  router.get('/health/live', (_req, res) => void res.json({ status: 'ok' }));
  return router;
}
