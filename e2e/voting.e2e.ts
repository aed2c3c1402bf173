// Issue #4 "Votes and elections", seen from the browser: the presidium opens an open vote, three delegates vote on
// their phones (360 px), the hall screen shows the result; then an election of 3 of 5 candidates (the delegation to the
// higher congress) runs end to end on the phones, the hall screen shows the elected, each voter checks their receipt,
// and the counting minutes (DOCX) are produced and converted to PDF by LibreOffice wherever it is installed; the
// counting committee enters paper ballots by the names kept and by the names crossed out.
// DAIHOI_SCREENSHOTS=<dir> also saves a screenshot of each page at 360 px and at desktop width.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { compareVietnameseNames } from '../src/shared/vietnamese.js';
import { PHONE, callApi as call, loginThroughForm, newContext, openSession, type RunningServer } from './helpers.js';

const TITLE = 'Đại hội đại biểu Đảng bộ phường Từ Sơn lần thứ I, nhiệm kỳ 2025–2030';
const QUESTION = 'Đại hội biểu quyết thông qua Chương trình làm việc của Đại hội';
// typed in this order; the ballot lists them by given name: An, Bình, Cường, Dung, Em
const CANDIDATES = ['Trần Thị Bình', 'Nguyễn Văn An', 'Phạm Thị Dung', 'Lê Văn Cường', 'Hoàng Văn Em'];
const SHOTS = process.env.DAIHOI_SCREENSHOTS;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

describe('voting: an open vote and the election of the delegation, on the phones and the hall screen', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let staff: BrowserContext;
  let page: Page;
  let projector: Page;
  const phones: Page[] = [];
  let congressId = 0;
  let orgId = 0;
  let delegateNames: string[] = [];

  before(async () => {
    ({ server, browser, context: staff, page } = await openSession());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prepares the congress: three delegates with cards, checked in at the door', async () => {
    await loginThroughForm(page, 'admin', server.adminPassword);
    const orgs = await call<{ id: number; name: string }[]>(page, 'GET', `/api/orgs?search=${encodeURIComponent('tu son')}&limit=20`);
    orgId = orgs.find((o) => o.name === 'Đảng bộ phường Từ Sơn')!.id;
    const members = await call<{ items: { id: number; fullName: string; officialOn: string | null }[] }>(page, 'GET', `/api/orgs/${orgId}/members?pageSize=50`);
    const picks = members.items.filter((m) => m.officialOn).slice(0, 3);
    assert.equal(picks.length, 3);
    ({ id: congressId } = await call<{ id: number }>(page, 'POST', '/api/congresses', { orgId, title: TITLE, kind: 'delegates', term: '2025–2030', opensOn: '2025-08-17', closesOn: '2025-08-18' }));
    await call(page, 'POST', `/api/congresses/${congressId}/delegates`, { delegates: picks.map((m) => ({ memberId: m.id })) });
    const tokens = await call<{ delegateId: number; fullName: string; url: string }[]>(page, 'POST', `/api/congresses/${congressId}/tokens`, { scope: 'missing' });
    assert.equal(tokens.length, 3);
    delegateNames = tokens.map((x) => x.fullName);
    for (const x of tokens) await call(page, 'POST', `/api/congresses/${congressId}/checkins`, { delegateId: x.delegateId });
    for (const x of tokens) {
      const ctx = await newContext(browser, server.url, PHONE);
      ctx.setDefaultTimeout(20_000);
      const p = await ctx.newPage();
      await p.goto(new URL(x.url).pathname);
      await p.getByTestId('delegate-name').filter({ hasText: x.fullName }).waitFor();
      await p.getByTestId('phone-voting').getByText('Chưa có biểu quyết hay bầu cử nào.').waitFor();
      phones.push(p);
    }
  });

  it('the presidium opens a vote, three phones vote, the hall screen shows the result', async () => {
    await page.goto(`/congress/${congressId}`);
    await page.getByRole('link', { name: 'Biểu quyết / Bầu cử' }).click();
    await page.getByRole('heading', { level: 1, name: 'Biểu quyết và bầu cử' }).waitFor();
    await page.getByTestId('voting-bases').filter({ hasText: 'đang có mặt: 3' }).waitFor();

    await page.getByRole('button', { name: 'Tạo biểu quyết' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo biểu quyết' });
    await dialog.getByLabel('Nội dung biểu quyết').click();
    await page.getByRole('option', { name: 'Chương trình đại hội' }).click();
    await dialog.getByLabel('Câu hỏi').fill(QUESTION);
    await dialog.getByTestId('rule-explained').filter({ hasText: 'quá 1/2 tổng số đại biểu chính thức được triệu tập (3)' }).waitFor();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const card = page.getByRole('article', { name: QUESTION });
    await card.getByRole('button', { name: 'Trình chiếu' }).click();
    projector = await staff.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`/congress/${congressId}/projector`);
    await projector.getByTestId('projector-vote').filter({ hasText: QUESTION }).waitFor();
    await projector.getByText('Chưa mở biểu quyết').waitFor();

    await card.getByRole('button', { name: 'Mở biểu quyết' }).click();
    await projector.getByTestId('projector-turnout').filter({ hasText: 'Đã biểu quyết: 0/3' }).waitFor({ timeout: 5000 });
    const choices = ['Tán thành', 'Tán thành', 'Không tán thành'];
    for (const [i, p] of phones.entries()) {
      const vote = p.getByRole('article', { name: QUESTION });
      await vote.getByRole('button', { name: choices[i], exact: true }).click();
      await vote.getByTestId('phone-vote-done').filter({ hasText: choices[i] }).waitFor();
    }
    await shot(phones[0], 'phone-vote-360');
    await shot(projector, 'projector-vote-open');
    await card.getByText('Đã biểu quyết trên điện thoại: 3/3').waitFor({ timeout: 5000 });
    await projector.getByTestId('projector-turnout').filter({ hasText: 'Đã biểu quyết: 3/3' }).waitFor({ timeout: 5000 });
    const width = await phones[0].evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling on a 360-px phone (${width}px)`);

    await card.getByRole('button', { name: 'Kết thúc biểu quyết' }).click();
    await projector.getByTestId('projector-verdict').filter({ hasText: 'THÔNG QUA' }).waitFor({ timeout: 5000 });
    const screen = await projector.getByTestId('projector-vote').innerText();
    assert.match(screen, /Tán thành\s+2 · 66,67%/);
    assert.match(screen, /Không tán thành\s+1 · 33,33%/);
    assert.match(screen, /cần ít nhất 2 tán thành/);
    await card.getByText('Thông qua', { exact: true }).waitFor();
    await phones[2].getByTestId('phone-vote-result').filter({ hasText: 'Thông qua' }).waitFor({ timeout: 5000 });
    await shot(projector, 'projector-vote-result');
    await shot(phones[2], 'phone-vote-result-360');

    // a named vote: once closed, the presidium sees who voted what, listed by given name
    const NAMED = 'Biểu quyết ghi danh về danh sách đoàn thư ký';
    const { id: namedId } = await call<{ id: number }>(page, 'POST', `/api/congresses/${congressId}/votes`, { subject: 'secretariat', question: NAMED, named: true });
    await call(page, 'POST', `/api/congresses/${congressId}/votes/${namedId}/open`, {});
    const named = ['Tán thành', 'Không tán thành', 'Tán thành'];
    for (const [i, p] of phones.entries()) {
      const vote = p.getByRole('article', { name: NAMED });
      await vote.getByRole('button', { name: named[i], exact: true }).click();
      await vote.getByTestId('phone-vote-done').filter({ hasText: named[i] }).waitFor();
    }
    const namedCard = page.getByRole('article', { name: NAMED });
    await namedCard.getByText('Đã biểu quyết trên điện thoại: 3/3').waitFor({ timeout: 5000 });
    await namedCard.getByRole('button', { name: 'Kết thúc biểu quyết' }).click();
    await namedCard.getByRole('button', { name: 'Xem từng người biểu quyết' }).click();
    const rows = namedCard.getByTestId('named-choices').getByRole('row');
    await rows.nth(3).waitFor();
    const listed = (await rows.allInnerTexts()).slice(1).map((r) => r.split('\t').map((x) => x.trim()));
    const byGivenName = [...delegateNames].sort(compareVietnameseNames);
    assert.deepEqual(listed.map((r) => r[1]), byGivenName);
    assert.deepEqual(listed.map((r) => r[2]).sort(), [...named].sort());
    assert.equal(listed.find((r) => r[1] === delegateNames[1])?.[2], 'Không tán thành');
    await shot(page, 'named-vote-desktop');
  });

  it('prepares the election of 3 of 5 candidates (the delegation): the list and the rules the congress decides are checked as they are typed', async () => {
    await page.getByRole('button', { name: 'Chuẩn bị bầu cử' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chuẩn bị bầu cử' });
    // the executive committee by default: a surplus of 10%–30% (Quy chế 190), the minimum to be verified
    const rules = dialog.getByTestId('election-rules');
    assert.equal(await rules.getByLabel('Số dư tối thiểu (%)').inputValue(), '10');
    assert.equal(await rules.getByLabel('Số dư tối đa (%)').inputValue(), '30');
    await rules.getByText(/theo hướng dẫn trước đây, cần kiểm chứng/).waitFor();
    await rules.getByText(/Mặc định: bầu tiếp trong số những người bằng phiếu \(theo Quy chế bầu cử, cần kiểm chứng\)/).waitFor();
    await dialog.getByLabel('Bầu', { exact: true }).click();
    await page.getByRole('option', { name: 'Đoàn đại biểu dự đại hội cấp trên' }).click();
    // the delegation: no surplus required, no maximum (RULES.md states the surplus rule for the committees only)
    assert.equal(await rules.getByLabel('Số dư tối thiểu (%)').inputValue(), '0');
    assert.equal(await rules.getByLabel('Có số dư tối đa').isChecked(), false);
    await dialog.getByLabel('Đại biểu chính thức').fill('3');
    await dialog.getByLabel('Hoặc ghi họ tên', { exact: false }).fill(CANDIDATES.join('; '));
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    const check = dialog.getByTestId('list-check');
    await check.filter({ hasText: 'Danh sách hợp lệ' }).waitFor();
    // were the congress to decide a 30% maximum, 3 seats from 5 candidates (a surplus of 2) would be refused
    await rules.getByLabel('Có số dư tối đa').check();
    await check.filter({ hasText: 'vượt quá 30%' }).waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Lưu' }).isDisabled(), true);
    await shot(page, 'election-form-refused-desktop');
    await rules.getByLabel('Có số dư tối đa').uncheck();
    await check.filter({ hasText: 'Danh sách hợp lệ' }).waitFor();
    const order = await check.getByRole('listitem').allInnerTexts();
    assert.deepEqual(order, ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em']);
    await shot(page, 'election-form-desktop');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('the phones elect 3 of the 5 candidates; the hall screen shows the elected', async () => {
    const card = page.getByRole('article', { name: 'Bầu đại biểu dự Đại hội cấp trên' });
    await card.getByTestId('election-rules-line').filter({ hasText: 'Số dư: không bắt buộc, không giới hạn' }).waitFor();
    await card.getByRole('button', { name: 'Trình chiếu' }).click();
    await projector.getByTestId('projector-election').waitFor({ timeout: 5000 });
    await card.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    await projector.getByTestId('projector-turnout').filter({ hasText: 'Đã bỏ phiếu: 0/3' }).waitFor({ timeout: 5000 });

    // An 3, Bình 3, Cường 2, Dung 1, Em 0: the threshold is 2 of the 3 convened
    const ballots = [
      ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'],
      ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'],
      ['Nguyễn Văn An', 'Trần Thị Bình', 'Phạm Thị Dung'],
    ];
    const receipts: string[] = [];
    for (const [i, p] of phones.entries()) {
      const ballot = p.getByRole('article', { name: 'Bầu đại biểu dự Đại hội cấp trên' });
      for (const n of ballots[i]) await ballot.getByRole('checkbox', { name: new RegExp(`${n}$`) }).check();
      await ballot.getByTestId('ballot-counter').filter({ hasText: `Đã chọn ${ballots[i].length} / tối đa 3` }).waitFor();
      if (i === 0) {
        // three chosen: the others cannot be ticked
        assert.equal(await ballot.getByRole('checkbox', { name: /Hoàng Văn Em$/ }).isDisabled(), true);
        await shot(p, 'phone-ballot-360');
      }
      await ballot.getByRole('button', { name: 'Bỏ phiếu' }).click();
      const confirm = p.getByRole('dialog', { name: 'Xác nhận phiếu bầu' });
      await confirm.getByText(ballots[i][0]).waitFor();
      await confirm.getByRole('button', { name: 'Xác nhận bỏ phiếu' }).click();
      const code = await ballot.getByTestId('receipt-code').innerText();
      assert.match(code, /^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
      receipts.push(code);
      // the receipt and the ballot id stay on the phone
      const stored = await p.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('daihoi.ballot.') && k.includes('.election.')).map(([, v]) => JSON.parse(v)));
      assert.equal(stored.length, 1);
      assert.equal(stored[0].receiptCode, code);
      assert.match(stored[0].clientBallotId, /^[0-9a-f]{32}$/);
      if (i === 0) await shot(p, 'phone-receipt-360');
    }
    assert.equal(new Set(receipts).size, 3);
    await card.getByText('Đã bỏ phiếu: 3/3').waitFor({ timeout: 5000 });
    await projector.getByTestId('projector-turnout').filter({ hasText: '3/3' }).waitFor({ timeout: 5000 });

    await card.getByRole('button', { name: 'Kết thúc bỏ phiếu và kiểm phiếu' }).click();
    const elected = projector.getByTestId('projector-elected');
    await elected.waitFor({ timeout: 5000 });
    const text = await elected.innerText();
    assert.ok(text.includes('Trúng cử đại biểu chính thức'), text);
    assert.ok(!text.includes('dự khuyết'), text);
    assert.match(text, /Nguyễn Văn An\s+3 · 100%/);
    assert.match(text, /Lê Văn Cường\s+2 · 66,67%/);
    for (const n of ['Trần Thị Bình']) assert.ok(text.includes(n), `${n} elected: ${text}`);
    for (const n of ['Phạm Thị Dung', 'Hoàng Văn Em']) assert.ok(!text.includes(n), `${n} not elected: ${text}`);
    await shot(projector, 'projector-election-result');
    const table = card.getByTestId('tally-table');
    // the staff page shows the tally when the close has answered (the hall screen had it at the commit)
    await table.getByText('Không trúng cử').nth(1).waitFor({ timeout: 10_000 });
    assert.equal(await table.getByText('Trúng cử chính thức').count(), 3);
    assert.equal(await table.getByText('Không trúng cử').count(), 2);
    await shot(page, 'voting-page-desktop');

    // each voter checks their ballot against the published receipts
    const p = phones[2];
    const result = p.getByRole('article', { name: 'Bầu đại biểu dự Đại hội cấp trên' });
    await result.getByTestId('phone-election-result').filter({ hasText: 'Lê Văn Cường' }).waitFor({ timeout: 5000 });
    await result.getByRole('button', { name: 'Kiểm tra phiếu của tôi' }).click();
    await p.getByTestId('my-ballot-check').getByText('Phiếu của đồng chí được kiểm đúng như đã bầu').waitFor();
    await shot(p, 'phone-check-360');
    await p.keyboard.press('Escape');

    // the recount from the stored ballots gives the same result
    await card.getByRole('button', { name: 'Kiểm phiếu lại' }).click();
    await card.getByText('kết quả trùng khớp').waitFor();
  });

  it('the counting minutes (DOCX) of the election of 3 of 5 name the elected; LibreOffice converts them to PDF', async () => {
    const card = page.getByRole('article', { name: 'Bầu đại biểu dự Đại hội cấp trên' });
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: 'Biên bản kiểm phiếu (DOCX)' }).click()]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-minutes-'));
    try {
      const docx = path.join(dir, 'bien-ban.docx');
      await download.saveAs(docx);
      const bytes = fs.readFileSync(docx);
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a DOCX is a zip');
      // the document part holds the names and the count of every candidate
      const unzip = spawnSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
      assert.equal(unzip.status, 0, 'word/document.xml in the DOCX');
      for (const n of CANDIDATES) assert.ok(unzip.stdout.includes(n), `${n} in the minutes`);
      const soffice = ['soffice', 'libreoffice'].find(which);
      if (soffice) {
        // wherever LibreOffice is installed the DOCX must convert; a profile of its own so another LibreOffice running does not block it
        execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120_000, stdio: 'ignore' });
        const pdf = fs.readFileSync(path.join(dir, 'bien-ban.pdf'));
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'LibreOffice made a PDF of the minutes');
        if (which('pdftotext')) {
          const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'bien-ban.pdf'), '-'], { encoding: 'utf8' });
          assert.match(text, /BIÊN BẢN/i);
          for (const n of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']) assert.ok(text.includes(n), `${n} in the PDF of the minutes`);
        }
      }
      // the result report for the higher committee: the three elected
      const [report] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: 'Báo cáo kết quả bầu cử (DOCX)' }).click()]);
      const reportFile = path.join(dir, 'bao-cao.docx');
      await report.saveAs(reportFile);
      const xml = spawnSync('unzip', ['-p', reportFile, 'word/document.xml'], { encoding: 'utf8' }).stdout;
      assert.ok(xml.includes('Kết quả bầu đại biểu dự Đại hội cấp trên'), 'the report names what was elected');
      for (const n of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']) assert.ok(xml.includes(n), `${n} in the report`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an appointment decision is announced on the hall screen, and the organisation page lists its leaders', async () => {
    await page.getByRole('button', { name: 'Ghi quyết định chỉ định' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi quyết định chỉ định' });
    await dialog.getByLabel('Số quyết định').fill('2314-QĐ/TU');
    await dialog.getByLabel('Ngày quyết định').fill('2025-08-16');
    await dialog.getByLabel('Cơ quan ban hành').fill('Ban Thường vụ Tỉnh ủy Bắc Ninh');
    await dialog.getByLabel('Ban Chấp hành').fill(delegateNames.join('\n'));
    await dialog.getByLabel('Bí thư', { exact: true }).fill(delegateNames[0]);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('article', { name: '2314-QĐ/TU' }).getByRole('button', { name: 'Công bố' }).click();
    const screen = projector.getByTestId('projector-appointment');
    await screen.filter({ hasText: 'Quyết định số 2314-QĐ/TU ngày 16/08/2025' }).waitFor({ timeout: 5000 });
    await screen.filter({ hasText: delegateNames[2] }).waitFor();
    await shot(projector, 'projector-appointment');

    // a typing mistake is corrected after the announcement: the hall screen follows
    await page.getByRole('article', { name: '2314-QĐ/TU' }).getByRole('button', { name: 'Sửa' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa quyết định chỉ định' });
    assert.equal(await edit.getByLabel('Bí thư', { exact: true }).inputValue(), delegateNames[0]);
    await edit.getByLabel('Phó Bí thư').fill(delegateNames[1]);
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'hidden' });
    await screen.filter({ hasText: /Phó Bí thư/ }).filter({ hasText: delegateNames[1] }).waitFor({ timeout: 5000 });

    await page.goto(`/orgs/${orgId}`);
    const leaders = page.getByTestId('org-leaders');
    await leaders.getByText('Bí thư (1)', { exact: true }).waitFor();
    await leaders.getByText('Đại biểu chính thức dự đại hội cấp trên (3)').waitFor();
    await leaders.getByText('Lê Văn Cường').waitFor();
    await shot(page, 'org-leaders-desktop');
  });

  it('a paper ballot: two clerks enter the ballots, the difference is shown ballot by ballot, the count calls for a further round', async () => {
    const names = ['Vũ Thị Hoa', 'Đặng Văn Giang', 'Bùi Thị Hạnh', 'Ngô Văn Khánh', 'Đinh Thị Lan'];
    await call(page, 'POST', `/api/congresses/${congressId}/elections`, { body: 'executive_committee', seats: 4, mode: 'paper', candidates: names.map((fullName) => ({ fullName })) });
    await page.goto(`/congress/${congressId}/voting`);
    const card = page.getByRole('article', { name: 'Bầu Ban Chấp hành', exact: true });
    // the ballot to print and stamp: the five names in ballot order
    const [printed] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: 'Phiếu bầu để in (DOCX)' }).click()]);
    const ballotXml = spawnSync('unzip', ['-p', (await printed.path())!, 'word/document.xml'], { encoding: 'utf8' }).stdout;
    assert.ok(ballotXml.includes('PHIẾU BẦU CỬ') && ballotXml.includes('Dấu của Đoàn Chủ tịch'));
    assert.ok(ballotXml.indexOf('Đặng Văn Giang') < ballotXml.indexOf('Bùi Thị Hạnh'), 'Giang before Hạnh: by given name');
    await card.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    await card.getByRole('link', { name: /Nhập phiếu giấy/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập phiếu bầu' }).waitFor();

    const enter = async (clerk: string, ballots: [number | null, string][], label = 'Tên giữ lại') => {
      await page.getByRole('radiogroup', { name: 'Người nhập' }).getByText(clerk, { exact: true }).click();
      await page.getByRole('heading', { name: `Nhập phiếu — ${clerk}` }).waitFor();
      for (const [no, marks] of ballots) {
        const entered = await page.getByRole('table', { name: 'Phiếu đã nhập' }).getByRole('row').count();
        if (no !== null) await page.getByLabel('Số phiếu', { exact: true }).fill(String(no));
        const field = page.getByLabel(label, { exact: true });
        await field.fill(marks);
        await field.press('Enter');
        // saved: the form is cleared for the next ballot (an empty entry: the list grows)
        for (let i = 0; (marks === '' ? (await page.getByRole('table', { name: 'Phiếu đã nhập' }).getByRole('row').count()) === entered : (await field.inputValue()) !== '') && i < 100; i++) await page.waitForTimeout(100);
        assert.equal(await field.inputValue(), '', `ballot ${marks} saved`);
      }
    };
    // 5 names on the ballot, 4 seats: keeping all five is an invalid ballot
    await enter('Thư ký 1', [[null, '1234'], [null, '1235'], [null, '12345']]);
    await page.getByRole('heading', { name: 'Phiếu đã nhập: 3' }).waitFor();
    // clerk 2 types the names crossed out: 5 (keeps 1234), 3 (keeps 1245: a slip), nothing (keeps all five)
    await page.getByRole('radiogroup', { name: 'Người nhập' }).getByText('Thư ký 2', { exact: true }).click();
    await page.getByRole('radiogroup', { name: 'Nhập các tên' }).getByText('Bị gạch', { exact: true }).click();
    await page.getByLabel('Tên bị gạch', { exact: true }).fill('5');
    await page.getByTestId('ballot-verdict').filter({ hasText: 'hợp lệ, bầu cho 4 người' }).waitFor();
    await shot(page, 'paper-count-crossed-desktop');
    await enter('Thư ký 2', [[null, '5'], [null, '3'], [null, '']], 'Tên bị gạch');
    await page.getByRole('heading', { name: 'Phiếu đã nhập: 3' }).waitFor();
    const recon = page.getByTestId('reconciliation');
    await recon.getByRole('table', { name: 'Các phiếu nhập khác nhau' }).getByRole('row').nth(1).filter({ hasText: 'Tên giữ lại: 1 2 3 5' }).filter({ hasText: 'Tên giữ lại: 1 2 4 5' }).waitFor();
    await shot(page, 'paper-count-desktop');
    // clerk 2 looks at ballot 2 again and corrects the entry; the way they type is remembered for the session
    await enter('Thư ký 1', []);
    await enter('Thư ký 2', [[2, '4']], 'Tên bị gạch');
    await recon.getByText('Hai lần nhập trùng khớp từng phiếu.').waitFor();

    await page.getByRole('link', { name: 'Biểu quyết và bầu cử' }).click();
    await card.getByLabel('Số phiếu phát ra').fill('3');
    await card.getByRole('button', { name: 'Kết thúc bỏ phiếu và kiểm phiếu' }).click();
    const table = card.getByTestId('tally-table');
    await table.waitFor();
    await card.getByText('Phiếu thu vào: 3, hợp lệ: 2, không hợp lệ: 1').waitFor();
    await card.getByText(/Phiếu số 3: Phiếu giữ lại 5 tên/).waitFor();
    // three names have 2 of 3 votes, the fourth seat is unfilled: the congress may vote again
    assert.equal(await table.getByText('Trúng cử', { exact: true }).count(), 3);
    await card.getByText(/Chưa đủ số lượng/).waitFor();
    await card.getByRole('button', { name: 'Bầu vòng tiếp' }).click();
    // the seat left: the congress may narrow the list of those not elected, never below the seats
    const prepare = page.getByRole('dialog', { name: 'Chuẩn bị bầu vòng tiếp' });
    await prepare.getByText('Bầu 1 người').waitFor();
    for (const n of ['Ngô Văn Khánh', 'Đinh Thị Lan']) await prepare.getByRole('checkbox', { name: n }).uncheck();
    await prepare.getByText('Cần ít nhất 1 người trong danh sách.').waitFor();
    assert.equal(await prepare.getByRole('button', { name: 'Tạo vòng bầu tiếp' }).isDisabled(), true);
    await prepare.getByRole('checkbox', { name: 'Đinh Thị Lan' }).check();
    await shot(page, 'further-round-desktop');
    await prepare.getByRole('button', { name: 'Tạo vòng bầu tiếp' }).click();
    await prepare.waitFor({ state: 'hidden' });
    const next = page.getByRole('article', { name: 'Bầu Ban Chấp hành (vòng 2)' });
    await next.getByText('Bầu 1 người · Danh sách bầu cử: 1 người').waitFor();
    await next.getByText('1. Đinh Thị Lan').waitFor();
    await card.getByRole('button', { name: 'Bầu vòng tiếp' }).waitFor({ state: 'hidden' });
    // a further round is not held to the surplus rule: 1 seat from the 1 left goes to the vote
    await next.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    await next.getByRole('link', { name: /Nhập phiếu giấy/ }).waitFor();
    await shot(page, 'voting-page-after-paper-desktop');
  });

  it('screenshots at 360 px of the staff pages', { skip: !SHOTS }, async () => {
    const small = await newContext(browser, server.url, PHONE);
    const p = await small.newPage();
    await loginThroughForm(p, 'admin', server.adminPassword);
    await p.goto(`/congress/${congressId}/voting`);
    await p.getByRole('heading', { level: 1, name: 'Biểu quyết và bầu cử' }).waitFor();
    await p.getByTestId('tally-table').first().waitFor();
    await shot(p, 'voting-page-360');
    const e = await call<{ elections: { id: number; mode: string; status: string }[] }>(p, 'GET', `/api/congresses/${congressId}/voting`);
    const paper = e.elections.filter((x) => x.mode === 'paper').at(-1)!;
    if (paper.status === 'draft') await call(p, 'POST', `/api/congresses/${congressId}/elections/${paper.id}/open`, {});
    await p.goto(`/congress/${congressId}/elections/${paper.id}/count`);
    await p.getByTestId('ballot-verdict').waitFor();
    await shot(p, 'paper-count-360');
    await p.goto(`/congress/${congressId}/projector`);
    await shot(p, 'projector-360');
    await p.goto(`/orgs/${orgId}`);
    await p.getByTestId('org-leaders').waitFor();
    await shot(p, 'org-leaders-360');
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `organisation page ${width}px`);
    await small.close();
  });
});
