// Kysely queries for reminders: the accounts a task can be assigned to, and their addresses.
import type { Executor } from '../../db/types.js';

/** active accounts with a role on this unit or above it (a grant covers its subtree), who can answer for its tasks */
export async function accountsCovering(db: Executor, orgPath: string) {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .leftJoin('organizations as o', 'o.id', 'g.org_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.email', 'o.path'])
    .where('u.disabled', '=', 0)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  const seen = new Map<number, { id: number; username: string; displayName: string; hasEmail: boolean }>();
  for (const r of rows) {
    if (r.path !== null && !orgPath.startsWith(r.path)) continue;
    if (!seen.has(r.id)) seen.set(r.id, { id: r.id, username: r.username, displayName: r.display_name, hasEmail: !!r.email });
  }
  return [...seen.values()];
}

export async function accountsByIds(db: Executor, ids: number[]) {
  if (!ids.length) return new Map<number, { id: number; displayName: string; email: string | null; disabled: boolean }>();
  const rows = await db.selectFrom('users').select(['id', 'display_name', 'email', 'disabled']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, email: r.email, disabled: Number(r.disabled) === 1 }]));
}
