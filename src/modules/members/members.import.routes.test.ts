// The XLSX import through the route, one bad file per rule: every refusal names its rule, row and column, and writes nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { testEngines } from '../../db/test-harness.js';
import { startTestApp, xlsxOf, type Session, type TestApp } from '../../server/test-app.js';
import { IMPORT_MAX_BYTES, MEMBER_COLUMNS } from './members.import.js';

const HEADER = MEMBER_COLUMNS.map(([, h]) => h);
type Row = Partial<Record<(typeof MEMBER_COLUMNS)[number][0], string | number | null>>;
let card = 81000000;
/** a good row of the template, with some cells changed */
const row = (over: Row = {}) => {
  const base: Row = {
    fullName: 'Nguyễn Văn Đúng',
    gender: 'Nam',
    birthDate: '15/03/1985',
    ethnicity: 'Kinh',
    religion: 'Không',
    hometown: 'Từ Sơn',
    education: 'Đại học',
    theoryLevel: 'Trung cấp',
    admittedOn: '20/05/2010',
    officialOn: '20/05/2011',
    cardNumber: String(card++),
    position: '',
    orgName: '',
    ...over,
  };
  return MEMBER_COLUMNS.map(([f]) => base[f] ?? null);
};

for (const engine of testEngines) {
  describe(`member import, file by file [${engine}]`, () => {
    let t: TestApp;
    let s: Session;
    let province: number;
    let wardA: number;
    let wardB: number;
    let cellA: number;
    let cellB: number;
    const upload = (orgId: number, content: Buffer, name = 'ds.xlsx') => t.upload(s, `/api/orgs/${orgId}/members/import`, content, name);
    const total = async (orgId: number) => (await t.call(s, 'GET', `/api/orgs/${orgId}`)).json().memberCount as number;
    const auditCount = async () => (await t.call(s, 'GET', '/api/audit?pageSize=1')).json().total as number;

    before(async () => {
      t = await startTestApp(engine);
      await t.addUser('clerk', [{ role: 'admin', orgId: null }]);
      s = await t.login('clerk');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(s, name, kind, parentId);
      province = await found('Đảng bộ tỉnh Bắc Ninh', 'province', null);
      wardA = await found('Đảng bộ phường Đông Ngàn', 'commune', province);
      wardB = await found('Đảng bộ phường Đình Bảng', 'commune', province);
      cellA = await found('Chi bộ Trùng Tên', 'cell', wardA);
      cellB = await found('Chi bộ Trùng Tên', 'cell', wardB);
      await t.call(s, 'POST', `/api/orgs/${cellA}/members`, { fullName: 'Lê Thị Có Thẻ', gender: 'female', birthDate: '1980-01-15', ethnicity: 'Kinh', religion: null, hometown: null, education: null, theoryLevel: null, admittedOn: '2010-05-20', officialOn: '2011-05-20', cardNumber: '80000001', position: null });
    });
    after(() => t.close());

    test('files that are not a member list are refused with their own code', async () => {
      const noSheet = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
      const cases: [string, () => Promise<{ statusCode: number; json(): any }>, number, string][] = [
        ['no file part', () => t.app.inject({ method: 'POST', url: `/api/orgs/${province}/members/import`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'multipart/form-data; boundary=b' }, payload: '--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n--b--\r\n' }), 400, 'FILE_REQUIRED'],
        ['a JSON body', () => t.call(s, 'POST', `/api/orgs/${province}/members/import`, { file: 'x' }), 400, 'FILE_REQUIRED'],
        ['an empty file', () => upload(province, Buffer.alloc(0)), 400, 'FILE_EMPTY'],
        ['a workbook without sheets', () => upload(province, noSheet), 400, 'FILE_EMPTY'],
        ['an empty sheet', async () => upload(province, await xlsxOf([])), 400, 'FILE_EMPTY'],
        ['not a spreadsheet', () => upload(province, Buffer.from('PK\u0003\u0004 not really a zip')), 400, 'FILE_NOT_XLSX'],
        ['over the size limit', () => upload(province, Buffer.alloc(IMPORT_MAX_BYTES + 1, 1)), 413, 'FILE_TOO_LARGE'],
      ];
      const auditBefore = await auditCount();
      for (const [what, send, status, code] of cases) {
        const r = await send();
        assert.equal(r.statusCode, status, `${what}: ${JSON.stringify(r.json())}`);
        assert.equal(r.json().error.code, code, what);
        assert.match(r.json().error.message, /[^\x00-\x7f]/, `${what}: a Vietnamese message`);
      }
      assert.equal(await auditCount(), auditBefore);
    });

    test('a header without rows, or without required columns, is reported on the header row', async () => {
      const headerOnly = await upload(province, await xlsxOf([['DANH SÁCH ĐẢNG VIÊN'], [], HEADER]));
      assert.equal(headerOnly.statusCode, 400);
      assert.deepEqual(headerOnly.json().error.details.map((d: { row: number; code: string }) => [d.row, d.code]), [[3, 'NO_ROWS']]);
      const missing = await upload(province, await xlsxOf([['Tiêu đề'], ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc']]));
      assert.deepEqual(missing.json().error.details.map((d: { row: number; column: string; code: string }) => [d.row, d.column, d.code]), [[2, 'Ngày vào Đảng', 'COLUMN_MISSING']]);
      const noHeader = await upload(province, await xlsxOf([['STT', 'Tên'], [1, 'An']]));
      assert.ok(noHeader.json().error.details.every((d: { row: number; code: string }) => d.row === 1 && d.code === 'COLUMN_MISSING'));
    });

    test('every rule of a row refuses the whole file, at its row and column', async () => {
      const cases: [Row, string, string][] = [
        [{ fullName: '' }, 'Họ và tên', 'REQUIRED'],
        [{ fullName: 'Nguyễn '.repeat(20) + 'An' }, 'Họ và tên', 'NAME_TOO_LONG'],
        [{ fullName: 'Nguyễn Văn 3' }, 'Họ và tên', 'NAME_INVALID'],
        [{ gender: 'Khác' }, 'Giới tính', 'GENDER_INVALID'],
        [{ birthDate: '' }, 'Ngày sinh', 'REQUIRED'],
        [{ birthDate: '31/02/1985' }, 'Ngày sinh', 'DATE_UNREADABLE'],
        [{ birthDate: '01/01/2027', admittedOn: '01/01/2026', officialOn: '' }, 'Ngày sinh', 'DATE_IN_FUTURE'],
        [{ birthDate: '01/01/1900', admittedOn: '01/01/1950' }, 'Ngày sinh', 'DATE_TOO_OLD'],
        [{ ethnicity: '' }, 'Dân tộc', 'REQUIRED'],
        [{ education: 'Giỏi' }, 'Trình độ chuyên môn', 'EDUCATION_INVALID'],
        [{ theoryLevel: 'Cao' }, 'Lý luận chính trị', 'THEORY_INVALID'],
        [{ admittedOn: '' }, 'Ngày vào Đảng', 'REQUIRED'],
        [{ admittedOn: '01/12/2026', officialOn: '' }, 'Ngày vào Đảng', 'DATE_IN_FUTURE'],
        [{ birthDate: '01/01/1907', admittedOn: '01/01/1929', officialOn: '' }, 'Ngày vào Đảng', 'DATE_BEFORE_PARTY'],
        [{ admittedOn: '20/05/2000', officialOn: '' }, 'Ngày vào Đảng', 'ADMITTED_UNDER_AGE'],
        [{ officialOn: '20/05/2027' }, 'Ngày chính thức', 'DATE_IN_FUTURE'],
        [{ officialOn: '01/01/2011' }, 'Ngày chính thức', 'PROBATION_TOO_SHORT'],
        [{ officialOn: 'năm ngoái' }, 'Ngày chính thức', 'DATE_UNREADABLE'],
        [{ cardNumber: '12AB' }, 'Số thẻ đảng viên', 'CARD_INVALID'],
        [{ cardNumber: '80000001' }, 'Số thẻ đảng viên', 'CARD_EXISTS'],
        [{ orgName: 'Chi bộ Không Có' }, 'Chi bộ', 'UNIT_UNKNOWN'],
        [{ orgName: 'Chi bộ Trùng Tên' }, 'Chi bộ', 'UNIT_AMBIGUOUS'],
      ];
      const before = await total(province);
      const auditBefore = await auditCount();
      for (const [change, column, code] of cases) {
        // the bad row sits between two good ones, under a title row: it is row 4 of the sheet
        const r = await upload(province, await xlsxOf([['DANH SÁCH'], HEADER, row(), row(change), row()]));
        assert.equal(r.statusCode, 400, `${code}: ${r.body}`);
        assert.equal(r.json().error.code, 'IMPORT_INVALID');
        assert.deepEqual(r.json().error.details.map((d: { row: number; column: string; code: string }) => [d.row, d.column, d.code]), [[4, column, code]], JSON.stringify(change));
        assert.match(r.json().error.details[0].message, /[^\x00-\x7f]/);
      }
      const dup = await upload(province, await xlsxOf([HEADER, row({ cardNumber: '82000001' }), row(), row({ cardNumber: '82000001' })]));
      assert.deepEqual(dup.json().error.details.map((d: { row: number; code: string }) => [d.row, d.code]), [[4, 'CARD_DUPLICATE_IN_FILE']]);
      assert.equal(await total(province), before, 'no bad file wrote a member');
      assert.equal(await auditCount(), auditBefore);
    });

    test('a chi bộ name two units share is refused with both, and imported once its parent is written', async () => {
      const ambiguous = await upload(province, await xlsxOf([HEADER, row({ fullName: 'Trần Thị Trùng', orgName: 'Chi bộ Trùng Tên' })]));
      assert.equal(ambiguous.statusCode, 400);
      const [problem] = ambiguous.json().error.details;
      assert.equal(problem.code, 'UNIT_AMBIGUOUS');
      assert.match(problem.message, /Chi bộ Trùng Tên \/ Đảng bộ phường Đông Ngàn/);
      assert.match(problem.message, /Chi bộ Trùng Tên \/ Đảng bộ phường Đình Bảng/);
      const [a, b] = [await total(cellA), await total(cellB)];
      const ok = await upload(province, await xlsxOf([HEADER, row({ fullName: 'Trần Thị Trùng', orgName: 'Chi bộ Trùng Tên / Đảng bộ phường Đình Bảng' }), row({ fullName: 'Võ Văn Rõ', orgName: 'chi bo trung ten / dang bo phuong dong ngan' })]), 'tach-ro.xlsx');
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([await total(cellA), await total(cellB)], [a + 1, b + 1]);
      // within one ward the name is unique: the bare name is enough there
      assert.equal((await upload(wardB, await xlsxOf([HEADER, row({ fullName: 'Đinh Văn Gọn', orgName: 'Chi bộ Trùng Tên' })]))).statusCode, 200);
      assert.equal(await total(cellB), b + 2);

      // the audit entry names every member the import added, and where
      const entry = (await t.call(s, 'GET', '/api/audit?pageSize=5&entity=organization')).json().items.find((x: { action: string; after: { file: string } }) => x.action === 'member.import' && x.after.file === 'tach-ro.xlsx');
      assert.equal(entry.after.rows, 2);
      const added = entry.after.members as { id: number; orgId: number; fullName: string; row: number }[];
      assert.deepEqual(added.map((m) => [m.fullName, m.orgId, m.row]), [['Trần Thị Trùng', cellB, 2], ['Võ Văn Rõ', cellA, 3]]);
      for (const m of added) assert.equal((await t.call(s, 'GET', `/api/members/${m.id}`)).json().fullName, m.fullName);
    });

    test('an export of a subtree where names repeat is imported back as it was written', async () => {
      const x = await t.call(s, 'GET', `/api/orgs/${province}/members.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const units = new Set<string>();
      wb.worksheets[0].eachRow((r, n) => n > 1 && units.add(String(r.getCell(HEADER.length + 1).value)));
      assert.ok(units.has('Chi bộ Trùng Tên / Đảng bộ phường Đình Bảng'), [...units].join(' | '));
      const again = await upload(province, Buffer.from(x.rawPayload));
      assert.ok(again.json().error.details.every((d: { code: string }) => d.code === 'CARD_EXISTS'), 'only the card numbers clash, no unit is unknown or ambiguous');
    });
  });
}
