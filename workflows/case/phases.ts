// The steps of the case's main loop, one per phase: each runs the phase's task (or waits) and moves
// the case on. A step that ends the workflow returns the case's final snapshot.
import { addIsoDuration } from '../../domain/duration';
import type { CaseSnapshot } from '../../domain/workflowContracts';
import { projection } from '../projection';
import type { AsesmenData, CaseRun, Phase, Referral } from './state';

type Step = (c: CaseRun) => Promise<CaseSnapshot | void>;

async function asesmen(c: CaseRun): Promise<void> {
  const s = c.state;
  s.step = 'asesmen';
  const r = await c.runTask<AsesmenData>('asesmen', {
    assigneeId: s.assigneeId,
    context: { returnNotes: s.returnNotes, previous: s.plan },
  });
  if (!r) return;
  s.plan = r.data;
  s.lastAsesmenBy = r.actor.id;
  c.enter('assessment_review', 'assessment_approval');
}

async function assessmentReview(c: CaseRun): Promise<void> {
  const s = c.state;
  const r = await c.runTask<{ reason?: string; note?: string }>('assessment_approval', {
    submittedBy: s.lastAsesmenBy,
    context: { asesmen: s.plan },
  });
  if (!r) return;
  if (r.outcome === 'approve') {
    s.planApproved = true;
    s.returnNotes = null;
    c.enter('pendampingan', 'pendampingan_visit');
  } else if (r.outcome === 'return') {
    s.returnNotes = r.data.reason ?? null;
    c.enter('asesmen', 'asesmen');
  } else {
    await c.close('rejected', r.actor, { reason: r.data.reason });
  }
}

async function pendampingan(c: CaseRun): Promise<void> {
  const s = c.state;
  const r = await c.runTask<{ referral?: Referral; closureReason?: string; closureNote?: string }>('pendampingan_visit', {
    assigneeId: s.assigneeId,
    // Visits follow the intervention plan's cadence, not the SLA table.
    duePeriod: `P${s.plan?.visitCadenceDays ?? 14}D`,
    context: { visitNo: s.visitNo + 1, planGoals: s.plan?.planGoals ?? [], returnNotes: s.returnNotes, openReferrals: c.openReferrals() },
  });
  if (!r) return;
  s.visitNo++;
  s.returnNotes = null;
  if (r.outcome === 'refer' && r.data.referral) await c.startReferral(r.data.referral, r.actor);
  if (r.outcome === 'propose_closure') {
    s.closureProposal = { reason: r.data.closureReason ?? 'other', note: r.data.closureNote, proposedBy: r.actor.id };
    c.enter('closure_review', 'closure_approval');
  }
}

async function closureReview(c: CaseRun): Promise<void> {
  const s = c.state;
  const r = await c.runTask<{ reason?: string }>('closure_approval', {
    submittedBy: s.closureProposal?.proposedBy ?? null,
    context: { closureProposal: s.closureProposal, openReferrals: c.openReferrals() },
  });
  if (!r) return;
  if (r.outcome === 'approve') {
    // The desa's own aftercare period when it has one (db/settings.ts falls back to the kecamatan and up).
    const policies = await projection().getCasePolicies(c.regions.desa);
    s.aftercareAt = addIsoDuration(new Date(), policies.aftercare_delay).toISOString();
    c.enter('aftercare', 'aftercare_wait');
    await c.recordCase('case.closure_approved', r.actor, { closureReason: s.closureProposal?.reason, aftercareAt: s.aftercareAt });
  } else {
    s.returnNotes = r.data.reason ?? null;
    c.enter('pendampingan', 'pendampingan_visit');
  }
}

async function aftercare(c: CaseRun): Promise<void> {
  const s = c.state;
  if (s.step === 'aftercare_wait') {
    // Bimbingan lanjut comes after the policy's aftercare period; a pause stops this clock too.
    const wait = Date.parse(s.aftercareAt!) - Date.now();
    if (s.paused || wait > 0) {
      await c.board.waitFor(() => false, s.paused ? undefined : wait);
      return;
    }
    s.step = 'bimbingan_lanjut';
  }
  const r = await c.runTask('bimbingan_lanjut', {
    assigneeId: s.assigneeId,
    context: { closureProposal: s.closureProposal },
  });
  if (!r) return;
  await c.close(s.closureProposal?.reason ?? 'goals_met', r.actor, { closureNote: s.closureProposal?.note });
}

async function closed(c: CaseRun): Promise<CaseSnapshot | void> {
  // Reopenable until the window ends; then the workflow completes.
  const left = c.state.reopenUntil ? Date.parse(c.state.reopenUntil) - Date.now() : 0;
  if (left > 0) {
    await c.board.waitFor(() => c.state.phase !== 'closed', left);
    return;
  }
  return c.finish();
}

export const PHASE_STEPS: Record<Phase, Step> = {
  asesmen,
  assessment_review: assessmentReview,
  pendampingan,
  closure_review: closureReview,
  aftercare,
  closed,
  cancelled: (c) => c.finish(),
};
