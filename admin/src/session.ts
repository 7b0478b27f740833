// The signed-in user, a short-lived access token and a single-use refresh token, kept in
// localStorage. Expired access tokens are refreshed once, for every request waiting on it.
import type { Role } from '../../domain/roles';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
}

const TOKEN_KEY = 'kesos.token';
const USER_KEY = 'kesos.user';
const EXPIRES_KEY = 'kesos.expiresAt';
const REFRESH_KEY = 'kesos.refreshToken';

export interface SessionResponse {
  token: string;
  expiresIn: number;
  refreshToken: string;
  user: SessionUser;
}

export function saveSession(token: string, expiresInSeconds: number, user: SessionUser, refreshToken?: string): void {
  localStorage.setItem(TOKEN_KEY, token);
  if (refreshToken) localStorage.setItem(REFRESH_KEY, refreshToken);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
  localStorage.setItem(EXPIRES_KEY, String(Date.now() + expiresInSeconds * 1000));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
  localStorage.removeItem(EXPIRES_KEY);
  localStorage.removeItem(REFRESH_KEY);
}

export function getRefreshToken(): string | null {
  return localStorage.getItem(REFRESH_KEY);
}

let refreshing: Promise<string | null> | null = null;

/**
 * A valid access token, refreshed when it expires within 30 s. Refresh tokens are single use
 * (reuse revokes the login), so concurrent callers share one refresh.
 */
export async function getFreshToken(): Promise<string | null> {
  const expiresAt = Number(localStorage.getItem(EXPIRES_KEY) ?? 0);
  const token = localStorage.getItem(TOKEN_KEY);
  if (token && Date.now() < expiresAt - 30_000) return token;
  const refreshToken = getRefreshToken();
  if (!refreshToken) return getToken();
  refreshing ??= fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ refreshToken }),
  })
    .then(async (r) => {
      if (!r.ok) {
        clearSession();
        return null;
      }
      const body = (await r.json()) as SessionResponse;
      saveSession(body.token, body.expiresIn, body.user, body.refreshToken);
      return body.token;
    })
    .catch(() => getToken())
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** The token, or null when absent or expired. */
export function getToken(): string | null {
  const token = localStorage.getItem(TOKEN_KEY);
  const expiresAt = Number(localStorage.getItem(EXPIRES_KEY) ?? 0);
  if (!token || (expiresAt && Date.now() >= expiresAt)) return null;
  return token;
}

export function getUser(): SessionUser | null {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SessionUser;
  } catch {
    return null;
  }
}
