import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import readline from 'node:readline';
import type { Executor } from './types.js';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.js';

/**
 * Every application table, parents before children. A test checks that no table is missing,
 * so a new migration cannot add a table that backups silently skip.
 */
export const TABLE_ORDER = [
  'users',
  'organizations',
  'role_grants',
  'sessions',
  'audit_log',
  'org_periods',
  'restructuring_events',
  'restructuring_event_orgs',
  'members',
  'member_periods',
  'member_photos',
  'member_study_cards',
  // congress (issue 3)
  'congresses',
  'congress_sessions',
  'seat_allocations',
  'delegates',
  'delegate_tokens',
  'congress_working_bodies',
  'checkins',
  'agenda_items',
  'speakers',
  'congress_notices',
  'congress_documents',
  'congress_events',
  // votes and elections (issue 4)
  'open_votes',
  'elections',
  'election_candidates',
  'voter_roster',
  'cast_ballots',
  'paper_ballot_entries',
  'appointments',
  'org_leaders',
  // resolution follow-up (issue 5)
  'resolutions',
  'resolution_elements',
  'resolution_targets',
  'resolution_tasks',
  'task_evidence_files',
  'target_figures',
  'resolution_study_sessions',
  'resolution_study_attendance',
  'notifications',
  'settings',
] as const;

/** rows of a table in an order that satisfies its own foreign keys */
const ROW_ORDER: Record<string, string> = {
  organizations: 'depth, id',
  // an alternate standing in points at the official delegate it replaces
  delegates: 'replaces_delegate_id is not null, id',
  congress_events: 'congress_id, seq',
  // a further round points at the election before it
  elections: 'id',
};

/** tables of files read a few rows at a time: a page of 5000 documents of up to 10 MB would not fit in memory */
const ROWS_PER_PAGE: Record<string, number> = { task_evidence_files: 20 };

const DUMP_FORMAT = 'daihoi-dump';

export interface BackupSummary {
  file: string;
  format: 'sqlite' | 'ndjson';
  tables: Record<string, number>;
}

const isSqliteFile = (file: string) => /\.(sqlite|sqlite3|db)$/i.test(file);

/** a consistent copy while the server runs: SQLite's online backup API, or a portable NDJSON(.gz) dump of every table */
export async function backupDatabase(handle: DatabaseHandle, file: string): Promise<BackupSummary> {
  // the folder is made if it is missing (`backup backups/2025-08-18.sqlite` on a fresh install)
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (handle.engine === 'sqlite' && isSqliteFile(file)) {
    await handle.sqlite!.backup(file);
    const copy = new SQLite(file, { readonly: true });
    const tables = Object.fromEntries(TABLE_ORDER.map((t) => [t, (copy.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));
    copy.close();
    return { file, format: 'sqlite', tables };
  }
  const gzip = file.endsWith('.gz');
  const out = fs.createWriteStream(file);
  const sink: NodeJS.WritableStream = gzip ? zlib.createGzip() : out;
  if (gzip) (sink as zlib.Gzip).pipe(out);
  const write = (obj: unknown) =>
    new Promise<void>((resolve) => {
      if (sink.write(JSON.stringify(obj) + '\n')) resolve();
      else sink.once('drain', () => resolve());
    });
  const tables: Record<string, number> = {};
  // one repeatable-read snapshot on PostgreSQL; SQLite's single connection reads one state inside the transaction
  await handle.db.transaction().execute(async (trx) => {
    if (handle.engine === 'postgres') await sql`set transaction isolation level repeatable read`.execute(trx);
    const migrations = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(trx);
    await write({ format: DUMP_FORMAT, version: 1, engine: handle.engine, migrations: migrations.rows.map((r) => r.name), createdAt: new Date().toISOString() });
    for (const table of TABLE_ORDER) {
      const columns = await tableColumns(trx, handle.engine, table);
      await write({ table, columns });
      let n = 0;
      const pageSize = ROWS_PER_PAGE[table] ?? 5000;
      for (let offset = 0; ; offset += pageSize) {
        const rows = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)} order by ${sql.raw(ROW_ORDER[table] ?? orderKey(columns))} limit ${pageSize} offset ${offset}`.execute(trx);
        for (const r of rows.rows) await write(columns.map((c) => r[c] ?? null));
        n += rows.rows.length;
        if (rows.rows.length < pageSize) break;
      }
      tables[table] = n;
    }
  });
  await new Promise<void>((resolve, reject) => {
    out.on('finish', resolve).on('error', reject);
    sink.end();
  });
  return { file, format: 'ndjson', tables };
}

const orderKey = (columns: string[]) => (columns.includes('id') ? 'id' : columns.join(', '));

/** the columns of one of our tables, in order (on PostgreSQL, in our own schema only) */
async function tableColumns(db: Executor, engine: DatabaseHandle['engine'], table: string): Promise<string[]> {
  const rows =
    engine === 'postgres'
      ? await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db)
      : await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db);
  if (!rows.rows.length) throw new Error(`table ${table} is missing`);
  return rows.rows.map((r) => r.name);
}

interface TableData {
  columns: string[];
  rows: unknown[][];
}

async function readDump(file: string): Promise<{ migrations: string[]; tables: Map<string, TableData> }> {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (head.toString('latin1') === 'SQLite format 3\u0000') {
    const src = new SQLite(file, { readonly: true });
    const migrations = (src.prepare('select name from schema_migrations order by name').all() as { name: string }[]).map((r) => r.name);
    const tables = new Map<string, TableData>();
    for (const table of TABLE_ORDER) {
      const columns = (src.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      const rows = src.prepare(`select * from ${table} order by ${ROW_ORDER[table] ?? orderKey(columns)}`).raw().all() as unknown[][];
      tables.set(table, { columns, rows });
    }
    src.close();
    return { migrations, tables };
  }
  const input = fs.createReadStream(file).pipe(head[0] === 0x1f && head[1] === 0x8b ? zlib.createGunzip() : new (await import('node:stream')).PassThrough());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let header: { format?: string; migrations?: string[] } | null = null;
  const tables = new Map<string, TableData>();
  let current: TableData | null = null;
  for await (const line of lines) {
    if (!line) continue;
    const value = JSON.parse(line);
    if (!header) {
      if (value.format !== DUMP_FORMAT) throw new Error('not a daihoi backup file');
      header = value;
    } else if (Array.isArray(value)) current!.rows.push(value);
    else {
      current = { columns: value.columns, rows: [] };
      tables.set(value.table, current);
    }
  }
  if (!header) throw new Error('empty backup file');
  return { migrations: header.migrations ?? [], tables };
}

/** replaces every row of the database with the backup's, in one transaction; the schema must already be migrated */
export async function restoreDatabase(handle: DatabaseHandle, file: string): Promise<Record<string, number>> {
  const dump = await readDump(file);
  const known = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(handle.db);
  const knownNames = new Set(known.rows.map((r) => r.name));
  const unknown = dump.migrations.filter((m) => !knownNames.has(m));
  if (unknown.length) throw new Error(`the backup comes from a newer daihoi (migrations ${unknown.join(', ')}); upgrade first`);
  const counts: Record<string, number> = {};
  await handle.db.transaction().execute(async (trx) => {
    for (const table of [...TABLE_ORDER].reverse()) await trx.deleteFrom(table as never).execute();
    for (const table of TABLE_ORDER) {
      const data = dump.tables.get(table);
      counts[table] = data?.rows.length ?? 0;
      if (!data || !data.rows.length) continue;
      const chunk = Math.max(1, Math.floor(900 / data.columns.length));
      for (let i = 0; i < data.rows.length; i += chunk) {
        const values = data.rows.slice(i, i + chunk).map((row) => Object.fromEntries(data.columns.map((c, k) => [c, row[k]])));
        await trx.insertInto(table as never).values(values as never).execute();
      }
    }
    if (handle.engine === 'postgres') {
      // identity columns continue after the restored ids
      for (const table of TABLE_ORDER) {
        const cols = dump.tables.get(table)?.columns ?? [];
        if (!cols.includes('id') || table === 'sessions') continue;
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
      }
    }
  });
  return counts;
}
