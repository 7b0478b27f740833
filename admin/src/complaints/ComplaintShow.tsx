// One complaint (GET /api/complaints/:id): its fields in words, its tasks (each a link to the task
// page, where the TKSK records the forwarding, the answerer's reply and the confirmation) and its
// audited history, with the two actions on a running complaint: a note, and its withdrawal by the
// complainant (POST /api/complaints/:id/actions/note|withdraw).
import { useState, type ReactNode } from 'react';
import { Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import NoteIcon from '@mui/icons-material/NoteAdd';
import WithdrawIcon from '@mui/icons-material/Undo';
import { Show, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { ACTIONS } from '../../../domain/access';
import type { Role } from '../../../domain/roles';
import { ActionDialog } from '../common/ActionDialog';
import { Section, ShowHeading } from '../common/ShowParts';
import { httpClient } from '../dataProvider';
import { PersonName, RegionName } from '../fields/NameFields';
import { formatDateTime } from '../format';
import type { ComplaintRecord } from '../types';
import { ageInDays, complaintNumber, isOpenComplaint } from './format';

const ComplaintTitle = () => {
  const record = useRecordContext<ComplaintRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate('kesos.complaints.title', { number: complaintNumber(record.id) })}</span>;
};

/** A label over its value, as a definition list entry. */
const Item = ({ label, children, testId, wide }: { label: string; children: ReactNode; testId?: string; wide?: boolean }) => (
  <Box sx={{ minWidth: 0, gridColumn: wide ? '1 / -1' : undefined }}>
    <Typography variant="body2" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="body1" component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }} data-testid={testId}>
      {children}
    </Typography>
  </Box>
);

const Facts = ({ c }: { c: ComplaintRecord }) => {
  const translate = useTranslate();
  const field = (name: string) => translate(`resources.complaints.fields.${name}`);
  const subjectKind = translate(`kesos.complaints.subject_kind.${c.subject.kind}`);
  const subject =
    c.subject.kind === 'kpm' ? (
      `${subjectKind} ${c.subject.kpmId ?? ''}`
    ) : c.subject.kind === 'e_warong' ? (
      <>
        {subjectKind}: {c.subject.name}
        {c.subject.desaCode && (
          <>
            {' · '}
            <RegionName code={c.subject.desaCode} />
          </>
        )}
      </>
    ) : (
      subjectKind
    );
  const complainant = c.complainant.name || c.complainant.phone ? [c.complainant.name, c.complainant.phone].filter(Boolean).join(' · ') : null;
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', md: 'repeat(3, minmax(0, 1fr))' }, m: 0 }}
    >
      <Item label={field('category')} testId="complaint-category">
        {translate(`kesos.complaint_category.${c.category}`, { _: c.category })}
      </Item>
      <Item label={field('channel')} testId="complaint-channel">
        {translate(`kesos.complaint_channel.${c.channel}`, { _: c.channel })}
        {c.laporReference && ` · ${c.laporReference}`}
      </Item>
      <Item label={field('receivedOn')}>
        {c.receivedOn} · {translate('kesos.complaints.age', { smart_count: ageInDays(c.receivedOn) })}
      </Item>
      <Item label={field('kecamatanCode')}>
        <RegionName code={c.kecamatanCode} />
      </Item>
      <Item label={field('assigneeId')}>{c.assigneeId ? <PersonName id={c.assigneeId} /> : '—'}</Item>
      <Item label={field('answerer')} testId="complaint-answerer">
        {c.answerer
          ? `${translate(`kesos.complaint_answerer.${c.answerer.type}`, { _: c.answerer.type })}: ${c.answerer.name}`
          : translate('kesos.complaints.no_answerer')}
      </Item>
      <Item label={field('subject')} testId="complaint-subject">
        {subject}
      </Item>
      <Item label={field('complainant')}>
        {complainant ?? translate('kesos.complaints.anonymous')}
        {c.complainant.isKpm && ` · ${translate('kesos.complaints.is_kpm')}`}
      </Item>
      {c.description && (
        <Item label={field('description')} testId="complaint-description" wide>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>
        </Item>
      )}
    </Box>
  );
};

const Tasks = ({ c }: { c: ComplaintRecord }) => {
  const translate = useTranslate();
  const tasks = c.tasks ?? [];
  if (tasks.length === 0) return <Typography variant="body2">{translate('kesos.complaints.no_tasks')}</Typography>;
  return (
    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="complaint-tasks">
      {tasks.map((t) => (
        <Stack component="li" key={t.id} direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
          <Link to={`/tasks/${encodeURIComponent(t.id)}/show`}>{translate(`kesos.task_type.${t.type}`, { _: t.type })}</Link>
          <Chip size="small" label={translate(`kesos.task_status.${t.status}`, { _: t.status })} />
          {t.overdue && t.status === 'open' && <Chip size="small" color="error" label={translate('kesos.complaints.overdue')} />}
          {t.status === 'open' && t.dueAt && (
            <Typography variant="body2" color="text.secondary" component="span">
              {translate('kesos.complaints.due', { date: formatDateTime(t.dueAt) })}
            </Typography>
          )}
          {t.outcome && (
            <Typography variant="body2" color="text.secondary" component="span">
              {translate(`kesos.outcome.${t.outcome}`, { _: t.outcome })}
            </Typography>
          )}
        </Stack>
      ))}
    </Stack>
  );
};

/** The free text an event carries (a note, a reason), joined back from audit_texts by the API. */
const eventText = (details: Record<string, unknown>): string | null => {
  for (const key of ['text', 'reason', 'note', 'returnNote']) if (typeof details[key] === 'string' && details[key]) return details[key] as string;
  return null;
};

const History = ({ c }: { c: ComplaintRecord }) => {
  const translate = useTranslate();
  const events = c.events ?? [];
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="complaint-history">
        <TableHead>
          <TableRow>
            <TableCell>{translate('kesos.complaints.history')}</TableCell>
            <TableCell>{translate('resources.complaints.fields.description')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((e, i) => (
            <TableRow key={`${e.at}-${i}`}>
              <TableCell sx={{ verticalAlign: 'top' }}>
                <Typography variant="body2">{translate(`kesos.complaints.event.${e.action}`, { _: e.action })}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {formatDateTime(e.at)}
                  {e.actorId && (
                    <>
                      {' · '}
                      <PersonName id={e.actorId} />
                    </>
                  )}
                </Typography>
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>{eventText(e.details) ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

type Dialog = 'note' | 'withdraw' | null;

const post = (id: string, action: 'note' | 'withdraw', body: Record<string, string>) =>
  httpClient(`/api/complaints/${encodeURIComponent(id)}/actions/${action}`, { method: 'POST', body: JSON.stringify(body) });

const Actions = ({ c }: { c: ComplaintRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions: role } = usePermissions<Role | null>();
  const [open, setOpen] = useState<Dialog>(null);
  if (!role || !(ACTIONS['complaint.act'] as readonly Role[]).includes(role) || !isOpenComplaint(c.status)) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <Button variant="outlined" startIcon={<NoteIcon />} onClick={() => setOpen('note')} data-testid="complaint-note">
        {translate('kesos.complaints.note')}
      </Button>
      <Button variant="outlined" color="warning" startIcon={<WithdrawIcon />} onClick={() => setOpen('withdraw')} data-testid="complaint-withdraw">
        {translate('kesos.complaints.withdraw')}
      </Button>
      {open === 'note' && (
        <ActionDialog
          open
          testId="dialog-note"
          title="kesos.complaints.note_title"
          fields={[{ name: 'text', label: 'kesos.complaints.note_text', required: true, minLength: 3, multiline: true }]}
          submitLabel="kesos.complaints.note"
          onClose={() => setOpen(null)}
          onSubmit={async (values) => {
            await post(c.id, 'note', { text: values.text });
            notify('kesos.complaints.noted', { type: 'success' });
            setOpen(null);
            refresh();
          }}
        />
      )}
      {open === 'withdraw' && (
        <ActionDialog
          open
          testId="dialog-withdraw"
          title="kesos.complaints.withdraw_title"
          description={translate('kesos.complaints.withdraw_explain')}
          fields={[{ name: 'reason', label: 'kesos.complaints.withdraw_reason', required: true, minLength: 5, multiline: true }]}
          submitLabel="kesos.complaints.withdraw"
          submitColor="warning"
          onClose={() => setOpen(null)}
          onSubmit={async (values) => {
            await post(c.id, 'withdraw', { reason: values.reason });
            notify('kesos.complaints.withdrawn', { type: 'success' });
            setOpen(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
};

const ComplaintView = () => {
  const c = useRecordContext<ComplaintRecord>();
  const translate = useTranslate();
  if (!c) return null;
  return (
    <Box>
      <Stack spacing={2} sx={{ p: 2 }}>
        <ShowHeading
          testId="complaint-heading"
          chips={<Chip label={translate(`kesos.complaint_status.${c.status}`, { _: c.status })} data-testid="complaint-status" />}
        >
          {complaintNumber(c.id)}
        </ShowHeading>
        <Actions c={c} />
        <Facts c={c} />
      </Stack>
      <Section title="kesos.complaints.tasks" testId="complaint-tasks-section">
        <Tasks c={c} />
      </Section>
      <Section title="kesos.complaints.history" testId="complaint-history-section">
        <History c={c} />
      </Section>
    </Box>
  );
};

export const ComplaintShow = () => (
  <Show<ComplaintRecord> title={<ComplaintTitle />}>
    <ComplaintView />
  </Show>
);
