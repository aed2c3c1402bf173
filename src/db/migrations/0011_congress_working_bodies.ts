import type { Kysely } from 'kysely';
import { idColumn, type MigrationContext } from './helpers.js';

// The congress's working bodies (cơ quan giúp việc đại hội), approved by show of hands: the presidium, the
// secretariat, the credentials committee and the counting committee; one row per member, in the order announced.
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('congress_working_bodies')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('delegate_id', 'integer', (c) => c.references('delegates.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    /** 1: heads the body (trưởng đoàn thư ký, trưởng ban); the presidium has none */
    .addColumn('is_head', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('congress_working_bodies_position', ['congress_id', 'body', 'position'])
    .execute();
}
