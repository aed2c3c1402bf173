import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../../db/test-harness.js';
import { startTestApp, type Session, type TestApp } from '../../server/test-app.js';

const profile = (fullName: string, admittedOn = '2010-05-20') => ({
  fullName,
  gender: 'female',
  birthDate: '1980-01-15',
  ethnicity: 'Kinh',
  religion: null,
  hometown: null,
  education: 'bachelor',
  theoryLevel: 'intermediate',
  admittedOn,
  officialOn: null,
  cardNumber: null,
  position: null,
});

for (const engine of testEngines) {
  describe(`organisation tree with history [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    const ids: Record<string, number> = {};
    const found = async (key: string, body: Record<string, unknown>) => {
      const r = await t.call(admin, 'POST', '/api/orgs', body);
      assert.equal(r.statusCode, 201, r.body);
      ids[key] = r.json().id;
      return ids[key];
    };
    const addMembers = async (orgId: number, n: number, prefix: string) => {
      for (let i = 0; i < n; i++) assert.equal((await t.call(admin, 'POST', `/api/orgs/${orgId}/members`, profile(`${prefix} Thị Hoa ${String.fromCharCode(65 + i)}`))).statusCode, 201);
    };

    before(async () => {
      t = await startTestApp(engine);
      await t.addUser('root', [{ role: 'admin', orgId: null }]);
      admin = await t.login('root');
      await found('province', { name: 'Đảng bộ tỉnh Bắc Ninh', kind: 'province', parentId: null, effectiveOn: '1997-01-01' });
      await found('city', { name: 'Đảng bộ thành phố Từ Sơn', kind: 'district', parentId: ids.province, effectiveOn: '2000-01-01' });
      for (const w of ['Đông Ngàn', 'Đình Bảng', 'Tân Hồng', 'Phù Chẩn']) {
        const k = `ward:${w}`;
        await found(k, { name: `Đảng bộ phường ${w}`, kind: 'commune', parentId: ids.city, effectiveOn: '2000-01-01' });
        await found(`cell:${w}`, { name: `Chi bộ khu phố ${w}`, kind: 'cell', parentId: ids[k], effectiveOn: '2000-01-01' });
        await addMembers(ids[`cell:${w}`], 2, w === 'Đông Ngàn' ? 'Nguyễn' : 'Lê');
        await addMembers(ids[k], 1, 'Phạm');
      }
    });
    after(() => t.close());

    test('subtree counts before the merger', async () => {
      const city = (await t.call(admin, 'GET', `/api/orgs/${ids.city}`)).json();
      assert.equal(city.memberCount, 12);
      assert.equal(city.children.length, 4);
      assert.equal((await t.call(admin, 'GET', `/api/orgs/${ids.province}`)).json().memberCount, 12);
    });

    test('merge four wards into a new ward under the province, dissolve the city', async () => {
      const wardIds = ['Đông Ngàn', 'Đình Bảng', 'Tân Hồng', 'Phù Chẩn'].map((w) => ids[`ward:${w}`]);
      const tuSon = await found('tuSon', {
        name: 'Đảng bộ phường Từ Sơn',
        kind: 'commune',
        parentId: ids.province,
        effectiveOn: '2025-07-01',
        decision: { number: '2314-QĐ/TU', date: '2025-06-30', issuer: 'Ban Thường vụ Tỉnh ủy Bắc Ninh' },
        mergeFromIds: wardIds,
      });
      const d = await t.call(admin, 'POST', `/api/orgs/${ids.city}/events`, { kind: 'dissolve', effectiveOn: '2025-07-01' });
      assert.equal(d.statusCode, 201, d.body);
      const org = (await t.call(admin, 'GET', `/api/orgs/${tuSon}`)).json();
      assert.equal(org.memberCount, 12, 'members and sub-units moved with the merger');
      assert.equal(org.directMemberCount, 4);
      assert.equal(org.children.length, 4, 'the four chi bộ now sit under Từ Sơn');
      assert.deepEqual(org.formedFrom.map((f: { name: string }) => f.name).sort(), ['Đảng bộ phường Phù Chẩn', 'Đảng bộ phường Tân Hồng', 'Đảng bộ phường Đình Bảng', 'Đảng bộ phường Đông Ngàn'].sort());
      assert.equal(org.formedFrom[0].effectiveOn, '2025-07-01');
      assert.equal(org.formedFrom[0].decision.number, '2314-QĐ/TU');
      const ward = (await t.call(admin, 'GET', `/api/orgs/${wardIds[0]}`)).json();
      assert.equal(ward.closedOn, '2025-07-01');
      assert.equal(ward.memberCount, 0);
      assert.equal((await t.call(admin, 'GET', `/api/orgs/${ids.province}`)).json().memberCount, 12, 'a merger keeps the province total');
    });

    test('as-of queries show the tree before and after the merger', async () => {
      const before = (await t.call(admin, 'GET', `/api/orgs?asOf=2025-06-30&parentId=${ids.province}`)).json();
      assert.deepEqual(before.map((o: { name: string }) => o.name), ['Đảng bộ thành phố Từ Sơn']);
      assert.equal(before[0].memberCount, 12);
      const wardsBefore = (await t.call(admin, 'GET', `/api/orgs?asOf=2025-06-30&parentId=${ids.city}`)).json();
      assert.equal(wardsBefore.length, 4);
      assert.ok(wardsBefore.every((w: { memberCount: number }) => w.memberCount === 3));
      const after = (await t.call(admin, 'GET', `/api/orgs?asOf=2025-07-01&parentId=${ids.province}`)).json();
      assert.deepEqual(after.map((o: { name: string }) => o.name), ['Đảng bộ phường Từ Sơn']);
      assert.equal(after[0].memberCount, 12);
      const tree = (await t.call(admin, 'GET', `/api/orgs/${ids.province}/tree?asOf=2025-06-30`)).json();
      assert.equal(tree.length, 1 + 1 + 4 + 4);
      // one level at a time: each node says whether it opens; a search names units as they were, with their parent then
      assert.deepEqual([before[0].childCount, wardsBefore[0].childCount], [4, 1]);
      const searched = (await t.call(admin, 'GET', '/api/orgs?asOf=2025-06-30&search=dong%20ngan')).json() as { name: string; memberCount: number; parentName: string }[];
      assert.deepEqual(searched.map((o) => [o.name, o.memberCount, o.parentName]), [
        ['Chi bộ khu phố Đông Ngàn', 2, 'Đảng bộ phường Đông Ngàn'],
        ['Đảng bộ phường Đông Ngàn', 3, 'Đảng bộ thành phố Từ Sơn'],
      ]);
      assert.deepEqual((await t.call(admin, 'GET', '/api/orgs?asOf=2025-06-30&kind=commune&limit=2')).json().length, 2);
      const before2000 = (await t.call(admin, 'GET', `/api/orgs/${ids.city}?asOf=1999-12-31`)).json();
      assert.equal(before2000.memberCount, 0);
      // the top of the past tree is the top of what the user may see: the province for the admin, their ward for a ward's clerk
      assert.deepEqual(((await t.call(admin, 'GET', '/api/orgs?asOf=2025-07-01&roots=true')).json() as { id: number }[]).map((o) => o.id), [ids.province]);
      await t.addUser('ward-clerk', [{ role: 'office', orgId: ids.tuSon }]);
      const clerk = await t.login('ward-clerk');
      const mine = (await t.call(clerk, 'GET', '/api/orgs?asOf=2025-07-01&roots=true')).json() as { id: number; childCount: number }[];
      assert.deepEqual(mine.map((o) => o.id), [ids.tuSon]);
      assert.ok(mine[0].childCount > 0, 'and it opens');
    });

    test('rename and move keep history; as-of shows the old name', async () => {
      const cell = ids['cell:Đông Ngàn'];
      const r = await t.call(admin, 'POST', `/api/orgs/${cell}/events`, { kind: 'rename', newName: 'Chi bộ khu phố 1', effectiveOn: '2025-08-01' });
      assert.equal(r.statusCode, 201, r.body);
      const m = await t.call(admin, 'POST', `/api/orgs/${cell}/events`, { kind: 'move', newParentId: ids.province, effectiveOn: '2025-09-01' });
      assert.equal(m.statusCode, 409, 'a chi bộ cannot sit directly under a province');
      assert.equal(m.json().error.code, 'KIND_NOT_ALLOWED_UNDER_PARENT');
      const old = (await t.call(admin, 'GET', `/api/orgs?asOf=2025-07-15&parentId=${ids.tuSon}`)).json();
      assert.ok(old.some((o: { name: string }) => o.name === 'Chi bộ khu phố Đông Ngàn'));
      const now = (await t.call(admin, 'GET', `/api/orgs?parentId=${ids.tuSon}`)).json();
      assert.ok(now.some((o: { name: string }) => o.name === 'Chi bộ khu phố 1'));
      const detail = (await t.call(admin, 'GET', `/api/orgs/${cell}`)).json();
      assert.deepEqual(detail.names.map((n: { name: string }) => n.name), ['Chi bộ khu phố Đông Ngàn', 'Chi bộ khu phố Đông Ngàn', 'Chi bộ khu phố 1']);
      assert.deepEqual(detail.history.map((h: { kind: string }) => h.kind), ['found', 'rename']);
      assert.equal(detail.names[1].parentName, 'Đảng bộ phường Từ Sơn', 'the merger moved the chi bộ under the new ward');
    });

    test('a move re-roots the whole subtree', async () => {
      const p2 = await found('province2', { name: 'Đảng bộ tỉnh Lạng Sơn', kind: 'province', parentId: null, effectiveOn: '1997-01-01' });
      const r = await t.call(admin, 'POST', `/api/orgs/${ids.tuSon}/events`, { kind: 'move', newParentId: p2, effectiveOn: '2025-10-01' });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal((await t.call(admin, 'GET', `/api/orgs/${p2}`)).json().memberCount, 12);
      assert.equal((await t.call(admin, 'GET', `/api/orgs/${ids.province}`)).json().memberCount, 0);
      const cellDetail = (await t.call(admin, 'GET', `/api/orgs/${ids['cell:Tân Hồng']}`)).json();
      assert.deepEqual(cellDetail.ancestors.map((a: { id: number }) => a.id), [p2, ids.tuSon]);
      // as of the day between the two moves the ward sits under the second province, before and after under the first
      const under = async (asOf: string, parentId: number) => ((await t.call(admin, 'GET', `/api/orgs?asOf=${asOf}&parentId=${parentId}`)).json() as { id: number }[]).some((o) => o.id === ids.tuSon);
      const back = await t.call(admin, 'POST', `/api/orgs/${ids.tuSon}/events`, { kind: 'move', newParentId: ids.province, effectiveOn: '2025-10-02' });
      assert.equal(back.statusCode, 201);
      assert.equal((await t.call(admin, 'GET', `/api/orgs/${ids.province}`)).json().memberCount, 12);
      assert.deepEqual([await under('2025-09-30', ids.province), await under('2025-09-30', p2)], [true, false], 'before the first move');
      assert.deepEqual([await under('2025-10-01', ids.province), await under('2025-10-01', p2)], [false, true], 'between the moves');
    });

    test('a unit dissolved into another hands over its members and sub-units', async () => {
      const from = await found('dissolving', { name: 'Đảng bộ phường Giải Thể', kind: 'commune', parentId: ids.province, effectiveOn: '2025-10-01' });
      const sub = await found('dissolving-cell', { name: 'Chi bộ khu Giải Thể', kind: 'cell', parentId: from, effectiveOn: '2025-10-01' });
      await addMembers(sub, 3, 'Vũ');
      const receiver = await found('receiving', { name: 'Đảng bộ phường Tiếp Nhận', kind: 'commune', parentId: ids.province, effectiveOn: '2025-10-01' });
      const r = await t.call(admin, 'POST', `/api/orgs/${from}/events`, { kind: 'dissolve', transferToId: receiver, effectiveOn: '2025-10-05', decision: { number: '31-QĐ/TU', date: '2025-10-04', issuer: 'Ban Thường vụ Tỉnh ủy' } });
      assert.equal(r.statusCode, 201, r.body);
      const closed = (await t.call(admin, 'GET', `/api/orgs/${from}`)).json();
      assert.equal(closed.closedOn, '2025-10-05');
      assert.deepEqual((await t.call(admin, 'GET', `/api/orgs/${sub}`)).json().ancestors.map((a: { id: number }) => a.id).at(-1), receiver);
      assert.equal((await t.call(admin, 'GET', `/api/orgs/${receiver}`)).json().memberCount, 3);
    });

    test('split a chi bộ into two; members placed as asked', async () => {
      const cell = ids['cell:Tân Hồng'];
      const members = (await t.call(admin, 'GET', `/api/orgs/${cell}/members?scope=direct`)).json().items;
      assert.equal(members.length, 2);
      const r = await t.call(admin, 'POST', `/api/orgs/${cell}/events`, {
        kind: 'split',
        effectiveOn: '2025-11-01',
        parts: [
          { name: 'Chi bộ khu phố 2A', kind: 'cell', memberIds: [members[0].id] },
          { name: 'Chi bộ khu phố 2B', kind: 'cell', takesRest: true },
        ],
      });
      assert.equal(r.statusCode, 201, r.body);
      const [a, b] = r.json().newIds;
      assert.equal((await t.call(admin, 'GET', `/api/orgs/${a}`)).json().memberCount, 1);
      assert.equal((await t.call(admin, 'GET', `/api/orgs/${b}`)).json().memberCount, 1);
      assert.equal((await t.call(admin, 'GET', `/api/orgs/${ids.tuSon}`)).json().memberCount, 12);
      const old = (await t.call(admin, 'GET', `/api/orgs/${cell}?asOf=2025-10-31`)).json();
      assert.equal(old.memberCount, 2, 'before the split the old chi bộ held both');
    });

    test('bad restructuring requests get clear errors and write nothing', async () => {
      const auditBefore = (await t.call(admin, 'GET', '/api/audit?pageSize=1')).json().total;
      const cases: [string, unknown, number, string][] = [
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'merge', sourceIds: [ids.tuSon], effectiveOn: '2025-12-01' }, 409, 'MERGE_INTO_ITSELF'],
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'merge', sourceIds: [ids['ward:Đông Ngàn']], effectiveOn: '2025-12-01' }, 409, 'ORG_CLOSED'],
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'rename', newName: 'X Y', effectiveOn: '2030-01-01' }, 409, 'EVENT_IN_FUTURE'],
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'rename', newName: 'X Y', effectiveOn: '2024-01-01' }, 409, 'EVENT_BEFORE_HISTORY'],
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'rename', newName: 'X Y', effectiveOn: '2025-02-30' }, 400, 'VALIDATION_FAILED'],
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'explode', effectiveOn: '2025-12-01' }, 400, 'VALIDATION_FAILED'],
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'dissolve', effectiveOn: '2025-12-01' }, 409, 'ORG_NOT_EMPTY'],
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'rename', newName: 'X Y', effectiveOn: '2025-12-01', decision: { number: 'bad number' } }, 400, 'VALIDATION_FAILED'],
        ['/api/orgs/999999/events', { kind: 'rename', newName: 'X Y', effectiveOn: '2025-12-01' }, 404, 'NOT_FOUND'],
        ['/api/orgs', { name: 'Chi bộ mồ côi', kind: 'cell', parentId: null, effectiveOn: '2025-12-01' }, 409, 'KIND_NOT_ALLOWED_AT_ROOT'],
        ['/api/orgs', { name: 'Z', kind: 'cell', parentId: ids.tuSon, effectiveOn: '2025-12-01' }, 400, 'VALIDATION_FAILED'],
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'rename', newName: 'X Y', effectiveOn: '2025-12-01', decision: { number: '12-QĐ/TU', date: '2099-01-01' } }, 400, 'DECISION_DATE_IN_FUTURE'],
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'merge', sourceIds: [ids['cell:Phù Chẩn']], effectiveOn: '2025-12-01', decision: { number: '12-QĐ/TU', date: '1800-01-01' } }, 400, 'DECISION_DATE_BEFORE_PARTY'],
        [`/api/orgs/${ids.tuSon}/events`, { kind: 'dissolve', effectiveOn: '2025-12-01', decision: { date: '2026-11-21' } }, 400, 'DECISION_DATE_IN_FUTURE'],
        ['/api/orgs', { name: 'Chi bộ Tương Lai', kind: 'cell', parentId: ids.tuSon, effectiveOn: '2025-12-01', decision: { number: '12-QĐ/ĐU', date: '2099-01-01' } }, 400, 'DECISION_DATE_IN_FUTURE'],
      ];
      for (const [url, body, status, code] of cases) {
        const r = await t.call(admin, 'POST', url, body);
        assert.equal(r.statusCode, status, `${JSON.stringify(body)} → ${r.body}`);
        assert.equal(r.json().error.code, code);
        assert.ok(r.json().error.message.length > 5);
      }
      assert.equal((await t.call(admin, 'GET', '/api/audit?pageSize=1')).json().total, auditBefore, 'nothing was written');
      // messages name the unit and write dates the Vietnamese way
      const closed = await t.call(admin, 'POST', `/api/orgs/${ids.tuSon}/events`, { kind: 'merge', sourceIds: [ids['ward:Đông Ngàn']], effectiveOn: '2025-12-01' });
      assert.match(closed.json().error.message, /^Đảng bộ phường Đông Ngàn đã giải thể hoặc sáp nhập ngày \d{2}\/\d{2}\/\d{4}\.$/);
      // a body of one kind is told what is wrong with that kind only, in one or two sentences
      const noName = await t.call(admin, 'POST', `/api/orgs/${ids.tuSon}/events`, { kind: 'rename', effectiveOn: '2025-12-01', decision: { number: 'bad' } });
      assert.equal(noName.json().error.message, 'Dữ liệu gửi lên (nội dung) không hợp lệ: Thiếu trường bắt buộc "newName". Trường "decision.number" không đúng định dạng.');
      const noKind = await t.call(admin, 'POST', `/api/orgs/${ids.tuSon}/events`, { kind: 'explode', effectiveOn: '2025-12-01' });
      assert.equal(noKind.json().error.message, 'Dữ liệu gửi lên (nội dung) không hợp lệ: Trường "kind" phải là một trong: rename, move, merge, split, dissolve.');
      // a decision dated on a day that does not exist
      const badDay = await t.call(admin, 'POST', `/api/orgs/${ids.tuSon}/events`, { kind: 'rename', newName: 'X Y', effectiveOn: '2025-12-01', decision: { number: '12-QĐ/TU', date: '2025-13-45' } });
      assert.deepEqual([badDay.statusCode, badDay.json().error.code], [400, 'VALIDATION_FAILED']);
      // a closed unit's record is not edited
      const edit = await t.call(admin, 'PATCH', `/api/orgs/${ids['ward:Đông Ngàn']}`, { adminUnit: 'phường Đông Ngàn' });
      assert.deepEqual([edit.statusCode, edit.json().error.code], [409, 'ORG_CLOSED']);
      // a ward with a chi bộ merged into a chi bộ: the chi bộ cannot take in the sub-unit
      const ward = (await t.call(admin, 'POST', '/api/orgs', { name: 'Đảng bộ phường Thử Ghép', kind: 'commune', parentId: ids.province, effectiveOn: '2025-11-01' })).json().id;
      await t.call(admin, 'POST', '/api/orgs', { name: 'Chi bộ khu Thử Ghép', kind: 'cell', parentId: ward, effectiveOn: '2025-11-01' });
      const cell = (await t.call(admin, 'POST', '/api/orgs', { name: 'Chi bộ khu Nhận', kind: 'cell', parentId: ids.tuSon, effectiveOn: '2025-11-01' })).json().id;
      const wrongKind = await t.call(admin, 'POST', `/api/orgs/${cell}/events`, { kind: 'merge', sourceIds: [ward], effectiveOn: '2025-12-01' });
      assert.deepEqual([wrongKind.statusCode, wrongKind.json().error.code], [409, 'KIND_NOT_ALLOWED_UNDER_PARENT']);
      assert.match(wrongKind.json().error.message, /Chi bộ khu Thử Ghép không thể trực thuộc Chi bộ khu Nhận/);
      const dissolveInto = await t.call(admin, 'POST', `/api/orgs/${ward}/events`, { kind: 'dissolve', transferToId: cell, effectiveOn: '2025-12-01' });
      assert.deepEqual([dissolveInto.statusCode, dissolveInto.json().error.code], [409, 'KIND_NOT_ALLOWED_UNDER_PARENT']);
      assert.equal((await t.call(admin, 'GET', '/api/orgs/abc')).statusCode, 400);
      assert.equal((await t.call(admin, 'GET', '/api/orgs?asOf=2025-99-99')).statusCode, 400);
    });

    test('search by unaccented name; the audit log records restructuring with before/after', async () => {
      const found = (await t.call(admin, 'GET', '/api/orgs?search=tu%20son')).json();
      assert.ok(found.some((o: { name: string }) => o.name === 'Đảng bộ phường Từ Sơn'));
      const dong = (await t.call(admin, 'GET', '/api/orgs?search=dong%20ngan&includeClosed=true')).json();
      assert.ok(dong.some((o: { name: string }) => o.name === 'Đảng bộ phường Đông Ngàn'));
      const audit = (await t.call(admin, 'GET', '/api/audit?pageSize=100&entity=organization')).json();
      const rename = audit.items.find((a: { action: string }) => a.action === 'org.rename');
      assert.equal(rename.before.name, 'Chi bộ khu phố Đông Ngàn');
      assert.equal(rename.after.newName, 'Chi bộ khu phố 1');
      assert.equal(rename.actor, 'root');
      // a merge and a split record what the units held before, so either can be reconstructed from the log
      const merge = audit.items.find((a: { action: string }) => a.action === 'org.merge');
      assert.equal(merge.before.length, 1 + merge.after.sourceIds.length);
      const sourcesBefore = merge.before.slice(1) as { memberIds: number[]; closedOn: string | null }[];
      assert.equal(sourcesBefore.reduce((n, x) => n + x.memberIds.length, 0), merge.after.movedMembers);
      assert.ok(sourcesBefore.every((x) => x.closedOn === null), 'open before the merge');
      const split = audit.items.find((a: { action: string }) => a.action === 'org.split');
      assert.ok(split.before[0].memberIds.length > 0);
      const dissolve = audit.items.find((a: { action: string }) => a.action === 'org.dissolve');
      assert.ok(Array.isArray(dissolve.before[0].childIds));
    });
  });
}
