import ClaimIcon from '@mui/icons-material/Payments';
import BudgetIcon from '@mui/icons-material/AccountBalance';
import { BudgetCreate, BudgetEdit } from './BudgetEdit';
import { BudgetList, canManageBudgets } from './BudgetList';
import { ClaimList } from './ClaimList';
import { ClaimShow } from './ClaimShow';

export { Reconciliation } from './Reconciliation';
export { canManageBudgets };

export const claims = { icon: ClaimIcon, list: ClaimList, show: ClaimShow };
export const budgets = { icon: BudgetIcon, list: BudgetList, edit: BudgetEdit, create: BudgetCreate };
