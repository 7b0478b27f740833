// Every region of Indonesia is loaded at start-up (db/regionsLoad.ts): counts per level, lookups
// by code and by name, a case registered far from Salatiga, and a later list that splits a
// kecamatan, loaded beside the first in a database of its own (so the suite's regions stay).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { connect, type Sql } from '../../db';
import { migrate } from '../../db/migrate';
import { loadRegions, readRegionSource, type RegionSource } from '../../infra/regionsLoad';
import { call, createAccount, db, login, runUnique, stack } from '../support/stack';
import { exampleCaseRegistration } from '../../domain/case';

const sql = db();
afterAll(() => sql.end());

test('the whole Kepmendagri list is loaded once, with its version', async () => {
  const levels = await sql<{ level: string; n: number }[]>`
    SELECT level, count(*)::int AS n FROM regions WHERE code_version = 'kepmendagri-2025' AND retired_in IS NULL GROUP BY level`;
  expect(Object.fromEntries(levels.map((l) => [l.level, l.n]))).toEqual({ provinsi: 38, kabupaten: 514, kecamatan: 7285, desa: 83762 });
  const [version] = await sql<{ counts: Record<string, number> }[]>`SELECT counts FROM region_code_versions WHERE version = 'kepmendagri-2025'`;
  expect(version.counts).toEqual({ provinsi: 38, kabupaten: 514, kecamatan: 7285, desa: 83762 });
});

test('regions are found by code and by part of the name, and pickers can ask for current codes only', async () => {
  const token = await login('tksk1');
  const byCode = await call('GET', `/api/regions?filter=${encodeURIComponent(JSON.stringify({ id: ['11.01.01.2001', '91.71'] }))}`, { token });
  expect(byCode.status).toBe(200);
  expect(byCode.body.map((r: { id: string; name: string }) => [r.id, r.name]).sort()).toEqual([
    ['11.01.01.2001', 'Keude Bakongan'],
    ['91.71', 'Kota Jayapura'],
  ]);
  const byName = await call('GET', `/api/regions?filter=${encodeURIComponent(JSON.stringify({ q: 'SALATIGA', level: 'kabupaten' }))}`, { token });
  expect(byName.body).toEqual([{ id: '33.73', name: 'Kota Salatiga', level: 'kabupaten', parentCode: '33', retiredIn: null, replacedBy: [] }]);
  // A LIKE wildcard in the search is a character, not a pattern.
  const wildcard = await call('GET', `/api/regions?filter=${encodeURIComponent(JSON.stringify({ q: '%%', level: 'provinsi' }))}`, { token });
  expect(wildcard.body).toEqual([]);
  const kecamatan = await call('GET', `/api/regions?filter=${encodeURIComponent(JSON.stringify({ parentCode: '33.73', current: true }))}&sort=["code","ASC"]`, {
    token,
  });
  expect(kecamatan.body.map((r: { name: string }) => r.name)).toEqual(['Sidorejo', 'Tingkir', 'Argomulyo', 'Sidomukti']);
});

test('a TKSK of a kecamatan in Aceh registers a case in one of its desa', async () => {
  const username = `tksk.bakongan.${randomUUID().slice(0, 6)}`;
  await createAccount({ username, displayName: 'TKSK Bakongan', role: 'tksk', regionCode: '11.01.01', password: 'sandi-cukup-panjang' });
  const token = (await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } })).body.token;
  // NIK: Bakongan's kecamatan digits (110101), a woman born 1962-08-17 (57 = 17 + 40), a serial of this run.
  const nik = `110101570862${String(runUnique('nik-110101570862', 9999)).padStart(4, '0')}`;
  const body = { ...exampleCaseRegistration, beneficiary: { ...exampleCaseRegistration.beneficiary, nik, desaCode: '11.01.01.2001' } };
  const registered = await call('POST', '/api/cases', { token, body });
  expect(registered.status).toBe(201);
  const [row] = await sql`SELECT kabupaten_code, kecamatan_code, desa_code FROM cases WHERE id = ${registered.body.id}`;
  expect(row).toEqual({ kabupatenCode: '11.01', kecamatanCode: '11.01.01', desaCode: '11.01.01.2001' });
});

/** A region list in idn-area-data's CSV layout, written to a folder of its own. */
function writeList(dir: string, files: Record<'provinces' | 'regencies' | 'districts' | 'villages', string[]>): string {
  fs.mkdirSync(dir, { recursive: true });
  const headers = { provinces: 'code,name', regencies: 'code,province_code,name', districts: 'code,regency_code,name', villages: 'code,district_code,name' };
  for (const [file, lines] of Object.entries(files))
    fs.writeFileSync(path.join(dir, `${file}.csv`), `${headers[file as keyof typeof headers]}\n${lines.join('\n')}\n`);
  return dir;
}

describe('a later list that splits a kecamatan', () => {
  let target: Sql;
  let name: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-regions-'));
  const first: RegionSource = {
    version: 'synthetic-2025',
    dir: writeList(path.join(tmp, '2025'), {
      provinces: ['99,Provinsi Contoh'],
      regencies: ['99.01,99,Kabupaten Contoh'],
      districts: ['99.01.01,99.01,Kecamatan Lama'],
      villages: ['99.01.01.2001,99.01.01,Desa Tetap', '99.01.01.2002,99.01.01,"Desa ""Pindah"""'],
    }),
  };
  // 2026: Desa "Pindah" leaves Kecamatan Lama for a new Kecamatan Baru, under a new code.
  const second: RegionSource = {
    version: 'synthetic-2026',
    dir: writeList(path.join(tmp, '2026'), {
      provinces: ['99,Provinsi Contoh'],
      regencies: ['99.01,99,Kabupaten Contoh'],
      districts: ['99.01.01,99.01,Kecamatan Lama', '99.01.02,99.01,Kecamatan Baru'],
      villages: ['99.01.01.2001,99.01.01,Desa Tetap', '99.01.02.2001,99.01.02,"Desa ""Pindah"""'],
    }),
    changesFile: path.join(tmp, 'changes.csv'),
  };
  fs.writeFileSync(second.changesFile!, 'old_code,new_code,reason\n99.01.01.2002,99.01.02.2001,pemekaran Kecamatan Baru\n');

  beforeAll(async () => {
    name = `kesos_regions_${randomUUID().slice(0, 8)}`;
    await sql.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(stack().databaseUrl);
    url.pathname = `/${name}`;
    target = connect(url.toString(), { max: 2 });
    await migrate(target);
  });
  afterAll(async () => {
    await target.end();
    await sql.unsafe(`DROP DATABASE IF EXISTS ${name}`);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('old codes stay with their names and point to the new ones; rows holding them survive; loading again changes nothing', async () => {
    expect(await loadRegions(target, first)).toMatchObject({ skipped: false, counts: { provinsi: 1, kabupaten: 1, kecamatan: 1, desa: 2 } });
    // A user and a case-like row holding the old desa code, as production would have.
    await target`INSERT INTO users (id, username, display_name, role, region_code, password_hash) VALUES ('usr_x', 'x', 'X', 'tksk', '99.01.01', 'x')`;

    const split = await loadRegions(target, second);
    expect(split).toMatchObject({ skipped: false, retired: 1, changes: 1, counts: { kecamatan: 2, desa: 2 } });
    const rows = await target<{ code: string; name: string; retiredIn: string | null; codeVersion: string }[]>`
      SELECT code, name, retired_in, code_version FROM regions WHERE code LIKE '99.01.%' ORDER BY code`;
    expect(rows).toEqual([
      { code: '99.01.01', name: 'Kecamatan Lama', retiredIn: null, codeVersion: 'synthetic-2026' },
      { code: '99.01.01.2001', name: 'Desa Tetap', retiredIn: null, codeVersion: 'synthetic-2026' },
      { code: '99.01.01.2002', name: 'Desa "Pindah"', retiredIn: 'synthetic-2026', codeVersion: 'synthetic-2025' },
      { code: '99.01.02', name: 'Kecamatan Baru', retiredIn: null, codeVersion: 'synthetic-2026' },
      { code: '99.01.02.2001', name: 'Desa "Pindah"', retiredIn: null, codeVersion: 'synthetic-2026' },
    ]);
    expect(await target`SELECT old_code, new_code, version FROM region_code_changes`).toEqual([
      { oldCode: '99.01.01.2002', newCode: '99.01.02.2001', version: 'synthetic-2026' },
    ]);
    expect(await target`SELECT region_code FROM users WHERE id = 'usr_x'`).toEqual([{ regionCode: '99.01.01' }]);

    expect(await loadRegions(target, second)).toMatchObject({ skipped: true });
    expect((await target`SELECT count(*)::int AS n FROM region_code_versions`)[0].n).toBe(2);
  });

  test('a list whose child names an unknown parent, or a change to a code the list lacks, is refused before anything is written', async () => {
    const broken = writeList(path.join(tmp, 'broken'), {
      provinces: ['99,Provinsi Contoh'],
      regencies: ['99.01,99,Kabupaten Contoh'],
      districts: ['99.01.01,99.02,Kecamatan Yatim'],
      villages: [],
    });
    expect(() => readRegionSource({ version: 'broken', dir: broken })).toThrow(/99\.01\.01 names an unknown parent 99\.02/);
    fs.writeFileSync(path.join(tmp, 'bad-changes.csv'), 'old_code,new_code\n99.01.01.2001,99.01.03.2001\n');
    await expect(loadRegions(target, { ...second, version: 'synthetic-2027', changesFile: path.join(tmp, 'bad-changes.csv') })).rejects.toThrow(
      /99\.01\.03\.2001, which the list synthetic-2027 does not have/,
    );
    expect(await target`SELECT version FROM region_code_versions WHERE version = 'synthetic-2027'`).toEqual([]);
  });
});
