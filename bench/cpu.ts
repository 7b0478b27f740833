// CPU seconds per component of a bench stack (Linux /proc): where a phase's time goes. The stack's
// processes are this process's children (PostgreSQL with its backends, the Temporal dev server,
// worker, API); the load generator is this process itself. `worker` counts the baseline's worker
// (bench/baseline/worker.ts) too: in each phase one of the two works while the other idles.
import fs from 'node:fs';

export const COMPONENTS = ['postgres', 'temporal', 'worker', 'api', 'load generator'] as const;
export type Component = (typeof COMPONENTS)[number];
export type CpuSample = Record<Component, number>;

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Proc {
  ppid: number;
  ticks: number;
  cmdline: string;
}

function processes(): Map<number, Proc> {
  const out = new Map<number, Proc>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start at state = field 3.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]); // utime stime cutime cstime
      out.set(Number(name), { ppid: Number(f[1]), ticks, cmdline: fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // exited while we looked
    }
  }
  return out;
}

function classify(cmdline: string): Exclude<Component, 'load generator'> | undefined {
  if (/\bpostgres\b/.test(cmdline)) return 'postgres';
  if (/\btemporal server\b/.test(cmdline)) return 'temporal';
  if (cmdline.includes('worker/main.ts') || cmdline.includes('bench/baseline/worker.ts')) return 'worker';
  if (cmdline.includes('api/main.ts')) return 'api';
  return undefined;
}

export function cpuSample(): CpuSample {
  const procs = processes();
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  const subtree = (pid: number): number => (procs.get(pid)?.ticks ?? 0) + (children.get(pid) ?? []).reduce((s, c) => s + subtree(c), 0);
  const own = process.cpuUsage();
  const sample: CpuSample = { postgres: 0, temporal: 0, worker: 0, api: 0, 'load generator': (own.user + own.system) / 1e6 };
  for (const pid of children.get(process.pid) ?? []) {
    const component = classify(procs.get(pid)!.cmdline);
    if (component) sample[component] += subtree(pid) / TICKS_PER_SECOND;
  }
  return sample;
}

export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  return Object.fromEntries(COMPONENTS.map((c) => [c, after[c] - before[c]])) as CpuSample;
}
