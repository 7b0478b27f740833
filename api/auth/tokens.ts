// Access tokens: HS256 JWTs carrying only the user id; role and region are re-read from the
// database on every request so a disabled account or a changed region takes effect at once.
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

// Given a string, jsonwebtoken first tries to parse it as a PEM public key and falls back to a
// secret on the exception: about a millisecond per request. A KeyObject skips that.
const keys = new Map<string, KeyObject>();
const keyOf = (secret: string): KeyObject => {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret))));
  return key;
};

export function signAccessToken(secret: string, userId: string): string {
  return jwt.sign({}, keyOf(secret), { algorithm: 'HS256', subject: userId, expiresIn: ACCESS_TOKEN_SECONDS, issuer: 'kesos-flow' });
}

/** Clock skew tolerated between the issuing and the verifying API process. */
const SKEW_SECONDS = 30;

/**
 * The user id of a token this API issued: HS256, our issuer, and an expiry and issue time, at
 * most ACCESS_TOKEN_SECONDS apart (jsonwebtoken checks exp only when it is present, so a token
 * without one, however it was signed, would otherwise never expire).
 */
export function verifyAccessToken(secret: string, token: string): string | undefined {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], issuer: 'kesos-flow' });
    if (typeof payload !== 'object' || typeof payload.sub !== 'string') return undefined;
    const { exp, iat } = payload;
    if (typeof exp !== 'number' || typeof iat !== 'number') return undefined;
    if (exp - iat > ACCESS_TOKEN_SECONDS || iat > Date.now() / 1000 + SKEW_SECONDS) return undefined;
    return payload.sub;
  } catch {
    return undefined;
  }
}
