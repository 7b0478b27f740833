// Ganti kata sandi: the signed-in user's own password. An account whose password someone else
// chose (the first admin from `npm run bootstrap`) lands here after signing in, and every other
// screen sends it back here until it has chosen its own (the API refuses everything else).
import { Card, CardContent, Typography } from '@mui/material';
import { Form, PasswordInput, required, Title, minLength, useNotify, useRedirect, useTranslate, type HttpError } from 'react-admin';
import { SubmitButton } from '../common/SubmitButton';
import { dataProvider } from '../dataProvider';
import { passwordChanged } from '../session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const sameAsNew = (value: string, values: Partial<Values>) => (value && value !== values.newPassword ? 'kesos.account.mismatch' : undefined);

export const ChangePassword = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const submit = async (data: Record<string, unknown>) => {
    const values = data as unknown as Values;
    try {
      await dataProvider.changePassword(values.currentPassword, values.newPassword);
    } catch (error) {
      const e = error as HttpError;
      // Field errors (422) go back to their inputs; a wrong current password is a message.
      if (e.body?.errors) return e.body.errors as Record<string, string>;
      return { currentPassword: e.status === 403 ? 'kesos.account.wrong_current' : e.message };
    }
    passwordChanged();
    notify('kesos.account.changed', { type: 'success' });
    redirect('/');
    return undefined;
  };
  return (
    <Card sx={{ maxWidth: 480, m: { xs: 1, sm: 2 } }} data-testid="change-password">
      <Title title="kesos.account.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('kesos.account.explain')}
        </Typography>
        <Form onSubmit={submit}>
          <PasswordInput source="currentPassword" label="kesos.account.current" validate={required()} fullWidth autoComplete="current-password" />
          <PasswordInput source="newPassword" label="kesos.account.new" validate={[required(), minLength(12)]} fullWidth autoComplete="new-password" />
          <PasswordInput source="confirmPassword" label="kesos.account.confirm" validate={[required(), sameAsNew]} fullWidth autoComplete="new-password" />
          <SubmitButton label="kesos.account.save" />
        </Form>
      </CardContent>
    </Card>
  );
};
