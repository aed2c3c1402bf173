// Issue #5 "Resolution follow-up", seen from the browser: an office records the Thanh Miếu resolution by pasting the article,
// confirms the recognised targets, enters two years of figures, reads the ward's dashboard and then the province roll-up.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT, openOrgId, openSession, type RunningServer } from './helpers.js';

const ARTICLE = fs.readFileSync(path.resolve(ROOT, '../shared/seeds/003_ed053cd63f6b68be.txt'), 'utf8');
const TITLE = 'Nghị quyết Đại hội đại biểu Đảng bộ phường Thanh Miếu lần thứ Nhất (ghi từ bài báo)';
// two years of figures for the five recognised targets, in the order the article states them
const FIGURES: Record<string, [string, string]> = {
  'Thu ngân sách Nhà nước trên địa bàn': ['470', '530'],
  'Tổng vốn đầu tư toàn xã hội thực hiện trên địa bàn': ['16100', '17000'],
  'Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số căn bản và làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành': ['60', '85'],
  'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình': ['45', '62'],
};

describe('resolution follow-up in the browser', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let wardId = 0;
  let resolutionUrl = '';

  before(async () => {
    ({ server, browser, context, page } = await openSession({ admin: true }));
    wardId = await openOrgId(page, 'thanh mieu', 'Đảng bộ phường Thanh Miếu');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records the resolution from the article: paste, recognise, confirm', async () => {
    await page.getByRole('link', { name: 'Theo dõi Nghị quyết' }).click();
    await page.getByRole('heading', { level: 1, name: 'Theo dõi thực hiện Nghị quyết' }).waitFor();
    await page.goto(`/resolutions/org/${wardId}`);
    await page.getByRole('heading', { level: 1, name: 'Đảng bộ phường Thanh Miếu' }).waitFor();
    await page.getByRole('link', { name: 'Ghi nghị quyết' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ghi nghị quyết' }).waitFor();

    await page.getByLabel('Tên nghị quyết').fill(TITLE);
    await page.getByLabel('Ngày thông qua').fill('2025-07-26');
    await page.getByLabel('Dán văn bản nghị quyết hoặc bài báo').fill(ARTICLE);
    await page.getByRole('button', { name: 'Nhận dạng chỉ tiêu' }).click();
    await page.getByText('Nhận dạng được 5 chỉ tiêu có số liệu.').waitFor();
    await page.getByText('Văn bản nêu 2 khâu đột phá.').waitFor();
    assert.equal(await page.getByLabel('Tên chỉ tiêu 1', { exact: true }).inputValue(), 'Thu ngân sách Nhà nước trên địa bàn');
    assert.equal(await page.getByLabel('Giá trị mục tiêu 1', { exact: true }).inputValue(), '632');
    assert.equal(await page.getByLabel('Số liệu gốc 1', { exact: true }).inputValue(), '410,6', 'the 2025 figure of the article is the baseline');
    assert.equal(await page.getByLabel('Giá trị mục tiêu 2', { exact: true }).inputValue(), '20.000');
    assert.equal(await page.getByLabel('Giá trị mục tiêu 4', { exact: true }).inputValue(), '80');
    // the clerk corrects a name and keeps all five
    await page.getByLabel('Tên chỉ tiêu 5', { exact: true }).fill('Số hộ nghèo theo chuẩn nghèo đa chiều');
    await page.getByLabel('Các khâu đột phá').fill('Đầu tư xây dựng kết cấu hạ tầng đô thị theo hướng hiện đại\nĐẩy mạnh cải cách hành chính theo hướng phục vụ, kết hợp chuyển đổi số');
    await page.getByRole('button', { name: 'Lưu nghị quyết' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    resolutionUrl = page.url();
    await page.getByText('Số hộ nghèo theo chuẩn nghèo đa chiều').waitFor();
    await page.getByRole('heading', { name: 'Khâu đột phá' }).waitFor();
    assert.equal(await page.getByText('Chưa có số liệu').count(), 5);
  });

  it('enters the figures of 2025 and 2026', async () => {
    await page.goto(`/resolutions/org/${wardId}/figures`);
    await page.getByRole('heading', { level: 1, name: 'Nhập số liệu thực hiện' }).waitFor();
    for (const [i, year] of ['2025', '2026'].entries()) {
      await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).click();
      await page.getByRole('option', { name: `Năm ${year}`, exact: true }).click();
      // the new resolution is listed first; the demo data holds the same targets from the same article
      for (const [name, values] of Object.entries(FIGURES)) await page.getByLabel(`Số liệu: ${name}`).first().fill(values[i]);
      await page.getByLabel('Số liệu: Số hộ nghèo theo chuẩn nghèo đa chiều').fill(i === 0 ? '12' : '5');
      // every figure names its source: saving waits until each one has it
      const save = page.getByRole('button', { name: 'Lưu số liệu' });
      assert.equal(await save.isDisabled(), true);
      await page.getByText('Ghi rõ nguồn số liệu.').first().waitFor();
      await page.getByLabel('Nguồn: Thu ngân sách Nhà nước trên địa bàn').first().fill(`Báo cáo kinh tế - xã hội năm ${year}`);
      for (const name of [...Object.keys(FIGURES).slice(1), 'Số hộ nghèo theo chuẩn nghèo đa chiều']) await page.getByLabel(`Nguồn: ${name}`).first().fill(`Báo cáo của phường năm ${year}`);
      await save.click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu 5 số liệu (0 số liệu sửa lại).' }).waitFor();
    }
  });

  it('sees the ward dashboard: progress, on-track status, history', async () => {
    await page.goto(resolutionUrl);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('530 tỷ đồng').first().waitFor();
    assert.equal(await page.getByText('Chưa có số liệu').count(), 0);
    // 530 of the way from 410,6 to 632 by the end of 2026 is ahead of the straight line; 62% online dossiers is behind it
    const card = (name: string) => page.locator('.mantine-Paper-root').filter({ hasText: name }).first();
    await card('Thu ngân sách Nhà nước trên địa bàn').getByText('Đúng tiến độ').waitFor();
    await card('Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình').getByText('Chậm tiến độ').waitFor();
    assert.ok(await page.getByRole('progressbar').count() >= 5);
    // who entered what, and when
    await card('Thu ngân sách Nhà nước trên địa bàn').getByRole('button', { name: 'Lịch sử số liệu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Báo cáo kinh tế - xã hội năm 2026').waitFor();
    assert.equal(await dialog.getByRole('row').filter({ hasText: 'admin' }).count(), 2);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // the online-dossier target gets the province's shared indicator code, so the roll-up aggregates it
    await card('Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình').getByRole('button', { name: 'Sửa' }).click();
    await dialog.getByLabel('Mã chỉ tiêu chung').fill('dvc_truc_tuyen');
    await dialog.getByRole('combobox', { name: 'Cách tổng hợp' }).click();
    await page.getByRole('option', { name: 'Tỷ lệ đơn vị đạt' }).click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Đảng bộ phường Thanh Miếu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đảng bộ phường Thanh Miếu' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
  });

  it("downloads the period's progress report in Word and the dashboard as PDF", async () => {
    await page.goto(`/resolutions/org/${wardId}/figures`);
    await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).click();
    await page.getByRole('option', { name: 'Năm 2026', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo tiến độ kỳ này (Word)' }).click()]);
    assert.match(download.suggestedFilename(), /^Báo cáo tiến độ Nghị quyết - Đảng bộ phường Thanh Miếu - 2026\.docx$/);
    const file = await download.path();
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file!))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG BỘ PHƯỜNG THANH MIẾU', 'BÁO CÁO', 'Tiến độ thực hiện Nghị quyết năm 2026', TITLE, 'Thu ngân sách Nhà nước trên địa bàn', '530']) assert.ok(text.includes(s), s);
    await page.goto(`/resolutions/org/${wardId}`);
    const pdfLink = page.getByRole('link', { name: 'Tải bảng theo dõi (PDF)' });
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).toString('latin1').startsWith('%PDF-'));
  });

  it('the office reminds the owner of an overdue task; the bell shows it', async () => {
    await page.goto(resolutionUrl);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const bell = page.getByRole('button', { name: /^Thông báo \(\d+ chưa đọc\)$/ });
    assert.equal(await bell.getAttribute('aria-label'), 'Thông báo (0 chưa đọc)');
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nhiệm vụ (rõ việc)').fill('Hoàn thành số hóa hồ sơ một cửa');
    // the "6 rõ" and what of the resolution it carries out are required: saving without them says so
    await dialog.getByLabel('Người chịu trách nhiệm (rõ người)').fill('Đồng chí Quản trị');
    await dialog.getByLabel('Kết quả cần đạt (rõ kết quả)').fill('100% hồ sơ được số hóa');
    await dialog.getByLabel('Thời hạn (rõ thời gian)').fill('2025-12-31');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Nhiệm vụ cần gắn với một chỉ tiêu').waitFor();
    await dialog.getByText('Nhiệm vụ cần ghi rõ ngày bắt đầu (rõ lộ trình).').waitFor();
    await dialog.getByRole('combobox', { name: 'Gắn với' }).click();
    await page.getByRole('option', { name: /^Chỉ tiêu 4: Tỷ lệ hồ sơ thủ tục hành chính/ }).click();
    await dialog.getByLabel('Ngày bắt đầu (rõ lộ trình)').fill('2025-09-01');
    await dialog.getByRole('combobox', { name: 'Tài khoản nhận nhắc việc' }).click();
    await page.getByRole('option', { name: /\(admin\)/ }).click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: /^Hoàn thành số hóa hồ sơ một cửa/ }).waitFor();
    await page.getByRole('button', { name: 'Gửi nhắc việc' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi 1 nhắc việc trong daihoi, 0 thư điện tử.' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Chưa cấu hình máy chủ thư' }).waitFor();
    // the bell refreshes on its own within a minute; a reload shows it at once
    await page.reload();
    await page.getByRole('button', { name: 'Thông báo (1 chưa đọc)' }).click();
    const item = page.getByRole('button', { name: /Nhiệm vụ quá hạn: Hoàn thành số hóa hồ sơ một cửa/ });
    await item.waitFor();
    await item.click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Thông báo (0 chưa đọc)' }).waitFor();

    // the office edits the task: a later due date and the evidence of its completion
    await page.getByRole('button', { name: 'Sửa nhiệm vụ Hoàn thành số hóa hồ sơ một cửa' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa nhiệm vụ' });
    assert.equal(await edit.getByLabel('Nhiệm vụ (rõ việc)').inputValue(), 'Hoàn thành số hóa hồ sơ một cửa');
    await edit.getByLabel('Kết quả cần đạt (rõ kết quả)').fill('100% hồ sơ một cửa được số hóa');
    await edit.getByLabel('Tình trạng', { exact: true }).click();
    await page.getByRole('option', { name: 'Hoàn thành' }).click();
    await edit.getByLabel('Minh chứng').fill('Báo cáo 15-BC/ĐU');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: /^Hoàn thành số hóa hồ sơ một cửa 100% hồ sơ một cửa được số hóa/ }).waitFor();
    await page.getByText('Báo cáo 15-BC/ĐU').waitFor();
  });

  it('the office uploads a PDF as evidence of the task, sees it listed and downloads it under its name', async () => {
    const name = 'Biên bản nghiệm thu số hóa.pdf';
    const bytes = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
    await page.getByRole('button', { name: 'Sửa nhiệm vụ Hoàn thành số hóa hồ sơ một cửa' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa nhiệm vụ' });
    await edit.getByText('Chưa có tệp minh chứng.').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), edit.getByRole('button', { name: 'Tải lên minh chứng' }).click()]);
    await chooser.setFiles({ name, mimeType: 'application/pdf', buffer: bytes });
    const link = edit.getByRole('link', { name: `Tải về ${name}` });
    await link.waitFor();
    await edit.getByText(/^\d+(,\d+)? KB · /).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), name);
    assert.ok(fs.readFileSync((await download.path())!).equals(bytes), 'the downloaded bytes are the uploaded ones');
    // a file that is not one of the accepted kinds is refused with the server's message, and not listed
    const [again] = await Promise.all([page.waitForEvent('filechooser'), edit.getByRole('button', { name: 'Tải lên minh chứng' }).click()]);
    await again.setFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('Đã xong') });
    await edit.getByRole('alert').filter({ hasText: 'Chỉ nhận minh chứng là tệp PDF' }).waitFor();
    assert.equal(await edit.getByRole('link', { name: /^Tải về / }).count(), 1);
    await edit.getByRole('button', { name: 'Hủy' }).click();
    await edit.waitFor({ state: 'hidden' });
    // the task's row links it too
    await page.getByRole('row').filter({ hasText: 'Hoàn thành số hóa hồ sơ một cửa' }).getByRole('link', { name: `Tải về ${name}` }).waitFor();
  });

  it('reads the province roll-up and drills down to the ward', async () => {
    await page.getByRole('link', { name: 'Theo dõi Nghị quyết' }).click();
    await page.getByRole('combobox', { name: 'Tổ chức đảng' }).fill('phu tho');
    await page.getByRole('option', { name: 'Đảng bộ tỉnh Phú Thọ' }).click();
    await page.getByRole('button', { name: 'Tổng hợp toàn đảng bộ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp thực hiện Nghị quyết toàn đảng bộ' }).waitFor();
    await page.getByRole('img', { name: 'Tình hình chỉ tiêu theo đơn vị' }).locator('svg.recharts-surface').first().waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Đảng bộ phường Thanh Miếu' }).first();
    await row.getByText('/10 đạt hoặc đúng tiến độ').waitFor();
    // the demo resolution's five targets have no figures: the ward's row says so (not reporting is not a pass)
    await row.getByText('5/10 chỉ tiêu có số liệu').waitFor();
    await page.getByText('Chỉ tiêu chung').waitFor();
    // one unit below the province has targets or tasks: Thanh Miếu, counted once
    const provinceId = Number(/\/resolutions\/org\/(\d+)\/rollup/.exec(page.url())![1]);
    const roll = await (await page.request.get(`/api/orgs/${provinceId}/resolution-rollup?indicator=DVC_TRUC_TUYEN`)).json();
    assert.equal(roll.summary.units, 1);
    assert.deepEqual(roll.units.map((u: { name: string }) => u.name), ['Đảng bộ phường Thanh Miếu']);
    assert.equal(await page.locator('.mantine-Paper-root').filter({ hasText: /^Đơn vị\s*\d+$/ }).textContent(), 'Đơn vị1');
    // the ward's two resolutions both carry DVC_TRUC_TUYEN: the ward is one unit, with the figure of its most recent
    // resolution (this one, recorded after the demo's of the same date): 62% in 2026, under 80%
    assert.deepEqual([roll.indicator.aggregate.unitsTotal, roll.indicator.aggregate.unitsMeeting], [1, 0]);
    assert.deepEqual(roll.indicator.units.map((u: { name: string; value: number; period: string }) => [u.name, u.value, u.period]), [['Đảng bộ phường Thanh Miếu', 62, '2026']]);
    const indicator = page.locator('.mantine-Paper-root').filter({ hasText: 'đơn vị đạt' });
    await indicator.getByText('0/1 đơn vị đạt').waitFor();
    assert.equal(await indicator.getByRole('row').filter({ hasText: /Đảng bộ|Chi bộ/ }).count(), 1, 'one row per unit');
    await indicator.getByRole('row').filter({ hasText: 'Đảng bộ phường Thanh Miếu' }).getByText('62%').waitFor();
    await row.getByRole('link', { name: 'Đảng bộ phường Thanh Miếu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đảng bộ phường Thanh Miếu' }).waitFor();
    // the ward's dashboard counts the task marked done above among its tasks by status
    const card = (label: string) => page.locator('.mantine-Paper-root').filter({ hasText: new RegExp(`^${label}\\s*\\d+$`) });
    assert.equal(await card('Hoàn thành').textContent(), 'Hoàn thành1');
    assert.equal(await card('Quá hạn').textContent(), 'Quá hạn0');
  });
});
