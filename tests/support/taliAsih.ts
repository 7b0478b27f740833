// Helpers for tali asih tests: tasks of a claim workflow over HTTP.
import { call, login } from './stack';
import { completeFound } from './casework';
export { complete, waitUntil } from './casework';

export async function openTaskOf(workflowId: string, type: string, user: string, token?: string) {
  const q = encodeURIComponent(JSON.stringify({ status: 'open', type }));
  const r = await call('GET', `/api/tasks?filter=${q}&range=${encodeURIComponent('[0,499]')}`, { token: token ?? (await login(user)) });
  const t = (r.body as { workflowId: string }[]).find((x) => x.workflowId === workflowId) as any;
  if (!t) throw new Error(`no open ${type} task of ${workflowId} visible to ${user}`);
  return t;
}

export const completeOk = (workflowId: string, type: string, user: string, body: { outcome?: string; data: Record<string, unknown> }) =>
  completeFound(openTaskOf(workflowId, type, user), type, user, body);
