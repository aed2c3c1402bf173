import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, testEngines, type TestDatabase } from '../db/test-harness.js';
import { fixedClock } from '../shared/clock.js';
import { loadDemoData } from './demo-loader.js';
import { seedEvents, seedLeaders, seedOrganisations } from './seed-organisations.js';
import { subtreeMemberCount, treeAsOf, historyOf } from '../modules/orgs/orgs.store.js';
import { searchMembers } from '../modules/members/members.store.js';
import { foldForSearch } from '../shared/vietnamese.js';
import { createRandom, generateMembers } from './synthetic-members.js';
import { validateMemberProfile } from '../modules/members/members.rules.js';
import fs from 'node:fs';
import path from 'node:path';

const clock = fixedClock('2026-11-28T03:00:00Z');

describe('seed data', () => {
  it('cites an existing seed article for every fact it takes from one', () => {
    const seeds = new Set(fs.readdirSync(path.resolve(import.meta.dirname, '../../../shared/seeds')));
    const sources = [...seedOrganisations.map((o) => o.source), ...seedEvents.map((e) => e.source), ...seedLeaders.map((l) => l.source)];
    for (const s of sources) if (s.seed !== 'giả định') assert.ok(seeds.has(s.seed), `unknown seed ${s.seed}`);
  });

  it('quotes the seed articles word for word', () => {
    const dir = path.resolve(import.meta.dirname, '../../../shared/seeds');
    const text = new Map(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8').replace(/\s+/g, ' ')]));
    const sources = [...seedOrganisations.map((o) => o.source), ...seedEvents.map((e) => e.source), ...seedLeaders.map((l) => l.source)];
    for (const s of sources) {
      if (!s.quote || s.seed === 'giả định') continue;
      for (const part of s.quote.split(' … ')) assert.ok(text.get(s.seed)!.includes(part), `"${part}" is not in ${s.seed}`);
    }
  });

  it('generates valid, deterministic member profiles', () => {
    const a = generateMembers(500, { random: createRandom(7), asOf: '2025-06-30', hometownProvince: 'Lạng Sơn' });
    const b = generateMembers(500, { random: createRandom(7), asOf: '2025-06-30', hometownProvince: 'Lạng Sơn' });
    assert.deepEqual(a, b);
    for (const m of a) assert.deepEqual(validateMemberProfile({ ...m, cardNumber: m.cardNumber && '12345678' }, '2025-06-30'), [], JSON.stringify(m));
    assert.ok(a.some((m) => m.officialOn === null), 'some members are still on probation');
    assert.ok(a.filter((m) => m.ethnicity !== 'Kinh').length > 250, 'Lạng Sơn members are mostly Tày and Nùng');
  });
});

for (const engine of testEngines) {
  describe(`demo data from the seed articles (${engine})`, () => {
    let db: TestDatabase;
    const byName = async (name: string) => (await db.db.selectFrom('organizations').selectAll().where('name', '=', name).execute());
    before(async () => {
      db = await freshDatabase(engine);
      const summary = await loadDemoData(db, clock);
      assert.ok(summary && summary.orgs > 100 && summary.members > 7000);
    });
    after(() => db.drop());

    it('loads only into an empty database', async () => {
      assert.equal(await loadDemoData(db, clock), null);
    });

    it('holds Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh with more than 1,800 members (seed 000)', async () => {
      const [org] = await byName('Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh');
      assert.ok((await subtreeMemberCount(db.db, org.path)) > 1800);
    });

    it('holds Đảng bộ phường Từ Sơn, merged on 1/7/2025 from four wards, with more than 2,500 members (seed 000)', async () => {
      const [tuSon] = await byName('Đảng bộ phường Từ Sơn');
      assert.ok((await subtreeMemberCount(db.db, tuSon.path)) > 2500);
      const merge = (await historyOf(db.db, tuSon.id)).find((h) => h.kind === 'merge');
      assert.ok(merge, 'a merge event');
      assert.equal(merge.effectiveOn, '2025-07-01');
      const formerNames = JSON.stringify(merge);
      for (const ward of ['Đông Ngàn', 'Đình Bảng', 'Tân Hồng', 'Phù Chẩn']) assert.ok(formerNames.includes(`Đảng bộ phường ${ward}`), ward);
      // the day before, the four wards stood under the city of Từ Sơn with the same members
      const before = await treeAsOf(db.db, '2025-06-30');
      const wards = before.filter((n) => ['Đông Ngàn', 'Đình Bảng', 'Tân Hồng', 'Phù Chẩn'].some((w) => n.name === `Đảng bộ phường ${w}`));
      assert.equal(wards.length, 4);
      assert.equal(new Set(wards.map((w) => w.parentId)).size, 1);
      assert.ok(wards.reduce((s, w) => s + w.memberCount, 0) > 2500);
      assert.ok(!before.some((n) => n.name === 'Đảng bộ phường Từ Sơn'));
    });

    it('holds Đảng bộ các cơ quan Đảng phường Phù Vân, founded 1/7/2025 with 36 members (seed 001)', async () => {
      const [org] = await byName('Đảng bộ các cơ quan Đảng phường Phù Vân');
      assert.equal(await subtreeMemberCount(db.db, org.path), 36);
      assert.equal(org.founded_on, '2025-07-01');
    });

    it('holds Đảng bộ phường Thanh Miếu merged from five units (seed 003)', async () => {
      const [org] = await byName('Đảng bộ phường Thanh Miếu');
      const merge = (await historyOf(db.db, org.id)).find((h) => h.kind === 'merge');
      for (const unit of ['Thọ Sơn', 'Tiên Cát', 'Bạch Hạc', 'Thanh Miếu', 'Sông Lô']) assert.ok(JSON.stringify(merge).includes(unit), unit);
    });

    it('holds Lạng Sơn: 21 grassroots organisations and nearly 600 members in 2025, 12 with more than 800 now (seed 004)', async () => {
      const [org] = await byName('Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn');
      const then = (await treeAsOf(db.db, '2025-03-01', org.id)).filter((n) => n.parentId === org.id);
      assert.equal(then.length, 21);
      const thenTotal = then.reduce((s, n) => s + n.memberCount, 0);
      assert.ok(thenTotal >= 550 && thenTotal < 600, String(thenTotal));
      const now = (await treeAsOf(db.db, '2026-11-28', org.id)).filter((n) => n.parentId === org.id);
      assert.equal(now.length, 12);
      assert.ok((await subtreeMemberCount(db.db, org.path)) > 800);
    });

    it('names the leaders of the articles with their positions, found by an unaccented search', async () => {
      const [huong] = await searchMembers(db.db, 'nguyen thi huong', 'all', 50).then((r) => r.filter((m) => m.fullName === 'Nguyễn Thị Hương' && m.position?.includes('Bí thư')));
      assert.ok(huong, 'Nguyễn Thị Hương');
      assert.match(huong.position!, /Bí thư Đảng ủy các cơ quan Đảng tỉnh/);
      const huongs = await searchMembers(db.db, 'huong', 'all', 1000);
      assert.ok(huongs.length > 5 && huongs.every((m) => m.fullName.split(' ').some((w) => foldForSearch(w).startsWith('huong'))), 'huong finds Hương, not Phương');
      const [son] = await searchMembers(db.db, 'do tuan son', 'all', 10);
      assert.equal(son.fullName, 'Đỗ Tuấn Sơn');
    });
  });
}
