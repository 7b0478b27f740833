// Starts the real stack for integration tests: `scripts/start.ts` (the `npm start` entry) in a
// throwaway data dir on free ports. Unit-only runs set KESOS_NO_STACK=1 to skip it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allocatePorts, startStackProcess, type StackProcess } from './stackProcess';

declare global {
  var __KESOS_STACK__: { process: StackProcess; dataDir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  // Each project that needs the stack names this setup: the first one starts it, for all.
  if (process.env.KESOS_NO_STACK === '1' || globalThis.__KESOS_STACK__) return;
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-test-'));
  fs.chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
  const logFile = path.join(root, 'tests', 'artifacts', 'stack.log');
  fs.rmSync(logFile, { force: true });
  const proc = await startStackProcess(dataDir, await allocatePorts(), logFile);
  globalThis.__KESOS_STACK__ = { process: proc, dataDir };
  // pid: the start script, whose process group holds every process of the stack.
  process.env.KESOS_TEST_STACK = JSON.stringify({ ...proc.ready, dataDir, logFile, pid: proc.child.pid });
}
