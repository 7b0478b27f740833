// The worker process: wires the workflow bundle and the activities to the task queue. Nothing else.
import { Client, Connection } from '@temporalio/client';
import { Runtime } from '@temporalio/worker';
import { createActivities } from '../activities';
import { connect } from '../db';
import { migrate } from '../db/migrate';
import { dataConverter, payloadCodecFromEnv } from '../infra/codec';
import { loadConfig } from '../infra/config';
import { sealConfigFromEnv, sealingInterceptor } from '../infra/sealKeys';
import { runMain, runWorker, sealedWorkflowCode } from './run';
import { ensureSchedules } from './schedules';
import { endpointOf } from '../infra/temporalTls';
import { ensureSembakoCalendarSchedule } from '../infra/sembakoCalendarSchedule';

runMain('worker', async () => {
  const config = loadConfig();
  if (!config.databaseUrl || !config.temporalAddress) throw new Error('worker needs DATABASE_URL and TEMPORAL_ADDRESS');
  // The SDK's own Prometheus metrics (workflow and activity task latencies, schedule-to-start =
  // the task queue's backlog, sticky cache, slots), before any connection exists.
  if (config.workerMetricsAddress) Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: config.workerMetricsAddress } } } });
  const sql = connect(config.databaseUrl);
  await migrate(sql);
  const converter = dataConverter(payloadCodecFromEnv(process.env, config.dataDir, config.production, { refuseUnencrypted: true }));
  const seal = sealConfigFromEnv(process.env, config.dataDir, config.production);
  // Activities of bulk operations send Updates to case workflows.
  const endpoint = endpointOf(config.temporalAddress, config.temporalTlsFiles);
  const clientConnection = await Connection.connect(endpoint);
  const client = new Client({
    connection: clientConnection,
    namespace: config.namespace,
    dataConverter: converter,
    interceptors: { workflow: [sealingInterceptor(seal)] },
  });
  await ensureSchedules(client, config.taskQueue, { paused: config.schedulesPaused });
  for (const { kabupatenCode } of await sql<{ kabupatenCode: string }[]>`SELECT DISTINCT kabupaten_code FROM sembako_calendar`)
    await ensureSembakoCalendarSchedule(client, kabupatenCode, config.taskQueue, { paused: config.schedulesPaused });
  await runWorker('worker', endpoint, {
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    ...(await sealedWorkflowCode(require.resolve('../workflows'), process.env.WORKFLOW_BUNDLE_PATH, seal.spec)),
    activities: createActivities(sql, client, seal.keys),
    dataConverter: converter,
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
  });
  await clientConnection.close();
  await sql.end({ timeout: 5 });
});
