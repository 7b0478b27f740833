// How a worker process runs, for the product's worker (./main.ts) and the benchmark's baseline
// worker (bench/baseline/worker.ts): connect, poll until SIGTERM/SIGINT or the parent's death
// (infra/process.ts), drain, disconnect.
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { exitWithParent } from '../infra/process';

/** The workflow code: a bundle built ahead of time when `bundlePath` is set, else bundled at start from `entry`. */
export function workflowCode(entry: string, bundlePath?: string): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: entry };
}

/** Runs a worker on the Temporal frontend at `address` until it is shut down. */
export async function runWorker(name: string, address: string, options: Omit<WorkerOptions, 'connection'>): Promise<void> {
  const connection = await NativeConnection.connect({ address });
  try {
    const worker = await Worker.create({ connection, ...options });
    exitWithParent(() => worker.shutdown());
    console.log(`[${name}] polling task queue ${options.taskQueue} on ${address}`);
    await worker.run();
  } finally {
    await connection.close();
  }
}

/** A process's entry point: a failure is logged and ends the process with status 1. */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(`[${name}] failed:`, err);
    process.exit(1);
  });
}
