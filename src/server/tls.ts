// HTTPS for a laptop at the congress hall: the door's phone camera (getUserMedia) works only on a secure page, and a
// phone reaches the laptop by its address on the hall's network, not as localhost. Either the operator's certificate
// (DAIHOI_TLS_CERT + DAIHOI_TLS_KEY, PEM files) or, with DAIHOI_TLS=self-signed, one made once with openssl for this
// machine's addresses and kept under DAIHOI_DATA/tls (phones show a warning once, then the camera works).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export type TlsSetting = { kind: 'files'; certFile: string; keyFile: string } | { kind: 'self-signed' };
export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/** DAIHOI_TLS_CERT/DAIHOI_TLS_KEY, or DAIHOI_TLS=self-signed; nothing means plain HTTP */
export function tlsSettingOf(env: NodeJS.ProcessEnv): TlsSetting | undefined {
  const cert = env.DAIHOI_TLS_CERT?.trim();
  const key = env.DAIHOI_TLS_KEY?.trim();
  if (cert || key) {
    if (!cert || !key) throw new Error('DAIHOI_TLS_CERT and DAIHOI_TLS_KEY go together: the certificate and its private key (PEM files).');
    return { kind: 'files', certFile: path.resolve(cert), keyFile: path.resolve(key) };
  }
  const mode = env.DAIHOI_TLS?.trim();
  if (!mode || mode === '0' || mode === 'off') return undefined;
  if (mode === 'self-signed') return { kind: 'self-signed' };
  throw new Error(`DAIHOI_TLS must be "self-signed" (or set DAIHOI_TLS_CERT and DAIHOI_TLS_KEY); got "${mode}"`);
}

/** the addresses a certificate for this machine names: localhost and every IPv4 address of its network interfaces */
export function machineNames(): { dns: string[]; ip: string[] } {
  const ip = Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4')
    .map((a) => a.address);
  return { dns: ['localhost', os.hostname()], ip: [...new Set(['127.0.0.1', ...ip])] };
}

/** reads the operator's files, or makes (once) and reads the self-signed certificate under dataDir/tls */
export function loadTls(setting: TlsSetting, dataDir: string): TlsFiles & { certFile: string; created: boolean } {
  if (setting.kind === 'files') {
    for (const f of [setting.certFile, setting.keyFile]) if (!fs.existsSync(f)) throw new Error(`TLS file not found: ${f}`);
    return { cert: fs.readFileSync(setting.certFile), key: fs.readFileSync(setting.keyFile), certFile: setting.certFile, created: false };
  }
  const dir = path.join(dataDir, 'tls');
  const certFile = path.join(dir, 'daihoi-cert.pem');
  const keyFile = path.join(dir, 'daihoi-key.pem');
  const namesFile = path.join(dir, 'names.txt');
  const names = machineNames();
  const san = [...names.dns.map((d) => `DNS:${d}`), ...names.ip.map((i) => `IP:${i}`)].join(',');
  // made again when the machine has an address the certificate does not name (the laptop joined the hall's network)
  const named = fs.existsSync(namesFile) ? fs.readFileSync(namesFile, 'utf8').split(',') : [];
  const current = fs.existsSync(certFile) && fs.existsSync(keyFile) && san.split(',').every((n) => named.includes(n));
  let created = false;
  if (!current) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '825', '-subj', '/CN=daihoi', '-addext', `subjectAltName=${san}`, '-keyout', keyFile, '-out', certFile], { encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      throw new Error(`DAIHOI_TLS=self-signed needs the openssl command to make the certificate (${r.error?.message ?? r.stderr.trim()}); or give DAIHOI_TLS_CERT and DAIHOI_TLS_KEY.`);
    }
    fs.chmodSync(keyFile, 0o600);
    fs.writeFileSync(namesFile, san);
    created = true;
  }
  return { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile), certFile, created };
}
