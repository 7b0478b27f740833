// The KPM import's pure parts: the CSV reader (Indonesian spreadsheets save with ';'), the row
// rules (NIK, channel and bank), and the complaint intake's rules.
import { CsvSyntaxError, parseCsv } from '../../api/sembako/csvParse';
import { complaintIntakeSchema, kpmRowSchema, normaliseKpmCells } from '../../domain/sembako';

describe('parseCsv', () => {
  test('comma file with quotes, doubled quotes, a line break in a cell, CRLF and a BOM', () => {
    const t = parseCsv('\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",z\r\n');
    expect(t.separator).toBe(',');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.records).toEqual([
      { line: 2, cells: ['1', 'x, y', 'say "hi"'] },
      { line: 3, cells: ['2', 'two\nlines', 'z'] },
    ]);
  });

  test('semicolon file (Excel in an Indonesian locale): the header decides, commas stay inside cells', () => {
    const t = parseCsv('ID_KPM;Nama\n1;Siti, Aminah\n\n2;Slamet');
    expect(t.separator).toBe(';');
    expect(t.header).toEqual(['id_kpm', 'nama']);
    // The blank line is skipped; the last record needs no newline; lines count from the file.
    expect(t.records).toEqual([
      { line: 2, cells: ['1', 'Siti, Aminah'] },
      { line: 4, cells: ['2', 'Slamet'] },
    ]);
  });

  test('malformed quoting is refused with its line', () => {
    const unterminated = () => parseCsv('a,b\n1,2\n3,"open\n4,5');
    expect(unterminated).toThrow(CsvSyntaxError);
    expect(unterminated).toThrow('line 3: a quoted cell is never closed');
    expect(() => parseCsv('a,b\n1,"x"y')).toThrow('line 2: text after a closing quote');
    expect(() => parseCsv('a,b\n1,x"y')).toThrow('line 2: a quote inside an unquoted cell');
  });

  test('an empty file has no header and no records', () => {
    expect(parseCsv('')).toEqual({ separator: ',', header: [], records: [] });
  });
});

describe('a KPM row', () => {
  const row = {
    id_kpm: '3373010000012345',
    id_pengurus: '',
    no_kks: '5264221234567890',
    no_kk: '3373011203040001',
    nik_pengurus: '3373015708620001',
    nama_pengurus: 'Siti Aminah',
    status_pkh: 'PKH',
    kode_desa: '33.73.01.1001',
    saluran: 'KKS',
    bank: 'bri',
  };
  const issues = (cells: Record<string, unknown>) => {
    const r = kpmRowSchema.safeParse(normaliseKpmCells(cells));
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  test('cells are normalised (case of the vocabulary, blanks) before the check', () => {
    expect(kpmRowSchema.parse(normaliseKpmCells({ ...row, nama_pengurus: '  Siti Aminah ' }))).toMatchObject({
      status_pkh: 'pkh',
      saluran: 'kks',
      bank: 'BRI',
      nama_pengurus: 'Siti Aminah',
    });
  });

  test('the NIK rules of cases apply to the pengurus NIK', () => {
    expect(issues({ ...row, nik_pengurus: '3373013302620001' })).toEqual(['nik_pengurus: NIK birth-date digits (DDMMYY, women DD+40) are not a valid date']);
    expect(issues({ ...row, nik_pengurus: '337301570862' })).toEqual(['nik_pengurus: NIK must be exactly 16 digits']);
  });

  test('the KKS channel needs the card and the bank; PT Pos has no bank', () => {
    expect(issues({ ...row, no_kks: '', bank: '' })).toEqual([
      'no_kks: saluran KKS memerlukan nomor kartu KKS',
      'bank: saluran KKS memerlukan bank Himbara (BRI, BNI, MANDIRI, BSI)',
    ]);
    expect(issues({ ...row, saluran: 'pos', no_kks: '' })).toEqual(['bank: PT Pos membayar tunai: kosongkan kolom bank']);
    expect(issues({ ...row, saluran: 'pos', no_kks: '', bank: '' })).toEqual([]);
  });

  test('an unknown column is named', () => {
    expect(issues({ ...row, alamat: 'Jl. Diponegoro 12' })).toEqual([': Unrecognized key: "alamat"']);
  });
});

describe('complaint intake', () => {
  const intake = {
    channel: 'lapor_go_id',
    laporReference: 'LAP-2026-0001',
    category: 'tepat_harga',
    description: 'Harga beras di e-warong lebih mahal dari harga pasar.',
    receivedOn: '2026-11-30',
    complainant: { name: 'Siti Aminah', isKpm: true },
    subject: { kind: 'e_warong', name: 'E-Warong Blotongan Makmur', desaCode: '33.73.01.1001' },
  };
  test('lapor.go.id complaints carry their tracking number, and only they do', () => {
    expect(complaintIntakeSchema.safeParse(intake).success).toBe(true);
    const { laporReference: _, ...without } = intake;
    expect(complaintIntakeSchema.safeParse(without).error?.issues.map((i) => i.path.join('.'))).toEqual(['laporReference']);
    expect(complaintIntakeSchema.safeParse({ ...intake, channel: 'telepon' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['laporReference']);
  });
});
