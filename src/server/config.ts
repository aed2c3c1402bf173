import path from 'node:path';
import { parseDailyTime } from '../modules/resolutions/reminders.rules.js';
import { tlsSettingOf, type TlsSetting } from './tls.js';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Secure flag on cookies: on when served over HTTPS (DAIHOI_TLS…, or behind a reverse proxy: DAIHOI_SECURE_COOKIES=1) */
  secureCookies: boolean;
  /** serve HTTPS itself: the operator's certificate files, or a self-signed one for the hall's network */
  tls?: TlsSetting;
  /** the address phones reach the server at, used in QR links; defaults to the request's host */
  publicUrl?: string;
  /** the first admin's password when the database has no user yet; generated and printed otherwise */
  initialAdminPassword?: string;
  /** login attempts allowed per user name and address per minute */
  loginRateLimit: number;
  /** which proxies' X-Forwarded-For to believe (Fastify trustProxy): none by default */
  trustProxy: boolean | string[];
  /** check-ins (card scans) allowed per staff user and address per minute */
  checkinRateLimit: number;
  logLevel: string;
  /** smtp://user:pass@host:587 (smtps:// for TLS from the start); reminders are sent by e-mail when set */
  smtpUrl?: string;
  /** the From address of e-mails */
  mailFrom?: string;
  /** HH:MM, Vietnam time: reminders of the action programmes are sent every day at this time; off when unset */
  remindersAt?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (env.DAIHOI_REMINDERS_AT && !parseDailyTime(env.DAIHOI_REMINDERS_AT)) {
    throw new Error(`DAIHOI_REMINDERS_AT must be a time of day HH:MM (Vietnam time), e.g. 07:00; got "${env.DAIHOI_REMINDERS_AT}"`);
  }
  const tls = tlsSettingOf(env);
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DAIHOI_DATA ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    secureCookies: env.DAIHOI_SECURE_COOKIES === '1' || !!tls,
    tls,
    publicUrl: env.DAIHOI_PUBLIC_URL || undefined,
    initialAdminPassword: env.DAIHOI_ADMIN_PASSWORD || undefined,
    loginRateLimit: Number(env.DAIHOI_LOGIN_RATE_LIMIT ?? 10),
    trustProxy: trustProxyOf(env.DAIHOI_TRUST_PROXY),
    checkinRateLimit: Number(env.DAIHOI_CHECKIN_RATE_LIMIT ?? 600),
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.DAIHOI_SMTP_URL || undefined,
    mailFrom: env.DAIHOI_MAIL_FROM || undefined,
    remindersAt: env.DAIHOI_REMINDERS_AT || undefined,
  };
}

/** DAIHOI_TRUST_PROXY: unset or 0 — the client's address is the connection's; 1 — any proxy; else addresses/CIDRs, comma-separated */
export function trustProxyOf(value: string | undefined): boolean | string[] {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  return v.split(',').map((x) => x.trim()).filter(Boolean);
}
