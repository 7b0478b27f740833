// The walking skeleton's slice over HTTP against the real stack: login → register a case
// (workflow start) → asesmen task in the inbox → complete through a Temporal Update →
// assessment_approval for the supervisor → return loop → approve → pendampingan.
import { verifyAuditChain } from '../../db/audit';
import { asesmenData, call, db, login, registration, temporalClient } from '../support/stack';

const sql = db();
afterAll(() => sql.end());

async function openTasks(token: string, filter: Record<string, unknown> = {}) {
  const q = encodeURIComponent(JSON.stringify({ status: 'open', ...filter }));
  const r = await call('GET', `/api/tasks?filter=${q}`, { token });
  expect(r.status).toBe(200);
  return r.body as { id: string; type: string; caseId: string; context: Record<string, unknown> }[];
}

async function register(token: string, body = registration()) {
  const r = await call('POST', '/api/cases', { token, body });
  expect(r.status).toBe(201);
  return r.body as { id: string; workflowId: string; status: string };
}

describe('health and auth', () => {
  test('/health reports both dependencies ok', async () => {
    const r = await call('GET', '/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', temporal: 'ok', db: 'ok' });
  });

  test('wrong password is a 401 problem', async () => {
    const r = await call('POST', '/api/auth/login', { body: { username: 'tksk1', password: 'nope' } });
    expect(r.status).toBe(401);
    expect(r.contentType).toContain('application/problem+json');
    expect(r.body.instance).toMatch(/^urn:kesos-flow:request:/);
  });

  test('/api/me needs a token and returns the user', async () => {
    expect((await call('GET', '/api/me')).status).toBe(401);
    const r = await call('GET', '/api/me', { token: await login('tksk1') });
    expect(r.body).toMatchObject({ username: 'tksk1', role: 'tksk', regionCode: '33.73.01' });
  });
});

describe('case registration', () => {
  test('an invalid NIK is a 422 with the field path, and starts no workflow', async () => {
    const token = await login('tksk1');
    const { client, close } = await temporalClient();
    try {
      const before = (await sql`SELECT count(*)::int AS n FROM cases`)[0].n;
      const body = registration();
      body.beneficiary.nik = '3373019999620001'; // day 99: not a date
      const r = await call('POST', '/api/cases', { token, body });
      expect(r.status).toBe(422);
      expect(r.contentType).toContain('application/problem+json');
      expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/body/beneficiary/nik' })]));
      expect((await sql`SELECT count(*)::int AS n FROM cases`)[0].n).toBe(before);
      // One execution per case (runs that continued as new are the same case; starts the
      // workflow refused — forged ones, tests/integration/forgedActors.test.ts — failed at once).
      const { count } = await client.workflow.count(`WorkflowType = 'caseWorkflow' AND ExecutionStatus != 'ContinuedAsNew' AND ExecutionStatus != 'Failed'`);
      const rows = (await sql`SELECT count(*)::int AS n FROM cases`)[0].n;
      expect(count).toBe(rows);
    } finally {
      await close();
    }
  });

  test('NIK birth date and sex must match the fields', async () => {
    const body = registration();
    body.beneficiary.sex = 'L'; // NIK day 57 = woman born on the 17th
    const r = await call('POST', '/api/cases', { token: await login('tksk1'), body });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/body/beneficiary/sex');
  });

  test('a desa outside the TKSK kecamatan is refused', async () => {
    const body = registration();
    body.beneficiary.desaCode = '33.73.02.1001'; // Tingkir, tksk2's kecamatan
    const r = await call('POST', '/api/cases', { token: await login('tksk1'), body });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].pointer).toBe('/body/beneficiary/desaCode');
  });

  test('only a TKSK registers cases', async () => {
    const r = await call('POST', '/api/cases', { token: await login('supervisor1'), body: registration() });
    expect(r.status).toBe(403);
  });

  test('the OpenAPI example registers a case for tksk1', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body;
    const op = doc.paths['/api/cases'].post;
    const content = op.requestBody.content['application/json'];
    const schema = content.schema.$ref ? doc.components.schemas[content.schema.$ref.split('/').pop()] : content.schema;
    const example = schema.example ?? content.example;
    expect(example).toBeDefined();
    example.beneficiary.nik = registration().beneficiary.nik; // the same person registered twice is allowed, but keep runs independent
    const r = await call('POST', '/api/cases', { token: await login('tksk1'), body: example });
    expect(r.status).toBe(201);
  });
});

describe('one open case per person and PMKS category', () => {
  test('the same NIK again in the same category is 409 naming the open case (when the caller may see it); in another category a warning', async () => {
    const tksk1 = await login('tksk1');
    const body = registration();
    const first = await register(tksk1, body);
    expect(first).not.toHaveProperty('warnings');

    const again = await call('POST', '/api/cases', { token: tksk1, body });
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body).toMatchObject({ caseId: first.id });
    expect(again.body.detail).toContain(first.id);
    // tksk3 works in the same kecamatan and sees the case too.
    expect((await call('POST', '/api/cases', { token: await login('tksk3'), body })).body).toMatchObject({ status: 409, caseId: first.id });
    // tksk2 (Tingkir) does not see it: told that a case exists, not which.
    const elsewhere = await call('POST', '/api/cases', {
      token: await login('tksk2'),
      body: { ...body, beneficiary: { ...body.beneficiary, desaCode: '33.73.02.1001' } },
    });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.caseId).toBeUndefined();
    expect(JSON.stringify(elsewhere.body)).not.toContain(first.id);

    // Another category: registered, with a warning about the open case.
    const fm = await call('POST', '/api/cases', { token: tksk1, body: { ...body, pmksCode: 'FM' } });
    expect(fm.status).toBe(201);
    expect(fm.body.warnings).toEqual([expect.objectContaining({ code: 'open_case_other_category', caseId: first.id, pmksCode: 'LUT' })]);
    const notSeen = await call('POST', '/api/cases', {
      token: await login('tksk2'),
      body: { ...body, pmksCode: 'PD', beneficiary: { ...body.beneficiary, desaCode: '33.73.02.1001' } },
    });
    expect(notSeen.status).toBe(201);
    expect(notSeen.body.warnings).toHaveLength(1);
    expect(notSeen.body.warnings[0].code).toBe('open_case_other_category');
    expect(JSON.stringify(notSeen.body.warnings)).not.toMatch(new RegExp(`${first.id}|${fm.body.id}|LUT|FM`));
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM cases WHERE nik = ${body.beneficiary.nik}`;
    expect(n).toBe(3);

    // Once the case is cancelled the person may be registered in that category again.
    expect(
      (await call('POST', `/api/cases/${first.id}/actions/cancel`, { token: await login('supervisor1'), body: { reason: 'Registrasi ganda, diulang.' } })).body
        .case.status,
    ).toBe('cancelled');
    expect((await call('POST', '/api/cases', { token: tksk1, body })).status).toBe(201);
  });

  test('two registrations of the same person at once: one case', async () => {
    const tksk1 = await login('tksk1');
    const body = registration();
    const statuses = await Promise.all(Array.from({ length: 4 }, () => call('POST', '/api/cases', { token: tksk1, body }).then((r) => r.status)));
    expect(statuses.sort()).toEqual([201, 409, 409, 409]);
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM cases WHERE nik = ${body.beneficiary.nik}`;
    expect(n).toBe(1);
  });
});

describe('one case through every layer', () => {
  let caseId: string;
  let workflowId: string;

  test('registering starts the workflow and opens an asesmen task for tksk1 only', async () => {
    const tksk1 = await login('tksk1');
    const created = await register(tksk1);
    caseId = created.id;
    workflowId = created.workflowId;
    expect(workflowId).toBe(`case-${caseId}`);
    expect(created.status).toBe('assessment');

    const mine = await openTasks(tksk1, { caseId });
    expect(mine.map((t) => t.type)).toEqual(['asesmen']);
    expect(await openTasks(await login('tksk2'), { caseId })).toEqual([]);
    const other = await call('GET', `/api/cases/${caseId}`, { token: await login('tksk2') });
    expect(other.status).toBe(404);
  });

  test('lists follow simple-rest: Content-Range and masked NIK for the province', async () => {
    const r = await call('GET', `/api/cases?range=${encodeURIComponent('[0,4]')}&sort=${encodeURIComponent('["createdAt","DESC"]')}`, {
      token: await login('provinsi1'),
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-range')).toMatch(/^cases 0-\d+\/\d+$/);
    const row = r.body.find((c: { id: string }) => c.id === caseId);
    expect(row.beneficiary.nik).toMatch(/^3373\*{8}\d{4}$/);
    const own = await call('GET', `/api/cases/${caseId}`, { token: await login('tksk1') });
    expect(own.body.beneficiary.nik).toMatch(/^\d{16}$/);
  });

  test('another kecamatan cannot complete the task; a supervisor cannot do the TKSK step', async () => {
    const [task] = await openTasks(await login('tksk1'), { caseId });
    expect((await call('POST', `/api/tasks/${task.id}/complete`, { token: await login('tksk2'), body: { data: asesmenData } })).status).toBe(404);
    const r = await call('POST', `/api/tasks/${task.id}/complete`, { token: await login('supervisor1'), body: { data: asesmenData } });
    expect(r.status).toBe(403);
  });

  test('an invalid payload is a 422 and leaves the task open', async () => {
    const tksk1 = await login('tksk1');
    const [task] = await openTasks(tksk1, { caseId });
    const r = await call('POST', `/api/tasks/${task.id}/complete`, { token: tksk1, body: { data: { ...asesmenData, riskLevel: 'extreme' } } });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].pointer).toBe('/body/data/riskLevel');
    expect((await sql`SELECT status FROM tasks WHERE id = ${task.id}`)[0].status).toBe('open');
  });

  test('completing the asesmen answers synchronously with the next step', async () => {
    const tksk1 = await login('tksk1');
    const [task] = await openTasks(tksk1, { caseId });
    const r = await call('POST', `/api/tasks/${task.id}/complete`, { token: tksk1, body: { data: asesmenData } });
    expect(r.status).toBe(200);
    expect(r.body.case.status).toBe('assessment_review');
    expect(r.body.case.openTasks.map((t: { type: string }) => t.type)).toEqual(['assessment_approval']);

    // The same completion again: 409, and nothing written twice.
    const again = await call('POST', `/api/tasks/${task.id}/complete`, { token: tksk1, body: { data: asesmenData } });
    expect(again.status).toBe(409);
    const audit = await sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${task.id} AND action = 'task.completed'`;
    expect(audit[0].n).toBe(1);
  });

  test('tksk1 never sees approve controls: the approval task is refused to a TKSK', async () => {
    const [approval] = await openTasks(await login('supervisor1'), { caseId });
    const r = await call('POST', `/api/tasks/${approval.id}/complete`, { token: await login('tksk1'), body: { outcome: 'approve', data: {} } });
    expect([403, 404]).toContain(r.status);
  });

  test('return needs a reason, and sends the case back to asesmen with the notes', async () => {
    const sup = await login('supervisor1');
    const [approval] = await openTasks(sup, { caseId });
    expect(approval.type).toBe('assessment_approval');
    const noReason = await call('POST', `/api/tasks/${approval.id}/complete`, { token: sup, body: { outcome: 'return', data: {} } });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].pointer).toBe('/body/data/reason');

    const r = await call('POST', `/api/tasks/${approval.id}/complete`, {
      token: sup,
      body: { outcome: 'return', data: { reason: 'Tingkat risiko belum dijelaskan.' } },
    });
    expect(r.status).toBe(200);
    expect(r.body.case.status).toBe('assessment');
    const [again] = await openTasks(await login('tksk1'), { caseId });
    expect(again.type).toBe('asesmen');
    expect(again.context.returnNotes).toBe('Tingkat risiko belum dijelaskan.');
  });

  test('two supervisors approving at once: exactly one wins; the case reaches pendampingan', async () => {
    const tksk1 = await login('tksk1');
    const [asesmen] = await openTasks(tksk1, { caseId });
    expect((await call('POST', `/api/tasks/${asesmen.id}/complete`, { token: tksk1, body: { data: asesmenData } })).status).toBe(200);
    const [approval] = await openTasks(await login('supervisor1'), { caseId });
    const results = await Promise.all(
      ['supervisor1', 'supervisor2'].map(async (u) =>
        call('POST', `/api/tasks/${approval.id}/complete`, { token: await login(u), body: { outcome: 'approve', data: {} } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const c = await call('GET', `/api/cases/${caseId}`, { token: tksk1 });
    expect(c.body.status).toBe('pendampingan');
    const completions = await sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${approval.id} AND action = 'task.completed'`;
    expect(completions[0].n).toBe(1);
  });

  test('the raw Temporal history is served to supervisors, not to the TKSK', async () => {
    expect((await call('GET', `/api/cases/${caseId}/history`, { token: await login('tksk1') })).status).toBe(403);
    const r = await call('GET', `/api/cases/${caseId}/history`, { token: await login('supervisor1') });
    expect(r.status).toBe(200);
    expect(r.body.workflowId).toBe(workflowId);
    const types = r.body.history.events.map((e: { eventType: string }) => e.eventType);
    expect(types[0]).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    expect(types).toContain('EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED');
  });

  test('an auditor reading the case is itself audited, and the chain verifies', async () => {
    const r = await call('GET', `/api/cases/${caseId}`, { token: await login('auditor1') });
    expect(r.status).toBe(200);
    const reads = await sql`SELECT count(*)::int AS n FROM audit_log WHERE case_id = ${caseId} AND action = 'case.personal_data_read'`;
    expect(reads[0].n).toBeGreaterThanOrEqual(1);
    const chain = await verifyAuditChain(sql);
    expect(chain.ok).toBe(true);
    expect(chain.rows).toBeGreaterThan(5);
  });
});

describe('errors are problem+json', () => {
  test('unknown route → 404', async () => {
    const r = await call('GET', '/api/nope');
    expect(r.status).toBe(404);
    expect(r.contentType).toContain('application/problem+json');
  });

  test('malformed JSON → 400, wrong media type → 415, oversize → 413', async () => {
    const token = await login('tksk1');
    const bad = await call('POST', '/api/cases', { token, rawBody: '{"beneficiary":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    const text = await call('POST', '/api/cases', { token, rawBody: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const big = await call('POST', '/api/cases', { token, body: { ...registration(), summary: 'x'.repeat(300_000) } });
    expect(big.status).toBe(413);
    for (const r of [bad, text, big]) expect(r.contentType).toContain('application/problem+json');
  });

  test('the audit log refuses UPDATE and DELETE', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`).rejects.toThrow(/append-only/);
  });
});
