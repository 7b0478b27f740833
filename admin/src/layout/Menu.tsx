// Role-aware menu: each role sees the few places it works in.
import PemetaanIcon from '@mui/icons-material/GridOn';
import PsksIcon from '@mui/icons-material/Diversity3';
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
import KpmIcon from '@mui/icons-material/Groups';
import PeriodIcon from '@mui/icons-material/EventAvailable';
import KpmFixIcon from '@mui/icons-material/EditNote';
import CalendarIcon from '@mui/icons-material/CalendarMonth';
import AssignmentIcon from '@mui/icons-material/BadgeOutlined';
import MeetingIcon from '@mui/icons-material/Groups3';
import MonthlyReportIcon from '@mui/icons-material/Summarize';
import { IconButton, ListSubheader, Menu as MuiMenu, MenuItem, useMediaQuery, type Theme } from '@mui/material';
import { Fragment, useState, type ReactElement } from 'react';
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
  useSidebarState,
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
  /** Shown under this group's heading (`kesos.menu.group.<group>`), after the ungrouped places. */
  group?: MenuGroup;
}

/** Menu groups, in menu order; a group shows when the role sees one of its places. */
const GROUPS = ['sembako', 'pemetaan', 'koordinasi'] as const;
type MenuGroup = (typeof GROUPS)[number];

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
  // Program Sembako (domain/access.ts: sembako.kpm_list, sembako.period_list).
  { to: '/sembako-kpm', label: 'sembako_kpm', icon: <KpmIcon />, roles: [...READERS, 'tksk'], group: 'sembako' },
  { to: '/sembako-periods', label: 'sembako_periods', icon: <PeriodIcon />, roles: [...READERS, 'tksk'], group: 'sembako' },
  { to: '/complaints', label: 'complaints', icon: <ComplaintIcon />, roles: ACTIONS['complaint.list'], group: 'sembako' },
  { to: '/sembako-kpm-fixes', label: 'sembako_kpm_fixes', icon: <KpmFixIcon />, roles: ACTIONS['sembako.kpm_fix_list'], group: 'sembako' },
  { to: '/sembako-calendar', label: 'sembako_calendar', icon: <CalendarIcon />, roles: ACTIONS['sembako.calendar_list'], group: 'sembako' },
  // TKSK assignments (domain/access.ts: tksk_assignment.read).
  { to: '/tksk-assignments', label: 'tksk_assignments', icon: <AssignmentIcon />, roles: ACTIONS['tksk_assignment.read'] },
  // Pemetaan sosial and the PSKS directory (domain/access.ts: psks.read).
  { to: '/pemetaan', label: 'pemetaan', icon: <PemetaanIcon />, roles: ACTIONS['psks.read'], group: 'pemetaan' },
  { to: '/psks', label: 'psks', icon: <PsksIcon />, roles: ACTIONS['psks.read'], group: 'pemetaan' },
  // Koordinasi & Laporan (domain/access.ts: meeting.list, monthly_report.list).
  { to: '/meetings', label: 'meetings', icon: <MeetingIcon />, roles: ACTIONS['meeting.list'], group: 'koordinasi' },
  { to: '/monthly-reports', label: 'monthly_reports', icon: <MonthlyReportIcon />, roles: ACTIONS['monthly_report.list'], group: 'koordinasi' },
];

export const KesosMenu = () => {
  const { permissions: role } = usePermissions<Role | null>();
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const places = PLACES.filter((p) => role && p.roles.includes(role));
  const item = (p: Place) => <Menu.Item key={p.label} to={p.to} primaryText={`kesos.menu.${p.label}`} leftIcon={p.icon} />;
  return (
    <Menu data-testid="menu">
      {role !== 'admin' && <Menu.DashboardItem primaryText="kesos.menu.dashboard" />}
      {places.filter((p) => !p.group).map(item)}
      {GROUPS.map((group) => {
        const inGroup = places.filter((p) => p.group === group);
        if (!inGroup.length) return null;
        return (
          <Fragment key={group}>
            {/* A heading, not an entry: no menuitem role, so the menu's entries stay the links. */}
            {sidebarOpen && (
              <ListSubheader component="div" role="presentation" disableSticky sx={{ lineHeight: 2.5, mt: 1 }} data-testid={`menu-group-${group}`}>
                {translate(`kesos.menu.group.${group}`)}
              </ListSubheader>
            )}
            {inGroup.map(item)}
          </Fragment>
        );
      })}
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
