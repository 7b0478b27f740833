// Extending a task's deadline in working days: a number (1–30) and, as soon as it is valid, the
// resulting date as the server computes it (weekends and the national holidays of the `holidays`
// table skipped: GET /api/tasks/:id/deadline-extension), instead of typing an ISO 8601 period.
import { useEffect, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, useMediaQuery, type Theme } from '@mui/material';
import { Form, maxValue, minValue, NumberInput, required, SelectInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { MAX_EXTENSION_WORKING_DAYS } from '../../../domain/interventions';
import { ReasonInput } from '../common/ReasonInput';
import { useDialogSubmit } from '../common/useDialogSubmit';
import { SubmitButton } from '../common/SubmitButton';
import { httpClient } from '../dataProvider';
import { formatDateTime as fmt } from '../format';
import type { TaskRecord } from '../types';

interface Preview {
  dueAt: string;
  extendedDueAt: string;
}

/** The resulting deadline for the chosen task and number of working days. */
const ResultingDate = () => {
  const translate = useTranslate();
  const taskId = useWatch({ name: 'taskId' }) as string | undefined;
  const days = Number(useWatch({ name: 'workingDays' }));
  const valid = !!taskId && Number.isInteger(days) && days >= 1 && days <= MAX_EXTENSION_WORKING_DAYS;
  const [preview, setPreview] = useState<{ key: string; value: Preview | null }>({ key: '', value: null });
  const key = `${taskId}:${days}`;
  useEffect(() => {
    if (!valid) return;
    let live = true;
    httpClient(`/api/tasks/${encodeURIComponent(taskId!)}/deadline-extension?workingDays=${days}`)
      .then(({ json }) => live && setPreview({ key, value: json as Preview }))
      .catch(() => live && setPreview({ key, value: null }));
    return () => {
      live = false;
    };
  }, [key, valid, taskId, days]);
  if (!valid || preview.key !== key || !preview.value) return null;
  return (
    <Alert severity="info" data-testid="extended-due">
      {translate('kesos.interventions.extended_due', { from: fmt(preview.value.dueAt), to: fmt(preview.value.extendedDueAt), smart_count: days })}
    </Alert>
  );
};

export const ExtendDeadlineDialog = ({
  openTasks,
  onClose,
  onSubmit,
}: {
  openTasks: TaskRecord[];
  onClose: () => void;
  /** Throws an HttpError: field errors land on their inputs, anything else is notified. */
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
}) => {
  const translate = useTranslate();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const withDeadline = openTasks.filter((t) => t.dueAt);
  const submit = useDialogSubmit((values) => onSubmit({ taskId: values.taskId, workingDays: Number(values.workingDays), reason: values.reason }), onClose);
  return (
    <Dialog open onClose={onClose} fullScreen={fullScreen} fullWidth maxWidth="sm" data-testid="dialog-extend-deadline" aria-labelledby="extend-title">
      {/* The task is the case's own choice when there is only one; the number of days is the supervisor's. */}
      <Form record={withDeadline.length === 1 ? { taskId: withDeadline[0].id } : {}} onSubmit={submit} noValidate>
        <DialogTitle id="extend-title">{translate('kesos.interventions.title.extend-deadline')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('kesos.interventions.explain.extend-deadline')}</DialogContentText>
          <Stack spacing={1}>
            <SelectInput
              source="taskId"
              label="kesos.interventions.task"
              validate={required()}
              choices={withDeadline.map((t) => ({
                id: t.id,
                name: `${translate(`kesos.task_type.${t.type}`, { _: t.type })} — ${translate('resources.tasks.fields.dueAt')} ${fmt(t.dueAt)}`,
              }))}
              translateChoice={false}
              fullWidth
            />
            <NumberInput
              source="workingDays"
              label="kesos.interventions.working_days"
              helperText={translate('kesos.interventions.working_days_help', { max: MAX_EXTENSION_WORKING_DAYS })}
              validate={[required(), minValue(1), maxValue(MAX_EXTENSION_WORKING_DAYS)]}
              min={1}
              max={MAX_EXTENSION_WORKING_DAYS}
              step={1}
            />
            <ResultingDate />
            <ReasonInput />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SubmitButton label="kesos.interventions.action.extend-deadline" />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
