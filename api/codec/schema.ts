import { z } from 'zod';

/** A Temporal payload on the wire: metadata values and data in base64. */
export const wirePayload = z.object({
  metadata: z.record(z.string(), z.string().max(10_000)).default({}),
  data: z.string().max(4_000_000).optional(),
});

/** Temporal's remote-codec protocol: payloads in, payloads out (the same shape). */
export const codecBodySchema = z
  .strictObject({ payloads: z.array(wirePayload).max(1_000) })
  .meta({ id: 'CodecPayloads', example: { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'eyJhIjoxfQ==' }] } });
