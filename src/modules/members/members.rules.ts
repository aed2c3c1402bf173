// The member registry's rules: profile validity, probation, leaving. Pure, no I/O.
import { PARTY_FOUNDED_ON, formatDateVi } from '../../shared/dates.js';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const EDUCATION_LEVELS = ['upper_secondary', 'vocational', 'college', 'bachelor', 'master', 'doctor'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const THEORY_LEVELS = ['none', 'elementary', 'intermediate', 'advanced', 'bachelor'] as const;
export type TheoryLevel = (typeof THEORY_LEVELS)[number];

export const LEAVE_REASONS = ['death', 'transferred_out', 'resigned', 'removed', 'expelled'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

/** the words clerks write in member lists, mapped to codes (compared unaccented, case-insensitive) */
export const genderWords: Record<string, Gender> = { nam: 'male', nu: 'female', male: 'male', female: 'female' };
export const educationWords: Record<string, EducationLevel> = {
  'thpt': 'upper_secondary',
  '12/12': 'upper_secondary',
  'trung hoc pho thong': 'upper_secondary',
  'trung cap': 'vocational',
  'cao dang': 'college',
  'dai hoc': 'bachelor',
  'cu nhan': 'bachelor',
  'ky su': 'bachelor',
  'thac si': 'master',
  'tien si': 'doctor',
};
export const theoryWords: Record<string, TheoryLevel> = {
  'chua qua dao tao': 'none',
  'khong': 'none',
  'so cap': 'elementary',
  'trung cap': 'intermediate',
  'cao cap': 'advanced',
  'cu nhan': 'bachelor',
};

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

export interface FieldProblem {
  field: keyof MemberProfile | 'orgName';
  code: string;
  message: string;
}

/** a real calendar date written YYYY-MM-DD */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** whole years between two ISO dates */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Điều lệ Đảng 2011, art. 1: a Vietnamese citizen aged 18 or more may be admitted */
export const MINIMUM_ADMISSION_AGE = 18;
/** Điều lệ Đảng 2011, art. 5: the probationary period lasts twelve months from admission */
export const PROBATION_MONTHS = 12;

/** the earliest day a probationary member can be made official */
export function earliestOfficialDate(admittedOn: string): string {
  return addMonths(admittedOn, PROBATION_MONTHS);
}

// Điều lệ Đảng 2011, art. 1: a Vietnamese citizen aged 18 or more may be admitted
/** whether someone born on `birthDate` was old enough to be admitted on `admittedOn` */
export function isOldEnoughForAdmission(birthDate: string, admittedOn: string): boolean {
  return yearsBetween(birthDate, admittedOn) >= MINIMUM_ADMISSION_AGE;
}

// Điều lệ Đảng 2011, art. 5: the probationary period lasts twelve months from admission
/** whether a member admitted on `admittedOn` could be recognised as official on `officialOn` */
export function hasServedProbation(admittedOn: string, officialOn: string): boolean {
  return officialOn >= earliestOfficialDate(admittedOn);
}

/** a member is probationary until the date they were recognised as official (Điều lệ Đảng art. 5) */
export function isProbationary(m: { officialOn: string | null }, asOf: string): boolean {
  return m.officialOn === null || m.officialOn > asOf;
}

export const CARD_NUMBER_PATTERN = /^\d{6,12}$/;

/** every problem of a profile at once, each tied to its field, in Vietnamese */
export function validateMemberProfile(p: MemberProfile, today: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: FieldProblem['field'], code: string, message: string) => out.push({ field, code, message });
  const name = p.fullName.trim();
  if (!name) add('fullName', 'NAME_REQUIRED', 'Họ và tên không được để trống.');
  else if (name.length > 100) add('fullName', 'NAME_TOO_LONG', 'Họ và tên dài quá 100 ký tự.');
  else if (!/^[\p{L}][\p{L}\p{M} '.-]*$/u.test(name)) add('fullName', 'NAME_INVALID', 'Họ và tên chỉ gồm chữ cái và khoảng trắng.');
  if (!GENDERS.includes(p.gender)) add('gender', 'GENDER_INVALID', 'Giới tính phải là Nam hoặc Nữ.');
  // the age at admission is judged only on a plausible birth date (one problem per mistake)
  const problemsBefore = out.length;
  let birthOk = isIsoDate(p.birthDate);
  if (!birthOk) add('birthDate', 'DATE_INVALID', 'Ngày sinh không hợp lệ.');
  else if (p.birthDate > today) add('birthDate', 'DATE_IN_FUTURE', 'Ngày sinh ở tương lai.');
  else if (yearsBetween(p.birthDate, today) > 120) add('birthDate', 'DATE_TOO_OLD', 'Ngày sinh quá xa (trên 120 tuổi).');
  birthOk = birthOk && out.length === problemsBefore;
  if (!p.ethnicity.trim()) add('ethnicity', 'ETHNICITY_REQUIRED', 'Dân tộc không được để trống.');
  if (p.education !== null && !EDUCATION_LEVELS.includes(p.education)) add('education', 'EDUCATION_INVALID', 'Trình độ chuyên môn không hợp lệ.');
  if (p.theoryLevel !== null && !THEORY_LEVELS.includes(p.theoryLevel)) add('theoryLevel', 'THEORY_INVALID', 'Trình độ lý luận chính trị không hợp lệ.');
  const admittedOk = isIsoDate(p.admittedOn);
  if (!admittedOk) add('admittedOn', 'DATE_INVALID', 'Ngày vào Đảng không hợp lệ.');
  else if (p.admittedOn > today) add('admittedOn', 'DATE_IN_FUTURE', 'Ngày vào Đảng ở tương lai.');
  else if (p.admittedOn < PARTY_FOUNDED_ON) add('admittedOn', 'DATE_BEFORE_PARTY', `Ngày vào Đảng trước ngày thành lập Đảng (${formatDateVi(PARTY_FOUNDED_ON)}).`);
  else if (birthOk && !isOldEnoughForAdmission(p.birthDate, p.admittedOn)) {
    add('admittedOn', 'ADMITTED_UNDER_AGE', `Ngày vào Đảng khi chưa đủ ${MINIMUM_ADMISSION_AGE} tuổi (Điều lệ Đảng, Điều 1).`);
  }
  if (p.officialOn !== null) {
    if (!isIsoDate(p.officialOn)) add('officialOn', 'DATE_INVALID', 'Ngày chính thức không hợp lệ.');
    else if (p.officialOn > today) add('officialOn', 'DATE_IN_FUTURE', 'Ngày chính thức ở tương lai.');
    else if (admittedOk && !hasServedProbation(p.admittedOn, p.officialOn)) {
      add('officialOn', 'PROBATION_TOO_SHORT', `Ngày chính thức phải sau ngày vào Đảng đủ ${PROBATION_MONTHS} tháng dự bị (Điều lệ Đảng, Điều 5).`);
    }
  }
  if (p.cardNumber !== null && !CARD_NUMBER_PATTERN.test(p.cardNumber)) add('cardNumber', 'CARD_INVALID', 'Số thẻ đảng viên gồm 6 đến 12 chữ số.');
  return out;
}

/** how each code is written in member lists (export and the import template) */
export const genderLabels: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };
export const educationLabels: Record<EducationLevel, string> = {
  upper_secondary: 'THPT',
  vocational: 'Trung cấp',
  college: 'Cao đẳng',
  bachelor: 'Đại học',
  master: 'Thạc sĩ',
  doctor: 'Tiến sĩ',
};
export const theoryLabels: Record<TheoryLevel, string> = {
  none: 'Chưa qua đào tạo',
  elementary: 'Sơ cấp',
  intermediate: 'Trung cấp',
  advanced: 'Cao cấp',
  bachelor: 'Cử nhân',
};
export const leaveReasonLabels: Record<LeaveReason, string> = {
  death: 'Từ trần',
  transferred_out: 'Chuyển sinh hoạt ra ngoài',
  resigned: 'Xin ra khỏi Đảng',
  removed: 'Xóa tên',
  expelled: 'Khai trừ',
};
