// Studying by QR: members' cards with a signed code, and the study session scanner that reads them.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, notFound } from '../../server/errors.js';
import { actorOf, inTransaction, readContext } from '../../server/request-context.js';
import { IdParam } from '../../server/schemas.js';
import { memberCardsPdf } from '../../docs/member-cards.js';
import { recordAudit } from '../audit/audit.store.js';
import { getOrg } from '../orgs/orgs.store.js';
import { pathUpperBound } from '../orgs/orgs.rules.js';
import { memberCode, parseMemberCode, verifyMemberCode } from './member-code.rules.js';
import { canRecordAttendance } from './study.rules.js';
import { getStudySession } from './study.store.js';
import { attendeeCount, memberCardKey, memberOfCard, membersForCards, recordScan, reissueStudyCard } from './study.cards.store.js';
import { memberOrg } from '../members/members.routes.js';

const CardsBody = Type.Object(
  { memberIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 5000, description: 'only these members (active, inside the unit); all active members of the subtree when absent' })) },
  { additionalProperties: false },
);
const ScanBody = Type.Object({ code: Type.String({ maxLength: 500, description: 'the text of the scanned QR code: DH1-M.<memberId>.<mac>' }) }, { additionalProperties: false });

const MAX_CARDS = 5000;
const within = (path: string, root: string) => path >= root && path < pathUpperBound(root);

const sessionOrg = async (r: FastifyRequest) => {
  const s = await getStudySession(r.server.ctx.handle.db, (r.params as { id: number }).id);
  if (!s) throw notFound('buổi học tập');
  return s.orgId;
};

export async function studyCardRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  const tags = ['resolutions'];
  const { config } = app.ctx;

  app.post(
    '/api/orgs/:id/member-cards.pdf',
    {
      config: { access: { action: 'member.manage', org: (r) => (r.params as { id: number }).id } },
      schema: { tags, summary: "Print members' study cards (A4, ten 85 × 54 mm cards a page, a signed QR code each) for a unit's active members", params: IdParam, body: CardsBody, produces: ['application/pdf'] },
    },
    async (request, reply) => {
      const { db, now } = readContext(request);
      const org = await getOrg(db, request.params.id);
      if (!org) throw notFound('tổ chức đảng');
      const ids = request.body.memberIds ? [...new Set(request.body.memberIds)] : undefined;
      const members = await membersForCards(db, org.path, ids);
      if (ids && members.length !== ids.length) {
        const found = new Set(members.map((m) => m.id));
        throw new AppError('MEMBER_OUTSIDE_UNIT', 400, `${ids.length - members.length} người không phải đảng viên đang sinh hoạt tại ${org.name} hoặc đơn vị trực thuộc.`, ids.filter((id) => !found.has(id)).map((id) => ({ code: 'MEMBER_OUTSIDE_UNIT', field: 'memberIds', memberId: id })));
      }
      if (!members.length) throw new AppError('NO_MEMBERS', 400, `${org.name} chưa có đảng viên đang sinh hoạt để in thẻ.`);
      // one PDF is drawn in one go (about 2.5 s a thousand cards): a larger unit prints unit by unit
      if (members.length > MAX_CARDS) throw new AppError('TOO_MANY_CARDS', 400, `${org.name} có ${members.length} đảng viên; mỗi lần in tối đa ${MAX_CARDS} thẻ. Hãy in theo từng đơn vị trực thuộc.`);
      const key = await memberCardKey(db, now);
      const pdf = await memberCardsPdf(org.name, members.map((m) => ({ fullName: m.fullName, unitName: m.orgName, cardNumber: m.cardNumber, code: memberCode(m.id, key, m.generation) })));
      await recordAudit(db, actorOf(request), now, { action: 'member.cards.print', entity: 'organization', entityId: org.id, orgId: org.id, after: { members: members.length } });
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="the-diem-danh.pdf"; filename*=UTF-8''${encodeURIComponent(`Thẻ điểm danh - ${org.name}.pdf`)}`).send(pdf);
    },
  );

  app.post(
    '/api/members/:id/study-card/reissue',
    {
      config: { access: { action: 'member.manage', org: memberOrg } },
      schema: {
        tags,
        summary: "Reissue one member's study card (lost, or in someone else's hands): the cards printed before stop working; answers the new card as a PDF",
        params: IdParam,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { card, orgName } = await inTransaction(request, async (ctx) => {
        const m = await memberOfCard(ctx.db, request.params.id);
        if (!m) throw notFound('đảng viên');
        if (m.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE', 409, `Đồng chí ${m.fullName} không còn sinh hoạt đảng; không cấp thẻ điểm danh.`);
        const generation = await reissueStudyCard(ctx.db, m.id, ctx.actor.userId, ctx.now);
        const key = await memberCardKey(ctx.db, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'member.card.reissue', entity: 'member', entityId: m.id, orgId: m.orgId, after: { generation } });
        return { card: { fullName: m.fullName, unitName: m.orgName, cardNumber: m.cardNumber, code: memberCode(m.id, key, generation) }, orgName: m.orgName };
      });
      const pdf = await memberCardsPdf(orgName, [card]);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="the-diem-danh.pdf"; filename*=UTF-8''${encodeURIComponent(`Thẻ điểm danh - ${card.fullName}.pdf`)}`).send(pdf);
    },
  );

  app.post(
    '/api/study-sessions/:id/attendance/scan',
    {
      config: {
        access: { action: 'resolution.manage', org: sessionOrg },
        rateLimit: { max: config.checkinRateLimit, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req: FastifyRequest) => `study-scan:${req.ip}:${req.user?.id ?? 'anonymous'}` },
      },
      schema: { tags, summary: "Record a member's attendance from their scanned card (idempotent)", params: IdParam, body: ScanBody },
    },
    async (request) => {
      const key = await memberCardKey(request.server.ctx.handle.db, readContext(request).now);
      const parsed = parseMemberCode(request.body.code);
      if (!parsed.ok) throw new AppError('CARD_CODE_MALFORMED', 400, 'Mã vừa quét không phải mã thẻ điểm danh đảng viên của daihoi.');
      return inTransaction(request, async (ctx) => {
        const s = (await getStudySession(ctx.db, request.params.id))!;
        if (!canRecordAttendance(s.heldOn, ctx.today)) throw new AppError('SESSION_NOT_HELD', 409, `Buổi học tập ngày ${s.heldOn} chưa diễn ra; chưa thể ghi danh sách dự.`);
        const m = await memberOfCard(ctx.db, parsed.memberId);
        const reading = verifyMemberCode(parsed, key, m?.generation ?? 0);
        if (!reading.ok) {
          throw reading.reason === 'replaced'
            ? new AppError('CARD_REPLACED', 409, 'Thẻ này đã được thay bằng thẻ mới (cấp lại); hãy dùng thẻ mới của đảng viên.')
            : new AppError('CARD_CODE_INVALID', 400, 'Mã thẻ không hợp lệ: thẻ không do hệ thống này in hoặc đã bị sửa.');
        }
        if (!m) throw new AppError('MEMBER_NOT_FOUND', 404, 'Không tìm thấy đảng viên của thẻ này.');
        if (m.status !== 'active' || !within(m.orgPath, s.orgPath)) {
          throw new AppError('MEMBER_OUTSIDE_UNIT', 409, `Đồng chí ${m.fullName} không phải đảng viên đang sinh hoạt tại ${s.orgName} hoặc đơn vị trực thuộc.`, [{ code: 'MEMBER_OUTSIDE_UNIT', memberId: m.id }]);
        }
        const created = await recordScan(ctx.db, s.id, m.id, ctx.actor.userId, ctx.now);
        if (created) await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'resolution.study.attendance', entity: 'resolution_study_session', entityId: s.id, orgId: s.orgId, after: { via: 'qr', memberIds: [m.id] } });
        return { created, member: { id: m.id, fullName: m.fullName, cardNumber: m.cardNumber, orgName: m.orgName }, attendees: await attendeeCount(ctx.db, s.id) };
      });
    },
  );
}
