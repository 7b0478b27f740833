// The sealed actor: its SHA-256 and HMAC agree with node:crypto, and every way of tampering with
// a call is refused with its own reason.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { hmacSha256Hex, parseSealKeys, sealCall, sha256Hex, verifySeal } from '../../domain/seal';

const key = randomBytes(32);
const keys = parseSealKeys(`k1:${key.toString('base64')}`);
const actor = { id: 'usr_supervisor1', role: 'supervisor_kabupaten' as const, regionCode: '33.73', username: 'supervisor1', displayName: 'Supervisor' };
const args = { taskId: 'c0ffee00-0000-4000-8000-000000000001', actor, outcome: 'approve', data: { note: 'Sesuai — lengkap ✓' } };
const call = { workflowId: 'case-1', name: 'completeTask', args };
const now = Date.parse('2026-12-01T10:00:00Z');

test('SHA-256 and HMAC-SHA256 match node:crypto, for ASCII, multi-byte text and every padding length', () => {
  for (let n = 0; n < 200; n++) {
    const text = 'a'.repeat(n) + (n % 3 === 0 ? 'é日本😀' : '');
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    expect(hmacSha256Hex(key, text)).toBe(createHmac('sha256', key).update(text).digest('hex'));
  }
  const longKey = randomBytes(100);
  expect(hmacSha256Hex(longKey, 'x')).toBe(createHmac('sha256', longKey).update('x').digest('hex'));
});

test('a sealed call verifies, and names its actor', () => {
  const seal = sealCall(keys, 'k1', { ...call, actor, now, ttlMs: 60_000 });
  expect(verifySeal(keys, seal, { ...call, now: now + 1_000 })).toEqual({ ok: true, actor });
});

test('unsigned, forged, misdirected, altered, stale and impersonating calls are refused', () => {
  const seal = sealCall(keys, 'k1', { ...call, actor, now, ttlMs: 60_000 });
  const at = now + 1_000;
  const reason = (s: unknown, c: Partial<typeof call> = {}, t = at) => {
    const v = verifySeal(keys, s, { ...call, ...c, now: t });
    return v.ok ? 'accepted' : v.reason;
  };
  expect(reason(undefined)).toMatch(/unsigned/);
  expect(reason({ ...seal, mac: seal.mac.replace(/^./, (c) => (c === '0' ? '1' : '0')) })).toBe('forged seal');
  expect(reason({ ...seal, actor: { ...actor, role: 'supervisor_provinsi' } })).toBe('forged seal');
  expect(reason({ ...seal, keyId: 'k2' })).toBe('unknown seal key k2');
  expect(reason(seal, { workflowId: 'case-2' })).toBe('seal made for another workflow or call');
  expect(reason(seal, { name: 'intervene' })).toBe('seal made for another workflow or call');
  expect(reason(seal, { args: { ...args, outcome: 'reject' } })).toBe('seal made for other arguments');
  expect(reason(seal, {}, now + 61_000)).toBe('stale seal');
  // A seal made for one actor, on arguments that name another.
  const other = { ...args, actor: { ...actor, id: 'usr_provinsi1' } };
  const mismatched = sealCall(keys, 'k1', { ...call, args: other, actor, now, ttlMs: 60_000 });
  expect(reason(mismatched, { args: other })).toBe('actor differs from the sealed actor');
  // Made with a key the worker does not hold.
  const stranger = sealCall(parseSealKeys(`k1:${randomBytes(32).toString('base64')}`), 'k1', { ...call, actor, now, ttlMs: 60_000 });
  expect(reason(stranger)).toBe('forged seal');
});

test('seal keys must be long enough', () => {
  expect(() => parseSealKeys(`k1:${randomBytes(16).toString('base64')}`)).toThrow(/at least 32 bytes/);
  expect(() => parseSealKeys('nonsense')).toThrow(/id:base64key/);
});
