// `npm start`: the whole product on one machine with embedded defaults. Ctrl-C stops it cleanly.
import { loadConfig } from '../infra/config';
import { redactUrl, startStack } from '../infra/stack';
import { DEMO_PASSWORD, DEMO_USERS } from '../db/seed';

async function main() {
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  const stack = await startStack(config, log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping…`);
    await stack.stop();
    log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  log('');
  log('kesos-flow is running');
  log(`  Portal        ${stack.apiUrl}/admin/`);
  log(`  API           ${stack.apiUrl}/api   (OpenAPI: ${stack.apiUrl}/api/openapi.json)`);
  log(`  Health        ${stack.apiUrl}/health`);
  if (stack.temporalUiUrl) log(`  Temporal UI   ${stack.temporalUiUrl}`);
  if (stack.paymentsUrl) log(`  Payments      ${stack.paymentsUrl}  (simulator)`);
  log(`  Data          ${config.dataDir}`);
  if (!config.production) {
    log(`  Demo logins   (password "${DEMO_PASSWORD}")`);
    for (const u of DEMO_USERS) log(`    ${u.username.padEnd(12)} ${u.role.padEnd(21)} ${u.displayName}`);
  }
  // Machine-readable line for test harnesses. No passwords: local mode's are in DATA_DIR/secrets.
  const ready = {
    apiUrl: stack.apiUrl,
    databaseUrl: redactUrl(stack.databaseUrl),
    adminDatabaseUrl: stack.adminDatabaseUrl && redactUrl(stack.adminDatabaseUrl),
    temporalAddress: stack.temporalAddress,
    temporalTlsFiles: stack.temporalTlsFiles,
    paymentsUrl: stack.paymentsUrl,
  };
  log(`KESOS_READY ${JSON.stringify(ready)}`);
  log('Press Ctrl-C to stop.');
}

main().catch((err) => {
  console.error('kesos-flow failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
