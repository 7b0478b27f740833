// Program Sembako (formerly BPNT): the KPM register of a kecamatan and its complaints (pengaduan).
// Bundle-safe vocabulary and row rules shared by the API (CSV import, lists), the workflows and
// the portal. The import columns follow the KPM change record of the Pedum BPNT (the fields desa
// officials enter for SIKS-NG); no official file layout was readable, so the column names are
// ours and documented in docs/sembako.md.
import { z } from 'zod';
import { nikProblem } from './nik';
import { isoDateSchema, isoDateTimeSchema, personNameSchema } from './primitives';
import { desaCodeSchema, kecamatanCodeSchema, regionCovers } from './regions';
import { actorSchema, type Actor } from './roles';

/** Ids of register rows and complaints (UUIDs, lower case). */
export const uuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID');

/** How a KPM receives the benefit (per region and year): the KKS card through a Himbara bank, or cash through PT Pos. */
export const SEMBAKO_CHANNELS = ['kks', 'pos'] as const;
export type SembakoChannel = (typeof SEMBAKO_CHANNELS)[number];
/** Himbara banks that issue KKS cards (BSI in Aceh). */
export const HIMBARA_BANKS = ['BRI', 'BNI', 'MANDIRI', 'BSI'] as const;
/** Whether the KPM is also a PKH participant (Pedum: status PKH). */
export const PKH_STATUSES = ['pkh', 'non_pkh'] as const;
/** Card problems a TKSK counts at a point, per bank (field reports: KKS error, duplicate card, no balance, PIN blocked or forgotten). */
export const CARD_PROBLEM_KINDS = ['kks_rusak', 'kks_ganda', 'saldo_kosong', 'pin_terblokir', 'lainnya'] as const;
export type CardProblemKind = (typeof CARD_PROBLEM_KINDS)[number];
/** One count of card problems of one kind at one bank, as the monitoring form records it. */
export const cardProblemSchema = z.strictObject({
  bank: z.enum(HIMBARA_BANKS),
  kind: z.enum(CARD_PROBLEM_KINDS),
  count: z.number().int().min(1).max(100000),
});
export type CardProblem = z.infer<typeof cardProblemSchema>;

/** The register's columns, in the order of the CSV (import and export alike). */
export const KPM_COLUMNS = ['id_kpm', 'id_pengurus', 'no_kks', 'no_kk', 'nik_pengurus', 'nama_pengurus', 'status_pkh', 'kode_desa', 'saluran', 'bank'] as const;
export type KpmColumn = (typeof KPM_COLUMNS)[number];

/** A KPM of the register is active, or inactive for one of the reasons a data fix names. */
export const KPM_STATUSES = ['aktif', 'nonaktif'] as const;
export type KpmStatus = (typeof KPM_STATUSES)[number];
/** Why a KPM is nonaktif: the pengurus deceased (meninggal) or moved away (pindah), the family ineligible (tidak_layak) or listed twice (ganda). */
export const KPM_INACTIVE_REASONS = ['meninggal', 'pindah', 'tidak_layak', 'ganda'] as const;
export type KpmInactiveReason = (typeof KPM_INACTIVE_REASONS)[number];
/** Columns the export adds after KPM_COLUMNS: the register's status, which an import reads past (it never sets it). */
export const KPM_EXPORT_ONLY_COLUMNS = ['status', 'alasan_status'] as const;
export const KPM_EXPORT_COLUMNS = [...KPM_COLUMNS, ...KPM_EXPORT_ONLY_COLUMNS] as const;
export type KpmExportColumn = (typeof KPM_EXPORT_COLUMNS)[number];

const digits = (n: number, what: string) => z.string().regex(new RegExp(`^\\d{${n}}$`), `${what} harus tepat ${n} angka`);
/** DTKS/DTSEN identifiers: digits, as the data centre issues them (their length has changed between releases). */
const dtksId = z.string().regex(/^\d{6,20}$/, 'ID DTKS/DTSEN terdiri dari 6 sampai 20 angka');
const optional = <T extends z.ZodType>(s: T) => z.union([z.literal(''), s]).optional();

/**
 * One KPM row as the import reads it (every cell text; empty optional cells are ''). The same
 * field names as the CSV columns, so an error's path names the column the desa must fix.
 */
export const kpmRowSchema = z
  .strictObject({
    /** The KPM (family) id in DTKS, or in DTSEN since 2025: the register's key. */
    id_kpm: dtksId,
    /** The pengurus's (account holder's) own DTKS/DTSEN id, when known. */
    id_pengurus: optional(dtksId),
    /** KKS card number (16 digits): required for the KKS channel, empty for PT Pos. */
    no_kks: optional(digits(16, 'nomor KKS')),
    /** Kartu Keluarga number, 16 digits. */
    no_kk: digits(16, 'nomor KK'),
    /** NIK of the pengurus (the family member who holds the card). */
    nik_pengurus: z.string().superRefine((nik, ctx) => {
      const problem = nikProblem(nik);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    nama_pengurus: personNameSchema,
    status_pkh: z.enum(PKH_STATUSES),
    /** Kemendagri desa/kelurahan code where the family lives. */
    kode_desa: desaCodeSchema,
    saluran: z.enum(SEMBAKO_CHANNELS),
    /** Himbara bank of the KKS (empty for PT Pos). */
    bank: optional(z.enum(HIMBARA_BANKS)),
  })
  .superRefine((row, ctx) => {
    if (row.saluran === 'kks') {
      if (!row.no_kks) ctx.addIssue({ code: 'custom', path: ['no_kks'], message: 'saluran KKS memerlukan nomor kartu KKS' });
      if (!row.bank) ctx.addIssue({ code: 'custom', path: ['bank'], message: 'saluran KKS memerlukan bank Himbara (BRI, BNI, MANDIRI, BSI)' });
    } else if (row.bank) {
      ctx.addIssue({ code: 'custom', path: ['bank'], message: 'PT Pos membayar tunai: kosongkan kolom bank' });
    }
  });
export type KpmRow = z.infer<typeof kpmRowSchema>;

/** A KPM row as imported, normalised: cells trimmed, empty optional cells '' (so a content hash is stable). */
export function normaliseKpmCells(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const s = typeof v === 'string' ? v.trim() : v;
    out[k] =
      k === 'bank' && typeof s === 'string' ? s.toUpperCase() : k === 'status_pkh' || k === 'saluran' ? (typeof s === 'string' ? s.toLowerCase() : s) : s;
  }
  for (const c of ['id_pengurus', 'no_kks', 'bank'] as const) out[c] ??= '';
  return out;
}

/** The 6T of the 2018 complaint guideline, then the field's own kinds: card, data and agent conduct problems. */
export const COMPLAINT_CATEGORIES = [
  'tepat_sasaran',
  'tepat_jumlah',
  'tepat_harga',
  'tepat_waktu',
  'tepat_kualitas',
  'tepat_administrasi',
  'kartu',
  'data',
  'perilaku_agen',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** Where the complaint came in. lapor.go.id complaints carry its tracking number. */
export const COMPLAINT_CHANNELS = ['tatap_muka', 'telepon', 'sms_1708', 'lapor_go_id', 'bank', 'dinas_sosial'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** Who must answer a forwarded complaint. */
export const COMPLAINT_ANSWERERS = ['bank', 'e_warong', 'desa', 'dinas_sosial'] as const;
export type ComplaintAnswerer = (typeof COMPLAINT_ANSWERERS)[number];

/** What a complaint is about: a KPM of the register (by id, never by NIK), an e-warong/agen, or the programme in general. */
export const complaintSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('kpm'), kpmId: uuidSchema.describe('The KPM’s id in the register (GET /api/sembako/kpm), never its NIK') }),
  z.strictObject({
    kind: z.literal('e_warong'),
    /** Name of the e-warong or agen as the complainant knows it. */
    name: z.string().trim().min(2).max(200),
    desaCode: desaCodeSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('umum') }),
]);
export type ComplaintSubject = z.infer<typeof complaintSubjectSchema>;

export const complaintComplainantSchema = z.strictObject({
  /** Empty when the complainant stays anonymous (SMS 1708 often is). */
  name: personNameSchema.optional(),
  /** Phone number to confirm the closure with. */
  phone: z
    .string()
    .regex(/^\+?\d{8,15}$/, 'a phone number: 8 to 15 digits, optionally with a leading +')
    .optional(),
  /** The complainant is the KPM the complaint is about (or speaks for their family). */
  isKpm: z.boolean().default(false),
});

/** A complaint as the intake records it (POST /api/complaints and the workflow's input). */
export const complaintIntakeSchema = z
  .strictObject({
    /** The kecamatan whose TKSK follows the complaint up; a TKSK's own kecamatan when left out. */
    kecamatanCode: kecamatanCodeSchema.optional(),
    channel: z.enum(COMPLAINT_CHANNELS),
    /** lapor.go.id tracking number (required for that channel). */
    laporReference: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{4,40}$/i, 'a lapor.go.id tracking number: 4 to 40 letters, digits or dashes')
      .optional(),
    category: z.enum(COMPLAINT_CATEGORIES),
    /** What the complainant says happened. */
    description: z.string().trim().min(10).max(4000),
    /** When the complaint was received, YYYY-MM-DD. */
    receivedOn: isoDateSchema,
    complainant: complaintComplainantSchema,
    subject: complaintSubjectSchema,
  })
  .superRefine((c, ctx) => {
    if (c.channel === 'lapor_go_id' && !c.laporReference)
      ctx.addIssue({ code: 'custom', path: ['laporReference'], message: 'a lapor.go.id complaint needs its tracking number' });
    if (c.channel !== 'lapor_go_id' && c.laporReference)
      ctx.addIssue({ code: 'custom', path: ['laporReference'], message: 'only lapor.go.id complaints have a tracking number' });
  });
export type ComplaintIntake = z.infer<typeof complaintIntakeSchema>;

export const COMPLAINT_STATUSES = ['forwarding', 'awaiting_acknowledgement', 'awaiting_resolution', 'awaiting_confirmation', 'closed', 'withdrawn'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Evidence of a resolution: what it is and where it can be found (the number of a berita acara, a photo's file name). */
export const evidenceSchema = z.strictObject({
  kind: z.enum(['foto', 'dokumen', 'berita_acara', 'tangkapan_layar', 'lainnya']),
  /** Document number, file name or link where the evidence is kept. */
  reference: z.string().trim().min(2).max(500),
  description: z.string().trim().max(1000).optional(),
});

export const answererSchema = z.strictObject({
  type: z.enum(COMPLAINT_ANSWERERS),
  /** The branch, e-warong, desa office or section that must answer. */
  name: z.string().trim().min(2).max(200),
});
export type Answerer = z.infer<typeof answererSchema>;

/** Where a KPM register row's region chain comes from: its desa code. */
export const kpmRowKecamatan = (row: Pick<KpmRow, 'kode_desa'>): string => row.kode_desa.split('.').slice(0, 3).join('.');

/** Input of complaintWorkflow (`pengaduan-<complaintId>`), sealed for `receivedBy`. */
export const complaintWorkflowInputSchema = z.object({
  complaintId: z.string().min(1),
  intake: complaintIntakeSchema,
  regions: z.object({ provinsi: z.string(), kabupaten: z.string(), kecamatan: z.string() }),
  receivedBy: actorSchema,
  /** The TKSK who follows it up: the one who took it in; null (any TKSK of the kecamatan) when a supervisor did. */
  assigneeId: z.string().nullable(),
  receivedAt: isoDateTimeSchema,
});
export type ComplaintWorkflowInput = z.infer<typeof complaintWorkflowInputSchema>;

/** What may be done to a running complaint besides its tasks: a note, or its withdrawal by the complainant. */
export const COMPLAINT_ACTIONS = ['note', 'withdraw'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];
export const complaintActionBodySchemas = {
  note: z.strictObject({ text: z.string().trim().min(3).max(2000) }),
  withdraw: z.strictObject({ reason: z.string().trim().min(5).max(2000) }),
} satisfies Record<ComplaintAction, z.ZodType>;

export const complaintActionInputSchema = z.object({
  action: z.enum(COMPLAINT_ACTIONS),
  actor: actorSchema,
  payload: z.record(z.string(), z.unknown()),
});
export type ComplaintActionInput = z.infer<typeof complaintActionInputSchema>;

/** The complaint as its workflow sees it (answers of its Updates and query). */
export interface ComplaintSnapshot {
  complaintId: string;
  status: ComplaintStatus;
  kecamatanCode: string;
  assigneeId: string | null;
  /** Who must answer now (null before forwarding, or once resolved directly). */
  answerer: Answerer | null;
  /** How many times it was forwarded (a declined, unresolved or reopened complaint is forwarded again). */
  forwards: number;
  openTasks: { taskId: string; type: string; regionCode: string; assigneeId: string | null; dueAt: string | null }[];
}

/** Who may note on or withdraw a complaint: its TKSK (or any TKSK of the kecamatan when unassigned), a supervisor covering it. */
export function complaintActionAllowed(actor: Actor, c: { kecamatanCode: string; assigneeId: string | null }): string | undefined {
  if (actor.role === 'tksk') {
    if (!regionCovers(actor.regionCode, c.kecamatanCode)) return 'the complaint is outside your kecamatan';
    if (c.assigneeId && c.assigneeId !== actor.id) return 'the complaint is followed up by another TKSK';
    return undefined;
  }
  if (actor.role === 'supervisor_kabupaten' || actor.role === 'supervisor_provinsi')
    return regionCovers(actor.regionCode, c.kecamatanCode) ? undefined : 'the complaint is outside your region';
  return `role ${actor.role} may not act on complaints`;
}

/** A distribution period of a kecamatan: a month `YYYY-MM` (a stage may span several; the month it starts names it). */
export const sembakoPeriodSchema = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

/** Where KPM collect the benefit in the period: an e-warong or agen (KKS), or a PT Pos payment point. */
export const distributionPointSchema = z.strictObject({
  /** Short id of the point within the period, e.g. `ew-blotongan-1`. */
  pointId: z.string().regex(/^[a-z0-9-]{2,40}$/, '2 to 40 lower-case letters, digits or dashes'),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(['e_warong', 'agen', 'pos']),
  desaCode: desaCodeSchema,
});
export type DistributionPoint = z.infer<typeof distributionPointSchema>;

/** One item of the monitoring checklist (kept as data per region and period: table sembako_checklists). */
export interface ChecklistItem {
  itemId: string;
  label: string;
}

/**
 * Input of sembakoPeriodWorkflow (`sembako-<kecamatan>-<period>`), sealed for `openedBy`: a person
 * opening it by hand, or null for the system (the kabupaten's distribution calendar, naming its entry).
 */
export const sembakoPeriodInputSchema = z.object({
  periodId: z.string().min(1),
  period: sembakoPeriodSchema,
  regions: z.object({ provinsi: z.string(), kabupaten: z.string(), kecamatan: z.string() }),
  distributionPoints: z.array(distributionPointSchema).min(1).max(200),
  openedBy: actorSchema.nullable(),
  openedAt: isoDateTimeSchema,
  /** The calendar entry whose Schedule opened the period (absent when opened by hand). */
  calendarEntryId: z.string().optional(),
});
export type SembakoPeriodInput = z.infer<typeof sembakoPeriodInputSchema>;

export const SEMBAKO_PERIOD_STATUSES = ['tikor', 'monitoring', 'report', 'verification', 'verified'] as const;
export type SembakoPeriodStatus = (typeof SEMBAKO_PERIOD_STATUSES)[number];

export interface SembakoPeriodSnapshot {
  periodId: string;
  period: string;
  kecamatanCode: string;
  status: SembakoPeriodStatus;
  /** Distribution points whose monitoring is recorded. */
  monitored: string[];
  openTasks: { taskId: string; type: string; regionCode: string; assigneeId: string | null; dueAt: string | null }[];
}

export const sembakoPeriodIdOf = (kecamatanCode: string, period: string): string => `sembako-${kecamatanCode}-${period}`;

/** A point's monitoring as the report and the kabupaten see it (sembakoPeriodWorkflow's summarise). */
export interface PointMonitoringSummary {
  pointId: string;
  visitedOn: string | null;
  /** Checklist items answered not ok, and items the checklist has that the answer lacks. */
  failed: string[];
  unanswered: string[];
  recommendRevocation: boolean;
  /** KPM on the point's list for the period, and how many collected their benefit (realisation). */
  kpmListed: number;
  kpmServed: number;
  cardProblems: CardProblem[];
}

/**
 * The TKSK's check of the period's KPM list against the register (task sembako_kpm_check), as the
 * report and the kabupaten see it: counts only (they go into the audit chain and the projection).
 */
export interface KpmCheckSummary {
  checkedOn: string;
  kpmListed: number;
  kpmFound: number;
  kpmNotFound: number;
  /** KPM of the list the TKSK found deceased, moved, duplicate or no longer eligible. */
  problems: Record<(typeof KPM_CHECK_PROBLEMS)[number], number>;
  /** The register's active KPM of the kecamatan when the task was written. */
  registerActive: number | null;
}
/**
 * What a KPM list check counts: the register's nonaktif reasons, spelled without underscores
 * (task contexts and results are jsonb, whose keys the database driver camel-cases on reading).
 */
export const KPM_CHECK_PROBLEMS = ['meninggal', 'pindah', 'ganda', 'tidakLayak'] as const;

/** The register of a kecamatan, counted when its KPM list check is written (the task's context). */
export interface KpmRegisterCounts {
  active: number;
  inactive: Record<(typeof KPM_CHECK_PROBLEMS)[number], number>;
}

/** The period's totals over its points: counts only (they go into the audit chain and the projection). */
export interface SembakoPeriodTotals {
  points: number;
  kpmListed: number;
  kpmServed: number;
  /** served / listed, 0..1 rounded to 4 places; null when no KPM were listed. */
  realisation: number | null;
  /** Summed per bank and kind, in the vocabularies' order; kinds with no problem left out. */
  cardProblems: CardProblem[];
  cardProblemsTotal: number;
  failedItems: number;
  /** Points whose revocation the TKSK recommends. */
  revocationsRecommended: string[];
}

export function sembakoPeriodTotals(points: PointMonitoringSummary[]): SembakoPeriodTotals {
  const kpmListed = points.reduce((n, p) => n + p.kpmListed, 0);
  const kpmServed = points.reduce((n, p) => n + p.kpmServed, 0);
  const sums = new Map<string, number>();
  for (const p of points) for (const c of p.cardProblems) sums.set(`${c.bank}/${c.kind}`, (sums.get(`${c.bank}/${c.kind}`) ?? 0) + c.count);
  const cardProblems: CardProblem[] = [];
  for (const bank of HIMBARA_BANKS)
    for (const kind of CARD_PROBLEM_KINDS) {
      const count = sums.get(`${bank}/${kind}`);
      if (count) cardProblems.push({ bank, kind, count });
    }
  return {
    points: points.length,
    kpmListed,
    kpmServed,
    realisation: kpmListed > 0 ? Math.round((kpmServed / kpmListed) * 10_000) / 10_000 : null,
    cardProblems,
    cardProblemsTotal: cardProblems.reduce((n, c) => n + c.count, 0),
    failedItems: points.reduce((n, p) => n + p.failed.length, 0),
    revocationsRecommended: points.filter((p) => p.recommendRevocation).map((p) => p.pointId),
  };
}

/**
 * A sanction Dinas Sosial recommends to Kemensos about an e-warong/agen (Permensos 5/2021 Pasal 58):
 * a written warning, temporary deactivation, or ending the cooperation; repayment of losses optional.
 */
export const SANCTION_KINDS = ['teguran_tertulis', 'penonaktifan_sementara', 'pemutusan_kerja_sama'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const SANCTION_KIND_WORDS: Record<SanctionKind, string> = {
  teguran_tertulis: 'Teguran tertulis',
  penonaktifan_sementara: 'Penonaktifan sementara',
  pemutusan_kerja_sama: 'Pemutusan kerja sama',
};
export const SANCTION_STATUSES = ['awaiting_approval', 'approved', 'rejected'] as const;
export type SanctionStatus = (typeof SANCTION_STATUSES)[number];

/** Input of sanctionRecommendationWorkflow (`sanksi-<sanctionId>`), sealed for `proposedBy` (no personal data: the e-warong is a business). */
export const sanctionWorkflowInputSchema = z.object({
  sanctionId: uuidSchema,
  regions: z.object({ provinsi: z.string(), kabupaten: z.string(), kecamatan: z.string() }),
  kind: z.enum(SANCTION_KINDS),
  complaintIds: z.array(uuidSchema).max(100),
  periodIds: z.array(z.string().min(1).max(80)).max(100),
  eWarong: z.object({ name: z.string(), desaCode: z.string() }),
  repaymentAmount: z.number().int().positive().nullable(),
  reasoning: z.string(),
  proposedBy: actorSchema,
  proposedAt: isoDateTimeSchema,
});
export type SanctionWorkflowInput = z.infer<typeof sanctionWorkflowInputSchema>;

export interface SanctionSnapshot {
  sanctionId: string;
  status: SanctionStatus;
  kabupatenCode: string;
  proposedBy: string;
  decidedBy: string | null;
  openTasks: { taskId: string; type: string; regionCode: string; assigneeId: string | null; dueAt: string | null }[];
}

export const sanctionWorkflowIdOf = (sanctionId: string): string => `sanksi-${sanctionId}`;

/**
 * Kinds of data fix a TKSK proposes to a KPM of the register (docs/sembako.md §1, "Data fixes"):
 * the pengurus deceased, moved, the family ineligible, the NIK not matching Dukcapil, or the row a
 * duplicate of another. An accepted fix changes the register and is exported for SIKS-NG.
 */
export const KPM_FIX_KINDS = ['meninggal', 'pindah', 'tidak_layak', 'nik_tidak_sesuai', 'ganda'] as const;
export type KpmFixKind = (typeof KPM_FIX_KINDS)[number];
/** Where a proposed fix stands: proposed (open), accepted or rejected by the kabupaten operator. */
export const KPM_FIX_STATUSES = ['diajukan', 'diterima', 'ditolak'] as const;
export type KpmFixStatus = (typeof KPM_FIX_STATUSES)[number];

const fixReason = z.string().trim().min(5, 'say why, in at least 5 characters').max(2000);

/** A proposed data fix (POST /api/sembako/kpm/:id/fixes): what is wrong, and why the proposer says so. */
export const kpmFixProposalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('meninggal'), reason: fixReason }),
  z.strictObject({
    kind: z.literal('pindah'),
    /** The desa the family moved to, when it is within the KPM's kabupaten; leave out for a move outside it (the KPM goes nonaktif). */
    targetDesaCode: desaCodeSchema.optional(),
    reason: fixReason,
  }),
  z.strictObject({ kind: z.literal('tidak_layak'), reason: fixReason }),
  z.strictObject({
    kind: z.literal('nik_tidak_sesuai'),
    /** The pengurus's NIK as Dukcapil holds it (stored in PostgreSQL only, shown masked like the register's). */
    correctedNik: z.string().superRefine((nik, ctx) => {
      const problem = nikProblem(nik);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    reason: fixReason,
  }),
  z.strictObject({
    kind: z.literal('ganda'),
    /** The register id (GET /api/sembako/kpm) of the row this KPM duplicates. */
    duplicateOf: uuidSchema,
    reason: fixReason,
  }),
]);
export type KpmFixProposal = z.infer<typeof kpmFixProposalSchema>;

/**
 * Why a corrected NIK does not fit the KPM's region, or undefined: a NIK's first two digits are the
 * provinsi where it was issued; a pengurus of this register carries a NIK issued somewhere in
 * Indonesia (NIKs do not change on moving), so only the NIK rules and a real provinsi prefix hold,
 * and the NIK must differ from the one it corrects.
 */
export function correctedNikProblem(correctedNik: string, currentNik: string): string | undefined {
  const problem = nikProblem(correctedNik);
  if (problem) return problem;
  if (correctedNik === currentNik) return 'the corrected NIK is the one the register already holds';
  return undefined;
}

/** Where a move goes: within the KPM's kabupaten (the register's desa and kecamatan change) or outside it (the KPM goes nonaktif/pindah). */
export function moveStaysInKabupaten(kabupatenCode: string, targetDesaCode: string | undefined): boolean {
  return targetDesaCode !== undefined && regionCovers(kabupatenCode, targetDesaCode);
}

/** Workflow id of a data fix's review. */
export const kpmFixWorkflowIdOf = (fixId: string): string => `kpm-fix-${fixId}`;

/**
 * Input of kpmDataFixWorkflow (`kpm-fix-<fixId>`), sealed for `proposedBy`. Ids and codes only:
 * the API writes the fix row (with the corrected NIK and the reason) before the start, and the
 * workflow's activities read it from PostgreSQL, so no NIK ever enters a Temporal payload.
 */
export const kpmFixWorkflowInputSchema = z.object({
  fixId: uuidSchema,
  kpmId: uuidSchema,
  kind: z.enum(KPM_FIX_KINDS),
  regions: z.object({ provinsi: z.string(), kabupaten: z.string(), kecamatan: z.string() }),
  proposedBy: actorSchema,
  proposedAt: isoDateTimeSchema,
});
export type KpmFixWorkflowInput = z.infer<typeof kpmFixWorkflowInputSchema>;

export interface KpmFixSnapshot {
  fixId: string;
  kpmId: string;
  kind: KpmFixKind;
  status: KpmFixStatus;
  kabupatenCode: string;
  proposedBy: string;
  decidedBy: string | null;
  openTasks: { taskId: string; type: string; regionCode: string; assigneeId: string | null; dueAt: string | null }[];
}

/** What applying an accepted fix did (the activity's answer, checked where it crosses into the workflow). */
export const kpmFixAppliedSchema = z.object({
  /** `diterima`: the register changed; `ditolak`: it could not change (the reason says why) and the fix is closed as rejected. */
  status: z.enum(['diterima', 'ditolak']),
  reason: z.string().nullable(),
});
export type KpmFixApplied = z.infer<typeof kpmFixAppliedSchema>;

/**
 * The kabupaten's distribution calendar (table sembako_calendar, POST /api/sembako/calendar): a
 * period's planned distribution start; the kabupaten's Schedule opens every kecamatan's period
 * `leadWorkingDays` working days before it (domain/calendar.ts subtractWorkingDays).
 */
export const sembakoCalendarEntrySchema = z
  .strictObject({
    /** The kabupaten/kota, e.g. `33.73`; a kabupaten supervisor's own when left out. */
    kabupatenCode: z
      .string()
      .regex(/^\d{2}\.\d{2}$/, 'a kabupaten code like 33.73')
      .optional(),
    /** The period it opens (YYYY-MM): the month the distribution starts names it. */
    period: sembakoPeriodSchema,
    /** The planned first day of distribution (WIB), within the period's month. */
    plannedStart: isoDateSchema,
    /** How the period is paid in the kabupaten, when one channel applies to all (informational). */
    channel: z.enum(SEMBAKO_CHANNELS).optional(),
    /** Working days before the planned start at which the periods open (the Tikor meeting and the KPM list check come first). */
    leadWorkingDays: z.number().int().min(0).max(30),
    note: z.string().trim().max(500).optional(),
  })
  .refine((e) => e.plannedStart.slice(0, 7) === e.period, { path: ['plannedStart'], message: 'must lie in the month of the period' });
export type SembakoCalendarEntryInput = z.infer<typeof sembakoCalendarEntrySchema>;

/** Schedule id of a kabupaten's distribution calendar (worker/schedules.ts). */
export const sembakoCalendarScheduleIdOf = (kabupatenCode: string): string => `kesos-sembako-calendar-${kabupatenCode}`;
