// Issue #3 "Congress", the preparation the office does before the hall fills, seen from the browser: the quorum share
// in the congress form (2/3 by default, to be checked against the regulation); the working bodies: the presidium
// picked from the delegates with a diacritic-free search, then approved by a show of hands, and the counting committee
// with a guest, its order and one chair (a second chair is refused as it is marked); a text document added and shown
// on the hall screen page by page from the console, a PDF shown by its title and removed; an alternate's order of
// votes and eligibility note; the credentials report printed from its tab (DOCX and PDF).
// DAIHOI_SCREENSHOTS=<dir> also saves a screenshot of each page changed, at 360 px and at desktop width.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { foldForSearch } from '../src/shared/vietnamese.js';
import { unzipEntry } from '../src/modules/congress/congress.test-support.js';
import { DESKTOP, PHONE, callApi as call, openSession, type RunningServer } from './helpers.js';

const TITLE = 'Đại hội đại biểu Đảng bộ phường Từ Sơn lần thứ I, nhiệm kỳ 2025–2030';
const SHOTS = process.env.DAIHOI_SCREENSHOTS;
const GUEST = 'Nguyễn Thị Khách Mời';
const SECOND_HEAD = 'Mỗi đoàn, ban chỉ có một trưởng đoàn / trưởng ban.';
const DOC_TITLE = 'Chương trình làm việc của Đại hội';
// three paragraphs of about 300 characters: two pages on the hall screen
const PARAGRAPHS = [
  'Buổi sáng ngày 17 tháng 8 năm 2025: chào cờ, tuyên bố lý do, giới thiệu đại biểu; Đại hội biểu quyết thông qua Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách đại biểu; thông qua chương trình làm việc và quy chế làm việc của Đại hội; diễn văn khai mạc Đại hội do đồng chí Bí thư Đảng ủy trình bày.',
  'Trình bày Báo cáo chính trị của Ban Chấp hành Đảng bộ khóa trước trình Đại hội; báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành nhiệm kỳ 2020–2025; báo cáo tổng hợp ý kiến đóng góp vào dự thảo văn kiện Đại hội đại biểu toàn quốc lần thứ XIV của Đảng và văn kiện Đại hội cấp trên.',
  'Buổi chiều: thảo luận các văn kiện; báo cáo thẩm tra tư cách đại biểu; bầu Ban Chấp hành Đảng bộ nhiệm kỳ 2025–2030 và bầu đoàn đại biểu đi dự Đại hội cấp trên; thông qua Nghị quyết Đại hội; bế mạc Đại hội.',
];
const NOTE = 'Chưa đủ 12 tháng kể từ ngày chuyển sinh hoạt đảng về Đảng bộ';

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.bringToFront();
  for (const [suffix, size] of [['360', PHONE], ['desktop', DESKTOP]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${suffix}.png`), fullPage: true });
  }
}

interface DelegateRow {
  id: number;
  number: number;
  fullName: string;
  class: 'official' | 'alternate';
  rank: number | null;
  eligibilityNote: string | null;
}
interface Bodies {
  bodies: { body: string; members: { delegateId: number | null; fullName: string; head: boolean }[]; approvedBy: unknown }[];
}

async function noSidewaysScroll(page: Page, what: string) {
  // in a tab behind another (the hall screen) the layout's transitions do not run
  await page.bringToFront();
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(500);
  const { width, wide } = await page.evaluate((max) => {
    const wide = [...document.querySelectorAll('body *')]
      // where the overflow starts: an element wider than the screen inside one that is not
      .filter((el) => el.getBoundingClientRect().right > max + 1 && (!el.parentElement || el.parentElement.getBoundingClientRect().right <= max + 1))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 50)} "${(el.textContent ?? '').slice(0, 30)}"`);
    return { width: document.documentElement.scrollWidth, wide };
  }, PHONE.width);
  assert.ok(width <= PHONE.width, `${what}: no sideways scrolling on a 360-px phone (${width}px): ${wide.join('; ')}`);
  await page.setViewportSize(DESKTOP);
}

describe('congress setup: quorum, working bodies, documents on the hall screen, delegate records', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: BrowserContext;
  let page: Page;
  let congressId = 0;
  let delegates: DelegateRow[] = [];

  before(async () => {
    ({ server, browser, context: staff, page } = await openSession({ admin: true }));
    const orgs = await call<{ id: number; name: string }[]>(page, 'GET', `/api/orgs?search=${encodeURIComponent('tu son')}&limit=20`);
    const orgId = orgs.find((o) => o.name === 'Đảng bộ phường Từ Sơn')!.id;
    const members = await call<{ items: { id: number; fullName: string; officialOn: string | null }[] }>(page, 'GET', `/api/orgs/${orgId}/members?pageSize=50`);
    // distinct names, so each is found by its name alone
    const picks = members.items.filter((m, i, all) => m.officialOn && all.findIndex((x) => foldForSearch(x.fullName) === foldForSearch(m.fullName)) === i).slice(0, 5);
    assert.equal(picks.length, 5);
    ({ id: congressId } = await call<{ id: number }>(page, 'POST', '/api/congresses', { orgId, title: TITLE, kind: 'delegates', term: '2025–2030', opensOn: '2025-08-17', closesOn: '2025-08-18' }));
    await call(page, 'POST', `/api/congresses/${congressId}/delegates`, {
      delegates: picks.map((m, i) => ({ memberId: m.id, class: i < 4 ? 'official' : 'alternate', origin: 'elected' })),
    });
    delegates = (await call<DelegateRow[]>(page, 'GET', `/api/congresses/${congressId}/delegates`)).sort((a, b) => a.number - b.number);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the congress form sets the quorum share, 2/3 by default, with the note to check it against the regulation', async () => {
    await page.goto(`/congress/${congressId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa thông tin đại hội' });
    const numerator = dialog.getByRole('textbox', { name: 'Tử số' });
    const denominator = dialog.getByRole('textbox', { name: 'Mẫu số' });
    assert.equal(await numerator.inputValue(), '2');
    assert.equal(await denominator.inputValue(), '3');
    await dialog.getByText('cần đối chiếu với quy định hiện hành').waitFor();
    await shot(page, 'congress-form');
    await numerator.fill('4');
    await denominator.fill('3');
    await dialog.getByRole('alert').filter({ hasText: 'Tỷ lệ không được lớn hơn 1' }).waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Lưu' }).isDisabled(), true, 'a share over 1 is not sent');
    await numerator.fill('3');
    await denominator.fill('4');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('3/4', { exact: true }).waitFor();
    const c = await call<{ quorumNumerator: number; quorumDenominator: number }>(page, 'GET', `/api/congresses/${congressId}`);
    assert.deepEqual([c.quorumNumerator, c.quorumDenominator], [3, 4]);

    // the rule as the console describes it: the share and the note
    await page.goto(`/congress/${congressId}/console`);
    const attendance = page.getByTestId('attendance');
    await attendance.getByText('cần đối chiếu với quy định hiện hành').waitFor();
    await attendance.getByText('Cần ít nhất 3/4').waitFor();
  });

  it('sets the presidium from the delegates, found without diacritics, approved by a show of hands; the seating chart menu says it seats the presidium table', async () => {
    await page.goto(`/congress/${congressId}?tab=bodies`);
    const presidium = page.getByTestId('body-presidium');
    await presidium.getByText('Chưa biểu quyết').waitFor();
    await presidium.getByText('nội dung «Đoàn Chủ tịch»').waitFor();
    for (const id of ['body-secretariat', 'body-credentials_committee', 'body-counting_committee']) await page.getByTestId(id).waitFor();
    await noSidewaysScroll(page, 'working bodies');
    await page.getByRole('button', { name: 'Sửa danh sách Đoàn Chủ tịch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Danh sách Đoàn Chủ tịch' });
    await dialog.getByText('không có trưởng đoàn').waitFor();
    const picker = dialog.getByRole('combobox', { name: 'Thêm người' });
    // the first delegate by their name typed without diacritics, the second by their number
    await picker.fill(foldForSearch(delegates[0].fullName));
    await page.getByRole('option', { name: `${delegates[0].number}. ${delegates[0].fullName}` }).click();
    await picker.fill(String(delegates[1].number));
    await page.getByRole('option', { name: `${delegates[1].number}. ${delegates[1].fullName}` }).click();
    const rows = dialog.getByRole('list', { name: 'Đoàn Chủ tịch' }).getByRole('listitem');
    await rows.nth(1).filter({ hasText: delegates[1].fullName }).waitFor();
    assert.equal(await picker.inputValue(), '', 'the field is empty again after a pick');
    assert.equal(await dialog.getByRole('checkbox').count(), 0, 'the presidium has no head to mark');
    await shot(page, 'body-editor');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const listed = presidium.getByRole('listitem');
    await listed.nth(1).filter({ hasText: delegates[1].fullName }).waitFor();
    assert.match(await listed.nth(0).innerText(), new RegExp(delegates[0].fullName));

    // the congress approves it by show of hands (the secretariat enters the count): the card says so, the editor warns
    for (const d of delegates.filter((x) => x.class === 'official')) await call(page, 'POST', `/api/congresses/${congressId}/checkins`, { delegateId: d.id });
    const { id: voteId } = await call<{ id: number }>(page, 'POST', `/api/congresses/${congressId}/votes`, { subject: 'presidium', question: 'Đại hội biểu quyết thông qua danh sách Đoàn Chủ tịch' });
    await call(page, 'POST', `/api/congresses/${congressId}/votes/${voteId}/open`, {});
    await call(page, 'POST', `/api/congresses/${congressId}/votes/${voteId}/hand-count`, { for: 4, against: 0 });
    await call(page, 'POST', `/api/congresses/${congressId}/votes/${voteId}/close`, {});
    await page.reload();
    await presidium.getByTestId('body-presidium-approval').filter({ hasText: 'Đã biểu quyết thông qua' }).waitFor();
    await page.getByTestId('body-secretariat-approval').filter({ hasText: 'Chưa biểu quyết' }).waitFor();
    await page.getByRole('button', { name: 'Sửa danh sách Đoàn Chủ tịch' }).click();
    await dialog.getByText('Danh sách này đã được đại hội biểu quyết thông qua').waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: 'Đại biểu', exact: true }).click();
    await page.getByRole('button', { name: 'Sơ đồ chỗ ngồi (PDF)' }).click();
    await page.getByRole('menu').getByText('Bàn Đoàn Chủ tịch xếp theo danh sách Đoàn Chủ tịch').waitFor();
    await page.keyboard.press('Escape');
  });

  it('sets the counting committee with a guest and one chair; a second chair is refused as it is marked', async () => {
    await page.goto(`/congress/${congressId}?tab=bodies`);
    await page.getByRole('button', { name: 'Sửa danh sách Ban Kiểm phiếu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Danh sách Ban Kiểm phiếu' });
    const picker = dialog.getByRole('combobox', { name: 'Thêm người' });
    for (const d of [delegates[2], delegates[3]]) {
      await picker.fill(foldForSearch(d.fullName).split(' ').slice(-2).join(' '));
      await page.getByRole('option', { name: `${d.number}. ${d.fullName}` }).click();
      await dialog.getByText(d.fullName).waitFor();
    }
    // someone who is not a delegate, by name
    await picker.fill(GUEST);
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await dialog.getByRole('listitem').filter({ hasText: GUEST }).filter({ hasText: 'không phải đại biểu' }).waitFor();

    await dialog.getByRole('checkbox', { name: `${delegates[2].fullName} là Trưởng ban` }).check();
    await dialog.getByRole('checkbox', { name: `${delegates[3].fullName} là Trưởng ban` }).check();
    await dialog.getByRole('alert').filter({ hasText: SECOND_HEAD }).waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Lưu' }).isDisabled(), true, 'two chairs are not sent');
    await shot(page, 'body-editor-refused');
    await dialog.getByRole('checkbox', { name: `${delegates[3].fullName} là Trưởng ban` }).uncheck();
    await dialog.getByRole('alert').filter({ hasText: SECOND_HEAD }).waitFor({ state: 'hidden' });
    // the guest is announced first
    await dialog.getByRole('button', { name: `Đưa ${GUEST} lên` }).click();
    await dialog.getByRole('button', { name: `Đưa ${GUEST} lên` }).click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = page.getByTestId('body-counting_committee');
    await card.getByText('Trưởng ban').waitFor();
    await shot(page, 'working-bodies');

    const { bodies } = await call<Bodies>(page, 'GET', `/api/congresses/${congressId}/working-bodies`);
    const counting = bodies.find((b) => b.body === 'counting_committee')!;
    assert.deepEqual(
      counting.members.map((m) => [m.delegateId, m.fullName, m.head]),
      [
        [null, GUEST, false],
        [delegates[2].id, delegates[2].fullName, true],
        [delegates[3].id, delegates[3].fullName, false],
      ],
    );
    assert.deepEqual(
      bodies.find((b) => b.body === 'presidium')!.members.map((m) => m.delegateId),
      [delegates[0].id, delegates[1].id],
    );
  });

  it('adds a text document and shows it on the hall screen page by page from the console; a PDF by its title, then removed', async () => {
    await page.goto(`/congress/${congressId}?tab=documents`);
    await page.getByRole('button', { name: 'Thêm tài liệu' }).click();
    let dialog = page.getByRole('dialog', { name: 'Thêm tài liệu' });
    await dialog.getByRole('textbox', { name: 'Tên tài liệu' }).fill(DOC_TITLE);
    // pasted from Word: its bold and its paragraphs are kept, its classes, styles and Office tags are not
    const editor = dialog.getByRole('textbox', { name: 'Nội dung' });
    await editor.click();
    const fromWord = PARAGRAPHS.map((p, i) => `<p class=MsoNormal style='margin-bottom:6.0pt;font-family:"Times New Roman"'>${i === 0 ? `<b>${p.slice(0, 28)}</b>${p.slice(28)}` : p}<o:p></o:p></p>`).join('');
    await editor.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>${html}</body></html>`);
      data.setData('text/plain', '');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, fromWord);
    await editor.getByText(PARAGRAPHS[2].slice(0, 30)).waitFor();
    assert.equal(await editor.locator('strong').first().textContent(), PARAGRAPHS[0].slice(0, 28));
    // the toolbar: the bold button shows the cursor is in bold text
    await editor.locator('strong').first().click();
    await dialog.getByRole('button', { name: 'Chữ đậm', pressed: true }).waitFor();
    assert.equal(await dialog.getByRole('checkbox', { name: 'Lưu hành nội bộ' }).isChecked(), true, 'internal unless said otherwise');
    await shot(page, 'document-add');
    await dialog.getByRole('button', { name: 'Lưu tài liệu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const list = page.getByRole('list', { name: 'Tài liệu' });
    await list.getByRole('listitem').filter({ hasText: DOC_TITLE }).filter({ hasText: 'Lưu hành nội bộ' }).waitFor();
    const saved = (await call<{ id: number; title: string }[]>(page, 'GET', `/api/congresses/${congressId}/documents`)).find((d) => d.title === DOC_TITLE)!;
    const { bodyHtml } = await call<{ bodyHtml: string }>(page, 'GET', `/api/congresses/${congressId}/documents/${saved.id}`);
    assert.ok(bodyHtml.startsWith(`<p><strong>${PARAGRAPHS[0].slice(0, 28)}</strong>`), bodyHtml.slice(0, 120));
    assert.equal((bodyHtml.match(/<p>/g) ?? []).length, 3);
    assert.doesNotMatch(bodyHtml, /class=|style=|o:p|MsoNormal/);

    // a PDF, chosen like a user does
    await page.getByRole('button', { name: 'Thêm tài liệu' }).click();
    dialog = page.getByRole('dialog', { name: 'Thêm tài liệu' });
    await dialog.getByRole('textbox', { name: 'Tên tài liệu' }).fill('Dự thảo Báo cáo chính trị');
    await dialog.getByText('Tệp PDF hoặc Word', { exact: true }).click();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Tệp PDF hoặc Word (.docx)' }).click()]);
    await chooser.setFiles({ name: 'du-thao-bao-cao.pdf', mimeType: 'application/pdf', buffer: pdf });
    await dialog.getByRole('button', { name: 'Lưu tài liệu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await list.getByRole('listitem').filter({ hasText: 'Dự thảo Báo cáo chính trị' }).filter({ hasText: 'du-thao-bao-cao.pdf' }).waitFor();
    await noSidewaysScroll(page, 'documents');
    await shot(page, 'documents');

    const projector = await staff.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`/congress/${congressId}/projector`);
    await projector.getByTestId('projector-title').waitFor();

    await page.bringToFront();
    await page.goto(`/congress/${congressId}/console`);
    await page.getByRole('combobox', { name: 'Tài liệu', exact: true }).click();
    await page.getByRole('option', { name: DOC_TITLE }).click();
    await page.getByRole('button', { name: 'Chiếu tài liệu' }).click();
    await projector.getByTestId('projector-document-title').filter({ hasText: DOC_TITLE }).waitFor({ timeout: 5000 });
    const text = projector.getByTestId('projector-document');
    await text.getByText(PARAGRAPHS[0].slice(0, 40)).waitFor();
    await projector.getByTestId('projector-document-page').filter({ hasText: 'Trang 1/2' }).waitFor();
    const consoleDoc = page.getByTestId('console-document');
    await consoleDoc.getByText('Trang 1/2').waitFor();
    await noSidewaysScroll(page, 'console');
    await shot(page, 'console-document');
    await consoleDoc.getByRole('button', { name: 'Trang sau' }).click();
    await projector.getByTestId('projector-document-page').filter({ hasText: 'Trang 2/2' }).waitFor({ timeout: 5000 });
    await text.getByText(PARAGRAPHS[2].slice(0, 40)).waitFor();
    assert.equal(await text.getByText(PARAGRAPHS[0].slice(0, 40)).count(), 0, 'page 2 no longer shows page 1');
    if (SHOTS) {
      await projector.screenshot({ path: path.join(SHOTS, 'projector-document-1920.png') });
      await projector.setViewportSize(PHONE);
      await projector.screenshot({ path: path.join(SHOTS, 'projector-document-360.png'), fullPage: true });
      await projector.setViewportSize({ width: 1920, height: 1080 });
    }

    // the PDF: its title and the call to open it on the phones
    await page.getByRole('combobox', { name: 'Tài liệu', exact: true }).click();
    await page.getByRole('option', { name: 'Dự thảo Báo cáo chính trị (PDF)' }).click();
    await page.getByRole('button', { name: 'Chiếu tài liệu' }).click();
    await projector.getByTestId('projector-document-title').filter({ hasText: 'Dự thảo Báo cáo chính trị' }).waitFor({ timeout: 5000 });
    await projector.getByText('mở tài liệu trên điện thoại').waitFor();
    if (SHOTS) await projector.screenshot({ path: path.join(SHOTS, 'projector-pdf-1920.png') });

    // removed from the congress page: the hall screen falls back to the title
    await page.goto(`/congress/${congressId}?tab=documents`);
    await page.getByRole('button', { name: 'Xóa Dự thảo Báo cáo chính trị' }).click();
    await page.getByText('Xóa tài liệu này?').waitFor();
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    await list.getByRole('listitem').filter({ hasText: 'Dự thảo Báo cáo chính trị' }).waitFor({ state: 'hidden' });
    assert.equal(await list.getByRole('listitem').count(), 1);
    await projector.close();
  });

  it("edits an alternate's order of votes and eligibility note; the credentials report flags it", async () => {
    const alternate = delegates.find((d) => d.class === 'alternate')!;
    await page.goto(`/congress/${congressId}?tab=delegates`);
    await page.getByRole('button', { name: `Thao tác với ${alternate.fullName}` }).click();
    await page.getByRole('menuitem', { name: 'Sửa thông tin đại biểu' }).click();
    const dialog = page.getByRole('dialog', { name: `Sửa đại biểu ${alternate.fullName}` });
    await dialog.getByRole('textbox', { name: 'Thứ tự theo số phiếu' }).fill('2');
    await dialog.getByRole('textbox', { name: 'Vấn đề về tư cách' }).fill(NOTE);
    await shot(page, 'delegate-edit');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('table', { name: 'Đại biểu' }).getByRole('row').filter({ hasText: alternate.fullName });
    await row.getByText('(thứ tự 2)').waitFor();
    await row.getByText(NOTE).waitFor();
    await shot(page, 'delegates');
    const after = (await call<DelegateRow[]>(page, 'GET', `/api/congresses/${congressId}/delegates`)).find((d) => d.id === alternate.id)!;
    assert.equal(after.rank, 2);
    assert.equal(after.eligibilityNote, NOTE);
    assert.equal(after.class, 'alternate');

    await page.getByRole('tab', { name: 'Thẩm tra tư cách' }).click();
    await page.getByRole('region', { name: 'Đại biểu cần xem xét (1)' }).getByText(alternate.fullName).waitFor();

    // printed from the tab: the committee's report as DOCX (the flagged delegate and the note in it) and as PDF
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'In báo cáo (DOCX)' }).click()]);
    assert.match(docx.suggestedFilename(), /^Báo cáo thẩm tra tư cách đại biểu - .*\.docx$/);
    const xml = unzipEntry(fs.readFileSync((await docx.path())!), 'word/document.xml')!;
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of ['BÁO CÁO', 'Thẩm tra tư cách đại biểu dự', alternate.fullName, NOTE]) assert.ok(text.includes(s), s);
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'In báo cáo (PDF)' }).click()]);
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    assert.equal(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString(), '%PDF-');
    await shot(page, 'credentials');
  });
});
