import ClaimIcon from '@mui/icons-material/Payments';
import BudgetIcon from '@mui/icons-material/AccountBalance';
import { BudgetCreate, BudgetEdit } from './BudgetEdit';
import { BudgetList, canManageBudgets } from './BudgetList';
import { ClaimCreate } from './ClaimCreate';
import { ClaimList } from './ClaimList';
import { ClaimShow } from './ClaimShow';

export { Reconciliation } from './Reconciliation';
export { canManageBudgets };

export const claims = { icon: ClaimIcon, list: ClaimList, show: ClaimShow, create: ClaimCreate };

/** Who opens claims in the portal (API: claim.create). */
export { opensClaims } from './ClaimList';
export const budgets = { icon: BudgetIcon, list: BudgetList, edit: BudgetEdit, create: BudgetCreate };
