// UU PDP: what Temporal stores is encrypted (no plaintext NIK or name in histories, failure
// messages included), authorised users decode through the codec endpoint, and logs never carry
// NIK or names.
import fs from 'node:fs';
import { toPendampingan } from '../support/casework';
import { call, db, login, rawTemporalClient, stack } from '../support/stack';

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
    const payloads = payloadsOf(JSON.parse(JSON.stringify(history, (_k, v) => (v instanceof Uint8Array || (v && v.type === 'Buffer') ? Buffer.from(v.data ?? v).toString('base64') : v))));
    expect(payloads.length).toBeGreaterThan(10);
    // Search attributes are indexed by the server, so they stay readable: codes only, by design.
    // The SDK's own markers (which patch, which local activity ran when) are written without the
    // data converter: bookkeeping with a fixed shape and no case data; their results are encrypted.
    const plain = payloads.filter((p) => p.encoding !== 'binary/encrypted');
    const sdkMarker = (p: (typeof plain)[number]) =>
      /\.markerRecordedEventAttributes\.details\.(data|patch-data)\.payloads\[0\]$/.test(p.path) &&
      Object.keys(JSON.parse(p.text)).every((k) => ['seq', 'attempt', 'activity_id', 'activity_type', 'complete_time', 'backoff', 'original_schedule_time', 'id', 'deprecated'].includes(k));
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

test('the codec endpoint decodes for supervisors and auditors (audited), not for a TKSK', async () => {
  const caseId = await toPendampingan();
  const [row] = await sql`SELECT nik, workflow_id FROM cases WHERE id = ${caseId}`;
  const raw = await rawTemporalClient();
  let encrypted: { metadata: Record<string, string>; data: string };
  try {
    const history = await raw.client.workflow.getHandle(row.workflowId).fetchHistory();
    const p = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
    encrypted = {
      metadata: Object.fromEntries(Object.entries(p.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      data: Buffer.from(p.data!).toString('base64'),
    };
  } finally {
    await raw.close();
  }
  expect((await call('POST', '/api/codec/decode', { token: await login('tksk1'), body: { payloads: [encrypted] } })).status).toBe(403);
  const r = await call('POST', '/api/codec/decode', { token: await login('supervisor1'), body: { payloads: [encrypted] } });
  expect(r.status).toBe(200);
  const decoded = r.body.payloads[0];
  expect(Buffer.from(decoded.metadata.encoding, 'base64').toString()).toBe('json/plain');
  expect(JSON.parse(Buffer.from(decoded.data, 'base64').toString()).registration.beneficiary.nik).toBe(row.nik);

  const before = (await sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'temporal.payloads_decoded'`)[0].n;
  expect((await call('POST', '/api/codec/decode', { token: await login('auditor1'), body: { payloads: [encrypted] } })).status).toBe(200);
  expect((await sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'temporal.payloads_decoded'`)[0].n).toBe(before + 1);
  // Tampered ciphertext is refused, not decoded.
  const tampered = { ...encrypted, data: Buffer.from(Buffer.from(encrypted.data, 'base64').map((b, i) => (i === 20 ? b ^ 1 : b))).toString('base64') };
  expect((await call('POST', '/api/codec/decode', { token: await login('supervisor1'), body: { payloads: [tampered] } })).status).toBe(422);
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
