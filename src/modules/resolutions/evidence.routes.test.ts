// A task's evidence documents over HTTP on both engines: the accepted types by their bytes, the refusals, download, removal, who may.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { backupDatabase, restoreDatabase } from '../../db/backup.js';
import { freshDatabase, testEngines } from '../../db/test-harness.js';
import { startTestApp, xlsxOf, type Session, type TestApp } from '../../server/test-app.js';
import { MAX_EVIDENCE_BYTES } from './evidence.rules.js';

const samplePdf = () => Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
const image = (format: 'jpeg' | 'png') => sharp({ create: { width: 8, height: 6, channels: 3, background: '#b91c1c' } })[format]().toBuffer();

for (const engine of testEngines) {
  describe(`task evidence documents [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let wardOffice: Session;
    let owner: Session;
    let otherViewer: Session;
    let outsider: Session;
    let ward: number;
    let cell: number;
    let resolutionId: number;
    let targetId: number;
    let taskId: number;
    let ownerId: number;
    const url = (task = taskId) => `/api/tasks/${task}/evidence-files`;
    const auditOf = async (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

    before(async () => {
      t = await startTestApp(engine, { today: '2027-02-10' });
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      const province = await found('Đảng bộ tỉnh Phú Thọ', 'province', null);
      ward = await found('Đảng bộ phường Thanh Miếu', 'commune', province);
      cell = await found('Chi bộ khu phố 1', 'cell', ward);
      const ward2 = await found('Đảng bộ phường Việt Trì', 'commune', province);
      await t.addUser('ward-office', [{ role: 'office', orgId: ward }]);
      // the responsible person: a viewer of the ward, named as the task's account
      ownerId = await t.addUser('hiep', [{ role: 'viewer', orgId: ward }]);
      await t.addUser('other-viewer', [{ role: 'viewer', orgId: ward }]);
      await t.addUser('outsider', [{ role: 'office', orgId: ward2 }]);
      wardOffice = await t.login('ward-office');
      owner = await t.login('hiep');
      otherViewer = await t.login('other-viewer');
      outsider = await t.login('outsider');
      const target = { name: 'Tỷ lệ hồ sơ trực tuyến toàn trình', unit: '%', direction: 'reach_by', area: 'economy', baselineValue: 40, baselineDate: '2025-12-31', targetValue: 80, deadline: '2030-12-31' };
      resolutionId = (await t.call(wardOffice, 'POST', `/api/orgs/${ward}/resolutions`, { kind: 'congress', title: 'Nghị quyết Đại hội', adoptedOn: '2025-07-26', termStart: 2025, termEnd: 2030, targets: [target], elements: [] })).json().id;
      targetId = (await t.call(wardOffice, 'GET', `/api/resolutions/${resolutionId}`)).json().targets[0].id;
      taskId = (await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, task({ responsibleUserId: ownerId }))).json().id;
    });
    after(() => t.close());

    const task = (extra: Record<string, unknown> = {}) => ({ title: 'Số hóa hồ sơ lưu trữ', targetId, ownerOrgId: ward, responsiblePerson: 'Đồng chí Phạm Xuân Hiệp', expectedResult: '100% hồ sơ số hóa', startOn: '2026-01-01', dueOn: '2027-12-31', status: 'in_progress', ...extra });

    test('each accepted type is stored as its bytes say, listed without its bytes, and downloaded unchanged under its Vietnamese name', async () => {
      // a real Word file: the progress report the app itself writes
      const docx = (await t.call(wardOffice, 'GET', `/api/orgs/${ward}/resolution-report.docx?period=2026`)).rawPayload;
      const files: [string, Buffer, string][] = [
        ['Báo cáo kết quả số hóa.pdf', samplePdf(), 'application/pdf'],
        ['Kế hoạch triển khai.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        ['Bảng tổng hợp hồ sơ.xlsx', await xlsxOf([['Đơn vị', 'Số hồ sơ'], ['Khu phố 1', 120]]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['Ảnh buổi bàn giao.JPG', await image('jpeg'), 'image/jpeg'],
        ['Ảnh chụp màn hình.png', await image('png'), 'image/png'],
      ];
      for (const [name, bytes, type] of files) {
        const r = await t.upload(wardOffice, url(), bytes, name);
        assert.equal(r.statusCode, 201, `${name}: ${r.body}`);
        const saved = r.json();
        assert.equal(saved.contentType, type, name);
        assert.equal(saved.fileName, name);
        assert.equal(saved.byteSize, bytes.length);
        assert.equal(saved.sha256, crypto.createHash('sha256').update(bytes).digest('hex'));
        const down = await t.call(owner, 'GET', `${url()}/${saved.id}`);
        assert.equal(down.statusCode, 200);
        assert.ok(down.rawPayload.equals(bytes), `${name}: the bytes come back unchanged`);
        assert.equal(down.headers['content-type'], type);
        assert.equal(down.headers['x-content-type-options'], 'nosniff');
        assert.match(String(down.headers['content-disposition']), /^attachment; filename="[ -~]+"; filename\*=UTF-8''/);
        assert.ok(String(down.headers['content-disposition']).endsWith(encodeURIComponent(name)), 'the original name, in UTF-8');
      }
      const list = (await t.call(otherViewer, 'GET', url())).json();
      assert.deepEqual(list.map((f: { fileName: string }) => f.fileName), files.map((f) => f[0]), 'a reader of the unit sees the list, oldest first');
      assert.equal(list[0].uploadedBy, 'ward-office');
      assert.ok(!('fileBase64' in list[0]) && !('bytes' in list[0]), 'the list carries no bytes');
      const audit = await auditOf('task.evidence.add');
      assert.equal(audit.length, files.length);
      assert.ok(audit.every((a) => a.after_json!.length < 600), 'the audit keeps the name, type, size and hash, not the bytes');
      assert.match(audit[0].after_json!, /Báo cáo kết quả số hóa\.pdf/);
      // the resolution's tasks and "my tasks" name each task's documents, for their rows to link
      const named = (tasks: { id: number; evidenceFiles: { fileName: string }[] }[]) => tasks.find((x) => x.id === taskId)!.evidenceFiles.map((f) => f.fileName);
      assert.deepEqual(named((await t.call(wardOffice, 'GET', `/api/resolutions/${resolutionId}`)).json().tasks), files.map((f) => f[0]));
      assert.deepEqual(named((await t.call(owner, 'GET', '/api/my-tasks')).json()), files.map((f) => f[0]));
    });

    test('refused: another type, an old Word file, a ZIP that is no Office file, an empty file, one over 10 MB, a name saying another type — each with its code, nothing stored', async () => {
      const before = (await t.call(wardOffice, 'GET', url())).json().length;
      const zipOnly = await xlsxOf([['x']]);
      // an XLSX renamed: its workbook entry named otherwise, so the archive is a plain ZIP to the check
      const plainZip = Buffer.from(zipOnly.toString('latin1').replaceAll('xl/workbook.xml', 'xl/notebook.xml'), 'latin1');
      const cases: [string, Buffer, number, string][] = [
        ['ghi-chu.txt', Buffer.from('Đã hoàn thành số hóa'), 415, 'EVIDENCE_TYPE_REFUSED'],
        ['trang.html', Buffer.from('<html><script>alert(1)</script></html>'), 415, 'EVIDENCE_TYPE_REFUSED'],
        ['bao-cao.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 415, 'EVIDENCE_TYPE_REFUSED'],
        ['nen.zip', plainZip, 415, 'EVIDENCE_TYPE_REFUSED'],
        ['trong.pdf', Buffer.alloc(0), 400, 'EVIDENCE_EMPTY'],
        ['lon.pdf', Buffer.concat([samplePdf(), Buffer.alloc(MAX_EVIDENCE_BYTES + 1 - samplePdf().length)]), 413, 'EVIDENCE_TOO_LARGE'],
        ['anh.pdf', await image('png'), 400, 'EVIDENCE_NAME_MISMATCH'],
      ];
      for (const [name, bytes, status, code] of cases) {
        const r = await t.upload(wardOffice, url(), bytes, name);
        assert.equal(r.statusCode, status, `${name}: ${r.body}`);
        assert.equal(r.json().error.code, code, name);
        assert.match(r.json().error.message, /[^\x00-\x7f]/, `${name}: the message is Vietnamese`);
      }
      const old = (await t.upload(wardOffice, url(), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'bao-cao.doc')).json();
      assert.match(old.error.message, /\.docx/, 'an old Word file is told how to be accepted');
      // exactly at the limit is accepted
      const atLimit = await t.upload(wardOffice, url(), Buffer.concat([samplePdf(), Buffer.alloc(MAX_EVIDENCE_BYTES - samplePdf().length)]), 'dung-10MB.pdf');
      assert.equal(atLimit.statusCode, 201, atLimit.body);
      assert.equal((await t.call(wardOffice, 'DELETE', `${url()}/${atLimit.json().id}`)).statusCode, 200);
      // no file at all
      const none = await t.call(wardOffice, 'POST', url(), {});
      assert.ok(none.statusCode >= 400 && none.statusCode < 500, none.body);
      assert.equal((await t.call(wardOffice, 'GET', url())).json().length, before, 'nothing refused was stored');
      // a name without extension gets its type's
      const bare = await t.upload(wardOffice, url(), samplePdf(), 'scan');
      assert.equal(bare.json().fileName, 'scan.pdf');
      await t.call(wardOffice, 'DELETE', `${url()}/${bare.json().id}`);
    });

    test("who may: the owner unit's office and the responsible person's viewer account upload and remove; another viewer reads only; another unit is refused", async () => {
      const mine = await t.upload(owner, url(), samplePdf(), 'Biên bản nghiệm thu.pdf');
      assert.equal(mine.statusCode, 201, 'the responsible person (a viewer) uploads');
      const byViewer = await t.upload(otherViewer, url(), samplePdf(), 'x.pdf');
      assert.equal(byViewer.statusCode, 403);
      assert.equal(byViewer.json().error.code, 'FORBIDDEN');
      assert.equal((await t.call(otherViewer, 'DELETE', `${url()}/${mine.json().id}`)).statusCode, 403);
      for (const [method, path] of [['GET', url()], ['GET', `${url()}/${mine.json().id}`], ['DELETE', `${url()}/${mine.json().id}`]] as const) {
        const r = await t.call(outsider, method, path);
        assert.equal(r.statusCode, 403, `${method} ${path} as another ward's office`);
      }
      assert.equal((await t.upload(outsider, url(), samplePdf(), 'x.pdf')).statusCode, 403);
      const removed = await t.call(owner, 'DELETE', `${url()}/${mine.json().id}`);
      assert.equal(removed.statusCode, 200, removed.body);
      assert.equal((await t.call(owner, 'GET', `${url()}/${mine.json().id}`)).statusCode, 404);
      const audit = (await auditOf('task.evidence.delete')).at(-1)!;
      assert.equal(audit.actor, 'hiep');
      assert.match(audit.before_json!, /Biên bản nghiệm thu\.pdf/);
      assert.ok(audit.before_json!.length < 600, 'the audit of a removal has no bytes either');
      // a file of another task is not reached through this one
      const other = (await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, task({ title: 'Việc khác', ownerOrgId: cell }))).json().id;
      const f = (await t.upload(wardOffice, url(other), samplePdf(), 'khac.pdf')).json().id;
      assert.equal((await t.call(wardOffice, 'GET', `${url()}/${f}`)).statusCode, 404);
      assert.equal((await t.call(wardOffice, 'DELETE', `${url()}/${f}`)).statusCode, 404);
      assert.equal((await t.call(wardOffice, 'GET', `${url(other)}/${f}`)).statusCode, 200);
    });

    test('a document is evidence: a task with one is set done without typed evidence, keeps one while done, and is not removed', async () => {
      const id = (await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, task({ title: 'Tập huấn', status: 'not_started', responsibleUserId: ownerId }))).json().id;
      const noEvidence = await t.call(owner, 'POST', `/api/tasks/${id}/progress`, { status: 'done' });
      assert.equal(noEvidence.json().error?.details?.[0]?.code, 'EVIDENCE_REQUIRED');
      const f = (await t.upload(owner, url(id), samplePdf(), 'Danh sách học viên.pdf')).json().id;
      const removeTask = await t.call(wardOffice, 'DELETE', `/api/tasks/${id}`);
      assert.equal(removeTask.statusCode, 409);
      assert.equal(removeTask.json().error.code, 'TASK_HAS_PROGRESS', 'a task with an evidence document is cancelled, not erased');
      assert.equal((await t.call(owner, 'POST', `/api/tasks/${id}/progress`, { status: 'done' })).statusCode, 200);
      assert.equal((await t.call(wardOffice, 'PATCH', `/api/tasks/${id}`, task({ title: 'Tập huấn (sửa)', status: 'done', responsibleUserId: ownerId }))).statusCode, 200, 'the office edits a done task whose evidence is a document');
      const last = await t.call(owner, 'DELETE', `${url(id)}/${f}`);
      assert.equal(last.statusCode, 409);
      assert.equal(last.json().error.code, 'EVIDENCE_REQUIRED');
      await t.call(owner, 'POST', `/api/tasks/${id}/progress`, { status: 'done', evidence: 'Báo cáo 15-BC/ĐU' });
      assert.equal((await t.call(owner, 'DELETE', `${url(id)}/${f}`)).statusCode, 200, 'once evidence is typed in, the document may go');
    });

    test('the upload route documents its multipart field in the OpenAPI', async () => {
      const doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
      const post = doc.paths['/api/tasks/{id}/evidence-files'].post;
      const schema = post.requestBody.content['multipart/form-data'].schema;
      assert.deepEqual(schema.required, ['file']);
      assert.equal(schema.properties.file.format, 'binary');
      assert.match(schema.properties.file.description, /EVIDENCE_TOO_LARGE/);
    });

    test('the portable backup carries the documents to the other engine', async () => {
      const bytes = await image('png');
      const id = (await t.upload(wardOffice, url(), bytes, 'Ảnh sao lưu.png')).json().id;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-evidence-'));
      const other = testEngines.find((e) => e !== engine) ?? engine;
      const target = await freshDatabase(other);
      try {
        const file = path.join(dir, 'backup.ndjson.gz');
        await backupDatabase(t.database, file);
        await restoreDatabase(target, file);
        const row = await target.db.selectFrom('task_evidence_files').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        assert.equal(row.file_name, 'Ảnh sao lưu.png');
        assert.ok(Buffer.from(row.file_base64, 'base64').equals(bytes));
      } finally {
        await target.drop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
