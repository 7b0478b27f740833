// Terima undangan: public (no sign-in), reached by the link the admin passed on
// (#/undangan?kode=…), rendered outside react-admin (admin/src/main.tsx). Its holder chooses the
// password twice; then the login form.
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export const AcceptInvitation = () => {
  const translate = useTranslate();
  const code = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('kode') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (password.length < 10) return setError(translate('kesos.invitation.too_short'));
    if (password !== confirm) return setError(translate('kesos.account.mismatch'));
    setBusy(true);
    setError(null);
    try {
      const r = await fetch('/api/auth/invitations/accept', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ code, password }),
      });
      if (r.ok) return setDone(true);
      const body = (await r.json().catch(() => ({}))) as { code?: string };
      setError(translate(body.code === 'attempts-throttled' ? 'kesos.invitation.throttled' : 'kesos.invitation.invalid'));
    } catch {
      setError(translate('kesos.invitation.invalid'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', mt: 6, px: 1 }}>
      <Card sx={{ maxWidth: 480, width: '100%' }} data-testid="accept-invitation">
        <CardContent>
          <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
            {translate('kesos.invitation.title')}
          </Typography>
          {done ? (
            <>
              <Alert severity="success" sx={{ mb: 2 }}>
                {translate('kesos.invitation.done')}
              </Alert>
              <Button
                variant="contained"
                href="#/login"
                onClick={(e) => {
                  // Into the admin (this page runs outside it): its login form.
                  e.preventDefault();
                  window.location.hash = '#/login';
                  window.location.reload();
                }}
              >
                {translate('kesos.invitation.to_login')}
              </Button>
            </>
          ) : !code ? (
            <Alert severity="error">{translate('kesos.invitation.no_code')}</Alert>
          ) : (
            <form onSubmit={(e) => void submit(e)}>
              <Typography variant="body2" sx={{ mb: 2 }}>
                {translate('kesos.invitation.explain')}
              </Typography>
              <TextField
                type="password"
                label={translate('kesos.account.new')}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="new-password"
                fullWidth
                required
                sx={{ mb: 2 }}
                slotProps={{ htmlInput: { 'data-testid': 'invitation-password' } }}
              />
              <TextField
                type="password"
                label={translate('kesos.account.confirm')}
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                autoComplete="new-password"
                fullWidth
                required
                sx={{ mb: 2 }}
                slotProps={{ htmlInput: { 'data-testid': 'invitation-confirm' } }}
              />
              {error && (
                <Alert severity="error" sx={{ mb: 2 }} role="alert">
                  {error}
                </Alert>
              )}
              <Button type="submit" variant="contained" disabled={busy}>
                {translate('kesos.invitation.save')}
              </Button>
            </form>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};

export default AcceptInvitation;
