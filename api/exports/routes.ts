// Spreadsheet exports for people (decision 0015): cases, tasks and stipend claims of the caller's
// region, with the list's filter, as CSV (UTF-8 BOM, `;`, Indonesian headers and words, local
// times) or XLSX. Every export is on the audit record (who, what, which filter, how many rows):
// a file leaves the system's access control once downloaded.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Sql } from '../../db';
import { PMKS_CATEGORIES } from '../../domain/pmks';
import { localTime } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { TASK_TYPE_INFO, type TaskType } from '../../domain/taskTypes';
import { AUDIT_ACTION_ID } from '../../domain/wordsId';
import { auditColumns, auditList, auditScope, presentAudit } from '../audit/queries';
import { auditExportQuerySchema } from '../audit/schema';
import { caseInRegion, caseList, presentCase, type CaseRow } from '../cases/queries';
import { caseListQuerySchema } from '../cases/schema';
import { authorizedActor, parseInput } from '../http';
import { orderOf, whereOf } from '../list';
import { recordRequestEvent } from '../requestAudit';
import { periodFrom, periodInRegion, periodListSpec, periodRealisation, periodSelect, type PeriodRow } from '../sembako/periods';
import { sembakoPeriodListQuerySchema } from '../sembako/schema';
import { claimList, claimScope, findClaims, presentClaim } from '../taliAsih/queries';
import { claimExportQuerySchema } from '../taliAsih/schema';
import { complaintColumns, complaintInRegion, complaintList, presentComplaint, type ComplaintRow } from '../complaints/queries';
import { complaintListQuerySchema } from '../complaints/schema';
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus } from '../../domain/sembako';
import { COMPLAINT_CATEGORY_ID, COMPLAINT_CHANNEL_ID, COMPLAINT_STATUS_ID } from '../../domain/wordsId';
import { taskList, visibleTasks, type TaskRow } from '../tasks/queries';
import { taskListQuerySchema } from '../tasks/schema';
import { toCsv } from './csv';
import { CASE_STATUS_ID, CLAIM_STATUS_ID, CLOSED_REASON_ID, FUNDING_SOURCE_ID, OUTCOME_ID, ROLE_ID, TASK_STATUS_ID, wordOf, yesNo } from './labels';
import { tableOf, type ExportColumn, type ExportTable } from './table';
import { toXlsx, XLSX_TYPE } from './xlsx';

/** The most rows one file holds; past it the answer says so (X-Export-Capped) and the filter should narrow. */
export const EXPORT_ROW_CAP = 50_000;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const exportParamsSchema = z.object({ format: z.enum(EXPORT_FORMATS) });
export const caseExportQuerySchema = caseListQuerySchema.omit({ range: true });
export const taskExportQuerySchema = taskListQuerySchema.omit({ range: true });
export const periodExportQuerySchema = sembakoPeriodListQuerySchema.omit({ range: true });
export const complaintExportQuerySchema = complaintListQuerySchema.omit({ range: true });
export { auditExportQuerySchema, claimExportQuerySchema };

const PMKS_NAME = new Map<string, string>(PMKS_CATEGORIES.map((c) => [c.code, c.nameId]));
const taskTitle = (type: string) => TASK_TYPE_INFO[type as TaskType]?.titleId ?? type;

type CaseExportRow = CaseRow & { assigneeName: string | null };
type TaskExportRow = TaskRow & { assigneeName: string | null; actorName: string | null };
type ClaimExportRow = ReturnType<typeof presentClaim>;

function caseColumns(actor: Actor): ExportColumn<CaseExportRow>[] {
  // The same personal data as the list: names not for auditors, NIK masked but for the case's own TKSK and kabupaten.
  const shown = (r: CaseExportRow) => presentCase(actor, r, false).beneficiary;
  return [
    { header: 'ID kasus', cell: (r) => r.id },
    { header: 'Status', cell: (r) => wordOf(CASE_STATUS_ID, r.status) },
    { header: 'Langkah', cell: (r) => (r.step ? taskTitle(r.step) : '') },
    { header: 'Kategori PMKS', cell: (r) => `${r.pmksCode} – ${PMKS_NAME.get(r.pmksCode) ?? ''}` },
    ...(actor.role === 'auditor' ? [] : [{ header: 'Nama penerima manfaat', cell: (r: CaseExportRow) => shown(r).name ?? '' }]),
    { header: 'NIK', cell: (r) => shown(r).nik ?? '' },
    { header: 'Kode desa/kelurahan', cell: (r) => r.desaCode },
    { header: 'Kode kecamatan', cell: (r) => r.kecamatanCode },
    { header: 'Kode kabupaten/kota', cell: (r) => r.kabupatenCode },
    { header: 'TKSK pendamping', cell: (r) => r.assigneeName ?? r.assigneeId ?? '' },
    { header: 'Terlambat', cell: (r) => yesNo(r.overdue) },
    { header: 'Dijeda', cell: (r) => yesNo(r.paused) },
    { header: 'Alasan penutupan', cell: (r) => wordOf(CLOSED_REASON_ID, r.closedReason) },
    { header: 'Didaftarkan', cell: (r) => localTime(r.createdAt, r.kecamatanCode) },
    { header: 'Diperbarui', cell: (r) => localTime(r.updatedAt, r.kecamatanCode) },
  ];
}

const TASK_COLUMNS: ExportColumn<TaskExportRow>[] = [
  { header: 'ID tugas', cell: (r) => r.id },
  { header: 'Jenis tugas', cell: (r) => taskTitle(r.type) },
  { header: 'Status', cell: (r) => wordOf(TASK_STATUS_ID, r.status) },
  { header: 'Dikerjakan oleh peran', cell: (r) => wordOf(ROLE_ID, r.candidateRole) },
  { header: 'Kode wilayah', cell: (r) => r.regionCode },
  { header: 'Ditugaskan kepada', cell: (r) => r.assigneeName ?? r.assigneeId ?? '' },
  { header: 'Terlambat', cell: (r) => yesNo(r.overdue || (r.status === 'open' && r.dueAt !== null && r.dueAt.getTime() < Date.now())) },
  { header: 'Dibuat', cell: (r) => localTime(r.createdAt, r.regionCode) },
  { header: 'Tenggat', cell: (r) => localTime(r.dueAt, r.regionCode) },
  { header: 'Selesai', cell: (r) => localTime(r.completedAt, r.regionCode) },
  { header: 'Hasil', cell: (r) => (r.status === 'completed' ? wordOf(OUTCOME_ID, r.outcome ?? 'submit') : '') },
  { header: 'Diselesaikan oleh', cell: (r) => r.actorName ?? r.actorId ?? '' },
  { header: 'Kasus / klaim', cell: (r) => r.caseId ?? r.workflowId },
];

const CLAIM_COLUMNS: ExportColumn<ClaimExportRow>[] = [
  { header: 'ID klaim', cell: (r) => r.id },
  { header: 'TKSK', cell: (r) => r.tkskName },
  { header: 'Periode', cell: (r) => r.period },
  { header: 'Status', cell: (r) => wordOf(CLAIM_STATUS_ID, r.status) },
  { header: 'Kode kecamatan', cell: (r) => r.kecamatanCode },
  { header: 'Sumber dana', cell: (r) => wordOf(FUNDING_SOURCE_ID, r.fundingSource) },
  { header: 'Jumlah (Rp)', cell: (r) => r.totalAmount },
  { header: 'Dibayar (Rp)', cell: (r) => r.paidAmount },
  { header: 'Alasan penolakan/pembatalan', cell: (r) => r.rejectedReason ?? '' },
  { header: 'Dibuka', cell: (r) => localTime(r.createdAt, r.kecamatanCode) },
  { header: 'Diperbarui', cell: (r) => localTime(r.updatedAt, r.kecamatanCode) },
];

type AuditExportRow = ReturnType<typeof presentAudit>;

/** The audit log for a spreadsheet: words and names first, the chain's hashes last (for whoever checks them). */
const AUDIT_COLUMNS: ExportColumn<AuditExportRow>[] = [
  { header: 'No. urut', cell: (r) => Number(r.seq) },
  { header: 'Waktu', cell: (r) => localTime(r.at, null) },
  { header: 'Aksi', cell: (r) => wordOf(AUDIT_ACTION_ID, r.action) },
  { header: 'Kode aksi', cell: (r) => r.action },
  { header: 'Pelaku', cell: (r) => r.actorName ?? r.actorId ?? 'Sistem' },
  { header: 'Peran pelaku', cell: (r) => wordOf(ROLE_ID, r.actorRole) },
  { header: 'Jenis data', cell: (r) => r.entityType },
  { header: 'ID data', cell: (r) => r.entityId },
  { header: 'ID kasus', cell: (r) => r.caseId ?? '' },
  { header: 'Rincian', cell: (r) => JSON.stringify(r.details) },
  { header: 'Hash sebelumnya', cell: (r) => r.prevHash },
  { header: 'Hash', cell: (r) => r.hash },
];

/** The steps of a Sembako distribution period, in words (docs/sembako.md §3). */
const PERIOD_STATUS_ID: Record<string, string> = {
  tikor: 'Rapat Tikor',
  monitoring: 'Monitoring',
  report: 'Laporan',
  verification: 'Verifikasi kabupaten',
  verified: 'Terverifikasi',
};
/** 0.9692 → "96,92" (Indonesian decimal comma). */
const percentId = (v: number | null) => (v === null ? '' : (v * 100).toFixed(2).replace('.', ','));

const PERIOD_COLUMNS: ExportColumn<PeriodRow>[] = [
  { header: 'ID periode', cell: (r) => r.id },
  { header: 'Periode', cell: (r) => r.period },
  { header: 'Kecamatan', cell: (r) => r.kecamatanName ?? '' },
  { header: 'Kode kecamatan', cell: (r) => r.kecamatanCode },
  { header: 'Status', cell: (r) => wordOf(PERIOD_STATUS_ID, r.status) },
  { header: 'Titik salur', cell: (r) => r.points.length },
  { header: 'KPM terdaftar', cell: (r) => r.kpmListed },
  { header: 'KPM tersalurkan', cell: (r) => r.kpmServed },
  { header: 'Realisasi (%)', cell: (r) => percentId(periodRealisation(r)) },
  { header: 'Masalah kartu', cell: (r) => r.cardProblems.reduce((n, c) => n + c.count, 0) },
  { header: 'Rincian masalah kartu', cell: (r) => r.cardProblems.map((c) => `${c.bank} ${c.kind.replace(/_/g, ' ')}: ${c.count}`).join(', ') },
  { header: 'Butir checklist gagal', cell: (r) => r.failedItems },
  { header: 'Rekomendasi pencabutan', cell: (r) => r.revocationsRecommended.length },
  { header: 'Pengaduan terbuka', cell: (r) => r.openComplaints },
  { header: 'Diperbarui', cell: (r) => localTime(r.updatedAt, r.kecamatanCode) },
];

/** `kesos-kasus-2026-11-05`: what, and the day (WIB) it was taken. */
const fileName = (what: string, format: string) => `kesos-${what}-${localTime(new Date(), null).slice(0, 10)}.${format}`;

async function send(sql: Sql, res: Response, e: { actor: Actor; what: string; format: 'csv' | 'xlsx'; filter: unknown; table: ExportTable; capped: boolean }) {
  await recordRequestEvent(sql, res, {
    key: `export:${e.what}`,
    action: 'export.downloaded',
    entityType: 'export',
    entityId: e.what,
    details: { format: e.format, filter: e.filter ?? {}, rows: e.table.rows.length, capped: e.capped },
  });
  if (e.capped) res.setHeader('X-Export-Capped', 'true');
  res.attachment(fileName(e.what, e.format));
  if (e.format === 'csv') res.type('text/csv; charset=utf-8').send(toCsv(e.table));
  else res.type(XLSX_TYPE).send(toXlsx(e.table));
}

const capped = <T>(rows: readonly T[]): { rows: T[]; capped: boolean } => ({ rows: rows.slice(0, EXPORT_ROW_CAP), capped: rows.length > EXPORT_ROW_CAP });

export function exportRoutes(sql: Sql): Router {
  const router = Router();
  const cases = caseList(sql);
  const tasks = taskList(sql);
  const complaintsSpec = complaintList(sql);
  const claims = claimList(sql);
  const audit = auditList(sql);
  const periods = periodListSpec(sql);
  const params = (req: Request) => parseInput('params', exportParamsSchema, req.params);

  router.get('/exports/cases.:format', async (req, res) => {
    const actor = authorizedActor(res, 'export.read');
    const { format } = params(req);
    const q = parseInput('query', caseExportQuerySchema, req.query);
    const found = await sql<CaseExportRow[]>`
      SELECT c.*, u.display_name AS assignee_name FROM cases c LEFT JOIN users u ON u.id = c.assignee_id
      WHERE ${whereOf(sql, cases.filters, q.filter, [caseInRegion(sql, actor)])}
      ORDER BY ${orderOf(sql, cases, q.sort)} LIMIT ${EXPORT_ROW_CAP + 1}`;
    const { rows, capped: over } = capped(found);
    await send(sql, res, { actor, what: 'kasus', format, filter: q.filter, table: tableOf('Kasus', caseColumns(actor), rows), capped: over });
  });

  router.get('/exports/tasks.:format', async (req, res) => {
    const actor = authorizedActor(res, 'export.read');
    const { format } = params(req);
    const q = parseInput('query', taskExportQuerySchema, req.query);
    const found = await sql<TaskExportRow[]>`
      SELECT t.*, a.display_name AS assignee_name, d.display_name AS actor_name
      FROM ${visibleTasks(sql, actor)} LEFT JOIN users a ON a.id = t.assignee_id LEFT JOIN users d ON d.id = t.actor_id
      WHERE ${whereOf(sql, tasks.filters, q.filter)}
      ORDER BY ${orderOf(sql, tasks, q.sort)} LIMIT ${EXPORT_ROW_CAP + 1}`;
    const { rows, capped: over } = capped(found);
    await send(sql, res, { actor, what: 'tugas', format, filter: q.filter, table: tableOf('Tugas', TASK_COLUMNS, rows), capped: over });
  });

  router.get('/exports/claims.:format', async (req, res) => {
    const actor = authorizedActor(res, 'claim.list');
    const { format } = params(req);
    const q = parseInput('query', claimExportQuerySchema, req.query);
    const found =
      await sql`${findClaims(sql, whereOf(sql, claims.filters, q.filter, [claimScope(sql, actor)]))} ORDER BY c.period, c.id LIMIT ${EXPORT_ROW_CAP + 1}`;
    const { rows, capped: over } = capped(found.map(presentClaim));
    await send(sql, res, { actor, what: 'tali-asih', format, filter: q.filter, table: tableOf('Tali asih', CLAIM_COLUMNS, rows), capped: over });
  });

  // Sembako distribution periods as the list shows them: realisation, card problems, open complaints per kecamatan.
  router.get('/exports/periods.:format', async (req, res) => {
    const actor = authorizedActor(res, 'sembako.period_list');
    const { format } = params(req);
    const q = parseInput('query', periodExportQuerySchema, req.query);
    const found = await sql<PeriodRow[]>`
      SELECT ${periodSelect(sql)} FROM ${periodFrom(sql)} WHERE ${whereOf(sql, periods.filters, q.filter, [periodInRegion(sql, actor.regionCode)])}
      ORDER BY ${orderOf(sql, periods, q.sort)} LIMIT ${EXPORT_ROW_CAP + 1}`;
    const { rows, capped: over } = capped(found);
    await send(sql, res, { actor, what: 'periode-sembako', format, filter: q.filter, table: tableOf('Periode Sembako', PERIOD_COLUMNS, rows), capped: over });
  });

  // The audit log as the list shows it (audit.read; an auditor's region scope), oldest first: the chain's order.
  router.get('/exports/audit.:format', async (req, res) => {
    const actor = authorizedActor(res, 'audit.read');
    const { format } = params(req);
    const q = parseInput('query', auditExportQuerySchema, req.query);
    const found = await sql`
      SELECT ${auditColumns(sql)} FROM audit_log a WHERE ${whereOf(sql, audit.filters, q.filter, [auditScope(sql, actor)])}
      ORDER BY ${orderOf(sql, audit, q.sort ?? ['seq', 'ASC'])} LIMIT ${EXPORT_ROW_CAP + 1}`;
    const { rows, capped: over } = capped(found.map(presentAudit));
    await send(sql, res, { actor, what: 'audit', format, filter: q.filter, table: tableOf('Log audit', AUDIT_COLUMNS, rows), capped: over });
  });

  // Complaints of the caller's region; the complainant's name and phone only where the list shows them.
  router.get('/exports/complaints.:format', async (req, res) => {
    const actor = authorizedActor(res, 'complaint.list');
    const { format } = params(req);
    const q = parseInput('query', complaintExportQuerySchema, req.query);
    const found = await sql<(ComplaintRow & { kecamatanName: string | null; assigneeName: string | null })[]>`
      SELECT ${complaintColumns(sql)}, r.name AS kecamatan_name, u.display_name AS assignee_name
      FROM complaints c LEFT JOIN regions r ON r.code = c.kecamatan_code LEFT JOIN users u ON u.id = c.assignee_id
      WHERE ${whereOf(sql, complaintsSpec.filters, q.filter, [complaintInRegion(sql, actor)])}
      ORDER BY ${orderOf(sql, complaintsSpec, q.sort)} LIMIT ${EXPORT_ROW_CAP + 1}`;
    const { rows, capped: over } = capped(found);
    const columns: ExportColumn<(typeof found)[number]>[] = [
      { header: 'ID pengaduan', cell: (r) => r.id },
      { header: 'Diterima', cell: (r) => presentComplaint(actor, r).receivedOn },
      { header: 'Umur (hari)', cell: (r) => r.ageDays },
      { header: 'Kanal', cell: (r) => COMPLAINT_CHANNEL_ID[r.channel as ComplaintChannel] ?? r.channel },
      { header: 'Kategori', cell: (r) => COMPLAINT_CATEGORY_ID[r.category as ComplaintCategory] ?? r.category },
      { header: 'Status', cell: (r) => COMPLAINT_STATUS_ID[r.status as ComplaintStatus] ?? r.status },
      { header: 'Terlambat', cell: (r) => yesNo(r.overdue) },
      { header: 'Kecamatan', cell: (r) => (r.kecamatanName ? `${r.kecamatanName} (${r.kecamatanCode})` : r.kecamatanCode) },
      { header: 'Pihak yang menjawab', cell: (r) => r.answererName ?? '' },
      { header: 'TKSK', cell: (r) => r.assigneeName ?? r.assigneeId ?? '' },
      { header: 'Nama pengadu', cell: (r) => presentComplaint(actor, r).complainant.name ?? '' },
      { header: 'Telepon pengadu', cell: (r) => presentComplaint(actor, r).complainant.phone ?? '' },
      { header: 'Dicatat', cell: (r) => localTime(r.createdAt, r.kecamatanCode) },
      { header: 'Selesai', cell: (r) => localTime(r.closedAt, r.kecamatanCode) },
    ];
    await send(sql, res, { actor, what: 'pengaduan', format, filter: q.filter, table: tableOf('Pengaduan', columns, rows), capped: over });
  });

  return router;
}
