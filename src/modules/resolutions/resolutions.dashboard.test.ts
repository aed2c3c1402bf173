// The roll-up as a pure function: one row per unit for a shared indicator (the target of the unit's most recent
// resolution), the aggregate over units, the periods the units' figures are for, units known only by their tasks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRollup, historyLine } from './resolutions.dashboard.js';
import { periodsWithin } from './resolutions.report.js';
import type { Aggregation } from './resolutions.rules.js';
import type { TaskCount } from './resolutions.store.js';

const TODAY = '2027-02-10';
const ROOT = { path: '/1/' };
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
      ROOT,
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
    const later = buildRollup([target(2, 'X', { resolutionId: 21, value: 10 }), target(2, 'X', { resolutionId: 20, value: 90 })], [], TODAY, ROOT);
    assert.deepEqual(later.indicator!.units.map((u) => u.value), [10]);
    const one = buildRollup([target(2, 'X', { position: 3, value: 10 }), target(2, 'X', { position: 1, value: 90 })], [], TODAY, ROOT);
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
      ROOT,
    );
    assert.deepEqual(sum.indicator!.aggregate, { kind: 'sum', value: 150, unitsTotal: 3, unitsReporting: 2, unitsMeeting: 1 });
    const avg = buildRollup([target(2, 'TB', { aggregation: 'average', value: 60 }), target(2, 'TB', { aggregation: 'average', resolutionId: 19, adoptedOn: '2024-01-01', value: 0 }), target(3, 'TB', { aggregation: 'average', value: 90 })], [], TODAY, ROOT);
    assert.equal(avg.indicator!.aggregate.value, 75);
  });

  test('units whose latest figures are for different periods: each unit its latest, and the periods listed', () => {
    const roll = buildRollup([target(2, 'DVC', { value: 70, period: '2026' }), target(3, 'DVC', { value: 85, period: '2026-Q3' }), target(4, 'DVC', { value: 90, period: '2026' }), target(5, 'DVC')], [], TODAY, ROOT);
    const dvc = roll.indicator!;
    assert.deepEqual(dvc.periods, [{ period: '2026', units: 2 }, { period: '2026-Q3', units: 1 }]);
    assert.deepEqual(Object.fromEntries(dvc.units.map((u) => [u.orgId, u.period])), { 2: '2026', 3: '2026-Q3', 4: '2026', 5: null });
    assert.deepEqual([dvc.aggregate.unitsMeeting, dvc.aggregate.unitsReporting, dvc.aggregate.unitsTotal], [2, 3, 4]);
    assert.deepEqual(roll.indicators[0].periods, dvc.periods);
    const same = buildRollup([target(2, 'DVC', { value: 70 }), target(3, 'DVC', { value: 85 })], [], TODAY, ROOT);
    assert.equal(same.indicator!.periods.length, 1);
  });

  test('the indicator asked for, else the most widely shared; every indicator summarised', () => {
    const rows = [target(2, 'A', { value: 1 }), target(3, 'A', { value: 1 }), target(2, 'B', { value: 1 })];
    assert.equal(buildRollup(rows, [], TODAY, ROOT).indicator!.code, 'A');
    assert.equal(buildRollup(rows, [], TODAY, { ...ROOT, indicator: 'B' }).indicator!.code, 'B');
    assert.deepEqual(buildRollup(rows, [], TODAY, ROOT).indicators.map((i) => [i.code, i.aggregate.unitsTotal]), [['A', 2], ['B', 1]]);
    assert.equal(buildRollup([target(2, null, { value: 1 })], [], TODAY, ROOT).indicator, null);
  });

  test('a unit that owns tasks but has no targets is listed with its tasks', () => {
    const counts: (TaskCount & { orgPath: string })[] = [
      { orgId: 2, orgName: 'Đơn vị 2', orgPath: '/1/2/', status: 'done', count: 3, late: 0 },
      { orgId: 7, orgName: 'Chi bộ 7', orgPath: '/1/7/', status: 'in_progress', count: 2, late: 1 },
    ];
    const roll = buildRollup([target(2, 'X', { value: 90 })], counts, TODAY, ROOT);
    assert.deepEqual(roll.units.map((u) => [u.name, u.targets, u.status, u.tasks]), [
      ['Đơn vị 2', 1, 'met', { total: 3, done: 3, overdue: 0 }],
      ['Chi bộ 7', 0, 'no_data', { total: 2, done: 0, overdue: 1 }],
    ]);
    assert.deepEqual(roll.summary.tasks, { total: 5, done: 3, overdue: 1 });
    assert.equal(roll.summary.units, 2);
  });
});

describe('roll-up by the units directly below, each with its subtree', () => {
  const at = (orgId: number, path: string, code: string | null, o: Parameters<typeof target>[2] = {}) => ({ ...target(orgId, code, o), orgPath: path, orgName: `Đơn vị ${orgId}` });
  const children = [
    { id: 2, name: 'Phường Hai', path: '/1/2/' },
    { id: 3, name: 'Phường Ba', path: '/1/3/' },
    { id: 4, name: 'Phường Bốn', path: '/1/4/' },
  ];

  test("a cell's targets and tasks count in its ward's row, and the ward says it has units below", () => {
    const roll = buildRollup(
      [at(2, '/1/2/', null, { value: 90 }), at(21, '/1/2/21/', null, { value: 90 }), at(22, '/1/2/22/', null), at(3, '/1/3/', null, { value: 90 }), at(31, '/1/3/31/', null, { value: 90 })],
      [{ orgId: 21, orgName: 'Chi bộ 21', orgPath: '/1/2/21/', status: 'done', count: 2, late: 0 }, { orgId: 41, orgName: 'Chi bộ 41', orgPath: '/1/4/41/', status: 'in_progress', count: 1, late: 1 }],
      TODAY,
      { path: '/1/', children },
    );
    assert.deepEqual(
      roll.units.map((u) => [u.orgId, u.name, u.targets, u.reported, u.subUnits, u.tasks.total]),
      [
        [3, 'Phường Ba', 2, 2, 1, 0],
        [2, 'Phường Hai', 3, 2, 2, 2],
        [4, 'Phường Bốn', 0, 0, 1, 1],
      ],
    );
    assert.equal(roll.summary.units, 3, 'three wards, not six units');
    assert.equal(roll.units[1].status, 'no_data', "the cell's target without a figure is the ward's too");
  });

  test('not reporting is not a pass: one target met and six without figures ranks below a unit behind on all', () => {
    const roll = buildRollup(
      [
        at(2, '/1/2/', null, { value: 90 }),
        ...[1, 2, 3, 4, 5, 6].map(() => at(2, '/1/2/', null)),
        at(3, '/1/3/', null, { value: 75 }),
        at(3, '/1/3/', null, { value: 76 }),
        at(4, '/1/4/', null),
      ],
      [],
      TODAY,
      { path: '/1/', children },
    );
    assert.deepEqual(roll.units.map((u) => [u.name, u.status, u.reported]), [
      ['Phường Ba', 'at_risk', 2],
      ['Phường Hai', 'no_data', 1],
      ['Phường Bốn', 'no_data', 0],
    ]);
    assert.ok(Math.abs(roll.units[1].progress! - 1 / 7) < 1e-9, 'a target without a figure counts 0 in the mean');
    assert.equal(roll.units[2].progress, null);
  });

  test("an indicator counts the topmost units carrying it: a cell under a ward that carries it is in the ward's figure", () => {
    const roll = buildRollup(
      [at(2, '/1/2/', 'DVC', { value: 85 }), at(21, '/1/2/21/', 'DVC', { value: 50 }), at(31, '/1/3/31/', 'DVC', { value: 90 }), at(32, '/1/3/32/', 'DVC', { value: 60 })],
      [],
      TODAY,
      { path: '/1/', children },
    );
    const dvc = roll.indicator!;
    assert.deepEqual(dvc.units.map((u) => u.orgId).sort(), [2, 31, 32]);
    assert.equal(dvc.covered, 1);
    assert.deepEqual([dvc.aggregate.unitsTotal, dvc.aggregate.unitsMeeting], [3, 2]);
  });
});

describe("a target's sparkline", () => {
  test('one point a date: a year stands for its fourth quarter; periods in order', () => {
    const line = historyLine([
      { period: '2026-Q4', value: 53 },
      { period: '2025', value: 41 },
      { period: '2026', value: 52 },
      { period: '2027-Q1', value: 54.5 },
      { period: '2026-Q3', value: 50 },
      { period: '2025-Q4', value: 40 },
    ]);
    assert.deepEqual(line.map((h) => `${h.period}=${h.value}`), ['2025=41', '2026-Q3=50', '2026=52', '2027-Q1=54.5']);
    assert.deepEqual(historyLine([{ period: '2027-Q4', value: 1 }]).map((h) => h.period), ['2027-Q4'], 'a fourth quarter with no year stays');
  });
});

describe('the periods a report uses', () => {
  test('a year: itself and its quarters; a quarter: itself', () => {
    assert.deepEqual(periodsWithin('2026'), ['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    assert.deepEqual(periodsWithin('2026-Q3'), ['2026-Q3']);
  });
});
