import { z } from 'zod';

/** A Temporal payload on the wire: metadata values and data in base64. */
export const wirePayload = z.object({
  metadata: z.record(z.string(), z.string().max(10_000)).default({}),
  data: z.string().max(4_000_000).optional(),
});

/** Temporal's remote-codec protocol: payloads in, payloads out (the same shape). */
export const codecBodySchema = z.strictObject({ payloads: z.array(wirePayload).max(1_000) }).meta({
  id: 'CodecPayloads',
  example: { payloads: [{ metadata: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==', 'encryption-key-id': 'bG9jYWwtMQ==' }, data: 'q83vASNFZ4mrze8BI0VniQ==' }] },
});

/** A workflow id as kesos-flow names them: case-<uuid>, rujukan-<caseId>-<n>, tali-asih-<tkskId>-<YYYY-MM>. */
export const codecWorkflowIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.:-]+$/, 'a workflow id (letters, digits, . _ : -)');

export const codecQuerySchema = z.object({
  /**
   * The workflow whose history the payloads come from (or the X-Workflow-Id header): required.
   * The caller's region must hold its case or claim, and every encrypted payload must be in its history.
   */
  workflowId: codecWorkflowIdSchema,
});
