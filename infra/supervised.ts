// Child processes of a local stack that are restarted when they die on their own: the worker,
// the API, the payment simulator, the Temporal cluster's services.
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from './config';

type Log = (line: string) => void;

/**
 * A child process that is restarted if it dies on its own (not when we stop it): one of our
 * TypeScript entry points (`script`), or any program (`command`, e.g. a Temporal service).
 */
export class Supervised {
  /** Any program (a Temporal service), supervised the same way. */
  static program(name: string, file: string, args: string[], env: NodeJS.ProcessEnv, log: Log): Supervised {
    return new Supervised(name, file, env, log, { file, args });
  }

  private child?: ChildProcess;
  private stopping = false;
  private restarts: number[] = [];

  constructor(
    private readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: Log,
    private readonly command?: { file: string; args: string[] },
  ) {}

  start(): void {
    // `node --import tsx` (not the tsx CLI, which adds a middle process): the child's parent is
    // this process, so it can notice when we die (infra/process.ts).
    // KESOS_CPU_PROFILE_DIR: each child writes a V8 CPU profile there when it exits (profiling benches).
    const profile = this.env.KESOS_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${this.env.KESOS_CPU_PROFILE_DIR}`] : [];
    const [file, args] = this.command
      ? [this.command.file, this.command.args]
      : [process.execPath, [...profile, '--import', 'tsx', path.join(PROJECT_ROOT, this.script)]];
    const child = spawn(file, args, {
      cwd: PROJECT_ROOT,
      env: { ...this.env, KESOS_SUPERVISED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const prefix = (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((l) => this.log(`[${this.name}] ${l}`));
    child.stdout?.on('data', prefix);
    child.stderr?.on('data', prefix);
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      const now = Date.now();
      this.restarts = this.restarts.filter((t) => now - t < 60_000).concat(now);
      if (this.restarts.length > 5) return this.log(`[${this.name}] exited (${code ?? signal}) 5 times in a minute: not restarting`);
      this.log(`[${this.name}] exited (${code ?? signal}); restarting`);
      setTimeout(() => !this.stopping && this.start(), 1_000);
    });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** For chaos tests: kill without stopping supervision. */
  kill(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  }
}
