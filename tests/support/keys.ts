// A fixed payload key for the test stack, so histories recorded by tests (encrypted with it) can
// be replayed later. Test data only: never use it anywhere else.
import { AesGcmPayloadCodec, dataConverter } from '../../infra/codec';
import { sealConfigFromEnv } from '../../infra/sealKeys';

export const TEST_PAYLOAD_KEY_ID = 'test-1';
export const TEST_PAYLOAD_KEY = Buffer.from('kesos-flow test payload key 0001').toString('base64'); // 32 bytes
export const TEST_PAYLOAD_KEYS = `${TEST_PAYLOAD_KEY_ID}:${TEST_PAYLOAD_KEY}`;

export const testCodec = () => new AesGcmPayloadCodec(new Map([[TEST_PAYLOAD_KEY_ID, Buffer.from(TEST_PAYLOAD_KEY, 'base64')]]), TEST_PAYLOAD_KEY_ID);
export const testDataConverter = () => dataConverter(testCodec());

/** A fixed seal key for the test stack: tests that start workflows directly act as the API does. */
export const TEST_SEAL_KEY_ID = 'test-seal-1';
export const TEST_SEAL_KEYS = `${TEST_SEAL_KEY_ID}:${Buffer.from('kesos-flow test seal key 00000001').toString('base64')}`;
export const testSealConfig = () => sealConfigFromEnv({ SEAL_KEYS: TEST_SEAL_KEYS, SEAL_KEY_ID: TEST_SEAL_KEY_ID }, '/nonexistent', true);

/** The bearer token of the test stack's GET /metrics. */
export const TEST_METRICS_TOKEN = 'kesos-flow-test-metrics-token';
