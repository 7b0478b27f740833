// Hostile input is refused at the boundary with a 4xx problem and changes nothing (issue 12, H3
// and the Low findings): a NUL character used to hang the request and leave an Update retrying
// for ever with the surrounding personal data in every retry's log line.
import fs from 'node:fs';
import { act, openTask, registerCase } from '../support/casework';
import { asesmenData, call, login, registration, stack } from '../support/stack';

test('a NUL (or another control character) in free text is a 422 with its path; the task stays open; nothing reaches the logs', async () => {
  const caseId = await registerCase('tksk1');
  const task = await openTask(caseId, 'asesmen', 'tksk1');
  const secret = 'Diagnosa rahasia Bu Sumarni';
  for (const bad of ['\u0000', '\u0007', '\u001b[31m', '\u009b']) {
    const r = await call('POST', `/api/tasks/${task.id}/complete`, {
      token: await login('tksk1'),
      body: { data: { ...asesmenData, notes: `${secret}${bad}` } },
    });
    expect(r.status).toBe(422);
    expect(r.contentType).toContain('application/problem+json');
    expect(r.body.errors[0]).toMatchObject({ pointer: '/body/data/notes', code: 'invalid_string' });
  }
  expect((await openTask(caseId, 'asesmen', 'tksk1')).id).toBe(task.id);
  // In a field name too.
  const key = await call('POST', `/api/tasks/${task.id}/complete`, { token: await login('tksk1'), body: { data: { ...asesmenData, ['no\u0000tes']: 'x' } } });
  expect(key.status).toBe(422);
  const log = fs.readFileSync(stack().logFile, 'utf8');
  expect(log).not.toContain(secret);
});

test('names with bidi overrides, zero-width characters or line breaks are refused', async () => {
  for (const [name, pointer] of [
    ['Siti \u202EhanimA', '/body/beneficiary/name'],
    ['Siti\u200B Aminah', '/body/beneficiary/name'],
    ['Siti\nAminah', '/body/beneficiary/name'],
    ['Siti \u2066Aminah\u2069', '/body/beneficiary/name'],
  ]) {
    const body = registration();
    body.beneficiary.name = name;
    const r = await call('POST', '/api/cases', { token: await login('tksk1'), body });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  }
});

test('JSON nested 10,000 deep is a 4xx, not a 500', async () => {
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const r = await call('POST', '/api/cases', {
    token: await login('tksk1'),
    rawBody: `{"beneficiary":${deep}}`,
    headers: { 'content-type': 'application/json' },
  });
  expect([400, 422]).toContain(r.status);
  expect(r.contentType).toContain('application/problem+json');
});

test('malformed percent-encoding is a 400 problem, with or without a token', async () => {
  for (const [path, token] of [
    ['/api/cases/%ff', await login('supervisor1')],
    ['/api/cases/%ff', undefined],
    ['/admin/%ff', undefined],
    ['/api/cases/%00', await login('supervisor1')],
  ] as const) {
    const r = await call('GET', path, { token });
    expect([path, r.status]).toEqual([path, 400]);
    expect(r.contentType).toContain('application/problem+json');
  }
});

test('an absurd deadline extension is refused; a sensible one is applied', async () => {
  const caseId = await registerCase('tksk1');
  const task = await openTask(caseId, 'asesmen', 'tksk1');
  for (const extendBy of ['P9999999Y', 'P100Y', 'P1Y', 'P91D']) {
    const r = await act(caseId, 'extend-deadline', 'supervisor1', { taskId: task.id, extendBy, reason: 'Akses jalan tertutup banjir.' });
    expect([extendBy, r.status]).toEqual([extendBy, 422]);
  }
  const ok = await act(caseId, 'extend-deadline', 'supervisor1', { taskId: task.id, extendBy: 'P7D', reason: 'Akses jalan tertutup banjir.' });
  expect(ok.status).toBe(200);
});
