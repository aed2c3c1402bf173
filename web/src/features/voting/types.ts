// The voting vocabulary is the server's own pure rules; the shapes below are what the voting API answers.
export { OPEN_VOTE_SUBJECTS, openVoteChoices } from '../../../../src/modules/voting/voting.rules';
export { DEFAULT_TALLY_RULES, ELECTED_BODIES, ELECTION_TITLES, defaultSurplusRule, furtherRounds } from '../../../../src/modules/voting/elections.rules';
export type { MajorityRule, OpenVoteChoice, OpenVoteCounts, OpenVoteResult, OpenVoteSubject, PollStatus, CongressBases, VoteBase } from '../../../../src/modules/voting/voting.rules';
export type { BallotDifference, BallotReconciliation, CandidateResult, ElectedBody, ElectionTally, FurtherRound, PaperBallot, PaperBallotMarks, TallyRules } from '../../../../src/modules/voting/elections.rules';
import type { CongressKind, RuleProblem } from '../../../../src/modules/congress/congress.rules';
import type { OpenVoteChoice, OpenVoteResult, OpenVoteSubject, PollStatus, CongressBases } from '../../../../src/modules/voting/voting.rules';
import type { PaperBallot } from '../../../../src/modules/voting/elections.rules';
import type { AppointmentRow, CandidateRow as Candidate, ElectionMode, ElectionRow, NewLeader, OpenVoteRow } from '../../../../src/modules/voting/voting.types';

export { LEADER_BODIES } from '../../../../src/modules/voting/elections.rules';
export type { LeaderBody } from '../../../../src/modules/voting/elections.rules';
export type { Candidate };

/** an open vote with how many have voted on their phones */
export type OpenVote = Omit<OpenVoteRow, 'result'> & { result: (OpenVoteResult & { method?: 'hands' | 'phones' }) | null; voted: number };
/** an election, candidates in ballot order, with the turnout and (while a draft) why the list would be refused */
export type Election = ElectionRow & { voted: number; listProblem: RuleProblem | null };
export type Leader = NewLeader;
export type Appointment = AppointmentRow;
export type { ElectionMode };

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
  elections: (Pick<Election, 'id' | 'body' | 'title' | 'seats' | 'alternateSeats' | 'mode' | 'status' | 'round' | 'voted' | 'tally'> & { candidates: { id: number; fullName: string; note: string | null }[]; iVoted: boolean; /** absent in an election event: the phone's own mayVote then */ mayVote?: boolean })[];
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
