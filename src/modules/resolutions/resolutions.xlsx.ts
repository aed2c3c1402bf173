// The progress report of a unit's resolutions for a period, as an Excel workbook: one sheet of targets, one of tasks,
// each under the title block of the DOCX version (the issuing organisation, "ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", the subject and period).
import ExcelJS from 'exceljs';
import { reportSubject } from '../../docs/resolution-report.js';
import { DIRECTION_VI, FLAG_VI, STATUS_VI, TASK_VI, periodLabel } from './resolutions.labels.js';
import { isTargetMet, targetProgress, type TrackStatus } from './resolutions.rules.js';

export interface ReportTarget {
  resolutionTitle: string;
  name: string;
  unit: string;
  direction: keyof typeof DIRECTION_VI;
  baselineValue: number | null;
  targetValue: number;
  deadline: string;
  tolerance: number;
  /** the figure of the period (the latest one of a period within it), if reported, and the period it is for */
  figure: { value: number; source: string; period: string } | null;
  status: TrackStatus;
}

export interface ReportTask {
  title: string;
  ownerOrgName: string;
  responsiblePerson: string;
  expectedResult: string;
  dueOn: string;
  status: keyof typeof TASK_VI;
  flag: keyof typeof FLAG_VI | null;
  evidence: string | null;
}

// a cell that starts like a formula is written as text, so a pasted "=…" never runs in Excel
const text = (s: string | null) => (s && /^[=+\-@]/.test(s) ? `'${s}` : (s ?? ''));
const dmy = (iso: string) => iso.split('-').reverse().join('/');
/** "Năm 2026", "Quý III năm 2026": the documents' period label, as a cell begins it */
const periodCell = (period: string) => {
  const label = periodLabel(period);
  return label.charAt(0).toUpperCase() + label.slice(1);
};

/** the title block over a sheet's table (rows 1–6), across `columns` columns; the table starts on row 7 */
function titleBlock(sheet: ExcelJS.Worksheet, orgName: string, period: string, columns: number) {
  const left = Math.max(2, Math.floor(columns / 2) - 1);
  const line = (row: number, from: number, to: number, value: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = value;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  line(1, 1, left, orgName.toUpperCase(), { bold: true });
  line(1, left + 1, columns, 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true });
  line(2, 1, left, '*', {});
  line(4, 1, columns, 'BÁO CÁO', { bold: true, size: 14 });
  line(5, 1, columns, reportSubject(period), { bold: true });
  line(6, 1, columns, `Kỳ báo cáo: ${periodCell(period)}`, { italic: true });
  sheet.getRow(1).height = 30;
}

const headerRow = (sheet: ExcelJS.Worksheet, labels: string[]) => {
  const row = sheet.getRow(7);
  row.values = labels;
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
};

export async function progressReportXlsx(orgName: string, period: string, targets: ReportTarget[], tasks: ReportTask[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'daihoi';
  const sheet = wb.addWorksheet('Chỉ tiêu');
  const targetColumns = ['STT', 'Nghị quyết', 'Chỉ tiêu', 'Đơn vị tính', 'Yêu cầu', 'Số liệu gốc', 'Mục tiêu', 'Thời hạn', 'Số liệu kỳ báo cáo', 'Số liệu của kỳ', 'Nguồn số liệu', 'Tiến độ (%)', 'Đánh giá'];
  titleBlock(sheet, orgName, period, targetColumns.length);
  headerRow(sheet, targetColumns);
  targets.forEach((t, i) => {
    const progress = t.figure ? Math.round(targetProgress(t, t.figure.value) * 100) : null;
    sheet.addRow([
      i + 1,
      text(t.resolutionTitle),
      text(t.name),
      text(t.unit),
      DIRECTION_VI[t.direction],
      t.baselineValue,
      t.targetValue,
      dmy(t.deadline),
      t.figure?.value ?? null,
      t.figure ? periodCell(t.figure.period) : '',
      text(t.figure?.source ?? null),
      progress,
      t.figure && isTargetMet(t, t.figure.value) ? STATUS_VI.met : STATUS_VI[t.status],
    ]);
  });
  sheet.columns.forEach((c, i) => (c.width = [6, 40, 50, 12, 12, 12, 12, 12, 14, 18, 30, 12, 18][i]));

  const ts = wb.addWorksheet('Nhiệm vụ');
  const taskColumns = ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Người chịu trách nhiệm', 'Kết quả cần đạt', 'Thời hạn', 'Tình trạng', 'Cảnh báo', 'Minh chứng'];
  titleBlock(ts, orgName, period, taskColumns.length);
  headerRow(ts, taskColumns);
  tasks.forEach((t, i) => ts.addRow([i + 1, text(t.title), text(t.ownerOrgName), text(t.responsiblePerson), text(t.expectedResult), dmy(t.dueOn), TASK_VI[t.status], t.flag ? FLAG_VI[t.flag] : '', text(t.evidence)]));
  ts.columns.forEach((c, i) => (c.width = [6, 50, 30, 26, 40, 12, 16, 14, 30][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
