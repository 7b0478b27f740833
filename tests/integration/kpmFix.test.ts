// KPM data fixes on the real stack (docs/sembako.md §1, "Data fixes"): a TKSK of the KPM's
// kecamatan (or the kabupaten supervisor) proposes a fix; the kabupaten operator — never the
// proposer — accepts it, which changes the register and puts the change in the SIKS-NG export, or
// rejects it with a reason. One open fix per KPM; another kecamatan's TKSK is refused; bad input
// writes nothing; the corrected NIK never reaches Temporal or the audit chain.
import { kpmFixSchema, kpmFixProposedSchema } from '../../api/sembako/kpmFixesSchema';
import { recordHistory } from '../support/histories';
import { registeredKpm } from '../support/sembako';
import { call, db, freshNik, login, rawTemporalClient, temporalClient } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

async function propose(user: string, kpmId: string, body: Record<string, unknown>) {
  return call('POST', `/api/sembako/kpm/${kpmId}/fixes`, { token: await login(user), body });
}

/** The open review task of a fix, as the kabupaten's inbox lists it. */
async function reviewTask(fixId: string): Promise<{ id: string; type: string; context: Record<string, unknown> }> {
  const r = await call('GET', `/api/tasks?filter=${q({ workflowId: `kpm-fix-${fixId}`, status: 'open' })}`, { token: await login('supervisor2') });
  expect(r.status).toBe(200);
  expect(r.body).toHaveLength(1);
  return r.body[0];
}

const decide = async (user: string, taskId: string, body: unknown) => call('POST', `/api/tasks/${taskId}/complete`, { token: await login(user), body });
const fixOf = async (user: string, fixId: string) => call('GET', `/api/sembako/kpm/fixes/${fixId}`, { token: await login(user) });
const kpmOf = async (id: string) =>
  (
    await sql<{ status: string; statusReason: string | null; pengurusNik: string; kecamatanCode: string; desaCode: string }[]>`
  SELECT status, status_reason, pengurus_nik, kecamatan_code, desa_code FROM sembako_kpm WHERE id = ${id}`
  )[0];

/** The rows of the accepted-changes CSV for one fix (`;`-separated, quoted cells). */
async function changeRows(user: string, fixId: string): Promise<{ headers: string[]; rows: string[][] }> {
  const r = await call('GET', '/api/sembako/kpm/changes.csv', { token: await login(user) });
  expect(r.status).toBe(200);
  expect(r.contentType).toContain('text/csv');
  const lines = String(r.body)
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const cells = (line: string) => line.slice(1, -1).split('";"');
  return {
    headers: cells(lines[0]),
    rows: lines
      .slice(1)
      .map(cells)
      .filter((c) => c[c.length - 1] === fixId),
  };
}

test('a TKSK proposes, the kabupaten accepts: the register changes and the SIKS-NG export shows the change', async () => {
  const { id: kpmId, cells } = await registeredKpm('tksk1', '33.73.01');
  const proposed = await propose('tksk1', kpmId, { kind: 'meninggal', reason: 'Pengurus meninggal dunia, akta kematian dari desa.' });
  expect(proposed.status).toBe(201);
  expect(kpmFixProposedSchema.safeParse(proposed.body).success).toBe(true);
  const { id: fixId } = proposed.body as { id: string };
  expect(proposed.body).toMatchObject({ status: 'diajukan', kind: 'meninggal', openTasks: [{ type: 'sembako_kpm_fix_review', regionCode: '33.73' }] });

  // One open fix per KPM.
  const second = await propose('tksk3', kpmId, { kind: 'tidak_layak', reason: 'Keluarga sudah mampu.' });
  expect([second.status, second.body.code, second.body.fixId]).toEqual([409, 'kpm-fix-open', fixId]);

  const listed = await call('GET', `/api/sembako/kpm/fixes?filter=${q({ kpmId, status: 'diajukan' })}`, { token: await login('supervisor1') });
  expect(listed.status).toBe(200);
  expect(listed.body).toMatchObject([{ id: fixId, kind: 'meninggal', idKpm: cells.id_kpm, status: 'diajukan', kecamatanCode: '33.73.01' }]);
  expect(kpmFixSchema.safeParse(listed.body[0]).success).toBe(true);
  // Another kecamatan's TKSK does not see it.
  expect((await fixOf('tksk2', fixId)).status).toBe(404);

  const task = await reviewTask(fixId);
  expect(task.type).toBe('sembako_kpm_fix_review');
  expect(task.context).toMatchObject({ fixId, kpmId, kind: 'meninggal' });
  // The TKSK who proposed it does not even see the kabupaten's task; the kabupaten decides.
  expect((await decide('tksk1', task.id, { outcome: 'approve', data: {} })).status).toBe(404);
  const accepted = await decide('supervisor1', task.id, { outcome: 'approve', data: { note: 'Akta kematian sudah diperiksa.' } });
  expect(accepted.status).toBe(200);
  expect(accepted.body.kpmFix).toMatchObject({ status: 'diterima' });

  expect(await kpmOf(kpmId)).toMatchObject({ status: 'nonaktif', statusReason: 'meninggal' });
  expect((await fixOf('tksk1', fixId)).body).toMatchObject({ status: 'diterima', decidedBy: 'usr_supervisor1', proposedBy: 'usr_tksk1' });

  const { headers, rows } = await changeRows('supervisor1', fixId);
  expect(headers).toEqual(expect.arrayContaining(['ID DTKS/DTSEN KPM', 'Jenis perubahan', 'Status keanggotaan sebelum', 'Status keanggotaan sesudah']));
  expect(rows).toHaveLength(1);
  const row = Object.fromEntries(headers.map((h, i) => [h, rows[0][i]]));
  expect(row).toMatchObject({
    'ID DTKS/DTSEN KPM': cells.id_kpm,
    'NIK pengurus': cells.nik_pengurus,
    'Jenis perubahan': 'Pengurus meninggal dunia',
    'Status keanggotaan sebelum': 'Aktif',
    'Status keanggotaan sesudah': 'Nonaktif',
    'Alasan nonaktif': 'Pengurus meninggal dunia',
    Kecamatan: 'Sidorejo',
  });
  // The province reads the export with the numbers masked, like the register's.
  const masked = await changeRows('provinsi1', fixId);
  expect(masked.rows[0][masked.headers.indexOf('NIK pengurus')]).toBe(`${cells.nik_pengurus.slice(0, 4)}********${cells.nik_pengurus.slice(12)}`);
  const xlsx = await call('GET', '/api/sembako/kpm/changes.xlsx', { token: await login('supervisor1') });
  expect([xlsx.status, xlsx.contentType]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);

  // A nonaktif KPM is not deactivated again.
  const again = await propose('tksk1', kpmId, { kind: 'tidak_layak', reason: 'Keluarga sudah mampu.' });
  expect([again.status, again.body.code]).toEqual([409, 'kpm-not-active']);

  const audit = await sql<{ action: string }[]>`SELECT action FROM audit_log WHERE entity_type = 'sembako_kpm_fix' AND entity_id = ${fixId} ORDER BY seq`;
  expect(audit.map((a) => a.action)).toEqual(['sembako_kpm_fix.proposed', 'sembako_kpm_fix.accepted']);
  const temporal = await temporalClient();
  try {
    await recordHistory(temporal.client, 'kpm-fix-accepted', `kpm-fix-${fixId}`);
  } finally {
    await temporal.close();
  }
});

test('four-eyes: the proposing supervisor cannot decide; a second one rejects with a reason; no corrected NIK in Temporal or the chain', async () => {
  const { id: kpmId, cells } = await registeredKpm('tksk1', '33.73.01');
  const correctedNik = freshNik();
  const proposed = await propose('supervisor1', kpmId, { kind: 'nik_tidak_sesuai', correctedNik, reason: 'NIK di Dukcapil berbeda dengan daftar.' });
  expect(proposed.status).toBe(201);
  const { id: fixId } = proposed.body as { id: string };
  // The kabupaten sees the corrected NIK in full, the province masked.
  expect((await fixOf('supervisor2', fixId)).body.correctedNik).toBe(correctedNik);
  expect((await fixOf('provinsi1', fixId)).body.correctedNik).toBe(`${correctedNik.slice(0, 4)}********${correctedNik.slice(12)}`);

  const task = await reviewTask(fixId);
  const own = await decide('supervisor1', task.id, { outcome: 'approve', data: {} });
  expect(own.status).toBe(403);
  const noReason = await decide('supervisor2', task.id, { outcome: 'reject', data: {} });
  expect(noReason.status).toBe(422);
  const rejected = await decide('supervisor2', task.id, { outcome: 'reject', data: { reason: 'Belum ada surat keterangan Dukcapil.' } });
  expect(rejected.status).toBe(200);
  expect(rejected.body.kpmFix).toMatchObject({ status: 'ditolak', decidedBy: 'usr_supervisor2' });
  expect((await fixOf('supervisor1', fixId)).body).toMatchObject({ status: 'ditolak', rejectReason: 'Belum ada surat keterangan Dukcapil.' });
  expect((await kpmOf(kpmId)).pengurusNik).toBe(cells.nik_pengurus);
  expect((await changeRows('supervisor1', fixId)).rows).toEqual([]);

  const audit = await sql<{ action: string; details: unknown }[]>`
    SELECT action, details FROM audit_log WHERE entity_type = 'sembako_kpm_fix' AND entity_id = ${fixId} ORDER BY seq`;
  expect(audit.map((a) => a.action)).toEqual(['sembako_kpm_fix.proposed', 'sembako_kpm_fix.rejected']);
  expect(JSON.stringify(audit)).not.toContain(correctedNik);
  expect(JSON.stringify(audit)).not.toContain('Dukcapil berbeda');

  // What the Temporal server stores, read without the payload key and decoded as text: no corrected NIK anywhere.
  const raw = await rawTemporalClient();
  try {
    const history = await raw.client.workflow.getHandle(`kpm-fix-${fixId}`).fetchHistory();
    const json = JSON.stringify(history, (_k, v) =>
      v instanceof Uint8Array
        ? Buffer.from(v).toString('latin1')
        : v && v.type === 'Buffer' && Array.isArray(v.data)
          ? Buffer.from(v.data).toString('latin1')
          : v,
    );
    expect(json.length).toBeGreaterThan(1000);
    expect(json).not.toContain(correctedNik);
    expect(json).not.toContain(cells.nik_pengurus);
  } finally {
    await raw.close();
  }
  const temporal = await temporalClient();
  try {
    await recordHistory(temporal.client, 'kpm-fix-rejected', `kpm-fix-${fixId}`);
  } finally {
    await temporal.close();
  }
});

test('a corrected NIK and a move within the kabupaten change the register once accepted', async () => {
  const nik = await registeredKpm('tksk1', '33.73.01');
  const correctedNik = freshNik();
  const fix = await propose('tksk1', nik.id, { kind: 'nik_tidak_sesuai', correctedNik, reason: 'NIK di Dukcapil berbeda dengan daftar.' });
  expect(fix.status).toBe(201);
  expect((await decide('supervisor2', (await reviewTask(fix.body.id)).id, { outcome: 'approve', data: {} })).status).toBe(200);
  expect(await kpmOf(nik.id)).toMatchObject({ pengurusNik: correctedNik, status: 'aktif' });
  const { headers, rows } = await changeRows('supervisor1', fix.body.id);
  const row = Object.fromEntries(headers.map((h, i) => [h, rows[0][i]]));
  expect(row).toMatchObject({
    'Jenis perubahan': 'NIK tidak sesuai Dukcapil',
    'NIK pengurus sebelum': nik.cells.nik_pengurus,
    'NIK pengurus sesudah': correctedNik,
  });

  const moved = await registeredKpm('tksk1', '33.73.01');
  const move = await propose('tksk1', moved.id, {
    kind: 'pindah',
    targetDesaCode: '33.73.02.1001',
    reason: 'Pindah ke Kecamatan Tingkir, surat pindah dari desa.',
  });
  expect(move.status).toBe(201);
  expect((await decide('supervisor1', (await reviewTask(move.body.id)).id, { outcome: 'approve', data: {} })).status).toBe(200);
  expect(await kpmOf(moved.id)).toMatchObject({ status: 'aktif', desaCode: '33.73.02.1001', kecamatanCode: '33.73.02' });
  // Tingkir's TKSK now keeps the KPM and sees the change; Sidorejo's no longer does.
  const tingkir = await call('GET', `/api/sembako/kpm?filter=${q({ id: moved.id })}`, { token: await login('tksk2') });
  expect(tingkir.body).toHaveLength(1);
  expect((await changeRows('tksk2', move.body.id)).rows).toHaveLength(1);
  expect((await changeRows('tksk1', move.body.id)).rows).toHaveLength(0);
});

test('another kecamatan’s TKSK is refused and bad input is a 422 with field paths; neither writes anything', async () => {
  const { id: kpmId } = await registeredKpm('tksk1', '33.73.01');
  const other = await registeredKpm('tksk1', '33.73.01');
  const count = async () => Number((await sql<{ n: string }[]>`SELECT count(*) AS n FROM sembako_kpm_fixes WHERE kpm_id = ${kpmId}`)[0].n);

  expect((await propose('tksk2', kpmId, { kind: 'meninggal', reason: 'Pengurus meninggal dunia.' })).status).toBe(403);
  expect((await propose('provinsi1', kpmId, { kind: 'meninggal', reason: 'Pengurus meninggal dunia.' })).status).toBe(403);

  const bad = await propose('tksk1', kpmId, { kind: 'nik_tidak_sesuai', reason: 'x' });
  expect(bad.status).toBe(422);
  expect(bad.contentType).toContain('application/problem+json');
  expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/body/correctedNik', '/body/reason']);
  const wrongField = await propose('tksk1', kpmId, { kind: 'meninggal', reason: 'Pengurus meninggal dunia.', correctedNik: freshNik() });
  expect(wrongField.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/correctedNik']);
  const self = await propose('tksk1', kpmId, { kind: 'ganda', duplicateOf: kpmId, reason: 'Terdaftar dua kali.' });
  expect([self.status, self.body.errors.map((e: { pointer: string }) => e.pointer)]).toEqual([422, ['/body/duplicateOf']]);
  const outside = await propose('tksk1', kpmId, { kind: 'pindah', targetDesaCode: '34.71.01.1001', reason: 'Pindah ke Yogyakarta.' });
  expect([outside.status, outside.body.errors?.[0]?.pointer]).toEqual([422, '/body/targetDesaCode']);
  const sameNik = await propose('tksk1', kpmId, { kind: 'nik_tidak_sesuai', correctedNik: other.cells.nik_pengurus, reason: 'NIK di Dukcapil berbeda.' });
  expect([sameNik.status, sameNik.body.errors?.[0]?.pointer]).toEqual([422, '/body/correctedNik']);
  expect(
    (await call('POST', '/api/sembako/kpm/not-a-uuid/fixes', { token: await login('tksk1'), body: { kind: 'meninggal', reason: 'Pengurus meninggal.' } }))
      .status,
  ).toBe(422);
  expect(await count()).toBe(0);

  // The duplicate of another KPM of the kabupaten is a fix like the others.
  const dup = await propose('tksk1', kpmId, { kind: 'ganda', duplicateOf: other.id, reason: 'Keluarga yang sama terdaftar dua kali.' });
  expect(dup.status).toBe(201);
  expect((await fixOf('supervisor1', dup.body.id)).body).toMatchObject({ duplicateOf: other.id, duplicateIdKpm: other.cells.id_kpm });
  expect(await count()).toBe(1);
});

test('an Idempotency-Key replays the proposal instead of a 409', async () => {
  const { id: kpmId } = await registeredKpm('tksk1', '33.73.01');
  const token = await login('tksk1');
  const body = { kind: 'tidak_layak', reason: 'Keluarga sudah mampu menurut musyawarah desa.' };
  const headers = { 'idempotency-key': `kpm-fix-${kpmId}` };
  const first = await call('POST', `/api/sembako/kpm/${kpmId}/fixes`, { token, body, headers });
  const again = await call('POST', `/api/sembako/kpm/${kpmId}/fixes`, { token, body, headers });
  expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
  expect(again.body.id).toBe(first.body.id);
});
