// PSKS directory: request and answer schemas (they are the OpenAPI docs).
import { z } from 'zod';
import { REFERRAL_STATUSES, RUJUKAN_DESTINATIONS, URGENCIES } from '../../domain/taskTypes';
import { LKS_ACCREDITATIONS, PSKS_KINDS, PSKS_SERVICE_AREAS, psksCodeSchema, psksEntryBodySchema, psksEntryPatchSchema } from '../../domain/psks';
import { desaCodeSchema, kecamatanCodeSchema } from '../../domain/regions';
import { uuidSchema } from '../../domain/sembako';
import { idsFilterSchema, listQuerySchema } from '../list';

export const psksTypeSchema = z
  .object({
    /** The type code (what entries and the matrix name). */
    id: z.string(),
    version: z.string(),
    no: z.number().int(),
    nameId: z.string(),
    nameEn: z.string(),
    kind: z.enum(PSKS_KINDS),
  })
  .meta({ id: 'PsksType' });

export const psksTypeListQuerySchema = z.strictObject({
  /** A version of the list (default: the latest). */
  version: z.string().min(1).max(40).optional(),
});

const PSKS_SORTABLE = ['name', 'typeCode', 'desaCode', 'updatedAt', 'createdAt'] as const;
export type PsksSortField = (typeof PSKS_SORTABLE)[number];

export const psksListQuerySchema = listQuerySchema(PSKS_SORTABLE, {
  id: idsFilterSchema(uuidSchema),
  /** PSKS type code. */
  type: psksCodeSchema.optional(),
  desa: desaCodeSchema.optional(),
  kecamatan: kecamatanCodeSchema.optional(),
  /** Part of the name, the contact's name or the registration number. */
  q: z.string().trim().min(1).max(100).optional(),
  active: z.boolean().optional(),
});
export type PsksListFilter = NonNullable<z.infer<typeof psksListQuerySchema>['filter']>;

export const psksIdParamsSchema = z.strictObject({ id: uuidSchema });

export const createPsksBodySchema = psksEntryBodySchema.meta({
  id: 'PsksEntryCreate',
  example: {
    typeCode: 'LKS',
    name: 'LKS Panti Wredha Rindang Asih',
    desaCode: '33.73.01.1002',
    serviceArea: 'kecamatan',
    address: 'Jl. Diponegoro 12, RT 02/RW 03',
    contactName: 'Sri Wahyuni',
    contactPhone: '081234567890',
    capacity: 30,
    services: 'Pelayanan lanjut usia telantar dalam panti dan home care.',
    registrationNumber: '460/123/Dinsos/2024',
    accreditation: 'B',
  },
});
export const updatePsksBodySchema = psksEntryPatchSchema.meta({
  id: 'PsksEntryUpdate',
  example: { contactPhone: '081298765432', capacity: 35 },
});

export const psksEntrySchema = z
  .object({
    id: z.string(),
    typeCode: z.string(),
    typeVersion: z.string(),
    name: z.string(),
    desaCode: z.string(),
    kecamatanCode: z.string(),
    kabupatenCode: z.string(),
    serviceArea: z.enum(PSKS_SERVICE_AREAS),
    address: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    capacity: z.number().int().nullable(),
    services: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    accreditation: z.enum(LKS_ACCREDITATIONS).nullable(),
    active: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PsksEntry' });

/** A referral (rujukan) the entry received: no personal data of the case, only where it stands. */
export const psksReferralSchema = z.object({
  referralId: z.string(),
  caseId: z.string(),
  destinationType: z.enum(RUJUKAN_DESTINATIONS),
  urgency: z.enum(URGENCIES),
  status: z.enum(REFERRAL_STATUSES),
  /** The receiving side answered: served or not served. */
  answered: z.boolean(),
  requestedBy: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

export const psksEntryDetailSchema = psksEntrySchema
  .extend({
    /** The referrals of your region that named this entry, newest first (at most 200). */
    referrals: z.array(psksReferralSchema),
  })
  .meta({ id: 'PsksEntryDetail' });
