// Secret-ballot elections (bầu cử): bodies, seats, candidate lists and their surplus, the tally, ties, further rounds.
// Paper ballots (marks, validity, two clerks' entries) are in ballots.rules.ts, re-exported here. Pure, no I/O.
import type { RuleProblem } from '../congress/congress.rules.js';
import { compareVietnameseNames } from '../../shared/vietnamese.js';
import { majorityRequired } from './voting.rules.js';
import { ballotValidity, type BallotProblem, type PaperBallot } from './ballots.rules.js';

export * from './ballots.rules.js';

/** ban chấp hành, ban thường vụ, bí thư, phó bí thư, ủy ban kiểm tra, chủ nhiệm / phó chủ nhiệm UBKT, đoàn đại biểu dự đại hội cấp trên */
export const ELECTED_BODIES = [
  'executive_committee',
  'standing_committee',
  'secretary',
  'deputy_secretaries',
  'inspection_committee',
  'inspection_chair',
  'inspection_deputies',
  'delegation',
] as const;
export type ElectedBody = (typeof ELECTED_BODIES)[number];

/** the bodies an election or an appointment fills; a delegation's alternates are a list of their own */
export const LEADER_BODIES = [...ELECTED_BODIES, 'delegation_alternate'] as const;
export type LeaderBody = (typeof LEADER_BODIES)[number];

/** elected by the congress itself; the others at the new committee's first meeting */
export const ELECTED_BY_CONGRESS: readonly ElectedBody[] = ['executive_committee', 'delegation'];

// RULES.md "Elected by secret ballot" (the standing committee, secretary, deputies, inspection committee — at the new
// committee's first meeting, verify): its members vote, and the threshold's base is the committee, not the congress
export const electedByCommittee = (body: ElectedBody): boolean => !ELECTED_BY_CONGRESS.includes(body);

/** the default title of an election of each body (ballot heading, minutes) */
export const ELECTION_TITLES: Record<ElectedBody, string> = {
  executive_committee: 'Bầu Ban Chấp hành',
  standing_committee: 'Bầu Ban Thường vụ',
  secretary: 'Bầu Bí thư',
  deputy_secretaries: 'Bầu Phó Bí thư',
  inspection_committee: 'Bầu Ủy ban Kiểm tra',
  inspection_chair: 'Bầu Chủ nhiệm Ủy ban Kiểm tra',
  inspection_deputies: 'Bầu Phó Chủ nhiệm Ủy ban Kiểm tra',
  delegation: 'Bầu đại biểu dự Đại hội cấp trên',
};

export interface Candidate {
  id: number;
  fullName: string;
}

export interface Election {
  body: ElectedBody;
  /** seats to fill; for a delegation, the official delegates */
  seats: number;
  /** delegation only: alternate delegates, elected on the same ballot after the officials */
  alternateSeats: number;
  candidates: readonly Candidate[];
}

// RULES.md "Elected by secret ballot": one secretary, one chair of the inspection committee; alternates only in a delegation;
// a delegation's further round ("More candidates over the threshold than seats") may be for alternate seats alone
export function seatsProblem(body: ElectedBody, seats: number, alternateSeats = 0, round = 1): RuleProblem | null {
  const alternatesOnly = body === 'delegation' && round > 1 && seats === 0 && Number.isInteger(alternateSeats) && alternateSeats > 0;
  if (!Number.isInteger(seats) || (seats < 1 && !alternatesOnly)) return { code: 'SEATS_INVALID', message: 'Số lượng cần bầu phải là số nguyên dương.' };
  if ((body === 'secretary' || body === 'inspection_chair') && seats !== 1) return { code: 'SINGLE_SEAT', message: 'Chỉ bầu một bí thư / một chủ nhiệm ủy ban kiểm tra.' };
  if (!Number.isInteger(alternateSeats) || alternateSeats < 0) return { code: 'ALTERNATE_SEATS_INVALID', message: 'Số đại biểu dự khuyết phải là số nguyên không âm.' };
  if (body !== 'delegation' && alternateSeats > 0) return { code: 'ALTERNATES_ONLY_IN_DELEGATION', message: 'Chỉ đoàn đại biểu dự đại hội cấp trên mới có đại biểu dự khuyết.' };
  return null;
}

// Ballots are printed in alphabetical order of given name (RULES.md; shared/vietnamese.ts)
export function ballotOrder(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName) || a.id - b.id);
}

// ---------------------------------------------------------------------------------------------
// Surplus of candidates (số dư)

export interface SurplusRule {
  /** the list must have more candidates than seats */
  required: boolean;
  /** (verify) minimum surplus as a share of seats, in percent */
  minPercent: number;
  /** maximum surplus as a share of seats, in percent; null: no maximum */
  maxPercent: number | null;
  /** (verify) how a share that is not a whole person rounds: 'down' reads "không quá 30%" strictly */
  maxRounding: 'down' | 'up';
}

/** what the congress decides for one election's list: the minimum (verify) and the maximum surplus, and how the maximum rounds */
export type SurplusSettings = Omit<SurplusRule, 'required'>;

// Quy chế bầu cử 190-QĐ/TW (RULES.md "Surplus of candidates"): "the list must have more candidates than seats for the committee and standing committee"
export const surplusRequired = (body: ElectedBody): boolean => body === 'executive_committee' || body === 'standing_committee';

// Quy chế bầu cử 190-QĐ/TW (RULES.md "Surplus of candidates"): committee and standing committee at least 10% (verify) and at most 30%; the other bodies (secretary, deputies…) may have no surplus and no maximum
export function defaultSurplusRule(body: ElectedBody): SurplusRule {
  return surplusRequired(body) ? { required: true, minPercent: 10, maxPercent: 30, maxRounding: 'down' } : { required: false, minPercent: 0, maxPercent: null, maxRounding: 'down' };
}

// RULES.md "Surplus of candidates" ("the maximum surplus, decided by the congress"): the congress's settings for one election; a minimum above 0 asks for a surplus on any body
export function surplusRuleOf(body: ElectedBody, settings: SurplusSettings): SurplusRule {
  return { required: surplusRequired(body) || settings.minPercent > 0, minPercent: settings.minPercent, maxPercent: settings.maxPercent, maxRounding: settings.maxRounding };
}

/** settings the congress may decide: whole percents from 0 to 100, the maximum not below the minimum */
export function surplusSettingsProblem(s: SurplusSettings): RuleProblem | null {
  const percent = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100;
  if (!percent(s.minPercent) || (s.maxPercent !== null && !percent(s.maxPercent))) return { code: 'SURPLUS_SETTINGS_INVALID', message: 'Tỷ lệ số dư phải là số nguyên từ 0 đến 100 (%).' };
  if (s.maxPercent !== null && s.maxPercent < s.minPercent) {
    return { code: 'SURPLUS_SETTINGS_INVALID', message: `Số dư tối đa (${s.maxPercent}%) nhỏ hơn số dư tối thiểu (${s.minPercent}%).`, details: { minPercent: s.minPercent, maxPercent: s.maxPercent } };
  }
  return null;
}

// Quy chế bầu cử 190-QĐ/TW (RULES.md "Surplus of candidates"): at least the minimum (verify) when a surplus is required, at most the maximum, rounded as the congress decides
/** the fewest and most extra candidates the rule allows for these seats (max Infinity: no maximum) */
export function surplusBounds(seats: number, rule: SurplusRule): { min: number; max: number } {
  const min = rule.required ? Math.max(1, Math.ceil((seats * rule.minPercent) / 100)) : 0;
  if (rule.maxPercent === null) return { min, max: Infinity };
  const exact = (seats * rule.maxPercent) / 100;
  const max = rule.maxRounding === 'down' ? Math.floor(exact) : Math.ceil(exact);
  return { min, max };
}

// Quy chế bầu cử 190-QĐ/TW (RULES.md "Surplus of candidates"): refuses a list with too few or too many candidates, saying why
export function candidateSurplusProblem(election: Election, rule: SurplusRule = defaultSurplusRule(election.body)): RuleProblem | null {
  const seats = election.seats + election.alternateSeats;
  const candidates = election.candidates.length;
  const ids = new Set(election.candidates.map((c) => c.id));
  if (ids.size !== candidates) return { code: 'CANDIDATE_DUPLICATE', message: 'Một người có tên hai lần trong danh sách bầu cử.' };
  const surplus = candidates - seats;
  const { min, max } = surplusBounds(seats, rule);
  const details = { seats, candidates, surplus, minSurplus: min, maxSurplus: Number.isFinite(max) ? max : null };
  if (surplus < 0) return { code: 'TOO_FEW_CANDIDATES', message: `Danh sách có ${candidates} người, ít hơn số lượng cần bầu (${seats}).`, details };
  if (min > max) {
    return {
      code: 'SURPLUS_UNSATISFIABLE',
      message: `Với ${seats} người cần bầu, số dư tối đa ${rule.maxPercent}% (${max} người) nhỏ hơn số dư tối thiểu (${min} người); đại hội cần quyết định lại số lượng hoặc cách làm tròn.`,
      details,
    };
  }
  if (surplus < min) {
    return rule.required && surplus === 0
      ? { code: 'SURPLUS_REQUIRED', message: `Bầu ${bodyName(election.body)} phải có số dư: danh sách cần nhiều hơn ${seats} người.`, details }
      : { code: 'SURPLUS_TOO_SMALL', message: `Số dư ${surplus} người, ít hơn mức tối thiểu ${rule.minPercent}% của ${seats} (${min} người).`, details };
  }
  if (surplus > max) return { code: 'SURPLUS_TOO_LARGE', message: `Số dư ${surplus} người, vượt quá ${rule.maxPercent}% số lượng cần bầu (tối đa ${max} người).`, details };
  return null;
}

function bodyName(body: ElectedBody): string {
  const names: Record<ElectedBody, string> = {
    executive_committee: 'ban chấp hành',
    standing_committee: 'ban thường vụ',
    secretary: 'bí thư',
    deputy_secretaries: 'phó bí thư',
    inspection_committee: 'ủy ban kiểm tra',
    inspection_chair: 'chủ nhiệm ủy ban kiểm tra',
    inspection_deputies: 'phó chủ nhiệm ủy ban kiểm tra',
    delegation: 'đại biểu dự đại hội cấp trên',
  };
  return names[body];
}

// ---------------------------------------------------------------------------------------------
// The tally

export type CandidateOutcome = 'elected' | 'elected_alternate' | 'tied' | 'not_elected';

export interface CandidateResult {
  candidateId: number;
  fullName: string;
  votes: number;
  /** percent of the valid ballots and of the base, two decimals (counting minutes) */
  percentOfValid: number;
  percentOfBase: number;
  overThreshold: boolean;
  outcome: CandidateOutcome;
}

export interface TieAtCut {
  /** last_seat: the tied do not all fit in the seats; official_alternate: who among them is official is undecided */
  cut: 'last_seat' | 'official_alternate';
  candidateIds: number[];
  /** how many of the tied take official seats (or seats of the body) */
  seats: number;
  /** delegation: how many of the tied take alternate seats */
  alternateSeats: number;
}

export interface ElectionTally {
  base: number;
  threshold: number;
  ballots: { total: number; valid: number; invalid: number };
  invalidBallots: { ballotNo: number; problems: BallotProblem[] }[];
  /** by votes, most first; equal votes in ballot order */
  candidates: CandidateResult[];
  /** official delegates, or the members of the body, by votes */
  elected: number[];
  /** delegation: alternate delegates, in the order of votes (the order they replace in) */
  alternates: number[];
  /** at most one of each cut, the official / alternate line first */
  ties: TieAtCut[];
  /** seats left because too few candidates passed the threshold */
  unfilledSeats: number;
  unfilledAlternateSeats: number;
  /** seats_left_empty: fewer elected than seats, and the congress decided not to vote again */
  nextStep: 'done' | 'tie_round' | 'congress_decides' | 'seats_left_empty';
}

const percentOf = (n: number, of: number) => (of > 0 ? Math.round((n * 10000) / of) / 100 : 0);

// Điều lệ Đảng art. 12; Quy chế bầu cử art. 32: elected with more than half of the base (RULES.md "Threshold to be elected")
export function electionThreshold(base: number): number {
  return majorityRequired(base, { numerator: 1, denominator: 2 });
}

export const isOverThreshold = (votes: number, base: number): boolean => base > 0 && votes >= electionThreshold(base);

/** (verify) what the congress decided for a tie at the last seat and for fewer elected than seats */
export interface TallyRules {
  /** further_round: a further round among the tied (default); congress_decides: the tied are not elected and their seats are seats left */
  tieAtLastSeat: 'further_round' | 'congress_decides';
  /** vote_again: the congress may vote again on the seats left (default); leave_empty: the seats stay empty */
  fewerElected: 'vote_again' | 'leave_empty';
}
export const DEFAULT_TALLY_RULES: TallyRules = { tieAtLastSeat: 'further_round', fewerElected: 'vote_again' };

// Quy chế bầu cử art. 32 (RULES.md "More candidates over the threshold than seats": "those with the most votes are elected. A tie at the last seat (verify): a further round among the tied candidates")
/** of those over the threshold (by votes, most first), who takes the seats, and the tie when the last seat cannot be given */
export function lastSeatTie(over: readonly number[], votes: ReadonlyMap<number, number>, seats: number, alternateSeats = 0): { placed: number[]; tie: TieAtCut | null } {
  const total = seats + alternateSeats;
  if (over.length <= total) return { placed: [...over], tie: null };
  const last = votes.get(over[total - 1])!;
  if (votes.get(over[total]) !== last) return { placed: over.slice(0, total), tie: null };
  const above = over.filter((id) => votes.get(id)! > last);
  const tied = over.filter((id) => votes.get(id) === last);
  const officialLeft = Math.max(0, seats - above.length);
  return { placed: above, tie: { cut: 'last_seat', candidateIds: tied, seats: officialLeft, alternateSeats: total - above.length - officialLeft } };
}

// RULES.md "Delegates" ("An alternate replaces an official delegate who cannot attend, in the order of votes") and "Elected by secret ballot" (official and alternate): officials first, then alternates, by votes; a tie across the line goes to a further round (verify)
export function orderDelegation(placed: readonly number[], votes: ReadonlyMap<number, number>, seats: number, alternateSeats: number): { officials: number[]; alternates: number[]; tie: TieAtCut | null } {
  if (seats > 0 && alternateSeats > 0 && placed.length > seats) {
    const line = votes.get(placed[seats - 1])!;
    if (votes.get(placed[seats]) === line) {
      const tied = placed.filter((id) => votes.get(id) === line);
      const above = placed.filter((id) => votes.get(id)! > line);
      const below = placed.filter((id) => votes.get(id)! < line);
      return { officials: above, alternates: below, tie: { cut: 'official_alternate', candidateIds: tied, seats: seats - above.length, alternateSeats: tied.length - (seats - above.length) } };
    }
  }
  return { officials: placed.slice(0, seats), alternates: placed.slice(seats), tie: null };
}

// RULES.md "More candidates over the threshold than seats" ("Fewer elected than seats: the congress decides whether to vote again on the rest (verify) or leave seats empty"): what comes after the count
export function nextStepAfterCount(ties: number, unfilledSeats: number, rules: TallyRules = DEFAULT_TALLY_RULES): ElectionTally['nextStep'] {
  if (ties > 0) return 'tie_round';
  if (unfilledSeats === 0) return 'done';
  return rules.fewerElected === 'vote_again' ? 'congress_decides' : 'seats_left_empty';
}

/**
 * Quy chế bầu cử art. 32 (RULES.md "Threshold", "More candidates over the threshold than seats"): counts the valid ballots,
 * takes those over the threshold by votes (lastSeatTie), a delegation's officials then alternates (orderDelegation), and
 * says what comes next (nextStepAfterCount). Entries are expected to pass ballotEntryProblem first.
 */
export function tallyElection(election: Election, ballots: readonly PaperBallot[], base: number, rules: TallyRules = DEFAULT_TALLY_RULES): ElectionTally {
  const threshold = electionThreshold(base);
  const votes = new Map<number, number>(election.candidates.map((c) => [c.id, 0]));
  const invalidBallots: ElectionTally['invalidBallots'] = [];
  let valid = 0;
  for (const b of ballots) {
    const v = ballotValidity(b, election);
    if (!v.valid) {
      invalidBallots.push({ ballotNo: b.ballotNo, problems: v.problems });
      continue;
    }
    valid += 1;
    for (const id of new Set(v.votesFor)) if (votes.has(id)) votes.set(id, votes.get(id)! + 1);
  }
  invalidBallots.sort((a, b) => a.ballotNo - b.ballotNo);
  const position = new Map(ballotOrder(election.candidates).map((c, i) => [c.id, i]));
  const ranked = [...election.candidates].sort((a, b) => votes.get(b.id)! - votes.get(a.id)! || position.get(a.id)! - position.get(b.id)!);
  const over = ranked.filter((c) => isOverThreshold(votes.get(c.id)!, base)).map((c) => c.id);

  const totalSeats = election.seats + election.alternateSeats;
  const seat = lastSeatTie(over, votes, election.seats, election.alternateSeats);
  const line = orderDelegation(seat.placed, votes, election.seats, election.alternateSeats);
  const outcome = new Map<number, CandidateOutcome>(ranked.map((c) => [c.id, 'not_elected']));
  for (const id of line.officials) outcome.set(id, 'elected');
  for (const id of line.alternates) outcome.set(id, election.body === 'delegation' ? 'elected_alternate' : 'elected');
  // the official / alternate line first; the last seat's tie goes to a round only if the congress so decided (else: seats left)
  const ties = [line.tie, rules.tieAtLastSeat === 'further_round' ? seat.tie : null].filter((t): t is TieAtCut => t !== null);
  for (const t of [line.tie, seat.tie]) for (const id of t?.candidateIds ?? []) outcome.set(id, 'tied');
  const elected = election.body === 'delegation' ? line.officials : [...line.officials, ...line.alternates];
  const alternates = election.body === 'delegation' ? line.alternates : [];

  const settled = elected.length + alternates.length + ties.reduce((n, t) => n + t.candidateIds.length, 0);
  const unfilled = totalSeats - Math.min(totalSeats, settled);
  const unfilledSeats = Math.max(0, unfilled - election.alternateSeats);
  const unfilledAlternateSeats = unfilled - unfilledSeats;

  return {
    base,
    threshold,
    ballots: { total: ballots.length, valid, invalid: invalidBallots.length },
    invalidBallots,
    candidates: ranked.map((c) => ({
      candidateId: c.id,
      fullName: c.fullName,
      votes: votes.get(c.id)!,
      percentOfValid: percentOf(votes.get(c.id)!, valid),
      percentOfBase: percentOf(votes.get(c.id)!, base),
      overThreshold: isOverThreshold(votes.get(c.id)!, base),
      outcome: outcome.get(c.id)!,
    })),
    elected,
    alternates,
    ties,
    unfilledSeats,
    unfilledAlternateSeats,
    nextStep: nextStepAfterCount(ties.length, unfilled, rules),
  };
}

export interface FurtherRound {
  reason: 'tie' | 'unfilled';
  /** who stands in it: the tied; or, for unfilled seats, those not elected (the congress may change the list) */
  candidateIds: number[];
  seats: number;
  alternateSeats: number;
}

// RULES.md "More candidates over the threshold than seats" (verify): a further round among each group of tied, or on the seats left if the congress so decides
export function furtherRounds(tally: ElectionTally): FurtherRound[] {
  if (tally.ties.length) return tally.ties.map((t) => ({ reason: 'tie', candidateIds: [...t.candidateIds], seats: t.seats, alternateSeats: t.alternateSeats }));
  if (tally.nextStep !== 'congress_decides') return [];
  // the tied whose seat the congress took into its own hands stand again with those not elected
  const notElected = tally.candidates.filter((c) => c.outcome === 'not_elected' || c.outcome === 'tied').map((c) => c.candidateId);
  return [{ reason: 'unfilled', candidateIds: notElected, seats: tally.unfilledSeats, alternateSeats: tally.unfilledAlternateSeats }];
}

export interface RunElected {
  candidateId: number;
  /** the round that elected them */
  round: number;
  votes: number;
  percentOfBase: number;
}

export interface RunResult {
  /** official delegates, or the members of the body: the first round's by votes, then each further round's */
  elected: RunElected[];
  /** delegation: alternate delegates in the order they replace */
  alternates: RunElected[];
  /** seats still empty: a further round not yet held, or left empty by the congress's decision */
  unfilledSeats: number;
  unfilledAlternateSeats: number;
}

/**
 * RULES.md "More candidates over the threshold than seats": the result of an election and its further rounds taken
 * together, rounds in the order they were held (closed rounds only; candidate ids are each round's own).
 */
export function runResult(seats: { seats: number; alternateSeats: number }, rounds: readonly { round: number; tally: ElectionTally }[]): RunResult {
  const elected: RunElected[] = [];
  const alternates: RunElected[] = [];
  for (const r of rounds) {
    const of = new Map(r.tally.candidates.map((c) => [c.candidateId, c]));
    const entry = (id: number): RunElected => ({ candidateId: id, round: r.round, votes: of.get(id)?.votes ?? 0, percentOfBase: of.get(id)?.percentOfBase ?? 0 });
    elected.push(...r.tally.elected.map(entry));
    alternates.push(...r.tally.alternates.map(entry));
  }
  return {
    elected,
    alternates,
    unfilledSeats: Math.max(0, seats.seats - elected.length),
    unfilledAlternateSeats: Math.max(0, seats.alternateSeats - alternates.length),
  };
}
