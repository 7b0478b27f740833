// Open a stipend claim for a month (POST /api/tali-asih/claims, which starts its workflow): a
// TKSK for themself, a supervisor for a TKSK of their region. The rules the API applies are
// checked first with the same domain function (no month that has not begun; a TKSK only this or
// last month), so the common mistakes read in Indonesian before anything is sent; an existing
// claim (409) is opened instead of being an error.
import { Alert, Box } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  useNotify,
  usePermissions,
  useRedirect,
  useTranslate,
  type HttpError,
  type Validator,
} from 'react-admin';
import { claimPeriodProblem, claimIdOf, currentPeriod, previousPeriod } from '../../../domain/taliAsih';
import type { Role } from '../../../domain/roles';
import { useNotifyError } from '../common/useNotifyError';
import { personText } from '../common/people';
import { getUser } from '../session';

const periodRule =
  (role: Role | null): Validator =>
  (value: unknown) => {
    if (!value) return undefined;
    const period = String(value);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'kesos.claims.invalid_period';
    if (!role) return undefined;
    if (!claimPeriodProblem(role, period)) return undefined;
    if (period > currentPeriod()) return { message: 'kesos.stipend.create.future', args: { period } };
    return period < previousPeriod(currentPeriod()) ? 'kesos.stipend.create.too_old' : undefined;
  };

export const ClaimCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const redirect = useRedirect();
  const { permissions: role } = usePermissions<Role | null>();
  const isTksk = role === 'tksk';

  const onError = (error: unknown, variables: { data?: { period?: string; tkskId?: string } } | undefined) => {
    const err = error as HttpError;
    const period = variables?.data?.period ?? '';
    if (err?.status === 409) {
      // One claim per TKSK and period: take the user to the one that exists.
      const tkskId = variables?.data?.tkskId ?? (isTksk ? getUser()?.id : undefined);
      notify('kesos.stipend.create.exists', { type: 'info', messageArgs: { period } });
      if (tkskId) redirect('show', 'claims', claimIdOf(tkskId, period));
      return;
    }
    if (err?.status === 422 && /no tali asih rate/.test(String(err.message))) {
      notify('kesos.stipend.create.no_rate', { type: 'error', messageArgs: { period } });
      return;
    }
    notifyError(error);
  };

  return (
    <Create
      title="kesos.stipend.create.title"
      redirect="show"
      mutationOptions={{
        onError,
        onSuccess: (data: { id: string }) => (notify('kesos.stipend.create.created', { type: 'success' }), redirect('show', 'claims', data.id)),
      }}
    >
      <SimpleForm sx={{ maxWidth: 640 }}>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('kesos.stipend.create.explain')}
        </Alert>
        <TextInput
          source="period"
          type="month"
          label="kesos.stipend.create.period"
          validate={[required(), periodRule(role ?? null)]}
          helperText="kesos.stipend.create.period_help"
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'claim-period' }}
        />
        {!isTksk && (
          <Box sx={{ width: '100%', maxWidth: 480 }}>
            <ReferenceInput source="tkskId" reference="assignable-users" filter={{ role: 'tksk' }} sort={{ field: 'displayName', order: 'ASC' }}>
              <AutocompleteInput
                optionText={personText}
                label="kesos.stipend.create.tksk"
                helperText="kesos.stipend.create.tksk_help"
                validate={required()}
                noOptionsText="kesos.stipend.create.no_tksk"
                fullWidth
              />
            </ReferenceInput>
          </Box>
        )}
      </SimpleForm>
    </Create>
  );
};
