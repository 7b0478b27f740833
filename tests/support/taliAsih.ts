// Helpers for tali asih tests: tasks of a claim workflow over HTTP.
import { call, login } from './stack';
export { waitUntil } from './casework';

export async function openTaskOf(workflowId: string, type: string, user: string, token?: string) {
  const q = encodeURIComponent(JSON.stringify({ status: 'open', type }));
  const r = await call('GET', `/api/tasks?filter=${q}&range=${encodeURIComponent('[0,499]')}`, { token: token ?? (await login(user)) });
  const t = (r.body as { workflowId: string }[]).find((x) => x.workflowId === workflowId) as any;
  if (!t) throw new Error(`no open ${type} task of ${workflowId} visible to ${user}`);
  return t;
}

export async function complete(taskId: string, user: string, body: { outcome?: string; data: Record<string, unknown> }) {
  return call('POST', `/api/tasks/${taskId}/complete`, { token: await login(user), body });
}

export async function completeOk(workflowId: string, type: string, user: string, body: { outcome?: string; data: Record<string, unknown> }) {
  const t = await openTaskOf(workflowId, type, user);
  const r = await complete(t.id, user, body);
  if (r.status !== 200) throw new Error(`complete ${type} as ${user}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
