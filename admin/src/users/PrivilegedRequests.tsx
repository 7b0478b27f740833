// Four-eyes for the admins: what waits for a second admin (a data-subject export, a supervisor's,
// auditor's or admin's account), above the user list. Another admin confirms or declines; the
// requester sees their own as waiting and downloads a confirmed export.
import { Alert, AlertTitle, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useDataProvider, useGetList, useGetMany, useNotify, useTranslate } from 'react-admin';
import type { KesosDataProvider } from '../dataProvider';
import { formatDateTime } from '../format';
import { getUser } from '../session';
import type { PrivilegedRequest, UserRecord } from '../types';
import { saveBlob, useAction } from '../common/useAction';

/** What the request does, in a line: the account or the (masked) NIK, and the changed fields. */
function Summary({ request }: { request: PrivilegedRequest }) {
  const translate = useTranslate();
  const s = request.summary;
  if (request.kind === 'data_subject_export') return <>NIK {s.nik}</>;
  const role = s.role ? translate(`kesos.role.${s.role}`, { _: s.role }) : '';
  const changes = s.changes ? Object.entries(s.changes).filter(([, v]) => v !== undefined) : [];
  return (
    <>
      <b>{s.username}</b> · {role}
      {s.regionCode ? ` · ${s.regionCode}` : ''}
      {changes.length > 0 &&
        ` → ${changes.map(([k, v]) => `${translate(`resources.users.fields.${k}`, { _: k })}: ${v === null ? '—' : String(v)}`).join(', ')}`}
    </>
  );
}

function RequestRow({ request, requester }: { request: PrivilegedRequest; requester?: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const { busy, run } = useAction();
  const mine = request.requestedBy === getUser()?.id;

  const decide = (approve: boolean) =>
    run(async () => {
      const { data } = await dataProvider.confirmPrivileged(request.id, approve);
      notify(
        !approve ? 'kesos.privileged.declined_done' : data.status === 'confirmed' ? 'kesos.privileged.approved_export' : 'kesos.privileged.approved_done',
        { type: 'success' },
      );
    });
  const download = () =>
    run(async () => {
      saveBlob((await dataProvider.downloadDataSubjectExport(request.id)).data, `data-subjek-${request.id.slice(0, 8)}.json`);
      notify('kesos.privileged.exported', { type: 'success' });
    });

  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={1}
      sx={{ py: 1, borderTop: 1, borderColor: 'divider', alignItems: { sm: 'center' } }}
      data-testid={`privileged-${request.id}`}
      data-kind={request.kind}
    >
      <Box sx={{ flex: 1 }}>
        <Typography variant="body2">
          <Chip size="small" label={translate(`kesos.privileged.kind.${request.kind}`)} sx={{ mr: 1 }} />
          <Summary request={request} />
        </Typography>
        <Typography variant="body2" component="q" sx={{ display: 'block', mt: 0.5 }}>
          {request.reason}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('kesos.privileged.requested_by', {
            user: mine ? translate('kesos.privileged.you') : (requester ?? request.requestedBy),
            at: formatDateTime(request.requestedAt),
          })}{' '}
          · {translate(`kesos.privileged.status.${request.status}`)}
        </Typography>
      </Box>
      {busy && <CircularProgress size={20} />}
      {request.status === 'pending' && mine && (
        <Chip size="small" variant="outlined" label={translate('kesos.privileged.waiting_other')} data-testid="privileged-waiting" />
      )}
      {request.status === 'pending' && !mine && (
        <Stack direction="row" spacing={1}>
          <Button size="small" variant="contained" color="success" disabled={busy} onClick={() => void decide(true)}>
            {translate('kesos.privileged.approve')}
          </Button>
          <Button size="small" color="error" disabled={busy} onClick={() => void decide(false)}>
            {translate('kesos.privileged.decline')}
          </Button>
        </Stack>
      )}
      {request.status === 'confirmed' && mine && (
        <Button size="small" variant="contained" disabled={busy} onClick={() => void download()}>
          {translate('kesos.privileged.download')}
        </Button>
      )}
    </Stack>
  );
}

/** The requests still open: waiting for a second admin, or a confirmed export waiting for its download. */
export const PrivilegedRequests = () => {
  const translate = useTranslate();
  const { data } = useGetList<PrivilegedRequest>('privileged-requests', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'requestedAt', order: 'DESC' },
  });
  const open = (data ?? []).filter((r) => r.status === 'pending' || r.status === 'confirmed');
  const { data: requesters } = useGetMany<UserRecord>('users', { ids: [...new Set(open.map((r) => r.requestedBy))] }, { enabled: open.length > 0 });
  const usernameOf = (id: string) => requesters?.find((u) => u.id === id)?.username;
  if (!open.length) return null;
  return (
    <Alert severity="warning" icon={false} sx={{ mt: 2, mx: { xs: 1, sm: 0 } }} data-testid="privileged-requests">
      <AlertTitle>{translate('kesos.privileged.title')}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('kesos.privileged.explain')}
      </Typography>
      {open.map((r) => (
        <RequestRow key={r.id} request={r} requester={usernameOf(r.requestedBy)} />
      ))}
    </Alert>
  );
};
