// Tali asih (PRODUCT.md §3.2): claims, budgets and reconciliation, a file per resource; SQL in
// queries.ts, request and response schemas in schema.ts.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { budgetRoutes } from './budgets';
import { claimRoutes } from './claims';
import { reconciliationRoutes } from './reconciliation';

export function taliAsihRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();
  router.use(claimRoutes(sql, temporal, taskQueue));
  router.use(budgetRoutes(sql, temporal));
  router.use(reconciliationRoutes(sql));
  return router;
}
