import type { Kysely } from 'kysely';
import type { MigrationContext } from './helpers.js';

// A member's photo (ảnh 3×4) for delegate cards: at most one per member, already normalised to a small JPEG.
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('member_photos')
    .addColumn('member_id', 'integer', (c) => c.primaryKey().references('members.id'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    // base64 text rather than a blob: the portable NDJSON backup restores it unchanged into either engine
    .addColumn('photo_base64', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
