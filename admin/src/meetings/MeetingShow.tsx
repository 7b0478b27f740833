// One meeting (GET /api/meetings/:id): its facts, agenda and decisions, who came, the action items
// with their tasks' status (each a link to the task page, where the owner records what was done),
// and the attachments: a file picked on the phone is sent base64 (POST …/attachments; the server
// checks its bytes are a PDF, JPEG or PNG) and each is downloaded with the bearer token.
import { useRef, useState, type ReactNode } from 'react';
import {
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import UploadIcon from '@mui/icons-material/UploadFile';
import { Show, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../domain/koordinasi';
import { Section, ShowHeading } from '../common/ShowParts';
import { saveBlob } from '../common/useAction';
import { authorizedBlob, httpClient } from '../dataProvider';
import { PersonName, RegionName } from '../fields/NameFields';
import { formatDateTime } from '../format';
import type { MeetingDetailRecord } from '../types';

const Item = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <Box sx={{ minWidth: 0 }}>
    <Typography variant="body2" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="body1" component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }} data-testid={testId}>
      {children}
    </Typography>
  </Box>
);

const Lines = ({ items, testId }: { items: string[]; testId: string }) => (
  <List dense data-testid={testId}>
    {items.map((x, i) => (
      <ListItem key={i} disableGutters>
        <ListItemText primary={`${i + 1}. ${x}`} />
      </ListItem>
    ))}
  </List>
);

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

const Attachments = ({ m }: { m: MeetingDetailRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<AttachmentKind>('daftar_hadir');
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      await httpClient(`/api/meetings/${m.id}/attachments`, {
        method: 'POST',
        body: JSON.stringify({ kind, fileName: file.name, contentBase64: await toBase64(file) }),
      });
      notify('kesos.meetings.attached', { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const download = async (id: string, name: string) => saveBlob(await authorizedBlob(`/api/meetings/${m.id}/attachments/${id}`), name);
  return (
    <Section title="resources.meetings.fields.attachments" testId="meeting-attachments">
      <List dense>
        {m.attachments.map((a) => (
          <ListItem key={a.id} disableGutters>
            <Button size="small" onClick={() => void download(a.id, a.fileName)}>
              {a.fileName}
            </Button>
            <ListItemText secondary={`${translate(`kesos.attachment_kind.${a.kind}`)} · ${Math.ceil(a.sizeBytes / 1024)} KB`} />
          </ListItem>
        ))}
      </List>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Select
          size="small"
          value={kind}
          onChange={(e) => setKind(e.target.value as AttachmentKind)}
          inputProps={{ 'aria-label': translate('kesos.meetings.attachment_kind') }}
        >
          {ATTACHMENT_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`kesos.attachment_kind.${k}`)}
            </MenuItem>
          ))}
        </Select>
        <Button variant="outlined" startIcon={<UploadIcon />} disabled={busy} onClick={() => input.current?.click()}>
          {translate('kesos.meetings.attach')}
        </Button>
        <input ref={input} type="file" hidden accept="application/pdf,image/jpeg,image/png" onChange={(e) => void upload(e.target.files?.[0])} />
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('kesos.meetings.attach_help')}
      </Typography>
    </Section>
  );
};

const MeetingBody = () => {
  const m = useRecordContext<MeetingDetailRecord>();
  const translate = useTranslate();
  if (!m) return null;
  const field = (name: string) => translate(`resources.meetings.fields.${name}`);
  return (
    <Box sx={{ py: 2 }}>
      <Box sx={{ px: 2, mb: 2 }}>
        <ShowHeading testId="meeting-title" chips={<Chip size="small" label={translate(`kesos.meeting_status.${m.status}`)} data-testid="meeting-status" />}>
          {m.title}
        </ShowHeading>
      </Box>
      <Section title="kesos.meetings.facts">
        <Box component="dl" sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))' }, m: 0 }}>
          <Item label={field('level')}>{translate(`kesos.meeting_level.${m.level}`)}</Item>
          <Item label={field('heldOn')}>{m.heldOn}</Item>
          <Item label={field('regionCode')}>
            <RegionName code={m.regionCode} />
          </Item>
          <Item label={field('chair')}>{m.chair}</Item>
          {m.place && <Item label={field('place')}>{m.place}</Item>}
          <Item label={field('recordedBy')}>
            <PersonName id={m.recordedBy} />
          </Item>
        </Box>
      </Section>
      <Section title="resources.meetings.fields.agenda">
        <Lines items={m.agenda} testId="meeting-agenda" />
      </Section>
      {m.decisions.length > 0 && (
        <Section title="resources.meetings.fields.decisions">
          <Lines items={m.decisions} testId="meeting-decisions" />
        </Section>
      )}
      <Section title="kesos.meetings.attendees">
        <List dense>
          {m.attendeeIds.map((id) => (
            <ListItem key={id} disableGutters>
              <ListItemText primary={<PersonName id={id} />} />
            </ListItem>
          ))}
          {m.outsideAttendees.map((a, i) => (
            <ListItem key={`o${i}`} disableGutters>
              <ListItemText primary={a.name} secondary={`${a.role} · ${a.organisation}`} />
            </ListItem>
          ))}
        </List>
        {m.psksReferences.length > 0 && (
          <Typography variant="body2">
            {field('psksReferences')}: {m.psksReferences.join(', ')}
          </Typography>
        )}
      </Section>
      <Section title="resources.meetings.fields.actionItems" testId="meeting-action-items">
        {m.actionItems.length === 0 ? (
          <Typography variant="body2">{translate('kesos.meetings.no_action_items')}</Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('kesos.meetings.action_description')}</TableCell>
                  <TableCell>{translate('kesos.meetings.action_owner')}</TableCell>
                  <TableCell>{translate('kesos.meetings.task_status')}</TableCell>
                  <TableCell>{translate('kesos.meetings.due')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {m.actionItems.map((a) => (
                  <TableRow key={a.id} data-testid="action-item">
                    <TableCell>
                      {a.description}
                      {a.result && (
                        <Typography variant="body2" color="text.secondary">
                          {a.result}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <PersonName id={a.ownerId} />
                    </TableCell>
                    <TableCell data-testid="action-item-status">
                      {a.task ? <Link to={`/tasks/${a.task.id}/show`}>{translate(`kesos.task_status.${a.task.status}`)}</Link> : '—'}
                      {a.task?.overdue && a.task.status === 'open' && (
                        <Chip size="small" color="error" label={translate('kesos.meetings.overdue')} sx={{ ml: 1 }} />
                      )}
                    </TableCell>
                    <TableCell>{formatDateTime(a.task?.dueAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Section>
      <Attachments m={m} />
    </Box>
  );
};

export const MeetingShow = () => (
  <Show resource="meetings" title="kesos.menu.meetings" component="div">
    <MeetingBody />
  </Show>
);
