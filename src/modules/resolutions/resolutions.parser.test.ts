import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseResolutionText, parseVietnameseNumber, splitSentences } from './resolutions.parser.js';
import { seedBaselines, seedNonTargets, seedTargets, type SeedFigure } from './fixtures/seed-targets.js';

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
  it('the fixture quotes the articles word for word', () => {
    for (const f of [...seedTargets, ...seedBaselines]) assert.ok(fold(article(f.seed)).includes(f.quote), `"${f.quote}" is not in ${f.seed}`);
  });

  const parsed = new Map<string, ReturnType<typeof parseResolutionText>>();
  const parse = (seed: string) => parsed.get(seed) ?? parsed.set(seed, parseResolutionText(article(seed))).get(seed)!;
  const check = (f: SeedFigure) => {
    const r = parse(f.seed);
    const pool = f.role === 'target' ? r.targets : r.baselines;
    // the draft whose figure lies inside the quoted words
    const hit = pool.find((d) => {
      const at = fold(d.sentence).indexOf(f.quote);
      return d.value === f.value && d.unit === f.unit && at >= 0 && d.offset >= at && d.offset < at + f.quote.length;
    });
    assert.ok(hit, `${f.seed}: ${f.value} ${f.unit} ("${f.quote}") not found among ${f.role}s: ${pool.map((d) => `${d.value} ${d.unit}`).join('; ')}`);
    assert.equal(hit.year, f.year, `year of ${f.value} ${f.unit} ("${f.quote}")`);
    if (f.upper !== undefined) assert.equal(hit.upper, f.upper);
    if (f.direction) assert.equal(hit.direction, f.direction, `direction of "${f.quote}"`);
  };
  for (const f of seedTargets) it(`target ${f.value} ${f.unit}${f.year ? ` (${f.year})` : ''}: ${f.quote}`, () => check(f));
  for (const f of seedBaselines) it(`baseline ${f.value} ${f.unit}: ${f.quote}`, () => check(f));

  it('finds no more targets than the fixture lists, and none of the other figures', () => {
    for (const seed of new Set(seedTargets.map((f) => f.seed))) {
      assert.equal(parse(seed).targets.length, seedTargets.filter((f) => f.seed === seed).length, seed);
    }
    for (const n of seedNonTargets) assert.ok(!parse(n.seed).targets.some((t) => t.value === n.value), `${n.value} in ${n.seed}`);
  });

  it('reads the counts, the motto and pairs a target with its baseline (Thanh Miếu)', () => {
    assert.deepEqual(parse('000_ab81406eff306518.txt').counts, { targets: 20, breakthroughs: 4, keyTasks: 3, solutionGroups: 7 });
    assert.deepEqual(parse('001_406d84bfcd4d9086.txt').counts, { targets: 6 });
    assert.deepEqual(parse('004_966d9a0a72776edd.txt').counts, { targets: 11, breakthroughs: 3, solutionGroups: 4 });
    assert.equal(parse('004_966d9a0a72776edd.txt').motto, 'Bản lĩnh - Trí tuệ - Kỷ cương - Đột phá - Phát triển');
    const tm = parse('003_ed053cd63f6b68be.txt');
    assert.equal(tm.counts.breakthroughs, 2);
    const revenue = tm.targets.find((t) => t.value === 632)!;
    assert.equal(revenue.name, 'Thu ngân sách Nhà nước trên địa bàn');
    assert.deepEqual(revenue.baseline, { value: 410.6, unit: 'tỷ đồng', year: 2025 });
    assert.deepEqual(tm.targets.find((t) => t.value === 20000)!.baseline, { value: 15219, unit: 'tỷ đồng', year: 2025 });
    assert.equal(tm.targets.find((t) => t.value === 80)!.name, 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình');
  });

  it('qualifiers set the direction', () => {
    const r = parseResolutionText('Phấn đấu đến năm 2030 tỷ lệ hộ nghèo dưới 1,5%; tỷ lệ lao động qua đào tạo ít nhất 75%; thu nhập bình quân không quá 120 triệu đồng. Hằng năm giảm còn 300 hộ nghèo; làm mới 12 km đường.');
    assert.deepEqual(
      r.targets.map((t) => [t.value, t.unit, t.direction, t.qualifier, t.year ?? null]),
      [
        [1.5, '%', 'at_most', 'dưới', 2030],
        [75, '%', 'at_least', 'ít nhất', 2030],
        [120, 'triệu đồng', 'at_most', 'không quá', 2030],
        [300, 'hộ', 'at_most', 'còn', null],
        [12, 'km', 'at_least', null, null],
      ],
    );
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
