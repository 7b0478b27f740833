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
