import type { Executor } from '../../db/types.js';
import { pathUpperBound } from '../orgs/orgs.rules.js';

export interface Actor {
  userId: number | null;
  name: string;
}
export const systemActor: Actor = { userId: null, name: 'system' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  orgId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** recorded in the same transaction as the write it describes, so one never lands without the other */
export async function recordAudit(db: Executor, actor: Actor, at: string, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      user_id: actor.userId,
      actor: actor.name,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      org_id: entry.orgId ?? null,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  entity?: string;
  userId?: number;
  /** restrict to these subtrees (materialized paths); undefined: everything */
  orgPaths?: string[];
}

export async function listAudit(db: Executor, q: AuditQuery) {
  let query = db.selectFrom('audit_log').leftJoin('organizations as o', 'o.id', 'audit_log.org_id');
  if (q.entity) query = query.where('audit_log.entity', '=', q.entity);
  if (q.userId) query = query.where('audit_log.user_id', '=', q.userId);
  if (q.orgPaths) {
    const paths = q.orgPaths;
    query = query.where((eb) => eb.or(paths.map((p) => eb.and([eb('o.path', '>=', p), eb('o.path', '<', pathUpperBound(p))]))));
  }
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await query
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'audit_log.actor',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.org_id',
      'o.name as org_name',
      'audit_log.before_json',
      'audit_log.after_json',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      orgId: r.org_id,
      orgName: r.org_name,
      before: r.before_json ? JSON.parse(r.before_json) : null,
      after: r.after_json ? JSON.parse(r.after_json) : null,
    })),
  };
}
