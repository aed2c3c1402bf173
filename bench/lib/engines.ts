// Opening the benchmark databases: a dedicated PostgreSQL database (dropped and re-created per run) and SQLite files in bench/tmp/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Engine } from '../../src/db/database.js';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TMP_DIR = path.join(BENCH_DIR, 'tmp');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

/** the PostgreSQL server, without a database part; DAIHOI_BENCH_PG overrides (e.g. postgres://postgres@db:5432) */
export const PG_SERVER = (process.env.DAIHOI_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
export const PG_DATABASE = 'daihoi_bench';

export function pgUrl(database: string): string {
  return `${PG_SERVER}/${database}`;
}

export async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: pgUrl('postgres'), connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** a freshly created, migrated database of the engine */
export async function freshBenchDatabase(engine: Engine, name: string): Promise<DatabaseHandle> {
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: pgUrl('postgres') });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${PG_DATABASE} with (force)`);
      await admin.query(`create database ${PG_DATABASE}`);
    } finally {
      await admin.end();
    }
    const handle = await openDatabase({ databaseUrl: pgUrl(PG_DATABASE), dataDir: TMP_DIR, poolSize: 4 });
    await migrateToLatest(handle);
    return handle;
  }
  const file = path.join(TMP_DIR, `${name}.sqlite`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const handle = await openDatabase({ dataDir: TMP_DIR, sqliteFile: file });
  await migrateToLatest(handle);
  return handle;
}

export async function engineVersion(handle: DatabaseHandle): Promise<string> {
  if (handle.engine === 'sqlite') return `SQLite ${(handle.sqlite!.prepare('select sqlite_version() as v').get() as { v: string }).v}`;
  const r = await handle.pgPool!.query('show server_version');
  return `PostgreSQL ${r.rows[0].server_version}`;
}

export async function engineSettings(handle: DatabaseHandle): Promise<Record<string, string>> {
  if (handle.engine === 'sqlite') {
    const s = handle.sqlite!;
    return {
      journal_mode: String(s.pragma('journal_mode', { simple: true })),
      synchronous: String(s.pragma('synchronous', { simple: true })),
      cache_size: String(s.pragma('cache_size', { simple: true })),
      page_size: String(s.pragma('page_size', { simple: true })),
    };
  }
  const out: Record<string, string> = {};
  for (const k of ['shared_buffers', 'work_mem', 'effective_cache_size', 'max_wal_size', 'synchronous_commit', 'fsync', 'jit']) {
    out[k] = (await handle.pgPool!.query(`show ${k}`)).rows[0][k];
  }
  return out;
}

/** on-disk size of the database, bytes */
export async function databaseSize(handle: DatabaseHandle): Promise<number> {
  if (handle.engine === 'sqlite') {
    const f = handle.sqlitePath!;
    return [f, `${f}-wal`].reduce((a, p) => a + (fs.existsSync(p) ? fs.statSync(p).size : 0), 0);
  }
  return Number((await handle.pgPool!.query('select pg_database_size(current_database()) as n')).rows[0].n);
}
