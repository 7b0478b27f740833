import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__KESOS_STACK__;
  if (!stack) return;
  const { child, dataDir } = stack;
  if (child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
    });
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
