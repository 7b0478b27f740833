// Reading the first sheet of an XLSX workbook (imports: the KPM register). No dependency: the ZIP's
// central directory is walked, entries are stored or deflated (node:zlib inflateRaw, each capped at
// its declared size and at a total, so a zip bomb stops early), and the few XML parts a sheet needs
// are read with patterns: xl/workbook.xml (the first sheet), its relationships, the shared-strings
// table, then the sheet's cells (shared strings, inline strings, numbers, booleans, formula
// results). A number keeps its text as written in the file, so a caller can tell that a 16-digit
// identifier stored as a number has lost digits.
import { inflateRawSync } from 'node:zlib';
import { crc32 } from './zip';

/** Whatever makes the file unreadable as a workbook: the message is for the person who sent it. */
export class XlsxReadError extends Error {}

/** The most a workbook may unpack to (all entries read together); a KPM list of 20,000 rows is ~10 MiB of sheet XML. */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

export type XlsxCell = { kind: 'string'; text: string } | { kind: 'number'; text: string };

export interface XlsxRecord {
  /** The row's number in the sheet (1-based, as Excel shows it). */
  line: number;
  /** Cells by column index (0 = A); missing cells are absent. */
  cells: (XlsxCell | undefined)[];
}

export interface XlsxSheet {
  name: string;
  /** The first non-empty row. */
  header: string[];
  headerLine: number;
  /** The non-empty rows after the header. */
  records: XlsxRecord[];
}

interface CentralEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localAt: number;
}

function centralDirectory(zip: Buffer): Map<string, CentralEntry> {
  if (zip.length < 22 || zip.readUInt32LE(0) !== 0x04034b50) throw new XlsxReadError('the file is not an XLSX workbook (not a ZIP archive)');
  // The end record is in the last 22 + 65,535 bytes (its comment is at most that long).
  const tail = zip.subarray(Math.max(0, zip.length - 22 - 0xffff));
  const endAt = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt + 22 > tail.length) throw new XlsxReadError('the file is not an XLSX workbook (no ZIP central directory)');
  const count = tail.readUInt16LE(endAt + 10);
  let at = tail.readUInt32LE(endAt + 16);
  const entries = new Map<string, CentralEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new XlsxReadError('the ZIP archive is damaged (bad central directory entry)');
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: CentralEntry = {
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localAt: zip.readUInt32LE(at + 42),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

class ZipReader {
  private readonly entries: Map<string, CentralEntry>;
  private unpacked = 0;

  constructor(private readonly zip: Buffer) {
    this.entries = centralDirectory(zip);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** One entry's text; its declared size counts against the total before anything is inflated, and inflation stops at it. */
  text(name: string): string {
    const e = this.entries.get(name);
    if (!e) throw new XlsxReadError(`the workbook has no ${name}`);
    this.unpacked += e.size;
    if (this.unpacked > XLSX_MAX_UNCOMPRESSED_BYTES)
      throw new XlsxReadError(`the workbook unpacks to more than ${XLSX_MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB: send a smaller file`);
    const z = this.zip;
    if (e.localAt + 30 > z.length || z.readUInt32LE(e.localAt) !== 0x04034b50) throw new XlsxReadError(`the ZIP archive is damaged (${name})`);
    const dataAt = e.localAt + 30 + z.readUInt16LE(e.localAt + 26) + z.readUInt16LE(e.localAt + 28);
    const raw = z.subarray(dataAt, dataAt + e.compressedSize);
    let data: Buffer;
    if (e.method === 0) data = Buffer.from(raw);
    else if (e.method === 8) {
      try {
        // maxOutputLength: a lying size field cannot make this inflate more than it declared.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
      } catch {
        throw new XlsxReadError(`the ZIP archive is damaged or larger than it declares (${name})`);
      }
    } else throw new XlsxReadError(`${name} uses a ZIP compression method (${e.method}) spreadsheets do not use`);
    if (data.length !== e.size || crc32(data) !== e.crc) throw new XlsxReadError(`the ZIP archive is damaged (${name}: size or CRC mismatch)`);
    return data.toString('utf8');
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text with its entities (named and numeric) and Excel's _xHHHH_ escapes decoded. */
export function xmlUnescape(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e] ?? m;
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlUnescape(m[1] ?? m[2]) : undefined;
};

/** Every <t> of a string item (rich text has one per run), phonetic runs (<rPh>) left out. */
const textOf = (xml: string): string =>
  [...xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)]
    .map((m) => xmlUnescape(m[1]))
    .join('');

/** Column index of a cell reference: A1 → 0, AA7 → 26. */
export function columnIndex(ref: string): number {
  const letters = /^([A-Z]+)/.exec(ref.toUpperCase())?.[1];
  if (!letters) return -1;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Path of a relationship's target, relative to the xl/ folder unless absolute. */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`).replace(/[^/]+\/\.\.\//g, '');

function firstSheet(zip: ZipReader): { name: string; path: string } {
  if (!zip.has('xl/workbook.xml')) throw new XlsxReadError('the file is not an XLSX workbook (no xl/workbook.xml)');
  const workbook = zip.text('xl/workbook.xml');
  const sheetTag = /<(?:\w+:)?sheet\s[^>]*>/.exec(workbook)?.[0];
  if (!sheetTag) throw new XlsxReadError('the workbook has no sheet');
  const rid = attr(sheetTag, '(?:\\w+:)?id');
  const rels = zip.has('xl/_rels/workbook.xml.rels') ? zip.text('xl/_rels/workbook.xml.rels') : '';
  const rel = [...rels.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, 'Id') === rid);
  const target = rel ? attr(rel, 'Target') : undefined;
  if (!target) throw new XlsxReadError('the workbook does not say where its first sheet is (xl/_rels/workbook.xml.rels)');
  return { name: attr(sheetTag, 'name') ?? 'Sheet1', path: partPath(target) };
}

function sharedStrings(zip: ZipReader): string[] {
  if (!zip.has('xl/sharedStrings.xml')) return [];
  return [...zip.text('xl/sharedStrings.xml').matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)].map((m) => (m[1] ? textOf(m[1]) : ''));
}

function cellOf(tag: string, body: string, strings: string[]): XlsxCell | undefined {
  const type = attr(tag, 't') ?? 'n';
  const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
  switch (type) {
    case 'inlineStr':
      return { kind: 'string', text: textOf(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1] ?? '') };
    case 's': {
      const i = Number(v);
      if (v === undefined || !Number.isInteger(i) || i < 0 || i >= strings.length)
        throw new XlsxReadError('the sheet refers to a shared string the workbook does not have');
      return { kind: 'string', text: strings[i] };
    }
    case 'str':
    case 'e':
      return v === undefined ? undefined : { kind: 'string', text: xmlUnescape(v) };
    case 'b':
      return v === undefined ? undefined : { kind: 'string', text: v.trim() === '1' ? 'TRUE' : 'FALSE' };
    default:
      return v === undefined || v.trim() === '' ? undefined : { kind: 'number', text: v.trim() };
  }
}

const isEmpty = (cells: (XlsxCell | undefined)[]) => cells.every((c) => !c || c.text.trim() === '');

/** The first sheet of an XLSX file: its header row and the rows under it (empty rows skipped). */
export function readXlsxFirstSheet(file: Buffer): XlsxSheet {
  const zip = new ZipReader(file);
  const sheet = firstSheet(zip);
  if (!zip.has(sheet.path)) throw new XlsxReadError(`the workbook has no ${sheet.path}`);
  const strings = sharedStrings(zip);
  const xml = zip.text(sheet.path);
  const data = /<(?:\w+:)?sheetData\s*\/>|<(?:\w+:)?sheetData(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?sheetData>/.exec(xml);
  if (!data) throw new XlsxReadError('the first sheet is not a worksheet (no sheetData)');
  const rows: XlsxRecord[] = [];
  let lastRow = 0;
  for (const row of (data[1] ?? '').matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = Number(attr(row[1], 'r') ?? lastRow + 1);
    lastRow = r;
    const cells: (XlsxCell | undefined)[] = [];
    let lastCol = -1;
    for (const c of (row[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = attr(c[1], 'r');
      const col = ref ? columnIndex(ref) : lastCol + 1;
      if (col < 0 || col > 16_383) throw new XlsxReadError(`the sheet has a cell reference Excel does not (${ref})`);
      lastCol = col;
      cells[col] = cellOf(c[1], c[2] ?? '', strings);
    }
    if (!isEmpty(cells)) rows.push({ line: r, cells });
  }
  const [head, ...records] = rows;
  if (!head) throw new XlsxReadError('the first sheet is empty');
  const header = Array.from({ length: head.cells.length }, (_, i) => head.cells[i]?.text.trim() ?? '');
  while (header.length && header[header.length - 1] === '') header.pop();
  return { name: sheet.name, header, headerLine: head.line, records };
}
