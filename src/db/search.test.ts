import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshDatabase, testEngines, type TestDatabase } from './test-harness.js';
import { matchesEveryWord, searchWords } from './search.js';

for (const engine of testEngines) {
  describe(`word-prefix search in SQL (${engine})`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await freshDatabase(engine);
      await db.db.insertInto('organizations').values({ name: 'Chi bộ', search_name: 'chi bo', kind: 'cell', admin_unit: null, parent_id: null, path: '/1/', depth: 0, founded_on: '2025-01-01', closed_on: null, direct_member_count: 0, created_at: 'x', updated_at: 'x' } as never).execute();
    });
    after(() => db.drop());

    const names = async (text: string) => {
      let q = db.db.selectFrom('organizations').select('name');
      for (const c of matchesEveryWord(db.db, 'search_name', searchWords(text))) q = q.where(c);
      return (await q.execute()).map((r) => r.name);
    };

    it('matches word starts only, every word, with LIKE wildcards taken literally', async () => {
      await db.db.updateTable('organizations').set({ name: 'Nguyễn Thị Phương', search_name: 'nguyen thi phuong' }).execute();
      assert.deepEqual(await names('phuong'), ['Nguyễn Thị Phương']);
      assert.deepEqual(await names('huong'), []);
      assert.deepEqual(await names('thi ng'), ['Nguyễn Thị Phương'], 'whole words, then the start of the last');
      assert.deepEqual(await names('nguyen thi phuo'), ['Nguyễn Thị Phương']);
      assert.deepEqual(await names('th phuong'), [], 'words before the last are whole words');
      assert.deepEqual(await names('thi xx'), []);
      assert.deepEqual(await names('%'), []);
      assert.deepEqual(await names('_guyen'), []);
    });

    if (engine === 'postgres') {
      it('uses the indexes of migration 0004 (the query expressions match the indexes)', async () => {
        // on a table this small the planner would rather scan the whole covering btree of migration 0017 (which subtree
        // searches use); it is set aside inside a transaction that is rolled back, so the word indexes are compared alone
        const plan = async (words: string[]) => {
          let text = '';
          await db.db
            .transaction()
            .execute(async (c) => {
              await sql`drop index if exists members_org_status_search`.execute(c);
              await sql`set local enable_seqscan = off`.execute(c);
              const where = matchesEveryWord(c, 'search_name', words);
              const r = await sql<{ 'QUERY PLAN': string }>`explain select id from members where ${sql.join(where, sql` and `)}`.execute(c);
              text = r.rows.map((x) => x['QUERY PLAN']).join('\n');
              throw new Error('rollback');
            })
            .catch((e) => {
              if ((e as Error).message !== 'rollback') throw e;
            });
          return text;
        };
        assert.match(await plan(['huong']), /members_search_words/);
        assert.match(await plan(['nguyen', 'thi', 'huong']), /members_search_word_list/);
      });
    }
  });
}
