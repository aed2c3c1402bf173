import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, earliestOfficialDate, isIsoDate, isProbationary, validateMemberProfile, yearsBetween, type MemberProfile } from './members.rules.js';

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
  assert.deepEqual(codes({ birthDate: '2027-01-01', admittedOn: '2026-01-01', officialOn: null }).slice(0, 1), ['birthDate:DATE_IN_FUTURE']);
  assert.deepEqual(codes({ birthDate: '1900-01-01' }), ['birthDate:DATE_TOO_OLD']);
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
