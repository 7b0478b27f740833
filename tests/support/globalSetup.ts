// Starts the real stack for integration tests: `scripts/start.ts` (the `npm start` entry) in a
// throwaway data dir on free ports. Unit-only runs set KESOS_NO_STACK=1 to skip it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';

declare global {
  // eslint-disable-next-line no-var
  var __KESOS_STACK__: { child: ChildProcess; dataDir: string } | undefined;
}

export const STACK_ENV = 'KESOS_TEST_STACK';

export default async function globalSetup(): Promise<void> {
  if (process.env.KESOS_NO_STACK === '1') return;
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-test-'));
  fs.chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
  const logFile = path.join(root, 'tests', 'artifacts', 'stack.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    LOCAL_PG_PORT: String(await freePort()),
    LOCAL_TEMPORAL_PORT: String(await freePort()),
    LOCAL_TEMPORAL_UI_PORT: '0',
    BUILD_ADMIN: process.env.BUILD_ADMIN ?? 'never',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'scripts', 'start.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  globalThis.__KESOS_STACK__ = { child, dataDir };

  const ready = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`stack not ready in 180 s; see ${logFile}`)), 180_000);
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      buffer += chunk.toString();
      const m = /KESOS_READY (\{.*\})/.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => log.write(c));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with code ${code}; see ${logFile}`));
    });
  });
  process.env[STACK_ENV] = JSON.stringify({ ...JSON.parse(ready), dataDir, logFile });
}
