import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { memberCode, readMemberCode } from './member-code.rules.js';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);

test('a code made with the key reads back to its member', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (id) => {
    const code = memberCode(id, key);
    assert.match(code, /^DH1-M\.\d+\.[A-Za-z0-9_-]{16}$/);
    assert.deepEqual(readMemberCode(code, key), { ok: true, memberId: id });
    assert.deepEqual(readMemberCode(`  ${code}\n`, key), { ok: true, memberId: id }, 'scanners add whitespace');
  }));
});

test('another member id, another key or a changed mac does not verify', () => {
  const code = memberCode(42, key);
  const mac = code.split('.')[2];
  assert.deepEqual(readMemberCode(`DH1-M.43.${mac}`, key), { ok: false, reason: 'forged' });
  assert.deepEqual(readMemberCode(code, otherKey), { ok: false, reason: 'forged' });
  const flipped = `DH1-M.42.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
  assert.deepEqual(readMemberCode(flipped, key), { ok: false, reason: 'forged' });
});

test('texts that are not member codes are malformed', () => {
  for (const text of ['', 'DH1-M.42', 'DH1-M.42.', 'DH1-M.0.AAAAAAAAAAAAAAAA', 'DH1-M.042.AAAAAAAAAAAAAAAA', 'DH1-M.42.AAAAAAAAAAAAAAA', 'DH1-M.42.AAAAAAAAAAAAAAAA=', 'http://x/d/abc', 'dh1-m.42.AAAAAAAAAAAAAAAA', 'DH1-M.9999999999999999.AAAAAAAAAAAAAAAA']) {
    assert.deepEqual(readMemberCode(text, key), { ok: false, reason: 'malformed' }, text);
  }
});

test('a reissued card: the current generation verifies, an earlier one reads as replaced, a later one as forged', () => {
  const first = memberCode(42, key);
  const second = memberCode(42, key, 1);
  const third = memberCode(42, key, 2);
  assert.equal(first, memberCode(42, key, 0), 'generation 0 is the code of the cards printed before any reissue');
  assert.equal(new Set([first, second, third]).size, 3);
  assert.deepEqual(readMemberCode(third, key, 2), { ok: true, memberId: 42 });
  assert.deepEqual(readMemberCode(first, key, 2), { ok: false, reason: 'replaced' });
  assert.deepEqual(readMemberCode(second, key, 2), { ok: false, reason: 'replaced' });
  assert.deepEqual(readMemberCode(third, key, 1), { ok: false, reason: 'forged' }, 'a generation not yet issued');
  assert.deepEqual(readMemberCode(memberCode(43, key, 1), key, 2), { ok: false, reason: 'replaced' }, "member 43's own earlier card");
  assert.deepEqual(readMemberCode(memberCode(42, otherKey, 1), key, 2), { ok: false, reason: 'forged' });
});
