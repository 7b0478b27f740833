// The signed-in user and their access token, kept in localStorage.

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  regionCode: string | null;
}

const TOKEN_KEY = 'kesos.token';
const USER_KEY = 'kesos.user';
const EXPIRES_KEY = 'kesos.expiresAt';

export function saveSession(token: string, expiresInSeconds: number, user: SessionUser): void {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
  localStorage.setItem(EXPIRES_KEY, String(Date.now() + expiresInSeconds * 1000));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
  localStorage.removeItem(EXPIRES_KEY);
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
