// The daily reminders run (DAIHOI_REMINDERS_AT=07:00): every resolution with open tasks that name an account gets
// its reminders sent, as if the office had pressed "Gửi nhắc việc". The clock and the timers are injected, so a
// test moves time forward instead of waiting.
import type { DatabaseHandle } from '../../db/database.js';
import type { AppConfig } from '../../server/config.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../audit/audit.store.js';
import { nextDailyRun, todaysRun, type DailyTime } from './reminders.rules.js';
import { sendResolutionReminders, type ReminderDeps } from './reminders.send.js';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
const realTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

/** the timer is re-armed at least hourly, so a machine that slept or a clock that jumped is caught up within the hour */
const MAX_WAIT_MS = 3600_000;

export const SCHEDULE_ACTOR: Actor = { userId: null, name: 'daihoi (nhắc việc hằng ngày)' };

export interface RunSummary {
  resolutions: number;
  inApp: number;
  email: number;
}

/** every resolution that has an open task naming an account: only those can have anything to send */
async function resolutionsToRemind(handle: DatabaseHandle): Promise<number[]> {
  const rows = await handle.db
    .selectFrom('resolution_tasks')
    .select('resolution_id')
    .distinct()
    .where('responsible_user_id', 'is not', null)
    .where('status', 'not in', ['done', 'cancelled'])
    .orderBy('resolution_id')
    .execute();
  return rows.map((r) => r.resolution_id);
}

export async function runDailyReminders(deps: ReminderDeps): Promise<RunSummary> {
  const summary: RunSummary = { resolutions: 0, inApp: 0, email: 0 };
  for (const id of await resolutionsToRemind(deps.handle)) {
    const r = await sendResolutionReminders(deps, id, SCHEDULE_ACTOR);
    if (!r) continue;
    summary.resolutions++;
    summary.inApp += r.inApp;
    summary.email += r.email;
  }
  return summary;
}

export interface ReminderSchedule {
  /** the instant of the next run */
  next(): Date;
  /** resolves when the run in progress (if any) has finished */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the reminders every day at `at` (Vietnam time). A server started after today's time runs once at start
 * (the once-a-day-per-task rule makes a restart send nothing twice). Every process of a PostgreSQL deployment
 * runs it; the advisory lock in sendResolutionReminders and that rule let only the first one send.
 */
export function startReminderSchedule(
  opts: { handle: DatabaseHandle; config: AppConfig; clock: Clock; log: ReminderDeps['log'] & { info(obj: unknown, msg: string): void }; at: DailyTime; timers?: Timers },
): ReminderSchedule {
  const { clock, at, log } = opts;
  const timers = opts.timers ?? realTimers;
  const deps: ReminderDeps = { handle: opts.handle, config: opts.config, clock, log };
  const started = clock.now();
  // catch up today's run when the server starts after it
  let due = todaysRun(started, at).getTime() <= started.getTime() ? started : todaysRun(started, at);
  let timer: unknown = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const arm = () => {
    if (stopped) return;
    const wait = Math.max(0, Math.min(due.getTime() - clock.now().getTime(), MAX_WAIT_MS));
    timer = timers.setTimeout(fire, wait);
  };
  const fire = () => {
    timer = null;
    if (stopped) return;
    const now = clock.now();
    if (now.getTime() < due.getTime()) return arm();
    due = nextDailyRun(now, at);
    running = runDailyReminders(deps)
      .then((s) => log.info(s, 'daily reminders sent'))
      .catch((e) => log.warn({ err: e }, 'daily reminders failed'))
      .finally(arm);
  };
  arm();
  return {
    next: () => due,
    idle: () => running,
    async stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      await running;
    },
  };
}
