// The TKSK's monitoring visit at a distribution point (task `sembako_monitoring`), made for a
// phone: the point on top (from the task's context), one large two-choice toggle per checklist
// item with a note for "Tidak sesuai", KPM listed and served on the numeric keypad, card problems
// per bank and kind, kendala, and an explicit yes/no on revocation. Nothing is answered for the
// TKSK: every item starts unanswered and the submit names what is still missing. The server's 422
// field errors land on the same fields (`data.results.0.note`, `data.kpmServed`).
import { useState } from 'react';
import { Box, FormHelperText, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import {
  ArrayInput,
  DateInput,
  Form,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useDataProvider,
  useInput,
  useLocaleState,
  useNotify,
  useTranslate,
  type HttpError,
} from 'react-admin';
import { CARD_PROBLEM_KINDS, HIMBARA_BANKS, type ChecklistItem, type DistributionPoint } from '../../../../domain/sembako';
import type { TaskCompletionResult } from '../../../../domain/workflowContracts';
import { serverErrors } from '../../common/ActionDialog';
import { SubmitButton } from '../../common/SubmitButton';
import type { KesosDataProvider } from '../../dataProvider';
import { RegionName } from '../../fields/NameFields';
import type { TaskRecord } from '../../types';
import { choices } from '../../vocabulary';
import { periodLabel } from '../format';
import { FormProblems } from '../../common/FormProblems';

/** Touch targets of at least 44 px (WCAG 2.5.5); 48 as Material recommends. */
const TOUCH = 48;

/** A yes/no (or Sesuai / Tidak sesuai) answer that starts unanswered; a hidden input carries its value. */
const TwoChoice = ({ source, label, yes, no, testId }: { source: string; label: string; yes: string; no: string; testId: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source });
  const value = field.value === true ? 'yes' : field.value === false ? 'no' : null;
  const labelId = `${testId}-label`;
  return (
    <Box role="group" aria-labelledby={labelId} data-testid={testId} data-answer={value ?? ''}>
      <Typography id={labelId} variant="body1" sx={{ fontWeight: 500, mb: 0.5 }}>
        {label}
      </Typography>
      <ToggleButtonGroup
        exclusive
        fullWidth
        value={value}
        onChange={(_, v: 'yes' | 'no' | null) => {
          if (v) field.onChange(v === 'yes');
        }}
        onBlur={field.onBlur}
        color={value === 'no' ? 'warning' : 'primary'}
      >
        <ToggleButton value="yes" sx={{ minHeight: TOUCH, textTransform: 'none', fontSize: '1rem' }}>
          {translate(yes)}
        </ToggleButton>
        <ToggleButton value="no" sx={{ minHeight: TOUCH, textTransform: 'none', fontSize: '1rem' }}>
          {translate(no)}
        </ToggleButton>
      </ToggleButtonGroup>
      <input type="hidden" name={source} value={value === 'yes' ? 'true' : value === 'no' ? 'false' : ''} />
      {fieldState.error?.message ? <FormHelperText error>{translate(fieldState.error.message, { _: fieldState.error.message })}</FormHelperText> : null}
    </Box>
  );
};

/** The note shown once an item is answered "Tidak sesuai". */
const ItemNote = ({ index }: { index: number }) => {
  const { field } = useInput({ source: `data.results.${index}.ok` });
  if (field.value !== false) return null;
  return <TextInput source={`data.results.${index}.note`} label="kesos.sembako.monitoring.item_note" multiline minRows={2} fullWidth helperText={false} />;
};

type Values = {
  data: {
    visitedOn?: string;
    kpmListed?: string;
    kpmServed?: string;
    results?: { ok?: boolean | ''; note?: string }[];
    kendala?: string;
    recommendRevocation?: boolean | '';
    cardProblems?: { bank?: string; kind?: string; count?: string | number }[];
  };
};

const wholeNumber = (v: unknown) => (typeof v === 'number' ? v : /^\s*\d{1,6}\s*$/.test(String(v ?? '')) ? Number(String(v).trim()) : null);

export const MonitoringForm = ({ task, onDone }: { task: TaskRecord; onDone: (result: TaskCompletionResult) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const context = (task.context ?? {}) as { point?: DistributionPoint; checklist?: ChecklistItem[]; period?: string };
  const checklist = context.checklist ?? [];
  const point = context.point;
  const [missing, setMissing] = useState<string[]>([]);
  const [rejected, setRejected] = useState<string[]>([]);

  const submit = async ({ data: v }: Values) => {
    setRejected([]);
    const errors: Record<string, string> = {};
    const absent: string[] = [];
    const need = (key: string, label: string, message = 'kesos.sembako.monitoring.unanswered') => {
      errors[key] = translate(message);
      absent.push(label);
    };
    if (!v.visitedOn) need('data.visitedOn', translate('kesos.field.visitedOn'), 'ra.validation.required');
    checklist.forEach((item, i) => {
      if (typeof v.results?.[i]?.ok !== 'boolean') need(`data.results.${i}.ok`, item.label);
    });
    const listed = wholeNumber(v.kpmListed);
    const served = wholeNumber(v.kpmServed);
    if (listed === null) need('data.kpmListed', translate('kesos.field.kpmListed'), 'kesos.sembako.monitoring.whole_number');
    if (served === null) need('data.kpmServed', translate('kesos.field.kpmServed'), 'kesos.sembako.monitoring.whole_number');
    else if (listed !== null && served > listed) need('data.kpmServed', translate('kesos.field.kpmServed'), 'kesos.sembako.monitoring.served_over_listed');
    (v.cardProblems ?? []).forEach((row, i) => {
      const label = `${translate('kesos.field.cardProblems')} #${i + 1}`;
      if (!row?.bank) need(`data.cardProblems.${i}.bank`, label, 'ra.validation.required');
      if (!row?.kind) need(`data.cardProblems.${i}.kind`, label, 'ra.validation.required');
      const count = wholeNumber(row?.count);
      if (count === null || count < 1) need(`data.cardProblems.${i}.count`, label, 'kesos.sembako.monitoring.whole_number');
    });
    if (typeof v.recommendRevocation !== 'boolean') need('data.recommendRevocation', translate('kesos.field.recommendRevocation'));
    setMissing([...new Set(absent)]);
    if (absent.length) {
      notify('kesos.form.fix_fields', { type: 'error' });
      return errors;
    }
    const data = {
      visitedOn: v.visitedOn,
      kpmListed: listed,
      kpmServed: served,
      results: checklist.map((item, i) => {
        const note = v.results?.[i]?.ok === false ? v.results?.[i]?.note?.trim() : '';
        return { itemId: item.itemId, ok: v.results![i].ok as boolean, ...(note ? { note } : {}) };
      }),
      cardProblems: (v.cardProblems ?? []).map((r) => ({ bank: r.bank, kind: r.kind, count: wholeNumber(r.count) })),
      recommendRevocation: v.recommendRevocation,
      ...(v.kendala?.trim() ? { kendala: v.kendala.trim() } : {}),
    };
    try {
      const { data: result } = await dataProvider.completeTask(task.id, { data } as never);
      notify('kesos.tasks.complete.success', { type: 'success' });
      onDone(result as unknown as TaskCompletionResult);
      return undefined;
    } catch (error) {
      const { fields, message } = serverErrors(error);
      if (Object.keys(fields).length) notify('kesos.form.fix_fields', { type: 'error' });
      else notify(message, { type: 'error', messageArgs: { _: message } });
      setRejected(Object.entries(fields).map(([path, m]) => `${path.replace(/^data\./, '')}: ${m}`));
      return ((error as HttpError)?.body as { errors?: Record<string, unknown> } | undefined)?.errors;
    }
  };

  // Everything starts empty: the record only gives the checklist its rows.
  const record = { data: { visitedOn: '', kpmListed: '', kpmServed: '', kendala: '', results: checklist.map(() => ({ note: '' })), cardProblems: [] } };
  return (
    <Form record={record} onSubmit={submit as never} noValidate key={task.id}>
      <Stack spacing={2} data-testid="task-form" sx={{ maxWidth: 600, width: '100%', boxSizing: 'border-box' }}>
        <Box data-testid="monitoring-point" sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover' }}>
          <Typography variant="h6" component="p">
            {point?.name ?? '—'}
          </Typography>
          <Typography variant="body2">
            {point ? translate(`kesos.sembako.point_kind.${point.kind}`, { _: point.kind }) : ''}
            {point ? ' · ' : ''}
            {point ? <RegionName code={point.desaCode} /> : null}
          </Typography>
          {context.period ? (
            <Typography variant="body2" color="text.secondary">
              {translate('kesos.sembako.monitoring.period', { period: periodLabel(context.period, locale) })}
            </Typography>
          ) : null}
        </Box>
        <DateInput source="data.visitedOn" label="kesos.field.visitedOn" helperText={false} />
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate('kesos.sembako.monitoring.checklist')}
        </Typography>
        {checklist.map((item, i) => (
          <Stack key={item.itemId} spacing={1}>
            <TwoChoice
              source={`data.results.${i}.ok`}
              label={item.label}
              yes="kesos.sembako.monitoring.ok"
              no="kesos.sembako.monitoring.not_ok"
              testId={`item-${item.itemId}`}
            />
            <ItemNote index={i} />
          </Stack>
        ))}
        <Stack direction="row" spacing={1}>
          <TextInput
            source="data.kpmListed"
            label="kesos.field.kpmListed"
            helperText={false}
            slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', autoComplete: 'off' } }}
            sx={{ flex: 1, minWidth: 0 }}
          />
          <TextInput
            source="data.kpmServed"
            label="kesos.field.kpmServed"
            helperText={false}
            slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', autoComplete: 'off' } }}
            sx={{ flex: 1, minWidth: 0 }}
          />
        </Stack>
        <ArrayInput source="data.cardProblems" label="kesos.field.cardProblems" fullWidth helperText="kesos.sembako.monitoring.card_problems_hint">
          <SimpleFormIterator disableReordering disableClear fullWidth>
            <SelectInput
              source="bank"
              label="kesos.sembako.bank"
              choices={HIMBARA_BANKS.map((b) => ({ id: b, name: b }))}
              translateChoice={false}
              helperText={false}
            />
            <SelectInput
              source="kind"
              label="kesos.sembako.card_problem_kind"
              choices={choices(CARD_PROBLEM_KINDS, 'kesos.sembako.card_problem')}
              helperText={false}
            />
            <TextInput
              source="count"
              label="kesos.sembako.count"
              helperText={false}
              slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', autoComplete: 'off' } }}
            />
          </SimpleFormIterator>
        </ArrayInput>
        <TextInput source="data.kendala" label="kesos.field.kendala" multiline minRows={2} fullWidth helperText={false} />
        <TwoChoice
          source="data.recommendRevocation"
          label={translate('kesos.field.recommendRevocation')}
          yes="kesos.sembako.monitoring.yes"
          no="kesos.sembako.monitoring.no"
          testId="recommend-revocation"
        />
        <FormProblems missing={missing} missingTitle="kesos.sembako.monitoring.missing" rejected={rejected} />
        <Box>
          <SubmitButton label="kesos.tasks.complete.submit" icon={<CheckIcon />} sx={{ minHeight: TOUCH }} />
        </Box>
      </Stack>
    </Form>
  );
};
