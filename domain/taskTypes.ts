// Task types: who may complete each, its outcomes, and the zod schema of the completion
// `{outcome, data}`. The API, the workflow update validator and the portal (its forms via
// GET /api/task-types, its labels and completion check directly) all read this one table; the
// Indonesian and English titles here are the ones the API's timeline and the portal show.
import { z } from 'zod';
import { isoDateSchema } from './primitives';
import { closureReasonSchema } from './case';
import type { Role } from './roles';
import { answererSchema, cardProblemSchema, evidenceSchema, KPM_CHECK_PROBLEMS } from './sembako';
import { appraisalDataSchema } from './tkskAssignment';

export const TASK_TYPES = [
  'asesmen',
  'assessment_approval',
  'pendampingan_visit',
  'rujukan_feedback',
  'closure_approval',
  'bimbingan_lanjut',
  'sla_escalation',
  'tali_asih_report',
  'tali_asih_verification',
  'tali_asih_approval',
  'tali_asih_payment_issue',
  'pengaduan_forward',
  'pengaduan_acknowledgement',
  'pengaduan_resolution',
  'pengaduan_confirmation',
  'sembako_tikor_meeting',
  'sembako_monitoring',
  'sembako_period_report',
  'sembako_period_verification',
  'sembako_sanction_approval',
  'tksk_evaluation',
  'tksk_evaluation_koordinator',
  'sembako_kpm_fix_review',
  'sembako_kpm_check',
  'koordinasi_tindak_lanjut',
  'koordinasi_tindak_lanjut_dinas',
  'laporan_bulanan_narasi',
  'laporan_bulanan_review',
] as const;
export const taskTypeSchema = z.enum(TASK_TYPES);
export type TaskType = z.infer<typeof taskTypeSchema>;

export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Every outcome some task type has (see TASK_TYPE_INFO[type].outcomes). */
export const OUTCOMES = [
  'approve',
  'return',
  'reject',
  'continue',
  'refer',
  'propose_closure',
  'served',
  'not_served',
  'retry',
  'cancel',
  'forward',
  'resolve_directly',
  'acknowledged',
  'declined',
  'resolved',
  'unresolved',
  'confirmed',
  'reopened',
  'renew',
  'renew_with_coaching',
  'not_renew',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

const reason = z.string().trim().min(5).max(2000).describe('Why: required, shown to the person the step goes back to');
const note = z.string().trim().max(2000).optional().describe('Optional remark');

/** What was done to put a complaint right, as the answerer reports it. */
const resolution = z.string().trim().min(10).max(4000).describe('What was done to put it right');
/** At least one piece of evidence (a berita acara number, a photo's file name) for a resolution. */
const evidence = z.array(evidenceSchema).min(1).max(20);

const approve = z.strictObject({ outcome: z.literal('approve'), data: z.strictObject({ note }) });
const returnBack = z.strictObject({ outcome: z.literal('return'), data: z.strictObject({ reason }) });
const reject = z.strictObject({ outcome: z.literal('reject'), data: z.strictObject({ reason }) });

export const RUJUKAN_DESTINATIONS = ['balai_rehabilitasi', 'puskesmas_rumah_sakit', 'dukcapil', 'bpjs_jkn', 'lks', 'dinas_lain', 'lainnya'] as const;
export const URGENCIES = ['rendah', 'sedang', 'tinggi', 'darurat'] as const;
export const RISK_LEVELS = ['rendah', 'sedang', 'tinggi'] as const;
/** A referral (rujukan) is open until its feedback says served or not served, or the case ends it. */
export const REFERRAL_STATUSES = ['open', 'served', 'not_served', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const referralSchema = z.strictObject({
  /** Kind of service the person is referred to. */
  destinationType: z.enum(RUJUKAN_DESTINATIONS),
  /** Name of the receiving institution. */
  institutionName: z.string().trim().min(3).max(200),
  reason: z.string().trim().min(5).max(2000),
  urgency: z.enum(URGENCIES),
  /** The PSKS directory entry it goes to (GET /api/psks), when it is one: it must exist and lie in your region. */
  psksId: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID')
    .optional(),
});

const visitBase = {
  /** Date of the home visit, YYYY-MM-DD. */
  visitDate: isoDateSchema,
  /** What the TKSK saw and did. */
  observations: z.string().trim().min(10).max(4000),
};

// The yearly TKSK evaluation (domain/tkskAssignment.ts): scores per criterion, notes, an outcome;
// renew_with_coaching needs the coaching plan.
const appraisal = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('renew'), data: appraisalDataSchema }),
  z.strictObject({ outcome: z.literal('renew_with_coaching'), data: appraisalDataSchema.required({ coachingPlan: true }) }),
  z.strictObject({ outcome: z.literal('not_renew'), data: appraisalDataSchema.required({ notes: true }) }),
]);

const tindakLanjut = z.strictObject({
  data: z.strictObject({
    /** The day it was done, YYYY-MM-DD. */
    doneOn: isoDateSchema,
    /** What was done (a letter sent, a KPM visited, data fixed at the desa…). */
    result: z.string().trim().min(5).max(4000),
    note,
  }),
});

const completionSchemas = {
  asesmen: z.strictObject({
    data: z.strictObject({
      /** Needs found in the assessment (at least one). */
      needs: z.array(z.string().trim().min(3).max(300)).min(1).max(20),
      riskLevel: z.enum(RISK_LEVELS),
      /** Intervention-plan goals (rencana intervensi). */
      planGoals: z.array(z.string().trim().min(3).max(300)).min(1).max(20),
      /** Days between pendampingan visits. */
      visitCadenceDays: z.number().int().min(1).max(90),
      notes: note,
    }),
  }),
  assessment_approval: z.discriminatedUnion('outcome', [approve, returnBack, reject]),
  pendampingan_visit: z.discriminatedUnion('outcome', [
    z.strictObject({ outcome: z.literal('continue'), data: z.strictObject({ ...visitBase }) }),
    z.strictObject({ outcome: z.literal('refer'), data: z.strictObject({ ...visitBase, referral: referralSchema }) }),
    z.strictObject({
      outcome: z.literal('propose_closure'),
      data: z.strictObject({ ...visitBase, closureReason: closureReasonSchema, closureNote: note }),
    }),
  ]),
  rujukan_feedback: z.discriminatedUnion('outcome', [
    z.strictObject({
      outcome: z.literal('served'),
      data: z.strictObject({ acknowledgedAt: isoDateSchema, serviceOutcome: z.string().trim().min(5).max(2000) }),
    }),
    z.strictObject({
      outcome: z.literal('not_served'),
      data: z.strictObject({ acknowledgedAt: isoDateSchema.optional(), reason }),
    }),
  ]),
  closure_approval: z.discriminatedUnion('outcome', [approve, returnBack]),
  bimbingan_lanjut: z.strictObject({
    data: z.strictObject({
      followUpDate: isoDateSchema,
      /** How the person is doing after closure. */
      condition: z.string().trim().min(5).max(2000),
      notes: note,
    }),
  }),
  sla_escalation: z.strictObject({
    data: z.strictObject({ actionTaken: z.string().trim().min(5).max(2000) }),
  }),
  tali_asih_report: z.strictObject({
    data: z.strictObject({ narrative: z.string().trim().min(20).max(8000) }),
  }),
  tali_asih_verification: z.discriminatedUnion('outcome', [approve, returnBack, reject]),
  tali_asih_approval: z.discriminatedUnion('outcome', [approve, returnBack, reject]),
  tali_asih_payment_issue: z.discriminatedUnion('outcome', [
    z.strictObject({
      outcome: z.literal('retry'),
      data: z.strictObject({ note: z.string().trim().min(5).max(2000).describe('What was fixed before the payment is sent again, e.g. the account') }),
    }),
    z.strictObject({
      outcome: z.literal('cancel'),
      data: z.strictObject({
        reason: z
          .string()
          .trim()
          .min(5)
          .max(2000)
          .describe('Why the payment is cancelled: shown on the claim, whose payment can be reissued once the account is fixed'),
      }),
    }),
  ]),
  pengaduan_forward: z.discriminatedUnion('outcome', [
    z.strictObject({
      outcome: z.literal('forward'),
      /** Who must answer the complaint: the bank branch, the e-warong, the desa office or Dinas Sosial. */
      data: z.strictObject({ answerer: answererSchema, note }),
    }),
    z.strictObject({
      outcome: z.literal('resolve_directly'),
      /** Settled by the TKSK at once (a PIN explained, a date told): the resolution and its evidence. */
      data: z.strictObject({ resolvedOn: isoDateSchema, resolution, evidence }),
    }),
  ]),
  pengaduan_acknowledgement: z.discriminatedUnion('outcome', [
    z.strictObject({
      outcome: z.literal('acknowledged'),
      /** The answerer confirmed they received the complaint: when, and who there took it. */
      data: z.strictObject({ acknowledgedOn: isoDateSchema, contactPerson: z.string().trim().min(2).max(200).optional(), note }),
    }),
    /** The answerer says it is not theirs to answer: the complaint goes back to be forwarded again. */
    z.strictObject({ outcome: z.literal('declined'), data: z.strictObject({ reason }) }),
  ]),
  pengaduan_resolution: z.discriminatedUnion('outcome', [
    z.strictObject({ outcome: z.literal('resolved'), data: z.strictObject({ resolvedOn: isoDateSchema, resolution, evidence }) }),
    /** The answerer cannot put it right: forwarded again (another answerer, or Dinas Sosial). */
    z.strictObject({ outcome: z.literal('unresolved'), data: z.strictObject({ reason }) }),
  ]),
  pengaduan_confirmation: z.discriminatedUnion('outcome', [
    z.strictObject({
      outcome: z.literal('confirmed'),
      /** The complainant was told the resolution and accepts it (or could not be reached after trying: say so in the note). */
      data: z.strictObject({ confirmedOn: isoDateSchema, note }),
    }),
    /** The complainant is not satisfied: the complaint is forwarded again. */
    z.strictObject({ outcome: z.literal('reopened'), data: z.strictObject({ reason }) }),
  ]),
  sembako_tikor_meeting: z.strictObject({
    data: z.strictObject({
      meetingOn: isoDateSchema,
      /** Usually the Camat or the Sekcam. */
      chair: z.string().trim().min(2).max(200),
      /** Who came, by role and organisation (bank contact, supplier, e-warong per desa, kepala desa…). */
      attendees: z
        .array(z.strictObject({ role: z.string().trim().min(2).max(200), organisation: z.string().trim().min(2).max(200) }))
        .min(1)
        .max(100),
      /** What was agreed: commodities, prices, logistics, last period's problems. */
      agreements: z.array(z.string().trim().min(3).max(1000)).min(1).max(50),
      notes: note,
    }),
  }),
  sembako_monitoring: z.strictObject({
    data: z
      .strictObject({
        visitedOn: isoDateSchema,
        /** One answer per item of the period's checklist (its itemId, from the task's context). */
        results: z
          .array(z.strictObject({ itemId: z.string().regex(/^[a-z0-9_]{2,40}$/), ok: z.boolean(), note }))
          .min(1)
          .max(50),
        /** Obstacles seen (kendala). */
        kendala: note,
        /** The TKSK recommends revoking the e-warong (Permensos 5/2021 Pasal 58). */
        recommendRevocation: z.boolean(),
        /** KPM listed for this point in the period (the daftar at the point). */
        kpmListed: z.number().int().min(0).max(100000),
        /** KPM who received their benefit at this point in the period: realisation is served / listed. */
        kpmServed: z.number().int().min(0).max(100000),
        /** Card problems seen, counted per bank and kind; empty when there were none. */
        cardProblems: z.array(cardProblemSchema).max(40),
        /** Photos taken at the point, by file name (the upload itself is not built yet). */
        photos: z
          .array(z.strictObject({ reference: z.string().trim().min(1).max(200), caption: note }))
          .max(20)
          .optional(),
      })
      .refine((d) => d.kpmServed <= d.kpmListed, { path: ['kpmServed'], message: 'cannot exceed kpmListed' }),
  }),
  sembako_period_report: z.strictObject({
    data: z.strictObject({ narrative: z.string().trim().min(20).max(8000), kendala: note }),
  }),
  sembako_period_verification: z.discriminatedUnion('outcome', [approve, returnBack]),
  /** A second kabupaten supervisor (not the proposer) approves the sanction recommendation, or rejects it with a reason. */
  sembako_sanction_approval: z.discriminatedUnion('outcome', [approve, reject]),
  tksk_evaluation: appraisal,
  tksk_evaluation_koordinator: appraisal,
  /** The kabupaten operator (not the proposer) accepts a proposed KPM data fix, which then changes the register, or rejects it with a reason. */
  sembako_kpm_fix_review: z.discriminatedUnion('outcome', [approve, reject]),
  /** Before distribution the TKSK checks the period's KPM list (daftar) for the kecamatan against the register. */
  sembako_kpm_check: z.strictObject({
    data: z
      .strictObject({
        checkedOn: isoDateSchema,
        /** KPM on the period's list for the kecamatan. */
        kpmListed: z.number().int().min(0).max(100000),
        /** KPM of the list found in the register (the task's context counts the register's active KPM). */
        kpmFound: z.number().int().min(0).max(100000),
        /** KPM of the list not found in the register. */
        kpmNotFound: z.number().int().min(0).max(100000),
        /** KPM of the list found deceased, moved, listed twice or no longer eligible (0 when none). */
        problems: z.strictObject(
          Object.fromEntries(KPM_CHECK_PROBLEMS.map((k) => [k, z.number().int().min(0).max(100000)])) as Record<
            (typeof KPM_CHECK_PROBLEMS)[number],
            z.ZodNumber
          >,
        ),
        notes: note,
      })
      .refine((d) => d.kpmFound + d.kpmNotFound === d.kpmListed, { path: ['kpmNotFound'], message: 'found and not found must add up to kpmListed' })
      .refine((d) => Object.values(d.problems).reduce((n, c) => n + c, 0) <= d.kpmListed, {
        path: ['problems'],
        message: 'cannot count more problems than KPM listed',
      }),
  }),
  // An action item of a koordinasi meeting (workflows/meeting.ts): what was done, when.
  koordinasi_tindak_lanjut: tindakLanjut,
  koordinasi_tindak_lanjut_dinas: tindakLanjut,
  /** The TKSK's narrative of the month and its obstacles (kendala), beside the compiled figures. */
  laporan_bulanan_narasi: z.strictObject({
    data: z.strictObject({
      narrative: z.string().trim().min(20).max(8000).describe('What the month held, in the TKSK’s words'),
      kendala: z.string().trim().max(4000).optional().describe('Obstacles met in the month (kendala)'),
    }),
  }),
  /** The kabupaten approves the month's report, or returns it to the TKSK with a reason. */
  laporan_bulanan_review: z.discriminatedUnion('outcome', [approve, returnBack]),
} satisfies Record<TaskType, z.ZodType>;

export type TaskCompletion<T extends TaskType = TaskType> = z.infer<(typeof completionSchemas)[T]>;

export interface TaskTypeInfo {
  type: TaskType;
  /** Role that may complete it. */
  role: Role;
  titleId: string;
  titleEn: string;
  /** Allowed outcomes; empty = the task is simply submitted. */
  outcomes: readonly string[];
  /** Valid `{outcome?, data}` bodies, one per outcome (or one when there are none). */
  examples: Record<string, { outcome?: string; data: Record<string, unknown> }>;
}

const today = '2026-11-27';

const appraisalScores = [
  { criterionId: 'caseload', score: 4 },
  { criterionId: 'sla', score: 3 },
];
const appraisalExamples = {
  renew: { scores: appraisalScores, notes: 'Kinerja baik sepanjang tahun.' },
  renew_with_coaching: { scores: appraisalScores, coachingPlan: 'Pendampingan penulisan laporan bulanan selama 3 bulan.' },
  not_renew: { scores: appraisalScores, notes: 'Tidak aktif sejak pertengahan tahun.' },
};

/** As written below: examples are keyed by outcome (`submit` when there is none) and hold the data only. */
type TaskTypeDefinition = Omit<TaskTypeInfo, 'examples'> & { examples: Record<string, Record<string, unknown>> };

const DEFINITIONS: Record<TaskType, TaskTypeDefinition> = {
  asesmen: {
    type: 'asesmen',
    role: 'tksk',
    titleId: 'Asesmen',
    titleEn: 'Assessment',
    outcomes: [],
    examples: {
      submit: {
        needs: ['Kebutuhan makan harian', 'Pemeriksaan kesehatan rutin'],
        riskLevel: 'sedang',
        planGoals: ['Terdaftar sebagai penerima bantuan pangan', 'Kontrol kesehatan bulanan di puskesmas'],
        visitCadenceDays: 14,
      },
    },
  },
  assessment_approval: {
    type: 'assessment_approval',
    role: 'supervisor_kabupaten',
    titleId: 'Persetujuan asesmen',
    titleEn: 'Assessment approval',
    outcomes: ['approve', 'return', 'reject'],
    examples: {
      approve: { note: 'Asesmen lengkap.' },
      return: { reason: 'Tingkat risiko belum dijelaskan.' },
      reject: { reason: 'Bukan PMKS: keluarga mampu merawat.' },
    },
  },
  pendampingan_visit: {
    type: 'pendampingan_visit',
    role: 'tksk',
    titleId: 'Kunjungan pendampingan',
    titleEn: 'Pendampingan visit',
    outcomes: ['continue', 'refer', 'propose_closure'],
    examples: {
      continue: { visitDate: today, observations: 'Kondisi stabil, makan teratur.' },
      refer: {
        visitDate: today,
        observations: 'Perlu pemeriksaan tekanan darah.',
        referral: {
          destinationType: 'puskesmas_rumah_sakit',
          institutionName: 'Puskesmas Sidorejo Lor',
          reason: 'Hipertensi tidak terkontrol',
          urgency: 'sedang',
        },
      },
      propose_closure: { visitDate: today, observations: 'Semua tujuan rencana intervensi tercapai.', closureReason: 'goals_met' },
    },
  },
  rujukan_feedback: {
    type: 'rujukan_feedback',
    role: 'tksk',
    titleId: 'Umpan balik rujukan',
    titleEn: 'Referral feedback',
    outcomes: ['served', 'not_served'],
    examples: {
      served: { acknowledgedAt: today, serviceOutcome: 'Pasien diperiksa dan mendapat obat.' },
      not_served: { reason: 'Lembaga penuh, dirujuk ulang.' },
    },
  },
  closure_approval: {
    type: 'closure_approval',
    role: 'supervisor_kabupaten',
    titleId: 'Persetujuan terminasi',
    titleEn: 'Closure approval',
    outcomes: ['approve', 'return'],
    examples: {
      approve: {},
      return: { reason: 'Tujuan kedua belum tercapai.' },
    },
  },
  bimbingan_lanjut: {
    type: 'bimbingan_lanjut',
    role: 'tksk',
    titleId: 'Bimbingan lanjut',
    titleEn: 'Aftercare',
    outcomes: [],
    examples: { submit: { followUpDate: today, condition: 'Mandiri, kebutuhan terpenuhi.' } },
  },
  sla_escalation: {
    type: 'sla_escalation',
    role: 'supervisor_kabupaten',
    titleId: 'Eskalasi tenggat',
    titleEn: 'Deadline escalation',
    outcomes: [],
    examples: { submit: { actionTaken: 'TKSK dihubungi, kunjungan dijadwalkan ulang.' } },
  },
  tali_asih_report: {
    type: 'tali_asih_report',
    role: 'tksk',
    titleId: 'Laporan tali asih',
    titleEn: 'Stipend report',
    outcomes: [],
    examples: { submit: { narrative: 'Bulan ini mendampingi 4 kasus lansia dan 2 rujukan ke puskesmas.' } },
  },
  tali_asih_verification: {
    type: 'tali_asih_verification',
    role: 'supervisor_kabupaten',
    titleId: 'Verifikasi tali asih',
    titleEn: 'Stipend verification',
    outcomes: ['approve', 'return', 'reject'],
    examples: {
      approve: {},
      return: { reason: 'Jumlah kunjungan tidak sesuai.' },
      reject: { reason: 'TKSK tidak aktif pada periode ini.' },
    },
  },
  tali_asih_approval: {
    type: 'tali_asih_approval',
    role: 'supervisor_provinsi',
    titleId: 'Persetujuan tali asih',
    titleEn: 'Stipend approval',
    outcomes: ['approve', 'return', 'reject'],
    examples: {
      approve: {},
      return: { reason: 'Lampiran laporan kurang.' },
      reject: { reason: 'Klaim ganda untuk periode yang sama.' },
    },
  },
  tali_asih_payment_issue: {
    type: 'tali_asih_payment_issue',
    role: 'supervisor_provinsi',
    titleId: 'Masalah pembayaran tali asih',
    titleEn: 'Stipend payment issue',
    outcomes: ['retry', 'cancel'],
    examples: {
      retry: { note: 'Nomor rekening sudah diperbaiki oleh admin.' },
      cancel: { reason: 'Rekening tidak dapat diperbaiki pada periode ini.' },
    },
  },
  pengaduan_forward: {
    type: 'pengaduan_forward',
    role: 'tksk',
    titleId: 'Penerusan pengaduan Sembako',
    titleEn: 'Forward a Sembako complaint',
    outcomes: ['forward', 'resolve_directly'],
    examples: {
      forward: { answerer: { type: 'e_warong', name: 'E-Warong Blotongan Makmur' }, note: 'Diteruskan lewat telepon ke pengelola.' },
      resolve_directly: {
        resolvedOn: today,
        resolution: 'PIN KKS direset bersama petugas bank di balai desa.',
        evidence: [{ kind: 'foto', reference: 'IMG_20261127_101500.jpg' }],
      },
    },
  },
  pengaduan_acknowledgement: {
    type: 'pengaduan_acknowledgement',
    role: 'tksk',
    titleId: 'Tanda terima pengaduan',
    titleEn: 'Complaint acknowledged',
    outcomes: ['acknowledged', 'declined'],
    examples: {
      acknowledged: { acknowledgedOn: today, contactPerson: 'Pengelola e-warong' },
      declined: { reason: 'Bank menyatakan masalah ada pada data desa.' },
    },
  },
  pengaduan_resolution: {
    type: 'pengaduan_resolution',
    role: 'tksk',
    titleId: 'Penyelesaian pengaduan',
    titleEn: 'Complaint resolution',
    outcomes: ['resolved', 'unresolved'],
    examples: {
      resolved: {
        resolvedOn: today,
        resolution: 'E-warong mengganti beras dengan kualitas baik dan menurunkan harga.',
        evidence: [{ kind: 'berita_acara', reference: 'BA/12/XI/2026', description: 'Berita acara penggantian' }],
      },
      unresolved: { reason: 'E-warong menolak mengganti barang.' },
    },
  },
  pengaduan_confirmation: {
    type: 'pengaduan_confirmation',
    role: 'tksk',
    titleId: 'Konfirmasi kepada pengadu',
    titleEn: 'Confirmation with the complainant',
    outcomes: ['confirmed', 'reopened'],
    examples: {
      confirmed: { confirmedOn: today, note: 'Pengadu menerima penyelesaian.' },
      reopened: { reason: 'Pengadu menyatakan harga masih di atas harga pasar.' },
    },
  },
  sembako_tikor_meeting: {
    type: 'sembako_tikor_meeting',
    role: 'tksk',
    titleId: 'Rapat Tikor kecamatan',
    titleEn: 'Tikor kecamatan meeting',
    outcomes: [],
    examples: {
      submit: {
        meetingOn: today,
        chair: 'Sekcam Sidorejo',
        attendees: [
          { role: 'Petugas bank', organisation: 'BRI Unit Sidorejo' },
          { role: 'Pengelola e-warong', organisation: 'E-Warong Blotongan Makmur' },
        ],
        agreements: ['Beras premium 10 kg dan telur 1 kg per KPM', 'Penyaluran mulai tanggal 5'],
      },
    },
  },
  sembako_monitoring: {
    type: 'sembako_monitoring',
    role: 'tksk',
    titleId: 'Monitoring titik penyaluran',
    titleEn: 'Distribution point monitoring',
    outcomes: [],
    examples: {
      submit: {
        visitedOn: today,
        results: [
          { itemId: 'papan_nama', ok: true },
          { itemId: 'harga_wajar', ok: false, note: 'Beras Rp 1.000/kg di atas harga pasar.' },
        ],
        recommendRevocation: false,
        kpmListed: 120,
        kpmServed: 114,
        cardProblems: [{ bank: 'BRI', kind: 'saldo_kosong', count: 3 }],
      },
    },
  },
  sembako_period_report: {
    type: 'sembako_period_report',
    role: 'tksk',
    titleId: 'Laporan penyaluran Sembako',
    titleEn: 'Sembako period report',
    outcomes: [],
    examples: { submit: { narrative: 'Penyaluran di 2 e-warong berjalan tertib; satu e-warong menjual beras di atas harga pasar.' } },
  },
  sembako_period_verification: {
    type: 'sembako_period_verification',
    role: 'supervisor_kabupaten',
    titleId: 'Verifikasi laporan Sembako',
    titleEn: 'Sembako report verification',
    outcomes: ['approve', 'return'],
    examples: { approve: {}, return: { reason: 'Hasil monitoring e-warong kedua belum dilampirkan.' } },
  },
  sembako_sanction_approval: {
    type: 'sembako_sanction_approval',
    role: 'supervisor_kabupaten',
    titleId: 'Persetujuan rekomendasi sanksi e-warong',
    titleEn: 'E-warong sanction recommendation approval',
    outcomes: ['approve', 'reject'],
    examples: { approve: { note: 'Bukti pengaduan dan monitoring cukup.' }, reject: { reason: 'Pengaduan belum diverifikasi di lapangan.' } },
  },
  tksk_evaluation: {
    type: 'tksk_evaluation',
    role: 'supervisor_kabupaten',
    titleId: 'Evaluasi tahunan TKSK',
    titleEn: 'Yearly TKSK evaluation',
    outcomes: ['renew', 'renew_with_coaching', 'not_renew'],
    examples: appraisalExamples,
  },
  tksk_evaluation_koordinator: {
    type: 'tksk_evaluation_koordinator',
    role: 'tksk',
    titleId: 'Penilaian Koordinator TKSK',
    titleEn: 'Koordinator TKSK appraisal',
    outcomes: ['renew', 'renew_with_coaching', 'not_renew'],
    examples: appraisalExamples,
  },
  sembako_kpm_fix_review: {
    type: 'sembako_kpm_fix_review',
    role: 'supervisor_kabupaten',
    titleId: 'Review perbaikan data KPM',
    titleEn: 'KPM data fix review',
    outcomes: ['approve', 'reject'],
    examples: { approve: { note: 'Akta kematian dari desa sudah diperiksa.' }, reject: { reason: 'Surat keterangan pindah belum ada.' } },
  },
  sembako_kpm_check: {
    type: 'sembako_kpm_check',
    role: 'tksk',
    titleId: 'Pemeriksaan daftar KPM',
    titleEn: 'KPM list check',
    outcomes: [],
    examples: {
      submit: {
        checkedOn: today,
        kpmListed: 412,
        kpmFound: 409,
        kpmNotFound: 3,
        problems: { meninggal: 2, pindah: 1, ganda: 1, tidakLayak: 0 },
        notes: 'Tiga KPM tidak ada di register: dilaporkan ke desa.',
      },
    },
  },
  koordinasi_tindak_lanjut: {
    type: 'koordinasi_tindak_lanjut',
    role: 'tksk',
    titleId: 'Tindak lanjut rapat koordinasi',
    titleEn: 'Coordination meeting action item',
    outcomes: [],
    examples: { submit: { doneOn: today, result: 'Data 3 KPM meninggal sudah disampaikan ke desa dan SPTJM ditandatangani.' } },
  },
  koordinasi_tindak_lanjut_dinas: {
    type: 'koordinasi_tindak_lanjut_dinas',
    role: 'supervisor_kabupaten',
    titleId: 'Tindak lanjut rapat koordinasi (Dinas Sosial)',
    titleEn: 'Coordination meeting action item (Dinas Sosial)',
    outcomes: [],
    examples: { submit: { doneOn: today, result: 'Surat ke bank penyalur tentang KKS bermasalah sudah dikirim.' } },
  },
  laporan_bulanan_narasi: {
    type: 'laporan_bulanan_narasi',
    role: 'tksk',
    titleId: 'Narasi laporan bulanan TKSK',
    titleEn: 'TKSK monthly report narrative',
    outcomes: [],
    examples: {
      submit: {
        narrative: 'Bulan ini mendampingi kasus lansia terlantar, memonitor dua e-warong dan menghadiri rapat Tikor kecamatan.',
        kendala: 'Dua KPM belum bisa dihubungi karena pindah alamat.',
      },
    },
  },
  laporan_bulanan_review: {
    type: 'laporan_bulanan_review',
    role: 'supervisor_kabupaten',
    titleId: 'Pemeriksaan laporan bulanan TKSK',
    titleEn: 'TKSK monthly report review',
    outcomes: ['approve', 'return'],
    examples: { approve: { note: 'Laporan lengkap.' }, return: { reason: 'Kendala penyaluran di e-warong kedua belum dijelaskan.' } },
  },
};

const withOutcome = (d: TaskTypeDefinition): TaskTypeInfo => ({
  ...d,
  examples: Object.fromEntries(Object.entries(d.examples).map(([key, data]) => [key, d.outcomes.length ? { outcome: key, data } : { data }])),
});

export const TASK_TYPE_INFO = Object.fromEntries(TASK_TYPES.map((type) => [type, withOutcome(DEFINITIONS[type])])) as Record<TaskType, TaskTypeInfo>;

/** The `{outcome, data}` value the completion schema checks (no `outcome` key for outcome-less types). */
export function completionOf(outcome: string | undefined, data: unknown): { outcome?: string; data: unknown } {
  return outcome === undefined ? { data } : { outcome, data };
}

export function completionSchemaFor(type: TaskType): z.ZodType<TaskCompletion> {
  return completionSchemas[type] as z.ZodType<TaskCompletion>;
}
