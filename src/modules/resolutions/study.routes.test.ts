import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../../db/test-harness.js';
import { memberProfile, startTestApp, xlsxOf, type Session, type TestApp } from '../../server/test-app.js';

const member = (fullName: string, cardNumber: string | null = null) => memberProfile(fullName, { cardNumber });



for (const engine of testEngines) {
  describe(`resolution studying [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let wardOffice: Session;
    let cellOffice: Session;
    let otherOffice: Session;
    const f: Record<string, number> = {};
    const m: Record<string, number> = {};
    const auditActions = async () => (await t.database.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);
    const upload = (s: Session, sessionId: number, content: Buffer) => t.upload(s, `/api/study-sessions/${sessionId}/attendance/import`, content, 'diem-danh.xlsx');

    before(async () => {
      t = await startTestApp(engine, { today: '2025-10-01' });
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      f.province = await found('Đảng bộ tỉnh Phú Thọ', 'province', null);
      f.ward = await found('Đảng bộ phường Thanh Miếu', 'commune', f.province);
      f.cell1 = await found('Chi bộ khu 1', 'cell', f.ward);
      f.cell2 = await found('Chi bộ khu 2', 'cell', f.ward);
      f.other = await found('Đảng bộ phường Việt Trì', 'commune', f.province);
      const add = async (orgId: number, name: string, card: string | null = null) => (await t.call(admin, 'POST', `/api/orgs/${orgId}/members`, member(name, card))).json().id as number;
      m.a = await add(f.cell1, 'Nguyễn Văn An', '01000001');
      m.b = await add(f.cell1, 'Trần Thị Bình', '01000002');
      m.c = await add(f.cell2, 'Lê Văn Cường', '01000003');
      m.d = await add(f.cell2, 'Phạm Thị Dung');
      m.e = await add(f.cell2, 'Hoàng Văn Em');
      m.x = await add(f.other, 'Đỗ Văn Ngoài');
      await t.addUser('ward-office', [{ role: 'office', orgId: f.ward }]);
      await t.addUser('cell-office', [{ role: 'office', orgId: f.cell1 }]);
      await t.addUser('other-office', [{ role: 'office', orgId: f.other }]);
      wardOffice = await t.login('ward-office');
      cellOffice = await t.login('cell-office');
      otherOffice = await t.login('other-office');
      const r = await t.call(admin, 'POST', `/api/orgs/${f.ward}/resolutions`, { kind: 'congress', title: 'Nghị quyết Đại hội Đảng bộ phường Thanh Miếu lần thứ I', adoptedOn: '2025-07-26', termStart: 2025, termEnd: 2030, targets: [], elements: [] });
      assert.equal(r.statusCode, 201, r.body);
      f.resolution = r.json().id;
    });
    after(() => t.close());

    test('sessions: created by the resolution unit or a unit inside it, checked, listed and audited', async () => {
      const ok = await t.call(wardOffice, 'POST', `/api/resolutions/${f.resolution}/study-sessions`, { heldOn: '2025-09-10', place: 'Hội trường phường', form: 'in_person' });
      assert.equal(ok.statusCode, 201, ok.body);
      f.wardSession = ok.json().id;
      const cell = await t.call(cellOffice, 'POST', `/api/resolutions/${f.resolution}/study-sessions`, { orgId: f.cell2, heldOn: '2025-09-12', place: 'Nhà văn hóa khu 2', form: 'combined' });
      assert.equal(cell.statusCode, 403, 'a cell office cannot hold a session for another cell');
      const c2 = await t.call(wardOffice, 'POST', `/api/resolutions/${f.resolution}/study-sessions`, { orgId: f.cell2, heldOn: '2025-09-12', place: 'Nhà văn hóa khu 2', form: 'combined' });
      assert.equal(c2.statusCode, 201, c2.body);
      f.cell2Session = c2.json().id;
      const future = await t.call(wardOffice, 'POST', `/api/resolutions/${f.resolution}/study-sessions`, { orgId: f.cell1, heldOn: '2025-12-01', place: 'Khu 1', form: 'online' });
      assert.equal(future.statusCode, 201);
      f.futureSession = future.json().id;

      const early = await t.call(wardOffice, 'POST', `/api/resolutions/${f.resolution}/study-sessions`, { heldOn: '2025-07-01', place: ' ', form: 'in_person' });
      assert.equal(early.statusCode, 400);
      assert.deepEqual(early.json().error.details.map((d: { code: string }) => d.code), ['BEFORE_ADOPTION', 'PLACE_REQUIRED']);
      const outside = await t.call(admin, 'POST', `/api/resolutions/${f.resolution}/study-sessions`, { orgId: f.other, heldOn: '2025-09-10', place: 'x', form: 'online' });
      assert.equal(outside.json().error.code, 'VALIDATION_FAILED');
      assert.equal(outside.json().error.details[0].code, 'ORG_OUTSIDE_RESOLUTION');
      assert.equal((await t.call(otherOffice, 'GET', `/api/resolutions/${f.resolution}/study-sessions`)).statusCode, 403);

      const list = (await t.call(wardOffice, 'GET', `/api/resolutions/${f.resolution}/study-sessions`)).json();
      assert.deepEqual(list.map((s: { id: number; attendees: number; orgName: string }) => [s.id, s.orgName, s.attendees]), [
        [f.futureSession, 'Chi bộ khu 1', 0],
        [f.cell2Session, 'Chi bộ khu 2', 0],
        [f.wardSession, 'Đảng bộ phường Thanh Miếu', 0],
      ]);
      assert.equal((await auditActions()).filter((a) => a === 'resolution.study.create').length, 3);
    });

    test('attendance by hand or QR: idempotent, only members of the holding unit, only once the session is held', async () => {
      const r = await t.call(wardOffice, 'POST', `/api/study-sessions/${f.wardSession}/attendance`, { memberIds: [m.a, m.c], via: 'manual' });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { added: 2, alreadyRecorded: 0 });
      const again = await t.call(wardOffice, 'POST', `/api/study-sessions/${f.wardSession}/attendance`, { memberIds: [m.a, m.c, m.a], via: 'qr' });
      assert.deepEqual(again.json(), { added: 0, alreadyRecorded: 2 });
      const outsider = await t.call(wardOffice, 'POST', `/api/study-sessions/${f.cell2Session}/attendance`, { memberIds: [m.d, m.a, m.x], via: 'manual' });
      assert.equal(outsider.statusCode, 400);
      assert.deepEqual(outsider.json().error.details.map((d: { memberId: number }) => d.memberId).sort(), [m.a, m.x].sort());
      const notHeld = await t.call(wardOffice, 'POST', `/api/study-sessions/${f.futureSession}/attendance`, { memberIds: [m.b], via: 'manual' });
      assert.equal(notHeld.json().error.code, 'SESSION_NOT_HELD');
      assert.equal((await t.call(otherOffice, 'POST', `/api/study-sessions/${f.wardSession}/attendance`, { memberIds: [m.b], via: 'manual' })).statusCode, 403);

      const detail = (await t.call(wardOffice, 'GET', `/api/study-sessions/${f.wardSession}`)).json();
      assert.deepEqual(detail.attendees.map((a: { fullName: string; via: string }) => `${a.fullName} ${a.via}`), ['Nguyễn Văn An manual', 'Lê Văn Cường manual']);
      const actions = await auditActions();
      assert.equal(actions.filter((a) => a === 'resolution.study.attendance').length, 1, 'a request that changes nothing writes no audit entry');
    });

    test('attendance from an Excel list: all rows or none, every bad row reported', async () => {
      const bad = await upload(wardOffice, f.cell2Session, await xlsxOf([
        ['STT', 'Họ và tên', 'Số thẻ đảng viên'],
        [1, 'Phạm Thị Dung', null],
        [2, 'Nguyễn Văn An', '01000001'],
        [3, 'Người Lạ', null],
        [4, 'Phạm Thị Dung', null],
      ]));
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.code, 'IMPORT_INVALID');
      assert.deepEqual(bad.json().error.details.map((d: { row: number; code: string }) => `${d.row} ${d.code}`), ['3 CARD_NOT_FOUND', '4 NAME_NOT_FOUND', '5 DUPLICATE_ROW']);
      assert.equal((await t.call(wardOffice, 'GET', `/api/study-sessions/${f.cell2Session}`)).json().attendees.length, 0, 'nothing imported');
      assert.equal((await upload(wardOffice, f.cell2Session, await xlsxOf([['STT', 'Ghi chú'], [1, 'x']]))).json().error.details[0].code, 'COLUMN_MISSING');
      assert.equal((await upload(wardOffice, f.cell2Session, Buffer.from('not a spreadsheet'))).json().error.code, 'FILE_NOT_XLSX');

      const good = await upload(wardOffice, f.cell2Session, await xlsxOf([['Danh sách đảng viên dự học tập nghị quyết'], ['STT', 'Họ và tên', 'Số thẻ đảng viên'], [1, 'pham thi dung', null], [2, 'Lê Văn Cường', '01000003']]));
      assert.equal(good.statusCode, 200, good.body);
      assert.deepEqual(good.json(), { rows: 2, added: 2, alreadyRecorded: 0 });
      const detail = (await t.call(wardOffice, 'GET', `/api/study-sessions/${f.cell2Session}`)).json();
      assert.deepEqual(detail.attendees.map((a: { fullName: string; via: string }) => `${a.fullName} ${a.via}`).sort(), ['Lê Văn Cường import', 'Phạm Thị Dung import']);
      assert.ok((await auditActions()).includes('resolution.study.import'));
    });

    test('coverage by unit: members who studied at least once ÷ active members now, rolled up, with drill-down', async () => {
      // studied: An (cell 1), Cường twice and Dung (cell 2); not yet: Bình (cell 1), Em (cell 2)
      const r = await t.call(wardOffice, 'GET', `/api/resolutions/${f.resolution}/study-coverage`);
      assert.equal(r.statusCode, 200, r.body);
      const c = r.json();
      assert.equal(c.target, 1);
      assert.equal(c.basis, 'active_members_now');
      assert.deepEqual([c.unit.members, c.unit.studied, c.unit.share, c.unit.status], [5, 3, 0.6, 'not_met']);
      assert.deepEqual(
        c.children.map((u: { name: string; members: number; studied: number; status: string }) => `${u.name} ${u.studied}/${u.members} ${u.status}`),
        ['Chi bộ khu 1 1/2 not_met', 'Chi bộ khu 2 2/3 not_met'],
      );
      await t.call(wardOffice, 'POST', `/api/study-sessions/${f.cell2Session}/attendance`, { memberIds: [m.e], via: 'qr' });
      const drill = (await t.call(wardOffice, 'GET', `/api/resolutions/${f.resolution}/study-coverage?orgId=${f.cell2}`)).json();
      assert.deepEqual([drill.unit.name, drill.unit.studied, drill.unit.members, drill.unit.share, drill.unit.status, drill.parentId], ['Chi bộ khu 2', 3, 3, 1, 'met', f.ward]);
      assert.deepEqual(drill.children, []);

      // a member who leaves drops out of both counts: cell 1 is then 1/1
      const left = await t.call(admin, 'POST', `/api/members/${m.b}/leave`, { effectiveOn: '2025-09-20', reason: 'transferred_out' });
      assert.equal(left.statusCode, 200, left.body);
      const after = (await t.call(cellOffice, 'GET', `/api/resolutions/${f.resolution}/study-coverage?orgId=${f.cell1}`)).json();
      assert.deepEqual([after.unit.studied, after.unit.members, after.unit.status], [1, 1, 'met']);
      const ward = (await t.call(wardOffice, 'GET', `/api/resolutions/${f.resolution}/study-coverage`)).json();
      assert.deepEqual([ward.unit.studied, ward.unit.members, ward.unit.status], [4, 4, 'met']);

      assert.equal((await t.call(cellOffice, 'GET', `/api/resolutions/${f.resolution}/study-coverage`)).statusCode, 403, 'a cell does not read the whole ward');
      assert.equal((await t.call(admin, 'GET', `/api/resolutions/${f.resolution}/study-coverage?orgId=${f.other}`)).json().error.details[0].code, 'ORG_OUTSIDE_RESOLUTION');
    });

    test('a name recorded by mistake is taken off; a session nobody attended is removed, one with attendance is refused', async () => {
      const names = async () => (await t.call(wardOffice, 'GET', `/api/study-sessions/${f.wardSession}`)).json().attendees.map((a: { memberId: number }) => a.memberId);
      assert.ok((await names()).includes(m.c));
      assert.equal((await t.call(otherOffice, 'DELETE', `/api/study-sessions/${f.wardSession}/attendance/${m.c}`)).statusCode, 403);
      const off = await t.call(wardOffice, 'DELETE', `/api/study-sessions/${f.wardSession}/attendance/${m.c}`);
      assert.equal(off.statusCode, 200, off.body);
      assert.ok(!(await names()).includes(m.c));
      assert.equal((await t.call(wardOffice, 'DELETE', `/api/study-sessions/${f.wardSession}/attendance/${m.c}`)).json().error.code, 'ATTENDANCE_NOT_FOUND');
      assert.ok((await auditActions()).includes('resolution.study.attendance.remove'));

      const refused = await t.call(wardOffice, 'DELETE', `/api/study-sessions/${f.wardSession}`);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'SESSION_HAS_ATTENDANCE');
      assert.equal((await t.call(wardOffice, 'GET', `/api/study-sessions/${f.wardSession}`)).statusCode, 200, 'still there');
      const removed = await t.call(wardOffice, 'DELETE', `/api/study-sessions/${f.futureSession}`);
      assert.equal(removed.statusCode, 200, removed.body);
      assert.equal((await t.call(wardOffice, 'GET', `/api/study-sessions/${f.futureSession}`)).statusCode, 404);
      assert.ok((await auditActions()).includes('resolution.study.session.delete'));
    });
  });
}
