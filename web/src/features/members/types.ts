// the member vocabulary is the server's own pure rules module: one definition for both sides
export { GENDERS, EDUCATION_LEVELS, THEORY_LEVELS, LEAVE_REASONS } from '../../../../src/modules/members/members.rules';
export type { Gender, EducationLevel, TheoryLevel, LeaveReason, MemberProfile } from '../../../../src/modules/members/members.rules';
import type { LeaveReason, MemberProfile } from '../../../../src/modules/members/members.rules';

export const MEMBER_SORTS = ['name', '-name', 'birthDate', '-birthDate', 'admittedOn', '-admittedOn'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export interface Member extends MemberProfile {
  id: number;
  orgId: number;
  orgName: string;
  status: 'active' | 'left';
  leftOn: string | null;
  leftReason: LeaveReason | null;
  leftNote: string | null;
  probationary: boolean;
}

export interface MemberPeriod {
  orgId: number;
  orgName: string;
  from: string;
  to: string | null;
  reason: string;
  note: string | null;
  eventId: number | null;
}

export interface MemberDetail extends Member {
  history: MemberPeriod[];
  /** the photo (ảnh 3×4), if any: GET /api/members/:id/photo */
  photo: { width: number; height: number; byteSize: number; updatedAt: string } | null;
}

export interface MemberPage {
  total: number;
  page: number;
  pageSize: number;
  items: Member[];
}

/** one bad cell of an import, as the server reports it (details of IMPORT_INVALID) */
export interface ImportProblem {
  row: number;
  column: string;
  code: string;
  message: string;
}
