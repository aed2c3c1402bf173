import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Action, isAllowed } from '../modules/accounts/accounts.rules.js';
import { AppError, forbidden, notFound, unauthenticated } from './errors.js';

/**
 * How a route is allowed, declared on every /api route (`config.access`) and checked in one place.
 * - public: anyone
 * - authenticated: any logged-in user
 * - scope 'system': the action on the whole system (a grant with no organisation)
 * - scope 'any': the action somewhere; the handler narrows results to the allowed subtrees
 * - org: the action on the organisation(s) the resolver names (a grant on an ancestor covers it)
 * - delegate: a delegate token (printed on the card, not a login); the resolver checks it and remembers
 *   the delegate for the handler; it is not a cookie, so no CSRF check applies
 */
export type Access =
  | { public: true }
  | { authenticated: true }
  | { action: Action; scope: 'system' | 'any' }
  | { action: Action; org: (request: FastifyRequest) => Promise<OrgTarget> | OrgTarget }
  | { delegate: (request: FastifyRequest) => Promise<boolean> };

/** the organisation(s) a request acts on; null stands for the whole system (e.g. founding a top-level unit) */
export type OrgTarget = number | null | (number | null)[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** the route takes one file as multipart/form-data in this field (documented in the OpenAPI) */
    upload?: { field: string; description: string };
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerPermissions(app: FastifyInstance, orgPath: (orgId: number) => Promise<string | null>): RouteAccess[] {
  const table: RouteAccess[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || 'public' in access) return;
    if ('delegate' in access) {
      if (!(await access.delegate(request))) throw new AppError('DELEGATE_TOKEN_INVALID', 401, 'Thẻ đại biểu không hợp lệ hoặc đã bị thu hồi.');
      return;
    }
    const user = request.user;
    if (!user) throw unauthenticated();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== user.csrfToken) {
      throw new AppError('CSRF_FAILED', 403, 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.');
    }
    if ('authenticated' in access) return;
    if ('scope' in access) {
      const ok = access.scope === 'system' ? isAllowed(user.grants, access.action, null) : user.grants.some((g) => isAllowed([g], access.action, g.orgPath));
      if (!ok) throw forbidden();
      return;
    }
    const ids = [await access.org(request)].flat();
    for (const id of ids) {
      if (id === null) {
        if (!isAllowed(user.grants, access.action, null)) throw forbidden();
        continue;
      }
      const path = await orgPath(id);
      if (path === null) throw notFound('tổ chức đảng', { orgId: id });
      if (!isAllowed(user.grants, access.action, path)) throw forbidden();
    }
  });
  return table;
}
