import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import AuditIcon from '@mui/icons-material/Policy';
import PeopleIcon from '@mui/icons-material/People';
import { CHANGE_PASSWORD_PATH } from './session';
import { authProvider } from './authProvider';
import cases from './cases';
import complaints from './complaints';
import meetings from './meetings';
import monthlyReports from './laporan';
import { lazyPage } from './common/lazyPage';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { KesosLayout } from './layout/Menu';
import { kesosTheme } from './layout/theme';
import { budgets, canManageBudgets, claims, opensClaims, Reconciliation } from './taliAsih';
import tasks from './tasks';
import { sembakoKpm } from './sembako/kpm';
import { sembakoPeriods } from './sembako/periods';
import { sembakoKpmFixes } from './sembako/fixes';
import { sembakoCalendar } from './sembako/calendar';
import { managesAssignments, readsAssignments, tkskAssignments } from './tkskAssignments';
import { OverdueList } from './tasks/TaskList';
import { isSupervisor } from '../../domain/roles';
import { ACTIONS } from '../../domain/access';
import { psks } from './psks';

// In chunks of their own (docs/decisions/0012-portal-loading.md): the dashboard brings the charts,
// the others are screens of one role or rarely opened. The task list stays in the main chunk: it
// is where a TKSK works.
const Dashboard = lazyPage(() => import('./dashboard/Dashboard'), 'Dashboard');
const ChangePassword = lazyPage(() => import('./account/ChangePassword'), 'ChangePassword');
const AuditList = lazyPage(() => import('./audit/AuditList'), 'AuditList');
const UserList = lazyPage(() => import('./users'), 'UserList');
const UserCreate = lazyPage(() => import('./users'), 'UserCreate');
const ImportUsers = lazyPage(() => import('./users/ImportUsers'), 'ImportUsers');
const PemetaanPage = lazyPage(() => import('./pemetaan/PemetaanPage'), 'PemetaanPage');

/** Who reads the KPM register and the distribution periods (API: sembako.kpm_list, sembako.period_list); who imports and opens. */
const readsSembako = (role: string | null) => role === 'tksk' || role === 'auditor' || isSupervisor(role);
const runsSembako = (role: string | null) => role === 'tksk' || role === 'supervisor_kabupaten';

/** Who reads stipend claims, budgets and reconciliation (API: claim.list and budget.read). */
const readsStipends = (role: string | null) => isSupervisor(role) || role === 'auditor';
const allows = (action: keyof typeof ACTIONS, role: string | null) => !!role && (ACTIONS[action] as readonly string[]).includes(role);
const readsComplaints = (role: string | null) => allows('complaint.list', role);
const createsComplaints = (role: string | null) => allows('complaint.create', role);

/**
 * Hash router (the default): works however Express serves /admin/*. Resources follow the role:
 * the admin manages users and sees no case data; only a TKSK registers cases; only the provinsi
 * supervisor sets budgets.
 */
export const App = () => (
  <Admin
    title="kesos-flow"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={KesosLayout}
    theme={kesosTheme}
    requireAuth
    disableTelemetry
  >
    {/*
      Static, not returned by the role function: react-admin rebuilds the function's custom routes
      whenever the permissions are re-read (e.g. after a refresh), which remounts the page being
      shown and loses what was typed. The menu offers them by role; the API refuses other roles.
    */}
    <CustomRoutes>
      <Route path="/overdue" element={<OverdueList />} />
      <Route path="/reconciliation" element={<Reconciliation />} />
      <Route path={CHANGE_PASSWORD_PATH} element={<ChangePassword />} />
      <Route path="/users/import" element={<ImportUsers />} />
      <Route path="/pemetaan" element={<PemetaanPage />} />
    </CustomRoutes>

    {(role: string | null) => (
      <>
        {role !== 'admin' && <Resource name="cases" {...cases} create={role === 'tksk' ? cases.create : undefined} />}
        {role !== 'admin' && <Resource name="tasks" {...tasks} />}
        {(role === 'auditor' || role === 'admin' || isSupervisor(role)) && <Resource name="audit" list={AuditList} icon={AuditIcon} />}
        {role === 'admin' && <Resource name="users" list={UserList} create={UserCreate} icon={PeopleIcon} recordRepresentation="username" />}
        {(readsStipends(role) || opensClaims(role)) && <Resource name="claims" {...claims} create={opensClaims(role) ? claims.create : undefined} />}
        {readsStipends(role) && (
          <Resource
            name="budgets"
            {...budgets}
            edit={canManageBudgets(role) ? budgets.edit : undefined}
            create={canManageBudgets(role) ? budgets.create : undefined}
          />
        )}
        {readsSembako(role) && <Resource name="sembako-kpm" {...sembakoKpm} create={runsSembako(role) ? sembakoKpm.create : undefined} />}
        {readsSembako(role) && <Resource name="sembako-periods" {...sembakoPeriods} create={runsSembako(role) ? sembakoPeriods.create : undefined} />}
        {readsSembako(role) && (
          <Resource name="sembako-calendar" {...sembakoCalendar} create={role === 'supervisor_kabupaten' ? sembakoCalendar.create : undefined} />
        )}
        {/* Sembako complaints: the API's complaint.list and complaint.create (domain/access.ts). */}
        {readsComplaints(role) && <Resource name="complaints" {...complaints} create={createsComplaints(role) ? complaints.create : undefined} />}
        {/* Proposed KPM data fixes (API: sembako.kpm_fix_list); proposed from the KPM's page, reviewed in the inbox. */}
        {allows('sembako.kpm_fix_list', role) && <Resource name="sembako-kpm-fixes" {...sembakoKpmFixes} />}
        {/* TKSK assignments: the API's tksk_assignment.read and tksk_assignment.manage (domain/access.ts). */}
        {readsAssignments(role) && (
          <Resource name="tksk-assignments" {...tkskAssignments} create={managesAssignments(role) ? tkskAssignments.create : undefined} />
        )}
        {/* PSKS directory (domain/access.ts: psks.read, psks.manage); the pemetaan matrix is the custom route /pemetaan. */}
        {allows('psks.read', role) && (
          <Resource
            name="psks"
            {...psks}
            create={allows('psks.manage', role) ? psks.create : undefined}
            edit={allows('psks.manage', role) ? psks.edit : undefined}
            recordRepresentation="name"
          />
        )}
        {/* Koordinasi & Laporan: the API's meeting.list/create and monthly_report.list (domain/access.ts). */}
        {allows('meeting.list', role) && <Resource name="meetings" {...meetings} create={allows('meeting.create', role) ? meetings.create : undefined} />}
        {allows('monthly_report.list', role) && <Resource name="monthly-reports" {...monthlyReports} />}
      </>
    )}
  </Admin>
);
