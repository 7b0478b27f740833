// ra-data-simple-rest against /api with a bearer token, problem+json errors turned into
// react-admin HttpErrors (message = problem detail; body.errors = server-side validation errors
// keyed by form path), plus custom methods for what is not a simple-rest resource (task
// completion, interventions, reports, CSV exports, tali asih reconciliation).
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type Identifier } from 'react-admin';
import { i18nProvider } from './i18n';
import { isNetworkFailure, networkMessage, problemMessage } from './i18n/problems';
import { localizedIssue } from './i18n/serverValidation';
import { getFreshToken } from './session';
import type { PemetaanHistoryRecord, PemetaanMatrix, PsksTypeRecord } from './types';
import type {
  BulkOperation,
  ChainVerification,
  InterventionResult,
  KpmImportReport,
  PrivilegedRequest,
  ReconciliationRow,
  ReportSummary,
  SembakoReport,
  TaskCompletion,
  TimelineEntry,
  UserRecord,
  TaskRecord,
  TaskCommentRecord,
  TaskHistoryEntry,
} from './types';

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
  /** Machine code (domain/problems.ts): what the portal words the problem by. */
  code?: string;
  retryAfter?: number;
  errors?: ProblemIssue[];
}

const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && typeof (value as Problem).detail === 'string';

/** `['body','beneficiary','nik']` → `beneficiary.nik` (the form's field path). */
const formPath = (path: (string | number)[]): string => (path[0] === 'body' ? path.slice(1) : path).join('.');

/**
 * react-admin server-side validation format: `{errors: {'beneficiary.nik': 'message', root:
 * {serverError: detail}}}`; fields show their message inline (in Bahasa Indonesia when that is the
 * UI language), the form notification shows the detail.
 */
export function toHttpError(error: HttpError): HttpError {
  const problem = error.body;
  if (!isProblem(problem)) return error;
  const message = problemMessage({ ...problem, status: problem.status ?? error.status }, i18nProvider.getLocale(), i18nProvider.translate);
  const body: Record<string, unknown> = { ...problem, problemErrors: problem.errors };
  if (problem.errors?.length) {
    const errors: Record<string, unknown> = {};
    for (const issue of problem.errors) {
      const key = formPath(issue.path ?? []);
      if (key && !(key in errors)) errors[key] = localizedIssue(issue, i18nProvider.getLocale(), i18nProvider.translate);
    }
    errors.root = { serverError: message };
    body.errors = errors;
  } else {
    delete body.errors;
  }
  return new HttpError(message, error.status, body);
}

/** No answer at all (offline, connection dropped): say so in the UI's language, with what to do. */
export function toFailure(error: unknown): unknown {
  if (error instanceof HttpError) return toHttpError(error);
  if (isNetworkFailure(error)) return new HttpError(networkMessage(i18nProvider.translate), 0, { code: 'network' });
  return error;
}

export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = await getFreshToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetchUtils.fetchJson(url, { ...options, headers }).catch((error: unknown) => {
    throw toFailure(error);
  });
};

const baseDataProvider = simpleRestProvider('/api', httpClient);

/** Resources whose API path differs from their name. */
const API_PATH: Record<string, string> = {
  users: 'admin/users',
  /** GET /api/users: the people a supervisor may assign work to. */
  'assignable-users': 'users',
  claims: 'tali-asih/claims',
  budgets: 'tali-asih/budgets',
  'privileged-requests': 'admin/privileged-requests',
  'sembako-kpm': 'sembako/kpm',
  'sembako-periods': 'sembako/periods',
  'sembako-kpm-fixes': 'sembako/kpm/fixes',
  'sembako-calendar': 'sembako/calendar',
  'tksk-vacancies': 'tksk-assignments/vacancies',
  /** Koordinasi: meetings and TKSK monthly reports (their own names). */
  meetings: 'meetings',
  'monthly-reports': 'monthly-reports',
};
const apiResource = (resource: string) => API_PATH[resource] ?? resource;

/** A budget's id is `<provinsi>:<period>:<fundingSource>`; the API takes period and source. */
const budgetKey = (id: Identifier) => {
  const [, period, fundingSource] = String(id).split(':');
  return { period, fundingSource };
};

/** simple-rest list query string (what ra-data-simple-rest sends). */
const listQuery = ({ pagination, sort, filter }: Parameters<typeof baseDataProvider.getList>[1]) => {
  const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
  const query = new URLSearchParams({
    range: JSON.stringify([(page - 1) * perPage, page * perPage - 1]),
    filter: JSON.stringify(filter ?? {}),
  });
  if (sort) query.set('sort', JSON.stringify([sort.field, sort.order]));
  return query.toString();
};

/** What a list exports, and where: GET /api/exports/<what>.<format>, the KPM register its own route. */
export type ExportWhat = 'cases' | 'tasks' | 'claims' | 'audit' | 'sembako-kpm' | 'sembako-kpm-changes';
const EXPORT_PATH: Record<ExportWhat, string> = {
  cases: '/api/exports/cases',
  tasks: '/api/exports/tasks',
  claims: '/api/exports/claims',
  audit: '/api/exports/audit',
  'sembako-kpm': '/api/sembako/kpm/export',
  'sembako-kpm-changes': '/api/sembako/kpm/changes',
};

/** GET /api/exports/<what>.<format> with a list's filter: the spreadsheet file as a Blob. */
async function fetchExport(what: ExportWhat, format: 'csv' | 'xlsx', filter: Record<string, unknown>) {
  const headers = new Headers({ Accept: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const token = await getFreshToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const query = Object.keys(filter).length ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
  const response = await fetch(`${EXPORT_PATH[what]}.${format}${query}`, { headers });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new HttpError(problem?.detail ?? response.statusText, response.status, problem);
  }
  return { data: await response.blob() };
}

/** A file the API serves to a signed-in caller (a meeting's attachment, a monthly report's PDF/XLSX), as a Blob. */
export async function authorizedBlob(url: string): Promise<Blob> {
  const headers = new Headers();
  const token = await getFreshToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(url, { headers });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new HttpError(problem?.detail ?? response.statusText, response.status, problem);
  }
  return response.blob();
}

const enc = (id: Identifier) => encodeURIComponent(String(id));
const post = (url: string, body: unknown) => httpClient(url, { method: 'POST', body: JSON.stringify(body) });

/** PUT /api/tali-asih/budgets: whole rupiah allocated to the caller's provinsi for a period and source. */
const putBudget = (data: { period?: string; fundingSource?: string; allocated?: number }) =>
  httpClient('/api/tali-asih/budgets', {
    method: 'PUT',
    body: JSON.stringify({ period: data.period, fundingSource: data.fundingSource, allocated: data.allocated }),
  }).then(({ json }) => ({ data: json }));

/** Fields an admin may change on a user (PATCH /api/admin/users/:id takes only these, and a reason). */
const USER_FIELDS = ['displayName', 'role', 'regionCode', 'disabled', 'reason'] as const;

/** Fields PATCH /api/psks/:id takes (the type is fixed at creation: a new type is a new entry). */
const PSKS_FIELDS = [
  'name',
  'desaCode',
  'serviceArea',
  'address',
  'contactName',
  'contactPhone',
  'capacity',
  'services',
  'registrationNumber',
  'accreditation',
  'active',
] as const;

/**
 * A user record the API answered 202 for: a supervisor's, auditor's or admin's account waits for
 * a second admin. `pendingRequest` is that request (the record itself is unchanged until then).
 */
export type UserWrite = UserRecord & { pendingRequest?: PrivilegedRequest };

/** POST /api/admin/users: 201 with the user, or 202 with the request (its id stands for the record until confirmed). */
async function createUser(data: Record<string, unknown>): Promise<{ data: UserWrite }> {
  const body = Object.fromEntries(Object.entries(data).filter(([k, v]) => !(k === 'reason' && !v)));
  const { status, json } = await httpClient('/api/admin/users', { method: 'POST', body: JSON.stringify(body) });
  if (status === 202) return { data: { ...(data as unknown as UserRecord), id: (json as PrivilegedRequest).id, pendingRequest: json as PrivilegedRequest } };
  return { data: json as UserRecord };
}

/** POST /api/sembako/periods answers the workflow's snapshot; its periodId is the period's id. */
const openSembakoPeriod = (data: unknown) =>
  post('/api/sembako/periods', data).then(({ json }) => ({ data: { ...(json as { periodId: string }), id: (json as { periodId: string }).periodId } }));

/** POST /api/tksk-assignments answers the workflow's snapshot; the roster's id is the TKSK's user id. */
const recordTkskAssignment = (data: unknown) =>
  post('/api/tksk-assignments', data).then(({ json }) => ({ data: { ...(json as { userId: string }), id: (json as { userId: string }).userId } }));

export const dataProvider = {
  ...baseDataProvider,
  /** Claims also carry the filtered list's total rupiah (X-Total-Amount), in `meta.totalAmount`. */
  getList: async (resource: string, params: Parameters<typeof baseDataProvider.getList>[1]) => {
    if (resource !== 'claims') return baseDataProvider.getList(apiResource(resource), params);
    const { headers, json } = await httpClient(`/api/tali-asih/claims?${listQuery(params)}`);
    return {
      data: json,
      total: Number(headers.get('Content-Range')?.split('/').pop() ?? 0),
      meta: { totalAmount: headers.get('X-Total-Amount') ?? '0' },
    };
  },
  getMany: (resource: string, params: Parameters<typeof baseDataProvider.getMany>[1]) => baseDataProvider.getMany(apiResource(resource), params),
  getManyReference: (resource: string, params: Parameters<typeof baseDataProvider.getManyReference>[1]) =>
    baseDataProvider.getManyReference(apiResource(resource), params),
  /**
   * There is no GET /api/admin/users/:id (a user is read through the list's id filter) nor
   * GET /api/tali-asih/budgets/:id (a budget through the period and source filters) nor
   * GET /api/sembako/periods/:id (a period through the list's id filter) nor GET /api/sembako/kpm/:id.
   */
  getOne: async (resource: string, params: Parameters<typeof baseDataProvider.getOne>[1]) => {
    const byIds = resource === 'users' || resource === 'sembako-periods' || resource === 'sembako-kpm';
    if (!byIds && resource !== 'budgets') return baseDataProvider.getOne(apiResource(resource), params);
    const { data } = byIds
      ? await baseDataProvider.getMany(apiResource(resource), { ids: [params.id] })
      : await baseDataProvider.getList(apiResource(resource), { filter: budgetKey(params.id), sort: { field: 'period', order: 'DESC' } });
    const record = data.find((r) => r.id === params.id);
    if (!record) throw new HttpError('ra.notification.item_doesnt_exist', 404);
    return { data: record };
  },
  /** A budget is created or changed by the same PUT (an upsert keyed by period and source). */
  create: (resource: string, params: Parameters<typeof baseDataProvider.create>[1]) =>
    resource === 'budgets'
      ? putBudget(params.data)
      : resource === 'users'
        ? createUser(params.data)
        : resource === 'sembako-periods'
          ? openSembakoPeriod(params.data)
          : resource === 'tksk-assignments'
            ? recordTkskAssignment(params.data)
            : baseDataProvider.create(apiResource(resource), params),
  /** Users are PATCHed with the changed fields only; nothing else is updatable. */
  update: async (resource: string, params: Parameters<typeof baseDataProvider.update>[1]) => {
    if (resource === 'budgets') return putBudget({ ...budgetKey(params.id), allocated: params.data.allocated });
    // The API PATCHes a PSKS entry with the changed fields only and answers the updated record.
    if (resource === 'psks') {
      const changes: Record<string, unknown> = {};
      for (const field of PSKS_FIELDS) {
        if (field in params.data && (params.data[field] ?? null) !== (params.previousData?.[field] ?? null)) changes[field] = params.data[field] ?? null;
      }
      if (!Object.keys(changes).length) return { data: params.previousData };
      const { json } = await httpClient(`/api/psks/${enc(params.id)}`, { method: 'PATCH', body: JSON.stringify(changes) });
      return { data: json };
    }
    if (resource !== 'users') return baseDataProvider.update(resource, params);
    const changes: Record<string, unknown> = {};
    for (const field of USER_FIELDS) {
      if (field in params.data && params.data[field] !== params.previousData?.[field]) changes[field] = params.data[field];
    }
    const { status, json } = await httpClient(`/api/admin/users/${enc(params.id)}`, { method: 'PATCH', body: JSON.stringify(changes) });
    // 202: waiting for a second admin; the account stays as it was.
    if (status === 202) return { data: { ...params.previousData, pendingRequest: json } };
    return { data: json };
  },

  /** POST /api/admin/privileged-requests/:id/confirm — another admin's request, confirmed or declined. */
  confirmPrivileged: (id: Identifier, approve: boolean) =>
    post(`/api/admin/privileged-requests/${enc(id)}/confirm`, { approve }).then(({ json }) => ({ data: json as PrivilegedRequest })),

  /** POST /api/admin/privileged-requests/:id/export — the requester's one download of a confirmed data-subject export. */
  downloadDataSubjectExport: (id: Identifier) =>
    post(`/api/admin/privileged-requests/${enc(id)}/export`, {}).then(({ json }) => ({
      data: new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }),
    })),

  /** POST /api/tasks/:id/complete */
  completeTask: (id: Identifier, body: TaskCompletion) =>
    post(`/api/tasks/${enc(id)}/complete`, body).then(({ json }) => ({ data: json as Record<string, unknown> })),

  /** POST /api/tasks/:id/claim | unclaim | take-over (decision 0025). */
  claimTask: (id: Identifier, action: 'claim' | 'unclaim' | 'take-over', body: Record<string, unknown> = {}) =>
    post(`/api/tasks/${enc(id)}/${action}`, body).then(({ json }) => ({ data: json as Record<string, unknown> })),

  /** PATCH /api/tasks/:id — priority and follow-up date. */
  planTask: (id: Identifier, body: { priority?: string; followUpAt?: string | null }) =>
    httpClient(`/api/tasks/${enc(id)}`, { method: 'PATCH', body: JSON.stringify(body) }).then(({ json }) => ({ data: json as TaskRecord })),

  /** GET /api/tasks/:id/comments */
  taskComments: (id: Identifier) => httpClient(`/api/tasks/${enc(id)}/comments`).then(({ json }) => ({ data: json as TaskCommentRecord[] })),

  /** POST /api/tasks/:id/comments */
  addTaskComment: (id: Identifier, body: { text: string; mentions?: string[] }) =>
    post(`/api/tasks/${enc(id)}/comments`, body).then(({ json }) => ({ data: json as TaskCommentRecord })),

  /** GET /api/tasks/:id/history */
  taskHistory: (id: Identifier) => httpClient(`/api/tasks/${enc(id)}/history`).then(({ json }) => ({ data: json as TaskHistoryEntry[] })),

  /** POST /api/cases/:id/actions/:action — 202 = waiting for a second supervisor. */
  caseAction: (id: Identifier, action: string, body: Record<string, unknown>) =>
    post(`/api/cases/${enc(id)}/actions/${encodeURIComponent(action)}`, body).then(({ status, json }) => ({
      status,
      data: json as InterventionResult,
    })),

  /** POST /api/cases/bulk-reassign — every open case of one TKSK to another (202, a workflow). */
  bulkReassign: (body: { fromUserId: string; toUserId: string; reason: string }) =>
    post('/api/cases/bulk-reassign', body).then(({ json }) => ({ data: json as BulkOperation })),

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
  /** POST /api/auth/password — the signed-in user's own password. */
  changePassword: (currentPassword: string, newPassword: string) => post('/api/auth/password', { currentPassword, newPassword }).then(() => ({ data: null })),

  verifyAudit: () => httpClient('/api/audit/verify').then(({ json }) => ({ data: json as ChainVerification })),

  /** GET /api/reports/summary */
  reportSummary: () => httpClient('/api/reports/summary').then(({ json }) => ({ data: json as ReportSummary })),

  /** GET /api/reports/sembako */
  sembakoReport: () => httpClient('/api/reports/sembako').then(({ json }) => ({ data: json as SembakoReport })),

  /** GET /api/exports/{cases,tasks,claims,audit}.{csv,xlsx} with the list's filter (spreadsheets for people). */
  exportSpreadsheet: fetchExport,
  /** POST /api/sembako/kpm/:id/fixes: a proposed data fix, with its review task for the kabupaten. */
  proposeKpmFix: (kpmId: Identifier, body: Record<string, unknown>) =>
    post(`/api/sembako/kpm/${enc(kpmId)}/fixes`, body).then(({ json }) => ({ data: json as { id: string; status: string } })),

  // ---- PSKS directory and pemetaan sosial (docs/pemetaan.md)
  /** GET /api/psks-types: the latest version of the PSKS type list (its names come from the server, the list is configurable). */
  psksTypes: () => httpClient('/api/psks-types').then(({ json }) => ({ data: json as PsksTypeRecord[] })),
  /** GET /api/pemetaan?region=: the matrix of a region's child regions. */
  pemetaan: (region: string) => httpClient(`/api/pemetaan?region=${encodeURIComponent(region)}`).then(({ json }) => ({ data: json as PemetaanMatrix })),
  /** POST /api/pemetaan/counts: a desa's field counts. */
  recordPemetaanCounts: (body: unknown) => post('/api/pemetaan/counts', body).then(({ json }) => ({ data: json })),
  /** GET /api/pemetaan/history: a cell's recorded counts, newest first. */
  pemetaanHistory: (filter: { desaCode: string; kind: string; code: string; source?: string }) =>
    httpClient(
      `/api/pemetaan/history?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["asOf","DESC"]')}&range=${encodeURIComponent('[0,99]')}`,
    ).then(({ json }) => ({ data: json as PemetaanHistoryRecord[] })),
  /** GET /api/exports/pemetaan.<format>?region=: the matrix as a spreadsheet. */
  exportPemetaan: async (region: string, format: 'csv' | 'xlsx') => {
    const headers = new Headers();
    const token = await getFreshToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const response = await fetch(`/api/exports/pemetaan.${format}?region=${encodeURIComponent(region)}`, { headers });
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as Problem | null;
      throw new HttpError(problem?.detail ?? response.statusText, response.status, problem);
    }
    return { data: await response.blob() };
  },
  /** POST /api/sembako/kpm/imports: the report, also when rows are invalid (422: nothing written). */
  importKpm: (body: { kecamatanCode: string; csv?: string; xlsx?: string; dryRun: boolean }) =>
    post('/api/sembako/kpm/imports', body).then(
      ({ json }) => ({ data: json as KpmImportReport }),
      (error: unknown) => {
        const report = error instanceof HttpError ? (error.body as { report?: KpmImportReport } | undefined)?.report : undefined;
        if (report) return { data: report };
        throw error;
      },
    ),

  /** POST /api/tali-asih/claims/:id/reissue — the province reissues a cancelled payment. */
  reissuePayment: (id: Identifier, note: string) =>
    post(`/api/tali-asih/claims/${enc(id)}/reissue`, { note }).then(({ json }) => ({ data: json as Record<string, unknown> })),

  /** POST /api/tksk-assignments/:userId/actions/end — the end of a TKSK's assignment (reason, date, successor). */
  endTkskAssignment: (userId: Identifier, body: { reason: string; endDate: string; successorId?: string | null }) =>
    post(`/api/tksk-assignments/${enc(userId)}/actions/end`, body).then(({ json }) => ({ data: json as Record<string, unknown> })),

  /** GET /api/tali-asih/reconciliation?period= */
  reconciliation: (period: string) =>
    httpClient(`/api/tali-asih/reconciliation?period=${encodeURIComponent(period)}`).then(({ json }) => ({ data: json as ReconciliationRow[] })),
};
export type KesosDataProvider = typeof dataProvider;
