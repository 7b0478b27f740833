// Reassignment picks a person: the TKSK comes from GET /api/users (the supervisor's region, active
// accounts only) through an autocomplete, never a typed id. One case (POST
// /api/cases/:id/actions/reassign) or every open case of a TKSK who leaves (POST
// /api/cases/bulk-reassign, a durable workflow; four-eyes when the policy asks).
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, useMediaQuery, type Theme } from '@mui/material';
import BulkIcon from '@mui/icons-material/GroupRemove';
import { AutocompleteInput, Form, ReferenceInput, required, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { SubmitButton } from '../common/SubmitButton';
import { personText } from '../common/people';
import { ReasonInput } from '../common/ReasonInput';
import { useDialogSubmit } from '../common/useDialogSubmit';
import type { KesosDataProvider } from '../dataProvider';

/** The reference resource of GET /api/users (the admin's `users` is /api/admin/users). */
const PEOPLE = 'assignable-users';

/** A TKSK of `regionCode` (a kecamatan for one case, the supervisor's whole region for bulk). */
const TkskInput = ({ source, label, helperText, regionCode }: { source: string; label: string; helperText: string; regionCode?: string }) => (
  <ReferenceInput
    source={source}
    reference={PEOPLE}
    filter={{ role: 'tksk', ...(regionCode ? { regionCode } : {}) }}
    sort={{ field: 'displayName', order: 'ASC' }}
  >
    <AutocompleteInput
      optionText={personText}
      label={label}
      helperText={helperText}
      validate={required()}
      noOptionsText="kesos.interventions.no_tksk"
      fullWidth
    />
  </ReferenceInput>
);

interface DialogProps {
  testId: string;
  title: string;
  description: string;
  submitLabel: string;
  onClose: () => void;
  /** Throws an HttpError: field errors land on their inputs, anything else is notified. */
  onSubmit: (values: Record<string, string>) => Promise<void>;
  children: React.ReactNode;
}

const ReassignDialog = ({ testId, title, description, submitLabel, onClose, onSubmit, children }: DialogProps) => {
  const translate = useTranslate();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const submit = useDialogSubmit((values) => onSubmit(values as Record<string, string>), onClose);
  return (
    <Dialog open onClose={onClose} fullScreen={fullScreen} fullWidth maxWidth="sm" data-testid={testId} aria-labelledby={`${testId}-title`}>
      {/* An empty record: the form is not an edit of the case shown behind the dialog. */}
      <Form record={{}} onSubmit={submit} noValidate>
        <DialogTitle id={`${testId}-title`}>{translate(title)}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText>
          <Stack spacing={1}>
            {children}
            <ReasonInput />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SubmitButton label={submitLabel} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** One case to another TKSK of its kecamatan. */
export const ReassignCaseDialog = ({ kecamatanCode, onClose, onSubmit }: { kecamatanCode: string; onClose: () => void; onSubmit: DialogProps['onSubmit'] }) => {
  const translate = useTranslate();
  return (
    <ReassignDialog
      testId="dialog-reassign"
      title="kesos.interventions.title.reassign"
      description={translate('kesos.interventions.explain.reassign')}
      submitLabel="kesos.interventions.action.reassign"
      onClose={onClose}
      onSubmit={({ toUserId, reason }) => onSubmit({ toUserId, reason })}
    >
      <TkskInput source="toUserId" label="kesos.interventions.to_user" helperText="kesos.interventions.to_user_help" regionCode={kecamatanCode} />
    </ReassignDialog>
  );
};

/** Every open case of a TKSK who leaves, to another TKSK (on the case list, for supervisors). */
export const BulkReassignButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [open, setOpen] = useState(false);
  const submit = async (values: Record<string, string>) => {
    const { data } = await dataProvider.bulkReassign({ fromUserId: values.fromUserId, toUserId: values.toUserId, reason: values.reason });
    if (data.state === 'awaiting_confirmation') notify('kesos.interventions.pending', { type: 'info' });
    else notify('kesos.interventions.bulk.started', { type: 'success', messageArgs: { total: data.total } });
    refresh();
  };
  return (
    <>
      <Button size="small" startIcon={<BulkIcon />} onClick={() => setOpen(true)} data-testid="bulk-reassign">
        {translate('kesos.interventions.bulk.action')}
      </Button>
      {open && (
        <ReassignDialog
          testId="dialog-bulk-reassign"
          title="kesos.interventions.bulk.title"
          description={translate('kesos.interventions.bulk.explain')}
          submitLabel="kesos.interventions.bulk.action"
          onClose={() => setOpen(false)}
          onSubmit={submit}
        >
          <TkskInput source="fromUserId" label="kesos.interventions.bulk.from_user" helperText="kesos.interventions.bulk.from_user_help" />
          <TkskInput source="toUserId" label="kesos.interventions.to_user" helperText="kesos.interventions.bulk.to_user_help" />
        </ReassignDialog>
      )}
    </>
  );
};
