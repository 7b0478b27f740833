import { z } from 'zod';
import { isoDurationSchema } from '../../domain/interventions';
import { regionCodeSchema } from '../../domain/regions';
import { taskTypeSchema } from '../../domain/taskTypes';

/** '' = everywhere; otherwise a region code (the most specific match wins). */
const regionOrEverywhere = z.union([z.literal(''), regionCodeSchema]);

export const slaPolicyBodySchema = z
  .strictObject({
    taskType: taskTypeSchema,
    regionCode: regionOrEverywhere.default(''),
    /** ISO 8601 duration, e.g. P3D (3 working days when workingDays) or PT12H. */
    duePeriod: isoDurationSchema,
    /** Whole-day periods count working days (weekends and national holidays skipped). */
    workingDays: z.boolean().default(true),
  })
  .meta({ id: 'SlaPolicy', example: { taskType: 'assessment_approval', regionCode: '33.73', duePeriod: 'P2D', workingDays: true } });

export const casePolicyBodySchema = z
  .discriminatedUnion('key', [
    z.strictObject({ key: z.literal('aftercare_delay'), regionCode: regionOrEverywhere.default(''), value: isoDurationSchema }),
    z.strictObject({ key: z.literal('reopen_window'), regionCode: regionOrEverywhere.default(''), value: isoDurationSchema }),
    z.strictObject({ key: z.literal('confirm_destructive'), regionCode: regionOrEverywhere.default(''), value: z.boolean() }),
    z.strictObject({ key: z.literal('retention_period'), regionCode: regionOrEverywhere.default(''), value: isoDurationSchema }),
  ])
  .meta({ id: 'CasePolicy', example: { key: 'confirm_destructive', regionCode: '', value: true } });

/** A saved SLA due period. */
export const slaPolicySchema = z
  .object({
    /** `<taskType>:<regionCode>` */
    id: z.string(),
    taskType: taskTypeSchema,
    /** '' = everywhere. */
    regionCode: z.string(),
    duePeriod: z.string(),
    workingDays: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SlaPolicySetting' });

/** A saved case setting. */
export const casePolicySchema = z
  .object({
    /** `<key>:<regionCode>` */
    id: z.string(),
    key: z.enum(['aftercare_delay', 'reopen_window', 'confirm_destructive', 'retention_period']),
    /** '' = everywhere. */
    regionCode: z.string(),
    /** An ISO 8601 duration, or a boolean for confirm_destructive. */
    value: z.union([z.string(), z.boolean()]),
    updatedAt: z.string(),
  })
  .meta({ id: 'CasePolicySetting' });
