// The spreadsheet writers (api/exports/): CSV for Indonesian spreadsheet settings, a minimal XLSX
// read back through its ZIP and sheet XML, local times by provinsi, and the words the cells use
// being the portal's own.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BOM, csvCellOf, toCsv } from '../../api/exports/csv';
import { tableOf, type ExportTable } from '../../api/exports/table';
import { columnName, toXlsx } from '../../api/exports/xlsx';
import { crc32, unzipStored } from '../../api/exports/zip';
import { localTime, PROVINSI_CODES, TIME_ZONE_PROVINSI, timeZoneOf } from '../../domain/regions';

const table: ExportTable = {
  sheet: 'Kasus',
  headers: ['ID', 'Nama', 'Jumlah (Rp)', 'Catatan'],
  rows: [
    ['a-1', 'Siti Aminah', 2_500_000, 'Jl. Diponegoro; RT 02'],
    ['a-2', '=HYPERLINK("http://x")', 0, 'kata "kutip"\nbaris dua'],
    ['a-3', '+62 812', null, '@SUM(A1)'],
    ['a-4', '-1', 1, 'Ünïcödé · é'],
  ],
};

describe('CSV', () => {
  const csv = toCsv(table);
  const lines = csv.slice(1).split('\r\n');

  test('starts with the UTF-8 BOM, no sep= line, and uses ; and CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(lines[0]).toBe('"ID";"Nama";"Jumlah (Rp)";"Catatan"');
    expect(csv).not.toMatch(/sep=/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  test('numbers stay numbers, text is quoted with its quotes doubled, a ; inside a cell stays inside it', () => {
    expect(lines[1]).toBe('"a-1";"Siti Aminah";2500000;"Jl. Diponegoro; RT 02"');
    expect(csvCellOf(null)).toBe('');
    expect(csv).toContain('"kata ""kutip""\nbaris dua"');
  });

  test('text a spreadsheet would run as a formula gets a leading apostrophe', () => {
    expect(csvCellOf('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCellOf('+62 812')).toBe(`"'+62 812"`);
    expect(csvCellOf('-1')).toBe(`"'-1"`);
    expect(csvCellOf('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCellOf('\t=1')).toBe(`"'\t=1"`);
    expect(csvCellOf('Rp 1.000')).toBe('"Rp 1.000"');
  });
});

/** The sheet's rows as the XML holds them: inline strings and numbers, by cell reference. */
function sheetRows(xml: string): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (const [, row] of xml.matchAll(/<row r="\d+">(.*?)<\/row>/gs)) {
    const cells: Record<string, string | number> = {};
    for (const [, ref, attrs, body] of row.matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(.*?)<\/c>/gs)) {
      const unescape = (s: string) =>
        s
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
      cells[ref] = attrs.includes('t="inlineStr"') ? unescape(/<t[^>]*>(.*?)<\/t>/s.exec(body)![1]) : Number(/<v>(.*?)<\/v>/.exec(body)![1]);
    }
    rows.push(cells);
  }
  return rows;
}

describe('XLSX', () => {
  const file = toXlsx(table);
  const parts = unzipStored(file);

  test('is a ZIP with the parts a spreadsheet needs, each CRC-checked', () => {
    expect(file.subarray(0, 4)).toEqual(Buffer.from('PK\u0003\u0004', 'latin1'));
    expect([...parts.keys()].sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    expect(parts.get('xl/workbook.xml')!.toString()).toContain('<sheet name="Kasus" sheetId="1" r:id="rId1"/>');
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926); // the CRC-32 check value
  });

  test('the sheet holds the headers and every row: numbers as numbers, text as text (never a formula)', () => {
    const rows = sheetRows(parts.get('xl/worksheets/sheet1.xml')!.toString('utf8'));
    expect(rows[0]).toEqual({ A: 'ID', B: 'Nama', C: 'Jumlah (Rp)', D: 'Catatan' });
    expect(rows[1]).toEqual({ A: 'a-1', B: 'Siti Aminah', C: 2_500_000, D: 'Jl. Diponegoro; RT 02' });
    expect(rows[2]).toEqual({ A: 'a-2', B: '=HYPERLINK("http://x")', C: 0, D: 'kata "kutip"\nbaris dua' });
    expect(rows[3]).toEqual({ A: 'a-3', B: '+62 812', D: '@SUM(A1)' }); // an empty cell is left out
    expect(rows[4]).toEqual({ A: 'a-4', B: '-1', C: 1, D: 'Ünïcödé · é' });
    expect(parts.get('xl/worksheets/sheet1.xml')!.toString()).not.toContain('<f>');
  });

  test('column names go past Z', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  test('another ZIP reader accepts it (Python zipfile, when Python is there)', () => {
    let python = true;
    try {
      execFileSync('python3', ['--version']);
    } catch {
      python = false;
    }
    if (!python) return expect(python).toBe(false);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
    const at = path.join(dir, 'kasus.xlsx');
    fs.writeFileSync(at, file);
    const out = execFileSync('python3', [
      '-c',
      'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.read("xl/worksheets/sheet1.xml")))',
      at,
    ]).toString();
    expect(Number(out.trim())).toBe(parts.get('xl/worksheets/sheet1.xml')!.length);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('local times by provinsi', () => {
  test('every provinsi is in exactly one time zone', () => {
    const zoned = Object.values(TIME_ZONE_PROVINSI).flat();
    expect([...zoned].sort()).toEqual([...PROVINSI_CODES].sort());
  });

  test('WIB in Java, WITA in Sulawesi and Bali, WIT in Papua', () => {
    const at = '2026-09-30T17:30:00Z';
    expect(localTime(at, '33.73.01')).toBe('2026-10-01 00:30 WIB');
    expect(localTime(at, '73.71')).toBe('2026-10-01 01:30 WITA');
    expect(localTime(at, '51')).toBe('2026-10-01 01:30 WITA');
    expect(localTime(at, '91.01.01.2001')).toBe('2026-10-01 02:30 WIT');
    expect(timeZoneOf('61')).toBe('WIB'); // Kalimantan Barat
    expect(timeZoneOf('64')).toBe('WITA'); // Kalimantan Timur
    expect(localTime(null, '33')).toBe('');
  });
});

test('a table takes its headers and cells from its columns', () => {
  const t = tableOf('X', [{ header: 'Jumlah', cell: (r: { n: number }) => r.n * 2 }], [{ n: 1 }, { n: 2 }]);
  expect(t).toEqual({ sheet: 'X', headers: ['Jumlah'], rows: [[2], [4]] });
});
