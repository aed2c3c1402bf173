import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildApp, WEB_DIST } from '../server/app.js';
import type { AppConfig } from '../server/config.js';
import { openDatabase, migrateToLatest } from '../db/database.js';
import { ensureFirstAdmin } from '../server/bootstrap.js';
import { loadTls, machineNames } from '../server/tls.js';
import { loadDemoData } from '../demo/demo-loader.js';
import { systemClock } from '../shared/clock.js';

/** builds the web app when it is missing, migrates, loads demo data on an empty database, creates the first admin, serves */
export async function serve(config: AppConfig) {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html')) && process.env.DAIHOI_SKIP_WEB_BUILD !== '1') {
    console.log('Building the web app (first start only)…');
    const r = spawnSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('web build failed');
  }
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle);
  if (process.env.DAIHOI_DEMO !== '0') {
    const loaded = await loadDemoData(handle, systemClock);
    if (loaded) console.log(`Demo data loaded: ${loaded.orgs} organisations, ${loaded.members} members.`);
  }
  const password = await ensureFirstAdmin(handle, systemClock, config.initialAdminPassword);
  const tls = config.tls && loadTls(config.tls, config.dataDir);
  const { app } = await buildApp({ handle, config, logger: true, https: tls || undefined });
  await app.listen({ port: config.port, host: config.host });
  const where = handle.engine === 'sqlite' ? handle.sqlitePath : 'PostgreSQL';
  const scheme = tls ? 'https' : 'http';
  console.log(`\ndaihoi is running at ${scheme}://localhost:${config.port} (database: ${where})`);
  // phones in the hall reach this machine by its network address, not as localhost
  const lan = machineNames().ip.filter((ip) => ip !== '127.0.0.1');
  if (lan.length && (config.host === '0.0.0.0' || config.host === '::')) console.log(`  on the network: ${lan.map((ip) => `${scheme}://${ip}:${config.port}`).join('  ')}`);
  if (tls?.created) console.log(`  A self-signed certificate was made for this machine (${tls.certFile}); phones show a warning once before opening the page.`);
  if (password) {
    console.log('\n  First start: an administrator account was created.');
    console.log('    user name: admin');
    console.log(`    password:  ${password}${config.initialAdminPassword ? ' (from DAIHOI_ADMIN_PASSWORD)' : ''}`);
    console.log('  This password is shown only once. Change it under "Người dùng" after logging in.\n');
  }
  const stop = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
