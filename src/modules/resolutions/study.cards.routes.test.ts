// Studying by QR on both engines: members' cards carry a signed code; the study session scanner accepts only
// codes this server signed, for members of the unit holding the session, once per member.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testEngines } from '../../db/test-harness.js';
import { memberProfile, startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import { memberCode } from './member-code.rules.js';

/** the text of a PDF by poppler's pdftotext, or null where poppler is not installed */
function pdfText(pdf: Buffer): string | null {
  const file = path.join(os.tmpdir(), `daihoi-cards-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } catch {
    return null;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

for (const engine of testEngines) {
  describe(`studying by QR [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let wardOffice: Session;
    let cellOffice: Session;
    let viewer: Session;
    const f: Record<string, number> = {};
    const m: Record<string, number> = {};
    const codes: Record<string, string> = {};
    const print = (s: Session, orgId: number, body: unknown = {}) => t.app.inject({ method: 'POST', url: `/api/orgs/${orgId}/member-cards.pdf`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: body as object });
    const scan = (s: Session, sessionId: number, code: string) => t.call(s, 'POST', `/api/study-sessions/${sessionId}/attendance/scan`, { code });

    before(async () => {
      t = await startTestApp(engine, { today: '2025-10-01' });
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      f.province = await found('Đảng bộ tỉnh Phú Thọ', 'province', null);
      f.ward = await found('Đảng bộ phường Thanh Miếu', 'commune', f.province);
      f.cell1 = await found('Chi bộ khu 1', 'cell', f.ward);
      f.cell2 = await found('Chi bộ khu 2', 'cell', f.ward);
      f.other = await found('Đảng bộ phường Việt Trì', 'commune', f.province);
      const add = async (orgId: number, name: string, card: string | null = null) => (await t.call(admin, 'POST', `/api/orgs/${orgId}/members`, memberProfile(name, { cardNumber: card }))).json().id as number;
      m.a = await add(f.cell1, 'Nguyễn Văn An', '01000001');
      m.b = await add(f.cell1, 'Trần Thị Bình', '01000002');
      m.c = await add(f.cell2, 'Lê Văn Cường');
      m.x = await add(f.other, 'Đỗ Văn Ngoài');
      await t.addUser('ward-office', [{ role: 'office', orgId: f.ward }]);
      await t.addUser('cell-office', [{ role: 'office', orgId: f.cell1 }]);
      await t.addUser('ward-viewer', [{ role: 'viewer', orgId: f.ward }]);
      wardOffice = await t.login('ward-office');
      cellOffice = await t.login('cell-office');
      viewer = await t.login('ward-viewer');
      const r = await t.call(admin, 'POST', `/api/orgs/${f.ward}/resolutions`, { kind: 'congress', title: 'Nghị quyết Đại hội Đảng bộ phường Thanh Miếu lần thứ I', adoptedOn: '2025-07-26', termStart: 2025, termEnd: 2030, targets: [], elements: [] });
      f.resolution = r.json().id;
      const session = async (orgId: number, heldOn: string) => (await t.call(admin, 'POST', `/api/resolutions/${f.resolution}/study-sessions`, { orgId, heldOn, place: 'Hội trường', form: 'in_person' })).json().id as number;
      f.cell1Session = await session(f.cell1, '2025-09-10');
      f.wardSession = await session(f.ward, '2025-09-12');
      f.futureSession = await session(f.ward, '2025-12-01');
    });
    after(() => t.close());

    test('cards: an A4 PDF of ten cards a page for the active members of the unit, each with its signed code; the key is made once and kept', async () => {
      assert.equal(await t.database.db.selectFrom('settings').select('key').executeTakeFirst(), undefined, 'no key before the first card');
      const r = await print(wardOffice, f.ward);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers['content-type'], 'application/pdf');
      const pdf = r.rawPayload;
      assert.ok(pdf.toString('latin1').startsWith('%PDF-'));
      assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
      assert.match(pdf.toString('latin1'), /\/BaseFont \/[A-Z]{6}\+(NotoSans|DejaVuSans)-Bold/);
      assert.equal(pageCount(pdf), 1);
      const rows = await t.database.db.selectFrom('settings').selectAll().execute();
      assert.deepEqual(rows.map((x) => x.key), ['member_card_key']);
      const key = Buffer.from(rows[0].value, 'base64url');
      assert.equal(key.length, 32);
      for (const k of ['a', 'b', 'c', 'x']) codes[k] = memberCode(m[k], key);
      const text = pdfText(pdf);
      if (text !== null) {
        for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Chi bộ khu 2', 'Số thẻ đảng viên: 01000001', 'THẺ ĐIỂM DANH', codes.a, codes.c]) assert.ok(text.includes(name), `${name} is on the cards`);
        assert.ok(!text.includes('Đỗ Văn Ngoài'), 'a member of another ward has no card here');
      }
      // printing again uses the same key: the cards printed earlier stay valid
      await print(admin, f.cell1);
      assert.equal((await t.database.db.selectFrom('settings').selectAll().execute()).length, 1);

      const some = await print(wardOffice, f.ward, { memberIds: [m.b] });
      assert.equal(some.statusCode, 200);
      if (pdfText(some.rawPayload) !== null) assert.ok(!pdfText(some.rawPayload)!.includes('Nguyễn Văn An'));
      const outside = await print(wardOffice, f.ward, { memberIds: [m.b, m.x] });
      assert.equal(outside.statusCode, 400);
      assert.equal(outside.json().error.code, 'MEMBER_OUTSIDE_UNIT');
      assert.deepEqual(outside.json().error.details.map((d: { memberId: number }) => d.memberId), [m.x]);
      assert.equal((await print(cellOffice, f.ward)).statusCode, 403, 'a cell prints only its own cards');
      assert.equal((await print(viewer, f.ward)).statusCode, 403, 'a viewer does not issue cards');
      const empty = await t.call(admin, 'POST', '/api/orgs', { name: 'Chi bộ mới', kind: 'cell', parentId: f.ward, effectiveOn: '2025-07-01' });
      assert.equal((await print(wardOffice, empty.json().id)).json().error.code, 'NO_MEMBERS');
    });

    test('a scan records the member once, answers who it was and the count; a second scan is not a second attendance', async () => {
      const r = await scan(wardOffice, f.wardSession, codes.a);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { created: true, member: { id: m.a, fullName: 'Nguyễn Văn An', cardNumber: '01000001', orgName: 'Chi bộ khu 1' }, attendees: 1 });
      const again = await scan(wardOffice, f.wardSession, ` ${codes.a}\n`);
      assert.deepEqual([again.json().created, again.json().attendees], [false, 1]);
      // concurrent scans of the same card: one row
      const burst = await Promise.all([codes.c, codes.c, codes.c, codes.b].map((c) => scan(wardOffice, f.wardSession, c)));
      assert.deepEqual(burst.map((x) => x.statusCode), [200, 200, 200, 200]);
      assert.equal(burst.slice(0, 3).filter((x) => x.json().created).length, 1);
      const detail = (await t.call(wardOffice, 'GET', `/api/study-sessions/${f.wardSession}`)).json();
      assert.deepEqual(detail.attendees.map((a: { fullName: string; via: string }) => `${a.fullName} ${a.via}`), ['Nguyễn Văn An qr', 'Trần Thị Bình qr', 'Lê Văn Cường qr']);
      const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'resolution.study.attendance').execute();
      assert.equal(audit.length, 3, 'one audit entry per member added, none for a repeated scan');
      const coverage = (await t.call(wardOffice, 'GET', `/api/resolutions/${f.resolution}/study-coverage`)).json();
      assert.deepEqual([coverage.unit.studied, coverage.unit.members], [3, 3]);
    });

    test('bad codes: 4xx with a Vietnamese message and a stable code', async () => {
      const mac = codes.a.split('.')[2];
      const cases: [string, number, string][] = [
        ['https://daihoi.example/d/abc', 400, 'CARD_CODE_MALFORMED'],
        ['', 400, 'CARD_CODE_MALFORMED'],
        [`DH1-M.${m.b}.${mac}`, 400, 'CARD_CODE_INVALID'],
        [memberCode(m.a, Buffer.alloc(32, 1)), 400, 'CARD_CODE_INVALID'],
        [codes.x, 409, 'MEMBER_OUTSIDE_UNIT'],
      ];
      for (const [code, status, errorCode] of cases) {
        const r = await scan(wardOffice, f.wardSession, code);
        assert.equal(r.statusCode, status, `${code}: ${r.body}`);
        assert.equal(r.json().error.code, errorCode, code);
        assert.match(r.json().error.message, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i, 'the message is Vietnamese');
      }
      // a member of cell 2 scanned at cell 1's session: outside the holding unit
      assert.equal((await scan(cellOffice, f.cell1Session, codes.c)).json().error.code, 'MEMBER_OUTSIDE_UNIT');
      assert.equal((await scan(wardOffice, f.futureSession, codes.a)).json().error.code, 'SESSION_NOT_HELD');
      assert.equal((await scan(cellOffice, f.wardSession, codes.a)).statusCode, 403, 'a cell office does not scan for the ward session');
      assert.equal((await scan(viewer, f.wardSession, codes.a)).statusCode, 403);
      assert.equal((await t.call(wardOffice, 'POST', `/api/study-sessions/999999/attendance/scan`, { code: codes.a })).statusCode, 404);
      // a member who has left can no longer be recorded with their old card
      await t.call(admin, 'POST', `/api/members/${m.b}/leave`, { effectiveOn: '2025-09-20', reason: 'transferred_out' });
      assert.equal((await scan(cellOffice, f.cell1Session, codes.b)).json().error.code, 'MEMBER_OUTSIDE_UNIT');
      assert.equal((await scan(cellOffice, f.cell1Session, codes.a)).json().created, true);
    });

    test("one member's card reissued: the old card stops working, the new one is answered as a PDF and scans", async () => {
      const reissue = (who: Session, memberId: number) => t.call(who, 'POST', `/api/members/${memberId}/study-card/reissue`);
      assert.equal((await reissue(viewer, m.c)).statusCode, 403, 'a viewer does not issue cards');
      assert.equal((await reissue(cellOffice, m.c)).statusCode, 403, "cell 1's office does not reissue cell 2's cards");
      assert.equal((await reissue(wardOffice, 999999)).statusCode, 404);
      assert.equal((await reissue(wardOffice, m.b)).json().error.code, 'MEMBER_NOT_ACTIVE', 'the member who left');
      const r = await reissue(wardOffice, m.c);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers['content-type'], 'application/pdf');
      assert.equal(pageCount(r.rawPayload), 1);
      const key = Buffer.from((await t.database.db.selectFrom('settings').select('value').executeTakeFirstOrThrow()).value, 'base64url');
      const fresh = memberCode(m.c, key, 1);
      if (pdfText(r.rawPayload) !== null) assert.ok(pdfText(r.rawPayload)!.includes(fresh), 'the new code is on the new card');
      const old = await scan(wardOffice, f.wardSession, codes.c);
      assert.equal(old.statusCode, 409);
      assert.equal(old.json().error.code, 'CARD_REPLACED');
      assert.match(old.json().error.message, /thẻ mới/);
      assert.equal((await scan(wardOffice, f.wardSession, fresh)).statusCode, 200);
      // printing the unit's cards again prints the member's current card
      const again = await print(wardOffice, f.ward, { memberIds: [m.c] });
      if (pdfText(again.rawPayload) !== null) assert.ok(pdfText(again.rawPayload)!.includes(fresh));
      const audit = await t.database.db.selectFrom('audit_log').select(['entity_id', 'after_json']).where('action', '=', 'member.card.reissue').execute();
      assert.deepEqual(audit.map((a) => [a.entity_id, JSON.parse(a.after_json!).generation]), [[String(m.c), 1]]);
    });
  });
}
