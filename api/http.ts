// Request parsing helpers: zod at every boundary, simple-rest list conventions (react-admin's
// ra-data-simple-rest: `sort`, `range`, `filter` JSON query parameters; Content-Range header).
import type { Request, Response } from 'express';
import { z } from 'zod';
import { authorize, type Action } from '../domain/access';
import type { Actor } from '../domain/roles';
import { fieldIssues, HttpProblem, validationProblem } from './problem';

export function parseInput<S extends z.ZodType>(where: 'body' | 'query' | 'params', schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationProblem(fieldIssues(where, r.error.issues));
  return r.data;
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new HttpProblem(401, 'sign in first');
  return actor;
}

/** The signed-in actor, when their role may do `action` (else AuthorizationError → 403). */
export function authorizedActor(res: Response, action: Action): Actor {
  const actor = actorOf(res);
  authorize(actor, action);
  return actor;
}

/** A JSON-encoded query parameter, e.g. `sort=["createdAt","DESC"]`. */
const jsonParam = <S extends z.ZodType>(inner: S) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(inner);

/** simple-rest list query for a resource whose sortable fields and filters are given. */
export function listQuerySchema<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(sortable: S, filter: F) {
  return z.object({
    /** `["field","ASC"|"DESC"]` */
    sort: jsonParam(z.tuple([z.enum(sortable), z.enum(['ASC', 'DESC'])])).optional(),
    /** `[first,last]`, inclusive, at most 500 rows. */
    range: jsonParam(
      z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => b >= a && b - a < 500, 'range must be [first,last] with at most 500 rows'),
    ).optional(),
    /** JSON object of filters. */
    filter: jsonParam(z.strictObject(filter)).optional(),
  });
}

export function sendList(res: Response, resource: string, rows: unknown[], first: number, total: number): void {
  const last = rows.length ? first + rows.length - 1 : first;
  res.setHeader('Content-Range', `${resource} ${first}-${last}/${total}`);
  res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
  res.json(rows);
}

export type Req = Request;
