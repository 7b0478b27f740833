// Recording an SK (POST /api/tksk-assignments): the TKSK (by name; the kecamatan is their own
// and is shown by name), the SK's number and date, and the period. Everything starts empty.
// For a TKSK whose assignment was renewed, the new SK continues the same workflow.
import { useRef } from 'react';
import { Alert, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { Create, DateInput, required, SelectInput, SimpleForm, TextInput, useGetList, usePermissions, useTranslate } from 'react-admin';
import { RegionName } from '../fields/NameFields';
import { getUser } from '../session';
import type { UserRecord } from '../types';

const after = (field: string) => (value: unknown, values: Record<string, unknown>) =>
  value && values[field] && String(value) < String(values[field]) ? 'kesos.tksk_assignment.end_before_start' : undefined;

const Kecamatan = ({ users }: { users: UserRecord[] }) => {
  const translate = useTranslate();
  const userId = useWatch({ name: 'userId' }) as string | undefined;
  const user = users.find((u) => u.id === userId);
  if (!user) return null;
  return (
    <Typography data-testid="assignment-kecamatan">
      {translate('kesos.tksk_assignment.kecamatan')}: <RegionName code={user.regionCode} />
    </Typography>
  );
};

export const AssignmentCreate = () => {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string | null>();
  const me = getUser();
  // A supervisor picks among the TKSK of their kabupaten; the admin among every TKSK account.
  const { data: users = [] } = useGetList<UserRecord>(role === 'admin' ? 'users' : 'assignable-users', {
    filter: { role: 'tksk', ...(role !== 'admin' && me?.regionCode ? { regionCode: me.regionCode } : {}) },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'displayName', order: 'ASC' },
  });
  const known = useRef(users);
  known.current = users;
  const toBody = (data: Record<string, unknown>) => ({
    userId: data.userId,
    skNumber: data.skNumber,
    skDate: data.skDate,
    kecamatanCode: known.current.find((u) => u.id === data.userId)?.regionCode ?? undefined,
    startDate: data.startDate,
    endDate: data.endDate,
  });
  return (
    <Create title="kesos.tksk_assignment.create_title" transform={toBody} redirect="show">
      <SimpleForm sx={{ maxWidth: 560 }}>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('kesos.tksk_assignment.create_explain')}
        </Alert>
        <SelectInput
          source="userId"
          label="kesos.tksk_assignment.choose_tksk"
          choices={users.filter((u) => u.regionCode && u.regionCode.split('.').length === 3).map((u) => ({ id: u.id, name: u.displayName }))}
          translateChoice={false}
          validate={required()}
          fullWidth
        />
        <Kecamatan users={users} />
        <TextInput source="skNumber" label="kesos.tksk_assignment.sk_number" validate={required()} fullWidth />
        <DateInput source="skDate" label="kesos.tksk_assignment.sk_date" validate={required()} />
        <DateInput source="startDate" label="kesos.tksk_assignment.start_date" validate={required()} />
        <DateInput source="endDate" label="kesos.tksk_assignment.end_date" validate={[required(), after('startDate')]} />
      </SimpleForm>
    </Create>
  );
};
