// Tali asih claims: prefill from the period's casework, amounts from the rate and assignment
// tables, budget reservation that can never overspend, exactly-once disbursement.
import { ApplicationFailure, type Client } from '@temporalio/client';
import type { Sql, Tx } from '../db';
import { coveredByAssignment } from '../db/taliAsihEligibility';
import { appendActorEvent, type AuditedTransition } from '../db/audit';
import type { Actor } from '../domain/roles';
import { claimIdOf, periodBounds, type ClaimComponent, type PeriodActivity } from '../domain/taliAsih';
import type { ClaimStatus } from '../domain/workflowContracts';
import { PermanentPaymentError, type PaymentProvider } from './payments/provider';

interface Prepared {
  kecamatanCode: string;
  kabupatenCode: string;
  provinsiCode: string;
  activity: PeriodActivity;
  components: ClaimComponent[];
  total: number;
}

export function taliAsihActivities(sql: Sql, temporal: Client, provider: () => PaymentProvider) {
  const audit = (tx: Tx, e: { key: string; at: string; actor: Actor | null; action: string; claimId: string; details: Record<string, unknown> }) =>
    appendActorEvent(tx, { ...e, eventKey: e.key, entityType: 'tali_asih_claim', entityId: e.claimId, caseId: null });

  return {
    /** The TKSK's casework and Sembako work in the period (WIB month), from the projection tables. */
    async periodActivity(a: { tkskId: string; period: string }): Promise<PeriodActivity> {
      const { start, end } = periodBounds(a.period);
      const [row] = await sql<PeriodActivity[]>`
        SELECT
          (SELECT count(*) FROM cases WHERE registered_by = ${a.tkskId} AND created_at >= ${start} AND created_at < ${end})::int AS cases_registered,
          (SELECT count(*) FROM tasks WHERE type = 'asesmen' AND status = 'completed' AND actor_id = ${a.tkskId} AND completed_at >= ${start} AND completed_at < ${end})::int AS assessments,
          (SELECT count(*) FROM tasks WHERE type = 'pendampingan_visit' AND status = 'completed' AND actor_id = ${a.tkskId} AND completed_at >= ${start} AND completed_at < ${end})::int AS visits,
          (SELECT count(*) FROM referrals WHERE requested_by = ${a.tkskId} AND created_at >= ${start} AND created_at < ${end})::int AS referrals,
          (SELECT count(*) FROM cases WHERE assignee_id = ${a.tkskId} AND status = 'closed' AND closed_at >= ${start} AND closed_at < ${end})::int AS closures,
          (SELECT count(*) FROM tasks WHERE type = 'sembako_tikor_meeting' AND status = 'completed' AND actor_id = ${a.tkskId} AND completed_at >= ${start} AND completed_at < ${end})::int AS tikor_meetings,
          (SELECT count(*) FROM tasks WHERE type = 'sembako_monitoring' AND status = 'completed' AND actor_id = ${a.tkskId} AND completed_at >= ${start} AND completed_at < ${end})::int AS points_monitored,
          (SELECT count(*) FROM complaints WHERE received_by = ${a.tkskId}
             AND received_on >= ${`${a.period}-01`}::date AND received_on < ${`${a.period}-01`}::date + interval '1 month')::int AS complaints_received,
          (SELECT count(DISTINCT workflow_id) FROM tasks WHERE actor_id = ${a.tkskId} AND status = 'completed' AND completed_at >= ${start} AND completed_at < ${end}
             AND ((type = 'pengaduan_resolution' AND outcome = 'resolved') OR (type = 'pengaduan_forward' AND outcome = 'resolve_directly')))::int AS complaints_resolved,
          (SELECT count(*) FROM complaints WHERE assignee_id = ${a.tkskId} AND status = 'closed' AND closed_at >= ${start} AND closed_at < ${end})::int AS complaints_closed`;
      // Claims opened before the Sembako counts have none (their histories hold this answer as it was).
      // The month's approved monthly report (laporan bulanan) is the prefill's source when there
      // is one: its figures, as the kabupaten approved them, and its id to link to.
      const [report] = await sql<{ id: string; counts: Record<string, number>; approvedAt: Date }[]>`
        SELECT id, counts, approved_at FROM monthly_reports WHERE tksk_id = ${a.tkskId} AND period = ${a.period} AND status = 'approved'`;
      if (!report) return row;
      const fromReport = Object.fromEntries(Object.keys(row).map((k) => [k, Number(report.counts[k] ?? (row as unknown as Record<string, number>)[k])]));
      return { ...row, ...fromReport, monthlyReportId: report.id, monthlyReportApprovedAt: report.approvedAt.toISOString() };
    },

    /** Writes the claim and its components once (a retry finds them) and returns them. */
    async prepareClaim(a: {
      claimId: string;
      tkskId: string;
      period: string;
      openedBy: Actor | null;
      at: string;
      activity: PeriodActivity;
    }): Promise<Prepared> {
      return sql.begin(async (tx) => {
        const [user] = await tx<{ regionCode: string; role: string }[]>`SELECT region_code, role FROM users WHERE id = ${a.tkskId}`;
        if (!user || user.role !== 'tksk' || !user.regionCode) throw ApplicationFailure.nonRetryable(`${a.tkskId} is not a TKSK`, 'InvalidInput');
        const [kab, prov] = [user.regionCode.split('.').slice(0, 2).join('.'), user.regionCode.split('.')[0]];
        const periodStart = `${a.period}-01`;
        const [rate] = await tx<{ amount: string; fundingSource: string }[]>`
          SELECT amount, funding_source FROM tali_asih_rates
          WHERE valid_from <= ${periodStart}::date AND (valid_to IS NULL OR valid_to >= ${periodStart}::date)
          ORDER BY valid_from DESC LIMIT 1`;
        if (!rate) throw ApplicationFailure.nonRetryable(`no tali asih rate is valid for ${a.period}`, 'NoRate');
        const assignments = await tx<{ component: string; label: string; amount: string }[]>`
          SELECT component, label, amount FROM tali_asih_assignments
          WHERE tksk_id = ${a.tkskId} AND valid_from <= (${periodStart}::date + interval '1 month' - interval '1 day')
            AND (valid_to IS NULL OR valid_to >= ${periodStart}::date)
          ORDER BY component`;
        const components: ClaimComponent[] = [
          { component: 'base', label: 'Tali asih bulanan', amount: Number(rate.amount) },
          ...assignments.map((x) => ({ component: x.component, label: x.label, amount: Number(x.amount) })),
        ];
        const total = components.reduce((n, c) => n + c.amount, 0);
        const inserted = await tx`
          INSERT INTO tali_asih_claims (id, tksk_id, period, kecamatan_code, kabupaten_code, provinsi_code, funding_source, status, activity, total_amount, opened_by, created_at)
          VALUES (${a.claimId}, ${a.tkskId}, ${a.period}, ${user.regionCode}, ${kab}, ${prov}, ${rate.fundingSource}, 'report', ${tx.json(a.activity as never)}, ${total}, ${a.openedBy?.id ?? null}, ${a.at})
          ON CONFLICT (id) DO NOTHING RETURNING id`;
        if (inserted.length) {
          for (const c of components) {
            await tx`
              INSERT INTO tali_asih_components (claim_id, tksk_id, period, component, label, amount)
              VALUES (${a.claimId}, ${a.tkskId}, ${a.period}, ${c.component}, ${c.label}, ${c.amount})`;
          }
          await audit(tx, {
            key: `claim:${a.claimId}:opened`,
            at: a.at,
            actor: a.openedBy,
            action: 'tali_asih.opened',
            claimId: a.claimId,
            details: { period: a.period, total, components: components.map((c) => c.component) },
          });
        }
        return { kecamatanCode: user.regionCode, kabupatenCode: kab, provinsiCode: prov, activity: a.activity, components, total };
      });
    },

    async updateClaim(
      u: AuditedTransition & {
        claimId: string;
        status: ClaimStatus;
        narrative?: string;
        rejectedReason?: string;
        /** A reissued payment: the cancellation's reason no longer stands. */
        clearRejectedReason?: boolean;
        actor: Actor | null;
      },
    ): Promise<void> {
      await sql.begin(async (tx) => {
        await tx`
          UPDATE tali_asih_claims SET status = ${u.status}, narrative = coalesce(${u.narrative ?? null}, narrative),
                 rejected_reason = ${u.clearRejectedReason ? null : tx`coalesce(${u.rejectedReason ?? null}, rejected_reason)`}, updated_at = now()
          WHERE id = ${u.claimId}`;
        await audit(tx, {
          key: `claim:${u.claimId}:${u.eventId}`,
          at: u.at,
          actor: u.actor,
          action: u.action,
          claimId: u.claimId,
          details: { status: u.status, ...u.details },
        });
      });
    },

    /**
     * Reserves the claim's pending amount on its provinsi's allocation for the period, in one
     * transaction with the budget row locked: concurrent approvals queue on the lock, and the
     * table's CHECK (reserved + paid <= allocated) backs it up.
     */
    async reserveBudget(a: { claimId: string }): Promise<{ reserved: boolean; needed: number; available: number }> {
      return sql.begin(async (tx) => {
        const [claim] = await tx<{ provinsiCode: string; period: string; fundingSource: string }[]>`
          SELECT provinsi_code, period, funding_source FROM tali_asih_claims WHERE id = ${a.claimId}`;
        const pending = await tx<{ component: string; amount: string }[]>`
          SELECT component, amount FROM tali_asih_components WHERE claim_id = ${a.claimId} AND status = 'pending' FOR UPDATE`;
        const needed = pending.reduce((n, p) => n + Number(p.amount), 0);
        if (needed === 0) return { reserved: true, needed: 0, available: 0 };
        const [budget] = await tx<{ allocated: string; reserved: string; paid: string }[]>`
          SELECT allocated, reserved, paid FROM tali_asih_budgets
          WHERE provinsi_code = ${claim.provinsiCode} AND period = ${claim.period} AND funding_source = ${claim.fundingSource} FOR UPDATE`;
        const available = budget ? Number(budget.allocated) - Number(budget.reserved) - Number(budget.paid) : 0;
        if (available < needed) return { reserved: false, needed, available };
        await tx`
          UPDATE tali_asih_budgets SET reserved = reserved + ${needed}, updated_at = now()
          WHERE provinsi_code = ${claim.provinsiCode} AND period = ${claim.period} AND funding_source = ${claim.fundingSource}`;
        await tx`UPDATE tali_asih_components SET status = 'reserved' WHERE claim_id = ${a.claimId} AND status = 'pending'`;
        return { reserved: true, needed, available };
      });
    },

    /**
     * Pays one component exactly once: the provider's idempotency key is claim + component, and
     * the component row moves reserved → paid only once. Transient failures throw (the activity
     * retries with backoff); a refusal is a non-retryable PaymentRejected.
     */
    async disburse(a: { claimId: string; component: string }): Promise<{ receiptRef: string }> {
      const [row] = await sql<{ status: string; paymentRef: string | null; amount: string; bankAccount: string | null; tkskId: string; period: string }[]>`
        SELECT c.status, c.payment_ref, c.amount, u.bank_account, c.tksk_id, c.period
        FROM tali_asih_components c JOIN users u ON u.id = c.tksk_id
        WHERE c.claim_id = ${a.claimId} AND c.component = ${a.component}`;
      if (row.status === 'paid') return { receiptRef: row.paymentRef! };
      if (row.status !== 'reserved' && row.status !== 'failed')
        throw ApplicationFailure.nonRetryable(`component ${a.component} is ${row.status}, not reserved`, 'NotReserved');
      let receipt;
      try {
        receipt = await provider().pay({
          idempotencyKey: `${a.claimId}:${a.component}`,
          account: row.bankAccount ?? '',
          amount: Number(row.amount),
          reference: `Tali asih ${row.period} ${a.component}`,
        });
      } catch (err) {
        if (err instanceof PermanentPaymentError) {
          await sql`UPDATE tali_asih_components SET status = 'failed', failure = ${err.message}, failure_code = ${err.code} WHERE claim_id = ${a.claimId} AND component = ${a.component} AND status = 'reserved'`;
          throw ApplicationFailure.nonRetryable(err.message, 'PaymentRejected');
        }
        throw err;
      }
      await sql.begin(async (tx) => {
        const moved = await tx`
          UPDATE tali_asih_components SET status = 'paid', payment_ref = ${receipt.receiptRef}, paid_at = ${receipt.paidAt}, failure = NULL, failure_code = NULL
          WHERE claim_id = ${a.claimId} AND component = ${a.component} AND status IN ('reserved', 'failed') RETURNING amount`;
        if (!moved.length) return;
        const [claim] = await tx`SELECT provinsi_code, period, funding_source FROM tali_asih_claims WHERE id = ${a.claimId}`;
        await tx`
          UPDATE tali_asih_budgets SET reserved = reserved - ${moved[0].amount}, paid = paid + ${moved[0].amount}, updated_at = now()
          WHERE provinsi_code = ${claim.provinsiCode} AND period = ${claim.period} AND funding_source = ${claim.fundingSource}`;
        await audit(tx, {
          key: `claim:${a.claimId}:paid:${a.component}`,
          at: receipt.paidAt,
          actor: null,
          action: 'tali_asih.paid',
          claimId: a.claimId,
          details: { component: a.component, amount: Number(moved[0].amount), receiptRef: receipt.receiptRef },
        });
      });
      return { receiptRef: receipt.receiptRef };
    },

    async recordClaimEvent(e: { claimId: string; eventId: string; at: string; action: string; details: Record<string, unknown> }): Promise<void> {
      await sql.begin((tx) =>
        audit(tx, { key: `claim:${e.claimId}:${e.eventId}`, at: e.at, actor: null, action: e.action, claimId: e.claimId, details: e.details }),
      );
    },

    /** A claim that will not be paid gives its reservation back. */
    async releaseBudget(a: { claimId: string }): Promise<void> {
      await sql.begin(async (tx) => {
        const held = await tx<{ amount: string }[]>`
          UPDATE tali_asih_components SET status = 'cancelled' WHERE claim_id = ${a.claimId} AND status IN ('reserved', 'failed') RETURNING amount`;
        const total = held.reduce((n, h) => n + Number(h.amount), 0);
        if (!total) return;
        const [claim] = await tx`SELECT provinsi_code, period, funding_source FROM tali_asih_claims WHERE id = ${a.claimId}`;
        await tx`
          UPDATE tali_asih_budgets SET reserved = reserved - ${total}, updated_at = now()
          WHERE provinsi_code = ${claim.provinsiCode} AND period = ${claim.period} AND funding_source = ${claim.fundingSource}`;
      });
    },

    /** A reissued payment: the components its cancellation released wait for a reservation again. */
    async reopenCancelledComponents(a: { claimId: string }): Promise<{ reopened: number }> {
      const rows =
        await sql`UPDATE tali_asih_components SET status = 'pending', failure = NULL, failure_code = NULL WHERE claim_id = ${a.claimId} AND status = 'cancelled' RETURNING component`;
      return { reopened: rows.length };
    },

    /** The monthly schedule: opens a claim for every active TKSK (an existing one is left alone). */
    async openClaimsForPeriod(a: { period: string }): Promise<{ opened: number; existing: number }> {
      // Active TKSK accounts whose assignment covers the period (or who have no assignment record: as before).
      const tksk = await sql<{ id: string }[]>`
        SELECT u.id FROM users u WHERE u.role = 'tksk' AND NOT u.disabled AND ${coveredByAssignment(sql, a.period)} ORDER BY u.id`;
      let opened = 0;
      let existing = 0;
      for (const { id } of tksk) {
        try {
          await temporal.workflow.start('taliAsihWorkflow', {
            workflowId: claimIdOf(id, a.period),
            taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'kesos-flow',
            args: [{ claimId: claimIdOf(id, a.period), tkskId: id, period: a.period, openedBy: null }],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
          opened++;
        } catch (err) {
          if ((err as Error).name === 'WorkflowExecutionAlreadyStartedError') existing++;
          else throw err;
        }
      }
      return { opened, existing };
    },
  };
}
