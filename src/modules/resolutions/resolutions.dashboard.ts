// Dashboards from stored rows: a unit's targets with status and history, and the roll-up over a subtree. Pure.
import { aggregateIndicator, comparePeriods, countStatuses, indicatorDefinitions, isTargetMet, rankUnits, taskFlag, trackStatus, type TaskStatus, type TrackResult, type TrackStatus } from './resolutions.rules.js';
import type { Target, Task, TaskCount } from './resolutions.store.js';

export function presentTarget(t: Target, history: { period: string; asOf: string; value: number }[], today: string) {
  const track = trackStatus(t, t.latest ? [{ asOf: t.latest.asOf, value: t.latest.value }] : [], today);
  return {
    ...t,
    status: track.status,
    progress: track.progress,
    expected: track.expected,
    stale: track.stale,
    history: history.map((h) => ({ period: h.period, value: h.value })),
  };
}
export type PresentedTarget = ReturnType<typeof presentTarget>;

export function presentTask(t: Task, today: string) {
  return { ...t, flag: taskFlag(t, today) };
}

export function tasksByStatus(tasks: { status: TaskStatus; flag: 'overdue' | 'at_risk' | null }[]) {
  const out = { not_started: 0, in_progress: 0, done: 0, cancelled: 0, overdue: 0, at_risk: 0 };
  for (const t of tasks) {
    out[t.status]++;
    if (t.flag) out[t.flag]++;
  }
  return out;
}

/** a unit's tasks by status, and how many open ones are overdue or at risk, from the aggregate counts of its tasks */
export function taskCountsByStatus(counts: readonly (Pick<TaskCount, 'status' | 'count' | 'late'> & { atRisk: number })[]) {
  const out = tasksByStatus([]);
  for (const c of counts) {
    out[c.status] += c.count;
    out.overdue += c.late;
    out.at_risk += c.atRisk;
  }
  return out;
}

interface RollupTarget extends Target {
  orgName: string;
  orgPath: string;
  /** the adoption date of the target's resolution */
  resolutionAdoptedOn: string;
}

export interface RollupUnit {
  orgId: number;
  name: string;
  targets: number;
  statuses: Record<TrackStatus, number>;
  /** mean progress of the unit's targets that have a figure */
  progress: number | null;
  /** the unit's overall status: its worst target's, ignoring targets with no data unless all have none */
  status: TrackStatus;
  tasks: { total: number; done: number; overdue: number };
}

/** one unit's figure for a shared indicator */
export interface IndicatorUnit {
  orgId: number;
  name: string;
  value: number | null;
  targetValue: number;
  met: boolean;
  status: TrackStatus;
  progress: number | null;
  /** the period the value is for (the unit's latest figure) */
  period: string | null;
}

const SEVERITY: TrackStatus[] = ['missed', 'off_track', 'at_risk', 'on_track', 'met'];

interface Tracked {
  target: RollupTarget;
  track: TrackResult;
}

/** of two targets of one unit with the same indicator code, the one of the more recent resolution (the first, within one resolution) */
const supersedes = (a: RollupTarget, b: RollupTarget) =>
  a.resolutionAdoptedOn !== b.resolutionAdoptedOn ? a.resolutionAdoptedOn > b.resolutionAdoptedOn : a.resolutionId !== b.resolutionId ? a.resolutionId > b.resolutionId : a.position < b.position;

/**
 * The roll-up over the units below an organisation (the rows it is given: targetsWithin, taskCountsWithin): each unit's
 * targets by status and its tasks, ranked; and each shared indicator aggregated over units, one figure per unit.
 */
export function buildRollup(targets: RollupTarget[], taskCounts: TaskCount[], today: string, opts: { indicator?: string } = {}) {
  const byUnit = new Map<number, { name: string; items: TrackResult[] }>();
  const unitOf = (orgId: number, name: string) => byUnit.get(orgId) ?? byUnit.set(orgId, { name, items: [] }).get(orgId)!;
  // a unit's figure for an indicator is its latest figure for the target of its most recent resolution carrying the code
  const indicatorTargets = new Map<string, Map<number, Tracked>>();
  for (const t of targets) {
    const track = trackStatus(t, t.latest ? [{ asOf: t.latest.asOf, value: t.latest.value }] : [], today);
    unitOf(t.orgId, t.orgName).items.push(track);
    if (!t.indicatorCode) continue;
    const units = indicatorTargets.get(t.indicatorCode) ?? indicatorTargets.set(t.indicatorCode, new Map()).get(t.indicatorCode)!;
    const held = units.get(t.orgId);
    if (!held || supersedes(t, held.target)) units.set(t.orgId, { target: t, track });
  }
  const tasks = new Map<number, { total: number; done: number; overdue: number }>();
  for (const c of taskCounts) {
    unitOf(c.orgId, c.orgName);
    const x = tasks.get(c.orgId) ?? tasks.set(c.orgId, { total: 0, done: 0, overdue: 0 }).get(c.orgId)!;
    x.total += c.count;
    if (c.status === 'done') x.done += c.count;
    x.overdue += c.late;
  }
  const units: RollupUnit[] = [...byUnit].map(([orgId, u]) => {
    const statuses = countStatuses(u.items.map((i) => i.status));
    const measured = u.items.filter((i) => i.progress !== null);
    return {
      orgId,
      name: u.name,
      targets: u.items.length,
      statuses,
      progress: measured.length ? measured.reduce((s, i) => s + i.progress!, 0) / measured.length : null,
      status: SEVERITY.find((s) => statuses[s] > 0) ?? 'no_data',
      tasks: tasks.get(orgId) ?? { total: 0, done: 0, overdue: 0 },
    };
  });
  // every shared indicator in summary; the units of one of them (the one asked for, else the most widely shared)
  const indicatorList = [...indicatorTargets]
    .map(([code, byOrg]) => summariseIndicator(code, [...byOrg.values()]))
    .sort((a, b) => b.units.length - a.units.length || a.code.localeCompare(b.code));
  const chosen = indicatorList.find((i) => i.code === opts.indicator) ?? indicatorList[0];
  const allStatuses = countStatuses([]);
  for (const u of units) for (const k of Object.keys(allStatuses) as TrackStatus[]) allStatuses[k] += u.statuses[k];
  return {
    summary: { units: units.length, targets: targets.length, statuses: allStatuses, tasks: [...tasks.values()].reduce((s, t) => ({ total: s.total + t.total, done: s.done + t.done, overdue: s.overdue + t.overdue }), { total: 0, done: 0, overdue: 0 }) },
    units: rankUnits(units),
    indicators: indicatorList.map(({ units: _units, ...summary }) => summary),
    indicator: chosen ? { ...chosen, units: rankUnits(chosen.units) } : null,
  };
}

/**
 * One shared indicator over units, one target per unit. The aggregate takes each unit's latest figure, whatever its
 * period: a unit that reported only an earlier period still counts with that figure, and `periods` says which periods
 * the figures are for (more than one: the units' latest figures are not of the same period).
 */
function summariseIndicator(code: string, tracked: Tracked[]) {
  const units: IndicatorUnit[] = tracked.map(({ target: t, track }) => ({
    orgId: t.orgId,
    name: t.orgName,
    value: t.latest?.value ?? null,
    targetValue: t.targetValue,
    met: t.latest ? isTargetMet(t, t.latest.value) : false,
    status: track.status,
    progress: track.progress,
    period: t.latest?.period ?? null,
  }));
  const periods = new Map<string, number>();
  for (const u of units) if (u.period) periods.set(u.period, (periods.get(u.period) ?? 0) + 1);
  // the indicator's name is that of the target of the unit first in tree order; its unit and aggregation are the code's
  // (new targets are held to them); targets entered before that rule may disagree, and then nothing is added up
  const first = tracked.reduce((a, b) => (b.target.orgPath < a.target.orgPath ? b : a)).target;
  const conflict = indicatorDefinitions(tracked.map(({ target: t }) => t)).length > 1;
  const aggregate = aggregateIndicator(first.aggregation, units);
  return {
    code,
    name: first.name,
    unit: first.unit,
    aggregation: first.aggregation,
    /** the units' targets of this code differ in unit or aggregation: the aggregate is withheld */
    conflict,
    aggregate: conflict ? { ...aggregate, value: null } : aggregate,
    statuses: countStatuses(units.map((u) => u.status)),
    /** the periods of the units' latest figures, most recent first, with how many units each */
    periods: [...periods].map(([period, n]) => ({ period, units: n })).sort((a, b) => comparePeriods(b.period, a.period)),
    units,
  };
}
