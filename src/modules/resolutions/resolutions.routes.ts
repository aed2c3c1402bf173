import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { inTransaction, readContext } from '../../server/request-context.js';
import { IdParam } from '../../server/schemas.js';
import { allowedSubtrees } from '../accounts/accounts.rules.js';
import { recordAudit } from '../audit/audit.store.js';
import { getOrg } from '../orgs/orgs.store.js';
import { buildRollup, presentTarget, presentTask, tasksByStatus } from './resolutions.dashboard.js';
import { parseResolutionText } from './resolutions.parser.js';
import { accountsCovering } from './reminders.store.js';
import { orgDashboard, periodReport } from './resolutions.report.js';
import { progressReportXlsx } from './resolutions.xlsx.js';
import {
  PERIOD_PATTERN,
  correctionNeedsReason,
  defaultAggregation,
  figureYears,
  indicatorClash,
  sameUnit,
  targetRemovalProblem,
  taskRemovalProblem,
  validateAdoption,
  validateFigurePeriod,
  validateFigureSource,
  doneNeedsEvidence,
  isPeriodReportable,
  validateFigureValue,
  validateTarget,
  validateTask,
  type TargetProblem,
} from './resolutions.rules.js';
import { ElementBody, ElementEditBody, FiguresBody, ResolutionBody, ResolutionHeaderBody, TargetBody, TargetPatchBody, TaskBody, TaskProgressBody, type TargetBodyT } from './resolutions.schemas.js';
import {
  addElement,
  addTarget,
  currentFigures,
  figureHistory,
  getElementResolution,
  getTarget,
  getTask,
  insertResolution,
  insertTask,
  listResolutions,
  recordFigures,
  resolutionElements,
  resolutionHeader,
  resolutionTargets,
  resolutionTasks,
  targetsOfOrgs,
  targetsWithin,
  taskCountsWithin,
  childUnits,
  tasksOwnedWithin,
  updateResolution,
  updateTarget,
  updateTask,
  getElement,
  updateElement,
  tasksLinkedToElement,
  deleteElement,
  indicatorDefinitionsOf,
  deleteTarget,
  deleteTask,
  targetDependants,
  isUniqueViolation,
  lockTargets,
  type Target,
  type TargetInput,
  type TaskInput,
} from './resolutions.store.js';
import type { Executor } from '../../db/types.js';
import { evidenceCountOf, evidenceNamesOf } from './evidence.store.js';
import { assertMayReportOnTask, taskRecord } from './task-access.js';

const orgParam = (r: FastifyRequest) => (r.params as { id: number }).id;
const resolutionOrg = async (r: FastifyRequest) => {
  const h = await resolutionHeader(r.server.ctx.handle.db, (r.params as { id: number }).id);
  if (!h) throw notFound('nghị quyết');
  return h.orgId;
};
const targetOrg = async (r: FastifyRequest) => {
  const t = await getTarget(r.server.ctx.handle.db, (r.params as { id: number }).id);
  if (!t) throw notFound('chỉ tiêu');
  return t.orgId;
};
const elementOrg = async (r: FastifyRequest) => {
  const e = await getElement(r.server.ctx.handle.db, (r.params as { id: number }).id);
  if (!e) throw notFound('mục của nghị quyết');
  return e.orgId;
};
/** tasks as answered: with their flag and their evidence documents' names (each row links them) */
const presentTasks = async <T extends Parameters<typeof presentTask>[0]>(db: Executor, tasks: T[], today: string) => {
  const files = await evidenceNamesOf(db, tasks.map((t) => t.id));
  return tasks.map((t) => ({ ...presentTask(t, today), evidenceFiles: files.get(t.id) ?? [] }));
};

function reject(problems: TargetProblem[], prefix = '') {
  if (problems.length) throw invalid(problems.map((p) => prefix + p.message).join(' '), problems);
}

const toTargetInput = (t: TargetBodyT): TargetInput => ({ ...t, baselineValue: t.baselineValue ?? null, baselineDate: t.baselineDate ?? null });
const checkTarget = (t: TargetInput, prefix = '') => reject(validateTarget({ ...t }), prefix);
const checkTerm = (b: { adoptedOn: string; termStart: number; termEnd: number }) => reject(validateAdoption(b));

/** a stored target as the input that would make it: the base a partial edit (PATCH) is merged onto */
const inputOf = (t: Target): TargetInput => ({
  name: t.name,
  unit: t.unit,
  direction: t.direction,
  area: t.area,
  responsibleBody: t.responsibleBody,
  indicatorCode: t.indicatorCode,
  aggregation: t.aggregation,
  baselineValue: t.baselineValue,
  baselineDate: t.baselineDate,
  targetValue: t.targetValue,
  deadline: t.deadline,
  yearly: t.yearly,
  milestones: t.milestones,
  tolerance: t.tolerance,
  sourceQuote: t.sourceQuote,
});

/**
 * Targets carrying an indicator code agree with what the code already means (its other targets', or an earlier one's in
 * the same request): a target that names no aggregation takes the code's; one that differs in unit or aggregation is refused.
 */
async function checkIndicators(db: Executor, engine: string, targets: TargetInput[], exceptTargetId?: number, numbered = false) {
  const codes = targets.map((t) => t.indicatorCode?.trim()).filter((c): c is string => !!c);
  const known = await indicatorDefinitionsOf(db, engine, codes, exceptTargetId);
  const problems: TargetProblem[] = [];
  targets.forEach((t, i) => {
    const code = t.indicatorCode?.trim();
    if (!code) return;
    const definition = known.get(code)?.[0] ?? null;
    t.aggregation ??= definition && sameUnit(definition.unit, t.unit) ? definition.aggregation : defaultAggregation(t.unit);
    const p = indicatorClash(code, definition, { unit: t.unit, aggregation: t.aggregation });
    if (p) problems.push({ ...p, message: numbered ? `Chỉ tiêu ${i + 1}: ${p.message}` : p.message });
    else if (!definition) known.set(code, [{ unit: t.unit.trim(), aggregation: t.aggregation }]);
  });
  reject(problems);
}

export async function resolutionsRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  const tags = ['resolutions'];

  app.post(
    '/api/resolutions/parse',
    { config: { access: { action: 'resolution.manage', scope: 'any' } }, schema: { tags, body: Type.Object({ text: Type.String({ maxLength: 200_000 }) }) } },
    async (request) => parseResolutionText(request.body.text),
  );

  app.get('/api/orgs/:id/resolutions', { config: { access: { action: 'resolution.read', org: orgParam } }, schema: { tags, params: IdParam } }, async (request) => {
    const { db } = readContext(request);
    if (!(await getOrg(db, request.params.id))) throw notFound('tổ chức đảng');
    return listResolutions(db, request.params.id);
  });

  app.post(
    '/api/orgs/:id/resolutions',
    { config: { access: { action: 'resolution.manage', org: orgParam } }, schema: { tags, params: IdParam, body: ResolutionBody } },
    async (request, reply) => {
      const b = request.body;
      checkTerm(b);
      const targets = b.targets.map(toTargetInput);
      targets.forEach((t, i) => checkTarget(t, `Chỉ tiêu ${i + 1}: `));
      const orgId = request.params.id;
      const id = await inTransaction(request, async (ctx) => {
        const org = await getOrg(ctx.db, orgId);
        if (!org) throw notFound('tổ chức đảng');
        if (org.closedOn) throw new AppError('ORG_CLOSED', 409, 'Tổ chức này đã giải thể hoặc sáp nhập.');
        await checkIndicators(ctx.db, request.server.ctx.handle.engine, targets, undefined, true);
        const id = await insertResolution(ctx.db, orgId, b, targets, b.elements, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.create', entity: 'resolution', entityId: id, orgId, after: { ...b, sourceText: b.sourceText ? `${b.sourceText.length} ký tự` : null } });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.get('/api/resolutions/:id', { config: { access: { action: 'resolution.read', org: resolutionOrg } }, schema: { tags, params: IdParam } }, async (request) => {
    const { db, today } = readContext(request);
    const h = (await resolutionHeader(db, request.params.id))!;
    const targets = await resolutionTargets(db, h.id);
    const figures = await currentFigures(db, targets.map((t) => t.id));
    const tasks = await presentTasks(db, await resolutionTasks(db, h.id), today);
    const { orgPath: _path, ...header } = h;
    return {
      ...header,
      targets: targets.map((t) => presentTarget(t, figures.filter((f) => f.targetId === t.id), today)),
      elements: await resolutionElements(db, h.id),
      tasks,
      taskCounts: tasksByStatus(tasks),
    };
  });

  app.patch(
    '/api/resolutions/:id',
    { config: { access: { action: 'resolution.manage', org: resolutionOrg } }, schema: { tags, params: IdParam, body: ResolutionHeaderBody } },
    async (request) => {
      checkTerm(request.body);
      await inTransaction(request, async (ctx) => {
        const before = (await resolutionHeader(ctx.db, request.params.id))!;
        await updateResolution(ctx.db, before.id, request.body, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.update', entity: 'resolution', entityId: before.id, orgId: before.orgId, before, after: request.body });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/resolutions/:id/targets',
    { config: { access: { action: 'resolution.manage', org: resolutionOrg } }, schema: { tags, params: IdParam, body: TargetBody } },
    async (request, reply) => {
      const t = toTargetInput(request.body);
      checkTarget(t);
      const id = await inTransaction(request, async (ctx) => {
        const h = (await resolutionHeader(ctx.db, request.params.id))!;
        await checkIndicators(ctx.db, request.server.ctx.handle.engine, [t]);
        const id = await addTarget(ctx.db, h.id, h.orgId, t, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'target.create', entity: 'resolution_target', entityId: id, orgId: h.orgId, after: t });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/targets/:id',
    {
      config: { access: { action: 'resolution.manage', org: targetOrg } },
      schema: { tags, summary: 'Edit a target: the fields sent replace the stored ones, the others stay as they are', params: IdParam, body: TargetPatchBody },
    },
    async (request) => {
      await inTransaction(request, async (ctx) => {
        const before = (await getTarget(ctx.db, request.params.id))!;
        const t: TargetInput = { ...inputOf(before), ...request.body };
        // a blank baseline value takes its date with it
        if (request.body.baselineValue === null && request.body.baselineDate === undefined) t.baselineDate = null;
        t.baselineValue ??= null;
        t.baselineDate ??= null;
        checkTarget(t);
        await checkIndicators(ctx.db, request.server.ctx.handle.engine, [t], before.id);
        await updateTarget(ctx.db, before.id, t, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'target.update', entity: 'resolution_target', entityId: before.id, orgId: before.orgId, before, after: t });
      });
      return { ok: true };
    },
  );

  app.delete(
    '/api/targets/:id',
    { config: { access: { action: 'resolution.manage', org: targetOrg } }, schema: { tags, summary: 'Remove a target entered by mistake: refused once it has figures or tasks carry it out; the others are renumbered', params: IdParam } },
    async (request) => {
      await inTransaction(request, async (ctx) => {
        // on PostgreSQL, a figure saved at the same moment waits for this (figure saves lock the target row)
        await lockTargets(ctx.db, request.server.ctx.handle.engine, [request.params.id]);
        const before = (await getTarget(ctx.db, request.params.id))!;
        const p = targetRemovalProblem(await targetDependants(ctx.db, before.id));
        if (p) throw new AppError(p.code, 409, p.message);
        await deleteTarget(ctx.db, before.id);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'target.delete', entity: 'resolution_target', entityId: before.id, orgId: before.orgId, before });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/resolutions/:id/elements',
    { config: { access: { action: 'resolution.manage', org: resolutionOrg } }, schema: { tags, params: IdParam, body: ElementBody } },
    async (request, reply) => {
      const id = await inTransaction(request, async (ctx) => {
        const h = (await resolutionHeader(ctx.db, request.params.id))!;
        const id = await addElement(ctx.db, h.id, request.body);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.element.create', entity: 'resolution_element', entityId: id, orgId: h.orgId, after: request.body });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.put(
    '/api/resolution-elements/:id',
    { config: { access: { action: 'resolution.manage', org: elementOrg } }, schema: { tags, summary: 'Correct a breakthrough, key task or solution group (its kind and place stay)', params: IdParam, body: ElementEditBody } },
    async (request) => {
      await inTransaction(request, async (ctx) => {
        const before = (await getElement(ctx.db, request.params.id))!;
        await updateElement(ctx.db, before.id, { title: request.body.title, description: request.body.description ?? null });
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.element.update', entity: 'resolution_element', entityId: before.id, orgId: before.orgId, before, after: request.body });
      });
      return { ok: true };
    },
  );

  app.delete(
    '/api/resolution-elements/:id',
    { config: { access: { action: 'resolution.manage', org: elementOrg } }, schema: { tags, summary: 'Remove an element entered by mistake (refused while tasks carry it out); the others of its kind are renumbered', params: IdParam } },
    async (request) => {
      await inTransaction(request, async (ctx) => {
        const before = (await getElement(ctx.db, request.params.id))!;
        const tasks = await tasksLinkedToElement(ctx.db, before.id);
        if (tasks) throw new AppError('ELEMENT_HAS_TASKS', 409, `Có ${tasks} nhiệm vụ đang gắn với mục này; hãy gắn các nhiệm vụ đó với mục khác trước khi xóa.`, { tasks });
        await deleteElement(ctx.db, before.id);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.element.delete', entity: 'resolution_element', entityId: before.id, orgId: before.orgId, before });
      });
      return { ok: true };
    },
  );

  // ---------- action programme ----------

  const checkTaskLinks = async (db: Parameters<typeof getTarget>[0], resolutionId: number, t: TaskInput, ownerPath: string | null, resolutionPath: string, evidenceFiles = 0) => {
    reject(validateTask({ ...t, startOn: t.startOn ?? null }));
    reject([doneNeedsEvidence(t.status, t.evidence, evidenceFiles)].filter((p): p is TargetProblem => p !== null));
    if (t.targetId && (await getTarget(db, t.targetId))?.resolutionId !== resolutionId) throw invalid('Chỉ tiêu liên kết không thuộc nghị quyết này.', [{ code: 'TARGET_NOT_IN_RESOLUTION', field: 'targetId' }]);
    if (t.elementId && (await getElementResolution(db, t.elementId)) !== resolutionId) throw invalid('Khâu đột phá/nhiệm vụ liên kết không thuộc nghị quyết này.', [{ code: 'ELEMENT_NOT_IN_RESOLUTION', field: 'elementId' }]);
    if (!ownerPath) throw notFound('đơn vị chủ trì');
    // the owner is the resolution's own unit or one below it
    if (!ownerPath.startsWith(resolutionPath)) throw invalid('Đơn vị chủ trì phải là tổ chức này hoặc tổ chức trực thuộc.', [{ code: 'OWNER_OUTSIDE_SUBTREE', field: 'ownerOrgId' }]);
    // reminders go to the responsible person's account: one with a role on the owner unit (or above it)
    if (t.responsibleUserId && !(await accountsCovering(db, ownerPath)).some((a) => a.id === t.responsibleUserId)) {
      throw invalid('Tài khoản người chịu trách nhiệm phải là tài khoản đang hoạt động có quyền trên đơn vị chủ trì.', [{ code: 'RESPONSIBLE_ACCOUNT_INVALID', field: 'responsibleUserId' }]);
    }
  };

  app.post(
    '/api/resolutions/:id/tasks',
    {
      config: { access: { action: 'resolution.manage', org: async (r) => [await resolutionOrg(r), (r.body as { ownerOrgId: number }).ownerOrgId] } },
      schema: { tags, params: IdParam, body: TaskBody },
    },
    async (request, reply) => {
      const t = request.body as TaskInput;
      const id = await inTransaction(request, async (ctx) => {
        const h = (await resolutionHeader(ctx.db, request.params.id))!;
        await checkTaskLinks(ctx.db, h.id, t, (await getOrg(ctx.db, t.ownerOrgId))?.path ?? null, h.orgPath);
        const id = await insertTask(ctx.db, h.id, t, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'task.create', entity: 'resolution_task', entityId: id, orgId: t.ownerOrgId, after: t });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: { access: { action: 'resolution.manage', org: async (r) => [(await taskRecord(r)).resolutionOrgId, (r.body as { ownerOrgId: number }).ownerOrgId] } },
      schema: { tags, params: IdParam, body: TaskBody },
    },
    async (request) => {
      const t = request.body as TaskInput;
      await inTransaction(request, async (ctx) => {
        const before = (await getTask(ctx.db, request.params.id))!;
        const h = (await resolutionHeader(ctx.db, before.resolutionId))!;
        await checkTaskLinks(ctx.db, h.id, t, (await getOrg(ctx.db, t.ownerOrgId))?.path ?? null, h.orgPath, await evidenceCountOf(ctx.db, before.id));
        await updateTask(ctx.db, before.id, t, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'task.update', entity: 'resolution_task', entityId: before.id, orgId: t.ownerOrgId, before, after: t });
      });
      return { ok: true };
    },
  );

  app.delete(
    '/api/tasks/:id',
    {
      config: { access: { action: 'resolution.manage', org: async (r) => [(await taskRecord(r)).resolutionOrgId, (await taskRecord(r)).ownerOrgId] } },
      schema: { tags, summary: 'Remove a task entered by mistake: refused once it has progress or evidence (cancel it instead)', params: IdParam },
    },
    async (request) => {
      await inTransaction(request, async (ctx) => {
        const before = (await getTask(ctx.db, request.params.id))!;
        const p = taskRemovalProblem({ ...before, evidenceFiles: await evidenceCountOf(ctx.db, before.id) });
        if (p) throw new AppError(p.code, 409, p.message);
        await deleteTask(ctx.db, before.id);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'task.delete', entity: 'resolution_task', entityId: before.id, orgId: before.ownerOrgId, before });
      });
      return { ok: true };
    },
  );

  // the owner unit's office, or the task's responsible person (their account), reports progress: status and evidence only
  app.post(
    '/api/tasks/:id/progress',
    {
      config: { access: { action: 'resolution.read', org: async (r) => (await taskRecord(r)).ownerOrgId } },
      schema: { tags, summary: "Report a task's progress: the owner unit's office (resolution.manage) or the task's responsible account", params: IdParam, body: TaskProgressBody },
    },
    async (request) => {
      const b = request.body;
      await assertMayReportOnTask(request, await taskRecord(request));
      await inTransaction(request, async (ctx) => {
        const before = (await getTask(ctx.db, request.params.id))!;
        // the evidence kept when none is sent, and the documents uploaded, count for a task set done
        reject([doneNeedsEvidence(b.status, b.evidence ?? before.evidence, await evidenceCountOf(ctx.db, before.id))].filter((p): p is TargetProblem => p !== null));
        const { ownerOrgName: _o, updatedAt: _u, resolutionOrgId: _r, resolutionId: _s, id: _i, ...rest } = before;
        await updateTask(ctx.db, before.id, { ...rest, status: b.status, evidence: b.evidence ?? before.evidence }, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'task.progress', entity: 'resolution_task', entityId: before.id, orgId: before.ownerOrgId, before: { status: before.status, evidence: before.evidence }, after: b });
      });
      return { ok: true };
    },
  );

  app.get(
    '/api/my-tasks',
    { config: { access: { action: 'resolution.read', scope: 'any' } }, schema: { tags, querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }) }) } },
    async (request) => {
      const { db, today } = readContext(request);
      // the open tasks of the units one manages, and those one is the responsible person of (their account)
      const tasks = await tasksOwnedWithin(db, allowedSubtrees(request.user!.grants, 'resolution.manage'), request.query.limit, request.user!.id);
      return presentTasks(db, tasks, today);
    },
  );

  // ---------- figures ----------

  app.post(
    '/api/orgs/:id/figures',
    { config: { access: { action: 'resolution.manage', org: orgParam } }, schema: { tags, params: IdParam, body: FiguresBody } },
    async (request) => {
      const b = request.body;
      const orgId = request.params.id;
      if (!isPeriodReportable(b.period, readContext(request).today)) throw invalid(`Kỳ báo cáo ${b.period} chưa bắt đầu.`, [{ code: 'PERIOD_NOT_STARTED', field: 'period' }]);
      const ids = [...new Set(b.figures.map((f) => f.targetId))];
      if (ids.length !== b.figures.length) throw invalid('Mỗi chỉ tiêu chỉ nhập một số liệu trong một lần.', [{ code: 'TARGET_DUPLICATE' }]);
      try {
        return await inTransaction(request, async (ctx) => {
          // concurrent saves of one target queue here, so each sees the figure the other saved (and needs a reason to replace it)
          await lockTargets(ctx.db, request.server.ctx.handle.engine, ids);
          const targets = new Map((await targetsOfOrgs(ctx.db, [orgId])).map((t) => [t.id, t]));
          const terms = new Map((await listResolutions(ctx.db, orgId)).map((r) => [r.id, r]));
          const problems: (TargetProblem & { targetId: number })[] = [];
          const previous = new Map((await currentFigures(ctx.db, ids, [b.period])).map((f) => [f.targetId, f]));
          for (const f of b.figures) {
            const t = targets.get(f.targetId);
            // a unit enters figures for its own targets only
            if (!t) {
              problems.push({ targetId: f.targetId, code: 'TARGET_NOT_OF_ORG', message: `Chỉ tiêu #${f.targetId} không thuộc tổ chức này.` });
              continue;
            }
            const p =
              validateFigurePeriod(b.period, figureYears(t, terms.get(t.resolutionId)!)) ??
              validateFigureValue(t.unit, f.value) ??
              validateFigureSource(f.source) ??
              correctionNeedsReason(previous.get(f.targetId) ?? null, f.reason);
            if (p) problems.push({ ...p, targetId: f.targetId, message: `${t.name}: ${p.message}` });
          }
          if (problems.length) throw invalid(problems.map((p) => p.message).join(' '), problems);
          const result = await recordFigures(ctx.db, b.figures.map((f) => ({ ...f, period: b.period })), ctx.actor, ctx.now);
          await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'figure.report', entity: 'organization', entityId: orgId, orgId, before: result.replaced.length ? result.replaced : undefined, after: b });
          return { saved: b.figures.length, corrected: result.replaced.length };
        });
      } catch (e) {
        // the index of one current figure per target and period refused a save that raced another (SQLite across processes)
        if (isUniqueViolation(e)) throw new AppError('FIGURE_CONFLICT', 409, 'Số liệu kỳ này vừa được người khác lưu; hãy tải lại trang, kiểm tra và nhập lại (kèm lý do nếu sửa).');
        throw e;
      }
    },
  );

  app.get('/api/targets/:id/figures', { config: { access: { action: 'resolution.read', org: targetOrg } }, schema: { tags, params: IdParam } }, async (request) => {
    const { db } = readContext(request);
    return figureHistory(db, request.params.id);
  });

  // ---------- dashboards ----------

  app.get('/api/orgs/:id/resolution-dashboard', { config: { access: { action: 'resolution.read', org: orgParam } }, schema: { tags, params: IdParam } }, async (request) => {
    const { db, today } = readContext(request);
    const org = await getOrg(db, request.params.id);
    if (!org) throw notFound('tổ chức đảng');
    return orgDashboard(db, org, today);
  });

  app.get(
    '/api/orgs/:id/resolution-report.xlsx',
    {
      config: { access: { action: 'resolution.read', org: orgParam } },
      schema: { tags, params: IdParam, querystring: Type.Object({ period: Type.String({ pattern: PERIOD_PATTERN }) }) },
    },
    async (request, reply) => {
      const { db, today } = readContext(request);
      const org = await getOrg(db, request.params.id);
      if (!org) throw notFound('tổ chức đảng');
      const period = request.query.period;
      const report = await periodReport(db, org, period, today);
      const body = await progressReportXlsx(org.name, period, report.targets, report.tasks);
      const name = `Báo cáo tiến độ Nghị quyết - ${org.name} - ${period}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="bao-cao-nghi-quyet.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(body);
    },
  );

  app.get(
    '/api/orgs/:id/resolution-rollup',
    { config: { access: { action: 'resolution.read', org: orgParam } }, schema: { tags, params: IdParam, querystring: Type.Object({ indicator: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request) => {
      const { db, today } = readContext(request);
      const org = await getOrg(db, request.params.id);
      if (!org) throw notFound('tổ chức đảng');
      const [targets, counts, children] = await Promise.all([targetsWithin(db, org.path), taskCountsWithin(db, org.path, today), childUnits(db, org.id)]);
      return { org: { id: org.id, name: org.name }, today, ...buildRollup(targets, counts, today, { indicator: request.query.indicator, path: org.path, children }) };
    },
  );
}
