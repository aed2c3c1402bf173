import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { freshDatabase, testEngines, type TestDatabase } from '../db/test-harness.js';
import { fixedClock } from '../shared/clock.js';
import { loadDemoData } from './demo-loader.js';
import { seedResolutions } from './seed-resolutions.js';
import { listResolutions, resolutionElements, resolutionTargets } from '../modules/resolutions/resolutions.store.js';
import { validateTarget } from '../modules/resolutions/resolutions.rules.js';
import { parseResolutionText } from '../modules/resolutions/resolutions.parser.js';

const dir = path.resolve(import.meta.dirname, '../../../shared/seeds');
const text = (seed: string) => fs.readFileSync(path.join(dir, seed), 'utf8').replace(/\s+/g, ' ');

describe('seed resolutions', () => {
  it('quote their articles word for word, and every target is valid', () => {
    for (const s of seedResolutions) {
      for (const t of s.targets) {
        assert.ok(text(s.seed).includes(t.sourceQuote), `"${t.sourceQuote}" is not in ${s.seed}`);
        assert.deepEqual(validateTarget({ ...t }), [], t.name);
      }
      for (const e of s.elements) assert.ok(text(s.seed).includes(e.quote), `"${e.quote}" is not in ${s.seed}`);
      if (s.resolution.motto) assert.ok(text(s.seed).includes(s.resolution.motto), s.resolution.motto);
    }
  });

  it('hold every target the parser finds in the Thanh Miếu, Phù Vân and Lạng Sơn articles', () => {
    for (const s of seedResolutions.filter((x) => ['thanh-mieu', 'phu-van-agencies', 'ls-party-agencies'].includes(x.orgKey))) {
      const parsed = parseResolutionText(fs.readFileSync(path.join(dir, s.seed), 'utf8')).targets;
      assert.deepEqual(parsed.map((p) => p.value).sort(), s.targets.map((t) => t.targetValue).sort(), s.orgKey);
    }
  });
});

for (const engine of testEngines) {
  describe(`demo resolutions loaded (${engine})`, () => {
    let db: TestDatabase;
    const orgId = async (name: string) => (await db.db.selectFrom('organizations').select('id').where('name', '=', name).where('closed_on', 'is', null).executeTakeFirstOrThrow()).id;
    before(async () => {
      db = await freshDatabase(engine);
      await loadDemoData(db, fixedClock('2026-11-28T03:00:00Z'));
    });
    after(() => db.drop());

    it('Thanh Miếu: five targets, two breakthroughs, revenue above 632 tỷ đồng from 410,6 (seed 003)', async () => {
      const [r] = await listResolutions(db.db, await orgId('Đảng bộ phường Thanh Miếu'));
      assert.equal(r.targetCount, 5);
      const targets = await resolutionTargets(db.db, r.id);
      assert.deepEqual([targets[0].baselineValue, targets[0].targetValue, targets[0].unit], [410.6, 632, 'tỷ đồng']);
      const elements = await resolutionElements(db.db, r.id);
      assert.deepEqual(elements.map((e) => e.kind), ['breakthrough', 'breakthrough']);
    });

    it('Phù Vân, Bắc Ninh and Lạng Sơn party agencies with their mottos (seeds 001, 000, 004)', async () => {
      const [pv] = await listResolutions(db.db, await orgId('Đảng bộ các cơ quan Đảng phường Phù Vân'));
      assert.equal(pv.motto, 'Đoàn kết - Gương mẫu - Đổi mới - Phát triển');
      assert.equal(pv.targetCount, 7);
      const [bn] = await listResolutions(db.db, await orgId('Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh'));
      assert.equal((await resolutionElements(db.db, bn.id)).filter((e) => e.kind === 'solution_group').length, 5);
      const [ls] = await listResolutions(db.db, await orgId('Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn'));
      assert.equal(ls.targetCount, 5);
      assert.equal((await resolutionElements(db.db, ls.id)).length, 4);
      const [ts] = await listResolutions(db.db, await orgId('Đảng bộ phường Từ Sơn'));
      assert.equal(ts.motto, 'Đoàn kết - Dân chủ - Kỷ cương - Đột phá - Phát triển');
    });
  });
}
