// Dashboard (GET /api/reports/summary, scoped to the user's region): counts and plain CSS bar
// charts by PMKS category, status and kecamatan. The admin sees no case data: a pointer to the
// user management instead.
import type { ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Tooltip, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import type { KesosDataProvider, ReportSummary } from '../dataProvider';
import { getUser } from '../session';
import { isSupervisor } from '../vocabulary';

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

/** A horizontal bar chart in plain CSS: one row per key, bar length ∝ count. */
const BarChart = ({ title, rows, label, testId }: { title: string; rows: { key: string; count: number }[]; label: (key: string) => string; testId: string }) => {
  const translate = useTranslate();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Card sx={{ flex: '1 1 320px', minWidth: 280 }} data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom component="h2">
          {title}
        </Typography>
        {rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('kesos.dashboard.no_data')}
          </Typography>
        ) : (
          <Stack spacing={0.75} role="list">
            {rows.map((r) => (
              <Box key={r.key} role="listitem" aria-label={`${label(r.key)}: ${r.count}`} sx={{ display: 'grid', gridTemplateColumns: 'minmax(90px, 40%) 1fr auto', gap: 1, alignItems: 'center' }}>
                <Tooltip title={label(r.key)}>
                  <Typography variant="body2" noWrap>
                    {label(r.key)}
                  </Typography>
                </Tooltip>
                <Box sx={{ bgcolor: 'action.hover', borderRadius: 1, height: 14, overflow: 'hidden' }}>
                  <Box sx={{ width: `${(r.count / max) * 100}%`, height: '100%', bgcolor: 'primary.main', borderRadius: 1, minWidth: 4 }} />
                </Box>
                <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', minWidth: 24, textAlign: 'right' }}>
                  {r.count}
                </Typography>
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

const Section = ({ children }: { children: ReactNode }) => (
  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 2 }}>
    {children}
  </Stack>
);

const AdminHome = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 2 }}>
      <Title title="kesos.dashboard.title" />
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('kesos.dashboard.admin_hint')}
      </Alert>
      <Stack direction="row" spacing={2}>
        <Button component={Link} to="/users" variant="contained">
          {translate('kesos.menu.users')}
        </Button>
        <Button component={Link} to="/audit" variant="outlined">
          {translate('kesos.menu.audit')}
        </Button>
      </Stack>
    </Box>
  );
};

const Charts = ({ summary }: { summary: ReportSummary }) => {
  const translate = useTranslate();
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
        <StatCard testId="stat-breaches" label={translate('kesos.dashboard.sla_breaches')} value={summary.slaBreaches} color={summary.slaBreaches ? 'warning.dark' : undefined} />
        <StatCard testId="stat-paused" label={translate('kesos.dashboard.paused')} value={summary.paused} />
      </Section>
      <Section>
        <BarChart
          testId="chart-pmks"
          title={translate('kesos.dashboard.by_pmks')}
          rows={summary.byPmks}
          label={(k) => `${k} — ${translate(`kesos.pmks.${k}`, { _: k })}`}
        />
        <BarChart testId="chart-status" title={translate('kesos.dashboard.by_status')} rows={summary.byStatus} label={(k) => translate(`kesos.case_status.${k}`, { _: k })} />
        <BarChart testId="chart-kecamatan" title={translate('kesos.dashboard.by_kecamatan')} rows={summary.byKecamatan} label={(k) => k} />
      </Section>
      <Typography variant="caption" color="text.secondary">
        {translate('kesos.dashboard.generated', { at: new Date(summary.generatedAt).toLocaleString('id-ID') })}
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
  if (isAdmin) return <AdminHome />;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }} data-testid="dashboard">
      <Title title="kesos.dashboard.title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('kesos.dashboard.welcome', { name: user?.displayName ?? '' })}
      </Typography>
      {user?.role === 'tksk' && (
        <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
          <Button component={Link} to="/tasks" variant="contained">
            {translate('kesos.menu.my_tasks')}
          </Button>
          <Button component={Link} to="/cases/create" variant="outlined">
            {translate('kesos.menu.register')}
          </Button>
        </Stack>
      )}
      {isPending ? (
        <CircularProgress />
      ) : error || !data ? (
        <Alert severity="error">{translate('kesos.dashboard.error', { message: (error as Error | null)?.message ?? '' })}</Alert>
      ) : (
        <Charts summary={data} />
      )}
    </Box>
  );
};
