// The Party's document format (Hướng dẫn 36-HD/VPTW, 2018) as DOCX building blocks, shared by every document daihoi
// writes: A4 portrait; top left the superior body, the issuing body, a star, the number and symbol; top right
// "ĐẢNG CỘNG SẢN VIỆT NAM" (bold caps, underlined) and the place and date in italics; the document type in bold caps
// centred, then the summary line; body Times New Roman 14 pt (Word or LibreOffice substitute Liberation Serif / Tinos).
import { createRequire } from 'node:module';

// docx ships type declarations with extensionless relative imports that TypeScript's NodeNext resolution cannot
// follow, so the few parts used here are typed by hand (the library itself runs fine on Node 20)
export type Paragraph = { readonly kind?: 'paragraph' } & object;
export type Table = { readonly kind?: 'table' } & object;
export type TextRun = object;
interface DocxLib {
  AlignmentType: { CENTER: 'center'; JUSTIFIED: 'both'; LEFT: 'left'; RIGHT: 'right' };
  BorderStyle: { NONE: 'none'; SINGLE: 'single' };
  UnderlineType: { SINGLE: 'single' };
  WidthType: { PERCENTAGE: 'pct' };
  Document: new (options: object) => object;
  Packer: { toBuffer(doc: object): Promise<Buffer> };
  Paragraph: new (options: object) => Paragraph;
  Table: new (options: object) => Table;
  TableRow: new (options: object) => object;
  TableCell: new (options: object) => object;
  TextRun: new (options: object) => TextRun;
  convertMillimetersToTwip(mm: number): number;
}
const docx = createRequire(import.meta.url)('docx') as DocxLib;
const { AlignmentType, BorderStyle, Document, Packer, UnderlineType, WidthType, convertMillimetersToTwip } = docx;

export const FONT = 'Times New Roman';
/** half-points: 14 pt */
export const SIZE = 28;

export const run = (text: string, o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}): TextRun =>
  new docx.TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics, underline: o.underline ? { type: UnderlineType.SINGLE } : undefined });
export const para = (children: TextRun[], o: { align?: 'center' | 'both' | 'left' | 'right'; before?: number; after?: number; indent?: boolean } = {}): Paragraph =>
  new docx.Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 60, line: 300 },
    indent: o.indent ? { firstLine: convertMillimetersToTwip(12.7) } : undefined,
  });
export const body = (text: string): Paragraph => para([run(text)], { indent: true });
export const heading = (text: string): Paragraph => para([run(text, { bold: true })], { before: 120, indent: true });
export const centred = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; after?: number; before?: number } = {}): Paragraph =>
  para([run(text, o)], { align: 'center', after: o.after ?? 0, before: o.before ?? 0 });

/** "ngày 05 tháng 08 năm 2025" */
export const viDate = (iso: string): string => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `ngày ${String(d).padStart(2, '0')} tháng ${String(m).padStart(2, '0')} năm ${y}`;
};
/** the hall's clock: Vietnam, UTC+7 — "8 giờ 05, ngày 5/8/2025" */
export const viTime = (iso: string): string => {
  const t = new Date(Date.parse(iso) + 7 * 3600_000);
  return `${t.getUTCHours()} giờ ${String(t.getUTCMinutes()).padStart(2, '0')}, ngày ${t.getUTCDate()}/${t.getUTCMonth() + 1}/${t.getUTCFullYear()}`;
};

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const gridBorders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

/** A4 less the left and right margins Party offices use */
const TEXT_WIDTH_MM = 210 - 30 - 15;
/** the grid widths (twips) of columns given in percent: LibreOffice lays a table out by its grid, not by the cells' percentages */
const gridWidths = (percents: readonly number[]) => percents.map((w) => Math.round((convertMillimetersToTwip(TEXT_WIDTH_MM) * w) / 100));

/** two columns side by side with no borders (the header, the signatures) */
export function sideBySide(left: Paragraph[], right: Paragraph[], leftPercent = 50): Table {
  return new docx.Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    columnWidths: gridWidths([leftPercent, 100 - leftPercent]),
    rows: [
      new docx.TableRow({
        children: [
          new docx.TableCell({ children: left, width: { size: leftPercent, type: WidthType.PERCENTAGE } }),
          new docx.TableCell({ children: right, width: { size: 100 - leftPercent, type: WidthType.PERCENTAGE } }),
        ],
      }),
    ],
  });
}

/** half-points: 12 pt in tables */
export const TABLE_SIZE = 24;

/** a ruled table: a bold header row, then the rows; widths in percent, alignment per column */
export function grid(headers: string[], rows: string[][], widths: number[], align?: ('left' | 'center' | 'right')[]): Table {
  const cell = (text: string, i: number, bold = false) =>
    new docx.TableCell({
      width: { size: widths[i], type: WidthType.PERCENTAGE },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new docx.Paragraph({ alignment: bold ? AlignmentType.CENTER : (align?.[i] ?? (i === 0 ? 'center' : 'left')), children: [run(text, { bold, size: TABLE_SIZE })] })],
    });
  return new docx.Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: gridBorders,
    columnWidths: gridWidths(widths),
    rows: [new docx.TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }), ...rows.map((r) => new docx.TableRow({ children: r.map((t, i) => cell(t, i)) }))],
  });
}

export interface PartyHeader {
  superiorBody: string | null;
  issuingBody: string;
  /** "Số      -BB/ĐH" */
  symbol: string;
  place: string;
  /** YYYY-MM-DD */
  date: string;
}

/** the header: issuing bodies, star and number on the left; the Party's name, place and date on the right */
export function partyHeader(h: PartyHeader): Table {
  const left = [
    ...(h.superiorBody ? [centred(h.superiorBody.toUpperCase(), { size: 26 })] : []),
    centred(h.issuingBody.toUpperCase(), { bold: true, size: 26 }),
    centred('*', { size: 26 }),
    centred(h.symbol, { size: 26, after: 60 }),
  ];
  const right = [para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 30 })], { align: 'center', after: 120 }), centred(`${h.place}, ${viDate(h.date)}`, { italics: true })];
  return sideBySide(left, right, 45);
}

/** the document type in bold caps, its summary line, and the short rule under them */
export function documentTitle(type: string, summary: string): Paragraph[] {
  return [centred(type, { bold: true, size: 32, before: 240 }), centred(summary, { bold: true }), centred('-----', { after: 200 })];
}

/** A4 portrait with the margins Party offices use */
export async function partyDocx(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'daihoi',
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            // margins as Party offices set them (top/bottom 20 mm, left 30 mm, right 15 mm); not in RULES.md (verify)
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** the place written before the date: the unit's own place name ("Đảng bộ phường Từ Sơn" → "Từ Sơn") */
export function placeOf(orgName: string, adminUnit: string | null): string {
  const source = adminUnit?.split(',')[0] ?? orgName;
  const m = source.match(/(?:phường|xã|thị trấn|đặc khu|thị xã|thành phố|tỉnh|huyện|quận)\s+(.+)$/i);
  return (m ? m[1] : source).trim();
}
