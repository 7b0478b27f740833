// The XLSX reader of imports (api/exports/xlsxRead.ts): workbooks the project's own writer makes,
// and hand-made ones the way Excel and LibreOffice save them (deflated entries, a shared-strings
// table, rich text, numbers, booleans, gaps between cells, namespace prefixes), and files that are
// no workbook or that would unpack to far more than they weigh.
import { deflateRawSync } from 'node:zlib';
import { toXlsx } from '../../api/exports/xlsx';
import { columnIndex, readXlsxFirstSheet, XLSX_MAX_UNCOMPRESSED_BYTES, XlsxReadError } from '../../api/exports/xlsxRead';
import { crc32, zipStored } from '../../api/exports/zip';

interface Part {
  name: string;
  text: string;
  /** Size written in the headers instead of the real one (a lying archive). */
  declaredSize?: number;
}

/** A ZIP with deflated entries, as Excel writes them. */
function zipDeflated(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = Buffer.from(p.text, 'utf8');
    const packed = deflateRawSync(data);
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook whose first sheet (listed first in workbook.xml) lives in sheet2.xml, with a second sheet that must be ignored. */
function excelLikeWorkbook(sheetData: string, sharedStrings?: string): Part[] {
  return [
    { name: '[Content_Types].xml', text: '<Types/>' },
    {
      name: 'xl/workbook.xml',
      text: `<workbook ${NS} ${R_NS}><sheets><sheet name="Daftar KPM" sheetId="2" r:id="rId7"/><sheet name="Lain" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text:
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      text: `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`,
    },
    { name: 'xl/worksheets/sheet2.xml', text: `<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>` },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', text: `<sst ${NS}>${sharedStrings}</sst>` }] : []),
  ];
}

const texts = (cells: ({ text: string } | undefined)[]) => Array.from({ length: cells.length }, (_, i) => cells[i]?.text);

describe('readXlsxFirstSheet', () => {
  test('reads back what the project writer writes: header, text, numbers, empty cells', () => {
    const file = toXlsx({
      sheet: 'KPM',
      headers: ['id_kpm', 'nama_pengurus', 'jumlah', 'catatan'],
      rows: [
        ['3373010000012345', 'Siti Aminah & "Ibu" <x>', 200000, ''],
        ['3373010000012346', 'Ünïcödé · é', null, 'dua\nbaris'],
      ],
    });
    const sheet = readXlsxFirstSheet(file);
    expect(sheet.name).toBe('KPM');
    expect(sheet.header).toEqual(['id_kpm', 'nama_pengurus', 'jumlah', 'catatan']);
    expect(sheet.headerLine).toBe(1);
    expect(sheet.records.map((r) => r.line)).toEqual([2, 3]);
    expect(sheet.records[0].cells).toEqual([
      { kind: 'string', text: '3373010000012345' },
      { kind: 'string', text: 'Siti Aminah & "Ibu" <x>' },
      { kind: 'number', text: '200000' },
    ]);
    expect(texts(sheet.records[1].cells)).toEqual(['3373010000012346', 'Ünïcödé · é', undefined, 'dua\nbaris']);
  });

  test('an Excel-like workbook: deflated, the first listed sheet through its rels, shared strings, rich text, gaps, booleans, formulas', () => {
    const shared =
      '<si><t>id_kpm</t></si><si><t>nama_pengurus</t></si><si><t>saluran</t></si>' +
      '<si><r><t>Siti </t></r><r><rPr><b/></rPr><t>Aminah</t></r><rPh><t>ignored</t></rPh></si><si/><si><t xml:space="preserve"> kks </t></si>';
    const data =
      '<row r="3" spans="1:3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="D3" t="s"><v>2</v></c></row>' +
      '<row r="4"/>' +
      '<row r="5"><c r="A5" t="s"><v>3</v></c><c r="D5" t="s"><v>5</v></c></row>' +
      '<row r="6"><c r="A6"><v>3.3730100000123448E+15</v></c><c r="B6" t="b"><v>1</v></c><c r="C6" t="str"><f>A1&amp;"x"</f><v>a&amp;b</v></c><c r="D6" t="s"><v>4</v></c></row>' +
      '<row r="8"><c r="A8" s="1"/><c r="B8" t="inlineStr"><is><t>&#x41;&#66;_x0043_</t></is></c></row>';
    const sheet = readXlsxFirstSheet(zipDeflated(excelLikeWorkbook(data, shared)));
    expect(sheet.name).toBe('Daftar KPM');
    expect(sheet.headerLine).toBe(3);
    // The gap at C3 is an empty header name (refused later as an unknown column, not shifted).
    expect(sheet.header).toEqual(['id_kpm', 'nama_pengurus', '', 'saluran']);
    expect(sheet.records.map((r) => r.line)).toEqual([5, 6, 8]);
    expect(texts(sheet.records[0].cells)).toEqual(['Siti Aminah', undefined, undefined, ' kks ']);
    expect(sheet.records[1].cells).toEqual([
      { kind: 'number', text: '3.3730100000123448E+15' },
      { kind: 'string', text: 'TRUE' },
      { kind: 'string', text: 'a&b' },
      { kind: 'string', text: '' },
    ]);
    expect(texts(sheet.records[2].cells)).toEqual([undefined, 'ABC']);
  });

  test('namespace prefixes (x:row, x:c) as some writers use them', () => {
    const parts = excelLikeWorkbook('');
    parts[4] = {
      name: 'xl/worksheets/sheet2.xml',
      text: '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>id_kpm</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>42</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    };
    const sheet = readXlsxFirstSheet(zipDeflated(parts));
    expect(sheet.header).toEqual(['id_kpm']);
    expect(sheet.records).toEqual([{ line: 2, cells: [{ kind: 'number', text: '42' }] }]);
  });

  test('anything that is not a workbook is refused with a reason', () => {
    const refused = (file: Buffer) => {
      try {
        readXlsxFirstSheet(file);
      } catch (err) {
        expect(err).toBeInstanceOf(XlsxReadError);
        return (err as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused(Buffer.from('id_kpm,no_kk\n1,2\n'))).toBe('the file is not an XLSX workbook (not a ZIP archive)');
    expect(refused(zipStored([{ name: 'word/document.xml', data: new Uint8Array(Buffer.from('<w/>')) }]))).toBe(
      'the file is not an XLSX workbook (no xl/workbook.xml)',
    );
    const truncated = zipDeflated(excelLikeWorkbook('<row r="1"><c r="A1"><v>1</v></c></row>'));
    expect(refused(truncated.subarray(0, truncated.length - 30))).toMatch(/not an XLSX workbook|damaged/);
    const corrupt = Buffer.from(zipStored([{ name: 'xl/workbook.xml', data: new Uint8Array(Buffer.from('<workbook><sheets/></workbook>')) }]));
    corrupt[30 + 15 + 3] ^= 0xff; // a byte of the entry's content: the CRC no longer matches
    expect(refused(corrupt)).toBe('the ZIP archive is damaged (xl/workbook.xml: size or CRC mismatch)');
    expect(refused(zipDeflated(excelLikeWorkbook('')))).toBe('the first sheet is empty');
    expect(refused(zipDeflated(excelLikeWorkbook('<row r="1"><c r="A1" t="s"><v>9</v></c></row>', '<si><t>a</t></si>')))).toBe(
      'the sheet refers to a shared string the workbook does not have',
    );
  });

  test('zip bombs: a declared size beyond the cap is refused before inflating; a lying size stops inflation', () => {
    const parts = excelLikeWorkbook('<row r="1"><c r="A1"><v>1</v></c></row>');
    // The sheet declares more than the cap: refused without inflating a byte of it.
    const big = parts.map((p) => (p.name === 'xl/worksheets/sheet2.xml' ? { ...p, declaredSize: XLSX_MAX_UNCOMPRESSED_BYTES + 1 } : p));
    expect(() => readXlsxFirstSheet(zipDeflated(big))).toThrow(`the workbook unpacks to more than ${XLSX_MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB`);
    // 8 MiB of zeros deflate to a few KiB; declared as 100 bytes, inflation stops at 100.
    const bomb = `<worksheet ${NS}><sheetData>${'0'.repeat(8 * 1024 * 1024)}</sheetData></worksheet>`;
    const lying = parts.map((p) => (p.name === 'xl/worksheets/sheet2.xml' ? { ...p, text: bomb, declaredSize: 100 } : p));
    const file = zipDeflated(lying);
    expect(file.length).toBeLessThan(64 * 1024);
    expect(() => readXlsxFirstSheet(file)).toThrow('the ZIP archive is damaged or larger than it declares (xl/worksheets/sheet2.xml)');
  });

  test('column references', () => {
    expect([columnIndex('A1'), columnIndex('Z9'), columnIndex('AA10'), columnIndex('XFD1'), columnIndex('1')]).toEqual([0, 25, 26, 16383, -1]);
  });
});
