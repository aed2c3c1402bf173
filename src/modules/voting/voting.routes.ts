// Open votes (biểu quyết), the voting overview of a congress, appointment decisions (chỉ định), the projector, the leaders.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import type { Executor } from '../../db/types.js';
import { forgetWriteOrder } from '../../db/database.js';
import { compareVietnameseNames } from '../../shared/vietnamese.js';
import { IsoDate, Nullable } from '../../server/schemas.js';
import { recordAudit } from '../audit/audit.store.js';
import { getOrg } from '../orgs/orgs.store.js';
import { isDecisionNumber } from '../orgs/orgs.rules.js';
import { isIsoDate } from '../members/members.rules.js';
import { setProjector } from '../congress/congress.store.js';
import { agendaOf } from '../congress/congress.room.store.js';
import { checkNotClosed, congressOrg, writeCongress } from '../congress/congress.http.js';
import {
  DEFAULT_OPEN_VOTE_RULE,
  OPEN_VOTE_SUBJECTS,
  openVoteCountsProblem,
  pickVoteBase,
  pollTransitionProblem,
  type MajorityRule,
} from './voting.rules.js';
import {
  LEADER_BODIES,
  appointmentsOf,
  appointmentSuperseded,
  ballotsOf,
  deleteDraftOpenVote,
  getOpenVote,
  insertAppointment,
  insertOpenVote,
  leadersOf,
  listElections,
  listOpenVotes,
  markAppointmentAnnounced,
  recordLeaders,
  rewriteBallotsInRandomOrder,
  rosterCount,
  setOpenVoteState,
  updateAppointment,
  updateOpenVoteDraft,
  type NewOpenVote,
} from './voting.store.js';
import { basesOf, congressOrThrow, phoneVote, presentElection, presentVote, ruleError } from './voting.http.js';
import { electionsRoutes } from './elections.routes.js';
import { duplicateAppointee, singleAppointeeProblem } from './appointments.rules.js';
import { countOpenVote, openVoteOutcome, recountOpenVote } from './votes.count.js';
import { votingDelegateRoutes } from './voting.delegate.routes.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const CongressParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const VoteParam = Type.Object({ id: Type.Integer({ minimum: 1 }), voteId: Type.Integer({ minimum: 1 }) });
const read = { access: { action: 'congress.read' as const, org: congressOrg } };
const manage = { access: { action: 'congress.manage' as const, org: congressOrg } };

const VoteBody = Type.Object(
  {
    subject: lit(OPEN_VOTE_SUBJECTS, 'what is decided: presidium, secretariat, credentials_committee, counting_committee, agenda, working_rules, number_of_seats, candidate_list, report, resolution, other'),
    question: Type.String({ minLength: 3, maxLength: 1000 }),
    allowsOther: Type.Optional(Type.Boolean({ description: 'offer "ý kiến khác" besides tán thành / không tán thành' })),
    named: Type.Optional(Type.Boolean({ description: 'named: who voted what is recorded; anonymous (default): only the counts' })),
    agendaItemId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    rule: Type.Optional(
      Type.Object(
        {
          numerator: Type.Integer({ minimum: 1, maximum: 99 }),
          denominator: Type.Integer({ minimum: 1, maximum: 100 }),
          base: lit(['convened', 'electionBase', 'present', 'cast'] as const, 'what the share is of'),
        },
        { additionalProperties: false, description: 'adopted with more than numerator/denominator of the base; default more than 1/2 of the convened' },
      ),
    ),
  },
  { additionalProperties: false },
);

const LeaderInput = Type.Object(
  { body: lit(LEADER_BODIES), memberId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))), fullName: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
);

/** a named vote after its close: who voted what, in the order of a Vietnamese list (given name, then family name) */
async function namedChoicesOf(db: Executor, voteId: number): Promise<{ delegateId: number | null; fullName: string | null; choice: unknown }[]> {
  const ballots = await ballotsOf(db, 'vote', voteId);
  const ids = ballots.map((b) => b.namedDelegateId).filter((x): x is number => x !== null);
  const names = new Map<number, string>();
  if (ids.length) {
    const rows = await db.selectFrom('delegates as d').innerJoin('members as m', 'm.id', 'd.member_id').select(['d.id', 'm.full_name']).where('d.id', 'in', ids).execute();
    for (const r of rows) names.set(r.id, r.full_name);
  }
  return ballots
    .map((b) => ({ delegateId: b.namedDelegateId, fullName: b.namedDelegateId === null ? null : (names.get(b.namedDelegateId) ?? null), choice: b.choice }))
    .sort((a, b) => compareVietnameseNames(a.fullName ?? '', b.fullName ?? ''));
}

const AppointmentBody = Type.Object(
  {
    decisionNumber: Type.String({ minLength: 3, maxLength: 50, description: 'e.g. 2314-QĐ/TU' }),
    decisionDate: IsoDate,
    issuer: Type.String({ minLength: 3, maxLength: 200, description: 'e.g. Ban Thường vụ Tỉnh ủy Bắc Ninh' }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    members: Type.Array(LeaderInput, { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);
const AppointmentParam = Type.Object({ id: Type.Integer({ minimum: 1 }), appointmentId: Type.Integer({ minimum: 1 }) });

export async function votingRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;

  const voteInput = async (db: Parameters<typeof agendaOf>[0], congressId: number, b: typeof VoteBody.static): Promise<NewOpenVote> => {
    const rule: MajorityRule = b.rule ?? DEFAULT_OPEN_VOTE_RULE;
    if (rule.numerator >= rule.denominator) throw invalid('Tỷ lệ tán thành cần nhỏ hơn 1 (ví dụ: quá 1/2).');
    if (b.agendaItemId != null && !(await agendaOf(db, congressId)).some((a) => a.id === b.agendaItemId)) throw notFound('mục chương trình');
    return { subject: b.subject, question: b.question.trim(), allowsOther: b.allowsOther ?? false, named: b.named ?? false, agendaItemId: b.agendaItemId ?? null, rule };
  };

  app.get(
    '/api/congresses/:id/voting',
    { config: read, schema: { tags: ['voting'], summary: 'The votes, elections and appointment decisions of the congress, with the numbers they are decided against', params: CongressParam } },
    async (request) => {
      const { db } = readContext(request);
      const c = await congressOrThrow(db, request.params.id);
      const [votes, elections, appointments, bases] = await Promise.all([listOpenVotes(db, c.id), listElections(db, c.id), appointmentsOf(db, c.id), basesOf(db, c)]);
      return {
        congress: { id: c.id, title: c.title, kind: c.kind, status: c.status, orgId: c.orgId, orgName: c.orgName, term: c.term },
        bases,
        votes: await Promise.all(votes.map((v) => presentVote(db, v))),
        elections: await Promise.all(elections.map((e) => presentElection(db, e))),
        appointments,
        projector: c.projector,
      };
    },
  );

  // ---- open votes

  app.post(
    '/api/congresses/:id/votes',
    { config: manage, schema: { tags: ['voting'], summary: 'Prepare an open vote (biểu quyết) on a question', params: CongressParam, body: VoteBody } },
    async (request, reply) => {
      const id = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const v = await voteInput(ctx.db, c.id, request.body);
        const id = await insertOpenVote(ctx.db, c.id, v, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'vote.create', entity: 'open_vote', entityId: id, orgId: c.orgId, after: v });
        emit('voting.changed', { kind: 'vote', id });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.put(
    '/api/congresses/:id/votes/:voteId',
    { config: manage, schema: { tags: ['voting'], summary: 'Change an open vote that has not been opened', params: VoteParam, body: VoteBody } },
    async (request) => {
      await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const before = await getOpenVote(ctx.db, c.id, request.params.voteId);
        if (!before) throw notFound('cuộc biểu quyết');
        if (before.status !== 'draft') throw new AppError('POLL_NOT_DRAFT', 409, 'Cuộc biểu quyết đã mở; không thể sửa câu hỏi.');
        const v = await voteInput(ctx.db, c.id, request.body);
        await updateOpenVoteDraft(ctx.db, before.id, v);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'vote.update', entity: 'open_vote', entityId: before.id, orgId: c.orgId, before, after: v });
        emit('voting.changed', { kind: 'vote', id: before.id });
      });
      return { ok: true };
    },
  );

  app.delete(
    '/api/congresses/:id/votes/:voteId',
    { config: manage, schema: { tags: ['voting'], summary: 'Remove an open vote that has not been opened', params: VoteParam } },
    async (request) => {
      await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const v = await getOpenVote(ctx.db, c.id, request.params.voteId);
        if (!v) throw notFound('cuộc biểu quyết');
        if (!(await deleteDraftOpenVote(ctx.db, v.id))) throw new AppError('POLL_NOT_DRAFT', 409, 'Cuộc biểu quyết đã mở; không thể xóa.');
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'vote.delete', entity: 'open_vote', entityId: v.id, orgId: c.orgId, before: v });
        emit('voting.changed', { kind: 'vote', id: v.id });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/congresses/:id/votes/:voteId/open',
    { config: manage, schema: { tags: ['voting'], summary: 'Open the vote: checked-in delegates vote on their phones (or the secretariat enters the counted cards)', params: VoteParam } },
    async (request) =>
      writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const v = await getOpenVote(ctx.db, c.id, request.params.voteId);
        if (!v) throw notFound('cuộc biểu quyết');
        const p = pollTransitionProblem(v.status, 'open');
        if (p) throw ruleError(p);
        await setOpenVoteState(ctx.db, v.id, { status: 'open', openedAt: ctx.now });
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'vote.open', entity: 'open_vote', entityId: v.id, orgId: c.orgId });
        const opened = await presentVote(ctx.db, (await getOpenVote(ctx.db, c.id, v.id))!);
        // phones take the vote from the event instead of all asking for it at once
        emit('vote.opened', { vote: opened, phone: phoneVote(opened) });
        return opened;
      }),
  );

  app.post(
    '/api/congresses/:id/votes/:voteId/hand-count',
    {
      config: manage,
      schema: {
        tags: ['voting'],
        summary: 'The secretariat enters the counted show of hands (or Party cards raised); replaces an earlier entry while the vote is open',
        params: VoteParam,
        body: Type.Object(
          { for: Type.Integer({ minimum: 0, maximum: 100000 }), against: Type.Integer({ minimum: 0, maximum: 100000 }), other: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) =>
      writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const v = await getOpenVote(ctx.db, c.id, request.params.voteId);
        if (!v) throw notFound('cuộc biểu quyết');
        if (v.status !== 'open') throw ruleError(pollTransitionProblem(v.status, 'closed') ?? { code: 'POLL_NOT_OPEN', message: 'Cuộc biểu quyết chưa mở.' });
        if ((await rosterCount(ctx.db, 'vote', v.id)) > 0) throw new AppError('VOTE_HAS_PHONE_BALLOTS', 409, 'Đã có đại biểu biểu quyết trên điện thoại; không thể nhập kết quả giơ tay cho cuộc biểu quyết này.');
        const counts = { for: request.body.for, against: request.body.against, other: request.body.other ?? 0 };
        const bases = await basesOf(ctx.db, c);
        const p = openVoteCountsProblem(counts, v.allowsOther, bases.present);
        if (p) throw ruleError(p, 400);
        await setOpenVoteState(ctx.db, v.id, { handCounts: counts });
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'vote.hand_count', entity: 'open_vote', entityId: v.id, orgId: c.orgId, before: v.handCounts, after: counts });
        emit('voting.changed', { kind: 'vote', id: v.id });
        return { handCounts: counts };
      }),
  );

  app.post(
    '/api/congresses/:id/votes/:voteId/close',
    { config: manage, schema: { tags: ['voting'], summary: 'Close the vote: the result, with the majority rule and its base, is fixed and shown at once', params: VoteParam } },
    async (request) => {
      const closed = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const v = await getOpenVote(ctx.db, c.id, request.params.voteId);
        if (!v) throw notFound('cuộc biểu quyết');
        const p = pollTransitionProblem(v.status, 'closed');
        if (p) throw ruleError(p);
        const counts = await countOpenVote(ctx.db, v);
        // an anonymous vote's ballots are stored again in receipt order: the order they were cast in is gone
        if (!v.named && !v.handCounts) await rewriteBallotsInRandomOrder(ctx.db, 'vote', v.id);
        const bases = await basesOf(ctx.db, c);
        const cast = counts.for + counts.against + counts.other;
        const result = openVoteOutcome(v, counts, pickVoteBase(v.rule, bases, cast));
        await setOpenVoteState(ctx.db, v.id, { status: 'closed', result, closedAt: ctx.now });
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'vote.close', entity: 'open_vote', entityId: v.id, orgId: c.orgId, after: result });
        const closed = await presentVote(ctx.db, (await getOpenVote(ctx.db, c.id, v.id))!);
        emit('vote.closed', { vote: closed });
        return closed;
      });
      await forgetWriteOrder(request.server.ctx.handle);
      return closed;
    },
  );

  app.get(
    '/api/congresses/:id/votes/:voteId/recount',
    { config: read, schema: { tags: ['voting'], summary: 'Count the stored votes again (against the base fixed at the close) and compare with the result', params: VoteParam } },
    async (request) => {
      const { db } = readContext(request);
      const { result, matches } = await recountOpenVote(db, request.params.id, request.params.voteId);
      return { matches, result };
    },
  );

  app.get(
    '/api/congresses/:id/votes/:voteId',
    { config: read, schema: { tags: ['voting'], summary: 'One open vote with its turnout and, once closed, its result (and, for a named vote, who voted what)', params: VoteParam } },
    async (request) => {
      const { db } = readContext(request);
      const v = await getOpenVote(db, request.params.id, request.params.voteId);
      if (!v) throw notFound('cuộc biểu quyết');
      return { ...(await presentVote(db, v)), namedChoices: v.named && v.status === 'closed' ? await namedChoicesOf(db, v.id) : null };
    },
  );

  // ---- the projector

  app.post(
    '/api/congresses/:id/projector/poll',
    {
      config: manage,
      schema: {
        tags: ['voting'],
        summary: 'Show a vote, an election or an appointment decision on the hall screen (its result once closed; announcing a decision)',
        params: CongressParam,
        body: Type.Object({ kind: lit(['vote', 'election', 'appointment'] as const), id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      },
    },
    async (request) =>
      writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const { kind, id } = request.body;
        const exists =
          kind === 'vote' ? await getOpenVote(ctx.db, c.id, id) : kind === 'election' ? (await listElections(ctx.db, c.id, id))[0] : (await appointmentsOf(ctx.db, c.id, id))[0];
        if (!exists) throw notFound(kind === 'vote' ? 'cuộc biểu quyết' : kind === 'election' ? 'cuộc bầu cử' : 'quyết định chỉ định');
        if (kind === 'appointment') await markAppointmentAnnounced(ctx.db, id, ctx.now);
        const projector = { mode: kind, text: null, documentId: null, pollId: id };
        await setProjector(ctx.db, c.id, projector, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.projector', entity: 'congress', entityId: c.id, orgId: c.orgId, before: c.projector, after: projector });
        emit('projector.changed', { projector });
        return { projector };
      }),
  );

  // ---- appointment decisions (chỉ định)

  /** a decision as the office typed it, checked: the number's form, one secretary, one inspection chair, nobody twice in a body, the members exist */
  const appointmentInput = async (db: Executor, b: typeof AppointmentBody.static) => {
    if (!isIsoDate(b.decisionDate)) throw invalid(`Ngày quyết định "${b.decisionDate}" không có thật.`, { decisionDate: b.decisionDate });
    if (!isDecisionNumber(b.decisionNumber)) {
      throw invalid('Số quyết định cần có dạng số-ký hiệu/cơ quan, ví dụ 2314-QĐ/TU.', { decisionNumber: b.decisionNumber });
    }
    const members = b.members.map((m) => ({ body: m.body, memberId: m.memberId ?? null, fullName: m.fullName }));
    const p = singleAppointeeProblem(members) ?? duplicateAppointee(members);
    if (p) throw ruleError(p, 400);
    const memberIds = b.members.map((m) => m.memberId).filter((x): x is number => x != null);
    if (memberIds.length) {
      const found = await db.selectFrom('members').select('id').where('id', 'in', memberIds).execute();
      if (found.length !== new Set(memberIds).size) throw notFound('đảng viên', { memberIds: memberIds.filter((m) => !found.some((f) => f.id === m)) });
    }
    const position = new Map<string, number>();
    const leaders = b.members.map((m) => {
      const n = (position.get(m.body) ?? 0) + 1;
      position.set(m.body, n);
      return { body: m.body, memberId: m.memberId ?? null, fullName: m.fullName.trim(), position: n };
    });
    return { decision: { decisionNumber: b.decisionNumber.trim(), decisionDate: b.decisionDate, issuer: b.issuer.trim(), note: b.note?.trim() || null }, leaders };
  };

  app.post(
    '/api/congresses/:id/appointments',
    {
      config: manage,
      schema: {
        tags: ['voting'],
        summary: 'Record the higher committee’s decision appointing the executive committee, standing committee, secretary and deputies (instead of electing them)',
        params: CongressParam,
        body: AppointmentBody,
      },
    },
    async (request, reply) => {
      const id = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const { decision, leaders } = await appointmentInput(ctx.db, request.body);
        const id = await insertAppointment(ctx.db, c.id, decision, ctx.now);
        await recordLeaders(ctx.db, c.orgId, c.term, { kind: 'appointment', id }, leaders, decision.decisionDate);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'appointment.create', entity: 'appointment', entityId: id, orgId: c.orgId, after: request.body });
        emit('voting.changed', { kind: 'appointment', id });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.put(
    '/api/congresses/:id/appointments/:appointmentId',
    {
      config: manage,
      schema: {
        tags: ['voting'],
        summary: 'Correct a recorded appointment decision (number, date, issuer, members); refused once a later decision or election has replaced its leaders',
        params: AppointmentParam,
        body: AppointmentBody,
      },
    },
    async (request) =>
      writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const [before] = await appointmentsOf(ctx.db, c.id, request.params.appointmentId);
        if (!before) throw notFound('quyết định chỉ định');
        if (await appointmentSuperseded(ctx.db, before.id)) {
          throw new AppError('APPOINTMENT_SUPERSEDED', 409, 'Một quyết định hoặc kết quả bầu cử sau đã thay thế những người trong quyết định này; không sửa được quyết định.');
        }
        const { decision, leaders } = await appointmentInput(ctx.db, request.body);
        await updateAppointment(ctx.db, before.id, decision);
        await recordLeaders(ctx.db, c.orgId, c.term, { kind: 'appointment', id: before.id }, leaders, decision.decisionDate);
        const [after] = await appointmentsOf(ctx.db, c.id, before.id);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'appointment.update', entity: 'appointment', entityId: before.id, orgId: c.orgId, before, after });
        emit('voting.changed', { kind: 'appointment', id: before.id });
        return after;
      }),
  );

  // ---- the organisation's leaders

  app.get(
    '/api/orgs/:id/leaders',
    {
      config: { access: { action: 'org.read', org: (r) => (r.params as { id: number }).id } },
      schema: { tags: ['voting'], summary: 'The organisation’s current leadership (committee, standing committee, secretary, deputies, inspection committee, delegation), from elections and appointment decisions', params: CongressParam },
    },
    async (request) => {
      const { db } = readContext(request);
      if (!(await getOrg(db, request.params.id))) throw notFound('tổ chức đảng');
      return leadersOf(db, request.params.id);
    },
  );

  await electionsRoutes(appBase);
  await votingDelegateRoutes(appBase);
}
