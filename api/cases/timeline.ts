// The human-readable timeline of a case (PRODUCT.md §4): its audit rows (every decision and
// intervention, with actor and reason) as sentences, newest last, in Bahasa Indonesia or English.
import type { z } from 'zod';
import type { Sql } from '../../db';
import { detailsWithTexts } from '../../db/auditTexts';
import { TASK_TYPE_INFO, type TaskType } from '../../domain/taskTypes';
import type { timelineEntrySchema } from './schema';

type Lang = 'id' | 'en';
type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** An audit row of the case with its actor's name: the entry before it is told. */
type Row = Omit<TimelineEntry, 'id' | 'at' | 'text'> & { seq: string; at: Date; details: Record<string, any> };

const OUTCOME: Record<Lang, Record<string, string>> = {
  id: {
    approve: 'menyetujui',
    return: 'mengembalikan',
    reject: 'menolak',
    continue: 'melanjutkan pendampingan setelah',
    refer: 'merujuk setelah',
    propose_closure: 'mengusulkan terminasi setelah',
    served: 'mencatat rujukan dilayani pada',
    not_served: 'mencatat rujukan tidak dilayani pada',
  },
  en: {
    approve: 'approved',
    return: 'returned',
    reject: 'rejected',
    continue: 'continued pendampingan after',
    refer: 'referred after',
    propose_closure: 'proposed closure after',
    served: 'recorded the referral as served in',
    not_served: 'recorded the referral as not served in',
  },
};

function sentence(r: Row, lang: Lang): string {
  const who = r.actorName ?? (lang === 'id' ? 'Sistem' : 'System');
  const d = r.details ?? {};
  const title = (t: string) =>
    t in TASK_TYPE_INFO ? (lang === 'id' ? TASK_TYPE_INFO[t as TaskType].titleId : TASK_TYPE_INFO[t as TaskType].titleEn).toLowerCase() : t;
  const why = d.reason ? `: "${d.reason}"` : '';
  const id = lang === 'id';
  switch (r.action) {
    case 'case.registered':
      return id
        ? `${who} meregistrasi kasus (${d.pmksCode}, dasar persetujuan: ${d.consentBasis})`
        : `${who} registered the case (${d.pmksCode}, consent basis: ${d.consentBasis})`;
    case 'task.created':
      return id ? `Tugas ${title(d.type)} dibuat` : `Task ${title(d.type)} created`;
    case 'task.completed':
      if (d.outcome) return `${who} ${OUTCOME[lang][d.outcome] ?? d.outcome} ${title(d.type)}${why}`;
      return id ? `${who} menyelesaikan ${title(d.type)}` : `${who} completed ${title(d.type)}`;
    case 'task.cancelled':
      return id ? `Tugas dibatalkan${why}` : `Task cancelled${why}`;
    case 'task.overdue':
      return id ? 'Tenggat terlewati: tugas terlambat, dieskalasi ke supervisor' : 'Deadline missed: task overdue, escalated to the supervisor';
    case 'rujukan.reminder':
      return id ? 'Pengingat: umpan balik rujukan belum diterima' : 'Reminder: no referral feedback yet';
    case 'rujukan.escalated':
      return id ? 'Umpan balik rujukan belum diterima: dieskalasi ke supervisor' : 'Still no referral feedback: escalated to the supervisor';
    case 'rujukan.created':
      return id
        ? `${who} membuat rujukan (${d.destinationType}, urgensi ${d.urgency})`
        : `${who} created a referral (${d.destinationType}, urgency ${d.urgency})`;
    case 'rujukan.closed':
      return id ? `Rujukan ditutup (${d.status})` : `Referral closed (${d.status})`;
    case 'case.note':
      return id ? `${who} menambahkan catatan: "${d.text}"` : `${who} added a note: "${d.text}"`;
    case 'case.paused':
      return id ? `${who} menjeda kasus${why}` : `${who} paused the case${why}`;
    case 'case.resumed':
      return id ? `${who} melanjutkan kasus${why}` : `${who} resumed the case${why}`;
    case 'case.reassigned':
      return id ? `${who} mengalihkan kasus ke ${d.to}${why}` : `${who} reassigned the case to ${d.to}${why}`;
    case 'case.deadline_extended':
      return id ? `${who} memperpanjang tenggat${why}` : `${who} extended a deadline${why}`;
    case 'case.cancelled':
      return id ? `${who} membatalkan kasus${why}` : `${who} cancelled the case${why}`;
    case 'case.reopened':
      return id ? `${who} membuka kembali kasus${why}` : `${who} reopened the case${why}`;
    case 'case.closure_approved':
      return id ? 'Terminasi disetujui; bimbingan lanjut dijadwalkan' : 'Closure approved; aftercare scheduled';
    case 'case.closed':
      return id ? `Kasus ditutup (${d.closedReason})` : `Case closed (${d.closedReason})`;
    case 'case.pendampingan_started':
      return id ? 'Pendampingan dimulai' : 'Pendampingan started';
    case 'intervention.requested':
      return id
        ? `${who} meminta ${d.action} (menunggu konfirmasi supervisor kedua)${why}`
        : `${who} requested ${d.action} (waiting for a second supervisor)${why}`;
    case 'intervention.confirmed':
      return id ? `${who} mengonfirmasi ${d.action}` : `${who} confirmed ${d.action}`;
    case 'intervention.declined':
      return id ? `${who} menolak permintaan ${d.action}` : `${who} declined the ${d.action} request`;
    case 'case.personal_data_read':
      return id ? `${who} membuka data pribadi kasus` : `${who} read the case's personal data`;
    case 'temporal.payloads_decoded':
      return id
        ? `${who} membuka riwayat terenkripsi alur kerja ${r.entityId} (${d.payloads} payload)`
        : `${who} decoded ${d.payloads} payloads of the encrypted history of workflow ${r.entityId}`;
    case 'case.timeline_read':
      return id ? `${who} membuka linimasa kasus` : `${who} read the case's timeline`;
    case 'case.history_read':
      return id ? `${who} membuka riwayat workflow kasus` : `${who} read the case's workflow history`;
    case 'task.data_read':
      return id
        ? `${who} membuka data tugas kasus (${(d.taskIds as string[] | undefined)?.length ?? 0})`
        : `${who} read the case's task data (${(d.taskIds as string[] | undefined)?.length ?? 0})`;
    case 'audit.read':
      return id ? `${who} membuka log audit kasus` : `${who} read the case's audit log`;
    case 'audit.exported':
      return id ? `${who} mengekspor log audit kasus` : `${who} exported the case's audit log`;
    case 'case.anonymised':
      return id ? 'Data pribadi dianonimkan (masa retensi berakhir)' : 'Personal data anonymised (retention period ended)';
    default:
      return `${who}: ${r.action}`;
  }
}

export async function caseTimeline(sql: Sql, caseId: string, lang: Lang): Promise<TimelineEntry[]> {
  const rows = await sql<Row[]>`
    SELECT a.seq, a.at, a.actor_id, a.actor_role, u.display_name AS actor_name, a.action, a.entity_type, a.entity_id, ${detailsWithTexts(sql)} AS details
    FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
    WHERE a.case_id = ${caseId} ORDER BY a.seq`;
  return rows.map((r) => ({
    id: String(r.seq),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorRole: r.actorRole,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    text: sentence(r, lang),
  }));
}
