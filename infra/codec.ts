// Personal data never reaches Temporal in plaintext: every payload (workflow and activity
// inputs and results, Update arguments, failure messages) is encrypted with AES-256-GCM before
// it leaves the API or the worker. Each encrypted payload names its key id, so keys can rotate:
// new payloads use the current key, old ones decrypt with theirs.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { keyRingFromEnv } from './secrets';

const ENCODING = 'binary/encrypted';
const ProtoPayload = temporal.api.common.v1.Payload;

/** What an unencrypted payload decodes to in the worker: an object no schema and no seal accepts. */
export const REFUSED_PAYLOAD_VALUE = { __kesosRefused: 'payload not encrypted with a kesos-flow key' };
const REFUSED: Payload = { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify(REFUSED_PAYLOAD_VALUE)) };

export class AesGcmPayloadCodec implements PayloadCodec {
  /**
   * @param keys key id → 32-byte key
   * @param currentKeyId the key new payloads are encrypted with
   */
  /**
   * @param keys key id → 32-byte key
   * @param currentKeyId the key new payloads are encrypted with
   * @param opts.refuseUnencrypted the worker's setting: a payload that is not encrypted with one
   *   of our keys did not come from the API or the worker (someone wrote to Temporal directly),
   *   so it decodes to a marker every boundary refuses instead of to what it says.
   */
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    private readonly currentKeyId: string,
    private readonly opts: { refuseUnencrypted?: boolean } = {},
  ) {
    if (!keys.has(currentKeyId)) throw new Error(`payload key ${currentKeyId} is not among the configured keys`);
    for (const [id, key] of keys) if (key.length !== 32) throw new Error(`payload key ${id} must be 32 bytes (AES-256)`);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const key = this.keys.get(this.currentKeyId)!;
    return payloads.map((p) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = ProtoPayload.encode(p).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: Buffer.from(ENCODING), 'encryption-key-id': Buffer.from(this.currentKeyId) },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => {
      if (Buffer.from(p.metadata?.encoding ?? []).toString() !== ENCODING) return this.opts.refuseUnencrypted ? REFUSED : p;
      const keyId = Buffer.from(p.metadata?.['encryption-key-id'] ?? []).toString();
      const key = this.keys.get(keyId);
      if (!key) throw new Error(`no payload key ${keyId} to decrypt with`);
      const data = Buffer.from(p.data ?? []);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(data.length - 16));
      const plain = Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]);
      return ProtoPayload.decode(plain) as Payload;
    });
  }
}

/**
 * Keys from the environment: PAYLOAD_KEYS = "id1:base64key,id2:base64key", PAYLOAD_KEY_ID = the
 * current one. Local mode generates one key once into the data dir.
 */
export function payloadCodecFromEnv(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  production: boolean,
  opts: { refuseUnencrypted?: boolean } = {},
): AesGcmPayloadCodec {
  const ring = keyRingFromEnv(env, 'PAYLOAD', { dataDir, production, localName: 'payload-key-local-1' });
  return new AesGcmPayloadCodec(ring.keys, ring.currentKeyId, opts);
}

/** The data converter of every Temporal client and worker of kesos-flow. */
export function dataConverter(codec: PayloadCodec): DataConverter {
  return {
    payloadCodecs: [codec],
    // Failure messages and stack traces go into an encoded (hence encrypted) payload too.
    failureConverterPath: require.resolve('./failureConverter'),
  };
}
