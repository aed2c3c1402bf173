// What the voting routes share: the ballot box of the server, the congress's bases, public shapes of votes and elections.
import type { FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../server/errors.js';
import type { Executor } from '../../db/types.js';
import { getCongress, type CongressRow } from '../congress/congress.store.js';
import { isRuleProblem, type RuleProblem } from '../congress/congress.rules.js';
import { BallotBox } from './ballot-box.js';
import {
  ballotOrder,
  candidateSurplusProblem,
  defaultSurplusRule,
  seatsProblem,
  surplusRuleOf,
  surplusSettingsProblem,
  type Election,
  type SurplusRule,
  type TallyRules,
} from './elections.rules.js';
import { congressBases, openVoteChoices, type CongressBases } from './voting.rules.js';
import { rosterCount, votersOf, type ElectionRow, type OpenVoteRow, type VoterRow } from './voting.store.js';

const boxes = new WeakMap<object, BallotBox>();
export function ballotBoxOf(request: FastifyRequest): BallotBox {
  let box = boxes.get(request.server);
  if (!box) boxes.set(request.server, (box = new BallotBox()));
  return box;
}

/**
 * Reads on the ballot path that may be a second old: a congress's facts and an open poll (its candidates cannot
 * change once open). A stale "open" is harmless — the ballot box reads the status again under the poll's lock.
 */
export class RecentReads {
  private entries = new Map<string, { at: number; value: unknown }>();
  constructor(private readonly ttlMs = 1000) {}
  async get<T>(key: string, load: () => Promise<T>, keep: (v: T) => boolean = () => true): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value as T;
    const value = await load();
    if (keep(value)) {
      if (this.entries.size > 1000) this.entries.clear();
      this.entries.set(key, { at: Date.now(), value });
    } else this.entries.delete(key);
    return value;
  }
}
const recent = new WeakMap<object, RecentReads>();
export function recentReadsOf(request: FastifyRequest): RecentReads {
  let r = recent.get(request.server);
  if (!r) recent.set(request.server, (r = new RecentReads()));
  return r;
}

export const ruleError = (p: RuleProblem, status = 409) => new AppError(p.code, status, p.message, p.details);
export function orThrow<T>(x: T | RuleProblem): T {
  if (isRuleProblem(x)) throw ruleError(x);
  return x;
}

export async function congressOrThrow(db: Executor, id: number): Promise<CongressRow> {
  const c = await getCongress(db, id);
  if (!c) throw notFound('đại hội');
  return c;
}

/** the congress's numbers from its delegates: convened, the election base (minus the exclusions recorded), who may vote */
export const basesFrom = (kind: CongressRow['kind'], voters: readonly VoterRow[], excluded = 0): CongressBases =>
  congressBases(
    kind,
    voters.map((v) => ({ ...v, exOfficio: v.origin === 'ex_officio' })),
    excluded,
  );

/** the congress's numbers now */
export async function basesOf(db: Executor, c: Pick<CongressRow, 'id' | 'kind' | 'opensOn'>, excluded = 0): Promise<CongressBases> {
  return basesFrom(c.kind, await votersOf(db, c), excluded);
}

export const electionRules = (e: Pick<ElectionRow, 'body' | 'seats' | 'alternateSeats' | 'candidates'>): Election => ({
  body: e.body,
  seats: e.seats,
  alternateSeats: e.alternateSeats,
  candidates: e.candidates.map((c) => ({ id: c.id, fullName: c.fullName })),
});

/** the list's facts and the surplus the congress decided for it */
type ListFacts = Pick<ElectionRow, 'body' | 'seats' | 'alternateSeats' | 'candidates'> & Partial<Pick<ElectionRow, 'round' | 'surplusRounding' | 'surplusMinPercent' | 'surplusMaxPercent'>>;

/** the surplus rule of an election: the congress's settings, the body's defaults where none were given */
export function surplusRuleOfElection(e: ListFacts): SurplusRule {
  const d = defaultSurplusRule(e.body);
  return surplusRuleOf(e.body, {
    minPercent: e.surplusMinPercent ?? d.minPercent,
    maxPercent: e.surplusMaxPercent === undefined ? d.maxPercent : e.surplusMaxPercent,
    maxRounding: e.surplusRounding ?? d.maxRounding,
  });
}

/** why the list cannot go to the vote (seats, surplus), or null */
export function listProblem(e: ListFacts): RuleProblem | null {
  const seats = seatsProblem(e.body, e.seats, e.alternateSeats, e.round ?? 1);
  if (seats) return seats;
  // RULES.md "More candidates over the threshold than seats": a further round is among the tied or the rest — no surplus rule, but enough names
  if ((e.round ?? 1) > 1) {
    const needed = e.seats + e.alternateSeats;
    return e.candidates.length < needed ? { code: 'TOO_FEW_CANDIDATES', message: `Vòng bầu tiếp có ${e.candidates.length} người, ít hơn số lượng cần bầu (${needed}).` } : null;
  }
  // the congress decides the surplus (RULES.md "Surplus of candidates"): its settings are kept with the election
  const rule = surplusRuleOfElection(e);
  return surplusSettingsProblem(rule) ?? candidateSurplusProblem(electionRules(e), rule);
}

/** what the congress decided for a tie at the last seat and for fewer elected than seats */
export const tallyRulesOf = (e: Pick<ElectionRow, 'tieAtLastSeat' | 'fewerElected'>): TallyRules => ({ tieAtLastSeat: e.tieAtLastSeat, fewerElected: e.fewerElected });

/** an election as staff and phones see it: candidates in ballot order, the turnout, the list check */
export async function presentElection(db: Executor, e: ElectionRow) {
  const order = ballotOrder(electionRules(e).candidates).map((c) => c.id);
  const byId = new Map(e.candidates.map((c) => [c.id, c]));
  return { ...e, candidates: order.map((id) => byId.get(id)!), voted: await rosterCount(db, 'election', e.id), listProblem: e.status === 'draft' ? listProblem(e) : null };
}

export async function presentVote(db: Executor, v: OpenVoteRow) {
  return { ...v, voted: await rosterCount(db, 'vote', v.id) };
}

/** what a phone sees of an open vote */
export function phoneVote(v: Awaited<ReturnType<typeof presentVote>>) {
  return { id: v.id, question: v.question, subject: v.subject, status: v.status, named: v.named, choices: openVoteChoices(v.allowsOther), voted: v.voted, result: v.result };
}

/** what a phone may see of an election: no tally before the close */
export function phoneElection(e: Awaited<ReturnType<typeof presentElection>>) {
  return {
    id: e.id,
    body: e.body,
    title: e.title,
    seats: e.seats,
    alternateSeats: e.alternateSeats,
    mode: e.mode,
    status: e.status,
    round: e.round,
    candidates: e.candidates.map((c) => ({ id: c.id, fullName: c.fullName, note: c.note })),
    voted: e.voted,
    tally: e.status === 'closed' ? e.tally : null,
  };
}
