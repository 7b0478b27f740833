// Tali asih reads and writes, scoped in SQL: a TKSK sees their own claims, others the claims of
// their region; budgets and reconciliation are per provinsi (the caller's, or all for national).
import type { Sql, Tx } from '../../db';
import { CLAIM_REGION_COLUMNS, inRegion, type Fragment } from '../../db/regionScope';
import { regionChain } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { equalityFilters, tableList, type ListSpec } from '../list';
import type { TaskRow } from '../tasks/queries';
import type { BudgetListFilter, ClaimListFilter, ClaimSortField, FundingSource } from './schema';

/** A TKSK sees their own claims; others the claims of their region (on `c`). */
export function claimScope(sql: Sql, actor: Actor) {
  if (actor.role === 'tksk') return sql`c.tksk_id = ${actor.id}`;
  return inRegion(sql, actor.regionCode, CLAIM_REGION_COLUMNS);
}

/** A claim row with its TKSK's name and what is paid of it. */
export const claimSelect = (sql: Sql) => sql`
  c.*, u.display_name AS tksk_name,
  (SELECT coalesce(sum(amount), 0) FROM tali_asih_components p WHERE p.claim_id = c.id AND p.status = 'paid') AS paid_amount`;
export const claimFrom = (sql: Sql) => sql`tali_asih_claims c JOIN users u ON u.id = c.tksk_id`;

export const findClaims = (sql: Sql, where: Fragment) => sql`SELECT ${claimSelect(sql)} FROM ${claimFrom(sql)} WHERE ${where}`;

/** GET /api/tali-asih/claims (and its CSV export): newest first by default. */
export const claimList = (sql: Sql): ListSpec<ClaimSortField, ClaimListFilter> =>
  tableList(sql, 'c', {
    resource: 'claims',
    sort: ['createdAt', 'updatedAt', 'period', 'status', 'totalAmount'],
    defaultSort: ['createdAt', 'DESC'],
    equal: ['period', 'status', 'tkskId', 'kabupatenCode'],
  });

/** The filtered list's total rupiah (X-Total-Amount), for finance views. */
export async function claimsTotalAmount(sql: Sql, fromWhere: Fragment): Promise<string> {
  const [{ amount }] = await sql<{ amount: string }[]>`SELECT coalesce(sum(c.total_amount), 0) AS amount ${fromWhere}`;
  return String(amount);
}

export const presentClaim = (c: Record<string, any>) => ({
  id: c.id as string,
  tkskId: c.tkskId as string,
  tkskName: c.tkskName as string,
  period: c.period as string,
  status: c.status as string,
  kecamatanCode: c.kecamatanCode as string,
  kabupatenCode: c.kabupatenCode as string,
  provinsiCode: c.provinsiCode as string,
  fundingSource: c.fundingSource as string,
  activity: c.activity as Record<string, unknown> | null,
  narrative: c.narrative as string | null,
  totalAmount: Number(c.totalAmount),
  paidAmount: Number(c.paidAmount ?? 0),
  rejectedReason: c.rejectedReason as string | null,
  createdAt: (c.createdAt as Date).toISOString(),
  updatedAt: (c.updatedAt as Date).toISOString(),
});

export async function claimParts(sql: Sql, id: string) {
  const [components, tasks, [account]] = await Promise.all([
    sql`SELECT component, label, amount, status, payment_ref, paid_at, failure, failure_code FROM tali_asih_components WHERE claim_id = ${id} ORDER BY component`,
    sql<TaskRow[]>`SELECT * FROM tasks WHERE workflow_id = ${id} ORDER BY created_at`,
    sql<{ bankAccount: string | null }[]>`SELECT u.bank_account FROM tali_asih_claims c JOIN users u ON u.id = c.tksk_id WHERE c.id = ${id}`,
  ]);
  return { components, tasks, bankAccount: maskAccount(account?.bankAccount ?? null) };
}

/**
 * The account a payment goes to, masked but for the bank and the last four characters: enough to
 * tell a fixed account from the refused one, not enough to reuse it ("BRI:••••50-2").
 */
export function maskAccount(account: string | null): string | null {
  if (!account) return null;
  const [bank, number] = account.includes(':') ? [account.slice(0, account.indexOf(':') + 1), account.slice(account.indexOf(':') + 1)] : ['', account];
  return number.length <= 4 ? `${bank}${number}` : `${bank}${'•'.repeat(4)}${number.slice(-4)}`;
}

/** Is a base rate valid at the start of the period? */
export async function rateExists(sql: Sql, period: string): Promise<boolean> {
  const [rate] =
    await sql`SELECT 1 FROM tali_asih_rates WHERE valid_from <= ${`${period}-01`}::date AND (valid_to IS NULL OR valid_to >= ${`${period}-01`}::date)`;
  return rate !== undefined;
}

export async function findUser(sql: Sql, id: string) {
  const [user] = await sql<{ role: string; regionCode: string | null; disabled: boolean }[]>`SELECT role, region_code, disabled FROM users WHERE id = ${id}`;
  return user;
}

/** The provinsi whose budgets the actor reads or sets (null: national, every provinsi). */
export const provinsiOf = (actor: Actor): string | null => (actor.regionCode === null ? null : regionChain(actor.regionCode).provinsi!);
const inProvinsi = (sql: Sql, actor: Actor, column: string) => inRegion(sql, provinsiOf(actor), { provinsi: column });

export const budgetList = (sql: Sql): ListSpec<'period' | 'fundingSource', BudgetListFilter> => ({
  resource: 'budgets',
  sort: { period: 'b.period', fundingSource: 'b.funding_source' },
  defaultSort: ['period', 'DESC'],
  tieBreaker: 'b.funding_source, b.provinsi_code',
  filters: equalityFilters(sql, { period: 'b.period', fundingSource: 'b.funding_source' }),
});
export const budgetScope = (sql: Sql, actor: Actor) => inProvinsi(sql, actor, 'b.provinsi_code');

export const presentBudget = (b: Record<string, any>) => ({
  id: `${b.provinsiCode}:${b.period}:${b.fundingSource}`,
  provinsiCode: b.provinsiCode as string,
  period: b.period as string,
  fundingSource: b.fundingSource as FundingSource,
  allocated: Number(b.allocated),
  reserved: Number(b.reserved),
  paid: Number(b.paid),
  available: Number(b.allocated) - Number(b.reserved) - Number(b.paid),
});

export interface BudgetKey {
  provinsi: string;
  period: string;
  fundingSource: FundingSource;
}

/** Reserved + paid of a budget, its row locked until the transaction ends (0 if none yet). */
export async function lockBudgetCommitted(tx: Tx, k: BudgetKey): Promise<number> {
  const [current] = await tx<{ reserved: string; paid: string }[]>`
    SELECT reserved, paid FROM tali_asih_budgets WHERE provinsi_code = ${k.provinsi} AND period = ${k.period} AND funding_source = ${k.fundingSource} FOR UPDATE`;
  return current ? Number(current.reserved) + Number(current.paid) : 0;
}

export async function upsertBudget(tx: Tx, k: BudgetKey, allocated: number) {
  const [row] = await tx`
    INSERT INTO tali_asih_budgets (provinsi_code, period, funding_source, allocated) VALUES (${k.provinsi}, ${k.period}, ${k.fundingSource}, ${allocated})
    ON CONFLICT (provinsi_code, period, funding_source) DO UPDATE SET allocated = EXCLUDED.allocated, updated_at = now()
    RETURNING *`;
  return row;
}

export const claimsAwaitingBudget = (sql: Sql, k: BudgetKey) => sql<{ id: string }[]>`
  SELECT id FROM tali_asih_claims WHERE provinsi_code = ${k.provinsi} AND period = ${k.period} AND funding_source = ${k.fundingSource} AND status = 'awaiting_budget'`;

/** Per provinsi of the actor's scope: what was approved, paid and pending for a period, and the budget beside it. */
export async function reconciliationRows(sql: Sql, actor: Actor, period: string) {
  const [claims, budgets] = await Promise.all([
    sql<{ provinsiCode: string; approved: string; paid: string; pending: string; claimsPaid: string; claimsInReview: string }[]>`
      SELECT c.provinsi_code,
             -- A cancelled payment's claim counts with what was paid before the cancellation.
             coalesce(sum(p.amount) FILTER (WHERE c.status IN ('awaiting_budget', 'disbursing', 'paid') OR (c.status = 'payment_cancelled' AND p.status = 'paid')), 0) AS approved,
             coalesce(sum(p.amount) FILTER (WHERE p.status = 'paid'), 0) AS paid,
             coalesce(sum(p.amount) FILTER (WHERE c.status IN ('awaiting_budget', 'disbursing', 'paid') AND p.status IN ('pending', 'reserved', 'failed')), 0) AS pending,
             count(DISTINCT c.id) FILTER (WHERE c.status = 'paid') AS claims_paid,
             count(DISTINCT c.id) FILTER (WHERE c.status IN ('report', 'verification', 'approval')) AS claims_in_review
      FROM tali_asih_claims c JOIN tali_asih_components p ON p.claim_id = c.id
      WHERE c.period = ${period} AND ${inProvinsi(sql, actor, 'c.provinsi_code')}
      GROUP BY c.provinsi_code ORDER BY c.provinsi_code`,
    sql<{ provinsiCode: string; allocated: string; reserved: string; paid: string }[]>`
      SELECT b.provinsi_code, sum(b.allocated) AS allocated, sum(b.reserved) AS reserved, sum(b.paid) AS paid FROM tali_asih_budgets b
      WHERE b.period = ${period} AND ${budgetScope(sql, actor)} GROUP BY b.provinsi_code`,
  ]);
  return { claims, budgets };
}
