// The ballot box: ballots cast on phones are committed in groups (group commit), each acknowledged only after its
// group is durably committed. One transaction writes the roster rows, the ballots (shuffled, keyed by random receipt
// codes) and one turnout event per poll, so a burst of 2,000 ballots costs tens of commits, not 2,000.
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../server/errors.js';
import { writeCongress } from '../congress/congress.http.js';
import { receiptCode } from './voting.rules.js';
import { castBefore, insertCast, lockPoll, rosterCount, type NewCastBallot, type PollKind } from './voting.store.js';

export interface CastRequest {
  congressId: number;
  kind: PollKind;
  pollId: number;
  delegateId: number;
  /** the ballot id the phone generated; the same id sent again is the same ballot */
  clientBallotId: string;
  choice: unknown;
  /** named open vote: the ballot carries its voter */
  named: boolean;
}

export interface CastReceipt {
  receiptCode: string;
  /** this ballot had been received before (a resubmission): nothing new was stored */
  repeated: boolean;
}

interface Pending {
  request: FastifyRequest;
  cast: CastRequest;
  clientHash: string;
  resolve(r: CastReceipt): void;
  reject(e: unknown): void;
}

/** the most ballots one commit takes: large enough for a burst, small enough to keep a commit short */
export const MAX_GROUP = 400;

export const alreadyVoted = () => new AppError('ALREADY_VOTED', 409, 'Đồng chí đã bỏ phiếu; mỗi đại biểu chỉ có một phiếu.');
export const votedByHands = () => new AppError('VOTE_BY_HANDS', 409, 'Cuộc biểu quyết này được kiểm bằng giơ tay; không biểu quyết trên điện thoại.');
export const pollNotOpen = () => new AppError('POLL_NOT_OPEN', 409, 'Cuộc biểu quyết / bầu cử chưa mở hoặc đã kết thúc.');

/**
 * The stored key of a phone's ballot id: bound to the delegate, so another delegate who sends the same id (copied from a
 * phone) is not told that ballot's receipt. Only the phone knows the 128-bit id, so the hash names nobody.
 */
const hashOf = (delegateId: number, clientBallotId: string) => crypto.createHash('sha256').update(`${delegateId}:${clientBallotId}`).digest('hex');

/** Fisher–Yates with the system's cryptographic randomness: the order ballots are written in says nothing of who cast them */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** a burst's turnout goes to every screen at most this often: each event is written to every phone's stream */
export const TURNOUT_EVERY_MS = 250;

export class BallotBox {
  private queues = new Map<number, Pending[]>();
  private flushing = new Set<number>();
  private lastTurnout = new Map<string, number>();
  private trailing = new Set<string>();
  /** commits made and ballots per commit, for the benchmark */
  readonly stats = { commits: 0, ballots: 0 };

  private turnoutDue(kind: PollKind, pollId: number): boolean {
    const key = `${kind}:${pollId}`;
    const last = this.lastTurnout.get(key) ?? 0;
    if (Date.now() - last < TURNOUT_EVERY_MS) return false;
    this.lastTurnout.set(key, Date.now());
    return true;
  }

  /** the turnout held back during a burst is sent once the interval has passed, so screens end on the right count */
  private trailingTurnout(request: FastifyRequest, congressId: number, kind: PollKind, pollId: number): void {
    const key = `${kind}:${pollId}`;
    if (this.trailing.has(key)) return;
    this.trailing.add(key);
    const wait = Math.max(0, TURNOUT_EVERY_MS - (Date.now() - (this.lastTurnout.get(key) ?? 0)));
    setTimeout(() => {
      this.trailing.delete(key);
      this.lastTurnout.set(key, Date.now());
      void writeCongress(request, congressId, async (ctx, emit) => {
        emit(kind === 'vote' ? 'vote.turnout' : 'election.turnout', { kind, pollId, voted: await rosterCount(ctx.db, kind, pollId) });
      }).catch(() => undefined);
    }, wait).unref();
  }

  cast(request: FastifyRequest, cast: CastRequest): Promise<CastReceipt> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(cast.congressId) ?? [];
      this.queues.set(cast.congressId, queue);
      queue.push({ request, cast, clientHash: hashOf(cast.delegateId, cast.clientBallotId), resolve, reject });
      if (!this.flushing.has(cast.congressId)) {
        this.flushing.add(cast.congressId);
        // the requests that arrive while this tick runs join the first group
        setImmediate(() => void this.flush(cast.congressId));
      }
    });
  }

  private async flush(congressId: number): Promise<void> {
    const queue = this.queues.get(congressId)!;
    try {
      while (queue.length) {
        const group = queue.splice(0, MAX_GROUP);
        try {
          await this.commit(group);
        } catch (e) {
          // one bad ballot must not sink the others: each is tried alone
          if (group.length === 1) group[0].reject(e);
          else for (const p of group) await this.commit([p]).catch((err) => p.reject(err));
        }
      }
    } finally {
      this.flushing.delete(congressId);
      if (queue.length) {
        this.flushing.add(congressId);
        setImmediate(() => void this.flush(congressId));
      }
    }
  }

  private async commit(group: Pending[]): Promise<void> {
    const outcome = new Map<Pending, CastReceipt | Error>();
    const engine = group[0].request.server.ctx.handle.engine;
    // writer: a burst's commits must not wait behind the queue of the ballots' token lookups in the main pool
    await writeCongress(group[0].request, group[0].cast.congressId, async (ctx, emit, congress) => {
      outcome.clear();
      const polls = new Map<string, Pending[]>();
      for (const p of group) {
        const key = `${p.cast.kind}:${p.cast.pollId}`;
        polls.set(key, [...(polls.get(key) ?? []), p]);
      }
      for (const items of polls.values()) {
        const { kind, pollId } = items[0].cast;
        const poll = await lockPoll(ctx.db, kind, pollId);
        const { voted, known } = await castBefore(ctx.db, kind, pollId, [...new Set(items.map((p) => p.cast.delegateId))], [...new Set(items.map((p) => p.clientHash))]);
        if (poll?.status !== 'open' || poll.byHands) {
          // a phone whose answer was lost sends its ballot again after the close: it gets its receipt, nothing new is stored
          for (const p of items) {
            const repeated = known.get(p.clientHash);
            outcome.set(p, repeated ? { receiptCode: repeated, repeated: true } : poll?.byHands ? votedByHands() : pollNotOpen());
          }
          continue;
        }
        const voters: number[] = [];
        const ballots: NewCastBallot[] = [];
        for (const p of items) {
          const repeated = known.get(p.clientHash);
          if (repeated) {
            outcome.set(p, { receiptCode: repeated, repeated: true });
            continue;
          }
          if (voted.has(p.cast.delegateId)) {
            outcome.set(p, alreadyVoted());
            continue;
          }
          const code = receiptCode(crypto.randomBytes(10));
          voted.add(p.cast.delegateId);
          known.set(p.clientHash, code);
          voters.push(p.cast.delegateId);
          ballots.push({ receiptCode: code, clientHash: p.clientHash, choice: p.cast.choice, namedDelegateId: p.cast.named ? p.cast.delegateId : null });
          outcome.set(p, { receiptCode: code, repeated: false });
        }
        if (!voters.length) continue;
        // that a delegate voted is on record (roster, audit log, both in delegate order); what they chose never is
        await insertCast(ctx.db, engine, kind, pollId, voters.sort((a, b) => a - b), shuffled(ballots), { at: ctx.now, orgId: congress.orgId });
        if (this.turnoutDue(kind, pollId)) emit(kind === 'vote' ? 'vote.turnout' : 'election.turnout', { kind, pollId, voted: await rosterCount(ctx.db, kind, pollId) });
        else this.trailingTurnout(group[0].request, group[0].cast.congressId, kind, pollId);
      }
    }, { writer: true });
    this.stats.commits += 1;
    this.stats.ballots += group.length;
    for (const p of group) {
      const r = outcome.get(p)!;
      if (r instanceof Error) p.reject(r);
      else p.resolve(r);
    }
  }
}
