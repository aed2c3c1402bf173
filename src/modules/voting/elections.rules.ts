// Secret-ballot elections (bầu cử): bodies, seats, candidate lists, ballot validity, the tally, further rounds, two clerks' entries. Pure, no I/O.
import type { RuleProblem } from '../congress/congress.rules.js';
import { compareVietnameseNames } from '../../shared/vietnamese.js';
import { majorityRequired } from './voting.rules.js';

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
  /** maximum surplus as a share of seats, in percent */
  maxPercent: number;
  /** (verify) how a share that is not a whole person rounds: 'down' reads "không quá 30%" strictly */
  maxRounding: 'down' | 'up';
}

// Quy chế bầu cử 190-QĐ/TW (RULES.md "Surplus of candidates"): at most 30% of the seats; committee and standing committee need a surplus (min 10%, verify); secretary and deputies may have none
export function defaultSurplusRule(body: ElectedBody): SurplusRule {
  const required = body === 'executive_committee' || body === 'standing_committee';
  // (verify) RULES.md does not say whether the inspection committee and the delegation need a surplus: allowed, not required
  return { required, minPercent: required ? 10 : 0, maxPercent: 30, maxRounding: 'down' };
}

// Quy chế bầu cử 190-QĐ/TW (RULES.md "Surplus of candidates"): at least 10% when a surplus is required (verify), at most 30%, rounded as the congress decides
/** the fewest and most extra candidates the rule allows for these seats */
export function surplusBounds(seats: number, rule: SurplusRule): { min: number; max: number } {
  const min = rule.required ? Math.max(1, Math.ceil((seats * rule.minPercent) / 100)) : 0;
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
  const details = { seats, candidates, surplus, minSurplus: min, maxSurplus: max };
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
// Ballots

/** crossing: names crossed out or kept (a list with surplus); boxes: agree / disagree per name (no surplus) */
export type PaperBallotMarks = { kind: 'crossing'; kept: readonly number[] } | { kind: 'boxes'; agree: readonly number[]; disagree: readonly number[] };

export interface PaperBallot {
  /** the counting committee's running number of the paper */
  ballotNo: number;
  /** the printed ballot of this election (not another election's) */
  printedForThisElection: boolean;
  /** carries the presidium's stamp */
  stamped: boolean;
  /** names written in that are not on the list */
  addedNames: number;
  /** signed, named or otherwise marked so the voter can be identified */
  identifyingMark: boolean;
  marks: PaperBallotMarks;
}

export type BallotProblemCode = 'NOT_THIS_ELECTION' | 'NOT_STAMPED' | 'TOO_MANY_KEPT' | 'NAMES_ADDED' | 'IDENTIFYING_MARK';
export interface BallotProblem {
  code: BallotProblemCode;
  message: string;
}

export type BallotVerdict = { valid: true; votesFor: number[] } | { valid: false; problems: BallotProblem[] };

// a clerk's mistake, not an invalid ballot: a name that is not a candidate, a name entered twice, boxes on a list with surplus
export function ballotEntryProblem(ballot: PaperBallot, election: Election): RuleProblem | null {
  const ids = new Set(election.candidates.map((c) => c.id));
  const lists = ballot.marks.kind === 'crossing' ? [ballot.marks.kept] : [ballot.marks.agree, ballot.marks.disagree];
  for (const list of lists) {
    if (new Set(list).size !== list.length) return { code: 'ENTRY_DUPLICATE', message: `Phiếu số ${ballot.ballotNo}: một tên được nhập hai lần.` };
    const unknown = list.filter((id) => !ids.has(id));
    if (unknown.length) return { code: 'ENTRY_UNKNOWN_CANDIDATE', message: `Phiếu số ${ballot.ballotNo}: có tên không thuộc danh sách bầu cử.`, details: { unknown } };
  }
  if (ballot.marks.kind === 'boxes' && election.candidates.length > election.seats + election.alternateSeats) {
    return { code: 'ENTRY_BOXES_WITH_SURPLUS', message: 'Danh sách có số dư: phiếu bầu được gạch tên, không dùng ô đồng ý / không đồng ý.' };
  }
  if (!Number.isInteger(ballot.addedNames) || ballot.addedNames < 0) return { code: 'ENTRY_ADDED_NAMES', message: `Phiếu số ${ballot.ballotNo}: số tên ghi thêm không hợp lệ.` };
  return null;
}

/** the names a ballot gives a vote to: kept names; on a boxes ballot, a name with both or neither box marked counts for nobody */
export function ballotVotes(marks: PaperBallotMarks): number[] {
  if (marks.kind === 'crossing') return [...marks.kept];
  const against = new Set(marks.disagree);
  return marks.agree.filter((id) => !against.has(id));
}

// Quy chế bầu cử art. 17 (RULES.md "Ballot validity", verify; "Results are computed on valid ballots"): each reason a ballot is invalid
export function ballotValidity(ballot: PaperBallot, election: Election): BallotVerdict {
  const seats = election.seats + election.alternateSeats;
  const problems: BallotProblem[] = [];
  if (!ballot.printedForThisElection) problems.push({ code: 'NOT_THIS_ELECTION', message: 'Không phải phiếu bầu in cho cuộc bầu cử này.' });
  if (!ballot.stamped) problems.push({ code: 'NOT_STAMPED', message: 'Phiếu không có dấu của đoàn chủ tịch.' });
  const votes = ballotVotes(ballot.marks);
  if (ballot.marks.kind === 'crossing' && votes.length > seats) {
    problems.push({ code: 'TOO_MANY_KEPT', message: `Phiếu giữ lại ${votes.length} tên, nhiều hơn số lượng cần bầu (${seats}).` });
  }
  if (ballot.addedNames > 0) problems.push({ code: 'NAMES_ADDED', message: `Phiếu ghi thêm ${ballot.addedNames} tên ngoài danh sách bầu cử.` });
  if (ballot.identifyingMark) problems.push({ code: 'IDENTIFYING_MARK', message: 'Phiếu có ký hiệu, ghi chú để nhận biết người bầu.' });
  return problems.length ? { valid: false, problems } : { valid: true, votesFor: votes };
}

export const isBallotValid = (ballot: PaperBallot, election: Election): boolean => ballotValidity(ballot, election).valid;

/** an electronic ballot is the printed, stamped ballot by construction: the names chosen are the names kept */
export function electronicBallot(ballotNo: number, chosen: readonly number[]): PaperBallot {
  return { ballotNo, printedForThisElection: true, stamped: true, addedNames: 0, identifyingMark: false, marks: { kind: 'crossing', kept: [...chosen] } };
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
  nextStep: 'done' | 'tie_round' | 'congress_decides';
}

const percentOf = (n: number, of: number) => (of > 0 ? Math.round((n * 10000) / of) / 100 : 0);

// Điều lệ Đảng art. 12; Quy chế bầu cử art. 32: elected with more than half of the base (RULES.md "Threshold to be elected")
export function electionThreshold(base: number): number {
  return majorityRequired(base, { numerator: 1, denominator: 2 });
}

export const isOverThreshold = (votes: number, base: number): boolean => base > 0 && votes >= electionThreshold(base);

/**
 * Quy chế bầu cử art. 32 (RULES.md "Threshold", "More candidates over the threshold than seats"): counts the valid ballots,
 * takes those over the threshold by votes; a tie at the last seat goes to a further round among the tied (verify);
 * too few elected: the congress decides (verify). A delegation fills the official seats first, then the alternates.
 * Entries are expected to pass ballotEntryProblem first.
 */
export function tallyElection(election: Election, ballots: readonly PaperBallot[], base: number): ElectionTally {
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
  const over = ranked.filter((c) => isOverThreshold(votes.get(c.id)!, base));

  const totalSeats = election.seats + election.alternateSeats;
  const outcome = new Map<number, CandidateOutcome>(ranked.map((c) => [c.id, 'not_elected']));
  let lastSeatTie: TieAtCut | null = null;
  let placed = over.map((c) => c.id);
  if (over.length > totalSeats) {
    const last = votes.get(over[totalSeats - 1].id)!;
    const tied = over.filter((c) => votes.get(c.id) === last).map((c) => c.id);
    if (votes.get(over[totalSeats].id) === last) {
      const above = over.filter((c) => votes.get(c.id)! > last).map((c) => c.id);
      const officialLeft = Math.max(0, election.seats - above.length);
      lastSeatTie = { cut: 'last_seat', candidateIds: tied, seats: officialLeft, alternateSeats: totalSeats - above.length - officialLeft };
      placed = above;
    } else placed = placed.slice(0, totalSeats);
  }
  // delegation: officials first; a tie across the official / alternate line is decided by a further round too (verify)
  let elected = placed.slice(0, election.seats);
  let alternates = placed.slice(election.seats);
  const ties: TieAtCut[] = [];
  if (election.seats > 0 && election.alternateSeats > 0 && placed.length > election.seats) {
    const line = votes.get(placed[election.seats - 1])!;
    if (votes.get(placed[election.seats]) === line) {
      const tied = placed.filter((id) => votes.get(id) === line);
      const above = placed.filter((id) => votes.get(id)! > line);
      ties.push({ cut: 'official_alternate', candidateIds: tied, seats: election.seats - above.length, alternateSeats: tied.length - (election.seats - above.length) });
      elected = above;
      alternates = placed.filter((id) => votes.get(id)! < line);
    }
  }
  for (const id of elected) outcome.set(id, 'elected');
  for (const id of alternates) outcome.set(id, election.body === 'delegation' ? 'elected_alternate' : 'elected');
  if (lastSeatTie) ties.push(lastSeatTie);
  for (const t of ties) for (const id of t.candidateIds) outcome.set(id, 'tied');
  if (election.body !== 'delegation') {
    elected = [...elected, ...alternates];
    alternates = [];
  }
  const settled = elected.length + alternates.length + ties.reduce((n, t) => n + t.candidateIds.length, 0);
  const filled = Math.min(totalSeats, settled);
  const unfilled = totalSeats - filled;
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
    nextStep: ties.length ? 'tie_round' : unfilled > 0 ? 'congress_decides' : 'done',
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
  const notElected = tally.candidates.filter((c) => c.outcome === 'not_elected').map((c) => c.candidateId);
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

// ---------------------------------------------------------------------------------------------
// Two clerks' entries of the same paper ballots

export type BallotField = 'printedForThisElection' | 'stamped' | 'addedNames' | 'identifyingMark' | 'marks';
export interface BallotDifference {
  ballotNo: number;
  field: BallotField;
  first: unknown;
  second: unknown;
}
export interface BallotReconciliation {
  agreed: boolean;
  onlyInFirst: number[];
  onlyInSecond: number[];
  /** a ballot number one clerk entered twice */
  duplicated: { clerk: 'first' | 'second'; ballotNo: number }[];
  differences: BallotDifference[];
}

const sorted = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);
function normalMarks(m: PaperBallotMarks): PaperBallotMarks {
  return m.kind === 'crossing' ? { kind: 'crossing', kept: sorted(m.kept) } : { kind: 'boxes', agree: sorted(m.agree), disagree: sorted(m.disagree) };
}

// RULES.md "Counting minutes" (signed by the counting committee): two independent entries compared ballot by ballot
export function reconcileBallotEntries(first: readonly PaperBallot[], second: readonly PaperBallot[]): BallotReconciliation {
  const duplicated: BallotReconciliation['duplicated'] = [];
  const index = (entries: readonly PaperBallot[], clerk: 'first' | 'second') => {
    const m = new Map<number, PaperBallot>();
    for (const b of entries) {
      if (m.has(b.ballotNo)) duplicated.push({ clerk, ballotNo: b.ballotNo });
      else m.set(b.ballotNo, b);
    }
    return m;
  };
  const a = index(first, 'first');
  const b = index(second, 'second');
  const differences: BallotDifference[] = [];
  for (const no of sorted([...a.keys()].filter((n) => b.has(n)))) {
    const x = a.get(no)!;
    const y = b.get(no)!;
    for (const field of ['printedForThisElection', 'stamped', 'addedNames', 'identifyingMark'] as const) {
      if (x[field] !== y[field]) differences.push({ ballotNo: no, field, first: x[field], second: y[field] });
    }
    const mx = normalMarks(x.marks);
    const my = normalMarks(y.marks);
    if (JSON.stringify(mx) !== JSON.stringify(my)) differences.push({ ballotNo: no, field: 'marks', first: mx, second: my });
  }
  const onlyInFirst = sorted([...a.keys()].filter((n) => !b.has(n)));
  const onlyInSecond = sorted([...b.keys()].filter((n) => !a.has(n)));
  return { agreed: !differences.length && !onlyInFirst.length && !onlyInSecond.length && !duplicated.length, onlyInFirst, onlyInSecond, duplicated, differences };
}
