// Issue #5, the parts of a resolution beyond its targets, seen from the browser: an office records a resolution with a
// breakthrough, key tasks and a solution group, adds one more afterwards, links a task of the action programme to a key
// task (then to a target) and reads the link in the task list; a new target's aggregation follows its unit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openOrgId, openSession, type RunningServer } from './helpers.js';

const TITLE = 'Nghị quyết Đại hội Đảng bộ phường Thanh Miếu (khâu đột phá, nhiệm vụ trọng tâm, nhóm giải pháp)';
const BREAKTHROUGH = 'Đầu tư xây dựng kết cấu hạ tầng đô thị theo hướng hiện đại';
const KEY_TASK = 'Đẩy mạnh chuyển đổi số trong hoạt động của hệ thống chính trị';
const KEY_TASK_2 = 'Phát triển thương mại, dịch vụ ven sông';
const SOLUTION = 'Nâng cao chất lượng đội ngũ cán bộ, đảng viên';
const SOLUTION_LATER = 'Phát huy dân chủ, siết chặt kỷ luật, kỷ cương';
const TARGET = 'Tỷ lệ hồ sơ xử lý trực tuyến toàn trình';
const TASK = 'Triển khai hệ thống một cửa điện tử liên thông';

interface Detail {
  elements: { id: number; kind: string; position: number; title: string }[];
  targets: { id: number; name: string; aggregation: string }[];
  tasks: { title: string; targetId: number | null; elementId: number | null }[];
}

describe('resolution elements and task links in the browser', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let wardId = 0;
  let resolutionId = 0;
  const detail = async () => (await (await page.request.get(`/api/resolutions/${resolutionId}`)).json()) as Detail;

  before(async () => {
    ({ server, browser, context, page } = await openSession({ admin: true }));
    wardId = await openOrgId(page, 'thanh mieu', 'Đảng bộ phường Thanh Miếu');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records a resolution with a breakthrough, key tasks and a solution group, numbering dropped', async () => {
    await page.goto(`/resolutions/org/${wardId}`);
    await page.getByRole('link', { name: 'Ghi nghị quyết' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ghi nghị quyết' }).waitFor();
    await page.getByLabel('Tên nghị quyết').fill(TITLE);
    await page.getByLabel('Ngày thông qua').fill('2025-07-26');
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await page.getByLabel('Tên chỉ tiêu 1', { exact: true }).fill(TARGET);
    await page.getByLabel('Giá trị mục tiêu 1', { exact: true }).fill('80');

    // pasted as the resolution numbers them: the numbers and bullets are not part of the text
    await page.getByLabel('Các khâu đột phá').fill(`1. ${BREAKTHROUGH}`);
    await page.getByLabel('Các nhiệm vụ trọng tâm').fill(`(1) ${KEY_TASK}\n\n- Một dòng viết nhầm`);
    await page.getByLabel('Các nhóm giải pháp').fill(`a) ${SOLUTION}`);
    await page.getByText('2 mục').waitFor();
    // the wrong line is removed before saving
    await page.getByLabel('Các nhiệm vụ trọng tâm').fill(`(1) ${KEY_TASK}\n2) ${KEY_TASK_2}`);
    assert.equal(await page.getByText('1 mục', { exact: true }).count(), 2, 'one breakthrough, one solution group');
    await page.getByRole('button', { name: 'Lưu nghị quyết' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    resolutionId = Number(new URL(page.url()).pathname.split('/').pop());

    for (const heading of ['Khâu đột phá', 'Nhiệm vụ trọng tâm', 'Nhóm giải pháp']) await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    for (const text of [BREAKTHROUGH, KEY_TASK, KEY_TASK_2, SOLUTION]) await page.getByRole('listitem').filter({ hasText: text }).waitFor();
    const saved = await detail();
    assert.deepEqual(
      saved.elements.map((e) => [e.kind, e.position, e.title]).sort(),
      [
        ['breakthrough', 1, BREAKTHROUGH],
        ['key_task', 1, KEY_TASK],
        ['key_task', 2, KEY_TASK_2],
        ['solution_group', 1, SOLUTION],
      ].sort(),
    );
  });

  it('adds a solution group on the resolution page', async () => {
    await page.getByRole('button', { name: 'Bổ sung nhóm giải pháp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bổ sung nhóm giải pháp' });
    await dialog.getByLabel('Nội dung').fill(SOLUTION_LATER);
    await dialog.getByLabel('Diễn giải (nếu có)').fill('Theo Quy định về kiểm tra, giám sát');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('listitem').filter({ hasText: SOLUTION_LATER }).getByText('Theo Quy định về kiểm tra, giám sát').waitFor();
    assert.deepEqual(
      (await detail()).elements.filter((e) => e.kind === 'solution_group').map((e) => [e.position, e.title]),
      [
        [1, SOLUTION],
        [2, SOLUTION_LATER],
      ],
    );
    // a typing mistake corrected, then an item entered by mistake removed: the others are renumbered
    await page.getByRole('button', { name: `Sửa ${SOLUTION_LATER}` }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa mục của nghị quyết' });
    await edit.getByLabel('Nội dung').fill(`${SOLUTION_LATER} (đã sửa)`);
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('listitem').filter({ hasText: `${SOLUTION_LATER} (đã sửa)` }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: `Xóa ${SOLUTION}` }).click();
    await page.getByRole('listitem').filter({ hasText: SOLUTION }).filter({ hasNotText: SOLUTION_LATER }).waitFor({ state: 'detached' });
    assert.deepEqual(
      (await detail()).elements.filter((e) => e.kind === 'solution_group').map((e) => [e.position, e.title]),
      [[1, `${SOLUTION_LATER} (đã sửa)`]],
    );
  });

  it('links a task to a key task; the task list shows the link, and editing keeps it', async () => {
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm nhiệm vụ' });
    await dialog.getByLabel('Nhiệm vụ (rõ việc)').fill(TASK);
    await dialog.getByRole('combobox', { name: 'Gắn với' }).click();
    // the choices are grouped: the targets, then each kind of element
    await page.getByRole('option', { name: `Chỉ tiêu 1: ${TARGET}` }).waitFor();
    await page.getByRole('option', { name: `Khâu đột phá 1: ${BREAKTHROUGH}` }).waitFor();
    await page.getByRole('option', { name: `Nhiệm vụ trọng tâm 2: ${KEY_TASK_2}` }).waitFor();
    await page.getByRole('option', { name: `Nhiệm vụ trọng tâm 1: ${KEY_TASK}` }).click();
    await dialog.getByLabel('Người chịu trách nhiệm (rõ người)').fill('Đồng chí Phó Chủ tịch UBND phường');
    await dialog.getByLabel('Kết quả cần đạt (rõ kết quả)').fill('Một cửa điện tử vận hành ở mọi bộ phận');
    await dialog.getByLabel('Ngày bắt đầu (rõ lộ trình)').fill('2026-01-05');
    await dialog.getByLabel('Thời hạn (rõ thời gian)').fill('2027-06-30');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row').filter({ hasText: TASK });
    await row.getByText(`Gắn với Nhiệm vụ trọng tâm 1: ${KEY_TASK}`).waitFor();
    const keyTask = (await detail()).elements.find((e) => e.title === KEY_TASK)!;
    assert.deepEqual(
      (await detail()).tasks.map((t) => [t.title, t.targetId, t.elementId]),
      [[TASK, null, keyTask.id]],
    );

    // editing another field keeps the link
    await page.getByRole('button', { name: `Sửa nhiệm vụ ${TASK}` }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa nhiệm vụ' });
    assert.equal(await edit.getByRole('combobox', { name: 'Gắn với' }).inputValue(), `Nhiệm vụ trọng tâm 1: ${KEY_TASK}`);
    await edit.getByLabel('Kết quả cần đạt (rõ kết quả)').fill('Một cửa điện tử vận hành ở mọi bộ phận, liên thông với tỉnh');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('liên thông với tỉnh').waitFor();
    await row.getByText(`Gắn với Nhiệm vụ trọng tâm 1: ${KEY_TASK}`).waitFor();
    assert.equal((await detail()).tasks[0].elementId, keyTask.id);

    // linked to the target instead: one link at a time
    await page.getByRole('button', { name: `Sửa nhiệm vụ ${TASK}` }).click();
    await edit.getByRole('combobox', { name: 'Gắn với' }).click();
    await page.getByRole('option', { name: `Chỉ tiêu 1: ${TARGET}` }).click();
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText(`Gắn với Chỉ tiêu 1: ${TARGET}`).waitFor();
    const after = await detail();
    assert.deepEqual([after.tasks[0].targetId, after.tasks[0].elementId], [after.targets[0].id, null]);
  });

  it("a new target's aggregation follows its unit, as the server's default does", async () => {
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm chỉ tiêu' });
    const aggregation = dialog.getByRole('combobox', { name: 'Cách tổng hợp' });
    assert.equal(await aggregation.inputValue(), 'Bình quân', 'a share in % averages');
    await dialog.getByLabel('Đơn vị tính').fill('tỷ đồng');
    assert.equal(await aggregation.inputValue(), 'Tổng', 'an amount adds up');
    await dialog.getByLabel(/^Chỉ tiêu\s*\*?$/).fill('Thu ngân sách trên địa bàn');
    await dialog.getByLabel(/^Mục tiêu\s*\*?$/).fill('632');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const saved = (await detail()).targets.map((t) => [t.name, t.aggregation]);
    assert.deepEqual(saved, [
      [TARGET, 'average'],
      ['Thu ngân sách trên địa bàn', 'sum'],
    ]);
  });

  it("the roll-up's indicator chart shows a unit without figures as missing, and each unit's own target", async () => {
    // two cells of the ward share an indicator with different targets; only the first reports
    const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const cells = ((await (await page.request.get(`/api/orgs?parentId=${wardId}&limit=2`)).json()) as { id: number }[]).slice(0, 2);
    for (const [i, cell] of cells.entries()) {
      const target = { name: 'Tỷ lệ đảng viên dùng sổ tay điện tử', unit: '%', direction: 'at_least', area: 'party_building', indicatorCode: 'SO_TAY_DIEN_TU', targetValue: [80, 90][i], deadline: '2030-12-31' };
      const created = await page.request.post(`/api/orgs/${cell.id}/resolutions`, { headers, data: { kind: 'congress', title: 'Nghị quyết chi bộ', adoptedOn: '2025-05-10', termStart: 2025, termEnd: 2030, targets: [target], elements: [] } });
      assert.equal(created.status(), 201, await created.text());
      if (i > 0) continue;
      const { targets } = (await (await page.request.get(`/api/resolutions/${((await created.json()) as { id: number }).id}`)).json()) as Detail;
      const figures = await page.request.post(`/api/orgs/${cell.id}/figures`, { headers, data: { period: '2025', figures: [{ targetId: targets[0].id, value: 60, source: 'Báo cáo chi bộ' }] } });
      assert.equal(figures.status(), 200, await figures.text());
    }
    await page.goto(`/resolutions/org/${wardId}/rollup`);
    await page.getByRole('combobox', { name: 'Chỉ tiêu (mã chung)' }).click();
    await page.getByRole('option', { name: /\(SO_TAY_DIEN_TU\)/ }).click();
    const chart = page.getByRole('img', { name: 'Tỷ lệ đảng viên dùng sổ tay điện tử' });
    await chart.locator('svg.recharts-surface').first().waitFor();
    await chart.getByText('chưa có số liệu', { exact: true }).waitFor();
    assert.equal(await chart.locator('.recharts-bar-rectangle').count(), 1, 'no bar at 0 for the unit without figures');
    assert.equal(await chart.locator('line.unit-target').count(), 2, 'a target mark per unit');
    await page.getByText('Vạch đỏ: mục tiêu riêng của từng đơn vị (các đơn vị có mục tiêu khác nhau). 1 đơn vị chưa có số liệu (không tính là 0).').waitFor();
  });
});
