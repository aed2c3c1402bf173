// The congress vocabulary is the server's own pure rules module; the shapes below are what the congress API answers.
export {
  CONGRESS_KINDS,
  CONGRESS_STATUSES,
  DEFAULT_QUORUM,
  DELEGATE_CLASSES,
  DELEGATE_ORIGINS,
  MAX_WORKING_BODY_MEMBERS,
  PROJECTOR_MODES,
  SESSION_KINDS,
  WORKING_BODIES,
  WORKING_BODY_TITLES,
  workingBodyProblem,
} from '../../../../src/modules/congress/congress.rules';
export type {
  CongressKind,
  CongressStatus,
  CredentialsReport,
  DelegateClass,
  DelegateOrigin,
  ProjectorMode,
  SessionKind,
  SpeakerStatus,
  WorkingBody,
  WorkingBodyMember,
} from '../../../../src/modules/congress/congress.rules';
import type { CongressKind, CongressStatus, DelegateClass, DelegateOrigin, SessionKind, WorkingBody, WorkingBodyMember } from '../../../../src/modules/congress/congress.rules';
import type { AgendaItem, DocumentMeta, ProjectorState, SpeakerRow } from '../../../../src/modules/congress/congress.types';

export interface Session {
  id: number;
  kind: SessionKind;
  title: string | null;
  startsAt: string;
  endsAt: string | null;
}

export interface Congress {
  id: number;
  orgId: number;
  orgName: string;
  title: string;
  kind: CongressKind;
  number: number | null;
  term: string | null;
  venue: string | null;
  motto: string | null;
  opensOn: string;
  closesOn: string;
  plannedSeats: number | null;
  exOfficioSeats: number;
  quorumNumerator: number;
  quorumDenominator: number;
  status: CongressStatus;
  currentAgendaItemId: number | null;
  projector: ProjectorState;
  lastSeq: number;
}

export interface Attendance {
  convened: number;
  present: number;
  required: number;
  met: boolean;
  alternatesPresent: number;
  rule: string;
}

export type Speaker = SpeakerRow & { elapsedMsNow: number };

export interface Notice {
  id: number;
  text: string;
  createdAt: string;
  createdBy: string;
}

/** GET /api/congresses/:id/room (and, with `me` and `documents`, GET /api/delegate/:token) */
export interface Room {
  congress: Omit<Congress, 'orgId' | 'quorumNumerator' | 'quorumDenominator'> & Partial<Pick<Congress, 'orgId' | 'quorumNumerator' | 'quorumDenominator'>>;
  sessions: Session[];
  agenda: AgendaItem[];
  currentAgendaItem: AgendaItem | null;
  speakers: Speaker[];
  speaking: Speaker | null;
  notices: Notice[];
  attendance: Attendance;
  projector: ProjectorState;
  lastSeq: number;
  serverTime: string;
  me?: { id: number; number: number; fullName: string; class: DelegateClass; origin: DelegateOrigin; unitOrgName: string | null; checkedInAt: string | null; photoUpdatedAt: string | null };
  documents?: DocumentMeta[];
}

export interface SeatUnit {
  orgId: number;
  orgName: string;
  members: number;
  seats: number;
  filled: number;
}

export interface Seats {
  plannedSeats: number | null;
  exOfficioSeats: number;
  method: string;
  units: SeatUnit[];
}

export interface IssuedToken {
  delegateId: number;
  number: number;
  fullName: string;
  class: DelegateClass;
  unitName: string | null;
  token: string;
  url: string;
}

// the shapes the congress stores give, from the server's pure types file
export type { AgendaItem, DocumentMeta, ProjectorState, SpeakerRow } from '../../../../src/modules/congress/congress.types';
export type { DelegateRow as Delegate } from '../../../../src/modules/congress/congress.types';

export type { WorkingBodyView } from '../../../../src/modules/congress/congress.types';

/** GET /api/congresses/:id/card-links: where the QR codes of cards printed now point, and whether phones can open it */
export interface CardLinks {
  base: string;
  source: 'config' | 'request';
  problem: { code: string; message: string } | null;
  lanAddresses: string[];
}
