// The shapes the congress stores give and the API answers: pure types, shared with the web app
// (web/src/features/congress/types.ts) so the two cannot drift apart.
import type { DelegateClass, DelegateOrigin, DelegateStatus, ProjectorMode, SpeakerStatus, WorkingBody, WorkingBodyMember } from './congress.rules.js';
import type { EducationLevel, Gender, TheoryLevel } from '../members/members.rules.js';

export interface ProjectorState {
  mode: ProjectorMode;
  /** free text for 'notice' */
  text: string | null;
  /** 'document': which one, and the page of a text document shown (1 when absent) */
  documentId: number | null;
  page?: number | null;
  /** 'vote', 'election', 'appointment': which one (set by the voting routes) */
  pollId?: number | null;
}

export interface DelegateRow {
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

/** a working body of the congress as the API gives it (GET /api/congresses/:id/working-bodies) */
export interface WorkingBodyView {
  body: WorkingBody;
  members: WorkingBodyMember[];
  /** when the list was last set; null when it is empty */
  changedAt: string | null;
  /** the show-of-hands vote that adopted the list as it stands (none when the list changed after the vote) */
  approvedBy: { voteId: number; closedAt: string } | null;
}
