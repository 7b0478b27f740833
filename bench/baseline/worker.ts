// The baseline's own worker process, started by the lifecycle benchmark beside the product's:
// the bare workflows of ./workflows.ts on their own task queue, no activities, and the product
// worker's data converter and workflow cache, so that only what the baseline leaves out differs.
import { dataConverter, payloadCodecFromEnv } from '../../infra/codec';
import { loadConfig } from '../../infra/config';
import { endpointOf } from '../../infra/temporalTls';
import { runMain, runWorker } from '../../worker/run';
import { BASELINE_TASK_QUEUE } from './definitions';

runMain('baseline worker', async () => {
  const config = loadConfig();
  if (!config.temporalAddress) throw new Error('the baseline worker needs TEMPORAL_ADDRESS');
  await runWorker('baseline worker', endpointOf(config.temporalAddress, config.temporalTlsFiles), {
    namespace: config.namespace,
    taskQueue: BASELINE_TASK_QUEUE,
    workflowsPath: require.resolve('./workflows'),
    dataConverter: dataConverter(payloadCodecFromEnv(process.env, config.dataDir, config.production)),
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
  });
});
