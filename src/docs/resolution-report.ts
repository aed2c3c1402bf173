// The progress report of a unit's resolutions for a period (báo cáo tiến độ thực hiện Nghị quyết) as DOCX, in the
// Party's document format (Hướng dẫn 36-HD/VPTW, 2018 — see congress-minutes.ts): the superior and issuing bodies with
// a star and "Số -BC/…" top left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date top right, "BÁO CÁO" and the summary
// line centred; then the targets table, the tasks by status and the overdue tasks. Times New Roman 14 pt, tables 12 pt.
import { createRequire } from 'node:module';
import { DIRECTION_VI, STATUS_VI, TASK_VI, periodLabel, viNumber } from '../modules/resolutions/resolutions.labels.js';
import type { Direction, TaskStatus, TrackStatus } from '../modules/resolutions/resolutions.rules.js';

// docx's declarations use extensionless imports NodeNext cannot follow: the parts used are typed by hand (as in congress-minutes.ts)
type Block = { readonly kind?: 'block' } & object;
interface DocxLib {
  AlignmentType: { CENTER: 'center'; JUSTIFIED: 'both'; LEFT: 'left'; RIGHT: 'right' };
  BorderStyle: { NONE: 'none' };
  UnderlineType: { SINGLE: 'single' };
  WidthType: { PERCENTAGE: 'pct' };
  Document: new (options: object) => object;
  Packer: { toBuffer(doc: object): Promise<Buffer> };
  Paragraph: new (options: object) => Block;
  Table: new (options: object) => Block;
  TableRow: new (options: object) => object;
  TableCell: new (options: object) => object;
  TextRun: new (options: object) => object;
  convertMillimetersToTwip(mm: number): number;
}
const { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, UnderlineType, WidthType, convertMillimetersToTwip } = createRequire(import.meta.url)('docx') as DocxLib;

export interface ReportTargetRow {
  name: string;
  unit: string;
  direction: Direction;
  baselineValue: number | null;
  targetValue: number;
  deadline: string;
  /** the figure in force for the period */
  figure: number | null;
  /** 0…1 of the way from the baseline to the target */
  progress: number | null;
  status: TrackStatus;
}

export interface ReportOverdueTask {
  title: string;
  ownerOrgName: string;
  responsiblePerson: string;
  dueOn: string;
  daysLate: number;
}

export interface ResolutionReportInput {
  superiorBody: string | null;
  orgName: string;
  /** the issuer code after "BC/": TU (tỉnh ủy), ĐU (đảng ủy), CB (chi bộ) */
  issuerCode: string;
  /** who signs: "T/M ĐẢNG ỦY", "T/M CHI BỘ" … */
  signedFor: string;
  place: string;
  /** the date written under the header (ISO) */
  date: string;
  period: string;
  resolutions: { title: string; targets: ReportTargetRow[] }[];
  taskCounts: Record<TaskStatus | 'overdue' | 'at_risk', number>;
  overdue: ReportOverdueTask[];
}

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt
const TABLE_SIZE = 24; // 12 pt
const TEXT_WIDTH_MM = 210 - 30 - 15; // A4 less the left and right margins
type RunOptions = { bold?: boolean; italics?: boolean; underline?: boolean; size?: number };
const run = (text: string, o: RunOptions = {}) => new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics, underline: o.underline ? { type: UnderlineType.SINGLE } : undefined });
const para = (children: object[], o: { align?: string; before?: number; after?: number; indent?: boolean } = {}) =>
  new Paragraph({ children, alignment: o.align ?? AlignmentType.JUSTIFIED, spacing: { before: o.before ?? 0, after: o.after ?? 60, line: 300 }, indent: o.indent ? { firstLine: convertMillimetersToTwip(12.7) } : undefined });
const body = (text: string) => para([run(text)], { indent: true });
const heading = (text: string) => para([run(text, { bold: true })], { before: 120, indent: true });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

const viDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `ngày ${String(d).padStart(2, '0')} tháng ${String(m).padStart(2, '0')} năm ${y}`;
};
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** a bordered table: a bold header row, then the rows; widths in percent */
function grid(headers: string[], widths: number[], rows: string[][], align: ('left' | 'center' | 'right')[]) {
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.PERCENTAGE },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ alignment: bold ? AlignmentType.CENTER : align[i], children: [run(text, { bold, size: TABLE_SIZE })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // explicit grid widths: LibreOffice lays a table out by its grid, not by the cells' percentages
    columnWidths: widths.map((w) => Math.round((convertMillimetersToTwip(TEXT_WIDTH_MM) * w) / 100)),
    rows: [new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }), ...rows.map((r) => new TableRow({ children: r.map((x, i) => cell(x, i)) }))],
  });
}

export function resolutionReportBlocks(r: ResolutionReportInput): Block[] {
  const center = AlignmentType.CENTER;
  const left = [
    ...(r.superiorBody ? [para([run(r.superiorBody.toUpperCase(), { size: 26 })], { align: center, after: 0 })] : []),
    para([run(r.orgName.toUpperCase(), { bold: true, size: 26 })], { align: center, after: 0 }),
    para([run('*', { size: 26 })], { align: center, after: 0 }),
    para([run(`Số      -BC/${r.issuerCode}`, { size: 26 })], { align: center }),
  ];
  const right = [para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 30 })], { align: center, after: 120 }), para([run(`${r.place}, ${viDate(r.date)}`, { italics: true })], { align: center })];
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [new TableRow({ children: [new TableCell({ children: left, width: { size: 45, type: WidthType.PERCENTAGE } }), new TableCell({ children: right, width: { size: 55, type: WidthType.PERCENTAGE } })] })],
  });

  const out: Block[] = [header];
  const period = periodLabel(r.period);
  out.push(para([run('BÁO CÁO', { bold: true, size: 32 })], { align: center, before: 240, after: 0 }));
  out.push(para([run(`Tiến độ thực hiện Nghị quyết ${period}`, { bold: true })], { align: center, after: 0 }));
  out.push(para([run('-----')], { align: center, after: 200 }));

  const all = r.resolutions.flatMap((x) => x.targets);
  const count = (s: TrackStatus[]) => all.filter((t) => s.includes(t.status)).length;
  out.push(heading('I. Kết quả thực hiện các chỉ tiêu'));
  out.push(
    body(
      all.length
        ? `Tổng số ${all.length} chỉ tiêu: đã đạt ${count(['met'])}; đúng tiến độ ${count(['on_track'])}; có nguy cơ chậm ${count(['at_risk'])}; chậm tiến độ ${count(['off_track'])}; không đạt ${count(['missed'])}; chưa có số liệu ${count(['no_data'])}.`
        : 'Đơn vị chưa ghi nhận chỉ tiêu nào.',
    ),
  );
  for (const [i, res] of r.resolutions.entries()) {
    if (r.resolutions.length > 1 || res.targets.length) out.push(para([run(`${i + 1}. ${res.title}`, { bold: true, italics: true })], { before: 120, indent: true }));
    if (!res.targets.length) continue;
    out.push(
      grid(
        ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu gốc', 'Mục tiêu', 'Số liệu kỳ báo cáo', 'Tiến độ (%)', 'Đánh giá'],
        [8, 28, 9, 10, 13, 11, 9, 12],
        res.targets.map((t, k) => [
          String(k + 1),
          t.name,
          t.unit,
          t.baselineValue === null ? '—' : viNumber(t.baselineValue),
          `${DIRECTION_VI[t.direction]} ${viNumber(t.targetValue)} (${dmy(t.deadline).slice(6)})`,
          t.figure === null ? '—' : viNumber(t.figure),
          t.progress === null ? '—' : viNumber(Math.round(t.progress * 100)),
          STATUS_VI[t.status],
        ]),
        ['center', 'left', 'center', 'right', 'left', 'right', 'right', 'left'],
      ),
    );
  }

  const c = r.taskCounts;
  const total = c.not_started + c.in_progress + c.done + c.cancelled;
  out.push(heading('II. Thực hiện chương trình hành động'));
  out.push(body(`Tổng số ${total} nhiệm vụ: ${TASK_VI.done.toLowerCase()} ${c.done}; ${TASK_VI.in_progress.toLowerCase()} ${c.in_progress}; ${TASK_VI.not_started.toLowerCase()} ${c.not_started}; ${TASK_VI.cancelled.toLowerCase()} ${c.cancelled}.`));
  out.push(body(`Trong số nhiệm vụ chưa hoàn thành: quá hạn ${c.overdue}; sắp đến hạn hoặc chậm bắt đầu ${c.at_risk}.`));

  out.push(heading('III. Các nhiệm vụ quá hạn'));
  if (!r.overdue.length) out.push(body('Không có nhiệm vụ quá hạn.'));
  else {
    out.push(
      grid(
        ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Người chịu trách nhiệm', 'Thời hạn', 'Số ngày quá hạn'],
        [8, 30, 19, 17, 14, 12],
        r.overdue.map((t, i) => [String(i + 1), t.title, t.ownerOrgName, t.responsiblePerson, dmy(t.dueOn), String(t.daysLate)]),
        ['center', 'left', 'left', 'left', 'center', 'right'],
      ),
    );
  }

  out.push(heading('IV. Đánh giá chung và nhiệm vụ kỳ tới'));
  out.push(body('....................................................................................................'));

  const sign = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [para([run('Nơi nhận:', { bold: true, italics: true, size: 24 })], { align: AlignmentType.LEFT, after: 0 }), para([run('- Cấp ủy cấp trên,', { size: 22 })], { align: AlignmentType.LEFT, after: 0 }), para([run('- Lưu Văn phòng.', { size: 22 })], { align: AlignmentType.LEFT })],
          }),
          new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [para([run(r.signedFor, { bold: true })], { align: center })] }),
        ],
      }),
    ],
  });
  out.push(para([run('')], { before: 120 }), sign);
  return out;
}

export async function resolutionReportDocx(r: ResolutionReportInput): Promise<Buffer> {
  const doc = new Document({
    creator: 'daihoi',
    title: `Báo cáo tiến độ thực hiện Nghị quyết — ${r.orgName} — ${periodLabel(r.period)}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            // as in congress-minutes.ts: top/bottom 20 mm, left 30 mm, right 15 mm (not in RULES.md: verify)
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) },
          },
        },
        children: resolutionReportBlocks(r),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** the issuer code and who signs, by the kind of unit (Hướng dẫn 36-HD/VPTW: TU tỉnh ủy, ĐU đảng ủy, CB chi bộ) */
export function issuerOf(kind: string): { issuerCode: string; signedFor: string } {
  if (kind === 'province') return { issuerCode: 'TU', signedFor: 'T/M BAN THƯỜNG VỤ' };
  if (kind === 'cell' || kind === 'grassroots_cell') return { issuerCode: 'CB', signedFor: 'T/M CHI BỘ' };
  return { issuerCode: 'ĐU', signedFor: 'T/M ĐẢNG ỦY' };
}
