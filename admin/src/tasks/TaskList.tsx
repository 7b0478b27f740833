import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List as MuiList,
  ListItem,
  ListItemIcon,
  ListItemText,
  Link as MuiLink,
  Stack,
  Tab,
  Tabs,
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
  FilterButton,
  List,
  RecordContextProvider,
  ReferenceField,
  SelectInput,
  SimpleList,
  TopToolbar,
  useDataProvider,
  useGetManyAggregate,
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
import { getUser } from '../session';
import { Link } from 'react-router-dom';
import { isSupervisor, type Role } from '../../../domain/roles';
import { TASK_STATUSES, TASK_TYPES } from '../../../domain/taskTypes';
import { formatDateTime as fmt } from '../format';
import { PersonField } from '../fields/NameFields';
import { ExportSpreadsheetButtons } from '../common/ExportSpreadsheetButtons';
import { ACTIONS } from '../../../domain/access';
import type { PersonRecord, TaskRecord } from '../types';
import { choices } from '../vocabulary';
import { completionVerdict, isApprovalType, useTaskTypes } from './taskTypes';
import { TASK_PRIORITIES } from '../../../domain/tasklist';
import { AutoNextToggle, SavedFilters } from './TasklistParts';

const Column = DataTable.Col<TaskRecord>;

const taskFilters = [
  <SelectInput key="status" source="status" choices={choices(TASK_STATUSES, 'kesos.task_status')} alwaysOn sx={{ minWidth: 180 }} />,
  <SelectInput key="type" source="type" choices={choices(TASK_TYPES, 'kesos.task_type')} alwaysOn sx={{ minWidth: 200 }} />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <SelectInput key="priority" source="priority" choices={choices(TASK_PRIORITIES, 'kesos.task_priority')} sx={{ minWidth: 160 }} />,
  <BooleanInput key="followUpDue" source="followUpDue" />,
];

interface BulkResult {
  id: string;
  label: string;
  ok: boolean;
  message?: string;
}

/** The selected tasks as the confirmation lists them: what, for whom, submitted by whom. */
const BulkItem = ({ task }: { task: TaskRecord }) => {
  const translate = useTranslate();
  const submitter = task.submittedBy;
  const { data: people } = useGetManyAggregate<PersonRecord>('people', { ids: submitter ? [submitter] : [] }, { enabled: !!submitter, staleTime: 5 * 60_000 });
  const who = submitter ? (people?.find((p) => p.id === submitter)?.displayName ?? submitter) : '—';
  return (
    <RecordContextProvider value={task}>
      <ListItem disableGutters data-testid="bulk-confirm-item">
        <ListItemText
          primary={
            <span>
              {translate(`kesos.task_type.${task.type}`, { _: task.type })} — <ReferenceField source="caseId" reference="cases" link={false} emptyText="—" />
            </span>
          }
          secondary={translate('kesos.tasks.bulk.item', { who, at: fmt(task.createdAt) })}
        />
      </ListItem>
    </RecordContextProvider>
  );
};

/**
 * Approve several approval tasks at once, only after a confirmation that lists each of them (no
 * approval without seeing what is approved); then one after the other, and each result reported.
 */
const BulkApproveButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('tasks');
  const dataProvider = useDataProvider<KesosDataProvider>();
  const { selectedIds, data } = useListContext<TaskRecord>();
  const { byType } = useTaskTypes();
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState(0);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const selected = (data ?? []).filter((t) => selectedIds.includes(t.id));

  const run = async () => {
    setConfirming(false);
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
        onClick={() => setConfirming(true)}
        disabled={running}
        startIcon={running ? <CircularProgress size={16} color="inherit" /> : <ApproveIcon />}
        data-testid="bulk-approve"
      >
        {running ? translate('kesos.tasks.bulk.running', { done: progress, total: selectedIds.length }) : translate('kesos.tasks.bulk.approve')}
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} fullWidth maxWidth="sm" data-testid="bulk-confirm">
        <DialogTitle>{translate('kesos.tasks.bulk.confirm_title', { smart_count: selected.length })}</DialogTitle>
        <DialogContent>
          <Typography gutterBottom>{translate('kesos.tasks.bulk.confirm_explain')}</Typography>
          <MuiList dense>
            {selected.map((task) => (
              <BulkItem key={task.id} task={task} />
            ))}
          </MuiList>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="success" onClick={() => void run()} data-testid="bulk-approve-confirm">
            {translate('kesos.tasks.bulk.confirm', { smart_count: selected.length })}
          </Button>
        </DialogActions>
      </Dialog>
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

/** The reviewer's reason when the step was sent back (the workflow puts it in the context). */
export const returnNotesOf = (task: TaskRecord | undefined): string | null =>
  task?.status === 'open' && typeof task.context?.returnNotes === 'string' && task.context.returnNotes ? task.context.returnNotes : null;

/** "Dikembalikan": the step came back from a reviewer (the reason is on top of the task page). */
export const ReturnedChip = ({ task }: { task: TaskRecord }) => {
  const translate = useTranslate();
  if (!returnNotesOf(task)) return null;
  return <Chip size="small" color="warning" variant="outlined" label={translate('kesos.tasks.returned_chip')} data-testid="chip-returned" />;
};

/** The task's title as a link: Tab reaches each row, Enter opens it (the row click does the same for a mouse). */
const TaskTitleLink = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!task) return null;
  return (
    <Stack direction="row" spacing={1} alignItems="center" component="span">
      <MuiLink component={Link} to={`/tasks/${task.id}/show`} onClick={(e) => e.stopPropagation()} underline="hover" color="inherit" data-testid="task-link">
        {translate(`kesos.task_type.${task.type}`, { _: task.type })}
      </MuiLink>
      <ReturnedChip task={task} />
    </Stack>
  );
};

type View = 'mine' | 'all' | 'late' | 'returned' | 'my' | 'unassigned' | 'completed';

/** The inbox's views, as list filters (GET /api/tasks speaks simple-rest, so each is a plain filter). */
function viewFilters(role: Role | undefined): Partial<Record<View, Record<string, unknown>>> {
  const open = { status: 'open' };
  return {
    // What waits for a supervisor: tasks whose candidate role is theirs (the API scopes the region).
    ...(isSupervisor(role) ? { mine: { ...open, candidateRole: role } } : {}),
    all: open,
    late: { ...open, overdue: true },
    returned: { ...open, returned: true },
    // The default views of decision 0025, one `view` filter each (the API knows who asks).
    my: { view: 'mine' },
    unassigned: { view: 'unassigned' },
    completed: { view: 'completed-by-me' },
  };
}

/** Which view the current filter is (the URL may carry any filter). */
const viewOf = (filter: Record<string, unknown>): View | false =>
  filter.view === 'mine'
    ? 'my'
    : filter.view === 'unassigned'
      ? 'unassigned'
      : filter.view === 'completed-by-me'
        ? 'completed'
        : filter.returned === true
          ? 'returned'
          : filter.overdue === true
            ? 'late'
            : filter.candidateRole
              ? 'mine'
              : filter.status === 'open'
                ? 'all'
                : false;

/** Tabs over the list: "Untuk saya" (supervisors' default), "Semua tugas di wilayah saya", "Terlambat", "Dikembalikan". */
const InboxTabs = () => {
  const translate = useTranslate();
  const role = getUser()?.role;
  const { filterValues, setFilters } = useListContext<TaskRecord>();
  const views = viewFilters(role);
  const current = viewOf(filterValues ?? {});
  // width 0 / min-width 100%: the tabs scroll inside the list's width instead of widening it (390 px phones).
  return (
    <Box sx={{ width: 0, minWidth: '100%' }}>
      <Tabs
        value={current !== false && views[current] ? current : false}
        onChange={(_, v: View) => setFilters(views[v] ?? {}, {})}
        variant="scrollable"
        allowScrollButtonsMobile
        aria-label={translate('kesos.tasks.views.label')}
        sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}
        data-testid="inbox-views"
      >
        {(Object.keys(views) as View[]).map((v) => (
          <Tab
            key={v}
            value={v}
            label={translate(
              v === 'my' || v === 'unassigned' || v === 'completed'
                ? `kesos.tasklist.views.${v}`
                : `kesos.tasks.views.${v === 'all' && role === 'tksk' ? 'all_tksk' : v}`,
            )}
            data-testid={`view-${v}`}
          />
        ))}
      </Tabs>
    </Box>
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
      <ReturnedChip task={task} />
    </Stack>
  );
};

/** The priority's word; urgent and high stand out. */
const PriorityField = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const p = task?.priority ?? 'normal';
  if (p === 'normal' || p === 'low') return <span>{translate(`kesos.task_priority.${p}`)}</span>;
  return <Chip size="small" color={p === 'urgent' ? 'error' : 'warning'} label={translate(`kesos.task_priority.${p}`)} data-testid={`priority-chip-${p}`} />;
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
        <TaskTitleLink />
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
      {overdueBoard ? null : (
        <Column source="priority">
          <PriorityField />
        </Column>
      )}
      {overdueBoard ? null : (
        <Column source="claimedBy" disableSort>
          <PersonField source="claimedBy" />
        </Column>
      )}
      {overdueBoard ? (
        <Column source="assigneeId" disableSort>
          <PersonField source="assigneeId" />
        </Column>
      ) : null}
    </DataTable>
  );
};

/**
 * "Tugas saya" (TKSK) / "Kotak masuk" (supervisors): open tasks first by due date. A supervisor
 * starts on what waits for them (their role's tasks in their region), the other views a tab away.
 */
/** Who downloads the task spreadsheet (the API's export.read). */
const exportsTasks = (role: string | undefined) => !!role && (ACTIONS['export.read'] as readonly string[]).includes(role);

export const TaskList = () => {
  const role = getUser()?.role;
  return (
    <List<TaskRecord>
      title={role === 'tksk' ? 'kesos.tasks.my_tasks' : 'kesos.tasks.inbox'}
      sort={{ field: 'dueAt', order: 'ASC' }}
      filters={taskFilters}
      filterDefaultValues={viewFilters(role).mine ?? { status: 'open' }}
      exporter={false}
      actions={
        exportsTasks(role) ? (
          <TopToolbar>
            <FilterButton />
            <ExportSpreadsheetButtons what="tasks" fileName="tugas" />
          </TopToolbar>
        ) : undefined
      }
    >
      <InboxTabs />
      <SavedFilters />
      <AutoNextToggle />
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
