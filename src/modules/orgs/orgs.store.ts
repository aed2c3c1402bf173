import { sql } from 'kysely';
import type { Executor } from '../../db/types.js';
import { foldForSearch } from '../../shared/vietnamese.js';
import { childPath, pathUpperBound, rollUpCounts, type OrgKind, type OrgState } from './orgs.rules.js';
import { matchesEveryWord, searchWords } from '../../db/search.js';

export interface OrgRow {
  id: number;
  name: string;
  kind: OrgKind;
  adminUnit: string | null;
  parentId: number | null;
  path: string;
  depth: number;
  foundedOn: string;
  closedOn: string | null;
  directMemberCount: number;
}

const orgColumns = [
  'o.id',
  'o.name',
  'o.kind',
  'o.admin_unit',
  'o.parent_id',
  'o.path',
  'o.depth',
  'o.founded_on',
  'o.closed_on',
  'o.direct_member_count',
] as const;

type RawOrg = {
  id: number;
  name: string;
  kind: string;
  admin_unit: string | null;
  parent_id: number | null;
  path: string;
  depth: number;
  founded_on: string;
  closed_on: string | null;
  direct_member_count: number;
};

const toOrg = (r: RawOrg): OrgRow => ({
  id: r.id,
  name: r.name,
  kind: r.kind as OrgKind,
  adminUnit: r.admin_unit,
  parentId: r.parent_id,
  path: r.path,
  depth: r.depth,
  foundedOn: r.founded_on,
  closedOn: r.closed_on,
  directMemberCount: Number(r.direct_member_count),
});

export async function getOrg(db: Executor, id: number): Promise<OrgRow | null> {
  const r = await db.selectFrom('organizations as o').select(orgColumns).where('o.id', '=', id).executeTakeFirst();
  return r ? toOrg(r) : null;
}

export async function getOrgPath(db: Executor, id: number): Promise<string | null> {
  const r = await db.selectFrom('organizations').select('path').where('id', '=', id).executeTakeFirst();
  return r?.path ?? null;
}

export async function pathsOf(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('organizations').select(['id', 'path']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, r.path);
  }
  return out;
}

/** the state the restructuring rules need: kind, path, closure and the start of the current period */
export async function orgStates(db: Executor, ids: readonly number[]): Promise<Map<number, OrgState>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organizations as o')
    .innerJoin('org_periods as p', (j) => j.onRef('p.org_id', '=', 'o.id'))
    .select(['o.id', 'o.name', 'o.kind', 'o.path', 'o.closed_on', (eb) => eb.fn.max('p.valid_from').as('since')])
    .where('o.id', 'in', ids)
    .groupBy(['o.id', 'o.name', 'o.kind', 'o.path', 'o.closed_on'])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind as OrgKind, path: r.path, closedOn: r.closed_on, currentSince: String(r.since) }]),
  );
}

/** total active members in the subtree, from the maintained direct counts (a range scan of the path index) */
export async function subtreeMemberCount(db: Executor, path: string): Promise<number> {
  const r = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('direct_member_count'), eb.lit(0)).as('n'))
    .where('path', '>=', path)
    .where('path', '<', pathUpperBound(path))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countAllMembers(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('direct_member_count'), eb.lit(0)).as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface OrgListItem extends OrgRow {
  memberCount: number;
  childCount: number;
  /** tells apart units of the same name ("Chi bộ khu phố 1" of two wards) */
  parentName: string | null;
}

export interface OrgListQuery {
  search?: string;
  parentId?: number | null;
  kind?: OrgKind;
  includeClosed?: boolean;
  /** restrict to these subtrees; undefined: everything */
  withinPaths?: string[];
  limit: number;
}

/** current organisations with subtree member counts */
export async function listOrgs(db: Executor, q: OrgListQuery): Promise<OrgListItem[]> {
  let query = db
    .selectFrom('organizations as o')
    .select(orgColumns)
    .select((eb) => [
      eb
        .selectFrom('organizations as c')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('c.direct_member_count'), e.lit(0)).as('n'))
        .whereRef('c.path', '>=', 'o.path')
        .where('c.path', '<', sql<string>`substr(o.path, 1, length(o.path) - 1) || '0'`)
        .as('member_count'),
      eb
        .selectFrom('organizations as k')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('k.parent_id', '=', 'o.id')
        .where('k.closed_on', 'is', null)
        .as('child_count'),
      eb.selectFrom('organizations as pa').select('pa.name').whereRef('pa.id', '=', 'o.parent_id').as('parent_name'),
    ]);
  if (!q.includeClosed) query = query.where('o.closed_on', 'is', null);
  if (q.parentId !== undefined) query = q.parentId === null ? query.where('o.parent_id', 'is', null) : query.where('o.parent_id', '=', q.parentId);
  if (q.kind) query = query.where('o.kind', '=', q.kind);
  for (const condition of matchesEveryWord(db, 'o.search_name', searchWords(q.search))) query = query.where(condition);
  if (q.withinPaths) {
    const paths = q.withinPaths;
    if (paths.length === 0) return [];
    query = query.where((eb) => eb.or(paths.map((p) => eb.and([eb('o.path', '>=', p), eb('o.path', '<', pathUpperBound(p))]))));
  }
  const rows = await query.orderBy('o.depth').orderBy('o.name').limit(q.limit).execute();
  return rows.map((r) => ({ ...toOrg(r), memberCount: Number(r.member_count ?? 0), childCount: Number(r.child_count ?? 0), parentName: r.parent_name ?? null }));
}

/** the open units of a subtree with their parent's name, for naming a unit in a member list */
export async function subtreeUnits(db: Executor, path: string): Promise<{ id: number; name: string; parentName: string | null; foundedOn: string }[]> {
  const rows = await db
    .selectFrom('organizations as o')
    .leftJoin('organizations as pa', 'pa.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'pa.name as parent_name', 'o.founded_on'])
    .where('o.path', '>=', path)
    .where('o.path', '<', pathUpperBound(path))
    .where('o.closed_on', 'is', null)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parent_name ?? null, foundedOn: r.founded_on }));
}

export interface AsOfNode {
  id: number;
  parentId: number | null;
  name: string;
  kind: OrgKind;
  directMemberCount: number;
  memberCount: number;
}

/**
 * The tree as it stood on `date` (names, parents, member counts from the history tables).
 * rootId limits it to one subtree; roots are the organisations without a parent on that date.
 */
export async function treeAsOf(db: Executor, date: string, rootId?: number): Promise<AsOfNode[]> {
  const rootCondition = rootId === undefined ? sql`parent_id is null` : sql`org_id = ${rootId}`;
  const result = await sql<{ org_id: number; parent_id: number | null; name: string; kind: string; direct: number }>`
    with recursive t(org_id, parent_id, name, kind) as (
      select org_id, parent_id, name, kind from org_periods
       where ${rootCondition} and valid_from <= ${date} and (valid_to is null or valid_to > ${date})
      union all
      select p.org_id, p.parent_id, p.name, p.kind from org_periods p join t on p.parent_id = t.org_id
       where p.valid_from <= ${date} and (p.valid_to is null or p.valid_to > ${date})
    )
    select t.org_id, t.parent_id, t.name, t.kind,
           (select count(*) from member_periods mp
             where mp.org_id = t.org_id and mp.valid_from <= ${date} and (mp.valid_to is null or mp.valid_to > ${date})) as direct
      from t`.execute(db);
  const nodes = result.rows.map((r) => ({ id: r.org_id, parentId: r.parent_id, name: r.name, kind: r.kind as OrgKind, direct: Number(r.direct) }));
  const totals = rollUpCounts(nodes);
  return nodes.map((n) => ({ id: n.id, parentId: n.parentId, name: n.name, kind: n.kind, directMemberCount: n.direct, memberCount: totals.get(n.id)! }));
}

export interface AsOfLevelNode extends AsOfNode {
  /** sub-units on that date: whether the node opens */
  childCount: number;
}

export type AsOfLevel = { parentId: number } | { top: true } | { ids: readonly number[] };

/**
 * One level of the tree as it stood on `date` — the children of a unit, the top units, or given units — each with its
 * subtree's member count on that date, summed in SQL: only these nodes leave the database, and nothing above them is read.
 */
export async function levelAsOf(db: Executor, date: string, level: AsOfLevel): Promise<AsOfLevelNode[]> {
  if ('ids' in level && level.ids.length === 0) return [];
  const on = (alias: string) => sql`${sql.ref(`${alias}.valid_from`)} <= ${date} and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date})`;
  const which = 'parentId' in level ? sql`l0.parent_id = ${level.parentId}` : 'top' in level ? sql`l0.parent_id is null` : sql`l0.org_id in (${sql.join(level.ids)})`;
  const result = await sql<{ org_id: number; parent_id: number | null; name: string; kind: string; total: number | string | null; direct: number | string | null; child_count: number | string }>`
    with recursive lvl as (
      select l0.org_id, l0.parent_id, l0.name, l0.kind from org_periods l0 where ${which} and ${on('l0')}
    ), t(org_id, top_id) as (
      select org_id, org_id from lvl
      union all
      select p.org_id, t.top_id from org_periods p join t on p.parent_id = t.org_id where ${on('p')}
    ), counted as (
      select t.top_id, t.org_id, (select count(*) from member_periods mp where mp.org_id = t.org_id and ${on('mp')}) as n from t
    ), totals as (
      select top_id, sum(n) as total, sum(case when org_id = top_id then n else 0 end) as direct from counted group by top_id
    )
    select lvl.org_id, lvl.parent_id, lvl.name, lvl.kind, totals.total, totals.direct,
           (select count(*) from org_periods k where k.parent_id = lvl.org_id and ${on('k')}) as child_count
      from lvl left join totals on totals.top_id = lvl.org_id`.execute(db);
  return result.rows.map((r) => ({
    id: r.org_id,
    parentId: r.parent_id,
    name: r.name,
    kind: r.kind as OrgKind,
    memberCount: Number(r.total ?? 0),
    directMemberCount: Number(r.direct ?? 0),
    childCount: Number(r.child_count),
  }));
}

/** the units standing on `date` whose current place is inside the given subtrees, with their name and parent then */
export async function unitsAsOfWithin(db: Executor, date: string, withinPaths: readonly string[] | 'all'): Promise<{ id: number; parentId: number | null; name: string; kind: OrgKind }[]> {
  if (withinPaths !== 'all' && withinPaths.length === 0) return [];
  let q = db
    .selectFrom('org_periods as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select(['p.org_id', 'p.parent_id', 'p.name', 'p.kind'])
    .where('p.valid_from', '<=', date)
    .where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', date)]));
  if (withinPaths !== 'all') q = q.where((eb) => eb.or(withinPaths.map((w) => eb.and([eb('o.path', '>=', w), eb('o.path', '<', pathUpperBound(w))]))));
  return (await q.execute()).map((r) => ({ id: r.org_id, parentId: r.parent_id, name: r.name, kind: r.kind as OrgKind }));
}

/** the names units had on `date` */
export async function namesAsOf(db: Executor, date: string, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('org_periods')
    .select(['org_id', 'name'])
    .where('org_id', 'in', [...ids])
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .execute();
  return new Map(rows.map((r) => [r.org_id, r.name]));
}

export interface NewOrg {
  name: string;
  kind: OrgKind;
  adminUnit?: string | null;
  parentId: number | null;
  foundedOn: string;
}

/** inserts the organisation and its first period; returns its id */
export async function insertOrg(db: Executor, o: NewOrg, now: string): Promise<number> {
  const parentPath = o.parentId === null ? null : await getOrgPath(db, o.parentId);
  const { id } = await db
    .insertInto('organizations')
    .values({
      name: o.name,
      search_name: foldForSearch(o.name),
      kind: o.kind,
      admin_unit: o.adminUnit ?? null,
      parent_id: o.parentId,
      path: '/pending/',
      depth: parentPath === null ? 0 : parentPath.split('/').length - 2,
      founded_on: o.foundedOn,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('organizations').set({ path: childPath(parentPath, id) }).where('id', '=', id).execute();
  await db.insertInto('org_periods').values({ org_id: id, parent_id: o.parentId, name: o.name, kind: o.kind, valid_from: o.foundedOn }).execute();
  return id;
}

/** ends the current period of `orgId` on `date` and opens a new one with the changes */
export async function changePeriod(db: Executor, orgId: number, date: string, change: { name?: string; parentId?: number | null; kind?: OrgKind }) {
  const current = await db.selectFrom('org_periods').selectAll().where('org_id', '=', orgId).where('valid_to', 'is', null).executeTakeFirstOrThrow();
  if (current.valid_from === date) {
    // a second change on the same day amends that day's period instead of leaving an empty one
    await db
      .updateTable('org_periods')
      .set({ name: change.name ?? current.name, parent_id: change.parentId === undefined ? current.parent_id : change.parentId, kind: change.kind ?? current.kind })
      .where('id', '=', current.id)
      .execute();
    return;
  }
  await db.updateTable('org_periods').set({ valid_to: date }).where('id', '=', current.id).execute();
  await db
    .insertInto('org_periods')
    .values({
      org_id: orgId,
      parent_id: change.parentId === undefined ? current.parent_id : change.parentId,
      name: change.name ?? current.name,
      kind: change.kind ?? current.kind,
      valid_from: date,
    })
    .execute();
}

export async function closePeriod(db: Executor, orgId: number, date: string) {
  await db.updateTable('org_periods').set({ valid_to: date }).where('org_id', '=', orgId).where('valid_to', 'is', null).execute();
  await db.updateTable('organizations').set({ closed_on: date }).where('id', '=', orgId).execute();
}

/** re-roots the current subtree of `orgId` under `newParentId` (paths and depths of every descendant) */
export async function reparent(db: Executor, orgId: number, newParentId: number | null, now: string) {
  const org = await getOrg(db, orgId);
  if (!org) throw new Error(`organisation ${orgId} vanished`);
  const parentPath = newParentId === null ? null : await getOrgPath(db, newParentId);
  const newPath = childPath(parentPath, orgId);
  const depthDelta = (parentPath === null ? 0 : parentPath.split('/').length - 2) - org.depth;
  await db
    .updateTable('organizations')
    .set({
      path: sql`${newPath} || substr(path, ${org.path.length + 1})`,
      depth: sql`depth + ${depthDelta}`,
      updated_at: now,
    })
    .where('path', '>=', org.path)
    .where('path', '<', pathUpperBound(org.path))
    .execute();
  await db.updateTable('organizations').set({ parent_id: newParentId }).where('id', '=', orgId).execute();
}

export async function activeChildren(db: Executor, orgId: number): Promise<OrgRow[]> {
  const rows = await db.selectFrom('organizations as o').select(orgColumns).where('o.parent_id', '=', orgId).where('o.closed_on', 'is', null).orderBy('o.name').execute();
  return rows.map(toOrg);
}

export async function ancestors(db: Executor, path: string): Promise<{ id: number; name: string }[]> {
  const ids = path.split('/').filter(Boolean).map(Number).slice(0, -1);
  if (!ids.length) return [];
  const rows = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
  return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
}

export interface EventRecord {
  kind: string;
  effectiveOn: string;
  decision?: { number?: string | null; date?: string | null; issuer?: string | null } | null;
  note?: string | null;
  orgs: { orgId: number; role: string }[];
}

export async function insertEvent(db: Executor, e: EventRecord, createdBy: number | null, now: string): Promise<number> {
  const { id } = await db
    .insertInto('restructuring_events')
    .values({
      kind: e.kind,
      effective_on: e.effectiveOn,
      decision_number: e.decision?.number ?? null,
      decision_date: e.decision?.date ?? null,
      decision_issuer: e.decision?.issuer ?? null,
      note: e.note ?? null,
      created_at: now,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const links = [...new Map(e.orgs.map((o) => [`${o.orgId}:${o.role}`, o])).values()];
  if (links.length) await db.insertInto('restructuring_event_orgs').values(links.map((o) => ({ event_id: id, org_id: o.orgId, role: o.role }))).execute();
  return id;
}

export interface HistoryEntry {
  eventId: number;
  kind: string;
  effectiveOn: string;
  decision: { number: string | null; date: string | null; issuer: string | null };
  note: string | null;
  role: string;
  orgs: { orgId: number; role: string; name: string }[];
}

/** every restructuring event that touched the organisation, oldest first, with the other units involved */
export async function historyOf(db: Executor, orgId: number): Promise<HistoryEntry[]> {
  const events = await db
    .selectFrom('restructuring_event_orgs as l')
    .innerJoin('restructuring_events as e', 'e.id', 'l.event_id')
    .select(['e.id', 'e.kind', 'e.effective_on', 'e.decision_number', 'e.decision_date', 'e.decision_issuer', 'e.note', 'l.role'])
    .where('l.org_id', '=', orgId)
    .orderBy('e.effective_on')
    .orderBy('e.id')
    .execute();
  if (!events.length) return [];
  const links = await db
    .selectFrom('restructuring_event_orgs as l')
    .innerJoin('org_periods as p', (j) => j.onRef('p.org_id', '=', 'l.org_id'))
    .innerJoin('restructuring_events as e', 'e.id', 'l.event_id')
    .select(['l.event_id', 'l.org_id', 'l.role', 'p.name', 'p.valid_from', 'p.valid_to', 'e.effective_on'])
    .where('l.event_id', 'in', events.map((e) => e.id))
    .execute();
  // the name each unit had when the event happened (a merged unit's last name, a founded unit's first)
  const nameAt = (eventId: number, orgId: number) => {
    const ps = links.filter((l) => l.event_id === eventId && l.org_id === orgId);
    const at = ps.find((p) => p.valid_from <= p.effective_on && (p.valid_to === null || p.valid_to > p.effective_on));
    const before = ps.find((p) => p.valid_to === p.effective_on);
    return (at ?? before ?? ps[0])?.name ?? `#${orgId}`;
  };
  return events.map((e) => ({
    eventId: e.id,
    kind: e.kind,
    effectiveOn: e.effective_on,
    decision: { number: e.decision_number, date: e.decision_date, issuer: e.decision_issuer },
    note: e.note,
    role: e.role,
    orgs: [...new Map(links.filter((l) => l.event_id === e.id).map((l) => [`${l.org_id}:${l.role}`, { orgId: l.org_id, role: l.role, name: nameAt(e.id, l.org_id) }])).values()],
  }));
}

export async function namesOverTime(db: Executor, orgId: number) {
  return db
    .selectFrom('org_periods as p')
    .leftJoin('organizations as parent', 'parent.id', 'p.parent_id')
    .select(['p.name', 'p.kind', 'p.parent_id', 'parent.name as parent_name', 'p.valid_from', 'p.valid_to'])
    .where('p.org_id', '=', orgId)
    .orderBy('p.valid_from')
    .execute();
}
