// Reconciliation of one period (GET /api/tali-asih/reconciliation?period=): per provinsi, what
// was approved must equal what was paid plus what is still pending, and the budget's paid column
// must equal the paid components. Any difference is shown in red with its amount.
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import type { KesosDataProvider } from '../dataProvider';
import type { ReconciliationRow } from '../types';
import { formatRupiah } from '../fields/RupiahField';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** This month as YYYY-MM (claims open on the 1st for the month that starts). */
const thisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

const Amount = ({ value, bad, testId }: { value: number; bad?: boolean; testId?: string }) => (
  <TableCell
    align="right"
    data-testid={testId}
    sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', ...(bad ? { color: 'error.main', fontWeight: 600 } : {}) }}
  >
    {formatRupiah(value)}
  </TableCell>
);

const Verdict = ({ ok, okLabel, badLabel, difference }: { ok: boolean; okLabel: string; badLabel: string; difference: number }) => {
  const translate = useTranslate();
  return ok ? (
    <Chip size="small" color="success" label={translate(okLabel)} />
  ) : (
    <Chip size="small" color="error" label={`${translate(badLabel)}: ${formatRupiah(difference)}`} />
  );
};

/** One provinsi's figures for `period` (which the row carries: a screen shows one period at a time). */
const Row = ({ row, period }: { row: ReconciliationRow; period: string }) => {
  const budgetPaid = row.budget?.paid ?? 0;
  return (
    <TableRow
      data-testid="reconciliation-row"
      data-period={period}
      data-balanced={String(row.balanced)}
      data-budget-ok={String(row.budgetMatchesPayments)}
      sx={row.balanced && row.budgetMatchesPayments ? undefined : { bgcolor: (t) => alpha(t.palette.error.main, 0.08) }}
    >
      <TableCell>{row.provinsiCode}</TableCell>
      <Amount value={row.approved} bad={!row.balanced} testId="rec-approved" />
      <Amount value={row.paid} bad={!row.balanced || !row.budgetMatchesPayments} testId="rec-paid" />
      <Amount value={row.pending} bad={!row.balanced} testId="rec-pending" />
      <TableCell>
        <Verdict
          ok={row.balanced}
          okLabel="kesos.reconciliation.balanced"
          badLabel="kesos.reconciliation.difference"
          difference={row.approved - row.paid - row.pending}
        />
      </TableCell>
      <Amount value={row.budget?.allocated ?? 0} />
      <Amount value={budgetPaid} bad={!row.budgetMatchesPayments} testId="rec-budget-paid" />
      <TableCell>
        <Verdict
          ok={row.budgetMatchesPayments}
          okLabel="kesos.reconciliation.budget_ok"
          badLabel="kesos.reconciliation.difference"
          difference={budgetPaid - row.paid}
        />
      </TableCell>
      <TableCell align="right">
        {row.claimsPaid} / {row.claimsInReview}
      </TableCell>
    </TableRow>
  );
};

export const Reconciliation = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? thisMonth();
  const valid = PERIOD.test(period);
  const { data, isPending, error } = useQuery({
    queryKey: ['tali-asih', 'reconciliation', period],
    queryFn: () => dataProvider.reconciliation(period).then((r) => r.data),
    enabled: valid,
  });
  const columns = ['provinsi', 'approved', 'paid', 'pending', 'check', 'allocated', 'budget_paid', 'budget_check', 'claims'];
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }} data-testid="reconciliation">
      <Title title="kesos.reconciliation.title" />
      <Card>
        <CardContent>
          <Stack spacing={1} sx={{ mb: 2 }}>
            <TextField
              type="month"
              label={translate('resources.claims.fields.period')}
              value={period}
              onChange={(e) => e.target.value && setParams({ period: e.target.value }, { replace: true })}
              size="small"
              sx={{ width: 220 }}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'reconciliation-period' } }}
            />
            <Typography variant="body2" color="text.secondary">
              {translate('kesos.reconciliation.explain')}
            </Typography>
          </Stack>
          {!valid ? (
            <Alert severity="warning">{translate('kesos.claims.invalid_period')}</Alert>
          ) : isPending ? (
            <CircularProgress />
          ) : error ? (
            <Alert severity="error">{(error as Error).message}</Alert>
          ) : !data?.length ? (
            <Alert severity="info">{translate('kesos.reconciliation.empty', { period })}</Alert>
          ) : (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    {columns.map((c, i) => (
                      <TableCell key={c} align={i === 0 || c.endsWith('check') ? 'left' : 'right'}>
                        {translate(`kesos.reconciliation.column.${c}`)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.map((row) => (
                    <Row key={row.provinsiCode} row={row} period={period} />
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
