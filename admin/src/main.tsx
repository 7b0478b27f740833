import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nContextProvider } from 'react-admin';
import { App } from './App';
import { i18nProvider } from './i18n';
import { AcceptInvitation } from './users/AcceptInvitation';
import { restoreSession } from './session';

// Terima undangan is public: react-admin (requireAuth) would send a visitor without a session to
// the login form, so the invitation link's page renders on its own, outside the admin.
if (window.location.hash.startsWith('#/undangan'))
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nContextProvider value={i18nProvider}>
        <AcceptInvitation />
      </I18nContextProvider>
    </StrictMode>,
  );
// The session (or the login form) is settled before react-admin first renders.
else
  void restoreSession().finally(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
