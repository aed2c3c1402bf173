// The logged-in user's notifications (the bell in the web app's header): list with the unread count, mark read.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import { IdParam } from '../../server/schemas.js';
import { listNotifications, markAllRead, markRead } from './notifications.store.js';

export async function notificationsRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    { config: { access: { authenticated: true } }, schema: { tags, querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 30 }) }) } },
    async (request) => listNotifications(readContext(request).db, request.user!.id, request.query.limit),
  );

  app.post('/api/notifications/:id/read', { config: { access: { authenticated: true } }, schema: { tags, params: IdParam } }, async (request) => {
    const { db, now } = readContext(request);
    // someone else's notification is answered as missing: its existence is not disclosed
    if (!(await markRead(db, request.user!.id, request.params.id, now))) throw notFound('thông báo');
    return { ok: true };
  });

  app.post('/api/notifications/read-all', { config: { access: { authenticated: true } }, schema: { tags } }, async (request) => {
    const { db, now } = readContext(request);
    return { updated: await markAllRead(db, request.user!.id, now) };
  });
}
