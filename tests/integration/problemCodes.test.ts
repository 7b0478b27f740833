// The machine codes of problem documents (domain/problems.ts) for what people run into: the
// portal words each by its code (admin/src/i18n/problems.ts), so the code must be there.
import { randomBytes } from 'node:crypto';
import { asesmenData, call, login, registration } from '../support/stack';

test('completing a task twice: 409 task-not-open', async () => {
  const token = await login('tksk1');
  const registered = await call('POST', '/api/cases', { token, body: registration() });
  expect(registered.status).toBe(201);
  const open = await call('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId: registered.body.id, status: 'open' }))}`, { token });
  const id = (open.body as { id: string }[])[0].id;
  expect((await call('POST', `/api/tasks/${id}/complete`, { token, body: { data: asesmenData } })).status).toBe(200);
  const again = await call('POST', `/api/tasks/${id}/complete`, { token, body: { data: asesmenData } });
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ code: 'task-not-open', taskStatus: 'completed' });
});

test('too many failed sign-ins: 429 sign-in-throttled with retryAfter, as in Retry-After', async () => {
  // An address and an account of this test alone (X-Forwarded-For is trusted from loopback).
  const headers = { 'x-forwarded-for': `10.${[...randomBytes(3)].join('.')}` };
  const body = { username: `nobody-${randomBytes(4).toString('hex')}`, password: 'wrong' };
  for (let i = 0; i < 5; i++) expect((await call('POST', '/api/auth/login', { body, headers })).body).toMatchObject({ status: 401, code: 'sign-in-failed' });
  const throttled = await call('POST', '/api/auth/login', { body, headers });
  expect(throttled.status).toBe(429);
  expect(throttled.body.code).toBe('sign-in-throttled');
  expect(throttled.body.retryAfter).toBeGreaterThan(0);
  expect(throttled.body.retryAfter).toBe(Number(throttled.headers.get('retry-after')));
});

test('status-wide codes: forbidden, not found, unauthenticated, validation with field codes', async () => {
  const tksk = await login('tksk1');
  expect((await call('GET', '/api/audit', { token: tksk })).body).toMatchObject({ status: 403, code: 'forbidden' });
  expect((await call('GET', '/api/no-such-route', { token: tksk })).body).toMatchObject({ status: 404, code: 'not-found' });
  expect((await call('GET', '/api/tasks')).body).toMatchObject({ status: 401, code: 'unauthenticated' });
  const invalid = await call('PUT', '/api/admin/sla-policies', { token: await login('admin'), body: { taskType: 'asesmen', duePeriod: 'three days' } });
  expect(invalid.status).toBe(422);
  expect(invalid.body.code).toBe('validation');
  expect(invalid.body.errors).toEqual([expect.objectContaining({ pointer: '/body/duePeriod', code: 'invalid_duration' })]);
});

test('conflicts people run into have codes of their own: the same person registered twice, a username taken', async () => {
  const token = await login('tksk1');
  const body = registration();
  expect((await call('POST', '/api/cases', { token, body })).status).toBe(201);
  expect((await call('POST', '/api/cases', { token, body })).body).toMatchObject({ status: 409, code: 'duplicate-case' });
  const taken = await call('POST', '/api/admin/users', {
    token: await login('admin'),
    body: { username: 'tksk2', displayName: 'TKSK kedua', role: 'tksk', regionCode: '33.73.02', password: 'sandi-cukup-panjang' },
  });
  expect(taken.body).toMatchObject({ status: 409, code: 'username-taken' });
});
