import fs from 'node:fs';
import { stopStackProcess } from './stackProcess';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__KESOS_STACK__;
  if (!stack) return;
  globalThis.__KESOS_STACK__ = undefined; // one teardown per project that started it
  await stopStackProcess(stack.process);
  fs.rmSync(stack.dataDir, { recursive: true, force: true });
}
