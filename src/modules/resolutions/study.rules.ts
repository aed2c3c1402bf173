// Studying a resolution (học tập, quán triệt): the share of members who have studied it, per unit and
// rolled up over a subtree, against the 100% target; and the reading of an attendance list. Pure.
import { foldForSearch } from '../../shared/vietnamese.js';
import type { Cell, ImportProblem } from '../members/members.import.js';
import { isIsoDate, type TargetProblem } from './resolutions.rules.js';

export const STUDY_FORMS = ['in_person', 'online', 'combined'] as const;
export type StudyForm = (typeof STUDY_FORMS)[number];

export const ATTENDANCE_VIA = ['import', 'qr', 'manual'] as const;
export type AttendanceVia = (typeof ATTENDANCE_VIA)[number];

/**
 * The target is every member: the seeds write "100% đảng viên được học tập nghị quyết" (issue 5),
 * "Phấn đấu hàng năm 100% cán bộ, đảng viên tham gia học tập đầy đủ" (seed 001) and
 * "Hằng năm, Đảng bộ phấn đấu 100% đảng viên … được nghiên cứu, học tập" (demo seed, indicator HOC_TAP_NQ).
 */
export const STUDY_TARGET_SHARE = 1;

/**
 * Who counts. The denominator is the unit's members who are active NOW (today), in the unit they belong to
 * now, not those at the session date: the target is about the membership that has to carry the resolution out,
 * so a member who joined after the sessions still counts as not yet studied (they need a make-up session),
 * and a member who has left the Party organisation drops out of both numerator and denominator.
 * The numerator is those same members who attended at least one session of the resolution, wherever it was held.
 */
export interface UnitStudyCount {
  /** active members placed directly in the unit */
  members: number;
  /** of them, those who attended at least one session of the resolution */
  studied: number;
}

export type StudyStatus = 'met' | 'not_met' | 'no_members';

export interface StudyCoverage extends UnitStudyCount {
  /** studied ÷ members, 0..1; null for a unit with no members */
  share: number | null;
  status: StudyStatus;
}

export function studyCoverage(c: UnitStudyCount): StudyCoverage {
  if (c.members <= 0) return { ...c, share: null, status: 'no_members' };
  const share = Math.min(1, c.studied / c.members);
  return { ...c, share, status: share >= STUDY_TARGET_SHARE ? 'met' : 'not_met' };
}

export interface StudyUnit {
  id: number;
  parentId: number | null;
  direct: UnitStudyCount;
}

/** each unit's counts over its whole subtree (itself and every unit below it) */
export function rollUpStudy(units: readonly StudyUnit[]): Map<number, UnitStudyCount> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const totals = new Map<number, UnitStudyCount>(units.map((u) => [u.id, { members: 0, studied: 0 }]));
  for (const u of units) {
    // climb from the unit to the top of the given set; a cycle cannot occur in a tree but is guarded anyway
    const seen = new Set<number>();
    for (let at: StudyUnit | undefined = u; at && !seen.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      seen.add(at.id);
      const t = totals.get(at.id)!;
      t.members += u.direct.members;
      t.studied += u.direct.studied;
    }
  }
  return totals;
}

export interface SessionInput {
  heldOn: string;
  place: string;
  form: string;
}

/** a session is held on a real date, not before the resolution was adopted, somewhere, in a known form */
export function validateSession(s: SessionInput, adoptedOn: string): TargetProblem[] {
  const out: TargetProblem[] = [];
  if (!isIsoDate(s.heldOn)) out.push({ code: 'DATE_INVALID', field: 'heldOn', message: 'Ngày học tập không hợp lệ.' });
  else if (s.heldOn < adoptedOn) out.push({ code: 'BEFORE_ADOPTION', field: 'heldOn', message: 'Không thể học tập nghị quyết trước ngày nghị quyết được ban hành.' });
  if (!s.place.trim()) out.push({ code: 'PLACE_REQUIRED', field: 'place', message: 'Hãy ghi địa điểm học tập.' });
  if (!(STUDY_FORMS as readonly string[]).includes(s.form)) out.push({ code: 'FORM_INVALID', field: 'form', message: 'Hình thức học tập không hợp lệ.' });
  return out;
}

/** attendance is recorded once the session has taken place */
export function canRecordAttendance(heldOn: string, today: string): boolean {
  return heldOn <= today;
}

// ---------- attendance list (Excel) ----------

export interface AttendanceColumns {
  name: number | null;
  card: number | null;
}

/** finds the "Họ và tên" and "Số thẻ đảng viên" columns in a header row; null when neither is there */
export function attendanceColumns(header: readonly Cell[]): AttendanceColumns | null {
  let name: number | null = null;
  let card: number | null = null;
  header.forEach((cell, i) => {
    const h = foldForSearch(String(cell ?? '')).replace(/\*|\(.*\)/g, '').trim();
    if (name === null && (h === 'ho va ten' || h === 'ho ten' || h === 'ho va ten dang vien')) name = i;
    if (card === null && (h === 'so the dang vien' || h === 'so the' || h === 'so the dang')) card = i;
  });
  return name === null && card === null ? null : { name, card };
}

export interface RosterMember {
  id: number;
  fullName: string;
  cardNumber: string | null;
}

const cellText = (c: Cell | undefined): string => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).replace(/\s+/g, ' ').trim();

/**
 * Matches each row of an attendance list to one member of the roster (the active members of the unit holding
 * the session and the units below it): by card number when the row has one, else by the full name, which must
 * then name exactly one member. Every problem is reported; a blank row is skipped.
 */
export function matchAttendanceRows(rows: readonly { number: number; cells: readonly Cell[] }[], cols: AttendanceColumns, roster: readonly RosterMember[]): { memberIds: number[]; problems: ImportProblem[] } {
  const byCard = new Map(roster.filter((m) => m.cardNumber).map((m) => [m.cardNumber!, m]));
  const byName = new Map<string, RosterMember[]>();
  for (const m of roster) {
    const key = foldForSearch(m.fullName);
    byName.set(key, [...(byName.get(key) ?? []), m]);
  }
  const memberIds: number[] = [];
  const problems: ImportProblem[] = [];
  const seenAt = new Map<number, number>();
  for (const row of rows) {
    const name = cols.name === null ? '' : cellText(row.cells[cols.name]);
    const card = cols.card === null ? '' : cellText(row.cells[cols.card]).replace(/\s/g, '');
    if (!name && !card) continue;
    let found: RosterMember | undefined;
    if (card) {
      found = byCard.get(card);
      if (!found) problems.push({ row: row.number, column: 'Số thẻ đảng viên', code: 'CARD_NOT_FOUND', message: `Dòng ${row.number}: không có đảng viên mang số thẻ ${card} trong đơn vị.` });
      else if (name && foldForSearch(name) !== foldForSearch(found.fullName)) {
        problems.push({ row: row.number, column: 'Họ và tên', code: 'NAME_MISMATCH', message: `Dòng ${row.number}: số thẻ ${card} là của ${found.fullName}, không phải ${name}.` });
        found = undefined;
      }
    } else {
      const candidates = byName.get(foldForSearch(name)) ?? [];
      if (candidates.length === 1) found = candidates[0];
      else if (candidates.length === 0) problems.push({ row: row.number, column: 'Họ và tên', code: 'NAME_NOT_FOUND', message: `Dòng ${row.number}: không có đảng viên tên ${name} trong đơn vị.` });
      else problems.push({ row: row.number, column: 'Họ và tên', code: 'NAME_AMBIGUOUS', message: `Dòng ${row.number}: có ${candidates.length} đảng viên tên ${name}; hãy ghi số thẻ đảng viên.` });
    }
    if (!found) continue;
    const first = seenAt.get(found.id);
    if (first !== undefined) {
      problems.push({ row: row.number, column: 'Họ và tên', code: 'DUPLICATE_ROW', message: `Dòng ${row.number}: ${found.fullName} đã có ở dòng ${first}.` });
      continue;
    }
    seenAt.set(found.id, row.number);
    memberIds.push(found.id);
  }
  return { memberIds, problems };
}
