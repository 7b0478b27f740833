// A spreadsheet export: a sheet name, Indonesian column headers and rows of cells. The CSV and
// XLSX writers take the same table, so both files always hold the same thing.

/** A cell: text, a whole number (amounts, counts) or empty. */
export type Cell = string | number | null;

export interface ExportColumn<R> {
  /** The header the people reading the file see (Indonesian). */
  header: string;
  cell: (row: R) => Cell;
}

export interface ExportTable {
  /** Sheet name in the XLSX (≤ 31 characters, none of []:*?/\). */
  sheet: string;
  headers: string[];
  rows: Cell[][];
}

export function tableOf<R>(sheet: string, columns: readonly ExportColumn<R>[], rows: readonly R[]): ExportTable {
  return { sheet, headers: columns.map((c) => c.header), rows: rows.map((r) => columns.map((c) => c.cell(r))) };
}
