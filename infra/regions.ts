// `npm run regions:load`: loads a region code list into the database (production and local alike;
// `npm start` and `npm run bootstrap` load the bundled list by themselves). With no arguments it
// loads the list that ships with the project; a later Kepmendagri list is loaded beside it with
//   npm run regions:load -- --version kepmendagri-2026 --dir ./wilayah-2026 --changes ./changes.csv
// (the folder in idn-area-data's CSV layout; changes.csv: old_code,new_code,reason). Idempotent.
import { parseArgs } from 'node:util';
import { connect } from '../db';
import { migrate } from '../db/migrate';
import { bundledRegionSource, loadRegions } from './regionsLoad';
import { loadConfig } from './config';

async function main() {
  const { values } = parseArgs({ options: { version: { type: 'string' }, dir: { type: 'string' }, changes: { type: 'string' } } });
  if (Boolean(values.version) !== Boolean(values.dir)) throw new Error('--version and --dir go together (or neither: the bundled list)');
  const source = values.version && values.dir ? { version: values.version, dir: values.dir, changesFile: values.changes } : bundledRegionSource();
  const config = loadConfig();
  const url = config.databaseAdminUrl ?? config.databaseUrl;
  if (!url) throw new Error('DATABASE_ADMIN_URL (or DATABASE_URL) must name the database');
  const sql = connect(url, { max: 2 });
  try {
    await migrate(sql);
    const r = await loadRegions(sql, source);
    console.log(
      r.skipped
        ? `regions ${r.version}: already loaded, nothing changed`
        : `regions ${r.version}: ${Object.entries(r.counts)
            .map(([level, n]) => `${n} ${level}`)
            .join(', ')}; ${r.retired} codes retired, ${r.changes} code changes`,
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((err) => {
  console.error('regions:load failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
