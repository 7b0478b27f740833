// The worker process: wires the workflow bundle and the activities to the task queue. Nothing else.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { connect } from '../db';
import { migrate } from '../db/migrate';
import { dataConverter, payloadCodecFromEnv } from '../infra/codec';
import { loadConfig } from '../infra/config';
import { exitWithParent } from '../infra/process';
import { ensureSchedules } from './schedules';

async function main() {
  const config = loadConfig();
  if (!config.databaseUrl || !config.temporalAddress) throw new Error('worker needs DATABASE_URL and TEMPORAL_ADDRESS');
  const sql = connect(config.databaseUrl);
  await migrate(sql);
  const converter = dataConverter(payloadCodecFromEnv(process.env, config.dataDir, config.production));
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  // Activities of bulk operations send Updates to case workflows.
  const clientConnection = await Connection.connect({ address: config.temporalAddress });
  const client = new Client({ connection: clientConnection, namespace: config.namespace, dataConverter: converter });
  await ensureSchedules(client, config.taskQueue, { paused: config.schedulesPaused });
  const bundlePath = process.env.WORKFLOW_BUNDLE_PATH;
  const worker = await Worker.create({
    connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('../workflows') }),
    activities: createActivities(sql, client),
    dataConverter: converter,
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
  });
  exitWithParent(() => worker.shutdown());
  console.log(`[worker] polling task queue ${config.taskQueue} on ${config.temporalAddress}`);
  await worker.run();
  await connection.close();
  await clientConnection.close();
  await sql.end({ timeout: 5 });
}

main().catch((err) => {
  console.error('[worker] failed:', err);
  process.exit(1);
});
