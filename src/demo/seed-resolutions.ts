// The resolutions of the seed articles (../shared/seeds) as demo data: mottos, numeric targets, breakthroughs and
// solution groups, only as the articles state them (each target quotes its sentence). No figures are invented.
import type { Executor } from '../db/types.js';
import { recordAudit, systemActor } from '../modules/audit/audit.store.js';
import type { ElementInput, ResolutionInput, TargetInput } from '../modules/resolutions/resolutions.store.js';
import { insertResolution } from '../modules/resolutions/resolutions.store.js';
import { SEED_LANG_SON, SEED_PHU_VAN, SEED_THANH_MIEU, SEED_TU_SON_CONGRESS } from './seed-organisations.js';

export interface SeedResolution {
  orgKey: string;
  seed: string;
  resolution: ResolutionInput;
  targets: (TargetInput & { sourceQuote: string })[];
  elements: (ElementInput & { quote: string })[];
}

const TERM_END = '2030-12-31';
const yearly = (name: string, value: number, quote: string, extra: Partial<TargetInput> = {}): TargetInput & { sourceQuote: string } => ({
  name,
  unit: '%',
  direction: 'at_least',
  area: 'party_building',
  baselineValue: null,
  baselineDate: null,
  targetValue: value,
  deadline: TERM_END,
  yearly: true,
  aggregation: 'share_meeting',
  ...extra,
  sourceQuote: quote,
});
const congress = (title: string, adoptedOn: string, motto: string | null): ResolutionInput => ({ kind: 'congress', title, adoptedOn, termStart: 2025, termEnd: 2030, motto });

export const seedResolutions: SeedResolution[] = [
  {
    orgKey: 'thanh-mieu',
    seed: SEED_THANH_MIEU,
    resolution: congress('Nghị quyết Đại hội đại biểu Đảng bộ phường Thanh Miếu lần thứ Nhất, nhiệm kỳ 2025 - 2030', '2025-07-26', null),
    targets: [
      {
        name: 'Thu ngân sách Nhà nước trên địa bàn',
        unit: 'tỷ đồng',
        direction: 'at_least',
        area: 'economy',
        indicatorCode: 'THU_NGAN_SACH',
        aggregation: 'sum',
        baselineValue: 410.6,
        baselineDate: '2025-07-26',
        targetValue: 632,
        deadline: TERM_END,
        sourceQuote: 'Phấn đấu thu ngân sách Nhà nước trên địa bàn đến năm 2030 đạt trên 632 tỷ đồng',
      },
      {
        name: 'Tổng vốn đầu tư toàn xã hội thực hiện trên địa bàn',
        unit: 'tỷ đồng',
        direction: 'at_least',
        area: 'economy',
        indicatorCode: 'VON_DAU_TU',
        aggregation: 'sum',
        baselineValue: 15219,
        baselineDate: '2025-07-26',
        targetValue: 20000,
        deadline: TERM_END,
        sourceQuote: 'tổng vốn đầu tư toàn xã hội thực hiện trên địa bàn đạt 20.000 tỷ đồng',
      },
      yearly('Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số căn bản và làm chủ kỹ năng số', 100, 'nâng tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số căn bản và làm chủ kỹ năng số', { yearly: false, area: 'party_building', indicatorCode: 'KY_NANG_SO' }),
      yearly('Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình', 80, 'tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình đạt 80%', { yearly: false, area: 'economy', indicatorCode: 'DVC_TRUC_TUYEN' }),
      {
        name: 'Hộ nghèo theo chuẩn nghèo đa chiều của Quốc gia',
        unit: 'hộ',
        direction: 'at_most',
        area: 'culture_society',
        indicatorCode: 'HO_NGHEO',
        aggregation: 'sum',
        baselineValue: null,
        baselineDate: null,
        targetValue: 0,
        deadline: TERM_END,
        sourceQuote: 'Đến năm 2030 cơ bản không còn hộ nghèo theo chuẩn nghèo đa chiều của Quốc gia',
      },
    ],
    elements: [
      { kind: 'breakthrough', title: 'Đầu tư xây dựng kết cấu hạ tầng đô thị theo hướng hiện đại', quote: 'Đầu tư xây dựng kết cấu hạ tầng đô thị theo hướng hiện đại' },
      {
        kind: 'breakthrough',
        title: 'Đẩy mạnh cải cách hành chính theo hướng phục vụ, kết hợp chuyển đổi số trong hoạt động quản lý và điều hành',
        quote: 'đẩy mạnh cải cách hành chính theo hướng phục vụ, kết hợp chuyển đổi số trong hoạt động quản lý và điều hành',
      },
    ],
  },
  {
    orgKey: 'phu-van-agencies',
    seed: SEED_PHU_VAN,
    resolution: congress('Nghị quyết Đại hội Đảng bộ các cơ quan Đảng phường Phù Vân lần thứ I, nhiệm kỳ 2025-2030', '2025-07-18', 'Đoàn kết - Gương mẫu - Đổi mới - Phát triển'),
    targets: [
      yearly('Tỷ lệ cán bộ, đảng viên tham gia học tập đầy đủ các nghị quyết, chỉ thị, kết luận của Đảng', 100, 'Phấn đấu hàng năm 100% cán bộ, đảng viên tham gia học tập đầy đủ', { indicatorCode: 'HOC_TAP_NQ' }),
      yearly('Tỷ lệ chi bộ trực thuộc hoàn thành tốt nhiệm vụ trở lên', 100, '100% các chi bộ trực thuộc hoàn thành tốt nhiệm vụ trở lên', { indicatorCode: 'CHI_BO_HTT' }),
      yearly('Tỷ lệ chi bộ trực thuộc hoàn thành xuất sắc nhiệm vụ', 20, 'trong đó có 20% hoàn thành xuất sắc nhiệm vụ', { indicatorCode: 'CHI_BO_HTXS' }),
      yearly('Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên', 100, '100% Đảng viên hoàn thành tốt nhiệm vụ trở lên', { indicatorCode: 'DANG_VIEN_HTT' }),
      yearly('Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ', 20, '100% Đảng viên hoàn thành tốt nhiệm vụ trở lên; trong đó có 20% hoàn thành xuất sắc nhiệm vụ', { indicatorCode: 'DANG_VIEN_HTXS' }),
      yearly('Tỷ lệ cán bộ, công chức và người lao động đạt danh hiệu lao động tiên tiến', 100, '100% cán bộ, công chức và người lao động đạt danh hiệu lao động tiên tiến'),
      yearly('Tỷ lệ đoàn thể được công nhận là tổ chức vững mạnh', 100, '100% các đoàn thể được công nhận là tổ chức vững mạnh'),
    ],
    elements: [],
  },
  {
    orgKey: 'bn-party-agencies',
    seed: SEED_TU_SON_CONGRESS,
    resolution: congress('Nghị quyết Đại hội Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh lần thứ I, nhiệm kỳ 2025-2030', '2025-08-18', 'Đoàn kết - Dân chủ - Kỷ cương - Đổi mới - Hiệu quả'),
    targets: [
      yearly('Tỷ lệ đảng viên được nghiên cứu, học tập các chủ trương, đường lối của Đảng; chính sách, pháp luật của Nhà nước', 100, 'Hằng năm, Đảng bộ phấn đấu 100% đảng viên', { indicatorCode: 'HOC_TAP_NQ' }),
      yearly('Tỷ lệ quần chúng được nghiên cứu, học tập các chủ trương, đường lối của Đảng; chính sách, pháp luật của Nhà nước', 90, 'trên 90% quần chúng được nghiên cứu, học tập'),
    ],
    // "3 nhiệm vụ trọng tâm, 7 nhóm giải pháp chủ yếu. Trong đó, …": the article names these among them, without numbering them
    elements: [
      { kind: 'solution_group', title: 'Nâng cao năng lực lãnh đạo, sức chiến đấu của các tổ chức đảng và chất lượng cán bộ, đảng viên', quote: 'nâng cao năng lực lãnh đạo, sức chiến đấu của các tổ chức đảng và chất lượng cán bộ, đảng viên' },
      { kind: 'solution_group', title: 'Phát huy dân chủ, siết chặt kỷ luật, kỷ cương', quote: 'phát huy dân chủ, siết chặt kỷ luật, kỷ cương' },
      { kind: 'solution_group', title: 'Tạo môi trường thuận lợi khuyến khích đổi mới, sáng tạo', quote: 'tạo môi trường thuận lợi khuyến khích đổi mới, sáng tạo' },
      { kind: 'solution_group', title: 'Nâng cao chất lượng công tác đánh giá cán bộ', quote: 'nâng cao chất lượng công tác đánh giá cán bộ' },
      {
        kind: 'solution_group',
        title: 'Kiên quyết đấu tranh phòng, chống quan liêu, tham nhũng, lãng phí, tiêu cực',
        quote: 'kiên quyết đấu tranh phòng, chống quan liêu, tham nhũng, lãng phí, tiêu cực',
      },
    ],
  },
  {
    orgKey: 'tu-son',
    seed: SEED_TU_SON_CONGRESS,
    resolution: congress('Nghị quyết Đại hội đại biểu Đảng bộ phường Từ Sơn lần thứ I, nhiệm kỳ 2025-2030', '2025-08-18', 'Đoàn kết - Dân chủ - Kỷ cương - Đột phá - Phát triển'),
    // "5 nhiệm vụ trọng tâm, 4 khâu đột phá, 20 chỉ tiêu cụ thể và 4 nhóm giải pháp chủ yếu": the article names none of them
    targets: [],
    elements: [],
  },
  {
    orgKey: 'ls-party-agencies',
    seed: SEED_LANG_SON,
    resolution: congress('Nghị quyết Đại hội đại biểu Đảng bộ các cơ quan Đảng tỉnh lần thứ I, nhiệm kỳ 2025 - 2030', '2025-07-01', 'Bản lĩnh - Trí tuệ - Kỷ cương - Đột phá - Phát triển'),
    targets: [
      yearly('Tỷ lệ đảng viên được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên', 95, 'xếp loại hoàn thành tốt nhiệm vụ trở lên đạt từ 95% trở lên', { indicatorCode: 'DANG_VIEN_HTT' }),
      yearly('Tỷ lệ cơ sở đảng được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên', 100, 'hằng năm, 100% cơ sở đảng được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên'),
      yearly('Tỷ lệ cơ sở đảng đạt chuẩn “Chi bộ 4 tốt”, “Đảng bộ cơ sở 4 tốt”', 100, '100% cơ sở đảng đạt chuẩn “Chi bộ 4 tốt”'),
      yearly('Tỷ lệ tổ chức cơ sở đảng, cán bộ, đảng viên thực hiện chuyển đổi số và ứng dụng công nghệ thông tin', 100, 'đến năm 2030, 100% tổ chức cơ sở đảng, cán bộ, đảng viên thực hiện chuyển đổi số', { yearly: false }),
      yearly('Tỷ lệ hồ sơ công việc được xử lý hoàn toàn trên môi trường mạng', 100, '100% hồ sơ công việc được xử lý hoàn toàn trên môi trường mạng', { yearly: false }),
    ],
    elements: [
      { kind: 'solution_group', title: 'Xây dựng Đảng bộ thực sự trong sạch, vững mạnh, toàn diện, tiêu biểu', quote: 'Thứ nhất, xây dựng Đảng bộ thực sự trong sạch, vững mạnh, toàn diện, tiêu biểu' },
      { kind: 'solution_group', title: 'Tập trung lãnh đạo cán bộ, đảng viên, quần chúng thực hiện hiệu quả nhiệm vụ chính trị được giao', quote: 'Thứ hai, tập trung lãnh đạo cán bộ, đảng viên, quần chúng thực hiện hiệu quả nhiệm vụ chính trị được giao' },
      { kind: 'solution_group', title: 'Lãnh đạo cấp ủy cơ sở Đảng xây dựng và thực hiện tốt nhiệm vụ chính trị của cơ quan, đơn vị', quote: 'Thứ ba, lãnh đạo cấp ủy cơ sở Đảng xây dựng và thực hiện tốt nhiệm vụ chính trị của cơ quan, đơn vị' },
      { kind: 'solution_group', title: 'Lãnh đạo phát động thực hiện hiệu quả công tác thi đua, khen thưởng', quote: 'Thứ tư, lãnh đạo phát động thực hiện hiệu quả công tác thi đua, khen thưởng' },
    ],
  },
];

/** inserts the seed resolutions for the units the loader created (`idOf` maps a seed key to its id) */
export async function loadSeedResolutions(db: Executor, idOf: (key: string) => number | undefined, now: string): Promise<number> {
  let n = 0;
  for (const s of seedResolutions) {
    const orgId = idOf(s.orgKey);
    if (orgId === undefined) throw new Error(`demo resolutions: unknown organisation ${s.orgKey}`);
    const id = await insertResolution(db, orgId, s.resolution, s.targets, s.elements.map(({ quote: _q, ...e }) => ({ ...e, description: `Nguồn: ${s.seed}` })), now);
    await recordAudit(db, { ...systemActor, name: 'demo' }, now, { action: 'resolution.create', entity: 'resolution', entityId: id, orgId, after: { title: s.resolution.title, source: s.seed } });
    n++;
  }
  return n;
}
