// Issue #2: the national-scale tree (34 provinces, 3,321 communes and wards, 55,000 grassroots organisations,
// 5,600,000 members) on SQLite and PostgreSQL: load time, warm subtree / country counts, name search within a province,
// the as-of-date tree of a province, and a 20,000-row XLSX import through the real route. Every query figure is the
// product's store function ("daihoi") beside the simplest hand-written SQL answering the same question on the same
// database through the bare driver ("raw"), timed interleaved in the same run.
import os from 'node:os';
import { sql } from 'kysely';
import type { DatabaseHandle, Engine } from '../src/db/database.js';
import { countAllMembers, levelAsOf, listOrgs, subtreeMemberCount, treeAsOf } from '../src/modules/orgs/orgs.store.js';
import { pathUpperBound } from '../src/modules/orgs/orgs.rules.js';
import { listMembers, searchMembers } from '../src/modules/members/members.store.js';
import { foldForSearch, vietnameseNameSortKey } from '../src/shared/vietnamese.js';
import type { Benchmark, BenchContext } from './lib/registry.js';
import type { BenchRun } from './lib/results.js';
import { describeMachine } from './lib/machine.js';
import { databaseSize, engineSettings, engineVersion, freshBenchDatabase } from './lib/engines.js';
import { planNationalTree, PROVINCES, TREE_FOUNDED_ON, type NationalPlan, type PlannedOrg } from './lib/national-tree.js';
import { loadNational, FIRST_CARD } from './lib/national-load.js';
import { importThroughRoute, memberListXlsx } from './lib/member-import.js';
import { durableInsertRate, noopRouteRate } from './lib/reference.js';
import { measureWhatIfs, WHAT_IFS } from './lib/what-if.js';
import { fmtMs, log, round, timeOnce, timePair, type Timing } from './lib/stats.js';

const SEED = 20_250_701;
/** "today" for generated dates and the app's clock */
const TODAY = '2026-11-20';
/** the as-of date: after the tree was founded, before the units founded late (5%) */
const AS_OF = '2025-12-31';
const IMPORT_ROWS = { full: 20_000, quick: 2_000 };
/** DAIHOI_BENCH_NATIONAL_SCOPE=province: only the largest province, at full size (about a twelfth of the load), to iterate on per-province figures */
const PROVINCE_ONLY = process.env.DAIHOI_BENCH_NATIONAL_SCOPE === 'province';

/** the plan cut down to its largest province (same units, members and names as in the full plan's generator order) */
function largestProvinceOnly(plan: NationalPlan): NationalPlan {
  const members = new Map<number, number>();
  for (const o of plan.orgs) members.set(o.provinceIndex, (members.get(o.provinceIndex) ?? 0) + o.members);
  const largest = [...members.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const orgs = plan.orgs.filter((o) => o.provinceIndex === largest);
  return {
    ...plan,
    orgs,
    provinces: plan.provinces.filter((p) => p.provinceIndex === largest),
    totalMembers: members.get(largest)!,
    communes: orgs.filter((o) => o.kind === 'commune').length,
    grassroots: orgs.filter((o) => o.kind === 'grassroots_cell' || o.kind === 'grassroots_committee').length,
  };
}

export const LIMITS = { load_s: 600, subtree_count_ms: 50, country_count_ms: 50, search_ms: 200, asof_tree_ms: 500, import_20k_s: 20 } as const;

type Query = 'subtree_count' | 'country_count' | 'search' | 'search_given' | 'list_search' | 'list_search_word' | 'asof_tree' | 'asof_top';

interface RawRunner {
  /** runs a hand-written query, statement prepared once (SQLite) or sent as text (PostgreSQL, as Kysely sends it) */
  all(text: string, params: unknown[]): Promise<unknown[]>;
}

function rawRunner(handle: DatabaseHandle): RawRunner {
  if (handle.engine === 'sqlite') {
    const cache = new Map<string, import('better-sqlite3').Statement>();
    return {
      async all(text, params) {
        let s = cache.get(text);
        if (!s) cache.set(text, (s = handle.sqlite!.prepare(text)));
        return s.all(...params);
      },
    };
  }
  return {
    async all(text, params) {
      let i = 0;
      return (await handle.pgPool!.query(text.replace(/\?/g, () => `$${++i}`), params)).rows;
    },
  };
}

/** the product's name predicate by hand: LIKE on SQLite; on PostgreSQL the same patterns on (' ' || name || ' ') (members.store.ts) */
const rawWords = (engine: string, wholeWords: number, alias = 'm') =>
  engine === 'postgres'
    ? `${Array(wholeWords + 1).fill(`(' ' || ${alias}.search_name || ' ') like ?`).join(' and ')}`
    : `${Array(wholeWords).fill("(' ' || m.search_name || ' ') like ? and ").join('')}(' ' || m.search_name) like ?`;

/** PostgreSQL, by hand, as the product asks it: each unit's matches from the covering index (lateral, OFFSET 0), the page's ids with the total, then the rows */
const pgSearchedPage = (wholeWords: number) =>
  `select m.id, m.org_id, o.name as org_name, m.full_name, m.gender, m.birth_date, m.ethnicity, m.religion, m.hometown, m.education,
          m.theory_level, m.admitted_on, m.official_on, m.card_number, m.position, m.status, m.left_on, m.left_reason, m.left_note, pg.total
     from (select hit.id, count(*) over () as total
             from organizations oi cross join lateral (select mi.id, mi.sort_key from members mi where mi.org_id = oi.id and mi.status = 'active' and ${rawWords('postgres', wholeWords, 'mi')} offset 0) hit
            where oi.path >= ? and oi.path < ?
            order by hit.sort_key, hit.id limit 20) pg
     join members m on m.id = pg.id join organizations o on o.id = m.org_id
    order by m.sort_key, m.id`;

const RAW = {
  subtree_count: 'select coalesce(sum(direct_member_count), 0) as n from organizations where path >= ? and path < ?',
  country_count: 'select coalesce(sum(direct_member_count), 0) as n from organizations',
  // counting the member rows themselves, for reference: what the maintained direct counts save
  subtree_count_scan: "select count(*) as n from members m join organizations o on o.id = m.org_id where o.path >= ? and o.path < ? and m.status = 'active'",
  country_count_scan: "select count(*) as n from members where status = 'active'",
  // the product's predicate (src/db/search.ts): whole words, then the unfinished last one
  search: (engine: string, wholeWords: number) =>
    engine === 'postgres'
      ? pgSearchedPage(wholeWords)
      : `select m.id, m.org_id, o.name as org_name, m.full_name, m.gender, m.birth_date, m.ethnicity, m.religion, m.hometown, m.education,
            m.theory_level, m.admitted_on, m.official_on, m.card_number, m.position, m.status, m.left_on, m.left_reason, m.left_note
       from members m join organizations o on o.id = m.org_id
      where m.status = 'active' and ${rawWords(engine, wholeWords)} and o.path >= ? and o.path < ?
      order by m.sort_key limit 20`,
  // the contract route GET /api/orgs/:id/members?search= (listMembers): the total, then the first page in list order
  list_count: (engine: string, wholeWords: number) =>
    `select count(*) as total from members m join organizations o on o.id = m.org_id
      where o.path >= ? and o.path < ? and m.status = 'active' and ${rawWords(engine, wholeWords)}`,
  list_page: (engine: string, wholeWords: number) =>
    `select m.id, m.org_id, o.name as org_name, m.full_name, m.gender, m.birth_date, m.ethnicity, m.religion, m.hometown, m.education,
            m.theory_level, m.admitted_on, m.official_on, m.card_number, m.position, m.status, m.left_on, m.left_reason, m.left_note
       from members m join organizations o on o.id = m.org_id
      where o.path >= ? and o.path < ? and m.status = 'active' and ${rawWords(engine, wholeWords)}
      order by m.sort_key, m.id limit 20 offset 0`,
  asof_top: `with recursive lvl as (
      select org_id, parent_id, name, kind from org_periods where parent_id is null and valid_from <= ? and (valid_to is null or valid_to > ?)
    ), t(org_id, top_id) as (
      select org_id, org_id from lvl
      union all
      select p.org_id, t.top_id from org_periods p join t on p.parent_id = t.org_id where p.valid_from <= ? and (p.valid_to is null or p.valid_to > ?)
    )
    select t.top_id, count(*) as n from t join member_periods mp on mp.org_id = t.org_id and mp.valid_from <= ? and (mp.valid_to is null or mp.valid_to > ?) group by t.top_id`,
  asof_tree: `with recursive t(org_id, parent_id, name, kind) as (
      select org_id, parent_id, name, kind from org_periods where org_id = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
      union all
      select p.org_id, p.parent_id, p.name, p.kind from org_periods p join t on p.parent_id = t.org_id
       where p.valid_from <= ? and (p.valid_to is null or p.valid_to > ?))
    select t.org_id, t.parent_id, t.name, t.kind,
           (select count(*) from member_periods mp where mp.org_id = t.org_id and mp.valid_from <= ? and (mp.valid_to is null or mp.valid_to > ?)) as direct
      from t`,
};

/** repetitions so that one measurement takes ~15 s at most: 7–31 reps (3–11 in quick runs) */
async function measure(ctx: BenchContext, ours: () => Promise<unknown>, raw: () => Promise<unknown>) {
  const probe = (await timeOnce(ours)).ms + (await timeOnce(raw)).ms;
  const [lo, hi, budget] = ctx.quick ? [3, 11, 3000] : [7, 31, 15000];
  const reps = Math.max(lo, Math.min(hi, Math.floor(budget / Math.max(probe, 0.01)))) | 1;
  return timePair(ours, raw, { warmup: ctx.quick ? 1 : 3, reps });
}

function planSummary(plan: NationalPlan) {
  const kinds: Record<string, number> = {};
  for (const o of plan.orgs) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
  return kinds;
}

/** the product's own queries agree with the plan, and derived columns are what the product computes */
async function verify(handle: DatabaseHandle, plan: NationalPlan, province: PlannedOrg, provinceMembers: number) {
  const db = handle.db;
  const total = await countAllMembers(db);
  if (total !== plan.totalMembers) throw new Error(`countAllMembers ${total} ≠ ${plan.totalMembers}`);
  const rows = await sql<{ m: number; p: number; o: number }>`select (select count(*) from members) as m, (select count(*) from member_periods) as p, (select count(*) from organizations) as o`.execute(db);
  const r = rows.rows[0];
  if (Number(r.m) !== plan.totalMembers || Number(r.p) !== plan.totalMembers || Number(r.o) !== plan.orgs.length) throw new Error(`row counts ${JSON.stringify(r)}`);
  const subtree = await subtreeMemberCount(db, province.path);
  if (subtree !== provinceMembers) throw new Error(`subtreeMemberCount ${subtree} ≠ ${provinceMembers}`);
  const children = await listOrgs(db, { parentId: province.id, limit: 100_000 });
  const fromChildren = children.reduce((a, c) => a + c.memberCount, 0) + province.members;
  if (fromChildren !== subtree) throw new Error(`listOrgs children of the province sum to ${fromChildren}, subtree count is ${subtree}`);
  const counted = await sql<{ n: number }>`select count(*) as n from members m join organizations o on o.id = m.org_id where o.path >= ${province.path} and o.path < ${pathUpperBound(province.path)} and m.status = 'active'`.execute(db);
  if (Number(counted.rows[0].n) !== subtree) throw new Error(`member rows in the province ${counted.rows[0].n} ≠ maintained count ${subtree}`);
  const sample = await db.selectFrom('members').select(['id', 'full_name', 'search_name', 'sort_key']).where('id', 'in', Array.from({ length: 500 }, (_, i) => 1 + Math.floor((i * plan.totalMembers) / 500))).execute();
  for (const m of sample) {
    if (m.search_name !== foldForSearch(m.full_name) || m.sort_key !== vietnameseNameSortKey(m.full_name)) throw new Error(`member ${m.id}: derived name columns differ from the product's`);
  }
  const asOf = await treeAsOf(db, '2099-01-01', province.id);
  const root = asOf.find((n) => n.id === province.id)!;
  if (root.memberCount !== subtree) throw new Error(`treeAsOf(today) total ${root.memberCount} ≠ ${subtree}`);
  return { children: children.length, sample: sample.length };
}

async function runEngine(ctx: BenchContext, engine: Engine, plan: NationalPlan): Promise<BenchRun> {
  const machine = describeMachine();
  const name = ctx.quick ? 'national-quick' : PROVINCE_ONLY ? 'national-province' : 'national';
  log(`${engine}: load average ${machine.loadavg_start.join(' ')}; creating the database`);
  const t0 = performance.now();
  const handle = await freshBenchDatabase(engine, name);
  try {
    const now = new Date().toISOString();
    const report = await loadNational(handle, plan, { seed: SEED, today: TODAY, now });
    const load_s = round((performance.now() - t0) / 1000, 1);
    log(`${engine}: loaded in ${load_s} s (limit ${LIMITS.load_s} s)`);
    machine.engine_version = await engineVersion(handle);
    machine.engine_settings = await engineSettings(handle);

    // the largest province is the worst case for every per-province figure
    const byProvince = plan.provinces.map((p) => ({ p, n: plan.orgs.filter((o) => o.provinceIndex === p.provinceIndex).reduce((a, o) => a + o.members, 0) }));
    const { p: province, n: provinceMembers } = byProvince.sort((a, b) => b.n - a.n)[0];
    const provinceOrgs = plan.orgs.filter((o) => o.provinceIndex === province.provinceIndex).length;
    const checked = await verify(handle, plan, province, provinceMembers);
    log(`${engine}: verified (${checked.children} children of ${province.name}, ${checked.sample} sampled members)`);

    const db = handle.db;
    const raw = rawRunner(handle);
    const upper = pathUpperBound(province.path);
    // a person a clerk looks up: the name of a member of the province, typed with diacritics; and a bare given name
    const someone = await db
      .selectFrom('members as m')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .select('m.full_name')
      .where('o.path', '>=', province.path)
      .where('o.path', '<', upper)
      .orderBy('m.id')
      .offset(Math.floor(provinceMembers / 3))
      .limit(1)
      .executeTakeFirstOrThrow();
    const fullName = someone.full_name;
    const given = fullName.split(' ').at(-1)!;
    // the search parameters as the product builds them: whole words, then the start of the last word
    const searchParams = (text: string): unknown[] => {
      const words = foldForSearch(text).split(' ');
      const whole = words.slice(0, -1);
      return [...whole.map((w) => `% ${w} %`), `% ${words.at(-1)}%`];
    };
    const wholeCount = (text: string) => foldForSearch(text).split(' ').length - 1;
    // the contract route's query: the province's list, searched, first page of 20 in name order, with the total
    const listQuery = (text: string) => ({ orgId: province.id, orgPath: province.path, scope: 'subtree' as const, status: 'active' as const, search: text, sort: 'name' as const, page: 1, pageSize: 20 });
    const rawList = async (text: string) => {
      if (engine === 'postgres') return raw.all(pgSearchedPage(wholeCount(text)), [...searchParams(text), province.path, upper]);
      const params = [province.path, upper, ...searchParams(text)];
      await raw.all(RAW.list_count(engine, wholeCount(text)), params);
      return raw.all(RAW.list_page(engine, wholeCount(text)), params);
    };

    const product = (h: DatabaseHandle): Record<Query, () => Promise<unknown>> => ({
      subtree_count: () => subtreeMemberCount(h.db, province.path),
      country_count: () => countAllMembers(h.db),
      search: () => searchMembers(h.db, fullName, [province.path], 20),
      search_given: () => searchMembers(h.db, given, [province.path], 20),
      list_search: () => listMembers(h.db, listQuery(fullName)),
      list_search_word: () => listMembers(h.db, listQuery(given)),
      asof_tree: () => treeAsOf(h.db, AS_OF, province.id),
      asof_top: () => levelAsOf(h.db, AS_OF, { top: true }),
    });
    const ourQueries = product(handle);
    const q: Record<Query, { ours: () => Promise<unknown>; raw: () => Promise<unknown> }> = {
      subtree_count: { ours: ourQueries.subtree_count, raw: () => raw.all(RAW.subtree_count, [province.path, upper]) },
      country_count: { ours: ourQueries.country_count, raw: () => raw.all(RAW.country_count, []) },
      search: { ours: ourQueries.search, raw: () => raw.all(RAW.search(engine, wholeCount(fullName)), [...searchParams(fullName), province.path, upper]) },
      search_given: { ours: ourQueries.search_given, raw: () => raw.all(RAW.search(engine, 0), [...searchParams(given), province.path, upper]) },
      list_search: { ours: ourQueries.list_search, raw: () => rawList(fullName) },
      list_search_word: { ours: ourQueries.list_search_word, raw: () => rawList(given) },
      asof_tree: { ours: ourQueries.asof_tree, raw: () => raw.all(RAW.asof_tree, [province.id, ...Array(6).fill(AS_OF)]) },
      asof_top: { ours: ourQueries.asof_top, raw: () => raw.all(RAW.asof_top, Array(6).fill(AS_OF)) },
    };
    const ours: Record<string, Timing> = {};
    const rawT: Record<string, Timing> = {};
    for (const [key, pair] of Object.entries(q)) {
      const r = await measure(ctx, pair.ours, pair.raw);
      ours[key] = r.ours;
      rawT[key] = r.raw;
      log(`${engine}: ${key.padEnd(14)} daihoi ${fmtMs(r.ours.median_ms)} ms (p99 ${fmtMs(r.ours.p99_ms)})  raw ${fmtMs(r.raw.median_ms)} ms (p99 ${fmtMs(r.raw.p99_ms)})  ×${(r.ours.median_ms / r.raw.median_ms).toFixed(2)}  [${r.ours.reps} reps]`);
    }
    const hits = (await searchMembers(db, fullName, [province.path], 20)).length;
    const givenHits = (await searchMembers(db, given, [province.path], 20)).length;
    const asofNodes = (await treeAsOf(db, AS_OF, province.id)).length;
    const listHits = (await listMembers(db, listQuery(fullName))).total;
    const listWordHits = (await listMembers(db, listQuery(given))).total;

    // the naive alternative to the maintained counts, a few times only
    const scanReps = ctx.quick ? 1 : 3;
    const scan = async (text: string, params: unknown[]) => {
      const xs: number[] = [];
      await raw.all(text, params);
      for (let i = 0; i < scanReps; i++) xs.push((await timeOnce(() => raw.all(text, params))).ms);
      return round(xs.sort((a, b) => a - b)[xs.length >> 1]);
    };
    const subtreeScan = await scan(RAW.subtree_count_scan, [province.path, upper]);
    const countryScan = await scan(RAW.country_count_scan, []);
    log(`${engine}: counting member rows instead: province ${fmtMs(subtreeScan)} ms, country ${fmtMs(countryScan)} ms`);

    // candidate product changes, measured through the same store functions, then undone
    log(`${engine}: what-ifs (${WHAT_IFS.filter((w) => w.engine === engine).map((w) => w.name).join(', ')})`);
    const whatIf = await measureWhatIfs(handle, product, { quick: ctx.quick });

    // the import: into the commune of the province with the most chi bộ, the rows spread over them by the "Chi bộ" column
    const communes = plan.orgs.filter((o) => o.provinceIndex === province.provinceIndex && o.kind === 'commune');
    const childCount = new Map<number, number>();
    for (const o of plan.orgs) if (o.parentId !== null) childCount.set(o.parentId, (childCount.get(o.parentId) ?? 0) + 1);
    const commune = communes.sort((a, b) => (childCount.get(b.id) ?? 0) - (childCount.get(a.id) ?? 0))[0];
    const units = plan.orgs.filter((o) => o.parentId === commune.id && o.foundedOn === TREE_FOUNDED_ON).map((o) => o.name);
    const importRows = ctx.quick ? IMPORT_ROWS.quick : IMPORT_ROWS.full;
    const gen = await timeOnce(() =>
      memberListXlsx(importRows, { seed: SEED + 1, today: TODAY, province: `${PROVINCES[province.provinceIndex].city ? 'thành phố' : 'tỉnh'} ${PROVINCES[province.provinceIndex].name}`, units, firstCard: FIRST_CARD + 50_000_000 }),
    );
    log(`${engine}: generated a ${importRows}-row XLSX (${(gen.value.length / 1e6).toFixed(1)} MB) in ${(gen.ms / 1000).toFixed(1)} s; importing`);
    const imp = await importThroughRoute(handle, { orgId: commune.id, grantOrgId: province.id, file: gen.value, rows: importRows, today: TODAY });
    const after = await subtreeMemberCount(db, province.path);
    if (after !== provinceMembers + importRows) throw new Error(`after the import the province counts ${after}, expected ${provinceMembers + importRows}`);
    log(`${engine}: import of ${importRows} rows through the ${imp.path === 'route' ? 'route' : `route handler's functions (app did not build: ${imp.route_error})`} ${imp.import_s} s (reading the workbook alone ${imp.parse_s} s)`);

    const insertRate = await durableInsertRate(engine);
    const noop = await noopRouteRate();
    log(`${engine}: reference: ${insertRate} durable single-row inserts/s; no-op Fastify route ${noop} req/s`);
    const size = await databaseSize(handle);

    const ratio = (k: string) => round(ours[k].median_ms / rawT[k].median_ms, 2);
    const metrics = {
      load_s,
      subtree_count_ms: ours.subtree_count.median_ms,
      country_count_ms: ours.country_count.median_ms,
      search_ms: ours.search.median_ms,
      list_search_ms: ours.list_search.median_ms,
      list_search_word_ms: ours.list_search_word.median_ms,
      asof_tree_ms: ours.asof_tree.median_ms,
      asof_top_ms: ours.asof_top.median_ms,
      import_20k_s: imp.import_s,
      raw_sql_ms: {
        subtree_count_ms: rawT.subtree_count.median_ms,
        country_count_ms: rawT.country_count.median_ms,
        search_ms: rawT.search.median_ms,
        asof_tree_ms: rawT.asof_tree.median_ms,
        search_given_ms: rawT.search_given.median_ms,
        list_search_ms: rawT.list_search.median_ms,
        list_search_word_ms: rawT.list_search_word.median_ms,
        asof_top_ms: rawT.asof_top.median_ms,
        subtree_count_by_member_rows_ms: subtreeScan,
        country_count_by_member_rows_ms: countryScan,
      },
      ratio: Object.fromEntries(Object.keys(ours).map((k) => [k, ratio(k)])),
      search_given_ms: ours.search_given.median_ms,
      p99_ms: Object.fromEntries(Object.entries(ours).map(([k, t]) => [k, t.p99_ms])),
      raw_p99_ms: Object.fromEntries(Object.entries(rawT).map(([k, t]) => [k, t.p99_ms])),
      reps: Object.fromEntries(Object.entries(ours).map(([k, t]) => [k, t.reps])),
      load: { ...report, db_bytes: size },
      import: { ...imp, generate_s: round(gen.ms / 1000, 2), into: commune.name, units: units.length },
      reference: { durable_inserts_per_s: insertRate, noop_route_req_per_s: noop },
      what_if: whatIf,
      dataset: {
        scale: plan.scale,
        organisations: plan.orgs.length,
        kinds: planSummary(plan),
        members: plan.totalMembers,
        province: province.name,
        province_members: provinceMembers,
        province_orgs: provinceOrgs,
        search_text: fullName,
        search_hits: hits,
        search_given_text: given,
        search_given_hits: givenHits,
        list_search_total: listHits,
        list_search_word_total: listWordHits,
        as_of: AS_OF,
        asof_nodes: asofNodes,
      },
      loadavg_end: os.loadavg().map((x) => Number(x.toFixed(2))),
    };
    const run: BenchRun = { name, engine, machine, date: new Date().toISOString(), metrics };
    ctx.record(run);
    return run;
  } finally {
    await handle.close();
  }
}

export const benchmark: Benchmark = {
  name: 'national',
  description: 'national tree (34 provinces, 3,321 communes, 55,000 grassroots units, 5.6M members): load, counts, search, as-of tree, 20k XLSX import',
  async run(ctx) {
    const full = planNationalTree({ scale: ctx.quick ? 1 / 20 : 1, seed: SEED });
    const plan = PROVINCE_ONLY ? largestProvinceOnly(full) : full;
    log(`plan: ${plan.orgs.length} organisations (${JSON.stringify(planSummary(plan))}), ${plan.totalMembers} members`);
    const runs: BenchRun[] = [];
    for (const engine of ctx.engines) runs.push(await runEngine(ctx, engine, plan));
    return runs;
  },
  report: (runs) => nationalReport(runs),
};

// ---- BENCHMARKS.md block ----

const ROWS: { key: string; label: string; limit?: string; ours: (m: any) => number; raw?: (m: any) => number; p99?: (m: any) => number; rawP99?: (m: any) => number; unit: 'ms' | 's'; max?: number }[] = [
  { key: 'load', label: 'Load the national tree (empty database → ready)', limit: '< 10 min', ours: (m) => m.load_s, unit: 's', max: LIMITS.load_s },
  { key: 'subtree', label: 'Subtree member count of a province', limit: '< 50 ms', ours: (m) => m.subtree_count_ms, raw: (m) => m.raw_sql_ms.subtree_count_ms, p99: (m) => m.p99_ms.subtree_count, rawP99: (m) => m.raw_p99_ms.subtree_count, unit: 'ms', max: LIMITS.subtree_count_ms },
  { key: 'country', label: 'Member count of the whole country', limit: '< 50 ms', ours: (m) => m.country_count_ms, raw: (m) => m.raw_sql_ms.country_count_ms, p99: (m) => m.p99_ms.country_count, rawP99: (m) => m.raw_p99_ms.country_count, unit: 'ms', max: LIMITS.country_count_ms },
  { key: 'search', label: 'Search a full name within a province', limit: '< 200 ms', ours: (m) => m.search_ms, raw: (m) => m.raw_sql_ms.search_ms, p99: (m) => m.p99_ms.search, rawP99: (m) => m.raw_p99_ms.search, unit: 'ms', max: LIMITS.search_ms },
  { key: 'search_given', label: 'Search a bare given name within a province (extra)', limit: '(200 ms)', ours: (m) => m.search_given_ms, raw: (m) => m.raw_sql_ms.search_given_ms, p99: (m) => m.p99_ms.search_given, rawP99: (m) => m.raw_p99_ms.search_given, unit: 'ms', max: LIMITS.search_ms },
  { key: 'list_search', label: 'Contract route query: list a province searched by a full name (total, name order, page 1)', limit: '< 200 ms', ours: (m) => m.list_search_ms, raw: (m) => m.raw_sql_ms.list_search_ms, p99: (m) => m.p99_ms.list_search, rawP99: (m) => m.raw_p99_ms.list_search, unit: 'ms', max: LIMITS.search_ms },
  { key: 'list_search_word', label: 'Contract route query: list a province searched by one word (a given name)', limit: '< 200 ms', ours: (m) => m.list_search_word_ms, raw: (m) => m.raw_sql_ms.list_search_word_ms, p99: (m) => m.p99_ms.list_search_word, rawP99: (m) => m.raw_p99_ms.list_search_word, unit: 'ms', max: LIMITS.search_ms },
  { key: 'asof', label: 'As-of-date tree of a province', limit: '< 500 ms', ours: (m) => m.asof_tree_ms, raw: (m) => m.raw_sql_ms.asof_tree_ms, p99: (m) => m.p99_ms.asof_tree, rawP99: (m) => m.raw_p99_ms.asof_tree, unit: 'ms', max: LIMITS.asof_tree_ms },
  { key: 'asof_top', label: 'As-of-date top level of the tree with member counts (the whole country; extra)', limit: '(500 ms)', ours: (m) => m.asof_top_ms, raw: (m) => m.raw_sql_ms.asof_top_ms, p99: (m) => m.p99_ms.asof_top, rawP99: (m) => m.raw_p99_ms.asof_top, unit: 'ms', max: LIMITS.asof_tree_ms },
  { key: 'import', label: 'Import a 20,000-row XLSX through the route', limit: '< 20 s', ours: (m) => m.import_20k_s, unit: 's', max: LIMITS.import_20k_s },
];

const num = (x: number, unit: 'ms' | 's') => (unit === 'ms' ? fmtMs(x) : x >= 100 ? x.toFixed(0) : x.toFixed(1));

function nationalReport(runs: BenchRun[]): string {
  const latest = (engine: string) => [...runs].reverse().find((r) => r.engine === engine && r.name === 'national');
  const out: string[] = ['## National scale (issue #2)', ''];
  for (const engine of ['sqlite', 'postgres'] as const) {
    const run = latest(engine);
    if (!run) continue;
    const m = run.metrics as any;
    const mc = run.machine;
    out.push(`### ${mc.engine_version ?? engine}`, '');
    out.push(
      `Run ${run.date.slice(0, 16).replace('T', ' ')} UTC · ${mc.cpus} × ${mc.cpu_model} · ${mc.ram_gb} GB RAM · ${mc.os} · Node ${mc.node} · ` +
        `load average at start ${mc.loadavg_start.join(' / ')}, at end ${m.loadavg_end.join(' / ')}`,
      '',
      `Settings: ${Object.entries(mc.engine_settings ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}`,
      '',
      ...((run as BenchRun & { note?: string }).note ? [`Note: ${(run as BenchRun & { note?: string }).note}`, ''] : []),
      `Data: ${m.dataset.organisations.toLocaleString('en')} organisations (${Object.entries(m.dataset.kinds).map(([k, v]) => `${k} ${Number(v).toLocaleString('en')}`).join(', ')}), ` +
        `${m.dataset.members.toLocaleString('en')} members; database ${(m.load.db_bytes / 2 ** 30).toFixed(2)} GiB. ` +
        `Per-province figures use the largest province, ${m.dataset.province} (${m.dataset.province_members.toLocaleString('en')} members, ${m.dataset.province_orgs.toLocaleString('en')} units).`,
      '',
      '| Figure | Limit | daihoi median | daihoi p99 | raw SQL median | raw SQL p99 | ratio | Met |',
      '|---|---|---:|---:|---:|---:|---:|:---:|',
    );
    for (const r of ROWS) {
      const v = r.ours(m);
      if (v === undefined) continue;
      const rawV = r.raw?.(m);
      const met = r.max === undefined ? '' : v < r.max ? 'yes' : '**no**';
      out.push(
        `| ${r.label} | ${r.limit ?? ''} | ${num(v, r.unit)} ${r.unit} | ${r.p99 ? `${num(r.p99(m), r.unit)} ${r.unit}` : ''} | ${rawV === undefined ? '' : `${num(rawV, r.unit)} ${r.unit}`} | ${r.rawP99 ? `${num(r.rawP99(m), r.unit)} ${r.unit}` : ''} | ${rawV ? `×${(v / rawV).toFixed(2)}` : ''} | ${met} |`,
      );
    }
    out.push(
      '',
      `- Load: organisations ${m.load.orgs_s} s, members ${m.load.members_s} s (${m.load.members_per_s.toLocaleString('en')} members/s with their periods), finishing ${m.load.finish_s} s.`,
      `- Counting member rows instead of the maintained counts (reference, raw SQL): province ${fmtMs(m.raw_sql_ms.subtree_count_by_member_rows_ms)} ms, country ${fmtMs(m.raw_sql_ms.country_count_by_member_rows_ms)} ms.`,
      `- Search texts: "${m.dataset.search_text}" (${m.dataset.search_hits} hits${m.dataset.list_search_total === undefined ? '' : `; the list's total ${m.dataset.list_search_total}`}), "${m.dataset.search_given_text}" (${m.dataset.search_given_hits} hits, first 20${m.dataset.list_search_word_total === undefined ? '' : `; the list's total ${m.dataset.list_search_word_total.toLocaleString('en')}`}). As-of ${m.dataset.as_of}: ${m.dataset.asof_nodes.toLocaleString('en')} units.`,
      `- Import${m.import.path === 'functions' ? ' (**through the route handler\'s functions: the app did not build** — ' + m.import.route_error + ')' : ' (through the route)'}: ${m.import.rows.toLocaleString('en')} rows (${(m.import.xlsx_bytes / 1e6).toFixed(1)} MB) into ${m.import.into} across its ${m.import.units} chi bộ; reading the workbook alone takes ${m.import.parse_s} s of the ${m.import.import_s} s.`,
      `- Reference limits in the same run: ${m.reference.durable_inserts_per_s.toLocaleString('en')} durable single-row inserts/s; a no-op Fastify route answers ${m.reference.noop_route_req_per_s.toLocaleString('en')} req/s (keep-alive HTTP, client in the same process).`,
      '',
    );
    const whatIfs = Object.entries((m.what_if ?? {}) as Record<string, { change: string; apply_s: number; median_ms: Record<string, number> }>);
    if (whatIfs.length) {
      const keys: [string, string, number][] = [
        ['subtree_count', 'Subtree count', LIMITS.subtree_count_ms],
        ['country_count', 'Country count', LIMITS.country_count_ms],
        ['search', 'Search, full name', LIMITS.search_ms],
        ['search_given', 'Search, given name', LIMITS.search_ms],
        ['asof_tree', 'As-of tree', LIMITS.asof_tree_ms],
      ];
      const shipped: Record<string, number> = { subtree_count: m.subtree_count_ms, country_count: m.country_count_ms, search: m.search_ms, search_given: m.search_given_ms, asof_tree: m.asof_tree_ms };
      out.push(
        `What-if (candidate changes measured on the same database in the same run through the same store functions, then undone; medians, ms):`,
        '',
        `| Figure | Limit | as shipped | ${whatIfs.map(([k]) => k).join(' | ')} |`,
        `|---|---:|---:|${whatIfs.map(() => '---:').join('|')}|`,
        ...keys.map(([k, label, limit]) => `| ${label} | ${limit} | ${fmtMs(shipped[k])} | ${whatIfs.map(([, w]) => (w.median_ms[k] === undefined ? '' : fmtMs(w.median_ms[k]))).join(' | ')} |`),
        '',
        ...whatIfs.map(([k, w]) => `- \`${k}\`: ${w.change} (applied in ${w.apply_s} s)`),
        '',
      );
    }
  }
  return out.join('\n');
}
