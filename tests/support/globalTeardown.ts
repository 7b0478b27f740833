import fs from 'node:fs';
import { stopStackProcess } from './stackProcess';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__KESOS_STACK__;
  if (!stack) return;
  await stopStackProcess(stack.process);
  fs.rmSync(stack.dataDir, { recursive: true, force: true });
}
