// KPM data fixes (docs/sembako.md §1, "Data fixes"): the kabupaten operator's decision on a fix
// the API wrote. Accepting changes the register and writes the SIKS-NG change row in one
// transaction, keyed by the fix (a retry finds the change and writes nothing); rejecting keeps the
// reason in the row and in audit_texts. The workflow passes ids only: the corrected NIK is read
// here, from PostgreSQL, and never leaves it (the audit row names fields, not values).
import { ApplicationFailure } from '@temporalio/activity';
import type { Sql, Tx } from '../db';
import { appendActorEvent } from '../db/audit';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/roles';
import { regionChain, regionCovers } from '../domain/regions';
import type { KpmFixApplied, KpmFixKind } from '../domain/sembako';

export interface KpmFixDecision {
  fixId: string;
  /** The workflow's event id: the audit row's key, so a retried decision appends once. */
  eventId: string;
  at: string;
  actor: Actor;
  /** The reviewer's note (accept) or reason (reject): kept beside the chain in audit_texts. */
  note?: string;
  reason?: string;
}

interface FixRow {
  id: string;
  kpmId: string;
  kind: KpmFixKind;
  targetDesaCode: string | null;
  correctedNik: string | null;
  duplicateOf: string | null;
  status: 'diajukan' | 'diterima' | 'ditolak';
}

interface KpmRow {
  status: string;
  statusReason: string | null;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  provinsiCode: string;
  pengurusNik: string;
}

const fixAudit = (tx: Tx, fixId: string, eventId: string, e: { at: string; actor: Actor; action: string; details: Record<string, unknown> }) =>
  appendActorEvent(tx, { ...e, eventKey: `sembako_kpm_fix:${fixId}:${eventId}`, entityType: 'sembako_kpm_fix', entityId: fixId, caseId: null });

/** The register fields the fix changes, before and after (table sembako_kpm_changes). */
function changeOf(fix: FixRow, kpm: KpmRow): { before: Record<string, string | null>; after: Record<string, string | null> } {
  if (fix.kind === 'nik_tidak_sesuai') return { before: { pengurus_nik: kpm.pengurusNik }, after: { pengurus_nik: fix.correctedNik } };
  if (fix.kind === 'pindah' && fix.targetDesaCode && regionCovers(kpm.kabupatenCode, fix.targetDesaCode)) {
    const kecamatan = regionChain(fix.targetDesaCode).kecamatan ?? kpm.kecamatanCode;
    return { before: { desa_code: kpm.desaCode, kecamatan_code: kpm.kecamatanCode }, after: { desa_code: fix.targetDesaCode, kecamatan_code: kecamatan } };
  }
  return { before: { status: kpm.status, status_reason: kpm.statusReason }, after: { status: 'nonaktif', status_reason: fix.kind } };
}

export function kpmFixActivities(sql: Sql) {
  return {
    /** Applies an accepted fix to the register with its change row and audit row, once. */
    async applyKpmFix(d: KpmFixDecision): Promise<KpmFixApplied> {
      return sql.begin(async (tx) => {
        const [fix] = await tx<FixRow[]>`SELECT * FROM sembako_kpm_fixes WHERE id = ${d.fixId} FOR UPDATE`;
        if (!fix) throw ApplicationFailure.nonRetryable(`no KPM fix ${d.fixId}`, 'KpmFixMissing');
        if (fix.status !== 'diajukan') {
          const [reason] = await tx<{ rejectReason: string | null }[]>`SELECT reject_reason FROM sembako_kpm_fixes WHERE id = ${d.fixId}`;
          return { status: fix.status === 'diterima' ? 'diterima' : 'ditolak', reason: reason?.rejectReason ?? null };
        }
        const [kpm] = await tx<KpmRow[]>`SELECT * FROM sembako_kpm WHERE id = ${fix.kpmId} FOR UPDATE`;
        const { before, after } = changeOf(fix, kpm);
        // The register may have moved on since the proposal: a NIK now held by another KPM cannot be set, a nonaktif KPM not deactivated again.
        const nikTaken =
          fix.kind === 'nik_tidak_sesuai' && (await tx`SELECT 1 FROM sembako_kpm WHERE pengurus_nik = ${fix.correctedNik} AND id <> ${fix.kpmId}`).length > 0;
        const refusal = nikTaken ? 'NIK koreksi sudah terdaftar untuk KPM lain' : 'status' in after && kpm.status !== 'aktif' ? 'KPM sudah nonaktif' : null;
        if (refusal) {
          await tx`
            UPDATE sembako_kpm_fixes SET status = 'ditolak', decided_by = ${d.actor.id}, decided_at = ${d.at}, reject_reason = ${refusal} WHERE id = ${d.fixId}`;
          await fixAudit(tx, d.fixId, d.eventId, {
            at: d.at,
            actor: d.actor,
            action: 'sembako_kpm_fix.not_applicable',
            details: { kpmId: fix.kpmId, kind: fix.kind, reason: refusal },
          });
          return { status: 'ditolak', reason: refusal };
        }
        if (fix.kind === 'nik_tidak_sesuai') {
          await tx`UPDATE sembako_kpm SET pengurus_nik = ${fix.correctedNik}, updated_at = ${d.at} WHERE id = ${fix.kpmId}`;
        } else if ('desa_code' in after) {
          await tx`UPDATE sembako_kpm SET desa_code = ${after.desa_code}, kecamatan_code = ${after.kecamatan_code}, updated_at = ${d.at} WHERE id = ${fix.kpmId}`;
        } else {
          await tx`UPDATE sembako_kpm SET status = 'nonaktif', status_reason = ${after.status_reason}, updated_at = ${d.at} WHERE id = ${fix.kpmId}`;
        }
        // The KPM's region after the change: the export lists it where it now lives.
        const kecamatan = after.kecamatan_code ?? kpm.kecamatanCode;
        await tx`
          INSERT INTO sembako_kpm_changes (id, fix_id, kpm_id, kind, before, after, kecamatan_code, kabupaten_code, provinsi_code, decided_by, decided_at)
          VALUES (${randomUUID()}, ${d.fixId}, ${fix.kpmId}, ${fix.kind}, ${tx.json(before as never)}, ${tx.json(after as never)}, ${kecamatan}, ${kpm.kabupatenCode},
                  ${kpm.provinsiCode}, ${d.actor.id}, ${d.at})
          ON CONFLICT (fix_id) DO NOTHING`;
        await tx`UPDATE sembako_kpm_fixes SET status = 'diterima', decided_by = ${d.actor.id}, decided_at = ${d.at} WHERE id = ${d.fixId}`;
        await fixAudit(tx, d.fixId, d.eventId, {
          at: d.at,
          actor: d.actor,
          action: 'sembako_kpm_fix.accepted',
          // Which fields changed, never their values (a NIK stays out of the chain).
          details: { kpmId: fix.kpmId, kind: fix.kind, fields: Object.keys(after), ...(d.note ? { note: d.note } : {}) },
        });
        return { status: 'diterima', reason: null };
      });
    },

    /** Records a rejection and its reason (row and audit_texts), once. */
    async rejectKpmFix(d: KpmFixDecision): Promise<void> {
      await sql.begin(async (tx) => {
        const [fix] = await tx<FixRow[]>`SELECT * FROM sembako_kpm_fixes WHERE id = ${d.fixId} FOR UPDATE`;
        if (!fix) throw ApplicationFailure.nonRetryable(`no KPM fix ${d.fixId}`, 'KpmFixMissing');
        if (fix.status !== 'diajukan') return;
        const reason = d.reason ?? 'ditolak';
        await tx`UPDATE sembako_kpm_fixes SET status = 'ditolak', decided_by = ${d.actor.id}, decided_at = ${d.at}, reject_reason = ${reason} WHERE id = ${d.fixId}`;
        await fixAudit(tx, d.fixId, d.eventId, {
          at: d.at,
          actor: d.actor,
          action: 'sembako_kpm_fix.rejected',
          details: { kpmId: fix.kpmId, kind: fix.kind, reason },
        });
      });
    },
  };
}
