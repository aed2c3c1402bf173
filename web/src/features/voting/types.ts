// The voting vocabulary is the server's own pure rules; the shapes below are what the voting API answers.
export { OPEN_VOTE_SUBJECTS, openVoteChoices } from '../../../../src/modules/voting/voting.rules';
export { ELECTED_BODIES, ELECTION_TITLES } from '../../../../src/modules/voting/elections.rules';
export type { MajorityRule, OpenVoteChoice, OpenVoteCounts, OpenVoteResult, OpenVoteSubject, PollStatus, CongressBases, VoteBase } from '../../../../src/modules/voting/voting.rules';
export type { BallotDifference, BallotReconciliation, CandidateResult, ElectedBody, ElectionTally, PaperBallot, PaperBallotMarks } from '../../../../src/modules/voting/elections.rules';
import type { CongressKind, RuleProblem } from '../../../../src/modules/congress/congress.rules';
import type { MajorityRule, OpenVoteChoice, OpenVoteCounts, OpenVoteResult, OpenVoteSubject, PollStatus, CongressBases } from '../../../../src/modules/voting/voting.rules';
import type { ElectedBody, ElectionTally, PaperBallot } from '../../../../src/modules/voting/elections.rules';

/** the bodies a leadership list holds (voting.store.ts LEADER_BODIES: server code, not imported) */
export const LEADER_BODIES = [
  'executive_committee',
  'standing_committee',
  'secretary',
  'deputy_secretaries',
  'inspection_committee',
  'inspection_chair',
  'inspection_deputies',
  'delegation',
  'delegation_alternate',
] as const;
export type LeaderBody = (typeof LEADER_BODIES)[number];

export interface OpenVote {
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
  result: (OpenVoteResult & { method?: 'hands' | 'phones' }) | null;
  openedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  /** how many have voted on their phones */
  voted: number;
}

export interface Candidate {
  id: number;
  memberId: number | null;
  fullName: string;
  note: string | null;
}

export type ElectionMode = 'electronic' | 'paper';

export interface Election {
  id: number;
  congressId: number;
  body: ElectedBody;
  title: string;
  seats: number;
  alternateSeats: number;
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
  /** in ballot order */
  candidates: Candidate[];
  voted: number;
  listProblem: RuleProblem | null;
}

export interface Leader {
  body: LeaderBody;
  memberId: number | null;
  fullName: string;
  position: number;
}

export interface Appointment {
  id: number;
  congressId: number;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
  note: string | null;
  announcedAt: string | null;
  createdAt: string;
  members: Leader[];
}

export interface PollProjector {
  mode: string;
  pollId?: number | null;
}

/** GET /api/congresses/:id/voting */
export interface VotingOverview {
  congress: { id: number; title: string; kind: CongressKind; status: string; orgId: number; orgName: string; term: string | null };
  bases: CongressBases;
  votes: OpenVote[];
  elections: Election[];
  appointments: Appointment[];
  projector: PollProjector;
}

/** GET /api/delegate/:token/voting */
export interface PhoneVoting {
  mayVote: boolean;
  checkedIn: boolean;
  votes: { id: number; question: string; subject: OpenVoteSubject; status: PollStatus; named: boolean; choices: OpenVoteChoice[]; voted: number; result: OpenVote['result']; iVoted: boolean }[];
  elections: (Pick<Election, 'id' | 'body' | 'title' | 'seats' | 'alternateSeats' | 'mode' | 'status' | 'round' | 'voted' | 'tally'> & { candidates: { id: number; fullName: string; note: string | null }[]; iVoted: boolean })[];
}

export interface CastAnswer {
  receiptCode: string;
  repeated: boolean;
}

export interface Receipts {
  electionId: number;
  ballots: { receiptCode: string; chosen: string[] }[];
}

export interface PaperEntry {
  id: number;
  clerk: 'first' | 'second';
  ballot: PaperBallot;
  enteredBy: string;
  enteredAt: string;
}

export type Reconciliation = { first: number; second: number } & import('../../../../src/modules/voting/elections.rules').BallotReconciliation;
