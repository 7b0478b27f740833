// Koordinasi meetings the caller may see (GET /api/meetings): a table on a desk, a simple list on
// a phone; filtered by level and status. Each opens its show page with the action items.
import { useMediaQuery, type Theme } from '@mui/material';
import { CreateButton, DataTable, List, SelectInput, SimpleList, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { ACTIONS } from '../../../domain/access';
import { MEETING_LEVELS, MEETING_STATUSES } from '../../../domain/koordinasi';
import type { Role } from '../../../domain/roles';
import { RegionField } from '../fields/NameFields';
import { VocabularyField } from '../fields/VocabularyField';
import type { MeetingRecord } from '../types';
import { choices } from '../vocabulary';

const Column = DataTable.Col<MeetingRecord>;

const filters = [
  <SelectInput key="level" source="level" choices={choices(MEETING_LEVELS, 'kesos.meeting_level')} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="status" source="status" choices={choices(MEETING_STATUSES, 'kesos.meeting_status')} alwaysOn sx={{ minWidth: 160 }} />,
];

const Actions = () => {
  const { permissions: role } = usePermissions<Role | null>();
  return <TopToolbar>{role && (ACTIONS['meeting.create'] as readonly string[]).includes(role) && <CreateButton label="kesos.meetings.create" />}</TopToolbar>;
};

export const MeetingList = () => {
  const translate = useTranslate();
  const phone = useMediaQuery<Theme>((t) => t.breakpoints.down('sm'));
  return (
    <List
      resource="meetings"
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'heldOn', order: 'DESC' }}
      title="kesos.menu.meetings"
      data-testid="meeting-list"
    >
      {phone ? (
        <SimpleList<MeetingRecord>
          primaryText={(r) => r.title}
          secondaryText={(r) => `${r.heldOn} · ${translate(`kesos.meeting_level.${r.level}`)}`}
          tertiaryText={(r) => translate('kesos.meetings.items_done', { done: r.actionItemsDone, total: r.actionItemsTotal })}
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <Column source="heldOn" />
          <Column source="title" />
          <Column source="level" field={() => <VocabularyField source="level" prefix="kesos.meeting_level" />} />
          <Column source="regionCode" field={() => <RegionField source="regionCode" />} />
          <Column source="status" field={() => <VocabularyField source="status" prefix="kesos.meeting_status" />} />
          <Column
            source="actionItemsDone"
            disableSort
            render={(r) => translate('kesos.meetings.items_done', { done: r.actionItemsDone, total: r.actionItemsTotal })}
          />
        </DataTable>
      )}
    </List>
  );
};
