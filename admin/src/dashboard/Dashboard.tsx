// Dashboard (GET /api/reports/summary, scoped to the user's region): counts, and bar charts
// (@mui/x-charts) of cases by PMKS category, status and kecamatan, overdue tasks by type and, for
// supervisors and auditors, stipend totals per period. The admin sees no case data: a pointer to
// the user management instead.
import type { ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import type { KesosDataProvider } from '../dataProvider';
import type { ReportSummary, SembakoReport } from '../types';
import { formatRupiah } from '../fields/RupiahField';
import { formatDateTime } from '../format';
import { getUser } from '../session';
import { isSupervisor } from '../../../domain/roles';

const StatCard = ({ label, value, color, to, testId }: { label: string; value: number; color?: string; to?: string; testId: string }) => {
  const content = (
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4" component="p" sx={{ color: color ?? 'text.primary', fontWeight: 600 }} data-testid={`${testId}-value`}>
        {value}
      </Typography>
    </CardContent>
  );
  return (
    <Card sx={{ flex: '1 1 150px', minWidth: 140 }} data-testid={testId}>
      {to ? (
        <Box component={Link} to={to} sx={{ color: 'inherit', textDecoration: 'none', display: 'block' }}>
          {content}
        </Box>
      ) : (
        content
      )}
    </Card>
  );
};

/** Whole rupiah, short, for an axis: "Rp 1,5 jt". */
const RUPIAH_SHORT = new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 1 });

const ChartCard = ({
  title,
  testId,
  empty,
  emptyText = 'kesos.dashboard.no_data',
  children,
  wide,
}: {
  title: string;
  testId: string;
  empty: boolean;
  emptyText?: string;
  children: ReactNode;
  wide?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: wide ? '2 1 560px' : '1 1 360px', minWidth: 280 }} data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom component="h2">
          {title}
        </Typography>
        {empty ? (
          <Typography variant="body2" color="text.secondary">
            {translate(emptyText)}
          </Typography>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
};

/** Counts as horizontal bars: the label on the axis (or a shorter `tick`), the label in the tooltip. */
interface CountChartProps {
  title: string;
  rows: { key: string; count: number }[];
  label: (key: string) => string;
  testId: string;
  color?: string;
  emptyText?: string;
  tick?: (key: string) => string;
}
const CountChart = ({ title, rows, label, testId, color, emptyText, tick = label }: CountChartProps) => (
  <ChartCard title={title} testId={testId} empty={rows.length === 0} emptyText={emptyText}>
    <BarChart
      layout="horizontal"
      height={Math.max(140, rows.length * 30 + 60)}
      dataset={rows}
      yAxis={[{ scaleType: 'band', dataKey: 'key', width: 120, valueFormatter: (key: string, ctx) => (ctx.location === 'tick' ? tick(key) : label(key)) }]}
      xAxis={[{ tickMinStep: 1 }]}
      series={[{ dataKey: 'count', label: title, color }]}
      hideLegend
      margin={{ left: 0, right: 16, top: 8, bottom: 0 }}
    />
  </ChartCard>
);

/** Claimed, approved and paid rupiah per period (supervisors and auditors). */
const StipendChart = ({ periods }: { periods: NonNullable<ReportSummary['stipendByPeriod']> }) => {
  const translate = useTranslate();
  const series = (['claimed', 'approved', 'paid'] as const).map((key) => ({
    dataKey: key,
    label: translate(`kesos.dashboard.stipend_series.${key}`),
    valueFormatter: (v: number | null) => (v === null ? '' : formatRupiah(v)),
  }));
  return (
    <ChartCard
      title={translate('kesos.dashboard.stipend_by_period')}
      testId="chart-stipend"
      empty={periods.length === 0}
      emptyText="kesos.dashboard.no_claims"
      wide
    >
      <BarChart
        height={260}
        dataset={periods}
        xAxis={[{ scaleType: 'band', dataKey: 'period' }]}
        yAxis={[{ width: 60, valueFormatter: (v: number) => RUPIAH_SHORT.format(v) }]}
        series={series}
        margin={{ left: 0, right: 16, top: 8, bottom: 0 }}
      />
    </ChartCard>
  );
};

const Section = ({ children }: { children: ReactNode }) => (
  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 2 }}>
    {children}
  </Stack>
);

/** Buttons to the role's main places: the first one filled. */
const Shortcuts = ({ links }: { links: { to: string; label: string }[] }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
      {links.map(({ to, label }, i) => (
        <Button key={to} component={Link} to={to} variant={i === 0 ? 'contained' : 'outlined'}>
          {translate(label)}
        </Button>
      ))}
    </Stack>
  );
};

const PERCENT = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });

/** Program Sembako (GET /api/reports/sembako): realisation per kecamatan, complaints, open periods; names and words, not codes. */
const SembakoCharts = ({ report }: { report: SembakoReport }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const t = (key: string, opts?: Record<string, unknown>) => translate(`kesos.dashboard.sembako.${key}`, opts);
  const realisation = report.realisation.map((r) => ({ ...r, notServed: r.kpmListed - r.kpmServed }));
  const openByCategory = report.complaintsByCategory.filter((c) => c.open > 0).map((c) => ({ key: c.key, count: c.open }));
  const cards = Object.values(
    report.cardProblems.reduce<Record<string, { key: string; count: number }>>((acc, p) => {
      acc[p.kind] = { key: p.kind, count: (acc[p.kind]?.count ?? 0) + p.count };
      return acc;
    }, {}),
  );
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mt: 1, mb: 1 }}>
        {t('title')}
      </Typography>
      <Section>
        <StatCard testId="stat-open-complaints" label={t('open_complaints')} value={report.openComplaints} />
        <ChartCard
          title={t('realisation')}
          testId="chart-sembako-realisation"
          empty={realisation.length === 0}
          emptyText="kesos.dashboard.sembako.no_realisation"
          wide
        >
          <BarChart
            layout="horizontal"
            height={Math.max(140, realisation.length * 40 + 60)}
            dataset={realisation}
            yAxis={[{ scaleType: 'band', dataKey: 'kecamatanName', width: 120 }]}
            series={[
              { dataKey: 'kpmServed', label: t('served'), stack: 'kpm', color: theme.palette.success.main },
              { dataKey: 'notServed', label: t('not_served'), stack: 'kpm', color: theme.palette.warning.main },
            ]}
            margin={{ left: 0, right: 16, top: 8, bottom: 0 }}
          />
          {realisation.map((r) => (
            <Typography key={r.kecamatanCode} variant="body2" color="text.secondary" data-testid="sembako-realisation-row">
              {t('realisation_row', {
                name: r.kecamatanName,
                period: r.period,
                served: r.kpmServed,
                listed: r.kpmListed,
                rate: r.rate === null ? '–' : PERCENT.format(r.rate),
              })}
            </Typography>
          ))}
        </ChartCard>
      </Section>
      <Section>
        <CountChart
          testId="chart-sembako-category"
          title={t('by_category')}
          rows={openByCategory}
          label={(k) => t(`category.${k}`, { _: k })}
          emptyText="kesos.dashboard.sembako.no_complaints"
        />
        <CountChart
          testId="chart-sembako-age"
          title={t('by_age')}
          rows={report.openComplaints ? report.openComplaintsByAge : []}
          label={(k) => t('age_days', { range: k })}
          emptyText="kesos.dashboard.sembako.no_complaints"
        />
        <CountChart
          testId="chart-sembako-periods"
          title={t('open_periods')}
          rows={report.openPeriodsByStatus}
          label={(k) => t(`period_status.${k}`, { _: k })}
          emptyText="kesos.dashboard.sembako.no_open_periods"
        />
        <CountChart
          testId="chart-sembako-cards"
          title={t('card_problems')}
          rows={cards}
          label={(k) => t(`card_problem.${k}`, { _: k })}
          color={theme.palette.error.main}
          emptyText="kesos.dashboard.sembako.no_card_problems"
        />
      </Section>
    </>
  );
};

const AdminHome = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 2 }}>
      <Title title="kesos.dashboard.title" />
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('kesos.dashboard.admin_hint')}
      </Alert>
      <Shortcuts
        links={[
          { to: '/users', label: 'kesos.menu.users' },
          { to: '/audit', label: 'kesos.menu.audit' },
        ]}
      />
    </Box>
  );
};

const Charts = ({ summary }: { summary: ReportSummary }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const role = getUser()?.role;
  const tasksLink = role === 'auditor' ? undefined : '/tasks';
  const overdueLink = isSupervisor(role) ? '/overdue' : undefined;
  return (
    <>
      <Section>
        <StatCard testId="stat-cases" label={translate('kesos.dashboard.cases')} value={summary.cases} to="/cases" />
        <StatCard testId="stat-open-tasks" label={translate('kesos.dashboard.open_tasks')} value={summary.openTasks} to={tasksLink} />
        <StatCard
          testId="stat-overdue"
          label={translate('kesos.dashboard.overdue_tasks')}
          value={summary.overdueTasks}
          color={summary.overdueTasks ? 'error.main' : undefined}
          to={overdueLink}
        />
        <StatCard
          testId="stat-breaches"
          label={translate('kesos.dashboard.sla_breaches')}
          value={summary.slaBreaches}
          color={summary.slaBreaches ? 'warning.dark' : undefined}
        />
        <StatCard testId="stat-paused" label={translate('kesos.dashboard.paused')} value={summary.paused} />
      </Section>
      <Section>
        <CountChart
          testId="chart-pmks"
          title={translate('kesos.dashboard.by_pmks')}
          rows={summary.byPmks}
          label={(k) => `${k} — ${translate(`kesos.pmks.${k}`, { _: k })}`}
          tick={(k) => k}
        />
        <CountChart
          testId="chart-status"
          title={translate('kesos.dashboard.by_status')}
          rows={summary.byStatus}
          label={(k) => translate(`kesos.case_status.${k}`, { _: k })}
        />
        <CountChart testId="chart-kecamatan" title={translate('kesos.dashboard.by_kecamatan')} rows={summary.byKecamatan} label={(k) => k} />
        <CountChart
          testId="chart-overdue"
          title={translate('kesos.dashboard.overdue_by_type')}
          rows={summary.overdueByType}
          label={(k) => translate(`kesos.task_type.${k}`, { _: k })}
          color={theme.palette.error.main}
          emptyText="kesos.dashboard.no_overdue"
        />
      </Section>
      {summary.stipendByPeriod && (
        <Section>
          <StipendChart periods={summary.stipendByPeriod} />
        </Section>
      )}
      <Typography variant="caption" color="text.secondary">
        {translate('kesos.dashboard.generated', { at: formatDateTime(summary.generatedAt) })}
      </Typography>
    </>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const user = getUser();
  const isAdmin = user?.role === 'admin';
  const { data, isPending, error } = useQuery({
    queryKey: ['reports', 'summary'],
    queryFn: () => dataProvider.reportSummary().then((r) => r.data),
    enabled: !!user && !isAdmin,
  });
  const sembako = useQuery({
    queryKey: ['reports', 'sembako'],
    queryFn: () => dataProvider.sembakoReport().then((r) => r.data),
    enabled: !!user && !isAdmin,
  });
  if (isAdmin) return <AdminHome />;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }} data-testid="dashboard">
      <Title title="kesos.dashboard.title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('kesos.dashboard.welcome', { name: user?.displayName ?? '' })}
      </Typography>
      {user?.role === 'tksk' && (
        <Shortcuts
          links={[
            { to: '/tasks', label: 'kesos.menu.my_tasks' },
            { to: '/cases/create', label: 'kesos.menu.register' },
          ]}
        />
      )}
      {isPending ? (
        <CircularProgress />
      ) : error || !data ? (
        <Alert severity="error">{translate('kesos.dashboard.error', { message: (error as Error | null)?.message ?? '' })}</Alert>
      ) : (
        <Charts summary={data} />
      )}
      {sembako.data && <SembakoCharts report={sembako.data} />}
    </Box>
  );
};
