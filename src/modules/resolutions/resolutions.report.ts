// What the exports read: a unit's period report (XLSX, DOCX) and its dashboard (JSON, PDF), assembled from the stores.
import type { Executor } from '../../db/types.js';
import { invalid } from '../../server/errors.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { presentTarget, presentTask, tasksByStatus } from './resolutions.dashboard.js';
import { isValidPeriod, periodEnd, targetProgress, trackStatus } from './resolutions.rules.js';
import { currentFigures, listResolutions, resolutionTasks, targetsOfOrgs, tasksOwnedWithin } from './resolutions.store.js';

export function checkPeriod(period: string) {
  if (!isValidPeriod(period)) throw invalid(`Kỳ báo cáo ${period} không hợp lệ.`, [{ code: 'PERIOD_INVALID', field: 'period' }]);
}

/** a unit's targets with the figure in force for the period and their status at the period's end (or today, if sooner) */
export async function periodReport(db: Executor, org: Pick<OrgRow, 'id'>, period: string, today: string) {
  checkPeriod(period);
  const asOf = periodEnd(period) < today ? periodEnd(period) : today;
  const resolutions = await listResolutions(db, org.id);
  const targets = await targetsOfOrgs(db, [org.id]);
  const figures = new Map((await currentFigures(db, targets.map((t) => t.id), [period])).map((f) => [f.targetId, f]));
  const rows = targets.map((t) => {
    const f = figures.get(t.id);
    return {
      ...t,
      resolutionTitle: resolutions.find((r) => r.id === t.resolutionId)?.title ?? '',
      figure: f ? { value: f.value, source: f.source } : null,
      progress: f ? targetProgress(t, f.value) : null,
      status: trackStatus(t, f ? [{ asOf: f.asOf, value: f.value }] : [], asOf).status,
    };
  });
  const tasks = (await Promise.all(resolutions.map((r) => resolutionTasks(db, r.id)))).flat().map((t) => presentTask(t, today));
  return { resolutions, targets: rows, tasks, taskCounts: tasksByStatus(tasks), asOf };
}

/** a unit's dashboard: its resolutions with their targets' progress, status and history, and its own open tasks */
export async function orgDashboard(db: Executor, org: Pick<OrgRow, 'id' | 'name' | 'path'>, today: string) {
  const resolutions = await listResolutions(db, org.id);
  const targets = await targetsOfOrgs(db, [org.id]);
  const figures = await currentFigures(db, targets.map((t) => t.id));
  const tasks = (await tasksOwnedWithin(db, [org.path], 1000)).filter((t) => t.ownerOrgId === org.id).map((t) => presentTask(t, today));
  const presented = targets.map((t) => presentTarget(t, figures.filter((f) => f.targetId === t.id), today));
  return {
    org: { id: org.id, name: org.name, path: org.path },
    today,
    resolutions: resolutions.map((r) => ({ ...r, targets: presented.filter((t) => t.resolutionId === r.id) })),
    openTasks: tasks,
    taskCounts: tasksByStatus(tasks),
  };
}
