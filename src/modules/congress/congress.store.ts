import crypto from 'node:crypto';
import type { DelegateRow, ProjectorState } from './congress.types.js';

export type { DelegateRow, ProjectorState } from './congress.types.js';
import { sql } from 'kysely';
import type { Executor } from '../../db/types.js';
import { pathUpperBound } from '../orgs/orgs.rules.js';
import type { EducationLevel, Gender, TheoryLevel } from '../members/members.rules.js';
import { matchesEveryWord, searchWords } from '../../db/search.js';
import type {
  CongressKind,
  CongressStatus,
  DelegateClass,
  DelegateOrigin,
  DelegateStatus,
  SessionKind,
} from './congress.rules.js';

// ---------------------------------------------------------------------------------------------
// Congresses

export interface CongressSession {
  id?: number;
  kind: SessionKind;
  title: string | null;
  startsAt: string;
  endsAt: string | null;
}


export interface CongressFacts {
  orgId: number;
  title: string;
  kind: CongressKind;
  number: number | null;
  term: string | null;
  venue: string | null;
  motto: string | null;
  opensOn: string;
  closesOn: string;
  plannedSeats: number | null;
  exOfficioSeats: number;
  quorumNumerator: number;
  quorumDenominator: number;
}

export interface CongressRow extends CongressFacts {
  id: number;
  orgName: string;
  orgPath: string;
  status: CongressStatus;
  currentAgendaItemId: number | null;
  projector: ProjectorState;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
}

const congressColumns = [
  'c.id',
  'c.org_id',
  'o.name as org_name',
  'o.path as org_path',
  'c.title',
  'c.kind',
  'c.number',
  'c.term',
  'c.venue',
  'c.motto',
  'c.opens_on',
  'c.closes_on',
  'c.status',
  'c.planned_seats',
  'c.ex_officio_seats',
  'c.quorum_numerator',
  'c.quorum_denominator',
  'c.current_agenda_item_id',
  'c.projector_json',
  'c.event_seq',
  'c.created_at',
  'c.updated_at',
] as const;

type RawCongress = {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  title: string;
  kind: string;
  number: number | null;
  term: string | null;
  venue: string | null;
  motto: string | null;
  opens_on: string;
  closes_on: string;
  status: string;
  planned_seats: number | null;
  ex_officio_seats: number;
  quorum_numerator: number;
  quorum_denominator: number;
  current_agenda_item_id: number | null;
  projector_json: string;
  event_seq: number;
  created_at: string;
  updated_at: string;
};

const toCongress = (r: RawCongress): CongressRow => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  orgPath: r.org_path,
  title: r.title,
  kind: r.kind as CongressKind,
  number: r.number,
  term: r.term,
  venue: r.venue,
  motto: r.motto,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  status: r.status as CongressStatus,
  plannedSeats: r.planned_seats,
  exOfficioSeats: Number(r.ex_officio_seats),
  quorumNumerator: Number(r.quorum_numerator),
  quorumDenominator: Number(r.quorum_denominator),
  currentAgendaItemId: r.current_agenda_item_id,
  projector: JSON.parse(r.projector_json) as ProjectorState,
  lastSeq: Number(r.event_seq),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const DEFAULT_PROJECTOR: ProjectorState = { mode: 'title', text: null, documentId: null };

const factColumns = (f: CongressFacts) => ({
  org_id: f.orgId,
  title: f.title.trim().normalize('NFC'),
  kind: f.kind,
  number: f.number,
  term: f.term,
  venue: f.venue,
  motto: f.motto,
  opens_on: f.opensOn,
  closes_on: f.closesOn,
  planned_seats: f.plannedSeats,
  ex_officio_seats: f.exOfficioSeats,
  quorum_numerator: f.quorumNumerator,
  quorum_denominator: f.quorumDenominator,
});

export async function insertCongress(db: Executor, f: CongressFacts, now: string): Promise<number> {
  const r = await db
    .insertInto('congresses')
    .values({ ...factColumns(f), status: 'preparing', projector_json: JSON.stringify(DEFAULT_PROJECTOR), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCongress(db: Executor, id: number, f: CongressFacts & { status: CongressStatus }, now: string) {
  await db.updateTable('congresses').set({ ...factColumns(f), status: f.status, updated_at: now }).where('id', '=', id).execute();
}

/** `forUpdate` (PostgreSQL only): the congress row stays locked until the transaction ends, read and locked in one round trip */
export async function getCongress(db: Executor, id: number, options: { forUpdate?: boolean } = {}): Promise<CongressRow | null> {
  let q = db.selectFrom('congresses as c').innerJoin('organizations as o', 'o.id', 'c.org_id').select(congressColumns).where('c.id', '=', id);
  if (options.forUpdate) q = q.forUpdate('c');
  const r = await q.executeTakeFirst();
  return r ? toCongress(r as RawCongress) : null;
}

export async function congressOrgId(db: Executor, id: number): Promise<number | null> {
  const r = await db.selectFrom('congresses').select('org_id').where('id', '=', id).executeTakeFirst();
  return r?.org_id ?? null;
}

export async function listCongresses(db: Executor, within: 'all' | string[], orgId?: number): Promise<CongressRow[]> {
  if (within !== 'all' && within.length === 0) return [];
  let q = db.selectFrom('congresses as c').innerJoin('organizations as o', 'o.id', 'c.org_id').select(congressColumns);
  if (orgId !== undefined) q = q.where('c.org_id', '=', orgId);
  if (within !== 'all') q = q.where((eb) => eb.or(within.map((p) => eb.and([eb('o.path', '>=', p), eb('o.path', '<', pathUpperBound(p))]))));
  const rows = await q.orderBy('c.opens_on', 'desc').orderBy('c.id', 'desc').execute();
  return rows.map((r) => toCongress(r as RawCongress));
}

export async function setProjector(db: Executor, id: number, p: ProjectorState, now: string) {
  await db.updateTable('congresses').set({ projector_json: JSON.stringify(p), updated_at: now }).where('id', '=', id).execute();
}

export async function setCurrentAgendaItem(db: Executor, id: number, itemId: number | null, now: string) {
  await db.updateTable('congresses').set({ current_agenda_item_id: itemId, updated_at: now }).where('id', '=', id).execute();
}

export async function sessionsOf(db: Executor, congressId: number): Promise<Required<CongressSession>[]> {
  const rows = await db.selectFrom('congress_sessions').selectAll().where('congress_id', '=', congressId).orderBy('starts_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as SessionKind, title: r.title, startsAt: r.starts_at, endsAt: r.ends_at }));
}

/** replaces the sessions: kept by id when given, new ones added, the others removed */
export async function replaceSessions(db: Executor, congressId: number, sessions: readonly CongressSession[]) {
  const keep = sessions.filter((s) => s.id !== undefined).map((s) => s.id!);
  let del = db.deleteFrom('congress_sessions').where('congress_id', '=', congressId);
  if (keep.length) del = del.where('id', 'not in', keep);
  await del.execute();
  for (const s of sessions) {
    const values = { kind: s.kind, title: s.title, starts_at: s.startsAt, ends_at: s.endsAt };
    if (s.id !== undefined) await db.updateTable('congress_sessions').set(values).where('id', '=', s.id).where('congress_id', '=', congressId).execute();
    else await db.insertInto('congress_sessions').values({ ...values, congress_id: congressId }).execute();
  }
}

// ---------------------------------------------------------------------------------------------
// Seats

export async function replaceSeatAllocations(db: Executor, congressId: number, rows: readonly { orgId: number; members: number; seats: number }[]) {
  await db.deleteFrom('seat_allocations').where('congress_id', '=', congressId).execute();
  if (rows.length) await db.insertInto('seat_allocations').values(rows.map((r) => ({ congress_id: congressId, org_id: r.orgId, members: r.members, seats: r.seats }))).execute();
}

export async function seatAllocations(db: Executor, congressId: number) {
  const rows = await db
    .selectFrom('seat_allocations as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .select(['s.org_id', 'o.name', 's.members', 's.seats'])
    .select((eb) =>
      eb
        .selectFrom('delegates as d')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('d.unit_org_id', '=', 's.org_id')
        .whereRef('d.congress_id', '=', 's.congress_id')
        .where('d.class', '=', 'official')
        .where('d.status', '!=', 'withdrawn')
        .as('filled'),
    )
    .where('s.congress_id', '=', congressId)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, orgName: r.name, members: Number(r.members), seats: Number(r.seats), filled: Number(r.filled ?? 0) }));
}

// ---------------------------------------------------------------------------------------------
// Delegates

export interface NewDelegate {
  memberId: number;
  unitOrgId: number | null;
  class: DelegateClass;
  origin: DelegateOrigin;
  rank: number | null;
  eligibilityNote: string | null;
}


export async function insertDelegates(db: Executor, congressId: number, rows: readonly NewDelegate[], now: string): Promise<number[]> {
  const last = await db.selectFrom('delegates').select((eb) => eb.fn.max('number').as('n')).where('congress_id', '=', congressId).executeTakeFirst();
  let next = Number(last?.n ?? 0) + 1;
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    const inserted = await db
      .insertInto('delegates')
      .values(
        chunk.map((r) => ({
          congress_id: congressId,
          member_id: r.memberId,
          unit_org_id: r.unitOrgId,
          number: next++,
          class: r.class,
          origin: r.origin,
          rank: r.rank,
          status: 'active',
          eligibility_note: r.eligibilityNote,
          created_at: now,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...inserted.map((x) => x.id));
  }
  return ids;
}

export async function existingDelegateMembers(db: Executor, congressId: number, memberIds: readonly number[]): Promise<Set<number>> {
  if (!memberIds.length) return new Set();
  const out = new Set<number>();
  for (let i = 0; i < memberIds.length; i += 500) {
    const rows = await db.selectFrom('delegates').select('member_id').where('congress_id', '=', congressId).where('member_id', 'in', memberIds.slice(i, i + 500)).execute();
    rows.forEach((r) => out.add(r.member_id));
  }
  return out;
}

export interface DelegateQuery {
  search?: string;
  ids?: readonly number[];
  limit?: number;
}

export async function listDelegates(db: Executor, congressId: number, q: DelegateQuery = {}): Promise<DelegateRow[]> {
  let query = db
    .selectFrom('delegates as d')
    .innerJoin('members as m', 'm.id', 'd.member_id')
    .innerJoin('organizations as mo', 'mo.id', 'm.org_id')
    .leftJoin('organizations as u', 'u.id', 'd.unit_org_id')
    .leftJoin('checkins as k', (j) => j.onRef('k.delegate_id', '=', 'd.id').onRef('k.congress_id', '=', 'd.congress_id'))
    .select([
      'd.id',
      'd.congress_id',
      'd.number',
      'd.member_id',
      'm.full_name',
      'm.gender',
      'm.birth_date',
      'm.ethnicity',
      'm.education',
      'm.theory_level',
      'm.admitted_on',
      'm.official_on',
      'm.position',
      'm.status as member_status',
      'm.org_id as member_org_id',
      'mo.name as member_org_name',
      'd.unit_org_id',
      'u.name as unit_org_name',
      'd.class',
      'd.origin',
      'd.rank',
      'd.status',
      'd.replaces_delegate_id',
      'd.replacement_decided_by',
      'd.replacement_reason',
      'd.eligibility_note',
      'k.at as checked_in_at',
    ])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('delegate_tokens as t').select('t.id').whereRef('t.delegate_id', '=', 'd.id').where('t.revoked_at', 'is', null))
        .as('has_token'),
    )
    .where('d.congress_id', '=', congressId);
  if (q.ids) query = q.ids.length ? query.where('d.id', 'in', q.ids) : query.where(sql<boolean>`1 = 0`);
  if (q.search) for (const c of matchesEveryWord(db, 'm.search_name', searchWords(q.search))) query = query.where(c);
  if (q.limit) query = query.limit(q.limit);
  const rows = await query.orderBy('d.number').execute();
  return rows.map((r) => ({
    id: r.id,
    congressId: r.congress_id,
    number: Number(r.number),
    memberId: r.member_id,
    fullName: r.full_name,
    gender: r.gender as Gender,
    birthDate: r.birth_date,
    ethnicity: r.ethnicity,
    education: r.education as EducationLevel | null,
    theoryLevel: r.theory_level as TheoryLevel | null,
    admittedOn: r.admitted_on,
    officialOn: r.official_on,
    position: r.position,
    memberActive: r.member_status === 'active',
    memberOrgId: r.member_org_id,
    memberOrgName: r.member_org_name,
    unitOrgId: r.unit_org_id,
    unitOrgName: r.unit_org_name ?? null,
    class: r.class as DelegateClass,
    origin: r.origin as DelegateOrigin,
    rank: r.rank,
    status: r.status as DelegateStatus,
    replacesDelegateId: r.replaces_delegate_id,
    replacementDecidedBy: r.replacement_decided_by,
    replacementReason: r.replacement_reason,
    eligibilityNote: r.eligibility_note,
    checkedInAt: r.checked_in_at ?? null,
    hasToken: Boolean(Number(r.has_token)),
  }));
}

export async function getDelegate(db: Executor, congressId: number, id: number): Promise<DelegateRow | null> {
  return (await listDelegates(db, congressId, { ids: [id] }))[0] ?? null;
}

export async function updateDelegate(
  db: Executor,
  id: number,
  p: Partial<{ class: DelegateClass; origin: DelegateOrigin; rank: number | null; unitOrgId: number | null; status: DelegateStatus; eligibilityNote: string | null }>,
) {
  const set: Record<string, unknown> = {};
  if (p.class !== undefined) set.class = p.class;
  if (p.origin !== undefined) set.origin = p.origin;
  if (p.rank !== undefined) set.rank = p.rank;
  if (p.unitOrgId !== undefined) set.unit_org_id = p.unitOrgId;
  if (p.status !== undefined) set.status = p.status;
  if (p.eligibilityNote !== undefined) set.eligibility_note = p.eligibilityNote;
  if (Object.keys(set).length) await db.updateTable('delegates').set(set).where('id', '=', id).execute();
}

export async function recordReplacement(db: Executor, officialId: number, alternateId: number, decidedBy: string, reason: string, now: string) {
  await db.updateTable('delegates').set({ status: 'replaced', replaced_at: now }).where('id', '=', officialId).execute();
  await db
    .updateTable('delegates')
    .set({ replaces_delegate_id: officialId, replacement_decided_by: decidedBy, replacement_reason: reason, replaced_at: now })
    .where('id', '=', alternateId)
    .execute();
}

/** the replacement undone: the official delegate is convened again, the alternate stands in for nobody */
export async function undoReplacement(db: Executor, officialId: number, alternateId: number) {
  await db.updateTable('delegates').set({ status: 'active', replaced_at: null }).where('id', '=', officialId).execute();
  await db
    .updateTable('delegates')
    .set({ replaces_delegate_id: null, replacement_decided_by: null, replacement_reason: null, replaced_at: null })
    .where('id', '=', alternateId)
    .execute();
}

/** whether the delegate has voted in any open vote or election of the congress (the voting roster: who voted, not how) */
export async function hasVoted(db: Executor, delegateId: number): Promise<boolean> {
  return (await db.selectFrom('voter_roster').select('delegate_id').where('delegate_id', '=', delegateId).limit(1).executeTakeFirst()) !== undefined;
}

export async function deleteCheckin(db: Executor, congressId: number, delegateId: number): Promise<boolean> {
  const r = await db.deleteFrom('checkins').where('congress_id', '=', congressId).where('delegate_id', '=', delegateId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---------------------------------------------------------------------------------------------
// Delegate tokens: random 128+ bits on the card, sha256 in the database

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** revokes the delegate's live tokens and issues a new one; returns the plain token (shown once, printed on the card) */
export async function issueDelegateToken(db: Executor, delegateId: number, random: (n: number) => Buffer, now: string): Promise<string> {
  await revokeDelegateTokens(db, delegateId, now);
  const token = random(24).toString('base64url');
  await db.insertInto('delegate_tokens').values({ delegate_id: delegateId, token_hash: hashToken(token), created_at: now }).execute();
  return token;
}

export async function revokeDelegateTokens(db: Executor, delegateId: number, now: string): Promise<number> {
  const r = await db.updateTable('delegate_tokens').set({ revoked_at: now }).where('delegate_id', '=', delegateId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface TokenHolder {
  delegateId: number;
  congressId: number;
  memberId: number;
  fullName: string;
  status: DelegateStatus;
  /** what the voting rules need, read with the token so a ballot costs no further lookup */
  class: DelegateClass;
  replacing: boolean;
  officialOn: string | null;
  checkedIn: boolean;
}

/** the delegate a live token opens, or null (unknown or revoked) */
export async function delegateByToken(db: Executor, token: string): Promise<TokenHolder | null> {
  return (await delegatesByTokens(db, [token])).get(token) ?? null;
}

/** the delegates live tokens open, in one query (a hall of phones asking at once) */
export async function delegatesByTokens(db: Executor, tokens: readonly string[]): Promise<Map<string, TokenHolder>> {
  const byHash = new Map(tokens.map((t) => [hashToken(t), t]));
  const out = new Map<string, TokenHolder>();
  if (!byHash.size) return out;
  const rows = await db
    .selectFrom('delegate_tokens as t')
    .innerJoin('delegates as d', 'd.id', 't.delegate_id')
    .innerJoin('members as m', 'm.id', 'd.member_id')
    .leftJoin('checkins as k', (j) => j.onRef('k.delegate_id', '=', 'd.id').onRef('k.congress_id', '=', 'd.congress_id'))
    .select(['t.token_hash', 'd.id', 'd.congress_id', 'd.member_id', 'm.full_name', 'd.status', 'd.class', 'd.replaces_delegate_id', 'm.official_on', 'k.id as checkin_id'])
    .where('t.token_hash', 'in', [...byHash.keys()])
    .where('t.revoked_at', 'is', null)
    .execute();
  for (const r of rows) {
    out.set(byHash.get(r.token_hash)!, {
      delegateId: r.id,
      congressId: r.congress_id,
      memberId: r.member_id,
      fullName: r.full_name,
      status: r.status as DelegateStatus,
      class: r.class as DelegateClass,
      replacing: r.replaces_delegate_id !== null,
      officialOn: r.official_on,
      checkedIn: r.checkin_id !== null,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Check-in

/** one check-in per delegate and congress (UNIQUE); a second scan changes nothing and says when the first was */
export async function recordCheckin(db: Executor, congressId: number, delegateId: number, method: 'qr' | 'staff', byUserId: number | null, now: string): Promise<{ created: boolean; at: string }> {
  const r = await db
    .insertInto('checkins')
    .values({ congress_id: congressId, delegate_id: delegateId, at: now, method, by_user_id: byUserId })
    .onConflict((oc) => oc.columns(['congress_id', 'delegate_id']).doNothing())
    .executeTakeFirst();
  const created = Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  if (created) return { created, at: now };
  const first = await db.selectFrom('checkins').select('at').where('congress_id', '=', congressId).where('delegate_id', '=', delegateId).executeTakeFirstOrThrow();
  return { created, at: first.at };
}

// ---------------------------------------------------------------------------------------------
// Events: a per-congress sequence; allocating it locks the congress row, so seq order is commit order

export interface CongressEvent {
  seq: number;
  type: string;
  payload: unknown;
  at: string;
}

/** takes `n` sequence numbers in one statement (and with it the congress row lock until commit); returns the last, or null if there is no such congress */
export async function allocateEventSeq(db: Executor, congressId: number, n: number): Promise<number | null> {
  const r = await db
    .updateTable('congresses')
    .set({ event_seq: sql`event_seq + ${n}` })
    .where('id', '=', congressId)
    .returning('event_seq')
    .executeTakeFirst();
  return r ? Number(r.event_seq) : null;
}

/** the events numbered `last - events.length + 1 … last` (numbers from allocateEventSeq) */
export async function insertEvents(db: Executor, congressId: number, last: number, events: readonly { type: string; payload: unknown }[], now: string): Promise<void> {
  const first = last - events.length + 1;
  await db
    .insertInto('congress_events')
    .values(events.map((e, i) => ({ congress_id: congressId, seq: first + i, type: e.type, payload_json: JSON.stringify(e.payload ?? null), at: now })))
    .execute();
}

export async function eventsAfter(db: Executor, congressId: number, after: number, limit = 1000): Promise<CongressEvent[]> {
  const rows = await db.selectFrom('congress_events').selectAll().where('congress_id', '=', congressId).where('seq', '>', after).orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ seq: Number(r.seq), type: r.type, payload: JSON.parse(r.payload_json), at: r.at }));
}

export async function lastEventSeq(db: Executor, congressId: number): Promise<number | null> {
  const r = await db.selectFrom('congresses').select('event_seq').where('id', '=', congressId).executeTakeFirst();
  return r ? Number(r.event_seq) : null;
}
