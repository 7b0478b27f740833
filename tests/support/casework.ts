// Helpers for lifecycle tests: drive cases over HTTP as the demo accounts.
import { asesmenData, call, login, registration } from './stack';

export interface TaskView {
  id: string;
  type: string;
  status: string;
  caseId: string;
  workflowId: string;
  assigneeId: string | null;
  dueAt: string | null;
  overdue: boolean;
  context: Record<string, any>;
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function tasksOf(caseId: string, user: string, filter: Record<string, unknown> = {}): Promise<TaskView[]> {
  const q = encodeURIComponent(JSON.stringify({ caseId, ...filter }));
  const r = await call('GET', `/api/tasks?filter=${q}&range=${encodeURIComponent('[0,99]')}&sort=${encodeURIComponent('["createdAt","ASC"]')}`, {
    token: await login(user),
  });
  if (r.status !== 200) throw new Error(`tasks: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function openTask(caseId: string, type: string, user: string): Promise<TaskView> {
  const [t] = await tasksOf(caseId, user, { status: 'open', type });
  if (!t) throw new Error(`no open ${type} task of case ${caseId} visible to ${user}`);
  return t;
}

export async function complete(taskId: string, user: string, body: { outcome?: string; data: Record<string, unknown> }) {
  return call('POST', `/api/tasks/${taskId}/complete`, { token: await login(user), body });
}

/** Completes a task found by `find` as `user`; anything but 200 throws with the problem. */
export async function completeFound(find: Promise<{ id: string }>, type: string, user: string, body: { outcome?: string; data: Record<string, unknown> }) {
  const r = await complete((await find).id, user, body);
  if (r.status !== 200) throw new Error(`complete ${type} as ${user}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export const completeOk = (caseId: string, type: string, user: string, body: { outcome?: string; data: Record<string, unknown> }) =>
  completeFound(openTask(caseId, type, user), type, user, body);

export async function getCase(caseId: string, user = 'supervisor1') {
  const r = await call('GET', `/api/cases/${caseId}`, { token: await login(user) });
  if (r.status !== 200) throw new Error(`case: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function act(caseId: string, action: string, user: string, body: Record<string, unknown>) {
  return call('POST', `/api/cases/${caseId}/actions/${action}`, { token: await login(user), body });
}

/** Registers a case as `user` (tksk1: Sidorejo, tksk2: Tingkir). */
export async function registerCase(user = 'tksk1'): Promise<string> {
  const body = registration();
  if (user === 'tksk2') {
    body.beneficiary.desaCode = '33.73.02.1001';
  }
  const r = await call('POST', '/api/cases', { token: await login(user), body });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** Yesterday's date in Jakarta (YYYY-MM-DD): a visit or answer just before the test, on any date. */
export function recentDate(): string {
  return new Date(Date.now() + 7 * 3600_000 - 24 * 3600_000).toISOString().slice(0, 10);
}

export const visit = (outcome: string, extra: Record<string, unknown> = {}) => ({
  outcome,
  data: { visitDate: recentDate(), observations: 'Kunjungan rumah, kondisi dicatat.', ...extra },
});

export const referral = {
  destinationType: 'puskesmas_rumah_sakit',
  institutionName: 'Puskesmas Sidorejo Lor',
  reason: 'Hipertensi tidak terkontrol',
  urgency: 'sedang',
};

/** Registration → asesmen → approval: the case is in pendampingan with a visit task open. */
export async function toPendampingan(user = 'tksk1', supervisor = 'supervisor1'): Promise<string> {
  const caseId = await registerCase(user);
  await completeOk(caseId, 'asesmen', user, { data: asesmenData });
  const r = await completeOk(caseId, 'assessment_approval', supervisor, { outcome: 'approve', data: {} });
  if (r.case.status !== 'pendampingan') throw new Error(`expected pendampingan, got ${r.case.status}`);
  return caseId;
}

export async function setSla(taskType: string, regionCode: string, duePeriod: string, workingDays = false) {
  const r = await call('PUT', '/api/admin/sla-policies', { token: await login('admin'), body: { taskType, regionCode, duePeriod, workingDays } });
  if (r.status !== 200) throw new Error(`sla: ${r.status} ${JSON.stringify(r.body)}`);
}

export async function setCasePolicy(key: string, regionCode: string, value: unknown) {
  const r = await call('PUT', '/api/admin/case-policies', { token: await login('admin'), body: { key, regionCode, value } });
  if (r.status !== 200) throw new Error(`case policy: ${r.status} ${JSON.stringify(r.body)}`);
}
