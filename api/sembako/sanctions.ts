// Sanction recommendations about an e-warong/agen (Permensos 5/2021 Pasal 58): a kabupaten
// supervisor proposes one (starts sanctionRecommendationWorkflow `sanksi-<id>`, answers once the
// approval task is in the inbox); a second supervisor decides through POST /api/tasks/:id/complete.
// Once approved, the letter to Kemensos (surat rekomendasi) is drawn as a PDF from the row.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import { authorize } from '../../domain/access';
import { localTime, regionChain, regionCovers } from '../../domain/regions';
import { COMPLAINT_CATEGORY_ID } from '../../domain/wordsId';
import { SANCTION_KIND_WORDS, sanctionWorkflowIdOf, type ComplaintCategory, type SanctionKind, type SanctionWorkflowInput } from '../../domain/sembako';
import { sanctionProposedUpdate, SA } from '../../workflows/definitions';
import type { sanctionRecommendationWorkflow } from '../../workflows/sanction';
import { PdfDocument } from '../exports/pdf';
import { actorOf, parseInput } from '../http';
import { listRoute, tableList } from '../list';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { recordAuditorRead, recordRequestEvent } from '../requestAudit';
import { proposeSanctionBodySchema, sanctionIdParamsSchema, sanctionListQuerySchema, type SanctionListFilter, type SanctionSortField } from './sanctionsSchema';

interface SanctionRow {
  id: string;
  letterNumber: string;
  eWarongName: string;
  eWarongDesaCode: string;
  complaintIds: string[];
  periodIds: string[];
  kind: SanctionKind;
  repaymentAmount: string | null;
  reasoning: string;
  status: 'awaiting_approval' | 'approved' | 'rejected';
  decisionReason: string | null;
  kecamatanCode: string;
  kabupatenCode: string;
  proposedBy: string;
  decidedBy: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

const REGION_COLUMNS = { provinsi: 's.provinsi_code', kabupaten: 's.kabupaten_code', kecamatan: 's.kecamatan_code' } as const;
const present = (r: SanctionRow) => ({
  id: r.id,
  letterNumber: r.letterNumber,
  eWarong: { name: r.eWarongName, desaCode: r.eWarongDesaCode },
  kecamatanCode: r.kecamatanCode,
  kabupatenCode: r.kabupatenCode,
  complaintIds: r.complaintIds,
  periodIds: r.periodIds,
  kind: r.kind,
  pengembalianDana: r.repaymentAmount === null ? null : Number(r.repaymentAmount),
  reasoning: r.reasoning,
  status: r.status,
  decisionReason: r.decisionReason,
  proposedBy: r.proposedBy,
  decidedBy: r.decidedBy,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});
const fieldProblem = (path: (string | number)[], message: string) => validationProblem(bodyIssues([{ path, message, code: 'custom' }]));

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** `2 Desember 2026`, the region's local date. */
const dateInWords = (at: Date | string, regionCode: string) => {
  const [y, m, d] = localTime(at, regionCode).slice(0, 10).split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
};
const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;
/** A complaint's number as people read it: the first block of its id, upper case. */
export const complaintNumber = (id: string) => `PGD-${id.slice(0, 8).toUpperCase()}`;

export function sembakoSanctionRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();

  async function visible(actorRegion: string | null, id: string): Promise<SanctionRow> {
    const [row] = await sql<SanctionRow[]>`SELECT s.* FROM sembako_sanctions s WHERE s.id = ${id} AND ${inRegion(sql, actorRegion, REGION_COLUMNS)}`;
    if (!row) throw new HttpProblem(404, `no sanction recommendation ${id} in your region`);
    return row;
  }

  router.post('/sembako/sanctions', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'sembako.sanction_propose');
    const body = parseInput('body', proposeSanctionBodySchema, req.body);
    const [desa] = await sql<{ parentCode: string }[]>`SELECT parent_code FROM regions WHERE code = ${body.eWarong.desaCode} AND level = 'desa'`;
    if (!desa) throw fieldProblem(['eWarong', 'desaCode'], `unknown desa ${body.eWarong.desaCode}`);
    authorize(actor, 'sembako.sanction_propose', desa.parentCode);
    const chain = regionChain(desa.parentCode) as Required<Pick<ReturnType<typeof regionChain>, 'provinsi' | 'kabupaten' | 'kecamatan'>>;
    // The grounds must be of the kabupaten (and exist): named by id, checked here.
    if (body.complaintIds.length) {
      const found = await sql<{ id: string; kabupatenCode: string }[]>`SELECT id, kabupaten_code FROM complaints WHERE id IN ${sql(body.complaintIds)}`;
      body.complaintIds.forEach((id, i) => {
        const c = found.find((f) => f.id === id);
        if (!c || !regionCovers(chain.kabupaten, c.kabupatenCode))
          throw fieldProblem(['complaintIds', i], `no complaint ${id} in kabupaten ${chain.kabupaten}`);
      });
    }
    if (body.periodIds.length) {
      const found = await sql<{ id: string; kabupatenCode: string }[]>`SELECT id, kabupaten_code FROM sembako_periods WHERE id IN ${sql(body.periodIds)}`;
      body.periodIds.forEach((id, i) => {
        const p = found.find((f) => f.id === id);
        if (!p || p.kabupatenCode !== chain.kabupaten) throw fieldProblem(['periodIds', i], `no period ${id} in kabupaten ${chain.kabupaten}`);
      });
    }
    const sanctionId = randomUUID();
    const workflowId = sanctionWorkflowIdOf(sanctionId);
    const input: SanctionWorkflowInput = {
      sanctionId,
      regions: { provinsi: chain.provinsi, kabupaten: chain.kabupaten, kecamatan: chain.kecamatan },
      kind: body.kind,
      complaintIds: body.complaintIds,
      periodIds: body.periodIds,
      eWarong: body.eWarong,
      repaymentAmount: body.pengembalianDana ?? null,
      reasoning: body.reasoning,
      proposedBy: actor,
      proposedAt: new Date().toISOString(),
    };
    const start = new WithStartWorkflowOperation<typeof sanctionRecommendationWorkflow>('sanctionRecommendationWorkflow', {
      workflowId,
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      typedSearchAttributes: [
        { key: SA.kecamatanCode, value: chain.kecamatan },
        { key: SA.kabupatenCode, value: chain.kabupaten },
      ],
    });
    const snapshot = await temporal.workflow.executeUpdateWithStart(sanctionProposedUpdate, { startWorkflowOperation: start });
    res
      .status(201)
      .location(`/api/sembako/sanctions/${sanctionId}`)
      .json({ id: sanctionId, ...snapshot });
  });

  router.get(
    '/sembako/sanctions',
    listRoute(sql, {
      action: 'sembako.sanction_list',
      query: sanctionListQuerySchema,
      spec: tableList<SanctionSortField, SanctionListFilter>(sql, 's', {
        resource: 'sembako-sanctions',
        sort: ['createdAt', 'status', 'kind'],
        defaultSort: ['createdAt', 'DESC'],
        equal: ['status', 'kind', 'kecamatanCode'],
      }),
      source: (actor) => ({ select: sql`s.*`, from: sql`sembako_sanctions s`, scope: [inRegion(sql, actor.regionCode, REGION_COLUMNS)], present }),
    }),
  );

  router.get('/sembako/sanctions/:id', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'sembako.sanction_list');
    const { id } = parseInput('params', sanctionIdParamsSchema, req.params);
    const row = await visible(actor.regionCode, id);
    await recordAuditorRead(sql, res, actor, { key: 'read', action: 'sembako_sanction.read', entityType: 'sembako_sanction', entityId: id });
    res.json(present(row));
  });

  router.get('/sembako/sanctions/:id/letter.pdf', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'sembako.sanction_list');
    const { id } = parseInput('params', sanctionIdParamsSchema, req.params);
    const row = await visible(actor.regionCode, id);
    if (row.status !== 'approved')
      throw new HttpProblem(409, `the recommendation is ${row.status}: its letter exists once a second supervisor approves it`, { sanctionStatus: row.status });
    const regions = await sql<{ code: string; name: string }[]>`
      SELECT code, name FROM regions WHERE code IN ${sql([row.kabupatenCode, row.kecamatanCode, row.eWarongDesaCode])}`;
    const nameOf = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
    const people = await sql<
      { id: string; displayName: string }[]
    >`SELECT id, display_name FROM users WHERE id IN ${sql([row.proposedBy, row.decidedBy ?? row.proposedBy])}`;
    const personOf = (uid: string | null) => people.find((p) => p.id === uid)?.displayName ?? uid ?? '';
    const complaints = row.complaintIds.length
      ? await sql<{ id: string; category: ComplaintCategory; receivedOn: string }[]>`
          SELECT id, category, received_on::text AS received_on FROM complaints WHERE id IN ${sql(row.complaintIds)} ORDER BY received_on, id`
      : [];
    const kabupaten = nameOf(row.kabupatenCode);
    const doc = new PdfDocument();
    doc
      .text(`PEMERINTAH ${kabupaten.toUpperCase()}`, { bold: true, align: 'center', size: 14, after: 0 })
      .text('DINAS SOSIAL', { bold: true, align: 'center', size: 13, after: 0 })
      .rule(1.5)
      .space(6)
      .text(`Nomor    : ${row.letterNumber}`, { after: 0 })
      .text('Perihal  : Rekomendasi sanksi terhadap e-warong/agen Program Sembako', { after: 0 })
      .text(`Tanggal  : ${dateInWords(row.decidedAt ?? row.createdAt, row.kabupatenCode)}`)
      .space(8)
      .text('Kepada Yth.', { after: 0 })
      .text('Menteri Sosial Republik Indonesia', { after: 0 })
      .text('c.q. Direktorat Jenderal Perlindungan dan Jaminan Sosial', { after: 0 })
      .text('di Jakarta')
      .space(6)
      .text(
        `Berdasarkan Peraturan Menteri Sosial Nomor 5 Tahun 2021 tentang Pelaksanaan Program Sembako, Pasal 58, Dinas Sosial ${kabupaten} ` +
          `merekomendasikan sanksi terhadap e-warong/agen berikut:`,
      )
      .table(
        ['Uraian', 'Keterangan'],
        [
          ['Nama e-warong/agen', row.eWarongName],
          ['Desa/Kelurahan', `${nameOf(row.eWarongDesaCode)} (${row.eWarongDesaCode})`],
          ['Kecamatan', `${nameOf(row.kecamatanCode)} (${row.kecamatanCode})`],
          ['Rekomendasi sanksi', SANCTION_KIND_WORDS[row.kind]],
          ['Pengembalian dana', row.repaymentAmount === null ? '-' : rupiah(Number(row.repaymentAmount))],
        ],
        [0.35, 0.65],
        10,
      )
      .text('Dasar rekomendasi:', { bold: true });
    if (complaints.length)
      doc.table(
        ['No', 'Nomor pengaduan', 'Kategori', 'Tanggal diterima'],
        complaints.map((c, i) => [
          String(i + 1),
          complaintNumber(c.id),
          COMPLAINT_CATEGORY_ID[c.category],
          dateInWords(`${c.receivedOn}T12:00:00Z`, row.kabupatenCode),
        ]),
        [0.08, 0.3, 0.37, 0.25],
      );
    if (row.periodIds.length) doc.text(`Hasil monitoring penyaluran: ${row.periodIds.join(', ')}`);
    doc
      .text('Pertimbangan:', { bold: true, after: 0 })
      .text(row.reasoning)
      .space(6)
      .text('Demikian rekomendasi ini kami sampaikan untuk dapat ditindaklanjuti.')
      .space(16)
      .table(['Diusulkan oleh', 'Disetujui oleh'], [[personOf(row.proposedBy), personOf(row.decidedBy)]], [0.5, 0.5], 10)
      .text(`Dinas Sosial ${kabupaten}`, { size: 9 });
    // A letter leaving the system is on the record, whoever draws it.
    await recordRequestEvent(sql, res, {
      key: 'letter',
      action: 'sembako_sanction.letter_issued',
      entityType: 'sembako_sanction',
      entityId: id,
      details: { letterNumber: row.letterNumber },
    });
    res.type('application/pdf').attachment(`rekomendasi-sanksi-${row.letterNumber.split('/')[0]}.pdf`);
    res.send(doc.bytes({ title: `Rekomendasi sanksi ${row.letterNumber}` }));
  });

  return router;
}
