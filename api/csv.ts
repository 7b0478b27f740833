// CSV exports: every cell quoted, objects as JSON, spreadsheet formulas neutralised.
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
}

/** One line of `columns` taken from a presented row. */
export const csvLine = <K extends string>(columns: readonly K[], row: Record<K, unknown>): string => `${columns.map((c) => csvCell(row[c])).join(',')}\n`;
