import { z } from 'zod';
import { exampleCaseRegistration } from '../../domain/case';
import { nikSchema } from '../../domain/nik';
import { reasonSchema } from '../users/schema';

export const dataSubjectExportBodySchema = z
  .strictObject({
    /** The person's NIK. */
    nik: nikSchema,
    /** Why (e.g. the data subject's written request and its date): a second admin confirms the export. */
    reason: reasonSchema,
  })
  .meta({
    id: 'DataSubjectExport',
    example: { nik: exampleCaseRegistration.beneficiary.nik, reason: 'Permintaan tertulis penerima manfaat tanggal 2 Maret 2026 (UU PDP Pasal 32).' },
  });

/** Everything held about one NIK: each case with all its columns, its tasks, referrals and audit rows. */
export const dataSubjectExportSchema = z
  .object({
    generatedAt: z.string(),
    nik: z.string(),
    cases: z.array(
      z.looseObject({
        id: z.string(),
        /** null once anonymised. */
        nik: z.string().nullable(),
        name: z.string(),
        status: z.string(),
        desaCode: z.string(),
        pmksCode: z.string(),
        createdAt: z.string(),
        tasks: z.array(z.looseObject({ id: z.string(), type: z.string(), status: z.string() })),
        referrals: z.array(z.looseObject({ id: z.string(), status: z.string() })),
        audit: z.array(z.looseObject({ seq: z.string(), at: z.string(), action: z.string() })),
      }),
    ),
  })
  .meta({ id: 'DataSubjectRecords' });
