// The shapes the voting store gives and the API answers: pure types, shared with the web app (web/src/features/voting/types.ts).
import type { ElectedBody, ElectionTally, LeaderBody } from './elections.rules.js';
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
  /** how the 30% maximum surplus rounds, as the congress decided */
  surplusRounding: 'down' | 'up';
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
