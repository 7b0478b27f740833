// Sealed actors: the API vouches for who is acting by an HMAC-SHA256 over the actor, the target
// workflow, the Update/signal/start name, a hash of the arguments and an expiry, with a key only
// the API and the worker hold. The workflows verify the seal in their validators and handlers,
// so a caller who reaches Temporal directly (CLI, UI, a stolen client certificate) cannot act in
// anyone's name, nor replay a captured call against another workflow, task or argument.
//
// Pure TypeScript on purpose: this runs inside Temporal's workflow sandbox (no node:crypto, and
// validators must be synchronous), in the API and in the portal-free unit tests alike. SHA-256 and
// HMAC follow FIPS 180-4 and RFC 2104; tests compare them with node:crypto.
import type { Actor } from './roles';

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of bytes. */
export function sha256(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  const padded = new Uint8Array(((message.length + 9 + 63) >> 6) << 6);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(off + t * 4);
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      const s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]);
  return out;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export const sha256Hex = (text: string) => hex(sha256(utf8(text)));

/** HMAC-SHA256 (RFC 2104) as hex. */
export function hmacSha256Hex(key: Uint8Array, text: string): string {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64);
  const outer = new Uint8Array(64);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i] ^ 0x36;
    outer[i] = block[i] ^ 0x5c;
  }
  const message = utf8(text);
  const innerInput = new Uint8Array(64 + message.length);
  innerInput.set(inner);
  innerInput.set(message, 64);
  const innerHash = sha256(innerInput);
  const outerInput = new Uint8Array(96);
  outerInput.set(outer);
  outerInput.set(innerHash, 64);
  return hex(sha256(outerInput));
}

/** Comparison whose time does not depend on where two MACs first differ. */
function sameMac(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export interface ActorSeal {
  v: 1;
  keyId: string;
  /** The workflow the call is for: a seal for one case is worthless on another. */
  workflowId: string;
  /** The Update, signal or workflow type it is for. */
  name: string;
  /** sha256 of the canonical JSON of the arguments, seal left out. */
  argsHash: string;
  /** Who acts; null for the system (a Schedule, a workflow continuing itself). */
  actor: Actor | null;
  /** Epoch milliseconds. */
  expiresAt: number;
  mac: string;
}

export type SealKeys = ReadonlyMap<string, Uint8Array>;

/** A key ring from its text form, "id1:base64,id2:base64" (seal keys here, payload keys in infra/). */
export function parseKeyRing(spec: string, what: string, minBytes: number): Map<string, Uint8Array> {
  const keys = new Map<string, Uint8Array>();
  for (const entry of spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [id, b64] = entry.split(':');
    if (!id || !b64) throw new Error(`${what} entries look like id:base64key`);
    const key = base64Bytes(b64);
    if (key.length < minBytes) throw new Error(`${what} ${id} must be at least ${minBytes} bytes`);
    keys.set(id, key);
  }
  return keys;
}

export const parseSealKeys = (spec: string): Map<string, Uint8Array> => parseKeyRing(spec, 'seal key', 32);

function base64Bytes(b64: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = b64.replace(/[^A-Za-z0-9+/]/g, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

type Unsealed = Omit<ActorSeal, 'mac'>;
const macInput = (s: Unsealed) =>
  canonicalJson({ v: s.v, keyId: s.keyId, workflowId: s.workflowId, name: s.name, argsHash: s.argsHash, actor: s.actor, expiresAt: s.expiresAt });

/** The arguments' hash: the call's own fields, without its seal. */
export function argsHash(args: unknown): string {
  if (args && typeof args === 'object' && !Array.isArray(args)) {
    const { seal: _seal, ...rest } = args as Record<string, unknown>;
    return sha256Hex(canonicalJson(rest));
  }
  return sha256Hex(canonicalJson(args));
}

export function sealCall(
  keys: SealKeys,
  keyId: string,
  call: { actor: Actor | null; workflowId: string; name: string; args: unknown; now: number; ttlMs: number },
): ActorSeal {
  const key = keys.get(keyId);
  if (!key) throw new Error(`no seal key ${keyId}`);
  const unsealed: Unsealed = {
    v: 1,
    keyId,
    workflowId: call.workflowId,
    name: call.name,
    argsHash: argsHash(call.args),
    actor: call.actor,
    expiresAt: call.now + call.ttlMs,
  };
  return { ...unsealed, mac: hmacSha256Hex(key, macInput(unsealed)) };
}

export type SealVerdict = { ok: true; actor: Actor | null } | { ok: false; reason: string };

/**
 * Is this call vouched for by the API? The seal must be well formed, made with a known key, for
 * this workflow, this name and exactly these arguments, unexpired at `now`, and name the same
 * actor as the arguments do (`claimedActor`, by default the arguments' `actor` field when they
 * have one).
 */
export function verifySeal(
  keys: SealKeys,
  seal: unknown,
  call: { workflowId: string; name: string; args: unknown; now: number; claimedActor?: Actor | null },
): SealVerdict {
  if (!seal || typeof seal !== 'object') return { ok: false, reason: 'unsigned call: only the kesos-flow API may act on this workflow' };
  const s = seal as Partial<ActorSeal>;
  if (s.v !== 1 || typeof s.keyId !== 'string' || typeof s.mac !== 'string' || typeof s.expiresAt !== 'number' || s.actor === undefined)
    return { ok: false, reason: 'malformed seal' };
  const key = keys.get(s.keyId);
  if (!key) return { ok: false, reason: `unknown seal key ${s.keyId}` };
  const expected = hmacSha256Hex(key, macInput(s as Unsealed));
  if (!sameMac(expected, s.mac)) return { ok: false, reason: 'forged seal' };
  if (s.workflowId !== call.workflowId || s.name !== call.name) return { ok: false, reason: 'seal made for another workflow or call' };
  if (s.argsHash !== argsHash(call.args)) return { ok: false, reason: 'seal made for other arguments' };
  if (call.now > s.expiresAt) return { ok: false, reason: 'stale seal' };
  const claimed = 'claimedActor' in call ? call.claimedActor : (call.args as { actor?: unknown } | null)?.actor;
  if (claimed !== undefined && canonicalJson(claimed) !== canonicalJson(s.actor)) return { ok: false, reason: 'actor differs from the sealed actor' };
  return { ok: true, actor: s.actor ?? null };
}

/**
 * The calls that act in someone's name, and the field of their (single) argument that names who:
 * the API's Temporal client seals exactly these (infra/sealKeys.ts), the workflows verify them.
 * Updates by their name, starts by their workflow type.
 */
/**
 * The signals kesos-flow sends (workflow to workflow, and the API's budget nudge): always as the
 * system (actor null), sealed like the calls below, and ignored by their workflow when unsealed.
 */
export const SEALED_SIGNALS = ['referralClosed', 'referralAssignee', 'referralPaused', 'budgetChanged'] as const;

export const SEALED_CALLS = {
  completeTask: 'actor',
  intervene: 'actor',
  confirmIntervention: 'actor',
  confirmBulk: 'actor',
  reissuePayment: 'actor',
  caseWorkflow: 'registeredBy',
  bulkReassignWorkflow: 'requestedBy',
  taliAsihWorkflow: 'openedBy',
  rujukanWorkflow: 'requestedBy',
  auditAnchorsWorkflow: 'startedBy',
  complaintWorkflow: 'receivedBy',
  complaintAction: 'actor',
  sembakoPeriodWorkflow: 'openedBy',
  sanctionRecommendationWorkflow: 'proposedBy',
  tkskAssignmentWorkflow: 'requestedBy',
  tkskAssignmentAction: 'actor',
  kpmDataFixWorkflow: 'proposedBy',
  meetingWorkflow: 'recordedBy',
  monthlyReportWorkflow: 'openedBy',
  claimTask: 'actor',
} as const satisfies Record<string, string>;
