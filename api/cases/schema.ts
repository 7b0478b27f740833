import { z } from 'zod';
import { caseRegistrationSchema, caseStatusSchema, exampleCaseRegistration } from '../../domain/case';
import { pmksCodeSchema } from '../../domain/pmks';
import { kecamatanCodeSchema } from '../../domain/regions';
import { listQuerySchema } from '../list';

/** Register a case: starts its workflow; the registering TKSK becomes the assignee. */
export const createCaseBodySchema = caseRegistrationSchema.meta({ id: 'CaseRegistration', example: exampleCaseRegistration });

export const caseIdParamsSchema = z.object({
  /** Case id (UUID). */
  id: z.uuid(),
});

export const CASE_SORTABLE = ['createdAt', 'updatedAt', 'status', 'pmksCode', 'kecamatanCode'] as const;

export const caseListQuerySchema = listQuerySchema(CASE_SORTABLE, {
  /** One id or several (react-admin getMany). */
  id: z.union([z.uuid(), z.array(z.uuid()).max(500)]).optional(),
  status: caseStatusSchema.optional(),
  pmksCode: pmksCodeSchema.optional(),
  kecamatanCode: kecamatanCodeSchema.optional(),
  assigneeId: z.string().optional(),
});
export type CaseSortField = (typeof CASE_SORTABLE)[number];
export type CaseListFilter = NonNullable<z.infer<typeof caseListQuerySchema>['filter']>;

export const caseSchema = z
  .object({
    id: z.string(),
    workflowId: z.string(),
    status: caseStatusSchema,
    /** Current step of the process (task type or phase). */
    step: z.string().nullable(),
    paused: z.boolean(),
    overdue: z.boolean(),
    closedReason: z.string().nullable(),
    pmksCode: z.string(),
    desaCode: z.string(),
    kecamatanCode: z.string(),
    kabupatenCode: z.string(),
    assigneeId: z.string().nullable(),
    registeredBy: z.string(),
    /** Personal fields were anonymised after the retention period. */
    anonymised: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    beneficiary: z.object({
      /** Full NIK for the case's own TKSK and kabupaten supervisor; masked (3373********0001) for others. */
      nik: z.string().nullable(),
      /** Omitted from auditors' lists: auditors read personal data through the (audited) case page. */
      name: z.string().optional(),
      birthDate: z.string().optional(),
      sex: z.enum(['L', 'P']).optional(),
      address: z.string().optional(),
    }),
  })
  .meta({ id: 'Case' });

export const timelineQuerySchema = z.object({
  /** Language of the sentences: id (Bahasa Indonesia, default) or en. */
  lang: z.enum(['id', 'en']).default('id'),
});
