import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  aggregateIndicator,
  comparePeriods,
  correctionNeedsReason,
  countStatuses,
  doneNeedsEvidence,
  expectedValueAt,
  isTargetMet,
  isTaskAtRisk,
  isTaskOverdue,
  isValidPeriod,
  periodEnd,
  rankUnits,
  rankRollupUnits,
  targetRemovalProblem,
  taskRemovalProblem,
  validateFigureSource,
  validateFigurePeriod,
  figureYears,
  validateAdoption,
  indicatorClash,
  indicatorDefinitions,
  type TaskStatus,
  rollupUnitStatus,
  targetProgress,
  trackStatus,
  validateFigureValue,
  validateTarget,
  validateTask,
  DIRECTIONS,
  type Direction,
  type TargetSpec,
  type TrackStatus,
} from './resolutions.rules.js';

// Thanh Miếu (seed 003): budget revenue 410,6 tỷ đồng in 2025 → above 632 tỷ đồng by 2030
const revenue: TargetSpec = { direction: 'at_least', targetValue: 632, deadline: '2030-12-31', baselineValue: 410.6, baselineDate: '2025-12-31' };
// online dossiers: 80% by 2030 (baseline assumed 40% in 2025)
const online: TargetSpec = { direction: 'reach_by', targetValue: 80, deadline: '2030-12-31', baselineValue: 40, baselineDate: '2025-12-31' };
// near-poor households down from 0,35% to at most 0,1%
const poor: TargetSpec = { direction: 'at_most', targetValue: 0.1, deadline: '2030-12-31', baselineValue: 0.35, baselineDate: '2025-12-31' };
// Lạng Sơn (seed 004): every year at least 95% of members rated good or better, a threshold with no baseline
const rated: TargetSpec = { direction: 'at_least', targetValue: 95, deadline: '2030-12-31', baselineValue: null, baselineDate: null };
const povertyRate: TargetSpec = { direction: 'reach_by', targetValue: 1, deadline: '2030-12-31', baselineValue: 3, baselineDate: '2025-12-31' };
// Lạng Sơn-style yearly threshold with a baseline: at least 95% every year, 90% in 2025
const yearly95: TargetSpec = { direction: 'at_least', targetValue: 95, deadline: '2030-12-31', baselineValue: 90, baselineDate: '2025-12-31', yearly: true };
const exact: TargetSpec = { direction: 'exactly', targetValue: 12, deadline: '2030-12-31', baselineValue: 21, baselineDate: '2025-03-01', tolerance: 0 };

describe('targets: met and progress for every direction', () => {
  const cases: [string, TargetSpec, number, boolean, number][] = [
    ['at_least below', revenue, 521.3, false, 0.5],
    ['at_least at target', revenue, 632, true, 1],
    ['at_least above', revenue, 700, true, 1],
    ['at_least below baseline', revenue, 400, false, 0],
    ['at_least threshold, no baseline: from zero', rated, 47.5, false, 0.5],
    ['reach_by rising, half way', online, 60, false, 0.5],
    ['reach_by reached', online, 80, true, 1],
    ['reach_by falling', { ...online, baselineValue: 100, targetValue: 80 }, 90, false, 0.5],
    ['reach_by falling reached', { ...online, baselineValue: 100, targetValue: 80 }, 75, true, 1],
    ['at_most half way down', poor, 0.225, false, 0.5],
    ['at_most met', poor, 0.1, true, 1],
    ['at_most worse than baseline', poor, 0.5, false, 0],
    ['at_most with no baseline: share of the excess', { ...poor, baselineValue: null, baselineDate: null }, 0.2, false, 0.5],
    ['exactly met', exact, 12, true, 1],
    ['exactly half way', exact, 16.5, false, 0.5],
    ['exactly overshoot half way', exact, 7.5, false, 0.5],
    ['exactly with tolerance', { ...exact, tolerance: 0.5 }, 12.4, true, 1],
  ];
  for (const [name, spec, value, met, progress] of cases) {
    it(name, () => {
      assert.equal(isTargetMet(spec, value), met);
      assert.ok(Math.abs(targetProgress(spec, value) - progress) < 1e-9, `${targetProgress(spec, value)} ≠ ${progress}`);
    });
  }

  it('negative and zero targets: progress 1 only when met', () => {
    assert.equal(targetProgress({ direction: 'at_least', targetValue: -5, baselineValue: null }, -10), 0, 'a growth of at least -5% is not met by -10%');
    assert.equal(targetProgress({ direction: 'at_least', targetValue: -5, baselineValue: -20 }, -12.5), 0.5);
    assert.equal(targetProgress({ direction: 'at_most', targetValue: -5, baselineValue: null }, -1), 0);
    assert.equal(targetProgress({ direction: 'at_most', targetValue: 0, baselineValue: null }, 3), 0, 'no poor household left: 3 left is not there yet');
    assert.equal(targetProgress({ direction: 'at_most', targetValue: 0, baselineValue: 12 }, 3), 0.75);
    assert.equal(targetProgress({ direction: 'exactly', targetValue: 0, baselineValue: null }, 0.5), 0);
  });
});

// ---------- every direction × rising/falling × unit ----------

const UNITS = [
  { unit: '%', low: 40, high: 80 },
  { unit: 'tỷ đồng', low: 410.6, high: 632 },
  { unit: 'người', low: 1200, high: 1800 },
  { unit: 'hộ', low: 40, high: 120 },
  { unit: 'km', low: 12, high: 30 },
  { unit: 'công trình', low: 2, high: 7 },
];
type Way = 'rising' | 'falling';
const BASELINE_DATE = '2025-12-31';
const DEADLINE = '2029-12-31';
const specOf = (direction: Direction, way: Way, u: (typeof UNITS)[number], extra: Partial<TargetSpec> = {}): TargetSpec => ({
  direction,
  baselineValue: way === 'rising' ? u.low : u.high,
  baselineDate: BASELINE_DATE,
  targetValue: way === 'rising' ? u.high : u.low,
  deadline: DEADLINE,
  ...extra,
});
/** the value a fraction of the way from the baseline to the target (beyond it above 1, behind the baseline below 0) */
const along = (s: TargetSpec, f: number) => (f === 1 ? s.targetValue : f === 0 ? s.baselineValue! : s.baselineValue! + f * (s.targetValue - s.baselineValue!));
/** the baseline already meets a threshold lying beyond it on the good side: at least a lower value, at most a higher one */
const held = (d: Direction, way: Way) => (d === 'at_least' && way === 'falling') || (d === 'at_most' && way === 'rising');
/** the value that reaches a share of a held threshold from its bad side: at least share × target; at most target / share */
const slipped = (s: TargetSpec, share: number) => (s.direction === 'at_least' ? s.targetValue * share : s.targetValue / share);
const COMBOS = DIRECTIONS.flatMap((d) => (['rising', 'falling'] as const).map((way) => [d, way] as const));
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const noBaseline = { baselineValue: null, baselineDate: null };

describe('targets: progress for every direction, rising and falling, in every unit', () => {
  // [fraction of the way, met, progress] toward a target the baseline has not met
  const TOWARD: [number, boolean, number][] = [
    [-0.25, false, 0],
    [0, false, 0],
    [0.25, false, 0.25],
    [0.5, false, 0.5],
    [0.9, false, 0.9],
    [1, true, 1],
  ];
  for (const u of UNITS) {
    for (const [d, way] of COMBOS) {
      it(`${d} ${way}, ${u.unit}`, () => {
        const s = specOf(d, way, u);
        assert.deepEqual(validateTarget({ ...s, name: 'x', unit: u.unit }), [], 'a coherent target');
        if (held(d, way)) {
          for (const f of [-0.25, 0, 0.5, 1]) assert.deepEqual([isTargetMet(s, along(s, f)), targetProgress(s, along(s, f))], [true, 1], `f=${f}`);
          for (const share of [0.95, 0.5]) {
            assert.equal(isTargetMet(s, slipped(s, share)), false, `slipped to ${share}`);
            assert.ok(close(targetProgress(s, slipped(s, share)), share), `slipped to ${share}: ${targetProgress(s, slipped(s, share))}`);
          }
          return;
        }
        for (const [f, met, progress] of TOWARD) {
          const v = along(s, f);
          assert.equal(isTargetMet(s, v), met, `met at f=${f} (${v} ${u.unit})`);
          assert.ok(close(targetProgress(s, v), progress), `progress at f=${f} (${v} ${u.unit}): ${targetProgress(s, v)} ≠ ${progress}`);
        }
        // past the target: exactly misses by as much, the others are met
        const beyond = along(s, 1.25);
        assert.equal(isTargetMet(s, beyond), d !== 'exactly', `met at f=1.25 (${beyond})`);
        assert.ok(close(targetProgress(s, beyond), d === 'exactly' ? 0.75 : 1), `progress at f=1.25 (${beyond})`);
        // a tolerance of a tenth of the way: met from 0,9 of the way (and for exactly up to 1,1)
        const tolerant = { ...s, tolerance: Math.abs(s.targetValue - s.baselineValue!) / 10 };
        assert.equal(isTargetMet(tolerant, along(s, 0.95)), true, 'within the tolerance');
        assert.equal(isTargetMet(tolerant, along(s, 0.85)), false, 'outside the tolerance');
        assert.equal(isTargetMet(tolerant, along(s, 1.05)), true, 'within the tolerance beyond');
        assert.equal(isTargetMet(tolerant, along(s, 1.15)), d !== 'exactly', 'beyond the tolerance past the target');
      });
    }
  }

  it('a threshold with no baseline, in every unit: at least and exactly from zero, at most by the share of the value', () => {
    for (const u of UNITS) {
      const atLeast = specOf('at_least', 'rising', u, noBaseline);
      const atMost = specOf('at_most', 'falling', u, noBaseline);
      const exactly = specOf('exactly', 'rising', u, noBaseline);
      assert.ok(close(targetProgress(atLeast, u.high / 2), 0.5) && targetProgress(atLeast, u.high) === 1, u.unit);
      assert.ok(close(targetProgress(atMost, u.low * 2), 0.5) && targetProgress(atMost, u.low) === 1, u.unit);
      assert.ok(close(targetProgress(exactly, u.high * 0.75), 0.75) && close(targetProgress(exactly, u.high * 1.25), 0.75), u.unit);
      assert.deepEqual(
        validateTarget({ ...specOf('reach_by', 'rising', u, noBaseline), name: 'x', unit: u.unit }).map((p) => p.code),
        ['BASELINE_REQUIRED'],
        `reach_by needs a baseline (${u.unit})`,
      );
    }
  });

  it('only % is bounded: 0…100', () => {
    for (const u of UNITS) {
      const codes = validateTarget({ ...specOf('at_least', 'rising', u), targetValue: 120, name: 'x', unit: u.unit }).map((p) => p.code);
      assert.deepEqual(codes, u.unit === '%' ? ['PERCENT_OUT_OF_RANGE'] : [], u.unit);
      assert.equal(validateFigureValue(u.unit, 120)?.code ?? null, u.unit === '%' ? 'PERCENT_OUT_OF_RANGE' : null, u.unit);
    }
  });
});

describe('targets: on-track status for every direction, rising and falling, in every unit', () => {
  // the figure of 2027, two years into a four-year path (730 of 1461 days: 0,4997 of the way); read in mid-January 2028
  const at = (s: TargetSpec, asOf: string, value: number, today = '2028-01-15') => trackStatus(s, [{ asOf, value }], today).status;
  const TOWARD: [string, number, TrackStatus][] = [
    ['ahead of the line', 0.6, 'on_track'],
    ['on the line', 0.5, 'on_track'],
    ['a little behind', 0.45, 'at_risk'],
    ['far behind', 0.3, 'off_track'],
    ['not moved', 0, 'off_track'],
    ['the wrong way', -0.25, 'off_track'],
    ['met early', 1, 'met'],
  ];
  // a milestone of 0,8 of the way at the end of 2027, then the target at the end of 2029 (0,9001 of the way at the end of 2028)
  const MILESTONE: [string, number, TrackStatus][] = [
    ['2027-12-31', 0.85, 'on_track'],
    ['2027-12-31', 0.75, 'at_risk'],
    ['2027-12-31', 0.6, 'off_track'],
    ['2028-12-31', 0.91, 'on_track'],
    ['2028-12-31', 0.85, 'at_risk'],
    ['2028-12-31', 0.75, 'off_track'],
  ];
  for (const u of UNITS) {
    for (const [d, way] of COMBOS) {
      it(`${d} ${way}, ${u.unit}`, () => {
        const s = specOf(d, way, u);
        assert.equal(trackStatus(s, [], '2028-01-15').status, 'no_data');
        if (held(d, way)) {
          assert.equal(at(s, '2027-12-31', along(s, 0.3)), 'met');
          assert.equal(at(s, '2027-12-31', slipped(s, 0.95)), 'at_risk', 'slipped a little past the threshold');
          assert.equal(at(s, '2027-12-31', slipped(s, 0.5)), 'off_track', 'slipped far past the threshold');
          assert.equal(at(s, DEADLINE, slipped(s, 0.95), '2030-01-10'), 'missed');
          assert.equal(at(s, DEADLINE, along(s, 0.5), '2030-01-10'), 'met');
          return;
        }
        for (const [name, f, status] of TOWARD) assert.equal(at(s, '2027-12-31', along(s, f)), status, `${name} (f=${f}, ${along(s, f)} ${u.unit})`);
        assert.equal(at(s, DEADLINE, along(s, 0.9), '2030-01-10'), 'missed', 'short of the target at the deadline');
        assert.equal(at(s, '2029-06-30', along(s, 0.9), '2030-01-10'), 'missed', 'the deadline passed with no later figure');
        assert.equal(at(s, DEADLINE, along(s, 1), '2030-01-10'), 'met');
        const m = { ...s, milestones: [{ year: 2027, value: along(s, 0.8) }] };
        assert.deepEqual(validateTarget({ ...m, name: 'x', unit: u.unit }), []);
        for (const [asOf, f, status] of MILESTONE) assert.equal(at(m, asOf, along(s, f), '2029-01-15'), status, `milestone: ${asOf} f=${f}`);
      });
    }
  }

  it('a threshold with no baseline, in every unit: expected the whole time', () => {
    for (const u of UNITS) {
      const atLeast = specOf('at_least', 'rising', u, noBaseline);
      const atMost = specOf('at_most', 'falling', u, noBaseline);
      const exactly = specOf('exactly', 'rising', u, noBaseline);
      const cases: [TargetSpec, number, TrackStatus][] = [
        [atLeast, u.high, 'met'],
        [atLeast, u.high * 0.95, 'at_risk'],
        [atLeast, u.high * 0.5, 'off_track'],
        [atMost, u.low, 'met'],
        [atMost, u.low / 0.95, 'at_risk'],
        [atMost, u.low * 2, 'off_track'],
        [exactly, u.high, 'met'],
        [exactly, u.high * 0.95, 'at_risk'],
        [exactly, u.high * 1.05, 'at_risk'],
        [exactly, u.high * 0.5, 'off_track'],
      ];
      for (const [s, value, status] of cases) assert.equal(at(s, '2027-12-31', value), status, `${s.direction} ${value} ${u.unit}`);
      assert.equal(at(atLeast, DEADLINE, u.high * 0.95, '2030-01-10'), 'missed');
    }
  });
});

// ---------- invariants ----------

const num = fc.integer({ min: -1_000_000, max: 1_000_000 });
const specArb: fc.Arbitrary<TargetSpec> = fc.record({
  direction: fc.constantFrom(...DIRECTIONS),
  targetValue: num,
  baselineValue: fc.option(num, { nil: null }),
  tolerance: fc.integer({ min: 0, max: 10 }),
  baselineDate: fc.constant(BASELINE_DATE),
  deadline: fc.constant(DEADLINE),
});
/** whether a is as good as b for a target: as close to it for exactly, else as far in its direction (reach_by's from its baseline) */
const noWorse = (s: TargetSpec, a: number, b: number) => {
  if (s.direction === 'exactly') return Math.abs(a - s.targetValue) <= Math.abs(b - s.targetValue);
  const up = s.direction === 'at_least' || (s.direction === 'reach_by' && (s.baselineValue === null || s.baselineValue <= s.targetValue));
  return up ? a >= b : a <= b;
};
const dayAfter = (days: number) => new Date(Date.parse(`${BASELINE_DATE}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('targets: invariants of progress and status, for every direction', () => {
  it('property: progress lies in [0, 1], and is 1 exactly when the target is met', () => {
    fc.assert(
      fc.property(specArb, num, (s, v) => {
        const p = targetProgress(s, v);
        assert.ok(p >= 0 && p <= 1, String(p));
        assert.equal(p === 1, isTargetMet(s, v), `progress ${p}, met ${isTargetMet(s, v)}`);
      }),
      { numRuns: 2000 },
    );
    // any doubles: never outside [0, 1], never NaN
    const double = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom(...DIRECTIONS), double, fc.option(double, { nil: null }), double, (direction, targetValue, baselineValue, v) => {
        const p = targetProgress({ direction, targetValue, baselineValue }, v);
        assert.ok(p >= 0 && p <= 1, String(p));
      }),
    );
  });

  it('property: a value no worse than another never has less progress', () => {
    fc.assert(
      fc.property(specArb, num, num, (s, a, b) => {
        const [better, worse] = noWorse(s, a, b) ? [a, b] : [b, a];
        assert.ok(targetProgress(s, better) >= targetProgress(s, worse), `${better} vs ${worse}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: units do not matter: scaling baseline, target, tolerance, milestones and figure keeps progress and status', () => {
    // powers of two scale floating point exactly, so the results must be equal, not merely close
    fc.assert(
      fc.property(specArb, num, fc.integer({ min: 1, max: 1460 }), fc.constantFrom(1 / 1024, 1 / 8, 2, 1024), fc.option(num, { nil: null }), (s, v, days, k, milestone) => {
        const spec: TargetSpec = { ...s, baselineDate: s.baselineValue === null ? null : BASELINE_DATE, milestones: milestone === null ? [] : [{ year: 2027, value: milestone }] };
        const scaled: TargetSpec = {
          ...spec,
          targetValue: spec.targetValue * k,
          baselineValue: spec.baselineValue === null ? null : spec.baselineValue * k,
          tolerance: (spec.tolerance ?? 0) * k,
          milestones: spec.milestones!.map((m) => ({ ...m, value: m.value * k })),
        };
        assert.equal(targetProgress(scaled, v * k), targetProgress(spec, v));
        const asOf = dayAfter(days);
        assert.equal(trackStatus(scaled, [{ asOf, value: v * k }], asOf).status, trackStatus(spec, [{ asOf, value: v }], asOf).status);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a figure on the path or better is never behind; met and missed mean what they say', () => {
    fc.assert(
      fc.property(specArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1460 }), fc.integer({ min: 0, max: 2000 }), (s, better, days, late) => {
        fc.pre(s.baselineValue !== null && s.baselineValue !== s.targetValue);
        const asOf = dayAfter(days);
        const expected = expectedValueAt(s, asOf)!;
        // with no milestones the path runs straight from the baseline to the target
        assert.ok(expected >= Math.min(s.baselineValue!, s.targetValue) - 1e-6 && expected <= Math.max(s.baselineValue!, s.targetValue) + 1e-6);
        const value = expected + Math.sign(s.targetValue - expected) * Math.min(better, Math.abs(s.targetValue - expected));
        const status = trackStatus(s, [{ asOf, value }], asOf).status;
        assert.ok(status === 'on_track' || status === 'met', `${status}: ${value} on ${asOf}, expected ${expected}`);
        const today = dayAfter(days + late);
        const later = trackStatus(s, [{ asOf, value }], today).status;
        assert.equal(later === 'met', isTargetMet(s, value));
        assert.equal(later === 'missed', !isTargetMet(s, value) && today > s.deadline);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('targets: the expected path and on-track status', () => {
  it('linear from baseline to target', () => {
    assert.equal(expectedValueAt(online, '2025-12-31'), 40);
    assert.equal(expectedValueAt(online, '2030-12-31'), 80);
    const mid = expectedValueAt(online, '2028-07-01')!;
    assert.ok(Math.abs(mid - 60) < 0.05, String(mid));
    assert.equal(expectedValueAt(online, '2020-01-01'), 40);
    assert.equal(expectedValueAt(online, '2035-01-01'), 80);
    assert.equal(expectedValueAt(rated, '2027-01-01'), null);
  });

  it('through yearly milestones', () => {
    const s = { ...online, milestones: [{ year: 2026, value: 60 }, { year: 2028, value: 70 }] };
    assert.equal(expectedValueAt(s, '2026-12-31'), 60);
    assert.equal(expectedValueAt(s, '2028-12-31'), 70);
    assert.ok(Math.abs(expectedValueAt(s, '2027-12-31')! - 65) < 0.05);
  });

  const at = (asOf: string, value: number) => [{ asOf, value }];
  const cases: [string, TargetSpec, { asOf: string; value: number }[], string, string][] = [
    ['no figures', online, [], '2027-01-01', 'no_data'],
    ['ahead of the line', online, at('2026-12-31', 50), '2027-01-10', 'on_track'],
    ['on the line', online, at('2026-12-31', 48), '2027-01-10', 'on_track'],
    ['a little behind', online, at('2026-12-31', 46), '2027-01-10', 'at_risk'],
    ['far behind', online, at('2026-12-31', 41), '2027-01-10', 'off_track'],
    ['met early', online, at('2027-12-31', 81), '2028-01-10', 'met'],
    ['missed after the deadline', online, at('2030-12-31', 70), '2031-01-10', 'missed'],
    ['behind the milestone', { ...online, milestones: [{ year: 2026, value: 60 }] }, at('2026-12-31', 50), '2027-01-10', 'off_track'],
    ['threshold met this year', rated, at('2026-12-31', 96), '2027-01-10', 'met'],
    ['threshold just missed: at risk', rated, at('2026-12-31', 94), '2027-01-10', 'at_risk'],
    ['threshold far below', rated, at('2026-12-31', 70), '2027-01-10', 'off_track'],
    ['at_most going down on time', poor, at('2026-12-31', 0.3), '2027-01-10', 'on_track'],
    ['at_most going down too slowly', poor, at('2026-12-31', 0.32), '2027-01-10', 'at_risk'],
    ['at_most not going down', poor, at('2026-12-31', 0.35), '2027-01-10', 'off_track'],
    ['at_most going up', poor, at('2026-12-31', 0.5), '2027-01-10', 'off_track'],
    // 21 units merged down to exactly 12 between March 2025 and 2030; the multidimensional poverty rate from 3% down to 1%
    ['exactly: on the way down (16,6 expected)', exact, at('2027-12-31', 16), '2028-01-10', 'on_track'],
    ['exactly: a little behind on the way down', exact, at('2027-12-31', 17), '2028-01-10', 'at_risk'],
    ['exactly: behind on the way down', exact, at('2027-12-31', 19), '2028-01-10', 'off_track'],
    ['exactly: reached', exact, at('2027-12-31', 12), '2028-01-10', 'met'],
    ['exactly: not reached at the deadline', exact, at('2030-12-31', 13), '2031-01-10', 'missed'],
    ['reach_by falling: on the way down', povertyRate, at('2027-12-31', 2.1), '2028-01-10', 'on_track'],
    ['reach_by falling: a little behind', povertyRate, at('2027-12-31', 2.4), '2028-01-10', 'at_risk'],
    ['reach_by falling: going up', povertyRate, at('2027-12-31', 3.2), '2028-01-10', 'off_track'],
    ['reach_by falling: reached early', povertyRate, at('2028-12-31', 0.9), '2029-01-10', 'met'],
    ['the latest figure counts', online, [{ asOf: '2026-12-31', value: 41 }, { asOf: '2026-03-31', value: 80 }], '2027-01-10', 'off_track'],
    // a figure is judged at its own date until the next one is due (a year and a quarter later), then at today less that
    ['on the line, the next figure not yet due', online, at('2026-12-31', 48), '2028-03-31', 'on_track'],
    ['on the line in 2026, no report since, read mid-2028', online, at('2026-12-31', 48), '2028-06-30', 'at_risk'],
    ['on the line in 2026, no report since, read in June 2030', online, at('2026-12-31', 48), '2030-06-15', 'off_track'],
    ['a stale figure that met the target stays met', online, at('2026-12-31', 80), '2030-06-15', 'met'],
    // "hằng năm trên 95%" from 90% in 2025: a threshold every year, not a path from 90 to 95
    ['yearly: below the threshold is behind, whatever the line from the baseline', yearly95, at('2026-12-31', 91), '2027-01-10', 'off_track'],
    ['not yearly: the same figure is on the line from the baseline', { ...yearly95, yearly: false }, at('2026-12-31', 91), '2027-01-10', 'on_track'],
    ['yearly: just below the threshold', yearly95, at('2026-12-31', 94.6), '2027-01-10', 'at_risk'],
    ['yearly: meets it this year, the term not over', yearly95, at('2026-12-31', 96), '2027-01-10', 'on_track'],
    ['yearly: met in the last year of the term', yearly95, at('2030-12-31', 96), '2031-01-10', 'met'],
    ['yearly: the last year below it', yearly95, at('2030-12-31', 91), '2031-01-10', 'missed'],
    ['yearly: met in 2026, no report for 2027 by mid-2028', yearly95, at('2026-12-31', 96), '2028-06-30', 'at_risk'],
  ];
  for (const [name, spec, figures, today, status] of cases) {
    it(name, () => assert.equal(trackStatus(spec, figures, today).status, status));
  }

  it('a stale figure is flagged and judged against the path of today less the grace', () => {
    const fresh = trackStatus(online, at('2026-12-31', 48), '2027-06-30');
    assert.equal(fresh.stale, false);
    assert.ok(Math.abs(fresh.expected! - 48) < 0.01);
    const old = trackStatus(online, at('2026-12-31', 48), '2030-06-15');
    assert.equal(old.stale, true);
    assert.ok(Math.abs(old.expected! - expectedValueAt(online, '2029-03-16')!) < 1e-9, String(old.expected));
    assert.equal(expectedValueAt(yearly95, '2027-06-30'), 95, 'a yearly threshold is expected at its value every year');
  });
});

describe('target validation', () => {
  it('reports every problem', () => {
    const codes = validateTarget({
      name: ' ',
      unit: '',
      direction: 'reach_by',
      targetValue: 5,
      deadline: '2030-02-30',
      baselineValue: null,
      baselineDate: '2025-12-31',
      milestones: [{ year: 2024, value: 1 }, { year: 2024, value: 2 }],
    }).map((p) => p.code);
    assert.deepEqual(codes.sort(), ['BASELINE_INCOMPLETE', 'BASELINE_REQUIRED', 'DEADLINE_INVALID', 'MILESTONE_DUPLICATE', 'MILESTONE_OUTSIDE_TERM', 'MILESTONE_OUTSIDE_TERM', 'NAME_REQUIRED', 'UNIT_REQUIRED'].sort());
    assert.deepEqual(validateTarget({ ...revenue, name: 'Thu ngân sách', unit: 'tỷ đồng', deadline: '2025-01-01' }).map((p) => p.code), ['DEADLINE_BEFORE_BASELINE']);
  });

  it('figures: % between 0 and 100; corrections need a reason', () => {
    assert.equal(validateFigureValue('%', 101)?.code, 'PERCENT_OUT_OF_RANGE');
    assert.equal(validateFigureValue('tỷ đồng', 15219), null);
    assert.equal(validateFigureValue('hộ', Number.NaN)?.code, 'FIGURE_INVALID');
    assert.equal(correctionNeedsReason(null, null), null);
    assert.equal(correctionNeedsReason({ value: 1 }, '  ')?.code, 'CORRECTION_REASON_REQUIRED');
    assert.equal(correctionNeedsReason({ value: 1 }, 'Số liệu thống kê chính thức'), null);
  });

  it('periods: years and quarters', () => {
    assert.equal(periodEnd('2026'), '2026-12-31');
    assert.equal(periodEnd('2026-Q1'), '2026-03-31');
    assert.equal(periodEnd('2026-Q3'), '2026-09-30');
    for (const bad of ['2026-Q5', '26', '2026-Q', 'năm 2026', '1800']) assert.equal(isValidPeriod(bad), false, bad);
    assert.deepEqual(['2027', '2026-Q4', '2026', '2026-Q1'].sort(comparePeriods), ['2026-Q1', '2026-Q4', '2026', '2027']);
  });
});

describe('tasks', () => {
  const task = (status: 'not_started' | 'in_progress' | 'done' | 'cancelled', dueOn: string, startOn: string | null = null) => ({ status, dueOn, startOn });
  const cases: [string, ReturnType<typeof task>, boolean, boolean][] = [
    ['open, due yesterday', task('in_progress', '2026-11-19'), true, false],
    ['done late is not overdue', task('done', '2026-11-19'), false, false],
    ['cancelled is never flagged', task('cancelled', '2026-01-01'), false, false],
    ['due today: at risk, not overdue', task('in_progress', '2026-11-20'), false, true],
    ['due in 14 days: at risk', task('not_started', '2026-12-04'), false, true],
    ['due in 15 days: fine', task('in_progress', '2026-12-05'), false, false],
    ['not started though it should have', task('not_started', '2027-06-30', '2026-10-01'), false, true],
    ['started on time', task('in_progress', '2027-06-30', '2026-10-01'), false, false],
  ];
  for (const [name, t, overdue, risk] of cases) {
    it(name, () => {
      assert.equal(isTaskOverdue(t, '2026-11-20'), overdue);
      assert.equal(isTaskAtRisk(t, '2026-11-20'), risk);
    });
  }

  it('"6 rõ": every part of a task is named', () => {
    const codes = validateTask({ title: '', ownerOrgId: null, responsiblePerson: '', expectedResult: ' ', startOn: '2026-05-01', dueOn: '2026-04-01' }).map((p) => p.code);
    assert.deepEqual(codes, ['TITLE_REQUIRED', 'LINK_REQUIRED', 'OWNER_REQUIRED', 'RESPONSIBLE_REQUIRED', 'RESULT_REQUIRED', 'DUE_BEFORE_START']);
    const whole = { title: 'Số hóa hồ sơ', ownerOrgId: 5, responsiblePerson: 'Đồng chí A', expectedResult: 'Xong', startOn: '2026-01-01', dueOn: '2026-06-30' };
    assert.deepEqual(validateTask({ ...whole, targetId: 3 }), []);
    assert.deepEqual(validateTask({ ...whole, elementId: 7 }), [], 'a breakthrough, key task or solution group is a link too');
    assert.deepEqual(validateTask({ ...whole, targetId: 3, startOn: null }).map((p) => p.code), ['START_REQUIRED'], 'the start date is its "rõ lộ trình"');
    assert.deepEqual(validateTask({ ...whole, targetId: 3, startOn: '2026-02-30' }).map((p) => p.code), ['START_INVALID']);
    assert.deepEqual(doneNeedsEvidence('done', ''), doneNeedsEvidence('done', null));
    assert.equal(doneNeedsEvidence('done', '')?.code, 'EVIDENCE_REQUIRED');
    assert.equal(doneNeedsEvidence('done', 'https://example.org/qd-12')?.code ?? null, null);
    assert.equal(doneNeedsEvidence('in_progress', null), null);
    assert.equal(doneNeedsEvidence('done', null, 1), null, 'an uploaded evidence document is evidence');
    assert.equal(doneNeedsEvidence('done', ' ', 0)?.code, 'EVIDENCE_REQUIRED');
  });
});

describe('removing what was entered by mistake', () => {
  const cases: [string, { figures: number; tasks: number }, string | null][] = [
    ['nothing hangs on it', { figures: 0, tasks: 0 }, null],
    ['figures reported: the record stays', { figures: 1, tasks: 0 }, 'TARGET_HAS_FIGURES'],
    ['tasks carry it out', { figures: 0, tasks: 2 }, 'TARGET_HAS_TASKS'],
    ['both: the figures are named first', { figures: 3, tasks: 2 }, 'TARGET_HAS_FIGURES'],
  ];
  for (const [name, t, code] of cases) it(`a target: ${name}`, () => assert.equal(targetRemovalProblem(t)?.code ?? null, code));
  const tasks: [string, TaskStatus, string | null, string | null][] = [
    ['not started, no evidence', 'not_started', null, null],
    ['not started, blank evidence', 'not_started', '  ', null],
    ['in progress', 'in_progress', null, 'TASK_HAS_PROGRESS'],
    ['done', 'done', 'QĐ 12', 'TASK_HAS_PROGRESS'],
    ['cancelled', 'cancelled', null, 'TASK_HAS_PROGRESS'],
    ['not started with evidence', 'not_started', 'Kế hoạch 5-KH/ĐU', 'TASK_HAS_PROGRESS'],
  ];
  for (const [name, status, evidence, code] of tasks) it(`a task: ${name}`, () => assert.equal(taskRemovalProblem({ status, evidence })?.code ?? null, code));
  it('a task not started but with an evidence document', () => assert.equal(taskRemovalProblem({ status: 'not_started', evidence: null, evidenceFiles: 1 })?.code, 'TASK_HAS_PROGRESS'));
});

describe('figures: source, period, adoption date', () => {
  it('a source is more than blanks', () => {
    assert.equal(validateFigureSource('   ')?.code, 'FIGURE_SOURCE_REQUIRED');
    assert.equal(validateFigureSource(' Báo cáo KT-XH '), null);
  });
  it("a figure's period lies in the target's years", () => {
    const years = figureYears({ baselineDate: '2024-12-31', deadline: '2030-12-31' }, { termStart: 2025, termEnd: 2030 });
    assert.deepEqual(years, { from: 2024, to: 2030 });
    assert.deepEqual(figureYears({ baselineDate: null, deadline: '2035-12-31' }, { termStart: 2025, termEnd: 2030 }), { from: 2025, to: 2035 });
    for (const [period, ok] of [['1930', false], ['2023-Q4', false], ['2024', true], ['2027-Q2', true], ['2030-Q4', true], ['2031', false]] as const) {
      assert.equal(validateFigurePeriod(period, years) === null, ok, period);
    }
  });
  it('a resolution is adopted on a day that exists, in its term or the year before', () => {
    const codes = (adoptedOn: string, termStart = 2025, termEnd = 2030) => validateAdoption({ adoptedOn, termStart, termEnd }).map((p) => p.code);
    assert.deepEqual(codes('2025-07-26'), []);
    assert.deepEqual(codes('2024-12-20'), []);
    assert.deepEqual(codes('2025-02-30'), ['ADOPTED_ON_INVALID']);
    assert.deepEqual(codes('2023-12-31'), ['ADOPTED_OUTSIDE_TERM']);
    assert.deepEqual(codes('2031-01-01'), ['ADOPTED_OUTSIDE_TERM']);
    assert.deepEqual(codes('2025-07-26', 2030, 2025), ['TERM_INVALID', 'ADOPTED_OUTSIDE_TERM']);
  });
});

describe('indicator codes: one unit and aggregation each', () => {
  it('a target agrees with the code, or is refused naming what differs', () => {
    const def = { unit: 'tỷ đồng', aggregation: 'sum' as const };
    assert.equal(indicatorClash('THU', null, { unit: '%', aggregation: 'average' }), null, 'a new code');
    assert.equal(indicatorClash('THU', def, { unit: ' Tỷ  đồng ', aggregation: 'sum' }), null, 'the same unit written differently');
    assert.equal(indicatorClash('THU', def, { unit: '%', aggregation: 'sum' })?.field, 'unit');
    assert.equal(indicatorClash('THU', def, { unit: 'tỷ đồng', aggregation: 'average' })?.field, 'aggregation');
    assert.match(indicatorClash('THU', def, { unit: '%', aggregation: 'average' })!.message, /THU đã dùng với đơn vị tính "tỷ đồng" và cách tổng hợp "cộng tổng"/);
    assert.deepEqual(indicatorDefinitions([def, { unit: 'Tỷ đồng', aggregation: 'sum' }, { unit: '%', aggregation: 'average' }]), [def, { unit: '%', aggregation: 'average' }]);
  });
});

describe('aggregation across units sharing an indicator', () => {
  const units = [
    { value: 80, met: true },
    { value: 60, met: false },
    { value: null, met: false },
    { value: 85, met: true },
  ];
  it('sum, average and share meeting', () => {
    assert.deepEqual(aggregateIndicator('sum', units), { kind: 'sum', value: 225, unitsTotal: 4, unitsReporting: 3, unitsMeeting: 2 });
    assert.equal(aggregateIndicator('average', units).value, 75);
    assert.equal(aggregateIndicator('share_meeting', units).value, 0.5);
    assert.equal(aggregateIndicator('average', []).value, null);
    assert.equal(aggregateIndicator('share_meeting', [{ value: null, met: true }]).value, 0, 'a unit that did not report does not meet');
  });

  const unitArb = fc.array(fc.record({ value: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }), met: fc.boolean() }), { maxLength: 60 });
  it('property: sum equals a naive recount; average lies between min and max; share in [0, 1]', () => {
    fc.assert(
      fc.property(unitArb, (us) => {
        const values = us.flatMap((u) => (u.value === null ? [] : [u.value]));
        let naive = 0;
        for (const v of values) naive += v;
        const sum = aggregateIndicator('sum', us).value;
        assert.equal(sum, values.length ? naive : null);
        const avg = aggregateIndicator('average', us).value;
        if (values.length) assert.ok(avg! >= Math.min(...values) - 1e-9 && avg! <= Math.max(...values) + 1e-9);
        const share = aggregateIndicator('share_meeting', us);
        if (us.length) assert.ok(share.value! >= 0 && share.value! <= 1);
        assert.equal(share.unitsMeeting, us.filter((u) => u.met && u.value !== null).length);
      }),
    );
  });

  it('counts statuses and ranks units best first', () => {
    assert.equal(countStatuses(['met', 'met', 'at_risk']).met, 2);
    const ranked = rankUnits([
      { name: 'B', status: 'off_track' as const, progress: 0.2 },
      { name: 'A', status: 'on_track' as const, progress: 0.4 },
      { name: 'C', status: 'on_track' as const, progress: 0.9 },
      { name: 'D', status: 'no_data' as const, progress: null },
    ]);
    assert.deepEqual(ranked.map((r) => r.name), ['C', 'A', 'B', 'D']);
  });

  it('roll-up units: a missing figure is worse than at risk; a unit that reported nothing comes last', () => {
    const s = (o: Partial<Record<TrackStatus, number>>) => ({ ...countStatuses([]), ...o });
    const cases: [Partial<Record<TrackStatus, number>>, TrackStatus][] = [
      [{ met: 1, no_data: 6 }, 'no_data'],
      [{ met: 3, at_risk: 1 }, 'at_risk'],
      [{ at_risk: 1, no_data: 1 }, 'no_data'],
      [{ off_track: 1, no_data: 5 }, 'off_track'],
      [{ missed: 1, off_track: 1 }, 'missed'],
      [{}, 'no_data'],
      [{ met: 2 }, 'met'],
    ];
    for (const [statuses, status] of cases) assert.equal(rollupUnitStatus(s(statuses)), status, JSON.stringify(statuses));
    const ranked = rankRollupUnits([
      { name: 'silent', status: 'no_data' as const, progress: null, reported: 0 },
      { name: 'missed', status: 'missed' as const, progress: 0.3, reported: 4 },
      { name: 'partial', status: 'no_data' as const, progress: 0.14, reported: 1 },
      { name: 'risk', status: 'at_risk' as const, progress: 0.6, reported: 4 },
      { name: 'behind', status: 'off_track' as const, progress: 0.5, reported: 4 },
      { name: 'good', status: 'on_track' as const, progress: 0.7, reported: 4 },
    ]);
    assert.deepEqual(ranked.map((r) => r.name), ['good', 'risk', 'partial', 'behind', 'missed', 'silent']);
  });
});
