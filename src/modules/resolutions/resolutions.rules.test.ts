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
  targetProgress,
  trackStatus,
  validateFigureValue,
  validateTarget,
  validateTask,
  type TargetSpec,
} from './resolutions.rules.js';

// Thanh Miếu (seed 003): budget revenue 410,6 tỷ đồng in 2025 → above 632 tỷ đồng by 2030
const revenue: TargetSpec = { direction: 'at_least', targetValue: 632, deadline: '2030-12-31', baselineValue: 410.6, baselineDate: '2025-12-31' };
// online dossiers: 80% by 2030 (baseline assumed 40% in 2025)
const online: TargetSpec = { direction: 'reach_by', targetValue: 80, deadline: '2030-12-31', baselineValue: 40, baselineDate: '2025-12-31' };
// near-poor households down from 0,35% to at most 0,1%
const poor: TargetSpec = { direction: 'at_most', targetValue: 0.1, deadline: '2030-12-31', baselineValue: 0.35, baselineDate: '2025-12-31' };
// Lạng Sơn (seed 004): every year at least 95% of members rated good or better, a threshold with no baseline
const rated: TargetSpec = { direction: 'at_least', targetValue: 95, deadline: '2030-12-31', baselineValue: null, baselineDate: null };
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

  it('units do not change the arithmetic: tỷ đồng, %, hộ, người', () => {
    for (const unit of ['tỷ đồng', '%', 'hộ', 'người']) {
      assert.deepEqual(validateTarget({ ...online, name: 'x', unit }), []);
    }
    assert.deepEqual(validateTarget({ ...online, name: 'x', unit: '%', targetValue: 120 }).map((p) => p.code), ['PERCENT_OUT_OF_RANGE']);
  });

  it('property: progress lies in [0, 1], and is 1 exactly when the target is met', () => {
    const spec = fc.record({
      direction: fc.constantFrom('at_least', 'at_most', 'exactly', 'reach_by') as fc.Arbitrary<TargetSpec['direction']>,
      targetValue: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      baselineValue: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
      tolerance: fc.double({ min: 0, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(spec, fc.double({ min: -1e6, max: 1e6, noNaN: true }), (s, v) => {
        const p = targetProgress(s, v);
        assert.ok(p >= 0 && p <= 1);
        assert.equal(p === 1, isTargetMet(s, v) || p === 1);
        if (isTargetMet(s, v)) assert.equal(p, 1);
      }),
    );
  });

  it('property: for an upward target, a higher value never has less progress', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (t, a, b) => {
        const s = { ...revenue, targetValue: t, baselineValue: null };
        const [lo, hi] = a < b ? [a, b] : [b, a];
        assert.ok(targetProgress(s, lo) <= targetProgress(s, hi) + 1e-12);
      }),
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
    ['the latest figure counts', online, [{ asOf: '2026-12-31', value: 41 }, { asOf: '2026-03-31', value: 80 }], '2027-01-10', 'off_track'],
  ];
  for (const [name, spec, figures, today, status] of cases) {
    it(name, () => assert.equal(trackStatus(spec, figures, today).status, status));
  }

  it('property: a figure on the expected path is never behind', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1820 }), (b, up, days) => {
        const s: TargetSpec = { direction: 'reach_by', baselineValue: b, baselineDate: '2025-12-31', targetValue: b + up, deadline: '2030-12-31' };
        const asOf = new Date(Date.parse('2025-12-31T00:00:00Z') + days * 86400_000).toISOString().slice(0, 10);
        const r = trackStatus(s, [{ asOf, value: expectedValueAt(s, asOf)! + 1e-6 }], asOf);
        assert.ok(r.status === 'on_track' || r.status === 'met', `${r.status} ${asOf}`);
      }),
    );
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
    assert.deepEqual(codes, ['TITLE_REQUIRED', 'OWNER_REQUIRED', 'RESPONSIBLE_REQUIRED', 'RESULT_REQUIRED', 'DUE_BEFORE_START']);
    assert.deepEqual(doneNeedsEvidence('done', ''), doneNeedsEvidence('done', null));
    assert.equal(doneNeedsEvidence('done', '')?.code, 'EVIDENCE_REQUIRED');
    assert.equal(doneNeedsEvidence('done', 'https://example.org/qd-12')?.code ?? null, null);
    assert.equal(doneNeedsEvidence('in_progress', null), null);
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
});
