// The TKSK roster (GET /api/tksk-assignments): each TKSK's latest assignment in the caller's
// region, by name, with its kecamatan by name, SK, period and the roster's word (active, ending
// soon, ended, scheduled); below it the kecamatan with no active TKSK (GET …/vacancies).
import { Box, Chip, Paper, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  DataTable,
  List,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TopToolbar,
  useGetList,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { ROSTER_STATUSES } from '../../../domain/tkskAssignment';
import { DayField } from '../fields/DateFields';
import { RegionName } from '../fields/NameFields';
import type { TkskAssignmentRecord, TkskVacancyRecord } from '../types';
import { choices } from '../vocabulary';
import { formatDay } from './format';
import { managesAssignments } from './roles';

const Column = DataTable.Col<TkskAssignmentRecord>;

const COLOR: Record<string, 'success' | 'warning' | 'default' | 'info'> = { active: 'success', ending_soon: 'warning', ended: 'default', scheduled: 'info' };

export const RosterStatusChip = ({ status }: { status: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={COLOR[status] ?? 'default'}
      variant={status === 'ended' ? 'outlined' : 'filled'}
      label={translate(`kesos.tksk_assignment.roster_status.${status}`, { _: status })}
      data-testid={`roster-status-${status}`}
    />
  );
};

const rosterFilters = [
  <ReferenceInput
    key="kabupatenCode"
    source="kabupatenCode"
    reference="regions"
    filter={{ level: 'kabupaten' }}
    perPage={100}
    sort={{ field: 'name', order: 'ASC' }}
  >
    <SelectInput optionText="name" label="kesos.tksk_assignment.kabupaten" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectInput
    key="rosterStatus"
    source="rosterStatus"
    label="kesos.tksk_assignment.roster_status_label"
    choices={choices(ROSTER_STATUSES, 'kesos.tksk_assignment.roster_status')}
    alwaysOn
    sx={{ minWidth: 180 }}
  />,
];

const RosterActions = () => {
  const { permissions: role } = usePermissions<string | null>();
  return (
    <TopToolbar>
      {managesAssignments(role) && <CreateButton label="kesos.tksk_assignment.create" variant="contained" data-testid="assignment-create" />}
    </TopToolbar>
  );
};

/** The kecamatan of the roster's kabupaten (or the caller's region) with no active assignment. */
const Vacancies = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const kabupatenCode = (filterValues as { kabupatenCode?: string }).kabupatenCode;
  const { data, isPending } = useGetList<TkskVacancyRecord>('tksk-vacancies', {
    filter: kabupatenCode ? { kabupatenCode } : {},
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 2 }} data-testid="vacancies">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('kesos.tksk_assignment.vacancies')}
      </Typography>
      {isPending ? null : data?.length ? (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {data.map((v) => (
            <Chip key={v.id} variant="outlined" label={<RegionName code={v.code} />} data-testid={`vacancy-${v.code}`} />
          ))}
        </Box>
      ) : (
        <Typography variant="body2">{translate('kesos.tksk_assignment.no_vacancies')}</Typography>
      )}
    </Paper>
  );
};

const Roster = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  return (
    <>
      {isSmall ? (
        <SimpleList<TkskAssignmentRecord>
          linkType="show"
          primaryText={(a) => a.displayName}
          secondaryText={(a) => `${a.kecamatanName} · ${formatDay(a.startDate)} – ${formatDay(a.endDate)}`}
          tertiaryText={(a) => <RosterStatusChip status={a.rosterStatus} />}
        />
      ) : (
        <DataTable<TkskAssignmentRecord>
          rowClick="show"
          bulkActionButtons={false}
          empty={<Box sx={{ p: 2 }}>{translate('kesos.tksk_assignment.empty')}</Box>}
          data-testid="roster"
        >
          <Column source="displayName" label="kesos.tksk_assignment.tksk" disableSort />
          <Column source="kecamatanCode" label="kesos.tksk_assignment.kecamatan" render={(a) => a.kecamatanName} />
          <Column source="skNumber" label="kesos.tksk_assignment.sk_number" disableSort />
          <Column source="startDate" label="kesos.tksk_assignment.start_date">
            <DayField source="startDate" />
          </Column>
          <Column source="endDate" label="kesos.tksk_assignment.end_date">
            <DayField source="endDate" />
          </Column>
          <Column
            source="rosterStatus"
            label="kesos.tksk_assignment.roster_status_label"
            disableSort
            render={(a) => <RosterStatusChip status={a.rosterStatus} />}
          />
          <Column
            source="status"
            label="kesos.tksk_assignment.status_label"
            disableSort
            render={(a) => translate(`kesos.tksk_assignment.status.${a.status}`, { _: a.status })}
          />
        </DataTable>
      )}
      <Vacancies />
    </>
  );
};

export const AssignmentList = () => (
  <List<TkskAssignmentRecord>
    title="kesos.tksk_assignment.roster"
    sort={{ field: 'endDate', order: 'ASC' }}
    filters={rosterFilters}
    actions={<RosterActions />}
    exporter={false}
    empty={false}
    perPage={50}
  >
    <Roster />
  </List>
);
