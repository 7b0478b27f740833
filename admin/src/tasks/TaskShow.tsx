import { Accordion, AccordionDetails, AccordionSummary, Alert, Box, Stack, Typography } from '@mui/material';
import ExpandIcon from '@mui/icons-material/ExpandMore';
import { ReferenceField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { Section, ShowHeading } from '../common/ShowParts';
import { DataView } from '../fields/DataView';
import { JsonField } from '../fields/JsonField';
import { DateTimeField } from '../fields/DateFields';
import { DueAtField, OverdueBadge, TaskStatusField } from '../fields/StatusField';
import { VocabularyField } from '../fields/VocabularyField';
import type { TaskRecord } from '../types';
import { CompleteTaskForm } from './CompleteTaskForm';
import { ClaimSummary } from '../taliAsih/ClaimSummary';

const TaskTitle = () => {
  const record = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate(`kesos.task_type.${record.type}`, { _: record.type })}</span>;
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** What the previous step handed over: the assessment to review, the closure proposal, the referral. */
const handedOver = (context: Record<string, unknown>): [string, Record<string, unknown>][] => {
  const out: [string, Record<string, unknown>][] = [];
  if (isObject(context.asesmen)) out.push(['asesmen', context.asesmen]);
  if (isObject(context.closureProposal)) {
    const p = context.closureProposal;
    out.push(['closure', { closureReason: p.reason, closureNote: p.note, proposedBy: p.proposedBy }]);
  }
  if (isObject(context.referral)) out.push(['referral', context.referral]);
  return out;
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
    <Stack spacing={1.5} sx={{ px: 2, pt: 2 }}>
      <ShowHeading
        testId="task-heading"
        chips={
          <>
            <TaskStatusField source="status" />
            {task.status === 'open' && <OverdueBadge />}
          </>
        }
      >
        {translate(`kesos.task_type.${task.type}`, { _: task.type })}
      </ShowHeading>
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
      {handedOver(context).map(([key, data]) => (
        <Section key={key} title={`kesos.tasks.handed_over.${key}`} sx={{}}>
          <DataView data={data} testId={`handed-over-${key}`} />
        </Section>
      ))}
    </Stack>
  );
};

/** The decision and data of a completed task. */
const TaskResult = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!task || task.status !== 'completed') return null;
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Typography variant="subtitle1">{translate('kesos.tasks.result')}</Typography>
      {task.outcome && (
        <Typography variant="body2" gutterBottom>
          {translate('kesos.tasks.complete.outcome')}: <strong>{translate(`kesos.outcome.${task.outcome}`, { _: task.outcome })}</strong>
        </Typography>
      )}
      {isObject(task.data) && <DataView data={task.data} testId="task-result" />}
    </Box>
  );
};

const TechnicalDetails = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!task?.context || !Object.keys(task.context).length) return null;
  return (
    <Accordion disableGutters elevation={0} sx={{ mx: 2, mb: 2, '&:before': { display: 'none' } }}>
      <AccordionSummary expandIcon={<ExpandIcon />}>
        <Typography variant="body2">{translate('kesos.tasks.technical')}</Typography>
      </AccordionSummary>
      <AccordionDetails>
        <JsonField source="context" />
      </AccordionDetails>
    </Accordion>
  );
};

export const TaskShow = () => (
  <Show<TaskRecord> title={<TaskTitle />}>
    <TaskBriefing />
    <ClaimSummary />
    <CompleteTaskForm />
    <TaskResult />
    <SimpleShowLayout>
      <ReferenceField source="caseId" reference="cases" link="show" emptyText="—" />
      <VocabularyField source="candidateRole" prefix="kesos.role" />
      <TextField source="regionCode" emptyText="—" />
      <DateTimeField source="createdAt" />
      <DueAtField source="dueAt" emptyText="—" />
      <DateTimeField source="completedAt" emptyText="—" />
      <TextField source="actorId" emptyText="—" />
    </SimpleShowLayout>
    <TechnicalDetails />
  </Show>
);
