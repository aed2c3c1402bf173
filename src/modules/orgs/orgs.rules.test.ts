import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  canContain,
  checkDecisionDate,
  isDecisionNumber,
  checkDissolve,
  checkEffectiveDate,
  checkMerge,
  checkMove,
  checkPlacement,
  checkSplit,
  childPath,
  idsOnPath,
  isInSubtree,
  pathUpperBound,
  rollUpCounts,
  type OrgState,
} from './orgs.rules.js';

const org = (id: number, path: string, extra: Partial<OrgState> = {}): OrgState => ({ id, name: `Tổ chức ${id}`, kind: 'commune', path, closedOn: null, currentSince: '2025-07-01', ...extra });

test('paths: child path, upper bound, ids, subtree membership', () => {
  assert.equal(childPath(null, 1), '/1/');
  assert.equal(childPath('/1/5/', 17), '/1/5/17/');
  assert.equal(pathUpperBound('/1/5/'), '/1/50');
  assert.deepEqual(idsOnPath('/1/5/17/'), [1, 5, 17]);
  assert.ok(isInSubtree('/1/5/17/', '/1/5/'));
  assert.ok(!isInSubtree('/1/50/', '/1/5/'), 'unit 50 is not inside unit 5');
});

test('the path range [path, upperBound) holds exactly the subtree, for any ids', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: 1, maxLength: 5 }), (a, b) => {
      const root = a.reduce<string | null>((p, id) => childPath(p, id), null)!;
      const other = b.reduce<string | null>((p, id) => childPath(p, id), null)!;
      const inRange = other >= root && other < pathUpperBound(root);
      assert.equal(inRange, other.startsWith(root));
    }),
    { numRuns: 2000 },
  );
});

test('placement: kinds that may contain others', () => {
  assert.ok(canContain('province', 'commune'));
  assert.ok(canContain('commune', 'cell'));
  assert.ok(canContain('grassroots_committee', 'cell'));
  assert.ok(!canContain('cell', 'cell'), 'a chi bộ has no sub-units');
  assert.ok(!canContain('grassroots_cell', 'cell'));
  assert.equal(checkPlacement(null, 'province'), null);
  assert.equal(checkPlacement(null, 'cell')?.code, 'KIND_NOT_ALLOWED_AT_ROOT');
  assert.equal(checkPlacement(org(1, '/1/', { kind: 'cell' }), 'cell')?.code, 'KIND_NOT_ALLOWED_UNDER_PARENT');
});

test('effective date: not in the future, not before the latest change', () => {
  const touched = [org(1, '/1/', { currentSince: '2025-07-01' }), org(2, '/2/', { currentSince: '2025-02-10' })];
  assert.equal(checkEffectiveDate('2025-07-01', '2026-01-01', touched), null);
  assert.equal(checkEffectiveDate('2026-01-02', '2026-01-01', touched)?.code, 'EVENT_IN_FUTURE');
  assert.equal(checkEffectiveDate('2025-06-30', '2026-01-01', touched)?.code, 'EVENT_BEFORE_HISTORY');
});

test('move: never into its own subtree', () => {
  const a = org(1, '/1/', { kind: 'province' });
  assert.equal(checkMove(org(5, '/1/5/'), org(5, '/1/5/'))?.code, 'MOVE_INTO_OWN_SUBTREE');
  assert.equal(checkMove(org(5, '/1/5/'), org(9, '/1/5/9/', { kind: 'commune' }))?.code, 'MOVE_INTO_OWN_SUBTREE');
  assert.equal(checkMove(org(5, '/1/5/'), a), null);
  assert.equal(checkMove(org(5, '/1/5/', { kind: 'cell' }), null)?.code, 'KIND_NOT_ALLOWED_AT_ROOT');
});

test('merge: sources distinct, active, not the target nor containing it', () => {
  const target = org(10, '/1/10/');
  assert.equal(checkMerge(target, [org(11, '/1/11/'), org(12, '/1/12/')]), null);
  assert.equal(checkMerge(target, [])?.code, 'MERGE_NEEDS_SOURCES');
  assert.equal(checkMerge(target, [org(11, '/1/11/'), org(11, '/1/11/')])?.code, 'MERGE_DUPLICATE_SOURCE');
  assert.equal(checkMerge(target, [target])?.code, 'MERGE_INTO_ITSELF');
  assert.equal(checkMerge(target, [org(1, '/1/')])?.code, 'MERGE_INTO_DESCENDANT');
  assert.equal(checkMerge(target, [org(11, '/1/11/', { closedOn: '2025-07-01' })])?.code, 'ORG_CLOSED');
});

test('split: every member and sub-unit placed once, or a part takes the rest', () => {
  const members = [1, 2, 3];
  const children = [7];
  const part = (memberIds: number[], childIds: number[] = [], takesRest = false) => ({ memberIds, childIds, takesRest });
  assert.equal(checkSplit([part([1, 2], [7]), part([3])], members, children), null);
  assert.equal(checkSplit([part([1]), part([], [], true)], members, children), null);
  assert.equal(checkSplit([part([1, 2, 3], [7])], members, children)?.code, 'SPLIT_NEEDS_TWO_PARTS');
  assert.equal(checkSplit([part([1], [], true), part([2], [], true)], members, children)?.code, 'SPLIT_TWO_REST_PARTS');
  assert.equal(checkSplit([part([1, 9]), part([2, 3], [7])], members, children)?.code, 'SPLIT_UNKNOWN_MEMBER');
  assert.equal(checkSplit([part([1, 2]), part([2, 3], [7])], members, children)?.code, 'SPLIT_MEMBER_TWICE');
  assert.equal(checkSplit([part([1, 2], [8]), part([3], [7])], members, children)?.code, 'SPLIT_UNKNOWN_CHILD');
  assert.equal(checkSplit([part([1, 2], [7]), part([3], [7])], members, children)?.code, 'SPLIT_CHILD_TWICE');
  assert.equal(checkSplit([part([1]), part([2], [7])], members, children)?.code, 'SPLIT_LEAVES_SOME');
});

test('dissolve: only empty units, unless their people go somewhere', () => {
  assert.equal(checkDissolve(0, 0, false), null);
  assert.equal(checkDissolve(3, 0, false)?.code, 'ORG_NOT_EMPTY');
  assert.equal(checkDissolve(0, 2, false)?.code, 'ORG_NOT_EMPTY');
  assert.equal(checkDissolve(3, 2, true), null);
});

test('roll-up: a subtree total is the sum of its direct counts (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(50)), { minLength: 1, maxLength: 60 }), (spec) => {
      // node i's parent is some earlier node (or none), so the input is a forest
      const nodes = spec.map(([p, direct], i) => ({ id: i + 1, parentId: i === 0 || p % (i + 1) === 0 ? null : (p % i) + 1, direct }));
      const totals = rollUpCounts(nodes);
      const naive = (id: number): number => nodes.filter((n) => n.parentId === id).reduce((s, c) => s + naive(c.id), nodes.find((n) => n.id === id)!.direct);
      for (const n of nodes) assert.equal(totals.get(n.id), naive(n.id));
      const roots = nodes.filter((n) => n.parentId === null);
      assert.equal(roots.reduce((s, r) => s + totals.get(r.id)!, 0), nodes.reduce((s, n) => s + n.direct, 0));
    }),
    { numRuns: 500 },
  );
});

test('decision numbers as Party documents write them (Hướng dẫn 36-HD/VPTW, RULES.md "Party documents")', () => {
  for (const ok of ['2314-QĐ/TU', '12-NQ/ĐU', '45-CT/TW', '05-CTr/TU', '1-BB/ĐH', '7–KH/ĐU', '15-QĐ/ĐU/VPĐU', ' 2314-QĐ/TU ']) assert.equal(isDecisionNumber(ok), true, ok);
  for (const bad of ['abc', '2314', 'QĐ/TU', '2314-QĐ', '2314-qđ/TU', '2314-QĐ/tu', '2314 QĐ/TU', '1234567-QĐ/TU', '']) assert.equal(isDecisionNumber(bad), false, bad);
});

test('a decision is dated neither after today nor before the Party was founded (3/2/1930)', () => {
  const cases: [string | null | undefined, string | null][] = [
    [undefined, null],
    [null, null],
    ['2026-11-20', null],
    ['1930-02-03', null],
    ['2026-11-21', 'DECISION_DATE_IN_FUTURE'],
    ['2099-01-01', 'DECISION_DATE_IN_FUTURE'],
    ['1930-02-02', 'DECISION_DATE_BEFORE_PARTY'],
    ['1800-01-01', 'DECISION_DATE_BEFORE_PARTY'],
  ];
  for (const [date, code] of cases) assert.equal(checkDecisionDate(date, '2026-11-20')?.code ?? null, code, String(date));
  assert.equal(checkDecisionDate('2099-01-01', '2026-11-20')!.message, 'Ngày ký quyết định 01/01/2099 ở tương lai; chỉ ghi nhận quyết định đã ban hành.');
  assert.match(checkDecisionDate('1800-01-01', '2026-11-20')!.message, /01\/01\/1800 trước ngày thành lập Đảng \(03\/02\/1930\)/);
});
