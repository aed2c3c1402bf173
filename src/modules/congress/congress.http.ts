// What the congress routes share: the org resolver, the delegate-token resolver, writes that emit events, snapshots.
import type { FastifyRequest } from 'fastify';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { AppError, notFound } from '../../server/errors.js';
import { inTransaction } from '../../server/request-context.js';
import type { HubEvent, RealtimeHub } from '../../server/realtime.js';
import type { CommandContext } from '../orgs/orgs.commands.js';
import { quorumStatusOfGroups, timerElapsedMs, type QuorumStatus } from './congress.rules.js';
import { allocateEventSeq, congressOrgId, delegatesByTokens, getCongress, insertEvents, sessionsOf, type CongressRow, type TokenHolder } from './congress.store.js';
import { agendaOf, noticesOf, speakersOf, type SpeakerRow } from './congress.room.store.js';

const hubs = new WeakMap<object, RealtimeHub>();
export const setHub = (server: object, hub: RealtimeHub) => hubs.set(server, hub);
export const hubOf = (request: FastifyRequest): RealtimeHub => hubs.get(request.server)!;

/** the organisation a /api/congresses/:id/… request acts on */
export async function congressOrg(request: FastifyRequest): Promise<number> {
  const orgId = await congressOrgId(request.server.ctx.handle.db, (request.params as { id: number }).id);
  if (orgId === null) throw notFound('đại hội');
  return orgId;
}

const holders = new WeakMap<FastifyRequest, TokenHolder>();

/**
 * Token lookups that arrive together (a hall of phones voting, or waking up, at once) are answered by one query:
 * 2,000 ballots cost tens of lookups, not 2,000 round trips through the pool.
 */
class TokenLookups {
  private waiting = new Map<string, { resolve: (h: TokenHolder | null) => void; reject: (e: unknown) => void }[]>();
  private scheduled = false;
  constructor(private readonly db: Executor) {}
  lookup(token: string): Promise<TokenHolder | null> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(token) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(token, list);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }
  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    this.scheduled = false;
    const tokens = [...batch.keys()];
    for (let i = 0; i < tokens.length; i += 500) {
      const chunk = tokens.slice(i, i + 500);
      try {
        const found = await delegatesByTokens(this.db, chunk);
        for (const t of chunk) batch.get(t)!.forEach((w) => w.resolve(found.get(t) ?? null));
      } catch (e) {
        // the database failed: each request answers a system error, never "unknown card"
        for (const t of chunk) batch.get(t)!.forEach((w) => w.reject(e));
      }
    }
  }
}
const lookups = new WeakMap<object, TokenLookups>();
function tokenLookupsOf(request: FastifyRequest): TokenLookups {
  let l = lookups.get(request.server);
  if (!l) lookups.set(request.server, (l = new TokenLookups(request.server.ctx.handle.db)));
  return l;
}

/** the delegate-token access: the token in the path (`/api/delegate/:token/…`) opens that delegate's view only */
export async function delegateAccess(request: FastifyRequest): Promise<boolean> {
  const token = (request.params as { token?: string }).token ?? '';
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return false;
  const holder = await tokenLookupsOf(request).lookup(token);
  if (!holder || holder.status === 'withdrawn') return false;
  holders.set(request, holder);
  return true;
}

export const delegateOf = (request: FastifyRequest): TokenHolder => holders.get(request)!;

export type Emit = (type: string, payload: unknown) => void;
type WriteContext = CommandContext & { db: Transaction<Database> };

/**
 * An event payload computed after the event's sequence number is taken, i.e. under the congress row lock:
 * for payloads that summarise state other requests change concurrently (attendance), so that the payloads
 * of successive events follow their sequence order. `value` holds it once the write has committed.
 */
export class LatePayload<T = unknown> {
  value: T | undefined;
  constructor(readonly compute: (db: Transaction<Database>) => Promise<T>) {}
}
export const latePayload = <T>(compute: (db: Transaction<Database>) => Promise<T>) => new LatePayload(compute);

export interface WriteOptions {
  /**
   * 'first' (default): the congress row is locked before `fn` runs (on PostgreSQL; SQLite has one writer), so
   * whatever `fn` reads sees every earlier change of the congress — for changes that read then rewrite shared
   * state (agenda, speakers, projector). 'last': `fn` runs without the lock and the sequence is taken in one
   * statement after it, so concurrent requests overlap their work and queue only for the few statements that
   * number and store their events — for changes that touch only their own rows (a check-in).
   */
  lock?: 'first' | 'last';
  /** run on the connections kept for short write transactions (PostgreSQL), not behind the main pool's queue of reads */
  writer?: boolean;
}

/**
 * One transaction for a change of a congress and its events, numbered in commit order (taking the
 * sequence locks the congress row until commit). The hub delivers after commit.
 */
export async function writeCongress<T>(request: FastifyRequest, congressId: number, fn: (ctx: WriteContext, emit: Emit, congress: CongressRow) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const hub = hubOf(request);
  let seq = 0;
  const result = await inTransaction(request, async (ctx) => {
    const lockFirst = (options.lock ?? 'first') === 'first';
    // PostgreSQL: locked as it is read (one round trip); SQLite: the dummy update takes the database's write lock at once
    const forUpdate = lockFirst && request.server.ctx.handle.engine === 'postgres';
    if (lockFirst && !forUpdate) {
      const locked = await ctx.db.updateTable('congresses').set({ event_seq: sql`event_seq` }).where('id', '=', congressId).executeTakeFirst();
      if (!Number(locked.numUpdatedRows)) throw notFound('đại hội');
    }
    const congress = await getCongress(ctx.db, congressId, { forUpdate });
    if (!congress) throw notFound('đại hội');
    const events: { type: string; payload: unknown }[] = [];
    const r = await fn(ctx, (type, payload) => events.push({ type, payload }), congress);
    if (events.length) {
      const last = await allocateEventSeq(ctx.db, congressId, events.length);
      if (last === null) throw notFound('đại hội');
      for (const e of events) {
        if (e.payload instanceof LatePayload) e.payload = e.payload.value = await e.payload.compute(ctx.db);
      }
      await insertEvents(ctx.db, congressId, last, events, ctx.now);
      await hub.announceInTransaction(ctx.db, congressId, last);
      seq = last;
    }
    return r;
  }, { writer: options.writer });
  if (seq) hub.committed(congressId, seq);
  return result;
}

/** the event of delegates' cards revoked (lost, reissued, the delegate withdrawn): their open phone streams end */
export const CARDS_REVOKED = 'delegate.cards_revoked';
export const cardsRevokedPayload = (delegateIds: readonly number[]) => ({ delegateIds: [...delegateIds] });
/** ends the stream of a delegate's phone once their card is revoked, on every server process (the event travels the log) */
export const endsWhenCardRevoked =
  (delegateId: number) =>
  (e: HubEvent): boolean =>
    e.type === CARDS_REVOKED && ((e.payload as { delegateIds?: number[] } | null)?.delegateIds ?? []).includes(delegateId);

export function checkNotClosed(c: CongressRow) {
  if (c.status === 'closed') throw new AppError('CONGRESS_CLOSED', 409, 'Đại hội đã bế mạc; không thể thay đổi.');
}

/**
 * attendance and the quorum rule: one aggregate query (delegates grouped by what the rule looks at), not a row per delegate.
 * Presence is an EXISTS on the check-ins' unique index: a join let PostgreSQL, before its statistics caught up with a new
 * congress, pick a nested loop over every check-in per delegate (50–90 ms per check-in at 2,000 delegates, growing).
 */
export async function attendance(db: Executor, c: Pick<CongressRow, 'id' | 'kind' | 'opensOn' | 'quorumNumerator' | 'quorumDenominator'>): Promise<QuorumStatus & { alternatesPresent: number; rule: string }> {
  // probationary as isProbationary() decides it (members.rules.ts): not yet official on the opening day
  const r = await sql<{ class: string; status: string; probationary: number; present: number; replacing: number; n: number | string }>`
    select d.class, d.status,
      case when m.official_on is null or m.official_on > ${c.opensOn} then 1 else 0 end as probationary,
      case when exists (select 1 from checkins k where k.congress_id = d.congress_id and k.delegate_id = d.id) then 1 else 0 end as present,
      case when exists (select 1 from delegates r where r.id = d.replaces_delegate_id and r.class = 'official' and r.status = 'replaced') then 1 else 0 end as replacing,
      count(*) as n
    from delegates d
    join members m on m.id = d.member_id
    where d.congress_id = ${c.id}
    group by 1, 2, 3, 4, 5`.execute(db);
  const groups = r.rows.map((g) => ({
    class: g.class as 'official' | 'alternate',
    status: g.status as 'active' | 'replaced' | 'withdrawn',
    probationary: Number(g.probationary) === 1,
    present: Number(g.present) === 1,
    replacing: Number(g.replacing) === 1,
    count: Number(g.n),
  }));
  const q = quorumStatusOfGroups(c.kind, groups, { numerator: c.quorumNumerator, denominator: c.quorumDenominator });
  const alternatesPresent = groups.filter((g) => g.class === 'alternate' && g.present).reduce((s, g) => s + g.count, 0);
  return { ...q, alternatesPresent, rule: `${c.quorumNumerator}/${c.quorumDenominator}` };
}

export const presentSpeaker = (s: SpeakerRow, now: string) => ({ ...s, elapsedMsNow: timerElapsedMs(s, now) });

/** what a console, the projector and a phone show: one read, with the sequence to subscribe after */
export async function roomSnapshot(db: Executor, congressId: number, now: string) {
  const c = await getCongress(db, congressId);
  if (!c) throw notFound('đại hội');
  const [sessions, agenda, speakers, notices, att] = await Promise.all([sessionsOf(db, c.id), agendaOf(db, c.id), speakersOf(db, c.id), noticesOf(db, c.id), attendance(db, c)]);
  return {
    congress: publicCongress(c),
    sessions,
    agenda,
    currentAgendaItem: agenda.find((a) => a.id === c.currentAgendaItemId) ?? null,
    speakers: speakers.map((s) => presentSpeaker(s, now)),
    speaking: speakers.filter((s) => s.status === 'speaking' || s.status === 'paused').map((s) => presentSpeaker(s, now))[0] ?? null,
    notices,
    attendance: att,
    projector: c.projector,
    lastSeq: c.lastSeq,
    serverTime: now,
  };
}

export const publicCongress = (c: CongressRow) => {
  const { orgPath: _path, ...rest } = c;
  return rest;
};

/** the address card links start with: DAIHOI_PUBLIC_URL, else the address the clerk opened the app by (Host, or X-Forwarded-Host behind a trusted proxy) */
export function cardLinkBase(request: FastifyRequest): { base: string; source: 'config' | 'request' } {
  const configured = request.server.ctx.config.publicUrl;
  return configured ? { base: configured.replace(/\/$/, ''), source: 'config' } : { base: `${request.protocol}://${request.host}`, source: 'request' };
}

export function tokenUrl(request: FastifyRequest, token: string): string {
  return `${cardLinkBase(request).base}/d/${token}`;
}

/** the header a reply of new card links carries when phones will not open them (the web app warns before printing too) */
export const CARD_LINK_WARNING_HEADER = 'x-daihoi-card-link-warning';
