import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapHeaders, memberToCells, neutraliseFormula, parseDateCell, parseMemberRows, resolveUnit, unitDirectory, type Cell } from './members.import.js';

const header = ['STT', 'Họ và tên*', 'Giới tính*', 'Ngày sinh*', 'Dân tộc*', 'Tôn giáo', 'Quê quán', 'Trình độ chuyên môn', 'Lý luận chính trị', 'Ngày vào Đảng*', 'Ngày chính thức', 'Số thẻ đảng viên', 'Chức vụ', 'Chi bộ'];
const ctx = { today: '2026-11-20', existingCards: new Set(['99999999']), units: unitDirectory([{ id: 7, name: 'Chi bộ Khu phố 1', parentName: 'Đảng bộ phường Từ Sơn' }]) };
const row = (over: Partial<Record<string, Cell>> = {}): Cell[] => {
  const base: Record<string, Cell> = {
    STT: 1,
    name: 'Trần Văn Bình',
    gender: 'Nam',
    birth: '15/03/1985',
    ethnicity: 'Kinh',
    religion: 'Không',
    hometown: 'Từ Sơn',
    education: 'Đại học',
    theory: 'Trung cấp',
    admitted: '20/05/2010',
    official: '20/05/2011',
    card: '01234567',
    position: '',
    unit: 'Chi bộ Khu phố 1',
    ...over,
  };
  return Object.values(base);
};
const parse = (rows: Cell[][]) => parseMemberRows(rows.map((cells, i) => ({ number: i + 2, cells })), mapHeaders(header, 1), ctx);

test('dates in the forms clerks type, and Excel serials', () => {
  assert.equal(parseDateCell('17/08/1980'), '1980-08-17');
  assert.equal(parseDateCell('7/8/1980'), '1980-08-07');
  assert.equal(parseDateCell('17-08-1980'), '1980-08-17');
  assert.equal(parseDateCell('17.08.1980'), '1980-08-17');
  assert.equal(parseDateCell('1980-08-17'), '1980-08-17');
  assert.equal(parseDateCell(29450), '1980-08-17');
  assert.equal(parseDateCell(new Date(Date.UTC(1980, 7, 17))), '1980-08-17');
  assert.equal(parseDateCell('31/02/1980'), null);
  assert.equal(parseDateCell('08/17/1980'), null, 'month-first is not read as a date');
  assert.equal(parseDateCell('hôm qua'), null);
});

test('headers are found by name, unaccented and with aliases; missing required columns are reported', () => {
  const h = mapHeaders(['ho ten', 'GIỚI TÍNH', 'Ngày tháng năm sinh', 'Dân tộc', 'Ngày kết nạp'], 1);
  assert.deepEqual([...h.columns.values()], ['fullName', 'gender', 'birthDate', 'ethnicity', 'admittedOn']);
  assert.equal(h.problems.length, 0);
  const missing = mapHeaders(['Họ và tên', 'Giới tính'], 3);
  assert.deepEqual(missing.problems.map((p) => p.column), ['Ngày sinh', 'Dân tộc', 'Ngày vào Đảng']);
  assert.ok(missing.problems.every((p) => p.row === 3 && p.code === 'COLUMN_MISSING'));
});

test('a good row becomes a profile with codes', () => {
  const r = parse([row()]);
  assert.deepEqual(r.problems, []);
  assert.equal(r.members.length, 1);
  const m = r.members[0];
  assert.equal(m.orgId, 7);
  assert.deepEqual(m.profile, {
    fullName: 'Trần Văn Bình',
    gender: 'male',
    birthDate: '1985-03-15',
    ethnicity: 'Kinh',
    religion: null,
    hometown: 'Từ Sơn',
    education: 'bachelor',
    theoryLevel: 'intermediate',
    admittedOn: '2010-05-20',
    officialOn: '2011-05-20',
    cardNumber: '01234567',
    position: null,
  });
});

test('every bad cell of every row is reported at once, with row and column', () => {
  const r = parse([
    row({ name: '' }),
    row({ gender: 'Khác', card: '11111111' }),
    row({ birth: '32/01/1985', card: '22222222' }),
    row({ education: 'Giỏi', theory: 'Cao', card: '33333333' }),
    row({ card: '99999999' }),
    row({ unit: 'Chi bộ không có', card: '44444444' }),
    row({ admitted: '20/05/2000', official: null, card: '55555555' }),
    row({ official: '01/01/2011', card: '66666666' }),
    row({ card: '01234567' }),
    row({ card: '01234567' }),
    row({ ethnicity: '', card: '77777777' }),
  ]);
  const got = r.problems.map((p) => `${p.row}|${p.column}|${p.code}`);
  assert.deepEqual(got, [
    '2|Họ và tên|REQUIRED',
    '3|Giới tính|GENDER_INVALID',
    '4|Ngày sinh|DATE_UNREADABLE',
    '5|Trình độ chuyên môn|EDUCATION_INVALID',
    '5|Lý luận chính trị|THEORY_INVALID',
    '6|Số thẻ đảng viên|CARD_EXISTS',
    '7|Chi bộ|UNIT_UNKNOWN',
    '8|Ngày vào Đảng|ADMITTED_UNDER_AGE',
    '9|Ngày chính thức|PROBATION_TOO_SHORT',
    '10|Số thẻ đảng viên|CARD_DUPLICATE_IN_FILE', // same card as row 2, which has its own problem
    '11|Số thẻ đảng viên|CARD_DUPLICATE_IN_FILE',
    '12|Dân tộc|REQUIRED',
  ]);
  assert.ok(r.problems.every((p) => p.message.length > 10 && /[^\x00-\x7f]/.test(p.message)), 'messages are Vietnamese sentences');
});

test('blank rows are skipped; a file without data rows is refused', () => {
  assert.equal(parse([row(), Array(14).fill(null)]).members.length, 1);
  const empty = parse([Array(14).fill('')]);
  assert.deepEqual(empty.problems.map((p) => [p.row, p.code]), [[1, 'NO_ROWS']], 'reported on the header row');
  const lowHeader = parseMemberRows([], mapHeaders(header, 4), ctx);
  assert.deepEqual(lowHeader.problems.map((p) => [p.row, p.code]), [[4, 'NO_ROWS']]);
  assert.match(lowHeader.problems[0].message, /dòng 4/);
});

test('the "Chi bộ" column names one unit; a name several units share is refused with the candidates, and the parent resolves it', () => {
  const units = unitDirectory([
    { id: 1, name: 'Chi bộ Trùng Tên', parentName: 'Đảng bộ phường Đông Ngàn' },
    { id: 2, name: 'Chi bộ Trùng Tên', parentName: 'Đảng bộ phường Đình Bảng' },
    { id: 3, name: 'Chi bộ Riêng', parentName: 'Đảng bộ phường Đông Ngàn' },
    { id: 4, name: 'Chi bộ Khu 1/5', parentName: null },
  ]);
  const pick = (written: string) => {
    const r = resolveUnit(written, units);
    return 'unit' in r ? r.unit.id : r.code;
  };
  assert.equal(pick('Chi bộ Riêng'), 3);
  assert.equal(pick('chi bo rieng'), 3, 'unaccented, any case');
  assert.equal(pick('Chi bộ Trùng Tên'), 'UNIT_AMBIGUOUS');
  assert.equal(pick('Chi bộ Trùng Tên / Đảng bộ phường Đình Bảng'), 2);
  assert.equal(pick('chi bo trung ten/dang bo phuong dong ngan'), 1);
  assert.equal(pick('Chi bộ Trùng Tên / Đảng bộ phường Khác'), 'UNIT_UNKNOWN');
  assert.equal(pick('Chi bộ Khu 1/5'), 4, 'a slash inside a real name is the name');
  assert.equal(pick('Chi bộ Không Có'), 'UNIT_UNKNOWN');
  const ambiguous = resolveUnit('Chi bộ Trùng Tên', units);
  assert.ok('message' in ambiguous);
  assert.match(ambiguous.message, /"Chi bộ Trùng Tên \/ Đảng bộ phường Đông Ngàn", "Chi bộ Trùng Tên \/ Đảng bộ phường Đình Bảng"/);
  const rows = parseMemberRows([{ number: 2, cells: row({ unit: 'Chi bộ Trùng Tên' }) }], mapHeaders(header, 1), { ...ctx, units });
  assert.deepEqual(rows.problems.map((p) => `${p.row}|${p.column}|${p.code}`), ['2|Chi bộ|UNIT_AMBIGUOUS']);
  assert.equal(rows.members.length, 0);
});

test('export cells round-trip through the importer', () => {
  const first = parse([row()]).members[0];
  const cells = memberToCells({ ...first.profile, orgName: 'Chi bộ Khu phố 1' });
  const back = parseMemberRows([{ number: 2, cells: [null, ...header.slice(1).map((_, i) => Object.values(cells)[i])] }], mapHeaders(header, 1), { ...ctx, existingCards: new Set() });
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.members[0].profile, first.profile);
});

test('formula injection is neutralised', () => {
  for (const s of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutraliseFormula(s)[0], "'");
  assert.equal(neutraliseFormula('Nguyễn Văn A'), 'Nguyễn Văn A');
});
