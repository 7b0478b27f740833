// The small chaos run (CI size) of `npm run chaos`: faults during a lifecycle run lose nothing
// and repeat nothing. See bench/chaos.ts.
import { runChaos } from '../../bench/chaos';

test('worker ×3, Temporal, PostgreSQL and API killed mid-run: every case closed, nothing twice, chain intact', async () => {
  const r = await runChaos({ cases: Number(process.env.CHAOS_CASES ?? 6), concurrency: 3, log: () => undefined });
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
