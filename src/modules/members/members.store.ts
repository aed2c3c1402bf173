import { PostgresAdapter, sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/types.js';
import { foldForSearch, vietnameseNameSortKey } from '../../shared/vietnamese.js';
import { escapeLike, matchesEveryWord, searchWords } from '../../db/search.js';
import { pathUpperBound } from '../orgs/orgs.rules.js';
import type { MemberProfile, LeaveReason, EducationLevel, Gender, TheoryLevel } from './members.rules.js';

export interface MemberRow extends MemberProfile {
  id: number;
  orgId: number;
  orgName: string;
  status: 'active' | 'left';
  leftOn: string | null;
  leftReason: LeaveReason | null;
  leftNote: string | null;
}

const memberColumns = [
  'm.id',
  'm.org_id',
  'o.name as org_name',
  'm.full_name',
  'm.gender',
  'm.birth_date',
  'm.ethnicity',
  'm.religion',
  'm.hometown',
  'm.education',
  'm.theory_level',
  'm.admitted_on',
  'm.official_on',
  'm.card_number',
  'm.position',
  'm.status',
  'm.left_on',
  'm.left_reason',
  'm.left_note',
] as const;

type RawMember = {
  id: number;
  org_id: number;
  org_name: string;
  full_name: string;
  gender: string;
  birth_date: string;
  ethnicity: string;
  religion: string | null;
  hometown: string | null;
  education: string | null;
  theory_level: string | null;
  admitted_on: string;
  official_on: string | null;
  card_number: string | null;
  position: string | null;
  status: string;
  left_on: string | null;
  left_reason: string | null;
  left_note: string | null;
};

const toMember = (r: RawMember): MemberRow => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  fullName: r.full_name,
  gender: r.gender as Gender,
  birthDate: r.birth_date,
  ethnicity: r.ethnicity,
  religion: r.religion,
  hometown: r.hometown,
  education: r.education as EducationLevel | null,
  theoryLevel: r.theory_level as TheoryLevel | null,
  admittedOn: r.admitted_on,
  officialOn: r.official_on,
  cardNumber: r.card_number,
  position: r.position,
  status: r.status as 'active' | 'left',
  leftOn: r.left_on,
  leftReason: r.left_reason as LeaveReason | null,
  leftNote: r.left_note,
});

const profileColumns = (p: MemberProfile) => ({
  full_name: p.fullName.trim().normalize('NFC'),
  search_name: foldForSearch(p.fullName),
  sort_key: vietnameseNameSortKey(p.fullName.trim().normalize('NFC')),
  gender: p.gender,
  birth_date: p.birthDate,
  ethnicity: p.ethnicity.trim(),
  religion: p.religion,
  hometown: p.hometown,
  education: p.education,
  theory_level: p.theoryLevel,
  admitted_on: p.admittedOn,
  official_on: p.officialOn,
  card_number: p.cardNumber,
  position: p.position,
});

export async function adjustDirectCount(db: Executor, orgId: number, delta: number) {
  if (delta === 0) return;
  await db
    .updateTable('organizations')
    .set({ direct_member_count: sql`direct_member_count + ${delta}` })
    .where('id', '=', orgId)
    .execute();
}

export interface NewMember {
  orgId: number;
  profile: MemberProfile;
  /** first day in the unit; defaults to the call's joinedOn, then the admission date */
  joinedOn?: string;
}

const CHUNK = 400;

/** inserts members with their first membership period (from `joinedOn`, or their admission date) and keeps counts */
export async function insertMembers(db: Executor, rows: readonly NewMember[], reason: string, now: string, joinedOn?: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const inserted = await db
      .insertInto('members')
      .values(chunk.map((r) => ({ org_id: r.orgId, ...profileColumns(r.profile), status: 'active', created_at: now, updated_at: now })))
      .returning('id')
      .execute();
    await db
      .insertInto('member_periods')
      .values(inserted.map((m, k) => ({ member_id: m.id, org_id: chunk[k].orgId, valid_from: chunk[k].joinedOn ?? joinedOn ?? chunk[k].profile.admittedOn, reason })))
      .execute();
    ids.push(...inserted.map((m) => m.id));
  }
  const perOrg = new Map<number, number>();
  for (const r of rows) perOrg.set(r.orgId, (perOrg.get(r.orgId) ?? 0) + 1);
  for (const [orgId, n] of perOrg) await adjustDirectCount(db, orgId, n);
  return ids;
}

export async function getMember(db: Executor, id: number): Promise<MemberRow | null> {
  const r = await db.selectFrom('members as m').innerJoin('organizations as o', 'o.id', 'm.org_id').select(memberColumns).where('m.id', '=', id).executeTakeFirst();
  return r ? toMember(r) : null;
}

export async function memberOrgId(db: Executor, id: number): Promise<number | null> {
  const r = await db.selectFrom('members').select('org_id').where('id', '=', id).executeTakeFirst();
  return r?.org_id ?? null;
}

export async function updateMemberProfile(db: Executor, id: number, p: MemberProfile, now: string) {
  await db.updateTable('members').set({ ...profileColumns(p), updated_at: now }).where('id', '=', id).execute();
}

export async function existingCardNumbers(db: Executor, cards: readonly string[], exceptMemberId?: number): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < cards.length; i += CHUNK) {
    let q = db.selectFrom('members').select('card_number').where('card_number', 'in', cards.slice(i, i + CHUNK));
    if (exceptMemberId !== undefined) q = q.where('id', '!=', exceptMemberId);
    for (const r of await q.execute()) if (r.card_number) found.add(r.card_number);
  }
  return found;
}

export const MEMBER_SORTS = ['name', '-name', 'birthDate', '-birthDate', 'admittedOn', '-admittedOn'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export interface MemberListQuery {
  orgPath: string;
  /** 'direct': only this unit's own members; 'subtree': with all sub-units */
  scope: 'direct' | 'subtree';
  orgId: number;
  search?: string;
  status: 'active' | 'left' | 'all';
  sort: MemberSort;
  page: number;
  pageSize: number;
}

const sortKeyOf = (m: MemberProfile) => vietnameseNameSortKey(m.fullName.trim().normalize('NFC'));
const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * name search inside a subtree: on PostgreSQL the words are matched in the covering index (org_id, status, search_name)
 * of migration 0017, unit by unit, so the cost follows the subtree's size. The patterns are written on
 * (' ' || name || ' '), an expression no GIN index serves: the planner neither takes the word indexes of migration 0004,
 * whose posting lists span the whole country (a given name: 1–2.5 s in a province), nor misjudges how many rows match
 * (strpos counted for a third of the table and chose a sequential scan of the country). Same answers as matchesEveryWord.
 */
export function matchesEveryWordInSubtree(db: Executor, column: string, words: readonly string[]): Expression<SqlBool>[] {
  return isPostgres(db) ? matchesEveryWordInSubtreePg(column, words) : matchesEveryWord(db, column, words);
}

/**
 * PostgreSQL, a name searched inside a subtree: the matches, unit by unit. The lateral subquery (kept apart by OFFSET 0)
 * makes each unit one scan of the covering index of migration 0017, which carries sort_key: the planner otherwise
 * misjudged how many names match and read the whole country's table (0.9–1.9 s in the largest province).
 */
function subtreeHits(q: Pick<MemberListQuery, 'orgPath' | 'scope' | 'orgId' | 'status'>, words: readonly string[]) {
  const scope = q.scope === 'direct' ? sql`oi.id = ${q.orgId}` : sql`oi.path >= ${q.orgPath} and oi.path < ${pathUpperBound(q.orgPath)}`;
  const status = q.status === 'all' ? sql`` : sql`and mi.status = ${q.status}`;
  const names = sql.join(matchesEveryWordInSubtreePg('mi.search_name', words), sql` and `);
  return sql`organizations oi cross join lateral (select mi.id, mi.sort_key from members mi where mi.org_id = oi.id ${status} and ${names} offset 0) hit where ${scope}`;
}

function matchesEveryWordInSubtreePg(column: string, words: readonly string[]) {
  const ref = sql.ref(column);
  return words.map((w, i) => sql<SqlBool>`(' ' || ${ref} || ' ') like ${i < words.length - 1 ? `% ${escapeLike(w)} %` : `% ${escapeLike(w)}%`} escape '\\'`);
}

/** the page's ids in name order from the hits, with how many hits there are (one pass over the index), then those members */
function searchedPage(db: Executor, hits: ReturnType<typeof subtreeHits>, desc: boolean, limit: number, offset: number) {
  const dir = desc ? sql`desc` : sql`asc`;
  const page = sql<{ id: number; total: number }>`(select hit.id, count(*) over () as total from ${hits} order by hit.sort_key ${dir}, hit.id limit ${limit} offset ${offset})`;
  return db
    .selectFrom(page.as('pg'))
    .innerJoin('members as m', (j) => j.on(sql<SqlBool>`m.id = pg.id`))
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(memberColumns)
    .select(sql<number>`pg.total`.as('total'))
    .orderBy('m.sort_key', desc ? 'desc' : 'asc')
    .orderBy('m.id');
}

function applyMemberFilters<Q extends { where: (...a: any[]) => Q }>(db: Executor, query: Q, q: Pick<MemberListQuery, 'orgPath' | 'scope' | 'orgId' | 'search' | 'status'>): Q {
  let out = query;
  if (q.scope === 'direct') out = out.where('m.org_id', '=', q.orgId);
  else out = out.where('o.path', '>=', q.orgPath).where('o.path', '<', pathUpperBound(q.orgPath));
  if (q.status !== 'all') out = out.where('m.status', '=', q.status);
  for (const condition of matchesEveryWordInSubtree(db, 'm.search_name', searchWords(q.search))) out = out.where(condition);
  return out;
}

const sortColumn = { name: 'm.sort_key', birthDate: 'm.birth_date', admittedOn: 'm.admitted_on' } as const;

const memberList = (db: Executor, q: MemberListQuery) => applyMemberFilters(db, db.selectFrom('members as m').innerJoin('organizations as o', 'o.id', 'm.org_id'), q);

/** the list's page (the total is counted apart: on PostgreSQL a count reads the covering index alone, while a window
 * count over the page query fetched every match's row — 474 against 372 ms for one word in the largest province) */
export function memberPageQuery(db: Executor, q: MemberListQuery) {
  const desc = q.sort.startsWith('-');
  const column = sortColumn[q.sort.replace('-', '') as keyof typeof sortColumn];
  const words = searchWords(q.search);
  if (isPostgres(db) && words.length && column === 'm.sort_key') return searchedPage(db, subtreeHits(q, words), desc, q.pageSize, (q.page - 1) * q.pageSize);
  return memberList(db, q)
    .select(memberColumns)
    .orderBy(column, desc ? 'desc' : 'asc')
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
}

export async function listMembers(db: Executor, q: MemberListQuery): Promise<{ total: number; items: MemberRow[] }> {
  const words = searchWords(q.search);
  const rows = (await memberPageQuery(db, q).execute()) as (RawMember & { total?: number })[];
  // a searched page on PostgreSQL carries the total; otherwise (and past the last page) it is counted apart
  const counted =
    rows.length && rows[0].total !== undefined
      ? { total: rows[0].total }
      : isPostgres(db) && words.length
        ? await sql<{ total: number }>`select count(*) as total from ${subtreeHits(q, words)}`.execute(db).then((r) => r.rows[0])
        : (await memberList(db, q).select((eb) => eb.fn.countAll<number>().as('total')).execute())[0];
  return { total: Number(counted.total), items: rows.map(toMember) };
}

/** every member of the subtree in list order, for exports: read in keyed pages (name key, id), so memory stays flat */
export async function* memberPages(db: Executor, q: Pick<MemberListQuery, 'orgPath' | 'scope' | 'orgId' | 'status'>, pageSize = 5000): AsyncGenerator<MemberRow[]> {
  let after: { sortKey: string; id: number } | null = null;
  for (;;) {
    let query = applyMemberFilters(db, db.selectFrom('members as m').innerJoin('organizations as o', 'o.id', 'm.org_id'), q).select([...memberColumns, 'm.sort_key']);
    if (after) {
      const { sortKey, id } = after;
      query = query.where((eb) => eb.or([eb('m.sort_key', '>', sortKey), eb.and([eb('m.sort_key', '=', sortKey), eb('m.id', '>', id)])]));
    }
    const rows = await query.orderBy('m.sort_key').orderBy('m.id').limit(pageSize).execute();
    if (rows.length) yield rows.map(toMember);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { sortKey: last.sort_key, id: last.id };
  }
}

/** unaccented name search across the given subtrees ('all' for everything) */
export async function searchMembers(db: Executor, text: string, within: 'all' | string[], limit: number): Promise<MemberRow[]> {
  const words = searchWords(text);
  if (!words.length || (within !== 'all' && within.length === 0)) return [];
  let q = db.selectFrom('members as m').innerJoin('organizations as o', 'o.id', 'm.org_id').where('m.status', '=', 'active');
  // across the whole registry the word indexes answer; inside subtrees the covering index does
  for (const condition of within === 'all' ? matchesEveryWord(db, 'm.search_name', words) : matchesEveryWordInSubtree(db, 'm.search_name', words)) q = q.where(condition);
  if (within !== 'all') q = q.where((eb) => eb.or(within.map((p) => eb.and([eb('o.path', '>=', p), eb('o.path', '<', pathUpperBound(p))]))));
  if (within !== 'all' && isPostgres(db)) {
    // each granted subtree's first names, then the first of all
    const pages = await Promise.all(within.map((p) => searchedPage(db, subtreeHits({ orgPath: p, scope: 'subtree', orgId: 0, status: 'active' }, words), false, limit, 0).execute()));
    return [...new Map(pages.flat().map((r) => [r.id, r])).values()].map(toMember).sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : sortKeyOf(a) > sortKeyOf(b) ? 1 : a.id - b.id)).slice(0, limit);
  }
  const rows = await q.select(memberColumns).orderBy('m.sort_key').orderBy('m.id').limit(limit).execute();
  return rows.map(toMember);
}

/** moves members to another unit from `date`: closes their periods, opens new ones, keeps counts */
export async function moveMembers(db: Executor, memberIds: readonly number[], toOrgId: number, date: string, reason: string, note: string | null, eventId: number | null) {
  for (let i = 0; i < memberIds.length; i += CHUNK) {
    const ids = memberIds.slice(i, i + CHUNK);
    const from = await db
      .selectFrom('members')
      .select(['org_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('id', 'in', ids)
      .where('status', '=', 'active')
      .groupBy('org_id')
      .execute();
    // a period that starts on the move date is replaced, so no empty period remains
    await db.deleteFrom('member_periods').where('member_id', 'in', ids).where('valid_to', 'is', null).where('valid_from', '=', date).execute();
    await db.updateTable('member_periods').set({ valid_to: date }).where('member_id', 'in', ids).where('valid_to', 'is', null).execute();
    await db
      .insertInto('member_periods')
      .values(ids.map((id) => ({ member_id: id, org_id: toOrgId, valid_from: date, reason, note, event_id: eventId })))
      .execute();
    await db.updateTable('members').set({ org_id: toOrgId }).where('id', 'in', ids).execute();
    for (const f of from) await adjustDirectCount(db, f.org_id, -Number(f.n));
    await adjustDirectCount(db, toOrgId, from.reduce((s, f) => s + Number(f.n), 0));
  }
}

export async function activeMemberIds(db: Executor, orgId: number): Promise<number[]> {
  const rows = await db.selectFrom('members').select('id').where('org_id', '=', orgId).where('status', '=', 'active').execute();
  return rows.map((r) => r.id);
}

export async function recordLeaving(db: Executor, memberId: number, orgId: number, date: string, reason: LeaveReason, note: string | null, now: string) {
  await db.updateTable('member_periods').set({ valid_to: date }).where('member_id', '=', memberId).where('valid_to', 'is', null).execute();
  await db.updateTable('members').set({ status: 'left', left_on: date, left_reason: reason, left_note: note, updated_at: now }).where('id', '=', memberId).execute();
  await adjustDirectCount(db, orgId, -1);
}

export async function memberHistory(db: Executor, memberId: number) {
  const rows = await db
    .selectFrom('member_periods as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select(['p.org_id', 'o.name as org_name', 'p.valid_from', 'p.valid_to', 'p.reason', 'p.note', 'p.event_id'])
    .where('p.member_id', '=', memberId)
    .orderBy('p.valid_from')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, orgName: r.org_name, from: r.valid_from, to: r.valid_to, reason: r.reason, note: r.note, eventId: r.event_id }));
}
