import type { Kysely } from 'kysely';
import type { MigrationContext } from './helpers.js';

// Server settings kept with the data (issue 5: the key that signs members' study QR cards), so they survive
// restarts, move with a backup, and are shared by every server process on one PostgreSQL database.
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
