// Koordinasi meetings and the TKSK's monthly report (docs/koordinasi.md): the vocabulary, the
// meeting's record as the API takes it, the workflows' inputs and snapshots, and the monthly
// report's figures. The API, the workflows and the portal read these.
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from './primitives';
import { regionCodeSchema } from './regions';
import { actorSchema } from './roles';
import { uuidSchema } from './sembako';
import { periodSchema } from './taliAsih';

/**
 * Meetings a TKSK attends (as reported from the field): the Tikor Bansos Pangan of the kecamatan
 * (monthly in some kabupaten, chaired by the Camat/Sekcam), the kabupaten's rakor, a case
 * conference about one or more cases, monev with e-warong/suppliers/police, anything else.
 */
export const MEETING_LEVELS = ['tikor_kecamatan', 'rakor_kabupaten', 'case_conference', 'monev', 'lainnya'] as const;
export type MeetingLevel = (typeof MEETING_LEVELS)[number];
/** following_up: action items still open; completed: every action item is done. */
export const MEETING_STATUSES = ['following_up', 'completed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ACTION_ITEM_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
/** What a meeting can be linked to: the things it discussed. */
export const MEETING_LINK_KINDS = ['case', 'sembako_period', 'complaint'] as const;
export type MeetingLinkKind = (typeof MEETING_LINK_KINDS)[number];
/** Attachment kinds: the attendance list, the minutes, photos. */
export const ATTACHMENT_KINDS = ['daftar_hadir', 'notulen', 'foto'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
/** Sniffed from the content; nothing else is kept. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
/** A photo of the daftar hadir on a phone fits; a scanned notulen of a few pages too. */
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;
export const ATTACHMENTS_PER_MEETING = 20;

/** The content type the bytes are (magic numbers), or null: what the client says is not trusted. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

const line = (min: number, max: number) => z.string().trim().min(min).max(max);

export const outsideAttendeeSchema = z.strictObject({
  /** The person's name, as on the daftar hadir. */
  name: line(2, 120),
  /** Their role there: Camat, petugas bank, pengelola e-warong, kepala desa… */
  role: line(2, 120),
  /** Their organisation: BRI Unit Sidorejo, E-Warong Makmur, Pemdes Blotongan… */
  organisation: line(2, 200),
});

export const actionItemInputSchema = z.strictObject({
  /** What must be done, by whom (the owner follows it up in their inbox). */
  description: line(5, 1000),
  /** The account who follows it up: a TKSK or a kabupaten supervisor of the meeting's kabupaten. */
  ownerId: z.string().trim().min(1).max(100),
  /** Working days to get it done (weekends and national holidays skipped); default: the task type's SLA policy. */
  dueWorkingDays: z.number().int().min(1).max(60).optional(),
});
export type ActionItemInput = z.infer<typeof actionItemInputSchema>;

export const meetingLinkSchema = z.strictObject({
  kind: z.enum(MEETING_LINK_KINDS),
  /** The case id, the distribution period id or the complaint id. */
  ref: line(1, 120),
});

/** A meeting as a TKSK or a supervisor records it (POST /api/meetings). */
export const meetingRecordSchema = z.strictObject({
  level: z.enum(MEETING_LEVELS),
  /** A short title: "Rapat Tikor Bansos Pangan Desember". */
  title: line(3, 200),
  heldOn: isoDateSchema,
  place: line(2, 200).optional(),
  /** Who chaired: the Camat/Sekcam for the Tikor, the Sekda or the Kadinsos for a rakor. */
  chair: line(2, 200),
  /** The meeting's region: a kecamatan (default: a TKSK's own) or, for a rakor, a kabupaten. */
  regionCode: regionCodeSchema.optional(),
  /** Colleagues with an account who attended (user ids). */
  attendeeIds: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  outsideAttendees: z.array(outsideAttendeeSchema).max(200).default([]),
  /** References to PSKS entries (LKS, Karang Taruna, PSM…) as free text until a directory links them. */
  psksReferences: z.array(line(1, 200)).max(50).default([]),
  agenda: z.array(line(3, 1000)).min(1).max(50),
  decisions: z.array(line(3, 1000)).max(50).default([]),
  actionItems: z.array(actionItemInputSchema).max(50).default([]),
  links: z.array(meetingLinkSchema).max(100).default([]),
});
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

/** meetingWorkflow's input (id `rapat-<meetingId>`): the record with its ids resolved by the API. */
export const meetingWorkflowInputSchema = z.object({
  meetingId: uuidSchema,
  record: meetingRecordSchema,
  regions: z.object({ provinsi: z.string(), kabupaten: z.string(), kecamatan: z.string().nullable(), region: z.string() }),
  /** The action items with their ids and the owner's role (the task type follows it). */
  actionItems: z.array(
    z.object({
      actionItemId: uuidSchema,
      description: z.string(),
      ownerId: z.string(),
      ownerRole: z.enum(['tksk', 'supervisor_kabupaten']),
      /** The owner's region: the task's region (a TKSK's kecamatan, the kabupaten for Dinas Sosial). */
      ownerRegion: z.string(),
      dueWorkingDays: z.number().int().nullable(),
    }),
  ),
  recordedBy: actorSchema,
  recordedAt: isoDateTimeSchema,
});
export type MeetingWorkflowInput = z.infer<typeof meetingWorkflowInputSchema>;
export const meetingWorkflowIdOf = (meetingId: string): string => `rapat-${meetingId}`;

export interface MeetingSnapshot {
  meetingId: string;
  status: MeetingStatus;
  actionItems: { actionItemId: string; ownerId: string; status: ActionItemStatus; taskId: string | null }[];
  openTasks: { taskId: string; type: string; regionCode: string; assigneeId: string | null; dueAt: string | null }[];
}

// ---- Monthly report (laporan bulanan TKSK) ----

export const MONTHLY_REPORT_STATUSES = ['narrative', 'review', 'approved'] as const;
export type MonthlyReportStatus = (typeof MONTHLY_REPORT_STATUSES)[number];
export const monthlyReportIdOf = (tkskId: string, period: string): string => `laporan-${tkskId}-${period}`;

/**
 * The month's figures, in the order the report prints them. Counted from the projections for the
 * TKSK and the month (WIB). `mappingUpdates` is the hook for pemetaan sosial (built elsewhere):
 * 0 until that feature fills it (activities/koordinasi.ts, `mappingSection`).
 */
export const MONTHLY_COUNT_KEYS = [
  'casesRegistered',
  'assessments',
  'visits',
  'referrals',
  'referralAnswers',
  'closures',
  'tikorMeetings',
  'pointsMonitored',
  'complaintsReceived',
  'complaintsResolved',
  'complaintsClosed',
  'meetings',
  'actionItemsAssigned',
  'actionItemsDone',
  'mappingUpdates',
] as const;
export type MonthlyCountKey = (typeof MONTHLY_COUNT_KEYS)[number];
export type MonthlyCounts = Record<MonthlyCountKey, number>;
export const monthlyCountsSchema = z.object(
  Object.fromEntries(MONTHLY_COUNT_KEYS.map((k) => [k, z.number().int().min(0)])) as Record<MonthlyCountKey, z.ZodNumber>,
);

/** The Indonesian labels the PDF, the XLSX and the portal print (one table: the same words everywhere). */
export const MONTHLY_COUNT_LABELS_ID: Record<MonthlyCountKey, string> = {
  casesRegistered: 'Kasus PMKS terdaftar',
  assessments: 'Asesmen selesai',
  visits: 'Kunjungan pendampingan',
  referrals: 'Rujukan dibuat',
  referralAnswers: 'Umpan balik rujukan diterima',
  closures: 'Kasus diterminasi',
  tikorMeetings: 'Rapat Tikor (periode Sembako)',
  pointsMonitored: 'Titik penyaluran Sembako dimonitor',
  complaintsReceived: 'Pengaduan Sembako diterima',
  complaintsResolved: 'Pengaduan Sembako diselesaikan',
  complaintsClosed: 'Pengaduan Sembako ditutup',
  meetings: 'Rapat koordinasi dihadiri/dicatat',
  actionItemsAssigned: 'Tindak lanjut rapat diterima',
  actionItemsDone: 'Tindak lanjut rapat diselesaikan',
  mappingUpdates: 'Pembaruan pemetaan sosial',
};

/** One line of a section of the report: what happened, when, and its id (to link back). */
export interface MonthlyDetail {
  id: string;
  on: string;
  text: string;
}
export type MonthlyDetails = Partial<Record<'cases' | 'referrals' | 'complaints' | 'meetings' | 'actionItems' | 'monitoring' | 'mapping', MonthlyDetail[]>>;

export const monthlyReportInputSchema = z.object({
  reportId: z.string().min(1),
  tkskId: z.string().min(1),
  period: periodSchema,
  /** Null: opened by the monthly Schedule. */
  openedBy: actorSchema.nullable(),
});
export type MonthlyReportInput = z.infer<typeof monthlyReportInputSchema>;

export interface MonthlyReportSnapshot {
  reportId: string;
  tkskId: string;
  period: string;
  status: MonthlyReportStatus;
  returns: number;
  openTasks: { taskId: string; type: string; regionCode: string; assigneeId: string | null; dueAt: string | null }[];
}

/**
 * Why `role` may not open a monthly report for `period` now (undefined: it may): not for a month
 * that has not begun; a TKSK for the current or the previous month, a supervisor for any earlier.
 */
export function monthlyReportPeriodProblem(role: string, period: string, current: string, previous: string): string | undefined {
  if (period > current) return `period ${period} has not begun: reports are opened for ${current} (the current month, WIB) or earlier`;
  if (role === 'tksk' && period < previous) return `a TKSK opens the report of ${previous} or ${current} only; a supervisor opens earlier months`;
  return undefined;
}
