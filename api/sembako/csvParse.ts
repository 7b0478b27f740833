// A small RFC 4180 CSV reader for imports (the KPM register). Desa and kecamatan offices save
// their spreadsheets from Excel or LibreOffice in Indonesian locales, where the separator is often
// ';' instead of ','; the header line decides which. A UTF-8 BOM is dropped, quoted cells may
// hold separators, quotes ("") and line breaks, and every record keeps the line it starts on so
// a report can say where to look.

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  separator: ',' | ';';
  header: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** The separator of the header line: the one of ',' and ';' that occurs outside quotes more often (',' on a tie). */
function separatorOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Parses the whole text; throws CsvSyntaxError for an unterminated quote or text after a closing quote. */
export function parseCsv(input: string): CsvTable {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = separatorOf(text);
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  /** The current cell was quoted: after its closing quote only a separator or a line end may follow. */
  let closed = false;
  let inQuotes = false;
  let quoteLine = 0;

  const endRecord = () => {
    cells.push(cell);
    // A line with nothing on it (a trailing newline, a blank line between records) is no record.
    if (!(cells.length === 1 && cells[0] === '' && !closed)) rows.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    closed = false;
  };

  while (i < text.length) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        closed = true;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') {
      if (cell !== '' || closed) throw new CsvSyntaxError(line, 'a quote inside an unquoted cell: quote the whole cell and double the quote ("")');
      inQuotes = true;
      quoteLine = line;
      i++;
      continue;
    }
    if (ch === separator) {
      cells.push(cell);
      cell = '';
      closed = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (closed) throw new CsvSyntaxError(line, 'text after a closing quote: a quoted cell must end at a separator or the line end');
    cell += ch;
    i++;
  }
  if (inQuotes) throw new CsvSyntaxError(quoteLine, 'a quoted cell is never closed');
  endRecord();

  const [head, ...records] = rows;
  if (!head) return { separator, header: [], records: [] };
  return { separator, header: head.cells.map((h) => h.trim().toLowerCase()), records };
}
