// retentionWorkflow: run daily by the Temporal Schedule `kesos-retention`; anonymises every case
// whose retention period after closure has passed, in batches.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes' });

export async function retentionWorkflow(): Promise<{ anonymised: number }> {
  let anonymised = 0;
  const at = new Date().toISOString();
  for (;;) {
    const n = await acts.anonymiseExpiredCases({ batch: 500, at });
    anonymised += n;
    if (n < 500) return { anonymised };
  }
}
