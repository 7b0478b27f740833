// The small chaos run (CI size) of `npm run chaos`, as its own process (embedded PostgreSQL is
// ESM-only, which jest's module system cannot load): faults during a lifecycle run lose nothing
// and repeat nothing. See bench/chaos.ts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ChaosReport } from '../../bench/chaos';

const ROOT = path.resolve(__dirname, '..', '..');
const logFile = path.join(__dirname, '..', 'artifacts', 'chaos.log');

function runChaosProcess(): Promise<ChaosReport> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'bench', 'chaos.ts')], {
      cwd: ROOT,
      env: { ...process.env, CHAOS_CASES: process.env.CHAOS_CASES ?? '6', CHAOS_CONCURRENCY: '3' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    child.stdout.on('data', (c: Buffer) => {
      fs.writeSync(out, c);
      buffer += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => fs.writeSync(out, c));
    child.on('close', () => {
      fs.closeSync(out);
      const m = /CHAOS_REPORT (\{.*\})/.exec(buffer);
      if (m) resolve(JSON.parse(m[1]) as ChaosReport);
      else reject(new Error(`the chaos run produced no report; see ${logFile}`));
    });
  });
}

test('worker ×3, Temporal, PostgreSQL and API killed mid-run: every case closed, nothing twice, chain intact', async () => {
  const r = await runChaosProcess();
  expect(r.events.filter((e) => /SIGKILL/.test(e))).toHaveLength(6);
  expect(r.errors).toEqual([]);
  expect(r.closed).toBe(r.cases);
  expect(r.duplicateTasks).toBe(0);
  expect(r.duplicateAuditKeys).toBe(0);
  expect(r.claimsPaid).toBe(r.claims);
  expect(r.transfers).toBe(3); // tksk1: base + BSP/Sembako; tksk3: base
  expect(r.duplicateTransfers).toBe(0);
  expect(r.auditChainOk).toBe(true);
}, 900_000);
