import { z } from 'zod';

const state = z.enum(['ok', 'down']);

/** ok only when both PostgreSQL and Temporal answer (503 degraded otherwise). */
export const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), temporal: state, db: state }).meta({ id: 'Health' });
