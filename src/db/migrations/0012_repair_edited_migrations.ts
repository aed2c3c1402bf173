import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './helpers.js';

// Two landed migrations were edited afterwards (a review found it; a test now pins every landed migration's text):
// 0004 gained the word-list GIN index on PostgreSQL, 0006 the elections' ballots_issued column. A database migrated
// before those edits lacks them; this adds them where missing and does nothing elsewhere.
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  if (ctx.engine === 'postgres') {
    await sql`create index if not exists members_search_word_list on members using gin (string_to_array(search_name, ' '))`.execute(db);
    await sql`alter table elections add column if not exists ballots_issued integer`.execute(db);
    return;
  }
  const columns = await sql<{ name: string }>`select name from pragma_table_info('elections')`.execute(db);
  if (!columns.rows.some((c) => c.name === 'ballots_issued')) await sql`alter table elections add column ballots_issued integer`.execute(db);
}
