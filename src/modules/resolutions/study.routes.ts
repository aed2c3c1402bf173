// Studying a resolution (học tập, quán triệt): sessions, attendance (by hand, by QR, from an Excel list)
// and the share of members who have studied it, by unit, against the 100% target.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { inTransaction, readContext } from '../../server/request-context.js';
import { IdParam, IsoDate, Nullable } from '../../server/schemas.js';
import { recordAudit } from '../audit/audit.store.js';
import { getOrg } from '../orgs/orgs.store.js';
import { pathUpperBound } from '../orgs/orgs.rules.js';
import { readSheetRows } from '../members/members.xlsx.js';
import { resolutionHeader } from './resolutions.store.js';
import { STUDY_FORMS, STUDY_TARGET_SHARE, attendanceColumns, canRecordAttendance, matchAttendanceRows, rollUpStudy, studyCoverage, validateSession } from './study.rules.js';
import { activeMembersWithin, deleteUnattendedSession, getStudySession, insertStudySession, listStudySessions, recordAttendance, removeAttendance, rosterWithin, sessionAttendees, studyUnitsWithin } from './study.store.js';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const SessionBody = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1 })),
    heldOn: IsoDate,
    place: Type.String({ minLength: 1, maxLength: 300 }),
    form: lit(STUDY_FORMS),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
const AttendanceBody = Type.Object(
  { memberIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 5000 }), via: lit(['manual', 'qr'] as const) },
  { additionalProperties: false },
);

const byName = new Intl.Collator('vi', { numeric: true });
const within = (path: string, root: string) => path >= root && path < pathUpperBound(root);

const resolutionOf = async (r: FastifyRequest) => {
  const h = await resolutionHeader(r.server.ctx.handle.db, (r.params as { id: number }).id);
  if (!h) throw notFound('nghị quyết');
  return h;
};
const sessionOf = async (r: FastifyRequest) => {
  const s = await getStudySession(r.server.ctx.handle.db, (r.params as { id: number }).id);
  if (!s) throw notFound('buổi học tập');
  return s;
};

/** a session is held by the resolution's organisation or a unit inside it */
async function holdingOrg(db: Parameters<typeof getOrg>[0], resolution: { orgPath: string }, orgId: number) {
  const org = await getOrg(db, orgId);
  if (!org) throw notFound('tổ chức đảng');
  if (!within(org.path, resolution.orgPath)) throw invalid('Đơn vị tổ chức học tập phải là tổ chức ban hành nghị quyết hoặc đơn vị trực thuộc.', [{ code: 'ORG_OUTSIDE_RESOLUTION', field: 'orgId' }]);
  if (org.closedOn) throw new AppError('ORG_CLOSED', 409, 'Tổ chức này đã giải thể hoặc sáp nhập.');
  return org;
}

function checkHeld(heldOn: string, today: string) {
  if (!canRecordAttendance(heldOn, today)) throw new AppError('SESSION_NOT_HELD', 409, `Buổi học tập ngày ${heldOn} chưa diễn ra; chưa thể ghi danh sách dự.`);
}

export async function studyRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  const tags = ['resolutions'];

  app.get(
    '/api/resolutions/:id/study-sessions',
    { config: { access: { action: 'resolution.read', org: async (r) => (await resolutionOf(r)).orgId } }, schema: { tags, params: IdParam } },
    async (request) => listStudySessions(readContext(request).db, request.params.id),
  );

  app.post(
    '/api/resolutions/:id/study-sessions',
    {
      config: { access: { action: 'resolution.manage', org: async (r) => (r.body as { orgId?: number }).orgId ?? (await resolutionOf(r)).orgId } },
      schema: { tags, params: IdParam, body: SessionBody },
    },
    async (request, reply) => {
      const b = request.body;
      const id = await inTransaction(request, async (ctx) => {
        const h = await resolutionHeader(ctx.db, request.params.id);
        if (!h) throw notFound('nghị quyết');
        const problems = validateSession(b, h.adoptedOn);
        if (problems.length) throw invalid(problems.map((p) => p.message).join(' '), problems);
        const org = await holdingOrg(ctx.db, h, b.orgId ?? h.orgId);
        const input = { orgId: org.id, heldOn: b.heldOn, place: b.place.trim(), form: b.form, note: b.note ?? null };
        const id = await insertStudySession(ctx.db, h.id, input, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.study.create', entity: 'resolution_study_session', entityId: id, orgId: org.id, after: { resolutionId: h.id, ...input } });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/study-sessions/:id',
    { config: { access: { action: 'resolution.read', org: async (r) => (await sessionOf(r)).orgId } }, schema: { tags, params: IdParam } },
    async (request) => {
      const { db } = readContext(request);
      const { orgPath: _p, ...s } = (await getStudySession(db, request.params.id))!;
      return { ...s, attendees: await sessionAttendees(db, s.id) };
    },
  );

  app.post(
    '/api/study-sessions/:id/attendance',
    { config: { access: { action: 'resolution.manage', org: async (r) => (await sessionOf(r)).orgId } }, schema: { tags, params: IdParam, body: AttendanceBody } },
    async (request) => {
      const { memberIds, via } = request.body;
      return inTransaction(request, async (ctx) => {
        const s = (await getStudySession(ctx.db, request.params.id))!;
        checkHeld(s.heldOn, ctx.today);
        const allowed = await activeMembersWithin(ctx.db, s.orgPath, memberIds);
        const outside = [...new Set(memberIds)].filter((id) => !allowed.has(id));
        if (outside.length) {
          throw invalid(`${outside.length} người không phải đảng viên đang sinh hoạt tại ${s.orgName} hoặc đơn vị trực thuộc.`, outside.map((id) => ({ code: 'MEMBER_OUTSIDE_UNIT', field: 'memberIds', memberId: id })));
        }
        const added = await recordAttendance(ctx.db, s.id, memberIds, via, ctx.actor.userId, ctx.now);
        if (added.length) await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.study.attendance', entity: 'resolution_study_session', entityId: s.id, orgId: s.orgId, after: { via, memberIds: added } });
        return { added: added.length, alreadyRecorded: new Set(memberIds).size - added.length };
      });
    },
  );

  app.delete(
    '/api/study-sessions/:id/attendance/:memberId',
    {
      config: { access: { action: 'resolution.manage', org: async (r) => (await sessionOf(r)).orgId } },
      schema: { tags, summary: 'Take a member off a session’s attendance (recorded by mistake)', params: Type.Object({ id: Type.Integer({ minimum: 1 }), memberId: Type.Integer({ minimum: 1 }) }) },
    },
    async (request) =>
      inTransaction(request, async (ctx) => {
        const s = (await getStudySession(ctx.db, request.params.id))!;
        if (!(await removeAttendance(ctx.db, s.id, request.params.memberId))) {
          throw new AppError('ATTENDANCE_NOT_FOUND', 404, 'Đảng viên này không có trong danh sách dự buổi học tập.');
        }
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.study.attendance.remove', entity: 'resolution_study_session', entityId: s.id, orgId: s.orgId, before: { memberId: request.params.memberId } });
        return { removed: true };
      }),
  );

  app.delete(
    '/api/study-sessions/:id',
    {
      config: { access: { action: 'resolution.manage', org: async (r) => (await sessionOf(r)).orgId } },
      schema: { tags, summary: 'Remove a session nobody attended (one with attendance is refused)', params: IdParam },
    },
    async (request) =>
      inTransaction(request, async (ctx) => {
        const { orgPath: _p, ...s } = (await getStudySession(ctx.db, request.params.id))!;
        if (!(await deleteUnattendedSession(ctx.db, s.id))) {
          throw new AppError('SESSION_HAS_ATTENDANCE', 409, 'Buổi học tập đã có người dự: bỏ tên từng người trong danh sách dự trước khi xóa buổi.');
        }
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.study.session.delete', entity: 'resolution_study_session', entityId: s.id, orgId: s.orgId, before: s });
        return { deleted: true };
      }),
  );

  app.post(
    '/api/study-sessions/:id/attendance/import',
    {
      config: { access: { action: 'resolution.manage', org: async (r) => (await sessionOf(r)).orgId }, upload: { field: 'file', description: 'the attendance list (.xlsx)' } },
      schema: { tags, params: IdParam, consumes: ['multipart/form-data'] },
    },
    async (request) => {
      const file = await request.file().catch(() => undefined);
      if (!file) throw new AppError('FILE_REQUIRED', 400, 'Hãy chọn tệp Excel (.xlsx) để nhập.');
      const rows = await readSheetRows(await file.toBuffer());
      const headerIndex = rows.findIndex((r) => attendanceColumns(r.cells) !== null);
      if (headerIndex < 0) {
        throw new AppError('IMPORT_INVALID', 400, 'Tệp không có cột "Họ và tên" hoặc "Số thẻ đảng viên"; chưa nhập dòng nào.', [
          { row: rows[0]?.number ?? 1, column: 'Họ và tên', code: 'COLUMN_MISSING', message: 'Thiếu cột "Họ và tên" hoặc "Số thẻ đảng viên" ở dòng tiêu đề.' },
        ]);
      }
      const cols = attendanceColumns(rows[headerIndex].cells)!;
      return inTransaction(request, async (ctx) => {
        const s = (await getStudySession(ctx.db, request.params.id))!;
        checkHeld(s.heldOn, ctx.today);
        const { memberIds, problems } = matchAttendanceRows(rows.slice(headerIndex + 1), cols, await rosterWithin(ctx.db, s.orgPath));
        if (problems.length) throw new AppError('IMPORT_INVALID', 400, `Tệp có ${problems.length} lỗi; chưa nhập dòng nào. Hãy sửa các lỗi và nhập lại.`, problems);
        if (!memberIds.length) throw new AppError('IMPORT_EMPTY', 400, 'Tệp không có dòng nào ghi đảng viên dự học.');
        const added = await recordAttendance(ctx.db, s.id, memberIds, 'import', ctx.actor.userId, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.study.import', entity: 'resolution_study_session', entityId: s.id, orgId: s.orgId, after: { file: file.filename, rows: memberIds.length, added: added.length } });
        return { rows: memberIds.length, added: added.length, alreadyRecorded: memberIds.length - added.length };
      });
    },
  );

  app.get(
    '/api/resolutions/:id/study-coverage',
    {
      config: { access: { action: 'resolution.read', org: async (r) => (r.query as { orgId?: number }).orgId ?? (await resolutionOf(r)).orgId } },
      schema: { tags, params: IdParam, querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })) }) },
    },
    async (request) => {
      const { db, today } = readContext(request);
      const h = (await resolutionHeader(db, request.params.id))!;
      const org = await getOrg(db, request.query.orgId ?? h.orgId);
      if (!org) throw notFound('tổ chức đảng');
      if (!within(org.path, h.orgPath)) throw invalid('Đơn vị này không thuộc phạm vi của nghị quyết.', [{ code: 'ORG_OUTSIDE_RESOLUTION', field: 'orgId' }]);
      const units = await studyUnitsWithin(db, h.id, org.path);
      const totals = rollUpStudy(units);
      const present = (u: (typeof units)[number]) => ({ id: u.id, name: u.name, ...studyCoverage(totals.get(u.id)!), direct: u.direct, hasChildren: units.some((c) => c.parentId === u.id) });
      const top = units.find((u) => u.id === org.id);
      return {
        resolution: { id: h.id, title: h.title, orgId: h.orgId },
        today,
        target: STUDY_TARGET_SHARE,
        basis: 'active_members_now',
        parentId: org.id === h.orgId ? null : org.parentId,
        unit: top ? present(top) : { id: org.id, name: org.name, ...studyCoverage({ members: 0, studied: 0 }), direct: { members: 0, studied: 0 }, hasChildren: false },
        children: units.filter((u) => u.parentId === org.id).sort((a, b) => byName.compare(a.name, b.name)).map(present),
      };
    },
  );
}
