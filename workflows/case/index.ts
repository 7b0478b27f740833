// caseWorkflow: one per case, id `case-<caseId>` (docs/product.md §3.1).
//
//   asesmen → assessment_approval ─ approve → pendampingan (visits on the plan's cadence;
//   refer → a rujukanWorkflow child beside it) ─ propose_closure → closure_approval ─ approve →
//   aftercare wait → bimbingan_lanjut → closed (reopenable within the policy window);
//   return → back one step with the reason; reject → closed "rejected"; cancel → cancelled.
//
// The state is plain data (state.ts): the main loop dispatches on `phase` (phases.ts), so after
// continue-as-new it resumes exactly where it was, adopting the open task it carried over.
// Supervisors' interventions arrive as Updates beside the loop (interventions.ts).
import { condition, setHandler } from '@temporalio/workflow';
import { caseWorkflowInputSchema, type CaseSnapshot, type CaseWorkflowInput } from '../../domain/workflowContracts';
import { caseSnapshotQuery, referralClosedSignal, registeredUpdate } from '../definitions';
import { parseInput } from '../failures';
import { isSealedSignal, requireSealedStart } from '../seal';
import { projection } from '../projection';
import { handleInterventions } from './interventions';
import { PHASE_STEPS } from './phases';
import { CaseRun, initialState, type CaseState, type CaseWorkflowArg } from './state';

export type { CaseState, CaseWorkflowArg } from './state';

/** A new case's registration (parsed), or the state a continued run carries over. */
function start(arg: CaseWorkflowArg): { state: CaseState; registration?: CaseWorkflowInput } {
  if (arg && typeof arg === 'object' && 'continued' in arg) {
    // Only a run of this workflow continues it (sealed as the system, like its own starts).
    requireSealedStart(arg, null);
    return { state: arg.continued };
  }
  const registration = parseInput(caseWorkflowInputSchema, arg, 'case');
  requireSealedStart(arg, registration.registeredBy);
  return { state: initialState(registration), registration };
}

export async function caseWorkflow(arg: CaseWorkflowArg): Promise<CaseSnapshot> {
  const { state, registration } = start(arg);
  const c = new CaseRun(state);

  setHandler(caseSnapshotQuery, () => c.snapshot());
  setHandler(registeredUpdate, async () => {
    // Registered = the case row and its first task are written.
    await condition(() => c.board.tasksCreated > 0);
    return c.snapshot();
  });
  setHandler(referralClosedSignal, async (signal) => {
    if (!(await isSealedSignal('referralClosed', signal))) return;
    const { referralId, status } = signal;
    const r = c.state.referrals.find((x) => x.referralId === referralId);
    if (r && r.status === 'open') r.status = status;
  });
  handleInterventions(c);

  // After every handler is set: Updates that arrive in the first activation find them.
  if (registration) await projection().recordCaseRegistered(registration);

  for (;;) {
    const done = await PHASE_STEPS[c.state.phase](c);
    if (done) return done;
  }
}
