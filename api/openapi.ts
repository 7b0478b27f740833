// OpenAPI 3.1 generated from the routes' zod schemas: the schemas are the documentation.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { loginBodySchema, loginResponseSchema, userSchema } from './auth/schema';
import { caseIdParamsSchema, caseListQuerySchema, caseSchema, createCaseBodySchema } from './cases/schema';
import { completeTaskBodySchema, taskIdParamsSchema, taskListQuerySchema } from './tasks/schema';

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** `urn:kesos-flow:request:<request id>` */
    instance: z.string(),
    errors: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), pointer: z.string(), message: z.string(), code: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

const problems = (...statuses: number[]): RouteConfig['responses'] =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: `problem (${s})`, content: { 'application/problem+json': { schema: problemSchema } } }]),
  );

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const secured = [{ [bearer.name]: [] }];

  registry.registerPath({
    method: 'get', path: '/health', summary: 'Liveness and readiness', tags: ['system'],
    responses: {
      200: json(z.object({ status: z.literal('ok'), temporal: z.enum(['ok', 'down']), db: z.enum(['ok', 'down']) }), 'both dependencies reachable'),
      503: json(z.object({ status: z.literal('degraded'), temporal: z.enum(['ok', 'down']), db: z.enum(['ok', 'down']) }), 'a dependency is down'),
    },
  });
  registry.registerPath({
    method: 'post', path: '/api/auth/login', summary: 'Sign in', tags: ['auth'],
    request: { body: { content: { 'application/json': { schema: loginBodySchema } } } },
    responses: { 200: json(loginResponseSchema, 'signed in'), ...problems(400, 401, 422) },
  });
  registry.registerPath({
    method: 'get', path: '/api/me', summary: 'The signed-in user', tags: ['auth'], security: secured,
    responses: { 200: json(userSchema, 'the user'), ...problems(401) },
  });
  registry.registerPath({
    method: 'get', path: '/api/cases', summary: 'List cases in your region (simple-rest: sort, range, filter)', tags: ['cases'], security: secured,
    request: { query: caseListQuerySchema },
    responses: { 200: json(z.array(caseSchema), 'cases; Content-Range header carries the total'), ...problems(401, 403, 422) },
  });
  registry.registerPath({
    method: 'post', path: '/api/cases', summary: 'Register a case (starts caseWorkflow)', tags: ['cases'], security: secured,
    request: { body: { content: { 'application/json': { schema: createCaseBodySchema } } } },
    responses: { 201: json(caseSchema, 'registered; the asesmen task is open'), ...problems(400, 401, 403, 413, 415, 422) },
  });
  registry.registerPath({
    method: 'get', path: '/api/cases/{id}', summary: 'A case with its current step and tasks', tags: ['cases'], security: secured,
    request: { params: caseIdParamsSchema },
    responses: { 200: json(caseSchema, 'the case'), ...problems(401, 403, 404, 422) },
  });
  registry.registerPath({
    method: 'get', path: '/api/cases/{id}/history', summary: "The case workflow's raw Temporal event history", tags: ['cases'], security: secured,
    request: { params: caseIdParamsSchema },
    responses: { 200: json(z.object({ workflowId: z.string(), history: z.object({ events: z.array(z.record(z.string(), z.unknown())) }) }), 'history as Temporal exports it'), ...problems(401, 403, 404, 422) },
  });
  registry.registerPath({
    method: 'get', path: '/api/tasks', summary: 'Task inbox (simple-rest: sort, range, filter)', tags: ['tasks'], security: secured,
    request: { query: taskListQuerySchema },
    responses: { 200: json(z.array(z.record(z.string(), z.unknown())), 'tasks; Content-Range header carries the total'), ...problems(401, 403, 422) },
  });
  registry.registerPath({
    method: 'get', path: '/api/tasks/{id}', summary: 'One task', tags: ['tasks'], security: secured,
    request: { params: taskIdParamsSchema },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'the task'), ...problems(401, 403, 404, 422) },
  });
  registry.registerPath({
    method: 'post', path: '/api/tasks/{id}/complete', summary: 'Complete a task (a Temporal Update; answers with the result)', tags: ['tasks'], security: secured,
    request: { params: taskIdParamsSchema, body: { content: { 'application/json': { schema: completeTaskBodySchema } } } },
    responses: { 200: json(z.record(z.string(), z.unknown()), 'completed; the case after the decision'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
  });
  registry.registerPath({
    method: 'get', path: '/api/task-types', summary: 'Task types: role, outcomes, JSON Schema and valid examples', tags: ['tasks'],
    responses: { 200: json(z.array(z.record(z.string(), z.unknown())), 'task types') },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'kesos-flow API', version: '0.1.0', description: 'Social-welfare casework (TKSK, PMKS) on Temporal. Errors are RFC 9457 problem+json.' },
    servers: [{ url: '/' }],
  });
}
