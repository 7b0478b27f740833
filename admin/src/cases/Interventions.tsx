// Supervisor interventions on a case (POST /api/cases/:id/actions/<action>, a reason each; a
// note also from the case's own TKSK), and the four-eyes requests waiting for a second supervisor.
import { useState, type ReactElement } from 'react';
import { Alert, AlertTitle, Box, Button, CircularProgress, Stack } from '@mui/material';
import ReassignIcon from '@mui/icons-material/SwapHoriz';
import PauseIcon from '@mui/icons-material/Pause';
import ResumeIcon from '@mui/icons-material/PlayArrow';
import ExtendIcon from '@mui/icons-material/MoreTime';
import CancelIcon from '@mui/icons-material/Cancel';
import ReopenIcon from '@mui/icons-material/Replay';
import NoteIcon from '@mui/icons-material/NoteAdd';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ActionDialog, type DialogField } from '../common/ActionDialog';
import type { KesosDataProvider } from '../dataProvider';
import { ReassignCaseDialog } from './Reassign';
import { ExtendDeadlineDialog } from '../tasks/ExtendDeadlineDialog';
import { getUser } from '../session';
import type { Intervention } from '../../../domain/interventions';
import { isSupervisor } from '../../../domain/roles';
import { formatDateTime as fmt } from '../format';
import type { CaseRecord, PendingIntervention } from '../types';
import { useAction } from '../common/useAction';

const ICONS: Record<Intervention, ReactElement> = {
  reassign: <ReassignIcon />,
  pause: <PauseIcon />,
  resume: <ResumeIcon />,
  'extend-deadline': <ExtendIcon />,
  cancel: <CancelIcon />,
  reopen: <ReopenIcon />,
  note: <NoteIcon />,
};

const reasonField: DialogField = {
  name: 'reason',
  label: 'kesos.field.reason',
  required: true,
  minLength: 5,
  multiline: true,
  helperText: 'kesos.interventions.reason_help',
};

/** Which interventions the signed-in user may start on this case now. */
export function availableInterventions(record: CaseRecord | undefined): Intervention[] {
  const user = getUser();
  if (!record || !user) return [];
  if (user.role === 'tksk') return user.id === record.assigneeId ? ['note'] : [];
  if (!isSupervisor(user.role)) return [];
  const ended = record.status === 'closed' || record.status === 'cancelled';
  const actions: Intervention[] = [];
  if (!ended) {
    actions.push('reassign', record.paused ? 'resume' : 'pause');
    if ((record.openTasks ?? []).length) actions.push('extend-deadline');
    actions.push('cancel');
  }
  if (record.status === 'closed') actions.push('reopen');
  actions.push('note');
  return actions;
}

export const InterventionButtons = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [open, setOpen] = useState<Intervention | null>(null);
  const actions = availableInterventions(record);
  if (!record || !actions.length) return null;

  const fieldsFor = (action: Intervention): DialogField[] => {
    switch (action) {
      case 'note':
        return [{ name: 'text', label: 'kesos.interventions.note_text', required: true, minLength: 3, multiline: true }];
      default:
        return [reasonField];
    }
  };

  const submit = async (action: Intervention, values: Record<string, unknown>) => {
    const { status } = await dataProvider.caseAction(record.id, action, values);
    notify(status === 202 ? 'kesos.interventions.pending' : `kesos.interventions.done.${action}`, { type: status === 202 ? 'info' : 'success' });
    refresh();
  };

  return (
    <>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="interventions">
        {actions.map((action) => (
          <Button
            key={action}
            size="small"
            variant={action === 'note' ? 'text' : 'outlined'}
            color={action === 'cancel' ? 'error' : 'primary'}
            startIcon={ICONS[action]}
            onClick={() => setOpen(action)}
            data-testid={`intervention-${action}`}
          >
            {translate(`kesos.interventions.action.${action}`)}
          </Button>
        ))}
      </Stack>
      {open === 'reassign' && (
        <ReassignCaseDialog kecamatanCode={record.kecamatanCode} onClose={() => setOpen(null)} onSubmit={(values) => submit('reassign', values)} />
      )}
      {open === 'extend-deadline' && (
        <ExtendDeadlineDialog openTasks={record.openTasks ?? []} onClose={() => setOpen(null)} onSubmit={(values) => submit('extend-deadline', values)} />
      )}
      {open && open !== 'reassign' && open !== 'extend-deadline' && (
        <ActionDialog
          open
          testId={`dialog-${open}`}
          title={`kesos.interventions.title.${open}`}
          description={translate(`kesos.interventions.explain.${open}`)}
          fields={fieldsFor(open)}
          submitLabel={`kesos.interventions.action.${open}`}
          submitColor={open === 'cancel' ? 'error' : 'primary'}
          onClose={() => setOpen(null)}
          onSubmit={(values) => submit(open, values)}
        />
      )}
    </>
  );
};

const PendingRow = ({ caseId, item }: { caseId: string; item: PendingIntervention }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const { busy, running, run } = useAction<'confirm' | 'decline'>();
  const user = getUser();
  const mayDecide = isSupervisor(user?.role) && user?.id !== item.requestedBy;
  const decide = (approve: boolean) =>
    run(
      async () => {
        await dataProvider.confirmIntervention(caseId, item.interventionId, approve);
        notify(approve ? 'kesos.interventions.confirmed' : 'kesos.interventions.declined', { type: 'success' });
      },
      approve ? 'confirm' : 'decline',
    );
  const reason = typeof item.payload?.reason === 'string' ? item.payload.reason : '';
  return (
    <Alert
      severity="warning"
      data-testid="pending-intervention"
      action={
        mayDecide ? (
          <Stack direction="row" spacing={1}>
            {(['confirm', 'decline'] as const).map((choice) => (
              <Button
                key={choice}
                size="small"
                variant={choice === 'confirm' ? 'contained' : 'text'}
                color={choice === 'confirm' ? 'warning' : 'inherit'}
                disabled={busy}
                onClick={() => void decide(choice === 'confirm')}
                startIcon={running === choice ? <CircularProgress size={14} color="inherit" /> : undefined}
              >
                {translate(`kesos.interventions.${choice}`)}
              </Button>
            ))}
          </Stack>
        ) : undefined
      }
    >
      <AlertTitle>
        {translate('kesos.interventions.pending_title', { action: translate(`kesos.interventions.action.${item.action}`, { _: item.action }) })}
      </AlertTitle>
      {translate('kesos.interventions.requested_by', { who: item.requestedBy, at: fmt(item.requestedAt) })}
      {reason && (
        <Box component="q" sx={{ ml: 0.5 }}>
          {reason}
        </Box>
      )}
      {!mayDecide && <Box sx={{ mt: 0.5, fontStyle: 'italic' }}>{translate('kesos.interventions.waiting_other')}</Box>}
    </Alert>
  );
};

/** Four-eyes requests on this case, with Konfirmasi / Tolak for the other supervisors. */
export const PendingInterventions = () => {
  const record = useRecordContext<CaseRecord>();
  const pending = record?.pendingInterventions ?? [];
  if (!record || !pending.length) return null;
  return (
    <Stack spacing={1} sx={{ my: 1 }}>
      {pending.map((item) => (
        <PendingRow key={item.interventionId} caseId={String(record.id)} item={item} />
      ))}
    </Stack>
  );
};
