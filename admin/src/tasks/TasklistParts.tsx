// Tasklist features on the task page and the inbox (decision 0025): claim / release / take over,
// priority and follow-up, comments with mentions, the task's history, saved filters, and opening
// the next task of the current view after a completion.
import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  List as MuiList,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  Tab,
  Tabs,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import ClaimIcon from '@mui/icons-material/PanTool';
import ReleaseIcon from '@mui/icons-material/DoNotTouch';
import TakeOverIcon from '@mui/icons-material/SwapHoriz';
import SaveIcon from '@mui/icons-material/BookmarkAdd';
import { useNavigate } from 'react-router-dom';
import {
  useDataProvider,
  useDelete,
  useGetList,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useStore,
  useTranslate,
  type HttpError,
} from 'react-admin';
import { checkClaim, TASK_PRIORITIES } from '../../../domain/tasklist';
import type { TaskType } from '../../../domain/taskTypes';
import type { KesosDataProvider } from '../dataProvider';
import { formatDateTime } from '../format';
import { PersonName } from '../fields/NameFields';
import { getUser } from '../session';
import type { PersonRecord, SavedFilterRecord, TaskCommentRecord, TaskHistoryEntry, TaskRecord } from '../types';

/** The words of a refused call: the problem's code under kesos.problem, else its message. */
function useFailure() {
  const notify = useNotify();
  const translate = useTranslate();
  return (error: unknown) => {
    const e = error as HttpError & { body?: { code?: string } };
    const code = e?.body?.code;
    notify(code ? translate(`kesos.problem.${code}`, { _: e.message }) : (e?.message ?? String(error)), { type: 'error' });
  };
}

const forClaim = (task: TaskRecord) => ({
  type: task.type as TaskType,
  regionCode: task.regionCode,
  assigneeId: task.assigneeId,
  submittedBy: task.submittedBy,
  claimedBy: task.claimedBy ?? null,
});

/** Who holds the task, and the claim / release / take-over the signed-in user may do. */
export const ClaimPanel = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const failed = useFailure();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [takingOver, setTakingOver] = useState(false);
  const [reason, setReason] = useState('');
  const user = getUser();
  if (!task || task.status !== 'open' || !user) return null;
  const claimable = checkClaim(user, forClaim(task), 'claim');
  const releasable = task.claimedBy === user.id;
  const takeOverable = !!task.claimedBy && task.claimedBy !== user.id && checkClaim(user, forClaim(task), 'take-over', 'x').ok;
  // A task assigned to a person (a case's TKSK) is not offered to a role: nothing to claim.
  if (task.assigneeId && !task.claimedBy) return null;
  const run = async (action: 'claim' | 'unclaim' | 'take-over', body: Record<string, unknown> = {}) => {
    try {
      await dataProvider.claimTask(task.id, action, body);
      notify(`kesos.tasklist.${action === 'claim' ? 'claimed_done' : action === 'unclaim' ? 'unclaimed_done' : 'taken_over_done'}`, { type: 'success' });
      setTakingOver(false);
      setReason('');
    } catch (error) {
      failed(error);
    }
    refresh();
  };
  return (
    <Box sx={{ px: 2, pt: 2 }} data-testid="claim-panel">
      <Alert
        severity={task.claimedBy && task.claimedBy !== user.id ? 'warning' : 'info'}
        data-testid="claim-status"
        action={
          <Stack direction="row" spacing={1}>
            {claimable.ok && claimable.changes && (
              <Button size="small" variant="contained" startIcon={<ClaimIcon />} onClick={() => void run('claim')} data-testid="task-claim">
                {translate('kesos.tasklist.claim')}
              </Button>
            )}
            {releasable && (
              <Button size="small" variant="outlined" startIcon={<ReleaseIcon />} onClick={() => void run('unclaim')} data-testid="task-unclaim">
                {translate('kesos.tasklist.unclaim')}
              </Button>
            )}
            {takeOverable && (
              <Button
                size="small"
                variant="outlined"
                color="warning"
                startIcon={<TakeOverIcon />}
                onClick={() => setTakingOver(true)}
                data-testid="task-take-over"
              >
                {translate('kesos.tasklist.take_over')}
              </Button>
            )}
          </Stack>
        }
      >
        {!task.claimedBy ? (
          translate('kesos.tasklist.not_claimed')
        ) : task.claimedBy === user.id ? (
          translate('kesos.tasklist.claimed_by_you')
        ) : (
          <span>
            {translate('kesos.tasklist.claimed_other', { who: '' })} <PersonName id={task.claimedBy} />
          </span>
        )}
      </Alert>
      <Dialog open={takingOver} onClose={() => setTakingOver(false)} fullWidth maxWidth="sm" data-testid="take-over-dialog">
        <DialogTitle>{translate('kesos.tasklist.take_over_title')}</DialogTitle>
        <DialogContent>
          <MuiTextField
            label={translate('kesos.tasklist.take_over_reason')}
            helperText={translate('kesos.tasklist.take_over_hint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            fullWidth
            multiline
            minRows={2}
            sx={{ mt: 1 }}
            slotProps={{ htmlInput: { 'data-testid': 'take-over-reason', maxLength: 1000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setTakingOver(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            color="warning"
            disabled={!reason.trim()}
            onClick={() => void run('take-over', { reason })}
            data-testid="take-over-confirm"
          >
            {translate('kesos.tasklist.take_over')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};

/** `datetime-local` value (the browser's time zone) of an ISO instant, and back. */
const toLocalInput = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : null);

/** Priority and follow-up date: the assignee, the claimant or a supervisor of the region. */
export const PlanPanel = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const failed = useFailure();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const user = getUser();
  const [priority, setPriority] = useState<string>('');
  const [followUp, setFollowUp] = useState<string>('');
  useEffect(() => {
    setPriority(task?.priority ?? 'normal');
    setFollowUp(toLocalInput(task?.followUpAt));
  }, [task?.priority, task?.followUpAt]);
  if (!task || task.status !== 'open' || !user) return null;
  const mayPlan =
    task.assigneeId === user.id ||
    task.claimedBy === user.id ||
    ((user.role === 'supervisor_kabupaten' || user.role === 'supervisor_provinsi') &&
      (user.regionCode === null || task.regionCode.startsWith(user.regionCode)));
  if (!mayPlan) return null;
  const save = async () => {
    try {
      await dataProvider.planTask(task.id, { priority, followUpAt: fromLocalInput(followUp) });
      notify('kesos.tasklist.plan_saved', { type: 'success' });
      refresh();
    } catch (error) {
      failed(error);
    }
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ px: 2, pt: 2, alignItems: { sm: 'center' } }} data-testid="plan-panel">
      <MuiTextField
        select
        size="small"
        label={translate('kesos.tasklist.priority')}
        value={priority}
        onChange={(e) => setPriority(e.target.value)}
        sx={{ minWidth: 160 }}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'plan-priority' } as object } }}
      >
        {TASK_PRIORITIES.map((p) => (
          <MenuItem key={p} value={p} data-testid={`priority-${p}`}>
            {translate(`kesos.task_priority.${p}`)}
          </MenuItem>
        ))}
      </MuiTextField>
      <MuiTextField
        type="datetime-local"
        size="small"
        label={translate('kesos.tasklist.follow_up')}
        value={followUp}
        onChange={(e) => setFollowUp(e.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'plan-follow-up' } }}
      />
      <Button size="small" variant="outlined" onClick={() => void save()} data-testid="plan-save">
        {translate('kesos.tasklist.save_plan')}
      </Button>
    </Stack>
  );
};

const historyWord = (action: string) => {
  const verb = action.replace(/^task\./, '');
  if (['created', 'claimed', 'unclaimed', 'taken_over', 'priority_changed', 'follow_up_changed', 'commented', 'completed', 'cancelled'].includes(verb))
    return verb;
  return /overdue|escalat|breach|remind/.test(verb) ? 'escalated' : 'other';
};

const Comments = ({ task }: { task: TaskRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const failed = useFailure();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [comments, setComments] = useState<TaskCommentRecord[]>([]);
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const { data: people } = useGetList<PersonRecord>('people', { pagination: { page: 1, perPage: 200 }, sort: { field: 'displayName', order: 'ASC' } });
  const load = () => void dataProvider.taskComments(task.id).then(({ data }) => setComments(data), failed);
  useEffect(load, [task.id]);
  const send = async () => {
    try {
      await dataProvider.addTaskComment(task.id, { text, mentions });
      notify('kesos.tasklist.comment_sent', { type: 'success' });
      setText('');
      setMentions([]);
      load();
    } catch (error) {
      failed(error);
    }
  };
  const name = (id: string) => people?.find((p) => p.id === id)?.displayName ?? id;
  const canComment = getUser()?.role !== 'auditor';
  return (
    <Stack spacing={1.5} data-testid="task-comments">
      {comments.length === 0 ? (
        <Typography variant="body2">{translate('kesos.tasklist.no_comments')}</Typography>
      ) : (
        <MuiList dense>
          {comments.map((c) => (
            <ListItem key={c.id} disableGutters data-testid="task-comment">
              <ListItemText
                primary={c.text}
                secondary={
                  <span>
                    <PersonName id={c.authorId} /> · {formatDateTime(c.createdAt)}
                    {c.mentions.length ? ` · ${translate('kesos.tasklist.mentioned', { who: c.mentions.map(name).join(', ') })}` : ''}
                  </span>
                }
              />
            </ListItem>
          ))}
        </MuiList>
      )}
      {canComment && (
        <>
          <MuiTextField
            label={translate('kesos.tasklist.comment')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            slotProps={{ htmlInput: { 'data-testid': 'comment-text', maxLength: 4000 } }}
          />
          <MuiTextField
            select
            size="small"
            label={translate('kesos.tasklist.mention')}
            value={mentions}
            onChange={(e) => {
              const ids = (typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[])).filter(Boolean);
              setMentions(ids);
              // The names go into the text too, so the comment reads as written.
              const added = ids.filter((id) => !mentions.includes(id));
              if (added.length) setText((t) => `${t}${t && !t.endsWith(' ') ? ' ' : ''}${added.map((id) => `@${name(id)}`).join(' ')} `);
            }}
            slotProps={{ select: { multiple: true, SelectDisplayProps: { 'data-testid': 'comment-mentions' } as object } }}
          >
            {(people ?? [])
              .filter((p) => p.id !== getUser()?.id)
              .map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.displayName}
                </MenuItem>
              ))}
          </MuiTextField>
          <Box>
            <Button variant="contained" size="small" disabled={!text.trim()} onClick={() => void send()} data-testid="comment-send">
              {translate('kesos.tasklist.comment_send')}
            </Button>
          </Box>
        </>
      )}
    </Stack>
  );
};

const History = ({ task }: { task: TaskRecord }) => {
  const translate = useTranslate();
  const failed = useFailure();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [entries, setEntries] = useState<TaskHistoryEntry[] | null>(null);
  useEffect(() => void dataProvider.taskHistory(task.id).then(({ data }) => setEntries(data), failed), [task.id, task.status, task.claimedBy, task.priority]);
  if (!entries) return null;
  if (!entries.length) return <Typography variant="body2">{translate('kesos.tasklist.history_empty')}</Typography>;
  return (
    <MuiList dense data-testid="task-history">
      {entries.map((e) => {
        const word = historyWord(e.action);
        const reason = typeof e.details.reason === 'string' ? e.details.reason : null;
        const change =
          word === 'priority_changed'
            ? `${translate(`kesos.task_priority.${String(e.details.from)}`)} → ${translate(`kesos.task_priority.${String(e.details.to)}`)}`
            : null;
        return (
          <ListItem key={e.id} disableGutters data-testid={`history-${word}`}>
            <ListItemText
              primary={[translate(`kesos.tasklist.action.${word}`), change, reason].filter(Boolean).join(' — ')}
              secondary={
                <span>
                  <PersonName id={e.actorId} /> · {formatDateTime(e.at)}
                </span>
              }
            />
          </ListItem>
        );
      })}
    </MuiList>
  );
};

/** Comments and history of the task, as two tabs. */
export const TaskActivity = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const [tab, setTab] = useState<'comments' | 'history'>('comments');
  if (!task) return null;
  return (
    <Box sx={{ px: 2, pt: 2, maxWidth: 760 }}>
      <Tabs value={tab} onChange={(_, v: 'comments' | 'history') => setTab(v)} sx={{ mb: 1 }}>
        <Tab value="comments" label={translate('kesos.tasklist.tabs.comments')} data-testid="tab-comments" />
        <Tab value="history" label={translate('kesos.tasklist.tabs.history')} data-testid="tab-history" />
      </Tabs>
      {tab === 'comments' ? <Comments task={task} /> : <History task={task} />}
    </Box>
  );
};

/** The inbox's saved filters as chips (one click applies one), and saving the current filter. */
export const SavedFilters = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const failed = useFailure();
  const { filterValues, setFilters } = useListContext<TaskRecord>();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const { data, refetch } = useGetList<SavedFilterRecord>('saved-filters', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const [deleteOne] = useDelete<SavedFilterRecord>();
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [share, setShare] = useState(false);
  const user = getUser();
  const save = async () => {
    try {
      await dataProvider.create('saved-filters', {
        data: { name, filter: filterValues ?? {}, ...(share && user ? { sharedRole: user.role, sharedRegionCode: user.regionCode } : {}) },
      });
      notify('kesos.tasklist.filter_saved', { type: 'success' });
      setSaving(false);
      setName('');
      setShare(false);
      void refetch();
    } catch (error) {
      failed(error);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ px: 1, py: 1, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }} data-testid="saved-filters">
      <Typography variant="body2" sx={{ mr: 0.5 }}>
        {translate('kesos.tasklist.saved')}:
      </Typography>
      {(data ?? []).map((f) => (
        <Chip
          key={f.id}
          label={f.name}
          size="small"
          variant={JSON.stringify(f.filter) === JSON.stringify(filterValues) ? 'filled' : 'outlined'}
          color="primary"
          onClick={() => setFilters(f.filter, {})}
          onDelete={
            f.mine
              ? () =>
                  deleteOne(
                    'saved-filters',
                    { id: f.id, previousData: f },
                    { onSuccess: () => notify('kesos.tasklist.filter_deleted', { type: 'info' }), onError: failed },
                  )
              : undefined
          }
          slotProps={{ root: { 'aria-label': f.name } }}
          data-testid="saved-filter-chip"
        />
      ))}
      <Button size="small" startIcon={<SaveIcon />} onClick={() => setSaving(true)} data-testid="save-filter">
        {translate('kesos.tasklist.save_filter')}
      </Button>
      <Dialog open={saving} onClose={() => setSaving(false)} fullWidth maxWidth="xs" data-testid="save-filter-dialog">
        <DialogTitle>{translate('kesos.tasklist.save_filter')}</DialogTitle>
        <DialogContent>
          <MuiTextField
            label={translate('kesos.tasklist.save_filter_name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            fullWidth
            sx={{ mt: 1 }}
            slotProps={{ htmlInput: { 'data-testid': 'save-filter-name', maxLength: 80 } }}
          />
          <FormControlLabel
            control={<Checkbox checked={share} onChange={(e) => setShare(e.target.checked)} data-testid="save-filter-share" />}
            label={translate('kesos.tasklist.share_role')}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setSaving(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!name.trim()} onClick={() => void save()} data-testid="save-filter-confirm">
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};

/** The inbox's list parameters react-admin keeps (the current view's filter and sort). */
interface ListParams {
  filter?: Record<string, unknown>;
  sort?: string;
  order?: 'ASC' | 'DESC';
}

/** "Open the next task after completing one": a per-browser preference (react-admin's store). */
export const useAutoNext = () => useStore<boolean>('tasks.autoNext', false);

export const AutoNextToggle = () => {
  const translate = useTranslate();
  const [autoNext, setAutoNext] = useAutoNext();
  return (
    <FormControlLabel
      sx={{ px: 1 }}
      control={<Checkbox size="small" checked={autoNext} onChange={(e) => setAutoNext(e.target.checked)} data-testid="auto-next" />}
      label={<Typography variant="body2">{translate('kesos.tasklist.auto_next')}</Typography>}
    />
  );
};

/**
 * The next open task of the inbox's current view (its filter and sort), other than `doneId`:
 * what opens after a completion. A view of completed tasks falls back to "mine".
 */
export function useNextTaskInView() {
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [params] = useStore<ListParams>('tasks.listParams', {});
  return async (doneId: string): Promise<TaskRecord | undefined> => {
    const filter = { ...(params.filter ?? { status: 'open' }) };
    if (filter.view === 'completed-by-me') filter.view = 'mine';
    if (filter.status && filter.status !== 'open') filter.status = 'open';
    const { data } = (await dataProvider.getList('tasks', {
      filter,
      sort: { field: params.sort ?? 'dueAt', order: params.order ?? 'ASC' },
      pagination: { page: 1, perPage: 10 },
    })) as { data: TaskRecord[] };
    return data.find((t) => t.id !== doneId && t.status === 'open');
  };
}

/** After a completion: open the next task of the view at once when the user asked for it. */
export function useOpenNextTask() {
  const navigate = useNavigate();
  const notify = useNotify();
  const [autoNext] = useAutoNext();
  const nextInView = useNextTaskInView();
  return async (doneId: string): Promise<boolean> => {
    if (!autoNext) return false;
    const next = await nextInView(doneId).catch(() => undefined);
    if (!next) return false;
    notify('kesos.tasklist.opening_next', { type: 'success' });
    void navigate(`/tasks/${next.id}/show`);
    return true;
  };
}

/** Beside the next step of the case: the next task of the inbox's view, one click away. */
export const NextInViewButton = ({ doneId }: { doneId: string }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const nextInView = useNextTaskInView();
  const [next, setNext] = useState<TaskRecord | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void nextInView(doneId).then(
      (t) => live && setNext(t ?? null),
      () => live && setNext(null),
    );
    return () => {
      live = false;
    };
  }, [doneId]);
  if (!next) return null;
  return (
    <Button size="small" variant="outlined" onClick={() => navigate(`/tasks/${next.id}/show`)} data-testid="next-in-view">
      {translate('kesos.tasklist.next_in_view')}: {translate(`kesos.task_type.${next.type}`, { _: next.type })}
    </Button>
  );
};
