// Restructuring from the organisation page, as a ward office would record it: two chi bộ founded under Đảng bộ
// phường Từ Sơn, consolidated into a new one by a decision (a malformed decision number refused first), renamed, moved
// under another parent (a placement the Statute forbids refused first); the tree, as of today and as of a past date,
// and the history of each organisation show every step. The dialogs fill a 360-px phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PHONE, loginThroughForm, newContext, openSession, type RunningServer } from './helpers.js';

const WARD = 'Đảng bộ phường Từ Sơn';
const CELL_A = 'Chi bộ Trường Tiểu học Đồng Kỵ';
const CELL_B = 'Chi bộ Trường THCS Đồng Kỵ';
const MERGED = 'Chi bộ Trường Liên cấp Đồng Kỵ';
const RENAMED = 'Chi bộ Trường Tiểu học và THCS Đồng Kỵ';
const NEW_PARENT = 'Đảng bộ Khối đơn vị sự nghiệp tỉnh';
const ISSUER = 'Ban Thường vụ Đảng ủy phường Từ Sơn';

interface OrgDetail {
  id: number;
  name: string;
  parentId: number | null;
  closedOn: string | null;
  history: { kind: string; effectiveOn: string; decision: { number: string | null } }[];
}

describe('restructuring organisations in the browser', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let wardId = 0;
  let cellBId = 0;
  let mergedId = 0;

  const dialog = () => page.getByRole('dialog');
  const detail = async (id: number) => (await (await page.request.get(`/api/orgs/${id}`)).json()) as OrgDetail;
  const idByName = async (name: string) => {
    const list = (await (await page.request.get(`/api/orgs?search=${encodeURIComponent(name)}`)).json()) as { id: number; name: string }[];
    const found = list.find((o) => o.name === name);
    assert.ok(found, `${name} is in the tree`);
    return found.id;
  };
  const openAction = async (name: string) => {
    await page.getByRole('button', { name: 'Sắp xếp tổ chức' }).click();
    await page.getByRole('menuitem', { name }).click();
    await dialog().waitFor();
  };
  const pickOrg = async (scope: Locator, label: string, typed: string, name: string) => {
    await scope.getByRole('combobox', { name: label }).fill(typed);
    await page.getByRole('option', { name, exact: true }).click();
  };
  const fillDecision = async (d: { number: string; date: string; effectiveOn: string }) => {
    const box = dialog();
    await box.getByLabel('Số quyết định').fill(d.number);
    await box.getByLabel('Ngày quyết định').fill(d.date);
    await box.getByLabel('Cơ quan ban hành').fill(ISSUER);
    await box.getByLabel('Ngày hiệu lực').fill(d.effectiveOn);
  };
  const historyTab = async () => {
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    return page.getByRole('tabpanel', { name: 'Lịch sử' });
  };

  before(async () => {
    ({ server, browser, context, page } = await openSession({ admin: true }));
    wardId = await idByName(WARD);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('founds two chi bộ under the ward, each recorded in the ward history at once', async () => {
    await page.goto(`/orgs/${wardId}`);
    await page.getByRole('heading', { level: 1, name: WARD }).waitFor();
    for (const [name, number] of [
      [CELL_A, '101-QĐ/ĐU'],
      [CELL_B, '102-QĐ/ĐU'],
    ]) {
      await page.getByRole('button', { name: 'Thành lập tổ chức trực thuộc' }).click();
      const box = dialog();
      await box.getByText(`Thành lập tổ chức trực thuộc ${WARD}`).waitFor();
      await box.getByLabel('Tên tổ chức mới').fill(name);
      await box.getByLabel('Loại hình').click();
      await page.getByRole('option', { name: 'Chi bộ', exact: true }).click();
      await fillDecision({ number, date: '2025-08-25', effectiveOn: '2025-09-01' });
      await box.getByRole('button', { name: 'Thành lập' }).click();
      await page.getByRole('status').filter({ hasText: `Đã thành lập ${name}.` }).waitFor();
      await box.waitFor({ state: 'hidden' });
    }
    const history = await historyTab();
    await history.getByText(`Thành lập tổ chức trực thuộc: ${CELL_A}.`).waitFor();
    await history.getByText(`Thành lập tổ chức trực thuộc: ${CELL_B}.`).waitFor();
    await history.getByText(`Quyết định số 102-QĐ/ĐU ngày 25/08/2025 của ${ISSUER}`).waitFor();
    await page.getByRole('tab', { name: /Đơn vị trực thuộc/ }).click();
    await page.getByRole('tabpanel').getByRole('link', { name: CELL_A, exact: true }).waitFor();
    cellBId = await idByName(CELL_B);
  });

  it('refuses a malformed decision number, then consolidates both into a new chi bộ', async () => {
    await page.getByRole('status').getByRole('link', { name: `Mở ${CELL_B}` }).click();
    await page.getByRole('heading', { level: 1, name: CELL_B }).waitFor();
    await openAction('Sáp nhập / hợp nhất');
    const box = dialog();
    await box.getByRole('radio', { name: 'Hợp nhất thành tổ chức mới' }).check();
    await pickOrg(box, 'Thêm tổ chức', 'truong tieu hoc dong ky', CELL_A);
    await box.getByRole('button', { name: `Bỏ ${CELL_A}` }).waitFor();
    await box.getByLabel('Tên tổ chức mới').fill(MERGED);
    assert.equal(await box.getByRole('combobox', { name: 'Trực thuộc' }).inputValue(), WARD, 'the new unit sits where this one sits');

    // the default rule on which kinds may take in sub-units is stated in the form
    await box.getByText(/Quy định mặc định .* chi bộ không có tổ chức trực thuộc/).waitFor();
    await fillDecision({ number: '2315/QĐ-ĐU', date: '2099-01-01', effectiveOn: '2025-10-01' });
    await box.getByRole('button', { name: 'Ghi nhận sáp nhập, hợp nhất' }).click();
    await box.getByText('Số quyết định phải có dạng số-ký hiệu/cơ quan ban hành, ví dụ 2314-QĐ/TU hoặc 12-NQ/ĐU.').waitFor();
    await box.getByText('Ngày ký quyết định ở tương lai; chỉ ghi nhận quyết định đã ban hành.').waitFor();
    assert.equal(await box.getByLabel('Số quyết định').getAttribute('aria-invalid'), 'true');
    assert.equal(await box.getByLabel('Ngày quyết định').getAttribute('aria-invalid'), 'true');
    assert.equal((await detail(cellBId)).closedOn, null, 'nothing was recorded');
    await box.getByLabel('Ngày quyết định').fill('2025-09-25');

    // typed in lower case with spaces, written as the Party writes it
    await box.getByLabel('Số quyết định').fill('2315 - qđ/đu');
    await box.getByLabel('Ngày quyết định').focus();
    assert.equal(await box.getByLabel('Số quyết định').inputValue(), '2315-QĐ/ĐU');
    await box.getByRole('button', { name: 'Ghi nhận sáp nhập, hợp nhất' }).click();

    await page.waitForURL(/\/orgs\/\d+\?tab=history$/);
    mergedId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { level: 1, name: MERGED }).waitFor();
    await page.getByRole('status').filter({ hasText: `Đã hợp nhất thành ${MERGED}.` }).waitFor();
    const formed = page.getByRole('region', { name: 'Hình thành từ' });
    assert.deepEqual((await formed.getByRole('link').allInnerTexts()).sort(), [CELL_A, CELL_B].sort());
    const history = page.getByRole('tabpanel', { name: 'Lịch sử' });
    await history.getByText('01/10/2025 — Hợp nhất, sáp nhập').waitFor();
    await history.getByText(new RegExp(`Hình thành trên cơ sở hợp nhất: .*${CELL_A}`)).waitFor();
    // the founding of the new unit and the merger into it cite the same decision
    assert.equal(await history.getByText(`Quyết định số 2315-QĐ/ĐU ngày 25/09/2025 của ${ISSUER}`).count(), 2);
    assert.equal((await detail(cellBId)).closedOn, '2025-10-01');
  });

  it('renames the new chi bộ', async () => {
    await openAction('Đổi tên');
    const box = dialog();
    await box.getByLabel('Tên mới').fill(RENAMED);
    await fillDecision({ number: '2390-QĐ/ĐU', date: '2025-10-28', effectiveOn: '2025-11-01' });
    await box.getByRole('button', { name: 'Đổi tên' }).click();
    await page.getByRole('status').filter({ hasText: `Đã đổi tên thành ${RENAMED}.` }).waitFor();
    await page.getByRole('heading', { level: 1, name: RENAMED }).waitFor();
    const history = page.getByRole('tabpanel', { name: 'Lịch sử' });
    await history.getByText('01/11/2025 — Đổi tên').waitFor();
    await history.getByText(`Quyết định số 2390-QĐ/ĐU ngày 28/10/2025 của ${ISSUER}`).waitFor();
    await history.getByRole('row').filter({ hasText: MERGED }).filter({ hasText: '01/10/2025 – 01/11/2025' }).waitFor();
  });

  it('refuses a parent the Statute forbids with the server’s message, then moves it', async () => {
    await openAction('Chuyển trực thuộc');
    const box = dialog();
    await box.getByText(`Đang trực thuộc: ${WARD}`).waitFor();
    await pickOrg(box, 'Chuyển về trực thuộc', 'tinh bac ninh', 'Đảng bộ tỉnh Bắc Ninh');
    await fillDecision({ number: '845-QĐ/TU', date: '2025-11-20', effectiveOn: '2025-12-01' });
    await box.getByRole('button', { name: 'Chuyển trực thuộc' }).click();
    await box.getByRole('alert').filter({ hasText: 'Loại tổ chức này không thể trực thuộc tổ chức cấp trên đã chọn.' }).waitFor();

    await pickOrg(box, 'Chuyển về trực thuộc', 'khoi don vi su nghiep', NEW_PARENT);
    await box.getByRole('button', { name: 'Chuyển trực thuộc' }).click();
    await page.getByRole('status').filter({ hasText: `Đã chuyển sang trực thuộc ${NEW_PARENT}.` }).waitFor();
    await page.getByLabel('Vị trí trong cây tổ chức').getByRole('link', { name: NEW_PARENT }).waitFor();
    const history = page.getByRole('tabpanel', { name: 'Lịch sử' });
    await history.getByText(`Chuyển từ ${WARD} sang trực thuộc ${NEW_PARENT}.`).waitFor();
    const kinds = (await detail(mergedId)).history.map((h) => `${h.effectiveOn} ${h.kind} ${h.decision.number}`);
    assert.deepEqual(kinds, ['2025-10-01 found 2315-QĐ/ĐU', '2025-10-01 merge 2315-QĐ/ĐU', '2025-11-01 rename 2390-QĐ/ĐU', '2025-12-01 move 845-QĐ/TU']);
  });

  it('the ward history tells the founding, the consolidation and the move away', async () => {
    await page.goto(`/orgs/${wardId}?tab=history`);
    const history = page.getByRole('tabpanel', { name: 'Lịch sử' });
    await history.getByText(`Thành lập tổ chức trực thuộc: ${CELL_A}.`).waitFor();
    // each unit under the name it had on the day
    await history.getByText(`Thành lập tổ chức trực thuộc: ${MERGED}.`).waitFor();
    await history.getByText(`${RENAMED} chuyển đi, sang trực thuộc ${NEW_PARENT}.`).waitFor();
  });

  it('the tree shows the chi bộ under its new parent today, and as it stood before the move', async () => {
    await page.goto('/orgs');
    const tree = page.getByRole('tree');
    await tree.getByRole('button', { name: 'Mở rộng Đảng bộ tỉnh Bắc Ninh' }).click();
    await tree.getByRole('button', { name: 'Mở rộng Đảng bộ các cơ quan Đảng tỉnh Bắc Ninh' }).click();
    await tree.getByRole('button', { name: `Mở rộng ${NEW_PARENT}` }).click();
    await tree.getByRole('link', { name: RENAMED }).waitFor();
    await tree.getByRole('button', { name: `Mở rộng ${WARD}` }).click();
    await tree.getByRole('link', { name: 'Chi bộ Cơ quan Đảng ủy phường Từ Sơn' }).waitFor();
    for (const gone of [CELL_A, CELL_B, MERGED]) assert.equal(await tree.getByRole('link', { name: gone, exact: true }).count(), 0, `${gone} is no longer in the tree`);

    await page.getByLabel('Xem theo ngày').fill('2025-10-15');
    await page.getByRole('status').filter({ hasText: 'Đang xem cây tổ chức như ngày 15/10/2025.' }).waitFor();
    const past = page.getByRole('tree');
    await past.getByRole('button', { name: 'Mở rộng Đảng bộ tỉnh Bắc Ninh' }).click();
    await past.getByRole('button', { name: `Mở rộng ${WARD}` }).click();
    await past.getByRole('link', { name: MERGED, exact: true }).waitFor();
    assert.equal(await past.getByRole('link', { name: CELL_A, exact: true }).count(), 0, 'merged away by 15/10/2025');
  });

  it('the forms fill a 360-px phone without sideways scrolling', async () => {
    const phone = await newContext(browser, server.url, PHONE);
    try {
      const p = await phone.newPage();
      await loginThroughForm(p, 'admin', server.adminPassword);
      await p.goto(`/orgs/${mergedId}`);
      await p.getByRole('heading', { level: 1, name: RENAMED }).waitFor();
      for (const action of ['Sáp nhập / hợp nhất', 'Chia tách', 'Giải thể']) {
        await p.getByRole('button', { name: 'Sắp xếp tổ chức' }).click();
        await p.getByRole('menuitem', { name: action }).click();
        const box = p.getByRole('dialog');
        await box.getByLabel('Số quyết định').waitFor();
        const size = await box.boundingBox();
        assert.ok(size && Math.round(size.width) === PHONE.width, `${action}: the dialog is ${size?.width} px wide`);
        const overflow = await p.evaluate(() => [...document.querySelectorAll('[role=dialog] *')].some((e) => e.getBoundingClientRect().right > window.innerWidth + 1));
        assert.equal(overflow, false, `${action}: nothing sticks out on the right`);
        await box.getByRole('button', { name: 'Hủy' }).click();
        await box.waitFor({ state: 'hidden' });
      }
    } finally {
      await phone.close();
    }
  });
});
