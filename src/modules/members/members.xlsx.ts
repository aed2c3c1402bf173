import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../server/errors.js';
import { MEMBER_COLUMNS, memberToCells, neutraliseFormula, type Cell } from './members.import.js';
import { educationLabels, genderLabels, theoryLabels, type MemberProfile } from './members.rules.js';

/** the first worksheet as rows of plain cells; the header is the first row that names "Họ và tên" */
export async function readSheetRows(buffer: Buffer): Promise<{ number: number; cells: Cell[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('FILE_NOT_XLSX', 400, 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('FILE_EMPTY', 400, 'Tệp Excel không có trang tính nào.');
  const rows: { number: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = plainValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ number, cells });
  });
  return rows;
}

function plainValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

const HEADERS = ['STT', ...MEMBER_COLUMNS.map(([, h, required]) => (required ? `${h}*` : h)), 'Trạng thái'];

function styleHeader(sheet: ExcelJS.Worksheet) {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 6 : i === 1 ? 28 : 16));
}

export interface ExportMember extends MemberProfile {
  orgName: string;
  probationary: boolean;
}

/**
 * writes the member list to `out` as an XLSX workbook, row by row (exceljs' streaming writer):
 * a province's list is never held in memory, and the first bytes leave before the last rows are read
 */
export async function writeMembersXlsx(members: AsyncIterable<readonly ExportMember[]>, title: string, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'daihoi';
  const sheet = workbook.addWorksheet('Danh sách đảng viên', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((_, i) => ({ width: i === 0 ? 6 : i === 1 ? 28 : 16 }));
  sheet.headerFooter.oddHeader = title;
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();
  let n = 0;
  for await (const page of members) {
    for (const m of page) {
      const cells = memberToCells(m);
      // every value is written as text, so nothing in a cell can run as a formula
      sheet.addRow([++n, ...MEMBER_COLUMNS.map(([f]) => neutraliseFormula(cells[f])), m.probationary ? 'Dự bị' : 'Chính thức']).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

/** the member list as CSV text, a page of lines at a time */
export async function* membersCsv(members: AsyncIterable<readonly ExportMember[]>): AsyncGenerator<string> {
  const quote = (s: string) => `"${neutraliseFormula(s).replace(/"/g, '""')}"`;
  // a BOM so Excel opens the UTF-8 file with Vietnamese letters intact
  yield '\uFEFF' + HEADERS.map(quote).join(',') + '\r\n';
  let n = 0;
  for await (const page of members) {
    yield page
      .map((m) => {
        const cells = memberToCells(m);
        return [String(++n), ...MEMBER_COLUMNS.map(([f]) => cells[f]), m.probationary ? 'Dự bị' : 'Chính thức'].map(quote).join(',') + '\r\n';
      })
      .join('');
  }
}

/** the import template: the header row, one example, drop-down lists for coded columns, and a sheet of instructions */
export async function importTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách đảng viên');
  sheet.addRow(HEADERS.slice(0, -1));
  sheet.addRow([1, 'Nguyễn Văn An', 'Nam', '15/03/1985', 'Kinh', 'Không', 'Từ Sơn, Bắc Ninh', 'Đại học', 'Trung cấp', '20/05/2010', '20/05/2011', '01234567', 'Chi ủy viên', '']);
  styleHeader(sheet);
  const list = (values: string[]) => ({ type: 'list' as const, allowBlank: true, formulae: [`"${values.join(',')}"`] });
  const colOf = (field: string) => MEMBER_COLUMNS.findIndex(([f]) => f === field) + 2;
  for (let r = 2; r <= 5000; r++) {
    sheet.getCell(r, colOf('gender')).dataValidation = list(Object.values(genderLabels));
    sheet.getCell(r, colOf('education')).dataValidation = list(Object.values(educationLabels));
    sheet.getCell(r, colOf('theoryLevel')).dataValidation = list(Object.values(theoryLabels));
  }
  const help = workbook.addWorksheet('Hướng dẫn');
  help.addRows([
    ['Cột', 'Bắt buộc', 'Cách ghi'],
    ['Họ và tên', 'Có', 'Họ, tên đệm và tên, có dấu'],
    ['Giới tính', 'Có', 'Nam hoặc Nữ'],
    ['Ngày sinh, Ngày vào Đảng, Ngày chính thức', 'Ngày sinh và Ngày vào Đảng', 'ngày/tháng/năm, ví dụ 17/08/1980; Ngày chính thức để trống nếu còn dự bị'],
    ['Dân tộc', 'Có', 'Ví dụ: Kinh, Tày, Nùng'],
    ['Trình độ chuyên môn', 'Không', Object.values(educationLabels).join(', ')],
    ['Lý luận chính trị', 'Không', Object.values(theoryLabels).join(', ')],
    ['Số thẻ đảng viên', 'Không', '6 đến 12 chữ số, không trùng'],
    ['Chi bộ', 'Không', 'Tên chi bộ trực thuộc; để trống nếu đảng viên sinh hoạt trực tiếp tại tổ chức đang nhập. Nếu hai tổ chức trùng tên, ghi kèm tổ chức cấp trên sau dấu "/": Chi bộ khu phố 1 / Đảng bộ phường Từ Sơn'],
    ['', '', 'Nếu có bất kỳ dòng nào sai, không dòng nào được nhập; hệ thống liệt kê mọi lỗi cùng lúc.'],
  ]);
  help.getRow(1).font = { bold: true };
  help.columns.forEach((c) => (c.width = 40));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
