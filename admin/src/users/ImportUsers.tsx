// Impor pengguna: the admin picks a CSV file, "Periksa dulu" shows the API's row-by-row report
// (POST /api/admin/users/import with dryRun), "Impor" is offered only when no row is invalid, and
// the invitation codes and links of the created accounts are shown once, with a copy button and a
// CSV download (nothing is sent: the admin passes them on by WhatsApp or SMS).
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Title, useTranslate, type HttpError } from 'react-admin';
import { USER_IMPORT_COLUMNS } from '../../../domain/userImport';
import { httpClient } from '../dataProvider';

interface RowReport {
  index: number;
  line: number | null;
  nomorInduk: string;
  username: string;
  role: string | null;
  action: 'created' | 'updated' | 'unchanged' | 'invalid';
  changedColumns?: string[];
  errors: { column: string; message: string }[];
}
interface Invitation {
  userId: string;
  username: string;
  displayName: string;
  code: string;
  link: string;
  expiresAt: string;
}
interface Report {
  importId: string | null;
  privileged: boolean;
  counts: Record<'rows' | 'created' | 'updated' | 'unchanged' | 'invalid', number>;
  rows: RowReport[];
  invitations?: Invitation[];
}

const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const invitationsCsv = (list: Invitation[]) =>
  ['username,nama,kode,tautan,berlaku_sampai', ...list.map((i) => [i.username, i.displayName, i.code, i.link, i.expiresAt].map(quote).join(','))].join('\r\n');

export const ImportUsers = () => {
  const translate = useTranslate();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [reason, setReason] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [checked, setChecked] = useState(false);
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      const { status, json } = await httpClient('/api/admin/users/import', {
        method: 'POST',
        body: JSON.stringify({ csv, dryRun, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
      });
      if (status === 202) {
        setPending(json.id as string);
        setReport(null);
      } else {
        setReport(json as Report);
        setChecked(dryRun);
      }
    } catch (error) {
      const e = error as HttpError;
      const body = e.body as { report?: Report } | undefined;
      if (body?.report) setReport(body.report);
      else setReport(null);
      setChecked(false);
      setFailure(body?.report ? translate('kesos.user_import.invalid_rows', { n: body.report.counts.invalid }) : e.message);
    } finally {
      setBusy(false);
    }
  };

  const pick = async (file: File | undefined) => {
    setReport(null);
    setChecked(false);
    setPending(null);
    setFailure(null);
    setFileName(file?.name ?? '');
    setCsv(file ? await file.text() : null);
  };

  const download = (list: Invitation[]) => {
    const url = URL.createObjectURL(new Blob([invitationsCsv(list)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'undangan-pengguna.csv';
    a.click();
    URL.revokeObjectURL(url);
  };

  const invitations = report?.invitations;
  const canImport = checked && report && report.counts.invalid === 0 && report.counts.created + report.counts.updated > 0;
  return (
    <Card sx={{ m: { xs: 1, sm: 2 } }} data-testid="user-import">
      <Title title="kesos.user_import.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('kesos.user_import.explain', { columns: USER_IMPORT_COLUMNS.join(', ') })}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }} alignItems={{ sm: 'center' }}>
          <Button variant="outlined" component="label">
            {translate('kesos.user_import.pick')}
            <input hidden type="file" accept=".csv,text/csv" data-testid="user-import-file" onChange={(e) => void pick(e.target.files?.[0])} />
          </Button>
          <Typography variant="body2">{fileName || translate('kesos.user_import.no_file')}</Typography>
        </Stack>
        <TextField
          label={translate('kesos.user_import.reason')}
          helperText={translate('kesos.users.reason_help')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          fullWidth
          multiline
          minRows={2}
          sx={{ mb: 2 }}
        />
        <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
          <Button variant="outlined" disabled={!csv || busy} onClick={() => void send(true)}>
            {translate('kesos.user_import.check')}
          </Button>
          <Button variant="contained" disabled={!canImport || busy} onClick={() => void send(false)}>
            {translate('kesos.user_import.apply')}
          </Button>
        </Stack>
        {failure && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {failure}
          </Alert>
        )}
        {pending && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('kesos.user_import.pending')}
          </Alert>
        )}
        {report && (
          <>
            <Typography variant="subtitle1" data-testid="user-import-counts">
              {translate('kesos.user_import.counts', report.counts)}
            </Typography>
            {report.privileged && !report.importId && <Alert severity="warning">{translate('kesos.user_import.privileged')}</Alert>}
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" data-testid="user-import-report">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('kesos.user_import.line')}</TableCell>
                    <TableCell>nomor_induk</TableCell>
                    <TableCell>{translate('resources.users.fields.username')}</TableCell>
                    <TableCell>{translate('kesos.user_import.result')}</TableCell>
                    <TableCell>{translate('kesos.user_import.problems')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.rows.map((r) => (
                    <TableRow key={r.index} data-action={r.action}>
                      <TableCell>{r.line ?? r.index + 1}</TableCell>
                      <TableCell>{r.nomorInduk}</TableCell>
                      <TableCell>{r.username}</TableCell>
                      <TableCell>
                        <Chip size="small" color={r.action === 'invalid' ? 'error' : 'default'} label={translate(`kesos.user_import.action.${r.action}`)} />
                        {r.changedColumns?.length ? ` ${r.changedColumns.join(', ')}` : ''}
                      </TableCell>
                      <TableCell>
                        {r.errors.map((e) => (
                          <div key={e.column + e.message}>
                            <strong>{e.column}</strong>: {e.message}
                          </div>
                        ))}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </>
        )}
        {invitations && invitations.length > 0 && (
          <Box sx={{ mt: 3 }} data-testid="user-import-invitations">
            <Typography variant="h6">{translate('kesos.user_import.invitations')}</Typography>
            <Alert severity="warning" sx={{ my: 1 }}>
              {translate('kesos.user_import.once')}
            </Alert>
            <Button variant="outlined" onClick={() => download(invitations)} sx={{ mb: 1 }}>
              {translate('kesos.user_import.download')}
            </Button>
            <Table size="small">
              <TableBody>
                {invitations.map((i) => (
                  <TableRow key={i.userId}>
                    <TableCell>{i.username}</TableCell>
                    <TableCell>{i.displayName}</TableCell>
                    <TableCell>
                      <a href={i.link} data-testid="invitation-link">
                        {i.link}
                      </a>
                    </TableCell>
                    <TableCell>
                      <Button size="small" onClick={() => void navigator.clipboard?.writeText(i.link)}>
                        {translate('kesos.user_import.copy')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

export default ImportUsers;
