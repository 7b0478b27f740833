// Chaos: while cases go through the full lifecycle (and stipend claims through to payment), the
// worker is SIGKILLed three times, and the Temporal dev server, PostgreSQL and the API are each
// killed and restarted once. Afterwards every case must be closed, nothing duplicated, no
// payment made twice, and the audit chain intact.
//
//   npm run chaos                     CHAOS_CASES (default 20), CHAOS_CONCURRENCY (default 5)
import { verifyAuditChain } from '../db/audit';
import { connect } from '../db';
import { loadConfig } from '../infra/config';
import { ApiClient, runCaseLifecycle, runMany } from './driver';
import { startBenchStack, type BenchStack } from './harness';

export interface ChaosReport {
  cases: number;
  closed: number;
  errors: string[];
  events: string[];
  duplicateTasks: number;
  duplicateAuditKeys: number;
  claims: number;
  claimsPaid: number;
  transfers: number;
  duplicateTransfers: number;
  auditChainOk: boolean;
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runChaos(o: { cases: number; concurrency: number; log: (l: string) => void; keepDir?: boolean }): Promise<ChaosReport> {
  const started = Date.now();
  const events: string[] = [];
  const note = (e: string) => {
    events.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${e}`);
    o.log(`[chaos] ${e}`);
  };
  let stack: BenchStack | undefined;
  try {
    stack = await startBenchStack((l) => o.log(`[chaos] ${l}`), {
      paymentSimulator: true,
      keepDir: o.keepDir,
      // A flaky provider: transient failures and a lost answer after commit on every transfer.
      extraEnv: { PAYMENT_SIM_FAIL_RATE: '0.2', PAYMENT_SIM_LOSE_FIRST_RESPONSE: '1' },
    });
    const { worker, api, baseUrl } = stack;
    const client = new ApiClient({ baseUrl, retryForMs: 120_000 });
    // Short aftercare so a lifecycle completes in seconds; budget for the claims.
    await client.request('policy', 'PUT', '/api/admin/case-policies', { user: 'admin', body: { key: 'aftercare_delay', regionCode: '33.73', value: 'PT1S' } });
    await client.request('budget', 'PUT', '/api/tali-asih/budgets', {
      user: 'provinsi1',
      body: { period: '2026-09', fundingSource: 'APBN', allocated: 100_000_000 },
    });

    // The chaos monkey, paced by progress so the faults land mid-run.
    let done = 0;
    let lastFault = 0;
    // A fault when the run has reached `fraction` of its cases, and at least 3 s after the last.
    const at = (fraction: number) => async () => {
      while (done < Math.max(1, Math.floor(o.cases * fraction)) || Date.now() - lastFault < 3_000) await sleep(100);
      lastFault = Date.now();
    };
    // [share of the cases done, fault]: every process of the stack dies at least once mid-run.
    const faults: [number, string, () => unknown][] = [
      [0, 'SIGKILL worker (1/3)', () => worker.kill('SIGKILL')],
      [0.2, 'SIGKILL API (restarted by its supervisor)', () => api.kill('SIGKILL')],
      [0.3, 'SIGKILL worker (2/3)', () => worker.kill('SIGKILL')],
      [
        0.45,
        stack.temporalKind === 'cluster'
          ? 'SIGKILL Temporal history and frontend services, restarted by their supervisors'
          : 'SIGKILL Temporal dev server, restarted on the same database file',
        () => stack!.crashTemporal(),
      ],
      [0.6, 'SIGKILL worker (3/3)', () => worker.kill('SIGKILL')],
      [0.7, 'SIGKILL PostgreSQL postmaster, restarted (crash recovery)', () => stack!.crashPostgres()],
    ];
    const monkey = (async () => {
      await sleep(2_000);
      for (const [fraction, what, fault] of faults) {
        if (fraction > 0) await at(fraction)();
        else lastFault = Date.now();
        note(what);
        await fault();
      }
    })();

    const claimsFor = ['usr_tksk1', 'usr_tksk3'];
    const claimRun = (async () => {
      for (const tkskId of claimsFor) {
        const c = await client.request('POST /api/tali-asih/claims', 'POST', '/api/tali-asih/claims', {
          user: 'supervisor1',
          body: { tkskId, period: '2026-09' },
          idempotencyKey: `chaos-claim-${tkskId}`,
        });
        if (c.status !== 201 && c.status !== 409) throw new Error(`claim: ${c.status} ${JSON.stringify(c.body)}`);
        const id = `tali-asih-${tkskId}-2026-09`;
        await client.complete(tkskId === 'usr_tksk1' ? 'tksk1' : 'tksk3', id, 'tali_asih_report', {
          data: { narrative: 'Laporan kegiatan bulan September sebagai TKSK.' },
        });
        await client.complete('supervisor1', id, 'tali_asih_verification', { outcome: 'approve', data: {} });
        await client.complete('provinsi1', id, 'tali_asih_approval', { outcome: 'approve', data: {} });
      }
    })();

    const run = await runMany(
      o.cases,
      o.concurrency,
      () => runCaseLifecycle(client),
      (n) => {
        done = n;
        if (n % Math.max(1, Math.floor(o.cases / 10)) === 0) o.log(`[chaos] ${n}/${o.cases} cases`);
      },
    );
    await monkey;
    await claimRun;

    // Let the claims finish paying (the provider is flaky on purpose).
    const sql = connect(stack.databaseUrl, { max: 2 });
    try {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const [{ paid }] = await sql`SELECT count(*)::int AS paid FROM tali_asih_claims WHERE period = '2026-09' AND status = 'paid'`;
        if (paid === claimsFor.length) break;
        await sleep(500);
      }
      const [{ closed }] =
        await sql`SELECT count(*)::int AS closed FROM cases WHERE id IN ${sql(run.ids.length ? run.ids : ['none'])} AND status = 'closed' AND closed_reason = 'goals_met'`;
      const [{ duplicateTasks }] = await sql`
        SELECT count(*)::int AS duplicate_tasks FROM (
          SELECT workflow_id, type, count(*) FROM tasks WHERE type <> 'pendampingan_visit' AND type <> 'sla_escalation' GROUP BY 1, 2 HAVING count(*) > 1) d`;
      const [{ extraVisits }] = await sql`
        SELECT count(*)::int AS extra_visits FROM (SELECT case_id FROM tasks WHERE type = 'pendampingan_visit' GROUP BY 1 HAVING count(*) <> 2) v`;
      const [{ duplicateAuditKeys }] =
        await sql`SELECT count(*)::int AS duplicate_audit_keys FROM (SELECT event_key FROM audit_log GROUP BY 1 HAVING count(*) > 1) d`;
      const [{ claims, claimsPaid }] = await sql`
        SELECT count(*)::int AS claims, count(*) FILTER (WHERE status = 'paid')::int AS claims_paid FROM tali_asih_claims WHERE period = '2026-09'`;
      const ledger = (await (
        await fetch(`${stack.paymentsUrl}/v1/transfers`, { headers: { authorization: `Bearer ${stack.env.PAYMENT_PROVIDER_TOKEN}` } })
      ).json()) as { idempotencyKey: string }[];
      const keys = ledger.map((t) => t.idempotencyKey);
      const chain = await verifyAuditChain(sql);
      return {
        cases: o.cases,
        closed,
        errors: run.errors,
        events,
        duplicateTasks: duplicateTasks + extraVisits,
        duplicateAuditKeys,
        claims,
        claimsPaid,
        transfers: keys.length,
        duplicateTransfers: keys.length - new Set(keys).size,
        auditChainOk: chain.ok,
        seconds: Math.round((Date.now() - started) / 1000),
      };
    } finally {
      await sql.end({ timeout: 5 });
    }
  } finally {
    await stack?.stop();
  }
}

if (require.main === module) {
  loadConfig(); // validates the environment like every entry point
  const cases = Number(process.env.CHAOS_CASES ?? 20);
  const concurrency = Number(process.env.CHAOS_CONCURRENCY ?? 5);
  runChaos({ cases, concurrency, log: (l) => console.log(l), keepDir: process.env.CHAOS_KEEP === '1' })
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      console.log(`CHAOS_REPORT ${JSON.stringify(r)}`);
      const ok =
        r.closed === r.cases &&
        !r.errors.length &&
        !r.duplicateTasks &&
        !r.duplicateAuditKeys &&
        r.claimsPaid === r.claims &&
        !r.duplicateTransfers &&
        r.auditChainOk;
      console.log(ok ? 'chaos: PASS' : 'chaos: FAIL');
      process.exit(ok ? 0 : 1);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
