import { Accordion, AccordionDetails, AccordionSummary, Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import ExpandIcon from '@mui/icons-material/ExpandMore';
import OpenIcon from '@mui/icons-material/OpenInNew';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import ExtendIcon from '@mui/icons-material/MoreTime';
import { ReferenceField, Show, SimpleShowLayout, TextField, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { isSupervisor } from '../../../domain/roles';
import type { KesosDataProvider } from '../dataProvider';
import { getUser } from '../session';
import { ExtendDeadlineDialog } from './ExtendDeadlineDialog';
import { Section, ShowHeading } from '../common/ShowParts';
import { DataView } from '../fields/DataView';
import { JsonField } from '../fields/JsonField';
import { DateTimeField } from '../fields/DateFields';
import { DueAtField, OverdueBadge, TaskStatusField } from '../fields/StatusField';
import { VocabularyField } from '../fields/VocabularyField';
import type { TaskRecord } from '../types';
import { CompleteTaskForm } from './CompleteTaskForm';
import { formatDateTime } from '../format';
import { ReturnedChip, returnNotesOf } from './TaskList';
import { ClaimSummary } from '../taliAsih/ClaimSummary';
import { KpmFixSummary } from '../sembako/fixes/KpmFixSummary';
import { ClaimPanel, PlanPanel, TaskActivity } from './TasklistParts';

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

/**
 * An escalation names the late task it is about (the workflow puts its id, type, deadline and
 * assignee in the context): its title, the person (the case), and a link to it.
 */
const LateTask = ({ task }: { task: TaskRecord }) => {
  const translate = useTranslate();
  const context = (task.context ?? {}) as Record<string, unknown>;
  const lateId = typeof context.overdueTaskId === 'string' ? context.overdueTaskId : null;
  if (task.type !== 'sla_escalation' || !lateId) return null;
  const lateType = String(context.overdueTaskType ?? '');
  return (
    <Alert
      severity="error"
      data-testid="late-task"
      action={
        <Button component={Link} to={`/tasks/${lateId}/show`} color="inherit" size="small" startIcon={<OpenIcon />} data-testid="late-task-link">
          {translate('kesos.tasks.escalation.open')}
        </Button>
      }
    >
      <AlertTitle>{translate('kesos.tasks.escalation.title', { task: translate(`kesos.task_type.${lateType}`, { _: lateType }) })}</AlertTitle>
      <Stack spacing={0.25}>
        {task.caseId && (
          <span>
            {translate('kesos.tasks.escalation.person')}: <ReferenceField source="caseId" reference="cases" link="show" />
          </span>
        )}
        {typeof context.assigneeId === 'string' && (
          <span>
            {translate('kesos.tasks.escalation.assignee')}: {context.assigneeId}
          </span>
        )}
        {typeof context.dueAt === 'string' && (
          <span>
            {translate('kesos.tasks.escalation.due')}: {formatDateTime(context.dueAt)}
          </span>
        )}
      </Stack>
    </Alert>
  );
};

/** A supervisor on an open case task with a deadline (e.g. reached from its escalation) extends it here, in working days. */
const ExtendFromTask = ({ task }: { task: TaskRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [open, setOpen] = useState(false);
  if (!isSupervisor(getUser()?.role) || task.status !== 'open' || !task.caseId || !task.dueAt || task.type === 'sla_escalation') return null;
  const submit = async (values: Record<string, unknown>) => {
    await dataProvider.caseAction(task.caseId!, 'extend-deadline', values);
    notify('kesos.interventions.done.extend-deadline', { type: 'success' });
    refresh();
  };
  return (
    <Box>
      <Button size="small" variant="outlined" startIcon={<ExtendIcon />} onClick={() => setOpen(true)} data-testid="task-extend-deadline">
        {translate('kesos.interventions.action.extend-deadline')}
      </Button>
      {open && <ExtendDeadlineDialog openTasks={[task]} onClose={() => setOpen(false)} onSubmit={submit} />}
    </Box>
  );
};

/** Why the step came back, and what the previous steps left for this one. */
const TaskBriefing = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!task) return null;
  const context = (task.context ?? {}) as Record<string, unknown>;
  const returnNotes = returnNotesOf(task);
  const goals = Array.isArray(context.planGoals) ? (context.planGoals as string[]) : [];
  return (
    <Stack spacing={1.5} sx={{ px: 2, pt: 2 }}>
      <ShowHeading
        testId="task-heading"
        chips={
          <>
            <TaskStatusField source="status" />
            {task.status === 'open' && <OverdueBadge />}
            <ReturnedChip task={task} />
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
      <LateTask task={task} />
      <ExtendFromTask task={task} />
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
    <ClaimPanel />
    <PlanPanel />
    <ClaimSummary />
    <KpmFixSummary />
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
    <TaskActivity />
    <TechnicalDetails />
  </Show>
);
