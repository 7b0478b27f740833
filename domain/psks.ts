// PSKS (Potensi dan Sumber Kesejahteraan Sosial): the 12 types of social-welfare resources of
// Permensos 8/2012, the directory's entries (organisations and people per desa) and the
// pemetaan sosial (social mapping) vocabulary. The list here is version 2012-12, which migration
// 026 seeds into `psks_types`; the table is what the API serves and checks against, so a region
// that counts its "pilar" differently adds a version there (docs/pemetaan.md).
import { z } from 'zod';
import { isoDateSchema } from './primitives';
import { desaCodeSchema, regionCodeSchema } from './regions';

export const PSKS_VERSION = '2012-12';

/** A person, a family or an organisation (lembaga): what the entry's fields mean follows it. */
export const PSKS_KINDS = ['perorangan', 'keluarga', 'lembaga'] as const;
export type PsksKind = (typeof PSKS_KINDS)[number];

export interface PsksType {
  no: number;
  code: string;
  nameId: string;
  nameEn: string;
  kind: PsksKind;
}

/** Permensos 8/2012 Pasal 1 and its annex, in its order; the short codes are kesos-flow's own. */
export const PSKS_TYPES = [
  { no: 1, code: 'PSP', nameId: 'Pekerja Sosial Profesional', nameEn: 'Professional social worker', kind: 'perorangan' },
  { no: 2, code: 'PSM', nameId: 'Pekerja Sosial Masyarakat', nameEn: 'Community social worker (PSM)', kind: 'perorangan' },
  { no: 3, code: 'TAGANA', nameId: 'Taruna Siaga Bencana', nameEn: 'Disaster-preparedness youth (Tagana)', kind: 'perorangan' },
  { no: 4, code: 'LKS', nameId: 'Lembaga Kesejahteraan Sosial', nameEn: 'Social-welfare institution (LKS)', kind: 'lembaga' },
  { no: 5, code: 'KT', nameId: 'Karang Taruna', nameEn: 'Village youth organisation (Karang Taruna)', kind: 'lembaga' },
  { no: 6, code: 'LK3', nameId: 'Lembaga Konsultasi Kesejahteraan Keluarga', nameEn: 'Family-welfare consultation centre (LK3)', kind: 'lembaga' },
  { no: 7, code: 'KP', nameId: 'Keluarga Pioner', nameEn: 'Pioneer family', kind: 'keluarga' },
  { no: 8, code: 'WKSBM', nameId: 'Wahana Kesejahteraan Sosial Berbasis Masyarakat', nameEn: 'Community-based welfare network (WKSBM)', kind: 'lembaga' },
  { no: 9, code: 'WPKS', nameId: 'Wanita Pemimpin Kesejahteraan Sosial', nameEn: 'Women social-welfare leader', kind: 'perorangan' },
  { no: 10, code: 'PENSOS', nameId: 'Penyuluh Sosial', nameEn: 'Social extension worker', kind: 'perorangan' },
  { no: 11, code: 'TKSK', nameId: 'Tenaga Kesejahteraan Sosial Kecamatan', nameEn: 'Kecamatan social-welfare worker (TKSK)', kind: 'perorangan' },
  { no: 12, code: 'DU', nameId: 'Dunia Usaha', nameEn: 'Business (CSR)', kind: 'lembaga' },
] as const satisfies readonly PsksType[];

export const PSKS_CODES = PSKS_TYPES.map((t) => t.code);
/** A PSKS type code: checked against the table's current version by the API, not a closed enum here. */
export const psksCodeSchema = z
  .string()
  .regex(/^[A-Z0-9]{2,12}$/, 'a PSKS type code, e.g. LKS')
  .describe('PSKS type code (psks_types, current version)');

/** LKS accreditation (by the Lembaga Akreditasi LKS): A, B, C, or not (yet) accredited. */
export const LKS_ACCREDITATIONS = ['A', 'B', 'C', 'belum'] as const;
/** Where the entry works: its own desa, or the whole kecamatan (a kecamatan-wide LKS, the TKSK). */
export const PSKS_SERVICE_AREAS = ['desa', 'kecamatan'] as const;

const phoneSchema = z
  .string()
  .trim()
  .regex(/^(\+62|0)[0-9]{8,13}$/, 'an Indonesian phone number, e.g. 081234567890');

/** A new directory entry. Registration number and accreditation belong to an LKS only. */
export const psksEntryBodySchema = z
  .strictObject({
    /** PSKS type code (GET /api/psks-types). */
    typeCode: psksCodeSchema,
    /** Name of the organisation, family or person. */
    name: z.string().trim().min(3).max(200),
    /** Desa/kelurahan where it is (its address). */
    desaCode: desaCodeSchema,
    /** Its own desa, or the whole kecamatan. */
    serviceArea: z.enum(PSKS_SERVICE_AREAS).default('desa'),
    address: z.string().trim().min(3).max(300).optional(),
    /** Who to call: the chair, the coordinator or the person. */
    contactName: z.string().trim().min(2).max(120).optional(),
    contactPhone: phoneSchema.optional(),
    /** How many people it can serve or take in (an LKS's places, a Karang Taruna's active members). */
    capacity: z.number().int().min(0).max(100_000).optional(),
    /** What it offers, briefly. */
    services: z.string().trim().min(3).max(1000).optional(),
    /** LKS only: registration number (tanda daftar) with the competent Dinas Sosial. */
    registrationNumber: z.string().trim().min(3).max(100).optional(),
    /** LKS only: accreditation grade, or `belum`. */
    accreditation: z.enum(LKS_ACCREDITATIONS).optional(),
    /** Still active (an entry is never deleted: referrals point at it). */
    active: z.boolean().default(true),
  })
  .refine((b) => b.typeCode === 'LKS' || (b.registrationNumber === undefined && b.accreditation === undefined), {
    message: 'a registration number and an accreditation belong to an LKS only',
    path: ['registrationNumber'],
  });
export type PsksEntryBody = z.infer<typeof psksEntryBodySchema>;

/** A change: any field but the type (a different type is a different entry); null clears an optional field. */
export const psksEntryPatchSchema = z
  .strictObject({
    name: z.string().trim().min(3).max(200).optional(),
    desaCode: desaCodeSchema.optional(),
    serviceArea: z.enum(PSKS_SERVICE_AREAS).optional(),
    address: z.string().trim().min(3).max(300).nullable().optional(),
    contactName: z.string().trim().min(2).max(120).nullable().optional(),
    contactPhone: phoneSchema.nullable().optional(),
    capacity: z.number().int().min(0).max(100_000).nullable().optional(),
    services: z.string().trim().min(3).max(1000).nullable().optional(),
    registrationNumber: z.string().trim().min(3).max(100).nullable().optional(),
    accreditation: z.enum(LKS_ACCREDITATIONS).nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field', path: ['name'] });
export type PsksEntryPatch = z.infer<typeof psksEntryPatchSchema>;

// ---- Pemetaan sosial ------------------------------------------------------------------------

/** The two halves of the matrix: the 26 PPKS (domain/pmks.ts) and the PSKS types. */
export const PEMETAAN_KINDS = ['ppks', 'psks'] as const;
export type PemetaanKind = (typeof PEMETAAN_KINDS)[number];

/**
 * Where a cell's count comes from: `kasus` open cases of the category (PPKS, computed), `psks`
 * active directory entries of the type (PSKS, computed), `lapangan` a TKSK's field count,
 * `impor` an imported DTSEN/Pusdatin extract. The last two are recorded with an as-of date.
 */
export const PEMETAAN_SOURCES = ['kasus', 'psks', 'lapangan', 'impor'] as const;
export type PemetaanSource = (typeof PEMETAAN_SOURCES)[number];
export const RECORDED_SOURCES = ['lapangan', 'impor'] as const;

/** One field count (TKSK): a desa's counts as of a date, any PPKS or PSKS codes. */
export const pemetaanCountsBodySchema = z.strictObject({
  desaCode: desaCodeSchema,
  /** The day the count was made, YYYY-MM-DD (not in the future). */
  asOf: isoDateSchema,
  counts: z
    .array(
      z.strictObject({
        kind: z.enum(PEMETAAN_KINDS),
        /** A PPKS code (ABT … KAT) or a PSKS type code. */
        code: z.string().trim().min(1).max(12),
        count: z.number().int().min(0).max(1_000_000),
      }),
    )
    .min(1)
    .max(40),
  /** How it was counted (musyawarah desa, door to door, …). */
  note: z.string().trim().min(3).max(1000).optional(),
});
export type PemetaanCountsBody = z.infer<typeof pemetaanCountsBodySchema>;

/** The columns of an imported extract (CSV header or the XLSX sheet's first row). */
export const PEMETAAN_IMPORT_COLUMNS = ['kode_desa', 'jenis', 'kode', 'jumlah'] as const;
export const PEMETAAN_IMPORT_SOURCES = ['DTSEN', 'Pusdatin', 'lainnya'] as const;

/** One row of an extract, after its cells were trimmed. */
export const pemetaanImportRowSchema = z.strictObject({
  kode_desa: desaCodeSchema,
  jenis: z.enum(PEMETAAN_KINDS),
  kode: z.string().min(1).max(12),
  jumlah: z
    .string()
    .regex(/^\d{1,7}$/, 'a whole number of at most 7 digits')
    .transform(Number),
});

export const pemetaanRegionQuerySchema = z.strictObject({
  /** The region asked for: its child regions are the rows (a desa: itself). */
  region: regionCodeSchema,
});
