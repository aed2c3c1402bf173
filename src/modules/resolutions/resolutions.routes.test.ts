import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { testEngines } from '../../db/test-harness.js';
import { startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import { sampleTarget as target } from './resolutions.test-support.js';

const THANH_MIEU_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared/seeds/003_ed053cd63f6b68be.txt'), 'utf8');


const resolution = (targets: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: 'congress',
  title: 'Nghị quyết Đại hội đại biểu Đảng bộ lần thứ I, nhiệm kỳ 2025-2030',
  adoptedOn: '2025-07-26',
  termStart: 2025,
  termEnd: 2030,
  motto: null,
  targets,
  elements: [
    { kind: 'breakthrough', title: 'Đầu tư xây dựng kết cấu hạ tầng đô thị theo hướng hiện đại' },
    { kind: 'breakthrough', title: 'Đẩy mạnh cải cách hành chính theo hướng phục vụ, kết hợp chuyển đổi số' },
  ],
  ...extra,
});

for (const engine of testEngines) {
  describe(`resolution follow-up [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let wardOffice: Session;
    let provinceViewer: Session;
    let province: number;
    let ward: number;
    let ward2: number;
    let resolutionId: number;
    let onlineTarget: number;
    let revenueTarget: number;
    const auditCount = async () => (await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

    before(async () => {
      t = await startTestApp(engine, { today: '2027-02-10' });
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      province = await found('Đảng bộ tỉnh Phú Thọ', 'province', null);
      ward = await found('Đảng bộ phường Thanh Miếu', 'commune', province);
      ward2 = await found('Đảng bộ phường Việt Trì', 'commune', province);
      await t.addUser('ward-office', [{ role: 'office', orgId: ward }]);
      await t.addUser('province-viewer', [{ role: 'viewer', orgId: province }]);
      wardOffice = await t.login('ward-office');
      provinceViewer = await t.login('province-viewer');
    });
    after(() => t.close());

    test('paste the article: draft targets with numbers, units, years and baselines', async () => {
      const r = await t.call(wardOffice, 'POST', '/api/resolutions/parse', { text: THANH_MIEU_TEXT });
      assert.equal(r.statusCode, 200, r.body);
      const parsed = r.json();
      assert.deepEqual(parsed.targets.map((d: { value: number; unit: string }) => `${d.value} ${d.unit}`), ['632 tỷ đồng', '20000 tỷ đồng', '100 %', '80 %', '0 hộ']);
      assert.equal(parsed.counts.breakthroughs, 2);
      assert.deepEqual(parsed.targets[0].baseline, { value: 410.6, unit: 'tỷ đồng', year: 2025 });
      const junk = await t.call(wardOffice, 'POST', '/api/resolutions/parse', { text: '%%% 1.2.3 ;;' });
      assert.deepEqual(junk.json().targets, []);
      const bad = await t.call(wardOffice, 'POST', '/api/resolutions/parse', { text: 12 });
      assert.deepEqual([bad.statusCode, bad.json().error?.code], [400, 'VALIDATION_FAILED'], 'a number is not text');
    });

    test('record a resolution with targets and breakthroughs; every write audited', async () => {
      const before = await auditCount();
      const r = await t.call(
        wardOffice,
        'POST',
        `/api/orgs/${ward}/resolutions`,
        resolution([
          target('Thu ngân sách Nhà nước trên địa bàn', { unit: 'tỷ đồng', direction: 'at_least', baselineValue: 410.6, targetValue: 632, indicatorCode: 'THU_NS' }),
          target('Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình', { indicatorCode: 'DVC_TT', aggregation: 'share_meeting', milestones: [{ year: 2027, value: 55 }] }),
        ], { motto: 'Đoàn kết - Đổi mới' }),
      );
      assert.equal(r.statusCode, 201, r.body);
      resolutionId = r.json().id;
      assert.equal(await auditCount(), before + 1);
      const got = (await t.call(wardOffice, 'GET', `/api/resolutions/${resolutionId}`)).json();
      assert.equal(got.motto, 'Đoàn kết - Đổi mới');
      assert.equal(got.elements.length, 2);
      assert.deepEqual(got.targets.map((x: { status: string }) => x.status), ['no_data', 'no_data']);
      revenueTarget = got.targets[0].id;
      onlineTarget = got.targets[1].id;
      assert.equal(got.targets[0].aggregation, 'sum');
      assert.deepEqual(got.targets[1].milestones, [{ year: 2027, value: 55 }]);
      const list = (await t.call(provinceViewer, 'GET', `/api/orgs/${ward}/resolutions`)).json();
      assert.equal(list.length, 1);
      assert.equal(list[0].targetCount, 2);
    });

    test('bad input: 4xx with Vietnamese messages, nothing written', async () => {
      const before = await auditCount();
      const r = await t.call(wardOffice, 'POST', `/api/orgs/${ward}/resolutions`, resolution([target('Tốt'), target(' ', { direction: 'reach_by', baselineValue: null, baselineDate: null })]));
      assert.equal(r.statusCode, 400);
      assert.match(r.json().error.message, /Chỉ tiêu 2: /);
      const schema = await t.call(wardOffice, 'POST', `/api/orgs/${ward}/resolutions`, resolution([target('x', { direction: 'sideways' })]));
      assert.equal(schema.statusCode, 400);
      assert.equal(schema.json().error.code, 'VALIDATION_FAILED');
      const term = await t.call(wardOffice, 'POST', `/api/orgs/${ward}/resolutions`, resolution([], { termStart: 2030, termEnd: 2025 }));
      assert.equal(term.json().error.code, 'VALIDATION_FAILED');
      assert.equal((await t.call(wardOffice, 'GET', `/api/orgs/${ward}/resolutions`)).json().length, 1);
      assert.equal(await auditCount(), before);
      assert.equal((await t.call(admin, 'GET', '/api/resolutions/999999')).statusCode, 404);
    });

    test('figures per period; corrections need a reason and keep the history', async () => {
      const enter = (s: Session, orgId: number, period: string, figures: unknown[]) => t.call(s, 'POST', `/api/orgs/${orgId}/figures`, { period, figures });
      let r = await enter(wardOffice, ward, '2026', [
        { targetId: revenueTarget, value: 450, source: 'Báo cáo KT-XH năm 2026' },
        { targetId: onlineTarget, value: 50, source: 'Cổng dịch vụ công' },
      ]);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { saved: 2, corrected: 0 });
      r = await enter(wardOffice, ward, '2026', [{ targetId: onlineTarget, value: 52, source: 'Cổng dịch vụ công' }]);
      assert.equal(r.json().error.code, 'VALIDATION_FAILED');
      assert.equal(r.json().error.details[0].code, 'CORRECTION_REASON_REQUIRED');
      r = await enter(wardOffice, ward, '2026', [{ targetId: onlineTarget, value: 52, source: 'Cổng dịch vụ công', reason: 'Số liệu chính thức của Sở' }]);
      assert.deepEqual(r.json(), { saved: 1, corrected: 1 });
      const history = (await t.call(provinceViewer, 'GET', `/api/targets/${onlineTarget}/figures`)).json();
      assert.deepEqual(history.map((h: { value: number; current: boolean; reason: string | null }) => [h.value, h.current, h.reason]), [[52, true, 'Số liệu chính thức của Sở'], [50, false, null]]);
      assert.equal(history[0].enteredBy, 'ward-office');
      // bad figures: a % above 100, a period not begun, a target of another unit — nothing saved
      r = await enter(wardOffice, ward, '2027-Q1', [{ targetId: onlineTarget, value: 120, source: 'x' }]);
      assert.equal(r.json().error.details[0].code, 'PERCENT_OUT_OF_RANGE');
      r = await enter(wardOffice, ward, '2027-Q2', [{ targetId: onlineTarget, value: 60, source: 'x' }]);
      assert.equal(r.json().error.details[0].code, 'PERIOD_NOT_STARTED');
      r = await enter(wardOffice, ward, '2027-Q5', [{ targetId: onlineTarget, value: 60, source: 'x' }]);
      assert.equal(r.statusCode, 400);
      const other = await t.call(admin, 'POST', `/api/orgs/${ward2}/resolutions`, resolution([target('Tỷ lệ hồ sơ trực tuyến', { indicatorCode: 'DVC_TT', aggregation: 'share_meeting' })]));
      const otherTarget = (await t.call(admin, 'GET', `/api/resolutions/${other.json().id}`)).json().targets[0].id;
      r = await enter(admin, ward, '2026', [{ targetId: otherTarget, value: 60, source: 'x' }]);
      assert.equal(r.json().error.details[0].code, 'TARGET_NOT_OF_ORG');
      assert.equal((await t.call(admin, 'GET', `/api/targets/${otherTarget}/figures`)).json().length, 0);
      // a ward enters only its own figures
      r = await enter(wardOffice, ward2, '2026', [{ targetId: otherTarget, value: 60, source: 'x' }]);
      assert.equal(r.statusCode, 403);
      r = await enter(provinceViewer, ward, '2026', [{ targetId: onlineTarget, value: 60, source: 'x', reason: 'thử' }]);
      assert.equal(r.statusCode, 403);
      r = await enter(admin, ward2, '2026', [{ targetId: otherTarget, value: 85, source: 'Báo cáo phường' }]);
      assert.equal(r.statusCode, 200);
    });

    test('dashboard: progress and on-track status; the province rolls up its wards', async () => {
      const d = (await t.call(wardOffice, 'GET', `/api/orgs/${ward}/resolution-dashboard`)).json();
      const targets = d.resolutions[0].targets;
      const online = targets.find((x: { id: number }) => x.id === onlineTarget);
      assert.equal(online.latest.value, 52);
      assert.ok(Math.abs(online.progress - 0.3) < 1e-9);
      // the 2027 milestone of 55 means about 47.5 expected at the end of 2026: 52 is on track
      assert.equal(online.status, 'on_track');
      assert.deepEqual(online.history, [{ period: '2026', value: 52 }]);
      const revenue = targets.find((x: { id: number }) => x.id === revenueTarget);
      assert.equal(revenue.status, 'at_risk');

      const roll = (await t.call(provinceViewer, 'GET', `/api/orgs/${province}/resolution-rollup`)).json();
      assert.equal(roll.summary.units, 2);
      assert.equal(roll.summary.targets, 3);
      const dvc = roll.indicators.find((i: { code: string }) => i.code === 'DVC_TT');
      assert.equal(dvc.aggregate.unitsTotal, 2);
      assert.equal(dvc.aggregate.unitsMeeting, 1, 'Việt Trì reported 85% against 80%');
      assert.equal(dvc.aggregate.value, 0.5);
      assert.equal(roll.indicator.code, 'DVC_TT', 'the most widely shared indicator is detailed by default');
      assert.deepEqual(roll.indicator.units.map((u: { name: string }) => u.name), ['Đảng bộ phường Việt Trì', 'Đảng bộ phường Thanh Miếu']);
      const one = (await t.call(provinceViewer, 'GET', `/api/orgs/${province}/resolution-rollup?indicator=THU_NS`)).json();
      assert.equal(one.indicators.length, 2);
      assert.equal(one.indicator.code, 'THU_NS');
      assert.equal(one.indicator.aggregate.value, 450);
      assert.equal(one.indicator.units.length, 1);
      // a ward office cannot read the province roll-up
      assert.equal((await t.call(wardOffice, 'GET', `/api/orgs/${province}/resolution-rollup`)).statusCode, 403);
    });

    test('action programme: "6 rõ" tasks, overdue flags, owners report progress with evidence', async () => {
      const task = (extra: Record<string, unknown> = {}) => ({
        title: 'Triển khai phần mềm một cửa điện tử',
        targetId: onlineTarget,
        ownerOrgId: ward,
        responsiblePerson: 'Đồng chí Phạm Xuân Hiệp',
        expectedResult: '80% hồ sơ trực tuyến toàn trình',
        startOn: '2026-01-01',
        dueOn: '2027-01-31',
        status: 'in_progress',
        evidence: null,
        ...extra,
      });
      let r = await t.call(admin, 'POST', `/api/resolutions/${resolutionId}/tasks`, task());
      assert.equal(r.statusCode, 201, r.body);
      const late = r.json().id;
      r = await t.call(admin, 'POST', `/api/resolutions/${resolutionId}/tasks`, task({ title: 'Số hóa hồ sơ', dueOn: '2027-02-20' }));
      assert.equal(r.statusCode, 201);
      r = await t.call(admin, 'POST', `/api/resolutions/${resolutionId}/tasks`, task({ responsiblePerson: ' ', expectedResult: '' }));
      assert.deepEqual(r.json().error.details.map((d: { code: string }) => d.code), ['RESPONSIBLE_REQUIRED', 'RESULT_REQUIRED']);
      r = await t.call(admin, 'POST', `/api/resolutions/${resolutionId}/tasks`, task({ ownerOrgId: province }));
      assert.equal(r.json().error.details[0].code, 'OWNER_OUTSIDE_SUBTREE');
      // a ward office cannot give a task to another ward
      r = await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, task({ ownerOrgId: ward2 }));
      assert.equal(r.statusCode, 403);

      const mine = (await t.call(wardOffice, 'GET', '/api/my-tasks')).json();
      assert.deepEqual(mine.map((x: { title: string; flag: string | null }) => [x.title, x.flag]), [['Triển khai phần mềm một cửa điện tử', 'overdue'], ['Số hóa hồ sơ', 'at_risk']]);
      r = await t.call(wardOffice, 'POST', `/api/tasks/${late}/progress`, { status: 'done' });
      assert.equal(r.json().error.details[0].code, 'EVIDENCE_REQUIRED');
      r = await t.call(wardOffice, 'POST', `/api/tasks/${late}/progress`, { status: 'done', evidence: 'Quyết định 12-QĐ/UBND' });
      assert.equal(r.statusCode, 200);
      const res = (await t.call(wardOffice, 'GET', `/api/resolutions/${resolutionId}`)).json();
      assert.equal(res.taskCounts.done, 1);
      assert.equal(res.taskCounts.at_risk, 1);
      const roll = (await t.call(admin, 'GET', `/api/orgs/${province}/resolution-rollup`)).json();
      assert.deepEqual(roll.summary.tasks, { total: 2, done: 1, overdue: 0 });
      assert.equal((await t.call(provinceViewer, 'POST', `/api/tasks/${late}/progress`, { status: 'in_progress' })).statusCode, 403);
    });

    test('the latest figure: an older period does not displace it; a year wins over its fourth quarter', async () => {
      const latest = async () => (await t.call(wardOffice, 'GET', `/api/resolutions/${resolutionId}`)).json().targets.find((x: { id: number }) => x.id === onlineTarget).latest;
      assert.equal((await latest()).period, '2026');
      let r = await t.call(wardOffice, 'POST', `/api/orgs/${ward}/figures`, { period: '2025', figures: [{ targetId: onlineTarget, value: 41, source: 'x' }] });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(await latest(), { period: '2026', asOf: '2026-12-31', value: 52 });
      r = await t.call(wardOffice, 'POST', `/api/orgs/${ward}/figures`, { period: '2026-Q4', figures: [{ targetId: onlineTarget, value: 53, source: 'x' }] });
      assert.equal((await latest()).period, '2026');
      r = await t.call(wardOffice, 'POST', `/api/orgs/${ward}/figures`, { period: '2027-Q1', figures: [{ targetId: onlineTarget, value: 54.5, source: 'x' }] });
      assert.deepEqual(await latest(), { period: '2027-Q1', asOf: '2027-03-31', value: 54.5 });
      const history = (await t.call(wardOffice, 'GET', `/api/targets/${onlineTarget}/figures`)).json();
      assert.deepEqual(history.filter((h: { current: boolean }) => h.current).map((h: { period: string }) => h.period), ['2027-Q1', '2026-Q4', '2026', '2025']);
    });

    test('the progress report of a period as Excel', async () => {
      const r = await t.call(provinceViewer, 'GET', `/api/orgs/${ward}/resolution-report.xlsx?period=2026`);
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-disposition']), /filename\*=UTF-8''B%C3%A1o%20c%C3%A1o/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('Chỉ tiêu')!;
      const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
      const revenue = rows.find((row) => row[3] === 'Thu ngân sách Nhà nước trên địa bàn')!;
      assert.deepEqual([revenue[4], revenue[7], revenue[9], revenue[10], revenue[11], revenue[13]], ['tỷ đồng', 632, 450, 'Năm 2026', 'Báo cáo KT-XH năm 2026', 'Có nguy cơ chậm']);
      const online = rows.find((row) => row[3] === 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình')!;
      assert.deepEqual([online[9], online[10]], [52, 'Năm 2026'], "the corrected figure; the year's own, not its fourth quarter's (53)");
      const tasks = wb.getWorksheet('Nhiệm vụ')!;
      assert.equal(tasks.getCell(7, 2).value, 'Nhiệm vụ');
      assert.equal(tasks.rowCount, 7 + 2, 'the title block, the header, the two tasks');
      const bad = await t.call(provinceViewer, 'GET', `/api/orgs/${ward}/resolution-report.xlsx?period=2026-Q9`);
      assert.equal(bad.statusCode, 400);
    });

    test('edit a resolution, a target, add an element', async () => {
      let r = await t.call(wardOffice, 'PATCH', `/api/resolutions/${resolutionId}`, { kind: 'congress', title: 'Nghị quyết Đại hội I', adoptedOn: '2025-07-26', termStart: 2025, termEnd: 2030, motto: 'Đoàn kết' });
      assert.equal(r.statusCode, 200, r.body);
      r = await t.call(wardOffice, 'PATCH', `/api/targets/${revenueTarget}`, target('Thu ngân sách', { unit: 'tỷ đồng', direction: 'at_least', baselineValue: 410.6, targetValue: 640 }));
      assert.equal(r.statusCode, 200, r.body);
      r = await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/targets`, target('Không còn hộ nghèo', { unit: 'hộ', direction: 'at_most', baselineValue: 120, targetValue: 0 }));
      assert.equal(r.statusCode, 201, r.body);
      r = await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/elements`, { kind: 'solution_group', title: 'Nhóm giải pháp về xây dựng Đảng' });
      assert.equal(r.statusCode, 201);
      const got = (await t.call(wardOffice, 'GET', `/api/resolutions/${resolutionId}`)).json();
      assert.equal(got.title, 'Nghị quyết Đại hội I');
      assert.equal(got.targets.length, 3);
      assert.equal(got.targets[0].targetValue, 640);
      assert.equal(got.targets[0].latest.value, 450, 'the figures stay with the edited target');
      assert.equal(got.elements.length, 3);
    });

    test('an element is corrected or removed; one that tasks carry out is kept; the others are renumbered', async () => {
      const api = (id: number) => `/api/resolution-elements/${id}`;
      const add = async (title: string) => (await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/elements`, { kind: 'key_task', title })).json().id as number;
      const [a, b, c] = [await add('Nhiệm vụ A'), await add('Nhiệm vụ B'), await add('Nhiệm vụ C')];
      const fixed = await t.call(wardOffice, 'PUT', api(b), { title: 'Nhiệm vụ B (sửa)', description: 'Chuyển đổi số' });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.equal((await t.call(wardOffice, 'PUT', api(b), { title: '' })).statusCode, 400);
      assert.equal((await t.call(provinceViewer, 'PUT', api(b), { title: 'x' })).statusCode, 403);
      assert.equal((await t.call(wardOffice, 'PUT', api(999999), { title: 'x' })).statusCode, 404);
      // a task carries out B: B stays until the task is linked elsewhere
      const task = await t.call(admin, 'POST', `/api/resolutions/${resolutionId}/tasks`, {
        title: 'Số hóa hồ sơ lưu trữ',
        elementId: b,
        ownerOrgId: ward,
        responsiblePerson: 'Đồng chí Phạm Xuân Hiệp',
        expectedResult: 'Toàn bộ hồ sơ được số hóa',
        startOn: '2026-01-01',
        dueOn: '2027-01-31',
        status: 'not_started',
        evidence: null,
      });
      assert.equal(task.statusCode, 201, task.body);
      const kept = await t.call(wardOffice, 'DELETE', api(b));
      assert.deepEqual([kept.statusCode, kept.json().error.code], [409, 'ELEMENT_HAS_TASKS']);
      assert.equal((await t.call(wardOffice, 'DELETE', api(a))).statusCode, 200);
      const keyTasks = ((await t.call(wardOffice, 'GET', `/api/resolutions/${resolutionId}`)).json().elements as { id: number; kind: string; position: number; title: string; description: string | null }[]).filter((e) => e.kind === 'key_task');
      assert.deepEqual(keyTasks.map((e) => [e.id, e.position, e.title]), [
        [b, 1, 'Nhiệm vụ B (sửa)'],
        [c, 2, 'Nhiệm vụ C'],
      ]);
      assert.equal(keyTasks[0].description, 'Chuyển đổi số');
      const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', 'in', ['resolution.element.update', 'resolution.element.delete']).execute();
      assert.equal(audit.length, 2);
    });
  });
}
