import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicateAppointee, personKey, singleAppointeeProblem, type Appointee } from './appointments.rules.js';

// RULES.md "Appointed committees (chỉ định)": "Record: decision number (e.g. 2314-QĐ/TU), date, issuing body, members."
const RULE = 'Record: decision number (e.g. 2314-QĐ/TU), date, issuing body, members';
const typed = (body: Appointee['body'], fullName: string): Appointee => ({ body, memberId: null, fullName });

test('personKey: the same member, or the same name whatever its case and spacing', () => {
  assert.equal(personKey(12, 'Nguyễn Văn An'), personKey(12, 'another spelling'));
  assert.equal(personKey(null, ' Nguyễn  Văn An '), personKey(null, 'NGUYỄN VĂN AN'));
  // composed and decomposed Vietnamese letters are one name
  assert.equal(personKey(null, 'Nguyễn Văn An'.normalize('NFD')), personKey(null, 'Nguyễn Văn An'));
  assert.notEqual(personKey(null, 'Nguyễn Văn An'), personKey(null, 'Nguyễn Văn Anh'));
  assert.notEqual(personKey(12, 'Nguyễn Văn An'), personKey(null, 'Nguyễn Văn An'));
});

test(`an appointment decision names each member of a body once ("${RULE}")`, () => {
  const cases: [string, Appointee[], string][] = [
    ['a committee of three', [typed('executive_committee', 'A B'), typed('executive_committee', 'C D'), typed('executive_committee', 'E F')], 'ok'],
    ['the same name twice in the committee', [typed('executive_committee', 'A B'), typed('executive_committee', 'C D'), typed('executive_committee', ' a  b')], 'APPOINTEE_DUPLICATE'],
    ['the same member twice', [{ body: 'standing_committee', memberId: 5, fullName: 'A B' }, { body: 'standing_committee', memberId: 5, fullName: 'A B' }], 'APPOINTEE_DUPLICATE'],
    // one person sits in several bodies: the committee, its standing committee, the secretary
    ['one person in several bodies', [typed('executive_committee', 'A B'), typed('standing_committee', 'A B'), typed('secretary', 'A B')], 'ok'],
    ['two deputies of the same name', [typed('deputy_secretaries', 'A B'), typed('deputy_secretaries', 'A B')], 'APPOINTEE_DUPLICATE'],
  ];
  for (const [name, members, code] of cases) assert.equal(duplicateAppointee(members)?.code ?? 'ok', code, name);
  const why = duplicateAppointee([typed('executive_committee', 'Nguyễn Văn An'), typed('executive_committee', 'nguyễn văn an')])!;
  assert.match(why.message, /Nguyễn Văn An có tên hai lần trong Ban Chấp hành/);
  assert.deepEqual(why.details, { body: 'executive_committee', fullName: 'Nguyễn Văn An' });
});

test('an appointment decision has one secretary and one chair of the inspection committee', () => {
  assert.equal(singleAppointeeProblem([typed('secretary', 'A B'), typed('inspection_chair', 'C D')]), null);
  assert.equal(singleAppointeeProblem([typed('secretary', 'A B'), typed('secretary', 'C D')])?.code, 'APPOINTEE_SINGLE_SEAT');
  assert.match(singleAppointeeProblem([typed('inspection_chair', 'A B'), typed('inspection_chair', 'C D')])!.message, /một chủ nhiệm/);
});
