// kpmDataFixWorkflow: the review of a proposed KPM data fix, id `kpm-fix-<fixId>`
// (docs/sembako.md §1, "Data fixes"). The API wrote the fix row; this workflow puts a
// sembako_kpm_fix_review task before the kabupaten operator (four-eyes: the task carries the
// proposer as `submittedBy`), then applies the accepted change or records the rejection. It
// carries ids and codes only: the corrected NIK and the reason stay in PostgreSQL. A silent
// reviewer is reminded, then the kabupaten is asked to step in (sla_escalation).
import { condition, setHandler, upsertSearchAttributes, uuid4 } from '@temporalio/workflow';
import { kpmFixAppliedSchema, kpmFixWorkflowInputSchema, type KpmFixSnapshot, type KpmFixStatus, type KpmFixWorkflowInput } from '../domain/sembako';
import { kpmFixProposedUpdate, kpmFixSnapshotQuery, SA } from './definitions';
import { parseInput } from './failures';
import { projection } from './projection';
import { requireSealedStart } from './seal';
import { escalatingBoard, type TaskBoard } from './taskBoard';

class KpmFixRun {
  status: KpmFixStatus = 'diajukan';
  decidedBy: string | null = null;
  readonly board: TaskBoard;

  constructor(readonly input: KpmFixWorkflowInput) {
    this.board = escalatingBoard({
      snapshot: () => ({ kpmFix: this.snapshot() }),
      auditPrefix: 'sembako_kpm_fix',
      regionCode: () => this.input.regions.kabupaten,
      context: () => ({ kpmFixId: this.input.fixId }),
    });
  }

  snapshot(): KpmFixSnapshot {
    return {
      fixId: this.input.fixId,
      kpmId: this.input.kpmId,
      kind: this.input.kind,
      status: this.status,
      kabupatenCode: this.input.regions.kabupaten,
      proposedBy: this.input.proposedBy.id,
      decidedBy: this.decidedBy,
      openTasks: this.board.summaries(),
    };
  }
}

export async function kpmDataFixWorkflow(raw: KpmFixWorkflowInput): Promise<KpmFixSnapshot> {
  const input = parseInput(kpmFixWorkflowInputSchema, raw, 'KPM data fix');
  requireSealedStart(raw, input.proposedBy);
  const run = new KpmFixRun(input);
  setHandler(kpmFixSnapshotQuery, () => run.snapshot());
  setHandler(kpmFixProposedUpdate, async () => {
    await condition(() => run.board.tasksCreated > 0);
    return run.snapshot();
  });

  const verdict = await run.board.run({
    type: 'sembako_kpm_fix_review',
    caseId: null,
    regionCode: input.regions.kabupaten,
    // Four-eyes: the task board (and the API before it) refuse the proposer.
    submittedBy: input.proposedBy.id,
    context: { fixId: input.fixId, kpmId: input.kpmId, kind: input.kind, kecamatanCode: input.regions.kecamatan, proposedBy: input.proposedBy.id },
  });
  if (verdict) {
    const decision = { fixId: input.fixId, eventId: uuid4(), at: new Date().toISOString(), actor: verdict.actor };
    if (verdict.outcome === 'approve') {
      const note = typeof verdict.data.note === 'string' ? verdict.data.note : undefined;
      const applied = kpmFixAppliedSchema.parse(await projection().applyKpmFix({ ...decision, note }));
      run.status = applied.status;
    } else {
      await projection().rejectKpmFix({ ...decision, reason: String(verdict.data.reason) });
      run.status = 'ditolak';
    }
    run.decidedBy = verdict.actor.id;
  }
  upsertSearchAttributes([{ key: SA.overdue, value: false }]);
  await run.board.cancel(run.board.open(), `KPM fix ${run.status}`, null);
  await run.board.finish();
  return run.snapshot();
}
