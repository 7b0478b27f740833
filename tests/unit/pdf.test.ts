// The dependency-free PDF writer (api/exports/pdf.ts): the file's structure is what a reader needs
// (every xref offset lands on its object, startxref on the xref), the text is in the content
// streams in WinAnsi, long text wraps within the page and flows onto more pages.
import { PdfDocument, textWidth, wrap } from '../../api/exports/pdf';

function parse(pdf: Buffer) {
  const s = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(s)![1]);
  expect(s.slice(startxref, startxref + 4)).toBe('xref');
  const [, count] = /^xref\n0 (\d+)\n/.exec(s.slice(startxref))!;
  const entries = s
    .slice(startxref)
    .split('\n')
    .slice(2, 2 + Number(count));
  entries.slice(1).forEach((line, i) => {
    const offset = Number(line.slice(0, 10));
    expect(s.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  });
  const streams = [...s.matchAll(/<< \/Length (\d+) >>\nstream\n/g)].map((m) => {
    const start = m.index! + m[0].length;
    const body = s.slice(start, start + Number(m[1]));
    expect(s.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe('\nendstream');
    return body;
  });
  const pages = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(s)![1]);
  // The shown strings, octal escapes decoded back to WinAnsi characters.
  const text = streams
    .flatMap((b) => [...b.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => m[1]))
    .map((t) => t.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8))).replace(/\\(.)/g, '$1'))
    .join('\n');
  return { pages, text, streams };
}

test('a letter with Indonesian text, a table and several pages parses, with its text in the content', () => {
  const doc = new PdfDocument();
  doc.text('PEMERINTAH KOTA SALATIGA', { bold: true, align: 'center', size: 14 }).text('DINAS SOSIAL', { bold: true, align: 'center' }).rule();
  doc.text('Perihal: Rekomendasi sanksi (pasal 58) — e-warong "Makmur" di Desa Blotongan, café è.');
  doc.table(['No', 'Kategori', 'Tanggal'], [['1', 'Tepat harga', '2 Desember 2026']], [0.1, 0.6, 0.3]);
  for (let i = 0; i < 80; i++) doc.text(`Paragraf ${i}: ${'kata '.repeat(40)}`);
  const pdf = doc.bytes({ title: 'Surat rekomendasi' });
  const { pages, text } = parse(pdf);
  expect(pages).toBeGreaterThan(2);
  expect(text).toContain('PEMERINTAH KOTA SALATIGA');
  expect(text).toContain('Perihal: Rekomendasi sanksi (pasal 58)');
  expect(text).toContain('café è');
  expect(text).toContain('Tepat harga');
  expect(text).toContain('Paragraf 79:');
  // The em dash is WinAnsi 0x97, written as an octal escape.
  expect(pdf.toString('latin1')).toContain('\\227');
});

test('wrapped lines fit the width and keep every word', () => {
  const text = 'Dinas Sosial merekomendasikan penonaktifan sementara e-warong kepada Kementerian Sosial berdasarkan pengaduan KPM.';
  const lines = wrap(text, 150, 11);
  expect(lines.length).toBeGreaterThan(2);
  for (const l of lines) expect(textWidth(l, 11)).toBeLessThanOrEqual(150);
  expect(lines.join(' ')).toBe(text);
});
