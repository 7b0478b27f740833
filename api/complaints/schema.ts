// Sembako complaints (pengaduan): intake, list, detail and actions. These zod schemas are the
// API's documentation (api/openapi.ts); the intake's rules are domain/sembako.ts's.
import { z } from 'zod';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_ANSWERERS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  complaintIntakeSchema,
  type ComplaintSnapshot,
  uuidSchema,
} from '../../domain/sembako';
import { kecamatanCodeSchema } from '../../domain/regions';
import { isoDateSchema } from '../../domain/primitives';
import { idsFilterSchema, listQuerySchema } from '../list';

/** A complaint as the TKSK (or a supervisor, naming the kecamatan) takes it in. */
export const createComplaintBodySchema = complaintIntakeSchema.meta({
  id: 'ComplaintIntake',
  example: {
    channel: 'lapor_go_id',
    laporReference: 'LAP-20261127-0042',
    category: 'tepat_harga',
    description: 'Harga beras di e-warong lebih mahal dari harga pasar dan KPM diarahkan membeli paket.',
    receivedOn: '2026-11-27',
    complainant: { name: 'Siti Aminah', phone: '081234567890', isKpm: true },
    subject: { kind: 'e_warong', name: 'E-Warong Blotongan Makmur', desaCode: '33.73.01.1001' },
  },
});

const uuid = uuidSchema;
export const complaintIdParamsSchema = z.object({ id: uuid });
export const complaintActionParamsSchema = z.object({ id: uuid, action: z.enum(COMPLAINT_ACTIONS) });

const COMPLAINT_SORTABLE = ['createdAt', 'updatedAt', 'status', 'category'] as const;
export type ComplaintSortField = (typeof COMPLAINT_SORTABLE)[number];
export const complaintListQuerySchema = listQuerySchema(COMPLAINT_SORTABLE, {
  id: idsFilterSchema(uuidSchema),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  category: z.enum(COMPLAINT_CATEGORIES).optional(),
  channel: z.enum(COMPLAINT_CHANNELS).optional(),
  kecamatanCode: kecamatanCodeSchema.optional(),
  kpmId: uuidSchema.optional(),
  answererType: z.enum(COMPLAINT_ANSWERERS).optional(),
  /** Received on or after this day (YYYY-MM-DD). */
  receivedAfter: isoDateSchema.optional(),
  /** Received on or before this day (YYYY-MM-DD). */
  receivedBefore: isoDateSchema.optional(),
  /** Complaints with an open step past its deadline (true) or none (false). */
  overdue: z.boolean().optional(),
});
export type ComplaintListFilter = NonNullable<z.infer<typeof complaintListQuerySchema>['filter']>;

const answerer = z.object({ type: z.enum(COMPLAINT_ANSWERERS), name: z.string() });

/** A complaint in a list. The complainant's name and phone only for the kecamatan's TKSK and the kabupaten supervisor (null otherwise). */
export const complaintSchema = z
  .object({
    id: z.string(),
    /** pengaduan-<id> */
    workflowId: z.string(),
    status: z.enum(COMPLAINT_STATUSES),
    channel: z.enum(COMPLAINT_CHANNELS),
    laporReference: z.string().nullable(),
    category: z.enum(COMPLAINT_CATEGORIES),
    receivedOn: z.string(),
    subject: z.object({
      kind: z.enum(['kpm', 'e_warong', 'umum']),
      kpmId: z.string().nullable(),
      name: z.string().nullable(),
      desaCode: z.string().nullable(),
    }),
    complainant: z.object({ name: z.string().nullable(), phone: z.string().nullable(), isKpm: z.boolean() }),
    answerer: answerer.nullable(),
    kecamatanCode: z.string(),
    kabupatenCode: z.string(),
    assigneeId: z.string().nullable(),
    receivedBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
    /** Calendar days since the complaint was received (the WIB date), for the board's cards. */
    ageDays: z.number().int(),
    /** An open step of the complaint is past its deadline. */
    overdue: z.boolean(),
  })
  .meta({ id: 'Complaint' });

export const complaintEventSchema = z.object({
  at: z.string(),
  action: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string(),
  details: z.record(z.string(), z.unknown()),
});

const complaintTaskSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  regionCode: z.string(),
  assigneeId: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});

/** A complaint with what the complainant said, the resolution, its tasks and its audited steps. */
export const complaintDetailSchema = complaintSchema
  .extend({
    description: z.string(),
    /** What was done and its evidence, once resolved. */
    resolution: z.record(z.string(), z.unknown()).nullable(),
    tasks: z.array(complaintTaskSchema),
    events: z.array(complaintEventSchema),
  })
  .meta({ id: 'ComplaintDetail' });

/** The complaint as its workflow holds it, after an Update has settled. */
export const complaintSnapshotSchema = z
  .object({
    complaintId: z.string(),
    status: z.enum(COMPLAINT_STATUSES),
    kecamatanCode: z.string(),
    assigneeId: z.string().nullable(),
    answerer: answerer.nullable(),
    forwards: z.number().int(),
    openTasks: z.array(
      z.object({ taskId: z.string(), type: z.string(), regionCode: z.string(), assigneeId: z.string().nullable(), dueAt: z.string().nullable() }),
    ),
  })
  .meta({ id: 'ComplaintSnapshot' }) satisfies z.ZodType<ComplaintSnapshot>;

/** Age buckets of the complaint board, in calendar days since the day the complaint was received (the WIB date). */
export const COMPLAINT_AGE_BUCKETS = ['0-3', '4-10', '11-30', '>30'] as const;
export const complaintSummaryQuerySchema = z.strictObject({ kecamatanCode: kecamatanCodeSchema.optional() });
export const complaintSummarySchema = z
  .object({
    total: z.number().int(),
    /** Complaints with an open step past its deadline. */
    overdue: z.number().int(),
    byStatus: z.record(z.enum(COMPLAINT_STATUSES), z.number().int()),
    byCategory: z.record(z.enum(COMPLAINT_CATEGORIES), z.number().int()),
    /** Open complaints (not closed or withdrawn) by calendar days since received. */
    openByAge: z.record(z.enum(COMPLAINT_AGE_BUCKETS), z.number().int()),
  })
  .meta({ id: 'ComplaintSummary' });
