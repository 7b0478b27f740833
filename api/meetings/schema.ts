// Koordinasi meetings: record (with action items), list, show, attachments. These zod schemas are
// the API's documentation (api/openapi.ts); the record's rules are domain/koordinasi.ts's.
import { z } from 'zod';
import {
  ACTION_ITEM_STATUSES,
  ATTACHMENT_KINDS,
  ATTACHMENT_TYPES,
  MEETING_LEVELS,
  MEETING_LINK_KINDS,
  MEETING_STATUSES,
  meetingRecordSchema,
  outsideAttendeeSchema,
} from '../../domain/koordinasi';
import { kabupatenCodeSchema, kecamatanCodeSchema } from '../../domain/regions';
import { isoDateSchema } from '../../domain/primitives';
import { uuidSchema } from '../../domain/sembako';
import { idsFilterSchema, listQuerySchema } from '../list';

/** A meeting as a TKSK (for their kecamatan) or a supervisor (naming the region) records it. */
export const createMeetingBodySchema = meetingRecordSchema.meta({
  id: 'MeetingRecord',
  example: {
    level: 'tikor_kecamatan',
    title: 'Rapat Tikor Bansos Pangan Kecamatan Sidorejo',
    heldOn: '2026-11-27',
    place: 'Aula Kantor Kecamatan Sidorejo',
    chair: 'Sekcam Sidorejo',
    attendeeIds: ['usr_supervisor1'],
    outsideAttendees: [
      { name: 'Slamet Riyadi', role: 'Petugas bank', organisation: 'BRI Unit Sidorejo' },
      { name: 'Sri Wahyuni', role: 'Pengelola e-warong', organisation: 'E-Warong Blotongan Makmur' },
    ],
    psksReferences: ['Karang Taruna Desa Blotongan'],
    agenda: ['Evaluasi penyaluran tahap lalu', 'Data KPM meninggal dan pindah'],
    decisions: ['Penyaluran tahap berikut mulai tanggal 5', 'Desa mengirim data KPM meninggal sebelum tanggal 3'],
    actionItems: [{ description: 'Menyampaikan daftar KPM meninggal ke pemerintah desa Blotongan', ownerId: 'usr_tksk1', dueWorkingDays: 5 }],
    links: [],
  },
});

export const meetingIdParamsSchema = z.object({ id: uuidSchema });
export const attachmentParamsSchema = z.object({ id: uuidSchema, attachmentId: uuidSchema });

const MEETING_SORTABLE = ['heldOn', 'createdAt', 'level', 'status'] as const;
export type MeetingSortField = (typeof MEETING_SORTABLE)[number];
export const meetingListQuerySchema = listQuerySchema(MEETING_SORTABLE, {
  id: idsFilterSchema(uuidSchema),
  level: z.enum(MEETING_LEVELS).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  kecamatanCode: kecamatanCodeSchema.optional(),
  kabupatenCode: kabupatenCodeSchema.optional(),
  recordedBy: z.string().min(1).max(100).optional(),
  /** Held on or after this day (YYYY-MM-DD). */
  heldAfter: isoDateSchema.optional(),
  /** Held on or before this day (YYYY-MM-DD). */
  heldBefore: isoDateSchema.optional(),
  /** Meetings that discussed this case, distribution period or complaint (its id). */
  linkedTo: z.string().min(1).max(120).optional(),
});
export type MeetingListFilter = NonNullable<z.infer<typeof meetingListQuerySchema>['filter']>;

/** A meeting in a list. */
export const meetingSchema = z
  .object({
    id: z.string(),
    /** rapat-<id> */
    workflowId: z.string(),
    level: z.enum(MEETING_LEVELS),
    title: z.string(),
    heldOn: z.string(),
    place: z.string().nullable(),
    chair: z.string(),
    status: z.enum(MEETING_STATUSES),
    regionCode: z.string(),
    kecamatanCode: z.string().nullable(),
    kabupatenCode: z.string(),
    recordedBy: z.string(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    /** Action items and how many are done. */
    actionItemsTotal: z.number().int(),
    actionItemsDone: z.number().int(),
  })
  .meta({ id: 'Meeting' });

export const actionItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  description: z.string(),
  ownerId: z.string(),
  dueWorkingDays: z.number().int().nullable(),
  status: z.enum(ACTION_ITEM_STATUSES),
  result: z.string().nullable(),
  doneOn: z.string().nullable(),
  completedBy: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** The task that follows it up, and where it stands in the inbox. */
  task: z
    .object({
      id: z.string(),
      type: z.string(),
      status: z.string(),
      dueAt: z.string().nullable(),
      overdue: z.boolean(),
      escalationLevel: z.number().int(),
    })
    .nullable(),
});

export const attachmentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ATTACHMENT_KINDS),
    fileName: z.string(),
    contentType: z.enum(ATTACHMENT_TYPES),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'MeetingAttachment' });

/** A meeting with everything it holds. */
export const meetingDetailSchema = meetingSchema
  .extend({
    agenda: z.array(z.string()),
    decisions: z.array(z.string()),
    attendeeIds: z.array(z.string()),
    outsideAttendees: z.array(outsideAttendeeSchema),
    psksReferences: z.array(z.string()),
    links: z.array(z.object({ kind: z.enum(MEETING_LINK_KINDS), ref: z.string() })),
    actionItems: z.array(actionItemSchema),
    attachments: z.array(attachmentSchema),
    events: z.array(
      z.object({ at: z.string(), action: z.string(), actorId: z.string().nullable(), actorRole: z.string(), details: z.record(z.string(), z.unknown()) }),
    ),
  })
  .meta({ id: 'MeetingDetail' });

/** A file for the meeting, base64 in JSON (the API takes JSON only): PDF, JPEG or PNG up to 2 MiB, the type sniffed from the bytes. */
export const attachmentBodySchema = z
  .strictObject({
    kind: z.enum(ATTACHMENT_KINDS),
    /** The file's name as the phone gives it. */
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^/\\\r\n]+$/, 'a file name, without a folder'),
    /** The file's bytes, base64. */
    contentBase64: z
      .string()
      .min(4)
      .max(Math.ceil((2 * 1024 * 1024) / 3) * 4 + 4)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
  })
  .meta({
    id: 'MeetingAttachmentUpload',
    example: { kind: 'daftar_hadir', fileName: 'daftar-hadir.pdf', contentBase64: Buffer.from('%PDF-1.4\n%daftar hadir\n').toString('base64') },
  });
