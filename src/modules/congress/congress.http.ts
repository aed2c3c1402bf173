// What the congress routes share: the org resolver, the delegate-token resolver, writes that emit events, snapshots.
import type { FastifyRequest } from 'fastify';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { AppError, notFound } from '../../server/errors.js';
import { inTransaction } from '../../server/request-context.js';
import type { RealtimeHub } from '../../server/realtime.js';
import type { CommandContext } from '../orgs/orgs.commands.js';
import { isProbationary } from '../members/members.rules.js';
import { quorumStatus, timerElapsedMs, type QuorumStatus } from './congress.rules.js';
import { appendEvents, congressOrgId, delegateByToken, getCongress, sessionsOf, type CongressRow, type TokenHolder } from './congress.store.js';
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

/** the delegate-token access: the token in the path (`/api/delegate/:token/…`) opens that delegate's view only */
export async function delegateAccess(request: FastifyRequest): Promise<boolean> {
  const token = (request.params as { token?: string }).token ?? '';
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return false;
  const holder = await delegateByToken(request.server.ctx.handle.db, token);
  if (!holder || holder.status === 'withdrawn') return false;
  holders.set(request, holder);
  return true;
}

export const delegateOf = (request: FastifyRequest): TokenHolder => holders.get(request)!;

export type Emit = (type: string, payload: unknown) => void;
type WriteContext = CommandContext & { db: Transaction<Database> };

/**
 * One transaction for a change of a congress and its events: the congress row is locked first (on
 * PostgreSQL; SQLite has one writer), so payloads computed inside see every earlier change and the
 * sequence numbers follow commit order. The hub delivers after commit.
 */
export async function writeCongress<T>(request: FastifyRequest, congressId: number, fn: (ctx: WriteContext, emit: Emit, congress: CongressRow) => Promise<T>): Promise<T> {
  const hub = hubOf(request);
  let seq = 0;
  const result = await inTransaction(request, async (ctx) => {
    const locked = await ctx.db.updateTable('congresses').set({ event_seq: sql`event_seq` }).where('id', '=', congressId).executeTakeFirst();
    if (!Number(locked.numUpdatedRows)) throw notFound('đại hội');
    const congress = (await getCongress(ctx.db, congressId))!;
    const events: { type: string; payload: unknown }[] = [];
    const r = await fn(ctx, (type, payload) => events.push({ type, payload }), congress);
    if (events.length) {
      seq = await appendEvents(ctx.db, congressId, events, ctx.now);
      await hub.announceInTransaction(ctx.db, congressId, seq);
    }
    return r;
  });
  if (seq) hub.committed(congressId, seq);
  return result;
}

export function checkNotClosed(c: CongressRow) {
  if (c.status === 'closed') throw new AppError('CONGRESS_CLOSED', 409, 'Đại hội đã bế mạc; không thể thay đổi.');
}

/** attendance and the quorum rule, counted in SQL-light form (one row per delegate) */
export async function attendance(db: Executor, c: Pick<CongressRow, 'id' | 'kind' | 'opensOn' | 'quorumNumerator' | 'quorumDenominator'>): Promise<QuorumStatus & { alternatesPresent: number; rule: string }> {
  const rows = await db
    .selectFrom('delegates as d')
    .innerJoin('members as m', 'm.id', 'd.member_id')
    .leftJoin('checkins as k', (j) => j.onRef('k.delegate_id', '=', 'd.id').onRef('k.congress_id', '=', 'd.congress_id'))
    .select(['d.class', 'd.status', 'd.replaces_delegate_id', 'm.official_on', 'k.id as checkin_id'])
    .where('d.congress_id', '=', c.id)
    .execute();
  const ds = rows.map((r) => ({
    class: r.class as 'official' | 'alternate',
    status: r.status as 'active' | 'replaced' | 'withdrawn',
    probationary: isProbationary({ officialOn: r.official_on }, c.opensOn),
    present: r.checkin_id !== null,
    replacing: r.replaces_delegate_id !== null,
  }));
  const q = quorumStatus(c.kind, ds, { numerator: c.quorumNumerator, denominator: c.quorumDenominator });
  return { ...q, alternatesPresent: ds.filter((d) => d.class === 'alternate' && d.present).length, rule: `${c.quorumNumerator}/${c.quorumDenominator}` };
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

export function tokenUrl(request: FastifyRequest, token: string): string {
  const base = request.server.ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base.replace(/\/$/, '')}/d/${token}`;
}
