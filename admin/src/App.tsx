import { Admin, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import cases from './cases';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import tasks from './tasks';

/** Hash router (the default): works however Express serves /admin/*. */
export const App = () => (
  <Admin
    title="kesos-flow"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    requireAuth
    disableTelemetry
  >
    {(permissions) => (
      <>
        <Resource name="cases" {...cases} create={permissions === 'tksk' ? cases.create : undefined} />
        <Resource name="tasks" {...tasks} />
      </>
    )}
  </Admin>
);
