// Sending the reminders of one resolution's action programme: the office's button and the daily run share it.
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type { AppConfig } from '../../server/config.js';
import { createMailer } from '../../server/mailer.js';
import { isoNow, today, type Clock } from '../../shared/clock.js';
import { recordAudit, type Actor } from '../audit/audit.store.js';
import { insertNotification, lastNotified, markEmailed } from '../notifications/notifications.store.js';
import { accountsByIds } from './reminders.store.js';
import { reminderKind, reminderMessage, remindedToday } from './reminders.rules.js';
import { resolutionHeader, resolutionTasks } from './resolutions.store.js';

export interface ReminderResult {
  inApp: number;
  email: number;
  emailFailed: number;
  emailConfigured: boolean;
  skipped: { noAccount: number; alreadyToday: number };
}

export interface ReminderDeps {
  handle: DatabaseHandle;
  config: AppConfig;
  clock: Clock;
  log: { warn(obj: unknown, msg: string): void };
}

/** the first key of the PostgreSQL advisory lock that serialises reminders; the second is the resolution id */
const REMINDER_LOCK = 5_000_517;

/**
 * Reminds the responsible accounts of the resolution's overdue, at-risk and soon-due tasks, at most once a day
 * per task and kind. On PostgreSQL the transaction first takes an advisory lock on the resolution, so two
 * processes (or the button pressed during the daily run) cannot both find "not reminded today" and both send;
 * SQLite has one writer. E-mails go after the commit, only for the notifications this call wrote.
 * Returns null when the resolution does not exist.
 */
export async function sendResolutionReminders(deps: ReminderDeps, resolutionId: number, actor: Actor): Promise<ReminderResult | null> {
  const { handle, clock } = deps;
  const sent = await handle.db.transaction().execute(async (db) => {
    if (handle.engine === 'postgres') await sql`select pg_advisory_xact_lock(${REMINDER_LOCK}, ${resolutionId})`.execute(db);
    const now = isoNow(clock);
    const day = today(clock);
    const h = await resolutionHeader(db, resolutionId);
    if (!h) return null;
    const due = (await resolutionTasks(db, h.id)).map((t) => ({ task: t, kind: reminderKind(t, day) })).filter((x) => x.kind !== null);
    const accounts = await accountsByIds(db, [...new Set(due.map((x) => x.task.responsibleUserId).filter((id): id is number => id !== null))]);
    const last = await lastNotified(db, 'resolution_task', due.map((x) => x.task.id));
    const skipped = { noAccount: 0, alreadyToday: 0 };
    const out: { notificationId: number; email: string | null; subject: string; text: string }[] = [];
    for (const { task, kind } of due) {
      const account = task.responsibleUserId === null ? undefined : accounts.get(task.responsibleUserId);
      if (!account || account.disabled) {
        skipped.noAccount++;
        continue;
      }
      if (remindedToday(last.get(`${task.id}|${kind}`) ?? null, day)) {
        skipped.alreadyToday++;
        continue;
      }
      const m = reminderMessage(kind!, { ...task, resolutionTitle: h.title }, day);
      const id = await insertNotification(db, { userId: account.id, kind: kind!, title: m.title, body: m.body, link: `/resolutions/${h.id}`, entity: 'resolution_task', entityId: task.id }, now);
      out.push({ notificationId: id, email: account.email, subject: m.title, text: `Kính gửi đồng chí ${account.displayName},\n\n${m.body}\n\n— Văn phòng ${h.orgName} (gửi qua daihoi)` });
    }
    if (out.length || actor.userId !== null) await recordAudit(db, actor, now, { action: 'resolution.remind', entity: 'resolution', entityId: h.id, orgId: h.orgId, after: { inApp: out.length, skipped } });
    return { out, skipped };
  });
  if (!sent) return null;
  // e-mail after the commit: a slow or failing mail server does not hold the transaction or lose the in-app reminders
  const mailer = createMailer(deps.config);
  let email = 0;
  let emailFailed = 0;
  if (mailer) {
    const delivered: number[] = [];
    try {
      for (const m of sent.out.filter((x) => x.email)) {
        try {
          await mailer.send({ to: m.email!, subject: m.subject, text: m.text });
          delivered.push(m.notificationId);
        } catch (e) {
          emailFailed++;
          deps.log.warn({ err: e }, 'reminder e-mail failed');
        }
      }
    } finally {
      mailer.close();
    }
    await markEmailed(handle.db, delivered, isoNow(clock));
    email = delivered.length;
  }
  return { inApp: sent.out.length, email, emailFailed, emailConfigured: mailer !== null, skipped: sent.skipped };
}
