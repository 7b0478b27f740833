// Request helpers: zod at every boundary, the signed-in actor and their authorization.
import type { Response } from 'express';
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
