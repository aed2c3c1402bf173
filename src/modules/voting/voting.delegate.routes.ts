// Voting on the delegate's phone (opened by the token on the card): open votes and secret ballots, receipts, results.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import { delegateAccess, delegateOf } from '../congress/congress.http.js';
import { getCongress } from '../congress/congress.store.js';
import { isEligibleVoter, openVoteChoices, type VoterDelegate } from './voting.rules.js';
import { isProbationary } from '../members/members.rules.js';
import { committeeMemberIds, getElection, getOpenVote, listElections, listOpenVotes, pollsVotedBy } from './voting.store.js';
import { electedByCommittee } from './elections.rules.js';
import { votedByHands } from './ballot-box.js';
import { ballotBoxOf, phoneElection, phoneVote, presentElection, presentVote, recentReadsOf } from './voting.http.js';
import { publishedReceipts } from './elections.routes.js';

const asDelegate = { access: { delegate: delegateAccess } };
const token = Type.String({ minLength: 1, maxLength: 100 });
const ClientBallotId = Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$', description: 'generated on the phone (e.g. a UUID without dashes); the same id sent again is the same ballot' });

export async function votingDelegateRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;

  /** the token's delegate as the voting rules see them (read with the token: no further query) */
  const voterOf = (request: FastifyRequest, c: { opensOn: string }): VoterDelegate => {
    const holder = delegateOf(request);
    return { class: holder.class, status: holder.status, probationary: isProbationary({ officialOn: holder.officialOn }, c.opensOn), present: holder.checkedIn, replacing: holder.replacing };
  };
  /** the delegate may vote now: checked in, not replaced, an official (or an alternate standing in), not probationary in a members' congress */
  const congressOf = (request: FastifyRequest) => {
    const holder = delegateOf(request);
    return recentReadsOf(request).get(`congress:${holder.congressId}`, async () => (await getCongress(readContext(request).db, holder.congressId))!);
  };
  const eligibleOrThrow = async (request: FastifyRequest) => {
    const c = await congressOf(request);
    const me = voterOf(request, c);
    if (!me.present) throw new AppError('NOT_CHECKED_IN', 403, 'Đồng chí cần điểm danh (quét thẻ tại cửa) trước khi biểu quyết, bỏ phiếu.');
    if (!isEligibleVoter(c.kind, me)) throw new AppError('NOT_A_VOTER', 403, 'Đồng chí không có quyền biểu quyết (đại biểu dự khuyết chưa thay thế, đảng viên dự bị hoặc đã được thay thế).');
  };
  /** an open poll may be a second old on the ballot path; anything else is read afresh */
  const openElection = (request: FastifyRequest, congressId: number, id: number) =>
    recentReadsOf(request).get(`election:${congressId}:${id}`, () => getElection(readContext(request).db, congressId, id), (e) => e?.status === 'open');
  const openVote = (request: FastifyRequest, congressId: number, id: number) =>
    recentReadsOf(request).get(`vote:${congressId}:${id}`, () => getOpenVote(readContext(request).db, congressId, id), (v) => v?.status === 'open');

  app.get(
    '/api/delegate/:token/voting',
    { config: asDelegate, schema: { tags: ['delegate'], summary: 'The open votes and elections of the delegate’s congress, whether they may vote and whether they have voted', params: Type.Object({ token }) } },
    async (request) => {
      const { db } = readContext(request);
      const holder = delegateOf(request);
      const c = (await getCongress(db, holder.congressId))!;
      const me = voterOf(request, c);
      const votes = (await listOpenVotes(db, c.id)).filter((v) => v.status !== 'draft');
      const elections = (await listElections(db, c.id)).filter((e) => e.status !== 'draft' && e.mode === 'electronic');
      // where this delegate has voted: one read of the roster, not one per poll
      const mine = await pollsVotedBy(db, holder.delegateId);
      const votedVotes = new Set(mine.filter((p) => p.kind === 'vote').map((p) => p.pollId));
      const votedElections = new Set(mine.filter((p) => p.kind === 'election').map((p) => p.pollId));
      const mayVote = isEligibleVoter(c.kind, me);
      // an election at the committee's first meeting: only its members get a ballot
      const committee = elections.some((e) => electedByCommittee(e.body)) ? await committeeMemberIds(db, c.orgId) : null;
      return {
        mayVote,
        checkedIn: me.present,
        votes: await Promise.all(
          votes.map(async (v) => ({ ...phoneVote(await presentVote(db, v)), iVoted: votedVotes.has(v.id) })),
        ),
        elections: await Promise.all(
          elections.map(async (e) => ({
            ...phoneElection(await presentElection(db, e)),
            iVoted: votedElections.has(e.id),
            mayVote: mayVote && (!electedByCommittee(e.body) || committee!.has(holder)),
          })),
        ),
      };
    },
  );

  app.post(
    '/api/delegate/:token/votes/:voteId',
    {
      config: asDelegate,
      schema: {
        tags: ['delegate'],
        summary: 'Vote on an open question: for (tán thành), against (không tán thành) or, where allowed, other (ý kiến khác); acknowledged once durably stored',
        params: Type.Object({ token, voteId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ clientBallotId: ClientBallotId, choice: Type.Union([Type.Literal('for'), Type.Literal('against'), Type.Literal('other')]) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const holder = delegateOf(request);
      const v = await openVote(request, holder.congressId, request.params.voteId);
      if (!v) throw notFound('cuộc biểu quyết');
      if (!openVoteChoices(v.allowsOther).includes(request.body.choice)) throw invalid('Câu hỏi này không có lựa chọn "ý kiến khác".');
      if (v.handCounts) throw votedByHands();
      await eligibleOrThrow(request);
      return ballotBoxOf(request).cast(request, {
        congressId: holder.congressId,
        kind: 'vote',
        pollId: v.id,
        delegateId: holder.delegateId,
        clientBallotId: request.body.clientBallotId,
        choice: request.body.choice,
        named: v.named,
      });
    },
  );

  app.post(
    '/api/delegate/:token/elections/:electionId',
    {
      config: asDelegate,
      schema: {
        tags: ['delegate'],
        summary: 'Cast the secret ballot: the candidates chosen (up to the number of seats); the answer is a receipt code, stored with the ballot and with nothing that names the voter',
        params: Type.Object({ token, electionId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ clientBallotId: ClientBallotId, chosen: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 }) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const holder = delegateOf(request);
      const e = await openElection(request, holder.congressId, request.params.electionId);
      if (!e) throw notFound('cuộc bầu cử');
      if (e.mode !== 'electronic') throw new AppError('NOT_ELECTRONIC_ELECTION', 409, 'Cuộc bầu cử này dùng phiếu giấy.');
      const chosen = request.body.chosen;
      // the phone's form cannot make an invalid ballot: too many names or names not on the list are refused, not stored as invalid
      if (new Set(chosen).size !== chosen.length) throw invalid('Một người được chọn hai lần.');
      const ids = new Set(e.candidates.map((c) => c.id));
      if (chosen.some((id) => !ids.has(id))) throw invalid('Có người không thuộc danh sách bầu cử.');
      if (chosen.length > e.seats + e.alternateSeats) throw invalid(`Chỉ được chọn tối đa ${e.seats + e.alternateSeats} người.`, { max: e.seats + e.alternateSeats });
      await eligibleOrThrow(request);
      // at the committee's first meeting only its members vote
      if (electedByCommittee(e.body) && !(await committeeMemberIds(readContext(request).db, (await congressOf(request)).orgId)).has(holder)) {
        throw new AppError('NOT_A_COMMITTEE_MEMBER', 403, 'Cuộc bầu cử này do Ban Chấp hành khóa mới bầu; đồng chí không phải ủy viên Ban Chấp hành.');
      }
      return ballotBoxOf(request).cast(request, {
        congressId: holder.congressId,
        kind: 'election',
        pollId: e.id,
        delegateId: holder.delegateId,
        clientBallotId: request.body.clientBallotId,
        choice: [...chosen].sort((a, b) => a - b),
        named: false,
      });
    },
  );

  app.get(
    '/api/delegate/:token/elections/:electionId/receipts',
    {
      config: asDelegate,
      schema: { tags: ['delegate'], summary: 'After the close: every receipt code with its ballot, to check one’s own was counted as cast', params: Type.Object({ token, electionId: Type.Integer({ minimum: 1 }) }) },
    },
    async (request) => {
      const { db } = readContext(request);
      const e = await getElection(db, delegateOf(request).congressId, request.params.electionId);
      if (!e) throw notFound('cuộc bầu cử');
      return publishedReceipts(db, e);
    },
  );
}
