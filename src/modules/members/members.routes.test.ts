import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { testEngines } from '../../db/test-harness.js';
import { memberProfile, startTestApp, xlsxOf, type Session, type TestApp } from '../../server/test-app.js';

const profile = (fullName: string, extra: Record<string, unknown> = {}) =>
  memberProfile(fullName, { gender: 'female', education: 'bachelor', theoryLevel: 'intermediate', ...extra });



const HEADER = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên', 'Chi bộ'];

for (const engine of testEngines) {
  describe(`member registry [${engine}]`, () => {
    let t: TestApp;
    let s: Session;
    let ward: number;
    let cell: number;
    let other: number;
    const upload = (orgId: number, content: Buffer) => t.upload(s, `/api/orgs/${orgId}/members/import`, content, 'ds.xlsx');
    const count = async (orgId: number) => (await t.call(s, 'GET', `/api/orgs/${orgId}`)).json().memberCount as number;

    before(async () => {
      t = await startTestApp(engine);
      await t.addUser('clerk', [{ role: 'admin', orgId: null }]);
      s = await t.login('clerk');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(s, name, kind, parentId);
      const province = await found('Đảng bộ tỉnh Bắc Ninh', 'province', null);
      ward = await found('Đảng bộ phường Từ Sơn', 'commune', province);
      cell = await found('Chi bộ khu phố Đông Ngàn', 'cell', ward);
      other = await found('Chi bộ khu phố Tân Hồng', 'cell', ward);
    });
    after(() => t.close());

    test('add members; sorted by given name then family name; unaccented search', async () => {
      for (const name of ['Trần Văn An', 'Nguyễn Thị Hương', 'Đỗ Tuấn Sơn', 'Nguyễn Văn Bình', 'Lê Thị Ánh', 'Phạm Thị Hương']) {
        const r = await t.call(s, 'POST', `/api/orgs/${cell}/members`, profile(name));
        assert.equal(r.statusCode, 201, r.body);
      }
      const list = (await t.call(s, 'GET', `/api/orgs/${ward}/members?sort=name`)).json();
      assert.equal(list.total, 6);
      assert.deepEqual(list.items.map((m: { fullName: string }) => m.fullName), ['Trần Văn An', 'Lê Thị Ánh', 'Nguyễn Văn Bình', 'Nguyễn Thị Hương', 'Phạm Thị Hương', 'Đỗ Tuấn Sơn']);
      const desc = (await t.call(s, 'GET', `/api/orgs/${ward}/members?sort=-name&pageSize=2&page=1`)).json();
      assert.deepEqual(desc.items.map((m: { fullName: string }) => m.fullName), ['Đỗ Tuấn Sơn', 'Phạm Thị Hương']);
      const found = (await t.call(s, 'GET', `/api/orgs/${ward}/members?search=nguyen%20thi%20huong`)).json();
      assert.deepEqual(found.items.map((m: { fullName: string }) => m.fullName), ['Nguyễn Thị Hương']);
      const dd = (await t.call(s, 'GET', `/api/members/search?q=${encodeURIComponent('do tuan son')}`)).json();
      assert.deepEqual(dd.map((m: { fullName: string }) => m.fullName), ['Đỗ Tuấn Sơn'], 'đ is found by d');
      const upper = (await t.call(s, 'GET', `/api/members/search?q=${encodeURIComponent('ĐỖ TUẤN')}`)).json();
      assert.equal(upper.length, 1);
      assert.equal(upper[0].orgName, 'Chi bộ khu phố Đông Ngàn');
      const direct = (await t.call(s, 'GET', `/api/orgs/${ward}/members?scope=direct`)).json();
      assert.equal(direct.total, 0);
    });

    test('probationary members are flagged; bad profiles refused with every problem', async () => {
      const r = await t.call(s, 'POST', `/api/orgs/${cell}/members`, profile('Vũ Thị Mai', { admittedOn: '2026-03-01', officialOn: null }));
      const m = (await t.call(s, 'GET', `/api/members/${r.json().id}`)).json();
      assert.equal(m.probationary, true);
      const bad = await t.call(s, 'POST', `/api/orgs/${cell}/members`, profile('', { birthDate: '2010-01-01', officialOn: '2010-06-01' }));
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().error.details.map((d: { code: string }) => d.code).sort(), ['ADMITTED_UNDER_AGE', 'NAME_REQUIRED', 'PROBATION_TOO_SHORT']);
      const dupCard = await t.call(s, 'POST', `/api/orgs/${cell}/members`, profile('Hồ Văn Card', { cardNumber: '55550001' }));
      assert.equal(dupCard.statusCode, 201);
      const again = await t.call(s, 'POST', `/api/orgs/${other}/members`, profile('Hồ Văn Khác', { cardNumber: '55550001' }));
      assert.equal(again.json().error.code, 'CARD_EXISTS');
    });

    test('XLSX import applies every row or none, reporting all problems', async () => {
      const before = await count(ward);
      const bad = await xlsxOf([
        ['DANH SÁCH ĐẢNG VIÊN'],
        HEADER,
        [1, 'Ngô Văn Tốt', 'Nam', '12/03/1979', 'Kinh', '03/02/2005', '03/02/2006', '70000001', 'Chi bộ khu phố Tân Hồng'],
        [2, 'Hoàng Thị Sai', 'Nữ', '31/02/1980', 'Kinh', '03/02/2005', '', '70000002', ''],
        [3, '', 'X', '01/01/1980', 'Kinh', '03/02/2005', '', '', ''],
        [4, 'Bùi Văn Trùng', 'Nam', '01/01/1980', 'Kinh', '03/02/2005', '', '70000001', 'Chi bộ ma'],
      ]);
      const r = await upload(ward, bad);
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().error.code, 'IMPORT_INVALID');
      assert.deepEqual(
        r.json().error.details.map((d: { row: number; code: string }) => `${d.row}:${d.code}`),
        ['4:DATE_UNREADABLE', '5:GENDER_INVALID', '5:REQUIRED', '6:UNIT_UNKNOWN', '6:CARD_DUPLICATE_IN_FILE'],
      );
      assert.equal(await count(ward), before, 'nothing was imported');

      const good = await xlsxOf([
        HEADER,
        [1, 'Ngô Văn Tốt', 'Nam', '12/03/1979', 'Kinh', '03/02/2005', '03/02/2006', '70000001', 'Chi bộ khu phố Tân Hồng'],
        [2, 'Hoàng Thị Đúng', 'Nữ', '28/02/1980', 'Tày', '03/02/2005', '', '70000002', ''],
        [3, 'Lý Văn Ba', 'nam', '1981-07-07', 'Nùng', '2006-02-03', '2007-02-03', '', 'chi bo khu pho dong ngan'],
      ]);
      const ok = await upload(ward, good);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { imported: 3 });
      assert.equal(await count(ward), before + 3);
      assert.equal(await count(other), 1);
      const direct = (await t.call(s, 'GET', `/api/orgs/${ward}/members?scope=direct`)).json();
      assert.equal(direct.items[0].fullName, 'Hoàng Thị Đúng');
      assert.equal(direct.items[0].probationary, true);
      const twice = await upload(ward, good);
      assert.ok(twice.json().error.details.every((d: { code: string }) => d.code === 'CARD_EXISTS'), 'a second import of the same file is refused');
      assert.equal((await upload(ward, Buffer.from('PK not really'))).json().error.code, 'FILE_NOT_XLSX');
      assert.equal((await upload(ward, await xlsxOf([['Tên', 'Tuổi']]))).json().error.details[0].code, 'COLUMN_MISSING');
    });

    test('export XLSX and CSV; re-import of the export is understood; formulas neutralised', async () => {
      await t.call(s, 'POST', `/api/orgs/${other}/members`, profile('Ngô Thị Công Thức', { hometown: '=HYPERLINK("http://x","y")' }));
      const x = await t.call(s, 'GET', `/api/orgs/${ward}/members.xlsx`);
      assert.equal(x.statusCode, 200);
      assert.match(String(x.headers['content-disposition']), /filename\*=UTF-8''/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const total = (await t.call(s, 'GET', `/api/orgs/${ward}/members`)).json().total;
      assert.equal(ws.rowCount, total + 1);
      const values = ws.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
      assert.ok(values.includes(`'=HYPERLINK("http://x","y")`));
      ws.eachRow((row) => row.eachCell((c) => assert.notEqual(c.type, ExcelJS.ValueType.Formula)));
      const csv = await t.call(s, 'GET', `/api/orgs/${ward}/members.csv`);
      assert.ok(csv.body.startsWith('\uFEFF"STT"'));
      assert.ok(csv.body.includes(`"'=HYPERLINK(""http://x"",""y"")"`));
      assert.equal(csv.body.trim().split('\r\n').length, total + 1);
      // the exported file is itself a valid import (into a fresh unit it only clashes on card numbers)
      const again = await upload(ward, Buffer.from(x.rawPayload));
      assert.ok(again.json().error.details.every((d: { code: string }) => d.code === 'CARD_EXISTS'));
      const template = await t.call(s, 'GET', '/api/members/import-template.xlsx');
      assert.equal(template.statusCode, 200);
    });

    test('transfer keeps history; leaving closes membership; as-of counts follow', async () => {
      const target = (await t.call(s, 'GET', `/api/orgs/${cell}/members?search=tran%20van%20an`)).json().items[0];
      const r = await t.call(s, 'POST', `/api/members/${target.id}/transfer`, { toOrgId: other, effectiveOn: '2026-01-10', note: 'Chuyển nơi cư trú' });
      assert.equal(r.statusCode, 200, r.body);
      const m = (await t.call(s, 'GET', `/api/members/${target.id}`)).json();
      assert.equal(m.orgId, other);
      assert.deepEqual(m.history.map((h: { orgName: string; reason: string; to: string | null }) => [h.orgName, h.reason, h.to]), [
        ['Chi bộ khu phố Đông Ngàn', 'added', '2026-01-10'],
        ['Chi bộ khu phố Tân Hồng', 'transfer', null],
      ]);
      const cellBefore = (await t.call(s, 'GET', `/api/orgs/${cell}?asOf=2026-01-09`)).json().memberCount;
      const cellAfter = (await t.call(s, 'GET', `/api/orgs/${cell}?asOf=2026-01-10`)).json().memberCount;
      assert.equal(cellBefore - cellAfter, 1);
      assert.equal((await t.call(s, 'POST', `/api/members/${target.id}/transfer`, { toOrgId: other, effectiveOn: '2026-01-11' })).json().error.code, 'TRANSFER_SAME_ORG');
      assert.equal((await t.call(s, 'POST', `/api/members/${target.id}/transfer`, { toOrgId: cell, effectiveOn: '2025-01-11' })).json().error.code, 'EVENT_BEFORE_HISTORY');
      const tooEarly = await t.call(s, 'POST', `/api/members/${target.id}/leave`, { effectiveOn: '2026-01-09', reason: 'death' });
      assert.deepEqual([tooEarly.statusCode, tooEarly.json().error.code], [409, 'EVENT_BEFORE_HISTORY']);
      assert.equal(tooEarly.json().error.message, 'Ngày 09/01/2026 sớm hơn ngày bắt đầu sinh hoạt hiện tại (10/01/2026).', 'dates written the Vietnamese way');
      assert.match((await t.call(s, 'POST', `/api/members/${target.id}/leave`, { effectiveOn: '2026-12-01', reason: 'death' })).json().error.message, /01\/12\/2026 ở tương lai/);
      const wardCount = await count(ward);
      const left = await t.call(s, 'POST', `/api/members/${target.id}/leave`, { effectiveOn: '2026-02-01', reason: 'death' });
      assert.equal(left.statusCode, 200);
      assert.equal(await count(ward), wardCount - 1);
      assert.equal((await t.call(s, 'GET', `/api/members/${target.id}`)).json().status, 'left');
      assert.equal((await t.call(s, 'GET', `/api/orgs/${ward}/members?status=left`)).json().total, 1);
      assert.equal((await t.call(s, 'POST', `/api/members/${target.id}/leave`, { effectiveOn: '2026-02-02', reason: 'death' })).json().error.code, 'MEMBER_NOT_ACTIVE');
      assert.equal((await t.call(s, 'POST', `/api/members/${target.id}/leave`, { effectiveOn: '2026-02-02', reason: 'bored' })).statusCode, 400);
    });

    test('editing a profile is audited with before and after', async () => {
      const m = (await t.call(s, 'GET', `/api/orgs/${cell}/members?search=le%20thi%20anh`)).json().items[0];
      const r = await t.call(s, 'PATCH', `/api/members/${m.id}`, profile('Lê Thị Ánh', { position: 'Bí thư chi bộ' }));
      assert.equal(r.statusCode, 200);
      const audit = (await t.call(s, 'GET', '/api/audit?entity=member&pageSize=5')).json().items[0];
      assert.equal(audit.action, 'member.update');
      assert.equal(audit.before.position, null);
      assert.equal(audit.after.position, 'Bí thư chi bộ');
    });
  });
}
