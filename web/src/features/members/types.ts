export const GENDERS = ['male', 'female'] as const;
export const EDUCATION_LEVELS = ['upper_secondary', 'vocational', 'college', 'bachelor', 'master', 'doctor'] as const;
export const THEORY_LEVELS = ['none', 'elementary', 'intermediate', 'advanced', 'bachelor'] as const;
export const LEAVE_REASONS = ['death', 'transferred_out', 'resigned', 'removed', 'expelled'] as const;
export const MEMBER_SORTS = ['name', '-name', 'birthDate', '-birthDate', 'admittedOn', '-admittedOn'] as const;

export type Gender = (typeof GENDERS)[number];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type TheoryLevel = (typeof THEORY_LEVELS)[number];
export type LeaveReason = (typeof LEAVE_REASONS)[number];
export type MemberSort = (typeof MEMBER_SORTS)[number];

export interface MemberProfile {
  fullName: string;
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  religion: string | null;
  hometown: string | null;
  education: EducationLevel | null;
  theoryLevel: TheoryLevel | null;
  admittedOn: string;
  officialOn: string | null;
  cardNumber: string | null;
  position: string | null;
}

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
