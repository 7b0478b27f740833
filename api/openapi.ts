// OpenAPI 3.1 generated from the routes' zod schemas: the schemas are the documentation. Every
// request body carries an example valid for the demo account that may call it (`x-demo-account`).
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { bulkReassignBodySchema } from '../domain/bulk';
import { INTERVENTION_EXAMPLES, INTERVENTIONS, interventionBodySchemas } from '../domain/interventions';
import { PROBLEM_CODES } from '../domain/problems';
import { TASK_TYPE_INFO, TASK_TYPES } from '../domain/taskTypes';
import { caseExportQuerySchema, complaintExportQuerySchema, exportParamsSchema, periodExportQuerySchema, taskExportQuerySchema } from './exports/routes';
import { auditEntrySchema, auditExportQuerySchema, auditListQuerySchema, chainVerificationSchema } from './audit/schema';
import { changePasswordBodySchema, loginBodySchema, loginResponseSchema, sessionCookieHeadersSchema, sessionCookieSchema, userSchema } from './auth/schema';
import {
  bulkConfirmBodySchema,
  bulkIdParamsSchema,
  bulkStatusSchema,
  caseDetailSchema,
  caseIdParamsSchema,
  caseListQuerySchema,
  caseSchema,
  confirmBodySchema,
  createCaseBodySchema,
  interventionResultSchema,
  registeredCaseSchema,
  timelineEntrySchema,
  timelineQuerySchema,
} from './cases/schema';
import { codecBodySchema, codecQuerySchema } from './codec/schema';
import { dataSubjectExportBodySchema, dataSubjectExportSchema } from './dataSubjects/schema';
import { healthSchema, livenessSchema } from './health/schema';
import { confirmPrivilegedBodySchema, privilegedRequestIdParamsSchema, privilegedRequestListQuerySchema, privilegedRequestSchema } from './privileged/schema';
import { casePolicyBodySchema, casePolicySchema, slaPolicyBodySchema, slaPolicySchema } from './policies/schema';
import { reportSummarySchema, sembakoReportSchema } from './reports/schema';
import { COMPLAINT_ACTIONS, complaintActionBodySchemas } from '../domain/sembako';
import {
  complaintDetailSchema,
  complaintIdParamsSchema,
  complaintListQuerySchema,
  complaintSchema,
  complaintSnapshotSchema,
  createComplaintBodySchema,
  complaintSummaryQuerySchema,
  complaintSummarySchema,
} from './complaints/schema';
import {
  attachmentBodySchema,
  attachmentParamsSchema,
  attachmentSchema,
  createMeetingBodySchema,
  meetingDetailSchema,
  meetingIdParamsSchema,
  meetingListQuerySchema,
  meetingSchema,
} from './meetings/schema';
import {
  createMonthlyReportBodySchema,
  monthlyReportDetailSchema,
  monthlyReportIdParamsSchema,
  monthlyReportListQuerySchema,
  monthlyReportSchema,
} from './monthlyReports/schema';
import {
  kpmExportQuerySchema,
  kpmImportBodySchema,
  kpmImportReportSchema,
  kpmListQuerySchema,
  kpmSchema,
  openSembakoPeriodBodySchema,
  sembakoPeriodIdParamsSchema,
  sembakoPeriodListQuerySchema,
  sembakoPeriodRowSchema,
  sembakoPeriodSnapshotSchema,
} from './sembako/schema';
import {
  proposeSanctionBodySchema,
  sanctionIdParamsSchema,
  sanctionListQuerySchema,
  sanctionProposedSchema,
  sanctionRowSchema,
} from './sembako/sanctionsSchema';
import {
  kpmChangeExportQuerySchema,
  kpmFixBodySchema,
  kpmFixIdParamsSchema,
  kpmFixListQuerySchema,
  kpmFixProposedSchema,
  kpmFixSchema,
  kpmIdParamsSchema,
} from './sembako/kpmFixesSchema';
import {
  budgetBodySchema,
  budgetListQuerySchema,
  budgetSavedSchema,
  budgetSchema,
  claimDetailSchema,
  claimExportQuerySchema,
  claimIdParamsSchema,
  claimListQuerySchema,
  claimSchema,
  createClaimBodySchema,
  periodQuerySchema,
  reconciliationSchema,
  reissueBodySchema,
} from './taliAsih/schema';
import {
  completeTaskBodySchema,
  deadlineExtensionQuerySchema,
  deadlineExtensionSchema,
  claimSnapshotSchema,
  taskCompletionResultSchema,
  taskIdParamsSchema,
  taskListQuerySchema,
  taskSchema,
  taskTypeInfoSchema,
} from './tasks/schema';
import { claimResultSchema, commentBodySchema, commentSchema, takeOverBodySchema, taskHistoryEntrySchema, taskPlanBodySchema } from './tasks/tasklistSchema';
import { savedFilterBodySchema, savedFilterIdParamsSchema, savedFilterListQuerySchema, savedFilterSchema } from './savedFilters/schema';
import {
  adminUserSchema,
  assignableUserListQuerySchema,
  assignableUserSchema,
  createUserBodySchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userIdParamsSchema,
  userListQuerySchema,
} from './users/schema';
import { acceptInvitationBodySchema, invitationSchema, userImportBodySchema, userImportReportSchema } from './users/importSchema';
import { peopleListQuerySchema, personSchema, regionListQuerySchema, regionSchema } from './directory/schema';
import {
  assignmentBodySchema,
  assignmentDetailSchema,
  assignmentListQuerySchema,
  assignmentRowSchema,
  assignmentSnapshotSchema,
  assignmentUserParamsSchema,
  endAssignmentBodySchema,
  vacancyListQuerySchema,
  vacancyRowSchema,
} from './tkskAssignments/schema';
import { sembakoCalendarBodySchema, sembakoCalendarIdParamsSchema, sembakoCalendarListQuerySchema, sembakoCalendarRowSchema } from './sembako/calendarSchema';

import {
  createPsksBodySchema,
  psksEntryDetailSchema,
  psksEntrySchema,
  psksIdParamsSchema,
  psksListQuerySchema,
  psksTypeListQuerySchema,
  psksTypeSchema,
  updatePsksBodySchema,
} from './psks/schema';
import {
  pemetaanCountsResultSchema,
  pemetaanCountsSchema,
  pemetaanHistoryQuerySchema,
  pemetaanImportBodySchema,
  pemetaanImportReportSchema,
  pemetaanMatrixSchema,
  pemetaanRecordSchema,
  pemetaanRegionQuerySchema,
} from './pemetaan/schema';
const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** `urn:kesos-flow:request:<request id>` (also in the X-Request-Id header). */
    instance: z.string(),
    /** What went wrong, as a stable machine code (the portal words it in the reader's language); see domain/problems.ts. */
    code: z.enum(PROBLEM_CODES),
    /** Seconds until the next attempt is allowed (429; also in the Retry-After header). */
    retryAfter: z.number().int().min(0).optional(),
    errors: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), pointer: z.string(), message: z.string(), code: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

/** A refused KPM import: the problem, and the row-by-row report when the file's rows were read (not for a body that is not an import at all). */
/** A refused account import: the problem, and the row-by-row report when the file's rows were read. */
const userImportProblemSchema = problemSchema.extend({ report: userImportReportSchema.optional() }).meta({ id: 'UserImportProblem' });
const kpmImportProblemSchema = problemSchema.extend({ report: kpmImportReportSchema.optional() }).meta({ id: 'KpmImportProblem' });

const problems = (...statuses: number[]): RouteConfig['responses'] =>
  Object.fromEntries(statuses.map((s) => [s, { description: `problem (${s})`, content: { 'application/problem+json': { schema: problemSchema } } }]));

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
/** A simple-rest list page of `schema` rows. */
const listOf = (schema: z.ZodType, description: string) => json(z.array(schema), `${description}; the Content-Range header carries the total`);
const csv = { description: 'CSV', content: { 'text/csv': { schema: z.string() } } };
const xlsxFile = { description: 'XLSX workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } };

/** A request body, its example (valid for `account`) and the schema it must satisfy. */
export interface DocumentedBody {
  operation: string;
  account: string;
  schema: z.ZodType;
  example: unknown;
}

/** A documented JSON response: the test suite checks real answers against these. */
export interface DocumentedResponse {
  operation: string;
  status: number;
  schema: z.ZodType;
}

const idTaskCompletion = Object.fromEntries(
  TASK_TYPES.flatMap((type) =>
    Object.entries(TASK_TYPE_INFO[type].examples).map(([key, ex]) => [`${type}.${key}`, { summary: `${TASK_TYPE_INFO[type].titleEn} (${key})`, value: ex }]),
  ),
);

export function buildOpenApi() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const secured = [{ [bearer.name]: [] }];
  const bodies: DocumentedBody[] = [];
  const responses: DocumentedResponse[] = [];

  /** Registers a route; a body's example comes from its schema's meta unless given. */
  const route = (
    r: Omit<RouteConfig, 'request' | 'security'> & {
      params?: z.ZodObject;
      query?: z.ZodObject;
      headers?: z.ZodObject;
      cookies?: z.ZodObject;
      body?: { schema: z.ZodType; account: string; example?: unknown; examples?: Record<string, { summary: string; value: unknown }> };
      open?: boolean;
    },
  ) => {
    const { params, query, headers, cookies, body, open, ...rest } = r;
    const example = body ? (body.example ?? (z.globalRegistry.get(body.schema) as { example?: unknown } | undefined)?.example) : undefined;
    const operation = `${r.method.toUpperCase()} ${r.path}`;
    if (body) bodies.push({ operation, account: body.account, schema: body.schema, example });
    for (const [status, response] of Object.entries(rest.responses)) {
      const schema = (response as { content?: Record<string, { schema?: unknown }> }).content?.['application/json']?.schema;
      if (schema instanceof z.ZodType) responses.push({ operation, status: Number(status), schema });
    }
    registry.registerPath({
      ...rest,
      ...(open ? {} : { security: secured }),
      request: {
        params,
        query,
        headers,
        cookies,
        ...(body
          ? {
              body: {
                required: true,
                content: { 'application/json': { schema: body.schema, ...(body.examples ? { examples: body.examples } : { example }) } },
              },
            }
          : {}),
      },
      ...(body ? { 'x-demo-account': body.account } : {}),
      // Any other status (400 malformed JSON, 401, 413, 415, 429, 500…) is a problem document too.
      responses: { ...rest.responses, default: { description: 'problem', content: { 'application/problem+json': { schema: problemSchema } } } },
    });
  };

  // ---- system and auth
  // /health is the readiness check load balancers already probe; /health/ready says so by name.
  for (const path of ['/health', '/health/ready']) {
    route({
      method: 'get',
      path,
      summary: 'Readiness: ok only when PostgreSQL and Temporal answer; 503 while one is down or the process drains after SIGTERM',
      tags: ['system'],
      open: true,
      responses: { 200: json(healthSchema, 'ready'), 503: json(healthSchema, 'a dependency is down, or draining') },
    });
  }
  route({
    method: 'get',
    path: '/health/live',
    summary: 'Liveness: the process answers, whatever its dependencies do',
    tags: ['system'],
    open: true,
    responses: { 200: json(livenessSchema, 'alive') },
  });
  route({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics (request latency by route, Node runtime); only with METRICS_TOKEN as the bearer token, else 404',
    tags: ['system'],
    open: true,
    responses: {
      200: { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } },
      404: { description: 'no METRICS_TOKEN, or not it' },
    },
  });
  route({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document (OpenAPI 3.1, generated from the zod schemas)',
    tags: ['system'],
    open: true,
    responses: {
      200: json(
        z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.unknown()) }),
        'the document',
      ),
    },
  });
  route({
    method: 'get',
    path: '/api/docs',
    summary: 'Interactive API docs (Swagger UI, served from local files)',
    tags: ['system'],
    open: true,
    responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
  });
  const setsCookie = {
    'Set-Cookie': {
      description: 'kesos_refresh=<refresh token>; HttpOnly; SameSite=Strict; Path=/api/auth; Max-Age=2592000 (Secure over https)',
      schema: { type: 'string' as const },
    },
  };
  route({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in (throttled per account and address); the refresh token comes as an httpOnly cookie, never in the body',
    tags: ['auth'],
    open: true,
    body: { schema: loginBodySchema, account: 'tksk1' },
    responses: { 200: { ...json(loginResponseSchema, 'signed in'), headers: setsCookie }, ...problems(400, 401, 403, 413, 415, 422, 429) },
  });
  route({
    method: 'post',
    path: '/api/auth/refresh',
    summary: 'Exchange the refresh cookie (single use, rotated; a reused one revokes the login) for a new access token and cookie',
    tags: ['auth'],
    open: true,
    headers: sessionCookieHeadersSchema,
    cookies: sessionCookieSchema,
    responses: { 200: { ...json(loginResponseSchema, 'a new access token; the cookie is rotated'), headers: setsCookie }, ...problems(401, 403) },
  });
  route({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Revoke the login of the refresh cookie and clear the cookie',
    tags: ['auth'],
    open: true,
    headers: sessionCookieHeadersSchema,
    cookies: sessionCookieSchema,
    responses: { 204: { description: 'revoked (also when there was no session)' }, ...problems(403) },
  });
  route({
    method: 'post',
    path: '/api/auth/password',
    summary:
      "Change the signed-in user's own password (throttled like sign-in; audited). The only call, besides sign-in, refresh, logout and /api/me, left to an account with `mustChangePassword` (others answer 403 of type …/password-change-required)",
    tags: ['auth'],
    body: { schema: changePasswordBodySchema, account: 'tksk1' },
    responses: { 204: { description: 'changed; the account may use the API again' }, ...problems(400, 401, 403, 413, 415, 422, 429) },
  });
  route({
    method: 'post',
    path: '/api/auth/invitations/accept',
    summary:
      'Accept an invitation (public; throttled like sign-in): the code from the admin and the password chosen; the account can sign in from now on. One answer (400 invitation-invalid) for a wrong, used or expired code',
    tags: ['auth'],
    open: true,
    body: { schema: acceptInvitationBodySchema, account: 'tksk1' },
    responses: { 204: { description: 'the password is set; sign in with it' }, ...problems(400, 413, 415, 422, 429) },
  });
  route({ method: 'get', path: '/api/me', summary: 'The signed-in user', tags: ['auth'], responses: { 200: json(userSchema, 'the user'), ...problems(401) } });

  // ---- cases
  route({
    method: 'get',
    path: '/api/cases',
    summary: "Cases in your region (simple-rest: sort, range, filter); NIK masked except for the case's own TKSK and supervisor",
    tags: ['cases'],
    query: caseListQuerySchema,
    responses: { 200: json(z.array(caseSchema), 'cases; Content-Range carries the total'), ...problems(401, 403, 422) },
  });
  route({
    method: 'post',
    path: '/api/cases',
    summary:
      'Register a case (starts caseWorkflow); 409 if the NIK has an open case (not closed or cancelled) in the same PMKS category (its id in `caseId` when you may see it), `warnings` for open cases in other categories; honours Idempotency-Key',
    tags: ['cases'],
    body: { schema: createCaseBodySchema, account: 'tksk1' },
    responses: { 201: json(registeredCaseSchema, 'registered; the asesmen task is open'), ...problems(400, 401, 403, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/cases/{id}',
    summary: 'A case with its current step, tasks, referrals and pending interventions',
    tags: ['cases'],
    params: caseIdParamsSchema,
    responses: { 200: json(caseDetailSchema, 'the case'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'get',
    path: '/api/cases/{id}/timeline',
    summary: 'Human-readable timeline (audit rows as sentences)',
    tags: ['cases'],
    params: caseIdParamsSchema,
    query: timelineQuerySchema,
    responses: { 200: json(z.array(timelineEntrySchema), 'timeline entries, oldest first'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'get',
    path: '/api/cases/{id}/history',
    summary: "The case workflow's raw Temporal event history (payloads encrypted)",
    tags: ['cases'],
    params: caseIdParamsSchema,
    responses: {
      200: json(
        z.object({ workflowId: z.string(), history: z.object({ events: z.array(z.record(z.string(), z.unknown())) }) }),
        'history as Temporal exports it',
      ),
      ...problems(401, 403, 404, 422),
    },
  });
  for (const action of INTERVENTIONS) {
    route({
      method: 'post',
      path: `/api/cases/{id}/actions/${action}`,
      summary: `Intervention: ${action} (a validated Update on the case workflow)`,
      tags: ['interventions'],
      params: caseIdParamsSchema,
      body: { schema: interventionBodySchemas[action], account: 'supervisor1', example: INTERVENTION_EXAMPLES[action] },
      responses: {
        200: json(interventionResultSchema, 'applied; the case after it'),
        202: json(interventionResultSchema, 'waiting for a second supervisor (confirm_destructive policy)'),
        ...problems(400, 401, 403, 404, 409, 413, 415, 422),
      },
    });
  }
  route({
    method: 'post',
    path: '/api/cases/{id}/actions/confirm',
    summary: 'A second supervisor confirms (or declines) a pending destructive intervention',
    tags: ['interventions'],
    params: caseIdParamsSchema,
    body: { schema: confirmBodySchema, account: 'supervisor2' },
    responses: { 200: json(interventionResultSchema, 'confirmed or declined'), ...problems(400, 401, 403, 404, 409, 422) },
  });
  route({
    method: 'post',
    path: '/api/cases/bulk-reassign',
    summary: 'Move every open case of a TKSK to another (a durable workflow)',
    tags: ['interventions'],
    body: { schema: bulkReassignBodySchema, account: 'supervisor1' },
    responses: { 202: json(bulkStatusSchema, 'started (or waiting for confirmation)'), ...problems(400, 401, 403, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/bulk-operations/{id}',
    summary: 'Progress of a bulk operation',
    tags: ['interventions'],
    params: bulkIdParamsSchema,
    responses: { 200: json(bulkStatusSchema, 'status'), ...problems(401, 403, 409, 422) },
  });
  route({
    method: 'post',
    path: '/api/bulk-operations/{id}/confirm',
    summary: 'A second supervisor confirms (or declines) a bulk operation',
    tags: ['interventions'],
    params: bulkIdParamsSchema,
    body: { schema: bulkConfirmBodySchema, account: 'supervisor2' },
    responses: { 200: json(bulkStatusSchema, 'status'), ...problems(401, 403, 409, 422) },
  });

  // ---- tasks
  route({
    method: 'get',
    path: '/api/tasks',
    summary:
      'Task inbox (simple-rest: sort, range, filter). The portal\'s views are filters: what waits for you `{"status":"open","candidateRole":"<your role>"}`, every task of your region `{"status":"open"}`, late `{"overdue":true}`, sent back `{"returned":true}`; the default views `{"view":"mine"}` (assigned to or claimed by you), `{"view":"unassigned"}` (your role\'s, nobody assigned or claiming), `{"view":"open"}`, `{"view":"completed-by-me"}`; `priority` (one or a list), `claimedBy`, `claimed`, `followUpBefore`, `followUpDue`; sort by `priority` (rank) or `followUpAt` too',
    tags: ['tasks'],
    query: taskListQuerySchema,
    responses: { 200: listOf(taskSchema, 'tasks'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/tasks/{id}',
    summary: 'One task',
    tags: ['tasks'],
    params: taskIdParamsSchema,
    responses: { 200: json(taskSchema, 'the task'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'get',
    path: '/api/tasks/{id}/deadline-extension',
    summary: "The deadline an extension by working days would give (weekends and national holidays skipped): the extend-deadline picker's preview",
    tags: ['tasks'],
    params: taskIdParamsSchema,
    query: deadlineExtensionQuerySchema,
    responses: { 200: json(deadlineExtensionSchema, 'the resulting deadline'), ...problems(401, 403, 404, 409, 422) },
  });
  route({
    method: 'post',
    path: '/api/tasks/{id}/complete',
    summary: 'Complete a task (a Temporal Update; answers with the case after the decision)',
    tags: ['tasks'],
    params: taskIdParamsSchema,
    body: {
      schema: completeTaskBodySchema,
      account: 'tksk1 (TKSK tasks) or supervisor1 (approvals)',
      examples: idTaskCompletion,
      example: TASK_TYPE_INFO.asesmen.examples.submit,
    },
    responses: { 200: json(taskCompletionResultSchema, 'completed; the workflow has acted on it'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/task-types',
    summary: 'Task types: role, outcomes, JSON Schema and valid examples',
    tags: ['tasks'],
    responses: { 200: listOf(taskTypeInfoSchema, 'task types'), ...problems(401) },
  });

  // ---- tasklist (decision 0025): claims, priority and follow-up, comments, history, saved filters
  for (const [action, summary] of [
    [
      'claim',
      "Claim a task offered to your role (no assignee): then only you complete it. Through the task's workflow; of two claims at once one wins, the other is refused 409 task-claimed",
    ],
    ['unclaim', "Release your claim: the task goes back to its role's queue (403 task-not-claimant for anyone else's claim)"],
  ] as const) {
    route({
      method: 'post',
      path: `/api/tasks/{id}/${action}`,
      summary,
      tags: ['tasks'],
      params: taskIdParamsSchema,
      responses: { 200: json(claimResultSchema, 'who holds the task now'), ...problems(401, 403, 404, 409, 422) },
    });
  }
  route({
    method: 'post',
    path: '/api/tasks/{id}/take-over',
    summary:
      'Take over a task (claimed by someone else, or not yet claimed) as a supervisor of its role and region, with a reason (audited as task.taken_over)',
    tags: ['tasks'],
    params: taskIdParamsSchema,
    body: { schema: takeOverBodySchema, account: 'supervisor2' },
    responses: { 200: json(claimResultSchema, 'you hold the task now'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
  });
  route({
    method: 'patch',
    path: '/api/tasks/{id}',
    summary:
      "Set an open task's priority (low, normal, high, urgent) and follow-up date: its assignee, its claimant or a supervisor of its region; each change audited",
    tags: ['tasks'],
    params: taskIdParamsSchema,
    body: { schema: taskPlanBodySchema, account: 'supervisor1' },
    responses: { 200: json(taskSchema, 'the task'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/tasks/{id}/comments',
    summary: 'Comments on a task, oldest first',
    tags: ['tasks'],
    params: taskIdParamsSchema,
    responses: { 200: json(z.array(commentSchema), 'the comments'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'post',
    path: '/api/tasks/{id}/comments',
    summary:
      'Comment on a task you can see, naming colleagues (user ids from GET /api/people): each mention is a task_mentions row a notification outbox will read (nothing is delivered yet); audited as task.commented',
    tags: ['tasks'],
    params: taskIdParamsSchema,
    body: { schema: commentBodySchema, account: 'tksk1' },
    responses: { 201: json(commentSchema, 'the comment'), ...problems(400, 401, 403, 404, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/tasks/{id}/history',
    summary: "A task's history from the audit log: created, claimed, unclaimed, taken over, priority and follow-up changes, comments, completion, escalations",
    tags: ['tasks'],
    params: taskIdParamsSchema,
    responses: { 200: json(z.array(taskHistoryEntrySchema), 'the entries, oldest first'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'get',
    path: '/api/saved-filters',
    summary: 'Saved inbox filters you may use: yours and those shared with your role and/or region (simple-rest; filter `mine`)',
    tags: ['saved-filters'],
    query: savedFilterListQuerySchema,
    responses: { 200: listOf(savedFilterSchema, 'saved filters'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/saved-filters/{id}',
    summary: 'One saved filter',
    tags: ['saved-filters'],
    params: savedFilterIdParamsSchema,
    responses: { 200: json(savedFilterSchema, 'the saved filter'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'post',
    path: '/api/saved-filters',
    summary: 'Save a named GET /api/tasks filter, optionally shared with a role and/or a region within yours (audited)',
    tags: ['saved-filters'],
    body: { schema: savedFilterBodySchema, account: 'supervisor1' },
    responses: { 201: json(savedFilterSchema, 'the saved filter'), ...problems(400, 401, 403, 413, 415, 422) },
  });
  route({
    method: 'put',
    path: '/api/saved-filters/{id}',
    summary: 'Change your saved filter (owner only; audited)',
    tags: ['saved-filters'],
    params: savedFilterIdParamsSchema,
    body: { schema: savedFilterBodySchema, account: 'supervisor1' },
    responses: { 200: json(savedFilterSchema, 'the saved filter'), ...problems(400, 401, 403, 404, 413, 415, 422) },
  });
  route({
    method: 'delete',
    path: '/api/saved-filters/{id}',
    summary: 'Delete your saved filter (owner only; audited)',
    tags: ['saved-filters'],
    params: savedFilterIdParamsSchema,
    responses: { 200: json(savedFilterSchema, 'the deleted filter'), ...problems(401, 403, 404, 422) },
  });

  // ---- audit and privacy
  route({
    method: 'get',
    path: '/api/audit',
    summary: 'Audit trail in your region (simple-rest)',
    tags: ['audit'],
    query: auditListQuerySchema,
    responses: { 200: listOf(auditEntrySchema, 'audit rows'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/audit/export.csv',
    summary: 'CSV export of a filtered audit list',
    tags: ['audit'],
    query: auditExportQuerySchema,
    responses: { 200: csv, ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/audit/verify',
    summary: 'Recompute the hash chain and compare it with its anchors; names the first broken row',
    tags: ['audit'],
    responses: { 200: json(chainVerificationSchema, 'result'), ...problems(401, 403, 503) },
  });
  route({
    method: 'post',
    path: '/api/codec/decode',
    summary:
      "Remote codec (Temporal's codec-server protocol): decode the encrypted payloads of one workflow's history (supervisors, auditors; audited). Name the workflow with ?workflowId= or the X-Workflow-Id header: its case, referral or claim must be in your region (404 otherwise) and every encrypted payload must be from its history (403 otherwise). There is no /encode.",
    tags: ['privacy'],
    query: codecQuerySchema,
    body: { schema: codecBodySchema, account: 'supervisor1' },
    responses: { 200: json(codecBodySchema, 'decoded payloads'), ...problems(401, 403, 404, 413, 422) },
  });
  route({
    method: 'post',
    path: '/api/admin/data-subject-export',
    summary:
      'Ask for everything held about one NIK (UU PDP data-subject access), with a reason: a second admin confirms, then the requester downloads it; audited',
    tags: ['privacy'],
    body: { schema: dataSubjectExportBodySchema, account: 'admin' },
    responses: { 202: json(privilegedRequestSchema, 'the request, waiting for a second admin'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/admin/privileged-requests',
    summary: 'Privileged requests of the admins (four-eyes: exports, supervisor/auditor/admin accounts), simple-rest; filter by status, kind',
    tags: ['admin'],
    query: privilegedRequestListQuerySchema,
    responses: { 200: listOf(privilegedRequestSchema, 'requests'), ...problems(401, 403, 422) },
  });
  route({
    method: 'post',
    path: '/api/admin/privileged-requests/{id}/confirm',
    summary: "A second admin confirms (it is done now; an export becomes downloadable by its requester) or declines another admin's request",
    tags: ['admin'],
    params: privilegedRequestIdParamsSchema,
    body: { schema: confirmPrivilegedBodySchema, account: 'admin2' },
    responses: { 200: json(privilegedRequestSchema, 'decided'), ...problems(401, 403, 404, 409, 422) },
  });
  route({
    method: 'post',
    path: '/api/admin/privileged-requests/{id}/export',
    summary: 'The requester downloads a confirmed data-subject export (once); audited',
    tags: ['privacy'],
    params: privilegedRequestIdParamsSchema,
    responses: { 200: json(dataSubjectExportSchema, 'the export'), ...problems(401, 403, 404, 409, 422) },
  });

  route({
    method: 'get',
    path: '/api/reports/summary',
    summary:
      'Dashboard counts in your region: cases by PMKS, status and kecamatan; open, overdue and breached tasks; stipend totals per period (supervisors, auditors)',
    tags: ['reports'],
    responses: { 200: json(reportSummarySchema, 'the summary'), ...problems(401, 403) },
  });

  route({
    method: 'get',
    path: '/api/reports/sembako',
    summary:
      'Program Sembako figures in your region: realisation (KPM served / listed) per kecamatan in its latest monitored period, card problems, complaints by category and open ones by age, open periods by status',
    tags: ['reports'],
    responses: { 200: json(sembakoReportSchema, 'the figures'), ...problems(401, 403) },
  });

  // ---- tali asih
  route({
    method: 'post',
    path: '/api/tali-asih/claims',
    summary:
      'Open a stipend claim (starts taliAsihWorkflow); 422 on /body/period for a month that has not begun (WIB), or for a TKSK anything but the current or previous month (supervisors backfill earlier ones); 409 if one exists for that TKSK and period; honours Idempotency-Key',
    tags: ['tali asih'],
    body: { schema: createClaimBodySchema, account: 'supervisor1' },
    responses: { 201: json(claimSchema, 'the claim, with its report task open'), ...problems(400, 401, 403, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/tali-asih/claims',
    summary: 'Claims (simple-rest); X-Total-Amount carries the filtered total',
    tags: ['tali asih'],
    query: claimListQuerySchema,
    responses: { 200: listOf(claimSchema, 'claims'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/tali-asih/claims/export.csv',
    summary: 'CSV of a filtered claim list',
    tags: ['tali asih'],
    query: claimExportQuerySchema,
    responses: { 200: csv, ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/tali-asih/claims/{id}',
    summary: 'A claim with its components, payments and tasks',
    tags: ['tali asih'],
    params: claimIdParamsSchema,
    responses: { 200: json(claimDetailSchema, 'the claim'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'post',
    path: '/api/tali-asih/claims/{id}/reissue',
    summary:
      'Reissue a cancelled payment (provinsi supervisor, claim status payment_cancelled) once the account is fixed: the components not yet paid are reserved again and paid; 409 for any other status',
    tags: ['tali asih'],
    params: claimIdParamsSchema,
    body: { schema: reissueBodySchema, account: 'provinsi1' },
    responses: {
      200: json(z.object({ claim: claimSnapshotSchema }).meta({ id: 'ReissuedClaim' }), 'the claim, reserving or paying again'),
      ...problems(401, 403, 404, 409, 422),
    },
  });
  route({
    method: 'get',
    path: '/api/tali-asih/budgets',
    summary: 'Budget allocations of your provinsi',
    tags: ['tali asih'],
    query: budgetListQuerySchema,
    responses: { 200: listOf(budgetSchema, 'budgets'), ...problems(401, 403, 422) },
  });
  route({
    method: 'put',
    path: '/api/tali-asih/budgets',
    summary: 'Set an allocation (provinsi supervisor); claims awaiting budget re-check at once',
    tags: ['tali asih'],
    body: { schema: budgetBodySchema, account: 'provinsi1' },
    responses: { 200: json(budgetSavedSchema, 'saved'), ...problems(401, 403, 409, 422) },
  });
  route({
    method: 'get',
    path: '/api/tali-asih/reconciliation',
    summary: 'Per provinsi: approved = paid + pending, and the budget agrees',
    tags: ['tali asih'],
    query: periodQuerySchema,
    responses: { 200: json(z.array(reconciliationSchema), 'one row per provinsi with claims in the period'), ...problems(401, 403, 422) },
  });

  // ---- Program Sembako
  route({
    method: 'post',
    path: '/api/sembako/kpm/imports',
    summary:
      "Import a kecamatan's KPM list (CSV text, rows, or an XLSX workbook in base64; file up to 4 MiB): every row checked (NIK, desa in the kecamatan, duplicates in the file and in the register), then all written or none; 201 with the report when it changed the register, 200 for a dry run or a file identical to the register, 422 with the report and a pointer per row and column when any row is invalid",
    tags: ['sembako'],
    body: { schema: kpmImportBodySchema, account: 'tksk1' },
    responses: {
      200: json(kpmImportReportSchema, 'dry run, or nothing to change'),
      201: json(kpmImportReportSchema, 'imported'),
      422: { description: 'invalid rows: nothing imported', content: { 'application/problem+json': { schema: kpmImportProblemSchema } } },
      ...problems(400, 401, 403, 409, 413, 415),
    },
  });
  route({
    method: 'get',
    path: '/api/sembako/kpm',
    summary: 'The KPM register of your region (simple-rest); NIK, KK and KKS numbers masked unless you are the kecamatan’s TKSK or the kabupaten supervisor',
    tags: ['sembako'],
    query: kpmListQuerySchema,
    responses: { 200: listOf(kpmSchema, 'KPM'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/kpm/export.csv',
    summary: 'The filtered register as CSV in the import’s columns plus status and alasan_status (masked as the list is); every export is audited',
    tags: ['sembako'],
    query: kpmExportQuerySchema,
    responses: { 200: csv, ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/kpm/export.xlsx',
    summary: 'The filtered register as an XLSX workbook, the same columns as export.csv (identifiers as text cells: it re-imports); every export is audited',
    tags: ['sembako'],
    query: kpmExportQuerySchema,
    responses: { 200: xlsxFile, ...problems(401, 403, 422) },
  });

  route({
    method: 'post',
    path: '/api/sembako/periods',
    summary:
      'Open a distribution period of a kecamatan (starts sembakoPeriodWorkflow sembako-<kecamatan>-<period>): the Tikor meeting task, then one monitoring task per distribution point with the checklist of the region and period, then the report the kabupaten verifies; 409 if the period is open',
    tags: ['sembako'],
    body: { schema: openSembakoPeriodBodySchema, account: 'tksk1' },
    responses: { 201: json(sembakoPeriodSnapshotSchema, 'the period, with its Tikor task open'), ...problems(400, 401, 403, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/periods',
    summary:
      'Distribution periods of your region (simple-rest; filters period, kecamatanCode, kabupatenCode, status), with their points, checklist, realisation, card problems, failed items and the open complaints of each kecamatan',
    tags: ['sembako'],
    query: sembakoPeriodListQuerySchema,
    responses: { 200: listOf(sembakoPeriodRowSchema, 'periods'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/periods/{id}',
    summary:
      'A distribution period of one’s region: status, realisation (KPM served / listed), card problems per bank and kind, failed items, revocation recommendations, the report, and the open complaints of its kecamatan',
    tags: ['sembako'],
    params: sembakoPeriodIdParamsSchema,
    responses: { 200: json(sembakoPeriodRowSchema, 'the period'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'post',
    path: '/api/sembako/sanctions',
    summary:
      'Propose a sanction recommendation about an e-warong/agen to Kemensos (Permensos 5/2021 Pasal 58; starts sanctionRecommendationWorkflow sanksi-<id>): a kabupaten supervisor, on the grounds of complaints and/or period monitoring of the kabupaten; a second supervisor approves or rejects it through its sembako_sanction_approval task',
    tags: ['sembako'],
    body: { schema: proposeSanctionBodySchema, account: 'supervisor1' },
    responses: { 201: json(sanctionProposedSchema, 'the proposal, with its approval task open'), ...problems(400, 401, 403, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/sanctions',
    summary: 'Sanction recommendations of your region (simple-rest)',
    tags: ['sembako'],
    query: sanctionListQuerySchema,
    responses: { 200: listOf(sanctionRowSchema, 'sanction recommendations'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/sanctions/{id}',
    summary: 'A sanction recommendation (an auditor’s read is audited)',
    tags: ['sembako'],
    params: sanctionIdParamsSchema,
    responses: { 200: json(sanctionRowSchema, 'the recommendation'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/sanctions/{id}/letter.pdf',
    summary:
      'The letter to Kemensos (surat rekomendasi, PDF) once a second supervisor approved the recommendation: Dinas Sosial header, number, local date, the e-warong, the grounds, the recommendation, proposer and approver; 409 before; every letter drawn is audited',
    tags: ['sembako'],
    params: sanctionIdParamsSchema,
    responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...problems(401, 403, 404, 409, 422) },
  });
  route({
    method: 'post',
    path: '/api/complaints',
    summary:
      'Record a Sembako complaint (pengaduan; starts complaintWorkflow): a TKSK for their kecamatan, a kabupaten supervisor naming it; 201 once its forwarding task is in the inbox; honours Idempotency-Key',
    tags: ['sembako'],
    body: { schema: createComplaintBodySchema, account: 'tksk1' },
    responses: { 201: json(complaintDetailSchema, 'the complaint, with its first task'), ...problems(400, 401, 403, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/complaints',
    summary: 'Complaints of your region (simple-rest); the complainant’s name and phone only for the kecamatan’s TKSK and the kabupaten supervisor',
    tags: ['sembako'],
    query: complaintListQuerySchema,
    responses: { 200: listOf(complaintSchema, 'complaints'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/complaints/summary',
    summary:
      'Counts for the complaint board within your region: by status, by category, open complaints by calendar days since received (0–3, 4–10, 11–30, >30; the WIB date), and how many have an overdue step',
    tags: ['sembako'],
    query: complaintSummaryQuerySchema,
    responses: { 200: json(complaintSummarySchema, 'the counts'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/complaints/{id}',
    summary: 'A complaint with its description, resolution, tasks and audited steps (an auditor’s read is audited)',
    tags: ['sembako'],
    params: complaintIdParamsSchema,
    responses: { 200: json(complaintDetailSchema, 'the complaint'), ...problems(401, 403, 404, 422) },
  });
  for (const action of COMPLAINT_ACTIONS) {
    route({
      method: 'post',
      path: `/api/complaints/{id}/actions/${action}`,
      summary:
        action === 'note'
          ? 'A note on a complaint (its TKSK or a supervisor covering it); audited, the text beside the chain'
          : 'The complainant withdraws the complaint: open tasks are cancelled (reason required); 409 once it is closed or withdrawn',
      tags: ['sembako'],
      params: complaintIdParamsSchema,
      body: {
        schema: complaintActionBodySchemas[action],
        account: 'tksk1',
        example:
          action === 'note' ? { text: 'Pengadu dihubungi, menunggu jawaban bank.' } : { reason: 'Pengadu mencabut pengaduan setelah bertemu pengelola.' },
      },
      responses: { 200: json(complaintSnapshotSchema, 'the complaint after the action'), ...problems(401, 403, 404, 409, 422) },
    });
  }

  // ---- spreadsheet exports
  const spreadsheet = {
    description:
      "CSV (UTF-8 with BOM, `;` separator, CRLF, Indonesian headers and words, local times WIB/WITA/WIT by the row's provinsi) or XLSX; X-Export-Capped: true when the filter matched more than 50,000 rows",
    content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
  };
  for (const [what, summary, query] of [
    ['cases', "Cases of your region as a spreadsheet (the list's filter; names and NIK as in the list); audited", caseExportQuerySchema],
    ['tasks', "Tasks of your region as a spreadsheet (the list's filter; no task data); audited", taskExportQuerySchema],
    ['claims', "Stipend claims you may read as a spreadsheet (the list's filter); audited", claimExportQuerySchema],
    [
      'audit',
      "The audit log you may read as a spreadsheet (the list's filter, oldest first; actions in words, the chain's hashes last); audited",
      auditExportQuerySchema,
    ],
    [
      'periods',
      "Sembako distribution periods of your region as a spreadsheet (the list's filter): kecamatan, status, KPM listed and served, realisation %, card problems, failed items, open complaints; audited",
      periodExportQuerySchema,
    ],
    [
      'complaints',
      "Sembako complaints of your region as a spreadsheet (the list's filter; categories, channels and statuses in words, kecamatan by name; the complainant's name and phone only where the list shows them); audited",
      complaintExportQuerySchema,
    ],
  ] as const) {
    route({
      method: 'get',
      path: `/api/exports/${what}.{format}`,
      summary: `${summary}; format csv or xlsx`,
      tags: ['exports'],
      params: exportParamsSchema,
      query,
      responses: { 200: spreadsheet, ...problems(401, 403, 422) },
    });
  }

  // ---- users
  route({
    method: 'get',
    path: '/api/users',
    summary: 'Active users of your region to assign work to (supervisors; simple-rest, filter by role, region code prefix, id or q)',
    tags: ['users'],
    query: assignableUserListQuerySchema,
    responses: { 200: json(z.array(assignableUserSchema), 'users; Content-Range carries the total'), ...problems(401, 403, 422) },
  });

  // ---- directory
  route({
    method: 'get',
    path: '/api/people',
    summary: 'Names of colleagues (every role; simple-rest, filter by id): users of your region and of the regions above it',
    tags: ['directory'],
    query: peopleListQuerySchema,
    responses: { 200: listOf(personSchema, 'people'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/regions',
    summary: 'Kemendagri regions: names for codes (every role; simple-rest, filter by id, parentCode or level)',
    tags: ['directory'],
    query: regionListQuerySchema,
    responses: { 200: listOf(regionSchema, 'regions'), ...problems(401, 403, 422) },
  });

  // ---- administration
  route({
    method: 'get',
    path: '/api/admin/users',
    summary: 'Users (simple-rest)',
    tags: ['admin'],
    query: userListQuerySchema,
    responses: { 200: listOf(adminUserSchema, 'users'), ...problems(401, 403, 422) },
  });
  const waits = json(
    privilegedRequestSchema,
    "a supervisor's, auditor's or admin's account: the request (with its reason), done when a second admin confirms it",
  );
  route({
    method: 'post',
    path: '/api/admin/users',
    summary: "Create a user (a supervisor's, auditor's or admin's account waits for a second admin: reason required)",
    tags: ['admin'],
    body: { schema: createUserBodySchema, account: 'admin' },
    responses: { 201: json(adminUserSchema, 'created (a TKSK)'), 202: waits, ...problems(401, 403, 409, 422) },
  });
  route({
    method: 'patch',
    path: '/api/admin/users/{id}',
    summary: "Change display name, role, region; disable (revokes sessions). A privileged account's change, but for disabling it, waits for a second admin",
    tags: ['admin'],
    params: userIdParamsSchema,
    body: { schema: updateUserBodySchema, account: 'admin' },
    responses: { 200: json(adminUserSchema, 'updated'), 202: waits, ...problems(401, 403, 404, 409, 422) },
  });
  route({
    method: 'post',
    path: '/api/admin/users/{id}/reset-password',
    summary: "Set a new password (revokes sessions); a privileged account's waits for a second admin",
    tags: ['admin'],
    params: userIdParamsSchema,
    body: { schema: resetPasswordBodySchema, account: 'admin' },
    responses: { 204: { description: 'done (a TKSK)' }, 202: waits, ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'post',
    path: '/api/admin/users/import',
    summary:
      'Bulk onboarding (CSV text or rows; body up to 1 MiB): every row checked (role/region rules, a TKSK in a current kecamatan, duplicates of nomor induk, username, e-mail and phone in the file and against the accounts), then all applied or none; matched on nomor_induk (created / updated / unchanged). 200: dry run or nothing to change; 201: applied, with one invitation code per created account (only in this answer); 202: the file creates or changes a supervisor or auditor, one privileged request for a second admin (reason required); 422 with the report when any row is invalid',
    tags: ['admin'],
    body: { schema: userImportBodySchema, account: 'admin' },
    responses: {
      200: json(userImportReportSchema, 'dry run, or nothing to change'),
      201: json(userImportReportSchema, 'imported; the invitations are in this answer only'),
      202: json(privilegedRequestSchema, 'the file has privileged accounts: applied when a second admin confirms the request'),
      422: { description: 'invalid rows: nothing imported', content: { 'application/problem+json': { schema: userImportProblemSchema } } },
      ...problems(400, 401, 403, 409, 413, 415),
    },
  });
  route({
    method: 'post',
    path: '/api/admin/users/{id}/invitation',
    summary:
      'A new invitation code for an account that has not accepted its own (the previous code stops working; audited). Nothing is sent: pass the code or link on',
    tags: ['admin'],
    params: userIdParamsSchema,
    responses: { 201: json(invitationSchema, 'the new code, only in this answer'), ...problems(401, 403, 404, 409, 422) },
  });
  route({
    method: 'get',
    path: '/api/admin/sla-policies',
    summary: 'SLA due periods per task type and region',
    tags: ['admin'],
    responses: { 200: json(z.array(slaPolicySchema), 'every SLA row'), ...problems(401, 403) },
  });
  route({
    method: 'put',
    path: '/api/admin/sla-policies',
    summary: 'Set an SLA due period',
    tags: ['admin'],
    body: { schema: slaPolicyBodySchema, account: 'admin' },
    responses: { 200: json(slaPolicySchema, 'saved'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/admin/case-policies',
    summary: 'Case policies (aftercare delay, reopen window, four-eyes, retention)',
    tags: ['admin'],
    responses: { 200: json(z.array(casePolicySchema), 'every case-setting row'), ...problems(401, 403) },
  });
  route({
    method: 'put',
    path: '/api/admin/case-policies',
    summary: 'Set a case policy',
    tags: ['admin'],
    body: { schema: casePolicyBodySchema, account: 'admin' },
    responses: { 200: json(casePolicySchema, 'saved'), ...problems(401, 403, 422) },
  });

  route({
    method: 'post',
    path: '/api/tksk-assignments',
    summary:
      "Record a TKSK's SK (admin, or the kabupaten supervisor of the kecamatan): starts tkskAssignmentWorkflow assignment-<userId>, or gives a running one (after a renewal) its next period; the account and tali asih follow the period, the yearly evaluation opens on 31 December or the period's end",
    tags: ['tksk-assignments'],
    body: { schema: assignmentBodySchema, account: 'supervisor1' },
    responses: { 201: json(assignmentSnapshotSchema, 'the assignment as the workflow sees it'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
  });
  route({
    method: 'post',
    path: '/api/tksk-assignments/{userId}/actions/end',
    summary:
      'End an assignment (resignation, ASN/PPPK, death, not renewed) on a date: then the account is disabled, open cases go to the successor (bulk reassignment) or wait unassigned, tali asih stops after the last full month',
    tags: ['tksk-assignments'],
    params: assignmentUserParamsSchema,
    body: { schema: endAssignmentBodySchema, account: 'supervisor1' },
    responses: { 200: json(assignmentSnapshotSchema, 'the assignment, ending'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/tksk-assignments',
    summary:
      'The TKSK roster of your region (simple-rest): each TKSK’s latest assignment with its status word (active, ending_soon within 60 days, ended, scheduled)',
    tags: ['tksk-assignments'],
    query: assignmentListQuerySchema,
    responses: { 200: listOf(assignmentRowSchema, 'roster rows'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/tksk-assignments/vacancies',
    summary: 'Current kecamatan of your region with no active TKSK assignment (simple-rest; filter kabupatenCode)',
    tags: ['tksk-assignments'],
    query: vacancyListQuerySchema,
    responses: { 200: listOf(vacancyRowSchema, 'vacant kecamatan'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/tksk-assignments/{userId}',
    summary: "A TKSK's assignments (every period and its evaluation) with the timeline of every decision",
    tags: ['tksk-assignments'],
    params: assignmentUserParamsSchema,
    responses: { 200: json(assignmentDetailSchema, 'the assignments and timeline'), ...problems(401, 403, 404, 422) },
  });

  // ---- Program Sembako: KPM data fixes (docs/sembako.md §1, "Data fixes")
  route({
    method: 'post',
    path: '/api/sembako/kpm/{id}/fixes',
    summary:
      'Propose a data fix to a KPM of the register (meninggal, pindah, tidak_layak, nik_tidak_sesuai, ganda; starts kpmDataFixWorkflow kpm-fix-<id>): a TKSK of the KPM’s kecamatan or the kabupaten supervisor; 201 once the sembako_kpm_fix_review task is in the kabupaten operator’s inbox (the proposer cannot decide it); 409 while another fix of the KPM is open (code kpm-fix-open) or for a nonaktif KPM (kpm-not-active); honours Idempotency-Key',
    tags: ['sembako'],
    params: kpmIdParamsSchema,
    body: { schema: kpmFixBodySchema, account: 'tksk1' },
    responses: { 201: json(kpmFixProposedSchema, 'the fix, with its review task open'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/kpm/fixes',
    summary:
      'Proposed KPM data fixes of your region (simple-rest; filters status, kind, kecamatanCode, kpmId); the corrected NIK masked unless you are the kecamatan’s TKSK or the kabupaten supervisor',
    tags: ['sembako'],
    query: kpmFixListQuerySchema,
    responses: { 200: listOf(kpmFixSchema, 'KPM data fixes'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/kpm/fixes/{id}',
    summary: 'A proposed KPM data fix (an auditor’s read is audited)',
    tags: ['sembako'],
    params: kpmFixIdParamsSchema,
    responses: { 200: json(kpmFixSchema, 'the fix'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/kpm/changes.csv',
    summary:
      'Accepted KPM data fixes of your region for SIKS-NG, as CSV (`;`, BOM, Indonesian headers): the KPM, the kind of change, status, desa and NIK before and after, who proposed and accepted it and when (filters kecamatanCode, kind); numbers masked as in the register; every export is audited',
    tags: ['sembako'],
    query: kpmChangeExportQuerySchema,
    responses: { 200: csv, ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/kpm/changes.xlsx',
    summary: 'The accepted KPM changes as an XLSX workbook, the same columns as changes.csv; every export is audited',
    tags: ['sembako'],
    query: kpmChangeExportQuerySchema,
    responses: { 200: xlsxFile, ...problems(401, 403, 422) },
  });

  // ---- Program Sembako: the kabupaten's distribution calendar
  route({
    method: 'post',
    path: '/api/sembako/calendar',
    summary:
      "Record a period's planned distribution start on the kabupaten's calendar (kabupaten supervisor; kabupatenCode defaults to one's own): the kabupaten's Temporal Schedule kesos-sembako-calendar-<kabupaten> opens sembakoPeriodWorkflow for every kecamatan with a TKSK or a KPM register leadWorkingDays working days before it, as the system; 409 when the period is on the calendar already",
    tags: ['sembako'],
    body: { schema: sembakoCalendarBodySchema, account: 'supervisor1' },
    responses: { 201: json(sembakoCalendarRowSchema, 'the entry, with the day it opens'), ...problems(400, 401, 403, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/calendar',
    summary: "Distribution calendar entries of your region (simple-rest; filters kabupatenCode, period, id): a TKSK reads their kabupaten's",
    tags: ['sembako'],
    query: sembakoCalendarListQuerySchema,
    responses: { 200: listOf(sembakoCalendarRowSchema, 'calendar entries'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/sembako/calendar/{id}',
    summary: 'A distribution calendar entry of your region, with what its opening did once it ran',
    tags: ['sembako'],
    params: sembakoCalendarIdParamsSchema,
    responses: { 200: json(sembakoCalendarRowSchema, 'the entry'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'delete',
    path: '/api/sembako/calendar/{id}',
    summary: 'Delete a calendar entry whose periods are not opened yet (kabupaten supervisor of its kabupaten; 409 once opened)',
    tags: ['sembako'],
    params: sembakoCalendarIdParamsSchema,
    responses: { 200: json(sembakoCalendarRowSchema, 'the entry deleted'), ...problems(401, 403, 404, 409, 422) },
  });

  // ---- PSKS directory and pemetaan sosial (docs/pemetaan.md)
  route({
    method: 'get',
    path: '/api/psks-types',
    summary: 'The PSKS types (Permensos 8/2012: 12 types), versioned reference data: the latest version unless one is asked for',
    tags: ['psks'],
    query: psksTypeListQuerySchema,
    responses: { 200: json(z.array(psksTypeSchema), 'the types in their order'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/psks',
    summary: 'PSKS directory entries of your region (simple-rest; filter type, desa, kecamatan, q, active)',
    tags: ['psks'],
    query: psksListQuerySchema,
    responses: { 200: listOf(psksEntrySchema, 'entries'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/psks/{id}',
    summary: 'A PSKS entry with the referrals (rujukan) of your region that named it and whether each was answered',
    tags: ['psks'],
    params: psksIdParamsSchema,
    responses: { 200: json(psksEntryDetailSchema, 'the entry'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'post',
    path: '/api/psks',
    summary: 'Add a PSKS entry in a desa of your region (the kecamatan’s TKSK or a supervisor); audited',
    tags: ['psks'],
    body: { schema: createPsksBodySchema, account: 'tksk1' },
    responses: { 201: json(psksEntryDetailSchema, 'the entry'), ...problems(401, 403, 422) },
  });
  route({
    method: 'patch',
    path: '/api/psks/{id}',
    summary: 'Change a PSKS entry of your region (null clears a field; `active: false` ends it, entries are never deleted); audited',
    tags: ['psks'],
    params: psksIdParamsSchema,
    body: { schema: updatePsksBodySchema, account: 'tksk1' },
    responses: { 200: json(psksEntryDetailSchema, 'the entry'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'get',
    path: '/api/pemetaan',
    summary:
      'The pemetaan sosial matrix of a region of your scope: rows are its child regions (a desa: itself), cells the 26 PPKS and the PSKS types by source (kasus, psks, lapangan, impor) with a count and an as-of date',
    tags: ['pemetaan'],
    query: pemetaanRegionQuerySchema,
    responses: { 200: json(pemetaanMatrixSchema, 'the matrix'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'post',
    path: '/api/pemetaan/counts',
    summary: 'Record a desa’s field counts (lapangan) as of a date: the kecamatan’s TKSK or the kabupaten supervisor; audited',
    tags: ['pemetaan'],
    body: { schema: pemetaanCountsSchema, account: 'tksk1' },
    responses: { 201: json(pemetaanCountsResultSchema, 'the recorded counts'), ...problems(401, 403, 422) },
  });
  route({
    method: 'post',
    path: '/api/pemetaan/imports',
    summary:
      'Import a DTSEN/Pusdatin extract of counts per desa (CSV, XLSX or rows): every row checked, then all written or none (422 with the row-by-row report); audited',
    tags: ['pemetaan'],
    body: { schema: pemetaanImportBodySchema, account: 'supervisor1' },
    responses: {
      200: json(pemetaanImportReportSchema, 'dry run: the report'),
      201: json(pemetaanImportReportSchema, 'imported'),
      422: {
        description: 'invalid rows (nothing written)',
        content: { 'application/problem+json': { schema: problemSchema.extend({ report: pemetaanImportReportSchema.optional() }) } },
      },
      ...problems(401, 403, 413),
    },
  });
  route({
    method: 'get',
    path: '/api/pemetaan/history',
    summary:
      'Recorded counts (field counts and imports) of your region over time, each with the count it replaced (simple-rest; filter region, desaCode, kind, code, source)',
    tags: ['pemetaan'],
    query: pemetaanHistoryQuerySchema,
    responses: { 200: listOf(pemetaanRecordSchema, 'recorded counts'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/exports/pemetaan.{format}',
    summary: 'The pemetaan matrix of a region as a spreadsheet (one row per region, category and source); format csv or xlsx; audited',
    tags: ['exports'],
    params: exportParamsSchema,
    query: pemetaanRegionQuerySchema,
    responses: { 200: spreadsheet, ...problems(401, 403, 404, 422) },
  });

  // Koordinasi meetings and TKSK monthly reports (docs/koordinasi.md).
  route({
    method: 'post',
    path: '/api/meetings',
    summary:
      'Record a koordinasi meeting (Tikor kecamatan, rakor kabupaten, case conference, monev; starts meetingWorkflow rapat-<id>): a TKSK for their kecamatan, a supervisor naming the region; every action item becomes a task for its owner (a TKSK or a kabupaten supervisor of the kabupaten) on a working-day deadline; 201 once they are in the inbox; honours Idempotency-Key',
    tags: ['koordinasi'],
    body: { schema: createMeetingBodySchema, account: 'tksk1' },
    responses: { 201: json(meetingDetailSchema, 'the meeting, with its action items and their tasks'), ...problems(400, 401, 403, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/meetings',
    summary:
      'Meetings of your region, or that you recorded, attended or own an action item of (simple-rest; filters level, status, kecamatanCode, kabupatenCode, recordedBy, heldAfter, heldBefore, linkedTo)',
    tags: ['koordinasi'],
    query: meetingListQuerySchema,
    responses: { 200: listOf(meetingSchema, 'meetings'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/meetings/{id}',
    summary:
      'A meeting with its agenda, decisions, attendees, links, action items (and their tasks’ status), attachments and audited steps (an auditor’s read is audited)',
    tags: ['koordinasi'],
    params: meetingIdParamsSchema,
    responses: { 200: json(meetingDetailSchema, 'the meeting'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'post',
    path: '/api/meetings/{id}/attachments',
    summary:
      'Attach a daftar hadir, notulen or photo (base64; PDF, JPEG or PNG up to 2 MiB, its type sniffed from the bytes, 415 otherwise; at most 20 per meeting): who took part, or a supervisor covering the meeting; audited',
    tags: ['koordinasi'],
    params: meetingIdParamsSchema,
    body: { schema: attachmentBodySchema, account: 'tksk1' },
    responses: { 201: json(attachmentSchema, 'the attachment'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/meetings/{id}/attachments/{attachmentId}',
    summary: 'An attachment’s file (as stored, with its sniffed type); every download is audited',
    tags: ['koordinasi'],
    params: attachmentParamsSchema,
    responses: {
      200: {
        description: 'the file',
        content: { 'application/pdf': { schema: z.string() }, 'image/jpeg': { schema: z.string() }, 'image/png': { schema: z.string() } },
      },
      ...problems(401, 403, 404, 422),
    },
  });
  route({
    method: 'post',
    path: '/api/monthly-reports',
    summary:
      'Open a TKSK’s monthly report (starts monthlyReportWorkflow laporan-<userId>-<YYYY-MM>; the Schedule kesos-laporan-bulanan-monthly opens the month just ended for every active TKSK): a TKSK their own for the current or previous month, a supervisor for a TKSK of their region; 201 once the month is compiled and the narrative task is open; 409 if it exists',
    tags: ['koordinasi'],
    body: { schema: createMonthlyReportBodySchema, account: 'tksk1' },
    responses: { 201: json(monthlyReportDetailSchema, 'the report'), ...problems(400, 401, 403, 409, 415, 422) },
  });
  route({
    method: 'get',
    path: '/api/monthly-reports',
    summary: 'Monthly reports: a TKSK’s own, everyone else’s of their region (simple-rest; filters status, period, tkskId, kecamatanCode, kabupatenCode)',
    tags: ['koordinasi'],
    query: monthlyReportListQuerySchema,
    responses: { 200: listOf(monthlyReportSchema, 'monthly reports'), ...problems(401, 403, 422) },
  });
  route({
    method: 'get',
    path: '/api/monthly-reports/{id}',
    summary:
      'A monthly report: the compiled figures and the lines behind them, the narrative and kendala, its tasks and audited steps (an auditor’s read is audited)',
    tags: ['koordinasi'],
    params: monthlyReportIdParamsSchema,
    responses: { 200: json(monthlyReportDetailSchema, 'the report'), ...problems(401, 403, 404, 422) },
  });
  route({
    method: 'get',
    path: '/api/monthly-reports/{id}/report.pdf',
    summary: 'The approved report as a PDF in Indonesian with the Dinas Sosial’s header (409 before approval); every file drawn is audited',
    tags: ['koordinasi'],
    params: monthlyReportIdParamsSchema,
    responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...problems(401, 403, 404, 409, 422) },
  });
  route({
    method: 'get',
    path: '/api/monthly-reports/{id}/report.xlsx',
    summary: 'The approved report as an XLSX workbook in Indonesian (409 before approval); every file drawn is audited',
    tags: ['koordinasi'],
    params: monthlyReportIdParamsSchema,
    responses: { 200: xlsxFile, ...problems(401, 403, 404, 409, 422) },
  });

  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'kesos-flow API',
      version: '0.1.0',
      description:
        'Social-welfare casework (TKSK, PMKS) on Temporal. Lists follow react-admin simple-rest (sort, range, filter; Content-Range). ' +
        'Errors are RFC 9457 application/problem+json with field paths. Request bodies are limited to 256 KiB (413 above; a KPM import 4 MiB). ' +
        'Sign in with POST /api/auth/login (demo accounts, password "demo") and send `Authorization: Bearer <token>`; ' +
        'the refresh token is an httpOnly cookie for POST /api/auth/refresh and /api/auth/logout, which also need the X-Requested-With header.',
    },
    servers: [{ url: '/' }],
  });
  return { document, bodies, responses };
}

export function buildOpenApiDocument() {
  return buildOpenApi().document;
}
