// Proposed KPM data fixes (docs/sembako.md §1, "Data fixes"): a TKSK of the KPM's kecamatan or
// the kabupaten supervisor proposes one (the row, with the corrected NIK and the reason, is written
// here; kpmDataFixWorkflow `kpm-fix-<id>` gets ids only and puts the review before the kabupaten
// operator); the fixes are listed by region; the accepted changes export for SIKS-NG.
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { appendActorEvent } from '../../db/audit';
import { inRegion } from '../../db/regionScope';
import { authorize } from '../../domain/access';
import { maskNik } from '../../domain/nik';
import { localTime, regionCovers } from '../../domain/regions';
import { correctedNikProblem, kpmFixWorkflowIdOf, type KpmFixKind, type KpmFixStatus, type KpmFixWorkflowInput } from '../../domain/sembako';
import { KPM_FIX_KIND_ID, KPM_STATUS_ID } from '../../domain/wordsId';
import { kpmFixProposedUpdate, SA } from '../../workflows/definitions';
import type { kpmDataFixWorkflow } from '../../workflows/kpmDataFix';
import { toCsv } from '../exports/csv';
import { tableOf, type ExportColumn } from '../exports/table';
import { toXlsx, XLSX_TYPE } from '../exports/xlsx';
import { authorizedActor, parseInput } from '../http';
import { idempotent } from '../idempotency';
import { listRoute, orderOf, tableList, whereOf } from '../list';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { recordAuditorRead, recordRequestEvent } from '../requestAudit';
import type { Actor } from '../../domain/roles';
import { seesFullKpmNumbers, type KpmRecord } from './queries';
import {
  kpmChangeExportQuerySchema,
  kpmFixBodySchema,
  kpmFixIdParamsSchema,
  kpmFixListQuerySchema,
  kpmIdParamsSchema,
  type KpmChangeFilter,
  type KpmChangeSortField,
  type KpmFixListFilter,
  type KpmFixSortField,
} from './kpmFixesSchema';

interface FixRow {
  id: string;
  workflowId: string;
  kpmId: string;
  kind: KpmFixKind;
  targetDesaCode: string | null;
  correctedNik: string | null;
  duplicateOf: string | null;
  reason: string;
  status: KpmFixStatus;
  kecamatanCode: string;
  kabupatenCode: string;
  provinsiCode: string;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectReason: string | null;
  kpmIdKpm: string;
  kpmPengurusName: string;
  kpmDesaCode: string;
  duplicateIdKpm: string | null;
}

const FIX_REGION_COLUMNS = { provinsi: 'f.provinsi_code', kabupaten: 'f.kabupaten_code', kecamatan: 'f.kecamatan_code' } as const;
const CHANGE_REGION_COLUMNS = { provinsi: 'c.provinsi_code', kabupaten: 'c.kabupaten_code', kecamatan: 'c.kecamatan_code' } as const;
const fieldProblem = (path: (string | number)[], message: string) => validationProblem(bodyIssues([{ path, message, code: 'custom' }]));

const presentFix = (actor: Actor) => (r: FixRow) => ({
  id: r.id,
  workflowId: r.workflowId,
  kpmId: r.kpmId,
  idKpm: r.kpmIdKpm,
  ...(actor.role === 'auditor' ? {} : { pengurusName: r.kpmPengurusName }),
  kind: r.kind,
  targetDesaCode: r.targetDesaCode,
  correctedNik: r.correctedNik === null ? null : seesFullKpmNumbers(actor, r) ? r.correctedNik : maskNik(r.correctedNik),
  duplicateOf: r.duplicateOf,
  duplicateIdKpm: r.duplicateIdKpm,
  reason: r.reason,
  status: r.status,
  rejectReason: r.rejectReason,
  desaCode: r.kpmDesaCode,
  kecamatanCode: r.kecamatanCode,
  kabupatenCode: r.kabupatenCode,
  proposedBy: r.proposedBy,
  proposedAt: r.proposedAt.toISOString(),
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

interface ChangeRow {
  id: string;
  fixId: string;
  kind: KpmFixKind;
  /** The changed register fields (stored snake_case, read back camelCase by the driver). */
  before: Record<string, string | null>;
  after: Record<string, string | null>;
  kecamatanCode: string;
  kabupatenCode: string;
  decidedAt: Date;
  idKpm: string;
  kkNumber: string;
  pengurusNik: string;
  pengurusName: string;
  reason: string;
  proposerName: string | null;
  deciderName: string | null;
  kecamatanName: string | null;
  desaBeforeName: string | null;
  desaAfterName: string | null;
}

/** The accepted changes as SIKS-NG's desa/kabupaten operator enters them: the KPM, what changed (before → after), who decided and when. */
function changeColumns(actor: Actor): ExportColumn<ChangeRow>[] {
  const number = (r: ChangeRow, v: string | null | undefined) => (v ? (seesFullKpmNumbers(actor, r) ? v : maskNik(v)) : '');
  const desa = (code: string | null | undefined, name: string | null) => (code ? `${code}${name ? ` ${name}` : ''}` : '');
  return [
    { header: 'ID DTKS/DTSEN KPM', cell: (r) => r.idKpm },
    { header: 'Nomor KK', cell: (r) => number(r, r.kkNumber) },
    { header: 'NIK pengurus', cell: (r) => number(r, r.pengurusNik) },
    ...(actor.role === 'auditor' ? [] : [{ header: 'Nama pengurus', cell: (r: ChangeRow) => r.pengurusName }]),
    { header: 'Jenis perubahan', cell: (r) => KPM_FIX_KIND_ID[r.kind] },
    { header: 'Status keanggotaan sebelum', cell: (r) => (r.before.status ? KPM_STATUS_ID[r.before.status as 'aktif'] : '') },
    { header: 'Status keanggotaan sesudah', cell: (r) => (r.after.status ? KPM_STATUS_ID[r.after.status as 'aktif'] : '') },
    { header: 'Alasan nonaktif', cell: (r) => (r.after.statusReason ? KPM_FIX_KIND_ID[r.after.statusReason as KpmFixKind] : '') },
    { header: 'Desa/kelurahan sebelum', cell: (r) => desa(r.before.desaCode, r.desaBeforeName) },
    { header: 'Desa/kelurahan sesudah', cell: (r) => desa(r.after.desaCode, r.desaAfterName) },
    { header: 'NIK pengurus sebelum', cell: (r) => number(r, r.before.pengurusNik) },
    { header: 'NIK pengurus sesudah', cell: (r) => number(r, r.after.pengurusNik) },
    { header: 'Kode kecamatan', cell: (r) => r.kecamatanCode },
    { header: 'Kecamatan', cell: (r) => r.kecamatanName ?? '' },
    { header: 'Alasan perbaikan', cell: (r) => r.reason },
    { header: 'Diajukan oleh', cell: (r) => r.proposerName ?? '' },
    { header: 'Diterima oleh', cell: (r) => r.deciderName ?? '' },
    { header: 'Tanggal diterima', cell: (r) => localTime(r.decidedAt, r.kecamatanCode) },
    { header: 'ID perbaikan', cell: (r) => r.fixId },
  ];
}

export function kpmFixRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();
  const fixes = tableList<KpmFixSortField, KpmFixListFilter>(sql, 'f', {
    resource: 'sembako-kpm-fixes',
    sort: ['proposedAt', 'status', 'kind'],
    defaultSort: ['proposedAt', 'DESC'],
    equal: ['status', 'kind', 'kecamatanCode', 'kpmId'],
  });
  const changes = tableList<KpmChangeSortField, KpmChangeFilter>(sql, 'c', {
    resource: 'sembako-kpm-changes',
    sort: ['decidedAt'],
    defaultSort: ['decidedAt', 'ASC'],
    equal: ['kecamatanCode', 'kind'],
  });
  const fixSelect = sql`f.*, k.id_kpm AS kpm_id_kpm, k.pengurus_name AS kpm_pengurus_name, k.desa_code AS kpm_desa_code, d.id_kpm AS duplicate_id_kpm`;
  const fixFrom = sql`sembako_kpm_fixes f JOIN sembako_kpm k ON k.id = f.kpm_id LEFT JOIN sembako_kpm d ON d.id = f.duplicate_of`;

  router.post('/sembako/kpm/:id/fixes', idempotent(sql, 'kpm_fixes.create'), async (req, res) => {
    const actor = authorizedActor(res, 'sembako.kpm_fix_propose');
    const { id: kpmId } = parseInput('params', kpmIdParamsSchema, req.params);
    const body = parseInput('body', kpmFixBodySchema, req.body);
    const [kpm] = await sql<KpmRecord[]>`SELECT * FROM sembako_kpm WHERE id = ${kpmId}`;
    if (!kpm) throw new HttpProblem(404, `no KPM ${kpmId} in the register`);
    // The KPM's own TKSK (any TKSK of its kecamatan) or its kabupaten supervisor.
    authorize(actor, 'sembako.kpm_fix_propose', kpm.kecamatanCode);
    if (body.kind === 'nik_tidak_sesuai') {
      const problem = correctedNikProblem(body.correctedNik, kpm.pengurusNik);
      if (problem) throw fieldProblem(['correctedNik'], problem);
      const [held] = await sql`SELECT 1 FROM sembako_kpm WHERE pengurus_nik = ${body.correctedNik} AND id <> ${kpmId}`;
      if (held) throw fieldProblem(['correctedNik'], 'this NIK is held for another KPM of the register: propose a duplicate (ganda) instead');
    } else if (kpm.status !== 'aktif') {
      throw new HttpProblem(409, `the KPM is already nonaktif (${kpm.statusReason})`, { code: 'kpm-not-active' });
    }
    if (body.kind === 'pindah' && body.targetDesaCode) {
      const [desa] = await sql`SELECT code FROM regions WHERE code = ${body.targetDesaCode} AND level = 'desa'`;
      if (!desa) throw fieldProblem(['targetDesaCode'], `unknown desa ${body.targetDesaCode}`);
      if (body.targetDesaCode === kpm.desaCode) throw fieldProblem(['targetDesaCode'], 'the KPM already lives in this desa');
      // A move out of the kabupaten leaves the register (nonaktif/pindah): the destination is not ours to record.
      if (!regionCovers(kpm.kabupatenCode, body.targetDesaCode))
        throw fieldProblem(['targetDesaCode'], `desa ${body.targetDesaCode} is outside kabupaten ${kpm.kabupatenCode}: leave it out for a move away`);
    }
    if (body.kind === 'ganda') {
      const [dup] = await sql`SELECT 1 FROM sembako_kpm WHERE id = ${body.duplicateOf} AND kabupaten_code = ${kpm.kabupatenCode}`;
      if (!dup || body.duplicateOf === kpmId)
        throw fieldProblem(['duplicateOf'], `no other KPM ${body.duplicateOf} in the register of kabupaten ${kpm.kabupatenCode}`);
    }
    const openFix = async () => (await sql<{ id: string }[]>`SELECT id FROM sembako_kpm_fixes WHERE kpm_id = ${kpmId} AND status = 'diajukan'`)[0];
    const alreadyOpen = (fixId: string) =>
      new HttpProblem(409, `a data fix of this KPM is already open (${fixId}): it must be decided first`, { code: 'kpm-fix-open', fixId });
    // With an Idempotency-Key the fix id (hence the workflow id) is its record's: a retry finds the same workflow.
    const fixId = (res.locals.idempotentResourceId as string | undefined) ?? randomUUID();
    const open = await openFix();
    if (open && open.id !== fixId) throw alreadyOpen(open.id);

    const proposedAt = new Date().toISOString();
    const workflowId = kpmFixWorkflowIdOf(fixId);
    const input: KpmFixWorkflowInput = {
      fixId,
      kpmId,
      kind: body.kind,
      regions: { provinsi: kpm.provinsiCode, kabupaten: kpm.kabupatenCode, kecamatan: kpm.kecamatanCode },
      proposedBy: actor,
      proposedAt,
    };
    // The row and the start succeed together: the insert waits uncommitted while the workflow
    // writes its review task, so a failed start leaves no open fix blocking the KPM; the audit row
    // is appended last (after the workflow's own writes, which take the chain lock).
    const snapshot = await sql
      .begin(async (tx) => {
        await tx`
          INSERT INTO sembako_kpm_fixes (id, workflow_id, kpm_id, kind, target_desa_code, corrected_nik, duplicate_of, reason,
                                         kecamatan_code, kabupaten_code, provinsi_code, proposed_by, proposed_at)
          VALUES (${fixId}, ${workflowId}, ${kpmId}, ${body.kind}, ${body.kind === 'pindah' ? (body.targetDesaCode ?? null) : null},
                  ${body.kind === 'nik_tidak_sesuai' ? body.correctedNik : null}, ${body.kind === 'ganda' ? body.duplicateOf : null}, ${body.reason},
                  ${kpm.kecamatanCode}, ${kpm.kabupatenCode}, ${kpm.provinsiCode}, ${actor.id}, ${proposedAt})
          ON CONFLICT (id) DO NOTHING`;
        const start = new WithStartWorkflowOperation<typeof kpmDataFixWorkflow>('kpmDataFixWorkflow', {
          workflowId,
          taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: [
            { key: SA.kecamatanCode, value: kpm.kecamatanCode },
            { key: SA.kabupatenCode, value: kpm.kabupatenCode },
            { key: SA.overdue, value: false },
          ],
        });
        const answer = await temporal.workflow.executeUpdateWithStart(kpmFixProposedUpdate, { startWorkflowOperation: start });
        await appendActorEvent(tx, {
          eventKey: `sembako_kpm_fix:${fixId}:proposed`,
          at: proposedAt,
          actor,
          action: 'sembako_kpm_fix.proposed',
          entityType: 'sembako_kpm_fix',
          entityId: fixId,
          caseId: null,
          // Codes and ids in the chain; the reason beside it (audit_texts), the corrected NIK only in the fix row.
          details: {
            kpmId,
            kind: body.kind,
            ...(body.kind === 'pindah' && body.targetDesaCode ? { targetDesaCode: body.targetDesaCode } : {}),
            ...(body.kind === 'ganda' ? { duplicateOf: body.duplicateOf } : {}),
            reason: body.reason,
          },
        });
        return answer;
      })
      .catch(async (err: unknown) => {
        // Another proposal for the KPM committed first (the partial unique index): 409, like the check above.
        if ((err as { constraint_name?: string }).constraint_name === 'sembako_kpm_fixes_one_open') throw alreadyOpen((await openFix())?.id ?? 'unknown');
        throw err;
      });
    res
      .status(201)
      .location(`/api/sembako/kpm/fixes/${fixId}`)
      .json({ id: fixId, ...snapshot });
  });

  router.get(
    '/sembako/kpm/fixes',
    listRoute(sql, {
      action: 'sembako.kpm_fix_list',
      query: kpmFixListQuerySchema,
      spec: fixes,
      source: (actor) => ({ select: fixSelect, from: fixFrom, scope: [inRegion(sql, actor.regionCode, FIX_REGION_COLUMNS)], present: presentFix(actor) }),
    }),
  );

  router.get('/sembako/kpm/fixes/:id', async (req, res) => {
    const actor = authorizedActor(res, 'sembako.kpm_fix_list');
    const { id } = parseInput('params', kpmFixIdParamsSchema, req.params);
    const [row] = await sql<FixRow[]>`SELECT ${fixSelect} FROM ${fixFrom} WHERE f.id = ${id} AND ${inRegion(sql, actor.regionCode, FIX_REGION_COLUMNS)}`;
    if (!row) throw new HttpProblem(404, `no KPM data fix ${id} in your region`);
    await recordAuditorRead(sql, res, actor, { key: 'read', action: 'sembako_kpm_fix.read', entityType: 'sembako_kpm_fix', entityId: id });
    res.json(presentFix(actor)(row));
  });

  const changesExport = (format: 'csv' | 'xlsx') => async (req: Request, res: Response) => {
    const actor = authorizedActor(res, 'sembako.kpm_fix_list');
    const q = parseInput('query', kpmChangeExportQuerySchema, req.query);
    const rows = await sql<ChangeRow[]>`
      SELECT c.id, c.fix_id, c.kind, c.before, c.after, c.kecamatan_code, c.kabupaten_code, c.decided_at,
             k.id_kpm, k.kk_number, k.pengurus_nik, k.pengurus_name, f.reason,
             p.display_name AS proposer_name, u.display_name AS decider_name, kc.name AS kecamatan_name,
             db.name AS desa_before_name, da.name AS desa_after_name
      FROM sembako_kpm_changes c
        JOIN sembako_kpm k ON k.id = c.kpm_id
        JOIN sembako_kpm_fixes f ON f.id = c.fix_id
        LEFT JOIN users p ON p.id = f.proposed_by
        LEFT JOIN users u ON u.id = c.decided_by
        LEFT JOIN regions kc ON kc.code = c.kecamatan_code
        LEFT JOIN regions db ON db.code = c.before->>'desa_code'
        LEFT JOIN regions da ON da.code = c.after->>'desa_code'
      WHERE ${whereOf(sql, changes.filters, q.filter, [inRegion(sql, actor.regionCode, CHANGE_REGION_COLUMNS)])}
      ORDER BY ${orderOf(sql, changes, q.sort)}`;
    // Personal data leaves the system: every export is on the record (how many rows, never a NIK).
    await recordRequestEvent(sql, res, {
      key: 'kpm_changes_export',
      action: 'sembako.kpm_changes_exported',
      entityType: 'sembako_kpm_changes',
      entityId: actor.regionCode ?? 'national',
      details: { filter: q.filter ?? {}, rows: rows.length, format },
    });
    const table = tableOf('Perubahan KPM', changeColumns(actor), rows);
    res.attachment(`perubahan-kpm-sembako.${format}`);
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(toCsv(table));
    else res.type(XLSX_TYPE).send(toXlsx(table));
  };
  router.get('/sembako/kpm/changes.csv', changesExport('csv'));
  router.get('/sembako/kpm/changes.xlsx', changesExport('xlsx'));

  return router;
}
