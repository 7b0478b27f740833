// What a stipend task is about, for people: the period, the amount and its components and the
// month's activity on the TKSK's report; on a payment issue the claim (link), the amount, the
// account on file and the provider's error, with Retry / Cancel explained before they are sent.
// Shown on the task page above the generated form (admin/src/tasks/TaskShow.tsx renders it for
// every task; it renders nothing for other types) and, for payment issues, on the claim page.
import { useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import OpenIcon from '@mui/icons-material/OpenInNew';
import RetryIcon from '@mui/icons-material/Replay';
import CancelIcon from '@mui/icons-material/DoNotDisturbOn';
import { useDataProvider, useGetOne, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { PAYMENT_FAILURE_CODES, type ClaimComponent } from '../../../domain/taliAsih';
import { ActionDialog } from '../common/ActionDialog';
import type { KesosDataProvider } from '../dataProvider';
import { DataView } from '../fields/DataView';
import { formatRupiah } from '../fields/RupiahField';
import { completionVerdict } from '../tasks/taskTypes';
import type { ClaimRecord, TaskRecord } from '../types';

/**
 * A provider's refusal in the reader's words, by its code (the provider's own text, often
 * English, only for a code the portal does not know).
 */
export const paymentFailureText = (
  translate: (key: string, options?: Record<string, unknown>) => string,
  c: { failure: string | null; failureCode?: string | null },
) =>
  c.failureCode && (PAYMENT_FAILURE_CODES as readonly string[]).includes(c.failureCode)
    ? translate(`kesos.stipend.payment_failure.${c.failureCode}`)
    : (c.failure ?? '—');

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** "2026-09" → "September 2026" in the UI language. */
export const periodLabel = (period: string, locale: string): string => {
  const [y, m] = period.split('-').map(Number);
  if (!y || !m) return period;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
};

const Label = ({ children }: { children: string }) => (
  <Typography variant="body2" color="text.secondary">
    {children}
  </Typography>
);

const Components = ({ components }: { components: ClaimComponent[] }) => (
  <Table size="small" sx={{ maxWidth: 520 }} data-testid="summary-components">
    <TableBody>
      {components.map((c) => (
        <TableRow key={c.component}>
          <TableCell sx={{ pl: 0 }}>{c.label}</TableCell>
          <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
            {formatRupiah(c.amount)}
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

/** Retry or cancel a refused payment; each says what it does before it is sent. */
export const PaymentIssueButtons = ({ task, onDone }: { task: TaskRecord; onDone?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [dialog, setDialog] = useState<'retry' | 'cancel' | null>(null);
  if (task.status !== 'open' || !completionVerdict(task).ok) return null;
  const send = async (outcome: 'retry' | 'cancel', values: Record<string, string>) => {
    await dataProvider.completeTask(task.id, outcome === 'retry' ? { outcome, data: { note: values.note } } : { outcome, data: { reason: values.reason } });
    notify(`kesos.stipend.payment_issue.done.${outcome}`, { type: 'success' });
    setDialog(null);
    refresh();
    onDone?.();
  };
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="payment-issue-buttons">
        <Button variant="contained" startIcon={<RetryIcon />} onClick={() => setDialog('retry')}>
          {translate('kesos.stipend.payment_issue.retry')}
        </Button>
        <Button variant="outlined" color="error" startIcon={<CancelIcon />} onClick={() => setDialog('cancel')}>
          {translate('kesos.stipend.payment_issue.cancel')}
        </Button>
      </Stack>
      {dialog && (
        <ActionDialog
          open
          testId={`dialog-payment-${dialog}`}
          title={`kesos.stipend.payment_issue.${dialog}_title`}
          description={translate(`kesos.stipend.payment_issue.${dialog}_explain`)}
          fields={
            dialog === 'retry'
              ? [
                  {
                    name: 'note',
                    label: 'kesos.field.note',
                    required: true,
                    minLength: 5,
                    multiline: true,
                    helperText: 'kesos.stipend.payment_issue.note_help',
                  },
                ]
              : [
                  {
                    name: 'reason',
                    label: 'kesos.field.reason',
                    required: true,
                    minLength: 5,
                    multiline: true,
                    helperText: 'kesos.stipend.payment_issue.reason_help',
                  },
                ]
          }
          submitLabel={`kesos.stipend.payment_issue.${dialog}`}
          submitColor={dialog === 'cancel' ? 'error' : 'primary'}
          onClose={() => setDialog(null)}
          onSubmit={(values) => send(dialog, values)}
        />
      )}
    </>
  );
};

/** The refused payment: which claim, how much, to which account, and what the provider said. */
const PaymentIssue = ({ task, context, withButtons }: { task: TaskRecord; context: Record<string, unknown>; withButtons: boolean }) => {
  const translate = useTranslate();
  const claimId = String(context.claimId ?? task.workflowId);
  const { data: claim } = useGetOne<ClaimRecord>('claims', { id: claimId }, { enabled: !!claimId });
  const component = (Array.isArray(context.components) ? (context.components as ClaimComponent[]) : []).find((c) => c.component === context.component);
  return (
    <Stack spacing={1.5} data-testid="payment-issue-summary">
      <Typography variant="subtitle1">{translate('kesos.stipend.payment_issue.title')}</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(180px, max-content) 1fr' }, columnGap: 2, rowGap: 0.5 }}>
        <Label>{translate('resources.claims.fields.id')}</Label>
        <Box>
          <Button
            component={Link}
            to={`/claims/${encodeURIComponent(claimId)}/show`}
            size="small"
            startIcon={<OpenIcon />}
            sx={{ p: 0 }}
            data-testid="summary-claim-link"
          >
            {claim ? `${claim.tkskName} · ${claim.period}` : claimId}
          </Button>
        </Box>
        <Label>{translate('kesos.stipend.payment_issue.component')}</Label>
        <Typography variant="body2">{component?.label ?? String(context.component ?? '—')}</Typography>
        <Label>{translate('kesos.stipend.payment_issue.amount')}</Label>
        <Typography variant="body2" data-testid="summary-issue-amount">
          {typeof context.amount === 'number' ? formatRupiah(context.amount) : '—'}
        </Typography>
        <Label>{translate('kesos.stipend.payment_issue.account')}</Label>
        <Typography variant="body2" data-testid="summary-account">
          {claim ? (claim.bankAccount ?? translate('kesos.stipend.payment_issue.no_account')) : '…'}
        </Typography>
        <Label>{translate('kesos.stipend.payment_issue.failure')}</Label>
        <Typography variant="body2" color="error" data-testid="summary-failure">
          {/* The claim's row has the provider's code (worded); the task's context only its text. */}
          {paymentFailureText(
            translate,
            claim?.components?.find((c) => c.component === context.component && c.failure) ?? { failure: context.failure ? String(context.failure) : null },
          )}
        </Typography>
      </Box>
      <Alert severity="info">{translate('kesos.stipend.payment_issue.explain')}</Alert>
      {withButtons && <PaymentIssueButtons task={task} />}
    </Stack>
  );
};

/** The summary of a stipend task (nothing for other task types). */
export const ClaimSummary = ({ task: given, withButtons = true }: { task?: TaskRecord; withButtons?: boolean }) => {
  const record = useRecordContext<TaskRecord>();
  const task = given ?? record;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!task || !task.type.startsWith('tali_asih_') || !isObject(task.context)) return null;
  const context = task.context;
  const components = Array.isArray(context.components) ? (context.components as ClaimComponent[]) : [];
  const period = typeof context.period === 'string' ? context.period : null;
  return (
    <Paper variant="outlined" sx={{ mx: 2, mt: 2, p: 2 }} data-testid="claim-summary">
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h2">
          {translate('kesos.stipend.summary.title')}
        </Typography>
        <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          {period && (
            <Box>
              <Label>{translate('kesos.stipend.summary.period')}</Label>
              <Typography variant="h6" component="p" data-testid="summary-period">
                {periodLabel(period, locale)}
              </Typography>
            </Box>
          )}
          {typeof context.total === 'number' && (
            <Box>
              <Label>{translate('kesos.stipend.summary.total')}</Label>
              <Typography variant="h6" component="p" data-testid="summary-total">
                {formatRupiah(context.total)}
              </Typography>
            </Box>
          )}
        </Stack>
        {components.length > 0 && (
          <Box>
            <Typography variant="subtitle2">{translate('kesos.stipend.summary.components')}</Typography>
            <Components components={components} />
          </Box>
        )}
        {task.type === 'tali_asih_payment_issue' ? (
          <PaymentIssue task={task} context={context} withButtons={withButtons} />
        ) : (
          isObject(context.activity) && (
            <Box>
              <Typography variant="subtitle2">{translate('kesos.stipend.summary.activity')}</Typography>
              <DataView data={context.activity} testId="summary-activity" />
              {task.type === 'tali_asih_report' && task.status === 'open' && (
                <Typography variant="caption" color="text.secondary">
                  {translate('kesos.stipend.summary.activity_help')}
                </Typography>
              )}
            </Box>
          )
        )}
      </Stack>
    </Paper>
  );
};
