// One TKSK's assignment (GET /api/tksk-assignments/:userId): the latest period on top, every SK
// period with its yearly evaluation (each appraiser by name, their outcome and scores per
// criterion beside the system's figures), the end (reason, date, successor by name), and the
// timeline of the audited decisions. The kabupaten supervisor (or admin) ends it from here.
import { useState } from 'react';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import StopIcon from '@mui/icons-material/PersonOff';
import { Labeled, Show, TopToolbar, useDataProvider, useGetList, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { END_REASONS } from '../../../domain/tkskAssignment';
import { ActionDialog } from '../common/ActionDialog';
import type { KesosDataProvider } from '../dataProvider';
import { formatDateTime } from '../format';
import { PersonName, RegionName } from '../fields/NameFields';
import type { TkskAssignmentDetail, TkskEvaluation, UserRecord } from '../types';
import { RosterStatusChip } from './AssignmentList';
import { formatDay } from './format';
import { managesAssignments } from './roles';

const Title = () => {
  const record = useRecordContext<TkskAssignmentDetail>();
  const translate = useTranslate();
  return <span>{record ? translate('kesos.tksk_assignment.show_title', { name: record.displayName }) : ''}</span>;
};

/** Today in Jakarta (YYYY-MM-DD). */
const jakartaToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

const EndButton = () => {
  const record = useRecordContext<TkskAssignmentDetail>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const { permissions: role } = usePermissions<string | null>();
  const [open, setOpen] = useState(false);
  // The successor: another active TKSK of the same kecamatan (the API checks it again).
  const { data: colleagues } = useGetList<UserRecord>(
    role === 'admin' ? 'users' : 'assignable-users',
    { filter: { role: 'tksk', regionCode: record?.kecamatanCode }, pagination: { page: 1, perPage: 100 }, sort: { field: 'displayName', order: 'ASC' } },
    { enabled: !!record && open },
  );
  if (!record || !managesAssignments(role) || record.status === 'ended') return null;
  if (record.status === 'evaluation')
    return (
      <Alert severity="info" data-testid="end-blocked">
        {translate('kesos.tksk_assignment.evaluation_open')}
      </Alert>
    );
  const successors = (colleagues ?? []).filter((u) => u.id !== record.userId && !u.disabled);
  return (
    <>
      <Button variant="outlined" color="warning" startIcon={<StopIcon />} onClick={() => setOpen(true)} data-testid="assignment-end">
        {translate('kesos.tksk_assignment.end')}
      </Button>
      <ActionDialog
        open={open}
        title="kesos.tksk_assignment.end_title"
        description={translate('kesos.tksk_assignment.end_explain')}
        testId="assignment-end-dialog"
        submitLabel="kesos.tksk_assignment.end"
        submitColor="warning"
        fields={[
          {
            name: 'reason',
            label: 'kesos.tksk_assignment.end_reason_label',
            required: true,
            options: END_REASONS.map((r) => ({ value: r, label: translate(`kesos.tksk_assignment.end_reason.${r}`) })),
          },
          { name: 'endDate', label: 'kesos.tksk_assignment.end_date', required: true, type: 'date', helperText: undefined },
          {
            name: 'successorId',
            label: 'kesos.tksk_assignment.successor',
            options: [{ value: '', label: translate('kesos.tksk_assignment.no_successor') }, ...successors.map((u) => ({ value: u.id, label: u.displayName }))],
          },
        ]}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          await dataProvider.endTkskAssignment(record.id, { reason: v.reason, endDate: v.endDate || jakartaToday(), successorId: v.successorId || null });
          notify('kesos.tksk_assignment.end_done', { type: 'success' });
          refresh();
        }}
      />
    </>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <EndButton />
  </TopToolbar>
);

const Evaluation = ({ evaluation }: { evaluation: TkskEvaluation }) => {
  const translate = useTranslate();
  const labelOf = (id: string) => evaluation.criteria?.find((c) => c.criterionId === id)?.label ?? id;
  const criteria = [...new Set(evaluation.appraisals.flatMap((a) => a.scores.map((s) => s.criterionId)))];
  return (
    <Stack spacing={1} data-testid="evaluation">
      <Typography variant="body2">
        <strong>{translate(`kesos.outcome.${evaluation.outcome}`, { _: evaluation.outcome })}</strong> ·{' '}
        {translate(evaluation.agreed ? 'kesos.tksk_assignment.agreed' : 'kesos.tksk_assignment.disagreed')}
        {evaluation.year ? ` · ${formatDay(evaluation.year.from)} – ${formatDay(evaluation.year.to)}` : ''}
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate('kesos.tksk_assignment.evaluations')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('kesos.tksk_assignment.criterion')}</TableCell>
              {evaluation.appraisals.map((a, i) => (
                <TableCell key={i} align="right" data-testid="appraiser">
                  <PersonName id={a.actorId} />
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {criteria.map((c) => (
              <TableRow key={c}>
                <TableCell>{labelOf(c)}</TableCell>
                {evaluation.appraisals.map((a, i) => (
                  <TableCell key={i} align="right">
                    {a.scores.find((s) => s.criterionId === c)?.score ?? '—'}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            <TableRow>
              <TableCell>{translate('kesos.tksk_assignment.outcome')}</TableCell>
              {evaluation.appraisals.map((a, i) => (
                <TableCell key={i} align="right">
                  {translate(`kesos.outcome.${a.outcome}`, { _: a.outcome })}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </Box>
      {evaluation.appraisals.map((a, i) =>
        a.notes || a.coachingPlan ? (
          <Typography key={i} variant="body2">
            <PersonName id={a.actorId} />: {a.notes ?? ''}
            {a.coachingPlan ? ` ${translate('kesos.tksk_assignment.coaching_plan')}: ${a.coachingPlan}` : ''}
          </Typography>
        ) : null,
      )}
    </Stack>
  );
};

const Periods = () => {
  const record = useRecordContext<TkskAssignmentDetail>();
  const translate = useTranslate();
  if (!record?.assignments) return null;
  return (
    <Stack spacing={2} data-testid="assignment-periods">
      {[...record.assignments].reverse().map((a) => (
        <Box key={a.assignmentId} sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {translate('kesos.tksk_assignment.sk_number')} {a.skNumber} ({formatDay(a.skDate)})
          </Typography>
          <Typography variant="body2">
            <RegionName code={a.kecamatanCode} /> · {formatDay(a.startDate)} – {formatDay(a.endDate)} ·{' '}
            {translate(`kesos.tksk_assignment.status.${a.status}`, { _: a.status })}
          </Typography>
          {a.endReason && (
            <Typography variant="body2" data-testid="end-reason">
              {translate('kesos.tksk_assignment.end_reason_label')}: {translate(`kesos.tksk_assignment.end_reason.${a.endReason}`, { _: a.endReason })} ·{' '}
              {translate('kesos.tksk_assignment.ended_on')} {formatDay(a.endedOn)}
              {a.successorId ? (
                <>
                  {' '}
                  · {translate('kesos.tksk_assignment.successor')}: <PersonName id={a.successorId} />
                </>
              ) : null}
            </Typography>
          )}
          <Box sx={{ mt: 1 }}>
            {a.evaluation ? (
              <Evaluation evaluation={a.evaluation} />
            ) : (
              <Typography variant="body2" color="text.secondary">
                {translate('kesos.tksk_assignment.no_evaluation')}
              </Typography>
            )}
          </Box>
        </Box>
      ))}
    </Stack>
  );
};

/** The audited decisions, oldest first; actions and reasons in words, people by name. */
const Timeline = () => {
  const record = useRecordContext<TkskAssignmentDetail>();
  const translate = useTranslate();
  if (!record?.timeline) return null;
  const detail = (d: Record<string, unknown>) => {
    const parts: string[] = [];
    if (typeof d.reason === 'string') parts.push(translate(`kesos.tksk_assignment.end_reason.${d.reason}`, { _: d.reason }));
    if (typeof d.endDate === 'string') parts.push(formatDay(d.endDate));
    if (typeof d.skNumber === 'string') parts.push(`SK ${d.skNumber}`);
    return parts.join(' · ');
  };
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="assignment-timeline" aria-label={translate('kesos.tksk_assignment.timeline')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('kesos.tksk_assignment.when')}</TableCell>
            <TableCell>{translate('kesos.tksk_assignment.what')}</TableCell>
            <TableCell>{translate('kesos.tksk_assignment.who')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {record.timeline.map((t, i) => {
            const action = t.action.replace(/^tksk_assignment\./, '');
            return (
              <TableRow key={i}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(t.at)}</TableCell>
                <TableCell>
                  {translate(`kesos.tksk_assignment.action.${action}`, { _: action })}
                  {detail(t.details) ? ` — ${detail(t.details)}` : ''}
                  {typeof t.details.successorId === 'string' ? (
                    <>
                      {' '}
                      → <PersonName id={t.details.successorId} />
                    </>
                  ) : null}
                </TableCell>
                <TableCell>
                  <PersonName id={t.actorId} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
};

const Summary = () => {
  const record = useRecordContext<TkskAssignmentDetail>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={0.5} data-testid="assignment-summary">
      <Typography variant="h6" component="p">
        {record.displayName}
      </Typography>
      <Typography variant="body2">
        {translate('kesos.tksk_assignment.kecamatan')}: {record.kecamatanName} · SK {record.skNumber}
      </Typography>
      <Box>
        <RosterStatusChip status={record.rosterStatus} />
      </Box>
    </Stack>
  );
};

export const AssignmentShow = () => {
  const translate = useTranslate();
  return (
    <Show<TkskAssignmentDetail> title={<Title />} actions={<ShowActions />}>
      <Stack spacing={2} sx={{ p: 2 }}>
        <Summary />
        <Labeled label={translate('kesos.tksk_assignment.periods')} fullWidth>
          <Periods />
        </Labeled>
        <Labeled label={translate('kesos.tksk_assignment.timeline')} fullWidth>
          <Timeline />
        </Labeled>
      </Stack>
    </Show>
  );
};
