// GET /api/task-types, cached: who completes each type, its outcomes, JSON Schema and examples.
import { useGetList } from 'react-admin';
import { checkTaskCompletion, type TaskRefusal } from '../../../domain/access';
import type { TaskRecord, TaskTypeInfo } from '../types';
import { getUser } from '../session';

export const useTaskTypes = (enabled = true) => {
  const { data, isPending, error } = useGetList<TaskTypeInfo>(
    'task-types',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } },
    { enabled, staleTime: 10 * 60 * 1000 },
  );
  const byType = new Map<string, TaskTypeInfo>((data ?? []).map((t) => [t.type, t]));
  return { byType, isPending, error };
};

/** approve / return / reject types: completed with buttons instead of a form. */
export const isApprovalType = (info: TaskTypeInfo | undefined) => !!info && info.outcomes.includes('approve');

/** 'role': not the user's task at all (another role, or outside their region); 'closed': no longer open. */
export type CompletionVerdict = { ok: true } | { ok: false; reason: Exclude<TaskRefusal, 'region'> | 'closed' };

/**
 * May the signed-in user complete this task? domain's completion rule (the API and the workflow
 * enforce the same one) and the task being open; for display only, the API still decides.
 */
export function completionVerdict(task: TaskRecord | undefined): CompletionVerdict {
  const user = getUser();
  if (!task || !user) return { ok: false, reason: 'role' };
  const check = checkTaskCompletion(user, task);
  const refusal = check.ok ? undefined : check.refusal === 'region' ? 'role' : check.refusal;
  if (refusal === 'role') return { ok: false, reason: 'role' };
  if (task.status !== 'open') return { ok: false, reason: 'closed' };
  return refusal ? { ok: false, reason: refusal } : { ok: true };
}

/** JSON Schema subset the portal renders (what z.toJSONSchema produces for the task types). */
export interface JsonSchema {
  type?: string;
  enum?: string[];
  const?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  description?: string;
}

/** The `data` schema for an outcome ('' for types without outcomes). */
export function dataSchemaFor(info: TaskTypeInfo, outcome: string): JsonSchema | undefined {
  const root = info.schema as JsonSchema;
  const variants = root.oneOf ?? root.anyOf;
  const variant = variants ? variants.find((v) => v.properties?.outcome?.const === outcome) : root;
  return variant?.properties?.data;
}

export const isDateSchema = (s: JsonSchema) => s.type === 'string' && s.pattern === '^\\d{4}-\\d{2}-\\d{2}$';

/**
 * Where a form starts: empty. The type's examples are documentation (GET /api/task-types,
 * OpenAPI), never answers, so nothing is filled in that the person did not type. A list that
 * needs at least one item starts with one empty input, so there is somewhere to type.
 */
export function emptyValuesFor(schema: JsonSchema | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(schema?.properties ?? {})) {
    if (prop.type === 'array' && (prop.minItems ?? 0) > 0) out[key] = [''];
    else if (prop.type === 'object') out[key] = emptyValuesFor(prop);
  }
  return out;
}

/** What the person sent before, when the step came back to them (a returned assessment); else nothing. */
export function previousAnswers(task: TaskRecord, schema: JsonSchema | undefined): Record<string, unknown> | undefined {
  const previous = task.context?.previous;
  if (!previous || typeof previous !== 'object' || Array.isArray(previous)) return undefined;
  // Only the fields this form has: the case's own earlier answers, nothing else.
  const fields = Object.keys(schema?.properties ?? {});
  return Object.fromEntries(Object.entries(previous as Record<string, unknown>).filter(([k]) => fields.includes(k)));
}
