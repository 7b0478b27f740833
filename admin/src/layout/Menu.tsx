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
import LanguageIcon from '@mui/icons-material/Translate';
import ComplaintIcon from '@mui/icons-material/Campaign';
import { IconButton, Menu as MuiMenu, MenuItem, useMediaQuery, type Theme } from '@mui/material';
import { useState, type ReactElement } from 'react';
import {
  AppBar,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  Menu,
  TitlePortal,
  useGetIdentity,
  useLocales,
  useLocaleState,
  usePermissions,
  useTranslate,
  UserMenu,
  type LayoutProps,
} from 'react-admin';
import { SUPERVISOR_ROLES, type Role } from '../../../domain/roles';
import { ACTIONS } from '../../../domain/access';

interface Place {
  to: string;
  /** `kesos.menu.<label>` */
  label: string;
  icon: ReactElement;
  roles: readonly Role[];
}

const READERS: readonly Role[] = [...SUPERVISOR_ROLES, 'auditor'];

/** Every place, in menu order; a role sees those that name it. */
const PLACES: Place[] = [
  { to: '/tasks', label: 'my_tasks', icon: <TaskIcon />, roles: ['tksk'] },
  { to: '/tasks', label: 'inbox', icon: <InboxIcon />, roles: SUPERVISOR_ROLES },
  { to: '/overdue', label: 'overdue', icon: <OverdueIcon />, roles: SUPERVISOR_ROLES },
  { to: '/cases', label: 'my_cases', icon: <CaseIcon />, roles: ['tksk'] },
  { to: '/cases', label: 'cases', icon: <CaseIcon />, roles: READERS },
  { to: '/cases/create', label: 'register', icon: <AddIcon />, roles: ['tksk'] },
  { to: '/users', label: 'users', icon: <PeopleIcon />, roles: ['admin'] },
  { to: '/audit', label: 'audit', icon: <AuditIcon />, roles: ['auditor', 'admin'] },
  { to: '/claims', label: 'claims', icon: <ClaimIcon />, roles: [...READERS, 'tksk'] },
  { to: '/budgets', label: 'budgets', icon: <BudgetIcon />, roles: READERS },
  { to: '/reconciliation', label: 'reconciliation', icon: <ReconcileIcon />, roles: READERS },
  // Belongs in the "Program Sembako" group (KPM, periods) another branch adds: the integrator moves it there.
  { to: '/complaints', label: 'complaints', icon: <ComplaintIcon />, roles: ACTIONS['complaint.list'] },
];

export const KesosMenu = () => {
  const { permissions: role } = usePermissions<Role | null>();
  return (
    <Menu data-testid="menu">
      {role !== 'admin' && <Menu.DashboardItem primaryText="kesos.menu.dashboard" />}
      {PLACES.filter((p) => role && p.roles.includes(role)).map((p) => (
        <Menu.Item key={p.label} to={p.to} primaryText={`kesos.menu.${p.label}`} leftIcon={p.icon} />
      ))}
    </Menu>
  );
};

/** On a phone the language is an icon: its name took the place of the page title in the app bar. */
const PhoneLocales = () => {
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <IconButton color="inherit" aria-label={translate('kesos.layout.language')} aria-haspopup="true" onClick={(e) => setAnchor(e.currentTarget)}>
        <LanguageIcon />
      </IconButton>
      <MuiMenu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {locales.map((l) => (
          <MenuItem
            key={l.locale}
            selected={l.locale === locale}
            onClick={() => {
              setLocale(l.locale);
              setAnchor(null);
            }}
          >
            {l.name}
          </MenuItem>
        ))}
      </MuiMenu>
    </>
  );
};

const KesosToolbar = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <>
      {phone ? <PhoneLocales /> : <LocalesMenuButton />}
      <LoadingIndicator />
    </>
  );
};

/** The user menu's accessible name carries the name it shows (WCAG 2.5.3 label in name): "Profil: Budi Santoso …". */
const KesosUserMenu = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return (
    <UserMenu label={identity?.fullName ? `${translate('ra.auth.user_menu')}: ${identity.fullName}` : 'ra.auth.user_menu'}>
      <Logout />
    </UserMenu>
  );
};

const KesosAppBar = () => (
  <AppBar toolbar={<KesosToolbar />} userMenu={<KesosUserMenu />}>
    <TitlePortal />
  </AppBar>
);

/** min-width 0: wide content (tabs, the lifecycle stepper, tables) scrolls inside instead of widening the page on a phone. */
export const KesosLayout = (props: LayoutProps) => (
  <Layout {...props} menu={KesosMenu} appBar={KesosAppBar} sx={{ minWidth: { xs: 0, md: 'fit-content' }, '& .RaLayout-content': { minWidth: 0 } }} />
);
