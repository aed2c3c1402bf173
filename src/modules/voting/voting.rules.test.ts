import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_OPEN_VOTE_RULE,
  MEMBER_EXCLUSIONS,
  countOpenVotes,
  electionBase,
  isExcludedFromBase,
  isOpenVoteSubject,
  majorityRequired,
  openVoteChoices,
  openVoteCountsProblem,
  openVoteResult,
  pickVoteBase,
  type BasePerson,
  type OpenVoteChoice,
  congressBases,
  exclusionProblem,
  isEligibleVoter,
  pollTransitionProblem,
  receiptCode,
  type BaseDelegate,
  type VoterDelegate,
} from './voting.rules.js';
import type { CongressKind } from '../congress/congress.rules.js';

// The rules as RULES.md ("Congress and voting") words them, quoted by the cases that test them.
const RULE = {
  workedCase: 'a chi bộ of 11 official members, 10 present, one absent with an accepted reason → base 10, a candidate needs at least 6 votes; 5/10 is not elected',
  membersBase:
    'a members\' congress: the official members convened, minus members temporarily attached elsewhere, members exempted from Party work who are absent, suspended members, members prosecuted or detained, and members absent for the whole congress with a reason accepted by the convening committee (a member in one of these groups who attends and votes still counts)',
  delegatesBase:
    'a delegates\' congress: the official delegates convened, minus members of the convening committee absent for the whole congress and official delegates absent for the whole congress with no alternate replacing them',
  threshold: 'Threshold to be elected (Điều lệ Đảng art. 12; Quy chế bầu cử art. 32): more than half of',
  openVotes: 'Open votes on reports and the resolution (verify): adopted with more than half of the official delegates (or members) in favour',
  alternates: 'An alternate replaces an official delegate who cannot attend, in the order of votes',
} as const;

const person = (p: Partial<BasePerson> = {}): BasePerson => ({ attended: true, ...p });
const many = (n: number, p: Partial<BasePerson> = {}) => Array.from({ length: n }, () => person(p));

test(`base, the worked case published by the Party's newspaper: "${RULE.workedCase}"`, () => {
  const chiBo = [...many(10), person({ attended: false, exclusion: 'absent_with_accepted_reason' })];
  assert.equal(electionBase('members', chiBo), 10);
  assert.equal(majorityRequired(10), 6);
});

test(`base: "${RULE.membersBase}"`, () => {
  const cases: [string, BasePerson, boolean][] = [
    ['present, no group', person(), false],
    ['absent without accepted reason', person({ attended: false }), false],
    ...MEMBER_EXCLUSIONS.map((g): [string, BasePerson, boolean] => [`absent, ${g}`, person({ attended: false, exclusion: g }), true]),
    ...MEMBER_EXCLUSIONS.map((g): [string, BasePerson, boolean] => [`attends and votes, ${g}`, person({ attended: true, exclusion: g }), false]),
  ];
  for (const [name, p, excluded] of cases) assert.equal(isExcludedFromBase('members', p), excluded, name);
  assert.equal(electionBase('members', cases.map((c) => c[1])), cases.filter((c) => !c[2]).length);
});

test(`base: "${RULE.delegatesBase}"`, () => {
  const cases: [string, BasePerson, boolean][] = [
    ['official present', person(), false],
    ['official absent, an alternate stands in', person({ attended: false, replacedByAlternate: true }), false],
    ['official absent, nobody stands in', person({ attended: false }), true],
    ['convening committee member absent', person({ attended: false, conveningCommittee: true }), true],
    ['convening committee member present', person({ conveningCommittee: true }), false],
  ];
  for (const [name, p, excluded] of cases) assert.equal(isExcludedFromBase('delegates', p), excluded, name);
  assert.equal(electionBase('delegates', [...many(196), person({ attended: false }), person({ attended: false, replacedByAlternate: true }), person({ attended: false, conveningCommittee: true })]), 197);
});

test(`majority: "${RULE.threshold}" — strictly more than half (and other shares when configured)`, () => {
  const cases: [number, number][] = [[0, 1], [1, 1], [2, 2], [3, 2], [10, 6], [11, 6], [199, 100], [200, 101]];
  for (const [base, need] of cases) assert.equal(majorityRequired(base), need, `base ${base}`);
  assert.equal(majorityRequired(9, { numerator: 2, denominator: 3 }), 7);
});

test('open vote choices: "ý kiến khác" only where the question allows it', () => {
  assert.deepEqual(openVoteChoices(false), ['for', 'against']);
  assert.deepEqual(openVoteChoices(true), ['for', 'against', 'other']);
  assert.ok(isOpenVoteSubject('presidium'));
  assert.ok(isOpenVoteSubject('resolution'));
  assert.ok(!isOpenVoteSubject('executive_committee'));
});

test(`open vote result: "${RULE.openVotes}" — the base shown`, () => {
  const base = { kind: 'convened' as const, size: 199 };
  const cases: [number, number, number, boolean][] = [
    [100, 0, 0, true],
    [99, 0, 0, false],
    [99, 1, 0, false],
    [150, 30, 5, true],
    [0, 0, 0, false],
  ];
  for (const [f, a, o, adopted] of cases) {
    const r = openVoteResult({ for: f, against: a, other: o }, base);
    assert.equal(r.adopted, adopted, `${f}/${a}/${o}`);
    assert.equal(r.required, 100);
    assert.deepEqual(r.base, base);
    assert.equal(r.cast, f + a + o);
  }
  const r = openVoteResult({ for: 150, against: 30, other: 5 }, base);
  assert.deepEqual(r.percentOfBase, { for: 75.38, against: 15.08, other: 2.51 });
  // half exactly is not more than half
  assert.equal(openVoteResult({ for: 5, against: 5, other: 0 }, { kind: 'present', size: 10 }).adopted, false);
  assert.equal(openVoteResult({ for: 0, against: 0, other: 0 }, { kind: 'convened', size: 0 }).adopted, false);
});

test('open vote base: the rule picks the number it is computed on', () => {
  const numbers = { convened: 199, electionBase: 197, present: 190 };
  assert.deepEqual(pickVoteBase(DEFAULT_OPEN_VOTE_RULE, numbers, 180), { kind: 'convened', size: 199 });
  assert.deepEqual(pickVoteBase({ ...DEFAULT_OPEN_VOTE_RULE, base: 'electionBase' }, numbers, 180), { kind: 'electionBase', size: 197 });
  assert.deepEqual(pickVoteBase({ ...DEFAULT_OPEN_VOTE_RULE, base: 'present' }, numbers, 180), { kind: 'present', size: 190 });
  assert.deepEqual(pickVoteBase({ ...DEFAULT_OPEN_VOTE_RULE, base: 'cast' }, numbers, 180), { kind: 'cast', size: 180 });
});

test('open vote counts entered by hand: refusals', () => {
  const code = (r: ReturnType<typeof openVoteCountsProblem>) => r?.code ?? 'ok';
  assert.equal(code(openVoteCountsProblem({ for: 5, against: 2, other: 0 }, false, 7)), 'ok');
  assert.equal(code(openVoteCountsProblem({ for: 5, against: 2, other: 1 }, false, 10)), 'OTHER_NOT_ALLOWED');
  assert.equal(code(openVoteCountsProblem({ for: 5, against: 2, other: 1 }, true, 10)), 'ok');
  assert.equal(code(openVoteCountsProblem({ for: 5, against: 3, other: 0 }, false, 7)), 'MORE_VOTES_THAN_PRESENT');
  assert.equal(code(openVoteCountsProblem({ for: -1, against: 0, other: 0 }, false, 7)), 'COUNT_INVALID');
  assert.equal(code(openVoteCountsProblem({ for: 1.5, against: 0, other: 0 }, false, 7)), 'COUNT_INVALID');
});

const choiceArb = fc.constantFrom<OpenVoteChoice>('for', 'against', 'other');

test('open vote (property): counting equals a naive recount, and is the same in any order', () => {
  fc.assert(
    fc.property(fc.array(choiceArb, { maxLength: 300 }), (choices) => {
      const c = countOpenVotes(choices);
      assert.equal(c.for, choices.filter((x) => x === 'for').length);
      assert.equal(c.against, choices.filter((x) => x === 'against').length);
      assert.equal(c.other, choices.filter((x) => x === 'other').length);
      assert.deepEqual(countOpenVotes([...choices].reverse()), c);
    }),
    { numRuns: 300 },
  );
});

test('open vote (property): adopted exactly when twice the votes for exceed the base; adding a vote for never un-adopts', () => {
  fc.assert(
    fc.property(fc.nat(500), fc.nat(500), fc.nat(50), fc.nat(50), (size, f, a, o) => {
      const r = openVoteResult({ for: f, against: a, other: o }, { kind: 'convened', size });
      assert.equal(r.adopted, size > 0 && 2 * f > size);
      if (r.adopted) assert.ok(openVoteResult({ for: f + 1, against: a, other: o }, { kind: 'convened', size }).adopted);
    }),
    { numRuns: 500 },
  );
});

test('base (property): never more than the convened, and never less than those who attended', () => {
  const personArb = fc.record({
    attended: fc.boolean(),
    conveningCommittee: fc.boolean(),
    replacedByAlternate: fc.boolean(),
    exclusion: fc.option(fc.constantFrom(...MEMBER_EXCLUSIONS)),
  });
  fc.assert(
    fc.property(fc.array(personArb, { maxLength: 60 }), fc.constantFrom('members' as const, 'delegates' as const), (people, kind) => {
      const b = electionBase(kind, people);
      assert.ok(b <= people.length);
      assert.ok(b >= people.filter((p) => p.attended).length);
    }),
    { numRuns: 300 },
  );
});

describe(`who may vote (isEligibleVoter): official delegates present, or an alternate standing in ("${RULE.alternates}")`, () => {
  const d = (o: Partial<VoterDelegate> = {}): VoterDelegate => ({ class: 'official', status: 'active', probationary: false, present: true, replacing: false, ...o });
  const cases: [string, CongressKind, VoterDelegate, boolean][] = [
    ['an official delegate present', 'delegates', d(), true],
    ['an official delegate not checked in', 'delegates', d({ present: false }), false],
    ['an official delegate replaced by an alternate', 'delegates', d({ status: 'replaced' }), false],
    ['a withdrawn delegate', 'delegates', d({ status: 'withdrawn' }), false],
    ['an alternate standing in for an absent official', 'delegates', d({ class: 'alternate', replacing: true }), true],
    ['an alternate not standing in', 'delegates', d({ class: 'alternate' }), false],
    ['an official member present', 'members', d(), true],
    ['a probationary member present (attends without a vote)', 'members', d({ probationary: true }), false],
  ];
  for (const [name, kind, delegate, expected] of cases) it(name, () => assert.equal(isEligibleVoter(kind, delegate), expected));
});

describe('a vote moves draft → open → closed, never back (pollTransitionProblem)', () => {
  it('allows draft → open and open → closed only', () => {
    assert.equal(pollTransitionProblem('draft', 'open'), null);
    assert.equal(pollTransitionProblem('open', 'closed'), null);
    assert.equal(pollTransitionProblem('draft', 'closed')?.code, 'POLL_NOT_OPEN');
    assert.equal(pollTransitionProblem('open', 'open')?.code, 'POLL_ALREADY_OPEN');
    assert.equal(pollTransitionProblem('closed', 'open')?.code, 'POLL_CLOSED');
    assert.equal(pollTransitionProblem('closed', 'closed')?.code, 'POLL_CLOSED');
  });
});

describe('receipt codes', () => {
  it('are 10 unambiguous characters in two groups, the same bytes giving the same code', () => {
    const bytes = Uint8Array.from([0, 1, 2, 30, 31, 62, 100, 200, 254, 255]);
    assert.match(receiptCode(bytes), /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    assert.equal(receiptCode(bytes), receiptCode(Uint8Array.from(bytes)));
    assert.throws(() => receiptCode(new Uint8Array(4)));
  });
  it('use every letter of the alphabet (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (b) => /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/.test(receiptCode(b))));
  });
});

describe('the bases of a congress (congressBases, exclusionProblem)', () => {
  const person = (o: Partial<BaseDelegate> = {}): BaseDelegate => ({ class: 'official', status: 'active', probationary: false, present: true, replacing: false, exOfficio: false, ...o });
  it('RULES.md worked case: a chi bộ of 11 official members, 10 present, one absent with an accepted reason → base 10', () => {
    const members = [...Array.from({ length: 10 }, () => person()), person({ present: false }), person({ probationary: true })];
    const bases = congressBases('members', members, 1);
    assert.deepEqual(bases, { convened: 11, electionBase: 10, present: 10 });
    assert.equal(exclusionProblem('members', 1, congressBases('members', members)), null);
    assert.equal(exclusionProblem('members', 2, congressBases('members', members))?.code, 'EXCLUDED_MORE_THAN_ABSENT');
    assert.equal(exclusionProblem('members', -1, congressBases('members', members))?.code, 'EXCLUDED_INVALID');
  });
  it("delegates' congress: an absent official with no alternate and an absent ex-officio delegate leave the base; a replaced one stays", () => {
    const delegates = [
      ...Array.from({ length: 8 }, () => person()),
      person({ present: false }),
      person({ present: false, exOfficio: true }),
      person({ status: 'replaced', present: false }),
      person({ class: 'alternate', replacing: true }),
      person({ class: 'alternate' }),
    ];
    assert.deepEqual(congressBases('delegates', delegates), { convened: 11, electionBase: 9, present: 9 });
    assert.equal(exclusionProblem('delegates', 1, congressBases('delegates', delegates))?.code, 'EXCLUDED_ONLY_MEMBERS_CONGRESS');
  });
});
