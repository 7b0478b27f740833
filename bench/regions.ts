// npm run bench:regions: the whole region list of Indonesia (≈ 91,600 codes) into an empty
// database, against the earlier one-INSERT-per-row seeding as the baseline in the same run; the
// idempotent second load; the table's size; lookups by code and by name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type Sql } from '../db';
import { migrate } from '../db/migrate';
import { bundledRegionSource, loadRegions, readRegionSource } from '../infra/regionsLoad';
import { startEmbeddedPostgres } from '../infra/embeddedPostgres';
import { machine, writeResults } from './harness';
import { freePort } from '../infra/ports';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function freshDatabase(admin: Sql, adminUrl: string, name: string): Promise<Sql> {
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sql = connect(url.toString(), { max: 2 });
  await migrate(sql);
  return sql;
}

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

async function main() {
  console.log(`kesos-flow regions benchmark — ${machine()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-bench-regions-'));
  fs.chmodSync(dir, 0o755); // as root, PostgreSQL runs as its own user and must reach its folder
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port: await freePort(), dataDir: dir });
  const admin = connect(pg.adminUrl, { max: 1 });
  try {
    const source = bundledRegionSource();
    const rows = readRegionSource(source);
    const loads: number[] = [];
    let sql: Sql | undefined;
    for (let i = 0; i < RUNS; i++) {
      await sql?.end();
      sql = await freshDatabase(admin, pg.adminUrl, 'regions_bench');
      const [ms] = await timed(() => loadRegions(sql!, source));
      loads.push(ms);
      console.log(`  load ${i + 1}/${RUNS}: ${(ms / 1000).toFixed(2)} s`);
    }
    const [againMs, again] = await timed(() => loadRegions(sql!, source));
    const [{ bytes }] = await sql!<{ bytes: string }[]>`SELECT pg_total_relation_size('regions')::text AS bytes`;
    const [{ count }] = await sql!<{ count: string }[]>`SELECT count(*)::text FROM regions`;

    // Lookups the portal and the API make: one code, the children of a kecamatan, a name search.
    const sample = rows.filter((_, i) => i % 997 === 0);
    const byCode: number[] = [];
    const byName: number[] = [];
    for (const r of sample) {
      byCode.push((await timed(() => sql!`SELECT code, name FROM regions WHERE code = ${r.code}`))[0]);
      const term = `%${r.name.slice(0, 5).toLowerCase()}%`;
      byName.push((await timed(() => sql!`SELECT code, name FROM regions WHERE lower(name) LIKE ${term} ORDER BY name LIMIT 25`))[0]);
    }
    await sql!.end();

    // Baseline: the earlier seeding, one INSERT per row, on the same rows in a fresh database.
    const base = await freshDatabase(admin, pg.adminUrl, 'regions_bench_baseline');
    const [baselineMs] = await timed(async () => {
      for (const r of rows) {
        await base`INSERT INTO regions (code, level, name, parent_code, code_version)
          VALUES (${r.code}, ${r.level}, ${r.name}, ${r.parent_code}, ${r.code_version}) ON CONFLICT (code) DO NOTHING`;
      }
    });
    await base.end();

    const load = median(loads);
    const json = {
      machine: machine(),
      rows: Number(count),
      loadMs: loads,
      loadMedianMs: load,
      baselineMs,
      ratio: load / baselineMs,
      secondLoadMs: againMs,
      secondLoadSkipped: again.skipped,
      tableBytes: Number(bytes),
      lookupByCodeMedianMs: median(byCode),
      lookupByNameMedianMs: median(byName),
      samples: sample.length,
    };
    const markdown = [
      `# Region list load (${json.rows} codes) — ${json.machine}`,
      '',
      '| measure | value |',
      '| --- | --- |',
      `| full load into an empty database (median of ${RUNS}) | ${(load / 1000).toFixed(2)} s |`,
      `| baseline: one INSERT per row, same rows | ${(baselineMs / 1000).toFixed(2)} s |`,
      `| ratio load / baseline | ${json.ratio.toFixed(3)} |`,
      `| second load (same list: skipped) | ${againMs.toFixed(0)} ms |`,
      `| table size with indexes | ${(json.tableBytes / 2 ** 20).toFixed(1)} MiB |`,
      `| lookup by code (median of ${sample.length}) | ${json.lookupByCodeMedianMs.toFixed(2)} ms |`,
      `| name search, 25 rows (median of ${sample.length}) | ${json.lookupByNameMedianMs.toFixed(2)} ms |`,
      '',
    ].join('\n');
    writeResults('regions', json, markdown);
    console.log(`\n${markdown}`);
  } finally {
    await admin.end();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
