import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../../db/test-harness.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../server/test-app.js';
import { ensureFirstAdmin } from '../../server/bootstrap.js';

for (const engine of testEngines) {
  describe(`accounts [${engine}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { env: { DAIHOI_LOGIN_RATE_LIMIT: '5' } });
    });
    after(() => t.close());

    test('first start creates one admin with a generated password, once', async () => {
      const password = await ensureFirstAdmin(t.database, t.clock);
      assert.ok(password && password.length === 16);
      assert.equal(await ensureFirstAdmin(t.database, t.clock), null, 'never twice');
      const r = await t.call(null, 'POST', '/api/auth/login', { username: 'admin', password });
      assert.equal(r.statusCode, 200);
      const cookie = r.cookies.find((c) => c.name === 'daihoi_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      const stored = await t.database.db.selectFrom('sessions').select('id').execute();
      assert.ok(stored.every((s) => s.id !== cookie.value), 'only the hash of the session token is stored');
    });

    test('login, me, logout', async () => {
      await t.addUser('clerk', [{ role: 'viewer', orgId: null }]);
      const s = await t.login('clerk');
      const me = await t.call(s, 'GET', '/api/auth/me');
      assert.equal(me.json().user.username, 'clerk');
      assert.deepEqual(me.json().grants, [{ role: 'viewer', orgId: null }]);
      assert.equal((await t.call(s, 'POST', '/api/auth/logout')).statusCode, 200);
      assert.equal((await t.call(s, 'GET', '/api/auth/me')).statusCode, 401);
    });

    test('wrong passwords and unknown users get one message; repeated failures are rate limited', async () => {
      await t.addUser('target', []);
      const wrong = await t.call(null, 'POST', '/api/auth/login', { username: 'target', password: 'nope' });
      const unknown = await t.call(null, 'POST', '/api/auth/login', { username: 'nobody', password: 'nope' });
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(wrong.json(), unknown.json());
      assert.equal(wrong.json().error.code, 'LOGIN_FAILED');
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await t.call(null, 'POST', '/api/auth/login', { username: 'target', password: 'nope' })).statusCode);
      assert.ok(codes.includes(429), `got ${codes}`);
      const limited = await t.call(null, 'POST', '/api/auth/login', { username: 'target', password: TEST_PASSWORD });
      assert.equal(limited.json().error.code, 'RATE_LIMITED');
    });

    test('a guesser who changes address or forges X-Forwarded-For is still limited on the user name', async () => {
      await t.addUser('victim', []);
      const attempt = (i: number, forged: boolean) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'victim', password: `guess-${i}` },
          ...(forged ? { remoteAddress: '203.0.113.7', headers: { 'x-forwarded-for': `198.51.100.${i}` } } : { remoteAddress: `192.0.2.${i}` }),
        });
      // the forged header is not believed (no proxy configured): one address, limited after 5
      const forged: number[] = [];
      for (let i = 1; i <= 7; i++) forged.push((await attempt(i, true)).statusCode);
      assert.deepEqual(forged, [401, 401, 401, 401, 401, 429, 429]);
      // new addresses each time: the user name's own limit (3 × 5 a minute, all addresses) stops them
      const spread: number[] = [];
      for (let i = 1; i <= 12; i++) spread.push((await attempt(i, false)).statusCode);
      assert.ok(spread.slice(0, 8).every((c) => c === 401), `${spread}`);
      assert.ok(spread.slice(-2).every((c) => c === 429), `${spread}`);
      const r = await attempt(99, false);
      assert.equal(r.json().error.code, 'RATE_LIMITED');
      assert.match(r.json().error.message, /tên này/);
    });

    test('admins create users; weak passwords and taken names are refused; disabling ends sessions', async () => {
      await t.addUser('boss', [{ role: 'admin', orgId: null }]);
      const boss = await t.login('boss');
      const weak = await t.call(boss, 'POST', '/api/users', { username: 'newbie', displayName: 'Người mới', password: 'short', grants: [] });
      assert.equal(weak.statusCode, 400);
      assert.match(weak.json().error.message, /ít nhất 10 ký tự/);
      const ok = await t.call(boss, 'POST', '/api/users', { username: 'newbie', displayName: 'Người mới', password: 'a-good-long-pass', grants: [{ role: 'viewer', orgId: null }] });
      assert.equal(ok.statusCode, 201);
      const taken = await t.call(boss, 'POST', '/api/users', { username: 'NEWBIE', displayName: 'x', password: 'a-good-long-pass', grants: [] });
      assert.equal(taken.json().error.code, 'USERNAME_TAKEN');
      const badOrg = await t.call(boss, 'POST', '/api/users', { username: 'ghost', displayName: 'x', password: 'a-good-long-pass', grants: [{ role: 'office', orgId: 424242 }] });
      assert.equal(badOrg.statusCode, 404);
      const newbie = await t.login('newbie', 'a-good-long-pass');
      assert.equal((await t.call(boss, 'PATCH', `/api/users/${ok.json().id}`, { disabled: true })).statusCode, 200);
      assert.equal((await t.call(newbie, 'GET', '/api/auth/me')).statusCode, 401);
      const self = (await t.call(boss, 'GET', '/api/auth/me')).json().user.id;
      assert.equal((await t.call(boss, 'PATCH', `/api/users/${self}`, { disabled: true })).json().error.code, 'CANNOT_LOCK_SELF_OUT');
      const users = (await t.call(boss, 'GET', '/api/users')).json();
      assert.ok(users.every((u: Record<string, unknown>) => !('password_hash' in u) && !('passwordHash' in u)));
      // a change of roles is on record with the roles it replaced
      assert.equal((await t.call(boss, 'PATCH', `/api/users/${ok.json().id}`, { grants: [{ role: 'admin', orgId: null }] })).statusCode, 200);
      const audit = await t.database.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'user.update').where('entity_id', '=', String(ok.json().id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(audit.before_json!).grants, [{ role: 'viewer', orgId: null }]);
      assert.deepEqual(JSON.parse(audit.after_json!).grants, [{ role: 'admin', orgId: null }]);
    });

    test('malformed input is a 4xx with a Vietnamese message, never a 500', async () => {
      const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'INVALID_JSON');
      const missing = await t.call(null, 'POST', '/api/auth/login', { username: 'x' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.json().error.message, /Thiếu trường bắt buộc "password"/);
      assert.equal((await t.call(null, 'GET', '/api/no-such-route')).json().error.code, 'NOT_FOUND');
      const health = (await t.call(null, 'GET', '/api/health')).json();
      assert.deepEqual(Object.keys(health).sort(), ['db', 'status', 'version']);
      assert.equal(health.db, engine);
      const openapi = (await t.call(null, 'GET', '/api/openapi.json')).json();
      assert.ok(openapi.paths['/api/orgs/{id}/events']);
      // a route that takes a file says which field, as multipart/form-data
      for (const [path, method] of [
        ['/api/congresses/{id}/delegates/import', 'post'],
        ['/api/orgs/{id}/members/import', 'post'],
        ['/api/members/{id}/photo', 'put'],
        ['/api/study-sessions/{id}/attendance/import', 'post'],
        ['/api/tasks/{id}/evidence-files', 'post'],
      ]) {
        const upload = openapi.paths[path][method].requestBody?.content['multipart/form-data']?.schema;
        assert.deepEqual(upload?.required, ['file'], `${method} ${path} documents its file field`);
        assert.equal(upload.properties.file.format, 'binary');
      }
      // every operation documents the one error envelope
      for (const [path, ops] of Object.entries(openapi.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>>)) {
        for (const [method, op] of Object.entries(ops)) {
          const error = op.responses['4XX']?.content?.['application/json']?.schema;
          assert.ok(error?.properties?.error, `${method.toUpperCase()} ${path} documents its errors`);
        }
      }
    });
  });
}
