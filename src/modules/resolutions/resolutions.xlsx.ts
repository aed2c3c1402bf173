// The progress report of a unit's resolutions for a period, as an Excel workbook: one sheet of targets, one of tasks.
import ExcelJS from 'exceljs';
import { DIRECTION_VI, FLAG_VI, STATUS_VI, TASK_VI } from './resolutions.labels.js';
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
  /** the figure in force for the period, if reported */
  figure: { value: number; source: string } | null;
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

export async function progressReportXlsx(orgName: string, period: string, targets: ReportTarget[], tasks: ReportTask[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'daihoi';
  const sheet = wb.addWorksheet('Chỉ tiêu');
  sheet.addRow([`BÁO CÁO TIẾN ĐỘ THỰC HIỆN NGHỊ QUYẾT — ${orgName.toUpperCase()}`]).font = { bold: true, size: 13 };
  sheet.addRow([`Kỳ báo cáo: ${period}`]);
  sheet.addRow([]);
  const header = sheet.addRow(['STT', 'Nghị quyết', 'Chỉ tiêu', 'Đơn vị tính', 'Yêu cầu', 'Số liệu gốc', 'Mục tiêu', 'Thời hạn', 'Số liệu kỳ báo cáo', 'Nguồn số liệu', 'Tiến độ (%)', 'Đánh giá']);
  header.font = { bold: true };
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
      text(t.figure?.source ?? null),
      progress,
      t.figure && isTargetMet(t, t.figure.value) ? STATUS_VI.met : STATUS_VI[t.status],
    ]);
  });
  sheet.columns.forEach((c, i) => (c.width = [6, 40, 50, 12, 12, 12, 12, 12, 14, 30, 12, 18][i]));

  const ts = wb.addWorksheet('Nhiệm vụ');
  ts.addRow(['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Người chịu trách nhiệm', 'Kết quả cần đạt', 'Thời hạn', 'Tình trạng', 'Cảnh báo', 'Minh chứng']).font = { bold: true };
  tasks.forEach((t, i) => ts.addRow([i + 1, text(t.title), text(t.ownerOrgName), text(t.responsiblePerson), text(t.expectedResult), dmy(t.dueOn), TASK_VI[t.status], t.flag ? FLAG_VI[t.flag] : '', text(t.evidence)]));
  ts.columns.forEach((c, i) => (c.width = [6, 50, 30, 26, 40, 12, 16, 14, 30][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
