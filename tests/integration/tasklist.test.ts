// Tasklist features (decision 0025) over HTTP against the real stack: claims through the task's
// workflow (race, take-over with its audited reason, completion by the claimant only), priority
// and follow-up filters, the default views, saved filters shared by role, comments with mentions
// and the task's history.
import { completeOk, openTask, registerCase } from '../support/casework';
import { asesmenData, call, login, suiteConnections } from '../support/stack';

const { sql } = suiteConnections();
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

async function as(user: string, method: string, path: string, body?: unknown) {
  return call(method, path, { token: await login(user), body });
}

/** A case waiting for its assessment's approval: a task offered to the kabupaten supervisors. */
async function approvalTask(): Promise<{ caseId: string; taskId: string }> {
  const caseId = await registerCase('tksk1');
  await completeOk(caseId, 'asesmen', 'tksk1', { data: asesmenData });
  const task = await openTask(caseId, 'assessment_approval', 'supervisor1');
  return { caseId, taskId: task.id };
}

async function tasks(user: string, filter: Record<string, unknown>, sort = ['createdAt', 'DESC']) {
  const r = await as(user, 'GET', `/api/tasks?filter=${q(filter)}&sort=${q(sort)}&range=${q([0, 99])}`);
  expect(r.status).toBe(200);
  return r.body as { id: string; claimedBy: string | null; priority: string; followUpAt: string | null; status: string }[];
}

describe('claim, unclaim, take over', () => {
  let caseId: string;
  let taskId: string;
  let winner: string;
  let loser: string;

  beforeAll(async () => {
    ({ caseId, taskId } = await approvalTask());
  });

  test('two supervisors claim at once: exactly one wins, the other gets 409 task-claimed', async () => {
    const [t1, t2] = await Promise.all([login('supervisor1'), login('supervisor2')]);
    const [a, b] = await Promise.all([call('POST', `/api/tasks/${taskId}/claim`, { token: t1 }), call('POST', `/api/tasks/${taskId}/claim`, { token: t2 })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(lost.body.code).toBe('task-claimed');
    winner = a.status === 200 ? 'supervisor1' : 'supervisor2';
    loser = winner === 'supervisor1' ? 'supervisor2' : 'supervisor1';
    const won = a.status === 200 ? a : b;
    expect(won.body).toEqual(expect.objectContaining({ taskId, action: 'claim', claimedBy: `usr_${winner}`, previousClaimant: null, changed: true }));
    const [row] = await sql<{ claimedBy: string }[]>`SELECT claimed_by FROM tasks WHERE id = ${taskId}`;
    expect(row.claimedBy).toBe(`usr_${winner}`);
    const audit = await sql<
      { action: string; actorId: string }[]
    >`SELECT action, actor_id FROM audit_log WHERE entity_id = ${taskId} AND action = 'task.claimed'`;
    expect(audit).toEqual([{ action: 'task.claimed', actorId: `usr_${winner}` }]);
  });

  test("claiming one's own claim again changes nothing; the views follow the claim", async () => {
    const again = await as(winner, 'POST', `/api/tasks/${taskId}/claim`);
    expect(again.status).toBe(200);
    expect(again.body.changed).toBe(false);
    expect((await tasks(winner, { view: 'mine', caseId })).map((t) => t.id)).toEqual([taskId]);
    expect((await tasks(loser, { view: 'mine', caseId })).map((t) => t.id)).toEqual([]);
    expect((await tasks(loser, { view: 'unassigned', caseId })).map((t) => t.id)).toEqual([]);
    expect((await tasks(loser, { view: 'open', caseId, claimed: true })).map((t) => t.id)).toEqual([taskId]);
  });

  test('only the claimant completes: anyone else is refused 409 task-claimed, the task stays open', async () => {
    const r = await as(loser, 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'approve', data: {} });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('task-claimed');
    const [row] = await sql<{ status: string }[]>`SELECT status FROM tasks WHERE id = ${taskId}`;
    expect(row.status).toBe('open');
  });

  test('someone else cannot release the claim; a TKSK cannot claim a supervisor task', async () => {
    const r = await as(loser, 'POST', `/api/tasks/${taskId}/unclaim`);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('task-not-claimant');
    // Not a TKSK's task: it is not even visible to them.
    expect((await as('tksk1', 'POST', `/api/tasks/${taskId}/claim`)).status).toBe(404);
  });

  test('take-over needs a reason, is audited with it, and moves the completion right', async () => {
    const none = await as(loser, 'POST', `/api/tasks/${taskId}/take-over`, {});
    expect(none.status).toBe(422);
    expect(none.body.errors[0].path).toEqual(['body', 'reason']);
    const reason = 'Penelaah pertama cuti; tenggat besok (uji ambil alih).';
    const r = await as(loser, 'POST', `/api/tasks/${taskId}/take-over`, { reason });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(expect.objectContaining({ action: 'take-over', claimedBy: `usr_${loser}`, previousClaimant: `usr_${winner}`, changed: true }));
    const refused = await as(winner, 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'approve', data: {} });
    expect(refused.status).toBe(409);
    const history = await as(loser, 'GET', `/api/tasks/${taskId}/history`);
    expect(history.status).toBe(200);
    const takeOver = history.body.find((e: { action: string }) => e.action === 'task.taken_over');
    expect(takeOver).toEqual(
      expect.objectContaining({ actorId: `usr_${loser}`, details: expect.objectContaining({ reason, previousClaimant: `usr_${winner}` }) }),
    );
    // A TKSK is no supervisor.
    expect((await as('tksk1', 'POST', `/api/tasks/${taskId}/take-over`, { reason })).status).toBe(403);
  });

  test('release, claim again, plan, comment, complete: the history tells it in order', async () => {
    expect((await as(loser, 'POST', `/api/tasks/${taskId}/unclaim`)).body).toEqual(expect.objectContaining({ claimedBy: null, changed: true }));
    expect((await tasks(winner, { view: 'unassigned', caseId })).map((t) => t.id)).toEqual([taskId]);
    expect((await as(winner, 'POST', `/api/tasks/${taskId}/claim`)).status).toBe(200);
    const followUpAt = new Date(Date.now() - 3_600_000).toISOString();
    const planned = await as(winner, 'PATCH', `/api/tasks/${taskId}`, { priority: 'urgent', followUpAt });
    expect(planned.status).toBe(200);
    expect(planned.body).toEqual(expect.objectContaining({ priority: 'urgent', followUpAt, claimedBy: `usr_${winner}` }));
    const comment = await as(winner, 'POST', `/api/tasks/${taskId}/comments`, { text: `@Agus mohon dicek (uji komentar).`, mentions: [`usr_${loser}`] });
    expect(comment.status).toBe(201);
    const done = await as(winner, 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'approve', data: {} });
    expect(done.status).toBe(200);
    expect((await tasks(winner, { view: 'completed-by-me', caseId })).map((t) => t.id)).toEqual([taskId]);
    const history = await as(winner, 'GET', `/api/tasks/${taskId}/history`);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual([
      'task.created',
      'task.claimed',
      'task.taken_over',
      'task.unclaimed',
      'task.claimed',
      'task.priority_changed',
      'task.follow_up_changed',
      'task.commented',
      'task.completed',
    ]);
    // Nothing more to claim on a completed task.
    const late = await as(loser, 'POST', `/api/tasks/${taskId}/claim`);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('task-not-open');
  });
});

describe('priority and follow-up', () => {
  test('set by a supervisor, refused to others, filtered and sorted by', async () => {
    const [a, b] = [await approvalTask(), await approvalTask()];
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString();
    expect((await as('supervisor1', 'PATCH', `/api/tasks/${a.taskId}`, { priority: 'high', followUpAt: past })).status).toBe(200);
    expect((await as('supervisor2', 'PATCH', `/api/tasks/${b.taskId}`, { priority: 'low', followUpAt: future })).status).toBe(200);
    // Bad input changes nothing.
    const bad = await as('supervisor1', 'PATCH', `/api/tasks/${b.taskId}`, { priority: 'sangat' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toEqual(['body', 'priority']);
    expect((await as('supervisor1', 'PATCH', `/api/tasks/${b.taskId}`, {})).status).toBe(422);
    // The TKSK who made the assessment is neither assignee nor claimant of the approval (nor sees it).
    expect((await as('tksk1', 'PATCH', `/api/tasks/${b.taskId}`, { priority: 'urgent' })).status).toBe(404);
    // An auditor reads, never plans.
    expect((await as('auditor1', 'PATCH', `/api/tasks/${b.taskId}`, { priority: 'urgent' })).status).toBe(403);

    const ids = [a.taskId, b.taskId];
    expect((await tasks('supervisor1', { id: ids, priority: 'high' })).map((t) => t.id)).toEqual([a.taskId]);
    expect((await tasks('supervisor1', { id: ids, priority: ['low', 'high'] })).map((t) => t.id).sort()).toEqual([...ids].sort());
    expect((await tasks('supervisor1', { id: ids, followUpDue: true })).map((t) => t.id)).toEqual([a.taskId]);
    expect((await tasks('supervisor1', { id: ids, followUpBefore: future })).map((t) => t.id).sort()).toEqual([...ids].sort());
    expect((await tasks('supervisor1', { id: ids }, ['priority', 'DESC'])).map((t) => t.priority)).toEqual(['high', 'low']);
    expect((await tasks('supervisor1', { id: ids }, ['followUpAt', 'ASC'])).map((t) => t.id)).toEqual([a.taskId, b.taskId]);
    const audit = await sql<{ action: string; actorId: string }[]>`
      SELECT action, actor_id FROM audit_log WHERE entity_id = ${b.taskId} AND action LIKE 'task.%_changed' ORDER BY seq`;
    expect(audit).toEqual([
      { action: 'task.priority_changed', actorId: 'usr_supervisor2' },
      { action: 'task.follow_up_changed', actorId: 'usr_supervisor2' },
    ]);
  });
});

describe('comments', () => {
  test('a comment with a mention writes a mention row; unknown people and unsafe text are refused', async () => {
    const { taskId } = await approvalTask();
    const r = await as('supervisor1', 'POST', `/api/tasks/${taskId}/comments`, {
      text: '@Agus Prasetyo tolong lihat lampiran.',
      mentions: ['usr_supervisor2'],
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual(expect.objectContaining({ taskId, authorId: 'usr_supervisor1', mentions: ['usr_supervisor2'] }));
    const mentions = await sql<{ userId: string; notifiedAt: Date | null }[]>`SELECT user_id, notified_at FROM task_mentions WHERE comment_id = ${r.body.id}`;
    expect(mentions).toEqual([{ userId: 'usr_supervisor2', notifiedAt: null }]);
    const unknown = await as('supervisor1', 'POST', `/api/tasks/${taskId}/comments`, { text: 'Siapa ini?', mentions: ['usr_supervisor2', 'usr_nobody'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toEqual(['body', 'mentions', 1]);
    const unsafe = await as('supervisor1', 'POST', `/api/tasks/${taskId}/comments`, { text: 'rusak\u0000teks' });
    expect(unsafe.status).toBe(422);
    const list = await as('supervisor2', 'GET', `/api/tasks/${taskId}/comments`);
    expect(list.status).toBe(200);
    expect(list.body.map((c: { text: string }) => c.text)).toEqual(['@Agus Prasetyo tolong lihat lampiran.']);
    // Outside the task's scope: not visible.
    expect((await as('tksk2', 'GET', `/api/tasks/${taskId}/comments`)).status).toBe(404);
    expect((await as('auditor1', 'POST', `/api/tasks/${taskId}/comments`, { text: 'Catatan auditor.' })).status).toBe(403);
  });
});

describe('saved filters', () => {
  test('shared with a role: visible to another user of that role, not to others; only the owner changes it', async () => {
    const name = `Mendesak ${Date.now()}`;
    const shared = await as('supervisor1', 'POST', '/api/saved-filters', {
      name,
      filter: { view: 'open', priority: ['urgent'] },
      sharedRole: 'supervisor_kabupaten',
      sharedRegionCode: '33.73',
    });
    expect(shared.status).toBe(201);
    const own = await as('supervisor1', 'POST', '/api/saved-filters', { name: `${name} (pribadi)`, filter: { followUpDue: true } });
    expect(own.status).toBe(201);
    const list = async (user: string) => {
      const r = await as(user, 'GET', `/api/saved-filters?range=${q([0, 499])}`);
      expect(r.status).toBe(200);
      return (r.body as { id: string }[]).map((f) => f.id);
    };
    expect(await list('supervisor1')).toEqual(expect.arrayContaining([shared.body.id, own.body.id]));
    const seenBy2 = await list('supervisor2');
    expect(seenBy2).toContain(shared.body.id);
    expect(seenBy2).not.toContain(own.body.id);
    expect(await list('provinsi1')).not.toContain(shared.body.id);
    expect(await list('tksk1')).not.toContain(shared.body.id);
    expect((await as('tksk1', 'GET', `/api/saved-filters/${shared.body.id}`)).status).toBe(404);
    expect((await as('supervisor2', 'GET', `/api/saved-filters/${shared.body.id}`)).body).toEqual(
      expect.objectContaining({ name, mine: false, filter: { view: 'open', priority: ['urgent'] } }),
    );
    // The filter is what GET /api/tasks accepts, and nothing else.
    const bad = await as('supervisor1', 'POST', '/api/saved-filters', { name: 'Salah', filter: { warna: 'merah' } });
    expect(bad.status).toBe(422);
    expect((await as('supervisor1', 'POST', '/api/saved-filters', { name: 'Luar', filter: {}, sharedRegionCode: '34.71' })).status).toBe(422);
    expect((await as('supervisor2', 'PUT', `/api/saved-filters/${shared.body.id}`, { name: 'Dibajak', filter: {} })).status).toBe(403);
    expect((await as('supervisor2', 'DELETE', `/api/saved-filters/${shared.body.id}`)).status).toBe(403);
    const renamed = await as('supervisor1', 'PUT', `/api/saved-filters/${shared.body.id}`, {
      name: `${name} (diubah)`,
      filter: { view: 'open' },
      sharedRole: 'supervisor_kabupaten',
    });
    expect(renamed.status).toBe(200);
    expect((await as('supervisor1', 'DELETE', `/api/saved-filters/${own.body.id}`)).status).toBe(200);
    expect(await list('supervisor1')).not.toContain(own.body.id);
    const audit = await sql<{ action: string }[]>`SELECT action FROM audit_log WHERE entity_id = ${own.body.id} ORDER BY seq`;
    expect(audit.map((a) => a.action)).toEqual(['saved_filter.created', 'saved_filter.deleted']);
  });
});
