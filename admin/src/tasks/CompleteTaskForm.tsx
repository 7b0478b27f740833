// Completion of an open task: outcome select (from GET /api/task-types) and the `data` object
// as JSON, prefilled with the type's example. A per-field form generated from the JSON Schema
// can replace the textarea later.
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, CircularProgress, Divider, MenuItem, Stack, TextField, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import {
  useDataProvider,
  useGetList,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
  type HttpError,
} from 'react-admin';
import type { KesosDataProvider } from '../dataProvider';
import type { TaskRecord, TaskTypeInfo } from '../vocabulary';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** The example body for an outcome ("submit" for types without outcomes). */
const exampleData = (info: TaskTypeInfo, outcome: string) =>
  info.examples[outcome || 'submit']?.data ?? (info.outcomes.length ? {} : Object.values(info.examples)[0]?.data) ?? {};

const CompletionForm = ({ task, info }: { task: TaskRecord; info: TaskTypeInfo }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const hasOutcomes = info.outcomes.length > 0;
  const [outcome, setOutcome] = useState('');
  const [text, setText] = useState(() => (hasOutcomes ? '' : pretty(exampleData(info, ''))));
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<[string, string][]>([]);

  const chooseOutcome = (value: string) => {
    setOutcome(value);
    setText(pretty(exampleData(info, value)));
    setFieldErrors([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (hasOutcomes && !outcome) {
      notify('kesos.tasks.complete.choose_outcome', { type: 'warning' });
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text || '{}');
    } catch {
      data = undefined;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      notify('kesos.tasks.complete.invalid_json', { type: 'error' });
      return;
    }
    setSaving(true);
    setFieldErrors([]);
    try {
      const body = { ...(hasOutcomes ? { outcome } : {}), data: data as Record<string, unknown> };
      await dataProvider.completeTask(task.id, body);
      notify('kesos.tasks.complete.success', { type: 'success' });
      refresh();
    } catch (error) {
      const err = error as HttpError;
      const message = err?.message || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
      const errors = (err?.body as { errors?: Record<string, unknown> } | undefined)?.errors ?? {};
      setFieldErrors(
        Object.entries(errors)
          .filter(([key, value]) => key !== 'root' && typeof value === 'string')
          .map(([key, value]) => [key, value as string]),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} sx={{ p: 2, maxWidth: 720 }}>
      <Divider sx={{ mb: 2 }} />
      <Typography variant="h6" gutterBottom>
        {translate('kesos.tasks.complete.title')}
      </Typography>
      <Stack spacing={2}>
        {hasOutcomes ? (
          <TextField
            select
            required
            label={translate('kesos.tasks.complete.outcome')}
            value={outcome}
            onChange={(e) => chooseOutcome(e.target.value)}
            size="small"
          >
            {info.outcomes.map((o) => (
              <MenuItem key={o} value={o}>
                {translate(`kesos.outcome.${o}`, { _: o })}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <Alert severity="info">{translate('kesos.tasks.complete.no_outcome')}</Alert>
        )}
        <TextField
          label={translate('kesos.tasks.complete.data')}
          helperText={translate('kesos.tasks.complete.data_help')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={6}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: '0.85rem' } } }}
        />
        {fieldErrors.length > 0 && (
          <Alert severity="error">
            {translate('kesos.tasks.complete.field_errors')}
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {fieldErrors.map(([path, message]) => (
                <li key={path}>
                  <code>{path}</code>: {message}
                </li>
              ))}
            </Box>
          </Alert>
        )}
        <Box>
          <Button
            type="submit"
            variant="contained"
            disabled={saving}
            startIcon={saving ? <CircularProgress size={16} color="inherit" /> : <CheckIcon />}
          >
            {translate('kesos.tasks.complete.submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};

/** Shown under an open task to the role that may complete it; the API still decides (403/409/422). */
export const CompleteTaskForm = () => {
  const task = useRecordContext<TaskRecord>();
  const { permissions } = usePermissions<string | null>();
  const { data: taskTypes } = useGetList<TaskTypeInfo>(
    'task-types',
    { pagination: { page: 1, perPage: 100 } },
    { enabled: task?.status === 'open', staleTime: 5 * 60 * 1000 },
  );
  if (!task || task.status !== 'open') return null;
  const info = taskTypes?.find((t) => t.type === task.type);
  if (!info || (permissions && permissions !== info.role)) return null;
  return <CompletionForm key={`${task.id}-${task.type}`} task={task} info={info} />;
};
