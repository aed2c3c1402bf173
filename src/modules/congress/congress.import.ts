// Reading a list of delegates (the lists lower congresses send up) from spreadsheet rows. Pure, no I/O.
import { foldForSearch } from '../../shared/vietnamese.js';
import type { DelegateClass, DelegateOrigin } from './congress.rules.js';

type Cell = string | number | boolean | Date | null;

export interface RegistryMember {
  id: number;
  fullName: string;
  cardNumber: string | null;
  birthDate: string;
}

export interface ImportedPick {
  memberId: number;
  class: DelegateClass;
  origin: DelegateOrigin;
  rank: number | null;
  eligibilityNote: string | null;
}

export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

const HEADERS: Record<string, keyof Columns> = {
  'ho va ten': 'name',
  'ho ten': 'name',
  'so the dang vien': 'card',
  'so the': 'card',
  'ngay sinh': 'birth',
  'loai dai bieu': 'class',
  'loai': 'class',
  'thanh phan': 'origin',
  'thu tu': 'rank',
  'thu tu so phieu': 'rank',
  'ghi chu': 'note',
};
interface Columns {
  name: number;
  card: number;
  birth: number;
  class: number;
  origin: number;
  rank: number;
  note: number;
}

const CLASS_WORDS: Record<string, DelegateClass> = { 'chinh thuc': 'official', 'du khuyet': 'alternate' };
const ORIGIN_WORDS: Record<string, DelegateOrigin> = { 'duong nhien': 'ex_officio', 'bau': 'elected', 'duoc bau': 'elected', 'chi dinh': 'appointed' };

const text = (c: Cell | undefined) => (c instanceof Date ? c.toISOString().slice(0, 10) : c === null || c === undefined ? '' : String(c)).trim();

/** a date as clerks write it: 15/01/1980 or 1980-01-15 */
function isoDate(s: string): string | null {
  const vn = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (vn) return `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

/** the header row is the first with "Họ và tên"; a member is found by card number, else by name (and birth date when names repeat) */
export function parseDelegateRows(rows: readonly { number: number; cells: Cell[] }[], registry: readonly RegistryMember[]): { picks: ImportedPick[]; problems: ImportProblem[] } {
  const headerAt = rows.findIndex((r) => r.cells.some((c) => HEADERS[foldForSearch(text(c))] === 'name'));
  if (headerAt < 0) return { picks: [], problems: [{ row: 1, field: 'header', message: 'Không tìm thấy dòng tiêu đề có cột "Họ và tên".' }] };
  const cols: Partial<Columns> = {};
  rows[headerAt].cells.forEach((c, i) => {
    const key = HEADERS[foldForSearch(text(c))];
    if (key && cols[key] === undefined) cols[key] = i;
  });
  const byCard = new Map(registry.filter((m) => m.cardNumber).map((m) => [m.cardNumber!, m]));
  const byName = new Map<string, RegistryMember[]>();
  for (const m of registry) byName.set(foldForSearch(m.fullName), [...(byName.get(foldForSearch(m.fullName)) ?? []), m]);
  const picks: ImportedPick[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<number>();
  for (const r of rows.slice(headerAt + 1)) {
    const get = (k: keyof Columns) => (cols[k] === undefined ? '' : text(r.cells[cols[k]!]));
    const name = get('name');
    if (!name && !get('card')) continue;
    const add = (field: string, message: string) => problems.push({ row: r.number, field, message });
    let member: RegistryMember | undefined;
    const card = get('card').replace(/\s/g, '');
    if (card) {
      member = byCard.get(card);
      if (!member) add('card', `Dòng ${r.number}: không có đảng viên số thẻ ${card} trong tổ chức của đại hội.`);
      else if (name && foldForSearch(name) !== foldForSearch(member.fullName)) add('name', `Dòng ${r.number}: số thẻ ${card} là của đồng chí ${member.fullName}, không phải ${name}.`);
    } else {
      const birth = isoDate(get('birth'));
      const same = (byName.get(foldForSearch(name)) ?? []).filter((m) => !birth || m.birthDate === birth);
      if (same.length === 1) member = same[0];
      else if (!same.length) add('name', `Dòng ${r.number}: không tìm thấy đảng viên ${name} trong tổ chức của đại hội.`);
      else add('name', `Dòng ${r.number}: có ${same.length} đảng viên tên ${name}; hãy ghi số thẻ đảng viên hoặc ngày sinh.`);
    }
    const klass = get('class') ? CLASS_WORDS[foldForSearch(get('class')).replace(/^dai bieu /, '')] : 'official';
    if (!klass) add('class', `Dòng ${r.number}: loại đại biểu phải là "chính thức" hoặc "dự khuyết".`);
    const origin = get('origin') ? ORIGIN_WORDS[foldForSearch(get('origin'))] : 'elected';
    if (!origin) add('origin', `Dòng ${r.number}: thành phần phải là "đương nhiên", "bầu" hoặc "chỉ định".`);
    const rankText = get('rank');
    const rank = rankText ? Number(rankText) : null;
    if (rank !== null && !(Number.isInteger(rank) && rank >= 1)) add('rank', `Dòng ${r.number}: thứ tự phải là số nguyên dương.`);
    if (member && seen.has(member.id)) add('name', `Dòng ${r.number}: đồng chí ${member.fullName} có hai lần trong danh sách.`);
    if (member && klass && origin && (rank === null || (Number.isInteger(rank) && rank >= 1)) && !seen.has(member.id)) {
      seen.add(member.id);
      picks.push({ memberId: member.id, class: klass, origin, rank, eligibilityNote: get('note') || null });
    }
  }
  if (!picks.length && !problems.length) problems.push({ row: headerAt + 1, field: 'rows', message: 'Tệp không có dòng đại biểu nào.' });
  return { picks, problems };
}
