// Nobody acts in another's name by going around the API (issue 12, finding C1): a caller who
// reaches the Temporal frontend — the bundled CLI, the Temporal UI's HTTP API, a script with the
// SDK — sends the same Updates and starts the API sends, naming a supervisor as the actor. Every
// one is refused by the workflow, and nothing changes: the task stays open, no audit row, no
// case row, no payment.
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { parseSealKeys, sealCall } from '../../domain/seal';
import { completeOk, getCase, openTask, referral, registerCase, tasksOf, toPendampingan, visit, waitUntil } from '../support/casework';
import { sealed } from '../../infra/sealKeys';
import { testDataConverter, testSealConfig } from '../support/keys';
import { db, rawTemporalClient, registration, temporalEndpoint } from '../support/stack';
import { completeOk as completeClaimTask, openTaskOf } from '../support/taliAsih';
import { call, login } from '../support/stack';

const supervisor = { id: 'usr_supervisor1', username: 'supervisor1', role: 'supervisor_kabupaten' as const, regionCode: '33.73' };
const provinsi = { id: 'usr_provinsi1', username: 'provinsi1', role: 'supervisor_provinsi', regionCode: '33' };

/** A client with the payload key (as if it leaked) but none of the seal keys. */
async function keyHolderClient() {
  const connection = await Connection.connect(temporalEndpoint());
  return { client: new Client({ connection, dataConverter: testDataConverter() }), close: () => connection.close() };
}

/** The refusal an Update got, as text ('accepted' if it was not refused). */
async function refusal(send: () => Promise<unknown>): Promise<string> {
  try {
    await send();
    return 'accepted';
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) return err.cause?.message ?? err.message;
    throw err;
  }
}

async function approvalWaiting() {
  const caseId = await registerCase('tksk1');
  await completeOk(caseId, 'asesmen', 'tksk1', {
    data: { needs: ['Kebutuhan makan harian'], riskLevel: 'sedang', planGoals: ['Terdaftar bantuan pangan'], visitCadenceDays: 14 },
  });
  const task = await openTask(caseId, 'assessment_approval', 'supervisor1');
  return { caseId, workflowId: `case-${caseId}`, taskId: task.id };
}

async function auditRowsOf(caseId: string): Promise<number> {
  const [{ n }] = await db()`SELECT count(*)::int AS n FROM audit_log WHERE case_id = ${caseId}`;
  return n;
}

test('a forged approval without the payload key (CLI, Temporal UI) is refused and changes nothing', async () => {
  const { caseId, workflowId, taskId } = await approvalWaiting();
  const before = await auditRowsOf(caseId);
  const raw = await rawTemporalClient();
  try {
    // The refusal's text is encrypted like every failure: this caller only learns that it failed.
    const why = await refusal(() =>
      raw.client.workflow.getHandle(workflowId).executeUpdate('completeTask', { args: [{ taskId, actor: supervisor, outcome: 'approve', data: {} }] }),
    );
    expect(why).not.toBe('accepted');
  } finally {
    await raw.close();
  }
  expect((await openTask(caseId, 'assessment_approval', 'supervisor1')).id).toBe(taskId);
  expect(await auditRowsOf(caseId)).toBe(before);
});

test('with a leaked payload key: unsigned, forged, misdirected and altered approvals are all refused', async () => {
  const { caseId, workflowId, taskId } = await approvalWaiting();
  const other = await approvalWaiting();
  const before = await auditRowsOf(caseId);
  const leaked = await keyHolderClient();
  const update = (id: string, arg: unknown) => () => leaked.client.workflow.getHandle(id).executeUpdate('completeTask', { args: [arg] });
  try {
    const approval = { taskId, actor: supervisor, outcome: 'approve', data: {} };
    expect(await refusal(update(workflowId, approval))).toMatch(/refused: unsigned call/);
    // A seal made with a key the worker does not hold.
    const strangerKeys = parseSealKeys(`test-seal-1:${randomBytes(32).toString('base64')}`);
    const forged = {
      ...approval,
      seal: sealCall(strangerKeys, 'test-seal-1', { actor: supervisor, workflowId, name: 'completeTask', args: approval, now: Date.now(), ttlMs: 60_000 }),
    };
    expect(await refusal(update(workflowId, forged))).toMatch(/refused: forged seal/);

    // A genuine seal (made with the stack's key, as the API makes them), captured from an
    // approval of another case: replayed here, or with its arguments altered.
    const captured = sealed(testSealConfig(), supervisor, other.workflowId, 'completeTask', {
      taskId: other.taskId,
      actor: supervisor,
      outcome: 'approve',
      data: {},
    });
    expect(await refusal(update(workflowId, { ...captured, taskId }))).toMatch(/refused: seal made for another workflow or call/);
    expect(await refusal(update(other.workflowId, { ...captured, outcome: 'reject', data: { reason: 'Dipalsukan.' } }))).toMatch(
      /refused: seal made for other arguments/,
    );
    expect(await refusal(update(other.workflowId, { ...captured, actor: provinsi }))).toMatch(/refused: seal made for other arguments/);
  } finally {
    await leaked.close();
  }
  expect((await openTask(caseId, 'assessment_approval', 'supervisor1')).id).toBe(taskId);
  expect((await openTask(other.caseId, 'assessment_approval', 'supervisor1')).id).toBe(other.taskId);
  expect(await auditRowsOf(caseId)).toBe(before);
});

test('a TKSK cannot forge the verification and approval of their own stipend claim (Rp 1.500.000 stays unpaid)', async () => {
  const period = '2025-10'; // no other test opens claims for it
  const opened = await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { period, tkskId: 'usr_tksk1' } }); // a backfill
  expect(opened.status).toBe(201);
  const claimId = opened.body.id as string;
  await completeClaimTask(claimId, 'tali_asih_report', 'tksk1', { data: { narrative: 'Laporan bulan Oktober: kunjungan lansia dan rujukan.' } });
  const verification = await openTaskOf(claimId, 'tali_asih_verification', 'supervisor1');
  const raw = await rawTemporalClient();
  const leaked = await keyHolderClient();
  try {
    const forge = (client: Client) => () =>
      client.workflow
        .getHandle(claimId)
        .executeUpdate('completeTask', { args: [{ taskId: verification.id, actor: supervisor, outcome: 'approve', data: {} }] });
    expect(await refusal(forge(raw.client))).not.toBe('accepted');
    expect(await refusal(forge(leaked.client))).toMatch(/refused: unsigned call/);
  } finally {
    await raw.close();
    await leaked.close();
  }
  const claim = await call('GET', `/api/tali-asih/claims/${claimId}`, { token: await login('provinsi1') });
  expect(claim.body.status).toBe('verification');
  const [{ n }] = await db()`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${verification.id} AND action = 'task.completed'`;
  expect(n).toBe(0);
});

test('a forged start (a case registered in a supervisor’s name, a bulk reassignment) fails and writes nothing', async () => {
  const leaked = await keyHolderClient();
  try {
    const caseId = randomUUID();
    const r = registration();
    const start = leaked.client.workflow.execute('caseWorkflow', {
      workflowId: `case-${caseId}`,
      taskQueue: 'kesos-flow',
      args: [
        {
          caseId,
          registration: r,
          registeredBy: { id: 'usr_tksk1', username: 'tksk1', role: 'tksk', regionCode: '33.73.01' },
          regions: { provinsi: '33', kabupaten: '33.73', kecamatan: '33.73.01', desa: '33.73.01.1001' },
          registeredAt: new Date().toISOString(),
        },
      ],
    });
    await expect(start).rejects.toThrow();
    await start.catch((err: any) => expect(String(err.cause?.message ?? err.message)).toMatch(/refused start of caseWorkflow: unsigned call/));
    expect(await db()`SELECT id FROM cases WHERE id = ${caseId}`).toHaveLength(0);

    const operationId = `bulk-reassign-${randomUUID()}`;
    const bulk = leaked.client.workflow.execute('bulkReassignWorkflow', {
      workflowId: operationId,
      taskQueue: 'kesos-flow',
      args: [
        {
          operationId,
          fromUserId: 'usr_tksk1',
          assignee: { id: 'usr_tksk3', role: 'tksk', regionCode: '33.73.01', disabled: false },
          reason: 'Dipalsukan.',
          requestedBy: supervisor,
          requireConfirmation: false,
        },
      ],
    });
    await bulk.catch((err: any) => expect(String(err.cause?.message ?? err.message)).toMatch(/refused start of bulkReassignWorkflow: unsigned call/));
    await expect(bulk).rejects.toThrow();
  } finally {
    await leaked.close();
  }
});

test('the monthly claims run cannot be started for a period that has not begun', async () => {
  const leaked = await keyHolderClient();
  try {
    const run = leaked.client.workflow.execute('openTaliAsihClaimsWorkflow', {
      workflowId: `open-claims-${randomUUID()}`,
      taskQueue: 'kesos-flow',
      args: ['2099-12'],
    });
    await run.catch((err: any) => expect(String(err.cause?.message ?? err.message)).toMatch(/refused: 2099-12 has not begun/));
    await expect(run).rejects.toThrow();
  } finally {
    await leaked.close();
  }
  expect(await db()`SELECT id FROM tali_asih_claims WHERE period = '2099-12'`).toHaveLength(0);
});

/** Waits until the workflow has handled `signalName` (a workflow task completed after it arrived). */
async function signalHandled(handle: WorkflowHandle, signalName: string, count = 1): Promise<void> {
  await waitUntil(`${signalName} handled by ${handle.workflowId}`, async () => {
    const { events } = await handle.fetchHistory();
    let seen = 0;
    let handledAfterLast = false;
    for (const e of events ?? []) {
      if (e.workflowExecutionSignaledEventAttributes?.signalName === signalName) {
        seen++;
        handledAfterLast = false;
      } else if (e.workflowTaskCompletedEventAttributes) handledAfterLast = true;
    }
    return seen >= count && handledAfterLast;
  });
}

test('signals between workflows are sealed too: a forged referral closure or reassignment is ignored; a sealed one is obeyed', async () => {
  const caseId = await toPendampingan('tksk1');
  await completeOk(caseId, 'pendampingan_visit', 'tksk1', visit('refer', { referral }));
  const rujukanId = `rujukan-${caseId}-1`;
  const feedbackAssignee = async () => (await openTask(caseId, 'rujukan_feedback', 'supervisor1')).assigneeId;
  // The referral's child workflow opens its feedback task right after the visit.
  await waitUntil('the feedback task', async () => (await tasksOf(caseId, 'supervisor1', { status: 'open', type: 'rujukan_feedback' }))[0]);
  expect(await feedbackAssignee()).toBe('usr_tksk1');

  const leaked = await keyHolderClient();
  try {
    const caseHandle = leaked.client.workflow.getHandle(`case-${caseId}`);
    const rujukan = leaked.client.workflow.getHandle(rujukanId);
    await caseHandle.signal('referralClosed', { referralId: `${caseId}-1`, status: 'served' });
    await rujukan.signal('referralAssignee', { assigneeId: 'usr_tksk3' });
    await signalHandled(caseHandle, 'referralClosed');
    await signalHandled(rujukan, 'referralAssignee');
    expect((await getCase(caseId)).referrals).toEqual([expect.objectContaining({ workflowId: rujukanId, status: 'open' })]);
    expect(await feedbackAssignee()).toBe('usr_tksk1');

    // The same signal with a genuine seal (as the case workflow makes them) is obeyed.
    await rujukan.signal('referralAssignee', sealed(testSealConfig(), null, rujukanId, 'referralAssignee', { assigneeId: 'usr_tksk3' }));
    await signalHandled(rujukan, 'referralAssignee', 2);
    await waitUntil('feedback task reassigned', async () => (await feedbackAssignee()) === 'usr_tksk3');
    // A genuine seal for another workflow is not.
    const elsewhere = sealed(testSealConfig(), null, `rujukan-${randomUUID()}-1`, 'referralAssignee', { assigneeId: 'usr_tksk1' });
    await rujukan.signal('referralAssignee', elsewhere);
    await signalHandled(rujukan, 'referralAssignee', 3);
    expect(await feedbackAssignee()).toBe('usr_tksk3');
  } finally {
    await leaked.close();
  }
});
