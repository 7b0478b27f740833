// Setujui / Kembalikan / Tolak for approval task types. Approve posts at once; return and reject
// ask for a reason (≥ 5 characters) first. Stipend steps explain their own consequences (a return
// goes to the previous reviewer, a rejection ends the claim), so they have their own texts.
import { useState, type MouseEvent } from 'react';
import { Button, CircularProgress, Stack, Tooltip } from '@mui/material';
import ApproveIcon from '@mui/icons-material/CheckCircle';
import ReturnIcon from '@mui/icons-material/Undo';
import RejectIcon from '@mui/icons-material/Block';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import type { KesosDataProvider } from '../dataProvider';
import type { TaskRecord, TaskTypeInfo } from '../types';
import type { TaskCompletionResult } from '../../../domain/workflowContracts';
import { completionVerdict } from './taskTypes';
import { useAction } from '../common/useAction';

interface Props {
  task: TaskRecord;
  info: TaskTypeInfo;
  size?: 'small' | 'medium';
  /** With the workflow's answer (the case or claim after the decision: what comes next). */
  onDone?: (outcome: string, result: TaskCompletionResult) => void;
}

export const ApprovalButtons = ({ task, info, size = 'medium', onDone }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const { busy: approving, run } = useAction();
  const [dialog, setDialog] = useState<'return' | 'reject' | null>(null);
  const texts = task.type.startsWith('tali_asih_') ? 'kesos.claims.approval' : 'kesos.tasks.approval';
  const verdict = completionVerdict(task);
  if (!verdict.ok && verdict.reason !== 'own') return null;
  const disabled = !verdict.ok || approving;
  const stop = (e: MouseEvent) => e.stopPropagation();

  const approve = (e: MouseEvent) => {
    e.stopPropagation();
    return run(async () => {
      const { data } = await dataProvider.completeTask(task.id, { outcome: 'approve', data: {} });
      notify(`${texts}.done.approve`, { type: 'success' });
      onDone?.('approve', data as unknown as TaskCompletionResult);
    });
  };

  const sendWithReason = async (outcome: 'return' | 'reject', reason: string) => {
    const { data } = await dataProvider.completeTask(task.id, { outcome, data: { reason } });
    notify(`${texts}.done.${outcome}`, { type: 'success' });
    onDone?.(outcome, data as unknown as TaskCompletionResult);
    refresh();
  };

  const buttons = (
    <Stack direction="row" spacing={1} onClick={stop} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="approval-buttons">
      <Button
        size={size}
        variant="contained"
        color="success"
        disabled={disabled}
        onClick={approve}
        startIcon={approving ? <CircularProgress size={16} color="inherit" /> : <ApproveIcon />}
      >
        {translate('kesos.outcome.approve')}
      </Button>
      {info.outcomes.includes('return') && (
        <Button size={size} variant="outlined" color="warning" disabled={disabled} onClick={(e) => (stop(e), setDialog('return'))} startIcon={<ReturnIcon />}>
          {translate('kesos.outcome.return')}
        </Button>
      )}
      {info.outcomes.includes('reject') && (
        <Button size={size} variant="outlined" color="error" disabled={disabled} onClick={(e) => (stop(e), setDialog('reject'))} startIcon={<RejectIcon />}>
          {translate('kesos.outcome.reject')}
        </Button>
      )}
    </Stack>
  );

  return (
    <>
      {verdict.ok ? (
        buttons
      ) : (
        <Tooltip title={translate(`${texts}.own_submission`)}>
          <span>{buttons}</span>
        </Tooltip>
      )}
      {dialog && (
        <span onClick={stop}>
          <ActionDialog
            open
            testId={`dialog-${dialog}`}
            title={`${texts}.title.${dialog}`}
            description={translate(`${texts}.explain.${dialog}`)}
            fields={[{ name: 'reason', label: 'kesos.field.reason', required: true, minLength: 5, multiline: true, helperText: `${texts}.reason_help` }]}
            submitLabel={`kesos.outcome.${dialog}`}
            submitColor={dialog === 'reject' ? 'error' : 'warning'}
            onClose={() => setDialog(null)}
            onSubmit={(values) => sendWithReason(dialog, values.reason)}
          />
        </span>
      )}
    </>
  );
};
