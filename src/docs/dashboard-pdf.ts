// A unit's resolution dashboard, and the roll-up over its subtree, as A4 PDF (pdfkit, Noto Sans embedded): what the
// screen shows. Targets with progress bars drawn as rectangles (a tick where the target should be by now), status (and a
// stale figure), the responsible body, the history as a sparkline drawn with lines; tasks by status. The roll-up: a row
// per unit directly below (its subtree counted in), how many targets have figures, a shared indicator (or why not added up).
import { DIRECTION_VI, STATUS_VI, periodLabel, viNumber } from '../modules/resolutions/resolutions.labels.js';
import type { Aggregation, Direction, TrackStatus } from '../modules/resolutions/resolutions.rules.js';
import type { RollupUnit } from '../modules/resolutions/resolutions.dashboard.js';
import { openPdf } from './pdf-kit.js';

export interface PdfTarget {
  name: string;
  unit: string;
  direction: Direction;
  baselineValue: number | null;
  targetValue: number;
  deadline: string;
  yearly: boolean;
  latest: { period: string; value: number } | null;
  /** 0…1 of the way from the baseline to the target */
  progress: number | null;
  /** where the target should be by now, on the same scale */
  expectedProgress: number | null;
  status: TrackStatus;
  /** the latest figure is older than a report could be late: judged against where the target should be now */
  stale: boolean;
  responsibleBody: string | null;
  /** the figures in period order, one a date (historyLine: a year's figure stands for its fourth quarter) */
  history: { period: string; value: number }[];
}

/** a unit's own tasks: every task by status, and the open ones overdue or at risk */
export interface TaskCountsPdf {
  not_started: number;
  in_progress: number;
  done: number;
  cancelled: number;
  overdue: number;
  at_risk: number;
}

export interface DashboardPdfInput {
  orgName: string;
  date: string;
  resolutions: { title: string; termStart: number; termEnd: number; motto: string | null; targets: PdfTarget[] }[];
  taskCounts: TaskCountsPdf;
}

export interface RollupPdfInput {
  orgName: string;
  date: string;
  summary: { units: number; targets: number; statuses: Record<TrackStatus, number>; tasks: { total: number; done: number; overdue: number } };
  units: Omit<RollupUnit, 'orgId'>[];
  indicator: {
    code: string;
    name: string;
    unit: string;
    aggregation: Aggregation;
    /** the units' targets of this code differ in unit or aggregation: nothing is added up */
    conflict: boolean;
    /** carriers below a unit that carries the code too: in that unit's figure, not counted again */
    covered: number;
    aggregate: { value: number | null; unitsTotal: number; unitsReporting: number; unitsMeeting: number };
    /** the periods of the units' latest figures, most recent first */
    periods: { period: string; units: number }[];
    units: { name: string; value: number | null; targetValue: number; met: boolean; status: TrackStatus; progress: number | null; period: string | null }[];
  } | null;
}

/** A4 portrait in PDF points */
export const A4: [number, number] = [595.28, 841.89];
const M = 42;
const WIDTH = A4[0] - 2 * M;
const RED = '#b71c1c';
/** the amber of warnings on screen (a stale figure, targets without figures) */
const AMBER = '#8f5b00';
const SPARK_COLOR = '#1864ab';
/** the right column of a target: its status over its sparkline */
const SIDE = 112;
const SPARK_H = 22;
export const STATUS_COLOR: Record<TrackStatus, string> = { met: '#0b6b4f', on_track: '#2b8a3e', at_risk: '#d9480f', off_track: '#c92a2a', missed: '#6b1d1d', no_data: '#868e96' };
const STATUS_ORDER: TrackStatus[] = ['met', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data'];
const AGGREGATION_VI: Record<Aggregation, string> = { sum: 'tổng', average: 'bình quân', share_meeting: 'tỷ lệ đơn vị đạt' };
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const pct = (p: number | null) => (p === null ? '—' : `${viNumber(Math.round(p * 100))}%`);
const ROMAN = ['I', 'II', 'III', 'IV'];
/** "2026-Q3" → "quý III/2026", "2026" → "năm 2026": short enough to sit under a sparkline */
const shortPeriod = (period: string) => (period.length === 4 ? `năm ${period}` : `quý ${ROMAN[Number(period.slice(-1)) - 1]}/${period.slice(0, 4)}`);

function open(title: string): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  return openPdf({ size: A4, margin: M, bufferPages: true, info: { Title: title } });
}

function header(doc: PDFKit.PDFDocument, kicker: string, orgName: string, date: string) {
  doc.font('bold').fontSize(9).fillColor(RED).text('ĐẢNG CỘNG SẢN VIỆT NAM', M, M, { width: WIDTH, align: 'right' });
  doc.font('regular').fontSize(9).fillColor('#444444').text(`Số liệu đến ngày ${dmy(date)}`, { width: WIDTH, align: 'right' });
  doc.moveDown(0.6);
  doc.font('bold').fontSize(15).fillColor(RED).text(kicker, M, doc.y, { width: WIDTH, align: 'center' });
  doc.font('bold').fontSize(12).fillColor('#000000').text(orgName.toUpperCase(), { width: WIDTH, align: 'center' });
  doc.moveDown(0.8);
}

/** room for `h` more points on this page, else a new page */
function need(doc: PDFKit.PDFDocument, h: number) {
  if (doc.y + h > A4[1] - M - 14) doc.addPage();
}

/** the bar: grey track, filled share in the status colour, a dark tick where the target should be by now */
function bar(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, progress: number | null, expected: number | null, color: string) {
  doc.save().rect(x, y, w, h).fill('#e9ecef');
  if (progress !== null) {
    const p = Math.max(0, Math.min(1, progress));
    if (p > 0) doc.rect(x, y, w * p, h).fill(color);
  }
  if (expected !== null) {
    const e = Math.max(0, Math.min(1, expected));
    doc.rect(x + w * e - 0.75, y - 2, 1.5, h + 4).fill('#212529');
  }
  doc.restore();
}

function taskBoxes(doc: PDFKit.PDFDocument, counts: TaskCountsPdf) {
  const items: [string, number, string][] = [
    ['Chưa bắt đầu', counts.not_started, '#5c5f66'],
    ['Đang thực hiện', counts.in_progress, '#1864ab'],
    ['Hoàn thành', counts.done, '#0b6b4f'],
    ['Đã hủy', counts.cancelled, '#868e96'],
    ['Quá hạn', counts.overdue, '#b02a2a'],
    ['Sắp đến hạn', counts.at_risk, '#8f5b00'],
  ];
  need(doc, 50);
  const y = doc.y;
  const w = (WIDTH - (items.length - 1) * 8) / items.length;
  items.forEach(([label, n, color], i) => {
    const x = M + i * (w + 8);
    doc.save().lineWidth(0.8).roundedRect(x, y, w, 42, 3).stroke('#ced4da').restore();
    doc.font('regular').fontSize(8).fillColor('#495057').text(label, x + 6, y + 5, { width: w - 12 });
    doc.font('bold').fontSize(16).fillColor(color).text(String(n), x + 6, y + 18, { width: w - 12 });
  });
  doc.x = M;
  doc.y = y + 52;
}

function sectionTitle(doc: PDFKit.PDFDocument, text: string) {
  need(doc, 40);
  doc.font('bold').fontSize(11).fillColor('#000000').text(text, M, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

function footer(doc: PDFKit.PDFDocument, text: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // writing inside the bottom margin must not open a new page
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7.5).fillColor('#868e96').text(`${text} · Trang ${i + 1}/${range.count}`, M, A4[1] - M + 12, { width: WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The figures over time as the web sparkline draws them: one point a figure, evenly spaced, scaled between the lowest
 * and the highest (a flat line in the middle), the last point marked. Lines only; the numbers are in the labels under it.
 */
function sparkline(doc: PDFKit.PDFDocument, values: readonly number[], x: number, y: number, w: number, h: number) {
  doc.save().rect(x, y, w, h).fill('#f1f3f5');
  const min = Math.min(...values);
  const max = Math.max(...values);
  const points = values.map((v, i): [number, number] => [
    values.length === 1 ? x + w / 2 : x + 3 + (i / (values.length - 1)) * (w - 6),
    max === min ? y + h / 2 : y + h - 3 - ((v - min) / (max - min)) * (h - 6),
  ]);
  if (points.length > 1) {
    doc.moveTo(...points[0]);
    for (const p of points.slice(1)) doc.lineTo(...p);
    doc.lineWidth(1.2).lineJoin('round').lineCap('round').stroke(SPARK_COLOR);
  }
  const last = points[points.length - 1];
  doc.circle(last[0], last[1], 1.8).fill(SPARK_COLOR);
  doc.restore();
}

function targetBlock(doc: PDFKit.PDFDocument, t: PdfTarget) {
  const textW = WIDTH - SIDE - 10;
  const goal = `${DIRECTION_VI[t.direction]} ${viNumber(t.targetValue)} ${t.unit}${t.yearly ? ' (hằng năm)' : ` đến ${dmy(t.deadline)}`}`;
  const base = t.baselineValue === null ? '' : `Gốc ${viNumber(t.baselineValue)} · `;
  const latest = t.latest ? ` · Mới nhất ${viNumber(t.latest.value)} (${periodLabel(t.latest.period)})` : ' · Chưa có số liệu';
  const body = t.responsibleBody ? ` · Chủ trì: ${t.responsibleBody}` : '';
  const details = `${base}Mục tiêu: ${goal}${latest}${body}`;
  const stale = t.stale ? ' · số liệu đã cũ, chưa có báo cáo kỳ mới' : '';
  doc.font('bold').fontSize(9.5);
  const nameH = doc.heightOfString(t.name, { width: textW });
  // the stale note is bold: measured in bold with the rest, a little more room than it takes
  doc.font(stale ? 'bold' : 'regular').fontSize(8);
  const detailsH = doc.heightOfString(details + stale, { width: textW });
  const sideH = t.history.length ? 13 + SPARK_H + 10 : 12;
  need(doc, Math.max(nameH + detailsH + 20, sideH) + 4);
  const y0 = doc.y;
  const side = M + WIDTH - SIDE;
  doc.font('bold').fontSize(9.5).fillColor('#000000').text(t.name, M, y0, { width: textW });
  doc.font('bold').fontSize(9).fillColor(STATUS_COLOR[t.status]).text(STATUS_VI[t.status], side, y0, { width: SIDE, align: 'right' });
  if (t.history.length) {
    const sy = y0 + 13;
    sparkline(doc, t.history.map((h) => h.value), side, sy, SIDE, SPARK_H);
    const first = t.history[0];
    const last = t.history[t.history.length - 1];
    // the first and the last figure under their ends; the first gives way when both do not fit
    doc.font('regular').fontSize(6.5).fillColor('#495057');
    const lastLabel = `${shortPeriod(last.period)}: ${viNumber(last.value)}`;
    const firstLabel = `${shortPeriod(first.period)}: ${viNumber(first.value)}`;
    const lastW = doc.widthOfString(lastLabel);
    if (t.history.length > 1 && doc.widthOfString(firstLabel) + lastW + 6 <= SIDE) doc.text(firstLabel, side, sy + SPARK_H + 1.5, { lineBreak: false });
    doc.text(lastLabel, side + SIDE - lastW, sy + SPARK_H + 1.5, { lineBreak: false });
  }
  doc.font('regular').fontSize(8).fillColor('#495057').text(details, M, y0 + nameH + 1, { width: textW, continued: !!stale });
  if (stale) doc.font('bold').fillColor(AMBER).text(stale);
  const y2 = doc.y + 3;
  bar(doc, M, y2, textW - 44, 8, t.progress, t.expectedProgress, STATUS_COLOR[t.status]);
  doc.font('bold').fontSize(8.5).fillColor('#000000').text(pct(t.progress), M + textW - 40, y2 - 1, { width: 40, align: 'right' });
  doc.x = M;
  doc.y = Math.max(y2 + 16, y0 + sideH + 6);
}

export async function dashboardPdf(d: DashboardPdfInput): Promise<Buffer> {
  const { doc, done } = open(`Bảng theo dõi thực hiện Nghị quyết — ${d.orgName}`);
  header(doc, 'BẢNG THEO DÕI THỰC HIỆN NGHỊ QUYẾT', d.orgName, d.date);
  sectionTitle(doc, 'Chương trình hành động: nhiệm vụ đơn vị chủ trì, theo tình trạng');
  taskBoxes(doc, d.taskCounts);
  if (!d.resolutions.length) doc.font('regular').fontSize(10).fillColor('#495057').text('Tổ chức này chưa có nghị quyết nào được ghi nhận.', M, doc.y, { width: WIDTH });
  for (const r of d.resolutions) {
    need(doc, 70);
    doc.moveDown(0.4);
    doc.save().rect(M, doc.y, WIDTH, 1).fill(RED).restore();
    doc.moveDown(0.3);
    doc.font('bold').fontSize(11).fillColor('#000000').text(r.title, M, doc.y, { width: WIDTH });
    doc.font('regular').fontSize(8.5).fillColor('#495057').text(`Nhiệm kỳ ${r.termStart}–${r.termEnd}${r.motto ? ` · Phương châm: “${r.motto}”` : ''}`, { width: WIDTH });
    doc.moveDown(0.5);
    if (!r.targets.length) doc.font('regular').fontSize(9).text('Chưa có chỉ tiêu.', M, doc.y, { width: WIDTH });
    for (const t of r.targets) targetBlock(doc, t);
  }
  need(doc, 30);
  doc.moveDown(0.5);
  doc.font('regular').fontSize(7.5).fillColor('#495057').text('Thanh tiến độ: phần tô màu là quãng đường đã đi từ số liệu gốc đến mục tiêu; vạch đen là vị trí cần đạt đến thời điểm này (theo đường thẳng hoặc mốc theo năm). Đường nhỏ bên phải: số liệu các kỳ đã báo cáo, mỗi ngày một điểm (số liệu cả năm thay cho số liệu quý IV), ghi kỳ đầu và kỳ cuối.', M, doc.y, { width: WIDTH });
  footer(doc, `daihoi · ${d.orgName} · ${dmy(d.date)}`);
  doc.end();
  return done;
}

/** a horizontal bar split by status counts, with its legend under it */
function statusStack(doc: PDFKit.PDFDocument, statuses: Record<TrackStatus, number>, x: number, y: number, w: number, h: number) {
  const total = STATUS_ORDER.reduce((s, k) => s + statuses[k], 0);
  doc.save().rect(x, y, w, h).fill('#e9ecef');
  let at = x;
  for (const k of STATUS_ORDER) {
    if (!total || !statuses[k]) continue;
    const part = (w * statuses[k]) / total;
    doc.rect(at, y, part, h).fill(STATUS_COLOR[k]);
    at += part;
  }
  doc.restore();
}

/** the ranked units, one row per unit directly below: its units below, status (and how many targets have figures), mean progress, counts */
function unitTable(doc: PDFKit.PDFDocument, units: RollupPdfInput['units']) {
  const cols = [20, 150, 100, 100, WIDTH - 370];
  const xs = cols.map((_, i) => M + cols.slice(0, i).reduce((a, b) => a + b, 0));
  const header = () => {
    const y = doc.y;
    doc.font('bold').fontSize(8.5).fillColor('#000000');
    ['#', 'Đơn vị', 'Đánh giá', 'Tiến độ bình quân', 'Chỉ tiêu / nhiệm vụ'].forEach((c, i) => doc.text(c, xs[i] + 3, y + 3, { width: cols[i] - 6, lineBreak: false }));
    doc.save().rect(M, y + 16, WIDTH, 0.8).fill('#adb5bd').restore();
    doc.x = M;
    doc.y = y + 17;
  };
  need(doc, 40);
  header();
  units.forEach((u, i) => {
    const below = u.subUnits > 0 ? `Gồm cả ${u.subUnits} đơn vị cấp dưới` : null;
    const reported = u.reported < u.targets ? `${u.reported}/${u.targets} chỉ tiêu có số liệu` : null;
    const counts = `${u.statuses.met + u.statuses.on_track}/${u.targets} đạt, đúng tiến độ; ${u.tasks.done}/${u.tasks.total} nhiệm vụ xong, ${u.tasks.overdue} quá hạn`;
    doc.font('regular').fontSize(8.5);
    const nameH = doc.heightOfString(u.name, { width: cols[1] - 6 });
    const statusH = doc.heightOfString(STATUS_VI[u.status], { width: cols[2] - 13 });
    const countsH = doc.heightOfString(counts, { width: cols[4] - 6 });
    doc.fontSize(7.5);
    const belowH = below ? doc.heightOfString(below, { width: cols[1] - 6 }) : 0;
    const reportedH = reported ? doc.heightOfString(reported, { width: cols[2] - 13 }) : 0;
    const h = Math.max(nameH + belowH, statusH + reportedH, countsH, 12) + 6;
    if (doc.y + h > A4[1] - M - 14) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    doc.font('regular').fontSize(8.5).fillColor('#000000').text(String(i + 1), xs[0] + 3, y + 3, { width: cols[0] - 6 });
    doc.text(u.name, xs[1] + 3, y + 3, { width: cols[1] - 6 });
    if (below) doc.fontSize(7.5).fillColor('#495057').text(below, xs[1] + 3, y + 3 + nameH, { width: cols[1] - 6 });
    doc.save().rect(xs[2] + 3, y + 4, 3, 10).fill(STATUS_COLOR[u.status]).restore();
    doc.fontSize(8.5).fillColor('#000000').text(STATUS_VI[u.status], xs[2] + 10, y + 3, { width: cols[2] - 13 });
    if (reported) doc.fontSize(7.5).fillColor(AMBER).text(reported, xs[2] + 10, y + 3 + statusH, { width: cols[2] - 13 });
    bar(doc, xs[3] + 3, y + 5, cols[3] - 44, 7, u.progress, null, STATUS_COLOR[u.status]);
    doc.font('bold').fontSize(8).fillColor('#000000').text(pct(u.progress), xs[3] + cols[3] - 40, y + 3, { width: 36, align: 'right' });
    doc.font('regular').fontSize(8.5).text(counts, xs[4] + 3, y + 3, { width: cols[4] - 6 });
    doc.x = M;
    doc.y = y + h;
    doc.save().rect(M, doc.y, WIDTH, 0.4).fill('#dee2e6').restore();
  });
  if (!units.length) doc.font('regular').fontSize(9).fillColor('#000000').text('Chưa có đơn vị nào ghi nhận chỉ tiêu.', M, doc.y + 4, { width: WIDTH });
}

export async function rollupPdf(d: RollupPdfInput): Promise<Buffer> {
  const { doc, done } = open(`Tổng hợp thực hiện Nghị quyết — ${d.orgName}`);
  header(doc, 'TỔNG HỢP THỰC HIỆN NGHỊ QUYẾT TOÀN ĐẢNG BỘ', d.orgName, d.date);
  const s = d.summary;
  const ok = s.statuses.met + s.statuses.on_track;
  doc.font('regular').fontSize(10).fillColor('#000000').text(`${s.units} đơn vị · ${s.targets} chỉ tiêu, trong đó ${ok} đạt hoặc đúng tiến độ · ${s.tasks.total} nhiệm vụ, ${s.tasks.done} hoàn thành, ${s.tasks.overdue} quá hạn`, M, doc.y, { width: WIDTH });
  doc.moveDown(0.5);
  statusStack(doc, s.statuses, M, doc.y, WIDTH, 14);
  doc.y += 20;
  let lx = M;
  for (const k of STATUS_ORDER) {
    const label = `${STATUS_VI[k]}: ${s.statuses[k]}`;
    doc.font('regular').fontSize(8);
    const w = doc.widthOfString(label) + 18;
    if (lx + w > M + WIDTH) {
      lx = M;
      doc.y += 12;
    }
    const y = doc.y;
    doc.save().rect(lx, y + 1, 8, 8).fill(STATUS_COLOR[k]).restore();
    doc.fillColor('#000000').text(label, lx + 11, y, { lineBreak: false });
    doc.y = y;
    lx += w;
  }
  doc.x = M;
  doc.y += 20;

  sectionTitle(doc, 'Xếp hạng đơn vị');
  doc.font('regular').fontSize(8).fillColor('#495057').text('Mỗi dòng là một đơn vị trực thuộc, gồm cả các đơn vị cấp dưới của nó; chỉ tiêu chưa có số liệu tính tiến độ 0 và đơn vị chưa báo cáo xếp cuối.', M, doc.y, { width: WIDTH });
  doc.moveDown(0.4);
  unitTable(doc, d.units);

  const ind = d.indicator;
  if (ind) {
    doc.moveDown(1);
    sectionTitle(doc, `Chỉ tiêu chung ${ind.code}: ${ind.name}`);
    const a = ind.aggregate;
    const reporting = `${a.unitsReporting}/${a.unitsTotal} đơn vị đã báo cáo.`;
    if (ind.conflict) {
      doc.font('bold').fontSize(9).fillColor(RED).text('Không tổng hợp: các đơn vị dùng mã này với đơn vị tính hoặc cách tổng hợp khác nhau — hãy sửa chỉ tiêu cho thống nhất.', M, doc.y, { width: WIDTH });
      doc.font('regular').fontSize(9).fillColor('#000000').text(reporting, M, doc.y, { width: WIDTH });
    } else {
      const value = a.value === null ? 'chưa có số liệu' : ind.aggregation === 'share_meeting' ? `${pct(a.value)} (${a.unitsMeeting}/${a.unitsTotal} đơn vị đạt)` : `${viNumber(a.value)} ${ind.unit}`;
      doc.font('regular').fontSize(9).fillColor('#000000').text(`Tổng hợp (${AGGREGATION_VI[ind.aggregation]}) từ số liệu mới nhất của mỗi đơn vị: ${value}; ${reporting}`, M, doc.y, { width: WIDTH });
    }
    if (ind.covered > 0) {
      doc.font('regular').fontSize(8.5).fillColor('#495057').text(`${ind.covered} đơn vị cấp dưới cũng mang mã này: số liệu của chúng đã nằm trong số liệu của đơn vị cấp trên, không tính lại.`, M, doc.y, { width: WIDTH });
    }
    if (ind.periods.length > 1) {
      const periods = ind.periods.map((p) => `${periodLabel(p.period)} (${p.units} đơn vị)`).join('; ');
      doc.font('regular').fontSize(8.5).fillColor(AMBER).text(`Số liệu mới nhất của các đơn vị không cùng kỳ: ${periods}.`, M, doc.y, { width: WIDTH });
    }
    doc.moveDown(0.4);
    // with a conflict the units' figures are not in one unit: printed bare rather than under the first unit's
    const unit = ind.conflict ? '' : ` ${ind.unit}`;
    for (const u of ind.units) {
      need(doc, 16);
      const y = doc.y;
      doc.font('regular').fontSize(8.5).fillColor('#000000').text(u.name, M, y, { width: 165, lineBreak: false, ellipsis: true });
      bar(doc, M + 170, y + 2, 110, 7, u.progress, null, STATUS_COLOR[u.status]);
      const fig = u.value === null ? '—' : `${viNumber(u.value)} / ${viNumber(u.targetValue)}${unit}${u.period ? ` (${periodLabel(u.period)})` : ''}`;
      doc.text(`${fig} · ${STATUS_VI[u.status]}`, M + 287, y, { width: WIDTH - 287, lineBreak: false, ellipsis: true });
      doc.x = M;
      doc.y = y + 14;
    }
  }
  footer(doc, `daihoi · ${d.orgName} · ${dmy(d.date)}`);
  doc.end();
  return done;
}
