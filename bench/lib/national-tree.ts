// The generated national tree: 34 provinces, 3,321 communes and wards, 55,000 grassroots organisations, 5.6 million members.
// Deterministic from a seed; `scale` shrinks every count (quick runs) while keeping the 34 provinces.
import { createRandom, weighted, type Random } from './prng.js';
import { ETHNICITIES, RELIGIONS, personName, placeName } from './names.js';
import type { OrgKind } from '../../src/modules/orgs/orgs.rules.js';
import type { EducationLevel, TheoryLevel } from '../../src/modules/members/members.rules.js';

export const FULL_SCALE = { provinces: 34, communes: 3_321, grassroots: 55_000, members: 5_600_000 };

/** the 34 provinces and cities from 1 July 2025, with an approximate number of communes and wards */
export const PROVINCES: readonly { name: string; city: boolean; communes: number; weight: number }[] = [
  { name: 'Hà Nội', city: true, communes: 126, weight: 3.2 },
  { name: 'Huế', city: true, communes: 40, weight: 1 },
  { name: 'Lai Châu', city: false, communes: 38, weight: 0.6 },
  { name: 'Điện Biên', city: false, communes: 45, weight: 0.7 },
  { name: 'Sơn La', city: false, communes: 75, weight: 0.9 },
  { name: 'Lạng Sơn', city: false, communes: 65, weight: 0.9 },
  { name: 'Quảng Ninh', city: false, communes: 54, weight: 1.2 },
  { name: 'Thanh Hóa', city: false, communes: 166, weight: 1.1 },
  { name: 'Nghệ An', city: false, communes: 130, weight: 1.1 },
  { name: 'Hà Tĩnh', city: false, communes: 69, weight: 1 },
  { name: 'Cao Bằng', city: false, communes: 56, weight: 0.8 },
  { name: 'Tuyên Quang', city: false, communes: 124, weight: 0.8 },
  { name: 'Lào Cai', city: false, communes: 99, weight: 0.8 },
  { name: 'Thái Nguyên', city: false, communes: 92, weight: 1 },
  { name: 'Phú Thọ', city: false, communes: 148, weight: 1 },
  { name: 'Bắc Ninh', city: false, communes: 99, weight: 1.1 },
  { name: 'Hưng Yên', city: false, communes: 104, weight: 1 },
  { name: 'Hải Phòng', city: true, communes: 114, weight: 1.3 },
  { name: 'Ninh Bình', city: false, communes: 129, weight: 1 },
  { name: 'Quảng Trị', city: false, communes: 78, weight: 0.9 },
  { name: 'Đà Nẵng', city: true, communes: 94, weight: 1.2 },
  { name: 'Quảng Ngãi', city: false, communes: 96, weight: 0.9 },
  { name: 'Gia Lai', city: false, communes: 135, weight: 0.8 },
  { name: 'Khánh Hòa', city: false, communes: 65, weight: 1 },
  { name: 'Lâm Đồng', city: false, communes: 124, weight: 0.8 },
  { name: 'Đắk Lắk', city: false, communes: 102, weight: 0.8 },
  { name: 'Hồ Chí Minh', city: true, communes: 168, weight: 2.6 },
  { name: 'Đồng Nai', city: false, communes: 95, weight: 1 },
  { name: 'Tây Ninh', city: false, communes: 96, weight: 0.9 },
  { name: 'Cần Thơ', city: true, communes: 103, weight: 0.9 },
  { name: 'Vĩnh Long', city: false, communes: 124, weight: 0.8 },
  { name: 'Đồng Tháp', city: false, communes: 102, weight: 0.8 },
  { name: 'Cà Mau', city: false, communes: 64, weight: 0.7 },
  { name: 'An Giang', city: false, communes: 102, weight: 0.8 },
];

/** the day the two-level local government (and this tree) began */
export const TREE_FOUNDED_ON = '2025-07-01';
/** share of grassroots organisations placed under the province's "Đảng bộ các cơ quan Đảng" (the rest under communes) */
const AGENCY_SHARE = 0.15;
/** share of grassroots organisations founded after the tree (so an as-of date before them leaves them out) */
const LATE_SHARE = 0.05;

export interface PlannedOrg {
  id: number;
  parentId: number | null;
  kind: OrgKind;
  name: string;
  adminUnit: string | null;
  path: string;
  depth: number;
  foundedOn: string;
  /** active members placed directly in this unit */
  members: number;
  provinceIndex: number;
}

export interface NationalPlan {
  scale: number;
  orgs: PlannedOrg[];
  provinces: PlannedOrg[];
  totalMembers: number;
  grassroots: number;
  communes: number;
}

/** splits `total` into integer parts proportional to `weights`, each at least `min`, summing exactly to `total` */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const free = total - min * weights.length;
  if (free < 0) throw new Error(`cannot give ${weights.length} parts at least ${min} from ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * free);
  const out = exact.map((x) => Math.floor(x));
  let rest = free - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][1]]++;
  return out.map((x) => x + min);
}

const COMMUNE_UNITS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường Trung học cơ sở', 'Trạm Y tế', 'Công an', 'Quân sự', 'Hợp tác xã nông nghiệp', 'Quỹ tín dụng nhân dân'];
const COMPANY = ['Công ty Cổ phần', 'Công ty TNHH', 'Công ty TNHH một thành viên', 'Tổng công ty', 'Bệnh viện Đa khoa', 'Trường Trung học phổ thông', 'Ngân hàng Nông nghiệp chi nhánh'];
const INDUSTRY = ['Xây dựng', 'Thương mại', 'Dệt may', 'Cơ khí', 'Thủy sản', 'Chè', 'Cao su', 'Môi trường đô thị', 'Cấp nước', 'Điện lực', 'Vận tải', 'Du lịch', 'Dược phẩm', 'Lương thực'];
const AGENCIES = [
  'Văn phòng Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Ủy ban Kiểm tra Tỉnh ủy', 'Ban Nội chính Tỉnh ủy',
  'Ban Chính sách, chiến lược Tỉnh ủy', 'Trường Chính trị tỉnh', 'Báo và Phát thanh, Truyền hình tỉnh', 'Ủy ban Mặt trận Tổ quốc tỉnh',
  'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh', 'Sở Tài chính', 'Sở Nội vụ', 'Sở Tư pháp', 'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường', 'Sở Xây dựng', 'Sở Khoa học và Công nghệ', 'Sở Giáo dục và Đào tạo', 'Sở Y tế',
  'Sở Văn hóa, Thể thao và Du lịch', 'Thanh tra tỉnh', 'Tòa án nhân dân tỉnh', 'Viện Kiểm sát nhân dân tỉnh', 'Liên đoàn Lao động tỉnh',
  'Hội Nông dân tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', 'Tỉnh đoàn', 'Hội Cựu chiến binh tỉnh', 'Kho bạc Nhà nước khu vực', 'Thuế tỉnh',
];

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
}

/** the whole tree with each unit's direct member count; ids follow creation order (parents first) */
export function planNationalTree(opts: { scale: number; seed: number }): NationalPlan {
  const random = createRandom(opts.seed);
  const scale = opts.scale;
  const communeTotal = Math.max(PROVINCES.length, Math.round(FULL_SCALE.communes * scale));
  const grassrootsTotal = Math.round(FULL_SCALE.grassroots * scale);
  const memberTotal = Math.round(FULL_SCALE.members * scale);
  const communesPer = apportion(communeTotal, PROVINCES.map((p) => p.communes), 1);
  const grassrootsPer = apportion(grassrootsTotal, PROVINCES.map((p, i) => communesPer[i] * (0.6 + 0.4 * p.weight)), 4);

  const orgs: PlannedOrg[] = [];
  const provinces: PlannedOrg[] = [];
  const grassroots: PlannedOrg[] = [];
  const weights: number[] = [];
  let nextId = 1;
  const add = (o: Omit<PlannedOrg, 'id' | 'path' | 'depth' | 'members'>, parent: PlannedOrg | null) => {
    const id = nextId++;
    const org: PlannedOrg = { ...o, id, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0, members: 0 };
    orgs.push(org);
    return org;
  };

  PROVINCES.forEach((p, pi) => {
    const level = p.city ? 'thành phố' : 'tỉnh';
    const unit = `${level} ${p.name}`;
    const province = add({ parentId: null, kind: 'province', name: `Đảng bộ ${unit}`, adminUnit: unit, foundedOn: TREE_FOUNDED_ON, provinceIndex: pi }, null);
    provinces.push(province);
    const agency = add({ parentId: province.id, kind: 'directly_under', name: `Đảng bộ các cơ quan Đảng ${unit}`, adminUnit: null, foundedOn: TREE_FOUNDED_ON, provinceIndex: pi }, province);
    const grassrootsHere = grassrootsPer[pi];
    const underAgency = Math.max(2, Math.round(grassrootsHere * AGENCY_SHARE));
    const perCommune = apportion(grassrootsHere - underAgency, Array.from({ length: communesPer[pi] }, () => 0.5 + random.next()), 1);

    const grassrootsOrg = (parent: PlannedOrg, name: string, committee: boolean) => {
      const late = random.chance(LATE_SHARE);
      const foundedOn = late ? addDays(TREE_FOUNDED_ON, random.int(1, 300)) : TREE_FOUNDED_ON;
      const org = add({ parentId: parent.id, kind: committee ? 'grassroots_committee' : 'grassroots_cell', name, adminUnit: null, foundedOn, provinceIndex: pi }, parent);
      grassroots.push(org);
      // lognormal sizes; đảng bộ cơ sở (with sub-cells) are several times larger than chi bộ cơ sở
      weights.push(Math.exp(0.8 * random.normal()) * (committee ? 4 : 1));
    };

    const used = new Set<string>();
    const unique = (name: string) => {
      let n = name;
      for (let k = 2; used.has(n); k++) n = `${name} số ${k}`;
      used.add(n);
      return n;
    };
    for (let k = 0; k < underAgency; k++) {
      const agencyName = p.city ? AGENCIES[k]?.replace('Tỉnh ủy', 'Thành ủy').replace(/ tỉnh$/, ' thành phố').replace('Tỉnh đoàn', 'Thành đoàn') : AGENCIES[k];
      const base = k < AGENCIES.length ? agencyName : `${random.pick(COMPANY)} ${random.pick(INDUSTRY)} ${p.name}`;
      const committee = k < AGENCIES.length ? random.chance(0.2) : random.chance(0.35);
      grassrootsOrg(agency, unique(`${committee ? 'Đảng bộ' : 'Chi bộ'} ${base}`), committee);
    }
    const communeNames = new Set<string>();
    for (let c = 0; c < communesPer[pi]; c++) {
      let place = placeName(random);
      while (communeNames.has(place)) place = placeName(random);
      communeNames.add(place);
      const ward = p.city ? random.chance(0.6) : random.chance(0.15);
      const cunit = `${ward ? 'phường' : 'xã'} ${place}`;
      const commune = add({ parentId: province.id, kind: 'commune', name: `Đảng bộ ${cunit}`, adminUnit: `${cunit}, ${unit}`, foundedOn: TREE_FOUNDED_ON, provinceIndex: pi }, province);
      used.clear();
      for (let k = 0; k < perCommune[c]; k++) {
        const local = k < COMMUNE_UNITS.length && random.chance(0.8);
        const committee = local ? random.chance(0.1) : random.chance(0.3);
        const base = local ? `${COMMUNE_UNITS[k]} ${cunit}` : `${random.pick(COMPANY)} ${random.pick(INDUSTRY)} ${place}`;
        grassrootsOrg(commune, unique(`${committee ? 'Đảng bộ' : 'Chi bộ'} ${base}`), committee);
      }
    }
  });

  // a chi bộ has at least three members (Điều lệ Đảng, art. 21)
  const counts = apportion(memberTotal, weights, 3);
  grassroots.forEach((g, i) => (g.members = counts[i]));
  return { scale, orgs, provinces, totalMembers: memberTotal, grassroots: grassroots.length, communes: communeTotal };
}

export interface GeneratedMember {
  fullName: string;
  gender: 'male' | 'female';
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

const EDUCATION = weighted<EducationLevel | null>([[null, 5], ['upper_secondary', 25], ['vocational', 12], ['college', 10], ['bachelor', 38], ['master', 8], ['doctor', 2]]);
const THEORY = weighted<TheoryLevel | null>([[null, 10], ['none', 15], ['elementary', 45], ['intermediate', 22], ['advanced', 7], ['bachelor', 1]]);
const POSITIONS = ['Bí thư chi bộ', 'Phó Bí thư chi bộ', 'Chi ủy viên', 'Đảng ủy viên', 'Tổ trưởng tổ đảng'];
const DAY = 86400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** a member's profile; `today` bounds admission and recognition dates; card numbers are drawn by the caller */
/** `province` is the administrative unit hometowns are drawn in, e.g. "tỉnh Lào Cai" */
export function generateMember(random: Random, today: string, province: string, cardNumber: () => string): GeneratedMember {
  const gender = random.chance(0.62) ? 'male' : 'female';
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  // ages 19–90, weighted towards working age
  const age = Math.min(90, Math.max(19, Math.round(44 + 13 * random.normal())));
  const birthMs = todayMs - age * 365.25 * DAY - random.int(0, 364) * DAY;
  const adultMs = birthMs + 18.1 * 365.25 * DAY;
  const admittedMs = Math.min(todayMs - DAY, adultMs + random.next() * Math.min(25 * 365.25 * DAY, todayMs - DAY - adultMs));
  const admittedOn = iso(admittedMs);
  const officialMs = admittedMs + 366 * DAY + random.int(0, 60) * DAY;
  const officialOn = officialMs < todayMs ? iso(officialMs) : null;
  return {
    fullName: personName(random, gender),
    gender,
    birthDate: iso(birthMs),
    ethnicity: random.pickWeighted(ETHNICITIES),
    religion: random.pickWeighted(RELIGIONS),
    hometown: random.chance(0.8) ? `xã ${placeName(random)}, ${province}` : null,
    education: random.pickWeighted(EDUCATION),
    theoryLevel: random.pickWeighted(THEORY),
    admittedOn,
    officialOn,
    cardNumber: officialOn ? cardNumber() : null,
    position: random.chance(0.06) ? random.pick(POSITIONS) : null,
  };
}
