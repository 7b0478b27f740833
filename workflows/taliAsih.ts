// taliAsihWorkflow: one TKSK stipend claim per period, id `tali-asih-<tkskId>-<period>`
// (docs/product.md §3.2):
//   tali_asih_report (TKSK, prefilled from the period's casework) → tali_asih_verification
//   (kabupaten supervisor) → tali_asih_approval (provinsi supervisor) → budget reservation
//   (awaiting_budget until the province adds budget) → disbursement, exactly once per component
//   → paid. Return goes back one level with the reason; reject ends the claim. A payment the
//   provider refuses becomes a tali_asih_payment_issue task for the province (retry / cancel).
import { condition, patched, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import { can } from '../domain/access';
import type { Actor } from '../domain/roles';
import { periodSchema, taliAsihInputSchema, type TaliAsihInput } from '../domain/taliAsih';
import type { ClaimSnapshot, ClaimStatus } from '../domain/workflowContracts';
import type { Activities } from '../activities';
import { budgetChangedSignal, claimOpenedUpdate, claimSnapshotQuery, reissuePaymentUpdate } from './definitions';
import { activityFailedWith, conflict, forbidden, invalidInput, invalidPayload, parseInput } from './failures';
import { isSealedSignal, requireSealedStart, sealedActor } from './seal';
import { projection } from './projection';
import { TaskBoard, type TaskResult } from './taskBoard';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds' });
// Payments: patient retries with backoff; a refusal (PaymentRejected) is not retried.
const payments = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['PaymentRejected', 'NotReserved'] },
});

/** How often a claim waiting for budget re-checks without being nudged (ms). */
const BUDGET_RECHECK_MS = 6 * 60 * 60 * 1000;
/**
 * A cancelled payment used to reject the claim for good; from this patch on it waits to be
 * reissued (decision 0015). Histories recorded before take the old branch.
 */
export const REISSUE_PATCH = 'reissue-cancelled-payment';

export async function taliAsihWorkflow(raw: TaliAsihInput): Promise<ClaimSnapshot> {
  const { claimId, tkskId, period, openedBy } = parseInput(taliAsihInputSchema, raw, 'claim');
  requireSealedStart(raw, openedBy);
  let status: ClaimStatus = 'report';
  let total = 0;
  let rejectedReason: string | null = null;
  let budgetNudges = 0;

  const snapshot = (): ClaimSnapshot => ({ claimId, tkskId, period, status, total, rejectedReason, openTasks: board.summaries() });
  const board: TaskBoard = new TaskBoard({
    snapshot: () => ({ claim: snapshot() }),
    paused: () => false,
    maxBreaches: 1,
    async onBreach(task, level) {
      await projection().markOverdue({ taskId: task.taskId, caseId: null, level, action: 'task.overdue', at: new Date().toISOString() });
    },
  });
  setHandler(claimSnapshotQuery, snapshot);
  setHandler(budgetChangedSignal, async (signal) => {
    if (await isSealedSignal('budgetChanged', signal)) budgetNudges++;
  });
  // The province reissues a cancelled payment (the account was fixed). Registered at the start so
  // the validator can answer "not cancelled" (409) rather than "no such update" at any time.
  let reissue: { actor: Actor; note: string } | null = null;
  let region: string | null = null;
  setHandler(
    reissuePaymentUpdate,
    async (input) => {
      reissue = { actor: input.actor, note: input.note };
      // Answer once the main loop has acted on it (paid, or waiting again: budget, a payment issue).
      await board.wakeAndSettle();
      return snapshot();
    },
    {
      validator: (raw) => {
        const actor = sealedActor(reissuePaymentUpdate.name, raw);
        if (status !== 'payment_cancelled' || reissue !== null) throw conflict(`the claim is ${status}: only a cancelled payment is reissued`);
        const decision = can(actor, 'claim.reissue', region ?? undefined);
        if (!decision.ok) throw forbidden(decision.reason);
        if (typeof raw.note !== 'string' || !raw.note.trim())
          throw invalidPayload('a note is required', [{ path: ['note'], message: 'required', code: 'custom' }]);
      },
    },
  );
  setHandler(claimOpenedUpdate, async () => {
    await condition(() => board.tasksCreated > 0 || status === 'rejected');
    return snapshot();
  });

  const move = (
    next: ClaimStatus,
    action: string,
    actor: Actor | null,
    extra: { narrative?: string; rejectedReason?: string; clearRejectedReason?: boolean; details?: Record<string, unknown> } = {},
  ) => {
    status = next;
    return projection().updateClaim({
      claimId,
      status,
      narrative: extra.narrative,
      rejectedReason: extra.rejectedReason,
      ...(extra.clearRejectedReason ? { clearRejectedReason: true } : {}),
      eventId: uuid4(),
      at: new Date().toISOString(),
      actor,
      action,
      details: extra.details ?? {},
    });
  };
  const end = async () => {
    await board.finish();
    return snapshot();
  };

  const activity = await projection().periodActivity({ tkskId, period });
  const prepared = await projection().prepareClaim({ claimId, tkskId, period, openedBy, at: new Date().toISOString(), activity });
  total = prepared.total;
  const kecamatan = prepared.kecamatanCode;
  region = kecamatan;
  const context = { claimId, period, activity: prepared.activity, components: prepared.components, total: prepared.total };

  // Report → verification → approval, with return one level back.
  let level: 'report' | 'verification' | 'approval' = 'report';
  let returnNotes: string | null = null;
  let verifierId: string | null = null;
  let approved = false;
  while (!approved) {
    if (level === 'report') {
      const r = await board.run<{ narrative: string }>({
        type: 'tali_asih_report',
        caseId: null,
        regionCode: kecamatan,
        assigneeId: tkskId,
        context: { ...context, returnNotes },
      });
      if (!r) continue;
      await move('verification', 'tali_asih.reported', r.actor, { narrative: r.data.narrative });
      level = 'verification';
    } else {
      const type = level === 'verification' ? 'tali_asih_verification' : 'tali_asih_approval';
      const r: TaskResult<{ reason?: string }> | undefined = await board.run<{ reason?: string }>({
        type,
        caseId: null,
        regionCode: kecamatan,
        submittedBy: level === 'verification' ? tkskId : verifierId,
        context: { ...context, returnNotes },
      });
      if (!r) continue;
      if (r.outcome === 'reject') {
        rejectedReason = r.data.reason ?? null;
        await move('rejected', `tali_asih.${level === 'verification' ? 'verification' : 'approval'}_rejected`, r.actor, {
          rejectedReason: r.data.reason,
          details: { reason: r.data.reason },
        });
        return end();
      }
      if (r.outcome === 'return') {
        returnNotes = r.data.reason ?? null;
        level = level === 'verification' ? 'report' : 'verification';
        await move(level, 'tali_asih.returned', r.actor, { details: { reason: r.data.reason, to: level } });
        continue;
      }
      returnNotes = null;
      if (level === 'verification') {
        verifierId = r.actor.id;
        level = 'approval';
        await move('approval', 'tali_asih.verified', r.actor);
      } else {
        await move('awaiting_budget', 'tali_asih.approved', r.actor);
        approved = true;
      }
    }
  }

  // Budget, then disbursement; a cancelled disbursement waits for its reissue and goes round again.
  for (;;) {
    // Budget: reserved in one transaction; otherwise wait for the province to add some.
    for (;;) {
      const nudges = budgetNudges;
      const res = await projection().reserveBudget({ claimId });
      if (res.reserved) break;
      await projection().recordClaimEvent({
        claimId,
        eventId: uuid4(),
        at: new Date().toISOString(),
        action: 'tali_asih.awaiting_budget',
        details: { needed: res.needed, available: res.available },
      });
      await board.waitFor(() => budgetNudges !== nudges, BUDGET_RECHECK_MS);
    }
    await move('disbursing', 'tali_asih.budget_reserved', null, { details: { total } });

    let cancelled = false;
    for (const c of prepared.components) {
      for (;;) {
        try {
          await payments.disburse({ claimId, component: c.component });
          break;
        } catch (err) {
          const rejected = activityFailedWith(err, 'PaymentRejected');
          if (!rejected) throw err;
          const issue = await board.run<{ note?: string; reason?: string }>({
            type: 'tali_asih_payment_issue',
            caseId: null,
            regionCode: kecamatan,
            context: { ...context, component: c.component, amount: c.amount, failure: rejected.message },
          });
          if (issue?.outcome === 'retry') continue;
          await projection().releaseBudget({ claimId });
          rejectedReason = issue?.data.reason ?? 'payment refused';
          if (patched(REISSUE_PATCH)) {
            // The disbursement is cancelled, not the claim: the TKSK can still be paid for the period.
            await move('payment_cancelled', 'tali_asih.payment_cancelled', issue?.actor ?? null, {
              rejectedReason: rejectedReason ?? undefined,
              details: { component: c.component, reason: rejectedReason },
            });
            cancelled = true;
            break;
          }
          await move('rejected', 'tali_asih.payment_cancelled', issue?.actor ?? null, {
            rejectedReason: rejectedReason ?? undefined,
            details: { component: c.component },
          });
          return end();
        }
      }
      if (cancelled) break;
    }
    if (!cancelled) break;

    await board.waitFor(() => reissue !== null);
    const by = reissue!;
    reissue = null;
    rejectedReason = null;
    await projection().reopenCancelledComponents({ claimId });
    await move('awaiting_budget', 'tali_asih.payment_reissued', by.actor, { clearRejectedReason: true, details: { note: by.note } });
  }
  await move('paid', 'tali_asih.completed', null, { details: { total } });
  return end();
}

/** Run by the monthly Schedule: opens the claims of the period that has just begun (WIB). */
export async function openTaliAsihClaimsWorkflow(period?: string): Promise<{ period: string; opened: number; existing: number }> {
  const now = new Date(Date.now() + 7 * 60 * 60 * 1000); // WIB
  const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  // Whoever starts this (the Schedule, an operator backfilling) opens claims as the system: never
  // for a period that has not begun.
  const p = period === undefined ? current : parseInput(periodSchema, period, 'period');
  if (p > current) throw invalidInput(`refused: ${p} has not begun (the current period is ${current})`);
  const r = await acts.openClaimsForPeriod({ period: p });
  return { period: p, ...r };
}
