// Remote codec endpoint (Temporal's codec-server protocol) so authorised users can read encrypted
// histories in the Temporal UI: POST /api/codec/decode and /encode with
// {payloads: [{metadata: {k: base64}, data: base64}]}. Decoding by an auditor is a read of
// personal data and is audited.
import { Router } from 'express';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { z } from 'zod';
import type { Sql } from '../../db';
import { authorizedActor, parseInput } from '../http';
import { HttpProblem } from '../problem';
import { recordRequestEvent } from '../requestAudit';
import { codecBodySchema, type wirePayload } from './schema';

const fromWire = (p: z.infer<typeof wirePayload>): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: p.data === undefined ? undefined : Buffer.from(p.data, 'base64'),
});
const toWire = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: p.data ? Buffer.from(p.data).toString('base64') : undefined,
});

export function codecRoutes(sql: Sql, codec: PayloadCodec): Router {
  const router = Router();
  for (const op of ['decode', 'encode'] as const) {
    router.post(`/codec/${op}`, async (req, res) => {
      const actor = authorizedActor(res, 'case.history');
      const body = parseInput('body', codecBodySchema, req.body);
      let payloads: Payload[];
      try {
        payloads = await codec[op](body.payloads.map(fromWire));
      } catch {
        throw new HttpProblem(422, `payloads could not be ${op}d (unknown key or corrupted data)`);
      }
      if (op === 'decode' && actor.role === 'auditor') {
        await recordRequestEvent(sql, res, {
          key: 'codec',
          action: 'temporal.payloads_decoded',
          entityType: 'namespace',
          entityId: String(req.header('x-namespace') ?? 'default'),
          details: { payloads: payloads.length },
        });
      }
      res.json({ payloads: payloads.map(toWire) });
    });
  }
  return router;
}
