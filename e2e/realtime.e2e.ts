// Issue #3, what the room's other tests do not reach from the browser:
// - the door's camera: Chromium is given a fake camera that films a printed card's QR code, and the check-in desk's
//   scanner reads it and checks the delegate in (the same path as a phone's camera at the door);
// - a phone that lost the server: the server stops and starts again on the same data, the presidium moves on, and the
//   delegate's phone reconnects by itself and shows the current agenda item.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PHONE, callApi, loginThroughForm, newContext, startServer, type RunningServer } from './helpers.js';

const TITLE = 'Đại hội đại biểu Đảng bộ phường Từ Sơn lần thứ I, nhiệm kỳ 2025–2030';
const WIDTH = 640;
const HEIGHT = 480;

/** a Y4M video (what Chromium's fake camera plays) of a white page holding the QR code of `text` */
async function qrVideo(text: string, file: string): Promise<void> {
  const qr = await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, width: 360 });
  const luma = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#ffffff' } })
    .composite([{ input: qr, gravity: 'center' }])
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const y = luma.info.channels === 1 ? luma.data : Buffer.from(luma.data.filter((_, i) => i % luma.info.channels === 0));
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
}

describe('the door camera and a phone that lost the server', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser | undefined;
  let page: Page;
  let congressId = 0;
  let cards: { delegateId: number; fullName: string; url: string }[] = [];
  const video = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-camera-')), 'card.y4m');

  before(async () => {
    server = await startServer();
    // the card is printed (its token made) before the browser starts filming it: the congress is prepared with a plain browser first
    const prep = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const p = await (await newContext(prep, server.url)).newPage();
      await loginThroughForm(p, 'admin', server.adminPassword);
      const orgs = await callApi<{ id: number; name: string }[]>(p, 'GET', `/api/orgs?search=${encodeURIComponent('tu son')}&limit=20`);
      const orgId = orgs.find((o) => o.name === 'Đảng bộ phường Từ Sơn')!.id;
      const members = await callApi<{ items: { id: number; officialOn: string | null }[] }>(p, 'GET', `/api/orgs/${orgId}/members?pageSize=20`);
      const picks = members.items.filter((m) => m.officialOn).slice(0, 3);
      ({ id: congressId } = await callApi<{ id: number }>(p, 'POST', '/api/congresses', { orgId, title: TITLE, kind: 'delegates', term: '2025–2030', opensOn: '2025-08-17', closesOn: '2025-08-18' }));
      await callApi(p, 'POST', `/api/congresses/${congressId}/delegates`, { delegates: picks.map((m) => ({ memberId: m.id })) });
      cards = await callApi(p, 'POST', `/api/congresses/${congressId}/tokens`, { scope: 'missing' });
      assert.equal(cards.length, 3);
    } finally {
      await prep.close();
    }
    await qrVideo(cards[0].url, video);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    const staff = await newContext(browser, server.url);
    staff.setDefaultTimeout(30_000);
    await staff.grantPermissions(['camera'], { origin: server.url });
    page = await staff.newPage();
    await loginThroughForm(page, 'admin', server.adminPassword);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(path.dirname(video), { recursive: true, force: true });
  });

  it('the check-in desk reads a card held in front of the camera and checks the delegate in', async () => {
    await page.goto(`/congress/${congressId}/checkin`);
    await page.getByRole('button', { name: 'Mở máy ảnh để quét mã QR' }).click();
    const result = page.getByTestId('checkin-result');
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', new RegExp(cards[0].fullName));
    const attendance = await callApi<{ attendance: { present: number } }>(page, 'GET', `/api/congresses/${congressId}/room`);
    assert.equal(attendance.attendance.present, 1, 'one delegate checked in by the camera');
    // the same card still in front of the camera: no second check-in
    await page.waitForTimeout(3500);
    assert.equal((await callApi<{ attendance: { present: number } }>(page, 'GET', `/api/congresses/${congressId}/room`)).attendance.present, 1);
    await page.getByRole('button', { name: 'Tắt máy ảnh' }).click();
  });

  it('a phone whose server went away shows the current agenda item once the server is back', async () => {
    const items: number[] = [];
    for (const title of ['Khai mạc Đại hội', 'Thảo luận Báo cáo chính trị']) {
      items.push((await callApi<{ id: number }>(page, 'POST', `/api/congresses/${congressId}/agenda`, { title })).id);
    }
    await callApi(page, 'POST', `/api/congresses/${congressId}/agenda/current`, { itemId: items[0] });
    const phoneContext = await newContext(browser!, server.url, PHONE);
    phoneContext.setDefaultTimeout(30_000);
    const phone = await phoneContext.newPage();
    await phone.goto(new URL(cards[1].url).pathname);
    const current = phone.getByTestId('delegate-current');
    await phone.waitForFunction(() => document.querySelector('[data-testid="delegate-current"]')?.textContent?.includes('Khai mạc Đại hội'));

    // the server stops (a restart, a power cut of the laptop) and starts again on the same data and address
    const { dataDir, port } = server;
    await server.stop({ keepData: true });
    server = await startServer({ again: { dataDir, port } });
    // the staff session is in the database: the presidium goes on where it was
    await callApi(page, 'POST', `/api/congresses/${congressId}/agenda/current`, { itemId: items[1] });
    await phone.waitForFunction(() => document.querySelector('[data-testid="delegate-current"]')?.textContent?.includes('Thảo luận Báo cáo chính trị'), null, { timeout: 45_000 });
    assert.match((await current.textContent()) ?? '', /Thảo luận Báo cáo chính trị/);
    await phoneContext.close();
  });
});
