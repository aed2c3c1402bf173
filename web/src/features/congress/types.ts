// The congress vocabulary is the server's own pure rules module; the shapes below are what the congress API answers.
export { CONGRESS_KINDS, CONGRESS_STATUSES, DELEGATE_CLASSES, DELEGATE_ORIGINS, PROJECTOR_MODES, SESSION_KINDS } from '../../../../src/modules/congress/congress.rules';
export type {
  CongressKind,
  CongressStatus,
  CredentialsReport,
  DelegateClass,
  DelegateOrigin,
  ProjectorMode,
  SessionKind,
  SpeakerStatus,
} from '../../../../src/modules/congress/congress.rules';
import type { CongressKind, CongressStatus, DelegateClass, DelegateOrigin, DelegateStatus, ProjectorMode, SessionKind, SpeakerStatus } from '../../../../src/modules/congress/congress.rules';
import type { EducationLevel, Gender, TheoryLevel } from '../../../../src/modules/members/members.rules';

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
  me?: { id: number; number: number; fullName: string; class: DelegateClass; origin: DelegateOrigin; unitOrgName: string | null; checkedInAt: string | null };
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

// the shapes of congress.store.ts (not imported: it is server code)
export interface ProjectorState {
  mode: ProjectorMode;
  /** free text for 'notice'; the document id for 'document' */
  text: string | null;
  documentId: number | null;
}

export interface Delegate {
  id: number;
  congressId: number;
  number: number;
  memberId: number;
  fullName: string;
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  education: EducationLevel | null;
  theoryLevel: TheoryLevel | null;
  admittedOn: string;
  officialOn: string | null;
  position: string | null;
  memberActive: boolean;
  memberOrgId: number;
  memberOrgName: string;
  unitOrgId: number | null;
  unitOrgName: string | null;
  class: DelegateClass;
  origin: DelegateOrigin;
  rank: number | null;
  status: DelegateStatus;
  replacesDelegateId: number | null;
  replacementDecidedBy: string | null;
  replacementReason: string | null;
  eligibilityNote: string | null;
  checkedInAt: string | null;
  hasToken: boolean;
}

export interface AgendaItem {
  id: number;
  position: number;
  title: string;
  description: string | null;
  sessionId: number | null;
  status: 'pending' | 'current' | 'done';
}

export interface SpeakerRow {
  id: number;
  agendaItemId: number | null;
  delegateId: number | null;
  name: string;
  topic: string | null;
  status: SpeakerStatus;
  position: number;
  limitSeconds: number | null;
  elapsedMs: number;
  runningSince: string | null;
  requestedAt: string;
}

export interface DocumentMeta {
  id: number;
  title: string;
  internal: boolean;
  position: number;
  kind: 'text' | 'file';
  fileName: string | null;
  fileType: string | null;
  fileSize: number | null;
  createdAt: string;
}
