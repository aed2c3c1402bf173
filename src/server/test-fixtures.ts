// Request bodies and files for tests and benchmarks (no database, no engine probing: safe to import anywhere).
import ExcelJS from 'exceljs';

/** one file as a multipart/form-data body (field "file"), the way a browser uploads it */
export function multipartFile(content: Buffer, filename: string): { payload: Buffer; contentType: string } {
  const boundary = '----daihoi-upload';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** an XLSX file of one sheet holding these rows */
export async function xlsxOf(rows: readonly (readonly (string | number | null)[])[], sheetName = 'DS'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((r) => ws.addRow([...r]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** a valid member profile as the API takes it: an official member since 2011 */
export function memberProfile(fullName: string, extra: Record<string, unknown> = {}) {
  return {
    fullName,
    gender: 'male',
    birthDate: '1980-01-15',
    ethnicity: 'Kinh',
    religion: null,
    hometown: null,
    education: null,
    theoryLevel: null,
    admittedOn: '2010-05-20',
    officialOn: '2011-05-20',
    cardNumber: null,
    position: null,
    ...extra,
  };
}
