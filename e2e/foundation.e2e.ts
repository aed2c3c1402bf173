// Issue #2 "Foundation", seen from the browser: a ward office clerk logs in, browses the Party organisation tree,
// reads how Đảng bộ phường Từ Sơn was formed, imports and exports a member list, finds a member without typing accents,
// transfers her to another organisation and switches the interface to English.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loginThroughForm, openSession, type RunningServer } from './helpers.js';

const TU_SON = 'Đảng bộ phường Từ Sơn';
const FORMER_WARDS = ['Đảng bộ phường Đông Ngàn', 'Đảng bộ phường Đình Bảng', 'Đảng bộ phường Tân Hồng', 'Đảng bộ phường Phù Chẩn'];
const TRANSFER_TARGET = 'Chi bộ Cơ quan Đảng ủy phường Từ Sơn';

/** "Tổng số 2.555 đảng viên" → 2555 */
const countIn = (text: string) => Number((/([\d.]+)/.exec(text)?.[1] ?? 'NaN').replace(/\./g, ''));

/** an .xlsx with the template's header row and these rows, values keyed by the template's column titles (without "*") */
async function workbookLike(templateHeaders: string[], rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh sách đảng viên');
  sheet.addRow(templateHeaders);
  rows.forEach((r, i) => sheet.addRow(templateHeaders.map((h) => (h === 'STT' ? i + 1 : (r[h.replace(/\*$/, '')] ?? '')))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('foundation: organisation tree and member registry in the browser', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let tuSonUrl = '';

  before(async () => {
    ({ server, browser, context, page } = await openSession());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks for a login, in Vietnamese, and logs in through the form', async () => {
    await page.goto('/');
    await page.waitForURL(/\/login/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

    // a wrong password is refused with the server's Vietnamese message
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();

    await loginThroughForm(page, 'admin', server.adminPassword);
    await page.getByRole('heading', { level: 1, name: 'Cây tổ chức đảng' }).waitFor();
  });

  it('opens Đảng bộ phường Từ Sơn from the tree and shows the four wards it was merged from', async () => {
    const tree = page.getByRole('tree');
    await tree.getByRole('link', { name: 'Đảng bộ tỉnh Bắc Ninh' }).waitFor();
    // children are loaded when the province is expanded
    assert.equal(await tree.getByRole('link', { name: TU_SON }).count(), 0);
    await tree.getByRole('button', { name: 'Mở rộng Đảng bộ tỉnh Bắc Ninh' }).click();
    await tree.getByRole('link', { name: TU_SON }).click();
    await page.waitForURL(/\/orgs\/\d+$/);
    tuSonUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TU_SON }).waitFor();

    const formed = page.getByRole('region', { name: 'Hình thành từ' });
    await formed.waitFor();
    const text = await formed.innerText();
    assert.match(text, /Hợp nhất ngày 01\/07\/2025 từ 4 tổ chức/);
    const links = await formed.getByRole('link').allInnerTexts();
    assert.deepEqual([...links].sort(), [...FORMER_WARDS].sort());

    const total = countIn(await page.getByTestId('member-count').innerText());
    assert.ok(total > 2500, `Từ Sơn should hold more than 2,500 members, shows ${total}`);

    // the history tab tells the same story
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    await page.getByText(/01\/07\/2025 — Hợp nhất, sáp nhập/).waitFor();
    await page.getByText(/Hình thành trên cơ sở hợp nhất: .*Đảng bộ phường Phù Chẩn/).waitFor();
    await page.getByRole('tab', { name: 'Đảng viên' }).click();
  });

  it('imports a member list from Excel: every bad row is listed, a good file is imported', async () => {
    const template = await page.request.get('/api/members/import-template.xlsx');
    assert.equal(template.status(), 200);
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const headers = (twb.worksheets[0].getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    assert.ok(headers.includes('Họ và tên*'), `unexpected template headers: ${headers.join(', ')}`);

    const before = countIn(await page.getByTestId('member-count').innerText());
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Nhập danh sách đảng viên').first().waitFor();
    await dialog.getByText(/Tối đa 20 MB .* "Chi bộ khu phố 1 \/ Đảng bộ phường Từ Sơn"/).waitFor();

    // a file with two bad rows: nothing is imported, both rows are shown
    const bad = await workbookLike(headers, [
      { 'Họ và tên': 'Trần Văn Sai Một', 'Giới tính': 'Không rõ', 'Ngày sinh': '12/05/1980', 'Dân tộc': 'Kinh', 'Ngày vào Đảng': '03/02/2005' },
      { 'Họ và tên': 'Lê Thị Sai Hai', 'Giới tính': 'Nữ', 'Ngày sinh': '31/02/1990', 'Dân tộc': 'Kinh', 'Ngày vào Đảng': '03/02/2015' },
    ]);
    await dialog.locator('input[type=file]').setInputFiles({ name: 'sai.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    await dialog.getByRole('button', { name: 'Nhập danh sách' }).click();
    await dialog.getByText(/Tệp có \d+ lỗi; chưa nhập dòng nào/).waitFor();
    const problems = dialog.getByRole('table', { name: 'Các lỗi trong tệp' });
    const problemRows = problems.locator('tbody tr');
    assert.ok((await problemRows.count()) >= 2);
    const problemText = await problems.innerText();
    assert.match(problemText, /Giới tính "Không rõ" không hợp lệ/);
    assert.match(problemText, /Không đọc được ngày "31\/02\/1990"/);

    // a good file: three members, one of them into a named cell
    const good = await workbookLike(headers, [
      { 'Họ và tên': 'Đặng Văn Kiểm Tra', 'Giới tính': 'Nam', 'Ngày sinh': '12/05/1980', 'Dân tộc': 'Kinh', 'Ngày vào Đảng': '03/02/2005', 'Ngày chính thức': '03/02/2006' },
      { 'Họ và tên': 'Phùng Thị Thử Nghiệm', 'Giới tính': 'Nữ', 'Ngày sinh': '01/09/1992', 'Dân tộc': 'Tày', 'Ngày vào Đảng': '19/05/2020', 'Ngày chính thức': '19/05/2021', 'Chi bộ': 'Chi bộ khu phố Đông Ngàn 6' },
      { 'Họ và tên': 'Vũ Minh Nhập Liệu', 'Giới tính': 'Nam', 'Ngày sinh': '20/11/1999', 'Dân tộc': 'Kinh', 'Ngày vào Đảng': '02/09/2025' },
    ]);
    await dialog.locator('input[type=file]').setInputFiles({ name: 'danh-sach.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await dialog.getByRole('button', { name: 'Nhập danh sách' }).click();
    await dialog.getByText('Đã nhập 3 đảng viên.').waitFor();
    assert.equal(await dialog.getByRole('table', { name: 'Các lỗi trong tệp' }).count(), 0);
    await dialog.getByRole('button', { name: 'Đóng' }).first().click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByTestId('member-count').filter({ hasText: `Tổng số ${(before + 3).toLocaleString('vi-VN')} đảng viên` }).waitFor();
    await page.getByLabel('Tìm đảng viên').fill('kiem tra');
    await page.getByRole('link', { name: 'Đặng Văn Kiểm Tra' }).waitFor();
    await page.getByLabel('Tìm đảng viên').fill('');
  });

  it('exports the member list as Excel', async () => {
    const total = countIn(await page.getByTestId('member-count').innerText());
    await page.getByRole('button', { name: 'Xuất danh sách' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Tệp Excel (.xlsx)' }).click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    assert.ok(cells.includes('Đặng Văn Kiểm Tra'), 'the imported member is in the export');
    assert.ok(cells.includes('Nguyễn Thị Hương'), 'the demo members are in the export');
    assert.ok(sheet.actualRowCount >= total, `the export holds ${sheet.actualRowCount} rows for ${total} members`);
  });

  it('finds Nguyễn Thị Hương by typing "nguyen thi huong"', async () => {
    await page.getByLabel('Tìm đảng viên').fill('nguyen thi huong');
    await page.getByTestId('member-count').filter({ hasText: /^Tìm thấy/ }).waitFor();
    const found = countIn(await page.getByTestId('member-count').innerText());
    assert.ok(found >= 1, 'at least one Nguyễn Thị Hương in Từ Sơn');
    const names = await page.locator('tbody').getByRole('link').allInnerTexts();
    assert.equal(names.length, Math.min(found, 50));
    assert.ok(names.includes('Nguyễn Thị Hương'), `found ${names.join(', ')}`);
    // every hit holds the three words, accents aside (the server matches parts of words: "huong" is in "Phương")
    const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
    for (const n of names) for (const w of ['nguyen', 'thi', 'huong']) assert.ok(fold(n).includes(w), `${n} does not match ${w}`);
  });

  it('transfers her to another organisation', async () => {
    await page.locator('tbody').getByRole('link', { name: 'Nguyễn Thị Hương', exact: true }).first().click();
    await page.waitForURL(/\/members\/\d+$/);
    const memberId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { level: 1, name: 'Nguyễn Thị Hương' }).waitFor();
    const beforeApi = (await (await page.request.get(`/api/members/${memberId}`)).json()) as { orgName: string; history: unknown[] };
    assert.notEqual(beforeApi.orgName, TRANSFER_TARGET);

    await page.getByRole('button', { name: 'Chuyển sinh hoạt' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Đang sinh hoạt tại: ${beforeApi.orgName}`).waitFor();
    await dialog.getByRole('combobox', { name: 'Chuyển đến tổ chức' }).fill('co quan dang uy phuong tu son');
    await page.getByRole('option', { name: TRANSFER_TARGET }).click();
    await dialog.getByRole('button', { name: 'Chuyển sinh hoạt' }).click();
    await page.getByRole('status').filter({ hasText: `Đã chuyển Nguyễn Thị Hương đến ${TRANSFER_TARGET}.` }).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // the profile and the history now show the new organisation
    await page.locator('dd').getByRole('link', { name: TRANSFER_TARGET }).waitFor();
    const history = page.getByRole('region', { name: 'Quá trình sinh hoạt' });
    await history.getByRole('row').filter({ hasText: TRANSFER_TARGET }).filter({ hasText: 'nay' }).waitFor();
    const afterApi = (await (await page.request.get(`/api/members/${memberId}`)).json()) as { orgName: string; history: unknown[] };
    assert.equal(afterApi.orgName, TRANSFER_TARGET);
    assert.equal(afterApi.history.length, beforeApi.history.length + 1);
  });

  it('switches the interface to English', async () => {
    await page.locator('label', { hasText: /^EN$/ }).first().click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Organisation tree' }).waitFor();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    // the choice is remembered on the next page
    await page.goto(tuSonUrl);
    await page.getByRole('tab', { name: 'History' }).waitFor();
    await page.getByRole('heading', { name: 'Formed from' }).waitFor();
  });
});
