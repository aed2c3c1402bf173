// Candidate product changes, measured on the loaded database in the same run and then undone, so the figures
// that motivate a change sit beside the figures of the product as shipped. Each is skipped when the product already has it.
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { pgUrl, PG_DATABASE } from './engines.js';
import { log, round, timeOnce, timeRepeated } from './stats.js';

export type QuerySet = Record<string, () => Promise<unknown>>;

export interface WhatIf {
  name: string;
  engine: 'sqlite' | 'postgres';
  /** the change, as the product would make it */
  change: string;
  /** applies the change; returns the handle to measure through (a new pool when connection settings change) and undoes it in `revert` */
  apply(handle: DatabaseHandle): Promise<{ measureOn: DatabaseHandle; revert(): Promise<void> }>;
}

async function indexExists(handle: DatabaseHandle, name: string): Promise<boolean> {
  if (handle.engine === 'sqlite') return Boolean(handle.sqlite!.prepare("select 1 from sqlite_master where type = 'index' and name = ?").get(name));
  return (await handle.pgPool!.query('select 1 from pg_indexes where indexname = $1', [name])).rowCount! > 0;
}

const withIndex = (name: string, ddl: string): WhatIf['apply'] => async (handle) => {
  await sql.raw(ddl).execute(handle.db);
  return { measureOn: handle, revert: async () => void (await sql.raw(`drop index ${name}`).execute(handle.db)) };
};

const withJitOff = (inner?: WhatIf['apply']): WhatIf['apply'] => async (handle) => {
  const innerDone = inner ? await inner(handle) : null;
  // the same as the product passing `options: '-c jit=off'` to its pool: new connections start without JIT
  await sql.raw(`alter database ${PG_DATABASE} set jit = off`).execute(handle.db);
  const other = await openDatabase({ databaseUrl: pgUrl(PG_DATABASE), dataDir: '', poolSize: 4 });
  return {
    measureOn: other,
    revert: async () => {
      await other.close();
      await sql.raw(`alter database ${PG_DATABASE} reset jit`).execute(handle.db);
      await innerDone?.revert();
    },
  };
};

const TRGM = 'create index members_search_trgm on members using gin (search_name gin_trgm_ops)';
const SQLITE_SEARCH = 'create index members_org_status_search on members (org_id, status, search_name)';

// Candidates measured on the loaded database, then reverted. Adopted so far: jit=off (src/db/database.ts),
// the trigram word index on PostgreSQL and the covering search index on SQLite (migration 0004).
// Measured in the province-only runs of 28/11 and adopted as migration 0017 (with the strpos predicate of members.store.ts):
// pg_org_search_btree, SQLite's covering index on PostgreSQL (org_id, status, search_name).
export const WHAT_IFS: WhatIf[] = [];

export interface WhatIfResult {
  change: string;
  apply_s: number;
  median_ms: Record<string, number>;
  p99_ms: Record<string, number>;
}

/** measures `queries(handle)` under each candidate change of the engine */
export async function measureWhatIfs(handle: DatabaseHandle, queries: (h: DatabaseHandle) => QuerySet, opts: { quick: boolean }): Promise<Record<string, WhatIfResult>> {
  const out: Record<string, WhatIfResult> = {};
  for (const w of WHAT_IFS.filter((x) => x.engine === handle.engine)) {
    if ((w.name.includes('trgm') && (await indexExists(handle, 'members_search_trgm'))) || (w.name === 'search_index' && (await indexExists(handle, 'members_org_status_search')))) {
      log(`  what-if ${w.name}: the product already has it, skipped`);
      continue;
    }
    const applied = await timeOnce(() => w.apply(handle));
    const { measureOn, revert } = applied.value;
    try {
      const median_ms: Record<string, number> = {};
      const p99_ms: Record<string, number> = {};
      for (const [k, fn] of Object.entries(queries(measureOn))) {
        const probe = (await timeOnce(fn)).ms;
        const reps = Math.max(opts.quick ? 3 : 5, Math.min(opts.quick ? 7 : 15, Math.floor((opts.quick ? 1500 : 6000) / Math.max(probe, 0.01)))) | 1;
        const t = await timeRepeated(fn, { warmup: opts.quick ? 1 : 2, reps });
        median_ms[k] = t.median_ms;
        p99_ms[k] = t.p99_ms;
      }
      out[w.name] = { change: w.change, apply_s: round(applied.ms / 1000, 1), median_ms, p99_ms };
      log(`  what-if ${w.name} (applied in ${(applied.ms / 1000).toFixed(1)} s): ${Object.entries(median_ms).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
    } finally {
      await revert();
    }
  }
  return out;
}
