import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nextDailyRun, parseDailyTime, reminderKind, reminderMessage, remindedToday, todaysRun } from './reminders.rules.js';

const task = (status: 'not_started' | 'in_progress' | 'done' | 'cancelled', startOn: string | null, dueOn: string) => ({ status, startOn, dueOn });

describe('reminders', () => {
  test('which open task deserves a reminder, and of what kind', () => {
    const today = '2027-02-10';
    const cases: [ReturnType<typeof task>, string | null][] = [
      [task('in_progress', '2026-01-01', '2027-02-09'), 'task_overdue'],
      [task('not_started', null, '2026-12-31'), 'task_overdue'],
      [task('in_progress', '2026-01-01', '2027-02-10'), 'task_due_soon'],
      [task('in_progress', '2026-01-01', '2027-02-24'), 'task_due_soon'],
      [task('in_progress', '2026-01-01', '2027-02-25'), null],
      [task('not_started', '2027-01-01', '2027-06-30'), 'task_at_risk'],
      [task('not_started', '2027-03-01', '2027-06-30'), null],
      [task('done', '2026-01-01', '2027-01-01'), null],
      [task('cancelled', '2026-01-01', '2027-01-01'), null],
    ];
    for (const [t, kind] of cases) assert.equal(reminderKind(t, today), kind, JSON.stringify(t));
  });

  test('the message says what, who owns it, how late or how soon, in Vietnamese', () => {
    const t = { title: 'Số hóa hồ sơ', ownerOrgName: 'Đảng bộ phường Thanh Miếu', resolutionTitle: 'Nghị quyết Đại hội I', startOn: '2026-01-01', dueOn: '2027-01-31' };
    const late = reminderMessage('task_overdue', t, '2027-02-10');
    assert.equal(late.title, 'Nhiệm vụ quá hạn: Số hóa hồ sơ');
    assert.match(late.body, /do Đảng bộ phường Thanh Miếu chủ trì đã quá hạn 10 ngày \(thời hạn 31\/01\/2027\)/);
    assert.match(reminderMessage('task_due_soon', { ...t, dueOn: '2027-02-15' }, '2027-02-10').body, /sẽ đến hạn sau 5 ngày/);
    assert.match(reminderMessage('task_due_soon', { ...t, dueOn: '2027-02-10' }, '2027-02-10').body, /đến hạn hôm nay/);
    assert.match(reminderMessage('task_at_risk', t, '2026-02-10').title, /^Nhiệm vụ có nguy cơ chậm/);
  });

  test('once a day per task and kind, by the calendar day in Vietnam', () => {
    assert.equal(remindedToday(null, '2027-02-10'), false);
    assert.equal(remindedToday('2027-02-10T03:00:00.000Z', '2027-02-10'), true);
    // 18:00 UTC on the 9th is already the 10th in Vietnam
    assert.equal(remindedToday('2027-02-09T18:00:00.000Z', '2027-02-10'), true);
    assert.equal(remindedToday('2027-02-09T16:00:00.000Z', '2027-02-10'), false);
  });
});

test('the daily time: HH:MM only', () => {
  assert.deepEqual(parseDailyTime('07:00'), { hour: 7, minute: 0 });
  assert.deepEqual(parseDailyTime(' 23:59 '), { hour: 23, minute: 59 });
  for (const bad of ['7:00', '24:00', '07:60', '0700', '', 'off', '07:00:00']) assert.equal(parseDailyTime(bad), null, bad);
});

test('the next run is at the time of day in Vietnam (UTC+7), strictly after the given instant', () => {
  const at = { hour: 7, minute: 0 };
  // 06:59 in Vietnam is 23:59 UTC the day before
  assert.equal(nextDailyRun(new Date('2027-02-09T23:59:00Z'), at).toISOString(), '2027-02-10T00:00:00.000Z');
  assert.equal(nextDailyRun(new Date('2027-02-10T00:00:00Z'), at).toISOString(), '2027-02-11T00:00:00.000Z', 'at the run itself: the next day');
  assert.equal(nextDailyRun(new Date('2027-02-10T16:59:00Z'), at).toISOString(), '2027-02-11T00:00:00.000Z', '23:59 in Vietnam');
  assert.equal(nextDailyRun(new Date('2027-02-10T17:00:00Z'), at).toISOString(), '2027-02-11T00:00:00.000Z', 'just after midnight in Vietnam');
  assert.equal(nextDailyRun(new Date('2027-12-31T20:00:00Z'), { hour: 2, minute: 30 }).toISOString(), '2028-01-01T19:30:00.000Z', 'over the new year');
  assert.equal(todaysRun(new Date('2027-02-10T05:00:00Z'), at).toISOString(), '2027-02-10T00:00:00.000Z');
});
