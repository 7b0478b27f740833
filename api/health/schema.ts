import { z } from 'zod';

const state = z.enum(['ok', 'down']);

/** ok only when both PostgreSQL and Temporal answer (503 degraded otherwise, or draining after SIGTERM). */
export const healthSchema = z.object({ status: z.enum(['ok', 'degraded', 'draining']), temporal: state, db: state }).meta({ id: 'Health' });

/** The process answers. */
export const livenessSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });
