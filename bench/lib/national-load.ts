// Fills the tables the migrations created with the national plan, writing exactly the rows the product would:
// foundOrg (organizations + first org_period + 'found' event with its links + audit) for every unit, then
// the member import path (members with search_name/sort_key, first member_period from max(admission, founding),
// direct_member_count, one 'member.import' audit entry per unit). Explicit ids; PostgreSQL identities are advanced after.
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/database.js';
import { foldForSearch } from '../../src/shared/vietnamese.js';
import type { NationalPlan } from './national-tree.js';
import { generateBatches, generateBatchesInWorker } from './member-batches.js';
import { postgresWriter, sqliteWriter, TABLES, type BulkWriter } from './bulk-writers.js';
import { log, round } from './stats.js';

export { FIRST_CARD } from './member-batches.js';

export interface LoadReport {
  load_s: number;
  orgs_s: number;
  members_s: number;
  finish_s: number;
  members_per_s: number;
  rows: { organizations: number; members: number; member_periods: number };
}

/** the batch written per statement round (members and their periods) */
const BATCH = 5_000;
/** SQLite commits every this many members */
const COMMIT_EVERY = 100_000;

export async function loadNational(handle: DatabaseHandle, plan: NationalPlan, opts: { seed: number; today: string; now: string; /** generate in the main thread instead of a worker */ inline?: boolean }): Promise<LoadReport> {
  const t0 = performance.now();
  let writer: BulkWriter;
  /** member periods go through their own connection on PostgreSQL, so two server processes share the work */
  let periodWriter: BulkWriter;
  let release = async () => {};
  if (handle.engine === 'sqlite') {
    const sqlite = handle.sqlite!;
    // a bigger page cache while loading only; the product's default is restored afterwards
    sqlite.pragma('cache_size = -262144');
    writer = periodWriter = sqliteWriter(sqlite);
    release = async () => void sqlite.pragma('cache_size = -2000');
  } else {
    const clients = [await handle.pgPool!.connect(), await handle.pgPool!.connect()];
    // foreign-key triggers off for these connections while loading (4 of every 10 seconds otherwise go to per-row
    // RI checks); every foreign key of the loaded tables is checked afterwards in finish(), inside the load time
    for (const c of clients) await c.query('set session_replication_role = replica');
    writer = postgresWriter(clients[0]);
    periodWriter = postgresWriter(clients[1]);
    release = async () => {
      for (const c of clients) {
        await c.query('set session_replication_role = default');
        c.release();
      }
    };
  }
  try {
    await writeOrgs(writer, plan, opts.now);
    await writer.commit();
    const t1 = performance.now();
    log(`  ${plan.orgs.length} organisations in ${((t1 - t0) / 1000).toFixed(1)} s`);
    const written = await writeMembers(writer, periodWriter, plan, opts);
    await writer.close();
    const t2 = performance.now();
    log(`  ${written} members in ${((t2 - t1) / 1000).toFixed(1)} s (${Math.round(written / ((t2 - t1) / 1000))}/s)`);
    await finish(handle);
    const t3 = performance.now();
    log(`  finished (identities, statistics, checkpoint) in ${((t3 - t2) / 1000).toFixed(1)} s`);
    return {
      load_s: round((t3 - t0) / 1000, 1),
      orgs_s: round((t1 - t0) / 1000, 1),
      members_s: round((t2 - t1) / 1000, 1),
      finish_s: round((t3 - t2) / 1000, 1),
      members_per_s: Math.round(written / ((t2 - t1) / 1000)),
      rows: { organizations: plan.orgs.length, members: written, member_periods: written },
    };
  } finally {
    await release();
  }
}

async function writeOrgs(w: BulkWriter, plan: NationalPlan, now: string) {
  const orgRows: unknown[][] = [];
  const periodRows: unknown[][] = [];
  const eventRows: unknown[][] = [];
  const linkRows: unknown[][] = [];
  const auditRows: unknown[][] = [];
  let auditId = 0;
  for (const o of plan.orgs) {
    orgRows.push([o.id, o.name, foldForSearch(o.name), o.kind, o.adminUnit, o.parentId, o.path, o.depth, o.foundedOn, o.members, now, now]);
    periodRows.push([o.id, o.id, o.parentId, o.name, o.kind, o.foundedOn]);
    // one 'found' event per unit, id = org id (founded in id order)
    eventRows.push([o.id, 'found', o.foundedOn, now]);
    linkRows.push([o.id, o.id, 'founded']);
    if (o.parentId !== null) linkRows.push([o.id, o.parentId, 'parent']);
    const input = { name: o.name, kind: o.kind, adminUnit: o.adminUnit, parentId: o.parentId, effectiveOn: o.foundedOn };
    auditRows.push([++auditId, now, 'bench', 'org.found', 'organization', String(o.id), o.id, JSON.stringify(input)]);
  }
  for (const o of plan.orgs) {
    if (o.members) auditRows.push([++auditId, now, 'bench', 'member.import', 'organization', String(o.id), o.id, JSON.stringify({ file: 'danh-sach-dang-vien.xlsx', rows: o.members })]);
  }
  const chunks = async (spec: (typeof TABLES)[keyof typeof TABLES], rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += BATCH) await w.write(spec, rows.slice(i, i + BATCH));
  };
  await chunks(TABLES.organizations, orgRows);
  await chunks(TABLES.org_periods, periodRows);
  await chunks(TABLES.restructuring_events, eventRows);
  await chunks(TABLES.restructuring_event_orgs, linkRows);
  await chunks(TABLES.audit_log, auditRows);
}

async function writeMembers(w: BulkWriter, wp: BulkWriter, plan: NationalPlan, opts: { seed: number; today: string; now: string; inline?: boolean }): Promise<number> {
  const input = { orgs: plan.orgs.filter((o) => o.members > 0).map((o) => [o.id, o.members, o.provinceIndex, o.foundedOn] as [number, number, number, string]), seed: opts.seed, today: opts.today, now: opts.now, batch: BATCH };
  const batches = opts.inline ? generateBatches(input) : generateBatchesInWorker(input);
  let written = 0;
  let pending: Promise<unknown> = Promise.resolve();
  let sinceCommit = 0;
  let lastLog = performance.now();
  for await (const { members, periods } of batches) {
    // PostgreSQL works on the previous batch while this one is being received
    await pending;
    pending = w === wp ? w.write(TABLES.members, members).then(() => w.write(TABLES.member_periods, periods)) : Promise.all([w.write(TABLES.members, members), wp.write(TABLES.member_periods, periods)]);
    written += members.length;
    sinceCommit += members.length;
    if (sinceCommit >= COMMIT_EVERY) {
      await pending;
      await w.commit();
      if (wp !== w) await wp.commit();
      sinceCommit = 0;
    }
    if (performance.now() - lastLog > 30_000) {
      lastLog = performance.now();
      log(`    … ${written} members`);
    }
  }
  await pending;
  return written;
}

/** what a real installation reaches after such a load: identities past the explicit ids, fresh planner statistics on PostgreSQL */
async function finish(handle: DatabaseHandle) {
  if (handle.engine === 'postgres') {
    const orphans = await sql<{ n: number }>`
      select (select count(*) from members m where not exists (select 1 from organizations o where o.id = m.org_id))
           + (select count(*) from member_periods p where not exists (select 1 from members m where m.id = p.member_id))
           + (select count(*) from member_periods p where not exists (select 1 from organizations o where o.id = p.org_id))
           + (select count(*) from organizations c where c.parent_id is not null and not exists (select 1 from organizations o where o.id = c.parent_id))
           + (select count(*) from org_periods p where not exists (select 1 from organizations o where o.id = p.org_id))
           + (select count(*) from restructuring_event_orgs l where not exists (select 1 from organizations o where o.id = l.org_id)) as n`.execute(handle.db);
    if (Number(orphans.rows[0].n) !== 0) throw new Error(`bulk load broke ${orphans.rows[0].n} foreign keys`);
    for (const t of ['organizations', 'org_periods', 'restructuring_events', 'audit_log', 'members', 'member_periods']) {
      await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 1))`.execute(handle.db);
    }
    // autovacuum would do this within minutes of a bulk load (since PostgreSQL 13 inserts alone trigger it): statistics, and
    // the visibility map that lets a subtree search read the covering index without visiting the table
    await sql`vacuum (analyze) members`.execute(handle.db);
    await sql`analyze`.execute(handle.db);
  } else {
    handle.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
  }
}
