import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List as MuiList,
  ListItem,
  ListItemIcon,
  ListItemText,
  Stack,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import ApproveIcon from '@mui/icons-material/DoneAll';
import OkIcon from '@mui/icons-material/CheckCircle';
import FailIcon from '@mui/icons-material/ErrorOutline';
import {
  BooleanInput,
  DataTable,
  List,
  ReferenceField,
  SelectInput,
  SimpleList,
  useDataProvider,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUnselectAll,
  type HttpError,
} from 'react-admin';
import type { KesosDataProvider } from '../dataProvider';
import { DateTimeField } from '../fields/DateFields';
import { DueAtField, OverdueBadge, TaskStatusField } from '../fields/StatusField';
import { VocabularyField } from '../fields/VocabularyField';
import { getUser } from '../session';
import { isSupervisor } from '../../../domain/roles';
import { TASK_STATUSES, TASK_TYPES } from '../../../domain/taskTypes';
import { formatDateTime as fmt } from '../format';
import { PersonField } from '../fields/NameFields';
import type { TaskRecord } from '../types';
import { choices } from '../vocabulary';
import { ApprovalButtons } from './ApprovalButtons';
import { completionVerdict, isApprovalType, useTaskTypes } from './taskTypes';

const Column = DataTable.Col<TaskRecord>;

const taskFilters = [
  <SelectInput key="status" source="status" choices={choices(TASK_STATUSES, 'kesos.task_status')} alwaysOn sx={{ minWidth: 180 }} />,
  <SelectInput key="type" source="type" choices={choices(TASK_TYPES, 'kesos.task_type')} alwaysOn sx={{ minWidth: 200 }} />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
];

/** Approve / return / reject in the row, for approval types the user may decide. */
const RowActions = () => {
  const task = useRecordContext<TaskRecord>();
  const { byType } = useTaskTypes();
  const info = task ? byType.get(task.type) : undefined;
  if (!task || !isApprovalType(info)) return null;
  return <ApprovalButtons task={task} info={info!} size="small" />;
};

interface BulkResult {
  id: string;
  label: string;
  ok: boolean;
  message?: string;
}

/** Approve every selected approval task, one after the other, then report each result. */
const BulkApproveButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('tasks');
  const dataProvider = useDataProvider<KesosDataProvider>();
  const { selectedIds, data } = useListContext<TaskRecord>();
  const { byType } = useTaskTypes();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState(0);
  const [results, setResults] = useState<BulkResult[] | null>(null);

  const run = async () => {
    const selected = (data ?? []).filter((t) => selectedIds.includes(t.id));
    setRunning(true);
    setProgress(0);
    const out: BulkResult[] = [];
    for (const task of selected) {
      const info = byType.get(task.type);
      const label = `${translate(`kesos.task_type.${task.type}`, { _: task.type })} · ${task.id.slice(0, 8)}`;
      if (!isApprovalType(info) || !completionVerdict(task).ok) {
        out.push({ id: task.id, label, ok: false, message: translate('kesos.tasks.bulk.not_approvable') });
      } else {
        try {
          await dataProvider.completeTask(task.id, { outcome: 'approve', data: {} });
          out.push({ id: task.id, label, ok: true });
        } catch (error) {
          out.push({ id: task.id, label, ok: false, message: (error as HttpError)?.message ?? String(error) });
        }
      }
      setProgress(out.length);
    }
    setRunning(false);
    setResults(out);
    const ok = out.filter((r) => r.ok).length;
    notify('kesos.tasks.bulk.summary', { type: ok === out.length ? 'success' : 'warning', messageArgs: { ok, failed: out.length - ok } });
    unselectAll();
    refresh();
  };

  return (
    <>
      <Button
        size="small"
        variant="contained"
        color="success"
        onClick={run}
        disabled={running}
        startIcon={running ? <CircularProgress size={16} color="inherit" /> : <ApproveIcon />}
        data-testid="bulk-approve"
      >
        {running ? translate('kesos.tasks.bulk.running', { done: progress, total: selectedIds.length }) : translate('kesos.tasks.bulk.approve')}
      </Button>
      <Dialog open={!!results} onClose={() => setResults(null)} fullWidth maxWidth="sm" data-testid="bulk-results">
        <DialogTitle>{translate('kesos.tasks.bulk.result_title')}</DialogTitle>
        <DialogContent>
          <Typography gutterBottom>
            {translate('kesos.tasks.bulk.summary', { ok: results?.filter((r) => r.ok).length ?? 0, failed: results?.filter((r) => !r.ok).length ?? 0 })}
          </Typography>
          <MuiList dense>
            {results?.map((r) => (
              <ListItem key={r.id}>
                <ListItemIcon>{r.ok ? <OkIcon color="success" /> : <FailIcon color="error" />}</ListItemIcon>
                <ListItemText primary={r.label} secondary={r.ok ? translate('kesos.tasks.approval.done.approve') : r.message} />
              </ListItem>
            ))}
          </MuiList>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setResults(null)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** What to do when the inbox is empty, per role. */
export const TasksEmpty = ({ overdue }: { overdue?: boolean }) => {
  const translate = useTranslate();
  const role = getUser()?.role;
  const key = overdue ? 'overdue' : role === 'tksk' ? 'tksk' : 'supervisor';
  return (
    <Box sx={{ p: 3 }} data-testid="tasks-empty">
      <Alert severity={overdue ? 'success' : 'info'}>
        <Typography variant="subtitle2">{translate(`kesos.tasks.empty.${key}.title`)}</Typography>
        {translate(`kesos.tasks.empty.${key}.hint`)}
      </Alert>
    </Box>
  );
};

const TaskPrimary = ({ task }: { task: TaskRecord }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} alignItems="center" component="span">
      <span>{translate(`kesos.task_type.${task.type}`, { _: task.type })}</span>
      {task.overdue && task.status === 'open' && <OverdueBadge />}
    </Stack>
  );
};

/** Table on wide screens, a touch-friendly list on phones. */
export const TaskTable = ({ overdueBoard }: { overdueBoard?: boolean }) => {
  const translate = useTranslate();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const role = getUser()?.role;
  const supervisor = isSupervisor(role);
  const { byType } = useTaskTypes();
  if (isSmall) {
    return (
      <SimpleList<TaskRecord>
        linkType="show"
        resource="tasks"
        data-testid="task-list-mobile"
        primaryText={(task) => <TaskPrimary task={task} />}
        secondaryText={(task) => (
          <span>
            <ReferenceField source="caseId" reference="cases" link={false} emptyText="—" />
            {` · ${translate('resources.tasks.fields.dueAt')}: ${fmt(task.dueAt)}`}
          </span>
        )}
        tertiaryText={(task) => translate(`kesos.task_status.${task.status}`, { _: task.status })}
        empty={<TasksEmpty overdue={overdueBoard} />}
        rowSx={(task) => (task.overdue && task.status === 'open' ? { borderLeft: 4, borderColor: 'error.main' } : {})}
      />
    );
  }
  return (
    <DataTable<TaskRecord>
      rowClick="show"
      resource="tasks"
      bulkActionButtons={supervisor && !overdueBoard ? <BulkApproveButton /> : false}
      isRowSelectable={(task) => task.status === 'open' && isApprovalType(byType.get(task.type)) && completionVerdict(task).ok}
      empty={<TasksEmpty overdue={overdueBoard} />}
    >
      <Column source="type">
        <VocabularyField source="type" prefix="kesos.task_type" />
      </Column>
      <Column source="status">
        <TaskStatusField source="status" />
      </Column>
      <Column source="caseId" disableSort>
        <ReferenceField source="caseId" reference="cases" link="show" emptyText="—" />
      </Column>
      <Column source="createdAt">
        <DateTimeField source="createdAt" />
      </Column>
      <Column source="dueAt">
        <DueAtField />
      </Column>
      {overdueBoard ? (
        <Column source="assigneeId" disableSort>
          <PersonField source="assigneeId" />
        </Column>
      ) : null}
      {supervisor && !overdueBoard ? (
        <Column source="actions" label="kesos.tasks.actions" disableSort>
          <RowActions />
        </Column>
      ) : null}
    </DataTable>
  );
};

/** "Tugas saya" (TKSK) / "Kotak masuk" (supervisors): open tasks first by due date. */
export const TaskList = () => {
  const role = getUser()?.role;
  return (
    <List<TaskRecord>
      title={role === 'tksk' ? 'kesos.tasks.my_tasks' : 'kesos.tasks.inbox'}
      sort={{ field: 'dueAt', order: 'ASC' }}
      filters={taskFilters}
      filterDefaultValues={{ status: 'open' }}
      exporter={false}
    >
      <TaskTable />
    </List>
  );
};

/** "Terlambat": open tasks past their deadline in the supervisor's region. */
export const OverdueList = () => (
  <List<TaskRecord>
    resource="tasks"
    storeKey="tasks.overdue"
    title="kesos.tasks.overdue_board"
    sort={{ field: 'dueAt', order: 'ASC' }}
    filter={{ status: 'open', overdue: true }}
    filters={[<SelectInput key="type" source="type" choices={choices(TASK_TYPES, 'kesos.task_type')} alwaysOn sx={{ minWidth: 200 }} />]}
    exporter={false}
    disableSyncWithLocation
  >
    <TaskTable overdueBoard />
  </List>
);
