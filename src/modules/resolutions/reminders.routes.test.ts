// Reminders on both engines: the office reminds the owners of late tasks; the owner sees them under the bell;
// with SMTP configured a real message reaches a local SMTP server (smtp-server) and is read back.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { testEngines } from '../../db/test-harness.js';
import { freePort } from '../../server/test-server.js';
import { startTestApp, type Session, type TestApp } from '../../server/test-app.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** an SMTP server on 127.0.0.1 that wants a user name and password, and keeps what it receives */
async function localSmtp(user: string, pass: string) {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user });
      else cb(new Error('sai mật khẩu'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** the subject and the text of a received message (RFC 2047 encoded words, a base64 or quoted-printable body) */
function readMail(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(unfolded)?.[1] ?? '';
  const words = (s: string) =>
    s.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
  const body = rest.join('\n\n');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8') : body;
  return { subject: words(header('Subject')).trim(), toHeader: header('To'), fromHeader: words(header('From')), text };
}

for (const engine of testEngines) {
  describe(`reminders [${engine}]`, () => {
    let smtp: Awaited<ReturnType<typeof localSmtp>>;
    let t: TestApp;
    let wardOffice: Session;
    let owner: Session;
    let outsider: Session;
    let provinceViewer: Session;
    let ward: number;
    let ward2: number;
    let resolutionId: number;
    let breakthroughId: number;
    let ownerId: number;
    let noMailId: number;
    const ids: Record<string, number> = {};

    before(async () => {
      smtp = await localSmtp('clerk', 'mật-khẩu');
      t = await startTestApp(engine, { today: '2027-02-10', env: { DAIHOI_SMTP_URL: `smtp://clerk:${encodeURIComponent('mật-khẩu')}@127.0.0.1:${smtp.port}`, DAIHOI_MAIL_FROM: 'Văn phòng Đảng ủy <vanphong@thanhmieu.vn>' } });
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      const admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      const province = await found('Đảng bộ tỉnh Phú Thọ', 'province', null);
      ward = await found('Đảng bộ phường Thanh Miếu', 'commune', province);
      ward2 = await found('Đảng bộ phường Việt Trì', 'commune', province);
      await t.addUser('ward-office', [{ role: 'office', orgId: ward }]);
      ownerId = await t.addUser('hiep', [{ role: 'office', orgId: ward }]);
      noMailId = await t.addUser('lan', [{ role: 'viewer', orgId: ward }]);
      await t.addUser('outsider', [{ role: 'office', orgId: ward2 }]);
      await t.addUser('province-viewer', [{ role: 'viewer', orgId: province }]);
      assert.equal((await t.call(admin, 'PATCH', `/api/users/${ownerId}`, { email: 'hiep@thanhmieu.vn' })).statusCode, 200);
      const badMail = await t.call(admin, 'PATCH', `/api/users/${ownerId}`, { email: 'không phải thư' });
      assert.equal(badMail.statusCode, 400);
      wardOffice = await t.login('ward-office');
      owner = await t.login('hiep');
      outsider = await t.login('outsider');
      provinceViewer = await t.login('province-viewer');
      resolutionId = (await t.call(wardOffice, 'POST', `/api/orgs/${ward}/resolutions`, { kind: 'congress', title: 'Nghị quyết Đại hội I', adoptedOn: '2025-07-26', termStart: 2025, termEnd: 2030, targets: [], elements: [{ kind: 'breakthrough', title: 'Chuyển đổi số' }] })).json().id;
      breakthroughId = (await t.call(wardOffice, 'GET', `/api/resolutions/${resolutionId}`)).json().elements[0].id;
    });
    after(async () => {
      await t?.close();
      await smtp?.close();
    });

    const task = (title: string, dueOn: string, extra: Record<string, unknown> = {}) => ({ title, elementId: breakthroughId, ownerOrgId: ward, responsiblePerson: 'Đồng chí Phạm Xuân Hiệp', expectedResult: 'Xong', startOn: '2026-01-01', dueOn, status: 'in_progress', ...extra });

    test('a task names its responsible account: one with a role on the owner unit', async () => {
      const accounts = (await t.call(wardOffice, 'GET', `/api/orgs/${ward}/responsible-accounts`)).json() as { id: number; username: string; hasEmail: boolean }[];
      assert.deepEqual(accounts.map((a) => a.username).sort(), ['admin', 'hiep', 'lan', 'province-viewer', 'ward-office']);
      assert.equal(accounts.find((a) => a.id === ownerId)!.hasEmail, true);
      assert.equal((await t.call(outsider, 'GET', `/api/orgs/${ward}/responsible-accounts`)).statusCode, 403);
      const outsiderId = (await t.call(outsider, 'GET', `/api/orgs/${ward2}/responsible-accounts`)).json().find((a: { username: string }) => a.username === 'outsider').id;
      const wrong = await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, task('Sai người', '2027-01-31', { responsibleUserId: outsiderId }));
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().error.details[0].code, 'RESPONSIBLE_ACCOUNT_INVALID');
      assert.match(wrong.json().error.message, /Tài khoản người chịu trách nhiệm/);
      for (const [key, body] of [
        ['overdue', task('Triển khai phần mềm một cửa điện tử', '2027-01-31', { responsibleUserId: ownerId })],
        ['soon', task('Số hóa hồ sơ lưu trữ', '2027-02-20', { responsibleUserId: ownerId })],
        ['late start', task('Tập huấn chuyển đổi số', '2027-09-30', { status: 'not_started', responsibleUserId: noMailId })],
        ['no account', task('Rà soát thủ tục', '2027-01-15')],
        ['fine', task('Xây dựng đề án', '2027-12-31', { responsibleUserId: ownerId })],
      ] as const) {
        const r = await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, body);
        assert.equal(r.statusCode, 201, r.body);
        ids[key] = r.json().id;
      }
      const got = (await t.call(wardOffice, 'GET', `/api/resolutions/${resolutionId}`)).json();
      assert.equal(got.tasks.find((x: { id: number }) => x.id === ids.overdue).responsibleUserId, ownerId);
    });

    test('the office sends reminders: in-app to every named account, by e-mail where there is an address', async () => {
      assert.equal((await t.call(provinceViewer, 'POST', `/api/resolutions/${resolutionId}/reminders`, {})).statusCode, 403);
      assert.equal((await t.call(outsider, 'POST', `/api/resolutions/${resolutionId}/reminders`, {})).statusCode, 403);
      const r = await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/reminders`, {});
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { inApp: 3, email: 2, emailFailed: 0, emailConfigured: true, skipped: { noAccount: 1, alreadyToday: 0 } });
      assert.equal(smtp.received.length, 2);
      const mails = smtp.received.map((m) => ({ ...m, ...readMail(m.raw) }));
      assert.deepEqual(mails.map((m) => m.to), [['hiep@thanhmieu.vn'], ['hiep@thanhmieu.vn']]);
      assert.equal(mails[0].from, 'vanphong@thanhmieu.vn');
      assert.match(mails[0].fromHeader, /^Văn phòng Đảng ủy ?<vanphong@thanhmieu\.vn>$/);
      const late = mails.find((m) => m.subject === 'Nhiệm vụ quá hạn: Triển khai phần mềm một cửa điện tử')!;
      assert.ok(late, mails.map((m) => m.subject).join(' | '));
      assert.match(late.text, /Kính gửi đồng chí hiep/);
      assert.match(late.text, /đã quá hạn 10 ngày \(thời hạn 31\/01\/2027\)/);
      assert.ok(mails.some((m) => m.subject === 'Nhiệm vụ sắp đến hạn: Số hóa hồ sơ lưu trữ'));
      // pressed again the same day: nothing more is sent
      const again = (await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/reminders`, {})).json();
      assert.deepEqual(again.skipped, { noAccount: 1, alreadyToday: 3 });
      assert.equal(again.inApp, 0);
      assert.equal(smtp.received.length, 2);
    });

    test('the bell: the owner lists their notifications, unread first counted, and marks them read', async () => {
      const list = (await t.call(owner, 'GET', '/api/notifications')).json();
      assert.equal(list.unread, 2);
      assert.deepEqual(list.items.map((n: { kind: string }) => n.kind).sort(), ['task_due_soon', 'task_overdue']);
      assert.equal(list.items[0].link, `/resolutions/${resolutionId}`);
      assert.ok(list.items.every((n: { emailedAt: string | null }) => n.emailedAt !== null));
      const mine = list.items[0].id;
      // someone else's notification is "not found", not marked
      const other = await t.call(wardOffice, 'POST', `/api/notifications/${mine}/read`);
      assert.equal(other.statusCode, 404);
      assert.equal(other.json().error.code, 'NOT_FOUND');
      assert.match(other.json().error.message, /Không tìm thấy thông báo/);
      assert.equal((await t.call(owner, 'POST', `/api/notifications/${mine}/read`)).statusCode, 200);
      assert.equal((await t.call(owner, 'GET', '/api/notifications')).json().unread, 1);
      assert.equal((await t.call(owner, 'POST', '/api/notifications/abc/read')).statusCode, 400);
      assert.deepEqual((await t.call(owner, 'POST', '/api/notifications/read-all')).json(), { updated: 1 });
      assert.equal((await t.call(owner, 'GET', '/api/notifications')).json().unread, 0);
      const lan = await t.login('lan');
      const hers = (await t.call(lan, 'GET', '/api/notifications')).json();
      assert.equal(hers.unread, 1);
      assert.equal(hers.items[0].kind, 'task_at_risk');
      assert.equal(hers.items[0].emailedAt, null, 'no address, no e-mail');
      assert.equal((await t.call(null, 'GET', '/api/notifications')).statusCode, 401);
    });

    test('bad input: 4xx JSON with a Vietnamese message', async () => {
      const r = await t.call(wardOffice, 'POST', '/api/resolutions/999999/reminders', {});
      assert.equal(r.statusCode, 404);
      assert.equal(r.json().error.code, 'NOT_FOUND');
      const extra = await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/reminders`, { everyone: true });
      assert.ok(extra.statusCode === 200 || extra.statusCode === 400, extra.body);
      const badTask = await t.call(wardOffice, 'POST', `/api/resolutions/${resolutionId}/tasks`, task('x', '2027-01-31', { responsibleUserId: 'hiep' }));
      assert.equal(badTask.statusCode, 400);
      assert.equal(badTask.json().error.code, 'VALIDATION_FAILED');
    });
  });

  describe(`reminders without SMTP [${engine}]`, () => {
    test('stay in-app', async () => {
      const t = await startTestApp(engine, { today: '2027-02-10' });
      try {
        await t.addUser('admin', [{ role: 'admin', orgId: null }]);
        const admin = await t.login('admin');
        const org = (await t.call(admin, 'POST', '/api/orgs', { name: 'Đảng bộ phường Một', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' })).json().id;
        const me = (await t.call(admin, 'GET', '/api/auth/me')).json().user.id;
        await t.call(admin, 'PATCH', `/api/users/${me}`, { email: 'admin@example.vn' });
        const res = (await t.call(admin, 'POST', `/api/orgs/${org}/resolutions`, { kind: 'congress', title: 'NQ', adoptedOn: '2025-07-26', termStart: 2025, termEnd: 2030, targets: [], elements: [{ kind: 'key_task', title: 'Cải cách hành chính' }] })).json().id;
        const elementId = (await t.call(admin, 'GET', `/api/resolutions/${res}`)).json().elements[0].id;
        await t.call(admin, 'POST', `/api/resolutions/${res}/tasks`, { title: 'Việc trễ', elementId, ownerOrgId: org, responsiblePerson: 'A', expectedResult: 'B', startOn: '2026-06-01', dueOn: '2027-01-01', status: 'in_progress', responsibleUserId: me });
        const r = (await t.call(admin, 'POST', `/api/resolutions/${res}/reminders`)).json();
        assert.deepEqual(r, { inApp: 1, email: 0, emailFailed: 0, emailConfigured: false, skipped: { noAccount: 0, alreadyToday: 0 } });
      } finally {
        await t.close();
      }
    });
  });
}
