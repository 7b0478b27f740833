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

export function verifyAccessToken(secret: string, token: string): string | undefined {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], issuer: 'kesos-flow' });
    return typeof payload === 'object' && typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
