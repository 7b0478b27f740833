// One monthly report (GET /api/monthly-reports/:id): the month's figures as compiled, the lines
// behind them, the TKSK's narrative and kendala, the open step (a link to its task: the TKSK's
// narrative form, the kabupaten's review with approve/return, both generated from the task
// type's schema), and, once approved, the PDF and XLSX to download.
import { Alert, Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Show, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { MONTHLY_COUNT_KEYS } from '../../../domain/koordinasi';
import { Section, ShowHeading } from '../common/ShowParts';
import { saveBlob } from '../common/useAction';
import { authorizedBlob } from '../dataProvider';
import { PersonName, RegionName } from '../fields/NameFields';
import type { MonthlyReportRecord } from '../types';

const SECTIONS = ['cases', 'referrals', 'complaints', 'monitoring', 'meetings', 'actionItems', 'mapping'] as const;

const Downloads = ({ r }: { r: MonthlyReportRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const get = async (format: 'pdf' | 'xlsx') => {
    try {
      saveBlob(await authorizedBlob(`/api/monthly-reports/${encodeURIComponent(r.id)}/report.${format}`), `${r.id}.${format}`);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ px: 2, mb: 2 }}>
      {(['pdf', 'xlsx'] as const).map((f) => (
        <Button key={f} variant="outlined" startIcon={<DownloadIcon />} onClick={() => void get(f)} data-testid={`report-${f}`}>
          {translate(`kesos.monthly_reports.download_${f}`)}
        </Button>
      ))}
    </Stack>
  );
};

const ReportBody = () => {
  const r = useRecordContext<MonthlyReportRecord>();
  const translate = useTranslate();
  if (!r) return null;
  const open = (r.tasks ?? []).find((t) => t.status === 'open' && t.type !== 'sla_escalation');
  return (
    <Box sx={{ py: 2 }}>
      <Box sx={{ px: 2, mb: 2 }}>
        <ShowHeading
          testId="report-title"
          chips={<Chip size="small" label={translate(`kesos.monthly_report_status.${r.status}`)} data-testid="report-status" />}
        >
          {translate('kesos.monthly_reports.title', { period: r.period })}
        </ShowHeading>
        <Typography variant="body2" color="text.secondary">
          <PersonName id={r.tkskId} /> · <RegionName code={r.kecamatanCode} />
        </Typography>
      </Box>
      {r.returnReason && r.status === 'narrative' && (
        <Alert severity="warning" sx={{ mx: 2, mb: 2 }} data-testid="report-returned">
          {translate('kesos.monthly_reports.returned', { reason: r.returnReason })}
        </Alert>
      )}
      {open && (
        <Alert severity="info" sx={{ mx: 2, mb: 2 }}>
          <Link to={`/tasks/${encodeURIComponent(open.id)}/show`} data-testid="report-open-task">
            {translate(`kesos.task_type.${open.type}`, { _: open.type })}
          </Link>
        </Alert>
      )}
      {r.status === 'approved' && <Downloads r={r} />}
      <Section title="kesos.monthly_reports.counts" testId="report-counts">
        <Table size="small">
          <TableBody>
            {MONTHLY_COUNT_KEYS.map((k) => (
              <TableRow key={k} data-testid={`count-${k}`}>
                <TableCell>{translate(`kesos.monthly_count.${k}`)}</TableCell>
                <TableCell align="right">{k === 'mappingUpdates' && !r.counts[k] ? translate('kesos.monthly_reports.not_available') : r.counts[k]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section title="kesos.monthly_reports.narrative">
        <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap' }} data-testid="report-narrative">
          {r.narrative ?? translate('kesos.monthly_reports.no_narrative')}
        </Typography>
        {r.kendala && (
          <>
            <Typography variant="subtitle2" sx={{ mt: 2 }}>
              {translate('kesos.monthly_reports.kendala')}
            </Typography>
            <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap' }}>
              {r.kendala}
            </Typography>
          </>
        )}
      </Section>
      {SECTIONS.filter((s) => (r.details?.[s] ?? []).length).map((s) => (
        <Section key={s} title={`kesos.monthly_section.${s}`}>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('kesos.monthly_reports.date')}</TableCell>
                  <TableCell>{translate('kesos.monthly_reports.what')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {r.details![s].map((d) => (
                  <TableRow key={d.id}>
                    <TableCell>{d.on}</TableCell>
                    <TableCell>{s === 'meetings' ? <Link to={`/meetings/${d.id}/show`}>{d.text}</Link> : d.text}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </Section>
      ))}
    </Box>
  );
};

export const ReportShow = () => (
  <Show resource="monthly-reports" title="kesos.menu.monthly_reports" component="div">
    <ReportBody />
  </Show>
);
