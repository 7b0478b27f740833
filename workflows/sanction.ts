// sanctionRecommendationWorkflow: a recommendation to Kemensos to sanction an e-warong/agen
// (Permensos 5/2021 Pasal 58), id `sanksi-<sanctionId>` (docs/sembako.md §2). A kabupaten
// supervisor proposes it on the grounds of complaints and/or period monitoring; a second
// supervisor of the kabupaten (four-eyes: the task carries the proposer as `submittedBy`)
// approves or rejects it with a reason. A silent approver is reminded, then the kabupaten is
// asked to step in (sla_escalation). Every step is audited; the letter is drawn from the row.
import { condition, setHandler, uuid4 } from '@temporalio/workflow';
import type { Actor } from '../domain/roles';
import { sanctionWorkflowInputSchema, type SanctionSnapshot, type SanctionStatus, type SanctionWorkflowInput } from '../domain/sembako';
import { sanctionProposedUpdate, sanctionSnapshotQuery, SA } from './definitions';
import { parseInput } from './failures';
import { projection } from './projection';
import { requireSealedStart } from './seal';
import { escalatingBoard, type TaskBoard } from './taskBoard';
import { upsertSearchAttributes } from '@temporalio/workflow';

class SanctionRun {
  status: SanctionStatus = 'awaiting_approval';
  decidedBy: string | null = null;
  readonly board: TaskBoard;

  constructor(readonly input: SanctionWorkflowInput) {
    this.board = escalatingBoard({
      snapshot: () => ({ sanction: this.snapshot() }),
      auditPrefix: 'sembako_sanction',
      regionCode: () => this.input.regions.kabupaten,
      context: () => ({ sanctionId: this.input.sanctionId }),
    });
  }

  snapshot(): SanctionSnapshot {
    return {
      sanctionId: this.input.sanctionId,
      status: this.status,
      kabupatenCode: this.input.regions.kabupaten,
      proposedBy: this.input.proposedBy.id,
      decidedBy: this.decidedBy,
      openTasks: this.board.summaries(),
    };
  }

  async decide(status: SanctionStatus, actor: Actor | null, details: Record<string, unknown>): Promise<void> {
    this.status = status;
    this.decidedBy = actor?.id ?? null;
    await projection().updateSanction({
      sanctionId: this.input.sanctionId,
      status,
      decidedBy: actor?.id,
      eventId: uuid4(),
      at: new Date().toISOString(),
      actor,
      action: status === 'approved' ? 'sembako_sanction.approved' : 'sembako_sanction.rejected',
      details,
    });
    upsertSearchAttributes([{ key: SA.overdue, value: false }]);
  }
}

export async function sanctionRecommendationWorkflow(raw: SanctionWorkflowInput): Promise<SanctionSnapshot> {
  const input = parseInput(sanctionWorkflowInputSchema, raw, 'sanction recommendation');
  requireSealedStart(raw, input.proposedBy);
  const run = new SanctionRun(input);
  setHandler(sanctionSnapshotQuery, () => run.snapshot());
  setHandler(sanctionProposedUpdate, async () => {
    await condition(() => run.board.tasksCreated > 0);
    return run.snapshot();
  });

  await projection().recordSanction({ ...input, workflowId: `sanksi-${input.sanctionId}` });

  const verdict = await run.board.run({
    type: 'sembako_sanction_approval',
    caseId: null,
    regionCode: input.regions.kabupaten,
    // Four-eyes: the task board (and the API's authorize()) refuse the proposer.
    submittedBy: input.proposedBy.id,
    context: {
      sanctionId: input.sanctionId,
      eWarong: input.eWarong,
      kecamatanCode: input.regions.kecamatan,
      kind: input.kind,
      repaymentAmount: input.repaymentAmount,
      complaintIds: input.complaintIds,
      periodIds: input.periodIds,
      reasoning: input.reasoning,
      proposedBy: input.proposedBy.id,
    },
  });
  if (verdict?.outcome === 'approve') await run.decide('approved', verdict.actor, { kind: input.kind });
  else await run.decide('rejected', verdict?.actor ?? null, { reason: verdict?.data.reason });
  await run.board.cancel(run.board.open(), `sanction ${run.status}`, null);
  await run.board.finish();
  return run.snapshot();
}
