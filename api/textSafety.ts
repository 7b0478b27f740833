// Text the database, the logs and the screens can hold safely, checked once at the boundary for
// every request: a NUL character made PostgreSQL refuse the write deep inside a workflow (the
// Update stuck, retried for ever, the surrounding personal data in every retry's log line);
// control and bidi-override characters make names render as something else; nesting thousands
// deep overflowed recursive code. Refused with 422 and the field's path before anything runs.
import type { RequestHandler } from 'express';
import { HttpProblem, validationProblem, type FieldIssue } from './problem';

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls; bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** A UTF-16 surrogate without its pair: not encodable as UTF-8, so PostgreSQL refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const MAX_JSON_DEPTH = 32;

function describe(text: string): string | undefined {
  const bad = UNSAFE.exec(text);
  if (bad) return `contains the control character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which is not allowed in text`;
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate, which is not valid text';
  return undefined;
}

const pointerOf = (path: (string | number)[]) => `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/** Unsafe strings (values and keys) and over-deep nesting in a parsed request part, as field issues. */
export function unsafeTextIssues(where: string, value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // Iterative, so the check itself cannot overflow the stack on a hostile document.
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [where] }];
  while (stack.length && issues.length < 20) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = describe(v);
      if (problem) issues.push({ path, pointer: pointerOf(path), message: problem, code: 'invalid_string' });
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (path.length > MAX_JSON_DEPTH) {
      issues.push({ path, pointer: pointerOf(path), message: `nested deeper than ${MAX_JSON_DEPTH} levels`, code: 'too_deep' });
      continue;
    }
    for (const [k, child] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      const keyProblem = typeof k === 'string' ? describe(k) : undefined;
      if (keyProblem) issues.push({ path: [...path, k], pointer: pointerOf([...path, k]), message: `field name ${keyProblem}`, code: 'invalid_key' });
      stack.push({ value: child, path: [...path, k] });
    }
  }
  return issues;
}

/** Refuses a request whose body or query carries unsafe text or nests too deep (after the JSON parser). */
export const refuseUnsafeText: RequestHandler = (req, _res, next) => {
  const issues = [...unsafeTextIssues('query', req.query), ...unsafeTextIssues('body', req.body)];
  next(issues.length ? validationProblem(issues) : undefined);
};

/** Refuses a path that does not decode (`/api/cases/%ff`) or decodes to unsafe text, for every route. */
export const refuseMalformedPath: RequestHandler = (req, _res, next) => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.path);
  } catch {
    return next(new HttpProblem(400, 'the request path has malformed percent-encoding'));
  }
  const problem = describe(decoded);
  next(problem ? new HttpProblem(400, `the request path ${problem}`) : undefined);
};
