import ClaimIcon from '@mui/icons-material/Payments';
import BudgetIcon from '@mui/icons-material/AccountBalance';
import { lazyPage } from '../common/lazyPage';

// Supervisors' and auditors' screens: each loads when first opened.
export const Reconciliation = lazyPage(() => import('./Reconciliation'), 'Reconciliation');
export { canManageBudgets, opensClaims } from './roles';

export const claims = {
  icon: ClaimIcon,
  list: lazyPage(() => import('./ClaimList'), 'ClaimList'),
  show: lazyPage(() => import('./ClaimShow'), 'ClaimShow'),
  create: lazyPage(() => import('./ClaimCreate'), 'ClaimCreate'),
};
export const budgets = {
  icon: BudgetIcon,
  list: lazyPage(() => import('./BudgetList'), 'BudgetList'),
  edit: lazyPage(() => import('./BudgetEdit'), 'BudgetEdit'),
  create: lazyPage(() => import('./BudgetEdit'), 'BudgetCreate'),
};
