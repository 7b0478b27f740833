// The API process: connects to PostgreSQL and Temporal, then serves /api, /health and /admin.
import { Client, Connection } from '@temporalio/client';
import { connect } from '../db';
import { migrate } from '../db/migrate';
import { dataConverter, payloadCodecFromEnv } from '../infra/codec';
import { loadConfig } from '../infra/config';
import { ensureSearchAttributes } from '../infra/temporalServer';
import { exitWithParent } from '../infra/process';
import { sealConfigFromEnv, sealingInterceptor } from '../infra/sealKeys';
import { localSecret } from '../infra/secrets';
import { createApp } from './app';
import { createLogger } from './logger';
import { endpointOf } from '../infra/temporalTls';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (!config.databaseUrl || !config.temporalAddress) throw new Error('api needs DATABASE_URL and TEMPORAL_ADDRESS');
  if (config.production && !config.jwtSecret) throw new Error('JWT_SECRET is required in production');
  const jwtSecret = config.jwtSecret ?? localSecret(config.dataDir, 'jwt-secret');
  const sql = connect(config.databaseUrl, { customPlans: true });
  await migrate(sql);
  // Idempotent: a fresh production cluster gets our search attributes on the first API start.
  const endpoint = endpointOf(config.temporalAddress, config.temporalTlsFiles);
  await ensureSearchAttributes(endpoint, config.namespace);
  const connection = await Connection.connect(endpoint);
  const codec = payloadCodecFromEnv(process.env, config.dataDir, config.production);
  const seal = sealConfigFromEnv(process.env, config.dataDir, config.production);
  const temporal = new Client({
    connection,
    namespace: config.namespace,
    dataConverter: dataConverter(codec),
    interceptors: { workflow: [sealingInterceptor(seal)] },
  });
  const lifecycle = { draining: false };
  const app = createApp({
    lifecycle,
    metricsToken: process.env.METRICS_TOKEN || undefined,
    sql,
    temporal,
    taskQueue: config.taskQueue,
    jwtSecret,
    log,
    codec,
    corsOrigins: config.corsOrigins,
    loginLimits: config.loginLimits,
    secureCookies: config.production,
    schedulesPaused: config.schedulesPaused,
  });
  const server = app.listen(config.port, config.bindAddress, () => log.info({ port: config.port, address: config.bindAddress }, 'api listening'));
  exitWithParent(async () => {
    // Drain: readiness turns 503 (the proxy stops routing here), no new connections are taken,
    // requests in flight finish (exitWithParent ends the process after 15 s at the latest).
    lifecycle.draining = true;
    log.info('draining: finishing requests in flight');
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await connection.close();
    await sql.end({ timeout: 5 });
    process.exit(0);
  });
}

main().catch((err) => {
  console.error('[api] failed:', err);
  process.exit(1);
});
