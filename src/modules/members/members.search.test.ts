// Name search inside a subtree (listMembers, the contract route's query): the same answers as the in-memory rule on
// both engines, the total beside the page, and on PostgreSQL a plan through the covering index of migration 0017 rather
// than the country-wide word indexes.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshDatabase, testEngines, type TestDatabase } from '../../db/test-harness.js';
import { nameMatchesWords, searchWords, compareVietnameseNames } from '../../shared/vietnamese.js';
import { insertOrg } from '../orgs/orgs.store.js';
import { insertMembers, listMembers, memberPageQuery, searchMembers, type MemberListQuery } from './members.store.js';
import { memberProfile } from '../../server/test-fixtures.js';
import type { MemberProfile } from './members.rules.js';

const NAMES = ['Nguyễn Thị Hương', 'Phạm Thị Hương', 'Trần Văn Phương', 'Lê Hương Giang', 'Đỗ Tuấn Sơn', 'Nguyễn Văn Hùng', 'Hà Thị Hân', 'Trần Khánh Hân', 'Trần Khánh Hằng', 'Hứa Văn An', 'Nguyễn Hữu Hạnh', 'Đặng Thị Đào'];
const QUERIES = ['huong', 'hương', 'nguyen thi huong', 'han', 'tran khanh', 'tran khanh han', 'khanh h', 'd', 'dao', 'ng', 'hu', 'van', 'x', 'thi huo'];

for (const engine of testEngines) {
  describe(`member search inside a subtree [${engine}]`, () => {
    let database: TestDatabase;
    let province: { id: number; path: string };
    let ward: { id: number; path: string };
    const query = (orgId: number, orgPath: string, search: string, extra: Partial<MemberListQuery> = {}): MemberListQuery => ({ orgId, orgPath, scope: 'subtree', status: 'active', search, sort: 'name', page: 1, pageSize: 100, ...extra });

    before(async () => {
      database = await freshDatabase(engine);
      const now = new Date().toISOString();
      const p = await insertOrg(database.db, { name: 'Đảng bộ tỉnh Bắc Ninh', kind: 'province', parentId: null, foundedOn: '2000-01-01' }, now);
      const w = await insertOrg(database.db, { name: 'Đảng bộ phường Từ Sơn', kind: 'commune', parentId: p, foundedOn: '2000-01-01' }, now);
      const c = await insertOrg(database.db, { name: 'Chi bộ khu 1', kind: 'cell', parentId: w, foundedOn: '2000-01-01' }, now);
      const other = await insertOrg(database.db, { name: 'Đảng bộ tỉnh Lạng Sơn', kind: 'province', parentId: null, foundedOn: '2000-01-01' }, now);
      const rows = NAMES.flatMap((n, i) => [
        { orgId: i % 2 ? c : w, profile: memberProfile(n) as MemberProfile },
        { orgId: other, profile: memberProfile(n) as MemberProfile },
      ]);
      await insertMembers(database.db, rows, 'added', now);
      const path = async (id: number) => (await database.db.selectFrom('organizations').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
      province = { id: p, path: await path(p) };
      ward = { id: w, path: await path(w) };
    });
    after(() => database.drop());

    test('the same members as the in-memory rule, in Vietnamese order, with the total', async () => {
      for (const text of QUERIES) {
        const expected = NAMES.filter((n) => nameMatchesWords(n, searchWords(text))).sort(compareVietnameseNames);
        const got = await listMembers(database.db, query(province.id, province.path, text));
        assert.deepEqual(got.items.map((m) => m.fullName), expected, text);
        assert.equal(got.total, expected.length, text);
        const desc = await listMembers(database.db, query(province.id, province.path, text, { sort: '-name', pageSize: 2, page: 2 }));
        assert.deepEqual(desc.items.map((m) => m.fullName), [...expected].reverse().slice(2, 4), `${text}, reversed, page 2`);
        assert.equal(desc.total, expected.length);
        const global = await searchMembers(database.db, text, [province.path], 100);
        assert.deepEqual(global.map((m) => m.fullName), expected, `search box: ${text}`);
        const everywhere = await searchMembers(database.db, text, 'all', 100);
        assert.equal(everywhere.length, expected.length * 2, `search box, every province: ${text}`);
      }
      const inWard = await listMembers(database.db, query(ward.id, ward.path, 'han'));
      assert.ok(inWard.items.every((m) => m.orgName === 'Đảng bộ phường Từ Sơn' || m.orgName === 'Chi bộ khu 1'));
    });

    test('pages carry the total; a page past the end still says how many there are', async () => {
      const first = await listMembers(database.db, query(province.id, province.path, '', { pageSize: 5 }));
      assert.deepEqual([first.total, first.items.length], [NAMES.length, 5]);
      const last = await listMembers(database.db, query(province.id, province.path, '', { pageSize: 5, page: 3 }));
      assert.deepEqual([last.total, last.items.length], [NAMES.length, 2]);
      const beyond = await listMembers(database.db, query(province.id, province.path, 'huong', { pageSize: 5, page: 9 }));
      assert.deepEqual([beyond.total, beyond.items.length], [3, 0]);
    });

    test('PostgreSQL plans a subtree search through the covering index, not the country-wide word indexes', { skip: engine !== 'postgres' && 'PostgreSQL plans only' }, async () => {
      await database.db.transaction().execute(async (trx) => {
        // with a table this small a sequential scan wins; without it the planner shows which index it would take
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`analyze members`.execute(trx);
        for (const text of ['han', 'tran khanh han']) {
          const compiled = memberPageQuery(trx, query(province.id, province.path, text)).compile();
          const plan = (await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(compiled.sql.replace(/\$(\d+)/g, (_: string, i: string) => literal(compiled.parameters[Number(i) - 1])))}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
          assert.match(plan, /members_org_status_search/, plan);
          assert.doesNotMatch(plan, /members_search_words|members_search_word_list/, plan);
        }
      });
    });
  });
}

const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
