import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkinUndoProblem, replacementLockProblem, type DelegateChange, type RecordedDelegate } from './congress.delegate-changes.rules.js';

const official: RecordedDelegate = { class: 'official', unitOrgId: 7, status: 'active', replacesDelegateId: null };
const replaced: RecordedDelegate = { ...official, status: 'replaced' };
const standingIn: RecordedDelegate = { class: 'alternate', unitOrgId: 7, status: 'active', replacesDelegateId: 1 };
const spare: RecordedDelegate = { ...standingIn, replacesDelegateId: null };

test('replacementLockProblem: either side of a recorded replacement keeps its class and unit and is not withdrawn', () => {
  const cases: [string, RecordedDelegate, DelegateChange, string][] = [
    ['free official, anything', official, { class: 'alternate', unitOrgId: 8, withdrawn: true }, 'ok'],
    ['spare alternate, made official', spare, { class: 'official' }, 'ok'],
    ['replaced official withdrawn', replaced, { withdrawn: true }, 'REPLACEMENT_RECORDED'],
    ['replaced official made alternate', replaced, { class: 'alternate' }, 'REPLACEMENT_RECORDED'],
    ['replaced official moved to another unit', replaced, { unitOrgId: 8 }, 'REPLACEMENT_RECORDED'],
    ['replaced official moved to no unit', replaced, { unitOrgId: null }, 'REPLACEMENT_RECORDED'],
    ['standing-in alternate made official (counted twice)', standingIn, { class: 'official' }, 'REPLACEMENT_RECORDED'],
    ['standing-in alternate withdrawn (the official replaced by nobody)', standingIn, { withdrawn: true }, 'REPLACEMENT_RECORDED'],
    ['standing-in alternate moved', standingIn, { unitOrgId: 9 }, 'REPLACEMENT_RECORDED'],
    ['replaced official, the same class and unit sent again', replaced, { class: 'official', unitOrgId: 7, withdrawn: false }, 'ok'],
    ['standing-in alternate, the note or rank only', standingIn, {}, 'ok'],
    ['standing-in alternate, reinstated (withdrawn: false)', standingIn, { withdrawn: false }, 'ok'],
  ];
  for (const [name, d, change, expected] of cases) assert.equal(replacementLockProblem(d, change)?.code ?? 'ok', expected, name);
  assert.match(replacementLockProblem(replaced, { withdrawn: true })!.message, /hủy việc thay thế/);
});

test('checkinUndoProblem: a check-in is undone only when there is one and the delegate has not voted', () => {
  assert.equal(checkinUndoProblem(true, false), null);
  assert.equal(checkinUndoProblem(true, true)?.code, 'DELEGATE_HAS_VOTED');
  assert.equal(checkinUndoProblem(false, false)?.code, 'NOT_CHECKED_IN');
  assert.equal(checkinUndoProblem(false, true)?.code, 'NOT_CHECKED_IN');
});
