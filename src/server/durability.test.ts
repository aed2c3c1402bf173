// A write the server acknowledged survives kill -9: write, kill the process, start it again, read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { postgresTestUrl, testEngines } from '../db/test-harness.js';
import { startServer } from './test-server.js';

async function login(base: string, password: string) {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  assert.equal(r.status, 200);
  const cookie = r.headers.get('set-cookie')!.split(';')[0];
  return { cookie, csrf: (await r.json()).csrfToken as string };
}

for (const engine of testEngines) {
  describe(`kill -9 durability [${engine}]`, () => {
    test('acknowledged writes are there after kill -9 and restart', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-kill-'));
      const schema = `kill_${process.pid}_${Date.now()}`;
      const env: Record<string, string> = { DAIHOI_DATA: dir, DAIHOI_ADMIN_PASSWORD: 'durable-password-1' };
      if (engine === 'postgres') {
        const c = new pg.Client({ connectionString: postgresTestUrl() });
        await c.connect();
        await c.query(`create schema ${schema}`);
        await c.end();
        const url = new URL(postgresTestUrl());
        url.searchParams.set('options', `-c search_path=${schema}`);
        env.DATABASE_URL = url.toString();
      } else env.DATABASE_URL = '';
      try {
        let { child, base } = await startServer(env);
        const s = await login(base, env.DAIHOI_ADMIN_PASSWORD);
        const headers = { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf };
        const org = await fetch(`${base}/api/orgs`, { method: 'POST', headers, body: JSON.stringify({ name: 'Đảng bộ phường Phù Vân', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' }) });
        assert.equal(org.status, 201);
        const orgId = (await org.json()).id;
        const names: string[] = [];
        for (let i = 0; i < 20; i++) {
          const name = `Trịnh Thị Bền ${String.fromCharCode(65 + i)}`;
          const r = await fetch(`${base}/api/orgs/${orgId}/members`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ fullName: name, gender: 'female', birthDate: '1985-01-01', ethnicity: 'Kinh', religion: null, hometown: null, education: null, theoryLevel: null, admittedOn: '2010-01-01', officialOn: '2011-01-01', cardNumber: null, position: null }),
          });
          assert.equal(r.status, 201);
          names.push(name);
        }
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        ({ child, base } = await startServer(env));
        const s2 = await login(base, env.DAIHOI_ADMIN_PASSWORD);
        const list = await (await fetch(`${base}/api/orgs/${orgId}/members?pageSize=100`, { headers: { cookie: s2.cookie } })).json();
        assert.deepEqual(list.items.map((m: { fullName: string }) => m.fullName).sort(), names.sort());
        const detail = await (await fetch(`${base}/api/orgs/${orgId}`, { headers: { cookie: s2.cookie } })).json();
        assert.equal(detail.memberCount, 20);
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        if (engine === 'postgres') {
          const c = new pg.Client({ connectionString: postgresTestUrl() });
          await c.connect();
          await c.query(`drop schema if exists ${schema} cascade`);
          await c.end();
        }
      }
    });
  });
}
