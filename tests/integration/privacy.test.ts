// UU PDP: what Temporal stores is encrypted (no plaintext NIK or name in histories, failure
// messages included), authorised users decode through the codec endpoint, and logs never carry
// NIK or names.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { toPendampingan } from '../support/casework';
import { call, createAccount, db, login, rawTemporalClient, stack } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

/** Every {metadata, data} payload in an exported history, with where it is and its data decoded. */
function payloadsOf(node: unknown, path = '', out: { path: string; encoding: string; text: string }[] = []) {
  if (Array.isArray(node)) node.forEach((n, i) => payloadsOf(n, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.metadata && typeof o.metadata === 'object' && 'encoding' in (o.metadata as object)) {
      const enc = Buffer.from(String((o.metadata as Record<string, string>).encoding), 'base64').toString();
      out.push({ path, encoding: enc, text: o.data ? Buffer.from(String(o.data), 'base64').toString('latin1') : '' });
    }
    Object.entries(o).forEach(([k, v]) => payloadsOf(v, `${path}.${k}`, out));
  }
  return out;
}

test('the Temporal server holds no plaintext NIK or name: every payload is encrypted', async () => {
  const caseId = await toPendampingan();
  const [row] = await sql`SELECT nik, name, workflow_id FROM cases WHERE id = ${caseId}`;
  const raw = await rawTemporalClient();
  try {
    const history = await raw.client.workflow.getHandle(row.workflowId).fetchHistory();
    const json = JSON.stringify(history);
    const payloads = payloadsOf(
      JSON.parse(JSON.stringify(history, (_k, v) => (v instanceof Uint8Array || (v && v.type === 'Buffer') ? Buffer.from(v.data ?? v).toString('base64') : v))),
    );
    expect(payloads.length).toBeGreaterThan(10);
    // Search attributes are indexed by the server, so they stay readable: codes only, by design.
    // The SDK's own markers (which patch, which local activity ran when) are written without the
    // data converter: bookkeeping with a fixed shape and no case data; their results are encrypted.
    const plain = payloads.filter((p) => p.encoding !== 'binary/encrypted');
    const sdkMarker = (p: (typeof plain)[number]) =>
      /\.markerRecordedEventAttributes\.details\.(data|patch-data)\.payloads\[0\]$/.test(p.path) &&
      Object.keys(JSON.parse(p.text)).every((k) =>
        ['seq', 'attempt', 'activity_id', 'activity_type', 'complete_time', 'backoff', 'original_schedule_time', 'id', 'deprecated'].includes(k),
      );
    expect(plain.filter((p) => !p.path.includes('.searchAttributes.indexedFields.') && !sdkMarker(p))).toEqual([]);
    expect(payloads.some((p) => /markerRecordedEventAttributes\.details\.result\./.test(p.path) && p.encoding === 'binary/encrypted')).toBe(true);
    // The registration input, the Update arguments and results, the local activities' inputs and results.
    expect(payloads.find((p) => p.path.startsWith('.events[0].workflowExecutionStartedEventAttributes.input.'))?.encoding).toBe('binary/encrypted');
    expect(payloads.filter((p) => p.path.includes('Update') && p.encoding === 'binary/encrypted').length).toBeGreaterThanOrEqual(4);
    expect(payloads.filter((p) => p.encoding === 'binary/encrypted').length).toBeGreaterThanOrEqual(8);
    for (const p of payloads) {
      expect(p.text).not.toContain(row.nik);
      expect(p.text).not.toContain(row.name);
    }
    expect(json).not.toContain(row.nik);
  } finally {
    await raw.close();
  }
});

/** The first payload of a workflow's history (its start input), as the codec protocol carries it. */
async function startInputOf(workflowId: string): Promise<{ metadata: Record<string, string>; data: string }> {
  const raw = await rawTemporalClient();
  try {
    const history = await raw.client.workflow.getHandle(workflowId).fetchHistory();
    const p = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
    return {
      metadata: Object.fromEntries(Object.entries(p.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      data: Buffer.from(p.data!).toString('base64'),
    };
  } finally {
    await raw.close();
  }
}

/** A kabupaten supervisor of Kota Yogyakarta (DIY), who must not see Salatiga's cases. */
async function yogyakartaSupervisor(): Promise<string> {
  await sql`
    INSERT INTO regions (code, level, name, parent_code, code_version) VALUES
      ('34', 'provinsi', 'Daerah Istimewa Yogyakarta', NULL, 'kepmendagri-2025'),
      ('34.71', 'kabupaten', 'Kota Yogyakarta', '34', 'kepmendagri-2025')
    ON CONFLICT (code) DO NOTHING`;
  const username = `supervisor.yogya.${randomUUID().slice(0, 6)}`;
  // A supervisor's account: asked by one admin, confirmed by the other.
  await createAccount({ username, displayName: 'Dinsos Kota Yogyakarta', role: 'supervisor_kabupaten', regionCode: '34.71', password: 'sandi-cukup-panjang' });
  return (await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } })).body.token;
}

const decodedAudit = (workflowId: string) =>
  sql`SELECT actor_id, entity_type, entity_id, case_id, details FROM audit_log WHERE action = 'temporal.payloads_decoded' AND entity_id = ${workflowId} ORDER BY seq`;

describe('the codec endpoint', () => {
  type Wire = { metadata: Record<string, string>; data: string };
  const decode = async (token: string, payloads: Wire[], o: { workflowId?: string; header?: string } = {}) =>
    call('POST', `/api/codec/decode${o.workflowId ? `?workflowId=${encodeURIComponent(o.workflowId)}` : ''}`, {
      token,
      body: { payloads },
      headers: o.header ? { 'x-workflow-id': o.header } : {},
    });
  const nikOf = (r: { body: { payloads: Wire[] } }) => JSON.parse(Buffer.from(r.body.payloads[0].data, 'base64').toString()).registration.beneficiary.nik;

  test("decodes a workflow's payloads for its region's supervisors and auditors, audited for every role; not for a TKSK", async () => {
    const caseId = await toPendampingan();
    const [row] = await sql`SELECT nik, workflow_id FROM cases WHERE id = ${caseId}`;
    const encrypted = await startInputOf(row.workflowId);
    expect((await decode(await login('tksk1'), [encrypted], { workflowId: row.workflowId })).status).toBe(403);

    const r = await decode(await login('supervisor1'), [encrypted], { workflowId: row.workflowId });
    expect(r.status).toBe(200);
    expect(Buffer.from(r.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('json/plain');
    expect(nikOf(r)).toBe(row.nik);
    // The header form (X-Workflow-Id) is the same.
    expect(nikOf(await decode(await login('provinsi1'), [encrypted], { header: row.workflowId }))).toBe(row.nik);
    expect((await decode(await login('auditor1'), [encrypted], { workflowId: row.workflowId })).status).toBe(200);
    expect(await decodedAudit(row.workflowId)).toEqual(
      ['usr_supervisor1', 'usr_provinsi1', 'usr_auditor1'].map((actorId) => ({
        actorId,
        entityType: 'workflow',
        entityId: row.workflowId,
        caseId,
        details: { payloads: 1, namespace: 'default' },
      })),
    );
  });

  test('refuses to decode without the workflow the payloads belong to', async () => {
    const caseId = await toPendampingan();
    const [row] = await sql`SELECT workflow_id FROM cases WHERE id = ${caseId}`;
    const encrypted = await startInputOf(row.workflowId);
    const none = await decode(await login('supervisor1'), [encrypted]);
    expect(none.status).toBe(422);
    expect(none.body.errors[0].pointer).toBe('/query/workflowId');
    expect((await decode(await login('supervisor1'), [encrypted], { workflowId: row.workflowId, header: 'case-other' })).status).toBe(422);
    // Payloads of one workflow presented as another's (one the caller may read) are refused.
    const other = await toPendampingan();
    const misnamed = await decode(await login('supervisor1'), [encrypted], { workflowId: `case-${other}` });
    expect(misnamed.status).toBe(403);
    expect(misnamed.body.payloads).toBeUndefined();
    // So is ciphertext that was never in the history (tampered).
    const tampered = { ...encrypted, data: Buffer.from(Buffer.from(encrypted.data, 'base64').map((b, i) => (i === 20 ? b ^ 1 : b))).toString('base64') };
    expect((await decode(await login('supervisor1'), [tampered], { workflowId: row.workflowId })).status).toBe(403);
    // A workflow that is neither a case's, a referral's nor a claim's is nobody's to decode.
    expect((await decode(await login('auditor1'), [encrypted], { workflowId: 'kesos-retention-daily' })).status).toBe(404);
    expect(await decodedAudit(row.workflowId)).toEqual([]);
  });

  test('a supervisor of another kabupaten decodes nothing of a case the API hides from them', async () => {
    const caseId = await toPendampingan();
    const [row] = await sql`SELECT workflow_id FROM cases WHERE id = ${caseId}`;
    const encrypted = await startInputOf(row.workflowId);
    const yogya = await yogyakartaSupervisor();
    expect((await call('GET', `/api/cases/${caseId}`, { token: yogya })).status).toBe(404);
    const r = await decode(yogya, [encrypted], { workflowId: row.workflowId });
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).not.toContain('json/plain');
    expect(await decodedAudit(row.workflowId)).toEqual([]);
  });

  test("decodes a stipend claim's payloads for the claim's region only", async () => {
    const opened = await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { tkskId: 'usr_tksk3', period: '2021-04' } }); // a period no other test uses
    expect(opened.status).toBe(201);
    const encrypted = await startInputOf(opened.body.id);
    const r = await decode(await login('supervisor1'), [encrypted], { workflowId: opened.body.id });
    expect(r.status).toBe(200);
    expect(JSON.parse(Buffer.from(r.body.payloads[0].data, 'base64').toString())).toMatchObject({ claimId: opened.body.id, tkskId: 'usr_tksk3' });
    expect((await decode(await yogyakartaSupervisor(), [encrypted], { workflowId: opened.body.id })).status).toBe(404);
    expect(await decodedAudit(opened.body.id)).toMatchObject([{ actorId: 'usr_supervisor1', caseId: null, details: { payloads: 1 } }]);
  });

  test('there is no encode endpoint: nobody can mint valid ciphertext through the API', async () => {
    const body = { payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('{"a":1}').toString('base64') }] };
    expect((await call('POST', '/api/codec/encode', { token: await login('supervisor1'), body })).status).toBe(404);
  });
});

test('logs written during the suite contain no NIK or beneficiary name', async () => {
  const log = fs.readFileSync(stack().logFile, 'utf8');
  expect(log.length).toBeGreaterThan(1000);
  const rows = await sql<{ nik: string; name: string }[]>`SELECT DISTINCT nik, name FROM cases`;
  expect(rows.length).toBeGreaterThan(0);
  const lines = log.split('\n');
  const leaks = rows.flatMap(({ nik }) => (nik ? lines.filter((l) => l.includes(nik)).map((l) => l.slice(0, 300)) : []));
  expect(leaks).toEqual([]);
  // Names are common words ("Siti Aminah"): look for them only as whole values in JSON logs.
  const nameLeaks = rows.flatMap(({ name }) => lines.filter((l) => l.includes(`"${name}"`)).map((l) => l.slice(0, 300)));
  expect(nameLeaks).toEqual([]);
});
