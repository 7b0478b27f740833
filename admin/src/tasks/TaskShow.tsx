import { Alert, Box, Stack, Typography } from '@mui/material';
import {
  DateField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { JsonField } from '../fields/JsonField';
import { DueField, OverdueBadge, TaskStatusField } from '../fields/TaskStatusField';
import { VocabularyField } from '../fields/VocabularyField';
import { DATE_LOCALE, DATE_TIME_OPTIONS, type TaskRecord } from '../vocabulary';
import { CompleteTaskForm } from './CompleteTaskForm';

const TaskTitle = () => {
  const record = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate(`kesos.task_type.${record.type}`, { _: record.type })}</span>;
};

/** Why the step came back, and what the previous steps left for this one. */
const TaskBriefing = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!task) return null;
  const context = (task.context ?? {}) as Record<string, unknown>;
  const returnNotes = typeof context.returnNotes === 'string' ? context.returnNotes : null;
  const goals = Array.isArray(context.planGoals) ? (context.planGoals as string[]) : [];
  return (
    <Stack spacing={1} sx={{ px: 2, pt: 2 }}>
      <Stack direction="row" spacing={1} alignItems="center">
        <Typography variant="h5" component="h1" data-testid="task-heading">
          {translate(`kesos.task_type.${task.type}`, { _: task.type })}
        </Typography>
        <TaskStatusField source="status" />
        {task.status === 'open' && <OverdueBadge />}
      </Stack>
      {returnNotes && task.status === 'open' && (
        <Alert severity="warning" data-testid="return-notes">
          <strong>{translate('kesos.tasks.returned')}</strong> {returnNotes}
        </Alert>
      )}
      {goals.length > 0 && (
        <Box>
          <Typography variant="subtitle2">{translate('kesos.field.planGoals')}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {goals.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </Box>
        </Box>
      )}
    </Stack>
  );
};

export const TaskShow = () => (
  <Show<TaskRecord> title={<TaskTitle />}>
    <TaskBriefing />
    <CompleteTaskForm />
    <SimpleShowLayout>
      <ReferenceField source="caseId" reference="cases" link="show" emptyText="—" />
      <VocabularyField source="candidateRole" prefix="kesos.role" />
      <TextField source="regionCode" emptyText="—" />
      <DateField source="createdAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} />
      <DueField source="dueAt">
        <DateField source="dueAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} emptyText="—" />
      </DueField>
      <VocabularyField source="outcome" prefix="kesos.outcome" />
      <DateField source="completedAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} />
      <TextField source="actorId" />
      <JsonField source="data" />
      <JsonField source="context" />
    </SimpleShowLayout>
  </Show>
);
