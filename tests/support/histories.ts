// Stored workflow histories (tests/histories/<generation>/*.json) are replayed against the current
// workflow code in CI. `RECORD_HISTORIES=1 npm test` refreshes `current/` from real runs of the
// lifecycle tests; older generations stay, so a change that breaks their replay needs `patched()`
// (before-local-projections/ was recorded when projections were regular activities,
// before-sealed-signals/ when signals were taken unsealed).
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Client } from '@temporalio/client';
import { temporalClient } from './stack';

export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');
const CURRENT_DIR = path.join(HISTORIES_DIR, 'current');

export async function recordHistory(client: Client, name: string, workflowId: string, runId?: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  fs.mkdirSync(CURRENT_DIR, { recursive: true });
  fs.writeFileSync(path.join(CURRENT_DIR, `${name}.json`), historyToJSON(history));
}

/** recordHistory with a client of its own, opened only when recording (for tests without one). */
export async function recordHistoryOf(name: string, workflowId: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const temporal = await temporalClient();
  try {
    await recordHistory(temporal.client, name, workflowId);
  } finally {
    await temporal.close();
  }
}
