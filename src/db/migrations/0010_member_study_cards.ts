import type { Kysely } from 'kysely';
import type { MigrationContext } from './helpers.js';

// A member's study card reissued (lost, or given to someone else): its generation goes up and the cards printed
// before stop verifying. No row: generation 0, the cards printed before this migration.
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('member_study_cards')
    .addColumn('member_id', 'integer', (c) => c.primaryKey().references('members.id'))
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('reissued_at', 'text', (c) => c.notNull())
    .addColumn('reissued_by', 'integer', (c) => c.references('users.id'))
    .execute();
}
