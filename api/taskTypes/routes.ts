import { Router } from 'express';
import { z } from 'zod';
import { completionSchemaFor, TASK_TYPE_INFO, TASK_TYPES } from '../../domain/taskTypes';
import { sendList } from '../list';

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
    sendList(
      res,
      'task-types',
      body.map((t) => ({ id: t.type, ...t })),
      0,
      body.length,
    );
  });
  return router;
}
