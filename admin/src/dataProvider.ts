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

const baseDataProvider = simpleRestProvider('/api', httpClient);

export const dataProvider = {
  ...baseDataProvider,
  /** POST /api/tasks/:id/complete */
  completeTask: (id: Identifier, body: TaskCompletion) =>
    httpClient(`/api/tasks/${encodeURIComponent(String(id))}/complete`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then(({ json }) => ({ data: json as Record<string, unknown> })),
};

export type KesosDataProvider = typeof dataProvider;
