// What the exports read: a unit's period report (XLSX, DOCX) and its dashboard (JSON, PDF), assembled from the stores.
import type { Executor } from '../../db/types.js';
import { invalid } from '../../server/errors.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { presentTarget, presentTask, taskCountsByStatus, tasksByStatus } from './resolutions.dashboard.js';
import { comparePeriods, isValidPeriod, periodEnd, targetProgress, trackStatus } from './resolutions.rules.js';
import { currentFigures, listResolutions, openTasksOwnedBy, resolutionTasks, targetsOfOrgs, taskCountsOf } from './resolutions.store.js';

/** how many of a unit's open tasks its dashboard lists (the counts by status cover every task) */
export const DASHBOARD_OPEN_TASKS = 1000;

export function checkPeriod(period: string) {
  if (!isValidPeriod(period)) throw invalid(`Kỳ báo cáo ${period} không hợp lệ.`, [{ code: 'PERIOD_INVALID', field: 'period' }]);
}

/** the periods whose figures a report of `period` may use: a year and its four quarters; a quarter alone */
export function periodsWithin(period: string): string[] {
  return period.length === 4 ? [period, ...[1, 2, 3, 4].map((q) => `${period}-Q${q}`)] : [period];
}

/** of a target's figures, the one for the latest period (a year before its fourth quarter, as comparePeriods orders them) */
function latestFigure<F extends { period: string }>(figures: readonly F[]): F | null {
  return figures.reduce<F | null>((best, f) => (best === null || comparePeriods(f.period, best.period) > 0 ? f : best), null);
}

/**
 * A unit's targets with the figure of the period (the latest figure of a period within it: a year's report of a unit
 * that reports quarterly uses its latest quarter, and says which) and their status at the period's end (or today, if sooner).
 */
export async function periodReport(db: Executor, org: Pick<OrgRow, 'id'>, period: string, today: string) {
  checkPeriod(period);
  const asOf = periodEnd(period) < today ? periodEnd(period) : today;
  const resolutions = await listResolutions(db, org.id);
  const targets = await targetsOfOrgs(db, [org.id]);
  const figures = await currentFigures(db, targets.map((t) => t.id), periodsWithin(period));
  const rows = targets.map((t) => {
    const f = latestFigure(figures.filter((x) => x.targetId === t.id));
    return {
      ...t,
      resolutionTitle: resolutions.find((r) => r.id === t.resolutionId)?.title ?? '',
      figure: f ? { value: f.value, source: f.source, period: f.period } : null,
      progress: f ? targetProgress(t, f.value) : null,
      status: trackStatus(t, f ? [{ asOf: f.asOf, value: f.value }] : [], asOf).status,
    };
  });
  const tasks = (await Promise.all(resolutions.map((r) => resolutionTasks(db, r.id)))).flat().map((t) => presentTask(t, today));
  return { resolutions, targets: rows, tasks, taskCounts: tasksByStatus(tasks), asOf };
}

/** a unit's dashboard: its resolutions with their targets' progress, status and history; its own tasks counted by status, and its open ones */
export async function orgDashboard(db: Executor, org: Pick<OrgRow, 'id' | 'name' | 'path'>, today: string) {
  const resolutions = await listResolutions(db, org.id);
  const targets = await targetsOfOrgs(db, [org.id]);
  const figures = await currentFigures(db, targets.map((t) => t.id));
  const openTasks = (await openTasksOwnedBy(db, org.id, DASHBOARD_OPEN_TASKS)).map((t) => presentTask(t, today));
  const presented = targets.map((t) => presentTarget(t, figures.filter((f) => f.targetId === t.id), today));
  return {
    org: { id: org.id, name: org.name, path: org.path },
    today,
    resolutions: resolutions.map((r) => ({ ...r, targets: presented.filter((t) => t.resolutionId === r.id) })),
    openTasks,
    taskCounts: taskCountsByStatus(await taskCountsOf(db, org.id, today)),
  };
}
