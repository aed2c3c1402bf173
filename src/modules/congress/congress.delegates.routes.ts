// Delegates of a congress: picking them from the members, their categories, replacement by an alternate, the credentials report.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import { Nullable } from '../../server/schemas.js';
import type { Executor } from '../../db/types.js';
import { recordAudit } from '../audit/audit.store.js';
import { activeChildren } from '../orgs/orgs.store.js';
import { pathUpperBound } from '../orgs/orgs.rules.js';
import { DELEGATE_CLASSES, DELEGATE_ORIGINS, checkReplacement, credentialsReport, type DelegateClass, type DelegateOrigin } from './congress.rules.js';
import { existingDelegateMembers, getCongress, type CongressRow, getDelegate, hasVoted, insertDelegates, listDelegates, recordReplacement, revokeDelegateTokens, undoReplacement, updateDelegate, type NewDelegate } from './congress.store.js';
import { replacementLockProblem } from './congress.delegate-changes.rules.js';
import { CARDS_REVOKED, attendance, cardsRevokedPayload, checkNotClosed, congressOrg, writeCongress } from './congress.http.js';
import { parseDelegateRows } from './congress.import.js';
import { readSheetRows } from '../members/members.xlsx.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const CongressParam = Type.Object({ id: Type.Integer({ minimum: 1, description: 'congress id' }) });
const DelegateParam = Type.Object({ id: Type.Integer({ minimum: 1 }), delegateId: Type.Integer({ minimum: 1 }) });

const DelegatePick = Type.Object(
  {
    memberId: Type.Integer({ minimum: 1 }),
    class: Type.Optional(lit(DELEGATE_CLASSES, 'official (chính thức) or alternate (dự khuyết); default official')),
    origin: Type.Optional(lit(DELEGATE_ORIGINS, 'ex_officio (đương nhiên), elected (bầu từ đại hội cấp dưới), appointed (chỉ định); default elected')),
    unitOrgId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'the unit that elected the delegate; default: the member’s unit under the congress organisation' }))),
    rank: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'alternates: place in the order of votes' }))),
    eligibilityNote: Type.Optional(Nullable(Type.String({ maxLength: 1000, description: 'an eligibility issue for the credentials committee' }))),
  },
  { additionalProperties: false },
);

type PickInput = (typeof DelegatePick)['static'];

/** the units a delegate may be elected by: the congress's organisation and its active units directly under it */
async function congressUnitIds(db: Executor, c: CongressRow): Promise<Set<number>> {
  return new Set([c.orgId, ...(await activeChildren(db, c.orgId)).map((u) => u.id)]);
}

/** the picks checked against the registry and the congress (every problem at once), with their defaults */
async function validatedPicks(db: Executor, c: CongressRow, list: readonly PickInput[]): Promise<NewDelegate[]> {
  const scope = { lo: c.orgPath, hi: pathUpperBound(c.orgPath) };
  const children = await activeChildren(db, c.orgId);
  const unitOf = (memberPath: string) => children.find((u) => memberPath.startsWith(u.path))?.id ?? c.orgId;
  if (!list.length) throw invalid('Chưa chọn đảng viên nào.');
  const memberIds = list.map((d) => d.memberId);
  if (new Set(memberIds).size !== memberIds.length) throw invalid('Một đảng viên được chọn hai lần.');
  const members = new Map<number, { path: string; status: string }>();
  for (let i = 0; i < memberIds.length; i += 500) {
    const rows = await db.selectFrom('members as m').innerJoin('organizations as o', 'o.id', 'm.org_id').select(['m.id', 'o.path', 'm.status']).where('m.id', 'in', memberIds.slice(i, i + 500)).execute();
    rows.forEach((r) => members.set(r.id, { path: r.path, status: r.status }));
  }
  const problems: { memberId: number; code: string; message: string }[] = [];
  const existing = await existingDelegateMembers(db, c.id, memberIds);
  const unitIds = await congressUnitIds(db, c);
  for (const d of list) {
    const m = members.get(d.memberId);
    if (!m) problems.push({ memberId: d.memberId, code: 'MEMBER_NOT_FOUND', message: `Không tìm thấy đảng viên #${d.memberId}.` });
    else if (!(m.path >= scope.lo && m.path < scope.hi)) problems.push({ memberId: d.memberId, code: 'MEMBER_OUTSIDE', message: `Đảng viên #${d.memberId} không sinh hoạt trong tổ chức của đại hội.` });
    else if (m.status !== 'active') problems.push({ memberId: d.memberId, code: 'MEMBER_NOT_ACTIVE', message: `Đảng viên #${d.memberId} không còn sinh hoạt.` });
    else if (existing.has(d.memberId)) problems.push({ memberId: d.memberId, code: 'ALREADY_DELEGATE', message: `Đảng viên #${d.memberId} đã có trong danh sách đại biểu.` });
    if (d.unitOrgId != null && !unitIds.has(d.unitOrgId)) problems.push({ memberId: d.memberId, code: 'UNIT_INVALID', message: `Đơn vị bầu của đảng viên #${d.memberId} không trực thuộc tổ chức của đại hội.` });
  }
  if (problems.length) throw new AppError('DELEGATES_INVALID', 400, `Có ${problems.length} lỗi; chưa thêm đại biểu nào.`, problems);
  return list.map((d) => ({
    memberId: d.memberId,
    unitOrgId: d.unitOrgId ?? unitOf(members.get(d.memberId)!.path),
    class: (d.class ?? 'official') as DelegateClass,
    origin: (d.origin ?? 'elected') as DelegateOrigin,
    rank: d.rank ?? null,
    eligibilityNote: d.eligibilityNote ?? null,
  }));
}

export async function congressDelegatesRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;

  // ---- delegates

  app.get(
    '/api/congresses/:id/delegates',
    {
      config: { access: { action: 'congress.read', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'Delegates with their check-in; search by name for the door',
        params: CongressParam,
        querystring: Type.Object({ search: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })) }),
      },
    },
    async (request) => {
      const { db } = readContext(request);
      if (!(await getCongress(db, request.params.id))) throw notFound('đại hội');
      return listDelegates(db, request.params.id, { search: request.query.search, limit: request.query.limit });
    },
  );

  app.post(
    '/api/congresses/:id/delegates',
    {
      config: { access: { action: 'congress.manage', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'Pick delegates from the members (all or none are added)',
        description: 'Give `delegates` (members picked one by one) or `allActiveMembers: true` (a members’ congress: every active member of the organisation, probationary members included and flagged).',
        params: CongressParam,
        body: Type.Object(
          {
            delegates: Type.Optional(Type.Array(DelegatePick, { maxItems: 5000 })),
            allActiveMembers: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const ids = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const scope = { lo: c.orgPath, hi: pathUpperBound(c.orgPath) };
        let picks: NewDelegate[];
        const children = await activeChildren(ctx.db, c.orgId);
        const unitOf = (memberPath: string) => children.find((u) => memberPath.startsWith(u.path))?.id ?? c.orgId;
        if (b.allActiveMembers) {
          const rows = await ctx.db
            .selectFrom('members as m')
            .innerJoin('organizations as o', 'o.id', 'm.org_id')
            .select(['m.id', 'o.path'])
            .where('m.status', '=', 'active')
            .where('o.path', '>=', scope.lo)
            .where('o.path', '<', scope.hi)
            .orderBy('m.sort_key')
            .execute();
          const existing = await existingDelegateMembers(ctx.db, c.id, rows.map((r) => r.id));
          picks = rows.filter((r) => !existing.has(r.id)).map((r) => ({ memberId: r.id, unitOrgId: unitOf(r.path), class: 'official', origin: 'elected', rank: null, eligibilityNote: null }));
        } else {
          picks = await validatedPicks(ctx.db, c, b.delegates ?? []);
        }
        const ids = await insertDelegates(ctx.db, c.id, picks, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.delegates.add', entity: 'congress', entityId: c.id, orgId: c.orgId, after: { count: ids.length, memberIds: picks.map((p) => p.memberId) } });
        emit('delegates.changed', { added: ids.length, attendance: await attendance(ctx.db, c) });
        return ids;
      });
      return reply.status(201).send({ added: ids.length, ids });
    },
  );

  app.post(
    '/api/congresses/:id/delegates/import',
    {
      config: {
        access: { action: 'congress.manage', org: congressOrg },
        upload: { field: 'file', description: 'the Excel list (.xlsx): Họ và tên, Số thẻ đảng viên, Ngày sinh, Loại đại biểu, Thành phần, Thứ tự, Ghi chú' },
      },
      schema: {
        tags: ['congress'],
        summary: 'Import the delegates from an Excel list (all rows or none)',
        description:
          'Columns found by their header: Họ và tên (required), Số thẻ đảng viên, Ngày sinh (to tell apart members of the same name), Loại đại biểu (chính thức / dự khuyết), Thành phần (đương nhiên / bầu / chỉ định), Thứ tự (order of votes, alternates), Ghi chú (eligibility note). A member is found by card number, else by name within the congress organisation.',
        params: CongressParam,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const file = await request.file().catch(() => undefined);
      if (!file) throw new AppError('FILE_REQUIRED', 400, 'Hãy chọn tệp Excel (.xlsx) danh sách đại biểu.');
      const rows = await readSheetRows(await file.toBuffer());
      const ids = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const registry = await ctx.db
          .selectFrom('members as m')
          .innerJoin('organizations as o', 'o.id', 'm.org_id')
          .select(['m.id', 'm.full_name', 'm.card_number', 'm.birth_date'])
          .where('m.status', '=', 'active')
          .where('o.path', '>=', c.orgPath)
          .where('o.path', '<', pathUpperBound(c.orgPath))
          .execute();
        const { picks, problems } = parseDelegateRows(rows, registry.map((m) => ({ id: m.id, fullName: m.full_name, cardNumber: m.card_number, birthDate: m.birth_date })));
        if (problems.length) throw new AppError('IMPORT_INVALID', 400, `Tệp có ${problems.length} lỗi; chưa nhập đại biểu nào. Hãy sửa các lỗi và nhập lại.`, problems);
        const delegates = await validatedPicks(ctx.db, c, picks);
        const ids = await insertDelegates(ctx.db, c.id, delegates, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.delegates.import', entity: 'congress', entityId: c.id, orgId: c.orgId, after: { file: file.filename, count: ids.length } });
        emit('delegates.changed', { added: ids.length, attendance: await attendance(ctx.db, c) });
        return ids;
      });
      return reply.status(201).send({ added: ids.length, ids });
    },
  );

  app.patch(
    '/api/congresses/:id/delegates/:delegateId',
    {
      config: { access: { action: 'congress.manage', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'Change a delegate’s category, unit, order of votes, eligibility note, or withdraw them',
        params: DelegateParam,
        body: Type.Object(
          {
            class: Type.Optional(lit(DELEGATE_CLASSES)),
            origin: Type.Optional(lit(DELEGATE_ORIGINS)),
            unitOrgId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            rank: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            eligibilityNote: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
            withdrawn: Type.Optional(Type.Boolean({ description: 'true: no longer a delegate (kept for the record); false: back to active' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const b = request.body;
      await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const d = await getDelegate(ctx.db, c.id, request.params.delegateId);
        if (!d) throw notFound('đại biểu');
        if (b.withdrawn === false && d.status === 'replaced') throw new AppError('DELEGATE_REPLACED', 409, 'Đại biểu này đã được thay thế.');
        const locked = replacementLockProblem(d, b);
        if (locked) throw new AppError(locked.code, 409, locked.message);
        // the same units a pick may name: the congress's organisation and the units directly under it (a unit kept as it is passes)
        if (b.unitOrgId != null && b.unitOrgId !== d.unitOrgId && !(await congressUnitIds(ctx.db, c)).has(b.unitOrgId)) {
          throw new AppError('UNIT_INVALID', 400, 'Đơn vị bầu phải là tổ chức của đại hội hoặc một đơn vị trực thuộc.', { unitOrgId: b.unitOrgId });
        }
        await updateDelegate(ctx.db, d.id, {
          class: b.class,
          origin: b.origin,
          unitOrgId: b.unitOrgId,
          rank: b.rank,
          eligibilityNote: b.eligibilityNote,
          status: b.withdrawn === undefined ? undefined : b.withdrawn ? 'withdrawn' : 'active',
        });
        if (b.withdrawn && (await revokeDelegateTokens(ctx.db, d.id, ctx.now))) emit(CARDS_REVOKED, cardsRevokedPayload([d.id]));
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.delegate.update', entity: 'delegate', entityId: d.id, orgId: c.orgId, before: d, after: b });
        emit('delegates.changed', { delegateId: d.id, attendance: await attendance(ctx.db, c) });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/congresses/:id/delegates/:delegateId/replace',
    {
      config: { access: { action: 'congress.manage', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'An alternate stands in for this absent elected official delegate (Quy chế bầu cử trong Đảng 190-QĐ/TW: same unit, order of votes), recorded with who decided',
        params: DelegateParam,
        body: Type.Object(
          {
            alternateId: Type.Integer({ minimum: 1 }),
            decidedBy: Type.String({ minLength: 2, maxLength: 200, description: 'who decided, e.g. Đoàn Chủ tịch đại hội' }),
            reason: Type.String({ minLength: 2, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const b = request.body;
      await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const all = await listDelegates(ctx.db, c.id);
        const official = all.find((d) => d.id === request.params.delegateId);
        const alternate = all.find((d) => d.id === b.alternateId);
        if (!official || !alternate) throw notFound('đại biểu');
        const cand = (d: typeof official) => ({ ...d, present: d.checkedInAt !== null, replacing: d.replacesDelegateId !== null });
        const problem = checkReplacement(cand(official), cand(alternate), all.filter((d) => d.class === 'alternate').map(cand), c.kind);
        if (problem) throw new AppError(problem.code, 409, problem.message, problem.details);
        await recordReplacement(ctx.db, official.id, alternate.id, b.decidedBy, b.reason, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.delegate.replace', entity: 'delegate', entityId: official.id, orgId: c.orgId, after: b });
        emit('delegates.changed', { replaced: official.id, by: alternate.id, attendance: await attendance(ctx.db, c) });
      });
      return { ok: true };
    },
  );

  app.delete(
    '/api/congresses/:id/delegates/:delegateId/replace',
    {
      config: { access: { action: 'congress.manage', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'Undo a replacement recorded by mistake: the official delegate is convened again, the alternate stands in for nobody (refused once the alternate has voted)',
        params: DelegateParam,
      },
    },
    async (request) => {
      await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const official = await getDelegate(ctx.db, c.id, request.params.delegateId);
        if (!official) throw notFound('đại biểu');
        const alternate = official.status === 'replaced' ? (await listDelegates(ctx.db, c.id)).find((d) => d.replacesDelegateId === official.id) : undefined;
        if (!alternate) throw new AppError('NOT_REPLACED', 409, 'Đại biểu này không được ai thay thế.');
        // the alternate's votes were cast for this seat: the record of those polls stands
        if (await hasVoted(ctx.db, alternate.id)) throw new AppError('DELEGATE_HAS_VOTED', 409, 'Đại biểu dự khuyết đã biểu quyết hoặc bỏ phiếu thay đại biểu này; không thể hủy việc thay thế.');
        await undoReplacement(ctx.db, official.id, alternate.id);
        await recordAudit(ctx.db, ctx.actor, ctx.now, {
          action: 'congress.delegate.replace.undo',
          entity: 'delegate',
          entityId: official.id,
          orgId: c.orgId,
          before: { alternateId: alternate.id, decidedBy: alternate.replacementDecidedBy, reason: alternate.replacementReason },
        });
        emit('delegates.changed', { replacementUndone: official.id, alternate: alternate.id, attendance: await attendance(ctx.db, c) });
      });
      return { ok: true };
    },
  );

  app.get(
    '/api/congresses/:id/credentials',
    {
      config: { access: { action: 'congress.read', org: congressOrg } },
      schema: { tags: ['congress'], summary: 'The credentials report (báo cáo thẩm tra tư cách đại biểu) as of the opening day', params: CongressParam },
    },
    async (request) => {
      const { db } = readContext(request);
      const c = await getCongress(db, request.params.id);
      if (!c) throw notFound('đại hội');
      const delegates = await listDelegates(db, c.id);
      return { congress: { id: c.id, title: c.title, opensOn: c.opensOn }, report: credentialsReport(delegates, c.opensOn), attendance: await attendance(db, c) };
    },
  );
}
