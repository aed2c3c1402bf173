// Issue #3 "Congress", seen from the browser: the office creates the Từ Sơn congress, allocates seats, picks
// delegates, gives one a photo, prints cards (the QR on the printed card, decoded from the rendered PDF, opens the
// delegate's page on a phone) and issues a card link; the hall screen follows the check-in desk live (quorum turns
// green); a delegate opens their card link on a phone and follows the presidium through the agenda.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { PHONE, loginThroughForm, newContext, openSession, type RunningServer } from './helpers.js';

const TU_SON = 'Đảng bộ phường Từ Sơn';
// jsqr is CommonJS whose types declare an ES default export: under NodeNext the function is its `default`
const jsQR = jsqr.default;
const TITLE = 'Đại hội đại biểu Đảng bộ phường Từ Sơn lần thứ I, nhiệm kỳ 2025–2030';
/** a drawn head and shoulders, landscape on purpose: the server crops it to 3:4 */
const PORTRAIT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><rect width="1200" height="900" fill="#4a90d9"/><circle cx="600" cy="360" r="170" fill="#f1c27d"/><rect x="380" y="560" width="440" height="400" rx="160" fill="#ffffff"/><rect x="570" y="560" width="60" height="260" fill="#b71c1c"/></svg>`;

describe('congress: preparation, check-in desk, projector, console and the delegate phone', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: BrowserContext;
  let phone: BrowserContext;
  let page: Page;
  let congressPath = '';
  let names: string[] = [];
  let tokenUrl = '';
  /** the link in the QR of the first printed card */
  let printedUrl = '';

  before(async () => {
    ({ server, browser, context: staff, page } = await openSession());
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

  it('picks three delegates from the members', async () => {
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
  });

  it('gives the first delegate a photo on their member page (a wrong file is refused in Vietnamese)', async () => {
    const list = (await (await page.request.get(`/api/congresses/${congressPath.split('/').pop()}/delegates`)).json()) as { number: number; memberId: number; fullName: string }[];
    const first = list.sort((a, b) => a.number - b.number)[0];
    assert.equal(first.fullName, names[0], 'the table lists delegates by number');
    await page.goto(`/members/${first.memberId}`);
    await page.getByRole('heading', { level: 1, name: names[0] }).waitFor();
    await page.getByText('Chưa có ảnh').waitFor();
    const choose = async (file: { name: string; mimeType: string; buffer: Buffer }, button: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
      await chooser.setFiles(file);
    };
    await choose({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('đây không phải ảnh') }, 'Tải ảnh lên');
    await page.getByRole('alert').filter({ hasText: 'Ảnh phải là tệp JPEG hoặc PNG.' }).waitFor();
    const portrait = await sharp(Buffer.from(PORTRAIT_SVG)).jpeg({ quality: 90 }).toBuffer();
    await choose({ name: 'anh-3x4.jpg', mimeType: 'image/jpeg', buffer: portrait }, 'Tải ảnh lên');
    await page.getByRole('status').filter({ hasText: 'Đã lưu ảnh.' }).waitFor();
    const img = page.getByRole('img', { name: `Ảnh của ${names[0]}` });
    await img.waitFor();
    assert.equal(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), 300, 'the stored photo is 300 px wide');
    await page.getByRole('button', { name: 'Đổi ảnh' }).waitFor();
  });

  it('prints the cards: the PDF opens, the first card holds the photo and a QR code that decodes to a working link', async () => {
    await page.goto(congressPath);
    await page.getByRole('tab', { name: 'Đại biểu', exact: true }).click();
    const table = page.getByRole('table', { name: 'Đại biểu' });
    await table.getByText(names[0]).first().waitFor();
    // the app was opened as 127.0.0.1: the clerk is told phones will not open the cards' links (the test's phone is this machine)
    await page.getByTestId('card-link-warning').getByText(`Thẻ in lúc này sẽ trỏ tới ${server.url}`).waitFor();
    await page.getByRole('button', { name: 'In thẻ đại biểu (PDF)' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'In thẻ cho đại biểu chưa có thẻ' }).click()]);
    const file = (await download.path())!;
    assert.equal(fs.readFileSync(file).subarray(0, 4).toString(), '%PDF');
    await table.getByText('Đã cấp').first().waitFor();

    // page 1 is the first delegate's card: their photo, and the QR read back from the rendered page
    const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.equal(images.length, 1, 'one image on the first card: the photo');
    assert.match(images[0], /^\s*1\s+\d+\s+image\s+300\s+400\s/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-cards-'));
    execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', file, path.join(dir, 'card')]);
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.png'))!)));
    fs.rmSync(dir, { recursive: true, force: true });
    const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    assert.ok(qr, 'a QR code is found on the rendered card');
    printedUrl = qr.data;
    assert.ok(printedUrl.startsWith(`${server.url}/d/`), printedUrl);
    assert.match(printedUrl, /\/d\/[A-Za-z0-9_-]{32}$/, '24 random bytes, base64url');

    const mobile = await phone.newPage();
    await mobile.goto(printedUrl);
    await mobile.getByTestId('delegate-name').filter({ hasText: names[0] }).waitFor();
    // their own photo, as on the card
    const own = mobile.getByTestId('delegate-photo');
    await own.waitFor();
    await mobile.waitForFunction(() => (document.querySelector('[data-testid="delegate-photo"]') as HTMLImageElement | null)?.complete === true);
    assert.equal(await own.evaluate((el: HTMLImageElement) => el.naturalWidth), 300, 'the stored photo is shown');
    const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling on a 360-px phone (${width}px)`);
    // a slow connection: the phone loads the app's core and the delegate page only, compressed, and keeps them
    const scripts = await mobile.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.js')));
    assert.ok(scripts.some((n) => /DelegatePage-/.test(n)), 'the delegate page is a chunk of its own');
    assert.ok(!scripts.some((n) => /(RollupPage|VotingPage|CongressPage|ConsolePage)-/.test(n)), `no staff page is loaded on the phone: ${scripts.join(', ')}`);
    const core = await fetch(scripts.find((n) => /\/index-[^/]+\.js$/.test(n))!, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(core.headers.get('content-encoding'), 'br');
    assert.match(core.headers.get('cache-control') ?? '', /immutable/);
    await mobile.close();

    // the seating chart, beside the cards
    await page.getByRole('button', { name: 'Sơ đồ chỗ ngồi (PDF)' }).click();
    const [chart] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '16 ghế mỗi hàng' }).click()]);
    assert.equal(chart.suggestedFilename(), 'Sơ đồ chỗ ngồi.pdf');
    assert.equal(fs.readFileSync((await chart.path())!).subarray(0, 4).toString(), '%PDF');

    // a lost card: reissue the first delegate's link (the printed one stops working) — a phone still open on the old
    // card is told at once, without reloading
    const stillOpen = await phone.newPage();
    await stillOpen.goto(printedUrl);
    await stillOpen.getByTestId('delegate-name').filter({ hasText: names[0] }).waitFor();
    await page.getByRole('button', { name: `Thao tác với ${names[0]}` }).click();
    await page.getByRole('menuitem', { name: 'Cấp lại mã thẻ (mất thẻ)' }).click();
    await stillOpen.getByRole('alert').filter({ hasText: 'không còn hiệu lực' }).waitFor({ timeout: 10_000 });
    await stillOpen.close();
    const links = page.getByRole('dialog', { name: 'Đường dẫn của đại biểu' }).getByTestId('token-link');
    tokenUrl = (await links.first().getAttribute('href')) ?? '';
    assert.match(tokenUrl, /\/d\/[A-Za-z0-9_-]{20,}$/);
    await page.getByRole('dialog', { name: 'Đường dẫn của đại biểu' }).getByRole('button', { name: 'Đóng' }).click();

    // one lost card printed again from the delegate's menu: a PDF of that card only
    await page.getByRole('button', { name: `Thao tác với ${names[2]}` }).click();
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'In lại thẻ (PDF)' }).click()]);
    const one = fs.readFileSync((await again.path())!).toString('latin1');
    assert.ok(one.startsWith('%PDF'));
    assert.equal((one.match(/\/Type \/Page\b(?!s)/g) ?? []).length, 1, 'one card');
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

    // the wrong delegate picked at the door: the check-in is undone from the delegates tab, and the hall screen follows
    await desk.getByLabel('Họ tên đại biểu').fill(names[2]);
    await desk.getByRole('button', { name: `Điểm danh ${names[2]}` }).click();
    await bar.filter({ hasText: 'Có mặt 3/3' }).waitFor({ timeout: 5000 });
    await page.goto(`${congressPath}?tab=delegates`);
    await page.getByRole('button', { name: `Thao tác với ${names[2]}` }).click();
    await page.getByRole('menuitem', { name: 'Hủy điểm danh (ghi nhầm)' }).click();
    await bar.filter({ hasText: 'Có mặt 2/3' }).waitFor({ timeout: 5000 });
    await page.goto(`${congressPath}/console`);
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

  it('a revoked link no longer opens the delegate view: the printed card after its reissue, or a made-up one', async () => {
    const mobile = await phone.newPage();
    for (const link of [printedUrl, '/d/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) {
      await mobile.goto(link);
      await mobile.getByRole('alert').filter({ hasText: 'không còn hiệu lực' }).waitFor();
    }
    await mobile.close();
  });
});
