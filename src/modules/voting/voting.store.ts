// Votes and elections in the database: open votes, elections and candidates, the roster, ballots, paper entries, appointments, leaders.
import { sql, type Selectable } from 'kysely';
import type { OpenVotesTable } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import type { Engine } from '../../db/database.js';
import type { CongressKind } from '../congress/congress.rules.js';
import { isProbationary } from '../members/members.rules.js';
import type { ElectedBody, ElectionTally, PaperBallot } from './elections.rules.js';
import type { AppointmentRow, ElectionMode, ElectionRow, LeaderBody, LeaderRow, NewLeader, OpenVoteRow } from './voting.types.js';

export type { AppointmentRow, CandidateRow, ElectionMode, ElectionRow, LeaderBody, LeaderRow, NewLeader, OpenVoteRow } from './voting.types.js';
export { LEADER_BODIES } from './elections.rules.js';
import { isEligibleVoter, type MajorityRule, type OpenVoteCounts, type OpenVoteResult, type OpenVoteSubject, type PollStatus, type VoterDelegate } from './voting.rules.js';

export type PollKind = 'vote' | 'election';

// ---------------------------------------------------------------------------------------------
// Open votes


const openVoteColumns = [
  'id',
  'congress_id',
  'agenda_item_id',
  'subject',
  'question',
  'allows_other',
  'named',
  'rule_numerator',
  'rule_denominator',
  'rule_base',
  'status',
  'hand_counts_json',
  'result_json',
  'opened_at',
  'closed_at',
  'created_at',
] as const;

type OpenVoteRecord = Selectable<OpenVotesTable>;

const toOpenVote = (r: OpenVoteRecord): OpenVoteRow => ({
  id: r.id,
  congressId: r.congress_id,
  agendaItemId: r.agenda_item_id,
  subject: r.subject as OpenVoteSubject,
  question: r.question,
  allowsOther: Boolean(r.allows_other),
  named: Boolean(r.named),
  rule: { numerator: r.rule_numerator, denominator: r.rule_denominator, base: r.rule_base as MajorityRule['base'] },
  status: r.status as PollStatus,
  handCounts: r.hand_counts_json ? JSON.parse(r.hand_counts_json) : null,
  result: r.result_json ? JSON.parse(r.result_json) : null,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  createdAt: r.created_at,
});

/** an open vote as prepared: its row's facts before it is stored */
export type NewOpenVote = Pick<OpenVoteRow, 'agendaItemId' | 'subject' | 'question' | 'allowsOther' | 'named' | 'rule'>;

export async function insertOpenVote(db: Executor, congressId: number, v: NewOpenVote, now: string): Promise<number> {
  const r = await db
    .insertInto('open_votes')
    .values({
      congress_id: congressId,
      agenda_item_id: v.agendaItemId,
      subject: v.subject,
      question: v.question,
      allows_other: v.allowsOther ? 1 : 0,
      named: v.named ? 1 : 0,
      rule_numerator: v.rule.numerator,
      rule_denominator: v.rule.denominator,
      rule_base: v.rule.base,
      status: 'draft',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateOpenVoteDraft(db: Executor, id: number, v: NewOpenVote): Promise<void> {
  await db
    .updateTable('open_votes')
    .set({
      agenda_item_id: v.agendaItemId,
      subject: v.subject,
      question: v.question,
      allows_other: v.allowsOther ? 1 : 0,
      named: v.named ? 1 : 0,
      rule_numerator: v.rule.numerator,
      rule_denominator: v.rule.denominator,
      rule_base: v.rule.base,
    })
    .where('id', '=', id)
    .execute();
}

export async function getOpenVote(db: Executor, congressId: number, id: number): Promise<OpenVoteRow | null> {
  const r = await db.selectFrom('open_votes').select(openVoteColumns).where('id', '=', id).where('congress_id', '=', congressId).executeTakeFirst();
  return r ? toOpenVote(r) : null;
}

export async function listOpenVotes(db: Executor, congressId: number): Promise<OpenVoteRow[]> {
  const rows = await db.selectFrom('open_votes').select(openVoteColumns).where('congress_id', '=', congressId).orderBy('id').execute();
  return rows.map(toOpenVote);
}

export async function setOpenVoteState(
  db: Executor,
  id: number,
  s: { status?: PollStatus; handCounts?: OpenVoteCounts | null; result?: OpenVoteResult | null; openedAt?: string; closedAt?: string },
): Promise<void> {
  await db
    .updateTable('open_votes')
    .set({
      ...(s.status ? { status: s.status } : {}),
      ...(s.handCounts !== undefined ? { hand_counts_json: s.handCounts && JSON.stringify(s.handCounts) } : {}),
      ...(s.result !== undefined ? { result_json: s.result && JSON.stringify(s.result) } : {}),
      ...(s.openedAt ? { opened_at: s.openedAt } : {}),
      ...(s.closedAt ? { closed_at: s.closedAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteDraftOpenVote(db: Executor, id: number): Promise<boolean> {
  const r = await db.deleteFrom('open_votes').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---------------------------------------------------------------------------------------------
// Elections


/** an election as prepared: its row's facts before it is stored, and the candidates without their ids */
export type NewElection = Pick<
  ElectionRow,
  'body' | 'title' | 'seats' | 'alternateSeats' | 'surplusRounding' | 'surplusMinPercent' | 'surplusMaxPercent' | 'tieAtLastSeat' | 'fewerElected' | 'mode' | 'round' | 'previousElectionId'
> & {
  candidates: { memberId: number | null; fullName: string; note: string | null }[];
};

/** the rules the congress decided for this election, as stored */
const electionRuleColumns = (e: NewElection) => ({
  surplus_rounding: e.surplusRounding,
  surplus_min_percent: e.surplusMinPercent,
  surplus_max_percent: e.surplusMaxPercent,
  tie_at_last_seat: e.tieAtLastSeat,
  fewer_elected: e.fewerElected,
});

export async function insertElection(db: Executor, congressId: number, e: NewElection, now: string): Promise<number> {
  const r = await db
    .insertInto('elections')
    .values({
      congress_id: congressId,
      body: e.body,
      title: e.title,
      seats: e.seats,
      alternate_seats: e.alternateSeats,
      ...electionRuleColumns(e),
      mode: e.mode,
      status: 'draft',
      round: e.round,
      previous_election_id: e.previousElectionId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceCandidates(db, r.id, e.candidates);
  return r.id;
}

export async function updateElectionDraft(db: Executor, id: number, e: NewElection): Promise<void> {
  await db
    .updateTable('elections')
    .set({ body: e.body, title: e.title, seats: e.seats, alternate_seats: e.alternateSeats, ...electionRuleColumns(e), mode: e.mode })
    .where('id', '=', id)
    .execute();
  await replaceCandidates(db, id, e.candidates);
}

async function replaceCandidates(db: Executor, electionId: number, candidates: NewElection['candidates']) {
  await db.deleteFrom('election_candidates').where('election_id', '=', electionId).execute();
  if (candidates.length) {
    await db
      .insertInto('election_candidates')
      .values(candidates.map((c) => ({ election_id: electionId, member_id: c.memberId, full_name: c.fullName, note: c.note })))
      .execute();
  }
}

const electionColumns = [
  'id',
  'congress_id',
  'body',
  'title',
  'seats',
  'alternate_seats',
  'surplus_rounding',
  'surplus_min_percent',
  'surplus_max_percent',
  'tie_at_last_seat',
  'fewer_elected',
  'mode',
  'status',
  'round',
  'previous_election_id',
  'base',
  'excluded',
  'ballots_issued',
  'tally_json',
  'opened_at',
  'closed_at',
  'created_at',
] as const;

export async function listElections(db: Executor, congressId: number, id?: number): Promise<ElectionRow[]> {
  let q = db.selectFrom('elections').select(electionColumns).where('congress_id', '=', congressId);
  if (id !== undefined) q = q.where('id', '=', id);
  const rows = await q.orderBy('id').execute();
  if (!rows.length) return [];
  const candidates = await db
    .selectFrom('election_candidates')
    .select(['id', 'election_id', 'member_id', 'full_name', 'note'])
    .where(
      'election_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    congressId: r.congress_id,
    body: r.body as ElectedBody,
    title: r.title,
    seats: r.seats,
    alternateSeats: r.alternate_seats,
    surplusRounding: r.surplus_rounding === 'up' ? 'up' : 'down',
    surplusMinPercent: r.surplus_min_percent,
    surplusMaxPercent: r.surplus_max_percent,
    tieAtLastSeat: r.tie_at_last_seat === 'congress_decides' ? 'congress_decides' : 'further_round',
    fewerElected: r.fewer_elected === 'leave_empty' ? 'leave_empty' : 'vote_again',
    mode: r.mode as ElectionMode,
    status: r.status as PollStatus,
    round: r.round,
    previousElectionId: r.previous_election_id,
    base: r.base,
    excluded: r.excluded,
    ballotsIssued: r.ballots_issued,
    tally: r.tally_json ? JSON.parse(r.tally_json) : null,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    candidates: candidates.filter((c) => c.election_id === r.id).map((c) => ({ id: c.id, memberId: c.member_id, fullName: c.full_name, note: c.note })),
  }));
}

export async function getElection(db: Executor, congressId: number, id: number): Promise<ElectionRow | null> {
  return (await listElections(db, congressId, id))[0] ?? null;
}

export async function setElectionState(
  db: Executor,
  id: number,
  s: { status?: PollStatus; base?: number; excluded?: number; ballotsIssued?: number | null; tally?: ElectionTally | null; openedAt?: string; closedAt?: string },
): Promise<void> {
  await db
    .updateTable('elections')
    .set({
      ...(s.status ? { status: s.status } : {}),
      ...(s.base !== undefined ? { base: s.base } : {}),
      ...(s.excluded !== undefined ? { excluded: s.excluded } : {}),
      ...(s.ballotsIssued !== undefined ? { ballots_issued: s.ballotsIssued } : {}),
      ...(s.tally !== undefined ? { tally_json: s.tally && JSON.stringify(s.tally) } : {}),
      ...(s.openedAt ? { opened_at: s.openedAt } : {}),
      ...(s.closedAt ? { closed_at: s.closedAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteDraftElection(db: Executor, id: number): Promise<boolean> {
  const draft = await db.selectFrom('elections').select('id').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  if (!draft) return false;
  await db.deleteFrom('election_candidates').where('election_id', '=', id).execute();
  await db.deleteFrom('elections').where('id', '=', id).execute();
  return true;
}

/** locks a poll for the rest of the transaction (PostgreSQL; SQLite has one writer): its status, and whether an open vote is counted by hand */
export async function lockPoll(db: Executor, kind: PollKind, id: number): Promise<{ status: PollStatus; byHands: boolean } | null> {
  if (kind === 'vote') {
    const r = await db.updateTable('open_votes').set({ status: sql`status` }).where('id', '=', id).returning(['status', 'hand_counts_json']).executeTakeFirst();
    return r ? { status: r.status as PollStatus, byHands: r.hand_counts_json !== null } : null;
  }
  const r = await db.updateTable('elections').set({ status: sql`status` }).where('id', '=', id).returning('status').executeTakeFirst();
  return r ? { status: r.status as PollStatus, byHands: false } : null;
}

// ---------------------------------------------------------------------------------------------
// Voters: the delegates of the congress, who may vote now, and the bases

export interface VoterRow extends VoterDelegate {
  delegateId: number;
  memberId: number;
  fullName: string;
  origin: string;
  eligible: boolean;
}

/** every delegate of the congress with what the voting rules need */
export async function votersOf(db: Executor, congress: { id: number; kind: CongressKind; opensOn: string }, delegateId?: number): Promise<VoterRow[]> {
  let q = db
    .selectFrom('delegates as d')
    .innerJoin('members as m', 'm.id', 'd.member_id')
    .leftJoin('checkins as k', (j) => j.onRef('k.delegate_id', '=', 'd.id').onRef('k.congress_id', '=', 'd.congress_id'))
    .select(['d.id', 'd.member_id', 'm.full_name', 'd.class', 'd.status', 'd.origin', 'd.replaces_delegate_id', 'm.official_on', 'k.id as checkin_id'])
    .where('d.congress_id', '=', congress.id);
  if (delegateId !== undefined) q = q.where('d.id', '=', delegateId);
  const rows = await q.execute();
  return rows.map((r) => {
    const v: VoterDelegate = {
      class: r.class as VoterDelegate['class'],
      status: r.status as VoterDelegate['status'],
      probationary: isProbationary({ officialOn: r.official_on }, congress.opensOn),
      present: r.checkin_id !== null,
      replacing: r.replaces_delegate_id !== null,
    };
    return { ...v, delegateId: r.id, memberId: r.member_id, fullName: r.full_name, origin: r.origin, eligible: isEligibleVoter(congress.kind, v) };
  });
}

// ---------------------------------------------------------------------------------------------
// The roster and the ballots cast on phones

export async function hasVoted(db: Executor, kind: PollKind, pollId: number, delegateId: number): Promise<boolean> {
  const r = await db.selectFrom('voter_roster').select('delegate_id').where('poll_kind', '=', kind).where('poll_id', '=', pollId).where('delegate_id', '=', delegateId).executeTakeFirst();
  return r !== undefined;
}

/** the polls a delegate is on the roster of */
export async function pollsVotedBy(db: Executor, delegateId: number): Promise<{ kind: PollKind; pollId: number }[]> {
  const rows = await db.selectFrom('voter_roster').select(['poll_kind', 'poll_id']).where('delegate_id', '=', delegateId).execute();
  return rows.map((r) => ({ kind: r.poll_kind as PollKind, pollId: r.poll_id }));
}

export async function rosterCount(db: Executor, kind: PollKind, pollId: number): Promise<number> {
  const r = await db.selectFrom('voter_roster').select((eb) => eb.fn.countAll<number>().as('n')).where('poll_kind', '=', kind).where('poll_id', '=', pollId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function rosterOf(db: Executor, kind: PollKind, pollId: number): Promise<number[]> {
  const rows = await db.selectFrom('voter_roster').select('delegate_id').where('poll_kind', '=', kind).where('poll_id', '=', pollId).orderBy('delegate_id').execute();
  return rows.map((r) => r.delegate_id);
}

/**
 * Before a commit of ballots, in one round trip: which of these delegates are already on the poll's roster, and which of
 * these client ballot ids (hashed) were already stored, with their receipt codes (a resubmission).
 */
export async function castBefore(db: Executor, kind: PollKind, pollId: number, delegateIds: readonly number[], clientHashes: readonly string[]): Promise<{ voted: Set<number>; known: Map<string, string> }> {
  const voted = new Set<number>();
  const known = new Map<string, string>();
  if (!delegateIds.length && !clientHashes.length) return { voted, known };
  const roster = db.selectFrom('voter_roster').select([sql<string>`'roster'`.as('source'), sql<string>`cast(delegate_id as text)`.as('key'), sql<string | null>`null`.as('receipt_code')]).where('poll_kind', '=', kind).where('poll_id', '=', pollId);
  const stored = db.selectFrom('cast_ballots').select([sql<string>`'ballot'`.as('source'), 'client_hash as key', 'receipt_code']).where('poll_kind', '=', kind).where('poll_id', '=', pollId);
  const rows = await roster
    .where('delegate_id', 'in', delegateIds.length ? [...delegateIds] : [-1])
    .unionAll(stored.where('client_hash', 'in', clientHashes.length ? [...clientHashes] : ['']))
    .execute();
  for (const r of rows) {
    if (r.source === 'roster') voted.add(Number(r.key));
    else known.set(r.key, r.receipt_code!);
  }
  return { voted, known };
}

export interface NewCastBallot {
  receiptCode: string;
  clientHash: string;
  choice: unknown;
  namedDelegateId: number | null;
}

/** who writes the audit rows of a commit of ballots: that each roster delegate voted, never what */
export interface CastAudit {
  at: string;
  orgId: number;
}

/**
 * The roster rows, the ballots and the audit rows ("delegate N voted") of one commit; the caller passes ballots in an
 * order unrelated to the roster's. On PostgreSQL one statement (data-modifying CTEs: one round trip instead of three).
 */
export async function insertCast(db: Executor, engine: Engine, kind: PollKind, pollId: number, voters: readonly number[], ballots: readonly NewCastBallot[], audit: CastAudit): Promise<void> {
  if (!voters.length && !ballots.length) return;
  const rosterRows = voters.map((d) => ({ poll_kind: kind, poll_id: pollId, delegate_id: d }));
  const ballotRows = ballots.map((b) => ({ poll_kind: kind, poll_id: pollId, receipt_code: b.receiptCode, client_hash: b.clientHash, choice_json: JSON.stringify(b.choice), named_delegate_id: b.namedDelegateId }));
  const auditRows = voters.map((d) => ({
    at: audit.at,
    user_id: null,
    actor: `delegate:${d}`,
    action: kind === 'vote' ? 'vote.voted' : 'election.voted',
    entity: kind === 'vote' ? 'open_vote' : 'election',
    entity_id: String(pollId),
    org_id: audit.orgId,
    before_json: null,
    after_json: null,
  }));
  if (engine === 'postgres' && voters.length && ballots.length) {
    await db
      .with('roster', (qc) => qc.insertInto('voter_roster').values(rosterRows))
      .with('ballots', (qc) => qc.insertInto('cast_ballots').values(ballotRows))
      .insertInto('audit_log')
      .values(auditRows)
      .execute();
    return;
  }
  if (rosterRows.length) await db.insertInto('voter_roster').values(rosterRows).execute();
  if (ballotRows.length) await db.insertInto('cast_ballots').values(ballotRows).execute();
  for (let i = 0; i < auditRows.length; i += 300) await db.insertInto('audit_log').values(auditRows.slice(i, i + 300)).execute();
}

export interface StoredBallot {
  receiptCode: string;
  choice: unknown;
  namedDelegateId: number | null;
}

/** the ballots of a poll in receipt-code order (random: it says nothing of who or when) */
export async function ballotsOf(db: Executor, kind: PollKind, pollId: number): Promise<StoredBallot[]> {
  const rows = await db
    .selectFrom('cast_ballots')
    .select(['receipt_code', 'choice_json', 'named_delegate_id'])
    .where('poll_kind', '=', kind)
    .where('poll_id', '=', pollId)
    .orderBy('receipt_code')
    .execute();
  return rows.map((r) => ({ receiptCode: r.receipt_code, choice: JSON.parse(r.choice_json), namedDelegateId: r.named_delegate_id }));
}

/**
 * At close, the ballots of a secret poll are written again in receipt-code order in one statement, so that neither
 * their place in the table nor (on PostgreSQL) the transaction that wrote them says in what order they were cast.
 */
export async function rewriteBallotsInRandomOrder(db: Executor, kind: PollKind, pollId: number): Promise<void> {
  const rows = await db.selectFrom('cast_ballots').selectAll().where('poll_kind', '=', kind).where('poll_id', '=', pollId).orderBy('receipt_code').execute();
  if (!rows.length) return;
  await db.deleteFrom('cast_ballots').where('poll_kind', '=', kind).where('poll_id', '=', pollId).execute();
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('cast_ballots').values(rows.slice(i, i + 500)).execute();
}

// ---------------------------------------------------------------------------------------------
// Paper ballots entered by the counting committee

export type Clerk = 'first' | 'second';
export interface PaperEntryRow {
  id: number;
  clerk: Clerk;
  ballot: PaperBallot;
  enteredBy: string;
  enteredAt: string;
}

export async function paperEntriesOf(db: Executor, electionId: number, clerk?: Clerk): Promise<PaperEntryRow[]> {
  let q = db.selectFrom('paper_ballot_entries').select(['id', 'clerk', 'ballot_json', 'entered_by', 'entered_at']).where('election_id', '=', electionId);
  if (clerk) q = q.where('clerk', '=', clerk);
  const rows = await q.orderBy('clerk').orderBy('ballot_no').execute();
  return rows.map((r) => ({ id: r.id, clerk: r.clerk as Clerk, ballot: JSON.parse(r.ballot_json), enteredBy: r.entered_by, enteredAt: r.entered_at }));
}

export async function paperBallotNumbers(db: Executor, electionId: number, clerk: Clerk, numbers: readonly number[]): Promise<number[]> {
  if (!numbers.length) return [];
  const rows = await db.selectFrom('paper_ballot_entries').select('ballot_no').where('election_id', '=', electionId).where('clerk', '=', clerk).where('ballot_no', 'in', numbers).execute();
  return rows.map((r) => r.ballot_no);
}

/** a clerk's entries: new ballot numbers are added, numbers entered before are replaced (a correction) */
export async function upsertPaperEntries(db: Executor, electionId: number, clerk: Clerk, ballots: readonly PaperBallot[], by: string, now: string): Promise<void> {
  const numbers = ballots.map((b) => b.ballotNo);
  for (let i = 0; i < numbers.length; i += 500) {
    await db.deleteFrom('paper_ballot_entries').where('election_id', '=', electionId).where('clerk', '=', clerk).where('ballot_no', 'in', numbers.slice(i, i + 500)).execute();
  }
  for (let i = 0; i < ballots.length; i += 200) {
    await db
      .insertInto('paper_ballot_entries')
      .values(ballots.slice(i, i + 200).map((b) => ({ election_id: electionId, clerk, ballot_no: b.ballotNo, ballot_json: JSON.stringify(b), entered_by: by, entered_at: now })))
      .execute();
  }
}

export async function deletePaperEntry(db: Executor, electionId: number, clerk: Clerk, ballotNo: number): Promise<boolean> {
  const r = await db.deleteFrom('paper_ballot_entries').where('election_id', '=', electionId).where('clerk', '=', clerk).where('ballot_no', '=', ballotNo).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---------------------------------------------------------------------------------------------
// Appointments and the organisation's leaders

/**
 * The leaders a source (an election or an appointment decision) gives the organisation. The current leaders of the
 * same bodies who took office on or before `since` end, whatever their term — except those of `sameRun` (the other
 * rounds of this election, whose elected stay). Recording a source again (a corrected decision) replaces its rows.
 */
export async function recordLeaders(
  db: Executor,
  orgId: number,
  term: string | null,
  source: { kind: 'election' | 'appointment'; id: number },
  leaders: readonly NewLeader[],
  since: string,
  sameRun: readonly number[] = [],
) {
  const bodies = [...new Set(leaders.map((l) => l.body))];
  await db.deleteFrom('org_leaders').where('source_kind', '=', source.kind).where('source_id', '=', source.id).execute();
  if (bodies.length) {
    let q = db.updateTable('org_leaders').set({ until: since }).where('org_id', '=', orgId).where('body', 'in', bodies).where('until', 'is', null).where('since', '<=', since);
    if (sameRun.length) q = q.where((eb) => eb.not(eb.and([eb('source_kind', '=', 'election'), eb('source_id', 'in', sameRun)])));
    await q.execute();
  }
  if (leaders.length) {
    await db
      .insertInto('org_leaders')
      .values(leaders.map((l) => ({ org_id: orgId, term, body: l.body, member_id: l.memberId, full_name: l.fullName, position: l.position, source_kind: source.kind, source_id: source.id, since, until: null })))
      .execute();
  }
}

/**
 * The other elections of the same run: the first round and every further round prepared from it (a tie at the official /
 * alternate line and a tie at the last seat give two further rounds of one election), without this one.
 */
export async function otherRoundsOfRun(db: Executor, electionId: number): Promise<number[]> {
  const self = await db.selectFrom('elections').select(['congress_id', 'body']).where('id', '=', electionId).executeTakeFirst();
  if (!self) return [];
  const rows = await db.selectFrom('elections').select(['id', 'previous_election_id']).where('congress_id', '=', self.congress_id).where('body', '=', self.body).execute();
  const previous = new Map(rows.map((r) => [r.id, r.previous_election_id]));
  const first = (id: number): number => {
    for (let n = 0, p = previous.get(id); p != null && n < 100; n++, p = previous.get(id)) id = p;
    return id;
  };
  const run = first(electionId);
  return rows.filter((r) => r.id !== electionId && first(r.id) === run).map((r) => r.id);
}

export interface Committee {
  size: number;
  /** is this person a member: by the registry's id, or by name when the committee was entered by name */
  has(person: { memberId: number; fullName: string }): boolean;
}

const nameKey = (name: string) => name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** the organisation's executive committee now (from its election or appointment): who votes at its first meeting */
export async function committeeMemberIds(db: Executor, orgId: number): Promise<Committee> {
  const rows = await db.selectFrom('org_leaders').select(['member_id', 'full_name']).where('org_id', '=', orgId).where('body', '=', 'executive_committee').where('until', 'is', null).execute();
  const ids = new Set(rows.map((r) => r.member_id).filter((x): x is number => x !== null));
  const names = new Set(rows.filter((r) => r.member_id === null).map((r) => nameKey(r.full_name)));
  return { size: rows.length, has: (p) => ids.has(p.memberId) || names.has(nameKey(p.fullName)) };
}

export async function leadersOf(db: Executor, orgId: number): Promise<LeaderRow[]> {
  // a further round's elected follow the first round's
  const rows = await db.selectFrom('org_leaders').selectAll().where('org_id', '=', orgId).where('until', 'is', null).orderBy('body').orderBy('source_id').orderBy('position').execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    term: r.term,
    body: r.body as LeaderBody,
    memberId: r.member_id,
    fullName: r.full_name,
    position: r.position,
    sourceKind: r.source_kind as LeaderRow['sourceKind'],
    sourceId: r.source_id,
    since: r.since,
  }));
}


export async function insertAppointment(db: Executor, congressId: number, a: { decisionNumber: string; decisionDate: string; issuer: string; note: string | null }, now: string): Promise<number> {
  const r = await db
    .insertInto('appointments')
    .values({ congress_id: congressId, decision_number: a.decisionNumber, decision_date: a.decisionDate, issuer: a.issuer, note: a.note, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function appointmentsOf(db: Executor, congressId: number, id?: number): Promise<AppointmentRow[]> {
  let q = db.selectFrom('appointments').selectAll().where('congress_id', '=', congressId);
  if (id !== undefined) q = q.where('id', '=', id);
  const rows = await q.orderBy('id').execute();
  if (!rows.length) return [];
  const members = await db
    .selectFrom('org_leaders')
    .select(['source_id', 'body', 'member_id', 'full_name', 'position'])
    .where('source_kind', '=', 'appointment')
    .where(
      'source_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('body')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    congressId: r.congress_id,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    issuer: r.issuer,
    note: r.note,
    announcedAt: r.announced_at,
    createdAt: r.created_at,
    members: members.filter((m) => m.source_id === r.id).map((m) => ({ body: m.body as LeaderBody, memberId: m.member_id, fullName: m.full_name, position: m.position })),
  }));
}

export async function updateAppointment(db: Executor, id: number, a: { decisionNumber: string; decisionDate: string; issuer: string; note: string | null }): Promise<void> {
  await db.updateTable('appointments').set({ decision_number: a.decisionNumber, decision_date: a.decisionDate, issuer: a.issuer, note: a.note }).where('id', '=', id).execute();
}

/** a later decision or election has ended some of the leaders this decision gave */
export async function appointmentSuperseded(db: Executor, id: number): Promise<boolean> {
  const r = await db.selectFrom('org_leaders').select('id').where('source_kind', '=', 'appointment').where('source_id', '=', id).where('until', 'is not', null).executeTakeFirst();
  return !!r;
}

export async function markAppointmentAnnounced(db: Executor, id: number, now: string) {
  await db.updateTable('appointments').set({ announced_at: now }).where('id', '=', id).where('announced_at', 'is', null).execute();
}
