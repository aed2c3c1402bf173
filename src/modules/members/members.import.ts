// Reading a member list (rows of cells keyed by column) into profiles, with every problem reported at once. Pure.
import { foldForSearch } from '../../shared/vietnamese.js';
import { formatDateVi } from '../../shared/dates.js';
import {
  educationLabels,
  educationWords,
  genderLabels,
  genderWords,
  isIsoDate,
  theoryLabels,
  theoryWords,
  validateMemberProfile,
  type FieldProblem,
  type MemberProfile,
} from './members.rules.js';

export type Cell = string | number | Date | null;

/** the largest member list accepted in one upload: 20 MB is about 250,000 rows of the template */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** the columns of the member list, in template order: [field, header, required] */
export const MEMBER_COLUMNS = [
  ['fullName', 'Họ và tên', true],
  ['gender', 'Giới tính', true],
  ['birthDate', 'Ngày sinh', true],
  ['ethnicity', 'Dân tộc', true],
  ['religion', 'Tôn giáo', false],
  ['hometown', 'Quê quán', false],
  ['education', 'Trình độ chuyên môn', false],
  ['theoryLevel', 'Lý luận chính trị', false],
  ['admittedOn', 'Ngày vào Đảng', true],
  ['officialOn', 'Ngày chính thức', false],
  ['cardNumber', 'Số thẻ đảng viên', false],
  ['position', 'Chức vụ', false],
  ['orgName', 'Chi bộ', false],
] as const;
export type ColumnField = (typeof MEMBER_COLUMNS)[number][0];

const headerAliases: Record<string, ColumnField> = Object.fromEntries([
  ...MEMBER_COLUMNS.map(([f, h]) => [foldForSearch(h), f]),
  ['ho ten', 'fullName'],
  ['ho va ten dang vien', 'fullName'],
  ['gioi', 'gender'],
  ['ngay thang nam sinh', 'birthDate'],
  ['ngay ket nap', 'admittedOn'],
  ['ngay vao dang', 'admittedOn'],
  ['ngay chinh thuc', 'officialOn'],
  ['so the', 'cardNumber'],
  ['so the dang', 'cardNumber'],
  ['chuyen mon', 'education'],
  ['trinh do', 'education'],
  ['ly luan', 'theoryLevel'],
  ['trinh do ly luan chinh tri', 'theoryLevel'],
  ['don vi', 'orgName'],
  ['chi bo sinh hoat', 'orgName'],
]);

export interface ImportProblem {
  row: number;
  column: string;
  code: string;
  message: string;
}

export interface HeaderMap {
  /** the sheet row the header is on (1-based), where file-level problems are reported */
  row: number;
  columns: Map<number, ColumnField>;
  problems: ImportProblem[];
}

/** finds which column holds which field; unknown columns (STT, Ghi chú…) are ignored */
export function mapHeaders(headerRow: readonly Cell[], headerRowNumber: number): HeaderMap {
  const columns = new Map<number, ColumnField>();
  headerRow.forEach((cell, index) => {
    const field = headerAliases[foldForSearch(String(cell ?? '')).replace(/\*|\(.*\)/g, '').trim()];
    if (field && ![...columns.values()].includes(field)) columns.set(index, field);
  });
  const problems = MEMBER_COLUMNS.filter(([f, , required]) => required && ![...columns.values()].includes(f)).map(([, header]) => ({
    row: headerRowNumber,
    column: header,
    code: 'COLUMN_MISSING',
    message: `Thiếu cột bắt buộc "${header}" ở dòng tiêu đề.`,
  }));
  return { row: headerRowNumber, columns, problems };
}

/** dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, an Excel serial number or a Date → YYYY-MM-DD; null when unreadable */
export function parseDateCell(cell: Cell): string | null {
  if (cell === null || cell === '') return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (cell < 1 || cell > 100000) return null;
    // Excel counts days from 1899-12-30 (its 1900 leap-year bug included)
    return new Date(Date.UTC(1899, 11, 30) + Math.round(cell) * 86400_000).toISOString().slice(0, 10);
  }
  const s = cell.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const iso = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : (m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)) ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
  return iso && isIsoDate(iso) ? iso : null;
}

const text = (cell: Cell): string => (cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).replace(/\s+/g, ' ').trim();

export interface ParsedMember {
  row: number;
  /** the unit the "Chi bộ" column named; null: the unit being imported into */
  orgId: number | null;
  profile: MemberProfile;
}

/** a unit a row may name in the "Chi bộ" column: one of the subtree being imported into */
export interface ImportUnit {
  id: number;
  name: string;
  parentName: string | null;
}

/** the units of the subtree by folded name: several units may share a name ("Chi bộ khu phố 1" of two wards) */
export type UnitDirectory = ReadonlyMap<string, readonly ImportUnit[]>;

export function unitDirectory(units: readonly ImportUnit[]): UnitDirectory {
  const out = new Map<string, ImportUnit[]>();
  for (const u of units) {
    const key = foldForSearch(u.name);
    out.set(key, [...(out.get(key) ?? []), u]);
  }
  return out;
}

/** how a unit is written so that it names exactly one: "Chi bộ khu phố 1 / Đảng bộ phường Từ Sơn" */
export const unitWithParent = (u: ImportUnit) => (u.parentName ? `${u.name} / ${u.parentName}` : u.name);

export type UnitResolution = { unit: ImportUnit } | { code: 'UNIT_UNKNOWN' | 'UNIT_AMBIGUOUS'; message: string };

/**
 * the unit a "Chi bộ" cell names: its name, or "name / parent's name" when several units share the name.
 * A name shared by several units is never resolved silently: the row is refused with the candidates.
 */
export function resolveUnit(written: string, units: UnitDirectory): UnitResolution {
  const exact = units.get(foldForSearch(written)) ?? [];
  let candidates = exact;
  if (exact.length === 0 && written.includes('/')) {
    const cut = written.indexOf('/');
    const name = foldForSearch(written.slice(0, cut));
    const parent = foldForSearch(written.slice(cut + 1));
    candidates = (units.get(name) ?? []).filter((u) => u.parentName !== null && foldForSearch(u.parentName) === parent);
  }
  if (candidates.length === 1) return { unit: candidates[0] };
  if (candidates.length === 0) return { code: 'UNIT_UNKNOWN', message: `Không có chi bộ "${written}" trong tổ chức này.` };
  const listed = candidates.map((u) => `"${unitWithParent(u)}"`).join(', ');
  return { code: 'UNIT_AMBIGUOUS', message: `Có ${candidates.length} tổ chức tên "${candidates[0].name}": ${listed}; hãy ghi kèm tổ chức cấp trên, ví dụ ${`"${unitWithParent(candidates[0])}"`}.` };
}

export interface RowContext {
  today: string;
  /** card numbers already used in the registry */
  existingCards: ReadonlySet<string>;
  /** the units the "Chi bộ" column may name; blank means the unit being imported into */
  units: UnitDirectory;
}

const fieldHeader = (f: ColumnField | keyof MemberProfile) => MEMBER_COLUMNS.find(([k]) => k === f)?.[1] ?? String(f);

/** reads one data row; every problem of the row is returned, none is thrown */
export function parseMemberRow(cells: readonly Cell[], header: HeaderMap, rowNumber: number, ctx: RowContext): { member: ParsedMember | null; problems: ImportProblem[]; cardNumber: string | null } {
  const get = (f: ColumnField): Cell => {
    for (const [i, field] of header.columns) if (field === f) return cells[i] ?? null;
    return null;
  };
  const problems: ImportProblem[] = [];
  const add = (f: ColumnField | keyof MemberProfile, code: string, message: string) => problems.push({ row: rowNumber, column: fieldHeader(f), code, message });
  const requiredMissing = (f: ColumnField) => {
    if (text(get(f)) === '') {
      add(f, 'REQUIRED', `Cột "${fieldHeader(f)}" không được để trống.`);
      return true;
    }
    return false;
  };

  const genderText = foldForSearch(text(get('gender')));
  const gender = genderWords[genderText];
  if (!requiredMissing('gender') && !gender) add('gender', 'GENDER_INVALID', `Giới tính "${text(get('gender'))}" không hợp lệ; ghi "Nam" hoặc "Nữ".`);

  const date = (f: 'birthDate' | 'admittedOn' | 'officialOn', required: boolean): string | null => {
    if (required ? requiredMissing(f) : text(get(f)) === '') return null;
    const d = parseDateCell(get(f));
    if (!d) add(f, 'DATE_UNREADABLE', `Không đọc được ngày "${text(get(f))}"; ghi theo dạng ngày/tháng/năm, ví dụ 17/08/1980.`);
    return d;
  };
  const birthDate = date('birthDate', true);
  const admittedOn = date('admittedOn', true);
  const officialOn = date('officialOn', false);

  const educationText = text(get('education'));
  const education = educationText ? educationWords[foldForSearch(educationText)] : null;
  if (educationText && !education) add('education', 'EDUCATION_INVALID', `Trình độ chuyên môn "${educationText}" không hợp lệ; dùng: ${Object.values(educationLabels).join(', ')}.`);
  const theoryText = text(get('theoryLevel'));
  const theoryLevel = theoryText ? theoryWords[foldForSearch(theoryText)] : null;
  if (theoryText && !theoryLevel) add('theoryLevel', 'THEORY_INVALID', `Lý luận chính trị "${theoryText}" không hợp lệ; dùng: ${Object.values(theoryLabels).join(', ')}.`);

  const cardText = text(get('cardNumber')).replace(/\s/g, '');
  if (cardText && ctx.existingCards.has(cardText)) add('cardNumber', 'CARD_EXISTS', `Số thẻ ${cardText} đã có trong danh sách đảng viên.`);

  const orgName = text(get('orgName')) || null;
  const unit = orgName ? resolveUnit(orgName, ctx.units) : null;
  if (unit && 'code' in unit) add('orgName', unit.code, unit.message);

  const fullNameMissing = requiredMissing('fullName');
  requiredMissing('ethnicity');
  if (problems.length) return { member: null, problems, cardNumber: cardText || null };

  const religionText = text(get('religion'));
  const profile: MemberProfile = {
    fullName: text(get('fullName')).normalize('NFC'),
    gender: gender!,
    birthDate: birthDate!,
    ethnicity: text(get('ethnicity')),
    religion: religionText && foldForSearch(religionText) !== 'khong' ? religionText : null,
    hometown: text(get('hometown')) || null,
    education: education ?? null,
    theoryLevel: theoryLevel ?? null,
    admittedOn: admittedOn!,
    officialOn,
    cardNumber: cardText || null,
    position: text(get('position')) || null,
  };
  const ruleProblems: FieldProblem[] = fullNameMissing ? [] : validateMemberProfile(profile, ctx.today);
  for (const p of ruleProblems) add(p.field, p.code, p.message);
  return { member: problems.length ? null : { row: rowNumber, orgId: unit && 'unit' in unit ? unit.unit.id : null, profile }, problems, cardNumber: cardText || null };
}

/** reads every row; the import goes ahead only when `problems` is empty */
export function parseMemberRows(rows: readonly { number: number; cells: readonly Cell[] }[], header: HeaderMap, ctx: RowContext): { members: ParsedMember[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [...header.problems];
  const members: ParsedMember[] = [];
  if (header.problems.length) return { members, problems };
  const seenCards = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.every((c) => text(c) === '')) continue;
    const r = parseMemberRow(row.cells, header, row.number, ctx);
    problems.push(...r.problems);
    // duplicates are reported even on rows with other problems: every problem at once
    const card = r.cardNumber;
    if (card) {
      const first = seenCards.get(card);
      if (first !== undefined) problems.push({ row: row.number, column: fieldHeader('cardNumber'), code: 'CARD_DUPLICATE_IN_FILE', message: `Số thẻ ${card} trùng với dòng ${first}.` });
      else seenCards.set(card, row.number);
    }
    if (r.member) members.push(r.member);
  }
  if (!problems.length && members.length === 0) problems.push({ row: header.row, column: '', code: 'NO_ROWS', message: `Tệp không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${header.row}).` });
  return { members, problems };
}

/** a member as a row of the list, the same columns the import reads */
export function memberToCells(m: MemberProfile & { orgName: string }): Record<ColumnField, string> {
  return {
    fullName: m.fullName,
    gender: genderLabels[m.gender],
    birthDate: toDmy(m.birthDate),
    ethnicity: m.ethnicity,
    religion: m.religion ?? 'Không',
    hometown: m.hometown ?? '',
    education: m.education ? educationLabels[m.education] : '',
    theoryLevel: m.theoryLevel ? theoryLabels[m.theoryLevel] : '',
    admittedOn: toDmy(m.admittedOn),
    officialOn: m.officialOn ? toDmy(m.officialOn) : '',
    cardNumber: m.cardNumber ?? '',
    position: m.position ?? '',
    orgName: m.orgName,
  };
}

export const toDmy = formatDateVi;

/** a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe (OWASP CSV injection) */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
