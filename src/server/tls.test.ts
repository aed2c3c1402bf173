import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { loadTls, tlsSettingOf } from './tls.js';
import { freePort, killHard } from './test-server.js';
import { loadConfig } from './config.js';

describe('HTTPS settings', () => {
  it('reads the certificate files, the self-signed mode, or nothing', () => {
    assert.equal(tlsSettingOf({}), undefined);
    assert.equal(tlsSettingOf({ DAIHOI_TLS: 'off' }), undefined);
    assert.deepEqual(tlsSettingOf({ DAIHOI_TLS: 'self-signed' }), { kind: 'self-signed' });
    assert.deepEqual(tlsSettingOf({ DAIHOI_TLS_CERT: '/etc/c.pem', DAIHOI_TLS_KEY: '/etc/k.pem' }), { kind: 'files', certFile: '/etc/c.pem', keyFile: '/etc/k.pem' });
    assert.throws(() => tlsSettingOf({ DAIHOI_TLS_CERT: '/etc/c.pem' }), /go together/);
    assert.throws(() => tlsSettingOf({ DAIHOI_TLS: 'yes' }), /self-signed/);
    assert.equal(loadConfig({ DAIHOI_TLS: 'self-signed' }).secureCookies, true, 'cookies are Secure over HTTPS');
    assert.equal(loadConfig({}).secureCookies, false);
  });

  it('makes a self-signed certificate once, naming this machine', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-tls-'));
    const first = loadTls({ kind: 'self-signed' }, dir);
    assert.equal(first.created, true);
    const cert = new crypto.X509Certificate(first.cert);
    assert.match(cert.subjectAltName ?? '', /DNS:localhost/);
    assert.match(cert.subjectAltName ?? '', /IP Address:127\.0\.0\.1/);
    assert.ok(cert.checkPrivateKey(crypto.createPrivateKey(first.key)));
    assert.equal((fs.statSync(path.join(dir, 'tls', 'daihoi-key.pem')).mode & 0o777).toString(8), '600');
    const again = loadTls({ kind: 'self-signed' }, dir);
    assert.equal(again.created, false);
    assert.deepEqual(again.cert, first.cert);
    assert.throws(() => loadTls({ kind: 'files', certFile: path.join(dir, 'none.pem'), keyFile: path.join(dir, 'none.pem') }, dir), /not found/);
  });

  it('serves HTTPS, and the request log masks delegate card tokens', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-tls-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      env: { ...process.env, DATABASE_URL: '', DAIHOI_DATA: dir, DAIHOI_TLS: 'self-signed', PORT: String(port), HOST: '127.0.0.1', DAIHOI_DEMO: '0', DAIHOI_SKIP_WEB_BUILD: '1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    try {
      const get = (url: string, ca: Buffer) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          https
            .get({ host: '127.0.0.1', port, path: url, ca }, (res) => {
              let body = '';
              res.on('data', (d) => (body += d));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
            })
            .on('error', reject);
        });
      let health: { status: number; body: string } | undefined;
      for (let i = 0; i < 150 && !health; i++) {
        if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
        const certFile = path.join(dir, 'tls', 'daihoi-cert.pem');
        if (fs.existsSync(certFile)) health = await get('/api/health', fs.readFileSync(certFile)).catch(() => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(health, `no HTTPS answer: ${output}`);
      assert.equal(health.status, 200);
      assert.equal(JSON.parse(health.body).status, 'ok');
      assert.match(output, new RegExp(`https://localhost:${port}`));
      // the certificate verified against itself: the page is a secure context for the phone that accepts it
      const secret = 'CardTokenThatMustNotBeLogged0123';
      const refused = await get(`/api/delegate/${secret}/voting`, fs.readFileSync(path.join(dir, 'tls', 'daihoi-cert.pem')));
      assert.ok(refused.status >= 400 && refused.status < 500);
      await new Promise((r) => setTimeout(r, 300));
      assert.match(output, /\/api\/delegate\/\*\*\*\/voting/);
      assert.ok(!output.includes(secret), 'the token is not in the log');
    } finally {
      await killHard(child);
    }
  });
});
