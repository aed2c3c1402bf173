// The progress report of a unit's resolutions for a period (báo cáo tiến độ thực hiện Nghị quyết) as DOCX, in the
// Party's document format (Hướng dẫn 36-HD/VPTW, 2018 — see congress-minutes.ts): the superior and issuing bodies with
// a star and "Số -BC/…" top left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date top right, "BÁO CÁO" and the summary
// line centred; then the targets table, the tasks by status and the overdue tasks. Times New Roman 14 pt, tables 12 pt.
import { body, documentTitle, grid, heading, para, partyDocx, partyHeader, run, sideBySide, centred, type Paragraph, type Table } from './party-document.js';
import { DIRECTION_VI, STATUS_VI, TASK_VI, periodLabel, viNumber } from '../modules/resolutions/resolutions.labels.js';
import type { Direction, TaskStatus, TrackStatus } from '../modules/resolutions/resolutions.rules.js';

type Block = Paragraph | Table;

export interface ReportTargetRow {
  name: string;
  unit: string;
  direction: Direction;
  baselineValue: number | null;
  targetValue: number;
  deadline: string;
  /** the figure of the period (the latest one of a period within it) */
  figure: number | null;
  /** the period that figure is for, when known: printed beside it when it is not the report's own period */
  figurePeriod?: string | null;
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

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** the report's summary line under "BÁO CÁO" (also the title of its Excel version) */
export const reportSubject = (period: string) => `Tiến độ thực hiện Nghị quyết ${periodLabel(period)}`;

export function resolutionReportBlocks(r: ResolutionReportInput): Block[] {
  const header = partyHeader({ superiorBody: r.superiorBody, issuingBody: r.orgName, symbol: `Số      -BC/${r.issuerCode}`, place: r.place, date: r.date });

  const out: Block[] = [header];
  out.push(...documentTitle('BÁO CÁO', reportSubject(r.period)));

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
        res.targets.map((t, k) => [
          String(k + 1),
          t.name,
          t.unit,
          t.baselineValue === null ? '—' : viNumber(t.baselineValue),
          `${DIRECTION_VI[t.direction]} ${viNumber(t.targetValue)} (${dmy(t.deadline).slice(6)})`,
          t.figure === null ? '—' : t.figurePeriod && t.figurePeriod !== r.period ? `${viNumber(t.figure)} (${periodLabel(t.figurePeriod)})` : viNumber(t.figure),
          t.progress === null ? '—' : viNumber(Math.round(t.progress * 100)),
          STATUS_VI[t.status],
        ]),
        [8, 28, 9, 10, 13, 11, 9, 12],
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
        r.overdue.map((t, i) => [String(i + 1), t.title, t.ownerOrgName, t.responsiblePerson, dmy(t.dueOn), String(t.daysLate)]),
        [8, 30, 19, 17, 14, 12],
        ['center', 'left', 'left', 'left', 'center', 'right'],
      ),
    );
  }

  out.push(heading('IV. Đánh giá chung và nhiệm vụ kỳ tới'));
  out.push(body('....................................................................................................'));

  const sign = sideBySide(
    [para([run('Nơi nhận:', { bold: true, italics: true, size: 24 })], { align: 'left', after: 0 }), para([run('- Cấp ủy cấp trên,', { size: 22 })], { align: 'left', after: 0 }), para([run('- Lưu Văn phòng.', { size: 22 })], { align: 'left' })],
    [centred(r.signedFor, { bold: true })],
  );
  out.push(para([run('')], { before: 120 }), sign);
  return out;
}

export async function resolutionReportDocx(r: ResolutionReportInput): Promise<Buffer> {
  return partyDocx(`Báo cáo tiến độ thực hiện Nghị quyết — ${r.orgName} — ${periodLabel(r.period)}`, resolutionReportBlocks(r));
}

/** the issuer code and who signs, by the kind of unit (Hướng dẫn 36-HD/VPTW: TU tỉnh ủy, ĐU đảng ủy, CB chi bộ) */
export function issuerOf(kind: string): { issuerCode: string; signedFor: string } {
  if (kind === 'province') return { issuerCode: 'TU', signedFor: 'T/M BAN THƯỜNG VỤ' };
  if (kind === 'cell' || kind === 'grassroots_cell') return { issuerCode: 'CB', signedFor: 'T/M CHI BỘ' };
  return { issuerCode: 'ĐU', signedFor: 'T/M ĐẢNG ỦY' };
}
