// Secret-ballot elections (bầu cử): the list and its check, opening, paper-ballot entry by two clerks, the close and its
// tally, further rounds, the published receipts, the recount and the counting minutes.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import { Nullable } from '../../server/schemas.js';
import type { Executor } from '../../db/types.js';
import { forgetWriteOrder } from '../../db/database.js';
import { recordAudit } from '../audit/audit.store.js';
import { checkNotClosed, congressOrg, writeCongress } from '../congress/congress.http.js';
import {
  DEFAULT_TALLY_RULES,
  ELECTED_BODIES,
  ELECTION_TITLES,
  electedByCommittee,
  ballotEntryProblem,
  ballotOrder,
  defaultSurplusRule,
  furtherRounds,
  paperMarksFromEntry,
  reconcileBallotEntries,
  surplusSettingsProblem,
  type ElectionTally,
  type PaperBallot,
} from './elections.rules.js';
import { personKey } from './appointments.rules.js';
import { isRuleProblem, type RuleProblem } from '../congress/congress.rules.js';
import { exclusionProblem, pollTransitionProblem } from './voting.rules.js';
import {
  ballotsOf,
  deleteDraftElection,
  otherRoundsOfRun,
  committeeMemberIds,
  deletePaperEntry,
  getElection,
  insertElection,
  paperEntriesOf,
  recordLeaders,
  rewriteBallotsInRandomOrder,
  setElectionState,
  updateElectionDraft,
  upsertPaperEntries,
  votersOf,
  type ElectionRow,
  type LeaderBody,
  type NewElection,
} from './voting.store.js';
import { basesFrom, congressOrThrow, phoneElection, electionRules, listProblem, presentElection, ruleError } from './voting.http.js';
import { countElection, recountElection } from './elections.count.js';
import { electionBallotReply, electionDocumentReply } from './elections.minutes.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const CongressParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const ElectionParam = Type.Object({ id: Type.Integer({ minimum: 1 }), electionId: Type.Integer({ minimum: 1 }) });
const read = { access: { action: 'congress.read' as const, org: congressOrg } };
const manage = { access: { action: 'congress.manage' as const, org: congressOrg } };
const Ids = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 });

const ElectionBody = Type.Object(
  {
    body: lit(ELECTED_BODIES, 'what is elected'),
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
    seats: Type.Integer({ minimum: 0, maximum: 500, description: 'seats to fill (official delegates for a delegation; 0 only in a delegation’s further round for alternate seats)' }),
    alternateSeats: Type.Optional(Type.Integer({ minimum: 0, maximum: 500, description: 'delegation only: alternate delegates' })),
    surplusRounding: Type.Optional(lit(['down', 'up'] as const, 'how the maximum surplus rounds, as the congress decides (RULES.md): down (default) or up')),
    surplusMinPercent: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100, description: '(verify) the least surplus, percent of the seats; default 10 for the executive and standing committees, 0 for the other bodies' }),
    ),
    surplusMaxPercent: Type.Optional(
      Nullable(Type.Integer({ minimum: 0, maximum: 100, description: 'the most surplus, percent of the seats, as the congress decides; null: no maximum. Default 30 for the executive and standing committees, none for the other bodies' })),
    ),
    tieAtLastSeat: Type.Optional(lit(['further_round', 'congress_decides'] as const, '(verify) a tie at the last seat: a further round among the tied (default), or the congress decides (the seats are left like seats not filled)')),
    fewerElected: Type.Optional(lit(['vote_again', 'leave_empty'] as const, '(verify) fewer elected than seats: the congress may vote again on the rest (default), or the seats stay empty')),
    mode: lit(['electronic', 'paper'] as const, 'electronic: ballots on the phones; paper: the counting committee enters the paper ballots'),
    candidates: Type.Array(
      Type.Object(
        { memberId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))), fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })), note: Type.Optional(Nullable(Type.String({ maxLength: 300 }))) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

// one object, not a union: the validator strips unknown properties branch by branch, which would empty a union's later
// branches; paperMarksFromEntry refuses what does not go together (kept and crossed, boxes on a crossed-out ballot…)
const Marks = Type.Object(
  {
    kind: lit(['crossing', 'boxes'] as const, 'crossing: a list with surplus, names kept or crossed out; boxes: agree / disagree per name (no surplus)'),
    kept: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, description: 'crossing: the candidates kept (not crossed out)' })),
    crossed: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, description: 'crossing: the candidates crossed out (instead of kept): the others are kept' })),
    agree: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, description: 'boxes: the candidates marked agree' })),
    disagree: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, description: 'boxes: the candidates marked disagree' })),
  },
  { additionalProperties: false },
);
const PaperBallotInput = Type.Object(
  {
    ballotNo: Type.Integer({ minimum: 1, maximum: 100000 }),
    printedForThisElection: Type.Optional(Type.Boolean({ default: true })),
    stamped: Type.Optional(Type.Boolean({ default: true })),
    addedNames: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    identifyingMark: Type.Optional(Type.Boolean()),
    marks: Marks,
  },
  { additionalProperties: false },
);


/** a clerk's entry that contradicts itself is bad input (400), not a conflict */
function orThrow400<T extends object>(x: T | RuleProblem): T {
  if (isRuleProblem(x)) throw ruleError(x, 400);
  return x;
}

/** the candidates named by member (their name from the registry) or by name alone */
async function electionInput(db: Executor, b: typeof ElectionBody.static, round = 1, previousElectionId: number | null = null): Promise<NewElection> {
  const memberIds = b.candidates.map((c) => c.memberId).filter((x): x is number => x != null);
  const names = new Map<number, string>();
  if (memberIds.length) {
    const rows = await db.selectFrom('members').select(['id', 'full_name']).where('id', 'in', memberIds).execute();
    for (const r of rows) names.set(r.id, r.full_name);
    const missing = memberIds.filter((id) => !names.has(id));
    if (missing.length) throw notFound('đảng viên', { memberIds: missing });
  }
  const candidates = b.candidates.map((c, i) => {
    const fullName = c.memberId != null ? names.get(c.memberId)! : c.fullName?.trim();
    if (!fullName) throw invalid(`Ứng cử viên thứ ${i + 1}: cần chọn đảng viên hoặc ghi họ tên.`);
    return { memberId: c.memberId ?? null, fullName, note: c.note ?? null };
  });
  // one person once on the list: the same member, or the same name typed twice
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = personKey(c.memberId, c.fullName);
    if (seen.has(key)) throw new AppError('CANDIDATE_DUPLICATE', 400, `Đồng chí ${c.fullName} có tên hai lần trong danh sách bầu cử.`, { fullName: c.fullName });
    seen.add(key);
  }
  // the (verify) rules the congress decides for this election, the regulation's values for this body when not given
  const d = defaultSurplusRule(b.body);
  const surplus = { minPercent: b.surplusMinPercent ?? d.minPercent, maxPercent: b.surplusMaxPercent === undefined ? d.maxPercent : b.surplusMaxPercent, maxRounding: b.surplusRounding ?? d.maxRounding };
  const sp = surplusSettingsProblem(surplus);
  if (sp) throw ruleError(sp, 400);
  return {
    body: b.body,
    title: b.title?.trim() || ELECTION_TITLES[b.body],
    seats: b.seats,
    alternateSeats: b.alternateSeats ?? 0,
    surplusRounding: surplus.maxRounding,
    surplusMinPercent: surplus.minPercent,
    surplusMaxPercent: surplus.maxPercent,
    tieAtLastSeat: b.tieAtLastSeat ?? DEFAULT_TALLY_RULES.tieAtLastSeat,
    fewerElected: b.fewerElected ?? DEFAULT_TALLY_RULES.fewerElected,
    mode: b.mode,
    round,
    previousElectionId,
    candidates,
  };
}

/** the list with ids to run the rules on before anything is stored */
const asRows = (e: NewElection) => ({ ...e, candidates: e.candidates.map((c, i) => ({ id: -(i + 1), memberId: c.memberId, fullName: c.fullName, note: c.note })) });

async function electionOrThrow(db: Executor, congressId: number, id: number): Promise<ElectionRow> {
  const e = await getElection(db, congressId, id);
  if (!e) throw notFound('cuộc bầu cử');
  return e;
}

/** the leaders an election gives: elected in order of votes; a delegation's alternates after them */
function electedLeaders(e: ElectionRow, tally: ElectionTally) {
  const name = new Map(e.candidates.map((c) => [c.id, c]));
  const body: LeaderBody = e.body;
  return [
    ...tally.elected.map((id, i) => ({ body, memberId: name.get(id)!.memberId, fullName: name.get(id)!.fullName, position: i + 1 })),
    ...tally.alternates.map((id, i) => ({ body: 'delegation_alternate' as const, memberId: name.get(id)!.memberId, fullName: name.get(id)!.fullName, position: i + 1 })),
  ];
}

export async function electionsRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;

  app.post(
    '/api/congresses/:id/elections/check',
    {
      config: read,
      schema: {
        tags: ['voting'],
        summary: 'Check a candidate list against the seats and surplus rules without saving it: the problem (why it is refused) or null, and the ballot order',
        params: CongressParam,
        body: ElectionBody,
      },
    },
    async (request) => {
      const { db } = readContext(request);
      await congressOrThrow(db, request.params.id);
      const e = asRows(await electionInput(db, request.body));
      return { problem: listProblem(e), ballotOrder: ballotOrder(electionRules(e).candidates).map((c) => c.fullName) };
    },
  );

  app.post(
    '/api/congresses/:id/elections',
    { config: manage, schema: { tags: ['voting'], summary: 'Prepare an election: body, seats, the candidate list (refused with the reason when the rules are not met)', params: CongressParam, body: ElectionBody } },
    async (request, reply) => {
      const id = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const e = await electionInput(ctx.db, request.body);
        const p = listProblem(asRows(e));
        if (p) throw ruleError(p);
        const id = await insertElection(ctx.db, c.id, e, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'election.create', entity: 'election', entityId: id, orgId: c.orgId, after: e });
        emit('voting.changed', { kind: 'election', id });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.put(
    '/api/congresses/:id/elections/:electionId',
    { config: manage, schema: { tags: ['voting'], summary: 'Change an election that has not been opened', params: ElectionParam, body: ElectionBody } },
    async (request) => {
      await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const before = await electionOrThrow(ctx.db, c.id, request.params.electionId);
        if (before.status !== 'draft') throw new AppError('POLL_NOT_DRAFT', 409, 'Cuộc bầu cử đã mở; không thể sửa danh sách.');
        const e = await electionInput(ctx.db, request.body, before.round, before.previousElectionId);
        const p = listProblem(asRows(e));
        if (p) throw ruleError(p);
        await updateElectionDraft(ctx.db, before.id, e);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'election.update', entity: 'election', entityId: before.id, orgId: c.orgId, before, after: e });
        emit('voting.changed', { kind: 'election', id: before.id });
      });
      return { ok: true };
    },
  );

  app.delete(
    '/api/congresses/:id/elections/:electionId',
    { config: manage, schema: { tags: ['voting'], summary: 'Remove an election that has not been opened', params: ElectionParam } },
    async (request) => {
      await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const e = await electionOrThrow(ctx.db, c.id, request.params.electionId);
        if (!(await deleteDraftElection(ctx.db, e.id))) throw new AppError('POLL_NOT_DRAFT', 409, 'Cuộc bầu cử đã mở; không thể xóa.');
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'election.delete', entity: 'election', entityId: e.id, orgId: c.orgId, before: e });
        emit('voting.changed', { kind: 'election', id: e.id });
      });
      return { ok: true };
    },
  );

  app.get(
    '/api/congresses/:id/elections/:electionId',
    { config: read, schema: { tags: ['voting'], summary: 'One election: candidates in ballot order, turnout, and once closed the tally', params: ElectionParam } },
    async (request) => {
      const { db } = readContext(request);
      return presentElection(db, await electionOrThrow(db, request.params.id, request.params.electionId));
    },
  );

  app.post(
    '/api/congresses/:id/elections/:electionId/open',
    { config: manage, schema: { tags: ['voting'], summary: 'Open the election: phones get their ballot (electronic), or the counting committee may enter paper ballots', params: ElectionParam } },
    async (request) =>
      writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const e = await electionOrThrow(ctx.db, c.id, request.params.electionId);
        const p = pollTransitionProblem(e.status, 'open') ?? listProblem(e);
        if (!p && electedByCommittee(e.body)) await committeeOrThrow(ctx.db, c.orgId);
        if (p) throw ruleError(p);
        await setElectionState(ctx.db, e.id, { status: 'open', openedAt: ctx.now });
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'election.open', entity: 'election', entityId: e.id, orgId: c.orgId });
        const opened = await presentElection(ctx.db, (await getElection(ctx.db, c.id, e.id))!);
        // phones take the ballot from the event instead of all asking for it at once
        emit('election.opened', { electionId: e.id, phone: opened.mode === 'electronic' ? phoneElection(opened) : null });
        return opened;
      }),
  );

  // ---- paper ballots

  app.get(
    '/api/congresses/:id/elections/:electionId/paper-ballots',
    {
      config: read,
      schema: { tags: ['voting'], summary: 'The paper ballots entered, by clerk', params: ElectionParam, querystring: Type.Object({ clerk: Type.Optional(lit(['first', 'second'] as const)) }) },
    },
    async (request) => {
      const { db } = readContext(request);
      const e = await electionOrThrow(db, request.params.id, request.params.electionId);
      return paperEntriesOf(db, e.id, request.query.clerk);
    },
  );

  app.post(
    '/api/congresses/:id/elections/:electionId/paper-ballots',
    {
      config: manage,
      schema: {
        tags: ['voting'],
        summary: 'The counting committee enters paper ballots (names kept or names crossed out, or agree/disagree boxes); a ballot number entered again by the same clerk replaces the earlier entry',
        params: ElectionParam,
        body: Type.Object({ clerk: lit(['first', 'second'] as const, 'two clerks may enter the same ballots independently'), ballots: Type.Array(PaperBallotInput, { minItems: 1, maxItems: 5000 }) }, { additionalProperties: false }),
      },
    },
    async (request) =>
      writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const e = await electionOrThrow(ctx.db, c.id, request.params.electionId);
        if (e.mode !== 'paper') throw new AppError('NOT_PAPER_ELECTION', 409, 'Cuộc bầu cử này bỏ phiếu trên điện thoại; không nhập phiếu giấy.');
        if (e.status !== 'open') throw ruleError(pollTransitionProblem(e.status, 'closed') ?? { code: 'POLL_NOT_OPEN', message: 'Cuộc bầu cử chưa mở.' });
        const numbers = request.body.ballots.map((b) => b.ballotNo);
        if (new Set(numbers).size !== numbers.length) throw invalid('Một số phiếu được nhập hai lần trong cùng lần gửi.', { ballotNo: numbers.find((n, i) => numbers.indexOf(n) !== i) });
        const rules = electionRules(e);
        // in ballot order: the names not crossed out are the names kept
        const order = ballotOrder(rules.candidates);
        const ballots: PaperBallot[] = request.body.ballots.map((b) => ({
          ballotNo: b.ballotNo,
          printedForThisElection: b.printedForThisElection ?? true,
          stamped: b.stamped ?? true,
          addedNames: b.addedNames ?? 0,
          identifyingMark: b.identifyingMark ?? false,
          marks: orThrow400(paperMarksFromEntry(b.ballotNo, b.marks, order)),
        }));
        for (const b of ballots) {
          const p = ballotEntryProblem(b, rules);
          if (p) throw ruleError(p, 400);
        }
        await upsertPaperEntries(ctx.db, e.id, request.body.clerk, ballots, ctx.actor.name, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'election.paper_ballots', entity: 'election', entityId: e.id, orgId: c.orgId, after: { clerk: request.body.clerk, ballots: numbers.length } });
        const entered = (await paperEntriesOf(ctx.db, e.id, request.body.clerk)).length;
        emit('election.paper_progress', { electionId: e.id, clerk: request.body.clerk, entered });
        return { clerk: request.body.clerk, entered };
      }),
  );

  app.delete(
    '/api/congresses/:id/elections/:electionId/paper-ballots/:clerk/:ballotNo',
    {
      config: manage,
      schema: {
        tags: ['voting'],
        summary: 'Remove a paper ballot a clerk entered by mistake',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), electionId: Type.Integer({ minimum: 1 }), clerk: lit(['first', 'second'] as const), ballotNo: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request) =>
      writeCongress(request, request.params.id, async (ctx, _emit, c) => {
        const e = await electionOrThrow(ctx.db, c.id, request.params.electionId);
        if (e.status !== 'open') throw ruleError(pollTransitionProblem(e.status, 'closed') ?? { code: 'POLL_NOT_OPEN', message: 'Cuộc bầu cử chưa mở.' });
        if (!(await deletePaperEntry(ctx.db, e.id, request.params.clerk, request.params.ballotNo))) throw notFound('phiếu bầu');
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'election.paper_ballot.delete', entity: 'election', entityId: e.id, orgId: c.orgId, before: { clerk: request.params.clerk, ballotNo: request.params.ballotNo } });
        return { ok: true };
      }),
  );

  app.get(
    '/api/congresses/:id/elections/:electionId/reconciliation',
    { config: read, schema: { tags: ['voting'], summary: 'The two clerks’ entries compared ballot by ballot', params: ElectionParam } },
    async (request) => {
      const { db } = readContext(request);
      const e = await electionOrThrow(db, request.params.id, request.params.electionId);
      const entries = await paperEntriesOf(db, e.id);
      const first = entries.filter((x) => x.clerk === 'first').map((x) => x.ballot);
      const second = entries.filter((x) => x.clerk === 'second').map((x) => x.ballot);
      return { first: first.length, second: second.length, ...reconcileBallotEntries(first, second) };
    },
  );

  // ---- the close

  app.post(
    '/api/congresses/:id/elections/:electionId/close',
    {
      config: manage,
      schema: {
        tags: ['voting'],
        summary: 'Close the election and count: the threshold base is fixed, the tally stored, the elected recorded as the organisation’s leaders, the result shown at once',
        params: ElectionParam,
        body: Type.Object(
          {
            excluded: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, description: 'members’ congress: absent official members taken off the base (Điều lệ art. 12)' })),
            ballotsIssued: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, description: 'paper: ballots handed out (phát ra); electronic: the voters who could vote' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const closed = await closeElection(request, request.params.id, request.params.electionId, request.body.excluded ?? 0, request.body.ballotsIssued);
      await forgetWriteOrder(request.server.ctx.handle);
      return closed;
    },
  );

  app.post(
    '/api/congresses/:id/elections/:electionId/further-round',
    {
      config: manage,
      schema: {
        tags: ['voting'],
        summary: 'Prepare the further round the tally calls for: among the tied at the last seat, or on the seats left if the congress so decides',
        params: ElectionParam,
        body: Type.Object({ candidateIds: Type.Optional(Ids) }, { additionalProperties: false, description: 'unfilled seats: the congress may narrow the list' }),
      },
    },
    async (request, reply) => {
      const id = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const e = await electionOrThrow(ctx.db, c.id, request.params.electionId);
        if (e.status !== 'closed' || !e.tally) throw new AppError('POLL_NOT_CLOSED', 409, 'Cuộc bầu cử chưa kết thúc.');
        const rounds = furtherRounds(e.tally);
        if (!rounds.length) throw new AppError('NO_FURTHER_ROUND', 409, 'Kết quả đã đủ số lượng; không cần bầu thêm vòng.');
        // two ties (the official / alternate line and the last seat) give two rounds, prepared one after the other
        const prepared = await ctx.db.selectFrom('elections').select('id').where('previous_election_id', '=', e.id).orderBy('id').execute();
        if (prepared.length >= rounds.length) throw new AppError('FURTHER_ROUND_EXISTS', 409, 'Vòng bầu tiếp theo đã được tạo.', { electionId: prepared[prepared.length - 1].id });
        const round = rounds[prepared.length];
        let ids = round.candidateIds;
        if (request.body.candidateIds) {
          if (round.reason === 'tie') throw invalid('Vòng bầu lại khi số phiếu bằng nhau chỉ gồm những người bằng phiếu.');
          const wrong = request.body.candidateIds.filter((x) => !round.candidateIds.includes(x));
          if (wrong.length) throw invalid('Có người không thuộc danh sách được bầu tiếp.', { candidateIds: wrong });
          ids = request.body.candidateIds;
        }
        const byId = new Map(e.candidates.map((x) => [x.id, x]));
        // a delegation's round for alternate seats alone keeps them alternate (seats 0): its elected join the alternates
        const input: NewElection = {
          body: e.body,
          title: `${e.title.replace(/ \(vòng \d+\)$/, '')} (vòng ${e.round + 1})`,
          seats: round.seats,
          alternateSeats: e.body === 'delegation' ? round.alternateSeats : 0,
          surplusRounding: e.surplusRounding,
          surplusMinPercent: e.surplusMinPercent,
          surplusMaxPercent: e.surplusMaxPercent,
          tieAtLastSeat: e.tieAtLastSeat,
          fewerElected: e.fewerElected,
          mode: e.mode,
          round: e.round + 1,
          previousElectionId: e.id,
          candidates: ids.map((x) => ({ memberId: byId.get(x)!.memberId, fullName: byId.get(x)!.fullName, note: null })),
        };
        const p = listProblem(asRows(input));
        if (p) throw ruleError(p);
        const id = await insertElection(ctx.db, c.id, input, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'election.further_round', entity: 'election', entityId: id, orgId: c.orgId, after: { previous: e.id, reason: round.reason, candidateIds: ids } });
        emit('voting.changed', { kind: 'election', id });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  // ---- after the close: receipts, recount, minutes

  app.get(
    '/api/congresses/:id/elections/:electionId/receipts',
    { config: read, schema: { tags: ['voting'], summary: 'After the close: every receipt code with its ballot, so each voter can check theirs was counted as cast', params: ElectionParam } },
    async (request) => {
      const { db } = readContext(request);
      return publishedReceipts(db, await electionOrThrow(db, request.params.id, request.params.electionId));
    },
  );

  app.get(
    '/api/congresses/:id/elections/:electionId/recount',
    { config: read, schema: { tags: ['voting'], summary: 'Count the stored ballots again and compare with the result fixed at the close', params: ElectionParam } },
    async (request) => {
      const { db } = readContext(request);
      const { tally, matches } = await recountElection(db, request.params.id, request.params.electionId);
      return { matches, tally };
    },
  );

  const documents = {
    minutes: { summary: 'The counting minutes (biên bản kiểm phiếu) of this round and its result', missing: 'chưa có biên bản kiểm phiếu' },
    report: {
      summary: 'The election result report (báo cáo kết quả bầu cử) to the higher committee: the elected of every round with their profile and votes, and their composition',
      missing: 'chưa có báo cáo kết quả bầu cử',
    },
  } as const;
  for (const document of ['minutes', 'report'] as const) {
    for (const format of ['docx', 'pdf'] as const) {
      app.get(
        `/api/congresses/:id/elections/:electionId/${document}.${format}`,
        {
          config: read,
          schema: {
            tags: ['voting'],
            summary: `${documents[document].summary}, as ${format.toUpperCase()} in the Party’s document format`,
            params: ElectionParam,
            produces: [format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf'],
          },
        },
        async (request, reply) => {
          const { db } = readContext(request);
          const e = await electionOrThrow(db, request.params.id, request.params.electionId);
          if (e.status !== 'closed' || !e.tally) throw new AppError('POLL_NOT_CLOSED', 409, `Cuộc bầu cử chưa kết thúc; ${documents[document].missing}.`);
          return electionDocumentReply(request, reply, e, document, format);
        },
      );
    }
  }
  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/congresses/:id/elections/:electionId/ballot.${format}`,
      {
        config: read,
        schema: {
          tags: ['voting'],
          summary: `The printed paper ballot (phiếu bầu cử) as ${format.toUpperCase()}: the candidates in ballot order, names to cross out (a list with surplus) or agree / disagree boxes (no surplus), the space for the presidium’s stamp`,
          params: ElectionParam,
          produces: [format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf'],
        },
      },
      async (request, reply) => {
        const { db } = readContext(request);
        const e = await electionOrThrow(db, request.params.id, request.params.electionId);
        // a list the rules refuse is not printed
        const p = listProblem(e);
        if (p) throw ruleError(p);
        return electionBallotReply(request, reply, e, format);
      },
    );
  }
}

/** the new executive committee, which elects the other bodies at its first meeting; refused before it exists */
export async function committeeOrThrow(db: Executor, orgId: number) {
  const committee = await committeeMemberIds(db, orgId);
  if (!committee.size) throw new AppError('COMMITTEE_NOT_ELECTED', 409, 'Chưa có Ban Chấp hành khóa mới (bầu hoặc chỉ định); Ban Thường vụ, bí thư, phó bí thư, ủy ban kiểm tra do Ban Chấp hành bầu tại hội nghị lần thứ nhất.');
  return committee;
}

export async function publishedReceipts(db: Executor, e: ElectionRow) {
  if (e.mode !== 'electronic') throw new AppError('NOT_ELECTRONIC_ELECTION', 409, 'Cuộc bầu cử bằng phiếu giấy không có mã biên nhận.');
  if (e.status !== 'closed') throw new AppError('POLL_NOT_CLOSED', 409, 'Danh sách mã biên nhận được công bố sau khi kết thúc bỏ phiếu.');
  const name = new Map(e.candidates.map((c) => [c.id, c.fullName]));
  const ballots = await ballotsOf(db, 'election', e.id);
  return { electionId: e.id, ballots: ballots.map((b) => ({ receiptCode: b.receiptCode, chosen: (b.choice as number[]).map((id) => name.get(id) ?? `#${id}`) })) };
}

/** the close: lock, count, freeze, record leaders, announce — one transaction */
async function closeElection(request: FastifyRequest, congressId: number, electionId: number, excluded: number, ballotsIssued: number | undefined) {
  return writeCongress(request, congressId, async (ctx, emit, c) => {
    const e = await electionOrThrow(ctx.db, c.id, electionId);
    const p = pollTransitionProblem(e.status, 'closed');
    if (p) throw ruleError(p);
    // the phones' ballots: no ballot is accepted after this lock
    await ctx.db.updateTable('elections').set({ status: 'closed' }).where('id', '=', e.id).execute();
    // the delegates read once: the bases with and without the exclusions, and the voters who could vote
    const voters = await votersOf(ctx.db, c);
    const bases = basesFrom(c.kind, voters, excluded);
    const ep = exclusionProblem(c.kind, excluded, basesFrom(c.kind, voters));
    if (ep) throw ruleError(ep, 400);
    // at the committee's first meeting the committee votes: its size is the base, its members present the voters
    const committee = electedByCommittee(e.body) ? await committeeOrThrow(ctx.db, c.orgId) : null;
    if (committee) bases.electionBase = committee.size;
    const tally = await countElection(ctx.db, e, bases.electionBase);
    let issued = ballotsIssued ?? null;
    if (e.mode === 'electronic') issued = voters.filter((v) => v.eligible && (!committee || committee.has(v))).length;
    else if (issued === null) throw invalid('Nhập số phiếu phát ra để lập biên bản kiểm phiếu.');
    else if (issued < tally.ballots.total) throw invalid(`Số phiếu thu vào (${tally.ballots.total}) nhiều hơn số phiếu phát ra (${issued}).`);
    if (e.mode === 'electronic') await rewriteBallotsInRandomOrder(ctx.db, 'election', e.id);
    await setElectionState(ctx.db, e.id, { status: 'closed', base: bases.electionBase, excluded, ballotsIssued: issued, tally, closedAt: ctx.now });
    await recordLeaders(ctx.db, c.orgId, c.term, { kind: 'election', id: e.id }, electedLeaders(e, tally), ctx.today, await otherRoundsOfRun(ctx.db, e.id));
    await recordAudit(ctx.db, ctx.actor, ctx.now, {
      action: 'election.close',
      entity: 'election',
      entityId: e.id,
      orgId: c.orgId,
      after: { base: bases.electionBase, excluded, ballotsIssued: issued, ballots: tally.ballots, elected: tally.elected, alternates: tally.alternates, nextStep: tally.nextStep },
    });
    const closed = await presentElection(ctx.db, (await getElection(ctx.db, c.id, e.id))!);
    emit('election.closed', { election: { id: closed.id, title: closed.title, status: closed.status, tally: closed.tally, voted: closed.voted } });
    return closed;
  });
}

