// Bulk writers for the benchmark loader: multi-row prepared INSERTs on SQLite (better-sqlite3),
// INSERT … SELECT FROM jsonb_array_elements($1) on PostgreSQL (one statement and one parameter per batch).
import type SQLite from 'better-sqlite3';
import type pg from 'pg';

export type ColumnType = 'int' | 'text';
export interface TableSpec {
  table: string;
  columns: readonly (readonly [string, ColumnType])[];
}

export interface BulkWriter {
  /** rows are arrays in the order of spec.columns; resolves when the rows are written (not necessarily committed) */
  write(spec: TableSpec, rows: readonly unknown[][]): Promise<void>;
  /** commits what was written so far and starts a new transaction */
  commit(): Promise<void>;
  close(): Promise<void>;
}

/** SQLite: one long transaction committed on commit(); statements of `rowsPerStatement` rows each */
export function sqliteWriter(sqlite: SQLite.Database, rowsPerStatement = 64): BulkWriter {
  const statements = new Map<string, SQLite.Statement>();
  const statementFor = (spec: TableSpec, n: number) => {
    const key = `${spec.table}:${n}`;
    let s = statements.get(key);
    if (!s) {
      const one = `(${spec.columns.map(() => '?').join(',')})`;
      s = sqlite.prepare(`insert into ${spec.table} (${spec.columns.map(([c]) => c).join(',')}) values ${Array(n).fill(one).join(',')}`);
      statements.set(key, s);
    }
    return s;
  };
  sqlite.exec('begin');
  return {
    async write(spec, rows) {
      const full = statementFor(spec, rowsPerStatement);
      const params: unknown[] = [];
      let i = 0;
      for (; i + rowsPerStatement <= rows.length; i += rowsPerStatement) {
        params.length = 0;
        for (let k = i; k < i + rowsPerStatement; k++) for (const v of rows[k]) params.push(v);
        full.run(params);
      }
      for (; i < rows.length; i++) statementFor(spec, 1).run(rows[i] as unknown[]);
    },
    async commit() {
      sqlite.exec('commit');
      sqlite.exec('begin');
    },
    async close() {
      if (sqlite.inTransaction) sqlite.exec('commit');
    },
  };
}

/**
 * PostgreSQL: each write is one autocommitted statement (durable on return, like the product's transactions):
 * the batch travels as one JSON array of row arrays and is unpacked by the server, which keeps the
 * client's share of the work small (JSON.stringify) on a machine with few cores.
 */
export function postgresWriter(client: pg.PoolClient | pg.Client): BulkWriter {
  return {
    async write(spec, rows) {
      if (!rows.length) return;
      const columns = spec.columns.map(([c]) => c).join(',');
      const values = spec.columns.map(([, t], i) => (t === 'int' ? `(r->>${i})::int4` : `r->>${i}`)).join(',');
      await client.query(`insert into ${spec.table} (${columns}) select ${values} from jsonb_array_elements($1::jsonb) r`, [JSON.stringify(rows)]);
    },
    async commit() {},
    async close() {},
  };
}

export const TABLES = {
  organizations: {
    table: 'organizations',
    columns: [['id', 'int'], ['name', 'text'], ['search_name', 'text'], ['kind', 'text'], ['admin_unit', 'text'], ['parent_id', 'int'], ['path', 'text'], ['depth', 'int'], ['founded_on', 'text'], ['direct_member_count', 'int'], ['created_at', 'text'], ['updated_at', 'text']],
  },
  org_periods: { table: 'org_periods', columns: [['id', 'int'], ['org_id', 'int'], ['parent_id', 'int'], ['name', 'text'], ['kind', 'text'], ['valid_from', 'text']] },
  restructuring_events: { table: 'restructuring_events', columns: [['id', 'int'], ['kind', 'text'], ['effective_on', 'text'], ['created_at', 'text']] },
  restructuring_event_orgs: { table: 'restructuring_event_orgs', columns: [['event_id', 'int'], ['org_id', 'int'], ['role', 'text']] },
  audit_log: {
    table: 'audit_log',
    columns: [['id', 'int'], ['at', 'text'], ['actor', 'text'], ['action', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['org_id', 'int'], ['after_json', 'text']],
  },
  members: {
    table: 'members',
    columns: [
      ['id', 'int'], ['org_id', 'int'], ['full_name', 'text'], ['search_name', 'text'], ['sort_key', 'text'], ['gender', 'text'], ['birth_date', 'text'],
      ['ethnicity', 'text'], ['religion', 'text'], ['hometown', 'text'], ['education', 'text'], ['theory_level', 'text'], ['admitted_on', 'text'],
      ['official_on', 'text'], ['card_number', 'text'], ['position', 'text'], ['status', 'text'], ['created_at', 'text'], ['updated_at', 'text'],
    ],
  },
  member_periods: { table: 'member_periods', columns: [['id', 'int'], ['member_id', 'int'], ['org_id', 'int'], ['valid_from', 'text'], ['reason', 'text']] },
} satisfies Record<string, TableSpec>;
