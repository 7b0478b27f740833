// Stored workflow histories (tests/histories/*.json) are replayed against the current workflow
// code in CI. `RECORD_HISTORIES=1 npm test` refreshes them from real runs of the lifecycle tests;
// a change that breaks their replay needs `patched()` instead.
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Client } from '@temporalio/client';

export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');

export async function recordHistory(client: Client, name: string, workflowId: string, runId?: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  fs.writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), historyToJSON(history));
}
