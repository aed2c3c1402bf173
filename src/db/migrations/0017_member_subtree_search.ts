import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './helpers.js';

// Name search inside a subtree (the members list of a province, a ward, a chi bộ) on PostgreSQL: the covering index
// SQLite has had since 0004, carrying the list order and the row (sort_key, id), so the words are matched and a page's members found unit
// by unit in the index alone, at a cost that follows the subtree's size, instead of in the trigram and word indexes whose
// posting lists span the whole country (bench/national.bench.ts).
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  if (ctx.engine !== 'postgres') return;
  await sql`create index if not exists members_org_status_search on members (org_id, status, search_name) include (sort_key, id)`.execute(db);
}
