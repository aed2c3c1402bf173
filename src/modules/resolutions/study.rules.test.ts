import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { attendanceColumns, canRecordAttendance, matchAttendanceRows, rollUpStudy, studyCoverage, validateSession } from './study.rules.js';

describe('study coverage', () => {
  it('is the share of members who studied, with the 100% target met only when everyone did', () => {
    assert.deepEqual(studyCoverage({ members: 20, studied: 20 }), { members: 20, studied: 20, share: 1, status: 'met' });
    assert.deepEqual(studyCoverage({ members: 20, studied: 19 }), { members: 20, studied: 19, share: 0.95, status: 'not_met' });
    assert.deepEqual(studyCoverage({ members: 20, studied: 0 }), { members: 20, studied: 0, share: 0, status: 'not_met' });
  });
  it('has no share for a unit without members', () => {
    assert.deepEqual(studyCoverage({ members: 0, studied: 0 }), { members: 0, studied: 0, share: null, status: 'no_members' });
  });
  it('rolls counts up over a subtree', () => {
    // ward 1 ← cells 2, 3; cell 3 ← group 4
    const totals = rollUpStudy([
      { id: 1, parentId: null, direct: { members: 2, studied: 2 } },
      { id: 2, parentId: 1, direct: { members: 10, studied: 10 } },
      { id: 3, parentId: 1, direct: { members: 5, studied: 3 } },
      { id: 4, parentId: 3, direct: { members: 4, studied: 1 } },
    ]);
    assert.deepEqual(totals.get(1), { members: 21, studied: 16 });
    assert.deepEqual(totals.get(2), { members: 10, studied: 10 });
    assert.deepEqual(totals.get(3), { members: 9, studied: 4 });
    assert.deepEqual(totals.get(4), { members: 4, studied: 1 });
    assert.equal(studyCoverage(totals.get(2)!).status, 'met');
    assert.equal(studyCoverage(totals.get(1)!).status, 'not_met');
  });
  it('treats the top of the given set as the root even when it has a parent outside it', () => {
    const totals = rollUpStudy([
      { id: 7, parentId: 99, direct: { members: 3, studied: 1 } },
      { id: 8, parentId: 7, direct: { members: 1, studied: 1 } },
    ]);
    assert.deepEqual(totals.get(7), { members: 4, studied: 2 });
  });
});

describe('study sessions', () => {
  it('are held after adoption, somewhere, in a known form', () => {
    assert.deepEqual(validateSession({ heldOn: '2025-09-10', place: 'Hội trường phường', form: 'in_person' }, '2025-07-26'), []);
    const codes = validateSession({ heldOn: '2025-07-01', place: ' ', form: 'by_post' }, '2025-07-26').map((p) => p.code);
    assert.deepEqual(codes, ['BEFORE_ADOPTION', 'PLACE_REQUIRED', 'FORM_INVALID']);
    assert.deepEqual(validateSession({ heldOn: '2025-02-30', place: 'x', form: 'online' }, '2025-01-01').map((p) => p.code), ['DATE_INVALID']);
  });
  it('take attendance once they have been held', () => {
    assert.equal(canRecordAttendance('2025-09-10', '2025-09-10'), true);
    assert.equal(canRecordAttendance('2025-09-11', '2025-09-10'), false);
  });
});

describe('attendance list', () => {
  const roster = [
    { id: 1, fullName: 'Nguyễn Văn An', cardNumber: '01234567' },
    { id: 2, fullName: 'Trần Thị Bình', cardNumber: null },
    { id: 3, fullName: 'Lê Văn Cường', cardNumber: '07654321' },
    { id: 4, fullName: 'Lê Văn Cường', cardNumber: null },
  ];
  it('finds the name and card columns whatever their spelling', () => {
    assert.deepEqual(attendanceColumns(['STT', 'Họ và tên*', 'Số thẻ đảng viên']), { name: 1, card: 2 });
    assert.deepEqual(attendanceColumns(['TT', 'HỌ TÊN']), { name: 1, card: null });
    assert.equal(attendanceColumns(['STT', 'Ghi chú']), null);
  });
  it('matches by card, else by a name that is unique, and skips blank rows', () => {
    const r = matchAttendanceRows(
      [
        { number: 2, cells: [1, 'Nguyen Van An', '01234567'] },
        { number: 3, cells: [2, 'trần thị bình', null] },
        { number: 4, cells: [3, null, null] },
        { number: 5, cells: [4, 'Lê Văn Cường', '07654321'] },
      ],
      { name: 1, card: 2 },
      roster,
    );
    assert.deepEqual(r, { memberIds: [1, 2, 3], problems: [] });
  });
  it('reports every bad row at once', () => {
    const r = matchAttendanceRows(
      [
        { number: 2, cells: ['Lê Văn Cường', null] },
        { number: 3, cells: ['Phạm Văn Không', null] },
        { number: 4, cells: [null, '99999999'] },
        { number: 5, cells: ['Trần Thị Bình', '01234567'] },
        { number: 6, cells: ['Nguyễn Văn An', '01234567'] },
        { number: 7, cells: ['Nguyễn Văn An', null] },
      ],
      { name: 0, card: 1 },
      roster,
    );
    assert.deepEqual(
      r.problems.map((p) => [p.row, p.code]),
      [
        [2, 'NAME_AMBIGUOUS'],
        [3, 'NAME_NOT_FOUND'],
        [4, 'CARD_NOT_FOUND'],
        [5, 'NAME_MISMATCH'],
        [7, 'DUPLICATE_ROW'],
      ],
    );
    assert.deepEqual(r.memberIds, [1]);
  });
});
