// Merging into a surviving unit and splitting, through POST /api/orgs/:id/events: the tree, counts, members' units and
// the closed sources, as of the day before, the day of and after the effective date, on both engines.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../../db/test-harness.js';
import { memberProfile, startTestApp, type Session, type TestApp } from '../../server/test-app.js';

type Listed = { id: number; name: string; memberCount: number; directMemberCount: number; childCount: number };

for (const engine of testEngines) {
  describe(`merge into a survivor, split [${engine}]`, () => {
    let t: TestApp;
    let s: Session;
    const ids: Record<string, number> = {};
    const members: Record<string, number> = {};
    const found = async (key: string, name: string, kind: string, parentId: number | null, effectiveOn = '2000-01-01') => {
      const r = await t.call(s, 'POST', '/api/orgs', { name, kind, parentId, effectiveOn });
      assert.equal(r.statusCode, 201, r.body);
      return (ids[key] = r.json().id as number);
    };
    const add = async (key: string, orgId: number, fullName: string) => {
      const r = await t.call(s, 'POST', `/api/orgs/${orgId}/members`, memberProfile(fullName));
      assert.equal(r.statusCode, 201, r.body);
      members[key] = r.json().id;
    };
    const children = async (parentId: number, asOf?: string) =>
      ((await t.call(s, 'GET', `/api/orgs?parentId=${parentId}${asOf ? `&asOf=${asOf}` : ''}`)).json() as Listed[]).map((o) => `${o.name}:${o.memberCount}`).sort();
    const org = async (id: number, asOf?: string) => (await t.call(s, 'GET', `/api/orgs/${id}${asOf ? `?asOf=${asOf}` : ''}`)).json();
    const member = async (key: string) => (await t.call(s, 'GET', `/api/members/${members[key]}`)).json();

    before(async () => {
      t = await startTestApp(engine);
      await t.addUser('root', [{ role: 'admin', orgId: null }]);
      s = await t.login('root');
      await found('province', 'Đảng bộ tỉnh Phú Thọ', 'province', null, '1997-01-01');
      for (const [key, ward] of [['a', 'Tiên Cát'], ['b', 'Thọ Sơn'], ['c', 'Thanh Miếu']] as const) {
        await found(key, `Đảng bộ phường ${ward}`, 'commune', ids.province);
        await found(`${key}1`, `Chi bộ khu ${ward}`, 'cell', ids[key]);
      }
      await add('a-direct', ids.a, 'Hà Văn Một');
      await add('a1-x', ids.a1, 'Hà Thị Hai');
      await add('a1-y', ids.a1, 'Hà Văn Ba');
      await add('b-direct', ids.b, 'Đào Văn Bốn');
      await add('b1-x', ids.b1, 'Đào Thị Năm');
      await add('c1-x', ids.c1, 'Kiều Văn Sáu');
    });
    after(() => t.close());

    test('merge two wards into a surviving third', async () => {
      const r = await t.call(s, 'POST', `/api/orgs/${ids.c}/events`, {
        kind: 'merge',
        sourceIds: [ids.a, ids.b],
        effectiveOn: '2025-07-01',
        decision: { number: '1250-QĐ/TU', date: '2025-06-28', issuer: 'Ban Thường vụ Tỉnh ủy Phú Thọ' },
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.ok(r.json().eventId > 0);

      // today: the survivor holds everything, the sources are closed and empty
      const c = await org(ids.c);
      assert.equal(c.name, 'Đảng bộ phường Thanh Miếu', 'the survivor keeps its name');
      assert.equal(c.closedOn, null);
      assert.equal(c.memberCount, 6);
      assert.equal(c.directMemberCount, 2, 'the sources’ own members now sit directly in the survivor');
      assert.deepEqual(c.children.map((x: { id: number }) => x.id).sort(), [ids.a1, ids.b1, ids.c1].sort());
      assert.deepEqual(c.formedFrom.map((x: { name: string }) => x.name).sort(), ['Đảng bộ phường Thọ Sơn', 'Đảng bộ phường Tiên Cát']);
      assert.equal(c.formedFrom[0].decision.number, '1250-QĐ/TU');
      for (const source of [ids.a, ids.b]) {
        const o = await org(source);
        assert.deepEqual([o.closedOn, o.memberCount, o.children.length], ['2025-07-01', 0, 0]);
        assert.deepEqual(o.history.map((h: { kind: string; role: string }) => `${h.kind}:${h.role}`), ['found:founded', 'found:parent', 'merge:source'], 'founded, founded its chi bộ, merged');
      }
      assert.equal((await org(ids.province)).memberCount, 6, 'a merger keeps the province total');
      assert.deepEqual(await children(ids.province), ['Đảng bộ phường Thanh Miếu:6']);

      // members: the sources' own members moved to the survivor, with the history of both units
      const direct = await member('a-direct');
      assert.equal(direct.orgId, ids.c);
      assert.deepEqual(direct.history.map((h: { orgId: number; reason: string; from: string; to: string | null }) => [h.orgId, h.reason, h.to]), [
        [ids.a, 'added', '2025-07-01'],
        [ids.c, 'merge', null],
      ]);
      assert.equal((await member('a1-x')).orgId, ids.a1, 'members of a moved chi bộ stay in it');

      // the day before: the old tree, counts as they were
      assert.deepEqual(await children(ids.province, '2025-06-30'), ['Đảng bộ phường Thanh Miếu:1', 'Đảng bộ phường Thọ Sơn:2', 'Đảng bộ phường Tiên Cát:3']);
      assert.deepEqual(await children(ids.c, '2025-06-30'), ['Chi bộ khu Thanh Miếu:1']);
      assert.deepEqual(await children(ids.a, '2025-06-30'), ['Chi bộ khu Tiên Cát:2']);
      assert.equal((await org(ids.a, '2025-06-30')).memberCount, 3);
      assert.equal((await org(ids.c, '2025-06-30')).memberCount, 1);
      assert.equal((await org(ids.province, '2025-06-30')).memberCount, 6);
      // the day of and after: the new tree
      for (const day of ['2025-07-01', '2025-09-15']) {
        assert.deepEqual(await children(ids.province, day), ['Đảng bộ phường Thanh Miếu:6'], day);
        assert.deepEqual(await children(ids.c, day), ['Chi bộ khu Thanh Miếu:1', 'Chi bộ khu Thọ Sơn:1', 'Chi bộ khu Tiên Cát:2'], day);
        assert.equal((await org(ids.a, day)).memberCount, 0, day);
      }
      const tree = (await t.call(s, 'GET', `/api/orgs/${ids.province}/tree?asOf=2025-06-30`)).json() as { id: number; parentId: number }[];
      assert.equal(tree.find((n) => n.id === ids.a1)!.parentId, ids.a);
      const treeAfter = (await t.call(s, 'GET', `/api/orgs/${ids.province}/tree?asOf=2025-07-01`)).json() as { id: number; parentId: number }[];
      assert.equal(treeAfter.find((n) => n.id === ids.a1)!.parentId, ids.c);
      assert.ok(!treeAfter.some((n) => n.id === ids.a || n.id === ids.b), 'the closed sources are gone from the tree');

      // a closed source takes no further event
      const again = await t.call(s, 'POST', `/api/orgs/${ids.c}/events`, { kind: 'merge', sourceIds: [ids.a], effectiveOn: '2025-08-01' });
      assert.deepEqual([again.statusCode, again.json().error.code], [409, 'ORG_CLOSED']);
    });

    test('split a ward in two: members and sub-units placed as asked, the old ward closed', async () => {
      await found('w', 'Đảng bộ phường Sông Lô', 'commune', ids.province, '2025-07-01');
      await found('w1', 'Chi bộ khu 1', 'cell', ids.w, '2025-07-01');
      await found('w2', 'Chi bộ khu 2', 'cell', ids.w, '2025-07-01');
      await add('w-x', ids.w, 'Triệu Văn Bảy');
      await add('w-y', ids.w, 'Triệu Thị Tám');
      await add('w1-x', ids.w1, 'Triệu Văn Chín');
      await add('w2-x', ids.w2, 'Triệu Thị Mười');
      const r = await t.call(s, 'POST', `/api/orgs/${ids.w}/events`, {
        kind: 'split',
        effectiveOn: '2025-11-01',
        decision: { number: '88-QĐ/TU', date: '2025-10-30', issuer: 'Ban Thường vụ Tỉnh ủy' },
        parts: [
          { name: 'Đảng bộ phường Sông Lô Bắc', kind: 'commune', memberIds: [members['w-x']], childIds: [ids.w1] },
          { name: 'Đảng bộ phường Sông Lô Nam', kind: 'commune', takesRest: true },
        ],
      });
      assert.equal(r.statusCode, 201, r.body);
      const [north, south] = r.json().newIds as number[];

      assert.deepEqual([(await org(ids.w)).closedOn, (await org(ids.w)).memberCount], ['2025-11-01', 0]);
      const n = await org(north);
      const so = await org(south);
      assert.deepEqual([n.memberCount, n.directMemberCount, n.children.map((c: { id: number }) => c.id)], [2, 1, [ids.w1]]);
      assert.deepEqual([so.memberCount, so.directMemberCount, so.children.map((c: { id: number }) => c.id)], [2, 1, [ids.w2]]);
      assert.deepEqual([n.foundedOn, so.foundedOn], ['2025-11-01', '2025-11-01']);
      assert.equal((await member('w-x')).orgId, north);
      assert.equal((await member('w-y')).orgId, south);
      assert.deepEqual((await member('w-y')).history.map((h: { orgId: number; reason: string; to: string | null }) => [h.orgId, h.reason, h.to]), [
        [ids.w, 'added', '2025-11-01'],
        [south, 'split', null],
      ]);

      // the day before: the old ward with everything, the new parts do not exist yet
      const dayBefore = await children(ids.province, '2025-10-31');
      assert.ok(dayBefore.includes('Đảng bộ phường Sông Lô:4'), dayBefore.join());
      assert.ok(!dayBefore.some((x) => x.startsWith('Đảng bộ phường Sông Lô Bắc') || x.startsWith('Đảng bộ phường Sông Lô Nam')));
      assert.deepEqual(await children(ids.w, '2025-10-31'), ['Chi bộ khu 1:1', 'Chi bộ khu 2:1']);
      assert.equal((await org(north, '2025-10-31')).memberCount, 0, 'a part holds nobody before it exists');
      assert.deepEqual((await org(north, '2025-10-31')).children, []);
      // the day of: the two parts, each with what it was given
      const dayOf = await children(ids.province, '2025-11-01');
      assert.ok(dayOf.includes('Đảng bộ phường Sông Lô Bắc:2') && dayOf.includes('Đảng bộ phường Sông Lô Nam:2'), dayOf.join());
      assert.ok(!dayOf.includes('Đảng bộ phường Sông Lô:4'));
      assert.deepEqual(await children(north, '2025-11-01'), ['Chi bộ khu 1:1']);
      assert.deepEqual(await children(south, '2025-11-01'), ['Chi bộ khu 2:1']);
      assert.equal((await org(ids.province, '2025-10-31')).memberCount, (await org(ids.province, '2025-11-01')).memberCount, 'a split keeps the total');
      const history = (await org(ids.w)).history.map((h: { kind: string; role: string }) => `${h.kind}:${h.role}`);
      assert.deepEqual(history, ['found:founded', 'found:parent', 'found:parent', 'split:source']);
      assert.deepEqual((await org(north)).history.map((h: { kind: string; role: string }) => `${h.kind}:${h.role}`), ['split:target']);
    });
  });
}
