// Case rows, referral rows, interventions and policies.
import type { Sql, Tx } from '../db';
import { appendActorEvent, appendEntityEvent, type AuditedTransition } from '../db/audit';
import type { CaseStatus } from '../domain/case';
import { caseSettingsFor } from '../db/settings';
import type { CaseSettings } from '../domain/caseSettings';
import type { Actor } from '../domain/roles';
import type { ReferralInput } from '../domain/workflowContracts';
import type { CaseWorkflowInput } from '../domain/workflowContracts';

export interface CaseUpdate extends AuditedTransition {
  caseId: string;
  status: CaseStatus;
  step: string;
  closedReason: string | null;
  assigneeId: string;
  paused: boolean;
  actor: Actor | null;
}

/** The audit row of a case event; the event id (from the workflow) makes it idempotent. */
const caseAudit = (tx: Tx, e: AuditedTransition & { caseId: string }) =>
  appendActorEvent(tx, { ...e, eventKey: `case:${e.caseId}:${e.eventId}`, entityType: 'case', entityId: e.caseId });

export function caseActivities(sql: Sql) {
  return {
    async recordCaseRegistered(input: CaseWorkflowInput): Promise<void> {
      const { caseId, registration: r, registeredBy, regions } = input;
      const b = r.beneficiary;
      await sql.begin(async (tx) => {
        await tx`
          INSERT INTO cases (id, workflow_id, nik, name, birth_date, sex, address, desa_code, kecamatan_code, kabupaten_code,
                             provinsi_code, pmks_code, summary, consent, status, step, assignee_id, registered_by, created_at)
          VALUES (${caseId}, ${`case-${caseId}`}, ${b.nik}, ${b.name}, ${b.birthDate}, ${b.sex}, ${b.address}, ${regions.desa},
                  ${regions.kecamatan}, ${regions.kabupaten}, ${regions.provinsi}, ${r.pmksCode}, ${r.summary}, ${tx.json(r.consent as never)},
                  'assessment', 'registrasi', ${registeredBy.id}, ${registeredBy.id}, ${input.registeredAt})
          ON CONFLICT (id) DO NOTHING`;
        await appendEntityEvent(tx, { type: 'case', id: caseId, caseId }, 'registered', {
          at: input.registeredAt,
          actor: registeredBy,
          // No personal data in the audit trail: codes and the consent basis only.
          details: { pmksCode: r.pmksCode, desaCode: regions.desa, consentBasis: r.consent.basis },
        });
      });
    },

    async updateCase(u: CaseUpdate): Promise<void> {
      await sql.begin(async (tx) => {
        await tx`
          UPDATE cases SET status = ${u.status}, step = ${u.step}, closed_reason = ${u.closedReason}, assignee_id = ${u.assigneeId},
                 paused = ${u.paused}, updated_at = now(),
                 -- the retention clock starts when a case ends, and stops if it is reopened
                 closed_at = CASE WHEN ${u.status} IN ('closed', 'cancelled') THEN coalesce(closed_at, ${u.at}::timestamptz) ELSE NULL END
          WHERE id = ${u.caseId}`;
        await caseAudit(tx, { ...u, details: { status: u.status, step: u.step, closedReason: u.closedReason, ...u.details } });
      });
    },

    /** An audit-only event of a case (note, intervention requested/declined, reminder). */
    async recordCaseEvent(e: AuditedTransition & { caseId: string; actor: Actor | null }): Promise<void> {
      await sql.begin((tx) => caseAudit(tx, e));
    },

    /** Case settings for a region (the activity keeps its first name: histories record it). */
    async getCasePolicies(regionCode: string): Promise<CaseSettings> {
      return caseSettingsFor(sql, regionCode);
    },

    async recordReferral(r: ReferralInput & { at: string }): Promise<void> {
      await sql.begin(async (tx) => {
        await tx`
          INSERT INTO referrals (id, case_id, workflow_id, destination_type, institution_name, reason, urgency, requested_by, created_at, psks_id)
          VALUES (${r.referralId}, ${r.caseId}, ${`rujukan-${r.referralId}`}, ${r.referral.destinationType}, ${r.referral.institutionName},
                  ${r.referral.reason}, ${r.referral.urgency}, ${r.requestedBy.id}, ${r.at}, ${r.referral.psksId ?? null})
          ON CONFLICT (id) DO NOTHING`;
        // A referral to a PSKS directory entry names it (the API checked it exists in the TKSK's region).
        const details = {
          destinationType: r.referral.destinationType,
          urgency: r.referral.urgency,
          ...(r.referral.psksId ? { psksId: r.referral.psksId } : {}),
        };
        await appendEntityEvent(tx, { type: 'rujukan', id: r.referralId, caseId: r.caseId }, 'created', { at: r.at, actor: r.requestedBy, details });
      });
    },

    async closeReferral(r: {
      referralId: string;
      caseId: string;
      status: 'served' | 'not_served' | 'cancelled';
      outcome: unknown;
      actor: Actor | null;
      at: string;
    }): Promise<void> {
      await sql.begin(async (tx) => {
        await tx`UPDATE referrals SET status = ${r.status}, closed_at = ${r.at}, outcome = ${tx.json((r.outcome ?? null) as never)} WHERE id = ${r.referralId} AND status = 'open'`;
        await appendEntityEvent(tx, { type: 'rujukan', id: r.referralId, caseId: r.caseId }, 'closed', {
          at: r.at,
          actor: r.actor,
          details: { status: r.status },
        });
      });
    },
  };
}
