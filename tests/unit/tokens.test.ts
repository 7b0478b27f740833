// Access tokens: only what signAccessToken issues verifies; a token signed with the right secret
// but without an expiry (or issue time), or living longer than an access token may, does not.
import jwt from 'jsonwebtoken';
import { ACCESS_TOKEN_SECONDS, signAccessToken, verifyAccessToken } from '../../api/auth/tokens';

const secret = 's'.repeat(40);
const now = () => Math.floor(Date.now() / 1000);

describe('access tokens', () => {
  test('a token from signAccessToken verifies to its user', () => {
    expect(verifyAccessToken(secret, signAccessToken(secret, 'usr_tksk1'))).toBe('usr_tksk1');
  });

  test('without exp it is refused, though correctly signed', () => {
    const noExp = jwt.sign({}, secret, { algorithm: 'HS256', subject: 'usr_admin', issuer: 'kesos-flow' });
    expect(jwt.decode(noExp)).not.toHaveProperty('exp');
    expect(verifyAccessToken(secret, noExp)).toBeUndefined();
  });

  test('without iat it is refused', () => {
    const noIat = jwt.sign({ exp: now() + 60 }, secret, { algorithm: 'HS256', subject: 'usr_admin', issuer: 'kesos-flow', noTimestamp: true });
    expect(jwt.decode(noIat)).not.toHaveProperty('iat');
    expect(verifyAccessToken(secret, noIat)).toBeUndefined();
  });

  test('a lifetime longer than an access token is refused; expired and wrong-secret ones too', () => {
    const long = jwt.sign({}, secret, { algorithm: 'HS256', subject: 'usr_admin', issuer: 'kesos-flow', expiresIn: ACCESS_TOKEN_SECONDS * 100 });
    expect(verifyAccessToken(secret, long)).toBeUndefined();
    const expired = jwt.sign({ iat: now() - 2 * ACCESS_TOKEN_SECONDS, exp: now() - ACCESS_TOKEN_SECONDS }, secret, {
      algorithm: 'HS256',
      subject: 'usr_admin',
      issuer: 'kesos-flow',
    });
    expect(verifyAccessToken(secret, expired)).toBeUndefined();
    expect(verifyAccessToken('x'.repeat(40), signAccessToken(secret, 'usr_admin'))).toBeUndefined();
  });
});
