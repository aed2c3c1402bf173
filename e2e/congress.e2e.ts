// Issue #3 "Congress", seen from the browser: the office creates the Từ Sơn congress, allocates seats, picks
// delegates, prints cards and issues a card link; the hall screen follows the check-in desk live (quorum turns
// green); a delegate opens their card link on a phone and follows the presidium through the agenda.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, loginThroughForm, newContext, startServer, type RunningServer } from './helpers.js';

const TU_SON = 'Đảng bộ phường Từ Sơn';
const TITLE = 'Đại hội đại biểu Đảng bộ phường Từ Sơn lần thứ I, nhiệm kỳ 2025–2030';

describe('congress: preparation, check-in desk, projector, console and the delegate phone', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  let congressPath = '';
  let names: string[] = [];
  let tokenUrl = '';

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staff = await newContext(browser, server.url, DESKTOP);
    staff.setDefaultTimeout(20_000);
    page = await staff.newPage();
    phone = await newContext(browser, server.url, PHONE);
    phone.setDefaultTimeout(20_000);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates the Từ Sơn congress from the congress list', async () => {
    await loginThroughForm(page, 'admin', server.adminPassword);
    await page.getByRole('link', { name: 'Đại hội', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đại hội' }).waitFor();
    await page.getByRole('combobox', { name: 'Tổ chức đảng' }).fill('tu son');
    await page.getByRole('option', { name: TU_SON, exact: true }).click();
    await page.getByRole('button', { name: 'Tạo đại hội' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo đại hội' });
    await dialog.getByLabel('Tên đại hội').fill(TITLE);
    await dialog.getByLabel('Nhiệm kỳ').fill('2025–2030');
    await dialog.getByLabel('Ngày khai mạc').fill('2025-08-17');
    await dialog.getByLabel('Ngày bế mạc').fill('2025-08-18');
    await dialog.getByLabel('Địa điểm').fill('Hội trường Trung tâm Văn hóa phường Từ Sơn');
    await dialog.getByLabel('Phương châm').fill('Đoàn kết - Dân chủ - Kỷ cương - Đổi mới - Phát triển');
    await dialog.getByLabel('Bắt đầu').first().fill('2025-08-17T07:30');
    await dialog.getByLabel('Bắt đầu').nth(1).fill('2025-08-17T13:30');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/congress\/\d+$/);
    congressPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Phiên trù bị').waitFor();
  });

  it('allocates the seats, stating the method', async () => {
    await page.getByRole('tab', { name: 'Phân bổ đại biểu' }).click();
    await page.getByText('phương pháp số dư lớn nhất').waitFor();
    await page.getByLabel('Tổng số đại biểu triệu tập').fill('150');
    await page.getByLabel('Số đại biểu đương nhiên').fill('15');
    await page.getByRole('button', { name: 'Phân bổ' }).click();
    await page.getByTestId('seats-sum').filter({ hasText: '150' }).waitFor();
    const rows = await page.getByRole('table', { name: 'Bảng phân bổ đại biểu theo đơn vị' }).locator('tbody tr').count();
    assert.ok(rows > 2, 'one row per unit');
  });

  it('picks three delegates from the members and prints their cards', async () => {
    await page.getByRole('tab', { name: 'Đại biểu', exact: true }).click();
    await page.getByRole('button', { name: 'Thêm đại biểu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chọn đại biểu từ danh sách đảng viên' });
    const boxes = dialog.getByRole('checkbox');
    await boxes.first().waitFor();
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await dialog.getByRole('button', { name: 'Thêm 3 đại biểu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('delegate-count').filter({ hasText: '3 đại biểu' }).waitFor();
    const table = page.getByRole('table', { name: 'Đại biểu' });
    names = (await table.locator('tbody tr td:nth-child(2) p').allInnerTexts()).map((s) => s.trim());
    assert.equal(names.length, 3);

    await page.getByRole('button', { name: 'In thẻ đại biểu (PDF)' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'In thẻ cho đại biểu chưa có thẻ' }).click()]);
    const file = await download.path();
    assert.equal(fs.readFileSync(file).subarray(0, 4).toString(), '%PDF');
    await table.getByText('Đã cấp').first().waitFor();

    // the seating chart, beside the cards
    await page.getByRole('button', { name: 'Sơ đồ chỗ ngồi (PDF)' }).click();
    const [chart] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '16 ghế mỗi hàng' }).click()]);
    assert.equal(chart.suggestedFilename(), 'Sơ đồ chỗ ngồi.pdf');
    assert.equal(fs.readFileSync((await chart.path())!).subarray(0, 4).toString(), '%PDF');

    // a lost card: reissue the first delegate's link (the printed one stops working)
    await page.getByRole('button', { name: `Thao tác với ${names[0]}` }).click();
    await page.getByRole('menuitem', { name: 'Cấp lại mã thẻ (mất thẻ)' }).click();
    const links = page.getByRole('dialog', { name: 'Đường dẫn của đại biểu' }).getByTestId('token-link');
    tokenUrl = (await links.first().getAttribute('href')) ?? '';
    assert.match(tokenUrl, /\/d\/[A-Za-z0-9_-]{20,}$/);
    await page.getByRole('dialog', { name: 'Đường dẫn của đại biểu' }).getByRole('button', { name: 'Đóng' }).click();
  });

  it('the hall screen follows the check-in desk live, and the quorum turns green', async () => {
    // the agenda, set from the console
    await page.goto(`${congressPath}/console`);
    for (const item of ['Khai mạc đại hội', 'Báo cáo chính trị']) {
      await page.getByLabel('Thêm mục chương trình').fill(item);
      await page.getByRole('button', { name: 'Thêm', exact: true }).first().click();
      await page.getByRole('listitem').filter({ hasText: item }).waitFor();
    }

    const projector = await staff.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${congressPath}/projector`);
    const bar = projector.getByTestId('projector-attendance');
    await bar.filter({ hasText: 'Có mặt 0/3' }).waitFor();
    assert.equal(await bar.locator('[data-quorum]').getAttribute('data-quorum'), 'not-met');

    const desk = await staff.newPage();
    await desk.goto(`${congressPath}/checkin`);
    await desk.getByLabel('Họ tên đại biểu').fill(names[1]);
    await desk.getByRole('button', { name: `Điểm danh ${names[1]}` }).click();
    await desk.getByTestId('checkin-result').filter({ hasText: names[1] }).waitFor();
    await bar.filter({ hasText: 'Có mặt 1/3' }).waitFor({ timeout: 5000 });

    // the card's link read by a scanner (or pasted): the second scan changes nothing
    await desk.getByLabel('Mã thẻ').fill(tokenUrl);
    await desk.getByRole('button', { name: 'Điểm danh', exact: true }).click();
    await desk.getByTestId('checkin-result').filter({ hasText: 'Đã điểm danh' }).filter({ hasText: names[0] }).waitFor();
    await desk.getByLabel('Mã thẻ').fill(tokenUrl);
    await desk.getByRole('button', { name: 'Điểm danh', exact: true }).click();
    await desk.getByTestId('checkin-result').filter({ hasText: 'Đại biểu đã điểm danh trước đó' }).waitFor();
    await bar.filter({ hasText: 'Có mặt 2/3' }).waitFor({ timeout: 5000 });
    await bar.locator('[data-quorum="met"]').waitFor({ timeout: 5000 });
    await desk.close();
    await projector.close();
  });

  it('a delegate opens the card link on a phone and follows the presidium through the agenda', async () => {
    const mobile = await phone.newPage();
    await mobile.goto(new URL(tokenUrl).pathname);
    await mobile.getByTestId('delegate-name').filter({ hasText: names[0] }).waitFor();
    const agenda = mobile.getByTestId('delegate-agenda');
    await agenda.getByText('Khai mạc đại hội').waitFor();
    await agenda.getByText('Báo cáo chính trị').waitFor();
    const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling on a 360-px phone (${width}px)`);

    const current = mobile.getByTestId('delegate-current');
    await page.getByRole('button', { name: 'Bắt đầu chương trình' }).click();
    await current.filter({ hasText: 'Khai mạc đại hội' }).waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: 'Mục tiếp ›' }).click();
    await current.filter({ hasText: 'Báo cáo chính trị' }).waitFor({ timeout: 5000 });

    // the delegate asks to speak; the console sees the request
    await mobile.getByLabel('Nội dung đăng ký phát biểu').fill('Về công tác chuyển đổi số');
    await mobile.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
    await mobile.getByText('Đã gửi đăng ký').waitFor();
    await page.getByText('Về công tác chuyển đổi số').waitFor({ timeout: 5000 });
    await mobile.close();
  });

  it('a revoked link no longer opens the delegate view', async () => {
    const mobile = await phone.newPage();
    await mobile.goto('/d/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    await mobile.getByRole('alert').filter({ hasText: 'không còn hiệu lực' }).waitFor();
    await mobile.close();
  });
});
