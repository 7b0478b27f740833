// The OpenAPI document is generated from the zod schemas and covers every route the Express app
// serves (found by walking its router, not from a hand-kept list); every request body example
// is valid; real answers of the running stack match their documented response schemas, with no
// undocumented fields; the interactive docs are served offline.
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import { createApp } from '../../api/app';
import type { Logger } from '../../api/logger';
import { buildOpenApi } from '../../api/openapi';
import { connect } from '../../db';
import { freshPeriod, kpmCsv, kpmRow } from '../support/sembako';
import { asesmenData, call, cookieSession, login, registration, runUnique, withRefreshCookie } from '../support/stack';

const { document, bodies, responses } = buildOpenApi();
const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.keys(item as object)
    .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map((m) => `${m.toUpperCase()} ${path}`),
);

/** Every METHOD /path the app routes, through nested routers (Express 5: app.router, router 2's layer.rawPath). */
function routesOf(router: { stack: any[] }, prefix = ''): string[] {
  return router.stack.flatMap((layer) => {
    if (layer.route) return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${prefix}${layer.route.path}`);
    if (layer.handle?.stack) return routesOf(layer.handle, prefix + (typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''));
    return [];
  });
}

/** Served by the app but not API operations: the portal's pages and a Swagger UI script. */
const NOT_API = ['GET /', 'GET /admin/{*rest}', 'GET /api/docs/init.js'];

describe('the document covers the router', () => {
  const sql = connect('postgres://nobody@127.0.0.1:1/none', { max: 1 }); // never connected: routes are only built
  afterAll(() => sql.end());
  const app = createApp({
    sql,
    temporal: {} as Client,
    taskQueue: 'none',
    jwtSecret: 'x'.repeat(32),
    log: { info: () => undefined, error: () => undefined } as unknown as Logger,
    codec: {} as PayloadCodec,
    adminDist: '/nonexistent',
  });
  const routes = routesOf((app as unknown as { router: { stack: any[] } }).router).filter((r) => !NOT_API.includes(r));
  /** `/api/cases/:id/actions/:action` ⇄ `/api/cases/{id}/actions/note`: a parameter stands for any one segment. */
  const pattern = (path: string) => new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/:\w+|\{\w+\}/g, '[^/]+')}$`);
  const matches = (route: string, op: string) => {
    const [rm, rp] = route.split(' ');
    const [om, op_] = op.split(' ');
    return rm === om && (pattern(rp).test(op_) || pattern(op_).test(rp));
  };

  test('the walk finds the routers', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    expect(routes).toEqual(
      expect.arrayContaining(['GET /health', 'GET /api/cases/:id', 'POST /api/tali-asih/claims', 'PUT /api/tali-asih/budgets', 'GET /api/openapi.json']),
    );
  });

  test('every route is documented', () => {
    expect(routes.filter((r) => !documented.some((op) => matches(r, op)))).toEqual([]);
  });

  test('every documented operation is a route', () => {
    expect(documented.filter((op) => !routes.some((r) => matches(r, op)))).toEqual([]);
  });
});

test('every documented request body has an example that its schema accepts', () => {
  expect(bodies.length).toBeGreaterThanOrEqual(20);
  for (const b of bodies) {
    expect({ operation: b.operation, hasExample: b.example !== undefined }).toEqual({ operation: b.operation, hasExample: true });
    const r = b.schema.safeParse(b.example);
    expect({ operation: b.operation, issues: r.success ? [] : r.error.issues }).toEqual({ operation: b.operation, issues: [] });
  }
});

test('every JSON response is documented with a schema, and problems as problem+json', async () => {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(
      item as Record<string, { responses: Record<string, { content?: Record<string, { schema?: { type?: string; $ref?: string; items?: unknown } }> }> }>,
    )) {
      for (const [status, response] of Object.entries(op.responses)) {
        const json = response.content?.['application/json']?.schema;
        if (!json) continue;
        // An untyped object (`{type: object}` with nothing else) documents nothing.
        expect({ op: `${method} ${path} ${status}`, schema: json }).not.toEqual({
          op: `${method} ${path} ${status}`,
          schema: { type: 'object', additionalProperties: {} },
        });
      }
    }
  }
  const r = await call('GET', '/api/openapi.json');
  expect(r.status).toBe(200);
  expect(r.body.openapi).toBe('3.1.0');
  expect(r.body.paths['/api/cases'].post.responses['422'].content['application/problem+json']).toBeDefined();
  const complete = r.body.paths['/api/tasks/{id}/complete'].post.requestBody.content['application/json'];
  expect(Object.keys(complete.examples)).toEqual(expect.arrayContaining(['asesmen.submit', 'assessment_approval.approve', 'pendampingan_visit.refer']));
  expect(r.body.paths['/api/tali-asih/claims/{id}'].get.responses['200'].content['application/json'].schema).toEqual({
    $ref: '#/components/schemas/ClaimDetail',
  });
});

/**
 * The same schema with every object strict (unknown keys are errors), except objects that are
 * loose by design (z.looseObject: raw rows of the data-subject export).
 */
function strict(schema: z.ZodType): z.ZodType {
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, strict(v)]));
      return def.catchall ? z.object(shape).catchall(def.catchall) : z.strictObject(shape);
    }
    case 'array':
      return z.array(strict(def.element));
    case 'optional':
      return strict(def.innerType).optional();
    case 'nullable':
      return strict(def.innerType).nullable();
    case 'union':
      return z.union(def.options.map(strict));
    case 'record':
      return z.record(def.keyType, strict(def.valueType));
    default:
      return schema;
  }
}

describe('real answers match the documented schemas', () => {
  const checked = new Set<string>();
  const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

  /** Calls the stack and checks the answer against the schema documented for its operation and status. */
  async function check(user: string | null, operation: string, path: string, body?: unknown, headers?: Record<string, string>) {
    const [method, documentedPath] = operation.split(' ');
    const r = await call(method, path, { token: user ? await login(user) : undefined, body, headers });
    const doc = responses.find((d) => d.operation === operation && d.status === r.status);
    expect({ operation, user, status: r.status, documented: doc !== undefined }).toEqual({ operation, user, status: r.status, documented: true });
    const parsed = strict(doc!.schema).safeParse(r.body);
    expect({ operation, user, issues: parsed.success ? [] : parsed.error.issues.slice(0, 5) }).toEqual({ operation, user, issues: [] });
    checked.add(`${method} ${documentedPath}`);
    return r.body;
  }

  test('each operation, as the accounts that use it', async () => {
    await check(null, 'GET /health', '/health');
    await check(null, 'GET /health/ready', '/health/ready');
    await check(null, 'GET /health/live', '/health/live');
    await check(null, 'GET /api/openapi.json', '/api/openapi.json');
    const { cookie } = await cookieSession('tksk1');
    await check(null, 'POST /api/auth/login', '/api/auth/login', { username: 'tksk1', password: 'demo' });
    await check(null, 'POST /api/auth/refresh', '/api/auth/refresh', undefined, withRefreshCookie(cookie));
    await check('tksk1', 'GET /api/me', '/api/me');

    const registered = await check('tksk1', 'POST /api/cases', '/api/cases', registration());
    const id = registered.id as string;
    for (const user of ['tksk1', 'supervisor1', 'auditor1']) {
      await check(user, 'GET /api/cases', `/api/cases?filter=${q({ id: [id] })}`);
      await check(user, 'GET /api/cases/{id}', `/api/cases/${id}`);
      await check(user, 'GET /api/cases/{id}/timeline', `/api/cases/${id}/timeline?lang=en`);
      await check(user, 'GET /api/reports/summary', '/api/reports/summary');
      await check(user, 'GET /api/reports/sembako', '/api/reports/sembako');
    }
    await check('supervisor1', 'GET /api/cases/{id}/history', `/api/cases/${id}/history`);
    const [task] = await check('tksk1', 'GET /api/tasks', `/api/tasks?filter=${q({ caseId: id, status: 'open' })}`);
    await check('tksk1', 'GET /api/tasks/{id}', `/api/tasks/${task.id}`);
    await check('supervisor1', 'GET /api/tasks/{id}/deadline-extension', `/api/tasks/${task.id}/deadline-extension?workingDays=3`);
    await check('tksk1', 'POST /api/tasks/{id}/complete', `/api/tasks/${task.id}/complete`, { data: asesmenData });
    // Tasklist (decision 0025) on the approval the assessment opened.
    const [approval] = await check('supervisor1', 'GET /api/tasks', `/api/tasks?filter=${q({ caseId: id, view: 'unassigned' })}`);
    await check('supervisor1', 'POST /api/tasks/{id}/claim', `/api/tasks/${approval.id}/claim`);
    await check('supervisor2', 'POST /api/tasks/{id}/take-over', `/api/tasks/${approval.id}/take-over`, { reason: 'Uji skema: ambil alih.' });
    await check('supervisor2', 'POST /api/tasks/{id}/unclaim', `/api/tasks/${approval.id}/unclaim`);
    await check('supervisor2', 'PATCH /api/tasks/{id}', `/api/tasks/${approval.id}`, { priority: 'high' });
    await check('supervisor2', 'POST /api/tasks/{id}/comments', `/api/tasks/${approval.id}/comments`, { text: 'Uji skema.', mentions: ['usr_supervisor1'] });
    await check('supervisor1', 'GET /api/tasks/{id}/comments', `/api/tasks/${approval.id}/comments`);
    await check('supervisor1', 'GET /api/tasks/{id}/history', `/api/tasks/${approval.id}/history`);
    const saved = await check('supervisor1', 'POST /api/saved-filters', '/api/saved-filters', {
      name: 'Uji skema',
      filter: { view: 'mine' },
      sharedRole: 'supervisor_kabupaten',
    });
    await check('supervisor2', 'GET /api/saved-filters', '/api/saved-filters');
    await check('supervisor2', 'GET /api/saved-filters/{id}', `/api/saved-filters/${saved.id}`);
    await check('supervisor1', 'PUT /api/saved-filters/{id}', `/api/saved-filters/${saved.id}`, { name: 'Uji skema (diubah)', filter: { view: 'open' } });
    await check('supervisor1', 'DELETE /api/saved-filters/{id}', `/api/saved-filters/${saved.id}`);
    await check('supervisor1', 'POST /api/cases/{id}/actions/note', `/api/cases/${id}/actions/note`, { text: 'Dokumen diperiksa untuk uji skema.' });
    await check('tksk1', 'GET /api/task-types', '/api/task-types');

    await check('auditor1', 'GET /api/audit', `/api/audit?filter=${q({ caseId: id })}`);
    await check('auditor1', 'GET /api/audit/verify', '/api/audit/verify');
    const history = (await call('GET', `/api/cases/${id}/history`, { token: await login('supervisor1') })).body.history;
    const input = history.events[0].workflowExecutionStartedEventAttributes.input;
    await check('supervisor1', 'POST /api/codec/decode', `/api/codec/decode?workflowId=case-${id}`, input);
    const exportRequest = await check('admin', 'POST /api/admin/data-subject-export', '/api/admin/data-subject-export', {
      nik: registered.beneficiary.nik,
      reason: 'Permintaan penerima manfaat (uji skema).',
    });
    await check('admin2', 'GET /api/admin/privileged-requests', `/api/admin/privileged-requests?filter=${q({ status: 'pending' })}`);
    await check('admin2', 'POST /api/admin/privileged-requests/{id}/confirm', `/api/admin/privileged-requests/${exportRequest.id}/confirm`, { approve: true });
    await check('admin', 'POST /api/admin/privileged-requests/{id}/export', `/api/admin/privileged-requests/${exportRequest.id}/export`);

    // Tali asih: a period long gone, so no other test's totals change.
    const claim = await check('supervisor1', 'POST /api/tali-asih/claims', '/api/tali-asih/claims', { tkskId: 'usr_tksk3', period: '2021-03' });
    for (const user of ['tksk3', 'provinsi1']) {
      await check(user, 'GET /api/tali-asih/claims', `/api/tali-asih/claims?filter=${q({ period: '2021-03' })}`);
      await check(user, 'GET /api/tali-asih/claims/{id}', `/api/tali-asih/claims/${claim.id}`);
    }
    await check('provinsi1', 'PUT /api/tali-asih/budgets', '/api/tali-asih/budgets', { period: '2031-02', fundingSource: 'APBD', allocated: 0 });
    await check('provinsi1', 'GET /api/tali-asih/budgets', '/api/tali-asih/budgets');
    await check('auditor1', 'GET /api/tali-asih/reconciliation', '/api/tali-asih/reconciliation?period=2026-03');

    // Program Sembako: a KPM of its own (unique numbers), a complaint about it, a note, then its withdrawal.
    const kpm = kpmRow();
    await check('tksk1', 'POST /api/sembako/kpm/imports', '/api/sembako/kpm/imports', { kecamatanCode: '33.73.01', rows: [kpm], dryRun: true });
    await check('tksk1', 'POST /api/sembako/kpm/imports', '/api/sembako/kpm/imports', { kecamatanCode: '33.73.01', csv: kpmCsv([kpm]) });
    let kpmId = '';
    for (const user of ['tksk1', 'provinsi1', 'auditor1'])
      [{ id: kpmId }] = await check(user, 'GET /api/sembako/kpm', `/api/sembako/kpm?filter=${q({ idKpm: kpm.id_kpm })}`);
    const complaint = await check('tksk1', 'POST /api/complaints', '/api/complaints', {
      channel: 'tatap_muka',
      category: 'tepat_jumlah',
      description: 'Beras yang diterima kurang dari takaran (uji skema).',
      receivedOn: '2026-11-27',
      complainant: { isKpm: true },
      subject: { kind: 'kpm', kpmId },
    });
    for (const user of ['tksk1', 'auditor1']) {
      await check(user, 'GET /api/complaints', `/api/complaints?filter=${q({ id: [complaint.id] })}`);
      await check(user, 'GET /api/complaints/{id}', `/api/complaints/${complaint.id}`);
      await check(user, 'GET /api/complaints/summary', '/api/complaints/summary');
    }
    await check('tksk1', 'POST /api/complaints/{id}/actions/note', `/api/complaints/${complaint.id}/actions/note`, { text: 'Uji skema: catatan.' });
    await check('tksk1', 'POST /api/complaints/{id}/actions/withdraw', `/api/complaints/${complaint.id}/actions/withdraw`, { reason: 'Uji skema: dicabut.' });

    const opened = await check('tksk1', 'POST /api/sembako/periods', '/api/sembako/periods', {
      period: freshPeriod(),
      distributionPoints: [{ pointId: 'ew-skema', name: 'E-Warong Uji Skema', kind: 'e_warong', desaCode: '33.73.01.1002' }],
    });
    await check('provinsi1', 'GET /api/sembako/periods', `/api/sembako/periods?filter=${q({ id: [opened.periodId] })}`);
    await check('supervisor1', 'GET /api/sembako/periods/{id}', `/api/sembako/periods/${opened.periodId}`);
    // A calendar entry of a year no other test uses, read and deleted again (its Schedule stays, opening nothing).
    const calendarEntry = await check('supervisor1', 'POST /api/sembako/calendar', '/api/sembako/calendar', {
      period: '2033-07',
      plannedStart: '2033-07-11',
      leadWorkingDays: 5,
    });
    await check('tksk1', 'GET /api/sembako/calendar', `/api/sembako/calendar?filter=${q({ id: [calendarEntry.id] })}`);
    await check('supervisor1', 'GET /api/sembako/calendar/{id}', `/api/sembako/calendar/${calendarEntry.id}`);
    await check('supervisor1', 'DELETE /api/sembako/calendar/{id}', `/api/sembako/calendar/${calendarEntry.id}`);
    const sanction = await check('supervisor1', 'POST /api/sembako/sanctions', '/api/sembako/sanctions', {
      eWarong: { name: 'E-Warong Uji Skema', desaCode: '33.73.01.1002' },
      complaintIds: [complaint.id],
      kind: 'teguran_tertulis',
      reasoning: 'Uji skema: harga di atas harga pasar pada penyaluran bulan ini.',
    });
    for (const user of ['supervisor2', 'auditor1']) {
      await check(user, 'GET /api/sembako/sanctions', `/api/sembako/sanctions?filter=${q({ id: [sanction.id] })}`);
      await check(user, 'GET /api/sembako/sanctions/{id}', `/api/sembako/sanctions/${sanction.id}`);
    }
    const fix = await check('tksk1', 'POST /api/sembako/kpm/{id}/fixes', `/api/sembako/kpm/${kpmId}/fixes`, {
      kind: 'tidak_layak',
      reason: 'Uji skema: keluarga sudah mampu.',
    });
    for (const user of ['supervisor1', 'auditor1']) {
      await check(user, 'GET /api/sembako/kpm/fixes', `/api/sembako/kpm/fixes?filter=${q({ id: [fix.id] })}`);
      await check(user, 'GET /api/sembako/kpm/fixes/{id}', `/api/sembako/kpm/fixes/${fix.id}`);
    }

    // Koordinasi: a meeting with an action item, its attachment; a monthly report of a past month no other test uses.
    const rapat = await check('tksk1', 'POST /api/meetings', '/api/meetings', {
      level: 'tikor_kecamatan',
      title: 'Rapat uji skema',
      heldOn: '2026-11-27',
      chair: 'Sekcam Sidorejo',
      agenda: ['Uji skema'],
      actionItems: [{ description: 'Uji skema tindak lanjut', ownerId: 'usr_tksk1' }],
    });
    await check('tksk1', 'GET /api/meetings', `/api/meetings?filter=${q({ id: [rapat.id] })}`);
    await check('auditor1', 'GET /api/meetings/{id}', `/api/meetings/${rapat.id}`);
    await check('tksk1', 'POST /api/meetings/{id}/attachments', `/api/meetings/${rapat.id}/attachments`, {
      kind: 'notulen',
      fileName: 'notulen.pdf',
      contentBase64: Buffer.from('%PDF-1.4\n% notulen uji skema\n').toString('base64'),
    });
    const laporan = await check('supervisor1', 'POST /api/monthly-reports', '/api/monthly-reports', {
      period: `2011-${String(runUnique('laporan-skema', 12)).padStart(2, '0')}`,
      tkskId: 'usr_tksk1',
    });
    await check('auditor1', 'GET /api/monthly-reports', `/api/monthly-reports?filter=${q({ id: [laporan.id] })}`);
    await check('supervisor1', 'GET /api/monthly-reports/{id}', `/api/monthly-reports/${laporan.id}`);

    await check('supervisor1', 'GET /api/users', '/api/users');
    await check('tksk1', 'GET /api/people', `/api/people?filter=${q({ id: ['usr_tksk1', 'usr_supervisor1'] })}`);
    await check('tksk1', 'GET /api/regions', `/api/regions?filter=${q({ parentCode: '33.73.01' })}`);
    await check('admin', 'GET /api/admin/users', '/api/admin/users');
    const username = `tksk.schema.${Date.now() % 100000}`;
    const user = await check('admin', 'POST /api/admin/users', '/api/admin/users', {
      username,
      displayName: 'TKSK uji skema',
      role: 'tksk',
      regionCode: '33.73.01',
      password: 'sandi-cukup-panjang',
    });
    await check('admin', 'PATCH /api/admin/users/{id}', `/api/admin/users/${user.id}`, { displayName: 'TKSK uji skema (diubah)' });
    // A supervisor's account: each call is a request for a second admin (202), confirmed with its result.
    const supervisor = await check('admin', 'POST /api/admin/users', '/api/admin/users', {
      username: `sup.schema.${Date.now() % 100000}`,
      displayName: 'Supervisor uji skema',
      role: 'supervisor_kabupaten',
      regionCode: '33.73',
      password: 'sandi-cukup-panjang',
      reason: 'Uji skema empat mata.',
    });
    const made = await check('admin2', 'POST /api/admin/privileged-requests/{id}/confirm', `/api/admin/privileged-requests/${supervisor.id}/confirm`, {});
    await check('admin', 'PATCH /api/admin/users/{id}', `/api/admin/users/${made.result.id}`, {
      displayName: 'Supervisor uji skema (diubah)',
      reason: 'Uji skema empat mata.',
    });
    await check('admin', 'POST /api/admin/users/{id}/reset-password', `/api/admin/users/${made.result.id}/reset-password`, {
      password: 'sandi-baru-yang-panjang',
      reason: 'Uji skema empat mata.',
    });
    // Bulk onboarding: a dry run, an apply with its invitation, a re-issued invitation.
    const serial = String(Date.now() % 1_000_000).padStart(6, '0');
    const imported = {
      nama: 'TKSK Uji Skema Impor',
      peran: 'tksk',
      kode_wilayah: '33.73.04',
      nomor_induk: `NIAT-SCHEMA-${serial}`,
      nomor_sk: 'SK uji skema',
      telepon: `0819${serial}`,
      email: `schema.${serial}@example.id`,
      mulai: '2026-01-02',
    };
    await check('admin', 'POST /api/admin/users/import', '/api/admin/users/import', { rows: [imported], dryRun: true });
    const applied = await check('admin', 'POST /api/admin/users/import', '/api/admin/users/import', {
      csv: [Object.keys(imported).join(','), Object.values(imported).join(',')].join('\n'),
    });
    await check('admin', 'POST /api/admin/users/{id}/invitation', `/api/admin/users/${applied.invitations[0].userId}/invitation`);
    // Nothing to move: the new TKSK has no cases.
    const bulk = await check('supervisor1', 'POST /api/cases/bulk-reassign', '/api/cases/bulk-reassign', {
      fromUserId: user.id,
      toUserId: 'usr_tksk3',
      reason: 'Uji skema tanpa kasus.',
    });
    await check('supervisor1', 'GET /api/bulk-operations/{id}', `/api/bulk-operations/${bulk.operationId}`);
    // TKSK assignments: an SK for the new TKSK from tomorrow, the roster, the vacant kecamatan, its timeline and its end.
    const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    await check('supervisor1', 'POST /api/tksk-assignments', '/api/tksk-assignments', {
      userId: user.id,
      skNumber: '466/UJI-SKEMA/2026',
      skDate: day(0),
      kecamatanCode: '33.73.01',
      startDate: day(1),
      endDate: day(200),
    });
    for (const who of ['supervisor1', 'provinsi1', 'auditor1', 'admin'])
      await check(who, 'GET /api/tksk-assignments', `/api/tksk-assignments?filter=${q({ kabupatenCode: '33.73' })}`);
    await check('supervisor1', 'GET /api/tksk-assignments/vacancies', `/api/tksk-assignments/vacancies?filter=${q({ kabupatenCode: '33.73' })}`);
    await check('supervisor1', 'GET /api/tksk-assignments/{userId}', `/api/tksk-assignments/${user.id}`);
    await check('supervisor1', 'POST /api/tksk-assignments/{userId}/actions/end', `/api/tksk-assignments/${user.id}/actions/end`, {
      reason: 'asn_pppk',
      endDate: day(100),
    });

    // Kota Yogyakarta: a region no other test has tasks in.
    await check('admin', 'PUT /api/admin/sla-policies', '/api/admin/sla-policies', { taskType: 'asesmen', regionCode: '34.71', duePeriod: 'P5D' });
    await check('admin', 'GET /api/admin/sla-policies', '/api/admin/sla-policies');
    await check('admin', 'PUT /api/admin/case-policies', '/api/admin/case-policies', { key: 'aftercare_delay', regionCode: '34.71', value: 'P30D' });
    await check('admin', 'GET /api/admin/case-policies', '/api/admin/case-policies');

    // PSKS directory and pemetaan sosial (Argomulyo, a kecamatan without a demo TKSK: the supervisor's).
    await check('tksk1', 'GET /api/psks-types', '/api/psks-types');
    const entry = await check('supervisor1', 'POST /api/psks', '/api/psks', {
      typeCode: 'KT',
      name: `Karang Taruna Uji Skema ${serial}`,
      desaCode: '33.73.03.1002',
    });
    await check('supervisor1', 'PATCH /api/psks/{id}', `/api/psks/${entry.id}`, { capacity: 12 });
    for (const user of ['supervisor1', 'auditor1']) {
      await check(user, 'GET /api/psks', `/api/psks?filter=${q({ id: [entry.id] })}`);
      await check(user, 'GET /api/psks/{id}', `/api/psks/${entry.id}`);
      await check(user, 'GET /api/pemetaan', '/api/pemetaan?region=33.73.03');
      await check(user, 'GET /api/pemetaan/history', `/api/pemetaan/history?filter=${q({ region: '33.73.03' })}`);
    }
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await check('supervisor1', 'POST /api/pemetaan/counts', '/api/pemetaan/counts', {
      desaCode: '33.73.03.1002',
      asOf: today,
      counts: [{ kind: 'ppks', code: 'KAT', count: 0 }],
    });
    const extract = { sourceLabel: 'Pusdatin', asOf: today, csv: 'kode_desa,jenis,kode,jumlah\n33.73.03.1002,ppks,KAT,0' };
    await check('supervisor1', 'POST /api/pemetaan/imports', '/api/pemetaan/imports', { ...extract, dryRun: true });
    await check('supervisor1', 'POST /api/pemetaan/imports', '/api/pemetaan/imports', extract);
  });

  test('every documented JSON answer was checked, but for those that need a pending request', () => {
    const jsonOperations = [...new Set(responses.map((r) => r.operation))];
    expect(jsonOperations.filter((op) => !checked.has(op)).sort()).toEqual(
      [
        // A second supervisor's confirmation of a destructive request (lifecycle.test.ts drives these).
        'POST /api/bulk-operations/{id}/confirm',
        'POST /api/cases/{id}/actions/confirm',
        // The other interventions answer with the same InterventionResult as a note.
        'POST /api/cases/{id}/actions/cancel',
        'POST /api/cases/{id}/actions/extend-deadline',
        'POST /api/cases/{id}/actions/pause',
        'POST /api/cases/{id}/actions/reassign',
        'POST /api/cases/{id}/actions/reopen',
        'POST /api/cases/{id}/actions/resume',
        // Needs a cancelled payment: taliAsih.test.ts drives it and checks its answer against claimSnapshotSchema.
        'POST /api/tali-asih/claims/{id}/reissue',
      ].sort(),
    );
  });
});

test('/api/docs serves Swagger UI from local files', async () => {
  const page = await call('GET', '/api/docs');
  expect(page.status).toBe(200);
  expect(String(page.body)).toContain('swagger-ui-bundle.js');
  const bundle = await fetch(`${process.env.KESOS_TEST_STACK ? JSON.parse(process.env.KESOS_TEST_STACK).apiUrl : ''}/api/docs/assets/swagger-ui-bundle.js`);
  expect(bundle.status).toBe(200);
  expect((await bundle.text()).length).toBeGreaterThan(100_000);
});
