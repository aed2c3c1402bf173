import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDelegateRows, type RegistryMember } from './congress.import.js';

const registry: RegistryMember[] = [
  { id: 1, fullName: 'Nguyễn Văn An', cardNumber: '11112222', birthDate: '1980-01-15' },
  { id: 2, fullName: 'Trần Thị Bình', cardNumber: null, birthDate: '1985-03-01' },
  { id: 3, fullName: 'Lê Văn Cường', cardNumber: null, birthDate: '1970-05-05' },
  { id: 4, fullName: 'Lê Văn Cường', cardNumber: null, birthDate: '1990-09-09' },
];
const header = { number: 3, cells: ['STT', 'Họ và tên', 'Số thẻ đảng viên', 'Ngày sinh', 'Loại đại biểu', 'Thành phần', 'Thứ tự', 'Ghi chú'] };
const title = { number: 1, cells: ['DANH SÁCH ĐẠI BIỂU', null] };

test('delegates are found by card number, by name, or by name and birth date; words map to categories', () => {
  const r = parseDelegateRows(
    [
      title,
      header,
      { number: 4, cells: [1, 'Nguyễn Văn An', '1111 2222', null, 'Chính thức', 'Đương nhiên', null, null] },
      { number: 5, cells: [2, 'tran thi binh', null, null, 'Dự khuyết', 'Bầu', 1, 'Đang xem xét kỷ luật'] },
      { number: 6, cells: [3, 'Lê Văn Cường', null, '09/09/1990', null, null, null, null] },
      { number: 7, cells: [null, null, null, null, null, null, null, null] },
    ],
    registry,
  );
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.picks, [
    { memberId: 1, class: 'official', origin: 'ex_officio', rank: null, eligibilityNote: null },
    { memberId: 2, class: 'alternate', origin: 'elected', rank: 1, eligibilityNote: 'Đang xem xét kỷ luật' },
    { memberId: 4, class: 'official', origin: 'elected', rank: null, eligibilityNote: null },
  ]);
});

test('every problem is reported with its row', () => {
  const r = parseDelegateRows(
    [
      header,
      { number: 4, cells: [1, 'Nguyễn Văn Bê', '11112222', null, null, null, null, null] },
      { number: 5, cells: [2, 'Lê Văn Cường', null, null, null, null, null, null] },
      { number: 6, cells: [3, 'Phạm Văn Vắng', null, null, null, null, null, null] },
      { number: 7, cells: [4, 'Trần Thị Bình', null, null, 'khách mời', 'tự ứng cử', 'hai', null] },
      { number: 8, cells: [5, 'Nguyễn Văn An', '99999999', null, null, null, null, null] },
    ],
    registry,
  );
  assert.deepEqual(r.problems.map((p) => `${p.row}:${p.field}`), ['4:name', '5:name', '6:name', '7:class', '7:origin', '7:rank', '8:card']);
  assert.match(r.problems[1].message, /có 2 đảng viên tên Lê Văn Cường/);
  assert.equal(parseDelegateRows([{ number: 1, cells: ['x'] }], registry).problems[0].field, 'header');
  assert.equal(parseDelegateRows([header], registry).problems[0].field, 'rows');
});
