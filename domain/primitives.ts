// Date strings as plain regex-checked strings. (zod's z.iso.* helpers misbehave inside the
// webpack-bundled workflow sandbox, where they parse as z.date(); these behave the same everywhere.)
import { z } from 'zod';

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'must be a real calendar date');

export const isoDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO 8601 date-time')
  .refine((s) => !Number.isNaN(new Date(s).getTime()), 'must be a real date-time');

/**
 * A person's name as written on the KTP/KK: one line, no zero-width or invisible characters (the
 * API already refuses control and bidi characters in every text), so what a supervisor reads is
 * what was typed and two names that look the same are the same.
 */
export const personNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(120)
  .refine((s) => !/[\r\n\u2028\u2029]/.test(s), 'a name is one line')
  .refine((s) => !/[\u200B-\u200D\u2060\uFEFF\u00AD]/.test(s), 'a name may not contain invisible characters');
