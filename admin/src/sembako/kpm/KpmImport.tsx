// Importing a kecamatan's KPM register (POST /api/sembako/kpm/imports): choose the kecamatan (a
// TKSK's own, fixed; a kabupaten supervisor's among those of their kabupaten) and a .csv or .xlsx
// file, check it first (dryRun: the row-by-row report, nothing written), then import it once no
// row is invalid. The import is all or nothing; KPM the file leaves out are reported, not removed.
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  InputLabel,
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
import { useState } from 'react';
import { Title, useDataProvider, useGetList, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { KesosDataProvider } from '../../dataProvider';
import { RegionName } from '../../fields/NameFields';
import { getUser } from '../../session';
import type { KpmImportReport, RegionRecord } from '../../types';

type FileBody = { csv: string } | { xlsx: string };

/** CSV as text; XLSX as base64 (what the API takes). */
async function readFile(file: File): Promise<FileBody> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { xlsx: btoa(binary) };
  }
  return { csv: await file.text() };
}

/** The kecamatan picker of a kabupaten supervisor: the kecamatan of their kabupaten, none chosen. */
const KecamatanPicker = ({ kabupaten, value, onChange }: { kabupaten: string; value: string; onChange: (code: string) => void }) => {
  const translate = useTranslate();
  const { data = [] } = useGetList<RegionRecord>('regions', {
    filter: { level: 'kecamatan', parentCode: kabupaten },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  return (
    <FormControl sx={{ minWidth: 240 }} size="small">
      <InputLabel id="kpm-kecamatan-label">{translate('kesos.sembako.kpm.kecamatan')}</InputLabel>
      <Select
        labelId="kpm-kecamatan-label"
        label={translate('kesos.sembako.kpm.kecamatan')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="kpm-kecamatan"
      >
        {data.map((r) => (
          <MenuItem key={r.id} value={r.id}>
            {r.name} ({r.id})
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
};

const ImportReport = ({ report }: { report: KpmImportReport }) => {
  const translate = useTranslate();
  const invalid = report.rows.filter((r) => r.action === 'invalid');
  const shown = invalid.length ? invalid : report.rows;
  return (
    <Box data-testid="kpm-report">
      <Alert severity={invalid.length ? 'error' : 'success'} sx={{ mb: 1 }} data-testid="kpm-report-summary">
        {translate(invalid.length ? 'kesos.sembako.kpm.report_invalid' : 'kesos.sembako.kpm.report_ok', {
          rows: report.counts.rows,
          invalid: report.counts.invalid,
          created: report.counts.created,
          updated: report.counts.updated,
          unchanged: report.counts.unchanged,
        })}
      </Alert>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate('kesos.sembako.kpm.report_title')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('kesos.sembako.kpm.line')}</TableCell>
              <TableCell>{translate('resources.sembako-kpm.fields.idKpm')}</TableCell>
              <TableCell>{translate('kesos.sembako.kpm.verdict')}</TableCell>
              <TableCell>{translate('kesos.sembako.kpm.errors')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((row) => (
              <TableRow key={row.index} data-testid={`kpm-row-${row.line ?? row.index + 1}`}>
                <TableCell>{row.line ?? row.index + 1}</TableCell>
                <TableCell>{row.idKpm || '—'}</TableCell>
                <TableCell>{translate(`kesos.sembako.kpm.action.${row.action}`, { _: row.action })}</TableCell>
                <TableCell>
                  {row.errors.length
                    ? row.errors.map((e) => (
                        <div key={e.pointer}>{translate('kesos.sembako.kpm.error_in_column', { column: e.column, message: e.message })}</div>
                      ))
                    : row.changedColumns?.length
                      ? translate('kesos.sembako.kpm.changed', { columns: row.changedColumns.join(', ') })
                      : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};

export const KpmImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const user = getUser();
  const tksk = user?.role === 'tksk';
  const [kecamatan, setKecamatan] = useState(tksk ? (user?.regionCode ?? '') : '');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<KpmImportReport | null>(null);
  const [result, setResult] = useState<KpmImportReport | null>(null);
  const [running, setRunning] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file || !kecamatan) return;
    setRunning(true);
    try {
      const { data } = await dataProvider.importKpm({ kecamatanCode: kecamatan, dryRun, ...(await readFile(file)) });
      if (dryRun || data.counts.invalid) {
        setReport(data);
        setResult(null);
      } else {
        setResult(data);
        setReport(null);
        notify('kesos.sembako.kpm.imported', { type: 'success' });
      }
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setRunning(false);
    }
  };
  const reset = () => {
    setReport(null);
    setResult(null);
  };
  const importable = !!report && report.dryRun && report.counts.invalid === 0 && report.counts.rows > 0;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="kesos.sembako.kpm.import_title" />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2">{translate('kesos.sembako.kpm.import_help')}</Typography>
          {tksk ? (
            <Typography data-testid="kpm-kecamatan">
              {translate('kesos.sembako.kpm.kecamatan')}: <RegionName code={kecamatan} />
            </Typography>
          ) : (
            <KecamatanPicker
              kabupaten={user?.regionCode ?? ''}
              value={kecamatan}
              onChange={(code) => {
                setKecamatan(code);
                reset();
              }}
            />
          )}
          <Box>
            <InputLabel htmlFor="kpm-file" sx={{ mb: 0.5 }}>
              {translate('kesos.sembako.kpm.file')}
            </InputLabel>
            <input
              id="kpm-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="kpm-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
          </Box>
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            <Button variant="outlined" disabled={!file || !kecamatan || running} onClick={() => send(true)} data-testid="kpm-check">
              {translate('kesos.sembako.kpm.check')}
            </Button>
            <Button variant="contained" disabled={!importable || running} onClick={() => send(false)} data-testid="kpm-submit">
              {translate('kesos.sembako.kpm.import')}
            </Button>
          </Stack>
          {report && <ImportReport report={report} />}
          {result && (
            <Alert severity="success" data-testid="kpm-result">
              <div>
                {translate('kesos.sembako.kpm.result', {
                  created: result.counts.created,
                  updated: result.counts.updated,
                  unchanged: result.counts.unchanged,
                })}
              </div>
              {result.counts.missing > 0 && (
                <div data-testid="kpm-missing">
                  {translate('kesos.sembako.kpm.missing', { smart_count: result.counts.missing })} {result.missingIds.join(', ')}
                </div>
              )}
              <Button component={Link} to="/sembako-kpm" size="small" sx={{ mt: 1 }}>
                {translate('kesos.sembako.kpm.to_list')}
              </Button>
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
