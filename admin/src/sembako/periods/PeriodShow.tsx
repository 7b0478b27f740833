// One distribution period: its points (kind and desa by name), the checklist its monitoring
// uses, the step it is at, and its tasks (each links to the task's page, where it is done).
import { Box, Link as MuiLink, List as MuiList, ListItem, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DataTable, Labeled, ReferenceManyField, Show, SimpleShowLayout, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { RegionName, RegionField } from '../../fields/NameFields';
import { VocabularyField } from '../../fields/VocabularyField';
import { DateTimeField } from '../../fields/DateFields';
import { TaskStatusField } from '../../fields/StatusField';
import type { SembakoPeriodRecord, TaskRecord } from '../../types';
import { periodLabel, realisationLabel } from '../format';

const PeriodTitle = () => {
  const record = useRecordContext<SembakoPeriodRecord>();
  const translate = useTranslate();
  const locale = useLocale();
  return <span>{record ? translate('kesos.sembako.periods.show_title', { period: periodLabel(record.period, locale) }) : ''}</span>;
};

// Right after opening, the record is the POST's snapshot (no points, no checklist) until the list's answer replaces it.
const Points = () => {
  const record = useRecordContext<SembakoPeriodRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="period-points" aria-label={translate('kesos.sembako.periods.points')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('kesos.sembako.periods.point_name')}</TableCell>
            <TableCell>{translate('kesos.sembako.periods.point_kind')}</TableCell>
            <TableCell>{translate('kesos.sembako.periods.point_desa')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(record.points ?? []).map((p) => (
            <TableRow key={p.pointId}>
              <TableCell>{p.name}</TableCell>
              <TableCell>{translate(`kesos.sembako.point_kind.${p.kind}`, { _: p.kind })}</TableCell>
              <TableCell>
                <RegionName code={p.desaCode} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const Checklist = () => {
  const record = useRecordContext<SembakoPeriodRecord>();
  if (!record?.checklist?.length) return <Typography variant="body2">—</Typography>;
  return (
    <MuiList dense disablePadding data-testid="period-checklist">
      {record.checklist.map((c, i) => (
        <ListItem key={c.itemId} disableGutters>
          {i + 1}. {c.label}
        </ListItem>
      ))}
    </MuiList>
  );
};

const Figures = () => {
  const record = useRecordContext<SembakoPeriodRecord>();
  const translate = useTranslate();
  if (!record || (record.realisation == null && record.openComplaints == null && record.kpmListed == null)) return null;
  return (
    <Typography variant="body2" data-testid="period-figures">
      {record.kpmListed != null && `${translate('kesos.sembako.periods.kpm_served', { served: record.kpmServed ?? 0, listed: record.kpmListed })} · `}
      {translate('kesos.sembako.periods.realisation')}: {realisationLabel(record.realisation)}
      {record.cardProblems != null && ` · ${translate('kesos.sembako.periods.card_problems')}: ${record.cardProblems}`}
      {record.openComplaints != null && ` · ${translate('kesos.sembako.periods.open_complaints')}: ${record.openComplaints}`}
    </Typography>
  );
};

const TaskColumn = DataTable.Col<TaskRecord>;

const Tasks = () => {
  const translate = useTranslate();
  return (
    <ReferenceManyField<SembakoPeriodRecord, TaskRecord> reference="tasks" target="workflowId" sort={{ field: 'createdAt', order: 'ASC' }} perPage={100}>
      <DataTable<TaskRecord>
        bulkActionButtons={false}
        rowClick={false}
        empty={<Typography variant="body2">{translate('kesos.sembako.periods.no_tasks')}</Typography>}
        data-testid="period-tasks"
      >
        <TaskColumn
          source="type"
          disableSort
          render={(t) => (
            <MuiLink component={Link} to={`/tasks/${t.id}/show`}>
              {translate(`kesos.task_type.${t.type}`, { _: t.type })}
            </MuiLink>
          )}
        />
        <TaskColumn source="status" disableSort>
          <TaskStatusField source="status" />
        </TaskColumn>
        <TaskColumn source="dueAt" disableSort>
          <DateTimeField source="dueAt" />
        </TaskColumn>
      </DataTable>
    </ReferenceManyField>
  );
};

export const PeriodShow = () => {
  const translate = useTranslate();
  return (
    <Show<SembakoPeriodRecord> title={<PeriodTitle />}>
      <SimpleShowLayout>
        <RegionField source="kecamatanCode" />
        <VocabularyField source="status" prefix="kesos.sembako.period_status" />
        <Figures />
        <Labeled label={translate('kesos.sembako.periods.points')}>
          <Points />
        </Labeled>
        <Labeled label={translate('kesos.sembako.periods.checklist')}>
          <Checklist />
        </Labeled>
        <Labeled label={translate('kesos.sembako.periods.tasks')} fullWidth>
          <Tasks />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};
