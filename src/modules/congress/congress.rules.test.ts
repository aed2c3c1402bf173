import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  allocateDelegateSeats,
  conveningNoticeProblem,
  movedTo,
  workingDaysBetween,
  applyTimer,
  checkReplacement,
  congressKindProblem,
  credentialsReport,
  isRuleProblem,
  nextSpeakerStatus,
  quorumRequired,
  quorumStatus,
  quorumStatusOfGroups,
  romanNumeral,
  timerElapsedMs,
  type CredentialDelegate,
  type QuorumDelegate,
  type ReplacementCandidate,
  type SeatAllocation,
  type TimerState,
} from './congress.rules.js';

const ok = (r: ReturnType<typeof allocateDelegateSeats>): SeatAllocation => {
  if (isRuleProblem(r)) throw new Error(r.message);
  return r;
};
const seatsOf = (r: SeatAllocation) => r.units.map((u) => u.seats);

test('seat allocation: worked cases of the largest-remainder method', () => {
  // 10 seats, 3 ex officio, 7 shared over 50/30/20 members: quotas 3.5/2.1/1.4 → 3/2/1 + one seat to the largest remainder (0.5)
  assert.deepEqual(seatsOf(ok(allocateDelegateSeats(10, 3, [{ unitId: 1, members: 50 }, { unitId: 2, members: 30 }, { unitId: 3, members: 20 }]))), [4, 2, 1]);
  // a tiny unit gets its one seat, the rest is shared between the others
  assert.deepEqual(seatsOf(ok(allocateDelegateSeats(10, 0, [{ unitId: 1, members: 1000 }, { unitId: 2, members: 1 }]))), [9, 1]);
  // ties on the remainder: more members first, then the order given
  assert.deepEqual(seatsOf(ok(allocateDelegateSeats(3, 0, [{ unitId: 1, members: 10 }, { unitId: 2, members: 10 }]))), [2, 1]);
  // exactly as many seats as units: one each
  assert.deepEqual(seatsOf(ok(allocateDelegateSeats(5, 2, [{ unitId: 1, members: 500 }, { unitId: 2, members: 3 }, { unitId: 3, members: 7 }]))), [1, 1, 1]);
  // the Từ Sơn case: 199 seats, 35 ex officio, over eight units
  const tuSon = ok(allocateDelegateSeats(199, 35, [120, 95, 310, 44, 260, 18, 150, 73].map((members, i) => ({ unitId: i + 1, members }))));
  assert.equal(tuSon.units.reduce((s, u) => s + u.seats, 0) + tuSon.exOfficioSeats, 199);
  assert.equal(tuSon.exOfficioSeats, 35);
});

test('seat allocation: refusals', () => {
  const code = (r: ReturnType<typeof allocateDelegateSeats>) => (isRuleProblem(r) ? r.code : 'ok');
  assert.equal(code(allocateDelegateSeats(0, 0, [{ unitId: 1, members: 1 }])), 'SEATS_INVALID');
  assert.equal(code(allocateDelegateSeats(5, 6, [{ unitId: 1, members: 1 }])), 'EX_OFFICIO_INVALID');
  assert.equal(code(allocateDelegateSeats(5, 0, [])), 'NO_UNITS');
  assert.equal(code(allocateDelegateSeats(5, 0, [{ unitId: 1, members: 0 }])), 'UNIT_WITHOUT_MEMBERS');
  assert.equal(code(allocateDelegateSeats(5, 4, [{ unitId: 1, members: 3 }, { unitId: 2, members: 3 }])), 'TOO_FEW_SEATS');
  assert.equal(code(allocateDelegateSeats(5, 0, [{ unitId: 1, members: 3 }, { unitId: 1, members: 3 }])), 'UNIT_DUPLICATE');
});

const unitsArb = fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 40 });
const caseArb = unitsArb.chain((members) =>
  fc.record({
    members: fc.constant(members),
    ex: fc.integer({ min: 0, max: 60 }),
    extra: fc.integer({ min: 0, max: 400 }),
  }),
);

test('seat allocation (property): the total is the seats, every unit has one at least, nobody gets more than quota + 1', () => {
  fc.assert(
    fc.property(caseArb, ({ members, ex, extra }) => {
      const total = ex + members.length + extra;
      const r = ok(allocateDelegateSeats(total, ex, members.map((m, i) => ({ unitId: i + 1, members: m }))));
      assert.equal(r.exOfficioSeats + r.units.reduce((s, u) => s + u.seats, 0), total);
      for (const u of r.units) assert.ok(u.seats >= 1);
      const sum = members.reduce((a, b) => a + b, 0);
      // the minimum of one seat only ever takes seats away from the proportional share of others
      for (const u of r.units) assert.ok(u.seats <= Math.max(1, Math.ceil(((total - ex) * u.members) / sum)));
    }),
    { numRuns: 400 },
  );
});

test('seat allocation (property): monotone in members — a unit that grows, others unchanged, never loses a seat', () => {
  fc.assert(
    fc.property(caseArb, fc.nat(), fc.integer({ min: 1, max: 3000 }), ({ members, ex, extra }, pick, growth) => {
      const total = ex + members.length + extra;
      const i = pick % members.length;
      const before = ok(allocateDelegateSeats(total, ex, members.map((m, k) => ({ unitId: k + 1, members: m }))));
      const grown = members.map((m, k) => (k === i ? m + growth : m));
      const after = ok(allocateDelegateSeats(total, ex, grown.map((m, k) => ({ unitId: k + 1, members: m }))));
      assert.ok(after.units[i].seats >= before.units[i].seats, `unit ${i}: ${before.units[i].seats} → ${after.units[i].seats}`);
    }),
    { numRuns: 400 },
  );
});

test('seat allocation (property): a unit with more members never has fewer seats than a smaller one', () => {
  fc.assert(
    fc.property(caseArb, ({ members, ex, extra }) => {
      const r = ok(allocateDelegateSeats(ex + members.length + extra, ex, members.map((m, i) => ({ unitId: i + 1, members: m }))));
      for (const a of r.units) for (const b of r.units) if (a.members > b.members) assert.ok(a.seats >= b.seats);
    }),
    { numRuns: 300 },
  );
});

const q = (p: Partial<QuorumDelegate>): QuorumDelegate => ({ class: 'official', status: 'active', probationary: false, present: false, replacing: false, ...p });

test('quorum: two thirds of the convened (RULES.md "Quorum")', () => {
  assert.equal(quorumRequired(199), 133);
  assert.equal(quorumRequired(188), 126);
  assert.equal(quorumRequired(9), 6);
  assert.equal(quorumRequired(10), 7);
  assert.equal(quorumRequired(10, { numerator: 1, denominator: 2 }), 5);
  const nine = (present: number) => Array.from({ length: 9 }, (_, i) => q({ present: i < present }));
  assert.deepEqual(quorumStatus('delegates', nine(5)), { convened: 9, present: 5, required: 6, met: false });
  assert.deepEqual(quorumStatus('delegates', nine(6)), { convened: 9, present: 6, required: 6, met: true });
  assert.equal(quorumStatus('delegates', []).met, false);
});

test('quorum: alternates count only when standing in; withdrawn delegates are not convened; probationary members do not count at a members congress', () => {
  const ds = [
    q({ present: true }),
    q({ status: 'replaced' }),
    q({ class: 'alternate', present: true, replacing: true }),
    q({ class: 'alternate', present: true }),
    q({ status: 'withdrawn', present: true }),
  ];
  assert.deepEqual(quorumStatus('delegates', ds), { convened: 2, present: 2, required: 2, met: true });
  const members = [q({ present: true }), q({ present: true, probationary: true }), q({ present: false })];
  assert.deepEqual(quorumStatus('members', members), { convened: 2, present: 1, required: 2, met: false });
  // at a delegates' congress a probationary official is still a convened seat (flagged by the credentials report)
  assert.equal(quorumStatus('delegates', members).convened, 3);
});

test('quorum: counted over groups (one aggregate query) = counted delegate by delegate', () => {
  const delegateArb = fc.record({
    class: fc.constantFrom('official' as const, 'alternate' as const),
    status: fc.constantFrom('active' as const, 'replaced' as const, 'withdrawn' as const),
    probationary: fc.boolean(),
    present: fc.boolean(),
    replacing: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(delegateArb, { maxLength: 300 }), fc.constantFrom('delegates' as const, 'members' as const), (ds, kind) => {
      // the naive recount, one delegate at a time
      const counts = (d: QuorumDelegate) => d.class === 'official' && d.status !== 'withdrawn' && !(kind === 'members' && d.probationary);
      const convened = ds.filter(counts).length;
      const present = ds.filter((d) => d.present && ((counts(d) && d.status === 'active') || (d.class === 'alternate' && d.replacing && d.status === 'active'))).length;
      const groups = new Map<string, QuorumDelegate & { count: number }>();
      for (const d of ds) {
        const key = JSON.stringify(d);
        const g = groups.get(key);
        if (g) g.count++;
        else groups.set(key, { ...d, count: 1 });
      }
      const grouped = quorumStatusOfGroups(kind, [...groups.values()]);
      assert.deepEqual(grouped, { convened, present, required: quorumRequired(convened), met: convened > 0 && present >= quorumRequired(convened) });
      assert.deepEqual(quorumStatus(kind, ds), grouped);
    }),
  );
});

const cand = (p: Partial<ReplacementCandidate>): ReplacementCandidate => ({ id: 1, class: 'official', origin: 'elected', status: 'active', unitOrgId: 7, rank: null, present: false, replacing: false, ...p });

test('replacement: an alternate of the same unit, in the order of votes, for an absent elected official (RULES.md "Delegates")', () => {
  const official = cand({ id: 1 });
  const alt1 = cand({ id: 2, class: 'alternate', rank: 1 });
  const alt2 = cand({ id: 3, class: 'alternate', rank: 2 });
  const alts = [alt2, alt1];
  const code = (o: ReplacementCandidate, a: ReplacementCandidate, list = alts, kind: 'delegates' | 'members' = 'delegates') => checkReplacement(o, a, list, kind)?.code ?? 'ok';
  assert.equal(code(official, alt1), 'ok');
  assert.equal(code(official, alt2), 'ALTERNATE_ORDER');
  assert.equal(code(official, alt2, [alt2, { ...alt1, replacing: true }]), 'ok');
  assert.equal(code(official, alt1, alts, 'members'), 'NOT_DELEGATES_CONGRESS');
  assert.equal(code({ ...official, present: true }, alt1), 'DELEGATE_PRESENT');
  assert.equal(code({ ...official, status: 'replaced' }, alt1), 'ALREADY_REPLACED');
  assert.equal(code({ ...official, origin: 'ex_officio' }, alt1), 'EX_OFFICIO_NOT_REPLACEABLE');
  assert.equal(code({ ...official, origin: 'appointed' }, alt1), 'APPOINTED_NOT_REPLACEABLE');
  assert.equal(code(official, { ...alt1, class: 'official' }), 'NOT_ALTERNATE');
  assert.equal(code(official, { ...alt1, replacing: true }), 'ALTERNATE_USED');
  assert.equal(code(official, { ...alt1, unitOrgId: 8 }), 'ALTERNATE_OTHER_UNIT');
  assert.equal(code(alt1, alt2), 'NOT_OFFICIAL');
});

const cred = (p: Partial<CredentialDelegate>): CredentialDelegate => ({
  id: 1,
  fullName: 'Nguyễn Văn A',
  class: 'official',
  origin: 'elected',
  status: 'active',
  gender: 'male',
  birthDate: '1980-01-01',
  ethnicity: 'Kinh',
  education: 'bachelor',
  theoryLevel: 'intermediate',
  admittedOn: '2005-01-01',
  officialOn: '2006-01-01',
  memberActive: true,
  eligibilityNote: null,
  ...p,
});

test('credentials report: totals, breakdowns and flags', () => {
  const r = credentialsReport(
    [
      cred({ id: 1 }),
      cred({ id: 2, gender: 'female', birthDate: '1998-06-01', ethnicity: 'Tày', education: 'master', theoryLevel: null, admittedOn: '2025-01-10', officialOn: null, class: 'alternate' }),
      cred({ id: 3, origin: 'ex_officio', birthDate: '1964-08-17', admittedOn: '1990-01-01', theoryLevel: 'advanced', eligibilityNote: 'Đang bị xem xét kỷ luật' }),
      cred({ id: 4, status: 'withdrawn' }),
      cred({ id: 5, memberActive: false, birthDate: '1975-08-18' }),
    ],
    '2025-08-17',
  );
  assert.equal(r.total, 4);
  assert.equal(r.official, 3);
  assert.equal(r.alternate, 1);
  assert.deepEqual(r.byGender, [{ key: 'male', count: 3, percent: 75 }, { key: 'female', count: 1, percent: 25 }]);
  assert.deepEqual(r.byOrigin.map((b) => [b.key, b.count]), [['ex_officio', 1], ['elected', 3], ['appointed', 0]]);
  // 27, 45, 61 (birthday on the day: 61), 49 (birthday tomorrow)
  assert.deepEqual(r.byAgeBand.map((b) => b.count), [1, 0, 2, 0, 1]);
  assert.equal(r.youngest, 27);
  assert.equal(r.oldest, 61);
  assert.deepEqual(r.byEthnicity.map((b) => [b.key, b.count]), [['Kinh', 3], ['Tày', 1]]);
  assert.equal(r.ethnicMinority, 1);
  assert.equal(r.byTheoryLevel.find((b) => b.key === 'unknown')?.count, 1);
  assert.deepEqual(r.byPartyYears.map((b) => b.count), [1, 0, 2, 1]);
  assert.deepEqual(r.flagged.map((f) => [f.delegateId, f.flags]), [[2, ['probationary']], [3, ['eligibility_note']], [5, ['member_left']]]);
  assert.equal(r.byGender.reduce((s, b) => s + b.count, 0), r.total);
});

test('speakers: state machine and timer', () => {
  assert.equal(nextSpeakerStatus('queued', 'start'), 'speaking');
  assert.equal(nextSpeakerStatus('speaking', 'pause'), 'paused');
  assert.ok(isRuleProblem(nextSpeakerStatus('done', 'start')));
  assert.ok(isRuleProblem(nextSpeakerStatus('speaking', 'withdraw')));
  let t: TimerState = { limitSeconds: 300, elapsedMs: 0, runningSince: null };
  t = applyTimer(t, 'start', '2025-08-17T02:00:00.000Z');
  assert.equal(timerElapsedMs(t, '2025-08-17T02:01:00.000Z'), 60_000);
  t = applyTimer(t, 'pause', '2025-08-17T02:01:30.000Z');
  assert.equal(timerElapsedMs(t, '2025-08-17T03:00:00.000Z'), 90_000);
  t = applyTimer(t, 'resume', '2025-08-17T03:00:00.000Z');
  assert.equal(timerElapsedMs(t, '2025-08-17T03:00:10.000Z'), 100_000);
});

test('roman numerals for the congress number', () => {
  assert.deepEqual([1, 4, 9, 14, 20, 49].map(romanNumeral), ['I', 'IV', 'IX', 'XIV', 'XX', 'XLIX']);
});

test('convening: the opening is announced at least 30 working days ahead (Quy định 24-QĐ/TW, RULES.md "Convening")', () => {
  // Friday 2025-07-04 → Monday 2025-07-07: one working day; a whole week: five
  assert.equal(workingDaysBetween('2025-07-04', '2025-07-07'), 1);
  assert.equal(workingDaysBetween('2025-07-07', '2025-07-14'), 5);
  assert.equal(workingDaysBetween('2025-07-07', '2025-07-07'), 0);
  // 2025-07-01 (Tue) → 2025-08-12 (Tue): six weeks, 30 working days — enough; one day less is not
  assert.equal(workingDaysBetween('2025-07-01', '2025-08-12'), 30);
  assert.equal(conveningNoticeProblem('2025-07-01', '2025-08-12'), null);
  const short = conveningNoticeProblem('2025-07-01', '2025-08-11');
  assert.equal(short?.code, 'CONVENING_NOTICE_SHORT');
  assert.deepEqual(short?.details, { workingDays: 29, required: 30 });
  assert.match(short!.message, /29 ngày làm việc/);
  // a congress already open or held: nothing to announce
  assert.equal(conveningNoticeProblem('2025-08-12', '2025-08-12'), null);
  assert.equal(conveningNoticeProblem('2025-09-01', '2025-08-12'), null);
  // property: moving the opening later never makes the notice shorter
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), (a, extra) => {
      const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      return workingDaysBetween(day(0), day(a + extra)) >= workingDaysBetween(day(0), day(a));
    }),
  );
});

test('ordered lists: an item moved up goes before the item at that position, moved down after it; the list is numbered 1…n again', () => {
  const items = [1, 2, 3, 4].map((id) => ({ id, position: id }));
  const order = (m: Map<number, number>) => [...m].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  assert.deepEqual(order(movedTo(items, 3, 2)), [1, 3, 2, 4], 'up one: the position of the one above');
  assert.deepEqual(order(movedTo(items, 4, 1)), [4, 1, 2, 3], 'to the top');
  assert.deepEqual(order(movedTo(items, 1, 99)), [2, 3, 4, 1], 'past the end: last');
  assert.deepEqual(order(movedTo(items, 2, 3)), [1, 3, 2, 4], 'down one: the position of the one below');
  assert.deepEqual(order(movedTo(items, 2, 4)), [1, 3, 4, 2], 'down to the last position');
  // gaps left by removed items: up and down one still swap neighbours
  const gaps = [{ id: 1, position: 1 }, { id: 2, position: 4 }, { id: 3, position: 9 }];
  assert.deepEqual(order(movedTo(gaps, 3, 4)), [1, 3, 2]);
  assert.deepEqual(order(movedTo(gaps, 1, 4)), [2, 1, 3]);
  // ties and gaps (positions as stored before renumbering): id breaks the tie, the result is 1…n
  const messy = [{ id: 7, position: 5 }, { id: 3, position: 5 }, { id: 9, position: 20 }];
  const m = movedTo(messy, 9, 5);
  assert.deepEqual(order(m), [9, 3, 7]);
  assert.deepEqual([...m.values()].sort(), [1, 2, 3]);
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 12 }), fc.nat(), fc.integer({ min: 1, max: 60 }), (ids, pick, position) => {
      const list = ids.map((id, i) => ({ id, position: i + 1 }));
      const id = ids[pick % ids.length];
      const result = movedTo(list, id, position);
      const numbers = [...result.values()].sort((a, b) => a - b);
      return result.size === ids.length && numbers.every((n, i) => n === i + 1) && result.get(id) === Math.min(position, ids.length);
    }),
  );
});

test('congressKindProblem: a chi bộ holds a members’ congress; a đảng bộ either (Điều lệ Đảng art. 13, RULES.md "Kinds of congress")', () => {
  const cases: [string, 'delegates' | 'members', string][] = [
    ['cell', 'delegates', 'CONGRESS_KIND_CELL'],
    ['grassroots_cell', 'delegates', 'CONGRESS_KIND_CELL'],
    ['cell', 'members', 'ok'],
    ['grassroots_cell', 'members', 'ok'],
    ['grassroots_committee', 'delegates', 'ok'],
    ['grassroots_committee', 'members', 'ok'],
    ['sub_committee', 'members', 'ok'],
    ['sub_committee', 'delegates', 'ok'],
    ['commune', 'delegates', 'ok'],
    ['commune', 'members', 'ok'],
    ['province', 'delegates', 'ok'],
    ['directly_under', 'delegates', 'ok'],
  ];
  for (const [orgKind, kind, expected] of cases) assert.equal(congressKindProblem(orgKind, kind)?.code ?? 'ok', expected, `${orgKind} ${kind}`);
});
