// Synthetic Party members for the demo: plausible Vietnamese names, ages and Party dates, from a seeded PRNG.
import { addMonths, type EducationLevel, type Gender, type MemberProfile, type TheoryLevel } from '../modules/members/members.rules.js';

export type Random = () => number;

/** mulberry32: a small deterministic PRNG, so the demo is the same on every machine */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];

export function pickWeighted<T>(random: Random, table: Weighted<T>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return table[table.length - 1][0];
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

// family names weighted roughly by their frequency in Vietnam
export const FAMILY_NAMES: Weighted<string> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Vũ', 4], ['Phan', 4], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2],
  ['Hồ', 1.5], ['Ngô', 1.5], ['Dương', 1], ['Lý', 0.5], ['Đào', 1], ['Đinh', 1], ['Lương', 0.8], ['Trịnh', 0.8], ['Tạ', 0.5], ['Chu', 0.4], ['Nông', 0.3], ['Lục', 0.2],
];
const MIDDLE_NAMES: Record<Gender, readonly string[]> = {
  male: ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thành', 'Công', 'Xuân', 'Mạnh', 'Tuấn', 'Ngọc', 'Đình', 'Trọng', 'Quốc'],
  female: ['Thị', 'Thị', 'Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Hồng', 'Kim', 'Phương', 'Thúy', 'Hải', 'Lan', 'Bích'],
};
const GIVEN_NAMES: Record<Gender, readonly string[]> = {
  male: ['Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đức', 'Giang', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Kiên', 'Long', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Toàn', 'Trung', 'Tú', 'Tuấn', 'Việt', 'Vinh', 'Vũ', 'Ân', 'Ước'],
  female: ['An', 'Anh', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Huyền', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Uyên', 'Vân', 'Yến', 'Ánh', 'Ất'],
};
const ETHNICITIES_NORTH_EAST_MOUNTAINS: Weighted<string> = [['Tày', 38], ['Nùng', 32], ['Kinh', 25], ['Dao', 4], ['Sán Chay', 1]];
const MOUNTAIN_PROVINCES = new Set(['Lạng Sơn', 'Cao Bằng', 'Bắc Kạn', 'Hà Giang', 'Tuyên Quang']);
const EDUCATION: Weighted<EducationLevel> = [['upper_secondary', 10], ['vocational', 8], ['college', 7], ['bachelor', 55], ['master', 18], ['doctor', 2]];
const THEORY: Weighted<TheoryLevel> = [['none', 20], ['elementary', 35], ['intermediate', 33], ['advanced', 10], ['bachelor', 2]];
const POSITIONS = ['Chuyên viên', 'Chuyên viên', 'Chuyên viên chính', 'Phó Trưởng phòng', 'Trưởng phòng', 'Cán bộ', 'Giáo viên', 'Bác sĩ', 'Kỹ sư', 'Hưu trí', 'Hưu trí', 'Hưu trí'];
const DAY = 86_400_000;

const isoPlusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export function generateName(random: Random, gender: Gender): string {
  return `${pickWeighted(random, FAMILY_NAMES)} ${pick(random, MIDDLE_NAMES[gender])} ${pick(random, GIVEN_NAMES[gender])}`;
}

export interface GenerateOptions {
  random: Random;
  /** the day the list describes: everyone is at least 18 at admission, and admitted before this day */
  asOf: string;
  hometownProvince: string;
}

/** `count` valid member profiles (cardNumber '0' marks "has a card"; the loader numbers them) */
export function generateMembers(count: number, options: GenerateOptions): MemberProfile[] {
  const { random, asOf, hometownProvince } = options;
  const out: MemberProfile[] = [];
  for (let i = 0; i < count; i++) {
    const gender: Gender = random() < 0.45 ? 'female' : 'male';
    const age = 23 + Math.floor(random() * 52);
    const birthDate = isoPlusDays(asOf, -Math.round((age + random()) * 365.25));
    const earliestAdmission = addMonths(birthDate, 12 * 18 + 1);
    const admittedOn = isoPlusDays(earliestAdmission, Math.floor(random() * Math.max(1, daysBetween(earliestAdmission, asOf))));
    const officialCandidate = isoPlusDays(addMonths(admittedOn, 12), Math.floor(random() * 45));
    const officialOn = officialCandidate <= asOf ? officialCandidate : null;
    out.push({
      fullName: generateName(random, gender),
      gender,
      birthDate,
      ethnicity: MOUNTAIN_PROVINCES.has(hometownProvince) ? pickWeighted(random, ETHNICITIES_NORTH_EAST_MOUNTAINS) : random() < 0.98 ? 'Kinh' : 'Mường',
      religion: random() < 0.93 ? null : random() < 0.7 ? 'Phật giáo' : 'Công giáo',
      hometown: hometownProvince,
      education: pickWeighted(random, EDUCATION),
      theoryLevel: pickWeighted(random, THEORY),
      admittedOn,
      officialOn,
      cardNumber: officialOn ? '0' : null,
      position: age > 62 ? 'Hưu trí' : pick(random, POSITIONS.filter((p) => p !== 'Hưu trí')),
    });
  }
  return out;
}
