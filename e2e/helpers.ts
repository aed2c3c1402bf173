// Shared by the browser tests: a real server on a free port with a fresh database, and a headless Chromium.
import fs from 'node:fs';
import { freePort } from '../src/server/test-server.js';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  adminPassword: string;
  /** everything the server printed so far (for failure messages) */
  output: () => string;
  /** stops the server and removes its data, unless kept for a restart (`startServer({ again })`) */
  stop: (o?: { keepData?: boolean }) => Promise<void>;
}

/**
 * Starts `src/cli/start.ts` (demo data on, the built web app from web/dist) with a fresh data directory
 * and waits until /api/health answers.
 */
export async function startServer(
  opts: {
    adminPassword?: string;
    env?: Record<string, string>;
    timeoutMs?: number;
    /** start again on the data and the port of a server stopped with `keepData` (a restart) */
    again?: { dataDir: string; port: number };
  } = {},
): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` before the browser tests');
  }
  const port = opts.again?.port ?? (await freePort());
  const dataDir = opts.again?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-e2e-'));
  const adminPassword = opts.adminPassword ?? 'e2e-admin-password-1';
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DAIHOI_DATA: dataDir,
      DAIHOI_ADMIN_PASSWORD: adminPassword,
      DAIHOI_SKIP_WEB_BUILD: '1',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const stop = async (o: { keepData?: boolean } = {}) => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    }
    if (!o.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`the server exited before answering:\n${log}`);
    }
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /api/health in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port, dataDir, adminPassword, output: () => log, stop };
}

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-core)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1366, height: 800 };

export async function newContext(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
}

/** logs in through the login form and waits for the organisation tree */
export async function loginThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/orgs/);
}

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** a server with the demo data, Chromium, and one page of a context (desktop unless told), logged in as admin when asked */
export async function openSession(opts: { viewport?: { width: number; height: number }; timeoutMs?: number; admin?: boolean } = {}): Promise<BrowserSession> {
  const server = await startServer();
  const browser = await launchBrowser();
  const context = await newContext(browser, server.url, opts.viewport ?? DESKTOP);
  context.setDefaultTimeout(opts.timeoutMs ?? 20_000);
  const page = await context.newPage();
  if (opts.admin) await loginThroughForm(page, 'admin', server.adminPassword);
  return { server, browser, context, page };
}

/** the id of the open organisation of this exact name, found by a search typed without diacritics */
export async function openOrgId(page: Page, search: string, name: string): Promise<number> {
  const orgs = (await (await page.request.get(`/api/orgs?search=${encodeURIComponent(search)}&limit=50`)).json()) as { id: number; name: string; closedOn?: string | null }[];
  const org = orgs.find((o) => o.name === name && !o.closedOn);
  if (!org) throw new Error(`no open organisation named ${name}`);
  return org.id;
}

/** the API as the logged-in page's user: the context's session cookie, and the CSRF token the session hands out */
export async function callApi<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const r = await page.request.fetch(url, { method, headers: { 'x-csrf-token': csrfToken }, ...(body === undefined ? {} : { data: body }) });
  if (!r.ok()) throw new Error(`${method} ${url}: ${r.status()} ${await r.text()}`);
  const text = await r.text();
  return (text ? JSON.parse(text) : null) as T;
}
