// "Catat hitungan lapangan": one desa's field count (POST /api/pemetaan/counts), phone-first for a
// TKSK. The category is picked by name (never typed as a code); the form starts empty; the
// server's 422 errors show on the fields they name (counts.0.code → the category, and so on).
import { useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, useMediaQuery, type Theme } from '@mui/material';
import { useDataProvider, useTranslate } from 'react-admin';
import { wibDate } from '../../../domain/calendar';
import { serverErrors } from '../common/ActionDialog';
import type { KesosDataProvider } from '../dataProvider';

export interface CategoryOption {
  kind: 'ppks' | 'psks';
  code: string;
  label: string;
}

/** Server paths → the form's fields. */
const FIELD_OF: Record<string, string> = {
  desaCode: 'category',
  'counts.0.code': 'category',
  'counts.0.kind': 'category',
  'counts.0.count': 'count',
  counts: 'count',
  asOf: 'asOf',
  note: 'note',
};

export const FieldCountDialog = ({
  open,
  desaCode,
  desaName,
  categories,
  onClose,
  onSaved,
}: {
  open: boolean;
  desaCode: string;
  desaName: string;
  categories: CategoryOption[];
  onClose: () => void;
  onSaved: (kind: 'ppks' | 'psks') => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const fullScreen = useMediaQuery((t: Theme) => t.breakpoints.down('sm'));
  const [category, setCategory] = useState('');
  const [count, setCount] = useState('');
  const [asOf, setAsOf] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = wibDate(new Date());
  const t = (k: string) => translate(`kesos.pemetaan.count_form.${k}`);

  const reset = () => {
    setCategory('');
    setCount('');
    setAsOf('');
    setNote('');
    setErrors({});
    setMessage(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!category) local.category = t('required');
    if (!/^\d+$/.test(count.trim())) local.count = t('whole_number');
    if (!asOf) local.asOf = t('required');
    else if (asOf > today) local.asOf = t('no_future');
    setErrors(local);
    setMessage(null);
    if (Object.keys(local).length) return;
    const picked = categories.find((c) => `${c.kind}:${c.code}` === category)!;
    setBusy(true);
    try {
      await dataProvider.recordPemetaanCounts({
        desaCode,
        asOf,
        counts: [{ kind: picked.kind, code: picked.code, count: Number(count.trim()) }],
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      reset();
      onSaved(picked.kind);
    } catch (error) {
      const { fields, message: m } = serverErrors(error);
      const mapped: Record<string, string> = {};
      for (const [k, v] of Object.entries(fields)) mapped[FIELD_OF[k] ?? 'note'] ??= v;
      setErrors(mapped);
      setMessage(translate(m, { _: m }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} fullScreen={fullScreen} fullWidth maxWidth="sm" data-testid="pemetaan-count-dialog">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{translate('kesos.pemetaan.count_form.title', { desa: desaName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {message && <Alert severity="error">{message}</Alert>}
            <TextField
              select
              name="category"
              label={t('category')}
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              error={!!errors.category}
              helperText={errors.category}
              required
              fullWidth
            >
              {categories.map((c) => (
                <MenuItem key={`${c.kind}:${c.code}`} value={`${c.kind}:${c.code}`}>
                  {c.label}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              name="count"
              label={t('count')}
              value={count}
              onChange={(e) => setCount(e.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*' } }}
              error={!!errors.count}
              helperText={errors.count ?? t('count_help')}
              required
              fullWidth
            />
            <TextField
              name="asOf"
              type="date"
              label={t('as_of')}
              value={asOf}
              onChange={(e) => setAsOf(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
              error={!!errors.asOf}
              helperText={errors.asOf ?? t('as_of_help')}
              required
              fullWidth
            />
            <TextField
              name="note"
              label={t('note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={!!errors.note}
              helperText={errors.note ?? t('note_help')}
              multiline
              minRows={2}
              fullWidth
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="pemetaan-count-save">
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
