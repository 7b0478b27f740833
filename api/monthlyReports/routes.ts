// TKSK monthly reports: open one by hand (the monthly Schedule opens the rest), list, show, and
// the approved report as a PDF or an XLSX in Indonesian with the Dinas Sosial's header. A TKSK
// sees their own reports; supervisors and auditors those of their region.
import { Router, type Response } from 'express';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { detailsWithTexts } from '../../db/auditTexts';
import { inRegion } from '../../db/regionScope';
import { authorize } from '../../domain/access';
import {
  MONTHLY_COUNT_KEYS,
  MONTHLY_COUNT_LABELS_ID,
  monthlyReportIdOf,
  monthlyReportPeriodProblem,
  type MonthlyCounts,
  type MonthlyDetails,
  type MonthlyReportInput,
} from '../../domain/koordinasi';
import { localTime } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { currentPeriod, previousPeriod } from '../../domain/taliAsih';
import { monthlyReportOpenedUpdate } from '../../workflows/definitions';
import type { monthlyReportWorkflow } from '../../workflows/monthlyReport';
import { PdfDocument } from '../exports/pdf';
import { toXlsx, XLSX_TYPE } from '../exports/xlsx';
import { authorizedActor, parseInput } from '../http';
import { listRoute, tableList } from '../list';
import { bodyFieldProblem, HttpProblem } from '../problem';
import { recordAuditorRead, recordRequestEvent } from '../requestAudit';
import {
  createMonthlyReportBodySchema,
  monthlyReportIdParamsSchema,
  monthlyReportListQuerySchema,
  type MonthlyReportListFilter,
  type MonthlyReportSortField,
} from './schema';

export interface MonthlyReportRow {
  id: string;
  tkskId: string;
  period: string;
  status: 'narrative' | 'review' | 'approved';
  counts: MonthlyCounts;
  details: MonthlyDetails;
  compiledAt: Date;
  narrative: string | null;
  kendala: string | null;
  returnReason: string | null;
  returns: number;
  kecamatanCode: string;
  kabupatenCode: string;
  provinsiCode: string;
  openedBy: string | null;
  submittedAt: Date | null;
  reviewedBy: string | null;
  approvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const REGION_COLUMNS = { provinsi: 'r.provinsi_code', kabupaten: 'r.kabupaten_code', kecamatan: 'r.kecamatan_code' } as const;
/** A TKSK's own reports; everyone else's region. */
export const monthlyReportScope = (sql: Sql, actor: Actor) =>
  actor.role === 'tksk' ? sql`r.tksk_id = ${actor.id}` : inRegion(sql, actor.regionCode, REGION_COLUMNS);

const iso = (d: Date | null) => d?.toISOString() ?? null;
export const presentMonthlyReport = (r: MonthlyReportRow) => ({
  id: r.id,
  tkskId: r.tkskId,
  period: r.period,
  status: r.status,
  counts: r.counts,
  kecamatanCode: r.kecamatanCode,
  kabupatenCode: r.kabupatenCode,
  returns: r.returns,
  returnReason: r.returnReason,
  compiledAt: r.compiledAt.toISOString(),
  submittedAt: iso(r.submittedAt),
  reviewedBy: r.reviewedBy,
  approvedAt: iso(r.approvedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** `November 2026`. */
export const periodInWords = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
const SECTION_TITLES: Record<keyof MonthlyDetails, string> = {
  cases: 'Kasus terdaftar (kode PMKS)',
  referrals: 'Rujukan',
  complaints: 'Pengaduan Sembako',
  monitoring: 'Monitoring titik penyaluran Sembako',
  meetings: 'Rapat koordinasi',
  actionItems: 'Tindak lanjut rapat',
  mapping: 'Pemetaan sosial',
};

export function monthlyReportRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();

  async function visible(actor: Actor, id: string): Promise<MonthlyReportRow> {
    const [row] = await sql<MonthlyReportRow[]>`SELECT r.* FROM monthly_reports r WHERE r.id = ${id} AND ${monthlyReportScope(sql, actor)}`;
    if (!row) throw new HttpProblem(404, `no monthly report ${id} in your region`);
    return row;
  }

  /** The header and figures both files print: the kabupaten's and kecamatan's names, the TKSK, the reviewer. */
  async function printable(row: MonthlyReportRow) {
    if (row.status !== 'approved')
      throw new HttpProblem(409, `the report is ${row.status}: it is printed once the kabupaten approves it`, { reportStatus: row.status });
    const regions = await sql<{ code: string; name: string }[]>`SELECT code, name FROM regions WHERE code IN ${sql([row.kabupatenCode, row.kecamatanCode])}`;
    const nameOf = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
    const people = await sql<
      { id: string; displayName: string }[]
    >`SELECT id, display_name FROM users WHERE id IN ${sql([row.tkskId, row.reviewedBy ?? row.tkskId])}`;
    const personOf = (uid: string | null) => people.find((p) => p.id === uid)?.displayName ?? uid ?? '';
    return { kabupaten: nameOf(row.kabupatenCode), kecamatan: nameOf(row.kecamatanCode), tksk: personOf(row.tkskId), reviewer: personOf(row.reviewedBy) };
  }

  /** Every file drawn leaves the system: on the record, whoever draws it. */
  const issued = (res: Response, row: MonthlyReportRow, format: string) =>
    recordRequestEvent(sql, res, {
      key: `file:${format}`,
      action: 'monthly_report.file_issued',
      entityType: 'monthly_report',
      entityId: row.id,
      details: { format },
    });

  router.post('/monthly-reports', async (req, res) => {
    const actor = authorizedActor(res, 'monthly_report.create');
    const body = parseInput('body', createMonthlyReportBodySchema, req.body);
    const tkskId = body.tkskId ?? (actor.role === 'tksk' ? actor.id : undefined);
    if (!tkskId) throw bodyFieldProblem('tkskId', 'tkskId is required', 'required for supervisors');
    if (actor.role === 'tksk' && tkskId !== actor.id) throw new HttpProblem(403, 'a TKSK opens only their own monthly report');
    const [tksk] = await sql<
      { role: string; regionCode: string | null; disabled: boolean }[]
    >`SELECT role, region_code, disabled FROM users WHERE id = ${tkskId}`;
    if (!tksk || tksk.role !== 'tksk' || tksk.disabled || !tksk.regionCode) throw bodyFieldProblem('tkskId', 'not an active TKSK', 'must be an active TKSK');
    authorize(actor, 'monthly_report.create', tksk.regionCode);
    const current = currentPeriod();
    const problem = monthlyReportPeriodProblem(actor.role, body.period, current, previousPeriod(current));
    if (problem) throw bodyFieldProblem('period', problem);
    const reportId = monthlyReportIdOf(tkskId, body.period);
    const input: MonthlyReportInput = { reportId, tkskId, period: body.period, openedBy: actor };
    let handle;
    try {
      handle = await temporal.workflow.start<typeof monthlyReportWorkflow>('monthlyReportWorkflow', {
        workflowId: reportId,
        taskQueue,
        args: [input],
        // One report per TKSK and month, ever (the unique constraint backs this up).
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError)
        throw new HttpProblem(409, `the monthly report of ${tkskId} for ${body.period} already exists`, { reportId });
      throw err;
    }
    await handle.executeUpdate(monthlyReportOpenedUpdate);
    res
      .status(201)
      .location(`/api/monthly-reports/${reportId}`)
      .json(await detail(await visible(actor, reportId)));
  });

  router.get(
    '/monthly-reports',
    listRoute(sql, {
      action: 'monthly_report.list',
      query: monthlyReportListQuerySchema,
      spec: tableList<MonthlyReportSortField, MonthlyReportListFilter>(sql, 'r', {
        resource: 'monthly-reports',
        sort: ['period', 'createdAt', 'updatedAt', 'status'],
        defaultSort: ['period', 'DESC'],
        equal: ['status', 'period', 'tkskId', 'kecamatanCode', 'kabupatenCode'],
      }),
      source: (actor) => ({ select: sql`r.*`, from: sql`monthly_reports r`, scope: [monthlyReportScope(sql, actor)], present: presentMonthlyReport }),
    }),
  );

  async function detail(row: MonthlyReportRow) {
    const [tasks, events] = await Promise.all([
      sql<
        {
          id: string;
          type: string;
          status: string;
          assigneeId: string | null;
          dueAt: Date | null;
          overdue: boolean;
          outcome: string | null;
          createdAt: Date;
          completedAt: Date | null;
        }[]
      >`
        SELECT id, type, status, assignee_id, due_at, overdue, outcome, created_at, completed_at FROM tasks WHERE workflow_id = ${row.id} ORDER BY created_at, id`,
      sql<{ at: Date; action: string; actorId: string | null; actorRole: string; details: Record<string, unknown> }[]>`
        SELECT a.at, a.action, a.actor_id, a.actor_role, ${detailsWithTexts(sql, 'a')} AS details
        FROM audit_log a WHERE a.entity_type = 'monthly_report' AND a.entity_id = ${row.id} ORDER BY a.seq`,
    ]);
    return {
      ...presentMonthlyReport(row),
      narrative: row.narrative,
      kendala: row.kendala,
      details: row.details as Record<string, { id: string; on: string; text: string }[]>,
      tasks: tasks.map((t) => ({ ...t, dueAt: iso(t.dueAt), createdAt: t.createdAt.toISOString(), completedAt: iso(t.completedAt) })),
      events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  }

  router.get('/monthly-reports/:id', async (req, res) => {
    const actor = authorizedActor(res, 'monthly_report.list');
    const { id } = parseInput('params', monthlyReportIdParamsSchema, req.params);
    const row = await visible(actor, id);
    await recordAuditorRead(sql, res, actor, { key: 'read', action: 'monthly_report.read', entityType: 'monthly_report', entityId: id });
    res.json(await detail(row));
  });

  router.get('/monthly-reports/:id/report.pdf', async (req, res) => {
    const actor = authorizedActor(res, 'monthly_report.list');
    const { id } = parseInput('params', monthlyReportIdParamsSchema, req.params);
    const row = await visible(actor, id);
    const p = await printable(row);
    const doc = new PdfDocument();
    doc
      .text(`PEMERINTAH ${p.kabupaten.toUpperCase()}`, { bold: true, align: 'center', size: 14, after: 0 })
      .text('DINAS SOSIAL', { bold: true, align: 'center', size: 13, after: 0 })
      .rule(1.5)
      .space(6)
      .text('LAPORAN BULANAN TENAGA KESEJAHTERAAN SOSIAL KECAMATAN (TKSK)', { bold: true, align: 'center', size: 11 })
      .table(
        ['Uraian', 'Keterangan'],
        [
          ['Nama TKSK', p.tksk],
          ['Kecamatan', `${p.kecamatan} (${row.kecamatanCode})`],
          ['Bulan', periodInWords(row.period)],
          ['Nomor laporan', row.id],
        ],
        [0.35, 0.65],
        10,
      )
      .text('A. Kegiatan bulan ini', { bold: true })
      .table(
        ['No', 'Kegiatan', 'Jumlah'],
        MONTHLY_COUNT_KEYS.map((k, i) => [String(i + 1), MONTHLY_COUNT_LABELS_ID[k], String(row.counts[k] ?? 0)]),
        [0.08, 0.67, 0.25],
      )
      .text('B. Uraian kegiatan', { bold: true, after: 0 })
      .text(row.narrative ?? '-')
      .text('C. Kendala', { bold: true, after: 0 })
      .text(row.kendala || 'Tidak ada kendala yang dilaporkan.');
    const sections = (Object.keys(SECTION_TITLES) as (keyof MonthlyDetails)[]).filter((s) => (row.details[s] ?? []).length);
    if (sections.length) {
      doc.text('D. Rincian', { bold: true });
      for (const s of sections) {
        doc.text(SECTION_TITLES[s], { after: 0 }).table(
          ['Tanggal', 'Uraian'],
          row.details[s]!.map((d) => [d.on, d.text]),
          [0.2, 0.8],
          8,
        );
      }
    }
    doc
      .space(12)
      .table(['Dilaporkan oleh', 'Disetujui oleh'], [[p.tksk, p.reviewer]], [0.5, 0.5], 10)
      .text(`Disetujui ${localTime(row.approvedAt, row.kabupatenCode)} — Dinas Sosial ${p.kabupaten}`, { size: 9 });
    await issued(res, row, 'pdf');
    res
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="${row.id}.pdf"`)
      .send(doc.bytes({ title: `Laporan bulanan TKSK ${periodInWords(row.period)}` }));
  });

  router.get('/monthly-reports/:id/report.xlsx', async (req, res) => {
    const actor = authorizedActor(res, 'monthly_report.list');
    const { id } = parseInput('params', monthlyReportIdParamsSchema, req.params);
    const row = await visible(actor, id);
    const p = await printable(row);
    const rows: (string | number | null)[][] = [
      ['Pemerintah', p.kabupaten],
      ['Instansi', 'Dinas Sosial'],
      ['Laporan', 'Laporan bulanan TKSK'],
      ['Nama TKSK', p.tksk],
      ['Kecamatan', `${p.kecamatan} (${row.kecamatanCode})`],
      ['Bulan', periodInWords(row.period)],
      ['Nomor laporan', row.id],
      ...MONTHLY_COUNT_KEYS.map((k) => [MONTHLY_COUNT_LABELS_ID[k], row.counts[k] ?? 0]),
      ['Uraian kegiatan', row.narrative ?? ''],
      ['Kendala', row.kendala ?? ''],
      ['Disetujui oleh', p.reviewer],
      ['Disetujui pada', localTime(row.approvedAt, row.kabupatenCode)],
    ];
    await issued(res, row, 'xlsx');
    res
      .status(200)
      .type(XLSX_TYPE)
      .setHeader('Content-Disposition', `attachment; filename="${row.id}.xlsx"`)
      .send(toXlsx({ sheet: 'Laporan bulanan', headers: ['Uraian', 'Keterangan'], rows }));
  });

  return router;
}
