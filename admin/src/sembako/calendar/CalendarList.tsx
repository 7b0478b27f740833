// The distribution calendar of the caller's region (GET /api/sembako/calendar): per kabupaten (by
// name) and period, the planned start, the day its Schedule opens the kecamatan's periods, and what
// the opening did. A kabupaten supervisor adds entries and deletes one not opened yet.
import { Box, Typography, useMediaQuery, type Theme } from '@mui/material';
import { CreateButton, DataTable, DeleteButton, List, SimpleList, TopToolbar, useLocale, usePermissions, useTranslate } from 'react-admin';
import { RegionField, RegionName } from '../../fields/NameFields';
import type { SembakoCalendarRecord } from '../../types';
import { periodLabel } from '../format';

const Column = DataTable.Col<SembakoCalendarRecord>;

export const managesCalendar = (role: string | null | undefined) => role === 'supervisor_kabupaten';

const CalendarActions = () => {
  const { permissions: role } = usePermissions<string | null>();
  return (
    <TopToolbar>{managesCalendar(role) && <CreateButton label="kesos.sembako.calendar.create" variant="contained" data-testid="calendar-create" />}</TopToolbar>
  );
};

const OpenedCell = ({ entry }: { entry: SembakoCalendarRecord }) => {
  const translate = useTranslate();
  if (!entry.openedAt || !entry.openResult) return <>{translate('kesos.sembako.calendar.not_opened')}</>;
  return (
    <>
      {translate('kesos.sembako.calendar.opened_result', {
        opened: entry.openResult.opened.length,
        existing: entry.openResult.existing.length,
        skipped: entry.openResult.skipped.length,
      })}
    </>
  );
};

export const CalendarList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const locale = useLocale();
  const { permissions: role } = usePermissions<string | null>();
  return (
    <List<SembakoCalendarRecord>
      title="kesos.sembako.calendar.title"
      sort={{ field: 'plannedStart', order: 'DESC' }}
      actions={<CalendarActions />}
      exporter={false}
      empty={false}
    >
      <Typography variant="body2" sx={{ px: 2, pt: 1 }} data-testid="calendar-explain">
        {translate('kesos.sembako.calendar.explain')}
      </Typography>
      {isSmall ? (
        <SimpleList<SembakoCalendarRecord>
          linkType={false}
          primaryText={(e) => periodLabel(e.period, locale)}
          secondaryText={(e) => <RegionName code={e.kabupatenCode} />}
          tertiaryText={(e) => e.plannedStart}
        />
      ) : (
        <DataTable<SembakoCalendarRecord>
          rowClick={false}
          bulkActionButtons={false}
          empty={<Box sx={{ p: 2 }}>{translate('kesos.sembako.calendar.empty')}</Box>}
        >
          <Column source="kabupatenCode" disableSort>
            <RegionField source="kabupatenCode" />
          </Column>
          <Column source="period" render={(e) => periodLabel(e.period, locale)} />
          <Column source="plannedStart" />
          <Column source="channel" disableSort render={(e) => (e.channel ? translate(`kesos.sembako.channel.${e.channel}`, { _: e.channel }) : '—')} />
          <Column source="leadWorkingDays" disableSort align="right" />
          <Column source="opensOn" disableSort />
          <Column source="openedAt" disableSort render={(e) => <OpenedCell entry={e} />} />
          {managesCalendar(role) && (
            <Column
              source="id"
              label=" "
              disableSort
              render={(e) => (e.openedAt ? null : <DeleteButton record={e} mutationMode="pessimistic" redirect={false} />)}
            />
          )}
        </DataTable>
      )}
    </List>
  );
};
