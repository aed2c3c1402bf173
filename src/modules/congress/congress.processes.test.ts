// The congress room across real server processes: two processes on one PostgreSQL database share events
// (LISTEN/NOTIFY); an acknowledged check-in survives kill -9 (both engines).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { postgresTestUrl, testEngines } from '../../db/test-harness.js';
import { killHard, openSse, remoteClient, setUpCongress, startServer } from './congress.test-support.js';

const PASSWORD = 'congress-room-password-1';

async function environment(engine: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-room-'));
  const schema = `room_${process.pid}_${Date.now()}`;
  const env: Record<string, string> = { DAIHOI_DATA: dir, DAIHOI_ADMIN_PASSWORD: PASSWORD };
  if (engine === 'postgres') {
    const c = new pg.Client({ connectionString: postgresTestUrl() });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    const url = new URL(postgresTestUrl());
    url.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = url.toString();
  } else env.DATABASE_URL = '';
  return {
    env,
    async cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
      if (engine === 'postgres') {
        const c = new pg.Client({ connectionString: postgresTestUrl() });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      }
    },
  };
}

if (testEngines.includes('postgres')) {
  describe('realtime across two server processes [postgres]', () => {
    test('a check-in on one process reaches an SSE client of the other; a reconnecting client catches up', async () => {
      const e = await environment('postgres');
      const servers: Awaited<ReturnType<typeof startServer>>[] = [];
      try {
        servers.push(await startServer(e.env));
        servers.push(await startServer(e.env));
        const [a, b] = servers;
        const onA = await remoteClient(a.base, PASSWORD);
        const onB = await remoteClient(b.base, PASSWORD);
        const { congressId, tokens } = await setUpCongress(onA);
        const sse = await openSse(`${b.base}/api/congresses/${congressId}/events`, { cookie: onB.cookie });
        assert.equal(sse.status, 200);
        // a delegate's phone on process B too
        const phone = await openSse(`${b.base}/api/delegate/${tokens[1].token}/events`);
        const ack = await onA.call('POST', `/api/congresses/${congressId}/checkins`, { token: tokens[0].token });
        assert.equal(ack.status, 200);
        const seen = await sse.waitFor((x) => x.event === 'checkin', 5000);
        assert.equal(seen.data.payload.delegate.id, tokens[0].delegateId);
        assert.equal(seen.data.payload.attendance.present, 1);
        await phone.waitFor((x) => x.event === 'checkin', 5000);
        phone.close();
        sse.close();

        // while B's client is away, A moves the agenda; B's client reconnects with Last-Event-ID
        const item = (await onA.call('POST', `/api/congresses/${congressId}/agenda`, { title: 'Khai mạc' })).json.id;
        await onA.call('POST', `/api/congresses/${congressId}/agenda/current`, { itemId: item });
        const back = await openSse(`${b.base}/api/congresses/${congressId}/events`, { cookie: onB.cookie, 'last-event-id': String(seen.id) });
        const current = await back.waitFor((x) => x.event === 'agenda.current', 5000);
        assert.equal(current.data.payload.currentAgendaItem.id, item);
        assert.deepEqual(back.events.map((x) => x.id), [seen.id! + 1, seen.id! + 2]);
        // and it keeps following live changes made on A
        await onA.call('POST', `/api/congresses/${congressId}/notices`, { text: 'Mời đại biểu vào hội trường.' });
        await back.waitFor((x) => x.event === 'notice.created', 5000);
        back.close();
      } finally {
        for (const s of servers) await killHard(s.child);
        await e.cleanup();
      }
    });
  });
}

for (const engine of testEngines) {
  describe(`kill -9 after a check-in [${engine}]`, () => {
    test('an acknowledged check-in is there after kill -9 and restart, and a rescan is not a second check-in', async () => {
      const e = await environment(engine);
      let server: Awaited<ReturnType<typeof startServer>> | null = null;
      try {
        server = await startServer(e.env);
        const client = await remoteClient(server.base, PASSWORD);
        const { congressId, tokens } = await setUpCongress(client, 4);
        const acks = [];
        for (const x of tokens.slice(0, 3)) acks.push(await client.call('POST', `/api/congresses/${congressId}/checkins`, { token: x.token }));
        assert.deepEqual(acks.map((a) => a.status), [200, 200, 200]);
        await killHard(server.child);
        server = await startServer(e.env);
        const again = await remoteClient(server.base, PASSWORD);
        const att = await again.call('GET', `/api/congresses/${congressId}/attendance`);
        assert.equal(att.json.present, 3);
        const rescan = await again.call('POST', `/api/congresses/${congressId}/checkins`, { token: tokens[0].token });
        assert.equal(rescan.json.created, false);
        assert.equal(rescan.json.checkedInAt, acks[0].json.checkedInAt);
      } finally {
        if (server) await killHard(server.child);
        await e.cleanup();
      }
    });
  });
}
