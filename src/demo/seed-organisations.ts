// The organisations of the five seed articles (../shared/seeds), as data: every fact cites its article.
// Facts the articles do not give (founding dates of former units, member counts of sub-units) are marked "giả định".
import type { Decision } from '../modules/orgs/orgs.commands.js';
import type { OrgKind } from '../modules/orgs/orgs.rules.js';
import type { Gender } from '../modules/members/members.rules.js';

export interface SeedSource {
  /** file name in ../shared/seeds, or "giả định" for an assumption of the demo */
  seed: string;
  quote?: string;
}

export interface SeedOrganisation {
  key: string;
  name: string;
  kind: OrgKind;
  parentKey: string | null;
  adminUnit?: string;
  foundedOn: string;
  /** synthetic members generated directly in this unit */
  directMembers?: number;
  source: SeedSource;
}

interface EventBase {
  effectiveOn: string;
  decision?: Decision;
  source: SeedSource;
}
export type SeedEvent =
  | (EventBase & { kind: 'merge'; targetKey: string; sourceKeys: string[] })
  | (EventBase & { kind: 'rename'; orgKey: string; newName: string })
  | (EventBase & { kind: 'move'; orgKey: string; newParentKey: string })
  | (EventBase & { kind: 'dissolve'; orgKey: string })
  | (EventBase & { kind: 'split'; orgKey: string; targetKeys: string[] });

export interface SeedLeader {
  /** the unit whose member list holds the leader */
  orgKey: string;
  fullName: string;
  gender: Gender;
  position: string;
  source: SeedSource;
}

export const SEED_TU_SON_CONGRESS = '000_ab81406eff306518.txt';
export const SEED_PHU_VAN = '001_406d84bfcd4d9086.txt';
export const SEED_BAC_NINH_CITY_2020 = '002_863858d0b0d9b577.txt';
export const SEED_THANH_MIEU = '003_ed053cd63f6b68be.txt';
export const SEED_LANG_SON = '004_966d9a0a72776edd.txt';

const ASSUMED: SeedSource = { seed: 'giả định' };
const TWO_LEVEL_GOVERNMENT = '2025-07-01';

/** chi bộ under a unit, sharing its members: "Chi bộ khu phố 1", … */
function cells(parentKey: string, foundedOn: string, names: string[], totalMembers: number, kind: OrgKind = 'cell'): SeedOrganisation[] {
  const base = Math.floor(totalMembers / names.length);
  return names.map((name, i) => ({
    key: `${parentKey}/${i + 1}`,
    name,
    kind,
    parentKey,
    foundedOn,
    directMembers: base + (i < totalMembers - base * names.length ? 1 : 0),
    source: ASSUMED,
  }));
}

const numbered = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

const formerTuSonWards: [string, string, number][] = [
  ['dong-ngan', 'Đông Ngàn', 820],
  ['dinh-bang', 'Đình Bảng', 700],
  ['tan-hong', 'Tân Hồng', 510],
  ['phu-chan', 'Phù Chẩn', 500],
];

// ——— Bắc Ninh (seed 000: congresses of 17–18/8/2025; seed 002: Thành phố Bắc Ninh, 2020) ———
const bacNinh: SeedOrganisation[] = [
  { key: 'bac-ninh', name: 'Đảng bộ tỉnh Bắc Ninh', kind: 'province', parentKey: null, adminUnit: 'tỉnh Bắc Ninh', foundedOn: '1997-01-01', source: { seed: SEED_TU_SON_CONGRESS, quote: 'Ban Thường vụ Tỉnh ủy Bắc Ninh' } },
  { key: 'bac-ninh-city', name: 'Đảng bộ thành phố Bắc Ninh', kind: 'district', parentKey: 'bac-ninh', adminUnit: 'thành phố Bắc Ninh, tỉnh Bắc Ninh', foundedOn: '2006-01-26', source: { seed: SEED_BAC_NINH_CITY_2020, quote: 'Đại hội đại biểu Đảng bộ thành phố lần thứ XXII, nhiệm kỳ 2020-2025' } },
  { key: 'tu-son-city', name: 'Đảng bộ thành phố Từ Sơn', kind: 'district', parentKey: 'bac-ninh', adminUnit: 'thành phố Từ Sơn, tỉnh Bắc Ninh', foundedOn: '2021-11-01', source: { seed: SEED_TU_SON_CONGRESS, quote: '(thành phố Từ Sơn cũ)' } },
  ...formerTuSonWards.flatMap(([key, ward, members]): SeedOrganisation[] => [
    { key, name: `Đảng bộ phường ${ward}`, kind: 'commune', parentKey: 'tu-son-city', adminUnit: `phường ${ward}, thành phố Từ Sơn, tỉnh Bắc Ninh`, foundedOn: '2021-11-01', source: { seed: SEED_TU_SON_CONGRESS, quote: 'sáp nhập bốn phường Đông Ngàn, Đình Bảng, Tân Hồng và Phù Chẩn (thành phố Từ Sơn cũ)' } },
    ...cells(key, '2021-11-01', numbered(`Chi bộ khu phố ${ward}`, Math.round(members / 70)), members),
  ]),
  { key: 'tu-son', name: 'Đảng bộ phường Từ Sơn', kind: 'commune', parentKey: 'bac-ninh', adminUnit: 'phường Từ Sơn, tỉnh Bắc Ninh', foundedOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_TU_SON_CONGRESS, quote: '199 đại biểu đảng viên, đại diện cho hơn 2.500 đảng viên' } },
  ...cells('tu-son', TWO_LEVEL_GOVERNMENT, ['Chi bộ Cơ quan Đảng ủy phường Từ Sơn'], 24),
  { key: 'bn-party-agencies', name: 'Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh', kind: 'directly_under', parentKey: 'bac-ninh', adminUnit: 'tỉnh Bắc Ninh', foundedOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_TU_SON_CONGRESS, quote: '188 đại biểu chính thức đại diện cho hơn 1.800 đảng viên' } },
  ...cells(
    'bn-party-agencies',
    TWO_LEVEL_GOVERNMENT,
    [
      'Chi bộ Văn phòng Tỉnh ủy',
      'Chi bộ Ban Tổ chức Tỉnh ủy',
      'Chi bộ Ban Tuyên giáo và Dân vận Tỉnh ủy',
      'Chi bộ Ủy ban Kiểm tra Tỉnh ủy',
      'Chi bộ Ban Nội chính Tỉnh ủy',
      'Chi bộ Ban Chính sách, chiến lược Tỉnh ủy',
      'Chi bộ Văn phòng Đoàn ĐBQH và HĐND tỉnh',
      'Chi bộ Ủy ban MTTQ Việt Nam tỉnh',
      'Chi bộ Tỉnh đoàn',
      'Chi bộ Hội Liên hiệp Phụ nữ tỉnh',
      'Chi bộ Hội Nông dân tỉnh',
      'Chi bộ Liên đoàn Lao động tỉnh',
      'Chi bộ Hội Cựu chiến binh tỉnh',
      'Chi bộ Viện Kiểm sát nhân dân tỉnh',
      'Chi bộ Tòa án nhân dân tỉnh',
    ],
    525,
    'grassroots_cell',
  ),
  { key: 'bn-newsroom', name: 'Đảng bộ Báo và Phát thanh, Truyền hình Bắc Ninh', kind: 'grassroots_committee', parentKey: 'bn-party-agencies', foundedOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
  ...cells('bn-newsroom', TWO_LEVEL_GOVERNMENT, numbered('Chi bộ phòng', 8), 560),
  { key: 'bn-school', name: 'Đảng bộ Trường Chính trị Nguyễn Văn Cừ', kind: 'grassroots_committee', parentKey: 'bn-party-agencies', foundedOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
  ...cells('bn-school', TWO_LEVEL_GOVERNMENT, ['Chi bộ Khoa Lý luận cơ sở', 'Chi bộ Khoa Xây dựng Đảng', 'Chi bộ Khoa Nhà nước và pháp luật', 'Chi bộ Phòng Tổ chức - Hành chính'], 180),
  { key: 'bn-mass', name: 'Đảng bộ Khối đơn vị sự nghiệp tỉnh', kind: 'grassroots_committee', parentKey: 'bn-party-agencies', foundedOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
  ...cells('bn-mass', TWO_LEVEL_GOVERNMENT, numbered('Chi bộ đơn vị sự nghiệp', 9), 560),
];

// ——— Phù Vân (seed 001: Đảng bộ các cơ quan Đảng phường Phù Vân, founded 1/7/2025 with 36 members) ———
const phuVan: SeedOrganisation[] = [
  { key: 'ninh-binh', name: 'Đảng bộ tỉnh Ninh Bình', kind: 'province', parentKey: null, adminUnit: 'tỉnh Ninh Bình', foundedOn: '1992-04-01', source: ASSUMED },
  { key: 'phu-van', name: 'Đảng bộ phường Phù Vân', kind: 'commune', parentKey: 'ninh-binh', adminUnit: 'phường Phù Vân, tỉnh Ninh Bình', foundedOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_PHU_VAN, quote: 'Tham mưu chuẩn bị Đại hội đảng bộ phường lần thứ I, nhiệm kỳ 2025-2030' } },
  { key: 'phu-van-agencies', name: 'Đảng bộ các cơ quan Đảng phường Phù Vân', kind: 'grassroots_committee', parentKey: 'phu-van', foundedOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_PHU_VAN, quote: 'được thành lập ngày 01/7/2025 với 36 đảng viên' } },
  ...cells('phu-van-agencies', TWO_LEVEL_GOVERNMENT, ['Chi bộ Văn phòng Đảng ủy', 'Chi bộ Trung tâm Chính trị phường', 'Chi bộ cơ quan HĐND phường'], 36),
];

// ——— Thanh Miếu (seed 003: merged from Thọ Sơn, Tiên Cát, Bạch Hạc, Thanh Miếu and Sông Lô; congress 26/7/2025) ———
const formerThanhMieuUnits: [string, string, number][] = [
  ['tho-son', 'Đảng bộ phường Thọ Sơn', 420],
  ['tien-cat', 'Đảng bộ phường Tiên Cát', 510],
  ['bach-hac', 'Đảng bộ phường Bạch Hạc', 380],
  ['thanh-mieu-old', 'Đảng bộ phường Thanh Miếu', 450],
  ['song-lo', 'Đảng bộ xã Sông Lô', 290],
];
const thanhMieu: SeedOrganisation[] = [
  { key: 'phu-tho', name: 'Đảng bộ tỉnh Phú Thọ', kind: 'province', parentKey: null, adminUnit: 'tỉnh Phú Thọ', foundedOn: '1997-01-01', source: { seed: SEED_THANH_MIEU, quote: 'Đại hội đã công bố các Quyết định của Ban Thường vụ Tỉnh ủy' } },
  { key: 'viet-tri', name: 'Đảng bộ thành phố Việt Trì', kind: 'district', parentKey: 'phu-tho', adminUnit: 'thành phố Việt Trì, tỉnh Phú Thọ', foundedOn: '1997-01-01', source: ASSUMED },
  ...formerThanhMieuUnits.flatMap(([key, name, members]): SeedOrganisation[] => [
    { key, name, kind: 'commune', parentKey: 'viet-tri', adminUnit: `${name.replace('Đảng bộ ', '')}, thành phố Việt Trì, tỉnh Phú Thọ`, foundedOn: '2010-01-01', source: { seed: SEED_THANH_MIEU, quote: 'hợp nhất các phường, xã cũ gồm: Thọ Sơn, Tiên Cát, Bạch Hạc, Thanh Miếu và Sông Lô' } },
    ...cells(key, '2010-01-01', numbered(`Chi bộ khu ${name.replace(/^Đảng bộ (phường|xã) /, '')}`, Math.round(members / 60)), members),
  ]),
  { key: 'thanh-mieu', name: 'Đảng bộ phường Thanh Miếu', kind: 'commune', parentKey: 'phu-tho', adminUnit: 'phường Thanh Miếu, tỉnh Phú Thọ', foundedOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_THANH_MIEU, quote: 'Phường Thanh Miếu được thành lập trên cơ sở hợp nhất các phường, xã cũ' } },
  ...cells('thanh-mieu', TWO_LEVEL_GOVERNMENT, ['Chi bộ Cơ quan Đảng ủy phường Thanh Miếu'], 18),
];

// ——— Lạng Sơn (seed 004: founded 10/2/2025 with 21 grassroots organisations and nearly 600 members; now 12 with over 800) ———
const LANG_SON_FOUNDED = '2025-02-10';
const langSonOriginal: [string, number][] = [
  ['Chi bộ Văn phòng Tỉnh ủy', 45], ['Chi bộ Ban Tổ chức Tỉnh ủy', 30], ['Chi bộ Ban Tuyên giáo Tỉnh ủy', 26], ['Chi bộ Ban Dân vận Tỉnh ủy', 22],
  ['Chi bộ Ủy ban Kiểm tra Tỉnh ủy', 28], ['Chi bộ Ban Nội chính Tỉnh ủy', 20], ['Chi bộ Báo Lạng Sơn', 38], ['Chi bộ Trường Chính trị Hoàng Văn Thụ', 36],
  ['Chi bộ Văn phòng Đoàn ĐBQH và HĐND tỉnh', 32], ['Chi bộ Ủy ban MTTQ Việt Nam tỉnh', 24], ['Chi bộ Tỉnh đoàn', 22], ['Chi bộ Hội Liên hiệp Phụ nữ tỉnh', 20],
  ['Chi bộ Hội Nông dân tỉnh', 21], ['Chi bộ Liên đoàn Lao động tỉnh', 25], ['Chi bộ Hội Cựu chiến binh tỉnh', 16], ['Chi bộ Liên minh Hợp tác xã tỉnh', 18],
  ['Chi bộ Hội Chữ thập đỏ tỉnh', 14], ['Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh', 15], ['Chi bộ Hội Văn học Nghệ thuật tỉnh', 16], ['Chi bộ Hội Nhà báo tỉnh', 12],
  ['Chi bộ Đài Phát thanh và Truyền hình tỉnh', 110],
];
const langSon: SeedOrganisation[] = [
  { key: 'lang-son', name: 'Đảng bộ tỉnh Lạng Sơn', kind: 'province', parentKey: null, adminUnit: 'tỉnh Lạng Sơn', foundedOn: '1978-12-29', source: { seed: SEED_LANG_SON, quote: 'Đảng bộ các cơ quan Đảng tỉnh cùng Đảng bộ tỉnh Lạng Sơn' } },
  { key: 'ls-party-agencies', name: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn', kind: 'directly_under', parentKey: 'lang-son', adminUnit: 'tỉnh Lạng Sơn', foundedOn: LANG_SON_FOUNDED, source: { seed: SEED_LANG_SON, quote: 'được thành lập ngày 10/2/2025 theo chủ trương của Ban Chấp hành Đảng bộ tỉnh, với 21 tổ chức cơ sở đảng, gần 600 đảng viên' } },
  ...langSonOriginal.map(([name, members], i): SeedOrganisation => ({ key: `ls-${i + 1}`, name, kind: 'grassroots_cell', parentKey: 'ls-party-agencies', foundedOn: LANG_SON_FOUNDED, directMembers: members, source: { seed: SEED_LANG_SON, quote: 'với 21 tổ chức cơ sở đảng' } })),
  { key: 'ls-government', name: 'Đảng bộ Ủy ban nhân dân tỉnh Lạng Sơn', kind: 'directly_under', parentKey: 'lang-son', adminUnit: 'tỉnh Lạng Sơn', foundedOn: LANG_SON_FOUNDED, source: ASSUMED },
  { key: 'ls-procuracy', name: 'Chi bộ Viện Kiểm sát nhân dân tỉnh Lạng Sơn', kind: 'grassroots_cell', parentKey: 'ls-government', foundedOn: LANG_SON_FOUNDED, directMembers: 105, source: { seed: SEED_LANG_SON, quote: 'Viện Kiểm sát nhân dân tỉnh' } },
  { key: 'ls-court', name: 'Chi bộ Tòa án nhân dân tỉnh Lạng Sơn', kind: 'grassroots_cell', parentKey: 'ls-government', foundedOn: LANG_SON_FOUNDED, directMembers: 110, source: { seed: SEED_LANG_SON, quote: 'Tòa án nhân dân tỉnh' } },
  // the four units the 2025 reorganisation formed by merging fifteen of the original 21 (which ones is an assumption of the demo)
  { key: 'ls-m1', name: 'Chi bộ Ban Tuyên giáo và Dân vận Tỉnh ủy', kind: 'grassroots_cell', parentKey: 'ls-party-agencies', foundedOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
  { key: 'ls-m2', name: 'Chi bộ các tổ chức chính trị - xã hội tỉnh', kind: 'grassroots_cell', parentKey: 'ls-party-agencies', foundedOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
  { key: 'ls-m3', name: 'Chi bộ các hội quần chúng tỉnh', kind: 'grassroots_cell', parentKey: 'ls-party-agencies', foundedOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
  { key: 'ls-m4', name: 'Chi bộ Báo và Phát thanh, Truyền hình Lạng Sơn', kind: 'grassroots_cell', parentKey: 'ls-party-agencies', foundedOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
];

export const seedOrganisations: SeedOrganisation[] = [...bacNinh, ...phuVan, ...thanhMieu, ...langSon];

export const seedEvents: SeedEvent[] = [
  // 1/7/2025: two-level local government; the district level ends, wards and communes merge
  {
    kind: 'merge',
    targetKey: 'tu-son',
    sourceKeys: formerTuSonWards.map(([key]) => key),
    effectiveOn: TWO_LEVEL_GOVERNMENT,
    decision: { issuer: 'Ban Thường vụ Tỉnh ủy Bắc Ninh' },
    source: { seed: SEED_TU_SON_CONGRESS, quote: 'Phường Từ Sơn được thành lập trên cơ sở sáp nhập bốn phường Đông Ngàn, Đình Bảng, Tân Hồng và Phù Chẩn' },
  },
  { kind: 'dissolve', orgKey: 'tu-son-city', effectiveOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
  { kind: 'dissolve', orgKey: 'bac-ninh-city', effectiveOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
  {
    kind: 'merge',
    targetKey: 'thanh-mieu',
    sourceKeys: formerThanhMieuUnits.map(([key]) => key),
    effectiveOn: TWO_LEVEL_GOVERNMENT,
    decision: { issuer: 'Ban Thường vụ Tỉnh ủy Phú Thọ' },
    source: { seed: SEED_THANH_MIEU, quote: 'Phường Thanh Miếu được thành lập trên cơ sở hợp nhất các phường, xã cũ gồm: Thọ Sơn, Tiên Cát, Bạch Hạc, Thanh Miếu và Sông Lô' },
  },
  { kind: 'dissolve', orgKey: 'viet-tri', effectiveOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
  // Lạng Sơn: 21 grassroots organisations → 12 (fifteen merge into four, two move in)
  { kind: 'merge', targetKey: 'ls-m1', sourceKeys: ['ls-3', 'ls-4', 'ls-6', 'ls-5'], effectiveOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_LANG_SON, quote: 'đến nay toàn Đảng bộ có 12 tổ chức cơ sở đảng' } },
  { kind: 'merge', targetKey: 'ls-m2', sourceKeys: ['ls-10', 'ls-11', 'ls-12', 'ls-13'], effectiveOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_LANG_SON, quote: 'các tổ chức chính trị - xã hội' } },
  { kind: 'merge', targetKey: 'ls-m3', sourceKeys: ['ls-15', 'ls-17', 'ls-18', 'ls-19'], effectiveOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_LANG_SON, quote: 'đến nay toàn Đảng bộ có 12 tổ chức cơ sở đảng' } },
  { kind: 'merge', targetKey: 'ls-m4', sourceKeys: ['ls-7', 'ls-21', 'ls-20'], effectiveOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_LANG_SON, quote: 'đến nay toàn Đảng bộ có 12 tổ chức cơ sở đảng' } },
  { kind: 'move', orgKey: 'ls-procuracy', newParentKey: 'ls-party-agencies', effectiveOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_LANG_SON, quote: 'trên 800 đảng viên đang sinh hoạt tại … Viện Kiểm sát nhân dân tỉnh' } },
  { kind: 'move', orgKey: 'ls-court', newParentKey: 'ls-party-agencies', effectiveOn: TWO_LEVEL_GOVERNMENT, source: { seed: SEED_LANG_SON, quote: 'trên 800 đảng viên đang sinh hoạt tại … Tòa án nhân dân tỉnh' } },
  { kind: 'dissolve', orgKey: 'ls-government', effectiveOn: TWO_LEVEL_GOVERNMENT, source: ASSUMED },
];

export const seedLeaders: SeedLeader[] = [
  { orgKey: 'bn-party-agencies/1', fullName: 'Nguyễn Thị Hương', gender: 'female', position: 'Phó Bí thư Thường trực Tỉnh ủy; Bí thư Đảng ủy các cơ quan Đảng tỉnh', source: { seed: SEED_TU_SON_CONGRESS, quote: 'Bà Nguyễn Thị Hương, Phó Bí thư Thường trực Tỉnh ủy, chỉ định làm Bí thư Đảng bộ các cơ quan Đảng tỉnh' } },
  { orgKey: 'bn-party-agencies/1', fullName: 'Nguyễn Văn Gấu', gender: 'male', position: 'Bí thư Tỉnh ủy Bắc Ninh', source: { seed: SEED_TU_SON_CONGRESS, quote: 'Bí thư Tỉnh ủy Bắc Ninh Nguyễn Văn Gấu' } },
  { orgKey: 'bn-party-agencies/1', fullName: 'Nguyễn Hương Giang', gender: 'female', position: 'Phó Bí thư Tỉnh ủy Bắc Ninh', source: { seed: SEED_TU_SON_CONGRESS, quote: 'Phó Bí thư Tỉnh ủy Bắc Ninh Nguyễn Hương Giang' } },
  { orgKey: 'tu-son/1', fullName: 'Đỗ Tuấn Sơn', gender: 'male', position: 'Bí thư Đảng ủy phường Từ Sơn', source: { seed: SEED_TU_SON_CONGRESS, quote: 'Ông Đỗ Tuấn Sơn được chỉ định giữ chức Bí thư Đảng ủy phường' } },
  { orgKey: 'thanh-mieu/1', fullName: 'Phạm Xuân Hiệp', gender: 'male', position: 'Bí thư Đảng ủy phường Thanh Miếu', source: { seed: SEED_THANH_MIEU, quote: 'Đồng chí Phạm Xuân Hiệp được Ban Thường vụ Tỉnh ủy chỉ định giữ chức Bí thư Đảng ủy phường Thanh Miếu' } },
  { orgKey: 'ls-1', fullName: 'Đoàn Thị Hậu', gender: 'female', position: 'Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh, Bí thư Đảng ủy các cơ quan Đảng tỉnh', source: { seed: SEED_LANG_SON, quote: 'Đoàn Thị Hậu, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh, Bí thư Đảng ủy các cơ quan Đảng tỉnh' } },
  { orgKey: 'ls-1', fullName: 'Hoàng Văn Nghiệm', gender: 'male', position: 'Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh Lạng Sơn', source: { seed: SEED_LANG_SON, quote: 'Đồng chí Hoàng Văn Nghiệm, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh' } },
  { orgKey: 'ls-1', fullName: 'Hồ Tiến Thiệu', gender: 'male', position: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Lạng Sơn', source: { seed: SEED_LANG_SON, quote: 'đồng chí Hồ Tiến Thiệu, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh' } },
  // provincial leaders whose own unit the articles do not describe: members of the province's organisation itself
  { orgKey: 'phu-tho', fullName: 'Bùi Văn Quang', gender: 'male', position: 'Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Phú Thọ', source: { seed: SEED_THANH_MIEU, quote: 'Đồng chí Bùi Văn Quang - Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh' } },
  { orgKey: 'phu-tho', fullName: 'Nguyễn Huy Ngọc', gender: 'male', position: 'Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Phú Thọ', source: { seed: SEED_THANH_MIEU, quote: 'đồng chí Nguyễn Huy Ngọc - TUV, Phó Chủ tịch UBND tỉnh' } },
  { orgKey: 'bac-ninh', fullName: 'Vũ Chí Kiên', gender: 'male', position: 'Phó Bí thư thường trực Thành ủy Bắc Ninh (nhiệm kỳ 2015–2020)', source: { seed: SEED_BAC_NINH_CITY_2020, quote: 'Vũ Chí Kiên Phó Bí thư thường trực Thành ủy' } },
];
