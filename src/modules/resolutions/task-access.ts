// Who may report on a task of the action programme (its status, evidence and evidence documents): one rule for every route.
import type { FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../server/errors.js';
import { isAllowed } from '../accounts/accounts.roles.js';
import { getOrg } from '../orgs/orgs.store.js';
import { getTask } from './resolutions.store.js';

/** the task named by the route's :id (404 when there is none) */
export async function taskRecord(r: FastifyRequest) {
  const t = await getTask(r.server.ctx.handle.db, (r.params as { id: number }).id);
  if (!t) throw notFound('nhiệm vụ');
  return t;
}

/**
 * The owner unit's office (resolution.manage on it or above it), or the task's responsible person through the account
 * named in the task — even a viewer's. The route itself asks resolution.read on the owner unit, which both have.
 */
export async function assertMayReportOnTask(request: FastifyRequest, task: { ownerOrgId: number; responsibleUserId: number | null }, what = 'cập nhật được tiến độ') {
  const ownerPath = (await getOrg(request.server.ctx.handle.db, task.ownerOrgId))!.path;
  if (!isAllowed(request.user!.grants, 'resolution.manage', ownerPath) && task.responsibleUserId !== request.user!.id) {
    throw new AppError('FORBIDDEN', 403, `Chỉ văn phòng của đơn vị chủ trì hoặc người chịu trách nhiệm nhiệm vụ mới ${what}.`);
  }
}
