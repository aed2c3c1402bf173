// The door under concurrency, on both engines: check-ins overlap (writeCongress with the sequence lock taken last),
// yet every scan of a delegate is one check-in, the events are numbered without gaps, and each event's attendance
// counts every check-in before it in sequence order.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { testEngines } from '../../db/test-harness.js';
import { memberProfile, startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import { openSse } from './congress.test-support.js';

const DELEGATES = 40;
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hải', 'Hùng', 'Khánh'];
const nameOf = (i: number) => `Nguyễn Văn ${GIVEN[Math.floor(i / 10)]} ${GIVEN[i % 10]}`;
/** every tenth member is probationary: at a members' congress they attend but are not counted */
const probationary = new Set(Array.from({ length: DELEGATES }, (_, i) => i).filter((i) => i % 10 === 9).map(nameOf));

for (const engine of testEngines) {
  describe(`congress door [${engine}]`, () => {
    let t: TestApp;
    let s: Session;
    let base: string;
    let congressId: number;
    let tokens: { delegateId: number; token: string }[] = [];

    before(async () => {
      t = await startTestApp(engine);
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      s = await t.login('admin');
      const org = (await t.call(s, 'POST', '/api/orgs', { name: 'Đảng bộ phường Đình Bảng', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' })).json().id;
      for (let i = 0; i < DELEGATES; i++) {
        const r = await t.call(s, 'POST', `/api/orgs/${org}/members`, memberProfile(nameOf(i), i % 10 === 9 ? { admittedOn: '2025-01-10', officialOn: null } : {}));
        assert.equal(r.statusCode, 201, r.body);
      }
      congressId = (await t.call(s, 'POST', '/api/congresses', { orgId: org, title: 'Đại hội Đảng bộ phường Đình Bảng', kind: 'members', opensOn: '2025-08-01', closesOn: '2025-08-01' })).json().id;
      assert.equal((await t.call(s, 'POST', `/api/congresses/${congressId}/delegates`, { allActiveMembers: true })).statusCode, 201);
      tokens = (await t.call(s, 'POST', `/api/congresses/${congressId}/tokens`, { scope: 'all' })).json();
      assert.equal(tokens.length, DELEGATES);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(() => t.close());

    test('concurrent scans: one check-in per delegate, events without gaps, each counting every check-in before it', async () => {
      const sse = await openSse(`${base}/api/congresses/${congressId}/events`, { cookie: s.cookie });
      try {
        const before = (await t.call(s, 'GET', `/api/congresses/${congressId}/attendance`)).json();
        // members' congress: probationary members (every tenth) attend but are not counted
        assert.deepEqual([before.convened, before.present], [DELEGATES - DELEGATES / 10, 0]);
        // every delegate scanned, a quarter of them twice at once
        const scans = [...tokens, ...tokens.filter((_, i) => i % 4 === 0)].map((x) => t.call(s, 'POST', `/api/congresses/${congressId}/checkins`, { token: x.token }));
        const answers = await Promise.all(scans);
        for (const a of answers) assert.equal(a.statusCode, 200, a.body);
        const created = answers.filter((a) => a.json().created);
        assert.equal(created.length, DELEGATES, 'one check-in per delegate');
        const rows = await t.database.db.selectFrom('checkins').select('delegate_id').where('congress_id', '=', congressId).execute();
        assert.equal(rows.length, DELEGATES);

        // wait for every check-in's event: a probationary member's may come after the count is complete
        await sse.waitFor(() => sse.events.filter((e) => e.event === 'checkin').length >= DELEGATES);
        const events = sse.events.filter((e) => e.event === 'checkin');
        assert.equal(events.length, DELEGATES);
        for (let k = 1; k < events.length; k++) assert.equal(events[k].id, events[k - 1].id! + 1, 'no gaps, in order');
        // the k-th event in sequence order counts the k check-ins up to it (those of probationary members attend without counting)
        let counted = 0;
        for (const e of events) {
          const d = e.data.payload.delegate;
          if (!probationary.has(d.fullName)) counted++;
          assert.equal(e.data.payload.attendance.present, counted, `event ${e.id}`);
        }
        // the acknowledgement carries the attendance of its own event
        for (const a of created) {
          const e = events.find((x) => x.data.payload.delegate.id === a.json().delegate.id)!;
          assert.deepEqual(a.json().attendance, e.data.payload.attendance);
        }
        const after = (await t.call(s, 'GET', `/api/congresses/${congressId}/attendance`)).json();
        assert.deepEqual([after.present, after.met], [DELEGATES - DELEGATES / 10, true]);
      } finally {
        sse.close();
      }
    });
  });
}
