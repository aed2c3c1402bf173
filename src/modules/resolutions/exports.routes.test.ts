// The exports of the resolution follow-up on both engines: the period report as DOCX in the Party's format,
// the dashboard and the roll-up as PDF; who may download them; bad input.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { testEngines } from '../../db/test-harness.js';
import { startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import { resolutionReportDocx } from '../../docs/resolution-report.js';

const target = (name: string, extra: Record<string, unknown> = {}) => ({ name, unit: '%', direction: 'reach_by', area: 'economy', baselineValue: 40, baselineDate: '2025-12-31', targetValue: 80, deadline: '2030-12-31', ...extra });

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
      const found = async (name: string, kind: string, parentId: number | null) => (await t.call(admin, 'POST', '/api/orgs', { name, kind, parentId, effectiveOn: '2025-07-01' })).json().id as number;
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
