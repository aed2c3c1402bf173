import path from 'node:path';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type DatabaseIntrospector, type DatabaseMetadata, type Migration, type SchemaMetadata, type TableMetadata } from 'kysely';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';
import type { Engine } from './migrations/helpers.js';

export type { Engine };

export interface DatabaseHandle {
  engine: Engine;
  db: Kysely<Database>;
  /** the SQLite file, when the engine is SQLite */
  sqlitePath?: string;
  /** the underlying better-sqlite3 connection (online backup, bulk loads) */
  sqlite?: SQLite.Database;
  /** the PostgreSQL pool and the schema this handle works in */
  pgPool?: pg.Pool;
  /**
   * PostgreSQL: a second, small pool for short write transactions that must not wait behind a queue of reads in the
   * main pool (the ballot box's group commits during a burst of 2,000 ballots). SQLite has one connection: absent.
   */
  writerDb?: Kysely<Database>;
  pgSchema?: string;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres://… switches to PostgreSQL; otherwise SQLite under dataDir */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL schema to work in (tests use one schema each) */
  pgSchema?: string;
  sqliteFile?: string;
  poolSize?: number;
}

// PostgreSQL returns BIGINT counts as strings; every count we make fits a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openSqlite(file: string): SQLite.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL with synchronous=FULL: a committed transaction is on disk before the call returns (survives kill -9 and power loss)
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // deleted rows are overwritten, not left in free pages: the ballots rewritten at an election's close leave no trace
  // of the order they were cast in (docs/architecture.md, secrecy)
  sqlite.pragma('secure_delete = ON');
  return sqlite;
}

/**
 * After a poll's close: nothing left in the files may link a voter to a ballot by the order or the transaction of
 * writing (docs/architecture.md, secrecy). On SQLite the write-ahead log still holds, page by page in commit order, the
 * roster rows, audit rows and ballots of each group commit — what the close's rewrite removed from the database:
 * checkpointing and truncating it leaves nothing. On PostgreSQL each row version carries the id of the transaction
 * that wrote it (xmin), the same for a group's roster rows, "delegate N voted" audit rows and ballots; the close
 * rewrote the ballots in its own transaction, and VACUUM removes the dead versions that still carried the casting
 * transactions' ids. (PostgreSQL's own WAL is the server's, outside the application's files.)
 */
export async function forgetWriteOrder(handle: DatabaseHandle): Promise<void> {
  if (handle.engine === 'sqlite') {
    handle.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
    return;
  }
  await vacuumBallots(handle);
  // VACUUM removes a dead version only once no transaction that began before it is still running (a backup's dump, a
  // long report): it is run again later, so the versions go as soon as such a transaction ends
  for (const ms of VACUUM_AGAIN_MS) setTimeout(() => void vacuumBallots(handle).catch(() => undefined), ms).unref();
}
const VACUUM_AGAIN_MS = [5_000, 60_000, 600_000];
const vacuumBallots = (handle: DatabaseHandle) => sql`vacuum cast_ballots`.execute(handle.db);

/**
 * Kysely's SQLite driver prepares every query anew; compiling the statement was a fifth of a ballot's CPU in the
 * vote-burst benchmark. Statements are kept by their SQL text (the few hundred shapes the app uses); one that is busy
 * (an open iterator) is not shared.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const cached = {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement || statement.busy) {
        statement = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
        cache.set(text, statement);
      }
      return statement;
    },
  };
  return cached as unknown as SQLite.Database;
}

/**
 * Kysely's PostgreSQL introspector reads every table of every schema and calls pg_get_serial_sequence on each: when
 * another process drops a schema meanwhile (tests run one schema each, side by side), it fails with "relation … does
 * not exist" — and with it the migrator, which asks it whether its own table exists. We only ever need the tables of
 * our own schema, read from the catalog alone.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}
  async getSchemas(): Promise<SchemaMetadata[]> {
    const r = await sql<{ name: string }>`select current_schema() as name`.execute(this.db);
    return r.rows;
  }
  async getTables(): Promise<TableMetadata[]> {
    const r = await sql<{ schema: string; table: string; kind: string; column: string; type: string; not_null: boolean; has_default: boolean; identity: string }>`
      select n.nspname as schema, c.relname as table, c.relkind as kind, a.attname as column, t.typname as type,
             a.attnotnull as not_null, a.atthasdef as has_default, a.attidentity as identity
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_catalog.pg_type t on t.oid = a.atttypid
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
      order by c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata>();
    for (const row of r.rows) {
      let table = tables.get(row.table);
      if (!table) tables.set(row.table, (table = { name: row.table, schema: row.schema, isView: row.kind === 'v', columns: [] }));
      (table.columns as unknown[]).push({ name: row.column, dataType: row.type, isNullable: !row.not_null, hasDefaultValue: row.has_default || row.identity !== '', isAutoIncrementing: row.identity !== '' });
    }
    return [...tables.values()];
  }
  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

class SchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    const schema = config.pgSchema;
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      // JIT compilation cost more than it saved on our tree queries (bench/national.bench.ts: 510 of 770 ms)
      options: [schema ? `-c search_path=${schema}` : null, '-c jit=off'].filter(Boolean).join(' '),
    });
    // an idle connection the server drops (restart, admin, network) is replaced on next use; unhandled, its error would end the process
    pool.on('error', (e) => console.error(`daihoi: PostgreSQL connection lost (${e.message}); it is replaced on next use`));
    const db = new Kysely<Database>({ dialect: new SchemaPostgresDialect({ pool }) });
    const writerPool = new pg.Pool({ connectionString: config.databaseUrl, max: 2, options: pool.options.options });
    writerPool.on('error', (e) => console.error(`daihoi: PostgreSQL connection lost (${e.message}); it is replaced on next use`));
    const writerDb = new Kysely<Database>({ dialect: new SchemaPostgresDialect({ pool: writerPool }) });
    return {
      engine: 'postgres',
      db,
      pgPool: pool,
      writerDb,
      pgSchema: schema ?? 'public',
      close: async () => {
        await writerDb.destroy();
        await db.destroy();
      },
    };
  }
  const file = config.sqliteFile ?? path.join(config.dataDir, 'daihoi.sqlite');
  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { engine: 'sqlite', db, sqlite, sqlitePath: file, close: () => db.destroy() };
}

export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  const ctx = { engine: handle.engine };
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(migrations.map((m) => [m.name, { up: (db) => m.up(db, ctx) }]));
    },
  };
  const migrator = new Migrator({
    db: handle.db,
    provider,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    // on PostgreSQL, look for the migration tables in our own schema only (tests run one schema per database)
    ...(handle.engine === 'postgres' ? { migrationTableSchema: await currentSchema(handle) } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
}

async function currentSchema(handle: DatabaseHandle): Promise<string> {
  const r = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  return r.rows[0].schema;
}

/** every table the application owns, in an order that respects foreign keys (parents first) */
export async function applicationTables(handle: DatabaseHandle): Promise<string[]> {
  const schema = handle.engine === 'postgres' ? await currentSchema(handle) : undefined;
  const tables = await handle.db.introspection.getTables();
  return tables.filter((t) => schema === undefined || t.schema === schema).map((t) => t.name).filter((n) => !n.startsWith('schema_migrations'));
}
