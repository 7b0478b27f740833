// How a worker process runs, for the product's worker (./main.ts) and the benchmark's baseline
// worker (bench/baseline/worker.ts): connect, poll until SIGTERM/SIGINT or the parent's death
// (infra/process.ts), drain, disconnect.
import fs from 'node:fs';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { exitWithParent } from '../infra/process';
import type { TemporalEndpoint } from '../infra/temporalTls';

/** The workflow code: a bundle built ahead of time when `bundlePath` is set, else bundled at start from `entry`. */
export function workflowCode(entry: string, bundlePath?: string): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: entry };
}

const SEAL_KEYS_LITERAL = /(["'])__KESOS_SEAL_KEYS__\1/g;

/**
 * The product's workflow code with the seal keys written into it (workflows/seal.ts), in memory
 * only: the keys reach the sandbox without passing through history, payloads or the server.
 */
export async function sealedWorkflowCode(entry: string, bundlePath: string | undefined, sealKeysSpec: string): Promise<Pick<WorkerOptions, 'workflowBundle'>> {
  const code = bundlePath ? fs.readFileSync(bundlePath, 'utf8') : (await bundleWorkflowCode({ workflowsPath: entry })).code;
  const found = code.match(SEAL_KEYS_LITERAL)?.length ?? 0;
  if (found !== 1) throw new Error(`the workflow bundle should name the seal-key placeholder once, found ${found}`);
  return { workflowBundle: { code: code.replace(SEAL_KEYS_LITERAL, () => JSON.stringify(sealKeysSpec)) } };
}

/** Runs a worker on the Temporal frontend at `endpoint` until it is shut down. */
export async function runWorker(name: string, endpoint: TemporalEndpoint, options: Omit<WorkerOptions, 'connection'>): Promise<void> {
  const connection = await NativeConnection.connect(endpoint);
  try {
    const worker = await Worker.create({ connection, ...options });
    exitWithParent(() => worker.shutdown());
    console.log(`[${name}] polling task queue ${options.taskQueue} on ${endpoint.address}${endpoint.tls ? ' (mutual TLS)' : ''}`);
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
