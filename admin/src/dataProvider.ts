// ra-data-simple-rest against /api with a bearer token, problem+json errors turned into
// react-admin HttpErrors (message = problem detail; body.errors = server-side validation errors
// keyed by form path), plus one custom method to complete a task.
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type Identifier } from 'react-admin';
import { getFreshToken } from './session';

interface ProblemIssue {
  path: (string | number)[];
  pointer?: string;
  message: string;
  code?: string;
}

interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: ProblemIssue[];
}

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && typeof (value as Problem).detail === 'string';

/** `['body','beneficiary','nik']` → `beneficiary.nik` (the form's field path). */
const formPath = (path: (string | number)[]): string => (path[0] === 'body' ? path.slice(1) : path).join('.');

/**
 * react-admin server-side validation format: `{errors: {'beneficiary.nik': 'message', root:
 * {serverError: detail}}}`; fields show their message inline, the form notification shows the detail.
 */
export function toHttpError(error: HttpError): HttpError {
  const problem = error.body;
  if (!isProblem(problem)) return error;
  const body: Record<string, unknown> = { ...problem, problemErrors: problem.errors };
  if (problem.errors?.length) {
    const errors: Record<string, unknown> = {};
    for (const issue of problem.errors) {
      const key = formPath(issue.path ?? []);
      if (key && !(key in errors)) errors[key] = issue.message;
    }
    errors.root = { serverError: problem.detail };
    body.errors = errors;
  } else {
    delete body.errors;
  }
  return new HttpError(problem.detail, error.status, body);
}

export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = await getFreshToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetchUtils.fetchJson(url, { ...options, headers }).catch((error: unknown) => {
    throw error instanceof HttpError ? toHttpError(error) : error;
  });
};

export interface TaskCompletion {
  outcome?: string;
  data: Record<string, unknown>;
}

export interface InterventionResult {
  interventionId: string;
  action: string;
  status: 'done' | 'pending_confirmation' | 'declined';
}

export interface TimelineEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  text: string;
}

export interface ChainVerification {
  ok: boolean;
  rows: number;
  firstBroken?: { seq: string; reason: string };
  verifiedAt: string;
}

export interface ReportSummary {
  generatedAt: string;
  cases: number;
  paused: number;
  byPmks: { key: string; count: number }[];
  byStatus: { key: string; count: number }[];
  byKecamatan: { key: string; count: number }[];
  openTasks: number;
  overdueTasks: number;
  slaBreaches: number;
}

const baseDataProvider = simpleRestProvider('/api', httpClient);

/** Resources whose API path differs from their name. */
const API_PATH: Record<string, string> = { users: 'admin/users' };
const apiResource = (resource: string) => API_PATH[resource] ?? resource;

const enc = (id: Identifier) => encodeURIComponent(String(id));
const post = (url: string, body: unknown) => httpClient(url, { method: 'POST', body: JSON.stringify(body) });

/** Fields an admin may change on a user (PATCH /api/admin/users/:id takes only these). */
const USER_FIELDS = ['displayName', 'role', 'regionCode', 'disabled'] as const;

export const dataProvider = {
  ...baseDataProvider,
  getList: (resource: string, params: Parameters<typeof baseDataProvider.getList>[1]) => baseDataProvider.getList(apiResource(resource), params),
  getMany: (resource: string, params: Parameters<typeof baseDataProvider.getMany>[1]) => baseDataProvider.getMany(apiResource(resource), params),
  getManyReference: (resource: string, params: Parameters<typeof baseDataProvider.getManyReference>[1]) =>
    baseDataProvider.getManyReference(apiResource(resource), params),
  create: (resource: string, params: Parameters<typeof baseDataProvider.create>[1]) => baseDataProvider.create(apiResource(resource), params),
  /** There is no GET /api/admin/users/:id: a user is read through the list's id filter. */
  getOne: async (resource: string, params: Parameters<typeof baseDataProvider.getOne>[1]) => {
    if (resource !== 'users') return baseDataProvider.getOne(resource, params);
    const { data } = await baseDataProvider.getMany(apiResource(resource), { ids: [params.id] });
    if (!data[0]) throw new HttpError('not found', 404);
    return { data: data[0] };
  },
  /** Users are PATCHed with the changed fields only; nothing else is updatable. */
  update: async (resource: string, params: Parameters<typeof baseDataProvider.update>[1]) => {
    if (resource !== 'users') return baseDataProvider.update(resource, params);
    const changes: Record<string, unknown> = {};
    for (const field of USER_FIELDS) {
      if (field in params.data && params.data[field] !== params.previousData?.[field]) changes[field] = params.data[field];
    }
    const { json } = await httpClient(`/api/admin/users/${enc(params.id)}`, { method: 'PATCH', body: JSON.stringify(changes) });
    return { data: json };
  },

  /** POST /api/tasks/:id/complete */
  completeTask: (id: Identifier, body: TaskCompletion) =>
    post(`/api/tasks/${enc(id)}/complete`, body).then(({ json }) => ({ data: json as Record<string, unknown> })),

  /** POST /api/cases/:id/actions/:action — 202 = waiting for a second supervisor. */
  caseAction: (id: Identifier, action: string, body: Record<string, unknown>) =>
    post(`/api/cases/${enc(id)}/actions/${encodeURIComponent(action)}`, body).then(({ status, json }) => ({
      status,
      data: json as InterventionResult,
    })),

  /** POST /api/cases/:id/actions/confirm */
  confirmIntervention: (id: Identifier, interventionId: string, approve: boolean) =>
    post(`/api/cases/${enc(id)}/actions/confirm`, { interventionId, approve }).then(({ json }) => ({ data: json as InterventionResult })),

  /** GET /api/cases/:id/timeline?lang= */
  caseTimeline: (id: Identifier, lang: string) =>
    httpClient(`/api/cases/${enc(id)}/timeline?lang=${lang === 'en' ? 'en' : 'id'}`).then(({ json }) => ({ data: json as TimelineEntry[] })),

  /** GET /api/cases/:id/history (the raw Temporal history, supervisors and auditors). */
  caseHistory: (id: Identifier) =>
    httpClient(`/api/cases/${enc(id)}/history`).then(({ json }) => ({
      data: json as { workflowId: string; history: { events?: Record<string, unknown>[] } },
    })),

  /** GET /api/audit/verify */
  verifyAudit: () => httpClient('/api/audit/verify').then(({ json }) => ({ data: json as ChainVerification })),

  /** GET /api/reports/summary */
  reportSummary: () => httpClient('/api/reports/summary').then(({ json }) => ({ data: json as ReportSummary })),

  /** GET /api/audit/export.csv with the list's filter, as a Blob (the bearer token is a header, not a link). */
  exportAuditCsv: async (filter: Record<string, unknown>) => {
    const headers = new Headers({ Accept: 'text/csv' });
    const token = await getFreshToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const query = Object.keys(filter).length ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
    const response = await fetch(`/api/audit/export.csv${query}`, { headers });
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as Problem | null;
      throw new HttpError(problem?.detail ?? response.statusText, response.status, problem);
    }
    return { data: await response.blob() };
  },
};
export type KesosDataProvider = typeof dataProvider;
