// The OpenAPI document is generated from the zod schemas, covers every route, and every request
// body example is valid; the interactive docs are served offline.
import { buildOpenApi } from '../../api/openapi';
import { call } from '../support/stack';

const { bodies } = buildOpenApi();

test('every documented request body has an example that its schema accepts', () => {
  expect(bodies.length).toBeGreaterThanOrEqual(20);
  for (const b of bodies) {
    expect({ operation: b.operation, hasExample: b.example !== undefined }).toEqual({ operation: b.operation, hasExample: true });
    const r = b.schema.safeParse(b.example);
    expect({ operation: b.operation, issues: r.success ? [] : r.error.issues }).toEqual({ operation: b.operation, issues: [] });
  }
});

test('/api/openapi.json documents the routes with problem responses and examples', async () => {
  const r = await call('GET', '/api/openapi.json');
  expect(r.status).toBe(200);
  expect(r.body.openapi).toBe('3.1.0');
  const paths = Object.keys(r.body.paths);
  for (const p of ['/api/cases', '/api/cases/{id}', '/api/cases/{id}/timeline', '/api/cases/{id}/history', '/api/cases/{id}/actions/cancel', '/api/tasks/{id}/complete', '/api/task-types', '/api/audit/verify', '/api/admin/users', '/api/auth/refresh', '/api/codec/decode']) {
    expect(paths).toContain(p);
  }
  const post = r.body.paths['/api/cases'].post;
  expect(post.responses['422'].content['application/problem+json']).toBeDefined();
  const complete = r.body.paths['/api/tasks/{id}/complete'].post.requestBody.content['application/json'];
  expect(Object.keys(complete.examples)).toEqual(expect.arrayContaining(['asesmen.submit', 'assessment_approval.approve', 'pendampingan_visit.refer']));
});

test('/api/docs serves Swagger UI from local files', async () => {
  const page = await call('GET', '/api/docs');
  expect(page.status).toBe(200);
  expect(String(page.body)).toContain('swagger-ui-bundle.js');
  const bundle = await fetch(`${process.env.KESOS_TEST_STACK ? JSON.parse(process.env.KESOS_TEST_STACK).apiUrl : ''}/api/docs/assets/swagger-ui-bundle.js`);
  expect(bundle.status).toBe(200);
  expect((await bundle.text()).length).toBeGreaterThan(100_000);
});
