// The permission matrix: every /api route, as every role, inside and outside the granted subtree.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../db/test-harness.js';
import { memberProfile, multipartFile, startTestApp, type Session, type TestApp } from './test-app.js';

type Who = 'admin' | 'office' | 'viewer' | 'outsider' | 'anonymous';
const LOGGED_IN: Who[] = ['admin', 'office', 'viewer', 'outsider'];
const READERS: Who[] = ['admin', 'office', 'viewer'];
const MANAGERS: Who[] = ['admin', 'office'];

const member = (fullName: string, cardNumber: string | null = null) => memberProfile(fullName, { cardNumber });

// resolutions (issue 5)
const targetBody = () => ({ name: 'Tỷ lệ hồ sơ trực tuyến', unit: '%', direction: 'reach_by', area: 'economy', baselineValue: 40, baselineDate: '2025-12-31', targetValue: 80, deadline: '2030-12-31' });
const resolutionBody = () => ({ kind: 'congress', title: 'Nghị quyết Đại hội', adoptedOn: '2025-08-01', termStart: 2025, termEnd: 2030, targets: [targetBody()], elements: [] });
const taskBody = (ownerOrgId: number, targetId: number) => ({ title: 'Số hóa hồ sơ', targetId, ownerOrgId, responsiblePerson: 'Đồng chí A', expectedResult: 'Xong', startOn: '2025-09-01', dueOn: '2027-06-30', status: 'not_started' });

// congress (issue 3)
const congressBody = (orgId: number) => ({ orgId, title: 'Đại hội đại biểu Đảng bộ phường Một lần thứ I', kind: 'delegates', opensOn: '2025-08-17', closesOn: '2025-08-18' });
const congressText: Record<string, string> = {};


for (const engine of testEngines) {
  describe(`permission matrix [${engine}]`, () => {
    let t: TestApp;
    const f: Record<string, number> = {};
    let sessions: Partial<Record<Who, Session>> = {};
    let seq = 0;
    // members spent by transfer/leave requests, one per request
    let spent = 2;
    const unspentMember = () => f[`member${spent++}`];

    before(async () => {
      t = await startTestApp(engine);
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      const admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      f.province = await found('Đảng bộ tỉnh Thử', 'province', null);
      f.ward = await found('Đảng bộ phường Một', 'commune', f.province);
      f.cell = await found('Chi bộ khu phố Một', 'cell', f.ward);
      f.cell2 = await found('Chi bộ khu phố Hai', 'cell', f.ward);
      f.other = await found('Đảng bộ phường Hai', 'commune', f.province);
      for (let i = 0; i < 16; i++) (await t.call(admin, 'POST', `/api/orgs/${f.cell}/members`, member(`Trần Văn Số ${String.fromCharCode(65 + i)}`))).json();
      const list = (await t.call(admin, 'GET', `/api/orgs/${f.cell}/members?pageSize=50`)).json().items as { id: number }[];
      list.forEach((m, i) => (f[`member${i}`] = m.id));
      await t.addUser('office', [{ role: 'office', orgId: f.ward }]);
      await t.addUser('viewer', [{ role: 'viewer', orgId: f.ward }]);
      await t.addUser('outsider', [{ role: 'office', orgId: f.other }]);
      f.someUser = await t.addUser('someone', [{ role: 'viewer', orgId: f.other }]);
      // resolutions (issue 5)
      f.resolution = (await t.call(admin, 'POST', `/api/orgs/${f.ward}/resolutions`, resolutionBody())).json().id;
      f.target = (await t.call(admin, 'GET', `/api/resolutions/${f.resolution}`)).json().targets[0].id;
      f.task = (await t.call(admin, 'POST', `/api/resolutions/${f.resolution}/tasks`, taskBody(f.cell, f.target))).json().id;
      f.startedTask = (await t.call(admin, 'POST', `/api/resolutions/${f.resolution}/tasks`, { ...taskBody(f.cell, f.target), status: 'in_progress' })).json().id;
      // a task's evidence documents: one to download, one a manager removes (the next role finds it gone: 404)
      f.evidence = (await t.upload(admin, `/api/tasks/${f.task}/evidence-files`, Buffer.from('%PDF-1.4\n%%EOF\n'), 'Báo cáo.pdf')).json().id;
      f.evidence2 = (await t.upload(admin, `/api/tasks/${f.task}/evidence-files`, Buffer.from('%PDF-1.4\n%%EOF\n'), 'Nhầm.pdf')).json().id;
      f.element = (await t.call(admin, 'POST', `/api/resolutions/${f.resolution}/elements`, { kind: 'key_task', title: 'Nhiệm vụ thử quyền' })).json().id;
      // a task carries it out, so a manager's delete is refused (409) and the element stays for the next role
      await t.call(admin, 'POST', `/api/resolutions/${f.resolution}/tasks`, { ...taskBody(f.cell, f.target), elementId: f.element });
      // congress (issue 3)
      f.congress = (await t.call(admin, 'POST', '/api/congresses', congressBody(f.ward))).json().id;
      const picked = (await t.call(admin, 'POST', `/api/congresses/${f.congress}/delegates`, { delegates: [12, 13, 14].map((k) => ({ memberId: f[`member${k}`] })) })).json().ids as number[];
      [f.delegateView, f.delegateToken, f.delegateOther] = picked;
      congressText.token = (await t.call(admin, 'POST', `/api/congresses/${f.congress}/delegates/${f.delegateView}/token`)).json().token;
      f.agendaItem = (await t.call(admin, 'POST', `/api/congresses/${f.congress}/agenda`, { title: 'Khai mạc' })).json().id;
      f.agendaItem2 = (await t.call(admin, 'POST', `/api/congresses/${f.congress}/agenda`, { title: 'Bế mạc' })).json().id;
      f.speaker = (await t.call(admin, 'POST', `/api/congresses/${f.congress}/speakers`, { name: 'Khách mời' })).json().id;
      f.doc = (await t.call(admin, 'POST', `/api/congresses/${f.congress}/documents`, { title: 'Chương trình', internal: false, bodyHtml: '<p>x</p>' })).json().id;
      f.doc2 = (await t.call(admin, 'POST', `/api/congresses/${f.congress}/documents`, { title: 'Dự thảo', internal: true, bodyHtml: '<p>y</p>' })).json().id;
      // votes and elections (issue 4)
      f.vote = (await t.call(admin, 'POST', `/api/congresses/${f.congress}/votes`, { subject: 'agenda', question: 'Thông qua chương trình đại hội' })).json().id;
      f.election = (
        await t.call(admin, 'POST', `/api/congresses/${f.congress}/elections`, { body: 'secretary', seats: 1, mode: 'paper', candidates: [{ memberId: f.member12 }] })
      ).json().id;
      // resolution studying (issue 5)
      f.studySession = (await t.call(admin, 'POST', `/api/resolutions/${f.resolution}/study-sessions`, { orgId: f.cell, heldOn: '2025-09-10', place: 'Hội trường', form: 'in_person' })).json().id;
      // attended, so removing the session is refused (409) and it stays for the next role
      assert.equal((await t.call(admin, 'POST', `/api/study-sessions/${f.studySession}/attendance`, { memberIds: [f.member0], via: 'manual' })).statusCode, 200);
    });
    after(() => t.close());

    // Every route must appear here with who may use it; a route missing from this table fails the test.
    const matrix: Record<string, { allowed: Who[]; request: () => { url: string; body?: unknown; multipart?: ReturnType<typeof multipartFile> } }> = {
      'GET /api/health': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: '/api/health' }) },
      'GET /api/openapi.json': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: '/api/openapi.json' }) },
      'POST /api/auth/login': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: '/api/auth/login', body: { username: 'admin', password: 'correct-horse-battery' } }) },
      'GET /api/auth/me': { allowed: LOGGED_IN, request: () => ({ url: '/api/auth/me' }) },
      'GET /api/users': { allowed: ['admin'], request: () => ({ url: '/api/users' }) },
      'POST /api/users': { allowed: ['admin'], request: () => ({ url: '/api/users', body: { username: `new${seq++}`, displayName: 'Người mới', password: 'a-long-password-1', grants: [] } }) },
      'PATCH /api/users/:id': { allowed: ['admin'], request: () => ({ url: `/api/users/${f.someUser}`, body: { displayName: 'Đổi tên' } }) },
      'GET /api/audit': { allowed: ['admin'], request: () => ({ url: '/api/audit' }) },
      'GET /api/orgs': { allowed: LOGGED_IN, request: () => ({ url: '/api/orgs?roots=true' }) },
      'GET /api/orgs/:id': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}` }) },
      'GET /api/orgs/:id/tree': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/tree?asOf=2025-08-01` }) },
      'POST /api/orgs': { allowed: MANAGERS, request: () => ({ url: '/api/orgs', body: { name: `Chi bộ mới ${seq++}`, kind: 'cell', parentId: f.ward, effectiveOn: '2025-08-01' } }) },
      'PATCH /api/orgs/:id': { allowed: MANAGERS, request: () => ({ url: `/api/orgs/${f.cell}`, body: { adminUnit: 'Khu phố Một' } }) },
      'POST /api/orgs/:id/events': { allowed: MANAGERS, request: () => ({ url: `/api/orgs/${f.cell}/events`, body: { kind: 'rename', newName: `Chi bộ khu phố Một (${seq++})`, effectiveOn: '2025-08-01' } }) },
      'GET /api/orgs/:id/members': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/members` }) },
      'POST /api/orgs/:id/members': { allowed: MANAGERS, request: () => ({ url: `/api/orgs/${f.cell}/members`, body: member('Lê Thị Mới') }) },
      'POST /api/orgs/:id/members/import': { allowed: MANAGERS, request: () => ({ url: `/api/orgs/${f.cell}/members/import`, multipart: multipartFile(Buffer.from('not a spreadsheet'), 'x.xlsx') }) },
      'GET /api/orgs/:id/members.xlsx': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/members.xlsx` }) },
      'GET /api/orgs/:id/members.csv': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/members.csv` }) },
      'GET /api/members/import-template.xlsx': { allowed: LOGGED_IN, request: () => ({ url: '/api/members/import-template.xlsx' }) },
      'GET /api/members/search': { allowed: LOGGED_IN, request: () => ({ url: '/api/members/search?q=tran' }) },
      'GET /api/members/:id': { allowed: READERS, request: () => ({ url: `/api/members/${f.member0}` }) },
      'PATCH /api/members/:id': { allowed: MANAGERS, request: () => ({ url: `/api/members/${f.member1}`, body: member('Trần Văn Số B') }) },
      'POST /api/members/:id/transfer': { allowed: MANAGERS, request: () => ({ url: `/api/members/${unspentMember()}/transfer`, body: { toOrgId: f.cell2, effectiveOn: '2025-09-01' } }) },
      'POST /api/members/:id/leave': { allowed: MANAGERS, request: () => ({ url: `/api/members/${unspentMember()}/leave`, body: { effectiveOn: '2025-09-01', reason: 'transferred_out' } }) },
      // resolutions (issue 5)
      'POST /api/resolutions/parse': { allowed: ['admin', 'office', 'outsider'], request: () => ({ url: '/api/resolutions/parse', body: { text: 'Phấn đấu đến năm 2030 đạt 80%.' } }) },
      'GET /api/orgs/:id/resolutions': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/resolutions` }) },
      'POST /api/orgs/:id/resolutions': { allowed: MANAGERS, request: () => ({ url: `/api/orgs/${f.ward}/resolutions`, body: resolutionBody() }) },
      'GET /api/resolutions/:id': { allowed: READERS, request: () => ({ url: `/api/resolutions/${f.resolution}` }) },
      'PATCH /api/resolutions/:id': { allowed: MANAGERS, request: () => ({ url: `/api/resolutions/${f.resolution}`, body: { kind: 'congress', title: 'Nghị quyết', adoptedOn: '2025-08-01', termStart: 2025, termEnd: 2030 } }) },
      'POST /api/resolutions/:id/targets': { allowed: MANAGERS, request: () => ({ url: `/api/resolutions/${f.resolution}/targets`, body: targetBody() }) },
      'PATCH /api/targets/:id': { allowed: MANAGERS, request: () => ({ url: `/api/targets/${f.target}`, body: targetBody() }) },
      'DELETE /api/targets/:id': { allowed: MANAGERS, request: () => ({ url: `/api/targets/${f.target}` }) },
      // a task under way: a manager's delete is refused (409, TASK_HAS_PROGRESS) and the task stays for the next role
      'DELETE /api/tasks/:id': { allowed: MANAGERS, request: () => ({ url: `/api/tasks/${f.startedTask}` }) },
      'PUT /api/resolution-elements/:id': { allowed: MANAGERS, request: () => ({ url: `/api/resolution-elements/${f.element}`, body: { title: 'Chuyển đổi số (sửa)' } }) },
      'DELETE /api/resolution-elements/:id': { allowed: MANAGERS, request: () => ({ url: `/api/resolution-elements/${f.element}` }) },
      'POST /api/resolutions/:id/elements': { allowed: MANAGERS, request: () => ({ url: `/api/resolutions/${f.resolution}/elements`, body: { kind: 'breakthrough', title: 'Chuyển đổi số' } }) },
      'POST /api/resolutions/:id/tasks': { allowed: MANAGERS, request: () => ({ url: `/api/resolutions/${f.resolution}/tasks`, body: taskBody(f.cell, f.target) }) },
      'PATCH /api/tasks/:id': { allowed: MANAGERS, request: () => ({ url: `/api/tasks/${f.task}`, body: taskBody(f.cell, f.target) }) },
      'POST /api/tasks/:id/progress': { allowed: MANAGERS, request: () => ({ url: `/api/tasks/${f.task}/progress`, body: { status: 'in_progress' } }) },
      'GET /api/my-tasks': { allowed: LOGGED_IN, request: () => ({ url: '/api/my-tasks' }) },
      // a task's evidence documents: the owner unit's readers see them; its office (or the task's responsible account) adds and removes
      'GET /api/tasks/:id/evidence-files': { allowed: READERS, request: () => ({ url: `/api/tasks/${f.task}/evidence-files` }) },
      'POST /api/tasks/:id/evidence-files': { allowed: MANAGERS, request: () => ({ url: `/api/tasks/${f.task}/evidence-files`, multipart: multipartFile(Buffer.from('not a document'), 'x.pdf') }) },
      'GET /api/tasks/:id/evidence-files/:fileId': { allowed: READERS, request: () => ({ url: `/api/tasks/${f.task}/evidence-files/${f.evidence}` }) },
      'DELETE /api/tasks/:id/evidence-files/:fileId': { allowed: MANAGERS, request: () => ({ url: `/api/tasks/${f.task}/evidence-files/${f.evidence2}` }) },
      'POST /api/orgs/:id/figures': { allowed: MANAGERS, request: () => ({ url: `/api/orgs/${f.ward}/figures`, body: { period: '2026', figures: [{ targetId: f.target, value: 50, source: 'Báo cáo', reason: 'Cập nhật' }] } }) },
      'GET /api/targets/:id/figures': { allowed: READERS, request: () => ({ url: `/api/targets/${f.target}/figures` }) },
      'GET /api/orgs/:id/resolution-dashboard': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/resolution-dashboard` }) },
      'GET /api/orgs/:id/resolution-rollup': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/resolution-rollup` }) },
      'GET /api/orgs/:id/resolution-report.xlsx': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/resolution-report.xlsx?period=2026` }) },
      // congress (issue 3)
      'GET /api/congresses': { allowed: LOGGED_IN, request: () => ({ url: '/api/congresses' }) },
      'POST /api/congresses': { allowed: MANAGERS, request: () => ({ url: '/api/congresses', body: congressBody(f.ward) }) },
      'GET /api/congresses/:id': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}` }) },
      'PUT /api/congresses/:id': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}`, body: { ...congressBody(f.ward), status: 'preparing' } }) },
      'GET /api/congresses/:id/seats': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/seats` }) },
      'POST /api/congresses/:id/seats/allocate': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/seats/allocate`, body: { totalSeats: 10, exOfficioSeats: 2 } }) },
      'GET /api/congresses/:id/delegates': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/delegates` }) },
      'POST /api/congresses/:id/delegates': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/delegates`, body: { delegates: [{ memberId: f.member15 }] } }) },
      'POST /api/congresses/:id/delegates/import': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/delegates/import`, multipart: multipartFile(Buffer.from('not a spreadsheet'), 'dai-bieu.xlsx') }) },
      'PATCH /api/congresses/:id/delegates/:delegateId': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/delegates/${f.delegateOther}`, body: { eligibilityNote: 'Đang xem xét' } }) },
      'POST /api/congresses/:id/delegates/:delegateId/replace': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/delegates/${f.delegateOther}/replace`, body: { alternateId: f.delegateToken, decidedBy: 'Đoàn Chủ tịch', reason: 'Vắng' } }) },
      'DELETE /api/congresses/:id/delegates/:delegateId/replace': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/delegates/999999/replace` }) },
      'DELETE /api/congresses/:id/checkins/:delegateId': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/checkins/999999` }) },
      'GET /api/congresses/:id/credentials': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/credentials` }) },
      'POST /api/congresses/:id/delegates/:delegateId/token': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/delegates/${f.delegateToken}/token` }) },
      'POST /api/congresses/:id/tokens': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/tokens`, body: { scope: 'missing' } }) },
      'POST /api/congresses/:id/cards.pdf': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/cards.pdf`, body: { scope: 'selected', delegateIds: [f.delegateOther] } }) },
      'GET /api/congresses/:id/card-links': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/card-links` }) },
      'GET /api/congresses/:id/working-bodies': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/working-bodies` }) },
      'PUT /api/congresses/:id/working-bodies/:body': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/working-bodies/secretariat`, body: { members: [{ fullName: 'Nguyễn Văn Thư Ký' }] } }) },
      'GET /api/congresses/:id/minutes.docx': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/minutes.docx` }) },
      'GET /api/congresses/:id/credentials.docx': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/credentials.docx` }) },
      'GET /api/congresses/:id/credentials.pdf': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/credentials.pdf` }) },
      'DELETE /api/congresses/:id/delegates/:delegateId/token': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/delegates/${f.delegateToken}/token` }) },
      'GET /api/congresses/:id/room': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/room` }) },
      'GET /api/congresses/:id/events': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/events?after=0&once=true` }) },
      'POST /api/congresses/:id/checkins': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/checkins`, body: { delegateId: f.delegateView } }) },
      'GET /api/congresses/:id/attendance': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/attendance` }) },
      'GET /api/congresses/:id/agenda': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/agenda` }) },
      'POST /api/congresses/:id/agenda': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/agenda`, body: { title: 'Thảo luận' } }) },
      'PATCH /api/congresses/:id/agenda/:itemId': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/agenda/${f.agendaItem}`, body: { title: 'Khai mạc đại hội' } }) },
      'DELETE /api/congresses/:id/agenda/:itemId': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/agenda/${f.agendaItem2}` }) },
      'POST /api/congresses/:id/agenda/current': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/agenda/current`, body: { itemId: f.agendaItem } }) },
      'GET /api/congresses/:id/speakers': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/speakers` }) },
      'POST /api/congresses/:id/speakers': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/speakers`, body: { name: 'Khách mời B' } }) },
      'POST /api/congresses/:id/speakers/:speakerId/action': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/speakers/${f.speaker}/action`, body: { position: 1 } }) },
      'PUT /api/congresses/:id/projector': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/projector`, body: { mode: 'attendance' } }) },
      'GET /api/congresses/:id/notices': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/notices` }) },
      'POST /api/congresses/:id/notices': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/notices`, body: { text: 'Thông báo' } }) },
      'GET /api/congresses/:id/documents': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/documents` }) },
      'POST /api/congresses/:id/documents': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/documents`, body: { title: 'Tài liệu', internal: true, bodyHtml: '<p>z</p>' } }) },
      'GET /api/congresses/:id/documents/:docId': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/documents/${f.doc2}` }) },
      'DELETE /api/congresses/:id/documents/:docId': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/documents/${f.doc2}` }) },
      // a delegate token opens these, whoever holds it (it is not a login)
      'GET /api/delegate/:token': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/delegate/${congressText.token}` }) },
      'GET /api/delegate/:token/events': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/delegate/${congressText.token}/events?after=0&once=true` }) },
      'GET /api/delegate/:token/photo': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/delegate/${congressText.token}/photo` }) },
      'GET /api/delegate/:token/documents': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/delegate/${congressText.token}/documents` }) },
      'GET /api/delegate/:token/documents/:docId': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/delegate/${congressText.token}/documents/${f.doc}` }) },
      'POST /api/delegate/:token/speakers': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/delegate/${congressText.token}/speakers`, body: { topic: 'Góp ý dự thảo' } }) },
      'GET /api/public/congresses/:id/documents': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/public/congresses/${f.congress}/documents` }) },
      'GET /api/public/congresses/:id/documents/:docId': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/public/congresses/${f.congress}/documents/${f.doc}` }) },
      // resolution studying (issue 5)
      'GET /api/resolutions/:id/study-sessions': { allowed: READERS, request: () => ({ url: `/api/resolutions/${f.resolution}/study-sessions` }) },
      'POST /api/resolutions/:id/study-sessions': { allowed: MANAGERS, request: () => ({ url: `/api/resolutions/${f.resolution}/study-sessions`, body: { orgId: f.cell, heldOn: '2025-09-12', place: 'Nhà văn hóa', form: 'online' } }) },
      'GET /api/study-sessions/:id': { allowed: READERS, request: () => ({ url: `/api/study-sessions/${f.studySession}` }) },
      'DELETE /api/study-sessions/:id': { allowed: MANAGERS, request: () => ({ url: `/api/study-sessions/${f.studySession}` }) },
      'DELETE /api/study-sessions/:id/attendance/:memberId': { allowed: MANAGERS, request: () => ({ url: `/api/study-sessions/${f.studySession}/attendance/999999` }) },
      'POST /api/study-sessions/:id/attendance': { allowed: MANAGERS, request: () => ({ url: `/api/study-sessions/${f.studySession}/attendance`, body: { memberIds: [f.member0], via: 'manual' } }) },
      'POST /api/study-sessions/:id/attendance/import': { allowed: MANAGERS, request: () => ({ url: `/api/study-sessions/${f.studySession}/attendance/import`, multipart: multipartFile(Buffer.from('not a spreadsheet'), 'diem-danh.xlsx') }) },
      'GET /api/resolutions/:id/study-coverage': { allowed: READERS, request: () => ({ url: `/api/resolutions/${f.resolution}/study-coverage?orgId=${f.cell}` }) },
      // resolution exports and reminders (issue 5)
      'GET /api/orgs/:id/resolution-report.docx': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/resolution-report.docx?period=2026` }) },
      'GET /api/orgs/:id/resolution-dashboard.pdf': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/resolution-dashboard.pdf` }) },
      'GET /api/orgs/:id/resolution-rollup.pdf': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/resolution-rollup.pdf` }) },
      'GET /api/orgs/:id/responsible-accounts': { allowed: MANAGERS, request: () => ({ url: `/api/orgs/${f.cell}/responsible-accounts` }) },
      'POST /api/resolutions/:id/reminders': { allowed: MANAGERS, request: () => ({ url: `/api/resolutions/${f.resolution}/reminders`, body: {} }) },
      'GET /api/notifications': { allowed: LOGGED_IN, request: () => ({ url: '/api/notifications' }) },
      // one's own notification is marked read; another's is "not found" (404), never forbidden
      'POST /api/notifications/:id/read': { allowed: LOGGED_IN, request: () => ({ url: '/api/notifications/1/read' }) },
      'POST /api/notifications/read-all': { allowed: LOGGED_IN, request: () => ({ url: '/api/notifications/read-all' }) },
      // votes and elections (issue 4)
      'GET /api/congresses/:id/voting': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/voting` }) },
      'POST /api/congresses/:id/votes': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/votes`, body: { subject: 'report', question: 'Thông qua báo cáo chính trị' } }) },
      'PUT /api/congresses/:id/votes/:voteId': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/votes/${f.vote}`, body: { subject: 'agenda', question: 'Thông qua chương trình' } }) },
      'DELETE /api/congresses/:id/votes/:voteId': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/votes/999999` }) },
      'GET /api/congresses/:id/votes/:voteId': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/votes/${f.vote}` }) },
      'GET /api/congresses/:id/votes/:voteId/recount': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/votes/${f.vote}/recount` }) },
      'POST /api/congresses/:id/votes/:voteId/open': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/votes/999999/open` }) },
      'POST /api/congresses/:id/votes/:voteId/hand-count': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/votes/${f.vote}/hand-count`, body: { for: 1, against: 0 } }) },
      'POST /api/congresses/:id/votes/:voteId/close': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/votes/${f.vote}/close` }) },
      'POST /api/congresses/:id/projector/poll': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/projector/poll`, body: { kind: 'vote', id: f.vote } }) },
      'POST /api/congresses/:id/appointments': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/appointments`, body: { decisionNumber: 'xyz', decisionDate: '2025-08-01', issuer: 'Ban Thường vụ', members: [{ body: 'secretary', fullName: 'Nguyễn Văn A' }] } }) },
      'PUT /api/congresses/:id/appointments/:appointmentId': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/appointments/999999`, body: { decisionNumber: '15-QĐ/ĐU', decisionDate: '2025-08-01', issuer: 'Ban Thường vụ', members: [{ body: 'secretary', fullName: 'Nguyễn Văn A' }] } }) },
      'GET /api/orgs/:id/leaders': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/leaders` }) },
      'POST /api/congresses/:id/elections/check': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/check`, body: { body: 'secretary', seats: 1, mode: 'paper', candidates: [{ fullName: 'Nguyễn Văn A' }] } }) },
      'POST /api/congresses/:id/elections': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/elections`, body: { body: 'secretary', seats: 2, mode: 'paper', candidates: [{ fullName: 'Nguyễn Văn A' }] } }) },
      'PUT /api/congresses/:id/elections/:electionId': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}`, body: { body: 'secretary', seats: 1, mode: 'paper', candidates: [{ memberId: f.member12 }] } }) },
      'DELETE /api/congresses/:id/elections/:electionId': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/999999` }) },
      'GET /api/congresses/:id/elections/:electionId': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}` }) },
      'POST /api/congresses/:id/elections/:electionId/open': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/999999/open` }) },
      'GET /api/congresses/:id/elections/:electionId/paper-ballots': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/paper-ballots` }) },
      'POST /api/congresses/:id/elections/:electionId/paper-ballots': {
        allowed: MANAGERS,
        request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/paper-ballots`, body: { clerk: 'first', ballots: [{ ballotNo: 1, marks: { kind: 'boxes', agree: [], disagree: [] } }] } }),
      },
      'DELETE /api/congresses/:id/elections/:electionId/paper-ballots/:clerk/:ballotNo': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/paper-ballots/first/1` }) },
      'GET /api/congresses/:id/elections/:electionId/reconciliation': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/reconciliation` }) },
      'POST /api/congresses/:id/elections/:electionId/close': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/close`, body: {} }) },
      'POST /api/congresses/:id/elections/:electionId/further-round': { allowed: MANAGERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/further-round`, body: {} }) },
      'GET /api/congresses/:id/elections/:electionId/receipts': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/receipts` }) },
      'GET /api/congresses/:id/elections/:electionId/recount': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/recount` }) },
      'GET /api/congresses/:id/elections/:electionId/ballot.docx': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/ballot.docx` }) },
      'GET /api/congresses/:id/elections/:electionId/ballot.pdf': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/ballot.pdf` }) },
      'GET /api/congresses/:id/elections/:electionId/minutes.docx': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/minutes.docx` }) },
      'GET /api/congresses/:id/elections/:electionId/minutes.pdf': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/minutes.pdf` }) },
      'GET /api/congresses/:id/elections/:electionId/report.docx': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/report.docx` }) },
      'GET /api/congresses/:id/elections/:electionId/report.pdf': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/elections/${f.election}/report.pdf` }) },
      'GET /api/delegate/:token/voting': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/delegate/${congressText.token}/voting` }) },
      'POST /api/delegate/:token/votes/:voteId': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/delegate/${congressText.token}/votes/${f.vote}`, body: { clientBallotId: 'a'.repeat(20), choice: 'for' } }) },
      'POST /api/delegate/:token/elections/:electionId': {
        allowed: [...LOGGED_IN, 'anonymous'],
        request: () => ({ url: `/api/delegate/${congressText.token}/elections/${f.election}`, body: { clientBallotId: 'b'.repeat(20), chosen: [] } }),
      },
      'GET /api/delegate/:token/elections/:electionId/receipts': { allowed: [...LOGGED_IN, 'anonymous'], request: () => ({ url: `/api/delegate/${congressText.token}/elections/${f.election}/receipts` }) },
      'GET /api/congresses/:id/seating.pdf': { allowed: READERS, request: () => ({ url: `/api/congresses/${f.congress}/seating.pdf?seatsPerRow=10` }) },
      // studying by QR (issue 5)
      'POST /api/orgs/:id/member-cards.pdf': { allowed: MANAGERS, request: () => ({ url: `/api/orgs/${f.cell}/member-cards.pdf`, body: { memberIds: [f.member0] } }) },
      'POST /api/members/:id/study-card/reissue': { allowed: MANAGERS, request: () => ({ url: `/api/members/${f.member0}/study-card/reissue` }) },
      'POST /api/study-sessions/:id/attendance/scan': { allowed: MANAGERS, request: () => ({ url: `/api/study-sessions/${f.studySession}/attendance/scan`, body: { code: 'DH1-M.1.AAAAAAAAAAAAAAAA' } }) },
      // members' photos (issue 3: delegate cards)
      'PUT /api/members/:id/photo': { allowed: MANAGERS, request: () => ({ url: `/api/members/${f.member0}/photo`, multipart: multipartFile(Buffer.from('not a photo'), 'anh.jpg') }) },
      'GET /api/members/:id/photo': { allowed: READERS, request: () => ({ url: `/api/members/${f.member0}/photo` }) },
      'DELETE /api/members/:id/photo': { allowed: MANAGERS, request: () => ({ url: `/api/members/${f.member0}/photo` }) },
      'POST /api/auth/logout': { allowed: LOGGED_IN, request: () => ({ url: '/api/auth/logout' }) },
    };

    test('every route declares its access and is in the matrix', () => {
      const declared = t.routes.map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(declared.filter((k) => !(k in matrix)), [], 'routes missing from the matrix');
      assert.deepEqual(Object.keys(matrix).filter((k) => !declared.includes(k)), [], 'matrix rows with no route');
    });

    test('each role gets exactly the routes it should', async () => {
      seq = 0;
      spent = 2;
      for (const who of LOGGED_IN) sessions[who] = await t.login(who);
      const failures: string[] = [];
      for (const [key, row] of Object.entries(matrix)) {
        const [method] = key.split(' ');
        for (const who of [...LOGGED_IN, 'anonymous'] as Who[]) {
          const req = row.request();
          const session = who === 'anonymous' ? null : sessions[who]!;
          const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
          const r = req.multipart
            ? await t.app.inject({ method: method as 'POST', url: req.url, headers: { ...headers, 'content-type': req.multipart.contentType }, payload: req.multipart.payload })
            : await t.app.inject({ method: method as 'GET', url: req.url, headers, ...(req.body === undefined ? {} : { payload: req.body as object }) });
          const allowed = row.allowed.includes(who);
          const denied = r.statusCode === 401 || r.statusCode === 403;
          if (allowed === denied || r.statusCode >= 500) failures.push(`${key} as ${who}: ${r.statusCode} ${r.body.slice(0, 160)}`);
          if (!allowed) {
            assert.equal(r.json().error.code, who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', `${key} as ${who}`);
          }
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(spent - 2 === 10 && f[`member${spent - 1}`] !== undefined, 'every transfer/leave request had a member of its own');
    });

    test('an office cannot pull a unit of another subtree into its own, nor lift a unit to the top of the tree', async () => {
      const office = await t.login('office');
      const admin = await t.login('admin');
      const foreign = (await t.call(admin, 'POST', '/api/orgs', { name: `Chi bộ phường Hai ${seq++}`, kind: 'cell', parentId: f.other, effectiveOn: '2025-07-01' })).json().id as number;
      const pull = await t.call(office, 'POST', '/api/orgs', { name: 'Chi bộ hợp nhất', kind: 'cell', parentId: f.ward, mergeFromIds: [foreign], effectiveOn: '2025-08-01' });
      assert.equal(pull.statusCode, 403, pull.body);
      const lift = await t.call(office, 'POST', `/api/orgs/${f.cell2}/events`, { kind: 'move', newParentId: null, effectiveOn: '2025-08-01' });
      assert.equal(lift.statusCode, 403, lift.body);
      // nothing moved; the admin may do both
      const stillThere = (await t.call(admin, 'GET', `/api/orgs/${foreign}`)).json();
      assert.equal(stillThere.parentId, f.other);
      const own = (await t.call(admin, 'POST', '/api/orgs', { name: `Chi bộ mới ${seq++}`, kind: 'cell', parentId: f.ward, effectiveOn: '2025-07-01' })).json().id as number;
      assert.equal((await t.call(office, 'POST', '/api/orgs', { name: `Chi bộ hợp nhất ${seq++}`, kind: 'cell', parentId: f.ward, mergeFromIds: [own], effectiveOn: '2025-08-01' })).statusCode, 201, 'merging its own units is the office’s to do');
    });

    test('cookie-authenticated writes need the CSRF token', async () => {
      const s = await t.login('office');
      const r = await t.app.inject({ method: 'PATCH', url: `/api/orgs/${f.cell}`, headers: { cookie: s.cookie }, payload: { adminUnit: 'x' } });
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().error.code, 'CSRF_FAILED');
      const wrong = await t.app.inject({ method: 'PATCH', url: `/api/orgs/${f.cell}`, headers: { cookie: s.cookie, 'x-csrf-token': 'guess' }, payload: { adminUnit: 'x' } });
      assert.equal(wrong.statusCode, 403);
    });
  });
}
