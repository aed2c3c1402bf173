// Kysely queries for in-app notifications: write, list a user's, count unread, mark read.
import type { Executor } from '../../db/types.js';

export interface NotificationInput {
  userId: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entity: string | null;
  entityId: number | null;
}

export async function insertNotification(db: Executor, n: NotificationInput, now: string): Promise<number> {
  const { id } = await db
    .insertInto('notifications')
    .values({ user_id: n.userId, kind: n.kind, title: n.title, body: n.body, link: n.link, entity: n.entity, entity_id: n.entityId, created_at: now, read_at: null, emailed_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function markEmailed(db: Executor, ids: number[], now: string) {
  if (ids.length) await db.updateTable('notifications').set({ emailed_at: now }).where('id', 'in', ids).execute();
}

/** the newest notification of each (entity id, kind) among these entities: when each was last sent */
export async function lastNotified(db: Executor, entity: string, entityIds: number[]) {
  if (!entityIds.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('notifications')
    .select(['entity_id', 'kind', (eb) => eb.fn.max('created_at').as('last')])
    .where('entity', '=', entity)
    .where('entity_id', 'in', entityIds)
    .groupBy(['entity_id', 'kind'])
    .execute();
  return new Map(rows.map((r) => [`${r.entity_id}|${r.kind}`, String(r.last)]));
}

export async function listNotifications(db: Executor, userId: number, limit: number) {
  const rows = await db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute();
  const { n } = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    unread: Number(n),
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at, emailedAt: r.emailed_at })),
  };
}

/** marks one of the user's notifications read; false when it is not theirs (or does not exist) */
export async function markRead(db: Executor, userId: number, id: number, now: string): Promise<boolean> {
  const row = await db.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) return false;
  if (row.read_at === null) await db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).execute();
  return true;
}

export async function markAllRead(db: Executor, userId: number, now: string): Promise<number> {
  const r = await db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
