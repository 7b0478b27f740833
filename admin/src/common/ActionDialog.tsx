// A small dialog for one decision: a few text/select fields (a required reason most of the time),
// client-side checks, a spinner while the server works, and the server's 422 errors on the
// fields they name (problem+json `errors[].path`).
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  useMediaQuery,
  type ButtonProps,
  type Theme,
} from '@mui/material';
import { useTranslate, type HttpError } from 'react-admin';

export interface DialogField {
  name: string;
  /** i18n key or text. */
  label: string;
  helperText?: string;
  required?: boolean;
  minLength?: number;
  multiline?: boolean;
  defaultValue?: string;
  /** Renders a select with these options (labels already translated). */
  options?: { value: string; label: string }[];
  /** A date field (the browser's date picker; the value is YYYY-MM-DD). */
  type?: 'date';
}

interface ActionDialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  fields: DialogField[];
  submitLabel: string;
  submitColor?: ButtonProps['color'];
  onClose: () => void;
  /** Resolves when done; throws an HttpError to show its messages. */
  onSubmit: (values: Record<string, string>) => Promise<void>;
  testId?: string;
}

/** Server error messages keyed by form path (`data.reason`, `toUserId`, root). */
export function serverErrors(error: unknown): { fields: Record<string, string>; message: string } {
  const err = error as HttpError | undefined;
  const raw = ((err?.body as { errors?: Record<string, unknown> } | undefined)?.errors ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (key !== 'root' && typeof value === 'string') fields[key] = value;
  return { fields, message: err?.message || 'ra.notification.http_error' };
}

export const ActionDialog = ({ open, title, description, fields, submitLabel, submitColor = 'primary', onClose, onSubmit, testId }: ActionDialogProps) => {
  const translate = useTranslate();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const initial = () => Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? '']));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Set before the first await: a second submit (double tap, Enter twice) in the same render is dropped.
  const inFlight = useRef(false);

  const close = () => {
    if (saving) return;
    setValues(initial());
    setErrors({});
    setFailure(null);
    onClose();
  };

  const check = () => {
    const found: Record<string, string> = {};
    for (const f of fields) {
      const v = (values[f.name] ?? '').trim();
      if (f.required && !v) found[f.name] = translate('ra.validation.required');
      else if (v && f.minLength && v.length < f.minLength) found[f.name] = translate('ra.validation.minLength', { min: f.minLength });
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length || inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    setFailure(null);
    try {
      await onSubmit(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])));
      inFlight.current = false;
      setSaving(false);
      setValues(initial());
      onClose();
    } catch (error) {
      const { fields: byPath, message } = serverErrors(error);
      const onFields: Record<string, string> = {};
      for (const [path, msg] of Object.entries(byPath)) {
        const field = fields.find((f) => path === f.name || path.endsWith(`.${f.name}`));
        if (field) onFields[field.name] = msg;
      }
      setErrors(onFields);
      // When the server named the fields, say what to do; otherwise show its explanation.
      setFailure(Object.keys(onFields).length ? translate('kesos.form.fix_fields') : translate(message, { _: message }));
      inFlight.current = false;
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} fullScreen={fullScreen} fullWidth maxWidth="sm" data-testid={testId} aria-labelledby={`${testId ?? 'action'}-title`}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`${testId ?? 'action'}-title`}>{translate(title, { _: title })}</DialogTitle>
        <DialogContent>
          {description && <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText>}
          <Stack spacing={2} sx={{ pt: 1 }}>
            {fields.map((f, i) => (
              <TextField
                key={f.name}
                name={f.name}
                label={translate(f.label, { _: f.label })}
                value={values[f.name] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                required={f.required}
                error={!!errors[f.name]}
                helperText={errors[f.name] ?? (f.helperText ? translate(f.helperText, { _: f.helperText }) : undefined)}
                multiline={f.multiline}
                minRows={f.multiline ? 3 : undefined}
                select={!!f.options}
                type={f.type}
                slotProps={f.type ? { inputLabel: { shrink: true } } : undefined}
                autoFocus={i === 0}
                fullWidth
              >
                {f.options?.map((o) => (
                  <MenuItem key={o.value} value={o.value}>
                    {o.label}
                  </MenuItem>
                ))}
              </TextField>
            ))}
            {failure && (
              <Alert severity="error" role="alert">
                {failure}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={saving}>
            {translate('ra.action.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={submitColor}
            disabled={saving}
            startIcon={saving ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            {translate(submitLabel, { _: submitLabel })}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
