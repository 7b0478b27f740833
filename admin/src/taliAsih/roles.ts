/** Who sets budgets (the API's budget.write): in a module of its own, so App decides without loading the budget screens. */
export const canManageBudgets = (role: string | null | undefined) => role === 'supervisor_provinsi';
