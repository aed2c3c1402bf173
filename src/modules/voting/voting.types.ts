// The shapes the voting store gives and the API answers: pure types, shared with the web app (web/src/features/voting/types.ts).
import type { ElectedBody, ElectionTally, LeaderBody, TallyRules } from './elections.rules.js';
import type { MajorityRule, OpenVoteCounts, OpenVoteResult, OpenVoteSubject, PollStatus } from './voting.rules.js';

export type { LeaderBody } from './elections.rules.js';

export interface OpenVoteRow {
  id: number;
  congressId: number;
  agendaItemId: number | null;
  subject: OpenVoteSubject;
  question: string;
  allowsOther: boolean;
  named: boolean;
  rule: MajorityRule;
  status: PollStatus;
  handCounts: OpenVoteCounts | null;
  result: OpenVoteResult | null;
  openedAt: string | null;
  closedAt: string | null;
  createdAt: string;
}

export type ElectionMode = 'electronic' | 'paper';

export interface CandidateRow {
  id: number;
  memberId: number | null;
  fullName: string;
  note: string | null;
}

export interface ElectionRow {
  id: number;
  congressId: number;
  body: ElectedBody;
  title: string;
  seats: number;
  alternateSeats: number;
  /** how the maximum surplus rounds, as the congress decided */
  surplusRounding: 'down' | 'up';
  /** (verify) the least surplus, percent of the seats (defaults: 10 for the executive and standing committees, else 0) */
  surplusMinPercent: number;
  /** the most surplus, percent of the seats; null: no maximum (defaults: 30 for the executive and standing committees, else null) */
  surplusMaxPercent: number | null;
  /** (verify) a tie at the last seat: a further round among the tied (default), or the congress decides (seats left) */
  tieAtLastSeat: TallyRules['tieAtLastSeat'];
  /** (verify) fewer elected than seats: the congress may vote again on the rest (default), or the seats stay empty */
  fewerElected: TallyRules['fewerElected'];
  mode: ElectionMode;
  status: PollStatus;
  round: number;
  previousElectionId: number | null;
  base: number | null;
  excluded: number;
  ballotsIssued: number | null;
  tally: ElectionTally | null;
  openedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  candidates: CandidateRow[];
}

export interface LeaderRow {
  id: number;
  orgId: number;
  term: string | null;
  body: LeaderBody;
  memberId: number | null;
  fullName: string;
  position: number;
  sourceKind: 'election' | 'appointment';
  sourceId: number;
  since: string;
}

export interface NewLeader {
  body: LeaderBody;
  memberId: number | null;
  fullName: string;
  position: number;
}

export interface AppointmentRow {
  id: number;
  congressId: number;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
  note: string | null;
  announcedAt: string | null;
  createdAt: string;
  members: NewLeader[];
}
