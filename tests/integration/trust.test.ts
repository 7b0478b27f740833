// The API's trust features against the real stack: sessions (refresh rotation, reuse detection,
// logout, throttling), admin user management, Idempotency-Key, the audit trail (list, CSV,
// verify, tampering), the timeline, the data-subject export and retention.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { appendAudit } from '../../db/audit';
import { act, completeOk, registerCase, setCasePolicy } from '../support/casework';
import { asesmenData, call, cookieSession, db, login, refreshCookie, registration, stack, temporalClient, withRefreshCookie } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

describe('sessions', () => {
  test('refresh tokens rotate; a reused one revokes the whole login; logout revokes', async () => {
    const first = await call('POST', '/api/auth/login', { body: { username: 'auditor1', password: 'demo' } });
    expect(first.status).toBe(200);
    expect(first.body.expiresIn).toBe(900);
    const r1 = refreshCookie(first)!;
    expect(r1).toMatch(/^[\w-]{40,}$/);

    const second = await call('POST', '/api/auth/refresh', { headers: withRefreshCookie(r1) });
    expect(second.status).toBe(200);
    const r2 = refreshCookie(second)!;
    expect(r2).not.toBe(r1);
    expect((await call('GET', '/api/me', { token: second.body.token })).body.username).toBe('auditor1');

    // r1 again: theft is assumed, the family (r2 included) dies, and the cookie is cleared.
    const reuse = await call('POST', '/api/auth/refresh', { headers: withRefreshCookie(r1) });
    expect(reuse.status).toBe(401);
    expect(reuse.body.detail).toMatch(/reused/);
    expect(refreshCookie(reuse)).toBe('');
    expect((await call('POST', '/api/auth/refresh', { headers: withRefreshCookie(r2) })).status).toBe(401);

    const other = await cookieSession('auditor1');
    const out = await call('POST', '/api/auth/logout', { headers: withRefreshCookie(other.cookie) });
    expect(out.status).toBe(204);
    expect(refreshCookie(out)).toBe('');
    expect((await call('POST', '/api/auth/refresh', { headers: withRefreshCookie(other.cookie) })).status).toBe(401);
  });

  test('the refresh token is an httpOnly, SameSite=Strict cookie on /api/auth, never in a body', async () => {
    const r = await call('POST', '/api/auth/login', { body: { username: 'tksk1', password: 'demo' } });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['expiresIn', 'mustChangePassword', 'token', 'user']); // no refresh token
    const [line] = r.headers.getSetCookie().filter((l) => l.startsWith('kesos_refresh='));
    const attributes = line
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/auth', `max-age=${30 * 24 * 3600}`]));
    expect(attributes).not.toContain('secure'); // plain http in local mode; production marks it Secure
    expect(r.headers.get('cache-control')).toBe('no-store');
    const refreshed = await call('POST', '/api/auth/refresh', { headers: withRefreshCookie(refreshCookie(r)!) });
    expect(Object.keys(refreshed.body).sort()).toEqual(['expiresIn', 'mustChangePassword', 'token', 'user']);
    // A refresh token in the body (the old way) is no session.
    const body = await call('POST', '/api/auth/refresh', { body: { refreshToken: refreshCookie(refreshed) }, headers: { 'x-requested-with': 'fetch' } });
    expect(body.status).toBe(401);
  });

  test('refresh and logout refuse cross-site requests (CSRF): the header is required, a foreign Origin is refused', async () => {
    const { cookie } = await cookieSession('tksk2');
    const noHeader = await call('POST', '/api/auth/refresh', { headers: { cookie: `kesos_refresh=${cookie}` } });
    expect(noHeader.status).toBe(403);
    expect(noHeader.contentType).toContain('application/problem+json');
    const foreign = await call('POST', '/api/auth/refresh', { headers: withRefreshCookie(cookie, { origin: 'https://evil.example' }) });
    expect(foreign.status).toBe(403);
    expect((await call('POST', '/api/auth/logout', { headers: { cookie: `kesos_refresh=${cookie}`, origin: 'https://evil.example' } })).status).toBe(403);
    // Neither refusal used the token: the same cookie still refreshes, from the API's own origin.
    const own = await call('POST', '/api/auth/refresh', { headers: withRefreshCookie(cookie, { origin: stack().apiUrl }) });
    expect(own.status).toBe(200);
  });

  test('an access token without exp is refused, though signed with the real secret', async () => {
    const secret = fs.readFileSync(path.join(stack().dataDir, 'secrets', 'jwt-secret'), 'utf8').trim();
    const forever = jwt.sign({}, secret, { algorithm: 'HS256', subject: 'usr_admin', issuer: 'kesos-flow' });
    const r = await call('GET', '/api/me', { token: forever });
    expect(r.status).toBe(401);
    expect(r.contentType).toContain('application/problem+json');
    // The same secret with an expiry is accepted: the refusal is about exp, not the signature.
    const valid = jwt.sign({}, secret, { algorithm: 'HS256', subject: 'usr_admin', issuer: 'kesos-flow', expiresIn: 60 });
    expect((await call('GET', '/api/me', { token: valid })).body.username).toBe('admin');
  });

  test('repeated failed sign-ins of an account are throttled with 429 and Retry-After', async () => {
    const username = `nobody-${randomUUID().slice(0, 8)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('POST', '/api/auth/login', { body: { username, password: 'wrong' } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const r = await call('POST', '/api/auth/login', { body: { username, password: 'wrong' } });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(r.contentType).toContain('application/problem+json');
    // Other accounts are unaffected.
    expect((await call('POST', '/api/auth/login', { body: { username: 'tksk1', password: 'demo' } })).status).toBe(200);
  });

  test('30 wrong passwords at once for one account: at most 5 are checked, and the right one is refused for the window too', async () => {
    const username = `tksk.throttle.${randomUUID().slice(0, 6)}`;
    const created = await call('POST', '/api/admin/users', {
      token: await login('admin'),
      body: { username, displayName: 'TKSK uji throttle', role: 'tksk', regionCode: '33.73.02', password: 'sandi-cukup-panjang' },
    });
    expect(created.status).toBe(201);
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => call('POST', '/api/auth/login', { body: { username, password: 'salah-sekali-ini' } }).then((r) => r.status)),
    );
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - checked);
    const right = await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('admin user management', () => {
  test('create, sign in, disable (tokens stop working), reset password', async () => {
    const admin = await login('admin');
    const username = `tksk.tingkir.${randomUUID().slice(0, 6)}`;
    const bad = await call('POST', '/api/admin/users', {
      token: admin,
      body: { username, displayName: 'TKSK Baru', role: 'tksk', regionCode: '33.73', password: 'sandi-cukup-panjang' },
    });
    expect(bad.status).toBe(422); // a TKSK is scoped to a kecamatan
    expect(bad.body.errors[0].pointer).toBe('/body/regionCode');
    const created = await call('POST', '/api/admin/users', {
      token: admin,
      body: { username, displayName: 'TKSK Baru', role: 'tksk', regionCode: '33.73.02', password: 'sandi-cukup-panjang' },
    });
    expect(created.status).toBe(201);
    expect(
      (
        await call('POST', '/api/admin/users', {
          token: admin,
          body: { username, displayName: 'Lagi', role: 'tksk', regionCode: '33.73.02', password: 'sandi-cukup-panjang' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call('POST', '/api/admin/users', {
          token: await login('supervisor1'),
          body: { username: 'x-y-z', displayName: 'X', role: 'tksk', regionCode: '33.73.02', password: 'sandi-cukup-panjang' },
        })
      ).status,
    ).toBe(403);

    const session = await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } });
    expect(session.status).toBe(200);
    const id = created.body.id;
    expect((await call('PATCH', `/api/admin/users/${id}`, { token: admin, body: { disabled: true } })).status).toBe(200);
    expect((await call('GET', '/api/me', { token: session.body.token })).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { headers: withRefreshCookie(refreshCookie(session)!) })).status).toBe(401);

    await call('PATCH', `/api/admin/users/${id}`, { token: admin, body: { disabled: false } });
    expect((await call('POST', `/api/admin/users/${id}/reset-password`, { token: admin, body: { password: 'sandi-baru-yang-panjang' } })).status).toBe(204);
    expect((await call('POST', '/api/auth/login', { body: { username, password: 'sandi-cukup-panjang' } })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { body: { username, password: 'sandi-baru-yang-panjang' } })).status).toBe(200);
    const list = await call('GET', `/api/admin/users?filter=${encodeURIComponent(JSON.stringify({ role: 'tksk', regionCode: '33.73.02' }))}`, { token: admin });
    expect(list.body.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['tksk2', username]));
  });
});

describe('Idempotency-Key', () => {
  test('same key and body → the same case, replayed; different body → 422; no second workflow', async () => {
    const token = await login('tksk1');
    const key = `reg-${randomUUID()}`;
    const body = registration();
    const first = await call('POST', '/api/cases', { token, body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    const again = await call('POST', '/api/cases', { token, body, headers: { 'idempotency-key': key } });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const conflict = await call('POST', '/api/cases', {
      token,
      body: { ...body, summary: 'Ringkasan yang berbeda sekali.' },
      headers: { 'idempotency-key': key },
    });
    expect(conflict.status).toBe(422);
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM cases WHERE nik = ${body.beneficiary.nik}`;
    expect(n).toBe(1);
    // The same key from another user is another request.
    const other = await call('POST', '/api/cases', {
      token: await login('tksk2'),
      body: { ...registration(), beneficiary: { ...registration().beneficiary, desaCode: '33.73.02.1001' } },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });
});

describe('idempotency records last 24 hours', () => {
  test('an expired key is a new request, and the retention workflow deletes expired records (no registration kept for ever)', async () => {
    const token = await login('tksk1');
    const [old, fresh] = [`old-${randomUUID()}`, `fresh-${randomUUID()}`];
    const first = await call('POST', '/api/cases', { token, body: registration(), headers: { 'idempotency-key': old } });
    expect(first.status).toBe(201);
    expect((await call('POST', '/api/cases', { token, body: registration(), headers: { 'idempotency-key': fresh } })).status).toBe(201);
    // What a record holds: the request's hash, never its body; the answer to replay.
    const [stored] = await sql`SELECT * FROM idempotency_keys WHERE user_id = 'usr_tksk1' AND key = ${old}`;
    expect(Object.keys(stored).sort()).toEqual(['createdAt', 'key', 'requestHash', 'resourceId', 'response', 'route', 'statusCode', 'userId']);
    expect(stored.requestHash).toMatch(/^[0-9a-f]{64}$/);
    await sql`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE user_id = 'usr_tksk1' AND key = ${old}`;

    // Past 24 hours the key no longer replays: a different body is a new registration, not a 422.
    const again = await call('POST', '/api/cases', { token, body: registration(), headers: { 'idempotency-key': old } });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.id).not.toBe(first.body.id);

    await sql`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE user_id = 'usr_tksk1' AND key = ${old}`;
    const { client, close } = await temporalClient();
    try {
      const result = (await client.workflow.execute('retentionWorkflow', {
        workflowId: `retention-test-${randomUUID()}`,
        taskQueue: 'kesos-flow',
        args: [],
      })) as { idempotencyKeysPurged: number };
      expect(result.idempotencyKeysPurged).toBeGreaterThanOrEqual(1);
    } finally {
      await close();
    }
    const keys = (await sql`SELECT key FROM idempotency_keys WHERE user_id = 'usr_tksk1' AND key IN ${sql([old, fresh])}`).map((r) => r.key);
    expect(keys).toEqual([fresh]);
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`;
    expect(n).toBe(0);
  });
});

describe('bad input writes nothing', () => {
  const writes: [string, string, unknown][] = [
    ['POST', '/api/cases', registration()],
    ['POST', '/api/auth/login', { username: 'tksk1', password: 'demo' }],
    ['POST', '/api/admin/users', { username: 'someone', displayName: 'Some One', role: 'tksk', regionCode: '33.73.01', password: 'sandi-cukup-panjang' }],
    ['PUT', '/api/admin/sla-policies', { taskType: 'asesmen', regionCode: '33.73', duePeriod: 'P7D' }],
    ['POST', '/api/cases/bulk-reassign', { fromUserId: 'usr_tksk1', toUserId: 'usr_tksk3', reason: 'Mengundurkan diri.' }],
  ];
  const counts = async () =>
    (
      await sql`SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM users) + (SELECT count(*) FROM sla_policies) + (SELECT count(*) FROM audit_log) AS n`
    )[0].n;
  const tokenFor = (path: string) => login(path.startsWith('/api/admin') ? 'admin' : path.includes('bulk') ? 'supervisor1' : 'tksk1');

  test.each(writes)('%s %s: malformed JSON, wrong types, missing fields, oversize → 4xx problem+json, no rows', async (method, path, valid) => {
    const token = await tokenFor(path);
    const before = await counts();
    const wrongTypes = JSON.parse(JSON.stringify(valid, (_k, v) => (typeof v === 'string' ? 12345 : v)));
    const attempts = [
      call(method, path, { token, rawBody: '{"oops":', headers: { 'content-type': 'application/json' } }),
      call(method, path, { token, body: wrongTypes }),
      call(method, path, { token, body: {} }),
      call(method, path, { token, body: { ...(valid as object), padding: 'x'.repeat(300_000) } }),
      call(method, path, { token, rawBody: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    ];
    const results = await Promise.all(attempts);
    expect(results.map((r) => r.status)).toEqual([400, 422, 422, 413, 415]);
    for (const r of results) expect(r.contentType).toContain('application/problem+json');
    expect(await counts()).toBe(before);
  });
});

describe('reasons and notes beside the audit chain', () => {
  test('the chained row holds a digest, the list and timeline the text; tampering with a text is found; older rows still verify', async () => {
    const caseId = await registerCase();
    await completeOk(caseId, 'asesmen', 'tksk1', { data: asesmenData });
    const reason = `Tingkat risiko belum dijelaskan ${randomUUID().slice(0, 8)}.`;
    await completeOk(caseId, 'assessment_approval', 'supervisor1', { outcome: 'return', data: { reason } });
    expect((await act(caseId, 'note', 'supervisor1', { text: `Catatan untuk uji teks ${reason}` })).status).toBe(200);

    const rows =
      await sql`SELECT event_key, action, details FROM audit_log WHERE case_id = ${caseId} AND action IN ('task.completed', 'case.note') ORDER BY seq`;
    expect(JSON.stringify(rows)).not.toContain(reason);
    const returned = rows.find((r) => r.details.outcome === 'return')!;
    expect(returned.details.reason).toEqual({ textSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const [text] = await sql`SELECT field, case_id, text FROM audit_texts WHERE event_key = ${returned.eventKey}`;
    expect(text).toEqual({ field: 'reason', caseId, text: reason });

    const list = await call('GET', `/api/audit?filter=${encodeURIComponent(JSON.stringify({ caseId, action: 'task.completed' }))}`, {
      token: await login('auditor1'),
    });
    expect(list.body.map((a: { details: { reason?: string } }) => a.details.reason)).toContain(reason);
    const timeline = await call('GET', `/api/cases/${caseId}/timeline`, { token: await login('supervisor1') });
    expect(timeline.body.map((e: { text: string }) => e.text).join('\n')).toContain(`"${reason}"`);
    expect((await call('GET', '/api/audit/verify', { token: await login('auditor1') })).body).toMatchObject({ ok: true, texts: { ok: true } });

    // A row as the code before audit_texts wrote it (text in details): the chain verifies it as before.
    await sql.begin((tx) =>
      appendAudit(tx, {
        eventKey: `legacy:${randomUUID()}`,
        at: new Date(),
        actorId: 'usr_supervisor1',
        actorRole: 'supervisor_kabupaten',
        action: 'case.note',
        entityType: 'case',
        entityId: caseId,
        caseId,
        details: { text: 'Catatan lama.' },
      }),
    );
    expect((await call('GET', '/api/audit/verify', { token: await login('auditor1') })).body.ok).toBe(true);

    // The text table is writable by the application (retention blanks it): a changed text no longer matches its chained digest.
    await sql`UPDATE audit_texts SET text = 'Disetujui tanpa catatan.' WHERE event_key = ${returned.eventKey}`;
    try {
      const verify = await call('GET', '/api/audit/verify', { token: await login('auditor1') });
      expect(verify.body).toMatchObject({ ok: false, texts: { ok: false, firstBroken: { eventKey: returned.eventKey, field: 'reason' } } });
      expect(verify.body.firstBroken).toBeUndefined(); // the chain itself is intact
    } finally {
      await sql`UPDATE audit_texts SET text = ${reason} WHERE event_key = ${returned.eventKey}`;
    }
  });
});

describe('audit trail', () => {
  test('list is scoped by region, exports as CSV, and the chain verifies', async () => {
    const caseId = await registerCase('tksk2');
    const auditor = await login('auditor1');
    const list = await call('GET', `/api/audit?filter=${encodeURIComponent(JSON.stringify({ caseId }))}`, { token: auditor });
    expect(list.status).toBe(200);
    expect(list.body.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['case.registered', 'task.created']));
    expect(list.headers.get('content-range')).toMatch(/^audit /);
    expect((await call('GET', '/api/audit', { token: await login('tksk1') })).status).toBe(403);

    const csv = await call('GET', `/api/audit/export.csv?filter=${encodeURIComponent(JSON.stringify({ caseId }))}`, { token: auditor });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain('text/csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('seq,at,actorId,actorRole,action,entityType,entityId,caseId,details,prevHash,hash');
    // The auditor's list read and this export are on the case's record too, written before the export's rows.
    expect(lines.length).toBe(list.body.length + 1 + 2);
    expect(lines.filter((l) => l.includes('"audit.read"') || l.includes('"audit.exported"'))).toHaveLength(2);

    const verify = await call('GET', '/api/audit/verify', { token: auditor });
    expect(verify.body).toMatchObject({ ok: true });
    expect((await call('GET', '/api/audit/verify', { token: await login('supervisor1') })).status).toBe(403);
  });

  test('tampering with an audit row (as the database superuser) is found by verify', async () => {
    await registerCase(); // some rows to tamper with
    const [row] = await sql`SELECT seq, details FROM audit_log WHERE action = 'case.registered' ORDER BY seq DESC LIMIT 1`;
    try {
      await sql.begin(async (tx) => {
        await tx`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`;
        await tx`UPDATE audit_log SET details = ${tx.json({ ...row.details, pmksCode: 'FM' })} WHERE seq = ${row.seq}`;
        await tx`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`;
      });
      const verify = await call('GET', '/api/audit/verify', { token: await login('auditor1') });
      expect(verify.body.ok).toBe(false);
      expect(verify.body.firstBroken).toEqual({ seq: String(row.seq), reason: 'hash' });
    } finally {
      await sql.begin(async (tx) => {
        await tx`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`;
        await tx`UPDATE audit_log SET details = ${tx.json(row.details)} WHERE seq = ${row.seq}`;
        await tx`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`;
      });
    }
    expect((await call('GET', '/api/audit/verify', { token: await login('auditor1') })).body.ok).toBe(true);
  });
});

test('the timeline tells the case in sentences, with actors and reasons', async () => {
  const caseId = await registerCase();
  await completeOk(caseId, 'asesmen', 'tksk1', { data: asesmenData });
  await completeOk(caseId, 'assessment_approval', 'supervisor1', { outcome: 'return', data: { reason: 'Tingkat risiko belum dijelaskan.' } });
  const id = await call('GET', `/api/cases/${caseId}/timeline`, { token: await login('tksk1') });
  expect(id.status).toBe(200);
  expect(id.body.map((e: { text: string }) => e.text)).toEqual(
    expect.arrayContaining(['Dewi Lestari (Dinsos Kota Salatiga) mengembalikan persetujuan asesmen: "Tingkat risiko belum dijelaskan."']),
  );
  const en = await call('GET', `/api/cases/${caseId}/timeline?lang=en`, { token: await login('supervisor1') });
  expect(en.body.map((e: { text: string }) => e.text)).toEqual(
    expect.arrayContaining(['Dewi Lestari (Dinsos Kota Salatiga) returned assessment approval: "Tingkat risiko belum dijelaskan."']),
  );
  expect((await call('GET', `/api/cases/${caseId}/timeline`, { token: await login('tksk2') })).status).toBe(404);
});

describe('UU PDP duties', () => {
  // The data-subject export (with its second admin): tests/integration/privileged.test.ts.

  test("every auditor read of a case's data is audited: case, timeline, history, tasks, audit trail", async () => {
    const caseId = await registerCase();
    const auditor = await login('auditor1');
    const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
    const reads = async () =>
      await sql<{ action: string; details: Record<string, any> }[]>`
        SELECT action, details FROM audit_log WHERE case_id = ${caseId} AND actor_id = 'usr_auditor1' ORDER BY seq`;
    expect(await reads()).toEqual([]);

    const [task] = (await call('GET', `/api/tasks?filter=${q({ caseId })}`, { token: auditor })).body;
    const answers = await Promise.all([
      call('GET', `/api/cases/${caseId}`, { token: auditor }),
      call('GET', `/api/cases/${caseId}/timeline`, { token: auditor }),
      call('GET', `/api/cases/${caseId}/history`, { token: auditor }),
      call('GET', `/api/tasks/${task.id}`, { token: auditor }),
      call('GET', `/api/audit?filter=${q({ caseId })}`, { token: auditor }),
      call('GET', `/api/audit/export.csv?filter=${q({ caseId })}`, { token: auditor }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const actions = (await reads()).map((r) => r.action).sort();
    expect(actions).toEqual(
      ['audit.exported', 'audit.read', 'case.history_read', 'case.personal_data_read', 'case.timeline_read', 'task.data_read', 'task.data_read'].sort(),
    );
    expect((await reads()).find((r) => r.action === 'task.data_read')!.details.taskIds).toEqual([task.id]);

    // A client-chosen request id does not make a second read look like a retry of the first.
    const fixed = { 'x-request-id': `fixed-${randomUUID()}` };
    for (let i = 0; i < 2; i++) expect((await call('GET', `/api/cases/${caseId}/timeline`, { token: auditor, headers: fixed })).status).toBe(200);
    expect((await reads()).filter((r) => r.action === 'case.timeline_read')).toHaveLength(3);

    // Supervisors' reads are not audited; the timeline tells the auditor's.
    await call('GET', `/api/cases/${caseId}/timeline`, { token: await login('supervisor1') });
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM audit_log WHERE case_id = ${caseId} AND actor_id = 'usr_supervisor1'`;
    expect(n).toBe(0);
    const timeline = await call('GET', `/api/cases/${caseId}/timeline`, { token: await login('tksk1') });
    expect(timeline.body.map((e: { text: string }) => e.text)).toEqual(
      expect.arrayContaining(['Hendra Wijaya (Inspektorat Jawa Tengah) membuka linimasa kasus']),
    );
  });

  test('after the retention period a closed case is anonymised; its statistics stay', async () => {
    await setCasePolicy('retention_period', '33.73.02', 'PT1S');
    try {
      const caseId = await registerCase('tksk2');
      await completeOk(caseId, 'asesmen', 'tksk2', { data: asesmenData });
      await completeOk(caseId, 'assessment_approval', 'supervisor1', { outcome: 'reject', data: { reason: 'Bukan PMKS, keluarga mampu.' } });
      await new Promise((r) => setTimeout(r, 1_500));
      const { client, close } = await temporalClient();
      try {
        const result = await client.workflow.execute('retentionWorkflow', { workflowId: `retention-test-${randomUUID()}`, taskQueue: 'kesos-flow', args: [] });
        expect((result as { anonymised: number }).anonymised).toBeGreaterThanOrEqual(1);
        // The daily schedule exists too.
        expect((await client.schedule.getHandle('kesos-retention').describe()).action.type).toBe('startWorkflow');
      } finally {
        await close();
      }
      const [row] =
        await sql`SELECT nik, name, address, summary, pmks_code, kecamatan_code, sex, birth_date, status, anonymised_at FROM cases WHERE id = ${caseId}`;
      expect(row).toMatchObject({
        nik: null,
        name: '(dianonimkan)',
        address: '(dianonimkan)',
        pmksCode: 'LUT',
        kecamatanCode: '33.73.02',
        sex: 'P',
        status: 'closed',
      });
      expect(row.birthDate.toISOString().slice(5, 10)).toBe('01-01'); // birth year only
      expect(row.anonymisedAt).not.toBeNull();
      const api = await call('GET', `/api/cases/${caseId}`, { token: await login('supervisor1') });
      expect(api.body).toMatchObject({ anonymised: true, beneficiary: { nik: null, name: '(dianonimkan)' } });
      const tasks = await sql`SELECT data FROM tasks WHERE case_id = ${caseId} AND data IS NOT NULL`;
      for (const t of tasks) expect(t.data).toEqual({ anonymised: true });
      // The rejection's reason in the audit trail too: blanked beside the chain, which still verifies.
      const texts = await sql`SELECT text, salt, blanked_at FROM audit_texts WHERE case_id = ${caseId}`;
      expect(texts.length).toBeGreaterThan(0);
      for (const t of texts) expect(t).toMatchObject({ text: null, salt: null, blankedAt: expect.any(Date) });
      const timeline = await call('GET', `/api/cases/${caseId}/timeline`, { token: await login('supervisor1') });
      const said = timeline.body.map((e: { text: string }) => e.text).join('\n');
      expect(said).not.toContain('Bukan PMKS');
      expect(said).toContain('"(dianonimkan)"');
      expect((await call('GET', '/api/audit/verify', { token: await login('auditor1') })).body).toMatchObject({ ok: true, texts: { ok: true } });
    } finally {
      await setCasePolicy('retention_period', '33.73.02', 'P5Y');
    }
  });

  test('closing starts the retention clock; reopening stops it', async () => {
    const caseId = await registerCase();
    await completeOk(caseId, 'asesmen', 'tksk1', { data: asesmenData });
    await completeOk(caseId, 'assessment_approval', 'supervisor1', { outcome: 'reject', data: { reason: 'Bukan PMKS, keluarga mampu.' } });
    expect((await sql`SELECT closed_at FROM cases WHERE id = ${caseId}`)[0].closedAt).not.toBeNull();
    expect((await act(caseId, 'reopen', 'supervisor1', { reason: 'Ada informasi baru dari desa.' })).status).toBe(200);
    expect((await sql`SELECT closed_at FROM cases WHERE id = ${caseId}`)[0].closedAt).toBeNull();
  });
});

test("the dashboard summary counts only the caller's region", async () => {
  await registerCase('tksk2');
  const tingkir = await call('GET', '/api/reports/summary', { token: await login('tksk2') });
  expect(tingkir.status).toBe(200);
  expect(tingkir.body.byKecamatan.map((k: { key: string }) => k.key)).toEqual(['33.73.02']);
  const kota = await call('GET', '/api/reports/summary', { token: await login('supervisor1') });
  const keys = kota.body.byKecamatan.map((k: { key: string }) => k.key).sort();
  expect(keys).toEqual(expect.arrayContaining(['33.73.01', '33.73.02']));
  expect(kota.body.cases).toBe(kota.body.byStatus.reduce((n: number, s: { count: number }) => n + s.count, 0));
  expect(kota.body.cases).toBeGreaterThan(tingkir.body.cases);
  expect((await call('GET', '/api/reports/summary', { token: await login('admin') })).status).toBe(403);
});
