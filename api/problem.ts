// RFC 9457 problem details: every error the API returns is application/problem+json, with the
// request id in `instance`, zod issues as field paths, and never a stack trace.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { AuthorizationError } from '../domain/access';
import { codeForStatus } from '../domain/problems';

export interface FieldIssue {
  /** Where in the request: body, query or params, then the field path. */
  path: (string | number)[];
  /** JSON Pointer of the same place, e.g. `/body/beneficiary/nik`. */
  pointer: string;
  message: string;
  code: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Invalid request',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: { errors?: FieldIssue[]; [key: string]: unknown } = {},
  ) {
    super(detail);
  }
}

const issue = (path: (string | number)[], message: string, code: string): FieldIssue => ({
  path,
  pointer: `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
  message,
  code,
});

export function fieldIssues(where: string, issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.flatMap((i) => {
    const path = [where, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    // One entry per unknown key, pointing at the key itself.
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => issue([...path, k], `unknown field "${k}"`, i.code));
    // A refinement of ours names its own code (domain/problems.ts FIELD_ISSUE_CODES), so the portal need not read its English.
    const own = i.code === 'custom' && typeof i.params?.code === 'string' ? i.params.code : undefined;
    return [issue(path, i.message, own ?? i.code)];
  });
}

/** Issues a workflow validator sent back (paths relative to the request body). */
export function bodyIssues(issues: { path: (string | number)[]; message: string; code: string }[]): FieldIssue[] {
  return issues.map((i) => issue(['body', ...i.path], i.message, i.code));
}

/** A 422 about one body field, with a detail of its own. */
export const bodyFieldProblem = (field: string, detail: string, message = detail): HttpProblem =>
  new HttpProblem(422, detail, { errors: bodyIssues([{ path: [field], message, code: 'custom' }]) });

export function validationProblem(errors: FieldIssue[]): HttpProblem {
  const n = errors.length;
  return new HttpProblem(422, `${n} field${n === 1 ? ' is' : 's are'} invalid: ${errors.map((e) => e.pointer).join(', ')}`, { errors });
}

export function sendProblem(res: Response, status: number, detail: string, extra: Record<string, unknown> = {}): void {
  const requestId = res.locals.requestId as string | undefined;
  res
    .status(status)
    .type('application/problem+json')
    .json({
      type: `https://kesos-flow.dev/problems/${status}`,
      title: TITLES[status] ?? 'Error',
      // The portal words the problem by this (domain/problems.ts); a caller may name a more specific one.
      code: codeForStatus(status),
      ...extra,
      // RFC 9457's own members last: an extension never overwrites them (a `status` extra once did).
      status,
      detail,
      instance: `urn:kesos-flow:request:${requestId ?? 'unknown'}`,
    });
}

export const notFoundRoute: RequestHandler = (req, res) => sendProblem(res, 404, `no route ${req.method} ${req.path}`);

export function errorHandler(log: { error: (obj: object, msg: string) => void }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof HttpProblem) return sendProblem(res, err.status, err.detail, err.extra);
    if (err instanceof AuthorizationError) return sendProblem(res, 403, err.message);
    // body-parser errors carry a status and a type.
    const type = (err as { type?: string }).type;
    if (type === 'entity.parse.failed') return sendProblem(res, 400, 'request body is not valid JSON');
    if (type === 'entity.too.large') return sendProblem(res, 413, `request body exceeds the limit of ${(err as { limit?: number }).limit} bytes`);
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') return sendProblem(res, 415, String((err as Error).message));
    // Other client errors raised by Express or its static server (a path that does not decode).
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return sendProblem(res, status, 'the request could not be understood');
    log.error({ err, requestId: res.locals.requestId, method: req.method, path: req.path }, 'unhandled error');
    sendProblem(res, 500, 'an unexpected error occurred; quote the instance when reporting it');
  };
}
