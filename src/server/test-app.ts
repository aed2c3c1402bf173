// Integration-test support: the real app on a fresh database of either engine, users with roles, logged-in requests.
import type { LightMyRequestResponse } from 'fastify';
import { multipartFile } from './test-fixtures.js';
export { memberProfile, multipartFile, xlsxOf } from './test-fixtures.js';
import { freshDatabase, type TestDatabase } from '../db/test-harness.js';
import type { Engine } from '../db/database.js';
import { buildApp, type App } from './app.js';
import { loadConfig } from './config.js';
import { fixedClock, type Clock } from '../shared/clock.js';
import { hashPassword, type Role } from '../modules/accounts/accounts.rules.js';
import { insertUser, replaceGrants } from '../modules/accounts/accounts.store.js';
import type { RouteAccess } from './permissions.js';

export const TEST_PASSWORD = 'correct-horse-battery';
// hashing once keeps test set-up fast; scrypt is deliberately slow
const TEST_HASH = hashPassword(TEST_PASSWORD);

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  engine: Engine;
  app: App;
  routes: RouteAccess[];
  database: TestDatabase;
  clock: Clock;
  addUser(username: string, grants: { role: Role; orgId: number | null }[]): Promise<number>;
  login(username: string, password?: string): Promise<Session>;
  /** a file posted as multipart form data (field "file"), as the session */
  upload(session: Session, url: string, content: Buffer, filename?: string): Promise<LightMyRequestResponse>;
  /** a JSON request as the session (or anonymous) */
  call(session: Session | null, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** founds an organisation through the API as the session (effective 1/7/2025 unless told) and returns its id */
  foundOrg(session: Session, name: string, kind: string, parentId: number | null, effectiveOn?: string): Promise<number>;
  close(): Promise<void>;
}

export async function startTestApp(engine: Engine, opts: { today?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await freshDatabase(engine);
  const clock = fixedClock(`${opts.today ?? '2026-11-20'}T03:00:00.000Z`);
  const config = { ...loadConfig({ ...opts.env }), loginRateLimit: Number(opts.env?.DAIHOI_LOGIN_RATE_LIMIT ?? 1000) };
  const { app, routes } = await buildApp({ handle: database, config, clock });
  const t: TestApp = {
    engine,
    app,
    routes,
    database,
    clock,
    async addUser(username, grants) {
      const id = await insertUser(database.db, { username, displayName: username, passwordHash: TEST_HASH, createdAt: clock.now().toISOString() });
      await replaceGrants(database.db, id, grants);
      return id;
    },
    async login(username, password = TEST_PASSWORD) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
      const cookie = r.cookies.find((c) => c.name === 'daihoi_session')!;
      return { cookie: `daihoi_session=${cookie.value}`, csrf: r.json().csrfToken };
    },
    call(session, method, url, body) {
      return app.inject({
        method: method as 'GET',
        url,
        headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
    async foundOrg(session, name, kind, parentId, effectiveOn = '2025-07-01') {
      const r = await t.call(session, 'POST', '/api/orgs', { name, kind, parentId, effectiveOn });
      if (r.statusCode !== 201) throw new Error(`founding ${name} failed: ${r.statusCode} ${r.body}`);
      return r.json().id as number;
    },
    upload(session, url, content, filename = 'danh-sach.xlsx') {
      const m = multipartFile(content, filename);
      return app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': m.contentType }, payload: m.payload });
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
  return t;
}

