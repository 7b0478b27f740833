// A small PDF 1.4 writer without dependencies, for letters and reports: A4 pages, the standard
// Helvetica and Helvetica-Bold fonts (no embedding) with WinAnsiEncoding (Indonesian text is
// Latin-1; characters outside it become '?'), paragraphs wrapped to the page width, automatic page
// breaks, and simple tables with ruled cells. Content streams are uncompressed, so the text is
// searchable in the file as written (tests read it back).

/** Helvetica advance widths (1/1000 em) for character codes 32–126, from the standard AFM. */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
  556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278,
  469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260,
  334, 584,
];
/** Helvetica-Bold, same range. */
const HELVETICA_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584,
  611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333,
  584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280,
  389, 584,
];

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 56;

/** Text → WinAnsi bytes (Latin-1 range; anything else '?'). */
function winAnsi(text: string): number[] {
  return [...text.normalize('NFC')].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c === 0x2013) return 0x96;
    if (c === 0x2014) return 0x97;
    if (c === 0x2018 || c === 0x2019) return c === 0x2018 ? 0x91 : 0x92;
    if (c === 0x201c || c === 0x201d) return c === 0x201c ? 0x93 : 0x94;
    if (c === 0x2022) return 0x95;
    if (c === 0x20ac) return 0x80;
    return (c >= 32 && c <= 126) || (c >= 0xa0 && c <= 0xff) ? c : 0x3f;
  });
}

/** The width of a string in points at `size` (Latin-1 letters beyond ASCII measured as 'n'). */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? HELVETICA_BOLD : HELVETICA;
  return (winAnsi(text).reduce((w, c) => w + (c >= 32 && c <= 126 ? table[c - 32] : 556), 0) * size) / 1000;
}

/** Words of `text` in lines no wider than `width` (a word longer than a line is cut). */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (textWidth(rest, size, bold) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidth(rest.slice(0, cut), size, bold) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

const literal = (text: string) =>
  `(${winAnsi(text)
    .map((c) =>
      c === 0x28 || c === 0x29 || c === 0x5c ? `\\${String.fromCharCode(c)}` : c < 128 ? String.fromCharCode(c) : `\\${c.toString(8).padStart(3, '0')}`,
    )
    .join('')})`;

export interface TextOptions {
  size?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Space after the paragraph, in points. */
  after?: number;
}

/** A document written top to bottom: text and tables flow onto new pages as they fill. */
export class PdfDocument {
  private readonly pages: string[][] = [[]];
  private y = PAGE_H - MARGIN;
  readonly width = PAGE_W - 2 * MARGIN;

  private get ops(): string[] {
    return this.pages[this.pages.length - 1];
  }

  private room(height: number): void {
    if (this.y - height < MARGIN) {
      this.pages.push([]);
      this.y = PAGE_H - MARGIN;
    }
  }

  private put(x: number, text: string, size: number, bold: boolean): void {
    this.ops.push(`BT /${bold ? 'F2' : 'F1'} ${size} Tf ${x.toFixed(2)} ${this.y.toFixed(2)} Td ${literal(text)} Tj ET`);
  }

  /** A wrapped paragraph. */
  text(text: string, o: TextOptions = {}): this {
    const size = o.size ?? 11;
    const bold = o.bold ?? false;
    const leading = size * 1.35;
    for (const line of wrap(text, this.width, size, bold)) {
      this.room(leading);
      this.y -= size;
      const w = textWidth(line, size, bold);
      const x = o.align === 'center' ? MARGIN + (this.width - w) / 2 : o.align === 'right' ? MARGIN + this.width - w : MARGIN;
      this.put(x, line, size, bold);
      this.y -= leading - size;
    }
    this.y -= o.after ?? 4;
    return this;
  }

  /** A horizontal rule across the text width. */
  rule(thickness = 1): this {
    this.room(6);
    this.y -= 3;
    this.ops.push(`${thickness} w ${MARGIN} ${this.y.toFixed(2)} m ${(MARGIN + this.width).toFixed(2)} ${this.y.toFixed(2)} l S`);
    this.y -= 6;
    return this;
  }

  /** A table with a bold header row; `widths` are fractions of the text width. Rows break across pages (the header repeats). */
  table(header: string[], rows: string[][], widths: number[], size = 9): this {
    const pad = 3;
    const leading = size * 1.3;
    const cols = widths.map((f) => f * this.width);
    const drawRow = (cells: string[], bold: boolean) => {
      const wrapped = cells.map((c, i) => wrap(c, cols[i] - 2 * pad, size, bold));
      const height = Math.max(...wrapped.map((l) => l.length)) * leading + 2 * pad;
      return { wrapped, height, bold };
    };
    const draw = (r: ReturnType<typeof drawRow>) => {
      const top = this.y;
      let x = MARGIN;
      r.wrapped.forEach((lines, i) => {
        this.ops.push(`0.5 w ${x.toFixed(2)} ${(top - r.height).toFixed(2)} ${cols[i].toFixed(2)} ${r.height.toFixed(2)} re S`);
        lines.forEach((line, j) => {
          this.y = top - pad - size - j * leading;
          this.put(x + pad, line, size, r.bold);
        });
        x += cols[i];
      });
      this.y = top - r.height;
    };
    const head = drawRow(header, true);
    this.room(head.height * 2);
    draw(head);
    for (const cells of rows) {
      const row = drawRow(cells, false);
      if (this.y - row.height < MARGIN) {
        this.room(Number.POSITIVE_INFINITY);
        draw(head);
      }
      draw(row);
    }
    this.y -= 8;
    return this;
  }

  /** Vertical space. */
  space(points: number): this {
    this.room(points);
    this.y -= points;
    return this;
  }

  /** The PDF file: catalog, page tree, two fonts, one content stream per page, xref with exact byte offsets. */
  bytes(info: { title?: string } = {}): Buffer {
    const objects: string[] = [];
    const pageCount = this.pages.length;
    // 1 catalog, 2 pages, 3 F1, 4 F2, 5 info, then per page: page object, content stream.
    const pageIds = this.pages.map((_, i) => 6 + 2 * i);
    objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
    objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageCount} >>`;
    objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
    objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
    objects[5] = `<< /Producer (kesos-flow)${info.title ? ` /Title ${literal(info.title)}` : ''} >>`;
    this.pages.forEach((ops, i) => {
      const content = ops.join('\n');
      objects[pageIds[i]] =
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
      objects[pageIds[i] + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
    });
    const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let offset = chunks[0].length;
    const offsets: number[] = [];
    for (let id = 1; id < objects.length; id++) {
      offsets[id] = offset;
      const chunk = Buffer.from(`${id} 0 obj\n${objects[id]}\nendobj\n`, 'latin1');
      chunks.push(chunk);
      offset += chunk.length;
    }
    const xref = [`xref\n0 ${objects.length}\n`, '0000000000 65535 f \n', ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
    chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(chunks);
  }
}
