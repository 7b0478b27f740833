import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import AuditIcon from '@mui/icons-material/Policy';
import { AuditList } from './audit/AuditList';
import { authProvider } from './authProvider';
import cases from './cases';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { KesosLayout } from './layout/Menu';
import tasks from './tasks';
import { OverdueList } from './tasks/TaskList';
import users from './users';
import { isSupervisor } from './vocabulary';

/**
 * Hash router (the default): works however Express serves /admin/*. Resources follow the role:
 * the admin manages users and sees no case data; only a TKSK registers cases.
 */
export const App = () => (
  <Admin
    title="kesos-flow"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={KesosLayout}
    requireAuth
    disableTelemetry
  >
    {(role: string | null) => (
      <>
        {role !== 'admin' && <Resource name="cases" {...cases} create={role === 'tksk' ? cases.create : undefined} />}
        {role !== 'admin' && <Resource name="tasks" {...tasks} />}
        {(role === 'auditor' || role === 'admin' || isSupervisor(role)) && <Resource name="audit" list={AuditList} icon={AuditIcon} />}
        {role === 'admin' && <Resource name="users" {...users} />}
        {isSupervisor(role) && (
          <CustomRoutes>
            <Route path="/overdue" element={<OverdueList />} />
          </CustomRoutes>
        )}
      </>
    )}
  </Admin>
);
