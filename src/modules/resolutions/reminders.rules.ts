// Reminders of the action programme: which open task deserves one, and what it says. Pure.
import { TASK_WARNING_DAYS, addDays, dayNumber, isTaskAtRisk, isTaskOverdue, type TaskState } from './resolutions.rules.js';

export const REMINDER_KINDS = ['task_overdue', 'task_at_risk', 'task_due_soon'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * overdue: open past its due date; due soon: open and due within TASK_WARNING_DAYS;
 * at risk: not started although its start date has passed (and not yet due soon)
 */
export function reminderKind(task: TaskState, today: string): ReminderKind | null {
  if (isTaskOverdue(task, today)) return 'task_overdue';
  if (!isTaskAtRisk(task, today)) return null;
  return task.dueOn <= addDays(today, TASK_WARNING_DAYS) ? 'task_due_soon' : 'task_at_risk';
}

export interface ReminderTask {
  title: string;
  ownerOrgName: string;
  resolutionTitle: string;
  startOn: string | null;
  dueOn: string;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** the reminder's title and text, in Vietnamese, as the office sends it */
export function reminderMessage(kind: ReminderKind, task: ReminderTask, today: string): { title: string; body: string } {
  const days = Math.abs(dayNumber(task.dueOn) - dayNumber(today));
  const what = `Nhiệm vụ "${task.title}" (${task.resolutionTitle}) do ${task.ownerOrgName} chủ trì`;
  const ask = 'Đề nghị đồng chí cập nhật tình trạng thực hiện và minh chứng trên daihoi.';
  if (kind === 'task_overdue') return { title: `Nhiệm vụ quá hạn: ${task.title}`, body: `${what} đã quá hạn ${days} ngày (thời hạn ${dmy(task.dueOn)}). ${ask}` };
  if (kind === 'task_due_soon') {
    const when = days === 0 ? 'đến hạn hôm nay' : `sẽ đến hạn sau ${days} ngày`;
    return { title: `Nhiệm vụ sắp đến hạn: ${task.title}`, body: `${what} ${when} (thời hạn ${dmy(task.dueOn)}). ${ask}` };
  }
  return { title: `Nhiệm vụ có nguy cơ chậm: ${task.title}`, body: `${what} chưa bắt đầu dù đã qua ngày bắt đầu ${task.startOn ? dmy(task.startOn) : ''} (thời hạn ${dmy(task.dueOn)}). ${ask}` };
}

/** one reminder per task and kind a day (the calendar day in Vietnam, UTC+7): pressing the button twice does not send twice */
export function remindedToday(lastSentAt: string | null, today: string): boolean {
  return lastSentAt !== null && new Date(Date.parse(lastSentAt) + 7 * 3600_000).toISOString().slice(0, 10) === today;
}

// ---------- the daily run ----------

export interface DailyTime {
  hour: number;
  minute: number;
}

/** "07:00" → 7:00; null for anything that is not a time of day HH:MM */
export function parseDailyTime(text: string): DailyTime | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

/** Vietnam keeps UTC+7 all year (no daylight saving) */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** the instant of today's run (at the given time of day in Vietnam), whether or not it has passed */
export function todaysRun(now: Date, at: DailyTime): Date {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), at.hour, at.minute) - VIETNAM_OFFSET_MS);
}

/** the first run at the given time of day in Vietnam strictly after `after` */
export function nextDailyRun(after: Date, at: DailyTime): Date {
  const run = todaysRun(after, at);
  return run.getTime() > after.getTime() ? run : new Date(run.getTime() + 24 * 3600_000);
}
