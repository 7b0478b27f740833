// "Nothing is lost": SIGKILL the whole `npm start` process group (start script, worker, API,
// PostgreSQL, Temporal) mid-case, start again on the same data dir, and the case, its tasks and
// its history are all there and the case carries on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { allocatePorts, killGroup, startStackProcess, stopStackProcess, type StackProcess } from '../support/stackProcess';
import { asesmenData, registration } from '../support/stack';

async function http(base: string, method: string, p: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const loginAt = async (base: string, username: string) =>
  (await http(base, 'POST', '/api/auth/login', undefined, { username, password: 'demo' })).body.token as string;

test('SIGKILL of the whole product, then a second start keeps the case, its tasks and its history', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-restart-'));
  fs.chmodSync(dataDir, 0o755);
  const logFile = path.join(__dirname, '..', 'artifacts', 'restart-stack.log');
  const ports = await allocatePorts();
  let proc: StackProcess | undefined;
  try {
    proc = await startStackProcess(dataDir, ports, logFile);
    let base = proc.ready.apiUrl;
    let tksk1 = await loginAt(base, 'tksk1');
    const created = await http(base, 'POST', '/api/cases', tksk1, registration());
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    const [asesmen] = (await http(base, 'GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId }))}`, tksk1)).body;
    const done = await http(base, 'POST', `/api/tasks/${asesmen.id}/complete`, tksk1, { data: asesmenData });
    expect(done.status).toBe(200);
    const historyBefore = (await http(base, 'GET', `/api/cases/${caseId}/history`, await loginAt(base, 'supervisor1'))).body.history.events.length;

    killGroup(proc, 'SIGKILL');
    await new Promise((r) => proc!.child.once('exit', r));

    proc = await startStackProcess(dataDir, ports, logFile);
    base = proc.ready.apiUrl;
    tksk1 = await loginAt(base, 'tksk1');
    const sup = await loginAt(base, 'supervisor1');
    const after = await http(base, 'GET', `/api/cases/${caseId}`, tksk1);
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('assessment_review');
    expect(after.body.tasks.map((t: { type: string; status: string }) => `${t.type}:${t.status}`)).toEqual(['asesmen:completed', 'assessment_approval:open']);
    const history = await http(base, 'GET', `/api/cases/${caseId}/history`, sup);
    expect(history.body.history.events.length).toBeGreaterThanOrEqual(historyBefore);

    // The workflow is alive after the restart: the approval goes through.
    const approval = after.body.openTasks[0];
    const approved = await http(base, 'POST', `/api/tasks/${approval.id}/complete`, sup, { outcome: 'approve', data: {} });
    expect(approved.status).toBe(200);
    expect(approved.body.case.status).toBe('pendampingan');

    const sql = postgres(proc.ready.databaseUrl, { max: 1 });
    try {
      const tasks = await sql<{ type: string }[]>`SELECT type FROM tasks WHERE case_id = ${caseId} ORDER BY created_at`;
      expect(tasks.map((t) => t.type)).toEqual(['asesmen', 'assessment_approval', 'pendampingan_visit']);
      const [{ dup }] = await sql`SELECT count(*)::int AS dup FROM (SELECT event_key FROM audit_log GROUP BY event_key HAVING count(*) > 1) d`;
      expect(dup).toBe(0);
    } finally {
      await sql.end();
    }
  } finally {
    if (proc) await stopStackProcess(proc);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 400_000);
