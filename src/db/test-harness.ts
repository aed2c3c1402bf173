import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest, type DatabaseHandle, type Engine } from './database.js';

export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** the PostgreSQL server tests use: DATABASE_URL when set, else the local one */
export function postgresTestUrl(): string {
  const url = process.env.DATABASE_URL;
  return url && url.startsWith('postgres') ? url : LOCAL_POSTGRES_URL;
}

/** null when PostgreSQL answers; else why not (a loaded machine gets a few patient tries) */
async function postgresProblem(): Promise<string | null> {
  let last = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const client = new pg.Client({ connectionString: postgresTestUrl(), connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
      if (/ECONNREFUSED|ENOTFOUND|password authentication/.test(last) && attempt >= 1) break;
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return last || 'no answer';
}

/**
 * The engines the suite runs against: SQLite always, PostgreSQL when reachable.
 * DAIHOI_REQUIRE_POSTGRES=1 (set by CI) turns an unreachable PostgreSQL into a failure instead of a skip.
 */
export async function resolveTestEngines(): Promise<Engine[]> {
  const only = process.env.DAIHOI_TEST_ENGINES?.split(',').map((s) => s.trim()) as Engine[] | undefined;
  const wanted: Engine[] = only && only.length ? only : ['sqlite', 'postgres'];
  const engines: Engine[] = [];
  for (const engine of wanted) {
    if (engine === 'postgres') {
      const problem = await postgresProblem();
      if (problem === null) engines.push('postgres');
      else if (process.env.DAIHOI_REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL is required but not reachable at ${postgresTestUrl()}: ${problem}`);
    } else engines.push(engine);
  }
  return engines;
}

export const testEngines: Engine[] = await resolveTestEngines();

export interface TestDatabase extends DatabaseHandle {
  /** removes the database (file or schema) */
  drop(): Promise<void>;
}

let extensionsChecked = false;
/** extensions live in public, never in a test schema that a test will drop */
async function ensureSharedExtensions(admin: pg.Client) {
  if (extensionsChecked) return;
  extensionsChecked = true;
  await admin
    .query(
      `do $$ begin
         if exists (select 1 from pg_extension where extname = 'pg_trgm' and extnamespace <> 'public'::regnamespace) then alter extension pg_trgm set schema public; end if;
       end $$`,
    )
    .catch(() => undefined);
  await admin.query('create extension if not exists pg_trgm with schema public').catch(() => undefined);
}

/** a fresh, migrated database on the given engine: a temp file on SQLite, a new schema on PostgreSQL */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  const id = crypto.randomBytes(6).toString('hex');
  if (engine === 'postgres') {
    const schema = `t_${id}`;
    const admin = new pg.Client({ connectionString: postgresTestUrl() });
    await admin.connect();
    await ensureSharedExtensions(admin);
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = await openDatabase({ databaseUrl: postgresTestUrl(), dataDir: '', pgSchema: schema, poolSize: 4 });
    await migrateToLatest(handle);
    return {
      ...handle,
      async drop() {
        await handle.close();
        const c = new pg.Client({ connectionString: postgresTestUrl() });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-test-'));
  const handle = await openDatabase({ dataDir: dir });
  await migrateToLatest(handle);
  return {
    ...handle,
    async drop() {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** every row of the tables, as sorted JSON lines per table: two databases holding the same rows give equal snapshots */
export async function snapshotTables(handle: DatabaseHandle, tables: readonly string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(handle.db);
    out[table] = rows.rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort()))).sort();
  }
  return out;
}
