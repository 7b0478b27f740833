// npm run bench:inbox: seeds BENCH_INBOX_CASES (default 100,000) cases and 5 tasks each
// (500,000) directly in PostgreSQL — spread over 700 synthetic kecamatan of provinsi 33 plus
// the demo kecamatan — then measures p50/p95 of the inbox and case-list requests over HTTP for
// typical filters, sorts, pages and region scopes, against the 50 ms target. For any request
// over target it prints the plan of the equivalent query.
import postgres from 'postgres';
import { ApiClient, percentile } from './driver';
import { machine, runBenchmark } from './harness';

const CASES = Number(process.env.BENCH_INBOX_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_INBOX_RUNS ?? 40);
const TARGET_MS = 50;

async function seed(databaseUrl: string, log: (l: string) => void) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  const t = performance.now();
  // Synthetic regions: 35 kabupaten × 20 kecamatan × 1 desa under provinsi 33 (codes 33.01–33.35
  // are real kabupaten codes; names here are placeholders).
  await sql`
    INSERT INTO regions (code, level, name, parent_code, code_version)
    SELECT '33.' || lpad(k::text, 2, '0'), 'kabupaten', 'Kabupaten uji ' || k, '33', 'bench' FROM generate_series(1, 35) k
    ON CONFLICT DO NOTHING`;
  await sql`
    INSERT INTO regions (code, level, name, parent_code, code_version)
    SELECT '33.' || lpad(k::text, 2, '0') || '.' || lpad(c::text, 2, '0'), 'kecamatan', 'Kecamatan uji', '33.' || lpad(k::text, 2, '0'), 'bench'
    FROM generate_series(1, 35) k, generate_series(1, 20) c ON CONFLICT DO NOTHING`;
  await sql`
    INSERT INTO regions (code, level, name, parent_code, code_version)
    SELECT '33.' || lpad(k::text, 2, '0') || '.' || lpad(c::text, 2, '0') || '.2001', 'desa', 'Desa uji', '33.' || lpad(k::text, 2, '0') || '.' || lpad(c::text, 2, '0'), 'bench'
    FROM generate_series(1, 35) k, generate_series(1, 20) c ON CONFLICT DO NOTHING`;
  // 1% of the cases in Sidorejo (tksk1's kecamatan), the rest spread over the synthetic ones.
  // Status and category mix in i / 100 so Sidorejo's cases (every 100th) get all of them.
  await sql`
    INSERT INTO cases (id, workflow_id, nik, name, birth_date, sex, address, desa_code, kecamatan_code, kabupaten_code, provinsi_code,
                       pmks_code, summary, consent, status, step, assignee_id, registered_by, created_at, updated_at)
    SELECT id, 'case-' || id, '3373015708' || lpad((i % 1000000)::text, 6, '0'), 'Penerima ' || i, date '1960-01-01' + (i % 20000), CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END,
           'Alamat ' || i, desa, left(desa, 8), left(desa, 5), '33',
           (ARRAY['LUT','FM','PD','AT','ODHA','KBA','GLD','PRSE'])[1 + (i + i / 100) % 8], 'Ringkasan kasus uji', '{"basis":"self"}',
           (ARRAY['assessment','assessment_review','pendampingan','pendampingan','pendampingan','closure_review','aftercare','closed','closed','cancelled'])[1 + (i + i / 100) % 10],
           'pendampingan_visit', CASE WHEN desa LIKE '33.73.01.%' THEN 'usr_tksk1' ELSE 'usr_tksk2' END, 'usr_tksk1',
           now() - (i % 700) * interval '1 day', now() - (i % 300) * interval '1 hour'
    FROM (
      SELECT i, gen_random_uuid()::text AS id,
             CASE WHEN i % 100 = 0 THEN '33.73.01.1001' ELSE '33.' || lpad((1 + i % 35)::text, 2, '0') || '.' || lpad((1 + (i / 35) % 20)::text, 2, '0') || '.2001' END AS desa
      FROM generate_series(1, ${CASES}) i
    ) g`;
  // 5 tasks per case: 4 completed, the last open unless the case has ended; some overdue.
  await sql`
    INSERT INTO tasks (id, workflow_id, case_id, type, candidate_role, region_code, assignee_id, status, created_at, due_at, completed_at, overdue)
    SELECT gen_random_uuid()::text, c.workflow_id, c.id,
           CASE WHEN n = 5 AND c.status = 'assessment_review' THEN 'assessment_approval'
                ELSE (ARRAY['asesmen','assessment_approval','pendampingan_visit','pendampingan_visit','pendampingan_visit'])[n] END,
           CASE WHEN n = 2 OR (n = 5 AND c.status = 'assessment_review') THEN 'supervisor_kabupaten' ELSE 'tksk' END, c.kecamatan_code,
           CASE WHEN n = 2 OR (n = 5 AND c.status = 'assessment_review') THEN NULL ELSE c.assignee_id END,
           CASE WHEN n < 5 OR c.status IN ('closed', 'cancelled') THEN 'completed' ELSE 'open' END,
           c.created_at + n * interval '3 days', c.created_at + (n + 7) * interval '3 days',
           CASE WHEN n < 5 OR c.status IN ('closed', 'cancelled') THEN c.created_at + (n + 1) * interval '3 days' END,
           n = 5 AND c.status NOT IN ('closed', 'cancelled') AND c.created_at + 36 * interval '1 day' < now()
    FROM cases c, generate_series(1, 5) n`;
  await sql`ANALYZE`;
  const [{ cases, tasks }] = await sql`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM tasks)::int AS tasks`;
  log(`seeded ${cases} cases and ${tasks} tasks in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  await sql.end();
}

const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

/** Each measured request, with the SQL the API runs for it (for EXPLAIN when over target). */
function scenarios() {
  // The TKSK scopes as api/tasks/queries.ts and api/cases/queries.ts build them (UNION ALL of two index scans).
  const tkskTasks = `(SELECT * FROM tasks t WHERE t.assignee_id = 'usr_tksk1' UNION ALL
    SELECT * FROM tasks t WHERE t.candidate_role = 'tksk' AND t.assignee_id IS NULL AND (t.region_code = '33.73.01' OR t.region_code LIKE '33.73.01.%')) t`;
  const tkskCases = `(SELECT * FROM cases c WHERE c.kecamatan_code = '33.73.01' UNION ALL
    SELECT * FROM cases c WHERE c.assignee_id = 'usr_tksk1' AND NOT c.kecamatan_code = '33.73.01') c`;
  return [
    {
      name: 'TKSK inbox: open, by due date',
      user: 'tksk1',
      path: `/api/tasks?filter=${enc({ status: 'open' })}&sort=${enc(['dueAt', 'ASC'])}&range=${enc([0, 24])}`,
      sql: `SELECT t.* FROM ${tkskTasks} WHERE t.status = 'open' ORDER BY t.due_at ASC NULLS LAST, t.id LIMIT 25`,
    },
    {
      name: 'kabupaten inbox: open approvals',
      user: 'supervisor1',
      path: `/api/tasks?filter=${enc({ status: 'open', candidateRole: 'supervisor_kabupaten' })}&sort=${enc(['dueAt', 'ASC'])}&range=${enc([0, 24])}`,
      sql: `SELECT t.* FROM tasks t WHERE (t.region_code = '33.73' OR t.region_code LIKE '33.73.%') AND t.status = 'open' AND t.candidate_role = 'supervisor_kabupaten' ORDER BY t.due_at ASC NULLS LAST, t.id LIMIT 25`,
    },
    {
      name: 'provinsi overdue board',
      user: 'provinsi1',
      path: `/api/tasks?filter=${enc({ status: 'open', overdue: true })}&sort=${enc(['dueAt', 'ASC'])}&range=${enc([0, 24])}`,
      sql: `SELECT t.* FROM tasks t WHERE (t.region_code = '33' OR t.region_code LIKE '33.%') AND t.status = 'open' AND (t.overdue OR (t.status = 'open' AND t.due_at < now())) ORDER BY t.due_at ASC NULLS LAST, t.id LIMIT 25`,
    },
    {
      name: 'TKSK case list, newest first',
      user: 'tksk1',
      path: `/api/cases?sort=${enc(['createdAt', 'DESC'])}&range=${enc([0, 24])}`,
      sql: `SELECT c.* FROM ${tkskCases} ORDER BY c.created_at DESC, c.id LIMIT 25`,
    },
    {
      name: 'provinsi case list, newest first (100k scope)',
      user: 'provinsi1',
      path: `/api/cases?sort=${enc(['createdAt', 'DESC'])}&range=${enc([0, 24])}`,
      sql: `SELECT c.* FROM cases c WHERE c.provinsi_code = '33' ORDER BY c.created_at DESC, c.id LIMIT 25`,
    },
    {
      name: 'provinsi cases: pendampingan + PMKS LUT, page 5',
      user: 'provinsi1',
      path: `/api/cases?filter=${enc({ status: 'pendampingan', pmksCode: 'LUT' })}&sort=${enc(['updatedAt', 'DESC'])}&range=${enc([100, 124])}`,
      sql: `SELECT c.* FROM cases c WHERE c.provinsi_code = '33' AND c.status = 'pendampingan' AND c.pmks_code = 'LUT' ORDER BY c.updated_at DESC, c.id LIMIT 25 OFFSET 100`,
    },
    {
      name: 'kabupaten cases by kecamatan',
      user: 'supervisor1',
      path: `/api/cases?filter=${enc({ kecamatanCode: '33.73.01' })}&sort=${enc(['createdAt', 'DESC'])}&range=${enc([0, 24])}`,
      sql: `SELECT c.* FROM cases c WHERE c.kabupaten_code = '33.73' AND c.kecamatan_code = '33.73.01' ORDER BY c.created_at DESC, c.id LIMIT 25`,
    },
  ];
}

runBenchmark('inbox', `inbox benchmark — ${CASES} cases`, async (stack, log) => {
  await seed(stack.databaseUrl, log);
  const api = new ApiClient({ baseUrl: stack.baseUrl });
  const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => undefined });
  const rows: { name: string; p50: number; p95: number; total: string; overTarget: boolean }[] = [];
  for (const s of scenarios()) {
    const times: number[] = [];
    let total = '';
    for (let i = 0; i < RUNS + 3; i++) {
      const t = performance.now();
      const r = await fetch(`${stack.baseUrl}${s.path}`, { headers: { authorization: `Bearer ${await api.token(s.user)}` } });
      await r.text();
      if (i >= 3) times.push(performance.now() - t); // the first three warm caches
      total = r.headers.get('content-range') ?? String(r.status);
    }
    const row = { name: s.name, p50: percentile(times, 50), p95: percentile(times, 95), total, overTarget: percentile(times, 95) > TARGET_MS };
    rows.push(row);
    log(`  ${s.name}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms (${total})`);
    if (row.overTarget) {
      const plan = await sql.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`);
      log(`    over ${TARGET_MS} ms — plan of the equivalent query:\n${plan.map((p) => `      ${p['QUERY PLAN']}`).join('\n')}`);
    }
  }
  await sql.end();
  const md = [
    `Inbox benchmark, ${new Date().toISOString()} — ${machine()}`,
    '',
    `${CASES} cases, ${CASES * 5} tasks; ${RUNS} requests each over HTTP (token check, scoping, masking included). Target p95 ≤ ${TARGET_MS} ms.`,
    '',
    '| request | p50 ms | p95 ms | rows (Content-Range) | within target |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.total} | ${r.overTarget ? 'no' : 'yes'} |`),
    '',
  ].join('\n');
  return { json: { machine: machine(), cases: CASES, runs: RUNS, rows }, markdown: md };
});
