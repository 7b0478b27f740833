// CSV for spreadsheets with Indonesian settings: UTF-8 with a BOM (Excel reads the file as UTF-8
// only then), `;` between cells (`,` is the decimal separator there, so Excel's list separator
// is `;`), CRLF line ends, every text cell quoted. No `sep=;` line: with a BOM Excel shows it as
// data. Text starting with = + - @ (or a tab or CR) gets a leading apostrophe so a spreadsheet
// never runs it as a formula (CSV injection); numbers are written as numbers.
import type { Cell, ExportTable } from './table';

export const BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/** Text a spreadsheet would take as a formula, defused. */
export const defused = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export function csvCellOf(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return `"${defused(v).replace(/"/g, '""')}"`;
}

export const csvRow = (cells: readonly Cell[]): string => `${cells.map(csvCellOf).join(CSV_SEPARATOR)}\r\n`;

/** The whole file: BOM, header row, rows. */
export function toCsv(table: ExportTable): string {
  return BOM + csvRow(table.headers) + table.rows.map(csvRow).join('');
}
