// Case (kasus) registration and the case's lifecycle vocabulary.
import { z } from 'zod';
import { isoDateSchema, personNameSchema } from './primitives';
import { isChildCategory, pmksCodeSchema } from './pmks';
import { nikMatches, nikSchema } from './nik';
import { desaCodeSchema } from './regions';

export const CASE_STATUSES = ['assessment', 'assessment_review', 'pendampingan', 'closure_review', 'aftercare', 'closed', 'cancelled'] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const CLOSURE_REASONS = ['goals_met', 'referred_out', 'moved_away', 'deceased', 'refused_services', 'duplicate', 'other'] as const;
export const closureReasonSchema = z.enum(CLOSURE_REASONS);
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** A closed case's `closedReason`: a proposed closure reason, or `rejected` at assessment review. */
export const CASE_CLOSED_REASONS = [...CLOSURE_REASONS, 'rejected'] as const;
export type CaseClosedReason = (typeof CASE_CLOSED_REASONS)[number];

/** Sex as on the KTP: L (laki-laki) or P (perempuan). */
export const SEXES = ['L', 'P'] as const;
export type Sex = (typeof SEXES)[number];

export const CONSENT_BASES = ['self', 'guardian', 'lawful_basis'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

export const beneficiarySchema = z.object({
  /** NIK of the beneficiary (16 digits). Masked in lists. */
  nik: nikSchema,
  /** Full name as on the KTP/KK. */
  name: personNameSchema,
  /** Birth date, YYYY-MM-DD; must match the NIK's DDMMYY digits. */
  birthDate: isoDateSchema,
  /** Sex: L (laki-laki) or P (perempuan); must match the NIK (women: day + 40). */
  sex: z.enum(SEXES),
  /** Street address, RT/RW. */
  address: z.string().trim().min(3).max(300),
  /** Desa/kelurahan code; must lie inside the registering TKSK's kecamatan. */
  desaCode: desaCodeSchema,
});

export const consentSchema = z.object({
  /** self: the beneficiary consented; guardian: a parent or guardian did (required for children); lawful_basis: processed without consent under UU PDP Pasal 20 (note required). */
  basis: z.enum(CONSENT_BASES),
  /** Name of whoever gave consent (the guardian's name when basis = guardian). */
  givenBy: z.string().trim().min(2).max(120).optional(),
  /** Relationship of the guardian to the beneficiary (orang tua, wali, …). */
  relationship: z.string().trim().min(2).max(60).optional(),
  /** Why processing is lawful without consent, or any remark. */
  note: z.string().trim().min(5).max(1000).optional(),
});

export const caseRegistrationSchema = z
  .object({
    beneficiary: beneficiarySchema,
    /** PMKS/PPKS category code. */
    pmksCode: pmksCodeSchema,
    /** What the TKSK found, in a few sentences. */
    summary: z.string().trim().min(10).max(4000),
    consent: consentSchema,
  })
  .superRefine((reg, ctx) => {
    const { nik, birthDate, sex } = reg.beneficiary;
    if (nikSchema.safeParse(nik).success) {
      const match = nikMatches(nik, birthDate, sex);
      if (!match.birthDate)
        ctx.addIssue({ code: 'custom', path: ['beneficiary', 'birthDate'], message: 'birth date does not match the NIK (digits 7-12, DDMMYY)' });
      if (!match.sex) ctx.addIssue({ code: 'custom', path: ['beneficiary', 'sex'], message: 'sex does not match the NIK (women: birth day + 40)' });
    }
    const { consent } = reg;
    if (consent.basis === 'guardian' && !consent.givenBy)
      ctx.addIssue({ code: 'custom', path: ['consent', 'givenBy'], message: "the guardian's name is required when basis is guardian" });
    if (consent.basis === 'lawful_basis' && !consent.note)
      ctx.addIssue({ code: 'custom', path: ['consent', 'note'], message: 'a note stating the lawful basis is required' });
    if (consent.basis === 'self' && isChildCategory(reg.pmksCode))
      ctx.addIssue({ code: 'custom', path: ['consent', 'basis'], message: 'a child cannot consent alone: use guardian (UU PDP Pasal 25) or lawful_basis' });
  });
export type CaseRegistration = z.infer<typeof caseRegistrationSchema>;

/** A registration valid for the demo account tksk1 (kecamatan Sidorejo, Kota Salatiga). */
export const exampleCaseRegistration: CaseRegistration = {
  beneficiary: {
    nik: '3373015708620001',
    name: 'Siti Aminah',
    birthDate: '1962-08-17',
    sex: 'P',
    address: 'Jl. Diponegoro 12, RT 02/RW 05',
    desaCode: '33.73.01.1001',
  },
  pmksCode: 'LUT',
  summary: 'Lansia tinggal sendiri, tidak ada keluarga yang merawat, kesulitan memenuhi kebutuhan makan.',
  consent: { basis: 'self', givenBy: 'Siti Aminah' },
};

/** The example with another 4-digit NIK serial (the NIK's only free part): a distinct person on paper, for tests and benchmarks. */
export function exampleRegistrationWithSerial(serial: number): CaseRegistration {
  const s = String(((serial - 1) % 9999) + 1).padStart(4, '0');
  return { ...exampleCaseRegistration, beneficiary: { ...exampleCaseRegistration.beneficiary, nik: `337301570862${s}` } };
}
