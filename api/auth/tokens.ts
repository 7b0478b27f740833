// Access tokens: HS256 JWTs carrying only the user id; role and region are re-read from the
// database on every request so a disabled account or a changed region takes effect at once.
import jwt from 'jsonwebtoken';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export function signAccessToken(secret: string, userId: string): string {
  return jwt.sign({}, secret, { algorithm: 'HS256', subject: userId, expiresIn: ACCESS_TOKEN_SECONDS, issuer: 'kesos-flow' });
}

export function verifyAccessToken(secret: string, token: string): string | undefined {
  try {
    const payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: 'kesos-flow' });
    return typeof payload === 'object' && typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
