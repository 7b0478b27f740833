// An appraiser's form for the yearly TKSK evaluation (tasks tksk_evaluation and
// tksk_evaluation_koordinator; docs/tksk-assignment.md): who is appraised and for which period,
// the figures the system computed for that period shown read-only beside each criterion, a 1–5
// score per criterion (every one starts unscored), the outcome, notes (required with not_renew),
// a coaching plan (required with renew_with_coaching) and, for the supervisor's not_renew, an
// optional successor. The server's 422 field errors land on the same fields.
import { useState } from 'react';
import { Box, FormHelperText, Stack, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { useWatch } from 'react-hook-form';
import { Form, SelectInput, TextInput, useDataProvider, useGetList, useInput, useNotify, useTranslate, type HttpError } from 'react-admin';
import { EVALUATION_OUTCOMES, type EvaluationCriterion, type EvaluationFigures } from '../../../domain/tkskAssignment';
import type { TaskCompletionResult } from '../../../domain/workflowContracts';
import { serverErrors } from '../common/ActionDialog';
import { SubmitButton } from '../common/SubmitButton';
import type { KesosDataProvider } from '../dataProvider';
import { PersonName, RegionName } from '../fields/NameFields';
import type { TaskRecord, UserRecord } from '../types';
import { formatDay } from './format';
import { FormProblems } from '../common/FormProblems';

/** Touch targets of at least 44 px (WCAG 2.5.5). */
const TOUCH = 48;
const SCORES = [1, 2, 3, 4, 5] as const;

interface EvaluationContext {
  userId?: string;
  kecamatanCode?: string;
  skNumber?: string;
  period?: { startDate: string; endDate: string };
  year?: { from: string; to: string };
  criteria?: EvaluationCriterion[];
  figures?: Partial<EvaluationFigures>;
  appraiser?: 'supervisor' | 'koordinator' | 'second_supervisor';
}

/** The figure beside a criterion: a number, a percentage, or "—" when the period has none. */
const figureText = (figures: Partial<EvaluationFigures> | undefined, name: string | null) => {
  if (!name || !figures) return '—';
  const v = (figures as Record<string, number | null | undefined>)[name];
  return v == null ? '—' : name === 'slaCompliance' ? `${v}%` : String(v);
};

const ScoreInput = ({ source, label, testId }: { source: string; label: string; testId: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source });
  const labelId = `${testId}-label`;
  return (
    <Box role="group" aria-labelledby={labelId} data-testid={testId} data-score={field.value ?? ''}>
      <Typography id={labelId} component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {label}
      </Typography>
      <ToggleButtonGroup exclusive value={field.value ?? null} onChange={(_, v: number | null) => v && field.onChange(v)} onBlur={field.onBlur} size="small">
        {SCORES.map((s) => (
          <ToggleButton key={s} value={s} aria-label={`${label}: ${s}`} sx={{ minWidth: TOUCH, minHeight: TOUCH, fontSize: '1rem' }}>
            {s}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {fieldState.error?.message ? <FormHelperText error>{translate(fieldState.error.message, { _: fieldState.error.message })}</FormHelperText> : null}
    </Box>
  );
};

const OutcomeInput = () => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source: 'outcome' });
  return (
    <Box role="group" aria-labelledby="evaluation-outcome-label" data-testid="evaluation-outcome">
      <Typography id="evaluation-outcome-label" sx={{ fontWeight: 500, mb: 0.5 }}>
        {translate('kesos.tksk_assignment.outcome')}
      </Typography>
      <ToggleButtonGroup exclusive orientation="vertical" fullWidth value={field.value || null} onChange={(_, v: string | null) => v && field.onChange(v)}>
        {EVALUATION_OUTCOMES.map((o) => (
          <ToggleButton key={o} value={o} sx={{ minHeight: TOUCH, textTransform: 'none', fontSize: '1rem' }}>
            {translate(`kesos.outcome.${o}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {fieldState.error?.message ? <FormHelperText error>{translate(fieldState.error.message, { _: fieldState.error.message })}</FormHelperText> : null}
    </Box>
  );
};

/** Fields that depend on the outcome chosen. */
const OutcomeFields = ({ context }: { context: EvaluationContext }) => {
  const outcome = useWatch({ name: 'outcome' }) as string | undefined;
  const { data: colleagues = [] } = useGetList<UserRecord>(
    'assignable-users',
    { filter: { role: 'tksk', regionCode: context.kecamatanCode }, pagination: { page: 1, perPage: 100 }, sort: { field: 'displayName', order: 'ASC' } },
    { enabled: outcome === 'not_renew' && context.appraiser === 'supervisor' && !!context.kecamatanCode },
  );
  return (
    <>
      {outcome === 'renew_with_coaching' && (
        <TextInput
          source="coachingPlan"
          label="kesos.tksk_assignment.coaching_plan"
          helperText="kesos.tksk_assignment.evaluation.coaching_required"
          multiline
          minRows={3}
          fullWidth
        />
      )}
      {outcome === 'not_renew' && context.appraiser === 'supervisor' && (
        <SelectInput
          source="successorId"
          label="kesos.tksk_assignment.evaluation.successor"
          choices={colleagues.filter((u) => u.id !== context.userId && !u.disabled).map((u) => ({ id: u.id, name: u.displayName }))}
          translateChoice={false}
          emptyText="kesos.tksk_assignment.no_successor"
          fullWidth
        />
      )}
    </>
  );
};

type Values = { outcome?: string; scores?: (number | '' | undefined)[]; notes?: string; coachingPlan?: string; successorId?: string };

export const EvaluationForm = ({ task, onDone }: { task: TaskRecord; onDone: (result: TaskCompletionResult) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const context = (task.context ?? {}) as EvaluationContext;
  const criteria = context.criteria ?? [];
  const from = context.year?.from ?? context.period?.startDate;
  const to = context.year?.to ?? context.period?.endDate;
  const [missing, setMissing] = useState<string[]>([]);
  const [rejected, setRejected] = useState<string[]>([]);

  const submit = async (v: Values) => {
    setRejected([]);
    const errors: Record<string, string> = {};
    const absent: string[] = [];
    criteria.forEach((c, i) => {
      if (typeof v.scores?.[i] !== 'number') {
        errors[`scores.${i}`] = translate('kesos.tksk_assignment.evaluation.unanswered');
        absent.push(c.label);
      }
    });
    if (!v.outcome) {
      errors.outcome = translate('ra.validation.required');
      absent.push(translate('kesos.tksk_assignment.outcome'));
    }
    if (v.outcome === 'renew_with_coaching' && (v.coachingPlan ?? '').trim().length < 10) {
      errors.coachingPlan = translate('kesos.tksk_assignment.evaluation.coaching_required');
      absent.push(translate('kesos.tksk_assignment.coaching_plan'));
    }
    if (v.outcome === 'not_renew' && !(v.notes ?? '').trim()) {
      errors.notes = translate('kesos.tksk_assignment.evaluation.notes_required');
      absent.push(translate('kesos.tksk_assignment.notes'));
    }
    setMissing(absent);
    if (absent.length) {
      notify('kesos.form.fix_fields', { type: 'error' });
      return errors;
    }
    const data = {
      scores: criteria.map((c, i) => ({ criterionId: c.criterionId, score: v.scores![i] as number })),
      ...(v.notes?.trim() ? { notes: v.notes.trim() } : {}),
      ...(v.outcome === 'renew_with_coaching' ? { coachingPlan: v.coachingPlan!.trim() } : {}),
      ...(v.outcome === 'not_renew' && v.successorId ? { successorId: v.successorId } : {}),
    };
    try {
      const { data: result } = await dataProvider.completeTask(task.id, { outcome: v.outcome, data } as never);
      notify('kesos.tasks.complete.success', { type: 'success' });
      onDone(result as unknown as TaskCompletionResult);
      return undefined;
    } catch (error) {
      const { fields, message } = serverErrors(error);
      if (Object.keys(fields).length) notify('kesos.form.fix_fields', { type: 'error' });
      else notify(message, { type: 'error', messageArgs: { _: message } });
      setRejected(Object.entries(fields).map(([path, m]) => `${path.replace(/^data\./, '')}: ${m}`));
      // The server's paths are data.scores.0.score …; the form's are scores.0.
      const raw = ((error as HttpError)?.body as { errors?: Record<string, unknown> } | undefined)?.errors ?? {};
      return Object.fromEntries(Object.entries(raw).map(([k, m]) => [k.replace(/^data\./, '').replace(/\.score$/, ''), m]));
    }
  };

  // Everything starts empty: the record only gives the scores their rows.
  const record = { outcome: '', notes: '', coachingPlan: '', scores: criteria.map(() => '') };
  return (
    <Form record={record} onSubmit={submit as never} noValidate key={task.id}>
      <Stack spacing={2} data-testid="task-form" sx={{ maxWidth: 640, width: '100%', boxSizing: 'border-box' }}>
        <Box data-testid="evaluation-subject" sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover' }}>
          <Typography variant="body2">{translate('kesos.tksk_assignment.evaluation.tksk')}</Typography>
          <Typography variant="h6" component="p">
            <PersonName id={context.userId} />
          </Typography>
          <Typography variant="body2">
            <RegionName code={context.kecamatanCode} />
            {context.skNumber ? ` · SK ${context.skNumber}` : ''}
          </Typography>
          {from && to ? (
            <Typography variant="body2">{translate('kesos.tksk_assignment.evaluation.year', { from: formatDay(from), to: formatDay(to) })}</Typography>
          ) : null}
          {context.appraiser ? (
            <Typography variant="body2" color="text.secondary">
              {translate(`kesos.tksk_assignment.evaluation.as_${context.appraiser}`)}
            </Typography>
          ) : null}
        </Box>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate('kesos.tksk_assignment.evaluation.scores')}
        </Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="evaluation-criteria">
            <TableHead>
              <TableRow>
                <TableCell>{translate('kesos.tksk_assignment.criterion')}</TableCell>
                <TableCell align="right">{translate('kesos.tksk_assignment.evaluation.figure')}</TableCell>
                <TableCell>{translate('kesos.tksk_assignment.score')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {criteria.map((c, i) => (
                <TableRow key={c.criterionId} data-testid={`criterion-${c.criterionId}`}>
                  <TableCell>{c.label}</TableCell>
                  <TableCell align="right" data-testid={`figure-${c.criterionId}`}>
                    {c.figure ? (
                      <span title={translate(`kesos.tksk_assignment.figure.${c.figure}`, { _: c.figure })}>{figureText(context.figures, c.figure)}</span>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell>
                    <ScoreInput source={`scores.${i}`} label={c.label} testId={`score-${c.criterionId}`} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
        {context.figures ? (
          <Box data-testid="evaluation-figures">
            <Typography variant="body2" color="text.secondary">
              {translate('kesos.tksk_assignment.evaluation.figures')}:{' '}
              {Object.keys(context.figures)
                .map((k) => `${translate(`kesos.tksk_assignment.figure.${k}`, { _: k })} ${figureText(context.figures, k)}`)
                .join(' · ')}
            </Typography>
          </Box>
        ) : null}
        <OutcomeInput />
        <OutcomeFields context={context} />
        <TextInput source="notes" label="kesos.tksk_assignment.notes" multiline minRows={2} fullWidth helperText={false} />
        <FormProblems missing={missing} missingTitle="kesos.tksk_assignment.evaluation.missing" rejected={rejected} />
        <Box>
          <SubmitButton label="kesos.tasks.complete.submit" icon={<CheckIcon />} sx={{ minHeight: TOUCH }} />
        </Box>
      </Stack>
    </Form>
  );
};
