// Completion of an open task, for the role that may complete it (the API still decides: 403,
// 409, 422). Approval types get Setujui / Kembalikan / Tolak; the others a form generated from
// the type's JSON Schema, with an outcome choice when it has outcomes. Forms start empty (or,
// for a step sent back, from what the person sent before): the examples are never answers.
// After the step, the page says what happens next and who acts (NextStep.tsx).
import { useState } from 'react';
import { Alert, Box, CircularProgress, Divider, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { Form, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate, type HttpError } from 'react-admin';
import type { TaskCompletionResult } from '../../../domain/workflowContracts';
import { SubmitButton } from '../common/SubmitButton';
import { serverErrors } from '../common/ActionDialog';
import type { KesosDataProvider } from '../dataProvider';
import type { TaskRecord, TaskTypeInfo } from '../types';
import { ApprovalButtons } from './ApprovalButtons';
import { compact, SchemaFields, useFieldLabel } from './SchemaForm';
import { NextStepAfter } from './NextStep';
import { NextInViewButton, useOpenNextTask } from './TasklistParts';
import { MonitoringForm } from '../sembako/monitoring/MonitoringForm';
import { EvaluationForm } from '../tkskAssignments/EvaluationForm';
import { completionVerdict, dataSchemaFor, emptyValuesFor, isApprovalType, previousAnswers, useTaskTypes } from './taskTypes';

type Done = (result: TaskCompletionResult) => void;

/** Field path `data.referral.urgency` → "Rujukan › Urgensi". */
const usePathLabel = () => {
  const label = useFieldLabel();
  return (path: string) =>
    path
      .split('.')
      .filter((p) => p !== 'data')
      .map((p) => (/^\d+$/.test(p) ? `#${Number(p) + 1}` : label(p)))
      .join(' › ')
      .replace(/ › #/g, ' #') || path;
};

const DataForm = ({ task, info, outcome, onDone }: { task: TaskRecord; info: TaskTypeInfo; outcome: string; onDone: Done }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const pathLabel = usePathLabel();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const schema = dataSchemaFor(info, outcome);
  const [rejected, setRejected] = useState<[string, string][]>([]);
  if (!schema) return <Alert severity="warning">{translate('kesos.tasks.complete.no_schema')}</Alert>;
  // Empty, or for a returned assessment what was sent before (the supervisor's reason is on top).
  const initial = { ...emptyValuesFor(schema), ...previousAnswers(task, schema) };

  const submit = async (values: Record<string, unknown>) => {
    setRejected([]);
    const data = (compact(values.data ?? {}) ?? {}) as Record<string, unknown>;
    try {
      const { data: result } = await dataProvider.completeTask(task.id, { ...(outcome ? { outcome } : {}), data });
      notify('kesos.tasks.complete.success', { type: 'success' });
      onDone(result as unknown as TaskCompletionResult);
      return undefined;
    } catch (error) {
      const { fields, message } = serverErrors(error);
      if (Object.keys(fields).length) notify('kesos.form.fix_fields', { type: 'error' });
      else notify(message, { type: 'error', messageArgs: { _: message } });
      setRejected(Object.entries(fields));
      // react-admin puts these on the fields (keys are form paths: data.riskLevel, data.needs.0).
      return ((error as HttpError)?.body as { errors?: Record<string, unknown> } | undefined)?.errors;
    }
  };

  return (
    <Form record={{ data: initial }} onSubmit={submit} key={`${task.id}-${outcome}`} noValidate>
      <Stack spacing={0.5} data-testid="task-form">
        <SchemaFields schema={schema} prefix="data" />
        {rejected.length > 0 && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="server-errors">
            {translate('kesos.tasks.complete.field_errors')}
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {rejected.map(([path, message]) => (
                <li key={path}>
                  <strong>{pathLabel(path)}</strong>: {message}
                </li>
              ))}
            </Box>
          </Alert>
        )}
        <Box sx={{ pt: 1 }}>
          <SubmitButton label="kesos.tasks.complete.submit" icon={<CheckIcon />} />
        </Box>
      </Stack>
    </Form>
  );
};

const CompletionForm = ({ task, info, onDone }: { task: TaskRecord; info: TaskTypeInfo; onDone: Done }) => {
  const translate = useTranslate();
  const hasOutcomes = info.outcomes.length > 0;
  const [outcome, setOutcome] = useState('');
  return (
    <Stack spacing={2}>
      {hasOutcomes ? (
        <FormControl>
          <FormLabel id="outcome-label">{translate('kesos.tasks.complete.outcome')}</FormLabel>
          <RadioGroup aria-labelledby="outcome-label" value={outcome} onChange={(e) => setOutcome(e.target.value)} row>
            {info.outcomes.map((o) => (
              <FormControlLabel key={o} value={o} control={<Radio />} label={translate(`kesos.outcome.${o}`, { _: o })} />
            ))}
          </RadioGroup>
        </FormControl>
      ) : null}
      {hasOutcomes && !outcome ? (
        <Alert severity="info">
          {translate(`kesos.tasks.complete.choose_outcome_for.${task.type}`, { _: translate('kesos.tasks.complete.choose_outcome') })}
        </Alert>
      ) : (
        <DataForm task={task} info={info} outcome={outcome} onDone={onDone} />
      )}
    </Stack>
  );
};

/** Shown under an open task to the role that may complete it. */
export const CompleteTaskForm = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [done, setDone] = useState<TaskCompletionResult | null>(null);
  const { byType, isPending } = useTaskTypes(task?.status === 'open');
  const openNext = useOpenNextTask();
  const onDone: Done = (result) => {
    // With "open the next task" on, the next task of the inbox's view opens instead (decision 0025).
    void openNext(result.taskId).then((opened) => {
      if (opened) return;
      setDone(result);
      refresh(); // the page now shows the task as completed, with its result
    });
  };
  // The answer names the next step; kept while this page shows the task.
  if (done && task && done.taskId === task.id) {
    return (
      <Box sx={{ p: 2, maxWidth: 760 }}>
        <NextStepAfter result={done} />
        <NextInViewButton doneId={done.taskId} />
      </Box>
    );
  }
  if (!task || task.status !== 'open') return null;
  if (isPending) return <CircularProgress size={24} sx={{ m: 2 }} />;
  const info = byType.get(task.type);
  const verdict = completionVerdict(task);
  if (!info || (!verdict.ok && verdict.reason === 'role')) return null;
  return (
    <Box sx={{ p: 2, maxWidth: 760 }} data-testid="complete-task" data-task-id={task.id}>
      <Divider sx={{ mb: 2 }} />
      <Typography variant="h6" gutterBottom>
        {translate(isApprovalType(info) ? 'kesos.tasks.approval.heading' : 'kesos.tasks.complete.title')}
      </Typography>
      {!verdict.ok && verdict.reason === 'assignee' ? (
        <Alert severity="info">{translate('kesos.tasks.complete.not_yours')}</Alert>
      ) : !verdict.ok &&
        verdict.reason ===
          'claimed' ? null : task // Claimed by someone else: the claim panel above names them (decision 0025).
        .type === 'sembako_monitoring' ? (
        // The TKSK's phone form at a distribution point (a checklist of toggles, not a generated form).
        <MonitoringForm key={task.id} task={task} onDone={onDone} />
      ) : task.type === 'tksk_evaluation' || task.type === 'tksk_evaluation_koordinator' ? (
        // The yearly TKSK appraisal: one score per criterion beside the period's figures (read-only).
        <EvaluationForm key={task.id} task={task} onDone={onDone} />
      ) : isApprovalType(info) ? (
        <ApprovalButtons task={task} info={info} onDone={(_, result) => onDone(result)} />
      ) : (
        <CompletionForm key={`${task.id}-${task.type}`} task={task} info={info} onDone={onDone} />
      )}
    </Box>
  );
};
