import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cardLinkProblem, isLoopbackHost } from './congress.links.rules.js';

test('isLoopbackHost: this machine by name or address, in every spelling; LAN and public hosts are not', () => {
  const cases: [string, boolean][] = [
    ['localhost', true],
    ['LOCALHOST', true],
    ['localhost.', true],
    ['daihoi.localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.1.10', false],
    ['10.0.0.5', false],
    ['172.16.0.1', false],
    ['[fe80::1]', false],
    ['daihoi.tuson.vn', false],
    ['localhost.example.vn', false],
    ['128.0.0.1', false],
  ];
  for (const [host, loopback] of cases) assert.equal(isLoopbackHost(host), loopback, host);
});

test('cardLinkProblem: a base on this machine is refused with what to do; a LAN or public base passes', () => {
  const p = cardLinkProblem('http://localhost:3000');
  assert.equal(p?.code, 'CARD_LINK_LOOPBACK');
  assert.match(p!.message, /DAIHOI_PUBLIC_URL/);
  assert.match(p!.message, /http:\/\/localhost:3000/);
  assert.equal(cardLinkProblem('http://127.0.0.1:3177')?.code, 'CARD_LINK_LOOPBACK');
  assert.equal(cardLinkProblem('http://[::1]:3000')?.code, 'CARD_LINK_LOOPBACK');
  assert.equal(cardLinkProblem('http://192.168.1.10:3000'), null);
  assert.equal(cardLinkProblem('https://daihoi.tuson.vn/'), null);
  assert.equal(cardLinkProblem('not a url')?.code, 'CARD_LINK_INVALID');
});
