import { Router } from 'express';
import { z } from 'zod';
import { completionSchemaFor, TASK_TYPE_INFO, TASK_TYPES } from '../../domain/taskTypes';

/** Per task type: role, outcomes, JSON Schema of `{outcome, data}` and a valid example per outcome. */
export function describeTaskTypes() {
  return TASK_TYPES.map((type) => ({
    ...TASK_TYPE_INFO[type],
    schema: z.toJSONSchema(completionSchemaFor(type), { io: 'input', unrepresentable: 'any' }),
  }));
}

export function taskTypeRoutes(): Router {
  const router = Router();
  const body = describeTaskTypes();
  router.get('/task-types', (_req, res) => {
    res.setHeader('Content-Range', `task-types 0-${body.length - 1}/${body.length}`);
    res.json(body.map((t) => ({ id: t.type, ...t })));
  });
  return router;
}
