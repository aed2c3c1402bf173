// The daily reminders run on both engines, with an injected clock and timers (nothing waits for real): it runs at
// the configured time in Vietnam, catches up when started later that day, sends nothing twice on one day even when
// two runs (two server processes) go at once, and dedups with the office's button, and is started by the server when configured.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../../db/test-harness.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import type { Clock } from '../../shared/clock.js';
import { startReminderSchedule, type Timers } from './reminders.schedule.js';

/** timers that fire only when the test says so */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let seq = 0;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(++seq, { fn, ms });
      return seq;
    },
    clearTimeout: (h) => pending.delete(h as number),
  };
  return {
    timers,
    pending,
    /** fires every timer armed so far */
    fireAll() {
      const due = [...pending.entries()];
      pending.clear();
      for (const [, p] of due) p.fn();
    },
  };
}

const quietLog = { info: () => undefined, warn: (obj: unknown, msg: string) => console.warn(msg, obj) };

for (const engine of testEngines) {
  describe(`daily reminders [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let resolutionId: number;
    let instant = new Date('2027-02-10T00:30:00Z');
    const clock: Clock = { now: () => new Date(instant) };
    const notifications = async () => (await t.database.db.selectFrom('notifications').select(['kind', 'created_at']).orderBy('id').execute()).map((n) => `${n.created_at.slice(0, 10)} ${n.kind}`);

    before(async () => {
      t = await startTestApp(engine, { today: '2027-02-10' });
      const adminId = await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      admin = await t.login('admin');
      const org = (await t.call(admin, 'POST', '/api/orgs', { name: 'Đảng bộ phường Thanh Miếu', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' })).json().id;
      resolutionId = (await t.call(admin, 'POST', `/api/orgs/${org}/resolutions`, { kind: 'congress', title: 'NQ Đại hội I', adoptedOn: '2025-07-26', termStart: 2025, termEnd: 2030, targets: [], elements: [{ kind: 'key_task', title: 'Cải cách hành chính' }] })).json().id;
      const elementId = (await t.call(admin, 'GET', `/api/resolutions/${resolutionId}`)).json().elements[0].id;
      const task = (title: string, dueOn: string) => ({ title, elementId, ownerOrgId: org, responsiblePerson: 'Đồng chí Hiệp', expectedResult: 'Xong', startOn: '2026-01-01', dueOn, status: 'in_progress', responsibleUserId: adminId });
      for (const body of [task('Phần mềm một cửa', '2027-01-31'), task('Số hóa hồ sơ', '2027-02-20'), task('Đề án', '2027-12-31')]) assert.equal((await t.call(admin, 'POST', `/api/resolutions/${resolutionId}/tasks`, body)).statusCode, 201);
      // a finished task is never reminded
      await t.call(admin, 'POST', `/api/resolutions/${resolutionId}/tasks`, { ...task('Đã xong', '2027-01-01'), status: 'done', evidence: '12-BC/ĐU' });
    });
    after(() => t.close());

    test('runs at 07:00 Vietnam time, catching up when started after it, and waits for the next day', async () => {
      const m = manualTimers();
      const schedule = startReminderSchedule({ handle: t.database, config: loadConfig({}), clock, log: quietLog, at: { hour: 7, minute: 0 }, timers: m.timers });
      try {
        // started at 07:30: today's run is due now
        assert.deepEqual([...m.pending.values()].map((p) => p.ms), [0]);
        m.fireAll();
        await schedule.idle();
        assert.deepEqual(await notifications(), ['2027-02-10 task_overdue', '2027-02-10 task_due_soon']);
        assert.equal(schedule.next().toISOString(), '2027-02-11T00:00:00.000Z');
        assert.deepEqual([...m.pending.values()].map((p) => p.ms), [3600_000], 'the timer is re-armed within the hour');

        // an hour later it is not yet time: nothing is sent, the timer is armed again
        instant = new Date('2027-02-10T01:30:00Z');
        m.fireAll();
        await schedule.idle();
        assert.equal((await notifications()).length, 2);
        assert.equal(m.pending.size, 1);

        // 06:59 the next day: one minute to go
        instant = new Date('2027-02-10T23:59:00Z');
        m.fireAll();
        assert.deepEqual([...m.pending.values()].map((p) => p.ms), [60_000]);
        instant = new Date('2027-02-11T00:00:00Z');
        m.fireAll();
        await schedule.idle();
        assert.deepEqual((await notifications()).slice(2), ['2027-02-11 task_overdue', '2027-02-11 task_due_soon'], 'a new day, new reminders');
        const audit = await t.database.db.selectFrom('audit_log').select(['actor']).where('action', '=', 'resolution.remind').execute();
        assert.deepEqual(audit.map((a) => a.actor), ['daihoi (nhắc việc hằng ngày)', 'daihoi (nhắc việc hằng ngày)']);
      } finally {
        await schedule.stop();
      }
      assert.equal(m.pending.size, 0, 'stopping clears the timer');
    });

    test('two processes running at the same moment send each reminder once', async () => {
      instant = new Date('2027-02-12T00:00:00Z');
      const a = manualTimers();
      const b = manualTimers();
      const at = { hour: 7, minute: 0 };
      const sa = startReminderSchedule({ handle: t.database, config: loadConfig({}), clock, log: quietLog, at, timers: a.timers });
      const sb = startReminderSchedule({ handle: t.database, config: loadConfig({}), clock, log: quietLog, at, timers: b.timers });
      try {
        // the app's own clock is still 2027-02-10, so its button dedups against that day; here the two runs race
        a.fireAll();
        b.fireAll();
        await Promise.all([sa.idle(), sb.idle()]);
      } finally {
        await Promise.all([sa.stop(), sb.stop()]);
      }
      const day = (await notifications()).filter((n) => n.startsWith('2027-02-12'));
      assert.deepEqual(day.sort(), ['2027-02-12 task_due_soon', '2027-02-12 task_overdue']);
    });
  });

  describe(`daily reminders in the server [${engine}]`, () => {
    test('DAIHOI_REMINDERS_AT starts the run with the server (caught up at start); a malformed value stops the start', async () => {
      // the test app's clock says 10:00 in Vietnam on 2027-02-10: past 07:00, so a server started now runs at once
      const t = await startTestApp(engine, { today: '2027-02-10' });
      try {
        const adminId = await t.addUser('admin', [{ role: 'admin', orgId: null }]);
        const admin = await t.login('admin');
        const org = (await t.call(admin, 'POST', '/api/orgs', { name: 'Đảng bộ phường Một', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' })).json().id;
        const res = (await t.call(admin, 'POST', `/api/orgs/${org}/resolutions`, { kind: 'congress', title: 'NQ', adoptedOn: '2025-07-26', termStart: 2025, termEnd: 2030, targets: [], elements: [{ kind: 'key_task', title: 'Cải cách hành chính' }] })).json().id;
        const elementId = (await t.call(admin, 'GET', `/api/resolutions/${res}`)).json().elements[0].id;
        await t.call(admin, 'POST', `/api/resolutions/${res}/tasks`, { title: 'Việc trễ', elementId, ownerOrgId: org, responsiblePerson: 'A', expectedResult: 'B', startOn: '2026-06-01', dueOn: '2027-01-01', status: 'in_progress', responsibleUserId: adminId });
        // a second server process on the same database, with the daily run configured
        const { app } = await buildApp({ handle: t.database, config: loadConfig({ DAIHOI_REMINDERS_AT: '07:00' }), clock: t.clock });
        try {
          const sent = async () => (await t.call(admin, 'GET', '/api/notifications')).json().unread as number;
          for (let i = 0; i < 100 && (await sent()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
          assert.equal(await sent(), 1, 'the run started with the server reminded the overdue task');
        } finally {
          await app.close();
        }
        // the office pressing the button the same day sends nothing more
        assert.deepEqual((await t.call(admin, 'POST', `/api/resolutions/${res}/reminders`)).json().skipped, { noAccount: 0, alreadyToday: 1 });
      } finally {
        await t.close();
      }
      assert.throws(() => loadConfig({ DAIHOI_REMINDERS_AT: '7h' }), /DAIHOI_REMINDERS_AT must be a time of day HH:MM/);
    });
  });
}
