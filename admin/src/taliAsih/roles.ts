import { ACTIONS } from '../../../domain/access';

/** Who sets budgets (the API's budget.write): in a module of its own, so App decides without loading the budget screens. */
export const canManageBudgets = (role: string | null | undefined) => role === 'supervisor_provinsi';

/** Who opens claims in the portal (the API's claim.create); here too, so the menu and App decide without loading the claim screens. */
export const opensClaims = (role: string | null): boolean => !!role && (ACTIONS['claim.create'] as readonly string[]).includes(role);
