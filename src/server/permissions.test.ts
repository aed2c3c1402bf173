// The permission matrix: every /api route, as every role, inside and outside the granted subtree.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../db/test-harness.js';
import { startTestApp, type Session, type TestApp } from './test-app.js';

type Who = 'admin' | 'office' | 'viewer' | 'outsider' | 'anonymous';
const LOGGED_IN: Who[] = ['admin', 'office', 'viewer', 'outsider'];
const READERS: Who[] = ['admin', 'office', 'viewer'];
const MANAGERS: Who[] = ['admin', 'office'];

const member = (fullName: string, cardNumber: string | null = null) => ({
  fullName,
  gender: 'male',
  birthDate: '1980-01-15',
  ethnicity: 'Kinh',
  religion: null,
  hometown: null,
  education: null,
  theoryLevel: null,
  admittedOn: '2010-05-20',
  officialOn: '2011-05-20',
  cardNumber,
  position: null,
});

function multipart(filename: string, content: Buffer) {
  const boundary = '----daihoi-matrix';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

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
      const found = async (name: string, kind: string, parentId: number | null) => (await t.call(admin, 'POST', '/api/orgs', { name, kind, parentId, effectiveOn: '2025-07-01' })).json().id as number;
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
    });
    after(() => t.close());

    // Every route must appear here with who may use it; a route missing from this table fails the test.
    const matrix: Record<string, { allowed: Who[]; request: () => { url: string; body?: unknown; multipart?: ReturnType<typeof multipart> } }> = {
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
      'POST /api/orgs/:id/members/import': { allowed: MANAGERS, request: () => ({ url: `/api/orgs/${f.cell}/members/import`, multipart: multipart('x.xlsx', Buffer.from('not a spreadsheet')) }) },
      'GET /api/orgs/:id/members.xlsx': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/members.xlsx` }) },
      'GET /api/orgs/:id/members.csv': { allowed: READERS, request: () => ({ url: `/api/orgs/${f.ward}/members.csv` }) },
      'GET /api/members/import-template.xlsx': { allowed: LOGGED_IN, request: () => ({ url: '/api/members/import-template.xlsx' }) },
      'GET /api/members/search': { allowed: LOGGED_IN, request: () => ({ url: '/api/members/search?q=tran' }) },
      'GET /api/members/:id': { allowed: READERS, request: () => ({ url: `/api/members/${f.member0}` }) },
      'PATCH /api/members/:id': { allowed: MANAGERS, request: () => ({ url: `/api/members/${f.member1}`, body: member('Trần Văn Số B') }) },
      'POST /api/members/:id/transfer': { allowed: MANAGERS, request: () => ({ url: `/api/members/${unspentMember()}/transfer`, body: { toOrgId: f.cell2, effectiveOn: '2025-09-01' } }) },
      'POST /api/members/:id/leave': { allowed: MANAGERS, request: () => ({ url: `/api/members/${unspentMember()}/leave`, body: { effectiveOn: '2025-09-01', reason: 'transferred_out' } }) },
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
            ? await t.app.inject({ method: method as 'POST', url: req.url, headers: { ...headers, 'content-type': req.multipart.contentType }, payload: req.multipart.body })
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
