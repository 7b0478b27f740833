import type { AuthProvider } from 'react-admin';
import { i18nProvider } from './i18n';
import { isNetworkFailure, networkMessage, problemMessage, type ProblemLike } from './i18n/problems';
import {
  CHANGE_PASSWORD_PATH,
  clearSession,
  CSRF_HEADERS,
  getFreshToken,
  getUser,
  mayHaveServerSession,
  saveSession,
  signedOutUrl,
  type SessionResponse,
} from './session';

/** The API's problem type for a call refused until the password is changed (api/auth/routes.ts). */
const PASSWORD_CHANGE_REQUIRED = 'https://kesos-flow.dev/problems/password-change-required';

/** The user once the session is known: after a reload that takes the one refresh of the cookie. */
const sessionUser = async () => getUser() ?? ((await getFreshToken()) ? getUser() : null);

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
      credentials: 'same-origin',
    }).catch((error: unknown) => {
      throw isNetworkFailure(error) ? new Error(networkMessage(i18nProvider.translate)) : error;
    });
    const body = (await response.json().catch(() => null)) as (SessionResponse & ProblemLike) | null;
    if (!response.ok || !body?.token) {
      // The login form shows the message: a wrong password (401), too many attempts (429, with the wait), …
      throw new Error(problemMessage({ ...body, status: response.status }, i18nProvider.getLocale(), i18nProvider.translate));
    }
    saveSession(body);
    // A password someone else chose: the form to choose one's own comes first.
    if (body.mustChangePassword) return { redirectTo: CHANGE_PASSWORD_PATH };
  },

  /** Revokes the login (and clears the cookie), then reloads into the login form (signedOutUrl). */
  async logout() {
    const revoke = mayHaveServerSession();
    clearSession();
    // A failure here must not keep the user signed in.
    if (revoke) await fetch('/api/auth/logout', { method: 'POST', headers: CSRF_HEADERS, credentials: 'same-origin' }).catch(() => undefined);
    return signedOutUrl();
  },

  /** Cheap when signed out: no request and no side effect once the one refresh of the page load has failed. */
  async checkAuth() {
    if (!(await getFreshToken())) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: { status?: number; body?: { type?: string } }) {
    // react-admin logs out next, which revokes the login and clears the session.
    if (error?.status === 401) throw new Error('ra.notification.logged_out');
    // Still signed in, but nothing works before the password is changed: to its form (an object
    // with redirectTo and logoutUser: false is how react-admin redirects without signing out).
    if (error?.status === 403 && error.body?.type === PASSWORD_CHANGE_REQUIRED) {
      throw { redirectTo: CHANGE_PASSWORD_PATH, logoutUser: false, message: false };
    }
    // 403 and the rest are shown as ordinary errors without ending the session.
  },

  async getIdentity() {
    const user = await sessionUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName };
  },

  async getPermissions() {
    return (await sessionUser())?.role ?? null;
  },
};
