// User management for the admin (GET/POST /api/admin/users, PATCH /api/admin/users/:id). A
// supervisor's, auditor's or admin's account waits for a second admin (202): the request shows
// above the list (PrivilegedRequests), where another admin confirms it.
import { useState } from 'react';
import { Button, Chip, CircularProgress } from '@mui/material';
import PeopleIcon from '@mui/icons-material/People';
import BlockIcon from '@mui/icons-material/Block';
import EnableIcon from '@mui/icons-material/CheckCircleOutline';
import UploadIcon from '@mui/icons-material/UploadFile';
import {
  BooleanInput,
  Button as RaButton,
  CreateButton,
  FilterButton,
  TopToolbar,
  Create,
  DataTable,
  List,
  PasswordInput,
  regex,
  required,
  minLength,
  SelectInput,
  SimpleForm,
  SimpleList,
  TextInput,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { useMediaQuery, type Theme } from '@mui/material';
import { getUser } from '../session';
import { needsSecondAdmin } from '../../../domain/access';
import { ROLES } from '../../../domain/roles';
import { ActionDialog } from '../common/ActionDialog';
import type { UserWrite } from '../dataProvider';
import type { UserRecord } from '../types';
import { PrivilegedRequests } from './PrivilegedRequests';
import { choices } from '../vocabulary';
import { RegionField } from '../fields/NameFields';
import { DayField } from '../fields/DateFields';
import { VocabularyField } from '../fields/VocabularyField';
import { useNotifyError } from '../common/useNotifyError';

const Column = DataTable.Col<UserRecord>;

/** The list's toolbar: filters, one account, or many from a spreadsheet (ImportUsers). */
const UserListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <RaButton label="kesos.user_import.menu" onClick={() => (window.location.hash = '#/users/import')} data-testid="open-user-import">
      <UploadIcon />
    </RaButton>
  </TopToolbar>
);

/**
 * Disable / enable an account (PATCH {disabled}); the admin cannot disable themself. Disabling is
 * immediate; enabling a privileged account again takes a reason and waits for a second admin.
 */
const ToggleDisabled = () => {
  const record = useRecordContext<UserRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate<UserWrite>();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  if (!record || record.id === getUser()?.id) return null;
  const save = (data: Partial<UserRecord> & { reason?: string }) =>
    new Promise<void>((resolve, reject) => {
      setBusy(true);
      void update(
        'users',
        { id: record.id, data, previousData: record },
        {
          mutationMode: 'pessimistic',
          onSuccess: (saved) => {
            notify(saved.pendingRequest ? 'kesos.users.pending_request' : record.disabled ? 'kesos.users.enabled' : 'kesos.users.disabled_done', {
              type: saved.pendingRequest ? 'info' : 'success',
            });
            refresh();
            resolve();
          },
          onError: (error) => reject(error),
          onSettled: () => setBusy(false),
        },
      );
    });
  const toggle = (e: React.MouseEvent) => {
    e.stopPropagation();
    if (record.disabled && needsSecondAdmin(record.role)) return setAsking(true);
    save({ disabled: !record.disabled }).catch(notifyError);
  };
  return (
    <>
      <ActionDialog
        open={asking}
        title={translate('kesos.users.enable_title', { username: record.username })}
        description={translate('kesos.users.enable_explain')}
        fields={[
          { name: 'reason', label: 'resources.users.fields.reason', required: true, minLength: 5, multiline: true, helperText: 'kesos.users.reason_help' },
        ]}
        submitLabel="kesos.users.enable"
        onClose={() => setAsking(false)}
        onSubmit={(values) => save({ disabled: false, reason: values.reason })}
        testId={`enable-${record.username}`}
      />
      <Button
        size="small"
        color={record.disabled ? 'success' : 'error'}
        onClick={toggle}
        disabled={busy || isPending}
        startIcon={busy ? <CircularProgress size={14} /> : record.disabled ? <EnableIcon /> : <BlockIcon />}
        data-testid={`toggle-${record.username}`}
      >
        {translate(record.disabled ? 'kesos.users.enable' : 'kesos.users.disable')}
      </Button>
    </>
  );
};

const StatusChip = () => {
  const record = useRecordContext<UserRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.disabled ? 'default' : 'success'}
      variant="outlined"
      label={translate(record.disabled ? 'kesos.users.status_disabled' : 'kesos.users.status_active')}
    />
  );
};

const userFilters = [
  <SelectInput key="role" source="role" choices={choices(ROLES, 'kesos.role')} alwaysOn sx={{ minWidth: 200 }} />,
  <BooleanInput key="disabled" source="disabled" />,
];

export const UserList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  return (
    <>
      <PrivilegedRequests />
      <List<UserRecord> sort={{ field: 'username', order: 'ASC' }} filters={userFilters} exporter={false} actions={<UserListActions />}>
        {isSmall ? (
          <SimpleList<UserRecord>
            linkType={false}
            primaryText={(u) => u.displayName}
            secondaryText={(u) => `${u.username} · ${translate(`kesos.role.${u.role}`, { _: u.role })}`}
            tertiaryText={(u) => u.regionCode ?? ''}
          />
        ) : (
          <DataTable<UserRecord> bulkActionButtons={false} rowClick={false}>
            <Column source="username" />
            <Column source="displayName" disableSort />
            <Column source="role">
              <VocabularyField source="role" prefix="kesos.role" />
            </Column>
            <Column source="regionCode" disableSort>
              <RegionField source="regionCode" />
            </Column>
            <Column source="disabled" disableSort>
              <StatusChip />
            </Column>
            <Column source="createdAt">
              <DayField source="createdAt" />
            </Column>
            <Column source="actions" label="kesos.tasks.actions" disableSort>
              <ToggleDisabled />
            </Column>
          </DataTable>
        )}
      </List>
    </>
  );
};

/** A supervisor's, auditor's or admin's account needs the reason the second admin reads. */
const reasonWhenPrivileged = (value: unknown, values: { role?: UserRecord['role'] }) =>
  values.role && needsSecondAdmin(values.role) && !(typeof value === 'string' && value.trim().length >= 5) ? 'kesos.users.reason_help' : undefined;

/** A privileged account is a request (202): say so, and show it in the list's waiting panel. */
export const UserCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (saved: UserWrite) => {
    notify(saved.pendingRequest ? 'kesos.users.pending_request' : 'ra.notification.created', {
      type: saved.pendingRequest ? 'info' : 'success',
      messageArgs: { smart_count: 1 },
    });
    redirect('list', 'users');
  };
  return (
    <Create mutationOptions={{ onSuccess }}>
      <SimpleForm sx={{ maxWidth: 600 }}>
        <TextInput
          source="username"
          validate={[required(), regex(/^[a-z0-9._-]{3,64}$/, 'kesos.users.username_help')]}
          helperText="kesos.users.username_help"
          fullWidth
        />
        <TextInput source="displayName" validate={[required(), minLength(3)]} fullWidth />
        <SelectInput source="role" choices={choices(ROLES, 'kesos.role')} validate={required()} fullWidth />
        <TextInput source="regionCode" helperText="kesos.users.region_help" parse={(v: string) => (v ? v : null)} fullWidth />
        <PasswordInput source="password" validate={[required(), minLength(10)]} helperText="kesos.users.password_help" fullWidth />
        <TextInput source="reason" multiline minRows={2} validate={reasonWhenPrivileged} helperText="kesos.users.reason_help" fullWidth />
      </SimpleForm>
    </Create>
  );
};

export default {
  icon: PeopleIcon,
  list: UserList,
  create: UserCreate,
  recordRepresentation: 'username',
};
