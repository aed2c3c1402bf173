import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './helpers.js';

// Name search at national scale (bench/national.bench.ts, src/db/search.ts): whole words and a last, unfinished one.
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  if (ctx.engine === 'sqlite') {
    // a covering index: a province's members are scanned unit by unit without touching the table
    await db.schema.createIndex('members_org_status_search').on('members').columns(['org_id', 'status', 'search_name']).execute();
    return;
  }
  // PostgreSQL: the whole words typed, looked up in the array of the name's words
  await sql`create index members_search_word_list on members using gin (string_to_array(search_name, ' '))`.execute(db);
  // and the last, unfinished word: a trigram index on the name with a leading space, so a word's first letters are trigrams of their own ("  h", " ha")
  let schema = await trigramSchema(db);
  if (schema === null) {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db).catch(() => undefined);
    schema = await trigramSchema(db);
  }
  // without the extension (no right to create it) search still works, by scanning
  if (schema === null) return;
  await sql`create index members_search_words on members using gin ((' ' || search_name) ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
}

async function trigramSchema(db: Kysely<any>): Promise<string | null> {
  const r = await sql<{ schema: string }>`select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'`.execute(db);
  return r.rows[0]?.schema ?? null;
}
