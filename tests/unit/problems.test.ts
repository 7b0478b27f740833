// Every machine code a problem document can carry (domain/problems.ts), and the portal's own
// network failure, has words in Bahasa Indonesia and in English; the portal picks them by code,
// whatever the English detail says.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import english from '../../admin/src/i18n/en';
import indonesian from '../../admin/src/i18n/id';
import { problemCode, problemMessage } from '../../admin/src/i18n/problems';
import { localizedIssue } from '../../admin/src/i18n/serverValidation';
import { CLIENT_FAILURE_CODES, codeForStatus, FIELD_ISSUE_CODES, PROBLEM_CODES } from '../../domain/problems';

const at = (messages: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

const i18n = polyglotI18nProvider((locale) => (locale === 'en' ? english : indonesian), 'id');
const translateIn = (locale: string) => {
  const provider = polyglotI18nProvider(() => (locale === 'en' ? english : indonesian), locale);
  return provider.translate;
};

test.each([...PROBLEM_CODES, ...CLIENT_FAILURE_CODES])('problem code %s has Indonesian and English words', (code) => {
  for (const messages of [indonesian, english]) {
    const words = at(messages, `kesos.problem.${code}`);
    expect(typeof words).toBe('string');
    expect((words as string).length).toBeGreaterThan(10);
  }
  // Not the same sentence in both: a missing translation copied over would pass the check above.
  expect(at(indonesian, `kesos.problem.${code}`)).not.toEqual(at(english, `kesos.problem.${code}`));
});

test.each([...FIELD_ISSUE_CODES])('field issue code %s has Indonesian and English words', (code) => {
  expect(typeof at(indonesian, `kesos.validation.${code}`)).toBe('string');
  expect(typeof at(english, `kesos.validation.${code}`)).toBe('string');
});

test('every status maps to a known code', () => {
  for (const status of [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503]) expect(PROBLEM_CODES).toContain(codeForStatus(status));
});

test('the portal words a problem by its code, not its detail', () => {
  const id = translateIn('id');
  const detail = 'task 1234 is already completed';
  expect(problemMessage({ status: 409, code: 'task-not-open', detail }, 'id', id)).toBe(at(indonesian, 'kesos.problem.task-not-open'));
  // The same detail under another code says something else: the words follow the code.
  expect(problemMessage({ status: 409, code: 'conflict', detail }, 'id', id)).toBe(at(indonesian, 'kesos.problem.conflict'));
  // An unknown code, or none (an older API), falls back to the status's.
  expect(problemCode({ status: 404, code: 'no-such-code' })).toBe('not-found');
  expect(problemCode({ status: 429 })).toBe('rate-limited');
});

test('throttled sign-in says how many minutes to wait', () => {
  expect(
    problemMessage(
      { status: 429, code: 'sign-in-throttled', retryAfter: 840, detail: 'too many failed sign-ins; try again in 840 seconds' },
      'id',
      translateIn('id'),
    ),
  ).toBe('Terlalu banyak percobaan masuk; coba lagi dalam 14 menit.');
  expect(problemMessage({ status: 429, code: 'sign-in-throttled', retryAfter: 5 }, 'en', translateIn('en'))).toBe(
    'Too many sign-in attempts; try again in 1 minute.',
  );
  expect(problemMessage({ status: 429, code: 'attempts-throttled', retryAfter: 900 }, 'en', translateIn('en'))).toBe(
    'Too many attempts; try again in 15 minutes.',
  );
});

test('in English a status-wide code keeps the server detail; a specific code uses its words', () => {
  const en = translateIn('en');
  expect(problemMessage({ status: 409, code: 'conflict', detail: 'username budi is taken' }, 'en', en)).toBe('username budi is taken');
  expect(problemMessage({ status: 409, code: 'task-not-open', detail: 'task 1 is already completed' }, 'en', en)).toBe(
    at(english, 'kesos.problem.task-not-open'),
  );
});

test('an invalid duration is worded by its code', () => {
  expect(localizedIssue({ code: 'invalid_duration', message: 'must be an ISO 8601 duration such as P3D or PT12H' }, 'id', i18n.translate)).toBe(
    at(indonesian, 'kesos.validation.invalid_duration'),
  );
});
