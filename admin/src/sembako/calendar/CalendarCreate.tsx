// A new entry of the kabupaten's distribution calendar (POST /api/sembako/calendar): the period, its
// planned first day of distribution, how many working days before it the periods open, and the
// channel when one applies to the whole kabupaten. The kabupaten is the supervisor's own. Nothing
// starts filled in.
import { Typography } from '@mui/material';
import { Create, NumberInput, required, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { RegionName } from '../../fields/NameFields';
import { getUser } from '../../session';
import { choices } from '../../vocabulary';
import { SEMBAKO_CHANNELS } from '../../../../domain/sembako';

const month = (value: unknown) => (value && !/^20\d{2}-(0[1-9]|1[0-2])$/.test(String(value)) ? 'kesos.sembako.periods.invalid_period' : undefined);
const day = (value: unknown) => (value && !/^20\d{2}-\d{2}-\d{2}$/.test(String(value)) ? 'kesos.sembako.calendar.invalid_date' : undefined);

const toBody = (data: Record<string, unknown>) => ({
  period: data.period,
  plannedStart: data.plannedStart,
  leadWorkingDays: data.leadWorkingDays,
  ...(data.channel ? { channel: data.channel } : {}),
  ...(typeof data.note === 'string' && data.note.trim() ? { note: data.note.trim() } : {}),
});

export const CalendarCreate = () => {
  const translate = useTranslate();
  const user = getUser();
  return (
    <Create title="kesos.sembako.calendar.create" transform={toBody} redirect="list">
      <SimpleForm>
        <Typography data-testid="calendar-kabupaten">
          {translate('resources.sembako-calendar.fields.kabupatenCode')}: <RegionName code={user?.regionCode} />
        </Typography>
        <TextInput source="period" type="month" label="kesos.sembako.periods.period" validate={[required(), month]} InputLabelProps={{ shrink: true }} />
        <TextInput source="plannedStart" type="date" validate={[required(), day]} InputLabelProps={{ shrink: true }} />
        <NumberInput source="leadWorkingDays" min={0} max={30} step={1} validate={required()} />
        <SelectInput source="channel" choices={choices(SEMBAKO_CHANNELS, 'kesos.sembako.channel')} sx={{ minWidth: 200 }} />
        <TextInput source="note" multiline />
      </SimpleForm>
    </Create>
  );
};
