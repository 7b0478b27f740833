// The machine codes of the API's problem documents (RFC 9457 extension member `code`): the
// portal words a problem by its code, never by matching the English `detail`. Every status has a
// generic code; the situations people actually run into have codes of their own.

export const PROBLEM_CODES = [
  'bad-request',
  'unauthenticated',
  'sign-in-failed',
  'forbidden',
  'password-change-required',
  'wrong-current-password',
  'not-found',
  'conflict',
  'task-not-open',
  'duplicate-case',
  'duplicate-case-elsewhere',
  'username-taken',
  'own-account',
  'request-decided',
  'workflow-closed',
  'request-in-progress',
  'too-large',
  'unsupported-media-type',
  'validation',
  'sign-in-throttled',
  'attempts-throttled',
  'rate-limited',
  'internal',
  'unavailable',
  'invitation-pending',
  'invitation-invalid',
  'no-pending-invitation',
  'kpm-fix-open',
  'kpm-not-active',
  'sembako-calendar-duplicate',
  'sembako-calendar-opened',
  // TKSK assignments (docs/tksk-assignment.md): ending one while its yearly evaluation is open.
  'assignment-evaluation-open',
  'task-claimed',
  'task-assigned',
  'task-not-claimant',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The code of a problem that has no more specific one. */
export function codeForStatus(status: number): ProblemCode {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 413:
      return 'too-large';
    case 415:
      return 'unsupported-media-type';
    case 422:
      return 'validation';
    case 429:
      return 'rate-limited';
    case 503:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal' : 'bad-request';
  }
}

/** Words the portal has for failures that never reached the API (no answer, offline). */
export const CLIENT_FAILURE_CODES = ['network'] as const;

/** Field-issue codes of our own (beside zod's), set with `params: { code }` on a refinement. */
export const FIELD_ISSUE_CODES = ['invalid_duration'] as const;
