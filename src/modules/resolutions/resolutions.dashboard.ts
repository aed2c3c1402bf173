// Dashboards from stored rows: a unit's targets with status and history, and the roll-up over a subtree. Pure.
import { idsOnPath } from '../orgs/orgs.rules.js';
import { aggregateIndicator, comparePeriods, countStatuses, indicatorDefinitions, isTargetMet, rankRollupUnits, rankUnits, rollupUnitStatus, taskFlag, trackStatus, type TaskStatus, type TrackResult, type TrackStatus } from './resolutions.rules.js';
import type { Target, Task, TaskCount } from './resolutions.store.js';

export function presentTarget(t: Target, history: { period: string; asOf: string; value: number }[], today: string) {
  const track = trackStatus(t, t.latest ? [{ asOf: t.latest.asOf, value: t.latest.value }] : [], today);
  return {
    ...t,
    status: track.status,
    progress: track.progress,
    expected: track.expected,
    stale: track.stale,
    history: historyLine(history),
  };
}
export type PresentedTarget = ReturnType<typeof presentTarget>;

/**
 * A target's figures in period order for its sparkline, one point a date: a year's figure stands for its fourth
 * quarter (both end on 31 December; the year's is the official one), so the line does not step twice on one day.
 */
export function historyLine(history: readonly { period: string; value: number }[]) {
  const years = new Set(history.filter((h) => h.period.length === 4).map((h) => h.period));
  return history
    .filter((h) => !(h.period.endsWith('-Q4') && years.has(h.period.slice(0, 4))))
    .sort((a, b) => comparePeriods(a.period, b.period))
    .map((h) => ({ period: h.period, value: h.value }));
}

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
  /** targets of the unit and of every unit below it */
  targets: number;
  /** of those, how many have a figure */
  reported: number;
  statuses: Record<TrackStatus, number>;
  /** mean progress of those targets, a target with no figure counting 0; null when none has a figure */
  progress: number | null;
  /** the worst of its targets' statuses, a target with no figure worse than one at risk (rollupUnitStatus) */
  status: TrackStatus;
  tasks: { total: number; done: number; overdue: number };
  /** how many units below it have targets or tasks: its own roll-up opens the next level */
  subUnits: number;
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

interface Tracked {
  target: RollupTarget;
  track: TrackResult;
}

/** of two targets of one unit with the same indicator code, the one of the more recent resolution (the first, within one resolution) */
const supersedes = (a: RollupTarget, b: RollupTarget) =>
  a.resolutionAdoptedOn !== b.resolutionAdoptedOn ? a.resolutionAdoptedOn > b.resolutionAdoptedOn : a.resolutionId !== b.resolutionId ? a.resolutionId > b.resolutionId : a.position < b.position;

/** the unit directly below `path` whose subtree holds `orgPath` ('/1/' and '/1/5/9/' → '/1/5/') */
const childPathOf = (path: string, orgPath: string) => orgPath.slice(0, orgPath.indexOf('/', path.length) + 1);

/** of the units carrying an indicator, those with no carrier above them below the roll-up's top: a ward's figure covers its cells' */
function topmostCarriers(tracked: Tracked[]): { kept: Tracked[]; covered: number } {
  const sorted = [...tracked].sort((a, b) => (a.target.orgPath < b.target.orgPath ? -1 : a.target.orgPath > b.target.orgPath ? 1 : 0));
  const kept: Tracked[] = [];
  for (const t of sorted) if (!kept.length || !t.target.orgPath.startsWith(kept[kept.length - 1].target.orgPath)) kept.push(t);
  return { kept, covered: tracked.length - kept.length };
}

/**
 * The roll-up over the units directly below an organisation at `path` (the rows it is given: targetsWithin,
 * taskCountsWithin; `children` names the units directly below): each child with its whole subtree behind it, its targets
 * by status and its tasks, ranked (rankRollupUnits); and each shared indicator aggregated over the units that carry it
 * topmost (a cell's target under a ward that carries the code is the ward's business), one figure per unit.
 */
export function buildRollup(
  targets: RollupTarget[],
  taskCounts: (TaskCount & { orgPath: string })[],
  today: string,
  opts: { indicator?: string; path: string; children?: { id: number; name: string; path: string }[] },
) {
  const names = new Map((opts.children ?? []).map((c) => [c.path, { id: c.id, name: c.name }]));
  const byUnit = new Map<string, { items: TrackResult[]; below: Set<number> }>();
  const unitOf = (orgId: number, orgPath: string, name: string) => {
    const key = childPathOf(opts.path, orgPath);
    if (!names.has(key) && key === orgPath) names.set(key, { id: orgId, name });
    const u = byUnit.get(key) ?? byUnit.set(key, { items: [], below: new Set() }).get(key)!;
    if (key !== orgPath) u.below.add(orgId);
    return u;
  };
  // a unit's figure for an indicator is its latest figure for the target of its most recent resolution carrying the code
  const indicatorTargets = new Map<string, Map<number, Tracked>>();
  for (const t of targets) {
    const track = trackStatus(t, t.latest ? [{ asOf: t.latest.asOf, value: t.latest.value }] : [], today);
    unitOf(t.orgId, t.orgPath, t.orgName).items.push(track);
    if (!t.indicatorCode) continue;
    const units = indicatorTargets.get(t.indicatorCode) ?? indicatorTargets.set(t.indicatorCode, new Map()).get(t.indicatorCode)!;
    const held = units.get(t.orgId);
    if (!held || supersedes(t, held.target)) units.set(t.orgId, { target: t, track });
  }
  const tasks = new Map<string, { total: number; done: number; overdue: number }>();
  for (const c of taskCounts) {
    unitOf(c.orgId, c.orgPath, c.orgName);
    const key = childPathOf(opts.path, c.orgPath);
    const x = tasks.get(key) ?? tasks.set(key, { total: 0, done: 0, overdue: 0 }).get(key)!;
    x.total += c.count;
    if (c.status === 'done') x.done += c.count;
    x.overdue += c.late;
  }
  const units: RollupUnit[] = [...byUnit].map(([key, u]) => {
    const statuses = countStatuses(u.items.map((i) => i.status));
    const reported = u.items.filter((i) => i.progress !== null);
    const id = names.get(key)?.id ?? idsOnPath(key).at(-1)!;
    return {
      orgId: id,
      name: names.get(key)?.name ?? `#${id}`,
      targets: u.items.length,
      reported: reported.length,
      statuses,
      progress: reported.length ? reported.reduce((s, i) => s + i.progress!, 0) / u.items.length : null,
      status: rollupUnitStatus(statuses),
      tasks: tasks.get(key) ?? { total: 0, done: 0, overdue: 0 },
      subUnits: u.below.size,
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
    units: rankRollupUnits(units),
    indicators: indicatorList.map(({ units: _units, ...summary }) => summary),
    indicator: chosen ? { ...chosen, units: rankUnits(chosen.units) } : null,
  };
}

/**
 * One shared indicator over units, one target per unit. The aggregate takes each unit's latest figure, whatever its
 * period: a unit that reported only an earlier period still counts with that figure, and `periods` says which periods
 * the figures are for (more than one: the units' latest figures are not of the same period).
 */
function summariseIndicator(code: string, carriers: Tracked[]) {
  const { kept: tracked, covered } = topmostCarriers(carriers);
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
    /** units carrying the code below a unit that carries it too: their figures are in that unit's, not counted again */
    covered,
    aggregate: conflict ? { ...aggregate, value: null } : aggregate,
    statuses: countStatuses(units.map((u) => u.status)),
    /** the periods of the units' latest figures, most recent first, with how many units each */
    periods: [...periods].map(([period, n]) => ({ period, units: n })).sort((a, b) => comparePeriods(b.period, a.period)),
    units,
  };
}
