// What a strict review of the resolution follow-up found (issue 5): concurrent figure saves, an indicator code with two
// meanings, an edit that wiped fields, blank sources, dates that do not exist and figures for years outside the target.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../../db/test-harness.js';
import { startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import { sampleTarget as target } from './resolutions.test-support.js';

const resolution = (targets: unknown[], extra: Record<string, unknown> = {}) => ({ kind: 'congress', title: 'Nghị quyết Đại hội', adoptedOn: '2025-07-26', termStart: 2025, termEnd: 2030, targets, elements: [], ...extra });

for (const engine of testEngines) {
  describe(`resolution follow-up: integrity [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let wardOffice: Session;
    let province: number;
    let ward: number;
    let cell: number;
    let ward2: number;
    const targetsOf = async (resolutionId: number) => (await t.call(admin, 'GET', `/api/resolutions/${resolutionId}`)).json().targets as Record<string, unknown>[];
    const record = async (s: Session, orgId: number, targets: unknown[], extra: Record<string, unknown> = {}) => t.call(s, 'POST', `/api/orgs/${orgId}/resolutions`, resolution(targets, extra));

    before(async () => {
      t = await startTestApp(engine, { today: '2027-02-10' });
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      province = await found('Đảng bộ tỉnh Phú Thọ', 'province', null);
      ward = await found('Đảng bộ phường Thanh Miếu', 'commune', province);
      cell = await found('Chi bộ khu 1', 'grassroots_cell', ward);
      ward2 = await found('Đảng bộ phường Việt Trì', 'commune', province);
      await t.addUser('ward-office', [{ role: 'office', orgId: ward }]);
      wardOffice = await t.login('ward-office');
    });
    after(() => t.close());

    test('eight saves of one figure at once: one is the first entry, the others need a reason; one figure stays current', async () => {
      const r = await record(wardOffice, ward, [target('Tỷ lệ hồ sơ trực tuyến toàn trình')]);
      assert.equal(r.statusCode, 201, r.body);
      const [online] = await targetsOf(r.json().id);
      const save = (value: number) => t.call(wardOffice, 'POST', `/api/orgs/${ward}/figures`, { period: '2026-Q2', figures: [{ targetId: online.id, value, source: 'Cổng dịch vụ công' }] });
      const replies = await Promise.all([50, 51, 52, 53, 54, 55, 56, 57].map(save));
      const codes = replies.map((x) => (x.statusCode === 200 ? 'saved' : x.json().error.details?.[0]?.code ?? x.json().error.code));
      assert.equal(codes.filter((c) => c === 'saved').length, 1, codes.join());
      assert.ok(codes.every((c) => c === 'saved' || c === 'CORRECTION_REASON_REQUIRED' || c === 'FIGURE_CONFLICT'), codes.join());
      // and eight corrections at once, each with its reason: every one is kept, one is current
      const fixes = await Promise.all([60, 61, 62, 63, 64, 65, 66, 67].map((value) => t.call(wardOffice, 'POST', `/api/orgs/${ward}/figures`, { period: '2026-Q2', figures: [{ targetId: online.id, value, source: 'Sở Nội vụ', reason: 'Số liệu chính thức' }] })));
      assert.deepEqual(fixes.map((x) => x.statusCode), Array(8).fill(200), fixes.map((x) => x.body).join());
      const history = (await t.call(admin, 'GET', `/api/targets/${online.id}/figures`)).json() as { current: boolean; value: number }[];
      assert.equal(history.length, 9);
      assert.equal(history.filter((h) => h.current).length, 1);
      const latest = (await targetsOf(r.json().id))[0].latest as { value: number };
      assert.equal(latest.value, history.find((h) => h.current)!.value, "the target's latest figure is the current one");
      // the database itself holds the rule
      const first = await t.database.db.selectFrom('target_figures').selectAll().where('target_id', '=', online.id as number).where('current', '=', 1).executeTakeFirstOrThrow();
      const { id: _id, ...copy } = first;
      await assert.rejects(t.database.db.insertInto('target_figures').values({ ...copy, value: 1 }).execute());
    });

    test('a figure needs a real source, and a period within its target\'s years', async () => {
      const r = await record(wardOffice, ward, [target('Thu ngân sách', { unit: 'tỷ đồng', direction: 'at_least', baselineValue: 410.6, targetValue: 632 })]);
      const [revenue] = await targetsOf(r.json().id);
      const enter = (period: string, source: string) => t.call(wardOffice, 'POST', `/api/orgs/${ward}/figures`, { period, figures: [{ targetId: revenue.id, value: 450, source }] });
      let x = await enter('2026', '   ');
      assert.deepEqual([x.statusCode, x.json().error.details[0].code], [400, 'FIGURE_SOURCE_REQUIRED']);
      assert.match(x.json().error.message, /nguồn/);
      x = await enter('1930', 'Báo cáo');
      assert.deepEqual([x.statusCode, x.json().error.details[0].code], [400, 'PERIOD_OUTSIDE_TARGET']);
      x = await enter('2024-Q4', 'Báo cáo');
      assert.equal(x.json().error.details[0].code, 'PERIOD_OUTSIDE_TARGET');
      assert.equal((await t.call(admin, 'GET', `/api/targets/${revenue.id}/figures`)).json().length, 0, 'nothing saved');
      x = await enter('2025', 'Báo cáo KT-XH năm 2025');
      assert.equal(x.statusCode, 200, 'the baseline year is within the target');
    });

    test('a day that does not exist, or outside the term, is refused', async () => {
      let x = await record(wardOffice, ward, [], { adoptedOn: '2025-02-30' });
      assert.deepEqual([x.statusCode, x.json().error.details[0].code], [400, 'ADOPTED_ON_INVALID']);
      x = await record(wardOffice, ward, [], { adoptedOn: '2019-07-26' });
      assert.equal(x.json().error.details[0].code, 'ADOPTED_OUTSIDE_TERM');
      x = await record(wardOffice, ward, [target('x', { deadline: '2030-02-30' })]);
      assert.equal(x.statusCode, 400);
      const ok = await record(wardOffice, ward, [], { adoptedOn: '2024-12-20' });
      assert.equal(ok.statusCode, 201, 'a congress may meet the year before its term');
      x = await t.call(wardOffice, 'PATCH', `/api/resolutions/${ok.json().id}`, { kind: 'congress', title: 'Nghị quyết', adoptedOn: '2025-02-29', termStart: 2025, termEnd: 2030 });
      assert.equal(x.json().error.details[0].code, 'ADOPTED_ON_INVALID');
    });

    test('an indicator code has one meaning: a target of another unit or aggregation is refused, a target naming none takes it', async () => {
      const code = 'THU_NGAN_SACH';
      let x = await record(admin, ward, [target('Thu ngân sách', { unit: 'tỷ đồng', direction: 'at_least', baselineValue: 410.6, targetValue: 632, indicatorCode: code })]);
      assert.equal(x.statusCode, 201, x.body);
      const wardResolution = x.json().id;
      x = await record(admin, cell, [target('Tỷ lệ thu ngân sách', { unit: '%', indicatorCode: code })]);
      assert.deepEqual([x.statusCode, x.json().error.details[0].code, x.json().error.details[0].field], [400, 'INDICATOR_MISMATCH', 'unit']);
      assert.match(x.json().error.message, /Chỉ tiêu 1: Mã chỉ tiêu chung THU_NGAN_SACH đã dùng với đơn vị tính "tỷ đồng"/);
      x = await record(admin, ward2, [target('Thu ngân sách', { unit: 'tỷ đồng', direction: 'at_least', baselineValue: 300, targetValue: 500, indicatorCode: code, aggregation: 'average' })]);
      assert.equal(x.json().error.details[0].field, 'aggregation');
      // two targets of one request that disagree
      x = await record(admin, ward2, [target('A', { unit: 'hộ', indicatorCode: 'HO_NGHEO' }), target('B', { unit: '%', indicatorCode: 'HO_NGHEO' })]);
      assert.match(x.json().error.message, /^Chỉ tiêu 2: /);
      // the same unit written differently, no aggregation named: it takes the code's
      x = await record(admin, ward2, [target('Thu ngân sách', { unit: 'Tỷ  đồng', direction: 'at_least', baselineValue: 300, targetValue: 500, indicatorCode: code })]);
      assert.equal(x.statusCode, 201, x.body);
      const [w2] = await targetsOf(x.json().id);
      assert.equal(w2.aggregation, 'sum');
      // a target added later, and an edit, are held to it too; editing the only carrier of a code may change it
      x = await t.call(admin, 'POST', `/api/resolutions/${wardResolution}/targets`, target('Tỷ lệ', { indicatorCode: code }));
      assert.equal(x.json().error.details[0].code, 'INDICATOR_MISMATCH');
      x = await t.call(admin, 'PATCH', `/api/targets/${w2.id}`, { unit: '%', targetValue: 50 });
      assert.equal(x.json().error.details[0].code, 'INDICATOR_MISMATCH');
      const lone = await record(admin, ward2, [target('Tỷ lệ hộ nghèo', { unit: '%', indicatorCode: 'HO_NGHEO_2' })]);
      const [loneTarget] = await targetsOf(lone.json().id);
      x = await t.call(admin, 'PATCH', `/api/targets/${loneTarget.id}`, { unit: 'hộ', direction: 'at_most', targetValue: 0, baselineValue: 120, aggregation: 'sum' });
      assert.equal(x.statusCode, 200, x.body);
      // the roll-up adds like to like
      await t.call(admin, 'POST', `/api/orgs/${ward}/figures`, { period: '2026', figures: [{ targetId: (await targetsOf(wardResolution))[0].id, value: 470, source: 'Báo cáo' }] });
      await t.call(admin, 'POST', `/api/orgs/${ward2}/figures`, { period: '2026', figures: [{ targetId: w2.id, value: 330, source: 'Báo cáo' }] });
      const roll = (await t.call(admin, 'GET', `/api/orgs/${province}/resolution-rollup?indicator=${code}`)).json();
      assert.deepEqual([roll.indicator.unit, roll.indicator.aggregation, roll.indicator.aggregate.value, roll.indicator.conflict], ['tỷ đồng', 'sum', 800, false]);
    });

    test("the responsible person's account sees the task among their own and reports its progress; others cannot", async () => {
      const cellViewerId = await t.addUser('cell-secretary', [{ role: 'viewer', orgId: cell }]);
      await t.addUser('cell-viewer', [{ role: 'viewer', orgId: cell }]);
      const secretary = await t.login('cell-secretary');
      const other = await t.login('cell-viewer');
      const r = await record(wardOffice, ward, [target('Tỷ lệ hồ sơ trực tuyến')]);
      const [online] = await targetsOf(r.json().id);
      const task = await t.call(wardOffice, 'POST', `/api/resolutions/${r.json().id}/tasks`, {
        title: 'Hướng dẫn đảng viên nộp hồ sơ trực tuyến',
        targetId: online.id,
        ownerOrgId: cell,
        responsiblePerson: 'Bí thư chi bộ',
        responsibleUserId: cellViewerId,
        expectedResult: 'Mọi đảng viên biết nộp hồ sơ trực tuyến',
        startOn: '2026-03-01',
        dueOn: '2027-06-30',
        status: 'not_started',
      });
      assert.equal(task.statusCode, 201, task.body);
      const id = task.json().id;
      const mine = (await t.call(secretary, 'GET', '/api/my-tasks')).json();
      assert.deepEqual(mine.map((x: { id: number }) => x.id), [id]);
      assert.deepEqual((await t.call(other, 'GET', '/api/my-tasks')).json(), []);
      let x = await t.call(secretary, 'POST', `/api/tasks/${id}/progress`, { status: 'done' });
      assert.equal(x.json().error.details[0].code, 'EVIDENCE_REQUIRED');
      x = await t.call(secretary, 'POST', `/api/tasks/${id}/progress`, { status: 'done', evidence: 'Biên bản sinh hoạt chi bộ tháng 3' });
      assert.equal(x.statusCode, 200, x.body);
      assert.deepEqual((await t.call(secretary, 'GET', '/api/my-tasks')).json(), [], 'a done task leaves the list');
      assert.equal((await t.call(other, 'POST', `/api/tasks/${id}/progress`, { status: 'in_progress' })).statusCode, 403);
      // reporting progress is all the responsible person may do: the task itself stays the office's
      const edit = await t.call(secretary, 'PATCH', `/api/tasks/${id}`, { title: 'x', targetId: online.id, ownerOrgId: cell, responsiblePerson: 'x', expectedResult: 'x', startOn: '2026-03-01', dueOn: '2027-06-30', status: 'done', evidence: 'x' });
      assert.equal(edit.statusCode, 403);
      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor']).where('action', '=', 'task.progress').where('entity_id', '=', String(id)).execute();
      assert.deepEqual(audit.map((a) => a.actor), ['cell-secretary']);
    });

    test('a task carries out something of the resolution and has a start date; tasks and targets entered by mistake are removed while nothing hangs on them', async () => {
      const r = await record(wardOffice, ward, [target('Tỷ lệ hồ sơ trực tuyến'), target('Chỉ tiêu nhập nhầm'), target('Chỉ tiêu thứ ba')]);
      const resolutionId = r.json().id;
      const [online, mistaken, third] = await targetsOf(resolutionId);
      const body = { title: 'Triển khai một cửa điện tử', targetId: online.id, ownerOrgId: ward, responsiblePerson: 'Đồng chí Hiệp', expectedResult: '80% hồ sơ trực tuyến', startOn: '2026-01-01', dueOn: '2027-06-30', status: 'not_started' };
      let x = await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, { ...body, targetId: null, startOn: null });
      assert.deepEqual([x.statusCode, ...x.json().error.details.map((d: { code: string }) => d.code)], [400, 'LINK_REQUIRED', 'START_REQUIRED']);
      x = await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, { ...body, startOn: '2026-02-30' });
      assert.equal(x.json().error.details[0].code, 'START_INVALID');
      const taskId = (await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, body)).json().id;
      const started = (await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, { ...body, title: 'Đang làm', status: 'in_progress' })).json().id;

      // a target: refused while a task carries it out or once it has figures; the others renumbered after a removal
      x = await t.call(wardOffice, 'DELETE', `/api/targets/${online.id}`);
      assert.deepEqual([x.statusCode, x.json().error.code], [409, 'TARGET_HAS_TASKS']);
      await t.call(wardOffice, 'POST', `/api/orgs/${ward}/figures`, { period: '2026', figures: [{ targetId: third.id, value: 50, source: 'Báo cáo' }] });
      x = await t.call(wardOffice, 'DELETE', `/api/targets/${third.id}`);
      assert.deepEqual([x.statusCode, x.json().error.code], [409, 'TARGET_HAS_FIGURES']);
      assert.match(x.json().error.message, /số liệu/);
      x = await t.call(wardOffice, 'DELETE', `/api/targets/${mistaken.id}`);
      assert.equal(x.statusCode, 200, x.body);
      assert.deepEqual((await targetsOf(resolutionId)).map((x) => [x.id, x.position]), [[online.id, 1], [third.id, 2]]);
      assert.equal((await t.call(wardOffice, 'DELETE', `/api/targets/${mistaken.id}`)).statusCode, 404);

      // a task: removed while not started and without evidence; one under way is cancelled instead
      x = await t.call(wardOffice, 'DELETE', `/api/tasks/${started}`);
      assert.deepEqual([x.statusCode, x.json().error.code], [409, 'TASK_HAS_PROGRESS']);
      const viewer = await t.login('cell-viewer');
      assert.equal((await t.call(viewer, 'DELETE', `/api/tasks/${taskId}`)).statusCode, 403);
      x = await t.call(wardOffice, 'DELETE', `/api/tasks/${taskId}`);
      assert.equal(x.statusCode, 200, x.body);
      const tasks = (await t.call(wardOffice, 'GET', `/api/resolutions/${resolutionId}`)).json().tasks;
      assert.deepEqual(tasks.map((x: { id: number }) => x.id), [started]);
      const audit = (await t.database.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action).filter((a) => a !== 'auth.login');
      assert.deepEqual(audit.slice(-3), ['figure.report', 'target.delete', 'task.delete'], 'refusals wrote nothing');
    });

    test('editing a target changes only what is sent: its source quote, tolerance, milestones and code stay', async () => {
      const x = await record(wardOffice, ward, [
        target('Số đơn vị hành chính', { unit: 'đơn vị', direction: 'exactly', baselineValue: 21, targetValue: 12, tolerance: 0.5, sourceQuote: 'sắp xếp còn 12 đơn vị', milestones: [{ year: 2027, value: 16 }], indicatorCode: 'DVHC', responsibleBody: 'Ban Tổ chức' }),
      ]);
      assert.equal(x.statusCode, 201, x.body);
      const [before] = await targetsOf(x.json().id);
      const r = await t.call(wardOffice, 'PATCH', `/api/targets/${before.id}`, { name: 'Số đơn vị hành chính cấp xã', targetValue: 11 });
      assert.equal(r.statusCode, 200, r.body);
      const [after] = await targetsOf(x.json().id);
      assert.deepEqual(
        { ...after, name: before.name, targetValue: before.targetValue, status: before.status, progress: before.progress, expected: before.expected, stale: before.stale },
        before,
        'nothing else changed',
      );
      assert.deepEqual([after.name, after.targetValue, after.sourceQuote, after.tolerance], ['Số đơn vị hành chính cấp xã', 11, 'sắp xếp còn 12 đơn vị', 0.5]);
      assert.equal((await t.call(wardOffice, 'PATCH', `/api/targets/${before.id}`, {})).statusCode, 400, 'an empty edit');
      assert.equal((await t.call(wardOffice, 'PATCH', `/api/targets/${before.id}`, { tolerance: -1 })).statusCode, 400);
      const cleared = await t.call(wardOffice, 'PATCH', `/api/targets/${before.id}`, { baselineValue: null, direction: 'at_most' });
      assert.equal(cleared.statusCode, 200, cleared.body);
      const [noBaseline] = await targetsOf(x.json().id);
      assert.deepEqual([noBaseline.baselineValue, noBaseline.baselineDate], [null, null], 'a cleared baseline takes its date with it');
    });
  });
}
