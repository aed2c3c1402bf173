import type { Kysely } from 'kysely';
import type { MigrationContext } from './helpers.js';

// Name search inside a subtree (the members list of a province, a ward, a chi bộ) on PostgreSQL: the covering index
// SQLite has had since 0004, so the words are matched unit by unit in the index, at a cost that follows the subtree's
// size, instead of in the trigram and word indexes whose posting lists span the whole country (bench/national.bench.ts).
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  if (ctx.engine !== 'postgres') return;
  await db.schema.createIndex('members_org_status_search').ifNotExists().on('members').columns(['org_id', 'status', 'search_name']).execute();
}
