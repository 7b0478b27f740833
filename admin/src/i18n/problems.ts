// What the portal says when a request fails: the API's problem document (RFC 9457) worded by its
// machine `code` (domain/problems.ts), never by matching its English `detail`; and a failure that
// never reached the API (offline, the connection dropped) worded as what to do next.
import { codeForStatus, PROBLEM_CODES, type ProblemCode } from '../../../domain/problems';

export interface ProblemLike {
  status?: number;
  code?: string;
  detail?: string;
  retryAfter?: number;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

const known = new Set<string>(PROBLEM_CODES);

/** Codes that stand for a whole status: the server's detail says more than their wording does. */
const GENERIC = new Set<string>([401, 403, 404, 409, 413, 415, 422, 429, 400, 500, 503].map(codeForStatus));

/** The problem's code: its own when the API sent a known one, else its status's. */
export function problemCode(problem: ProblemLike): ProblemCode {
  return problem.code && known.has(problem.code) ? (problem.code as ProblemCode) : codeForStatus(problem.status ?? 500);
}

/**
 * The message of a failed request. In Bahasa Indonesia always the portal's wording of the code;
 * in English the wording too, except for a status-wide code, where the server's detail is the more precise.
 */
export function problemMessage(problem: ProblemLike, locale: string, translate: Translate): string {
  const code = problemCode(problem);
  if (locale !== 'id' && GENERIC.has(code) && problem.detail) return problem.detail;
  // Retry-After is in seconds; people wait in whole minutes (at least one).
  const minutes = Math.max(1, Math.ceil(Math.max(0, problem.retryAfter ?? 0) / 60));
  return translate(`kesos.problem.${code}`, { smart_count: minutes, _: problem.detail ?? code });
}

/** fetch() rejects with a TypeError when no answer came (offline, DNS, connection reset, CORS). */
export const isNetworkFailure = (error: unknown): boolean => error instanceof TypeError;

export const networkMessage = (translate: Translate) => translate('kesos.problem.network');
