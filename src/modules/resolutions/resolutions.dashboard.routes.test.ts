// The roll-up over the units below a province, a unit's dashboard task counts and the period report of a unit that
// reports quarterly, through the routes on both engines.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { testEngines } from '../../db/test-harness.js';
import { startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import { TASK_STATUSES, addDays } from './resolutions.rules.js';

const TODAY = '2027-02-10';
const target = (name: string, code: string, extra: Record<string, unknown> = {}) => ({
  name,
  unit: '%',
  direction: 'at_least',
  area: 'economy',
  baselineValue: null,
  baselineDate: null,
  targetValue: 80,
  deadline: '2030-12-31',
  indicatorCode: code,
  aggregation: 'share_meeting',
  ...extra,
});
const dvc = (targetValue = 80) => target('Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình', 'DVC', { targetValue });
const thu = () => target('Thu ngân sách Nhà nước trên địa bàn', 'THU', { unit: 'tỷ đồng', targetValue: 600, aggregation: 'sum' });

for (const engine of testEngines) {
  describe(`resolution roll-up, dashboard and period report [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let province: number;
    let wardA: number;
    let wardB: number;
    let cell: number;
    let newerA: number;
    const targetsOf = async (resolutionId: number) => (await t.call(admin, 'GET', `/api/resolutions/${resolutionId}`)).json().targets.map((x: { id: number }) => x.id) as number[];
    const record = async (orgId: number, adoptedOn: string, targets: unknown[]) => {
      const r = await t.call(admin, 'POST', `/api/orgs/${orgId}/resolutions`, { kind: 'congress', title: `Nghị quyết ${orgId} ${adoptedOn}`, adoptedOn, termStart: 2025, termEnd: 2030, targets, elements: [] });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().id as number;
    };
    const figures = async (orgId: number, period: string, values: [number, number][]) => {
      const r = await t.call(admin, 'POST', `/api/orgs/${orgId}/figures`, { period, figures: values.map(([targetId, value]) => ({ targetId, value, source: 'Báo cáo' })) });
      assert.equal(r.statusCode, 200, r.body);
    };
    /** a task carrying out the resolution's first target (or a key task added for it) */
    const task = async (resolutionId: number, ownerOrgId: number, title: string, status: string, dueOn: string, startOn = '2025-08-01') => {
      const [targetId] = await targetsOf(resolutionId);
      const link = targetId ? { targetId } : { elementId: (await t.call(admin, 'POST', `/api/resolutions/${resolutionId}/elements`, { kind: 'key_task', title: 'Nhiệm vụ trọng tâm' })).json().id };
      const r = await t.call(admin, 'POST', `/api/resolutions/${resolutionId}/tasks`, { title, ...link, ownerOrgId, responsiblePerson: 'Đồng chí Bí thư', expectedResult: 'Xong', startOn, dueOn, status, evidence: status === 'done' ? 'QĐ 1-QĐ/ĐU' : null });
      assert.equal(r.statusCode, 201, r.body);
    };

    before(async () => {
      t = await startTestApp(engine, { today: TODAY });
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      province = await found('Đảng bộ tỉnh Phú Thọ', 'province', null);
      wardA = await found('Đảng bộ phường Thanh Miếu', 'commune', province);
      wardB = await found('Đảng bộ phường Vân Phú', 'commune', province);
      cell = await found('Chi bộ Khu phố 1', 'cell', wardA);

      // the province's own targets: 90% online dossiers, 1000 tỷ đồng
      const [pDvc, pThu] = await targetsOf(await record(province, '2025-10-01', [dvc(90), thu()]));
      await figures(province, '2026', [[pDvc, 50], [pThu, 1000]]);
      // ward A: two resolutions carrying both codes; the newer one is in force
      const [oDvc, oThu] = await targetsOf(await record(wardA, '2025-07-01', [dvc(), thu()]));
      await figures(wardA, '2026', [[oDvc, 95], [oThu, 300]]);
      newerA = await record(wardA, '2025-09-01', [dvc(), thu()]);
      const [nDvc, nThu] = await targetsOf(newerA);
      await figures(wardA, '2026', [[nDvc, 70], [nThu, 100]]);
      await figures(wardA, '2026-Q4', [[nDvc, 72]]);
      // ward B reports by quarter
      const [bDvc, bThu] = await targetsOf(await record(wardB, '2025-08-01', [dvc(), thu()]));
      await figures(wardB, '2026-Q2', [[bDvc, 60], [bThu, 20]]);
      await figures(wardB, '2026-Q3', [[bDvc, 85], [bThu, 50]]);
    });
    after(() => t.close());

    test('the province roll-up: one row per ward below it, not the province itself, each ward counted once', async () => {
      const roll = (await t.call(admin, 'GET', `/api/orgs/${province}/resolution-rollup?indicator=DVC`)).json();
      assert.equal(roll.summary.units, 2);
      assert.deepEqual(roll.units.map((u: { name: string }) => u.name).sort(), ['Đảng bộ phường Thanh Miếu', 'Đảng bộ phường Vân Phú']);
      assert.equal(roll.summary.targets, 6, "the wards' targets, not the province's own");
      const d = roll.indicator;
      assert.equal(d.code, 'DVC');
      assert.deepEqual(d.units.map((u: { name: string; value: number; period: string }) => [u.name, u.value, u.period]), [
        ['Đảng bộ phường Vân Phú', 85, '2026-Q3'],
        ['Đảng bộ phường Thanh Miếu', 70, '2026'],
      ]);
      // Thanh Miếu is judged on its newer resolution (70 < 80), not its older one (95); the province's 50% is not a unit of its own roll-up
      assert.deepEqual([d.aggregate.unitsMeeting, d.aggregate.unitsTotal, d.aggregate.value], [1, 2, 0.5]);
      // the wards' latest figures are of different periods (the year's figure stands over its fourth quarter's)
      assert.deepEqual(d.periods, [{ period: '2026', units: 1 }, { period: '2026-Q3', units: 1 }]);
      const sum = roll.indicators.find((i: { code: string }) => i.code === 'THU');
      assert.equal(sum.aggregate.value, 150, '100 (Thanh Miếu, newer resolution) + 50 (Vân Phú, 2026-Q3)');
      assert.equal(sum.aggregate.unitsTotal, 2);
      // a ward's own roll-up covers the units below it: none has targets
      const ward = (await t.call(admin, 'GET', `/api/orgs/${wardA}/resolution-rollup`)).json();
      assert.equal(ward.summary.units, 0);
      assert.equal(ward.indicator, null);
    });

    test("the dashboard counts the unit's own tasks by status from one aggregate: done and cancelled too", async () => {
      await task(newerA, wardA, 'Ban hành kế hoạch', 'done', '2026-03-01');
      await task(newerA, wardA, 'Nhiệm vụ đã hủy', 'cancelled', '2026-06-30');
      await task(newerA, wardA, 'Quá hạn', 'in_progress', '2027-01-31');
      await task(newerA, wardA, 'Chưa bắt đầu dù đã đến ngày', 'not_started', '2027-06-30', '2027-01-01');
      await task(newerA, wardA, 'Đến hạn sau 14 ngày', 'in_progress', addDays(TODAY, 14));
      await task(newerA, wardA, 'Đến hạn sau 15 ngày', 'in_progress', addDays(TODAY, 15));
      await task(newerA, wardA, 'Đến hạn hôm nay', 'not_started', TODAY);
      const d = (await t.call(admin, 'GET', `/api/orgs/${wardA}/resolution-dashboard`)).json();
      assert.deepEqual(d.taskCounts, { not_started: 2, in_progress: 3, done: 1, cancelled: 1, overdue: 1, at_risk: 3 });
      // the same as the rules count the resolution's tasks one by one (they are all the ward's)
      assert.deepEqual(d.taskCounts, (await t.call(admin, 'GET', `/api/resolutions/${newerA}`)).json().taskCounts);
      assert.equal(d.openTasks.length, 5);
    });

    test('no row limit: a thousand earlier-due tasks of a unit below do not hide the unit’s own', async () => {
      const now = `${TODAY}T03:00:00.000Z`;
      const rows = Array.from({ length: 1001 }, (_, i) => ({
        resolution_id: newerA,
        target_id: null,
        element_id: null,
        title: `Việc của chi bộ ${i + 1}`,
        owner_org_id: cell,
        responsible_person: 'Bí thư chi bộ',
        expected_result: 'Xong',
        start_on: null,
        due_on: '2026-01-01',
        status: 'not_started',
        evidence: null,
        created_at: now,
        updated_at: now,
      }));
      for (let i = 0; i < rows.length; i += 200) await t.database.db.insertInto('resolution_tasks').values(rows.slice(i, i + 200)).execute();
      const ward = (await t.call(admin, 'GET', `/api/orgs/${wardA}/resolution-dashboard`)).json();
      assert.deepEqual(ward.taskCounts, { not_started: 2, in_progress: 3, done: 1, cancelled: 1, overdue: 1, at_risk: 3 });
      assert.deepEqual(new Set(ward.openTasks.map((x: { ownerOrgId: number }) => x.ownerOrgId)), new Set([wardA]));
      const c = (await t.call(admin, 'GET', `/api/orgs/${cell}/resolution-dashboard`)).json();
      assert.equal(c.taskCounts.not_started, 1001);
      assert.equal(c.taskCounts.overdue, 1001);
      // the roll-up: the cell's tasks are in its ward's row (the units directly below); the province's own task is not in its roll-up
      const [provinceResolution] = (await t.call(admin, 'GET', `/api/orgs/${province}/resolutions`)).json();
      await task(provinceResolution.id, province, 'Việc của tỉnh', 'done', '2026-12-31');
      const roll = (await t.call(admin, 'GET', `/api/orgs/${province}/resolution-rollup`)).json();
      assert.deepEqual(roll.summary.tasks, { total: 1008, done: 1, overdue: 1002 });
      assert.equal(roll.units.find((u: { name: string }) => u.name === 'Chi bộ Khu phố 1'), undefined);
      const wardRow = roll.units.find((u: { orgId: number }) => u.orgId === wardA);
      assert.deepEqual([wardRow.tasks, wardRow.subUnits], [{ total: 1008, done: 1, overdue: 1002 }, 1]);
      // its own roll-up opens the next level: the cell, by its tasks
      const next = (await t.call(admin, 'GET', `/api/orgs/${wardA}/resolution-rollup`)).json();
      assert.deepEqual(next.units.map((u: { name: string; tasks: unknown }) => [u.name, u.tasks]), [['Chi bộ Khu phố 1', { total: 1001, done: 0, overdue: 1001 }]]);
    });

    test('property: the aggregate task counts equal the rules applied task by task', async () => {
      const unit = (await t.call(admin, 'POST', '/api/orgs', { name: 'Đảng bộ phường Thử', kind: 'commune', parentId: province, effectiveOn: '2025-07-01' })).json().id as number;
      const resolutionId = await record(unit, '2025-07-01', []);
      const day = fc.integer({ min: -20, max: 20 }).map((d) => addDays(TODAY, d));
      const generated = fc.array(fc.record({ status: fc.constantFrom(...TASK_STATUSES), due: day, start: fc.option(day) }), { maxLength: 25 });
      await fc.assert(
        fc.asyncProperty(generated, async (tasks) => {
          await t.database.db.deleteFrom('resolution_tasks').where('owner_org_id', '=', unit).execute();
          const now = `${TODAY}T03:00:00.000Z`;
          if (tasks.length) {
            await t.database.db
              .insertInto('resolution_tasks')
              .values(tasks.map((x, i) => ({ resolution_id: resolutionId, target_id: null, element_id: null, title: `Việc ${i}`, owner_org_id: unit, responsible_person: 'A', expected_result: 'B', start_on: x.start, due_on: x.due, status: x.status, evidence: null, created_at: now, updated_at: now })))
              .execute();
          }
          const dashboard = (await t.call(admin, 'GET', `/api/orgs/${unit}/resolution-dashboard`)).json();
          const byRules = (await t.call(admin, 'GET', `/api/resolutions/${resolutionId}`)).json();
          assert.deepEqual(dashboard.taskCounts, byRules.taskCounts);
        }),
        { numRuns: 15 },
      );
    });

    test("a year's report of a unit that reports by quarter: its latest quarter, saying which", async () => {
      const r = await t.call(admin, 'GET', `/api/orgs/${wardB}/resolution-report.xlsx?period=2026`);
      assert.equal(r.statusCode, 200, r.body);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('Chỉ tiêu')!;
      assert.deepEqual([1, 4, 5, 6].map((n) => sheet.getCell(n, 1).value), ['ĐẢNG BỘ PHƯỜNG VÂN PHÚ', 'BÁO CÁO', 'Tiến độ thực hiện Nghị quyết năm 2026', 'Kỳ báo cáo: Năm 2026']);
      assert.ok(sheet.getRow(1).values.toString().includes('ĐẢNG CỘNG SẢN VIỆT NAM'));
      assert.equal(sheet.getCell(7, 10).value, 'Số liệu của kỳ');
      const online = (sheet.getSheetValues().filter(Boolean) as unknown[][]).find((row) => row[3] === 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình')!;
      assert.deepEqual([online[9], online[10], online[13]], [85, 'Quý III năm 2026', 'Đã đạt']);
      assert.equal(wb.getWorksheet('Nhiệm vụ')!.getCell(5, 1).value, 'Tiến độ thực hiện Nghị quyết năm 2026');
      // a quarter's report uses that quarter only
      const q4 = new ExcelJS.Workbook();
      await q4.xlsx.load((await t.call(admin, 'GET', `/api/orgs/${wardB}/resolution-report.xlsx?period=2026-Q4`)).rawPayload as unknown as ArrayBuffer);
      const q4Sheet = q4.getWorksheet('Chỉ tiêu')!;
      assert.equal(q4Sheet.getCell(6, 1).value, 'Kỳ báo cáo: Quý IV năm 2026');
      assert.deepEqual([q4Sheet.getCell(8, 9).value, q4Sheet.getCell(8, 13).value], [null, 'Chưa có số liệu']);
      // a year with its own figure and a fourth quarter's: the year's
      const a = new ExcelJS.Workbook();
      await a.xlsx.load((await t.call(admin, 'GET', `/api/orgs/${wardA}/resolution-report.xlsx?period=2026`)).rawPayload as unknown as ArrayBuffer);
      const rows = (a.getWorksheet('Chỉ tiêu')!.getSheetValues().filter(Boolean) as unknown[][]).filter((row) => row[3] === 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình');
      assert.deepEqual(rows.map((row) => [row[9], row[10]]), [[95, 'Năm 2026'], [70, 'Năm 2026']]);
    });
  });
}
