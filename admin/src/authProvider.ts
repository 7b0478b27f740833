import type { AuthProvider } from 'react-admin';
import { clearSession, getFreshToken, getRefreshToken, getUser, saveSession, type SessionResponse } from './session';

type LoginResponse = SessionResponse;

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json().catch(() => null)) as (LoginResponse & { detail?: string }) | null;
    if (!response.ok || !body?.token) {
      // 401 problem+json: "wrong username or password"; the login form shows the message.
      throw new Error(response.status === 401 ? 'ra.auth.sign_in_error' : (body?.detail ?? response.statusText));
    }
    saveSession(body.token, body.expiresIn, body.user, body.refreshToken);
  },

  async logout() {
    const refreshToken = getRefreshToken();
    clearSession();
    // Revoke the login server-side too; a failure here must not keep the user signed in.
    if (refreshToken) {
      await fetch('/api/auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }) }).catch(() => undefined);
    }
  },

  async checkAuth() {
    if (!(await getFreshToken())) {
      clearSession();
      throw new Error('ra.auth.auth_check_error');
    }
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
    // 403 and the rest are shown as ordinary errors without ending the session.
  },

  async getIdentity() {
    const user = getUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName };
  },

  async getPermissions() {
    return getUser()?.role ?? null;
  },
};
