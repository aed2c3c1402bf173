// The realtime hub's backpressure: a client that stops reading is held, then cut off (SLOW_CLIENT_BUFFER_BYTES,
// SLOW_CLIENT_GRACE_MS), the others go on, and the cut-off client catches up by reconnecting with Last-Event-ID, its
// backlog (tens of MB here) paced by its reading instead of cutting it off again.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { testEngines } from '../db/test-harness.js';
import { startTestApp, type Session, type TestApp } from './test-app.js';
import { SLOW_CLIENT_BUFFER_BYTES, SLOW_CLIENT_GRACE_MS } from './realtime.js';
import { openSse } from '../modules/congress/congress.test-support.js';

/** an SSE subscriber over a raw socket that reads nothing until told to */
function rawSubscriber(port: number, path: string, cookie: string) {
  const socket = net.connect({ port, host: '127.0.0.1' });
  socket.pause();
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: ${cookie}\r\n\r\n`);
  let text = '';
  let closed = false;
  const ended = new Promise<void>((resolve) => {
    socket.on('close', () => {
      closed = true;
      resolve();
    });
    socket.on('error', () => undefined);
  });
  socket.on('data', (b: Buffer) => (text += b.toString('latin1')));
  return {
    /** start reading what the kernel holds and whatever follows */
    read: () => socket.resume(),
    ended,
    isClosed: () => closed,
    /** the sequence numbers of the events received in full (an event is complete at its blank line) */
    completeIds: () => [...text.matchAll(/^id: (\d+)\n(?:[^\n]+\n)*?\n/gm)].map((m) => Number(m[1])),
    destroy: () => socket.destroy(),
  };
}

for (const engine of testEngines) {
  describe(`realtime backpressure [${engine}]`, () => {
    let t: TestApp;
    let s: Session;
    let port: number;
    let congressId: number;

    before(async () => {
      t = await startTestApp(engine);
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      s = await t.login('admin');
      const org = (await t.call(s, 'POST', '/api/orgs', { name: 'Đảng bộ phường Thử', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' })).json().id;
      congressId = (await t.call(s, 'POST', '/api/congresses', { orgId: org, title: 'Đại hội Đảng bộ phường Thử', kind: 'members', opensOn: '2025-08-01', closesOn: '2025-08-01' })).json().id;
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as AddressInfo).port;
    });
    after(() => t.close());

    test('a client that never reads is cut off; the others keep their stream; the cut-off one catches up with Last-Event-ID', async () => {
      const base = `http://127.0.0.1:${port}`;
      const slow = rawSubscriber(port, `/api/congresses/${congressId}/events?after=0`, s.cookie);
      const good = await openSse(`${base}/api/congresses/${congressId}/events?after=0`, { cookie: s.cookie });
      try {
        // every agenda event carries the whole agenda: ~15 KB more per item (Vietnamese letters are 2–3 bytes in UTF-8)
        const description = 'Thảo luận dự thảo Báo cáo chính trị, phương hướng nhiệm vụ nhiệm kỳ mới. '.repeat(66).slice(0, 5000);
        // the most the kernel holds for a client that never reads on loopback: its receive buffer at the default size (it grows
        // only as the application reads) and the server's send buffer at its largest; beyond that the server's stream buffers
        const field = (f: string, i: number) => Number(fs.readFileSync(`/proc/sys/net/ipv4/${f}`, 'utf8').trim().split(/\s+/)[i]);
        const kernelMax = field('tcp_rmem', 1) + field('tcp_wmem', 2);
        let sent = 0;
        let lastSeq = 0;
        for (let i = 1; sent < kernelMax + 2 * SLOW_CLIENT_BUFFER_BYTES; i++) {
          const r = await t.call(s, 'POST', `/api/congresses/${congressId}/agenda`, { title: `Mục ${i}`, description });
          assert.equal(r.statusCode, 201, r.body);
          sent += i * Buffer.byteLength(description);
          lastSeq = (await good.waitFor((e) => e.data.payload.agenda.length === i, 10_000)).id!;
        }
        // the server holds the slow client (sends it nothing more) and cuts it off after the grace period; only then does it read
        await new Promise((r) => setTimeout(r, SLOW_CLIENT_GRACE_MS + 1000));
        slow.read();
        await Promise.race([slow.ended, new Promise((r) => setTimeout(r, 10_000))]);
        assert.ok(slow.isClosed(), 'the server ended the stream of the client that did not read');
        const had = slow.completeIds();
        assert.ok(had.length > 0, 'the slow client got the first events before it stopped reading');
        assert.ok(had.at(-1)! < lastSeq, `the slow client missed events (had up to ${had.at(-1)}, written up to ${lastSeq})`);
        for (let k = 1; k < had.length; k++) assert.equal(had[k], had[k - 1] + 1, 'what it got is in order, without gaps');

        // the other client is still connected and still served
        await t.call(s, 'POST', `/api/congresses/${congressId}/notices`, { text: 'Đề nghị đại biểu về chỗ ngồi.' });
        const notice = await good.waitFor((e) => e.event === 'notice.created');
        assert.equal(notice.id, lastSeq + 1);
        const goodIds = good.events.map((e) => e.id!);
        assert.deepEqual(goodIds, Array.from({ length: goodIds.length }, (_, k) => goodIds[0] + k), 'every event, in order');

        // the slow client reconnects from the last event it has and gets everything after it
        const back = await openSse(`${base}/api/congresses/${congressId}/events`, { cookie: s.cookie, 'last-event-id': String(had.at(-1)) });
        try {
          await back.waitFor((e) => e.id === notice.id, 10_000);
          assert.deepEqual(
            back.events.map((e) => e.id),
            Array.from({ length: notice.id! - had.at(-1)! }, (_, k) => had.at(-1)! + 1 + k),
          );
        } finally {
          back.close();
        }
      } finally {
        slow.destroy();
        good.close();
      }
    });
  });
}
