// Program Sembako's workflows' projections. Complaints (pengaduan): the complaint row and its transitions, each with its audit row in
// the same transaction, keyed by the workflow's event id so a retry writes once. Audit rows hold
// codes and decisions; the complainant's words and name stay in the complaint row.
import type { Sql, Tx } from '../db';
import { appendActorEvent, type AuditedTransition } from '../db/audit';
import { ApplicationFailure } from '@temporalio/activity';
import type {
  Answerer,
  ChecklistItem,
  ComplaintIntake,
  ComplaintStatus,
  DistributionPoint,
  KpmCheckSummary,
  SembakoPeriodStatus,
  SembakoPeriodTotals,
} from '../domain/sembako';
import type { Actor } from '../domain/roles';
import type { SanctionWorkflowInput } from '../domain/sembako';

export interface ComplaintReceived {
  complaintId: string;
  workflowId: string;
  intake: ComplaintIntake;
  regions: { provinsi: string; kabupaten: string; kecamatan: string };
  receivedBy: Actor;
  assigneeId: string | null;
  at: string;
}

export interface ComplaintTransition extends AuditedTransition {
  complaintId: string;
  status: ComplaintStatus;
  /** Set when the complaint is forwarded (null clears it: forwarded again, resolved directly). */
  answerer?: Answerer | null;
  /** Set when it is resolved: what was done and its evidence. */
  resolution?: Record<string, unknown>;
}

const audit = (tx: Tx, complaintId: string, e: AuditedTransition) =>
  appendActorEvent(tx, { ...e, eventKey: `complaint:${complaintId}:${e.eventId}`, entityType: 'complaint', entityId: complaintId, caseId: null });

export function complaintActivities(sql: Sql) {
  return {
    /** The complaint row and its `complaint.received` audit row, once. */
    async recordComplaint(c: ComplaintReceived): Promise<void> {
      const { intake: i } = c;
      await sql.begin(async (tx) => {
        const inserted = await tx`
          INSERT INTO complaints (id, workflow_id, channel, lapor_reference, category, description, received_on,
                                  complainant_name, complainant_phone, complainant_is_kpm, subject_kind, kpm_id, e_warong_name, e_warong_desa_code,
                                  status, kecamatan_code, kabupaten_code, provinsi_code, assignee_id, received_by, created_at, updated_at)
          VALUES (${c.complaintId}, ${c.workflowId}, ${i.channel}, ${i.laporReference ?? null}, ${i.category}, ${i.description}, ${i.receivedOn},
                  ${i.complainant.name ?? null}, ${i.complainant.phone ?? null}, ${i.complainant.isKpm}, ${i.subject.kind},
                  ${i.subject.kind === 'kpm' ? i.subject.kpmId : null}, ${i.subject.kind === 'e_warong' ? i.subject.name : null},
                  ${i.subject.kind === 'e_warong' ? (i.subject.desaCode ?? null) : null},
                  'forwarding', ${c.regions.kecamatan}, ${c.regions.kabupaten}, ${c.regions.provinsi}, ${c.assigneeId}, ${c.receivedBy.id}, ${c.at}, ${c.at})
          ON CONFLICT (id) DO NOTHING RETURNING id`;
        if (!inserted.length) return;
        await audit(tx, c.complaintId, {
          eventId: 'received',
          at: c.at,
          actor: c.receivedBy,
          action: 'complaint.received',
          details: {
            channel: i.channel,
            category: i.category,
            laporReference: i.laporReference,
            subject: i.subject.kind,
            kpmId: i.subject.kind === 'kpm' ? i.subject.kpmId : undefined,
            kecamatanCode: c.regions.kecamatan,
          },
        });
      });
    },

    /** A transition of the complaint (forwarded, acknowledged, resolved, closed, withdrawn, reopened, a note), with its audit row. */
    async updateComplaint(t: ComplaintTransition): Promise<void> {
      await sql.begin(async (tx) => {
        const [done] = await tx`SELECT 1 FROM audit_log WHERE event_key = ${`complaint:${t.complaintId}:${t.eventId}`}`;
        if (done) return;
        await tx`
          UPDATE complaints SET status = ${t.status},
                 answerer_type = CASE WHEN ${t.answerer !== undefined} THEN ${t.answerer?.type ?? null} ELSE answerer_type END,
                 answerer_name = CASE WHEN ${t.answerer !== undefined} THEN ${t.answerer?.name ?? null} ELSE answerer_name END,
                 resolution = coalesce(${t.resolution ? tx.json(t.resolution as never) : null}, resolution),
                 closed_at = CASE WHEN ${t.status === 'closed' || t.status === 'withdrawn'} THEN ${t.at}::timestamptz ELSE NULL END,
                 updated_at = ${t.at}
          WHERE id = ${t.complaintId}`;
        await audit(tx, t.complaintId, t);
      });
    },
  };
}

/** A distribution period's row: opened once, with the checklist that applies to it. */
export interface SembakoPeriodOpened {
  periodId: string;
  period: string;
  regions: { provinsi: string; kabupaten: string; kecamatan: string };
  points: DistributionPoint[];
  /** Null: opened by the kabupaten's distribution calendar (the system), naming its entry. */
  openedBy: Actor | null;
  at: string;
  calendarEntryId?: string;
}

export interface SembakoPeriodTransition extends AuditedTransition {
  periodId: string;
  status: SembakoPeriodStatus;
  /** The period's totals once every point is monitored (realisation, card problems, failed items). */
  totals?: SembakoPeriodTotals;
  /** The report as the TKSK submitted it (the projection keeps the latest). */
  report?: Record<string, unknown>;
  /** The KPM list check's counts, once it is done. */
  kpmCheck?: KpmCheckSummary;
}

const periodAudit = (tx: Tx, periodId: string, e: AuditedTransition) =>
  appendActorEvent(tx, { ...e, eventKey: `sembako_period:${periodId}:${e.eventId}`, entityType: 'sembako_period', entityId: periodId, caseId: null });

export function sembakoPeriodActivities(sql: Sql) {
  return {
    /**
     * Writes the period's row (once) with the checklist of the most specific region and the latest
     * version valid for the period, and answers that checklist: read here so history keeps it.
     */
    async openSembakoPeriod(p: SembakoPeriodOpened): Promise<{ checklist: ChecklistItem[] }> {
      return sql.begin(async (tx) => {
        const [existing] = await tx<{ checklist: ChecklistItem[] }[]>`SELECT checklist FROM sembako_periods WHERE id = ${p.periodId}`;
        if (existing) return { checklist: existing.checklist };
        const [found] = await tx<{ items: ChecklistItem[] }[]>`
          SELECT items FROM sembako_checklists
          WHERE valid_from <= ${p.period}
            AND (region_code = '' OR ${p.regions.kecamatan} = region_code OR ${p.regions.kecamatan} LIKE region_code || '.%')
          ORDER BY length(region_code) DESC, valid_from DESC LIMIT 1`;
        if (!found) throw ApplicationFailure.nonRetryable(`no monitoring checklist applies to ${p.regions.kecamatan} in ${p.period}`, 'NoChecklist');
        await tx`
          INSERT INTO sembako_periods (id, period, kecamatan_code, kabupaten_code, provinsi_code, status, points, checklist, opened_by, created_at, updated_at)
          VALUES (${p.periodId}, ${p.period}, ${p.regions.kecamatan}, ${p.regions.kabupaten}, ${p.regions.provinsi}, 'tikor',
                  ${tx.json(p.points as never)}, ${tx.json(found.items as never)}, ${p.openedBy?.id ?? null}, ${p.at}, ${p.at})`;
        await periodAudit(tx, p.periodId, {
          eventId: 'opened',
          at: p.at,
          actor: p.openedBy,
          action: 'sembako_period.opened',
          details: {
            period: p.period,
            kecamatanCode: p.regions.kecamatan,
            points: p.points.map((x) => x.pointId),
            ...(p.calendarEntryId ? { calendarEntryId: p.calendarEntryId } : {}),
          },
        });
        return { checklist: found.items };
      });
    },

    async updateSembakoPeriod(t: SembakoPeriodTransition): Promise<void> {
      await sql.begin(async (tx) => {
        const [done] = await tx`SELECT 1 FROM audit_log WHERE event_key = ${`sembako_period:${t.periodId}:${t.eventId}`}`;
        if (done) return;
        await tx`UPDATE sembako_periods SET status = ${t.status}, updated_at = ${t.at} WHERE id = ${t.periodId}`;
        if (t.totals)
          await tx`
            UPDATE sembako_periods SET points_monitored = ${t.totals.points}, kpm_listed = ${t.totals.kpmListed}, kpm_served = ${t.totals.kpmServed},
                   card_problems = ${tx.json(t.totals.cardProblems as never)}, failed_items = ${t.totals.failedItems},
                   revocations_recommended = ${tx.json(t.totals.revocationsRecommended as never)}
            WHERE id = ${t.periodId}`;
        if (t.report) await tx`UPDATE sembako_periods SET report_summary = ${tx.json(t.report as never)} WHERE id = ${t.periodId}`;
        if (t.kpmCheck) await tx`UPDATE sembako_periods SET kpm_check = ${tx.json(t.kpmCheck as never)} WHERE id = ${t.periodId}`;
        const { totals: _totals, report: _report, kpmCheck: _kpmCheck, ...audited } = t;
        await periodAudit(tx, t.periodId, audited);
      });
    },
  };
}

/** A sanction recommendation's row (written by the API before the start, with its reasoning) and its moves. */
export interface SanctionTransition extends AuditedTransition {
  sanctionId: string;
  status: 'awaiting_approval' | 'approved' | 'rejected';
  /** Set with the decision: who decided, and the reason of a rejection (kept in the row and audit_texts, not the chain). */
  decidedBy?: string;
}

const sanctionAudit = (tx: Tx, sanctionId: string, e: AuditedTransition) =>
  appendActorEvent(tx, { ...e, eventKey: `sembako_sanction:${sanctionId}:${e.eventId}`, entityType: 'sembako_sanction', entityId: sanctionId, caseId: null });

export function sembakoSanctionActivities(sql: Sql) {
  return {
    /** Writes the proposal's row once (with its letter number) and its audit row: ids and codes in the chain, the reasoning in the row. */
    async recordSanction(p: SanctionWorkflowInput & { workflowId: string }): Promise<void> {
      await sql.begin(async (tx) => {
        const [existing] = await tx`SELECT 1 FROM sembako_sanctions WHERE id = ${p.sanctionId}`;
        if (existing) return;
        const [{ n }] = await tx<{ n: string }[]>`SELECT nextval('sembako_sanction_numbers')::text AS n`;
        const year = p.proposedAt.slice(0, 4);
        const letterNumber = `${n.padStart(3, '0')}/REKOM-SANKSI/${p.regions.kabupaten}/${year}`;
        await tx`
          INSERT INTO sembako_sanctions (id, workflow_id, letter_number, e_warong_name, e_warong_desa_code, complaint_ids, period_ids, kind,
                                         repayment_amount, reasoning, status, kecamatan_code, kabupaten_code, provinsi_code, proposed_by, created_at, updated_at)
          VALUES (${p.sanctionId}, ${p.workflowId}, ${letterNumber}, ${p.eWarong.name}, ${p.eWarong.desaCode}, ${p.complaintIds}::uuid[], ${p.periodIds}::text[],
                  ${p.kind}, ${p.repaymentAmount}, ${p.reasoning}, 'awaiting_approval', ${p.regions.kecamatan}, ${p.regions.kabupaten}, ${p.regions.provinsi},
                  ${p.proposedBy.id}, ${p.proposedAt}, ${p.proposedAt})`;
        await sanctionAudit(tx, p.sanctionId, {
          eventId: 'proposed',
          at: p.proposedAt,
          actor: p.proposedBy,
          action: 'sembako_sanction.proposed',
          details: { kind: p.kind, repayment: p.repaymentAmount !== null, complaintIds: p.complaintIds, periodIds: p.periodIds, letterNumber },
        });
      });
    },

    async updateSanction(t: SanctionTransition): Promise<void> {
      await sql.begin(async (tx) => {
        const [done] = await tx`SELECT 1 FROM audit_log WHERE event_key = ${`sembako_sanction:${t.sanctionId}:${t.eventId}`}`;
        if (done) return;
        const reason = typeof t.details.reason === 'string' ? t.details.reason : null;
        if (t.decidedBy) {
          await tx`
            UPDATE sembako_sanctions SET status = ${t.status}, decided_by = ${t.decidedBy}, decided_at = ${t.at}, decision_reason = ${reason}, updated_at = ${t.at}
            WHERE id = ${t.sanctionId}`;
        } else {
          await tx`UPDATE sembako_sanctions SET status = ${t.status}, updated_at = ${t.at} WHERE id = ${t.sanctionId}`;
        }
        await sanctionAudit(tx, t.sanctionId, t);
      });
    },
  };
}
