// caseWorkflow: one per case, id `case-<caseId>` (PRODUCT.md §3.1).
// registrasi → asesmen → assessment_approval (approve → pendampingan, return → asesmen with
// the notes, reject → closed "rejected"). Pendampingan, rujukan and closure come next.
import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes, uuid4 } from '@temporalio/workflow';
import type { CaseStatus } from '../domain/case';
import { caseWorkflowInputSchema, type CaseSnapshot, type CaseWorkflowInput } from '../domain/workflowContracts';
import type { Activities } from '../activities';
import { caseSnapshotQuery, registeredUpdate, SA } from './definitions';
import { TaskBoard } from './taskBoard';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds' });

interface AsesmenData {
  needs: string[];
  riskLevel: string;
  planGoals: string[];
  visitCadenceDays: number;
  notes?: string;
}

export async function caseWorkflow(rawInput: CaseWorkflowInput): Promise<CaseSnapshot> {
  const parsed = caseWorkflowInputSchema.safeParse(rawInput);
  if (!parsed.success) throw ApplicationFailure.nonRetryable(`invalid case input: ${parsed.error.message}`, 'InvalidInput');
  const input = parsed.data;
  const { caseId, regions } = input;

  let status: CaseStatus = 'assessment';
  let step = 'registrasi';
  let assigneeId = input.registeredBy.id;
  let closedReason: string | null = null;

  const snapshot = (): CaseSnapshot => ({ caseId, status, step, assigneeId, closedReason, openTasks: board.openTasks() });
  const board = new TaskBoard(snapshot);
  setHandler(caseSnapshotQuery, snapshot);
  setHandler(registeredUpdate, async () => {
    // Registered = the case row and its first task are written.
    await condition(() => board.tasksCreated > 0);
    return snapshot();
  });

  const moveTo = (next: CaseStatus, nextStep: string) => {
    status = next;
    step = nextStep;
    upsertSearchAttributes([{ key: SA.caseStatus, value: next }]);
  };

  await acts.recordCaseRegistered(input);

  // Asesmen, and its review, until the supervisor approves or rejects it.
  let returnNotes: string | undefined;
  let previous: AsesmenData | undefined;
  for (;;) {
    moveTo('assessment', 'asesmen');
    const asesmen = await board.run<AsesmenData>({
      type: 'asesmen',
      caseId,
      regionCode: regions.kecamatan,
      assigneeId,
      context: { returnNotes, previous },
      caseUpdate: { status, step, assigneeId },
    });
    previous = asesmen.data;

    moveTo('assessment_review', 'assessment_approval');
    const review = await board.run<{ reason?: string; note?: string }>({
      type: 'assessment_approval',
      caseId,
      regionCode: regions.kecamatan,
      submittedBy: asesmen.actor.id,
      context: { asesmen: asesmen.data },
      caseUpdate: { status, step, assigneeId },
    });
    if (review.outcome === 'approve') break;
    if (review.outcome === 'reject') {
      moveTo('closed', 'closed');
      closedReason = 'rejected';
      await acts.updateCase({ eventId: uuid4(), at: new Date().toISOString(), caseId, status, step, closedReason, actor: review.actor, action: 'case.closed', details: { reason: review.data.reason } });
      board.settle();
      await condition(allHandlersFinished);
      return snapshot();
    }
    returnNotes = review.data.reason;
  }

  moveTo('pendampingan', 'pendampingan');
  await acts.updateCase({ eventId: uuid4(), at: new Date().toISOString(), caseId, status, step, closedReason: null, actor: null, action: 'case.pendampingan_started', details: {} });
  board.settle();
  // The pendampingan phase (visits, rujukan, closure) is built in the casework-engine issue;
  // until then the case rests here, durable and queryable.
  await condition(() => false);
  return snapshot();
}
