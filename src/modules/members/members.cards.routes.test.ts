// A party card number belongs to one member: create, edit and import refuse a taken one with CARD_EXISTS — also when
// another request wrote it between the route's check and its insert (the unique index decides; never a 500).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../../db/test-harness.js';
import { memberProfile, startTestApp, xlsxOf, type Session, type TestApp } from '../../server/test-app.js';
import { MEMBER_COLUMNS } from './members.import.js';

for (const engine of testEngines) {
  describe(`card numbers are unique [${engine}]`, () => {
    let t: TestApp;
    let s: Session;
    let cell: number;
    const members = async () => (await t.call(s, 'GET', `/api/orgs/${cell}/members?pageSize=200`)).json().total as number;

    before(async () => {
      t = await startTestApp(engine);
      await t.addUser('clerk', [{ role: 'admin', orgId: null }]);
      s = await t.login('clerk');
      const ward = (await t.call(s, 'POST', '/api/orgs', { name: 'Đảng bộ phường Phù Vân', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' })).json().id;
      cell = (await t.call(s, 'POST', '/api/orgs', { name: 'Chi bộ khu 1', kind: 'cell', parentId: ward, effectiveOn: '2025-07-01' })).json().id;
    });
    after(() => t.close());

    test('create, edit and import each refuse a card number in use', async () => {
      const first = await t.call(s, 'POST', `/api/orgs/${cell}/members`, memberProfile('Phạm Văn Một', { cardNumber: '60000001' }));
      assert.equal(first.statusCode, 201);
      const second = await t.call(s, 'POST', `/api/orgs/${cell}/members`, memberProfile('Phạm Văn Hai', { cardNumber: '60000002' }));
      const dupCreate = await t.call(s, 'POST', `/api/orgs/${cell}/members`, memberProfile('Phạm Văn Ba', { cardNumber: '60000001' }));
      assert.deepEqual([dupCreate.statusCode, dupCreate.json().error.code], [409, 'CARD_EXISTS']);
      assert.equal(dupCreate.json().error.message, 'Số thẻ 60000001 đã có trong danh sách đảng viên.');
      const dupEdit = await t.call(s, 'PATCH', `/api/members/${second.json().id}`, memberProfile('Phạm Văn Hai', { cardNumber: '60000001' }));
      assert.deepEqual([dupEdit.statusCode, dupEdit.json().error.code], [409, 'CARD_EXISTS']);
      const keepOwn = await t.call(s, 'PATCH', `/api/members/${first.json().id}`, memberProfile('Phạm Văn Một', { cardNumber: '60000001', position: 'Bí thư' }));
      assert.equal(keepOwn.statusCode, 200, 'a member keeps their own number');
      const file = await xlsxOf([MEMBER_COLUMNS.map(([, h]) => h), ['Phạm Văn Bốn', 'Nam', '01/01/1980', 'Kinh', '', '', '', '', '01/01/2010', '01/01/2011', '60000002', '', '']]);
      const dupImport = await t.upload(s, `/api/orgs/${cell}/members/import`, file);
      assert.equal(dupImport.statusCode, 400);
      assert.deepEqual(dupImport.json().error.details.map((d: { row: number; code: string }) => [d.row, d.code]), [[2, 'CARD_EXISTS']]);
    });

    test('the same new card number sent by several clerks at once: one member, the others told CARD_EXISTS', async () => {
      const before = await members();
      const replies = await Promise.all(['An', 'Bình', 'Chi', 'Dũng', 'Giang'].map((given) => t.call(s, 'POST', `/api/orgs/${cell}/members`, memberProfile(`Hoàng Văn ${given}`, { cardNumber: '61000001' }))));
      assert.deepEqual(replies.map((r) => r.statusCode).sort(), [201, 409, 409, 409, 409], replies.map((r) => r.body).join('\n'));
      assert.ok(replies.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'CARD_EXISTS'));
      assert.equal(await members(), before + 1);
    });

    test('a card written by another transaction after the check, before the insert, is CARD_EXISTS and nothing is written', { skip: engine !== 'postgres' && 'SQLite runs one write transaction at a time' }, async () => {
      const before = await members();
      const auditBefore = (await t.call(s, 'GET', '/api/audit?pageSize=1')).json().total;
      let raced: Promise<{ statusCode: number; json(): any }> | undefined;
      // hold an uncommitted member with the card: the route's check cannot see it, its insert waits on the unique index
      await t.database.db.transaction().execute(async (trx) => {
        const now = new Date().toISOString();
        await trx
          .insertInto('members')
          .values({ org_id: cell, full_name: 'Lý Thị Trước', search_name: 'ly thi truoc', sort_key: 'truoc', gender: 'female', birth_date: '1980-01-01', ethnicity: 'Kinh', admitted_on: '2010-01-01', status: 'active', card_number: '62000001', created_at: now, updated_at: now } as never)
          .execute();
        raced = t.call(s, 'POST', `/api/orgs/${cell}/members`, memberProfile('Lý Văn Sau', { cardNumber: '62000001' }));
        await new Promise((r) => setTimeout(r, 500));
      });
      const r = await raced!;
      assert.deepEqual([r.statusCode, r.json().error.code], [409, 'CARD_EXISTS'], JSON.stringify(r.json()));
      assert.equal(r.json().error.message, 'Số thẻ 62000001 đã có trong danh sách đảng viên.');
      assert.equal(await members(), before + 1, 'only the other transaction’s member');
      assert.equal((await t.call(s, 'GET', `/api/orgs/${cell}/members?search=ly%20van%20sau`)).json().total, 0);
      assert.equal((await t.call(s, 'GET', '/api/audit?pageSize=1')).json().total, auditBefore);
    });
  });
}
