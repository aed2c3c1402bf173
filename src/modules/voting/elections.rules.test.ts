import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isRuleProblem } from '../congress/congress.rules.js';
import {
  DEFAULT_TALLY_RULES,
  ballotEntryProblem,
  ballotOrder,
  ballotValidity,
  candidateSurplusProblem,
  defaultSurplusRule,
  electionThreshold,
  electronicBallot,
  furtherRounds,
  isBallotValid,
  isOverThreshold,
  keptFromCrossed,
  lastSeatTie,
  nextStepAfterCount,
  orderDelegation,
  paperMarksFromEntry,
  reconcileBallotEntries,
  surplusRequired,
  surplusRuleOf,
  surplusSettingsProblem,
  seatsProblem,
  surplusBounds,
  tallyElection,
  runResult,
  type Candidate,
  type ElectedBody,
  type Election,
  type PaperBallot,
} from './elections.rules.js';

// The rules as RULES.md ("Congress and voting") words them, quoted by the cases that test them.
const RULE = {
  threshold:
    'Threshold to be elected (Điều lệ Đảng art. 12; Quy chế bầu cử art. 32): more than half of … the official members convened, minus … members absent for the whole congress with a reason accepted by the convening committee',
  workedCase: 'a chi bộ of 11 official members, 10 present, one absent with an accepted reason → base 10, a candidate needs at least 6 votes; 5/10 is not elected',
  mostVotes: 'More candidates over the threshold than seats: those with the most votes are elected',
  tie: 'A tie at the last seat (verify): a further round among the tied candidates',
  fewer: 'Fewer elected than seats: the congress decides whether to vote again on the rest (verify) or leave seats empty',
  surplus: 'the list must have more candidates than seats for the committee and standing committee; the maximum surplus, decided by the congress, is 30% of the seats (Quy chế 190)',
  minSurplus: 'Minimum surplus (verify: 10% in earlier guidance)',
  noSurplus: 'Secretary and deputy secretaries may be elected from a list without surplus',
  validOnly: 'Results are computed on valid ballots',
  boxes: 'On a ballot with exactly as many candidates as seats (no surplus), agree/disagree boxes are used; a name with both or neither box marked does not count for that person, and the ballot stays valid',
  invalid:
    'a ballot is invalid when it is not the printed ballot stamped by the presidium, when it keeps more names than seats, when it adds names not on the list, or when it is marked to be identified',
  crossAll: 'crossing out every name is valid',
  alternates: 'An alternate replaces an official delegate who cannot attend, in the order of votes',
} as const;

const NAMES = ['Nguyễn Văn Đức', 'Trần Thị Bình', 'Lê Văn An', 'Phạm Thị Anh', 'Hoàng Văn Dũng', 'Vũ Thị Yến', 'Đỗ Văn Út', 'Bùi Thị Ánh'];
const people = (n: number): Candidate[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, fullName: NAMES[i % NAMES.length] + (i >= NAMES.length ? ` ${i}` : '') }));
const election = (seats: number, candidates: number, body: ElectedBody = 'executive_committee', alternateSeats = 0): Election => ({ body, seats, alternateSeats, candidates: people(candidates) });
const paper = (ballotNo: number, kept: number[], p: Partial<PaperBallot> = {}): PaperBallot => ({
  ballotNo,
  printedForThisElection: true,
  stamped: true,
  addedNames: 0,
  identifyingMark: false,
  marks: { kind: 'crossing', kept },
  ...p,
});
/** ballots that give each candidate exactly the votes asked, spread evenly so each keeps at most ceil(total / ballots) names */
function ballotsFor(votes: number[], ballots: number, maxKept: number): PaperBallot[] {
  assert.ok(votes.reduce((a, b) => a + b, 0) <= maxKept * ballots && votes.every((v) => v <= ballots), 'impossible fixture');
  const kept: number[][] = Array.from({ length: ballots }, () => []);
  let next = 0;
  votes.forEach((v, i) => {
    for (let k = 0; k < v; k++) kept[(next + k) % ballots].push(i + 1);
    next = (next + v) % ballots;
  });
  return kept.map((k, i) => paper(i + 1, k));
}

test('seats: one secretary, one inspection chair, alternates only for a delegation', () => {
  const cases: [ElectedBody, number, number, string][] = [
    ['executive_committee', 15, 0, 'ok'],
    ['executive_committee', 0, 0, 'SEATS_INVALID'],
    ['executive_committee', 2.5, 0, 'SEATS_INVALID'],
    ['secretary', 1, 0, 'ok'],
    ['secretary', 2, 0, 'SINGLE_SEAT'],
    ['inspection_chair', 2, 0, 'SINGLE_SEAT'],
    ['deputy_secretaries', 2, 0, 'ok'],
    ['delegation', 10, 2, 'ok'],
    ['executive_committee', 15, 2, 'ALTERNATES_ONLY_IN_DELEGATION'],
    ['delegation', 10, -1, 'ALTERNATE_SEATS_INVALID'],
  ];
  for (const [body, seats, alt, code] of cases) assert.equal(seatsProblem(body, seats, alt)?.code ?? 'ok', code, `${body} ${seats}+${alt}`);
  // a delegation's further round may be for alternate seats alone; a first round, or another body, may not
  const rounds: [ElectedBody, number, number, number, string][] = [
    ['delegation', 0, 1, 2, 'ok'],
    ['delegation', 0, 1, 1, 'SEATS_INVALID'],
    ['delegation', 0, 0, 2, 'SEATS_INVALID'],
    ['executive_committee', 0, 0, 2, 'SEATS_INVALID'],
    ['executive_committee', 0, 1, 2, 'SEATS_INVALID'],
  ];
  for (const [body, seats, alt, round, code] of rounds) assert.equal(seatsProblem(body, seats, alt, round)?.code ?? 'ok', code, `${body} ${seats}+${alt} round ${round}`);
});

test('tally of a delegation round for alternate seats alone: the elected are alternates, in the order of votes', () => {
  const e: Election = { body: 'delegation', seats: 0, alternateSeats: 2, candidates: [1, 2, 3].map((id) => ({ id, fullName: `Người ${id}` })) };
  const t = tallyElection(e, [paper(1, [1, 2]), paper(2, [2, 3]), paper(3, [2, 1])], 3);
  assert.deepEqual([t.elected, t.alternates, t.ties, t.nextStep], [[], [2, 1], [], 'done']);
});

test('ballot order: alphabetical by given name, then by the whole name (as ballots are printed)', () => {
  const order = ballotOrder(people(8)).map((c) => c.fullName);
  assert.deepEqual(order, ['Lê Văn An', 'Phạm Thị Anh', 'Bùi Thị Ánh', 'Trần Thị Bình', 'Hoàng Văn Dũng', 'Nguyễn Văn Đức', 'Đỗ Văn Út', 'Vũ Thị Yến']);
  assert.deepEqual(ballotOrder([{ id: 2, fullName: 'Trần Văn Hùng' }, { id: 1, fullName: 'Lê Văn Hùng' }]).map((c) => c.id), [1, 2]);
});

test(`surplus: "${RULE.surplus}"; "${RULE.minSurplus}"; "${RULE.noSurplus}"`, () => {
  const code = (e: Election) => candidateSurplusProblem(e)?.code ?? 'ok';
  const cases: [Election, string][] = [
    [election(15, 14), 'TOO_FEW_CANDIDATES'],
    [election(15, 15), 'SURPLUS_REQUIRED'], // "must have more candidates than seats"
    [election(15, 16), 'SURPLUS_TOO_SMALL'], // "Minimum surplus (verify: 10%)": 10% of 15 is 1.5 → at least 2
    [election(15, 17), 'ok'],
    [election(15, 19), 'ok'], // "the maximum surplus … is 30% of the seats": 4.5 → at most 4
    [election(15, 20), 'SURPLUS_TOO_LARGE'],
    [election(33, 40), 'ok'], // the benchmark: 33 of 40, surplus 7 ≤ 9.9
    [election(33, 43), 'SURPLUS_TOO_LARGE'],
    [election(5, 5, 'standing_committee'), 'SURPLUS_REQUIRED'],
    [election(5, 6, 'standing_committee'), 'ok'],
    [election(5, 8, 'standing_committee'), 'SURPLUS_TOO_LARGE'],
    [election(3, 4), 'SURPLUS_UNSATISFIABLE'], // 30% of 3 is under one person, yet a surplus is required
    // "Secretary and deputy secretaries may be elected from a list without surplus": no minimum, and by default no maximum
    [election(1, 1, 'secretary'), 'ok'],
    [election(1, 2, 'secretary'), 'ok'],
    [election(1, 3, 'secretary'), 'ok'],
    [election(2, 2, 'deputy_secretaries'), 'ok'],
    [election(3, 5, 'deputy_secretaries'), 'ok'],
    // RULES.md states the surplus rule for the committee and standing committee only: the other bodies are held to it only if the congress so decides
    [election(10, 10, 'inspection_committee'), 'ok'],
    [election(10, 15, 'inspection_committee'), 'ok'],
    [election(3, 5, 'delegation'), 'ok'], // the delegation of 3 from 5 candidates
    [election(10, 12, 'delegation', 2), 'ok'], // officials and alternates together are the seats
    [election(10, 11, 'delegation', 2), 'TOO_FEW_CANDIDATES'],
  ];
  for (const [e, c] of cases) assert.equal(code(e), c, `${e.body} ${e.seats}+${e.alternateSeats} of ${e.candidates.length}`);
  assert.equal(candidateSurplusProblem(election(3, 4), { ...defaultSurplusRule('executive_committee'), maxRounding: 'up' }), null);
  assert.equal(candidateSurplusProblem({ ...election(3, 4), candidates: [...people(3), { id: 1, fullName: 'X' }] })?.code, 'CANDIDATE_DUPLICATE');
  const why = candidateSurplusProblem(election(15, 20))!;
  assert.match(why.message, /30%/);
  assert.deepEqual(why.details, { seats: 15, candidates: 20, surplus: 5, minSurplus: 2, maxSurplus: 4 });
  assert.deepEqual(candidateSurplusProblem(election(3, 2, 'delegation'))!.details, { seats: 3, candidates: 2, surplus: -1, minSurplus: 0, maxSurplus: null });
});

test('surplus: the defaults by body, and the settings the congress decides for one election', () => {
  for (const body of ['executive_committee', 'standing_committee'] as const) {
    assert.equal(surplusRequired(body), true);
    assert.deepEqual(defaultSurplusRule(body), { required: true, minPercent: 10, maxPercent: 30, maxRounding: 'down' });
  }
  for (const body of ['secretary', 'deputy_secretaries', 'inspection_committee', 'inspection_chair', 'inspection_deputies', 'delegation'] as const) {
    assert.equal(surplusRequired(body), false);
    assert.deepEqual(defaultSurplusRule(body), { required: false, minPercent: 0, maxPercent: null, maxRounding: 'down' });
  }
  // the congress may widen the maximum, drop it, or ask for a surplus on a body RULES.md does not require one of
  const with_ = (body: ElectedBody, min: number, max: number | null, rounding: 'down' | 'up' = 'down') => surplusRuleOf(body, { minPercent: min, maxPercent: max, maxRounding: rounding });
  const cases: [Election, ReturnType<typeof with_>, string][] = [
    [election(3, 5), with_('executive_committee', 10, 70), 'ok'],
    [election(3, 5), with_('executive_committee', 10, null), 'ok'],
    [election(3, 3), with_('executive_committee', 0, null), 'SURPLUS_REQUIRED'], // the regulation's "more candidates than seats" stays
    [election(20, 22), with_('executive_committee', 15, 30), 'SURPLUS_TOO_SMALL'], // 15% of 20 is 3
    [election(5, 5, 'inspection_committee'), with_('inspection_committee', 10, null), 'SURPLUS_REQUIRED'],
    [election(1, 2, 'secretary'), with_('secretary', 0, 30), 'SURPLUS_TOO_LARGE'],
    [election(1, 2, 'secretary'), with_('secretary', 0, 30, 'up'), 'ok'],
    [election(3, 5, 'delegation'), with_('delegation', 0, 30), 'SURPLUS_TOO_LARGE'],
  ];
  for (const [e, rule, c] of cases) assert.equal(candidateSurplusProblem(e, rule)?.code ?? 'ok', c, `${e.body} ${e.seats} of ${e.candidates.length}, ${JSON.stringify(rule)}`);
  const settings: [number, number | null, string][] = [
    [10, 30, 'ok'],
    [0, null, 'ok'],
    [30, 30, 'ok'],
    [40, 30, 'SURPLUS_SETTINGS_INVALID'],
    [-1, 30, 'SURPLUS_SETTINGS_INVALID'],
    [10, 101, 'SURPLUS_SETTINGS_INVALID'],
    [2.5, null, 'SURPLUS_SETTINGS_INVALID'],
  ];
  for (const [minPercent, maxPercent, c] of settings) assert.equal(surplusSettingsProblem({ minPercent, maxPercent, maxRounding: 'down' })?.code ?? 'ok', c, `${minPercent}–${maxPercent}`);
  assert.match(surplusSettingsProblem({ minPercent: 40, maxPercent: 30, maxRounding: 'down' })!.message, /tối đa \(30%\) nhỏ hơn số dư tối thiểu \(40%\)/);
});

test('surplus (property): an accepted list is within the bounds; the committee and standing committee never over 30% of the seats by default', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom<ElectedBody>('executive_committee', 'standing_committee', 'deputy_secretaries', 'delegation'), (seats, extra, body) => {
      const e = election(seats, seats + extra, body);
      if (candidateSurplusProblem(e) === null) {
        const { min, max } = surplusBounds(seats, defaultSurplusRule(body));
        assert.ok(extra >= min && extra <= max);
        if (surplusRequired(body)) assert.ok(extra >= 1 && extra * 100 <= seats * 30);
      } else assert.ok(surplusRequired(body), `${body}: any list of at least the seats is accepted`);
    }),
    { numRuns: 500 },
  );
});

test(`ballot validity (Quy chế art. 17, verify): "${RULE.invalid}"; "${RULE.crossAll}"`, () => {
  const e = election(3, 5);
  const cases: [string, PaperBallot, string[]][] = [
    ['keeps exactly the seats', paper(1, [1, 2, 3]), []],
    ['keeps fewer', paper(2, [4]), []],
    ['crosses out every name (valid)', paper(3, []), []],
    ['untouched: keeps every name of a list with surplus', paper(4, [1, 2, 3, 4, 5]), ['TOO_MANY_KEPT']],
    ['keeps one name too many', paper(5, [1, 2, 3, 4]), ['TOO_MANY_KEPT']],
    ['not the printed ballot of this election', paper(6, [1], { printedForThisElection: false }), ['NOT_THIS_ELECTION']],
    ['without the presidium stamp', paper(7, [1], { stamped: false }), ['NOT_STAMPED']],
    ['adds a name', paper(8, [1], { addedNames: 1 }), ['NAMES_ADDED']],
    ['marked to be identified', paper(9, [1], { identifyingMark: true }), ['IDENTIFYING_MARK']],
    ['several faults, all listed', paper(10, [1, 2, 3, 4], { stamped: false, addedNames: 2, identifyingMark: true }), ['NOT_STAMPED', 'TOO_MANY_KEPT', 'NAMES_ADDED', 'IDENTIFYING_MARK']],
  ];
  for (const [name, b, codes] of cases) {
    const v = ballotValidity(b, e);
    assert.deepEqual(v.valid ? [] : v.problems.map((p) => p.code), codes, name);
    assert.equal(isBallotValid(b, e), codes.length === 0, name);
    if (!v.valid) for (const p of v.problems) assert.ok(p.message.length > 10);
  }
  assert.match((ballotValidity(paper(5, [1, 2, 3, 4]), e) as { problems: { message: string }[] }).problems[0].message, /4 tên.*\(3\)/);
});

test(`ballot validity: "${RULE.boxes}"`, () => {
  const e = election(3, 3, 'deputy_secretaries');
  const boxes = (agree: number[], disagree: number[]) => paper(1, [], { marks: { kind: 'boxes', agree, disagree } });
  const cases: [string, PaperBallot, number[]][] = [
    ['agree to all', boxes([1, 2, 3], []), [1, 2, 3]],
    ['disagree to one', boxes([1, 2], [3]), [1, 2]],
    ['both boxes on one name', boxes([1, 2, 3], [2]), [1, 3]],
    ['neither box on one name', boxes([1, 3], []), [1, 3]],
    ['nothing marked', boxes([], []), []],
  ];
  for (const [name, b, votes] of cases) assert.deepEqual(ballotValidity(b, e), { valid: true, votesFor: votes }, name);
});

test('ballot entry: a clerk’s mistakes are refused before counting', () => {
  const e = election(3, 5);
  const code = (b: PaperBallot, el = e) => ballotEntryProblem(b, el)?.code ?? 'ok';
  assert.equal(code(paper(1, [1, 2])), 'ok');
  assert.equal(code(paper(1, [1, 1])), 'ENTRY_DUPLICATE');
  assert.equal(code(paper(1, [9])), 'ENTRY_UNKNOWN_CANDIDATE');
  assert.equal(code(paper(1, [], { marks: { kind: 'boxes', agree: [1], disagree: [] } })), 'ENTRY_BOXES_WITH_SURPLUS');
  assert.equal(code(paper(1, [], { marks: { kind: 'boxes', agree: [1], disagree: [1] } }), election(3, 3, 'secretary')), 'ok');
  assert.equal(code(paper(1, [1], { addedNames: -1 })), 'ENTRY_ADDED_NAMES');
});

test(`threshold: "${RULE.threshold}"`, () => {
  const cases: [number, number][] = [[10, 6], [11, 6], [1, 1], [2, 2], [199, 100], [200, 101]];
  for (const [base, need] of cases) assert.equal(electionThreshold(base), need, `base ${base}`);
  assert.equal(isOverThreshold(5, 10), false);
  assert.equal(isOverThreshold(6, 10), true);
  assert.equal(isOverThreshold(0, 0), false);
});

test(`tally, the worked case: "${RULE.workedCase}"`, () => {
  const e = election(3, 4, 'executive_committee');
  const t = tallyElection(e, ballotsFor([9, 7, 6, 5], 10, 3), 10);
  assert.equal(t.threshold, 6);
  assert.deepEqual(t.ballots, { total: 10, valid: 10, invalid: 0 });
  assert.deepEqual(t.elected, [1, 2, 3]);
  assert.deepEqual(t.candidates.map((c) => [c.candidateId, c.votes, c.outcome]), [[1, 9, 'elected'], [2, 7, 'elected'], [3, 6, 'elected'], [4, 5, 'not_elected']]);
  assert.equal(t.nextStep, 'done');
  assert.deepEqual(furtherRounds(t), []);
});

test(`tally: "${RULE.validOnly}" — invalid ballots counted and explained, shares of the valid ballots and of the base`, () => {
  const e = election(2, 3);
  const ballots = [paper(1, [1, 2]), paper(2, [1]), paper(3, [1, 2, 3]), paper(4, [2], { stamped: false }), paper(5, [1, 3])];
  const t = tallyElection(e, ballots, 6);
  assert.deepEqual(t.ballots, { total: 5, valid: 3, invalid: 2 });
  assert.deepEqual(t.invalidBallots.map((b) => [b.ballotNo, b.problems.map((p) => p.code)]), [[3, ['TOO_MANY_KEPT']], [4, ['NOT_STAMPED']]]);
  const one = t.candidates.find((c) => c.candidateId === 1)!;
  assert.deepEqual([one.votes, one.percentOfValid, one.percentOfBase], [3, 100, 50]);
  // base 6 needs 4: nobody is elected, both seats wait for the congress's decision
  assert.deepEqual(t.elected, []);
  assert.equal(t.unfilledSeats, 2);
  assert.equal(t.nextStep, 'congress_decides');
});

test(`tally: "${RULE.mostVotes}"; equal votes listed in ballot order`, () => {
  const t = tallyElection(election(3, 5), ballotsFor([9, 6, 8, 7, 0], 10, 3), 10);
  assert.deepEqual(t.elected, [1, 3, 4]);
  assert.deepEqual(t.candidates.map((c) => [c.candidateId, c.overThreshold, c.outcome]), [[1, true, 'elected'], [3, true, 'elected'], [4, true, 'elected'], [2, true, 'not_elected'], [5, false, 'not_elected']]);
  // equal votes keep the ballot order: An (3) before Đức (1); Anh (4), Bình (2), Dũng (5)
  const same = tallyElection(election(3, 5), ballotsFor([9, 3, 9, 3, 3], 10, 3), 10);
  assert.deepEqual(same.candidates.map((c) => c.candidateId), [3, 1, 4, 2, 5]);
});

test(`tally: "${RULE.tie}"`, () => {
  const t = tallyElection(election(3, 5), ballotsFor([9, 7, 7, 7, 0], 10, 3), 10);
  assert.deepEqual(t.elected, [1]);
  assert.deepEqual(t.ties, [{ cut: 'last_seat', candidateIds: [3, 4, 2], seats: 2, alternateSeats: 0 }]);
  assert.equal(t.nextStep, 'tie_round');
  assert.deepEqual(furtherRounds(t), [{ reason: 'tie', candidateIds: [3, 4, 2], seats: 2, alternateSeats: 0 }]);
  assert.deepEqual(t.candidates.map((c) => c.outcome), ['elected', 'tied', 'tied', 'tied', 'not_elected']);
  // tied candidates who all fit are all elected
  const fit = tallyElection(election(3, 4), ballotsFor([8, 7, 7, 2], 10, 3), 10);
  assert.deepEqual([fit.elected, fit.ties, fit.nextStep], [[1, 3, 2], [], 'done']);
  // the tie under the threshold is no tie: they are not elected anyway
  const under = tallyElection(election(2, 4), ballotsFor([8, 5, 5, 2], 10, 2), 10);
  assert.deepEqual([under.elected, under.ties, under.unfilledSeats, under.nextStep], [[1], [], 1, 'congress_decides']);
});

test(`tally: "${RULE.fewer}" — by default a further round on the rest`, () => {
  const t = tallyElection(election(3, 4), ballotsFor([8, 6, 5, 5], 10, 3), 10);
  assert.deepEqual(t.elected, [1, 2]);
  assert.equal(t.unfilledSeats, 1);
  assert.deepEqual(furtherRounds(t), [{ reason: 'unfilled', candidateIds: [3, 4], seats: 1, alternateSeats: 0 }]);
});

test(`lastSeatTie: "${RULE.mostVotes}. ${RULE.tie}"`, () => {
  const votes = new Map([[1, 9], [2, 7], [3, 7], [4, 7], [5, 6]]);
  // the last seat's votes shared beyond the seats: a tie, the ones above take their seats
  assert.deepEqual(lastSeatTie([1, 2, 3, 4, 5], votes, 3), { placed: [1], tie: { cut: 'last_seat', candidateIds: [2, 3, 4], seats: 2, alternateSeats: 0 } });
  // all the tied fit: no tie
  assert.deepEqual(lastSeatTie([1, 2, 3, 4, 5], votes, 4), { placed: [1, 2, 3, 4], tie: null });
  // fewer over the threshold than seats: no tie, all placed
  assert.deepEqual(lastSeatTie([1, 2], votes, 3), { placed: [1, 2], tie: null });
  // more than seats, no tie at the cut
  assert.deepEqual(lastSeatTie([1, 2, 3, 4, 5], votes, 1), { placed: [1], tie: null });
  // a delegation: the tie is over the last alternate seat once the officials are full
  assert.deepEqual(lastSeatTie([1, 2, 3, 4, 5], votes, 1, 2), { placed: [1], tie: { cut: 'last_seat', candidateIds: [2, 3, 4], seats: 0, alternateSeats: 2 } });
  assert.deepEqual(lastSeatTie([1, 2, 3, 4, 5], votes, 2, 1), { placed: [1], tie: { cut: 'last_seat', candidateIds: [2, 3, 4], seats: 1, alternateSeats: 1 } });
});

test(`orderDelegation: officials then alternates, "${RULE.alternates}"; a tie across the line goes to a further round (verify)`, () => {
  const votes = new Map([[1, 9], [2, 8], [3, 8], [4, 6], [5, 5]]);
  assert.deepEqual(orderDelegation([1, 2, 4], votes, 2, 1), { officials: [1, 2], alternates: [4], tie: null });
  assert.deepEqual(orderDelegation([1, 2, 3, 4], votes, 2, 2), { officials: [1], alternates: [4], tie: { cut: 'official_alternate', candidateIds: [2, 3], seats: 1, alternateSeats: 1 } });
  // tied at the line but only officials elected (no alternate seats): not a line
  assert.deepEqual(orderDelegation([1, 2], votes, 2, 0), { officials: [1, 2], alternates: [], tie: null });
  // a round for alternate seats alone
  assert.deepEqual(orderDelegation([2, 3], votes, 0, 2), { officials: [], alternates: [2, 3], tie: null });
  // fewer placed than officials: all official
  assert.deepEqual(orderDelegation([1], votes, 2, 1), { officials: [1], alternates: [], tie: null });
});

test(`nextStepAfterCount and the congress's decisions: "${RULE.tie}"; "${RULE.fewer}"`, () => {
  const cases: [number, number, typeof DEFAULT_TALLY_RULES, string][] = [
    [0, 0, DEFAULT_TALLY_RULES, 'done'],
    [1, 0, DEFAULT_TALLY_RULES, 'tie_round'],
    [1, 2, DEFAULT_TALLY_RULES, 'tie_round'],
    [0, 1, DEFAULT_TALLY_RULES, 'congress_decides'],
    [0, 1, { ...DEFAULT_TALLY_RULES, fewerElected: 'leave_empty' }, 'seats_left_empty'],
    [0, 0, { ...DEFAULT_TALLY_RULES, fewerElected: 'leave_empty' }, 'done'],
  ];
  for (const [ties, unfilled, rules, step] of cases) assert.equal(nextStepAfterCount(ties, unfilled, rules), step, `${ties} ties, ${unfilled} left, ${JSON.stringify(rules)}`);
  assert.deepEqual(DEFAULT_TALLY_RULES, { tieAtLastSeat: 'further_round', fewerElected: 'vote_again' });

  // the tie at the last seat left to the congress: the tied are not elected, their seats are seats left
  const ballots = ballotsFor([9, 7, 7, 7, 0], 10, 3);
  const decides = tallyElection(election(3, 5), ballots, 10, { tieAtLastSeat: 'congress_decides', fewerElected: 'vote_again' });
  assert.deepEqual([decides.elected, decides.ties, decides.unfilledSeats, decides.nextStep], [[1], [], 2, 'congress_decides']);
  assert.deepEqual(decides.candidates.map((c) => c.outcome), ['elected', 'tied', 'tied', 'tied', 'not_elected']);
  // voting again on the rest: the tied stand again with those not elected
  assert.deepEqual(furtherRounds(decides), [{ reason: 'unfilled', candidateIds: [3, 4, 2, 5], seats: 2, alternateSeats: 0 }]);
  // … or the seats stay empty: no further round
  const empty = tallyElection(election(3, 5), ballots, 10, { tieAtLastSeat: 'congress_decides', fewerElected: 'leave_empty' });
  assert.deepEqual([empty.elected, empty.unfilledSeats, empty.nextStep, furtherRounds(empty)], [[1], 2, 'seats_left_empty', []]);
  const fewer = tallyElection(election(3, 4), ballotsFor([8, 6, 5, 5], 10, 3), 10, { ...DEFAULT_TALLY_RULES, fewerElected: 'leave_empty' });
  assert.deepEqual([fewer.elected, fewer.unfilledSeats, fewer.nextStep, furtherRounds(fewer)], [[1, 2], 1, 'seats_left_empty', []]);
  // the defaults give the same tally as no rules at all (the stored tallies of earlier elections recount the same)
  assert.deepEqual(tallyElection(election(3, 5), ballots, 10, DEFAULT_TALLY_RULES), tallyElection(election(3, 5), ballots, 10));
});

test(`a ballot entered by its crossed-out names: the others are kept ("${RULE.crossAll}")`, () => {
  const list = people(5);
  assert.deepEqual(keptFromCrossed([2, 5], list), [1, 3, 4]);
  assert.deepEqual(keptFromCrossed([], list), [1, 2, 3, 4, 5]);
  assert.deepEqual(keptFromCrossed([1, 2, 3, 4, 5], list), []);
  const marks = (entry: Parameters<typeof paperMarksFromEntry>[1]) => {
    const r = paperMarksFromEntry(7, entry, list);
    return isRuleProblem(r) ? r.code : r;
  };
  const cases: [Parameters<typeof paperMarksFromEntry>[1], unknown][] = [
    [{ kind: 'crossing', kept: [1, 2] }, { kind: 'crossing', kept: [1, 2] }],
    [{ kind: 'crossing', crossed: [3, 4, 5] }, { kind: 'crossing', kept: [1, 2] }],
    [{ kind: 'crossing', crossed: [1, 2, 3, 4, 5] }, { kind: 'crossing', kept: [] }],
    [{ kind: 'crossing', kept: [] }, { kind: 'crossing', kept: [] }],
    [{ kind: 'boxes', agree: [1], disagree: [2] }, { kind: 'boxes', agree: [1], disagree: [2] }],
    [{ kind: 'boxes', agree: [1] }, { kind: 'boxes', agree: [1], disagree: [] }],
    [{ kind: 'boxes', agree: [], disagree: [] }, { kind: 'boxes', agree: [], disagree: [] }],
    // an entry that contradicts itself is never a blank ballot
    [{ kind: 'crossing' }, 'MARKS_MISSING'],
    [{ kind: 'boxes' }, 'MARKS_MISSING'],
    [{ kind: 'crossing', agree: [1] }, 'MARKS_MIXED'],
    [{ kind: 'crossing', kept: [1], disagree: [] }, 'MARKS_MIXED'],
    [{ kind: 'crossing', kept: [1], crossed: [2] }, 'MARKS_MIXED'],
    [{ kind: 'boxes', agree: [1], kept: [1] }, 'MARKS_MIXED'],
    [{ kind: 'boxes', crossed: [] }, 'MARKS_MIXED'],
    [{ kind: 'crossing', crossed: [2, 2] }, 'ENTRY_DUPLICATE'],
    [{ kind: 'crossing', crossed: [9] }, 'ENTRY_UNKNOWN_CANDIDATE'],
  ];
  for (const [entry, want] of cases) assert.deepEqual(marks(entry), want, JSON.stringify(entry));
  const why = paperMarksFromEntry(7, { kind: 'crossing', agree: [1] }, list) as { message: string };
  assert.match(why.message, /^Phiếu số 7: /);
  // property: crossed and kept split the list
  fc.assert(
    fc.property(fc.subarray([1, 2, 3, 4, 5]), (crossed) => {
      const kept = keptFromCrossed(crossed, list);
      assert.equal(kept.length + crossed.length, 5);
      assert.ok(kept.every((id) => !crossed.includes(id)));
    }),
  );
});

test(`tally, delegation: official delegates first, then alternates by votes ("${RULE.alternates}")`, () => {
  const e = election(2, 5, 'delegation', 1);
  const t = tallyElection(e, ballotsFor([9, 8, 7, 3, 3], 10, 3), 10);
  assert.deepEqual([t.elected, t.alternates], [[1, 2], [3]]);
  assert.deepEqual(t.candidates.map((c) => c.outcome), ['elected', 'elected', 'elected_alternate', 'not_elected', 'not_elected']);
  // a tie across the official / alternate line: a further round decides who is official (verify)
  const line = tallyElection(e, ballotsFor([9, 7, 7, 3, 3], 10, 3), 10);
  assert.deepEqual([line.elected, line.alternates], [[1], []]);
  assert.deepEqual(line.ties, [{ cut: 'official_alternate', candidateIds: [3, 2], seats: 1, alternateSeats: 1 }]);
  // too few for the alternates
  const short = tallyElection(e, ballotsFor([9, 8, 5, 5, 3], 10, 3), 10);
  assert.deepEqual([short.elected, short.alternates, short.unfilledSeats, short.unfilledAlternateSeats], [[1, 2], [], 0, 1]);
  assert.deepEqual(furtherRounds(short), [{ reason: 'unfilled', candidateIds: [3, 4, 5], seats: 0, alternateSeats: 1 }]);
  // a tie at the last seat among alternates
  const last = tallyElection(e, ballotsFor([9, 8, 6, 6, 1], 10, 3), 10);
  assert.deepEqual([last.elected, last.alternates, last.ties], [[1, 2], [], [{ cut: 'last_seat', candidateIds: [3, 4], seats: 0, alternateSeats: 1 }]]);
  // both at once: a tie across the official line (all elected) and another at the last alternate seat
  const both = tallyElection(election(1, 5, 'delegation', 2), ballotsFor([8, 8, 6, 6, 2], 10, 3), 10);
  assert.deepEqual([both.elected, both.alternates], [[], []]);
  assert.deepEqual(both.ties, [
    { cut: 'official_alternate', candidateIds: [2, 1], seats: 1, alternateSeats: 1 },
    { cut: 'last_seat', candidateIds: [3, 4], seats: 0, alternateSeats: 1 },
  ]);
  assert.equal(furtherRounds(both).length, 2);
});

test('electronic ballots are ballots like the others: more choices than seats is refused', () => {
  const e = election(2, 3);
  assert.ok(isBallotValid(electronicBallot(1, [1, 2]), e));
  assert.ok(!isBallotValid(electronicBallot(2, [1, 2, 3]), e));
});

test('reconciliation of two clerks: ballot by ballot, which differ and how', () => {
  const a = [paper(1, [1, 2]), paper(2, [3]), paper(3, [1], { identifyingMark: true }), paper(4, [2])];
  assert.deepEqual(reconcileBallotEntries(a, [paper(4, [2]), paper(2, [3]), paper(1, [2, 1]), paper(3, [1], { identifyingMark: true })]), {
    agreed: true,
    onlyInFirst: [],
    onlyInSecond: [],
    duplicated: [],
    differences: [],
  });
  const b = [paper(1, [1, 3]), paper(2, [3], { stamped: false }), paper(3, [1]), paper(5, [2]), paper(5, [2])];
  const r = reconcileBallotEntries(a, b);
  assert.equal(r.agreed, false);
  assert.deepEqual(r.onlyInFirst, [4]);
  assert.deepEqual(r.onlyInSecond, [5]);
  assert.deepEqual(r.duplicated, [{ clerk: 'second', ballotNo: 5 }]);
  assert.deepEqual(r.differences, [
    { ballotNo: 1, field: 'marks', first: { kind: 'crossing', kept: [1, 2] }, second: { kind: 'crossing', kept: [1, 3] } },
    { ballotNo: 2, field: 'stamped', first: true, second: false },
    { ballotNo: 3, field: 'identifyingMark', first: true, second: false },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Properties

const caseArb = fc
  .record({ seats: fc.integer({ min: 1, max: 8 }), extra: fc.integer({ min: 0, max: 5 }), alternates: fc.integer({ min: 0, max: 2 }) })
  .chain(({ seats, extra, alternates }) => {
    const total = seats + alternates + extra;
    const ids = Array.from({ length: total }, (_, i) => i + 1);
    // a list with surplus is marked by crossing out names; without surplus, by agree / disagree boxes (both, or neither, on some names)
    const marksArb: fc.Arbitrary<PaperBallot['marks']> =
      extra > 0 ? fc.subarray(ids).map((kept) => ({ kind: 'crossing' as const, kept })) : fc.record({ kind: fc.constant('boxes' as const), agree: fc.subarray(ids), disagree: fc.subarray(ids) });
    const ballotArb = fc.record({
      marks: marksArb,
      printedForThisElection: fc.constantFrom(true, true, true, false),
      stamped: fc.constantFrom(true, true, true, false),
      addedNames: fc.constantFrom(0, 0, 0, 1),
      identifyingMark: fc.constantFrom(false, false, false, true),
    });
    return fc.record({
      election: fc.constant(election(seats, total, alternates ? 'delegation' : extra > 0 ? 'executive_committee' : 'deputy_secretaries', alternates)),
      ballots: fc.array(ballotArb, { maxLength: 60 }).map((bs) => bs.map((b, i) => paper(i + 1, [], b))),
      extraBase: fc.integer({ min: 0, max: 20 }),
    });
  });

/** the names a ballot votes for, counted the naive way: kept names; on boxes, agree and not disagree */
const keptOf = (b: PaperBallot): readonly number[] => (b.marks.kind === 'crossing' ? b.marks.kept : b.marks.agree.filter((id) => !(b.marks as { disagree: readonly number[] }).disagree.includes(id)));
/** the naive validity: a crossed-out ballot keeping more names than seats is invalid; boxes never are for their marks */
const keepsTooMany = (b: PaperBallot, seats: number) => b.marks.kind === 'crossing' && b.marks.kept.length > seats;

let boxesSeen = 0;
test('tally (property): equals a naive recount of the valid ballots, crossed-out names and agree / disagree boxes alike', () => {
  fc.assert(
    fc.property(caseArb, ({ election: e, ballots, extraBase }) => {
      const base = ballots.length + extraBase;
      const t = tallyElection(e, ballots, base);
      const seats = e.seats + e.alternateSeats;
      if (e.candidates.length === seats) boxesSeen += ballots.length;
      const valid = ballots.filter((b) => b.printedForThisElection && b.stamped && b.addedNames === 0 && !b.identifyingMark && !keepsTooMany(b, seats));
      assert.equal(t.ballots.valid, valid.length);
      assert.equal(t.ballots.invalid, ballots.length - valid.length);
      for (const c of e.candidates) {
        const naive = valid.filter((b) => keptOf(b).includes(c.id)).length;
        assert.equal(t.candidates.find((r) => r.candidateId === c.id)!.votes, naive);
      }
    }),
    { numRuns: 300 },
  );
  assert.ok(boxesSeen > 0, 'box ballots were generated');
});

test('tally (property): shuffling the ballots does not change the result', () => {
  fc.assert(
    fc.property(caseArb, fc.nat(), ({ election: e, ballots }, seed) => {
      const shuffled = [...ballots];
      let s = seed;
      for (let i = shuffled.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      assert.deepEqual(tallyElection(e, shuffled, ballots.length), tallyElection(e, ballots, ballots.length));
    }),
    { numRuns: 300 },
  );
});

test('tally (property): a valid ballot never keeps more than the seats; the elected pass the threshold, fit the seats, and outvote the rest', () => {
  fc.assert(
    fc.property(caseArb, ({ election: e, ballots, extraBase }) => {
      const seats = e.seats + e.alternateSeats;
      for (const b of ballots) {
        const v = ballotValidity(b, e);
        if (v.valid) assert.ok(v.votesFor.length <= seats);
      }
      const base = Math.max(1, Math.floor(ballots.length / 2) + extraBase);
      const t = tallyElection(e, ballots, base);
      const votes = new Map(t.candidates.map((c) => [c.candidateId, c.votes]));
      const winners = [...t.elected, ...t.alternates];
      assert.ok(t.elected.length <= e.seats && t.alternates.length <= e.alternateSeats);
      for (const id of winners) assert.ok(votes.get(id)! * 2 > base);
      const losers = t.candidates.filter((c) => c.outcome === 'not_elected');
      for (const id of winners) for (const l of losers) assert.ok(votes.get(id)! > l.votes);
      for (const o of t.elected) for (const a of t.alternates) assert.ok(votes.get(o)! > votes.get(a)!);
      for (const tie of t.ties) assert.ok(tie.seats + tie.alternateSeats <= tie.candidateIds.length && t.nextStep === 'tie_round');
      const tiedSeats = t.ties.reduce((n, tie) => n + tie.seats + tie.alternateSeats, 0);
      assert.equal(winners.length + tiedSeats + t.unfilledSeats + t.unfilledAlternateSeats, seats);
    }),
    { numRuns: 400 },
  );
});

test('reconciliation (property): identical entries in any order agree; one changed ballot is the only one reported', () => {
  fc.assert(
    fc.property(caseArb, fc.nat(), ({ ballots }, pick) => {
      assert.ok(reconcileBallotEntries(ballots, [...ballots].reverse()).agreed);
      if (!ballots.length) return;
      const i = pick % ballots.length;
      const changed = ballots.map((b, k) => (k === i ? { ...b, stamped: !b.stamped } : b));
      const r = reconcileBallotEntries(ballots, changed);
      assert.deepEqual(r.differences.map((d) => [d.ballotNo, d.field]), [[ballots[i].ballotNo, 'stamped']]);
    }),
    { numRuns: 200 },
  );
});

test('run result: a delegation tied at the official / alternate line and at the last seat, then its two further rounds', () => {
  const names = (ids: number[]) => ids.map((id) => ({ id, fullName: `Người ${id}` }));
  // A 10, B 8, C 8, D 7, E 7 of 10 ballots, base 11: A official; B/C tie at the line; D/E tie at the last alternate seat
  const first: Election = { body: 'delegation', seats: 2, alternateSeats: 2, candidates: names([1, 2, 3, 4, 5]) };
  const omitted = [2, 2, 3, 3, 4, 4, 4, 5, 5, 5];
  const t1 = tallyElection(first, omitted.map((o, i) => paper(i + 1, [1, 2, 3, 4, 5].filter((x) => x !== o))), 11);
  assert.deepEqual(runResult(first, [{ round: 1, tally: t1 }]), {
    elected: [{ candidateId: 1, round: 1, votes: 10, percentOfBase: 90.91 }],
    alternates: [],
    unfilledSeats: 1,
    unfilledAlternateSeats: 2,
  });
  // the line round (B, C: 1 official, 1 alternate) and the seat round (D, E: 1 alternate); their own candidate ids
  const line = tallyElection({ body: 'delegation', seats: 1, alternateSeats: 1, candidates: names([12, 13]) }, Array.from({ length: 10 }, (_, i) => paper(i + 1, i < 6 ? [12, 13] : i < 7 ? [12] : [])), 11);
  const seat = tallyElection({ body: 'delegation', seats: 0, alternateSeats: 1, candidates: names([14, 15]) }, Array.from({ length: 10 }, (_, i) => paper(i + 1, [i < 7 ? 14 : 15])), 11);
  const r = runResult(first, [
    { round: 1, tally: t1 },
    { round: 2, tally: line },
    { round: 2, tally: seat },
  ]);
  assert.deepEqual(r.elected.map((e) => [e.candidateId, e.round, e.votes]), [
    [1, 1, 10],
    [12, 2, 7],
  ]);
  assert.deepEqual(r.alternates.map((e) => [e.candidateId, e.round, e.votes]), [
    [13, 2, 6],
    [14, 2, 7],
  ]);
  assert.deepEqual([r.unfilledSeats, r.unfilledAlternateSeats], [0, 0]);
});
