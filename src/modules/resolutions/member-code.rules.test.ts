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
