// Dashboards from stored rows: a unit's targets with status and history, and the roll-up over a subtree. Pure.
import { aggregateIndicator, countStatuses, isTargetMet, rankUnits, taskFlag, trackStatus, type Aggregation, type TaskStatus, type TrackStatus } from './resolutions.rules.js';
import type { Target, Task } from './resolutions.store.js';

export function presentTarget(t: Target, history: { period: string; asOf: string; value: number }[], today: string) {
  const track = trackStatus(t, t.latest ? [{ asOf: t.latest.asOf, value: t.latest.value }] : [], today);
  return {
    ...t,
    status: track.status,
    progress: track.progress,
    expected: track.expected,
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

interface RollupTarget extends Target {
  orgName: string;
  orgPath: string;
}

interface TaskCount {
  orgId: number;
  status: TaskStatus;
  count: number;
  late: number;
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

const SEVERITY: TrackStatus[] = ['missed', 'off_track', 'at_risk', 'on_track', 'met'];

/** the roll-up over a subtree: each unit's targets by status and its tasks, and each shared indicator aggregated */
export function buildRollup(targets: RollupTarget[], taskCounts: TaskCount[], today: string, opts: { indicator?: string } = {}) {
  const byUnit = new Map<number, { name: string; items: { status: TrackStatus; progress: number | null }[] }>();
  const indicators = new Map<string, { code: string; name: string; unit: string; aggregation: Aggregation; rows: { orgId: number; name: string; value: number | null; targetValue: number; met: boolean; status: TrackStatus; progress: number | null; period: string | null }[] }>();
  for (const t of targets) {
    const track = trackStatus(t, t.latest ? [{ asOf: t.latest.asOf, value: t.latest.value }] : [], today);
    const unit = byUnit.get(t.orgId) ?? byUnit.set(t.orgId, { name: t.orgName, items: [] }).get(t.orgId)!;
    unit.items.push({ status: track.status, progress: track.progress });
    if (t.indicatorCode) {
      const ind = indicators.get(t.indicatorCode) ?? indicators.set(t.indicatorCode, { code: t.indicatorCode, name: t.name, unit: t.unit, aggregation: t.aggregation, rows: [] }).get(t.indicatorCode)!;
      ind.rows.push({
        orgId: t.orgId,
        name: t.orgName,
        value: t.latest?.value ?? null,
        targetValue: t.targetValue,
        met: t.latest ? isTargetMet(t, t.latest.value) : false,
        status: track.status,
        progress: track.progress,
        period: t.latest?.period ?? null,
      });
    }
  }
  const tasks = new Map<number, { total: number; done: number; overdue: number }>();
  for (const c of taskCounts) {
    const x = tasks.get(c.orgId) ?? tasks.set(c.orgId, { total: 0, done: 0, overdue: 0 }).get(c.orgId)!;
    x.total += c.count;
    if (c.status === 'done') x.done += c.count;
    if (c.status === 'not_started' || c.status === 'in_progress') x.overdue += c.late;
  }
  const unitIds = new Set([...byUnit.keys()]);
  const units: RollupUnit[] = [...unitIds].map((orgId) => {
    const u = byUnit.get(orgId)!;
    const statuses = countStatuses(u.items.map((i) => i.status));
    const measured = u.items.filter((i) => i.progress !== null);
    const worst = SEVERITY.find((s) => statuses[s] > 0) ?? 'no_data';
    return {
      orgId,
      name: u.name,
      targets: u.items.length,
      statuses,
      progress: measured.length ? measured.reduce((s, i) => s + i.progress!, 0) / measured.length : null,
      status: worst,
      tasks: tasks.get(orgId) ?? { total: 0, done: 0, overdue: 0 },
    };
  });
  // every shared indicator in summary; the units of one of them (the one asked for, else the most widely shared)
  const sorted = [...indicators.values()].sort((a, b) => b.rows.length - a.rows.length || a.code.localeCompare(b.code));
  const indicatorList = sorted.map((i) => ({
    code: i.code,
    name: i.name,
    unit: i.unit,
    aggregation: i.aggregation,
    aggregate: aggregateIndicator(i.aggregation, i.rows),
    statuses: countStatuses(i.rows.map((r) => r.status)),
  }));
  const chosen = sorted.find((i) => i.code === opts.indicator) ?? sorted[0];
  const indicator = chosen ? { ...indicatorList.find((i) => i.code === chosen.code)!, units: rankUnits(chosen.rows) } : null;
  const allStatuses = countStatuses([]);
  for (const u of units) for (const k of Object.keys(allStatuses) as TrackStatus[]) allStatuses[k] += u.statuses[k];
  return {
    summary: { units: units.length, targets: targets.length, statuses: allStatuses, tasks: [...tasks.values()].reduce((s, t) => ({ total: s.total + t.total, done: s.done + t.done, overdue: s.overdue + t.overdue }), { total: 0, done: 0, overdue: 0 }) },
    units: rankUnits(units),
    indicators: indicatorList,
    indicator,
  };
}
