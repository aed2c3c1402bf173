import crypto from 'node:crypto';
import type { Executor } from '../../db/types.js';
import type { Grant, Role } from './accounts.rules.js';
import { sha256 } from './accounts.rules.js';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  grants: Grant[];
  csrfToken: string;
  sessionId: string;
}

export const SESSION_DAYS = 7;

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
}

export async function countUsers(db: Executor): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertUser(db: Executor, u: { username: string; displayName: string; passwordHash: string; createdAt: string }) {
  const row = await db
    .insertInto('users')
    .values({ username: u.username.trim().toLowerCase(), display_name: u.displayName, password_hash: u.passwordHash, created_at: u.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function grantsOf(db: Executor, userId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .leftJoin('organizations as o', 'o.id', 'g.org_id')
    .select(['g.role', 'g.org_id', 'o.path'])
    .where('g.user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ role: r.role as Role, orgId: r.org_id, orgPath: r.org_id === null ? null : (r.path ?? '\u0000none') }));
}

export async function replaceGrants(db: Executor, userId: number, grants: { role: Role; orgId: number | null }[]) {
  await db.deleteFrom('role_grants').where('user_id', '=', userId).execute();
  if (grants.length) await db.insertInto('role_grants').values(grants.map((g) => ({ user_id: userId, org_id: g.orgId, role: g.role }))).execute();
}

/** creates a session and returns the cookie token (only its hash is stored) */
export async function createSession(db: Executor, userId: number, now: Date): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86400_000).toISOString();
  await db
    .insertInto('sessions')
    .values({ id: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function sessionUser(db: Executor, token: string, now: Date): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as sessionId', 's.csrf_token', 's.expires_at', 'u.id', 'u.username', 'u.display_name', 'u.disabled'])
    .where('s.id', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= now.toISOString()) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    grants: await grantsOf(db, row.id),
    csrfToken: row.csrf_token,
    sessionId: row.sessionId,
  };
}

export async function deleteSession(db: Executor, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function listUsers(db: Executor) {
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name', 'email', 'disabled', 'created_at']).orderBy('username').execute();
  const grants = await db
    .selectFrom('role_grants as g')
    .leftJoin('organizations as o', 'o.id', 'g.org_id')
    .select(['g.user_id', 'g.role', 'g.org_id', 'o.name as org_name'])
    .execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    disabled: Boolean(u.disabled),
    createdAt: u.created_at,
    grants: grants.filter((g) => g.user_id === u.id).map((g) => ({ role: g.role as Role, orgId: g.org_id, orgName: g.org_name })),
  }));
}
