// Pemetaan sosial on the real stack: computed cells follow open cases and the PSKS directory, a
// TKSK's field count becomes the desa's cell (its history keeps the count it replaced), an
// extract with bad rows is refused row by row with nothing written, the matrix of each level sums
// the level below, and region scope is kept (403 outside, filtered history).
import { act, registerCase } from '../support/casework';
import { call, db, login, stack } from '../support/stack';

const sql = db();
afterAll(() => sql.end());
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

interface Cell {
  kind: string;
  code: string;
  source: string;
  count: number;
  asOf: string;
  desaCounted: number | null;
}
interface Matrix {
  region: { code: string; name: string; level: string };
  rowLevel: string;
  rows: { code: string; name: string; cells: Cell[] }[];
  totals: Cell[];
}

async function matrix(region: string, user = 'supervisor1'): Promise<Matrix> {
  const r = await call('GET', `/api/pemetaan?region=${region}`, { token: await login(user) });
  if (r.status !== 200) throw new Error(`pemetaan ${region}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
const cellOf = (cells: Cell[], kind: string, code: string, source: string) => cells.find((c) => c.kind === kind && c.code === code && c.source === source);
const countIn = (m: Matrix, row: string, kind: string, code: string, source: string) =>
  cellOf(m.rows.find((r) => r.code === row)!.cells, kind, code, source)?.count ?? 0;

test('the rows are the child regions, by name: kabupaten → kecamatan → desa', async () => {
  const kota = await matrix('33.73');
  expect(kota).toMatchObject({ region: { code: '33.73', level: 'kabupaten' }, rowLevel: 'kecamatan' });
  expect(kota.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Sidorejo', 'Tingkir', 'Argomulyo', 'Sidomukti']));
  const sidorejo = await matrix('33.73.01', 'tksk1');
  expect(sidorejo.rowLevel).toBe('desa');
  expect(sidorejo.rows.every((r) => r.code.startsWith('33.73.01.') && r.name.length > 2)).toBe(true);
  const desa = await matrix('33.73.01.1001', 'tksk1');
  expect(desa.rows.map((r) => r.code)).toEqual(['33.73.01.1001']);
  const body = (await call('GET', '/api/pemetaan?region=33.73', { token: await login('supervisor1') })).body;
  expect(body.categories.ppks).toHaveLength(26);
  expect(body.categories.psks).toHaveLength(12);
});

test('region scope: 403 outside, unknown region 404, bad code 422', async () => {
  for (const [user, region] of [
    ['tksk1', '33.73'],
    ['tksk1', '33.73.02'],
    ['supervisor1', '33'],
    ['supervisor1', '34.71'],
  ])
    expect({ user, region, status: (await call('GET', `/api/pemetaan?region=${region}`, { token: await login(user) })).status }).toEqual({
      user,
      region,
      status: 403,
    });
  expect((await call('GET', '/api/pemetaan?region=33.73.01', { token: await login('admin') })).status).toBe(403);
  expect((await call('GET', '/api/pemetaan?region=33.99', { token: await login('provinsi1') })).status).toBe(404);
  expect((await call('GET', '/api/pemetaan?region=abc', { token: await login('provinsi1') })).status).toBe(422);
});

test('kasus: open cases of the category, computed from the case projection', async () => {
  const before = await matrix('33.73.01', 'tksk1');
  const caseId = await registerCase('tksk1');
  const after = await matrix('33.73.01', 'tksk1');
  expect(countIn(after, '33.73.01.1001', 'ppks', 'LUT', 'kasus')).toBe(countIn(before, '33.73.01.1001', 'ppks', 'LUT', 'kasus') + 1);
  expect(cellOf(after.totals, 'ppks', 'LUT', 'kasus')!.asOf).toBe(today());
  expect((await act(caseId, 'cancel', 'supervisor1', { reason: 'Uji pemetaan: kasus dibatalkan.' })).status).toBe(200);
  const cancelled = await matrix('33.73.01', 'tksk1');
  expect(countIn(cancelled, '33.73.01.1001', 'ppks', 'LUT', 'kasus')).toBe(countIn(before, '33.73.01.1001', 'ppks', 'LUT', 'kasus'));
});

test('psks: active directory entries of the type', async () => {
  const desa = '33.73.03.1001';
  const before = countIn(await matrix('33.73.03'), desa, 'psks', 'KT', 'psks');
  const r = await call('POST', '/api/psks', {
    token: await login('supervisor1'),
    body: { typeCode: 'KT', name: `Karang Taruna Uji ${Date.now() % 100000}`, desaCode: desa, capacity: 25 },
  });
  expect(r.status).toBe(201);
  expect(countIn(await matrix('33.73.03'), desa, 'psks', 'KT', 'psks')).toBe(before + 1);
  await call('PATCH', `/api/psks/${r.body.id}`, { token: await login('supervisor1'), body: { active: false } });
  expect(countIn(await matrix('33.73.03'), desa, 'psks', 'KT', 'psks')).toBe(before);
});

test('lapangan: the TKSK’s field count is the desa’s cell; the history keeps the count it replaced', async () => {
  const desa = '33.73.01.1004';
  const token = await login('tksk1');
  const first = await call('POST', '/api/pemetaan/counts', {
    token,
    body: {
      desaCode: desa,
      asOf: today(),
      counts: [
        { kind: 'ppks', code: 'PD', count: 9 },
        { kind: 'psks', code: 'PSM', count: 3 },
      ],
      note: 'Musyawarah desa.',
    },
  });
  expect(first.status).toBe(201);
  expect(first.body.recorded.map((r: { code: string; source: string }) => `${r.code}:${r.source}`)).toEqual(['PD:lapangan', 'PSM:lapangan']);
  const second = await call('POST', '/api/pemetaan/counts', {
    token,
    body: { desaCode: desa, asOf: today(), counts: [{ kind: 'ppks', code: 'PD', count: 11 }] },
  });
  expect(second.body.recorded[0]).toMatchObject({ count: 11, previousCount: 9 });
  const m = await matrix('33.73.01', 'tksk1');
  expect(cellOf(m.rows.find((r) => r.code === desa)!.cells, 'ppks', 'PD', 'lapangan')).toEqual({
    kind: 'ppks',
    code: 'PD',
    source: 'lapangan',
    count: 11,
    asOf: today(),
    desaCounted: 1,
  });
  const history = await call('GET', `/api/pemetaan/history?filter=${q({ desaCode: desa, code: 'PD' })}&sort=${q(['recordedAt', 'DESC'])}`, { token });
  expect(history.body.slice(0, 2).map((h: { count: number; previousCount: number | null }) => [h.count, h.previousCount])[0]).toEqual([11, 9]);
  expect(history.body[1].count).toBe(9);
  const [audit] = await sql`SELECT action, actor_id FROM audit_log WHERE entity_type = 'pemetaan_desa' AND entity_id = ${desa} ORDER BY seq DESC LIMIT 1`;
  expect(audit).toMatchObject({ action: 'pemetaan.counted', actorId: 'usr_tksk1' });
  // Outside the kecamatan, in the future, an unknown code: refused, nothing written.
  const n = (await sql`SELECT count(*)::int AS n FROM pemetaan_counts`)[0].n;
  expect(
    (
      await call('POST', '/api/pemetaan/counts', {
        token: await login('tksk2'),
        body: { desaCode: desa, asOf: today(), counts: [{ kind: 'ppks', code: 'PD', count: 1 }] },
      })
    ).status,
  ).toBe(403);
  const future = await call('POST', '/api/pemetaan/counts', {
    token,
    body: { desaCode: desa, asOf: '2999-01-01', counts: [{ kind: 'ppks', code: 'PD', count: 1 }] },
  });
  expect(future.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/asOf']);
  const unknown = await call('POST', '/api/pemetaan/counts', {
    token,
    body: { desaCode: desa, asOf: today(), counts: [{ kind: 'psks', code: 'LUT', count: 1 }] },
  });
  expect(unknown.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/counts/0/code']);
  expect((await sql`SELECT count(*)::int AS n FROM pemetaan_counts`)[0].n).toBe(n);
  // Another kecamatan's TKSK's history holds none of Sidorejo's counts.
  const theirs = await call('GET', `/api/pemetaan/history?filter=${q({ desaCode: desa })}`, { token: await login('tksk2') });
  expect(theirs.body).toEqual([]);
});

test('impor: an extract with bad rows is refused row by row and nothing is written; a good one becomes the impor cells', async () => {
  const supervisor = await login('supervisor1');
  const counts = async () => (await sql`SELECT (SELECT count(*) FROM pemetaan_counts)::int AS c, (SELECT count(*) FROM pemetaan_imports)::int AS i`)[0];
  const before = await counts();
  const bad = [
    'kode_desa,jenis,kode,jumlah',
    '33.73.02.1002,ppks,FM,120',
    '33.73.02.1002,ppks,XYZ,3',
    '34.71.01.1001,ppks,FM,5',
    '33.73.02.1002,ppks,FM,7',
    '33.73.02.1003,psks,KT,banyak',
  ].join('\n');
  const refused = await call('POST', '/api/pemetaan/imports', { token: supervisor, body: { sourceLabel: 'DTSEN', asOf: today(), csv: bad } });
  expect(refused.status).toBe(422);
  expect(refused.contentType).toContain('application/problem+json');
  expect(refused.body.report.counts).toEqual({ rows: 5, valid: 1, invalid: 4 });
  expect(
    refused.body.report.rows.map((r: { line: number; valid: boolean; errors: { column: string }[] }) => [r.line, r.valid, r.errors.map((e) => e.column)]),
  ).toEqual([
    [2, true, []],
    [3, false, ['kode']],
    [4, false, ['kode_desa']],
    [5, false, ['kode']],
    [6, false, ['jumlah']],
  ]);
  expect(await counts()).toEqual(before);

  const good = ['kode_desa;jenis;kode;jumlah', '33.73.02.1002;ppks;FM;120', '33.73.02.1003;ppks;FM;80', '33.73.02.1003;psks;KT;1'].join('\n');
  const dry = await call('POST', '/api/pemetaan/imports', { token: supervisor, body: { sourceLabel: 'DTSEN', asOf: today(), csv: good, dryRun: true } });
  expect(dry.status).toBe(200);
  expect(await counts()).toEqual(before);
  const imported = await call('POST', '/api/pemetaan/imports', { token: supervisor, body: { sourceLabel: 'DTSEN', asOf: today(), csv: good } });
  expect(imported.status).toBe(201);
  expect(imported.body.counts).toEqual({ rows: 3, valid: 3, invalid: 0 });
  const m = await matrix('33.73.02');
  expect(countIn(m, '33.73.02.1002', 'ppks', 'FM', 'impor')).toBe(120);
  expect(countIn(m, '33.73.02.1003', 'ppks', 'FM', 'impor')).toBe(80);
  const [audit] = await sql`SELECT action FROM audit_log WHERE entity_type = 'pemetaan_import' AND entity_id = ${imported.body.importId}`;
  expect(audit.action).toBe('pemetaan.imported');
  // A TKSK does not import extracts.
  expect((await call('POST', '/api/pemetaan/imports', { token: await login('tksk2'), body: { sourceLabel: 'DTSEN', asOf: today(), csv: good } })).status).toBe(
    403,
  );
});

test('aggregation: each level’s rows sum the level below', async () => {
  await call('POST', '/api/pemetaan/counts', {
    token: await login('tksk2'),
    body: { desaCode: '33.73.02.1004', asOf: today(), counts: [{ kind: 'ppks', code: 'LUT', count: 6 }] },
  });
  const kecamatan = await matrix('33.73.02');
  const kota = await matrix('33.73');
  const provinsi = await matrix('33', 'provinsi1');
  for (const [kind, code, source] of [
    ['ppks', 'LUT', 'lapangan'],
    ['ppks', 'FM', 'impor'],
    ['ppks', 'LUT', 'kasus'],
  ]) {
    const sumOfDesa = kecamatan.rows.reduce((n, r) => n + (cellOf(r.cells, kind, code, source)?.count ?? 0), 0);
    expect({ kind, code, source, n: cellOf(kecamatan.totals, kind, code, source)?.count ?? 0 }).toEqual({ kind, code, source, n: sumOfDesa });
    expect({ kind, code, source, n: countIn(kota, '33.73.02', kind, code, source) }).toEqual({ kind, code, source, n: sumOfDesa });
    const kotaTotal = cellOf(kota.totals, kind, code, source)?.count ?? 0;
    expect({ kind, code, source, n: countIn(provinsi, '33.73', kind, code, source) }).toEqual({ kind, code, source, n: kotaTotal });
  }
  expect(cellOf(kecamatan.totals, 'ppks', 'LUT', 'lapangan')!.desaCounted).toBeGreaterThanOrEqual(1);
});

test('export: the matrix as CSV and XLSX', async () => {
  const token = await login('supervisor1');
  const csv = await call('GET', '/api/exports/pemetaan.csv?region=33.73', { token });
  expect(csv.status).toBe(200);
  expect(csv.contentType).toContain('text/csv');
  const lines = String(csv.body).trim().split('\n');
  expect(lines[0]).toBe('kode_wilayah,nama_wilayah,jenis,kode,nama_kategori,sumber,jumlah,per_tanggal,desa_terhitung');
  expect(lines.some((l) => l.startsWith('"33.73.02","Tingkir","PPKS","FM","Fakir Miskin","impor"'))).toBe(true);
  const xlsx = await fetch(`${stack().apiUrl}/api/exports/pemetaan.xlsx?region=33.73`, { headers: { authorization: `Bearer ${token}` } });
  expect(xlsx.status).toBe(200);
  expect(
    Buffer.from(await xlsx.arrayBuffer())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  expect((await call('GET', '/api/exports/pemetaan.csv?region=33.73', { token: await login('tksk1') })).status).toBe(403);
});
