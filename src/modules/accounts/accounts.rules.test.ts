import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedSubtrees, generatePassword, grantCovers, hashPassword, isAllowed, passwordProblem, verifyPassword, type Grant } from './accounts.rules.js';

const g = (role: Grant['role'], orgPath: string | null): Grant => ({ role, orgId: orgPath ? Number(orgPath.split('/').at(-2)) : null, orgPath });

test('passwords: scrypt with per-user salt, verified in constant time', () => {
  const a = hashPassword('mật-khẩu-dài-đủ');
  const b = hashPassword('mật-khẩu-dài-đủ');
  assert.notEqual(a, b, 'two hashes of one password differ by salt');
  assert.ok(verifyPassword('mật-khẩu-dài-đủ', a));
  assert.ok(verifyPassword('mật-khẩu-dài-đủ'.normalize('NFD'), a), 'composed and decomposed Vietnamese letters match');
  assert.ok(!verifyPassword('mat-khau-dai-du', a));
  assert.ok(!verifyPassword('x', 'not-a-hash'));
});

test('password policy and generated passwords', () => {
  assert.ok(passwordProblem('short'));
  assert.ok(passwordProblem('aaaaaaaaaaaa'));
  assert.equal(passwordProblem('mot-mat-khau-tot'), null);
  const p = generatePassword();
  assert.equal(p.length, 16);
  assert.equal(passwordProblem(p), null);
  assert.notEqual(generatePassword(), p);
});

test('a grant covers its subtree only', () => {
  assert.ok(grantCovers(g('office', '/1/5/'), '/1/5/'));
  assert.ok(grantCovers(g('office', '/1/5/'), '/1/5/9/'));
  assert.ok(!grantCovers(g('office', '/1/5/'), '/1/50/'));
  assert.ok(!grantCovers(g('office', '/1/5/'), '/1/'));
  assert.ok(!grantCovers(g('office', '/1/5/'), null), 'a subtree grant never covers a system-wide action');
  assert.ok(grantCovers(g('admin', null), '/7/'));
});

test('the role matrix', () => {
  const office = [g('office', '/1/5/')];
  const viewer = [g('viewer', '/1/')];
  assert.ok(isAllowed(office, 'member.manage', '/1/5/9/'));
  assert.ok(!isAllowed(office, 'member.manage', '/1/6/'));
  assert.ok(!isAllowed(office, 'audit.read', '/1/5/'));
  assert.ok(!isAllowed(office, 'user.manage', null));
  assert.ok(isAllowed(viewer, 'member.read', '/1/5/9/'));
  assert.ok(!isAllowed(viewer, 'member.manage', '/1/5/9/'));
  assert.ok(isAllowed([g('admin', null)], 'user.manage', null));
  assert.ok(!isAllowed([g('admin', '/1/')], 'user.manage', null), 'an admin of a subtree does not manage accounts');
  assert.ok(isAllowed([g('admin', '/1/')], 'audit.read', '/1/3/'));
});

test('allowed subtrees: nested grants collapse to the outer one', () => {
  assert.equal(allowedSubtrees([g('admin', null)], 'org.read'), 'all');
  assert.deepEqual(allowedSubtrees([g('viewer', '/1/5/'), g('office', '/1/'), g('viewer', '/2/')], 'org.read'), ['/1/', '/2/']);
  assert.deepEqual(allowedSubtrees([g('viewer', '/1/')], 'org.manage'), []);
});
