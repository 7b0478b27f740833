// What happens after a step and who acts: the workflow answers a completion with the case (or
// claim) after its decision, whose open tasks are the next step. The TKSK's own next task gets a
// button; someone else's is named by role and region. Also shown on a case page with the
// signed-in user's open task of that case (after registration: the assessment).
import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import NextIcon from '@mui/icons-material/ArrowForward';
import ListIcon from '@mui/icons-material/List';
import { Link } from 'react-router-dom';
import { useGetManyAggregate, useRecordContext, useTranslate } from 'react-admin';
import { regionChain } from '../../../domain/regions';
import type { Role } from '../../../domain/roles';
import { TASK_TYPE_INFO, type TaskType } from '../../../domain/taskTypes';
import type { OpenTaskSummary, TaskCompletionResult } from '../../../domain/workflowContracts';
import { getUser } from '../session';
import type { CaseRecord, RegionRecord } from '../types';

/** The region of the people who act: a case's tasks carry its kecamatan, a supervisor works for the kabupaten or provinsi above it. */
const actingRegion = (role: Role | undefined, regionCode: string) => {
  const chain = regionChain(regionCode);
  return (role === 'supervisor_kabupaten' ? chain.kabupaten : role === 'supervisor_provinsi' ? chain.provinsi : undefined) ?? regionCode;
};

/** The step that moves the process on: the first open task that is not an escalation beside it. */
const nextTaskOf = (tasks: OpenTaskSummary[]) => tasks.find((t) => t.type !== 'sla_escalation') ?? tasks[0];

export const NextStepAfter = ({ result }: { result: TaskCompletionResult }) => {
  const translate = useTranslate();
  const user = getUser();
  const title = (type: string) => translate(`kesos.task_type.${type}`, { _: type });
  const snapshot = result.case ?? result.claim;
  const next = snapshot ? nextTaskOf(snapshot.openTasks) : undefined;
  const done = translate('kesos.tasks.next.done', { task: title(result.type) });
  const mine = next && user && next.assigneeId === user.id;
  const role = next ? TASK_TYPE_INFO[next.type as TaskType]?.role : undefined;
  // The acting region by name, the code secondary ("Kota Salatiga (33.73)").
  const regionCode = next ? actingRegion(role, next.regionCode) : undefined;
  const { data: regions } = useGetManyAggregate<RegionRecord>(
    'regions',
    { ids: regionCode ? [regionCode] : [] },
    { enabled: !!regionCode, staleTime: 60 * 60_000 },
  );
  const regionName = regions?.find((r) => r.id === regionCode)?.name;
  const status = result.case
    ? translate(`kesos.case_status.${result.case.status}`, { _: result.case.status })
    : result.claim
      ? translate(`kesos.claim_status.${result.claim.status}`, { _: result.claim.status })
      : '';
  const message = !next
    ? translate('kesos.tasks.next.nothing', { status })
    : mine
      ? translate('kesos.tasks.next.yours', { task: title(next.type) })
      : translate('kesos.tasks.next.waiting', {
          task: title(next.type),
          who: translate(`kesos.role.${role}`, { _: role ?? '' }),
          region: regionName ? `${regionName} (${regionCode})` : regionCode,
        });
  return (
    <Alert severity="success" data-testid="next-step" sx={{ mb: 2 }}>
      <AlertTitle>{done}</AlertTitle>
      {message}
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap', rowGap: 1 }}>
        {mine && next && (
          <Button component={Link} to={`/tasks/${next.taskId}/show`} variant="contained" size="small" startIcon={<NextIcon />} data-testid="next-task">
            {translate('kesos.tasks.next.open', { task: title(next.type) })}
          </Button>
        )}
        <Button component={Link} to="/tasks" variant="outlined" size="small" startIcon={<ListIcon />} data-testid="back-to-tasks">
          {translate('kesos.tasks.next.back')}
        </Button>
      </Stack>
    </Alert>
  );
};

/** On a case page: the signed-in user's open task of this case, one click away. */
export const CaseNextStep = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const user = getUser();
  const mine = (record?.openTasks ?? []).find((t) => t.assigneeId === user?.id && t.status === 'open');
  if (!record || !mine) return null;
  const task = translate(`kesos.task_type.${mine.type}`, { _: mine.type });
  return (
    <Alert
      severity="info"
      data-testid="case-next-step"
      sx={{ my: 1 }}
      action={
        <Button component={Link} to={`/tasks/${mine.id}/show`} variant="contained" size="small" startIcon={<NextIcon />} data-testid="case-next-task">
          {translate('kesos.tasks.next.open', { task })}
        </Button>
      }
    >
      {translate('kesos.tasks.next.case_yours', { task })}
    </Alert>
  );
};
