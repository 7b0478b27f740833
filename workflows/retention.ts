// retentionWorkflow: run daily by the Temporal Schedule `kesos-retention`; anonymises every case
// whose retention period after closure has passed, in batches, then deletes the expired
// idempotency records.
import { patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes' });

export async function retentionWorkflow(): Promise<{ anonymised: number; idempotencyKeysPurged?: number }> {
  let anonymised = 0;
  const at = new Date().toISOString();
  for (;;) {
    const n = await acts.anonymiseExpiredCases({ batch: 500, at });
    anonymised += n;
    if (n < 500) break;
  }
  // A run started before this step existed replays without it.
  if (!patched('retention-purges-idempotency-keys')) return { anonymised };
  return { anonymised, idempotencyKeysPurged: await acts.purgeIdempotencyKeys({ at }) };
}
