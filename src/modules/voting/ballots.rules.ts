// Paper ballots (phiếu bầu): how a ballot is marked and entered, when it is valid, the names it votes for, and two
// clerks' entries of the same ballots compared. Pure, no I/O; re-exported by elections.rules.ts.
import type { RuleProblem } from '../congress/congress.rules.js';
import type { Candidate, Election } from './elections.rules.js';

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
  const lists = ballot.marks.kind === 'crossing' ? [ballot.marks.kept] : [ballot.marks.agree, ballot.marks.disagree];
  for (const list of lists) {
    const problem = idListProblem(ballot.ballotNo, list, election.candidates);
    if (problem) return problem;
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
// A clerk's entry of a paper ballot

/** what a clerk sends: on a list with surplus the names kept or the names crossed out; without surplus the boxes */
export interface PaperMarksEntry {
  kind: 'crossing' | 'boxes';
  kept?: readonly number[];
  crossed?: readonly number[];
  agree?: readonly number[];
  disagree?: readonly number[];
}

// RULES.md "Ballot validity" ("crossing out every name is valid"): a voter crosses names out; the names not crossed out are the names kept
export function keptFromCrossed(crossed: readonly number[], candidates: readonly Candidate[]): number[] {
  const out = new Set(crossed);
  return candidates.map((c) => c.id).filter((id) => !out.has(id));
}

/**
 * RULES.md "Results are computed on valid ballots" (boxes on a list without surplus) and "Ballot validity" (names crossed
 * out): the marks a clerk's entry describes, or why the entry contradicts itself — a crossed-out ballot with boxes, a
 * ballot with both kept and crossed names, a ballot with no marks given at all. Never a blank ballot by omission.
 */
export function paperMarksFromEntry(ballotNo: number, entry: PaperMarksEntry, candidates: readonly Candidate[]): PaperBallotMarks | RuleProblem {
  const has = (k: keyof PaperMarksEntry) => entry[k] !== undefined;
  if (entry.kind === 'crossing') {
    if (has('agree') || has('disagree')) return { code: 'MARKS_MIXED', message: `Phiếu số ${ballotNo}: phiếu gạch tên không có ô đồng ý / không đồng ý.` };
    if (has('kept') && has('crossed')) return { code: 'MARKS_MIXED', message: `Phiếu số ${ballotNo}: chỉ nhập tên giữ lại hoặc tên bị gạch, không nhập cả hai.` };
    if (entry.kept) return { kind: 'crossing', kept: [...entry.kept] };
    if (!entry.crossed) return { code: 'MARKS_MISSING', message: `Phiếu số ${ballotNo}: cần nhập tên giữ lại hoặc tên bị gạch (phiếu gạch hết tên: tất cả các tên bị gạch).` };
    const problem = idListProblem(ballotNo, entry.crossed, candidates);
    return problem ?? { kind: 'crossing', kept: keptFromCrossed(entry.crossed, candidates) };
  }
  if (has('kept') || has('crossed')) return { code: 'MARKS_MIXED', message: `Phiếu số ${ballotNo}: phiếu đánh dấu ô đồng ý / không đồng ý không có tên giữ lại hay tên bị gạch.` };
  if (!has('agree') && !has('disagree')) return { code: 'MARKS_MISSING', message: `Phiếu số ${ballotNo}: cần nhập các tên đánh dấu đồng ý và không đồng ý (phiếu không đánh dấu ô nào: hai danh sách rỗng).` };
  return { kind: 'boxes', agree: [...(entry.agree ?? [])], disagree: [...(entry.disagree ?? [])] };
}

function idListProblem(ballotNo: number, list: readonly number[], candidates: readonly Candidate[]): RuleProblem | null {
  const ids = new Set(candidates.map((c) => c.id));
  if (new Set(list).size !== list.length) return { code: 'ENTRY_DUPLICATE', message: `Phiếu số ${ballotNo}: một tên được nhập hai lần.` };
  const unknown = list.filter((id) => !ids.has(id));
  if (unknown.length) return { code: 'ENTRY_UNKNOWN_CANDIDATE', message: `Phiếu số ${ballotNo}: có tên không thuộc danh sách bầu cử.`, details: { unknown } };
  return null;
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
