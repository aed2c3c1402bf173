import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, earliestOfficialDate, hasServedProbation, isIsoDate, isOldEnoughForAdmission, isProbationary, validateMemberProfile, yearsBetween, type MemberProfile } from './members.rules.js';

const today = '2026-11-20';
const good: MemberProfile = {
  fullName: 'Nguyễn Thị Hương',
  gender: 'female',
  birthDate: '1975-04-12',
  ethnicity: 'Kinh',
  religion: null,
  hometown: 'Bắc Ninh',
  education: 'master',
  theoryLevel: 'advanced',
  admittedOn: '1998-05-19',
  officialOn: '1999-05-19',
  cardNumber: '12345678',
  position: 'Bí thư',
};
const codes = (p: Partial<MemberProfile>) => validateMemberProfile({ ...good, ...p }, today).map((x) => `${x.field}:${x.code}`);

test('dates: calendar validity, month arithmetic, whole years', () => {
  assert.ok(isIsoDate('2024-02-29'));
  assert.ok(!isIsoDate('2025-02-29'));
  assert.ok(!isIsoDate('2025-13-01'));
  assert.ok(!isIsoDate('17/08/2025'));
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2024-05-19', 12), '2025-05-19');
  assert.equal(yearsBetween('2000-06-15', '2018-06-14'), 17);
  assert.equal(yearsBetween('2000-06-15', '2018-06-15'), 18);
});

test('a valid profile has no problem', () => {
  assert.deepEqual(codes({}), []);
});

test('every profile rule, one field at a time', () => {
  assert.deepEqual(codes({ fullName: '  ' }), ['fullName:NAME_REQUIRED']);
  assert.deepEqual(codes({ fullName: 'x'.repeat(101) }), ['fullName:NAME_TOO_LONG']);
  assert.deepEqual(codes({ fullName: 'Nguyễn =cmd' }), ['fullName:NAME_INVALID']);
  assert.deepEqual(codes({ gender: 'other' as never }), ['gender:GENDER_INVALID']);
  assert.deepEqual(codes({ birthDate: '1975-02-30' }), ['birthDate:DATE_INVALID']);
  assert.deepEqual(codes({ birthDate: '2027-01-01', admittedOn: '2026-01-01', officialOn: null }), ['birthDate:DATE_IN_FUTURE'], 'no age is judged from a birth date in the future');
  assert.deepEqual(codes({ birthDate: '1900-01-01' }), ['birthDate:DATE_TOO_OLD']);
  assert.deepEqual(codes({ birthDate: '1975-02-30', admittedOn: '1980-01-01', officialOn: null }), ['birthDate:DATE_INVALID'], 'nor from a day that does not exist');
  assert.deepEqual(codes({ ethnicity: ' ' }), ['ethnicity:ETHNICITY_REQUIRED']);
  assert.deepEqual(codes({ education: 'phd' as never }), ['education:EDUCATION_INVALID']);
  assert.deepEqual(codes({ theoryLevel: 'x' as never }), ['theoryLevel:THEORY_INVALID']);
  assert.deepEqual(codes({ admittedOn: 'soon', officialOn: null }), ['admittedOn:DATE_INVALID']);
  assert.deepEqual(codes({ admittedOn: '2027-01-01', officialOn: null }), ['admittedOn:DATE_IN_FUTURE']);
  assert.deepEqual(codes({ admittedOn: '1929-12-31', birthDate: '1900-01-01' }).filter((c) => c.startsWith('admitted')), ['admittedOn:DATE_BEFORE_PARTY']);
  assert.deepEqual(codes({ admittedOn: '1993-04-11', officialOn: null }), ['admittedOn:ADMITTED_UNDER_AGE'], 'one day before the 18th birthday');
  assert.deepEqual(codes({ admittedOn: '1993-04-12', officialOn: null }), [], 'on the 18th birthday');
  assert.deepEqual(codes({ officialOn: '1999-05-18' }), ['officialOn:PROBATION_TOO_SHORT'], 'twelve months less a day');
  assert.deepEqual(codes({ officialOn: '2027-01-01' }), ['officialOn:DATE_IN_FUTURE']);
  assert.deepEqual(codes({ officialOn: '1999-02-31' }), ['officialOn:DATE_INVALID']);
  assert.deepEqual(codes({ cardNumber: '12ab' }), ['cardNumber:CARD_INVALID']);
});

test('all problems are reported together', () => {
  assert.equal(codes({ fullName: '', gender: 'x' as never, birthDate: 'bad', ethnicity: '' }).length, 4);
});

test('probation lasts twelve months; probationary until made official', () => {
  assert.equal(earliestOfficialDate('2025-08-31'), '2026-08-31');
  assert.ok(isProbationary({ officialOn: null }, today));
  assert.ok(isProbationary({ officialOn: '2026-12-01' }, today));
  assert.ok(!isProbationary({ officialOn: '2026-11-20' }, today));
});

test('minimum age at admission (Điều lệ Đảng art. 1): 18 full years, leap days included', () => {
  const cases: [string, string, boolean][] = [
    ['2000-06-15', '2018-06-14', false],
    ['2000-06-15', '2018-06-15', true],
    ['2000-06-15', '2030-01-01', true],
    ['2000-02-29', '2018-02-28', false],
    ['2000-02-29', '2018-03-01', true],
    ['2000-12-31', '2018-12-30', false],
    ['2000-12-31', '2019-01-01', true],
    ['2000-01-01', '2000-01-01', false],
  ];
  for (const [birth, admitted, ok] of cases) assert.equal(isOldEnoughForAdmission(birth, admitted), ok, `${birth} → ${admitted}`);
});

test('probation (Điều lệ Đảng art. 5): official no earlier than twelve months after admission', () => {
  const cases: [string, string, boolean][] = [
    ['2024-05-19', '2025-05-18', false],
    ['2024-05-19', '2025-05-19', true],
    ['2024-05-19', '2030-01-01', true],
    ['2024-01-31', '2025-01-30', false],
    ['2024-02-29', '2025-02-28', true],
    ['2024-02-29', '2025-02-27', false],
    ['2024-05-19', '2024-05-19', false],
  ];
  for (const [admitted, official, ok] of cases) assert.equal(hasServedProbation(admitted, official), ok, `${admitted} → ${official}`);
});
