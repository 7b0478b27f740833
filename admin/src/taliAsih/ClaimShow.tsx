// One stipend claim (GET /api/tali-asih/claims/:id): amount and components, the TKSK's report,
// the decision on its open step (the same task completion as the inbox: Setujui / Kembalikan /
// Tolak with a required reason) and its history, built from the claim's tasks and payments.
import { useState, type ReactNode } from 'react';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import OpenIcon from '@mui/icons-material/OpenInNew';
import ReissueIcon from '@mui/icons-material/Replay';
import { Show, useDataProvider, useGetManyAggregate, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ACTIONS } from '../../../domain/access';
import type { Role } from '../../../domain/roles';
import { ActionDialog } from '../common/ActionDialog';
import type { KesosDataProvider } from '../dataProvider';
import { ClaimSummary, paymentFailureText } from './ClaimSummary';
import { Link } from 'react-router-dom';
import { Section, ShowHeading } from '../common/ShowParts';
import { ClaimStatusField } from '../fields/StatusField';
import { DataView } from '../fields/DataView';
import { formatRupiah } from '../fields/RupiahField';
import { ApprovalButtons } from '../tasks/ApprovalButtons';
import { completionVerdict, isApprovalType, useTaskTypes } from '../tasks/taskTypes';
import { formatDateTime } from '../format';
import { RegionName } from '../fields/NameFields';
import type { ClaimRecord, PersonRecord, TaskRecord } from '../types';

const ClaimTitle = () => {
  const record = useRecordContext<ClaimRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate('kesos.claims.title', { name: record.tkskName, period: record.period })}</span>;
};

/** A headline figure under its label. */
const Figure = ({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) => (
  <Box>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="h6" component="p" data-testid={testId}>
      {children}
    </Typography>
  </Box>
);

const ClaimHeader = () => {
  const claim = useRecordContext<ClaimRecord>();
  const translate = useTranslate();
  if (!claim) return null;
  return (
    <Stack spacing={1.5} sx={{ p: 2 }}>
      <ShowHeading testId="claim-heading" chips={<ClaimStatusField source="status" />}>
        {claim.tkskName} · {claim.period}
      </ShowHeading>
      <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Figure label={translate('resources.claims.fields.totalAmount')} testId="claim-total">
          {formatRupiah(claim.totalAmount)}
        </Figure>
        <Figure label={translate('resources.claims.fields.paidAmount')} testId="claim-paid">
          {formatRupiah(claim.paidAmount)}
        </Figure>
        <Figure label={`${translate('resources.claims.fields.kecamatanCode')} · ${translate('resources.claims.fields.fundingSource')}`}>
          <RegionName code={claim.kecamatanCode} /> · {translate(`kesos.funding_source.${claim.fundingSource}`, { _: claim.fundingSource })}
        </Figure>
      </Stack>
      {claim.status === 'rejected' && claim.rejectedReason && (
        <Alert severity="error">
          <strong>{translate('kesos.claims.rejected')}</strong> {claim.rejectedReason}
        </Alert>
      )}
      {claim.status === 'awaiting_budget' && <Alert severity="warning">{translate('kesos.claims.awaiting_budget_hint')}</Alert>}
      {claim.status === 'payment_cancelled' && <PaymentCancelled claim={claim} />}
    </Stack>
  );
};

/** A cancelled payment: why, what it means (the claim stands), and the province's reissue. */
const PaymentCancelled = ({ claim }: { claim: ClaimRecord }) => {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role | null>();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [open, setOpen] = useState(false);
  return (
    <Alert
      severity="warning"
      data-testid="payment-cancelled"
      action={
        role && (ACTIONS['claim.reissue'] as readonly Role[]).includes(role) ? (
          <Button color="inherit" size="small" variant="outlined" onClick={() => setOpen(true)} startIcon={<ReissueIcon />}>
            {translate('kesos.stipend.cancelled.reissue')}
          </Button>
        ) : undefined
      }
    >
      {claim.rejectedReason && (
        <Typography variant="body2">
          <strong>{translate('kesos.stipend.cancelled.heading')}</strong> {claim.rejectedReason}
        </Typography>
      )}
      <Typography variant="body2">{translate('kesos.stipend.cancelled.explain')}</Typography>
      {open && (
        <ActionDialog
          open
          testId="dialog-reissue"
          title="kesos.stipend.cancelled.reissue_title"
          description={translate('kesos.stipend.cancelled.reissue_explain')}
          fields={[{ name: 'note', label: 'kesos.stipend.cancelled.note', required: true, multiline: true, helperText: 'kesos.stipend.cancelled.note_help' }]}
          submitLabel="kesos.stipend.cancelled.reissue"
          onClose={() => setOpen(false)}
          onSubmit={async (values) => {
            await dataProvider.reissuePayment(claim.id, values.note);
            notify('kesos.stipend.cancelled.reissued', { type: 'success' });
            setOpen(false);
            refresh();
          }}
        />
      )}
    </Alert>
  );
};

/** The open step: decision buttons for whoever may decide it, otherwise who it is waiting for. */
const OpenStep = ({ task }: { task: TaskRecord }) => {
  const translate = useTranslate();
  const { byType } = useTaskTypes();
  const info = byType.get(task.type);
  const verdict = completionVerdict(task);
  const waiting = translate('kesos.claims.waiting_for', {
    step: translate(`kesos.task_type.${task.type}`, { _: task.type }),
    role: translate(`kesos.role.${task.candidateRole}`, { _: task.candidateRole }),
  });
  if (isApprovalType(info) && (verdict.ok || verdict.reason === 'own')) {
    return (
      <Stack spacing={1}>
        <Typography variant="body2">{waiting}</Typography>
        <ApprovalButtons task={task} info={info!} />
      </Stack>
    );
  }
  if (task.type === 'tali_asih_payment_issue') {
    return (
      <Stack spacing={1}>
        <Typography variant="body2">{waiting}</Typography>
        <ClaimSummary task={task} />
      </Stack>
    );
  }
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <Typography variant="body2">{waiting}</Typography>
      {verdict.ok && (
        <Button component={Link} to={`/tasks/${task.id}/show`} size="small" variant="contained" startIcon={<OpenIcon />}>
          {translate('kesos.claims.open_task')}
        </Button>
      )}
    </Stack>
  );
};

const Decision = () => {
  const claim = useRecordContext<ClaimRecord>();
  if (!claim?.openTasks?.length) return null;
  return (
    <Section title="kesos.claims.section.decision" testId="claim-decision">
      <Stack spacing={2}>
        {claim.openTasks.map((t) => (
          <OpenStep key={t.id} task={t} />
        ))}
      </Stack>
    </Section>
  );
};

/** Base rate and special assignments, each paid once (idempotency key `<claim>:<component>`). */
const Components = () => {
  const claim = useRecordContext<ClaimRecord>();
  const translate = useTranslate();
  const columns = ['label', 'amount', 'status', 'paymentRef', 'paidAt'] as const;
  return (
    <Section title="kesos.claims.section.components" testId="claim-components">
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableCell key={c} align={c === 'amount' ? 'right' : 'left'}>
                  {translate(`kesos.claims.component.${c}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {(claim?.components ?? []).map((c) => (
              <TableRow key={c.component} data-testid={`component-${c.component}`}>
                <TableCell>{c.label}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatRupiah(c.amount)}
                </TableCell>
                <TableCell>
                  {translate(`kesos.component_status.${c.status}`, { _: c.status })}
                  {c.failure && (
                    <Typography variant="caption" color="error" sx={{ display: 'block' }}>
                      {paymentFailureText(translate, c)}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{c.paymentRef ?? '—'}</TableCell>
                <TableCell>{formatDateTime(c.paidAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Section>
  );
};

const Report = () => {
  const claim = useRecordContext<ClaimRecord>();
  const translate = useTranslate();
  if (!claim) return null;
  return (
    <Section title="kesos.claims.section.report">
      <DataView data={claim.activity} testId="claim-activity" />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('kesos.field.narrative')}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {claim.narrative ?? translate('kesos.claims.no_report')}
      </Typography>
    </Section>
  );
};

interface HistoryEntry {
  at: string;
  text: string;
  detail?: string;
}

/** Opened, each decided step (who, what, why) and each payment, oldest first. */
const StatusHistory = () => {
  const claim = useRecordContext<ClaimRecord>();
  const translate = useTranslate();
  // Who decided each step, by name (GET /api/people; the id when outside the caller's lookup).
  const actorIds = [...new Set((claim?.tasks ?? []).map((t) => t.actorId).filter((id): id is string => !!id))];
  const { data: people } = useGetManyAggregate<PersonRecord>('people', { ids: actorIds }, { enabled: actorIds.length > 0, staleTime: 5 * 60_000 });
  const nameOf = (id: string | null | undefined) => (id ? (people?.find((p) => p.id === id)?.displayName ?? id) : '—');
  if (!claim) return null;
  const entries: HistoryEntry[] = [{ at: claim.createdAt, text: translate('kesos.claims.history.opened') }];
  for (const t of claim.tasks ?? []) {
    if (t.status === 'open' || !t.completedAt) continue;
    const step = translate(`kesos.task_type.${t.type}`, { _: t.type });
    const why = t.data?.reason ?? t.data?.note;
    entries.push({
      at: t.completedAt,
      text:
        t.status === 'cancelled'
          ? translate('kesos.claims.history.cancelled', { step })
          : translate('kesos.claims.history.decided', {
              step,
              outcome: t.outcome ? translate(`kesos.outcome.${t.outcome}`, { _: t.outcome }) : translate('kesos.outcome.submit'),
              actor: nameOf(t.actorId),
            }),
      detail: typeof why === 'string' ? why : undefined,
    });
  }
  for (const c of claim.components ?? []) {
    if (c.paidAt)
      entries.push({
        at: c.paidAt,
        text: translate('kesos.claims.history.paid', { label: c.label, amount: formatRupiah(c.amount) }),
        detail: c.paymentRef ?? undefined,
      });
  }
  entries.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Section title="kesos.claims.section.history" testId="claim-history">
      <Box component="ol" sx={{ m: 0, pl: 3 }}>
        {entries.map((e, i) => (
          <li key={i}>
            <Typography variant="body2">
              <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
                {formatDateTime(e.at)}
              </Box>
              {e.text}
              {e.detail && (
                <Box component="q" sx={{ ml: 0.5, fontStyle: 'italic' }}>
                  {e.detail}
                </Box>
              )}
            </Typography>
          </li>
        ))}
      </Box>
    </Section>
  );
};

export const ClaimShow = () => (
  <Show<ClaimRecord> title={<ClaimTitle />}>
    <ClaimHeader />
    <Decision />
    <Components />
    <Report />
    <StatusHistory />
  </Show>
);
