import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isRuleProblem } from './congress.rules.js';
import { seatDelegates, type SeatingDelegate, type SeatingPlan } from './congress.seating.rules.js';

const ok = (r: ReturnType<typeof seatDelegates>): SeatingPlan => {
  if (isRuleProblem(r)) throw new Error(r.message);
  return r;
};
let n = 0;
const d = (unit: number | null, p: Partial<SeatingDelegate> = {}): SeatingDelegate => {
  n += 1;
  return { id: n, number: n, fullName: `Đại biểu ${n}`, unitOrgId: unit, unitName: unit === null ? null : `Chi bộ ${String.fromCharCode(64 + unit)}`, class: 'official', status: 'active', ...p };
};
const where = (plan: SeatingPlan) => new Map(plan.blocks.flatMap((b) => b.delegates.map((x) => [x.id, `${x.row}-${x.seat}`] as const)));

test('seating: delegations in order, a small one never split across rows, a large one fills whole rows', () => {
  n = 0;
  // A: 3, B: 5, C: 2 with 6 seats a row → A in row 1 (seats 1–3); B does not fit the 3 left → row 2 (1–5); C does not fit the 1 left → row 3
  const ds = [...[1, 1, 1].map((u) => d(u)), ...[2, 2, 2, 2, 2].map((u) => d(u)), d(3), d(3)];
  const plan = ok(seatDelegates(ds, { seatsPerRow: 6 }));
  assert.deepEqual(plan.blocks.map((b) => b.unitName), ['Chi bộ A', 'Chi bộ B', 'Chi bộ C']);
  assert.deepEqual(plan.blocks.map((b) => b.delegates.map((x) => `${x.row}-${x.seat}`)), [['1-1', '1-2', '1-3'], ['2-1', '2-2', '2-3', '2-4', '2-5'], ['3-1', '3-2']]);
  assert.equal(plan.rows, 3);
  // with 8 seats B fits beside A, and C starts row 2
  const wider = ok(seatDelegates(ds, { seatsPerRow: 8 }));
  assert.deepEqual(wider.blocks.map((b) => b.delegates.map((x) => `${x.row}-${x.seat}`)), [['1-1', '1-2', '1-3'], ['1-4', '1-5', '1-6', '1-7', '1-8'], ['2-1', '2-2']]);
  // a delegation larger than a row starts on a fresh row and fills it
  n = 0;
  const big = ok(seatDelegates([d(1), ...Array.from({ length: 7 }, () => d(2))], { seatsPerRow: 4 }));
  assert.deepEqual(big.blocks[1].delegates.map((x) => `${x.row}-${x.seat}`), ['2-1', '2-2', '2-3', '2-4', '3-1', '3-2', '3-3']);
});

test('seating: officials before alternates by card number; replaced and withdrawn delegates have no seat; no unit sits last', () => {
  n = 0;
  const alt = d(1, { class: 'alternate' });
  const off2 = d(1);
  const off1 = d(1, { number: 0 });
  const replaced = d(1, { status: 'replaced' });
  const gone = d(2, { status: 'withdrawn' });
  const loose = d(null);
  const b = d(2);
  const plan = ok(seatDelegates([loose, alt, off2, off1, replaced, gone, b], { seatsPerRow: 10 }));
  assert.deepEqual(plan.blocks.map((x) => x.unitName), ['Chi bộ A', 'Chi bộ B', null]);
  // numbers in names sort as numbers
  const numbered = ok(seatDelegates([10, 2, 1].map((k) => ({ ...d(k), unitName: `Chi bộ khu phố ${k}` })), { seatsPerRow: 4 }));
  assert.deepEqual(numbered.blocks.map((x) => x.unitName), ['Chi bộ khu phố 1', 'Chi bộ khu phố 2', 'Chi bộ khu phố 10']);
  assert.deepEqual(plan.blocks[0].delegates.map((x) => x.id), [off1.id, off2.id, alt.id]);
  const seated = where(plan);
  assert.ok(!seated.has(replaced.id) && !seated.has(gone.id));
});

test('seating: the presidium sits at its table, in the order given, not in the hall; refusals', () => {
  n = 0;
  const ds = [d(1), d(1), d(2), d(2)];
  const plan = ok(seatDelegates(ds, { seatsPerRow: 4, presidiumIds: [ds[2].id, ds[0].id] }));
  assert.deepEqual(plan.presidium.map((p) => p.id), [ds[2].id, ds[0].id]);
  assert.deepEqual([...where(plan).keys()].sort(), [ds[1].id, ds[3].id]);
  const code = (r: ReturnType<typeof seatDelegates>) => (isRuleProblem(r) ? r.code : 'ok');
  assert.equal(code(seatDelegates(ds, { seatsPerRow: 1 })), 'SEATS_PER_ROW_INVALID');
  assert.equal(code(seatDelegates(ds, { seatsPerRow: 4.5 })), 'SEATS_PER_ROW_INVALID');
  assert.equal(code(seatDelegates(ds, { seatsPerRow: 4, presidiumIds: [999] })), 'PRESIDIUM_NOT_DELEGATE');
  assert.deepEqual(ok(seatDelegates([], { seatsPerRow: 4 })), { seatsPerRow: 4, rows: 0, presidium: [], blocks: [] });
});

test('seating (property): every attending delegate has exactly one place, seats are unique and within the row, delegations sit together', () => {
  const delegateArb = fc.record({ unit: fc.option(fc.integer({ min: 1, max: 8 }), { freq: 8 }), alternate: fc.boolean(), status: fc.constantFrom('active', 'active', 'active', 'replaced', 'withdrawn') });
  fc.assert(
    fc.property(fc.array(delegateArb, { maxLength: 120 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 0, max: 5 }), (raw, perRow, presidiumCount) => {
      const ds: SeatingDelegate[] = raw.map((r, i) => ({
        id: i + 1,
        number: i + 1,
        fullName: `Đại biểu ${i + 1}`,
        unitOrgId: r.unit,
        unitName: r.unit === null ? null : `Đơn vị ${r.unit}`,
        class: r.alternate ? 'alternate' : 'official',
        status: r.status as SeatingDelegate['status'],
      }));
      const attending = ds.filter((x) => x.status === 'active');
      const presidiumIds = attending.slice(0, presidiumCount).map((x) => x.id);
      const plan = ok(seatDelegates(ds, { seatsPerRow: perRow, presidiumIds }));
      const places = plan.blocks.flatMap((b) => b.delegates);
      assert.deepEqual([...places.map((x) => x.id), ...plan.presidium.map((p) => p.id)].sort((a, b) => a - b), attending.map((x) => x.id));
      assert.equal(new Set(places.map((x) => `${x.row}-${x.seat}`)).size, places.length);
      for (const x of places) assert.ok(x.seat >= 1 && x.seat <= perRow && x.row >= 1 && x.row <= plan.rows);
      // in hall order (row, then seat) each delegation is one run, and one no larger than a row is on one row
      const order = [...places].sort((a, b) => a.row - b.row || a.seat - b.seat);
      const unitOf = new Map(plan.blocks.flatMap((b) => b.delegates.map((x) => [x.id, b] as const)));
      const runs = order.map((x) => unitOf.get(x.id)!).filter((b, i, all) => i === 0 || all[i - 1] !== b);
      assert.equal(runs.length, plan.blocks.length);
      for (const b of plan.blocks) if (b.delegates.length <= perRow) assert.equal(new Set(b.delegates.map((x) => x.row)).size, 1);
      // no row is skipped
      assert.deepEqual([...new Set(order.map((x) => x.row))], Array.from({ length: plan.rows }, (_, i) => i + 1));
    }),
  );
});
