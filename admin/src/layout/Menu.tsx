// Role-aware menu: each role sees the few places it works in.
import TaskIcon from '@mui/icons-material/AssignmentTurnedIn';
import InboxIcon from '@mui/icons-material/Inbox';
import OverdueIcon from '@mui/icons-material/AlarmOn';
import CaseIcon from '@mui/icons-material/FolderShared';
import AddIcon from '@mui/icons-material/PersonAddAlt1';
import AuditIcon from '@mui/icons-material/Policy';
import PeopleIcon from '@mui/icons-material/People';
import ClaimIcon from '@mui/icons-material/Payments';
import BudgetIcon from '@mui/icons-material/AccountBalance';
import ReconcileIcon from '@mui/icons-material/Balance';
import { Layout, Menu, usePermissions, type LayoutProps } from 'react-admin';

export const KesosMenu = () => {
  const { permissions: role } = usePermissions<string | null>();
  return (
    <Menu data-testid="menu">
      {role !== 'admin' && <Menu.DashboardItem primaryText="kesos.menu.dashboard" />}
      {role === 'tksk' && [
        <Menu.Item key="tasks" to="/tasks" primaryText="kesos.menu.my_tasks" leftIcon={<TaskIcon />} />,
        <Menu.Item key="cases" to="/cases" primaryText="kesos.menu.my_cases" leftIcon={<CaseIcon />} />,
        <Menu.Item key="register" to="/cases/create" primaryText="kesos.menu.register" leftIcon={<AddIcon />} />,
      ]}
      {(role === 'supervisor_kabupaten' || role === 'supervisor_provinsi') && [
        <Menu.Item key="tasks" to="/tasks" primaryText="kesos.menu.inbox" leftIcon={<InboxIcon />} />,
        <Menu.Item key="overdue" to="/overdue" primaryText="kesos.menu.overdue" leftIcon={<OverdueIcon />} />,
        <Menu.Item key="cases" to="/cases" primaryText="kesos.menu.cases" leftIcon={<CaseIcon />} />,
      ]}
      {role === 'auditor' && [
        <Menu.Item key="cases" to="/cases" primaryText="kesos.menu.cases" leftIcon={<CaseIcon />} />,
        <Menu.Item key="audit" to="/audit" primaryText="kesos.menu.audit" leftIcon={<AuditIcon />} />,
      ]}
      {(role === 'supervisor_kabupaten' || role === 'supervisor_provinsi' || role === 'auditor') && [
        <Menu.Item key="claims" to="/claims" primaryText="kesos.menu.claims" leftIcon={<ClaimIcon />} />,
        <Menu.Item key="budgets" to="/budgets" primaryText="kesos.menu.budgets" leftIcon={<BudgetIcon />} />,
        <Menu.Item key="reconciliation" to="/reconciliation" primaryText="kesos.menu.reconciliation" leftIcon={<ReconcileIcon />} />,
      ]}
      {role === 'admin' && [
        <Menu.Item key="users" to="/users" primaryText="kesos.menu.users" leftIcon={<PeopleIcon />} />,
        <Menu.Item key="audit" to="/audit" primaryText="kesos.menu.audit" leftIcon={<AuditIcon />} />,
      ]}
    </Menu>
  );
};

/** min-width 0: wide content (tabs, the lifecycle stepper, tables) scrolls inside instead of widening the page on a phone. */
export const KesosLayout = (props: LayoutProps) => <Layout {...props} menu={KesosMenu} sx={{ minWidth: { xs: 0, md: 'fit-content' }, '& .RaLayout-content': { minWidth: 0 } }} />;
