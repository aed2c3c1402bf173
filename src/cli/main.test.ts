// The `daihoi` command line as an operator runs it: a real process on a temporary SQLite data folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dataDir: string;

function daihoi(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DAIHOI_DATA: dataDir, LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env, timeout: 120_000 });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** the users in the data folder's database, read directly */
function usernames(): string[] {
  const file = fs.readdirSync(dataDir).find((f) => f.endsWith('.sqlite') || f.endsWith('.db'));
  assert.ok(file, `a database file in ${fs.readdirSync(dataDir).join(', ')}`);
  const db = new Database(path.join(dataDir, file), { readonly: true });
  try {
    return (db.prepare('select username from users order by username').all() as { username: string }[]).map((u) => u.username);
  } finally {
    db.close();
  }
}

before(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-cli-'));
});
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('migrate, then user add with the API’s rules for names, passwords and roles', async () => {
  const m = await daihoi('migrate');
  assert.equal(m.code, 0, m.err);
  const ok = await daihoi('user', 'add', 'lan.nguyen', '--password', 'mật-khẩu-đủ-dài', '--role', 'office');
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /User lan\.nguyen added with role office/);
  const refusals: [string[], RegExp][] = [
    [['user', 'add', 'bad name!', '--password', 'mật-khẩu-đủ-dài', '--role', 'office'], /Tên đăng nhập gồm 3 đến 40 ký tự/],
    [['user', 'add', 'ab', '--password', 'mật-khẩu-đủ-dài', '--role', 'office'], /Tên đăng nhập/],
    [['user', 'add', 'hương', '--password', 'mật-khẩu-đủ-dài', '--role', 'office'], /Tên đăng nhập/],
    [['user', 'add', 'lan.nguyen', '--password', 'mật-khẩu-đủ-dài', '--role', 'office'], /exists/],
    [['user', 'add', 'minh', '--password', 'short', '--role', 'office'], /ít nhất 10 ký tự/],
    [['user', 'add', 'minh', '--password', 'mật-khẩu-đủ-dài', '--role', 'boss'], /role must be one of/],
    [['user', 'add', 'minh', '--password', 'mật-khẩu-đủ-dài', '--role', 'office', '--org', '999'], /organisation 999 not found/],
    [['user', 'add', 'minh', '--password', 'mật-khẩu-đủ-dài', '--role', 'office', '--org', 'abc'], /--org must be an organisation id/],
  ];
  // independent refusals, run side by side (each is a process start)
  const results = await Promise.all(refusals.map(([args]) => daihoi(...args)));
  for (const [i, [args, message]] of refusals.entries()) {
    const r = results[i];
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.out}`);
    assert.match(r.err, message, args.join(' '));
  }
  assert.deepEqual(usernames(), ['lan.nguyen'], 'no refused command wrote a user');
});

test('backup to a portable dump and to a SQLite copy; restore brings back exactly what was saved', async () => {
  const dump = path.join(dataDir, 'backups', 'daihoi.ndjson.gz');
  const copy = path.join(dataDir, 'backups', 'daihoi-copy.sqlite');
  fs.mkdirSync(path.dirname(dump), { recursive: true });
  const [b1, b2] = await Promise.all([daihoi('backup', dump), daihoi('backup', copy)]);
  assert.equal(b1.code, 0, b1.err);
  assert.match(b1.out, /Backup written to .*daihoi\.ndjson\.gz/);
  assert.ok(fs.statSync(dump).size > 0);
  assert.equal(b2.code, 0, b2.err);
  assert.ok(fs.statSync(copy).size > 0);

  assert.equal((await daihoi('user', 'add', 'minh', '--password', 'mật-khẩu-đủ-dài', '--role', 'viewer')).code, 0);
  assert.deepEqual(usernames(), ['lan.nguyen', 'minh']);
  const r1 = await daihoi('restore', dump);
  assert.equal(r1.code, 0, r1.err);
  assert.match(r1.out, /Restored from/);
  assert.deepEqual(usernames(), ['lan.nguyen'], 'the user added after the backup is gone');

  assert.equal((await daihoi('user', 'add', 'minh', '--password', 'mật-khẩu-đủ-dài', '--role', 'viewer')).code, 0);
  const r2 = await daihoi('restore', copy);
  assert.equal(r2.code, 0, r2.err);
  assert.deepEqual(usernames(), ['lan.nguyen']);

  const missing = await daihoi('restore', path.join(dataDir, 'nothing-here.ndjson.gz'));
  assert.equal(missing.code, 1);
  assert.deepEqual(usernames(), ['lan.nguyen'], 'a failed restore changes nothing');
  assert.equal((await daihoi('backup')).code, 1, 'backup without a file prints the usage');
});
