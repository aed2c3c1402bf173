import type { Executor } from '../../db/types.js';
import { foldForSearch } from '../../shared/vietnamese.js';
import { AppError, notFound } from '../../server/errors.js';
import { recordAudit, type Actor } from '../audit/audit.store.js';
import { activeMemberIds, moveMembers } from '../members/members.store.js';
import {
  checkActive,
  checkDecisionDate,
  checkDissolve,
  checkReceivesChildren,
  checkEffectiveDate,
  checkMerge,
  checkMove,
  checkPlacement,
  checkSplit,
  type OrgKind,
  type OrgState,
  type RuleProblem,
} from './orgs.rules.js';
import { activeChildren, changePeriod, closePeriod, getOrg, insertEvent, insertOrg, orgStates, reparent } from './orgs.store.js';

// Restructuring commands: each runs inside the caller's transaction (rules decide, stores write, audit records).

export interface Decision {
  number?: string | null;
  date?: string | null;
  issuer?: string | null;
}

export interface CommandContext {
  db: Executor;
  actor: Actor;
  now: string;
  today: string;
}

function fail(p: RuleProblem | null): void {
  if (p) throw new AppError(p.code, 409, p.message);
}

/** every restructuring event's deciding document is checked by the same rule */
function checkDecision(ctx: CommandContext, decision: Decision | undefined) {
  const p = checkDecisionDate(decision?.date, ctx.today);
  if (p) throw new AppError(p.code, 400, p.message, { field: 'decision.date' });
}

async function statesOrFail(ctx: CommandContext, ids: readonly number[]): Promise<OrgState[]> {
  const map = await orgStates(ctx.db, ids);
  return ids.map((id) => {
    const s = map.get(id);
    if (!s) throw notFound('tổ chức đảng', { orgId: id });
    return s;
  });
}

export interface FoundInput {
  name: string;
  kind: OrgKind;
  adminUnit?: string | null;
  parentId: number | null;
  effectiveOn: string;
  decision?: Decision;
  note?: string | null;
  /** merge these active units into the new one on the same day */
  mergeFromIds?: number[];
}

export async function foundOrg(ctx: CommandContext, input: FoundInput): Promise<number> {
  checkDecision(ctx, input.decision);
  const parent = input.parentId === null ? null : (await statesOrFail(ctx, [input.parentId]))[0];
  fail(parent ? checkActive([parent]) : null);
  fail(checkPlacement(parent, input.kind));
  fail(checkEffectiveDate(input.effectiveOn, ctx.today, parent ? [parent] : []));
  const id = await insertOrg(ctx.db, { name: input.name.trim(), kind: input.kind, adminUnit: input.adminUnit, parentId: input.parentId, foundedOn: input.effectiveOn }, ctx.now);
  await insertEvent(
    ctx.db,
    { kind: 'found', effectiveOn: input.effectiveOn, decision: input.decision, note: input.note, orgs: [{ orgId: id, role: 'founded' }, ...(input.parentId ? [{ orgId: input.parentId, role: 'parent' }] : [])] },
    ctx.actor.userId,
    ctx.now,
  );
  await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'org.found', entity: 'organization', entityId: id, orgId: id, after: input });
  if (input.mergeFromIds?.length) await mergeOrgs(ctx, id, { sourceIds: input.mergeFromIds, effectiveOn: input.effectiveOn, decision: input.decision, note: input.note });
  return id;
}

export async function renameOrg(ctx: CommandContext, orgId: number, input: { newName: string; effectiveOn: string; decision?: Decision; note?: string | null }) {
  checkDecision(ctx, input.decision);
  const [org] = await statesOrFail(ctx, [orgId]);
  fail(checkActive([org]));
  fail(checkEffectiveDate(input.effectiveOn, ctx.today, [org]));
  const before = await getOrg(ctx.db, orgId);
  await changePeriod(ctx.db, orgId, input.effectiveOn, { name: input.newName.trim() });
  await ctx.db.updateTable('organizations').set({ name: input.newName.trim(), search_name: foldForSearch(input.newName), updated_at: ctx.now }).where('id', '=', orgId).execute();
  const eventId = await insertEvent(ctx.db, { kind: 'rename', effectiveOn: input.effectiveOn, decision: input.decision, note: input.note, orgs: [{ orgId, role: 'renamed' }] }, ctx.actor.userId, ctx.now);
  await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'org.rename', entity: 'organization', entityId: orgId, orgId, before: { name: before?.name }, after: input });
  return eventId;
}

export async function moveOrg(ctx: CommandContext, orgId: number, input: { newParentId: number | null; effectiveOn: string; decision?: Decision; note?: string | null }) {
  checkDecision(ctx, input.decision);
  const ids = input.newParentId === null ? [orgId] : [orgId, input.newParentId];
  const [org, newParent = null] = await statesOrFail(ctx, ids);
  fail(checkActive(newParent ? [org, newParent] : [org]));
  fail(checkMove(org, newParent));
  fail(checkEffectiveDate(input.effectiveOn, ctx.today, newParent ? [org, newParent] : [org]));
  const before = await getOrg(ctx.db, orgId);
  await changePeriod(ctx.db, orgId, input.effectiveOn, { parentId: input.newParentId });
  await reparent(ctx.db, orgId, input.newParentId, ctx.now);
  const links = [{ orgId, role: 'moved' }, ...(before?.parentId ? [{ orgId: before.parentId, role: 'old_parent' }] : []), ...(input.newParentId ? [{ orgId: input.newParentId, role: 'new_parent' }] : [])];
  const eventId = await insertEvent(ctx.db, { kind: 'move', effectiveOn: input.effectiveOn, decision: input.decision, note: input.note, orgs: links }, ctx.actor.userId, ctx.now);
  await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'org.move', entity: 'organization', entityId: orgId, orgId, before: { parentId: before?.parentId }, after: input });
  return eventId;
}

/** moves the active sub-units of `fromId` under `toId` on `date` */
async function moveChildren(ctx: CommandContext, fromId: number, toId: number, date: string, childIds?: readonly number[]) {
  const children = (await activeChildren(ctx.db, fromId)).filter((c) => !childIds || childIds.includes(c.id));
  for (const child of children) {
    await changePeriod(ctx.db, child.id, date, { parentId: toId });
    await reparent(ctx.db, child.id, toId, ctx.now);
  }
  return children.map((c) => c.id);
}

/** what a merge, split or dissolve changes, as it was: each unit's name, parent, closing date, active members and sub-units */
async function stateForAudit(ctx: CommandContext, orgIds: readonly number[]) {
  return Promise.all(
    orgIds.map(async (id) => {
      const o = await getOrg(ctx.db, id);
      return { id, name: o?.name ?? null, parentId: o?.parentId ?? null, closedOn: o?.closedOn ?? null, memberIds: await activeMemberIds(ctx.db, id), childIds: (await activeChildren(ctx.db, id)).map((c) => c.id) };
    }),
  );
}

export async function mergeOrgs(ctx: CommandContext, targetId: number, input: { sourceIds: number[]; effectiveOn: string; decision?: Decision; note?: string | null }) {
  checkDecision(ctx, input.decision);
  const [target, ...sources] = await statesOrFail(ctx, [targetId, ...input.sourceIds]);
  fail(checkMerge(target, sources));
  fail(checkEffectiveDate(input.effectiveOn, ctx.today, [target, ...sources]));
  // the sources' sub-units move under the target: a chi bộ cannot take them in
  fail(checkReceivesChildren(target, (await Promise.all(input.sourceIds.map((id) => activeChildren(ctx.db, id)))).flat()));
  const eventId = await insertEvent(
    ctx.db,
    { kind: 'merge', effectiveOn: input.effectiveOn, decision: input.decision, note: input.note, orgs: [{ orgId: targetId, role: 'target' }, ...input.sourceIds.map((id) => ({ orgId: id, role: 'source' }))] },
    ctx.actor.userId,
    ctx.now,
  );
  const before = await stateForAudit(ctx, [targetId, ...input.sourceIds]);
  let movedMembers = 0;
  for (const sourceId of input.sourceIds) {
    await moveChildren(ctx, sourceId, targetId, input.effectiveOn);
    const memberIds = await activeMemberIds(ctx.db, sourceId);
    await moveMembers(ctx.db, memberIds, targetId, input.effectiveOn, 'merge', null, eventId);
    movedMembers += memberIds.length;
    await closePeriod(ctx.db, sourceId, input.effectiveOn);
  }
  await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'org.merge', entity: 'organization', entityId: targetId, orgId: targetId, before, after: { ...input, movedMembers } });
  return eventId;
}

export interface SplitPartInput {
  name: string;
  kind: OrgKind;
  adminUnit?: string | null;
  memberIds: number[];
  childIds: number[];
  takesRest: boolean;
}

export async function splitOrg(ctx: CommandContext, orgId: number, input: { parts: SplitPartInput[]; effectiveOn: string; decision?: Decision; note?: string | null }) {
  checkDecision(ctx, input.decision);
  const [org] = await statesOrFail(ctx, [orgId]);
  fail(checkActive([org]));
  fail(checkEffectiveDate(input.effectiveOn, ctx.today, [org]));
  const row = await getOrg(ctx.db, orgId);
  const memberIds = await activeMemberIds(ctx.db, orgId);
  const children = await activeChildren(ctx.db, orgId);
  fail(checkSplit(input.parts, memberIds, children.map((c) => c.id)));
  const parent = row!.parentId === null ? null : (await statesOrFail(ctx, [row!.parentId]))[0];
  for (const part of input.parts) fail(checkPlacement(parent, part.kind));
  const before = await stateForAudit(ctx, [orgId]);
  const newIds: number[] = [];
  for (const part of input.parts) {
    newIds.push(await insertOrg(ctx.db, { name: part.name.trim(), kind: part.kind, adminUnit: part.adminUnit, parentId: row!.parentId, foundedOn: input.effectiveOn }, ctx.now));
  }
  const eventId = await insertEvent(
    ctx.db,
    { kind: 'split', effectiveOn: input.effectiveOn, decision: input.decision, note: input.note, orgs: [{ orgId, role: 'source' }, ...newIds.map((id) => ({ orgId: id, role: 'target' }))] },
    ctx.actor.userId,
    ctx.now,
  );
  const placedMembers = new Set(input.parts.flatMap((p) => p.memberIds));
  const placedChildren = new Set(input.parts.flatMap((p) => p.childIds));
  for (const [i, part] of input.parts.entries()) {
    const members = part.takesRest ? [...part.memberIds, ...memberIds.filter((m) => !placedMembers.has(m))] : part.memberIds;
    const childIds = part.takesRest ? [...part.childIds, ...children.map((c) => c.id).filter((c) => !placedChildren.has(c))] : part.childIds;
    await moveMembers(ctx.db, members, newIds[i], input.effectiveOn, 'split', null, eventId);
    await moveChildren(ctx, orgId, newIds[i], input.effectiveOn, childIds);
  }
  await closePeriod(ctx.db, orgId, input.effectiveOn);
  await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'org.split', entity: 'organization', entityId: orgId, orgId, before, after: { ...input, newIds } });
  return { eventId, newIds };
}

export async function dissolveOrg(ctx: CommandContext, orgId: number, input: { effectiveOn: string; transferToId?: number | null; decision?: Decision; note?: string | null }) {
  checkDecision(ctx, input.decision);
  const ids = input.transferToId ? [orgId, input.transferToId] : [orgId];
  const states = await statesOrFail(ctx, ids);
  fail(checkActive(states));
  fail(checkEffectiveDate(input.effectiveOn, ctx.today, states));
  const memberIds = await activeMemberIds(ctx.db, orgId);
  const children = await activeChildren(ctx.db, orgId);
  fail(checkDissolve(memberIds.length, children.length, Boolean(input.transferToId)));
  if (input.transferToId) {
    fail(checkMerge(states[1], [states[0]]));
    fail(checkReceivesChildren(states[1], children));
  }
  const before = await stateForAudit(ctx, ids);
  const eventId = await insertEvent(
    ctx.db,
    { kind: 'dissolve', effectiveOn: input.effectiveOn, decision: input.decision, note: input.note, orgs: [{ orgId, role: 'dissolved' }, ...(input.transferToId ? [{ orgId: input.transferToId, role: 'receiver' }] : [])] },
    ctx.actor.userId,
    ctx.now,
  );
  if (input.transferToId) {
    await moveChildren(ctx, orgId, input.transferToId, input.effectiveOn);
    await moveMembers(ctx.db, memberIds, input.transferToId, input.effectiveOn, 'dissolve', null, eventId);
  }
  await closePeriod(ctx.db, orgId, input.effectiveOn);
  await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'org.dissolve', entity: 'organization', entityId: orgId, orgId, before, after: input });
  return eventId;
}

export async function updateOrgFacts(ctx: CommandContext, orgId: number, input: { adminUnit?: string | null }) {
  const before = await getOrg(ctx.db, orgId);
  if (!before) throw notFound('tổ chức đảng');
  // a closed organisation's record is history: it is not edited
  fail(checkActive((await statesOrFail(ctx, [orgId]))));
  await ctx.db.updateTable('organizations').set({ admin_unit: input.adminUnit ?? null, updated_at: ctx.now }).where('id', '=', orgId).execute();
  await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'org.update', entity: 'organization', entityId: orgId, orgId, before: { adminUnit: before.adminUnit }, after: input });
}
