// Record a koordinasi meeting (POST /api/meetings, which starts its workflow): level, title, the
// day, place and chair, the colleagues and outside people who came, the agenda, the decisions and
// the action items (each a task for its owner, due in working days). Phone-first: one column,
// every list grows by a button. Starts empty: the examples are in the helper texts only. A
// TKSK's meeting is their kecamatan's; a supervisor picks the kecamatan or kabupaten.
import { Alert, Typography } from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  Create,
  DateInput,
  maxLength,
  minLength,
  minValue,
  maxValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useNotify,
  usePermissions,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { MEETING_LEVELS } from '../../../domain/koordinasi';
import type { Role } from '../../../domain/roles';
import { RegionName } from '../fields/NameFields';
import { getUser } from '../session';
import type { PersonRecord, RegionRecord } from '../types';
import { choices } from '../vocabulary';

type Form = {
  level?: string;
  title?: string;
  heldOn?: string;
  place?: string;
  chair?: string;
  regionCode?: string;
  attendeeIds?: string[];
  outsideAttendees?: { name?: string; role?: string; organisation?: string }[];
  psksReferences?: { text?: string }[];
  agenda?: { text?: string }[];
  decisions?: { text?: string }[];
  actionItems?: { description?: string; ownerId?: string; dueWorkingDays?: number | null }[];
};

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const lines = (xs: { text?: string }[] | undefined) => (xs ?? []).map((x) => text(x.text)).filter((x): x is string => !!x);

/** What the API takes: no empty strings, lists of plain lines. */
export function meetingBody(d: Form, regionFixed: boolean, own?: string): Record<string, unknown> {
  return {
    level: d.level,
    title: text(d.title),
    heldOn: d.heldOn,
    place: text(d.place),
    chair: text(d.chair),
    // A supervisor who picks no kecamatan records a meeting of their own region (a rakor kabupaten).
    regionCode: regionFixed ? undefined : (text(d.regionCode) ?? own),
    attendeeIds: d.attendeeIds ?? [],
    outsideAttendees: (d.outsideAttendees ?? []).map((a) => ({ name: text(a.name), role: text(a.role), organisation: text(a.organisation) })),
    psksReferences: lines(d.psksReferences),
    agenda: lines(d.agenda),
    decisions: lines(d.decisions),
    actionItems: (d.actionItems ?? []).map((a) => ({
      description: text(a.description),
      ownerId: a.ownerId,
      dueWorkingDays: typeof a.dueWorkingDays === 'number' ? a.dueWorkingDays : undefined,
    })),
    links: [],
  };
}

const personText = (p: PersonRecord) => p.displayName;

export const MeetingCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { permissions: role } = usePermissions<Role | null>();
  const isTksk = role === 'tksk';
  const own = getUser()?.regionCode ?? undefined;
  const heading = (key: string) => (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 1 }}>
      {translate(key)}
    </Typography>
  );

  return (
    <Create
      resource="meetings"
      title="kesos.meetings.create"
      transform={(d: Form) => meetingBody(d, isTksk, own)}
      mutationOptions={{ onSuccess: (data: { id: string }) => (notify('kesos.meetings.created', { type: 'success' }), redirect('show', 'meetings', data.id)) }}
    >
      <SimpleForm sx={{ maxWidth: 720 }} data-testid="meeting-form">
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('kesos.meetings.explain')}
        </Alert>
        <SelectInput source="level" choices={choices(MEETING_LEVELS, 'kesos.meeting_level')} validate={required()} emptyText="—" fullWidth />
        {isTksk ? (
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="meeting-region">
            {translate('resources.meetings.fields.regionCode')}: <RegionName code={own} />
          </Typography>
        ) : (
          <ReferenceInput
            source="regionCode"
            reference="regions"
            filter={{ parentCode: own, current: true }}
            sort={{ field: 'name', order: 'ASC' }}
            perPage={200}
          >
            <SelectInput optionText={(r: RegionRecord) => `${r.name} (${r.id})`} helperText="kesos.meetings.region_help" emptyText="—" fullWidth />
          </ReferenceInput>
        )}
        <TextInput source="title" validate={[required(), minLength(3), maxLength(200)]} helperText="kesos.meetings.title_help" fullWidth />
        <DateInput source="heldOn" validate={required()} />
        <TextInput source="place" validate={maxLength(200)} helperText={false} fullWidth />
        <TextInput source="chair" validate={[required(), minLength(2), maxLength(200)]} helperText="kesos.meetings.chair_help" fullWidth />
        {heading('kesos.meetings.attendees')}
        <ReferenceInput source="attendeeIds" reference="people" sort={{ field: 'displayName', order: 'ASC' }} perPage={100}>
          <AutocompleteInput optionText={personText} multiple label="resources.meetings.fields.attendeeIds" helperText={false} fullWidth />
        </ReferenceInput>
        <ArrayInput source="outsideAttendees" label="kesos.meetings.outside_attendees" helperText="kesos.meetings.outside_help">
          <SimpleFormIterator inline={false} disableReordering fullWidth>
            <TextInput source="name" label="kesos.meetings.attendee_name" validate={[required(), minLength(2)]} helperText={false} fullWidth />
            <TextInput source="role" label="kesos.meetings.attendee_role" validate={[required(), minLength(2)]} helperText={false} fullWidth />
            <TextInput source="organisation" label="kesos.meetings.attendee_organisation" validate={[required(), minLength(2)]} helperText={false} fullWidth />
          </SimpleFormIterator>
        </ArrayInput>
        {heading('resources.meetings.fields.agenda')}
        <ArrayInput source="agenda" label={false} validate={required()}>
          <SimpleFormIterator disableReordering fullWidth>
            <TextInput source="text" label="kesos.meetings.agenda_item" validate={[required(), minLength(3), maxLength(1000)]} helperText={false} fullWidth />
          </SimpleFormIterator>
        </ArrayInput>
        {heading('resources.meetings.fields.decisions')}
        <ArrayInput source="decisions" label={false}>
          <SimpleFormIterator disableReordering fullWidth>
            <TextInput source="text" label="kesos.meetings.decision" validate={[required(), minLength(3), maxLength(1000)]} helperText={false} fullWidth />
          </SimpleFormIterator>
        </ArrayInput>
        {heading('resources.meetings.fields.actionItems')}
        <ArrayInput source="actionItems" label={false} helperText="kesos.meetings.action_items_help">
          <SimpleFormIterator inline={false} disableReordering fullWidth>
            <TextInput
              source="description"
              label="kesos.meetings.action_description"
              validate={[required(), minLength(5), maxLength(1000)]}
              multiline
              helperText={false}
              fullWidth
            />
            <ReferenceInput source="ownerId" reference="people" sort={{ field: 'displayName', order: 'ASC' }} perPage={100}>
              <AutocompleteInput
                optionText={personText}
                label="kesos.meetings.action_owner"
                validate={required()}
                helperText="kesos.meetings.owner_help"
                fullWidth
              />
            </ReferenceInput>
            <NumberInput
              source="dueWorkingDays"
              label="kesos.meetings.due_working_days"
              validate={[minValue(1), maxValue(60)]}
              helperText="kesos.meetings.due_help"
            />
          </SimpleFormIterator>
        </ArrayInput>
        {heading('resources.meetings.fields.psksReferences')}
        <ArrayInput source="psksReferences" label={false} helperText="kesos.meetings.psks_help">
          <SimpleFormIterator disableReordering fullWidth>
            <TextInput source="text" label="kesos.meetings.psks_reference" validate={[required(), maxLength(200)]} helperText={false} fullWidth />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
};
