// Congress preparation: the congress, its sessions, seats, delegates, credentials report and delegate tokens.
import crypto from 'node:crypto';
import os from 'node:os';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { inTransaction, readContext } from '../../server/request-context.js';
import { IsoDate, Nullable } from '../../server/schemas.js';
import { RealtimeHub } from '../../server/realtime.js';
import { votingRoutes } from '../voting/voting.routes.js';
import { allowedSubtrees } from '../accounts/accounts.rules.js';
import { recordAudit } from '../audit/audit.store.js';
import { getOrg, activeChildren, subtreeMemberCount } from '../orgs/orgs.store.js';
import { idsOnPath } from '../orgs/orgs.rules.js';
import { isIsoDate } from '../members/members.rules.js';
import {
  CONGRESS_KINDS,
  CONGRESS_STATUSES,
  SESSION_KINDS,
  allocateDelegateSeats,
  congressKindProblem,
  conveningNoticeProblem,
  isRuleProblem,
  type DelegateClass,
} from './congress.rules.js';
import {
  eventsAfter,
  getCongress,
  getDelegate,
  insertCongress,
  issueDelegateToken,
  listCongresses,
  listDelegates,
  replaceSeatAllocations,
  replaceSessions,
  revokeDelegateTokens,
  seatAllocations,
  sessionsOf,
  updateCongress,
  type CongressFacts,
  type CongressRow,
} from './congress.store.js';
import { delegateCardsPdf } from '../../docs/delegate-cards.js';
import { memberPhotos } from '../members/members.photo.store.js';
import type { Executor } from '../../db/types.js';

interface IssuedToken {
  delegateId: number;
  memberId: number;
  number: number;
  fullName: string;
  class: DelegateClass;
  unitName: string | null;
  token: string;
  url: string;
}
import { CARDS_REVOKED, CARD_LINK_WARNING_HEADER, attendance, cardLinkBase, cardsRevokedPayload, checkNotClosed, congressOrg, publicCongress, setHub, tokenUrl, writeCongress } from './congress.http.js';
import { cardLinkProblem, isLoopbackHost } from './congress.links.rules.js';
import { congressRoomRoutes } from './congress.room.routes.js';
import { congressDelegatesRoutes } from './congress.delegates.routes.js';
import { delegateRoutes } from './congress.delegate.routes.js';
import { congressPrintRoutes } from './congress.print.routes.js';
import { congressBodiesRoutes } from './congress.bodies.routes.js';
import { congressCredentialsRoutes } from './congress.credentials.routes.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const CongressParam = Type.Object({ id: Type.Integer({ minimum: 1, description: 'congress id' }) });
const DelegateParam = Type.Object({ id: Type.Integer({ minimum: 1 }), delegateId: Type.Integer({ minimum: 1 }) });

const Session = Type.Object(
  {
    id: Type.Optional(Type.Integer({ minimum: 1, description: 'an existing session to keep; omitted: a new session' })),
    kind: lit(SESSION_KINDS, 'preparatory: phiên trù bị; official: phiên chính thức'),
    title: Nullable(Type.String({ maxLength: 200 })),
    startsAt: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}', maxLength: 40, description: 'ISO date-time, e.g. 2025-08-17T07:30:00+07:00' }),
    endsAt: Nullable(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}', maxLength: 40 })),
  },
  { additionalProperties: false },
);

const CongressBody = Type.Object(
  {
    orgId: Type.Integer({ minimum: 1, description: 'the Party organisation holding the congress' }),
    title: Type.String({ minLength: 5, maxLength: 300, description: 'e.g. Đại hội đại biểu Đảng bộ phường Từ Sơn lần thứ I, nhiệm kỳ 2025–2030' }),
    kind: lit(CONGRESS_KINDS, 'delegates: đại hội đại biểu; members: đại hội đảng viên'),
    number: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100, description: 'lần thứ (I, II …) as a number' }))),
    term: Type.Optional(Nullable(Type.String({ pattern: '^\\d{4}\\s*[–-]\\s*\\d{4}$', description: 'nhiệm kỳ, e.g. 2025–2030' }))),
    venue: Type.Optional(Nullable(Type.String({ maxLength: 300, description: 'địa điểm' }))),
    motto: Type.Optional(Nullable(Type.String({ maxLength: 300, description: 'phương châm, e.g. Đoàn kết - Dân chủ - Kỷ cương - Đổi mới - Phát triển' }))),
    opensOn: IsoDate,
    closesOn: IsoDate,
    plannedSeats: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 5000, description: 'số đại biểu được triệu tập; on PUT omitted keeps the stored number (null clears it)' }))),
    exOfficioSeats: Type.Optional(Type.Integer({ minimum: 0, maximum: 5000, description: 'đại biểu đương nhiên (ủy viên cấp ủy triệu tập); default 0, and on PUT omitted keeps the stored number' })),
    quorum: Type.Optional(
      Type.Object(
        { numerator: Type.Integer({ minimum: 1, maximum: 100 }), denominator: Type.Integer({ minimum: 1, maximum: 100 }) },
        { description: 'share of the convened who must attend; default 2/3 (RULES.md "Quorum", verify)' },
      ),
    ),
    sessions: Type.Optional(Type.Array(Session, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
type CongressInput = typeof CongressBody.static;

/** the facts given; on PUT (`stored`), the seat numbers not given are kept as stored (they are set by the seat allocation, not the form) */
function factsOf(b: CongressInput, stored?: Pick<CongressFacts, 'plannedSeats' | 'exOfficioSeats'>): CongressFacts {
  if (!isIsoDate(b.opensOn) || !isIsoDate(b.closesOn)) throw invalid('Ngày khai mạc hoặc bế mạc không hợp lệ.');
  if (b.closesOn < b.opensOn) throw invalid('Ngày bế mạc phải sau hoặc trùng ngày khai mạc.');
  const q = b.quorum ?? { numerator: 2, denominator: 3 };
  if (q.numerator > q.denominator) throw invalid('Tỷ lệ đại biểu cần có mặt không được lớn hơn 1.');
  const plannedSeats = b.plannedSeats === undefined ? (stored?.plannedSeats ?? null) : b.plannedSeats;
  const exOfficioSeats = b.exOfficioSeats ?? stored?.exOfficioSeats ?? 0;
  if (plannedSeats !== null && exOfficioSeats > plannedSeats) throw invalid('Số đại biểu đương nhiên lớn hơn tổng số đại biểu.');
  for (const s of b.sessions ?? []) {
    if (Number.isNaN(Date.parse(s.startsAt)) || (s.endsAt && Number.isNaN(Date.parse(s.endsAt)))) throw invalid('Thời gian phiên họp không hợp lệ.');
    if (s.endsAt && Date.parse(s.endsAt) < Date.parse(s.startsAt)) throw invalid('Phiên họp kết thúc trước khi bắt đầu.');
  }
  return {
    orgId: b.orgId,
    title: b.title,
    kind: b.kind,
    number: b.number ?? null,
    term: b.term?.replace(/\s*[–-]\s*/, '–') ?? null,
    venue: b.venue ?? null,
    motto: b.motto ?? null,
    opensOn: b.opensOn,
    closesOn: b.closesOn,
    plannedSeats,
    exOfficioSeats,
    quorumNumerator: q.numerator,
    quorumDenominator: q.denominator,
  };
}

export async function congressRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  const hub = new RealtimeHub(appBase.ctx.handle, eventsAfter);
  await hub.start();
  setHub(appBase, hub);
  appBase.addHook('preClose', async () => hub.close());

  app.get(
    '/api/congresses',
    {
      config: { access: { action: 'congress.read', scope: 'any' } },
      schema: { tags: ['congress'], summary: 'Congresses the user may see', querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })) }) },
    },
    async (request) => {
      const { db } = readContext(request);
      const rows = await listCongresses(db, allowedSubtrees(request.user!.grants, 'congress.read'), request.query.orgId);
      return rows.map(publicCongress);
    },
  );

  app.post(
    '/api/congresses',
    { config: { access: { action: 'congress.manage', org: (r) => (r.body as { orgId: number }).orgId } }, schema: { tags: ['congress'], summary: 'Create a congress', body: CongressBody } },
    async (request, reply) => {
      const facts = factsOf(request.body);
      const { db } = readContext(request);
      const org = await getOrg(db, facts.orgId);
      if (!org) throw notFound('tổ chức đảng');
      if (org.closedOn) throw new AppError('ORG_CLOSED', 409, 'Tổ chức này đã giải thể hoặc sáp nhập.');
      const kindProblem = congressKindProblem(org.kind, facts.kind);
      if (kindProblem) throw new AppError(kindProblem.code, 400, kindProblem.message);
      const id = await inTransaction(request, async (ctx) => {
        const id = await insertCongress(ctx.db, facts, ctx.now);
        await replaceSessions(ctx.db, id, request.body.sessions ?? []);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.create', entity: 'congress', entityId: id, orgId: facts.orgId, after: request.body });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/congresses/:id',
    {
      config: { access: { action: 'congress.read', org: congressOrg } },
      schema: { tags: ['congress'], summary: 'A congress with its sessions, and the ids on its organisation’s path (orgPathIds, root first) for per-organisation permissions in the web app', params: CongressParam },
    },
    async (request) => {
      const { db, today } = readContext(request);
      const c = await getCongress(db, request.params.id);
      if (!c) throw notFound('đại hội');
      // while preparing: a reminder when the opening is announced later than the rule asks
      const warnings = c.status === 'preparing' ? [conveningNoticeProblem(today, c.opensOn)].filter((w) => w !== null) : [];
      return { ...publicCongress(c), orgPathIds: idsOnPath(c.orgPath), sessions: await sessionsOf(db, c.id), warnings };
    },
  );

  app.put(
    '/api/congresses/:id',
    {
      config: { access: { action: 'congress.manage', org: async (r) => [await congressOrg(r), (r.body as { orgId: number }).orgId] } },
      schema: {
        tags: ['congress'],
        summary: 'Replace the facts of a congress (sessions given are kept by id, the others removed; seat numbers omitted are kept)',
        description: 'sessions: omitted keeps them all; given, each with an id keeps (and updates) that session of this congress — an id of another congress is a 400 SESSION_NOT_OF_CONGRESS —, without an id adds one, and the sessions not listed are removed.',
        params: CongressParam,
        body: Type.Composite([CongressBody, Type.Object({ status: lit(CONGRESS_STATUSES, 'preparing, open (khai mạc), closed (bế mạc)') })], { additionalProperties: false }),
      },
    },
    async (request) => {
      const b = request.body as CongressInput & { status: (typeof CONGRESS_STATUSES)[number] };
      await writeCongress(request, request.params.id, async (ctx, emit, before) => {
        const facts = factsOf(b, before);
        if (facts.orgId !== before.orgId) throw new AppError('CONGRESS_ORG_FIXED', 409, 'Không thể chuyển đại hội sang tổ chức khác.');
        const kindProblem = congressKindProblem((await getOrg(ctx.db, before.orgId))!.kind, facts.kind);
        if (kindProblem) throw new AppError(kindProblem.code, 400, kindProblem.message);
        // a session is kept by its id: an id of another congress's session (or none) is a mistake, not a reason to drop every session
        const own = new Set((await sessionsOf(ctx.db, before.id)).map((s) => s.id));
        const foreign = (b.sessions ?? []).filter((s) => s.id !== undefined && !own.has(s.id)).map((s) => s.id);
        if (foreign.length) throw new AppError('SESSION_NOT_OF_CONGRESS', 400, 'Có phiên họp không thuộc đại hội này.', { sessionIds: foreign });
        if (new Set((b.sessions ?? []).filter((s) => s.id !== undefined).map((s) => s.id)).size !== (b.sessions ?? []).filter((s) => s.id !== undefined).length) throw invalid('Một phiên họp được gửi hai lần.');
        await updateCongress(ctx.db, before.id, { ...facts, status: b.status }, ctx.now);
        if (b.sessions) await replaceSessions(ctx.db, before.id, b.sessions);
        const after = (await getCongress(ctx.db, before.id))!;
        emit('congress.updated', { congress: publicCongress(after), sessions: await sessionsOf(ctx.db, before.id), attendance: await attendance(ctx.db, after) });
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.update', entity: 'congress', entityId: before.id, orgId: before.orgId, before: publicCongress(before), after: b });
      });
      return { ok: true };
    },
  );

  // ---- seats

  app.get(
    '/api/congresses/:id/seats',
    { config: { access: { action: 'congress.read', org: congressOrg } }, schema: { tags: ['congress'], summary: 'The seat allocation and how many official delegates each unit has', params: CongressParam } },
    async (request) => {
      const { db } = readContext(request);
      const c = await getCongress(db, request.params.id);
      if (!c) throw notFound('đại hội');
      return { plannedSeats: c.plannedSeats, exOfficioSeats: c.exOfficioSeats, method: SEAT_METHOD, units: await seatAllocations(db, c.id) };
    },
  );

  app.post(
    '/api/congresses/:id/seats/allocate',
    {
      config: { access: { action: 'congress.manage', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'Allocate the seats to the subordinate units in proportion to their members',
        description: SEAT_METHOD,
        params: CongressParam,
        body: Type.Object(
          {
            totalSeats: Type.Integer({ minimum: 1, maximum: 5000, description: 'số đại biểu được triệu tập' }),
            exOfficioSeats: Type.Integer({ minimum: 0, maximum: 5000, description: 'đại biểu đương nhiên, taken off first' }),
            unitIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 2000, description: 'the units to allocate to; default: every active unit directly under the congress organisation that has members' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const b = request.body;
      return writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const children = await activeChildren(ctx.db, c.orgId);
        const org = (await getOrg(ctx.db, c.orgId))!;
        const candidates = [...children.map((u) => ({ id: u.id, name: u.name, path: u.path })), ...(org.directMemberCount > 0 ? [{ id: org.id, name: org.name, path: '' }] : [])];
        const chosen = b.unitIds ? candidates.filter((u) => b.unitIds!.includes(u.id)) : candidates;
        if (b.unitIds && chosen.length !== new Set(b.unitIds).size) throw invalid('Có đơn vị không trực thuộc tổ chức của đại hội.', { unitIds: b.unitIds.filter((id) => !candidates.some((u) => u.id === id)) });
        const units = [];
        for (const u of chosen) units.push({ unitId: u.id, members: u.path ? await subtreeMemberCount(ctx.db, u.path) : org.directMemberCount });
        const withMembers = b.unitIds ? units : units.filter((u) => u.members > 0);
        const result = allocateDelegateSeats(b.totalSeats, b.exOfficioSeats, withMembers);
        if (isRuleProblem(result)) throw new AppError(result.code, 409, result.message, result.details);
        await replaceSeatAllocations(ctx.db, c.id, result.units.map((u) => ({ orgId: u.unitId, members: u.members, seats: u.seats })));
        await updateCongress(ctx.db, c.id, { ...c, plannedSeats: b.totalSeats, exOfficioSeats: b.exOfficioSeats }, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.seats.allocate', entity: 'congress', entityId: c.id, orgId: c.orgId, after: { ...b, units: result.units } });
        const seats = await seatAllocations(ctx.db, c.id);
        emit('seats.allocated', { totalSeats: b.totalSeats, exOfficioSeats: b.exOfficioSeats });
        return { plannedSeats: b.totalSeats, exOfficioSeats: b.exOfficioSeats, method: SEAT_METHOD, units: seats };
      });
    },
  );

  // ---- delegate tokens (the QR on the card)

  const issue = async <T = IssuedToken[]>(request: FastifyRequest, congressId: number, delegateIds: number[] | 'all' | 'missing', render?: (c: CongressRow, issued: IssuedToken[], db: Executor) => Promise<T>) =>
    writeCongress(request, congressId, async (ctx, emit, c): Promise<T> => {
      checkNotClosed(c);
      const all = await listDelegates(ctx.db, c.id);
      const targets = all.filter((d) => d.status !== 'withdrawn' && (delegateIds === 'all' || (delegateIds === 'missing' ? !d.hasToken : delegateIds.includes(d.id))));
      // a new card revokes the old one: the phones still open on it are closed
      const replaced = targets.filter((d) => d.hasToken).map((d) => d.id);
      if (replaced.length) emit(CARDS_REVOKED, cardsRevokedPayload(replaced));
      if (Array.isArray(delegateIds) && targets.length !== delegateIds.length) throw notFound('đại biểu', { delegateIds: delegateIds.filter((id) => !targets.some((d) => d.id === id)) });
      const out = [];
      for (const d of targets) {
        const token = await issueDelegateToken(ctx.db, d.id, crypto.randomBytes, ctx.now);
        out.push({ delegateId: d.id, memberId: d.memberId, number: d.number, fullName: d.fullName, class: d.class, unitName: d.unitOrgName, token, url: tokenUrl(request, token) });
      }
      await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.tokens.issue', entity: 'congress', entityId: c.id, orgId: c.orgId, after: { delegateIds: out.map((o) => o.delegateId) } });
      // rendered before commit: if the cards cannot be made, the old cards stay valid
      return render ? render(c, out, ctx.db) : (out as T);
    });

  /** card links phones cannot open are still issued (a test on this machine needs them) but flagged, in the reply's header */
  const flagCardLinks = (request: FastifyRequest, reply: FastifyReply) => {
    const problem = cardLinkProblem(cardLinkBase(request).base);
    if (problem) reply.header(CARD_LINK_WARNING_HEADER, problem.code);
  };

  app.get(
    '/api/congresses/:id/card-links',
    {
      config: { access: { action: 'congress.manage', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'Where the QR codes of cards printed now will point, and whether phones can open it (checked before printing)',
        description:
          'base: DAIHOI_PUBLIC_URL (source "config"), else the address this request came to (source "request"). problem: CARD_LINK_LOOPBACK when the base names this machine (localhost, 127.0.0.1, ::1): phones cannot open it. lanAddresses: the addresses of this server on its networks, with the same port, to open the app by instead.',
        params: CongressParam,
      },
    },
    async (request) => {
      const { db } = readContext(request);
      if (!(await getCongress(db, request.params.id))) throw notFound('đại hội');
      const { base, source } = cardLinkBase(request);
      const problem = cardLinkProblem(base);
      // the addresses phones could use instead: this server's own on its networks, where it listens (HOST=127.0.0.1 listens on none)
      const listening = request.server.server.address();
      const bound = typeof listening === 'object' && listening ? listening : null;
      const port = bound?.port ?? /:(\d+)$/.exec(request.host)?.[1];
      const everywhere = !bound || bound.address === '0.0.0.0' || bound.address === '::';
      const lanAddresses = !problem
        ? []
        : everywhere
          ? Object.values(os.networkInterfaces())
              .flat()
              .filter((a) => a && a.family === 'IPv4' && !a.internal)
              .map((a) => `${request.protocol}://${a!.address}${port ? `:${port}` : ''}`)
          : bound && !isLoopbackHost(bound.address)
            ? [`${request.protocol}://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${port}`]
            : [];
      return { base, source, problem, lanAddresses };
    },
  );

  app.post(
    '/api/congresses/:id/delegates/:delegateId/token',
    {
      config: { access: { action: 'congress.manage', org: congressOrg } },
      schema: { tags: ['congress'], summary: 'Issue (or reissue, revoking the old card) the delegate’s token; the plain token is returned once', params: DelegateParam },
    },
    async (request, reply) => {
      flagCardLinks(request, reply);
      return (await issue(request, request.params.id, [request.params.delegateId]))[0];
    },
  );

  app.post(
    '/api/congresses/:id/tokens',
    {
      config: { access: { action: 'congress.manage', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'Issue tokens for many delegates (printing cards); tokens are stored hashed, so reprinting reissues',
        params: CongressParam,
        body: Type.Object({ scope: lit(['missing', 'all'] as const, 'missing: delegates with no live token; all: reissue every card') }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      flagCardLinks(request, reply);
      return issue(request, request.params.id, request.body.scope);
    },
  );

  app.post(
    '/api/congresses/:id/cards.pdf',
    {
      config: { access: { action: 'congress.manage', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'Print delegate cards (PDF, A6, one per page, the member’s photo in a 3 × 4 cm frame — empty when there is none —, QR code of the delegate link); printing issues new tokens, so earlier cards of these delegates stop working',
        params: CongressParam,
        body: Type.Object(
          {
            scope: lit(['missing', 'all', 'selected'] as const, 'missing: delegates without a live card; all: every delegate; selected: delegateIds'),
            delegateIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 5000 })),
          },
          { additionalProperties: false },
        ),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const b = request.body;
      if (b.scope === 'selected' && !b.delegateIds?.length) throw invalid('Chưa chọn đại biểu nào để in thẻ.');
      const pdf = await issue(request, request.params.id, b.scope === 'selected' ? [...new Set(b.delegateIds)] : b.scope, async (c, issued, db) => {
        const photos = await memberPhotos(db, issued.map((x) => x.memberId));
        return delegateCardsPdf(c, issued.map((x) => ({ number: x.number, fullName: x.fullName, unitName: x.unitName, class: x.class, url: x.url, photo: photos.get(x.memberId) })));
      });
      flagCardLinks(request, reply);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="the-dai-bieu.pdf"; filename*=UTF-8''${encodeURIComponent('Thẻ đại biểu.pdf')}`).send(pdf);
    },
  );

  app.delete(
    '/api/congresses/:id/delegates/:delegateId/token',
    { config: { access: { action: 'congress.manage', org: congressOrg } }, schema: { tags: ['congress'], summary: 'Revoke the delegate’s card (lost card)', params: DelegateParam } },
    async (request) => {
      const revoked = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const d = await getDelegate(ctx.db, c.id, request.params.delegateId);
        if (!d) throw notFound('đại biểu');
        const n = await revokeDelegateTokens(ctx.db, d.id, ctx.now);
        if (n) emit(CARDS_REVOKED, cardsRevokedPayload([d.id]));
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.token.revoke', entity: 'delegate', entityId: d.id, orgId: c.orgId });
        return n;
      });
      return { revoked };
    },
  );

  await congressDelegatesRoutes(appBase);
  await congressRoomRoutes(appBase);
  await congressPrintRoutes(appBase);
  await congressBodiesRoutes(appBase);
  await congressCredentialsRoutes(appBase);
  await delegateRoutes(appBase);
  // votes and elections share this plugin's realtime hub
  await votingRoutes(appBase);
}

export const SEAT_METHOD =
  'Đại biểu đương nhiên (ủy viên cấp ủy triệu tập) được tính trước; số còn lại phân bổ cho các đơn vị trực thuộc theo tỷ lệ số đảng viên bằng phương pháp số dư lớn nhất: mỗi đơn vị nhận phần nguyên của hạn ngạch, các suất còn lại dành cho phần dư lớn nhất; mỗi đơn vị có ít nhất một đại biểu. (Largest remainder, ex-officio seats first, at least one seat per unit.)';
