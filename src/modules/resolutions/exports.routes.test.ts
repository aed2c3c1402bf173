// The exports of the resolution follow-up on both engines: the period report as DOCX in the Party's format,
// the dashboard and the roll-up as PDF; who may download them; bad input.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { testEngines } from '../../db/test-harness.js';
import { startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import { sampleTarget as target } from './resolutions.test-support.js';
import { resolutionReportDocx } from '../../docs/resolution-report.js';


async function docxText(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, text: xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '') };
}

/** the text of a PDF by poppler's pdftotext, or null where poppler is not installed */
function pdfText(pdf: Buffer): string | null {
  const file = path.join(os.tmpdir(), `daihoi-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    return null;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
/** the text of a PDF in reading order (no -layout: a wrapped phrase stays together), white space collapsed; null without poppler */
function pdfFlowText(pdf: Buffer): string | null {
  const file = path.join(os.tmpdir(), `daihoi-${process.pid}-${Date.now()}-flow.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } catch {
    return null;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
/** the stroked polylines of a pdfkit PDF's pages (paths of moveTo/lineTo, as the sparklines are drawn), each as its points */
function polylines(pdf: Buffer): [number, number][][] {
  const raw = pdf.toString('latin1');
  const out: [number, number][][] = [];
  for (const m of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    // a path of straight segments only, then the line's style (width, join, cap, colour), then the stroke
    for (const p of content.matchAll(/(?<=^|\n)((?:-?[\d.]+ -?[\d.]+ [ml]\n)+)(?:[\d.]+ w\n|\d [jJ]\n|\/DeviceRGB CS\n|[\d. ]+ SCN\n)*S\n/g)) {
      out.push(p[1].trim().split('\n').map((op) => op.split(' ').slice(0, 2).map(Number) as [number, number]));
    }
  }
  return out;
}
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

for (const engine of testEngines) {
  describe(`resolution exports [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let wardOffice: Session;
    let otherOffice: Session;
    let provinceViewer: Session;
    let province: number;
    let ward: number;
    let ward2: number;

    before(async () => {
      t = await startTestApp(engine, { today: '2027-02-10' });
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      province = await found('Đảng bộ tỉnh Phú Thọ', 'province', null);
      ward = await found('Đảng bộ phường Thanh Miếu', 'commune', province);
      ward2 = await found('Đảng bộ phường Việt Trì', 'commune', province);
      await t.addUser('ward-office', [{ role: 'office', orgId: ward }]);
      await t.addUser('other-office', [{ role: 'office', orgId: ward2 }]);
      await t.addUser('province-viewer', [{ role: 'viewer', orgId: province }]);
      wardOffice = await t.login('ward-office');
      otherOffice = await t.login('other-office');
      provinceViewer = await t.login('province-viewer');
      const r = await t.call(wardOffice, 'POST', `/api/orgs/${ward}/resolutions`, {
        kind: 'congress',
        title: 'Nghị quyết Đại hội đại biểu Đảng bộ phường Thanh Miếu lần thứ I',
        adoptedOn: '2025-07-26',
        termStart: 2025,
        termEnd: 2030,
        motto: 'Đoàn kết - Dân chủ - Kỷ cương - Đột phá - Phát triển',
        targets: [
          target('Thu ngân sách Nhà nước trên địa bàn', { unit: 'tỷ đồng', direction: 'at_least', baselineValue: 410.6, targetValue: 632, indicatorCode: 'THU_NS' }),
          target('Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình', { indicatorCode: 'DVC_TT', aggregation: 'share_meeting' }),
        ],
        elements: [],
      });
      assert.equal(r.statusCode, 201, r.body);
      const res = (await t.call(wardOffice, 'GET', `/api/resolutions/${r.json().id}`)).json();
      const [revenue, online] = res.targets.map((x: { id: number }) => x.id);
      assert.equal((await t.call(wardOffice, 'POST', `/api/orgs/${ward}/figures`, { period: '2026', figures: [{ targetId: revenue, value: 15219.5, source: 'Báo cáo KT-XH' }, { targetId: online, value: 52, source: 'Cổng DVC' }] })).statusCode, 200);
      const task = (title: string, dueOn: string, status = 'in_progress') => t.call(wardOffice, 'POST', `/api/resolutions/${res.id}/tasks`, { title, targetId: online, ownerOrgId: ward, responsiblePerson: 'Đồng chí Phạm Xuân Hiệp', expectedResult: 'Xong', startOn: '2026-01-01', dueOn, status, evidence: status === 'done' ? 'QĐ 1-QĐ/ĐU' : null });
      assert.equal((await task('Triển khai phần mềm một cửa điện tử', '2027-01-31')).statusCode, 201);
      assert.equal((await task('Số hóa hồ sơ lưu trữ', '2027-02-20')).statusCode, 201);
      assert.equal((await task('Ban hành kế hoạch', '2026-03-01', 'done')).statusCode, 201);
      const other = await t.call(otherOffice, 'POST', `/api/orgs/${ward2}/resolutions`, { kind: 'congress', title: 'Nghị quyết Đại hội Việt Trì', adoptedOn: '2025-07-20', termStart: 2025, termEnd: 2030, targets: [target('Tỷ lệ hồ sơ trực tuyến', { indicatorCode: 'DVC_TT', aggregation: 'share_meeting' })], elements: [] });
      const otherTarget = (await t.call(otherOffice, 'GET', `/api/resolutions/${other.json().id}`)).json().targets[0].id;
      // Việt Trì reports by quarter: its latest figure is of another period than Thanh Miếu's
      assert.equal((await t.call(otherOffice, 'POST', `/api/orgs/${ward2}/figures`, { period: '2026-Q3', figures: [{ targetId: otherTarget, value: 85, source: 'x' }] })).statusCode, 200);
    });
    after(() => t.close());

    test("the period's progress report as DOCX in the Party's document format", async () => {
      const r = await t.call(provinceViewer, 'GET', `/api/orgs/${ward}/resolution-report.docx?period=2026`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.match(String(r.headers['content-disposition']), /filename\*=UTF-8''B%C3%A1o%20c%C3%A1o.*\.docx/);
      const { xml, text } = await docxText(r.rawPayload);
      for (const s of [
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'ĐẢNG BỘ TỈNH PHÚ THỌ',
        'ĐẢNG BỘ PHƯỜNG THANH MIẾU',
        'Số      -BC/ĐU',
        'Thanh Miếu, ngày 10 tháng 02 năm 2027',
        'BÁO CÁO',
        'Tiến độ thực hiện Nghị quyết năm 2026',
        'Nghị quyết Đại hội đại biểu Đảng bộ phường Thanh Miếu lần thứ I',
        'Thu ngân sách Nhà nước trên địa bàn',
        '410,6',
        '15.219,5',
        'Ít nhất 632 (2030)',
        'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình',
        'Tổng số 3 nhiệm vụ: hoàn thành 1; đang thực hiện 2',
        'III. Các nhiệm vụ quá hạn',
        'Triển khai phần mềm một cửa điện tử',
        'T/M ĐẢNG ỦY',
      ]) assert.ok(text.includes(s), s);
      // the online target's row: unit, baseline, target, the period's figure, 30% of the way from 40 to 80, its status
      assert.match(text, /Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình\n%\n40\nĐạt đến 80 \(2030\)\n52\n30\n(Đúng tiến độ|Có nguy cơ chậm|Chậm tiến độ)\n/);
      // the overdue table: due 31/01/2027, ten days late on 10/02/2027; the task due on 20/02 is not overdue
      assert.match(text, /Triển khai phần mềm một cửa điện tử\n.*\n.*\n31\/01\/2027\n10\n/);
      assert.ok(!/Số hóa hồ sơ lưu trữ/.test(text.split('III. Các nhiệm vụ quá hạn')[1]));
      assert.match(xml, /w:rFonts w:ascii="Times New Roman"/);
      assert.match(xml, /w:u w:val="single"/, 'the national header is underlined');
      assert.match(xml, /<w:tblHeader\/>|w:tblHeader/, 'table headers repeat on each page');
      // a quarter with no figures: every target without data, the same tasks
      const q = await docxText((await t.call(wardOffice, 'GET', `/api/orgs/${ward}/resolution-report.docx?period=2026-Q3`)).rawPayload);
      assert.ok(q.text.includes('Tiến độ thực hiện Nghị quyết quý III năm 2026'));
      assert.ok(q.text.includes('chưa có số liệu 2'));
      // a year's report of a unit that reports by quarter: its latest quarter's figure
      const vt = await docxText((await t.call(otherOffice, 'GET', `/api/orgs/${ward2}/resolution-report.docx?period=2026`)).rawPayload);
      assert.match(vt.text, /Tỷ lệ hồ sơ trực tuyến\n%\n40\nĐạt đến 80 \(2030\)\n85( \(quý III năm 2026\))?\n/);
    });

    test("the DOCX says which period a figure is from when it is not the report's own", async () => {
      const row = (name: string, figure: number, figurePeriod: string) => ({ name, unit: '%', direction: 'at_least' as const, baselineValue: null, targetValue: 80, deadline: '2030-12-31', figure, figurePeriod, progress: 1, status: 'met' as const });
      const noTasks = { not_started: 0, in_progress: 0, done: 0, cancelled: 0, overdue: 0, at_risk: 0 };
      const docx = await resolutionReportDocx({
        superiorBody: null,
        orgName: 'Đảng bộ phường Việt Trì',
        issuerCode: 'ĐU',
        signedFor: 'T/M ĐẢNG ỦY',
        place: 'Việt Trì',
        date: '2027-02-10',
        period: '2026',
        resolutions: [{ title: 'Nghị quyết', targets: [row('Theo quý', 85, '2026-Q3'), row('Theo năm', 90, '2026')] }],
        taskCounts: noTasks,
        overdue: [],
      });
      const { text } = await docxText(docx);
      assert.match(text, /Theo quý\n.*\n.*\n.*\n85 \(quý III năm 2026\)\n/);
      assert.match(text, /Theo năm\n.*\n.*\n.*\n90\n/);
    });

    test('the dashboard as PDF: A4, Noto embedded, targets with progress and status, tasks by status', async () => {
      const r = await t.call(wardOffice, 'GET', `/api/orgs/${ward}/resolution-dashboard.pdf`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers['content-type'], 'application/pdf');
      const pdf = r.rawPayload;
      assert.ok(pdf.toString('latin1').startsWith('%PDF-'));
      assert.equal(pageCount(pdf), 1);
      assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
      assert.match(pdf.toString('latin1'), /\/BaseFont \/[A-Z]{6}\+(NotoSans|DejaVuSans)-(Bold|Regular)/);
      assert.match(pdf.toString('latin1'), /\/FontFile2/);
      const text = pdfText(pdf);
      if (text !== null) {
        for (const s of ['BẢNG THEO DÕI THỰC HIỆN NGHỊ QUYẾT', 'ĐẢNG BỘ PHƯỜNG THANH MIẾU', 'Thu ngân sách Nhà nước trên địa bàn', 'Tỷ lệ hồ sơ thủ tục hành chính', 'Đang thực hiện', 'Quá hạn', 'Số liệu đến ngày 10/02/2027', 'Trang 1/1']) assert.ok(text.includes(s), s);
        assert.match(text, /Mới nhất 15\.219,5 \(năm 2026\)/);
        assert.match(text, /30%/, '52 is 30% of the way from 40 to 80');
        // the unit's own tasks by status: two in progress (one overdue, one due within 14 days), one done
        assert.match(text, /Chưa bắt đầu\s+Đang thực hiện\s+Hoàn thành\s+Đã hủy\s+Quá hạn\s+Sắp đến hạn\s*\n\s*0\s+2\s+1\s+0\s+1\s+1\s*\n/);
      }
    });

    test('the roll-up as PDF: the province reads every ward, ranked, with the shared indicator', async () => {
      const r = await t.call(provinceViewer, 'GET', `/api/orgs/${province}/resolution-rollup.pdf?indicator=DVC_TT`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.ok(pageCount(r.rawPayload) >= 1);
      assert.match(r.rawPayload.toString('latin1'), /\/FontFile2/);
      const text = pdfText(r.rawPayload);
      if (text !== null) {
        for (const s of ['TỔNG HỢP THỰC HIỆN NGHỊ QUYẾT TOÀN ĐẢNG BỘ', 'ĐẢNG BỘ TỈNH PHÚ THỌ', '2 đơn vị · 3 chỉ tiêu', 'Đảng bộ phường Việt Trì', 'Đảng bộ phường Thanh Miếu', 'Chỉ tiêu chung DVC_TT', '50% (1/2 đơn vị đạt)']) assert.ok(text.includes(s), s);
        // the wards' latest figures are of different periods: said once, and beside each figure
        assert.ok(text.includes('không cùng kỳ: năm 2026 (1 đơn vị); quý III năm 2026 (1 đơn vị).'));
        assert.match(text, /85 \/ 80 % \(quý III năm 2026\)/);
        assert.match(text, /52 \/ 80 % \(năm 2026\)/);
        assert.ok(text.indexOf('Đảng bộ phường Việt Trì') < text.indexOf('Đảng bộ phường Thanh Miếu'), 'Việt Trì, which met the target, ranks first');
      }
    });

    // a third ward with a cell below it, added once by the tests that need it (after the ones that count the province's wards)
    let nongTrang: Promise<{ id: number; revenueTarget: number }> | null = null;
    const addNongTrang = () =>
      (nongTrang ??= (async () => {
        const found = (name: string, kind: string, parentId: number) => t.foundOrg(admin, name, kind, parentId);
        const id = await found('Đảng bộ phường Nông Trang', 'commune', province);
        const cell = await found('Chi bộ khu 1', 'cell', id);
        const r = await t.call(admin, 'POST', `/api/orgs/${id}/resolutions`, {
          kind: 'congress',
          title: 'Nghị quyết Đại hội Đảng bộ phường Nông Trang',
          adoptedOn: '2025-07-24',
          termStart: 2025,
          termEnd: 2030,
          targets: [
            target('Tỷ lệ hộ dùng nước sạch', { responsibleBody: 'Ủy ban nhân dân phường' }),
            target('Số hộ nghèo', { unit: 'hộ', direction: 'at_most', baselineValue: 120, baselineDate: '2025-06-30', targetValue: 60 }),
            target('Thu ngân sách trên địa bàn', { unit: 'tỷ đồng', direction: 'at_least', baselineValue: 300, targetValue: 700, indicatorCode: 'THU_NS' }),
            target('Tỷ lệ hồ sơ trực tuyến toàn trình', { indicatorCode: 'DVC_TT', aggregation: 'share_meeting' }),
          ],
          elements: [],
        });
        assert.equal(r.statusCode, 201, r.body);
        const [water, poor, revenue] = (await t.call(admin, 'GET', `/api/resolutions/${r.json().id}`)).json().targets.map((x: { id: number }) => x.id);
        const figure = async (org: number, period: string, targetId: number, value: number) =>
          assert.equal((await t.call(admin, 'POST', `/api/orgs/${org}/figures`, { period, figures: [{ targetId, value, source: 'Báo cáo' }] })).statusCode, 200, `${period} ${value}`);
        // four quarters and the year: the year's figure stands for the fourth quarter, so four points
        for (const [period, value] of [['2026-Q1', 42], ['2026-Q2', 45], ['2026-Q3', 48], ['2026-Q4', 50], ['2026', 55]] as const) await figure(id, period, water, value);
        // one figure of the third quarter of 2025, none since: stale on 10/02/2027
        await figure(id, '2025-Q3', poor, 100);
        const c = await t.call(admin, 'POST', `/api/orgs/${cell}/resolutions`, { kind: 'congress', title: 'Nghị quyết Chi bộ khu 1', adoptedOn: '2025-05-20', termStart: 2025, termEnd: 2030, targets: [target('Tỷ lệ hồ sơ trực tuyến', { indicatorCode: 'DVC_TT', aggregation: 'share_meeting' })], elements: [] });
        assert.equal(c.statusCode, 201, c.body);
        await figure(cell, '2026', (await t.call(admin, 'GET', `/api/resolutions/${c.json().id}`)).json().targets[0].id, 90);
        return { id, revenueTarget: revenue };
      })());

    test("the dashboard PDF shows each target's history as a sparkline, a stale figure and the responsible body", async () => {
      const { id } = await addNongTrang();
      const r = await t.call(admin, 'GET', `/api/orgs/${id}/resolution-dashboard.pdf`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      // one sparkline drawn as lines: the water target's four dates (the poor households' one figure is a dot, no line)
      const lines = polylines(r.rawPayload);
      assert.equal(lines.length, 1, JSON.stringify(lines));
      const [points] = lines;
      assert.equal(points.length, 4, 'Q1, Q2, Q3 and the year 2026 (which replaces Q4)');
      assert.ok(points.every((p, i) => i === 0 || p[0] > points[i - 1][0]), 'left to right');
      // 42 → 55 rises: the page's y grows downwards, so each point is higher than the one before; the year's 55 is the top
      assert.ok(points.every((p, i) => i === 0 || p[1] < points[i - 1][1]), JSON.stringify(points));
      const text = pdfFlowText(r.rawPayload);
      if (text !== null) {
        for (const s of ['Chủ trì: Ủy ban nhân dân phường', 'quý I/2026: 42', 'năm 2026: 55', 'số liệu đã cũ, chưa có báo cáo kỳ mới', 'Mới nhất 100 (quý III năm 2025)']) assert.ok(text.includes(s), s);
        assert.ok(!text.includes('quý IV/2026'), 'the fourth quarter is not a point of its own');
        // the stale note belongs to the poor households' target only
        assert.equal(text.split('số liệu đã cũ').length - 1, 1);
        assert.ok(text.indexOf('Số hộ nghèo') < text.indexOf('số liệu đã cũ'));
      }
    });

    test('the roll-up PDF: units below in a row, targets with figures, a covered carrier and a conflicting indicator', async () => {
      const { revenueTarget } = await addNongTrang();
      const r = await t.call(provinceViewer, 'GET', `/api/orgs/${province}/resolution-rollup.pdf?indicator=DVC_TT`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      const text = pdfFlowText(r.rawPayload);
      if (text !== null) {
        // Nông Trang's row holds its cell: 5 targets, of which the water, the poor households and the cell's have figures
        assert.ok(text.includes('Mỗi dòng là một đơn vị trực thuộc, gồm cả các đơn vị cấp dưới của nó'));
        assert.match(pdfText(r.rawPayload) ?? '', /Đảng bộ phường Nông Trang .*\n\s+Gồm cả 1 đơn vị cấp dưới\s+3\/5 chỉ tiêu có số liệu/, 'under its name and its status');
        assert.ok(!/Đảng bộ phường (Thanh Miếu|Việt Trì) Gồm cả/.test(text), 'the wards with no units below say nothing of them');
        assert.ok(text.includes('1 đơn vị cấp dưới cũng mang mã này: số liệu của chúng đã nằm trong số liệu của đơn vị cấp trên, không tính lại.'));
        assert.ok(!text.includes('Chi bộ khu 1'), "the cell's figure is in its ward's, not a row of the indicator");
        assert.ok(text.includes('1/3 đơn vị đạt'), 'Việt Trì alone meets 80% (Nông Trang has no figure of its own)');
      }
      // a target entered before the indicator check, with another unit: the code's figures are not added up
      await t.database.db.updateTable('resolution_targets').set({ unit: 'triệu đồng' }).where('id', '=', revenueTarget).execute();
      const c = await t.call(provinceViewer, 'GET', `/api/orgs/${province}/resolution-rollup.pdf?indicator=THU_NS`);
      assert.equal(c.statusCode, 200, c.body.slice(0, 300));
      const conflict = pdfFlowText(c.rawPayload);
      if (conflict !== null) {
        assert.ok(conflict.includes('Chỉ tiêu chung THU_NS'));
        assert.ok(conflict.includes('Không tổng hợp: các đơn vị dùng mã này với đơn vị tính hoặc cách tổng hợp khác nhau — hãy sửa chỉ tiêu cho thống nhất.'));
        assert.ok(!conflict.includes('từ số liệu mới nhất của mỗi đơn vị'), 'no aggregate line, not "chưa có số liệu"');
        assert.ok(conflict.includes('1/2 đơn vị đã báo cáo.'));
        // each unit's figure without the first unit's "tỷ đồng"
        assert.ok(conflict.includes('15.219,5 / 632 (năm 2026)'), conflict);
      }
    });

    test('permissions: a ward reads only its own exports; the province reads all', async () => {
      for (const url of [`/api/orgs/${ward}/resolution-report.docx?period=2026`, `/api/orgs/${ward}/resolution-dashboard.pdf`, `/api/orgs/${ward}/resolution-rollup.pdf`]) {
        assert.equal((await t.call(wardOffice, 'GET', url)).statusCode, 200, url);
        assert.equal((await t.call(provinceViewer, 'GET', url)).statusCode, 200, url);
        const denied = await t.call(otherOffice, 'GET', url);
        assert.equal(denied.statusCode, 403, url);
        assert.equal(denied.json().error.code, 'FORBIDDEN');
        assert.equal((await t.call(null, 'GET', url)).statusCode, 401, url);
      }
      assert.equal((await t.call(wardOffice, 'GET', `/api/orgs/${province}/resolution-rollup.pdf`)).statusCode, 403);
      assert.equal((await t.call(wardOffice, 'GET', `/api/orgs/${province}/resolution-dashboard.pdf`)).statusCode, 403);
    });

    test('bad input: 4xx JSON with a Vietnamese message and a stable code', async () => {
      for (const [url, status, code] of [
        [`/api/orgs/${ward}/resolution-report.docx?period=2026-Q9`, 400, 'VALIDATION_FAILED'],
        [`/api/orgs/${ward}/resolution-report.docx`, 400, 'VALIDATION_FAILED'],
        [`/api/orgs/${ward}/resolution-report.docx?period=0000`, 400, 'VALIDATION_FAILED'],
        [`/api/orgs/abc/resolution-dashboard.pdf`, 400, 'VALIDATION_FAILED'],
        [`/api/orgs/999999/resolution-dashboard.pdf`, 404, 'NOT_FOUND'],
        [`/api/orgs/999999/resolution-report.docx?period=2026`, 404, 'NOT_FOUND'],
        [`/api/orgs/999999/resolution-rollup.pdf`, 404, 'NOT_FOUND'],
      ] as const) {
        const r = await t.call(admin, 'GET', url);
        assert.equal(r.statusCode, status, `${url}: ${r.body.slice(0, 200)}`);
        assert.match(String(r.headers['content-type']), /application\/json/);
        assert.equal(r.json().error.code, code, url);
        assert.match(r.json().error.message, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i, `${url}: a Vietnamese message`);
      }
    });
  });
}
