import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseResolutionText, parseVietnameseNumber, splitSentences, type DraftTarget } from './resolutions.parser.js';
import { seedBaselines, seedNonTargets, seedSections, seedTargets, type SeedFigure } from './fixtures/seed-targets.js';

const SEEDS = path.resolve(import.meta.dirname, '../../../../shared/seeds');
const article = (seed: string) => fs.readFileSync(path.join(SEEDS, seed), 'utf8');
const fold = (s: string) => s.replace(/\s+/g, ' ');

describe('Vietnamese numbers', () => {
  const cases: [string, number | null][] = [
    ['632', 632],
    ['1.800', 1800],
    ['15.219', 15219],
    ['20.000', 20000],
    ['1.234.567,5', 1234567.5],
    ['410,6', 410.6],
    ['6,36', 6.36],
    ['0,35', 0.35],
    ['0.27', 0.27],
    ['06', 6],
    ['1.2.3', null],
    ['abc', null],
    ['', null],
  ];
  for (const [text, value] of cases) it(`${JSON.stringify(text)} → ${value}`, () => assert.equal(parseVietnameseNumber(text), value));
});

describe('parser against the five seed articles', () => {
  const seeds = Object.keys(seedSections);
  it('the fixture quotes the articles word for word', () => {
    for (const f of [...seedTargets, ...seedBaselines]) assert.ok(fold(article(f.seed)).includes(f.quote), `"${f.quote}" is not in ${f.seed}`);
  });

  const parsed = new Map<string, ReturnType<typeof parseResolutionText>>();
  const parse = (seed: string) => parsed.get(seed) ?? parsed.set(seed, parseResolutionText(article(seed))).get(seed)!;
  // each figure of the fixture claims its own draft: the one whose figure lies inside the quoted words
  const claimed = new Set<DraftTarget>();
  const claim = (f: SeedFigure) => {
    const r = parse(f.seed);
    const pool = f.role === 'target' ? r.targets : r.baselines;
    const hit = pool.find((d) => {
      const at = fold(d.sentence).indexOf(f.quote);
      return !claimed.has(d) && d.value === f.value && d.unit === f.unit && at >= 0 && d.offset >= at && d.offset < at + f.quote.length;
    });
    assert.ok(hit, `${f.seed}: ${f.value} ${f.unit} ("${f.quote}") not found among ${f.role}s: ${pool.map((d) => `${d.value} ${d.unit}`).join('; ')}`);
    claimed.add(hit);
    return hit;
  };
  const exact = (d: DraftTarget) => ({ section: d.section, upper: d.upper, year: d.year, yearly: d.yearly });
  const expected = (f: SeedFigure) => ({ section: f.section, upper: f.upper, year: f.year, yearly: f.yearly });
  for (const f of seedTargets) {
    it(`target ${f.value} ${f.unit}, ${f.direction}, ${f.yearly ? 'hằng năm' : (f.year ?? 'no year')}: ${f.quote}`, () => {
      const hit = claim(f);
      assert.deepEqual(exact(hit), expected(f), `"${f.quote}"`);
      assert.equal(hit.direction, f.direction, `direction of "${f.quote}"`);
    });
  }
  for (const f of seedBaselines) it(`baseline ${f.value} ${f.unit}, ${f.yearly ? 'hằng năm' : (f.year ?? 'no year')}: ${f.quote}`, () => assert.deepEqual(exact(claim(f)), expected(f), `"${f.quote}"`));

  it('finds exactly the targets and baselines the fixture lists, and none of the other figures', () => {
    for (const seed of seeds) {
      assert.equal(parse(seed).targets.length, seedTargets.filter((f) => f.seed === seed).length, `targets of ${seed}`);
      assert.equal(parse(seed).baselines.length, seedBaselines.filter((f) => f.seed === seed).length, `baselines of ${seed}`);
    }
    for (const n of seedNonTargets) assert.ok(!parse(n.seed).targets.some((t) => t.value === n.value), `${n.value} in ${n.seed}`);
  });

  it('tells each congress of an article apart: organisation, counts, motto, targets (seed 000 reports two)', () => {
    for (const seed of seeds) {
      const r = parse(seed);
      assert.deepEqual(
        r.sections.map((s) => ({ ...(s.organisation ? { organisation: s.organisation } : {}), counts: s.counts, ...(s.motto ? { motto: s.motto } : {}), targets: s.targets.length })),
        seedSections[seed],
        seed,
      );
      // the whole text's counts and motto are the first congress's; its targets are every section's
      assert.deepEqual(r.counts, r.sections[0].counts, seed);
      assert.equal(r.motto, r.sections[0].motto, seed);
      assert.deepEqual(r.targets, r.sections.flatMap((s) => s.targets), seed);
    }
    // the Từ Sơn "5 nhiệm vụ trọng tâm" is no longer lost behind the provincial agencies' 3
    const [agencies, tuSon] = parse('000_ab81406eff306518.txt').sections;
    assert.equal(agencies.counts.keyTasks, 3);
    assert.equal(tuSon.counts.keyTasks, 5);
    assert.deepEqual(tuSon.baselines.map((d) => d.section), [1, 1, 1]);
  });

  it('pairs a target with its baseline (Thanh Miếu)', () => {
    const tm = parse('003_ed053cd63f6b68be.txt');
    const revenue = tm.targets.find((t) => t.value === 632)!;
    assert.equal(revenue.name, 'Thu ngân sách Nhà nước trên địa bàn');
    assert.deepEqual(revenue.baseline, { value: 410.6, unit: 'tỷ đồng', year: 2025 });
    assert.deepEqual(tm.targets.find((t) => t.value === 20000)!.baseline, { value: 15219, unit: 'tỷ đồng', year: 2025 });
    assert.equal(tm.targets.find((t) => t.value === 80)!.name, 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình');
    assert.equal(tm.targets.find((t) => t.value === 80)!.baseline, undefined);
  });
});

describe('parser: direction', () => {
  const drafts = (text: string) => parseResolutionText(text).targets.map((t) => [t.value, t.unit, t.direction, t.qualifier, t.year ?? null, t.yearly]);

  it('qualifiers set at least / at most', () => {
    assert.deepEqual(drafts('Phấn đấu đến năm 2030 tỷ lệ hộ nghèo dưới 1,5%; tỷ lệ lao động qua đào tạo ít nhất 75%; thu nhập bình quân không quá 120 triệu đồng. Hằng năm giảm còn 300 hộ nghèo; làm mới 12 km đường.'), [
      [1.5, '%', 'at_most', 'dưới', 2030, false],
      [75, '%', 'at_least', 'ít nhất', 2030, false],
      [120, 'triệu đồng', 'at_most', 'không quá', 2030, false],
      [300, 'hộ', 'at_most', 'còn', null, true],
      [12, 'km', 'at_least', null, null, true],
    ]);
    // "hoàn thành tốt nhiệm vụ trở lên" rates the members, not the figure
    assert.deepEqual(drafts('Phấn đấu hằng năm 100% chi bộ hoàn thành tốt nhiệm vụ trở lên; thu hút 5 doanh nghiệp trở lên; tỷ lệ đảng viên đạt từ 95% trở lên; kết nạp tối thiểu 20 đảng viên mới; tỷ lệ nợ xấu tối đa 3%.'), [
      [100, '%', 'at_least', null, null, true],
      [5, 'doanh nghiệp', 'at_least', 'trở lên', null, true],
      [95, '%', 'at_least', 'từ … trở lên', null, true],
      [20, 'đảng viên', 'at_least', 'tối thiểu', null, true],
      [3, '%', 'at_most', 'tối đa', null, true],
    ]);
  });

  it('exactly: a level to hold ("đúng bằng", "ở mức", "duy trì", "giữ vững"); an explicit bound wins over "duy trì"', () => {
    assert.deepEqual(drafts('Phấn đấu đến năm 2030 tỷ lệ tăng dân số tự nhiên ở mức 1%; quỹ đất công ích đúng bằng 5 ha. Hằng năm duy trì 100% xã đạt chuẩn nông thôn mới; giữ vững 100% trường đạt chuẩn quốc gia; duy trì tỷ lệ trẻ em đến trường đạt 100%; duy trì trên 95% đảng viên hoàn thành tốt nhiệm vụ.'), [
      [1, '%', 'exactly', 'ở mức', 2030, false],
      [5, 'ha', 'exactly', 'đúng bằng', 2030, false],
      [100, '%', 'exactly', 'duy trì', null, true],
      [100, '%', 'exactly', 'giữ vững', null, true],
      [100, '%', 'exactly', 'duy trì', null, true],
      [95, '%', 'at_least', 'trên', null, true],
    ]);
  });

  it('reach by: "đạt" / "lên" by a year from the starting figure the text gives, rising or falling', () => {
    const text =
      'Nhiệm kỳ qua, tỷ lệ hồ sơ xử lý trực tuyến toàn trình năm 2025 đạt 40%; tỷ lệ hộ nghèo đa chiều năm 2025 là 3%; số doanh nghiệp đang hoạt động năm 2025 là 850 doanh nghiệp.\n' +
      'Phấn đấu đến năm 2030 tỷ lệ hồ sơ xử lý trực tuyến toàn trình đạt 80%; tỷ lệ hộ nghèo đa chiều đạt 1%; nâng số doanh nghiệp đang hoạt động lên 1.200 doanh nghiệp; thu hút đạt 500 lượt khách.';
    const r = parseResolutionText(text);
    assert.deepEqual(
      r.targets.map((t) => [t.value, t.unit, t.direction, t.qualifier, t.year, t.baseline?.value ?? null]),
      [
        [80, '%', 'reach_by', 'đạt', 2030, 40],
        [1, '%', 'reach_by', 'đạt', 2030, 3],
        [1200, 'doanh nghiệp', 'reach_by', 'lên', 2030, 850],
        // no starting figure for it in the text: at least, which needs no baseline
        [500, 'lượt', 'at_least', 'đạt', 2030, null],
      ],
    );
  });

  it('"đạt" with no deadline, or every year, is a threshold (at least)', () => {
    assert.deepEqual(drafts('Phấn đấu tỷ lệ hồ sơ trực tuyến đạt 80%. Hằng năm, tỷ lệ đảng viên được học tập nghị quyết đạt 100%.'), [
      [80, '%', 'at_least', null, null, false],
      [100, '%', 'at_least', null, null, true],
    ]);
  });
});

describe('parser: the year of a figure', () => {
  const when = (text: string) => parseResolutionText(text).targets.map((t) => [t.value, t.year ?? null, t.yearly]);

  it('a sentence opening on "Đồng thời", "Trong đó", "Ngoài ra", "Bên cạnh đó" keeps the year (or "hằng năm") of the one before', () => {
    assert.deepEqual(when('Phấn đấu đến năm 2030 thu ngân sách đạt trên 600 tỷ đồng. Đồng thời, nâng tỷ lệ hồ sơ trực tuyến đạt 80%; tỷ lệ cán bộ có kỹ năng số đạt 100%.'), [
      [600, 2030, false],
      [80, 2030, false],
      [100, 2030, false],
    ]);
    assert.deepEqual(when('Hằng năm, phấn đấu 100% chi bộ hoàn thành tốt nhiệm vụ. Trong đó, 20% chi bộ hoàn thành xuất sắc nhiệm vụ.'), [
      [100, null, true],
      [20, null, true],
    ]);
    assert.deepEqual(when('Phấn đấu đến năm 2030 tỷ lệ hộ nghèo dưới 1%. Bên cạnh đó, đến năm 2027 có 100% hộ dùng nước sạch. Ngoài ra, thu hút 2.000 lượt khách.'), [
      [1, 2030, false],
      [100, 2027, false],
      [2000, 2027, false],
    ]);
  });

  it('a sentence that does not continue starts afresh', () => {
    assert.deepEqual(when('Phấn đấu đến năm 2030 thu ngân sách đạt trên 600 tỷ đồng. Phấn đấu tỷ lệ hồ sơ trực tuyến đạt 80%.'), [
      [600, 2030, false],
      [80, null, false],
    ]);
  });

  it('a marker right after the figure is its own; a plan\'s span of years is no year', () => {
    assert.deepEqual(when('Phấn đấu thu ngân sách đạt 500 tỷ đồng vào năm 2028, tăng 7%/năm; tỷ lệ hồ sơ trực tuyến đạt 60% năm 2027 và 90% vào năm 2030.'), [
      [500, 2028, false],
      [7, null, true],
      [60, 2027, false],
      [90, 2030, false],
    ]);
    assert.deepEqual(when('Phấn đấu thực hiện kế hoạch 5 năm 2026 – 2030 với 100% xã đạt chuẩn.'), [[100, null, false]]);
  });
});

describe('parser: congress sections', () => {
  it('a paragraph opening on another organisation\'s congress starts a section; a mere mention of a congress does not', () => {
    const r = parseResolutionText(
      [
        'Đại hội Đảng bộ xã An Bình lần thứ I, nhiệm kỳ 2025-2030 đề ra 8 chỉ tiêu và 2 khâu đột phá.',
        'Với phương châm “Đoàn kết - Đổi mới - Phát triển”, phấn đấu đến năm 2030 thu ngân sách đạt trên 90 tỷ đồng.',
        'Đại hội Đảng bộ xã An Bình lần thứ I cũng thông qua nghị quyết.',
        'Đại hội đại biểu Đảng bộ phường Hòa Lạc, tỉnh Nam Định lần thứ I, nhiệm kỳ 2025-2030 đề ra 12 chỉ tiêu.',
        'Phấn đấu hằng năm 100% chi bộ hoàn thành tốt nhiệm vụ.',
        'Đại hội Đảng bộ tỉnh lần thứ XX sẽ diễn ra vào tháng 10.',
      ].join('\n'),
    );
    assert.deepEqual(
      r.sections.map((s) => [s.organisation, s.counts, s.motto ?? null, s.targets.map((t) => [t.value, t.section])]),
      [
        ['xã An Bình', { targets: 8, breakthroughs: 2 }, 'Đoàn kết - Đổi mới - Phát triển', [[90, 0]]],
        ['phường Hòa Lạc', { targets: 12 }, null, [[100, 1]]],
      ],
    );
    assert.deepEqual(r.counts, { targets: 8, breakthroughs: 2 });
    assert.deepEqual(r.targets.map((t) => t.value), [90, 100]);
  });
});

describe('parser against malformed text', () => {
  it('never throws, and returns nothing from noise', () => {
    for (const input of [undefined, null, 42, {}, '', '   ', '%%%', '1.2.3.4 %', 'đến năm', '100', ';;;...', '\u0000\uffff', 'x'.repeat(300_000), 'Phấn đấu 12/2025 đạt 2025-2030']) {
      const r = parseResolutionText(input);
      assert.ok(Array.isArray(r.targets));
    }
    assert.deepEqual(parseResolutionText('Phấn đấu 12/2025 đạt 2025-2030').targets, []);
  });

  it('property: any string parses without throwing, and every draft carries a finite value and a unit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('', 'Phấn đấu đến năm 2030 đạt trên ', 'hằng năm 100% ', '; đạt 1.234,5 tỷ đồng'), (s, prefix) => {
        const r = parseResolutionText(prefix + s);
        for (const t of [...r.targets, ...r.baselines]) assert.ok(Number.isFinite(t.value) && t.unit.length > 0);
      }),
    );
    assert.ok(splitSentences('Một. Hai.\nBa').length === 3);
  });
});
