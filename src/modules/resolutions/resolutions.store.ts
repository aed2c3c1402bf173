// Kysely queries for resolutions, their targets and elements, tasks and figures. Portable across SQLite and PostgreSQL.
import { sql, type Selectable } from 'kysely';
import type { ResolutionTargetsTable } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import type { Actor } from '../audit/audit.store.js';
import { pathUpperBound } from '../orgs/orgs.rules.js';
import { TASK_WARNING_DAYS, addDays, defaultAggregation, indicatorDefinitions, periodEnd, type Aggregation, type IndicatorDefinition, type Area, type Direction, type ElementKind, type Milestone, type TargetSpec, type TaskStatus } from './resolutions.rules.js';

export interface TargetInput {
  name: string;
  unit: string;
  direction: Direction;
  area: Area;
  responsibleBody?: string | null;
  indicatorCode?: string | null;
  aggregation?: Aggregation;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number;
  deadline: string;
  yearly?: boolean;
  milestones?: Milestone[];
  tolerance?: number;
  sourceQuote?: string | null;
}

export interface ElementInput {
  kind: ElementKind;
  title: string;
  description?: string | null;
}

export interface ResolutionInput {
  kind: string;
  title: string;
  number?: string | null;
  adoptedOn: string;
  termStart: number;
  termEnd: number;
  motto?: string | null;
  sourceText?: string | null;
}

export interface TaskInput {
  title: string;
  targetId?: number | null;
  elementId?: number | null;
  ownerOrgId: number;
  responsiblePerson: string;
  expectedResult: string;
  startOn?: string | null;
  dueOn: string;
  status: TaskStatus;
  evidence?: string | null;
  /** the responsible person's account, for reminders */
  responsibleUserId?: number | null;
}

type TargetRow = Selectable<ResolutionTargetsTable>;

export interface Target extends TargetSpec {
  id: number;
  resolutionId: number;
  orgId: number;
  position: number;
  name: string;
  unit: string;
  area: Area;
  responsibleBody: string | null;
  indicatorCode: string | null;
  aggregation: Aggregation;
  yearly: boolean;
  milestones: Milestone[];
  tolerance: number;
  sourceQuote: string | null;
  latest: { period: string; asOf: string; value: number } | null;
}

const targetRows = (db: Executor) => db.selectFrom('resolution_targets').selectAll();

export function toTarget(r: TargetRow): Target {
  return {
    id: r.id,
    resolutionId: r.resolution_id,
    orgId: r.org_id,
    position: r.position,
    name: r.name,
    unit: r.unit,
    direction: r.direction as Direction,
    area: r.area as Area,
    responsibleBody: r.responsible_body,
    indicatorCode: r.indicator_code,
    aggregation: r.aggregation as Aggregation,
    baselineValue: r.baseline_value === null ? null : Number(r.baseline_value),
    baselineDate: r.baseline_date,
    targetValue: Number(r.target_value),
    deadline: r.deadline,
    yearly: Number(r.yearly) === 1,
    milestones: r.milestones_json ? (JSON.parse(r.milestones_json) as Milestone[]) : [],
    tolerance: Number(r.tolerance),
    sourceQuote: r.source_quote,
    latest: r.latest_period && r.latest_as_of && r.latest_value !== null ? { period: r.latest_period, asOf: r.latest_as_of, value: Number(r.latest_value) } : null,
  };
}

const targetValues = (t: TargetInput) => ({
  name: t.name.trim(),
  unit: t.unit.trim(),
  direction: t.direction,
  area: t.area,
  responsible_body: t.responsibleBody ?? null,
  indicator_code: t.indicatorCode?.trim() || null,
  aggregation: t.aggregation ?? defaultAggregation(t.unit),
  baseline_value: t.baselineValue,
  baseline_date: t.baselineDate,
  target_value: t.targetValue,
  deadline: t.deadline,
  yearly: t.yearly ? 1 : 0,
  milestones_json: t.milestones?.length ? JSON.stringify([...t.milestones].sort((a, b) => a.year - b.year)) : null,
  tolerance: t.tolerance ?? 0,
  source_quote: t.sourceQuote ?? null,
});

export async function insertResolution(db: Executor, orgId: number, r: ResolutionInput, targets: TargetInput[], elements: ElementInput[], now: string): Promise<number> {
  const { id } = await db
    .insertInto('resolutions')
    .values({
      org_id: orgId,
      kind: r.kind,
      title: r.title.trim(),
      number: r.number ?? null,
      adopted_on: r.adoptedOn,
      term_start: r.termStart,
      term_end: r.termEnd,
      motto: r.motto ?? null,
      source_text: r.sourceText ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (targets.length) await db.insertInto('resolution_targets').values(targets.map((t, i) => ({ ...targetValues(t), resolution_id: id, org_id: orgId, position: i + 1, created_at: now, updated_at: now }))).execute();
  const position: Record<string, number> = {};
  if (elements.length) {
    await db
      .insertInto('resolution_elements')
      .values(elements.map((e) => ({ resolution_id: id, kind: e.kind, position: (position[e.kind] = (position[e.kind] ?? 0) + 1), title: e.title.trim(), description: e.description ?? null })))
      .execute();
  }
  return id;
}

export async function updateResolution(db: Executor, id: number, r: ResolutionInput, now: string) {
  await db
    .updateTable('resolutions')
    .set({ kind: r.kind, title: r.title.trim(), number: r.number ?? null, adopted_on: r.adoptedOn, term_start: r.termStart, term_end: r.termEnd, motto: r.motto ?? null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function addTarget(db: Executor, resolutionId: number, orgId: number, t: TargetInput, now: string): Promise<number> {
  const { max } = await db.selectFrom('resolution_targets').select((eb) => eb.fn.max('position').as('max')).where('resolution_id', '=', resolutionId).executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('resolution_targets')
    .values({ ...targetValues(t), resolution_id: resolutionId, org_id: orgId, position: Number(max ?? 0) + 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateTarget(db: Executor, id: number, t: TargetInput, now: string) {
  await db.updateTable('resolution_targets').set({ ...targetValues(t), updated_at: now }).where('id', '=', id).execute();
}

export async function addElement(db: Executor, resolutionId: number, e: ElementInput): Promise<number> {
  const { max } = await db.selectFrom('resolution_elements').select((eb) => eb.fn.max('position').as('max')).where('resolution_id', '=', resolutionId).where('kind', '=', e.kind).executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('resolution_elements')
    .values({ resolution_id: resolutionId, kind: e.kind, position: Number(max ?? 0) + 1, title: e.title.trim(), description: e.description ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function resolutionHeader(db: Executor, id: number) {
  const r = await db
    .selectFrom('resolutions as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.org_id', 'o.name as org_name', 'o.path as org_path', 'r.kind', 'r.title', 'r.number', 'r.adopted_on', 'r.term_start', 'r.term_end', 'r.motto', 'r.created_at', 'r.updated_at'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    orgPath: r.org_path,
    kind: r.kind,
    title: r.title,
    number: r.number,
    adoptedOn: r.adopted_on,
    termStart: Number(r.term_start),
    termEnd: Number(r.term_end),
    motto: r.motto,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listResolutions(db: Executor, orgId: number) {
  const rows = await db
    .selectFrom('resolutions as r')
    .select(['r.id', 'r.kind', 'r.title', 'r.number', 'r.adopted_on', 'r.term_start', 'r.term_end', 'r.motto'])
    .select((eb) => eb.selectFrom('resolution_targets as t').select((e) => e.fn.countAll<number>().as('n')).whereRef('t.resolution_id', '=', 'r.id').as('target_count'))
    .where('r.org_id', '=', orgId)
    .orderBy('r.adopted_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, number: r.number, adoptedOn: r.adopted_on, termStart: Number(r.term_start), termEnd: Number(r.term_end), motto: r.motto, targetCount: Number(r.target_count ?? 0) }));
}

export async function resolutionTargets(db: Executor, resolutionId: number): Promise<Target[]> {
  return (await targetRows(db).where('resolution_id', '=', resolutionId).orderBy('position').execute()).map(toTarget);
}

export async function resolutionElements(db: Executor, resolutionId: number) {
  const rows = await db.selectFrom('resolution_elements').selectAll().where('resolution_id', '=', resolutionId).orderBy('kind').orderBy('position').execute();
  return rows.map((e) => ({ id: e.id, kind: e.kind as ElementKind, position: e.position, title: e.title, description: e.description }));
}

export async function getTarget(db: Executor, id: number): Promise<Target | null> {
  const r = await targetRows(db).where('id', '=', id).executeTakeFirst();
  return r ? toTarget(r) : null;
}

export async function targetsOfOrgs(db: Executor, orgIds: number[]): Promise<Target[]> {
  if (!orgIds.length) return [];
  return (await targetRows(db).where('org_id', 'in', orgIds).orderBy('resolution_id').orderBy('position').execute()).map(toTarget);
}

export async function getElement(db: Executor, elementId: number) {
  const r = await db
    .selectFrom('resolution_elements as e')
    .innerJoin('resolutions as r', 'r.id', 'e.resolution_id')
    .select(['e.id', 'e.resolution_id', 'e.kind', 'e.position', 'e.title', 'e.description', 'r.org_id'])
    .where('e.id', '=', elementId)
    .executeTakeFirst();
  return r ? { id: r.id, resolutionId: r.resolution_id, orgId: r.org_id, kind: r.kind as ElementKind, position: r.position, title: r.title, description: r.description } : null;
}

export async function updateElement(db: Executor, elementId: number, e: { title: string; description: string | null }) {
  await db.updateTable('resolution_elements').set({ title: e.title.trim(), description: e.description }).where('id', '=', elementId).execute();
}

/** how many tasks of the action programme carry out this element */
export async function tasksLinkedToElement(db: Executor, elementId: number): Promise<number> {
  const r = await db.selectFrom('resolution_tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('element_id', '=', elementId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** removes an element; the others of its kind are numbered 1…n again, as the resolution lists them */
export async function deleteElement(db: Executor, elementId: number) {
  const e = await db.selectFrom('resolution_elements').select(['resolution_id', 'kind']).where('id', '=', elementId).executeTakeFirstOrThrow();
  await db.deleteFrom('resolution_elements').where('id', '=', elementId).execute();
  const rest = await db.selectFrom('resolution_elements').select('id').where('resolution_id', '=', e.resolution_id).where('kind', '=', e.kind).orderBy('position').execute();
  for (const [i, r] of rest.entries()) await db.updateTable('resolution_elements').set({ position: i + 1 }).where('id', '=', r.id).execute();
}

export async function getElementResolution(db: Executor, elementId: number): Promise<number | null> {
  const r = await db.selectFrom('resolution_elements').select('resolution_id').where('id', '=', elementId).executeTakeFirst();
  return r?.resolution_id ?? null;
}

/** what hangs on a target: the figures ever reported for it and the tasks carrying it out */
export async function targetDependants(db: Executor, targetId: number) {
  const figures = await db.selectFrom('target_figures').select((eb) => eb.fn.countAll<number>().as('n')).where('target_id', '=', targetId).executeTakeFirstOrThrow();
  const tasks = await db.selectFrom('resolution_tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('target_id', '=', targetId).executeTakeFirstOrThrow();
  return { figures: Number(figures.n), tasks: Number(tasks.n) };
}

/** removes a target (nothing hangs on it); the resolution's other targets are numbered 1…n again */
export async function deleteTarget(db: Executor, targetId: number) {
  const t = await db.selectFrom('resolution_targets').select('resolution_id').where('id', '=', targetId).executeTakeFirstOrThrow();
  await db.deleteFrom('resolution_targets').where('id', '=', targetId).execute();
  const rest = await db.selectFrom('resolution_targets').select('id').where('resolution_id', '=', t.resolution_id).orderBy('position').execute();
  for (const [i, r] of rest.entries()) await db.updateTable('resolution_targets').set({ position: i + 1 }).where('id', '=', r.id).execute();
}

// ---------- tasks ----------

const taskColumns = [
  't.id',
  't.resolution_id',
  't.target_id',
  't.element_id',
  't.title',
  't.owner_org_id',
  'o.name as owner_org_name',
  't.responsible_person',
  't.expected_result',
  't.start_on',
  't.due_on',
  't.status',
  't.evidence',
  't.updated_at',
  't.responsible_user_id',
] as const;

type TaskRow = {
  id: number;
  resolution_id: number;
  target_id: number | null;
  element_id: number | null;
  title: string;
  owner_org_id: number;
  owner_org_name: string;
  responsible_person: string;
  expected_result: string;
  start_on: string | null;
  due_on: string;
  status: string;
  evidence: string | null;
  updated_at: string;
  responsible_user_id: number | null;
};

const toTask = (t: TaskRow) => ({
  id: t.id,
  resolutionId: t.resolution_id,
  targetId: t.target_id,
  elementId: t.element_id,
  title: t.title,
  ownerOrgId: t.owner_org_id,
  ownerOrgName: t.owner_org_name,
  responsiblePerson: t.responsible_person,
  expectedResult: t.expected_result,
  startOn: t.start_on,
  dueOn: t.due_on,
  status: t.status as TaskStatus,
  evidence: t.evidence,
  updatedAt: t.updated_at,
  responsibleUserId: t.responsible_user_id,
});
export type Task = ReturnType<typeof toTask>;

const taskValues = (t: TaskInput) => ({
  title: t.title.trim(),
  target_id: t.targetId ?? null,
  element_id: t.elementId ?? null,
  owner_org_id: t.ownerOrgId,
  responsible_person: t.responsiblePerson.trim(),
  expected_result: t.expectedResult.trim(),
  start_on: t.startOn ?? null,
  due_on: t.dueOn,
  status: t.status,
  evidence: t.evidence?.trim() || null,
  responsible_user_id: t.responsibleUserId ?? null,
});

export async function insertTask(db: Executor, resolutionId: number, t: TaskInput, now: string): Promise<number> {
  const { id } = await db
    .insertInto('resolution_tasks')
    .values({ ...taskValues(t), resolution_id: resolutionId, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateTask(db: Executor, id: number, t: TaskInput, now: string) {
  await db.updateTable('resolution_tasks').set({ ...taskValues(t), updated_at: now }).where('id', '=', id).execute();
}

export async function deleteTask(db: Executor, id: number) {
  await db.deleteFrom('resolution_tasks').where('id', '=', id).execute();
}

export async function getTask(db: Executor, id: number): Promise<(Task & { resolutionOrgId: number }) | null> {
  const r = await db
    .selectFrom('resolution_tasks as t')
    .innerJoin('organizations as o', 'o.id', 't.owner_org_id')
    .innerJoin('resolutions as r', 'r.id', 't.resolution_id')
    .select([...taskColumns, 'r.org_id as resolution_org_id'])
    .where('t.id', '=', id)
    .executeTakeFirst();
  return r ? { ...toTask(r), resolutionOrgId: r.resolution_org_id } : null;
}

export async function resolutionTasks(db: Executor, resolutionId: number): Promise<Task[]> {
  const rows = await db.selectFrom('resolution_tasks as t').innerJoin('organizations as o', 'o.id', 't.owner_org_id').select(taskColumns).where('t.resolution_id', '=', resolutionId).orderBy('t.due_on').orderBy('t.id').execute();
  return rows.map(toTask);
}

const OPEN_STATUSES: TaskStatus[] = ['not_started', 'in_progress'];

const openTaskRows = (db: Executor) =>
  db
    .selectFrom('resolution_tasks as t')
    .innerJoin('organizations as o', 'o.id', 't.owner_org_id')
    .innerJoin('resolutions as r', 'r.id', 't.resolution_id')
    .select([...taskColumns, 'r.title as resolution_title'])
    .where('t.status', 'in', OPEN_STATUSES)
    .orderBy('t.due_on')
    .orderBy('t.id');

const toOpenTask = (r: TaskRow & { resolution_title: string }) => ({ ...toTask(r), resolutionTitle: r.resolution_title });

/** open tasks owned by units inside these subtrees ('all': everywhere), and those whose responsible account is this user, soonest due first */
export async function tasksOwnedWithin(db: Executor, paths: 'all' | string[], limit: number, responsibleUserId: number | null = null): Promise<(Task & { resolutionTitle: string })[]> {
  if (paths !== 'all' && !paths.length && responsibleUserId === null) return [];
  let q = openTaskRows(db);
  if (paths !== 'all') {
    q = q.where((eb) =>
      eb.or([
        ...paths.map((p) => eb.and([eb('o.path', '>=', p), eb('o.path', '<', pathUpperBound(p))])),
        ...(responsibleUserId === null ? [] : [eb('t.responsible_user_id', '=', responsibleUserId)]),
      ]),
    );
  }
  return (await q.limit(limit).execute()).map(toOpenTask);
}

/** the open tasks owned by one unit itself, soonest due first */
export async function openTasksOwnedBy(db: Executor, orgId: number, limit: number): Promise<(Task & { resolutionTitle: string })[]> {
  return (await openTaskRows(db).where('t.owner_org_id', '=', orgId).limit(limit).execute()).map(toOpenTask);
}

export interface TaskCount {
  orgId: number;
  orgName: string;
  status: TaskStatus;
  count: number;
  /** past due (counts for open statuses only) */
  late: number;
}

/** tasks counted by owner and status in one aggregate query (no row limit); `late` is isTaskOverdue (resolutions.rules.ts) in SQL */
function taskCounts(db: Executor, today: string) {
  return db
    .selectFrom('resolution_tasks as t')
    .innerJoin('organizations as o', 'o.id', 't.owner_org_id')
    .select(['t.owner_org_id', 'o.name as owner_org_name', 't.status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .select((eb) => eb.fn.sum<number>(eb.case().when('t.due_on', '<', today).then(1).else(0).end()).as('late'))
    .groupBy(['t.owner_org_id', 'o.name', 't.status']);
}

const isOpen = (status: string) => OPEN_STATUSES.includes(status as TaskStatus);
const toTaskCount = (r: { owner_org_id: number; owner_org_name: string; status: string; n: number; late: number | null }): TaskCount => ({
  orgId: r.owner_org_id,
  orgName: r.owner_org_name,
  status: r.status as TaskStatus,
  count: Number(r.n),
  late: isOpen(r.status) ? Number(r.late ?? 0) : 0,
});

/** tasks owned by the units below a unit (not the unit itself), counted by owner and status, with the owner's path */
export async function taskCountsWithin(db: Executor, path: string, today: string): Promise<(TaskCount & { orgPath: string })[]> {
  const rows = await taskCounts(db, today).select('o.path as owner_org_path').groupBy('o.path').where('o.path', '>', path).where('o.path', '<', pathUpperBound(path)).execute();
  return rows.map((r) => ({ ...toTaskCount(r), orgPath: r.owner_org_path }));
}

/** the units directly below a unit (dissolved ones too: their targets stay in the roll-up) */
export async function childUnits(db: Executor, orgId: number) {
  return db.selectFrom('organizations').select(['id', 'name', 'path']).where('parent_id', '=', orgId).execute();
}

/**
 * Tasks owned by one unit itself, counted by status (every status, every task), with `atRisk`: isTaskAtRisk
 * (resolutions.rules.ts) in SQL, so that no task row is read; a test holds both to the rules. Not in the roll-up's
 * query: reading start_on leaves the covering index there.
 */
export async function taskCountsOf(db: Executor, orgId: number, today: string): Promise<(TaskCount & { atRisk: number })[]> {
  const soon = addDays(today, TASK_WARNING_DAYS);
  const rows = await taskCounts(db, today)
    .select((eb) =>
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('t.due_on', '>=', today), eb.or([eb('t.due_on', '<=', soon), eb.and([eb('t.status', '=', 'not_started'), eb('t.start_on', '<', today)])])]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('at_risk'),
    )
    .where('t.owner_org_id', '=', orgId)
    .execute();
  return rows.map((r) => ({ ...toTaskCount(r), atRisk: isOpen(r.status) ? Number(r.at_risk ?? 0) : 0 }));
}

// ---------- shared indicators ----------

/** the first key of the PostgreSQL advisory lock taken while a target's indicator code is checked; the second is the code's hash */
const INDICATOR_LOCK = 5000519;

/**
 * The definitions (unit, aggregation) of indicator codes, from the targets that carry them, oldest first (one per code
 * when they agree). On PostgreSQL the codes are first locked for the transaction, so two units adding the same new code
 * at once cannot give it two meanings (SQLite has one writer).
 */
export async function indicatorDefinitionsOf(db: Executor, engine: string, codes: string[], exceptTargetId?: number): Promise<Map<string, IndicatorDefinition[]>> {
  const unique = [...new Set(codes)].sort();
  if (!unique.length) return new Map();
  if (engine === 'postgres') for (const code of unique) await sql`select pg_advisory_xact_lock(${INDICATOR_LOCK}, hashtext(${code}))`.execute(db);
  let q = db.selectFrom('resolution_targets').select(['indicator_code', 'unit', 'aggregation']).where('indicator_code', 'in', unique);
  if (exceptTargetId !== undefined) q = q.where('id', '<>', exceptTargetId);
  const rows = await q.orderBy('id').execute();
  return new Map(unique.map((code) => [code, indicatorDefinitions(rows.filter((r) => r.indicator_code === code).map((r) => ({ unit: r.unit, aggregation: r.aggregation as Aggregation })))]));
}

// ---------- figures ----------

/** on PostgreSQL, locks the targets whose figures a request writes, so concurrent saves of one period queue (SQLite has one writer) */
export async function lockTargets(db: Executor, engine: string, targetIds: number[]) {
  if (engine !== 'postgres' || !targetIds.length) return;
  await db.selectFrom('resolution_targets').select('id').where('id', 'in', targetIds).orderBy('id').forUpdate().execute();
}

/** a write refused by a unique index (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE) */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface FigureEntry {
  targetId: number;
  period: string;
  value: number;
  source: string;
  reason?: string | null;
}

/** the figures in force for these targets and periods */
export async function currentFigures(db: Executor, targetIds: number[], periods?: string[]) {
  if (!targetIds.length) return [];
  let q = db.selectFrom('target_figures').select(['id', 'target_id', 'period', 'as_of', 'value', 'source']).where('current', '=', 1).where('target_id', 'in', targetIds);
  if (periods) q = q.where('period', 'in', periods);
  const rows = await q.orderBy('target_id').orderBy('as_of').execute();
  return rows.map((r) => ({ id: r.id, targetId: r.target_id, period: r.period, asOf: r.as_of, value: Number(r.value), source: r.source }));
}

/**
 * Records figures; a figure for a period that already has one replaces it (the earlier row stays, no longer current).
 * Keeps each target's latest figure on the target row, in the same transaction.
 */
export async function recordFigures(db: Executor, entries: FigureEntry[], actor: Actor, now: string) {
  const previous = new Map((await currentFigures(db, [...new Set(entries.map((e) => e.targetId))], [...new Set(entries.map((e) => e.period))])).map((f) => [`${f.targetId}|${f.period}`, f]));
  const replaced = entries.map((e) => previous.get(`${e.targetId}|${e.period}`)).filter((f): f is NonNullable<typeof f> => !!f);
  if (replaced.length) await db.updateTable('target_figures').set({ current: 0 }).where('id', 'in', replaced.map((f) => f.id)).execute();
  await db
    .insertInto('target_figures')
    .values(
      entries.map((e) => ({
        target_id: e.targetId,
        period: e.period,
        as_of: periodEnd(e.period),
        value: e.value,
        source: e.source.trim(),
        current: 1,
        replaces_id: previous.get(`${e.targetId}|${e.period}`)?.id ?? null,
        reason: e.reason?.trim() || null,
        entered_by: actor.userId,
        entered_by_name: actor.name,
        entered_at: now,
      })),
    )
    .execute();
  // a target's latest figure moves when an entry is for a period ending on or after the current latest one
  const ids = [...new Set(entries.map((e) => e.targetId))];
  const targets = await db.selectFrom('resolution_targets').select(['id', 'latest_as_of', 'latest_period']).where('id', 'in', ids).execute();
  const moves = new Map<number, FigureEntry & { asOf: string }>();
  for (const e of entries) {
    const asOf = periodEnd(e.period);
    const t = targets.find((x) => x.id === e.targetId);
    const best = moves.get(e.targetId);
    const current = best ? { as_of: best.asOf, period: best.period } : { as_of: t?.latest_as_of ?? null, period: t?.latest_period ?? null };
    // on the same end date the year's figure (the official one) wins over its fourth quarter's
    if (current.as_of === null || asOf > current.as_of || (asOf === current.as_of && (e.period === current.period || e.period.length <= (current.period ?? '').length))) moves.set(e.targetId, { ...e, asOf });
  }
  if (moves.size) {
    const list = [...moves.values()];
    await db
      .updateTable('resolution_targets')
      .set((eb) => {
        // one statement for every target: CASE id WHEN … (the value cast so PostgreSQL types the parameter as a number)
        const pick = (f: (m: (typeof list)[number]) => unknown) => list.reduce((c, m) => c.when('id', '=', m.targetId).then(f(m)), eb.case() as any).end();
        return { latest_period: pick((m) => m.period), latest_as_of: pick((m) => m.asOf), latest_value: pick((m) => sql`cast(${m.value} as double precision)`) };
      })
      .where('id', 'in', list.map((m) => m.targetId))
      .execute();
  }
  return { replaced: replaced.map((f) => ({ targetId: f.targetId, period: f.period, value: f.value })) };
}

/** every figure ever entered for a target, newest first: who, when, what it replaced and why */
export async function figureHistory(db: Executor, targetId: number) {
  const rows = await db.selectFrom('target_figures').selectAll().where('target_id', '=', targetId).orderBy('as_of', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    asOf: r.as_of,
    value: Number(r.value),
    source: r.source,
    current: Number(r.current) === 1,
    replacesId: r.replaces_id,
    reason: r.reason,
    enteredBy: r.entered_by_name,
    enteredAt: r.entered_at,
  }));
}

// ---------- roll-up ----------

/** every target of the resolutions of the units below a unit (not the unit's own), with the unit and the resolution's date (only what a roll-up needs) */
export async function targetsWithin(db: Executor, path: string) {
  const rows = await db
    .selectFrom('resolution_targets as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .innerJoin('resolutions as r', 'r.id', 't.resolution_id')
    .select([
      't.id',
      't.resolution_id',
      't.org_id',
      't.position',
      't.name',
      't.unit',
      't.direction',
      't.area',
      't.indicator_code',
      't.aggregation',
      't.baseline_value',
      't.baseline_date',
      't.target_value',
      't.deadline',
      't.yearly',
      't.milestones_json',
      't.tolerance',
      't.latest_period',
      't.latest_as_of',
      't.latest_value',
      'o.name as org_name',
      'o.path as org_path',
      'r.adopted_on as resolution_adopted_on',
    ])
    .where('o.path', '>', path)
    .where('o.path', '<', pathUpperBound(path))
    .execute();
  return rows.map((r) => ({
    ...toTarget({ ...r, responsible_body: null, source_quote: null, created_at: '', updated_at: '' }),
    orgName: r.org_name,
    orgPath: r.org_path,
    resolutionAdoptedOn: r.resolution_adopted_on,
  }));
}
