import type { Kysely } from 'kysely';
import { idColumn, type MigrationContext } from './helpers.js';

// Reminders of the action programme (issue 5): in-app notifications per user, an e-mail address on accounts
// for reminders by e-mail, and a task's responsible person linked to an account.
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    // task_overdue | task_at_risk | task_due_soon
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // where the web app opens it ("/resolutions/12")
    .addColumn('link', 'text')
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('emailed_at', 'text')
    .execute();
  // the bell: a user's newest notifications and the unread count
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at', 'id']).execute();
  await db.schema.createIndex('notifications_entity').on('notifications').columns(['entity', 'entity_id', 'created_at']).execute();

  await db.schema.alterTable('users').addColumn('email', 'text').execute();
  await db.schema.alterTable('resolution_tasks').addColumn('responsible_user_id', 'integer', (c) => c.references('users.id')).execute();
}
