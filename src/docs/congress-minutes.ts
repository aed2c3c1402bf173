// The minutes of a congress (biên bản đại hội) as DOCX, in the Party's document format (Hướng dẫn 36-HD/VPTW, 2018):
// A4 portrait; top left the superior body, the issuing body, a star, the number; top right "ĐẢNG CỘNG SẢN VIỆT NAM"
// (bold caps, underlined) and the place and date in italics; "BIÊN BẢN" in bold caps centred, then the summary line;
// body Times New Roman 14 pt (Word or LibreOffice substitute Liberation Serif / Tinos, metric-compatible).
import { createRequire } from 'node:module';

// docx ships type declarations with extensionless relative imports that TypeScript's NodeNext resolution cannot
// follow, so the few parts used here are typed by hand (the library itself runs fine on Node 20)
type Paragraph = { readonly kind?: 'paragraph' } & object;
type Table = { readonly kind?: 'table' } & object;
interface DocxLib {
  AlignmentType: { CENTER: 'center'; JUSTIFIED: 'both' };
  BorderStyle: { NONE: 'none' };
  UnderlineType: { SINGLE: 'single' };
  WidthType: { PERCENTAGE: 'pct' };
  Document: new (options: object) => object;
  Packer: { toBuffer(doc: object): Promise<Buffer> };
  Paragraph: new (options: object) => Paragraph;
  Table: new (options: object) => Table;
  TableRow: new (options: object) => object;
  TableCell: new (options: object) => object;
  TextRun: new (options: object) => object;
  convertMillimetersToTwip(mm: number): number;
}
const { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, UnderlineType, WidthType, convertMillimetersToTwip } = createRequire(import.meta.url)('docx') as DocxLib;
type TextRun = object;

export interface MinutesInput {
  superiorBody: string | null;
  orgName: string;
  title: string;
  kind: 'delegates' | 'members';
  term: string | null;
  venue: string | null;
  motto: string | null;
  opensOn: string;
  closesOn: string;
  place: string;
  sessions: { kind: 'preparatory' | 'official'; title: string | null; startsAt: string; endsAt: string | null }[];
  attendance: { convened: number; present: number; required: number; met: boolean; rule: string };
  delegates: { official: number; alternate: number; exOfficio: number };
  agenda: { title: string; status: string }[];
  speakers: { name: string; topic: string | null; status: string }[];
  replacements: { official: string; alternate: string; decidedBy: string | null; reason: string | null }[];
}

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt
const run = (text: string, o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics, underline: o.underline ? { type: UnderlineType.SINGLE } : undefined });
const para = (children: TextRun[], o: { align?: 'center' | 'both'; before?: number; after?: number; indent?: boolean } = {}) =>
  new Paragraph({ children, alignment: o.align ?? AlignmentType.JUSTIFIED, spacing: { before: o.before ?? 0, after: o.after ?? 60, line: 300 }, indent: o.indent ? { firstLine: convertMillimetersToTwip(12.7) } : undefined });
const body = (text: string) => para([run(text)], { indent: true });
const heading = (text: string) => para([run(text, { bold: true })], { before: 120, indent: true });

const viDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `ngày ${String(d).padStart(2, '0')} tháng ${String(m).padStart(2, '0')} năm ${y}`;
};
const viTime = (iso: string) => {
  // the hall's clock: Vietnam, UTC+7
  const t = new Date(Date.parse(iso) + 7 * 3600_000);
  return `${t.getUTCHours()} giờ ${String(t.getUTCMinutes()).padStart(2, '0')}, ngày ${t.getUTCDate()}/${t.getUTCMonth() + 1}/${t.getUTCFullYear()}`;
};
const noBorders = { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } };

/** the number and symbol of a congress's minutes: "Số -BB/ĐH" (the clerk fills the number) */
export const MINUTES_SYMBOL = 'Số      -BB/ĐH';

export function minutesParagraphs(m: MinutesInput): { header: Table; body: (Paragraph | Table)[] } {
  const center = AlignmentType.CENTER;
  const left = [
    ...(m.superiorBody ? [para([run(m.superiorBody.toUpperCase(), { size: 26 })], { align: center, after: 0 })] : []),
    para([run(m.orgName.toUpperCase(), { bold: true, size: 26 })], { align: center, after: 0 }),
    para([run('*', { size: 26 })], { align: center, after: 0 }),
    para([run(MINUTES_SYMBOL, { size: 26 })], { align: center }),
  ];
  const right = [para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 30 })], { align: center, after: 120 }), para([run(`${m.place}, ${viDate(m.closesOn)}`, { italics: true })], { align: center })];
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [new TableRow({ children: [new TableCell({ children: left, width: { size: 45, type: WidthType.PERCENTAGE } }), new TableCell({ children: right, width: { size: 55, type: WidthType.PERCENTAGE } })] })],
  });

  const out: Paragraph[] = [];
  out.push(para([run('BIÊN BẢN', { bold: true, size: 32 })], { align: center, before: 240, after: 0 }));
  out.push(para([run(m.title, { bold: true })], { align: center, after: 0 }));
  out.push(para([run('-----', {})], { align: center, after: 200 }));

  out.push(heading('I. Thời gian, địa điểm'));
  const sessions = m.sessions.length ? m.sessions : [{ kind: 'official' as const, title: null, startsAt: `${m.opensOn}T00:00:00+07:00`, endsAt: null }];
  for (const s of sessions) {
    const name = s.title ?? (s.kind === 'preparatory' ? 'Phiên trù bị' : 'Phiên chính thức');
    out.push(body(`${name}: bắt đầu lúc ${viTime(s.startsAt)}${s.endsAt ? `, kết thúc lúc ${viTime(s.endsAt)}` : ''}.`));
  }
  out.push(body(`Địa điểm: ${m.venue ?? '....................'}.`));
  if (m.term) out.push(body(`Nhiệm kỳ: ${m.term}.`));
  if (m.motto) out.push(body(`Phương châm đại hội: "${m.motto}".`));

  out.push(heading(m.kind === 'delegates' ? 'II. Đại biểu dự đại hội' : 'II. Đảng viên dự đại hội'));
  if (m.kind === 'delegates') {
    out.push(body(`Tổng số đại biểu được triệu tập: ${m.attendance.convened} đồng chí (trong đó ${m.delegates.exOfficio} đại biểu đương nhiên); đại biểu dự khuyết: ${m.delegates.alternate} đồng chí.`));
    out.push(body(`Số đại biểu có mặt: ${m.attendance.present} đồng chí; vắng mặt: ${m.attendance.convened - m.attendance.present} đồng chí.`));
  } else {
    out.push(body(`Tổng số đảng viên chính thức được triệu tập: ${m.attendance.convened} đồng chí; có mặt: ${m.attendance.present} đồng chí; vắng mặt: ${m.attendance.convened - m.attendance.present} đồng chí.`));
  }
  for (const r of m.replacements) {
    out.push(body(`Đồng chí ${r.alternate} (đại biểu dự khuyết) thay thế đồng chí ${r.official}${r.reason ? ` (${r.reason})` : ''}${r.decidedBy ? `, do ${r.decidedBy} quyết định` : ''}.`));
  }
  out.push(
    body(
      m.attendance.met
        ? `Số có mặt đạt ${m.attendance.present}/${m.attendance.convened}, không thấp hơn ${m.attendance.rule} số được triệu tập (${m.attendance.required}); đại hội đủ điều kiện tiến hành.`
        : `Số có mặt (${m.attendance.present}/${m.attendance.convened}) chưa đạt ${m.attendance.rule} số được triệu tập (${m.attendance.required}).`,
    ),
  );

  out.push(heading('III. Chương trình và diễn biến đại hội'));
  if (!m.agenda.length) out.push(body('....................'));
  m.agenda.forEach((a, i) => out.push(body(`${i + 1}. ${a.title}.`)));
  const spoke = m.speakers.filter((s) => s.status === 'done');
  if (spoke.length) {
    out.push(body(`Ý kiến phát biểu, thảo luận tại đại hội (${spoke.length} ý kiến):`));
    for (const s of spoke) out.push(body(`- Đồng chí ${s.name}${s.topic ? `: ${s.topic}` : ''}.`));
  }

  out.push(heading('IV. Các nội dung đại hội đã biểu quyết, bầu cử'));
  out.push(body('(Ghi kết quả biểu quyết và bầu cử theo biên bản kiểm phiếu.) ....................'));

  out.push(body(`Biên bản được lập xong hồi ..... giờ ..... ${viDate(m.closesOn)}, đã thông qua trước đại hội.`));
  const sign = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: [para([run('THƯ KÝ ĐẠI HỘI', { bold: true })], { align: center })], width: { size: 50, type: WidthType.PERCENTAGE } }),
          new TableCell({ children: [para([run('T/M ĐOÀN CHỦ TỊCH', { bold: true })], { align: center })], width: { size: 50, type: WidthType.PERCENTAGE } }),
        ],
      }),
    ],
  });
  return { header, body: [...out, sign] };
}

export async function congressMinutesDocx(m: MinutesInput): Promise<Buffer> {
  const { header, body: content } = minutesParagraphs(m);
  const doc = new Document({
    creator: 'daihoi',
    title: `Biên bản ${m.title}`,
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
        children: [header, ...content],
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
