// The signed-in user and a short-lived access token, in memory only. The refresh token is an
// httpOnly cookie (SameSite=Strict, Path=/api/auth) that no script can read: a reload or a new
// tab gets a fresh access token with it. While signed out, at most one refresh is tried per
// page load, so checking the session on the login page costs nothing.
import type { Role } from '../../domain/roles';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
}

export interface SessionResponse {
  token: string;
  expiresIn: number;
  user: SessionUser;
  /** Someone else chose this password: nothing but the password form works until it is changed. */
  mustChangePassword?: boolean;
}

/** The route of the password form (admin/src/account/ChangePassword.tsx). */
export const CHANGE_PASSWORD_PATH = '/ganti-kata-sandi';
let mustChange = false;
/** Whether this session must choose its own password first. */
export const mustChangePassword = () => mustChange;
export const passwordChanged = () => {
  mustChange = false;
};

/** Sent with refresh and logout: the API refuses them without it (CSRF protection). */
export const CSRF_HEADERS = { 'X-Requested-With': 'fetch' };

let session: { token: string; expiresAt: number; user: SessionUser } | null = null;
/** What this page knows of the cookie: not tried yet, a live login, or none (until the next sign-in). */
let cookie: 'unknown' | 'live' | 'gone' = 'unknown';

export function saveSession(body: SessionResponse): void {
  session = { token: body.token, expiresAt: Date.now() + body.expiresIn * 1000, user: body.user };
  mustChange = body.mustChangePassword === true;
  cookie = 'live';
}

/** Forgets the session in this page; `signedOut`: the cookie is known to be gone too (no refresh until the next sign-in). */
export function clearSession(signedOut = true): void {
  session = null;
  if (signedOut) cookie = 'gone';
}

/** Whether the server may still hold a login for this browser (logout should revoke it). */
export const mayHaveServerSession = () => cookie !== 'gone';

async function refresh(): Promise<string | null> {
  const response = await fetch('/api/auth/refresh', { method: 'POST', headers: { ...CSRF_HEADERS, Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    // 401: no cookie, expired, revoked or reused; anything else: no session this page can use.
    // The problem document is read all the same: an unread body keeps the request open.
    await response.text().catch(() => '');
    clearSession();
    return null;
  }
  saveSession((await response.json()) as SessionResponse);
  return session!.token;
}

/** One tab at a time (insecure contexts have no Web Locks: then each tab on its own). */
async function refreshInTurn(): Promise<string | null> {
  if (!navigator.locks) return refresh();
  let token: string | null = null;
  await navigator.locks.request('kesos-refresh', async () => {
    token = await refresh();
  });
  return token;
}

let refreshing: Promise<string | null> | null = null;

/**
 * A valid access token, refreshed when it expires within 30 s; null when signed out. Refresh
 * tokens are single use (a reuse revokes the login), so the callers of a page share one refresh
 * and the tabs of a browser take turns (Web Locks): a tab that waited sends the cookie the
 * previous tab's refresh set.
 */
export async function getFreshToken(): Promise<string | null> {
  if (session && Date.now() < session.expiresAt - 30_000) return session.token;
  if (cookie === 'gone') return null;
  refreshing ??= refreshInTurn()
    .catch(() => getToken()) // offline: keep what is still valid
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** The token, or null when absent or expired. */
export function getToken(): string | null {
  return session && Date.now() < session.expiresAt ? session.token : null;
}

export function getUser(): SessionUser | null {
  return session?.user ?? null;
}

/** Query parameter of the page a sign-out reloads into: it is known to be signed out. */
const SIGNED_OUT = 'signed-out';

/**
 * Where a sign-out goes: a fresh page load of the login form. It drops everything the page held
 * (cached records included), and react-admin's loop of auth check, logout and cache reset,
 * which starves the router's transition to the login page for seconds, has no page left to run in.
 */
export const signedOutUrl = () => `${window.location.origin}${window.location.pathname}?${SIGNED_OUT}#/login`;

/**
 * Before the first render: the session from the cookie (one refresh), or, when there is none,
 * the login form at once (asking to come back to the page that was asked for), so that
 * react-admin never mounts a protected page without a session.
 */
export async function restoreSession(): Promise<void> {
  const url = new URL(window.location.href);
  if (url.searchParams.has(SIGNED_OUT)) {
    clearSession();
    url.searchParams.delete(SIGNED_OUT);
    window.history.replaceState(null, '', url);
  } else {
    await getFreshToken();
  }
  const hash = window.location.hash.replace(/^#/, '') || '/';
  if (!session && !hash.startsWith('/login')) {
    const [pathname, search = ''] = hash.split('?');
    // react-router's location state (`usr`): react-admin's login page returns to nextPathname.
    const state = pathname === '/' ? null : { usr: { nextPathname: pathname, nextSearch: search ? `?${search}` : '' }, key: 'default', idx: 0 };
    window.history.replaceState(state, '', '#/login');
  }
}
