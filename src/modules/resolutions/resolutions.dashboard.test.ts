// The roll-up as a pure function: one row per unit for a shared indicator (the target of the unit's most recent
// resolution), the aggregate over units, the periods the units' figures are for, units known only by their tasks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRollup } from './resolutions.dashboard.js';
import { periodsWithin } from './resolutions.report.js';
import type { Aggregation } from './resolutions.rules.js';
import type { TaskCount } from './resolutions.store.js';

const TODAY = '2027-02-10';
let nextId = 1;

function target(orgId: number, code: string | null, o: { resolutionId?: number; adoptedOn?: string; position?: number; value?: number; period?: string; targetValue?: number; aggregation?: Aggregation } = {}) {
  const period = o.period ?? '2026';
  return {
    id: nextId++,
    resolutionId: o.resolutionId ?? orgId * 10,
    orgId,
    position: o.position ?? 1,
    name: `Chỉ tiêu ${code}`,
    unit: '%',
    direction: 'at_least' as const,
    area: 'economy' as const,
    responsibleBody: null,
    indicatorCode: code,
    aggregation: o.aggregation ?? ('share_meeting' as Aggregation),
    baselineValue: null,
    baselineDate: null,
    targetValue: o.targetValue ?? 80,
    deadline: '2030-12-31',
    yearly: false,
    milestones: [],
    tolerance: 0,
    sourceQuote: null,
    latest: o.value === undefined ? null : { period, asOf: period.length === 4 ? `${period}-12-31` : '2026-09-30', value: o.value },
    orgName: `Đơn vị ${orgId}`,
    orgPath: `/1/${orgId}/`,
    resolutionAdoptedOn: o.adoptedOn ?? '2025-07-26',
  };
}

describe('roll-up over the units below an organisation', () => {
  test('a unit with two targets of one code counts once: the target of its most recent resolution', () => {
    const roll = buildRollup(
      [
        target(2, 'DVC', { resolutionId: 20, adoptedOn: '2025-07-01', value: 95 }),
        target(2, 'DVC', { resolutionId: 21, adoptedOn: '2025-09-01', value: 70 }),
        target(3, 'DVC', { value: 85 }),
      ],
      [],
      TODAY,
    );
    const dvc = roll.indicator!;
    assert.equal(dvc.aggregate.unitsTotal, 2);
    assert.equal(dvc.aggregate.unitsMeeting, 1, 'unit 2 is judged on its newer resolution (70 < 80), not the older (95)');
    assert.equal(dvc.aggregate.value, 0.5);
    assert.deepEqual(dvc.units.map((u) => [u.orgId, u.value]), [[3, 85], [2, 70]]);
    assert.equal(roll.summary.units, 2);
    assert.equal(roll.summary.targets, 3, 'the ranking still counts every target of a unit');
    assert.equal(roll.units.find((u) => u.orgId === 2)!.targets, 2);
  });

  test('same adoption date: the later recorded resolution; one resolution: its first target with the code', () => {
    const later = buildRollup([target(2, 'X', { resolutionId: 21, value: 10 }), target(2, 'X', { resolutionId: 20, value: 90 })], [], TODAY);
    assert.deepEqual(later.indicator!.units.map((u) => u.value), [10]);
    const one = buildRollup([target(2, 'X', { position: 3, value: 10 }), target(2, 'X', { position: 1, value: 90 })], [], TODAY);
    assert.deepEqual(one.indicator!.units.map((u) => u.value), [90]);
  });

  test('sum and average are over units, one figure each', () => {
    const sum = buildRollup(
      [
        target(2, 'THU', { aggregation: 'sum', resolutionId: 20, adoptedOn: '2025-07-01', value: 300 }),
        target(2, 'THU', { aggregation: 'sum', resolutionId: 21, adoptedOn: '2025-09-01', value: 100 }),
        target(3, 'THU', { aggregation: 'sum', value: 50 }),
        target(4, 'THU', { aggregation: 'sum' }),
      ],
      [],
      TODAY,
    );
    assert.deepEqual(sum.indicator!.aggregate, { kind: 'sum', value: 150, unitsTotal: 3, unitsReporting: 2, unitsMeeting: 1 });
    const avg = buildRollup([target(2, 'TB', { aggregation: 'average', value: 60 }), target(2, 'TB', { aggregation: 'average', resolutionId: 19, adoptedOn: '2024-01-01', value: 0 }), target(3, 'TB', { aggregation: 'average', value: 90 })], [], TODAY);
    assert.equal(avg.indicator!.aggregate.value, 75);
  });

  test('units whose latest figures are for different periods: each unit its latest, and the periods listed', () => {
    const roll = buildRollup([target(2, 'DVC', { value: 70, period: '2026' }), target(3, 'DVC', { value: 85, period: '2026-Q3' }), target(4, 'DVC', { value: 90, period: '2026' }), target(5, 'DVC')], [], TODAY);
    const dvc = roll.indicator!;
    assert.deepEqual(dvc.periods, [{ period: '2026', units: 2 }, { period: '2026-Q3', units: 1 }]);
    assert.deepEqual(Object.fromEntries(dvc.units.map((u) => [u.orgId, u.period])), { 2: '2026', 3: '2026-Q3', 4: '2026', 5: null });
    assert.deepEqual([dvc.aggregate.unitsMeeting, dvc.aggregate.unitsReporting, dvc.aggregate.unitsTotal], [2, 3, 4]);
    assert.deepEqual(roll.indicators[0].periods, dvc.periods);
    const same = buildRollup([target(2, 'DVC', { value: 70 }), target(3, 'DVC', { value: 85 })], [], TODAY);
    assert.equal(same.indicator!.periods.length, 1);
  });

  test('the indicator asked for, else the most widely shared; every indicator summarised', () => {
    const rows = [target(2, 'A', { value: 1 }), target(3, 'A', { value: 1 }), target(2, 'B', { value: 1 })];
    assert.equal(buildRollup(rows, [], TODAY).indicator!.code, 'A');
    assert.equal(buildRollup(rows, [], TODAY, { indicator: 'B' }).indicator!.code, 'B');
    assert.deepEqual(buildRollup(rows, [], TODAY).indicators.map((i) => [i.code, i.aggregate.unitsTotal]), [['A', 2], ['B', 1]]);
    assert.equal(buildRollup([target(2, null, { value: 1 })], [], TODAY).indicator, null);
  });

  test('a unit that owns tasks but has no targets is listed with its tasks', () => {
    const counts: TaskCount[] = [
      { orgId: 2, orgName: 'Đơn vị 2', status: 'done', count: 3, late: 0 },
      { orgId: 7, orgName: 'Chi bộ 7', status: 'in_progress', count: 2, late: 1 },
    ];
    const roll = buildRollup([target(2, 'X', { value: 90 })], counts, TODAY);
    assert.deepEqual(roll.units.map((u) => [u.name, u.targets, u.status, u.tasks]), [
      ['Đơn vị 2', 1, 'met', { total: 3, done: 3, overdue: 0 }],
      ['Chi bộ 7', 0, 'no_data', { total: 2, done: 0, overdue: 1 }],
    ]);
    assert.deepEqual(roll.summary.tasks, { total: 5, done: 3, overdue: 1 });
    assert.equal(roll.summary.units, 2);
  });
});

describe('the periods a report uses', () => {
  test('a year: itself and its quarters; a quarter: itself', () => {
    assert.deepEqual(periodsWithin('2026'), ['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    assert.deepEqual(periodsWithin('2026-Q3'), ['2026-Q3']);
  });
});
