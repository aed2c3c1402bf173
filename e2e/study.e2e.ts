// Issue #5, studying the resolution by QR, seen from the browser: the office adds a study session for a chi bộ,
// prints its members' cards, opens the scanner page, records a member by the code of their card (typed, as a
// camera is not available headless) and another by name, and sees the count and the share who studied go up.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PHONE, openOrgId, openSession, type RunningServer } from './helpers.js';

const CELL = 'Chi bộ Cơ quan Đảng ủy phường Thanh Miếu';

describe('studying the resolution by QR in the browser', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let resolutionId = 0;
  let code = '';
  let scanner = '';
  let cards = 0;
  let byHand = '';
  const pct = (n: number) => String(Math.round((n / cards) * 1000) / 10);

  before(async () => {
    ({ server, browser, context, page } = await openSession({ viewport: PHONE, timeoutMs: 30_000, admin: true }));
    const ward = await openOrgId(page, 'thanh mieu', 'Đảng bộ phường Thanh Miếu');
    const list = (await (await page.request.get(`/api/orgs/${ward}/resolutions`)).json()) as { id: number }[];
    resolutionId = list[0].id;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a study session for a chi bộ and prints its members’ cards', async () => {
    await page.goto(`/resolutions/${resolutionId}`);
    await page.getByRole('heading', { name: 'Học tập, quán triệt nghị quyết' }).waitFor();
    await page.getByRole('button', { name: 'Thêm buổi học tập' }).click();
    const dialog = page.getByRole('dialog');
    const unit = dialog.getByLabel('Đơn vị');
    await unit.fill('co quan dang uy phuong thanh mieu');
    await page.getByRole('option', { name: CELL }).click();
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await dialog.getByLabel('Ngày học tập').fill(today);
    await dialog.getByLabel('Địa điểm').fill('Hội trường Đảng ủy phường');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: CELL }).filter({ has: page.getByRole('link', { name: 'Quét mã QR' }) });
    await row.waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'In thẻ điểm danh (PDF)' }).click()]);
    assert.equal(download.suggestedFilename(), `Thẻ điểm danh - ${CELL}.pdf`);
    const file = (await download.path())!;
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const codes = text.match(/DH1-M\.\d+\.[A-Za-z0-9_-]{16}/g) ?? [];
    const members = (await (await page.request.get(`/api/resolutions/${resolutionId}/study-coverage`)).json()).children as { name: string; members: number }[];
    cards = codes.length;
    assert.equal(cards, members.find((m) => m.name === CELL)!.members, 'one card per member of the chi bộ');
    assert.equal(new Set(codes).size, cards);
    code = codes[0]!;
    await row.getByRole('link', { name: 'Quét mã QR' }).click();
  });

  it('records a member from the code on the card, then another by name; the count and the share go up', async () => {
    await page.getByRole('heading', { level: 1, name: 'Điểm danh học tập bằng mã QR' }).waitFor();
    scanner = new URL(page.url()).pathname;
    const count = page.getByTestId('study-count');
    const share = page.getByTestId('study-share');
    await share.getByText(`0% (0/${cards} đảng viên)`).waitFor();
    assert.equal(await count.textContent(), '0');

    await page.getByLabel('Mã trên thẻ').fill(code);
    await page.getByRole('button', { name: 'Ghi', exact: true }).click();
    const result = page.getByTestId('scan-result');
    await result.getByText('Đã điểm danh', { exact: true }).waitFor();
    const name = (await result.locator('p').first().textContent())!;
    await page.waitForFunction(() => document.querySelector('[data-testid="study-count"]')?.textContent === '1');
    await share.getByText(`${pct(1)}% (1/${cards} đảng viên)`).waitFor();

    // the same card again: recorded once
    await page.getByLabel('Mã trên thẻ').fill(code);
    await page.getByRole('button', { name: 'Ghi', exact: true }).click();
    await result.getByText('Đã điểm danh từ trước').waitFor();
    assert.equal(await count.textContent(), '1');

    // a forged code is refused with the reason
    await page.getByLabel('Mã trên thẻ').fill(code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'));
    await page.getByRole('button', { name: 'Ghi', exact: true }).click();
    await page.getByText('Mã thẻ không hợp lệ: thẻ không do hệ thống này in hoặc đã bị sửa.').waitFor();

    // no card: found by name
    const rows = (await (await page.request.get(`/api/resolutions/${resolutionId}/study-sessions`)).json()) as { id: number; orgId: number }[];
    const members = (await (await page.request.get(`/api/orgs/${rows[0].orgId}/members?pageSize=50`)).json()).items as { fullName: string }[];
    const other = members.find((m) => m.fullName !== name)!.fullName;
    byHand = other;
    await page.getByLabel('Họ tên đảng viên').fill(other);
    await page.getByRole('button', { name: `Điểm danh ${other}` }).first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="study-count"]')?.textContent === '2');
    await share.getByText(`${pct(2)}% (2/${cards} đảng viên)`).waitFor();
    await page.getByRole('cell', { name: 'Quét mã QR' }).waitFor();
    await page.getByRole('cell', { name: 'Điểm danh tay' }).waitFor();

    // back on the resolution page, the chi bộ's row shows the share
    await page.getByRole('link', { name: 'Về nghị quyết' }).click();
    await page.getByRole('heading', { name: 'Học tập, quán triệt nghị quyết' }).waitFor();
    await page.getByRole('row').filter({ hasText: CELL }).filter({ has: page.getByRole('link', { name: 'Quét mã QR' }) }).getByRole('cell', { name: '2', exact: true }).waitFor();
  });

  it("a lost card is reissued on the member's page: the old code is refused, the new one scans", async () => {
    const memberId = Number(code.split('.')[1]);
    await page.goto(`/members/${memberId}`);
    await page.getByRole('button', { name: 'Cấp lại thẻ điểm danh' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cấp lại thẻ điểm danh học tập nghị quyết' });
    await dialog.getByText('sẽ không dùng được nữa').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Cấp thẻ mới và tải về' }).click()]);
    const text = execFileSync('pdftotext', [(await download.path())!, '-'], { encoding: 'utf8' });
    const fresh = text.match(/DH1-M\.\d+\.[A-Za-z0-9_-]{16}/g) ?? [];
    assert.equal(fresh.length, 1, 'one card');
    assert.notEqual(fresh[0], code);
    await page.getByText('Đã cấp thẻ điểm danh mới; thẻ cũ không còn dùng được.').waitFor();

    await page.goto(scanner);
    await page.getByLabel('Mã trên thẻ').fill(code);
    await page.getByRole('button', { name: 'Ghi', exact: true }).click();
    await page.getByText('Thẻ này đã được thay bằng thẻ mới (cấp lại); hãy dùng thẻ mới của đảng viên.').waitFor();
    await page.getByLabel('Mã trên thẻ').fill(fresh[0]);
    await page.getByRole('button', { name: 'Ghi', exact: true }).click();
    await page.getByTestId('scan-result').getByText('Đã điểm danh từ trước').waitFor();
  });
  it('a name recorded by mistake is taken off; a session nobody attended is deleted', async () => {
    await page.goto(`/resolutions/${resolutionId}`);
    await page.getByRole('heading', { name: 'Học tập, quán triệt nghị quyết' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: CELL }).filter({ has: page.getByRole('link', { name: 'Quét mã QR' }) });
    assert.equal(await row.getByRole('button', { name: /^Xóa buổi học tập/ }).count(), 0, 'a session with attendance offers no delete');
    await row.getByRole('button', { name: 'Điểm danh', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: `Bỏ ${byHand} khỏi danh sách dự (ghi nhầm)` }).click();
    await dialog.getByRole('button', { name: `Bỏ ${byHand} khỏi danh sách dự (ghi nhầm)` }).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await row.getByRole('cell', { name: '1', exact: true }).waitFor();

    // a session added by mistake, nobody attended: deleted from its row
    await page.getByRole('button', { name: 'Thêm buổi học tập' }).click();
    const add = page.getByRole('dialog');
    await add.getByLabel('Đơn vị').fill('co quan dang uy phuong thanh mieu');
    await page.getByRole('option', { name: CELL }).click();
    await add.getByLabel('Ngày học tập').fill('2025-09-15');
    await add.getByLabel('Địa điểm').fill('Nhà văn hóa khu phố');
    await add.getByRole('button', { name: 'Lưu' }).click();
    await add.waitFor({ state: 'detached' });
    const empty = page.getByRole('row').filter({ hasText: 'Nhà văn hóa khu phố' });
    await empty.getByRole('button', { name: 'Xóa buổi học tập ngày 15/09/2025 (chưa có người dự)' }).click();
    await empty.waitFor({ state: 'detached' });
  });
});
