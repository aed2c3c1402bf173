// Reminders of the action programme: the office sends them to the owners of overdue, at-risk and soon-due tasks,
// in-app always and by e-mail when SMTP is configured; and the accounts a task can be assigned to.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { notFound } from '../../server/errors.js';
import { createMailer } from '../../server/mailer.js';
import { inTransaction, readContext } from '../../server/request-context.js';
import { IdParam } from '../../server/schemas.js';
import { recordAudit } from '../audit/audit.store.js';
import { insertNotification, lastNotified, markEmailed } from '../notifications/notifications.store.js';
import { getOrg } from '../orgs/orgs.store.js';
import { accountsByIds, accountsCovering } from './reminders.store.js';
import { reminderKind, reminderMessage, remindedToday } from './reminders.rules.js';
import { resolutionHeader, resolutionTasks } from './resolutions.store.js';

const resolutionOrg = async (r: FastifyRequest) => {
  const h = await resolutionHeader(r.server.ctx.handle.db, (r.params as { id: number }).id);
  if (!h) throw notFound('nghị quyết');
  return h.orgId;
};

export async function remindersRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  const tags = ['resolutions'];

  app.get(
    '/api/orgs/:id/responsible-accounts',
    { config: { access: { action: 'resolution.manage', org: (r) => (r.params as { id: number }).id } }, schema: { tags, summary: 'Accounts that can be named responsible for a task of this unit (they receive its reminders)', params: IdParam } },
    async (request) => {
      const { db } = readContext(request);
      const org = await getOrg(db, request.params.id);
      if (!org) throw notFound('tổ chức đảng');
      return accountsCovering(db, org.path);
    },
  );

  app.post(
    '/api/resolutions/:id/reminders',
    { config: { access: { action: 'resolution.manage', org: resolutionOrg } }, schema: { tags, summary: 'Remind the responsible accounts of overdue, at-risk and soon-due tasks (in-app; e-mail when SMTP is configured)', params: IdParam } },
    async (request) => {
      const sent = await inTransaction(request, async (ctx) => {
        const h = (await resolutionHeader(ctx.db, request.params.id))!;
        const due = (await resolutionTasks(ctx.db, h.id)).map((t) => ({ task: t, kind: reminderKind(t, ctx.today) })).filter((x) => x.kind !== null);
        const accounts = await accountsByIds(ctx.db, [...new Set(due.map((x) => x.task.responsibleUserId).filter((id): id is number => id !== null))]);
        const last = await lastNotified(ctx.db, 'resolution_task', due.map((x) => x.task.id));
        const skipped = { noAccount: 0, alreadyToday: 0 };
        const out: { notificationId: number; email: string | null; subject: string; text: string }[] = [];
        for (const { task, kind } of due) {
          const account = task.responsibleUserId === null ? undefined : accounts.get(task.responsibleUserId);
          if (!account || account.disabled) {
            skipped.noAccount++;
            continue;
          }
          if (remindedToday(last.get(`${task.id}|${kind}`) ?? null, ctx.today)) {
            skipped.alreadyToday++;
            continue;
          }
          const m = reminderMessage(kind!, { ...task, resolutionTitle: h.title }, ctx.today);
          const id = await insertNotification(ctx.db, { userId: account.id, kind: kind!, title: m.title, body: m.body, link: `/resolutions/${h.id}`, entity: 'resolution_task', entityId: task.id }, ctx.now);
          out.push({ notificationId: id, email: account.email, subject: m.title, text: `Kính gửi đồng chí ${account.displayName},\n\n${m.body}\n\n— Văn phòng ${h.orgName} (gửi qua daihoi)` });
        }
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.remind', entity: 'resolution', entityId: h.id, orgId: h.orgId, after: { inApp: out.length, skipped } });
        return { out, skipped };
      });
      // e-mail after the commit: a slow or failing mail server does not hold the transaction or lose the in-app reminders
      const mailer = createMailer(request.server.ctx.config);
      let email = 0;
      let emailFailed = 0;
      if (mailer) {
        const { now } = readContext(request);
        const delivered: number[] = [];
        try {
          for (const m of sent.out.filter((x) => x.email)) {
            try {
              await mailer.send({ to: m.email!, subject: m.subject, text: m.text });
              delivered.push(m.notificationId);
            } catch (e) {
              emailFailed++;
              request.log.warn({ err: e }, 'reminder e-mail failed');
            }
          }
        } finally {
          mailer.close();
        }
        await markEmailed(request.server.ctx.handle.db, delivered, now);
        email = delivered.length;
      }
      return { inApp: sent.out.length, email, emailFailed, emailConfigured: mailer !== null, skipped: sent.skipped };
    },
  );
}
