// Reminders of the action programme: the office sends them to the owners of overdue, at-risk and soon-due tasks,
// in-app always and by e-mail when SMTP is configured; and the accounts a task can be assigned to.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { notFound } from '../../server/errors.js';
import { actorOf, readContext } from '../../server/request-context.js';
import { IdParam } from '../../server/schemas.js';
import { getOrg } from '../orgs/orgs.store.js';
import { accountsCovering } from './reminders.store.js';
import { sendResolutionReminders } from './reminders.send.js';
import { parseDailyTime } from './reminders.rules.js';
import { startReminderSchedule, type ReminderSchedule } from './reminders.schedule.js';
import { resolutionHeader } from './resolutions.store.js';

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
      const { handle, config, clock } = request.server.ctx;
      const r = await sendResolutionReminders({ handle, config, clock, log: request.log }, request.params.id, actorOf(request));
      if (!r) throw notFound('nghị quyết');
      return r;
    },
  );

  // the daily run (DAIHOI_REMINDERS_AT=HH:MM, Vietnam time), started once the server is ready and stopped with it
  const { remindersAt } = app.ctx.config;
  if (remindersAt) {
    const at = parseDailyTime(remindersAt);
    if (!at) throw new Error(`DAIHOI_REMINDERS_AT must be a time of day HH:MM (Vietnam time), e.g. 07:00; got "${remindersAt}"`);
    let schedule: ReminderSchedule | null = null;
    app.addHook('onReady', async () => {
      const { handle, config, clock } = app.ctx;
      schedule = startReminderSchedule({ handle, config, clock, log: app.log, at });
    });
    app.addHook('onClose', async () => {
      await schedule?.stop();
    });
  }
}
