import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { inTransaction, readContext } from '../../server/request-context.js';
import { IdParam, Nullable } from '../../server/schemas.js';
import { recordAudit } from '../audit/audit.store.js';
import { getOrg } from '../orgs/orgs.store.js';
import { ROLES, USERNAME_PATTERN, hashPassword, passwordProblem, verifyPassword, type Role } from './accounts.rules.js';
import { createSession, deleteSession, findUserByUsername, insertUser, listUsers, replaceGrants, SESSION_DAYS } from './accounts.store.js';

export const SESSION_COOKIE = 'daihoi_session';

const GrantBody = Type.Object({ role: Type.Union(ROLES.map((r) => Type.Literal(r))), orgId: Nullable(Type.Integer({ minimum: 1 })) });
const Username = Type.String({ pattern: USERNAME_PATTERN, description: '3 to 40 letters without accents, digits, . _ -' });
// where reminders are e-mailed (when SMTP is configured)
const Email = Type.String({ maxLength: 200, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' });

// a hash to verify against when the user does not exist, so both paths take the same time
const DUMMY_HASH = hashPassword('daihoi-timing-equaliser');

/** a login's user name as the limits key it */
const loginName = (req: { body?: unknown }) => String((req.body as { username?: string } | undefined)?.username ?? '').toLowerCase();

/**
 * Attempts on one user name from every address together, beyond the per-address limit: a guesser who changes address
 * (or forges X-Forwarded-For behind a proxy that passes it on) is still held to a few tries a minute on that account.
 */
export const LOGIN_ATTEMPTS_PER_NAME_FACTOR = 3;

export async function accountsRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  const config = appBase.ctx.config;
  const perName = appBase.createRateLimit({ max: config.loginRateLimit * LOGIN_ATTEMPTS_PER_NAME_FACTOR, timeWindow: 60_000, keyGenerator: (req) => `login-name:${loginName(req)}` });

  app.post(
    '/api/auth/login',
    {
      config: {
        access: { public: true },
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: '1 minute',
          // after body parsing, so the key can hold the username: one user's attacker does not lock out the office
          hook: 'preHandler',
          keyGenerator: (req) => `${req.ip}:${loginName(req)}`,
        },
      },
      preHandler: async (request) => {
        const count = await perName(request);
        if (!count.isAllowed && count.isExceeded) throw new AppError('RATE_LIMITED', 429, 'Đăng nhập sai quá nhiều lần với tên này; vui lòng thử lại sau ít phút.');
      },
      schema: {
        tags: ['auth'],
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 60 }), password: Type.String({ minLength: 1, maxLength: 200 }) }),
      },
    },
    async (request, reply) => {
      const { db, now } = readContext(request);
      const user = await findUserByUsername(db, request.body.username);
      const ok = verifyPassword(request.body.password, user?.password_hash ?? DUMMY_HASH) && user && !user.disabled;
      if (!ok || !user) throw new AppError('LOGIN_FAILED', 401, 'Tên đăng nhập hoặc mật khẩu không đúng.');
      const session = await createSession(db, user.id, new Date(now));
      await recordAudit(db, { userId: user.id, name: user.username }, now, { action: 'auth.login', entity: 'user', entityId: user.id });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: SESSION_DAYS * 86400,
      });
      return { user: { id: user.id, username: user.username, displayName: user.display_name }, csrfToken: session.csrfToken };
    },
  );

  app.post('/api/auth/logout', { config: { access: { authenticated: true } }, schema: { tags: ['auth'] } }, async (request, reply) => {
    await deleteSession(readContext(request).db, request.user!.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { config: { access: { authenticated: true } }, schema: { tags: ['auth'] } }, async (request) => {
    const u = request.user!;
    return { user: { id: u.id, username: u.username, displayName: u.displayName }, grants: u.grants.map((g) => ({ role: g.role, orgId: g.orgId })), csrfToken: u.csrfToken };
  });

  app.get('/api/users', { config: { access: { action: 'user.manage', scope: 'system' } }, schema: { tags: ['users'] } }, async (request) => listUsers(readContext(request).db));

  app.post(
    '/api/users',
    {
      config: { access: { action: 'user.manage', scope: 'system' } },
      schema: {
        tags: ['users'],
        body: Type.Object({
          username: Username,
          displayName: Type.String({ minLength: 1, maxLength: 100 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
          grants: Type.Array(GrantBody, { maxItems: 50, default: [] }),
          email: Type.Optional(Nullable(Email)),
        }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const weak = passwordProblem(body.password);
      if (weak) throw invalid(weak, [{ field: 'password', message: weak }]);
      const id = await inTransaction(request, async (ctx) => {
        if (await findUserByUsername(ctx.db, body.username)) throw new AppError('USERNAME_TAKEN', 409, `Tên đăng nhập "${body.username}" đã được dùng.`);
        await checkGrantOrgs(ctx.db, body.grants);
        const id = await insertUser(ctx.db, { username: body.username, displayName: body.displayName, passwordHash: hashPassword(body.password), createdAt: ctx.now });
        await replaceGrants(ctx.db, id, body.grants as { role: Role; orgId: number | null }[]);
        if (body.email) await ctx.db.updateTable('users').set({ email: body.email }).where('id', '=', id).execute();
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'user.create', entity: 'user', entityId: id, after: { username: body.username, displayName: body.displayName, email: body.email ?? null, grants: body.grants } });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: { action: 'user.manage', scope: 'system' } },
      schema: {
        tags: ['users'],
        params: IdParam,
        body: Type.Object({
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          disabled: Type.Optional(Type.Boolean()),
          grants: Type.Optional(Type.Array(GrantBody, { maxItems: 50 })),
          email: Type.Optional(Nullable(Email)),
        }),
      },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      if (body.password !== undefined) {
        const weak = passwordProblem(body.password);
        if (weak) throw invalid(weak, [{ field: 'password', message: weak }]);
      }
      if (id === request.user!.id && (body.disabled === true || (body.grants && !body.grants.some((g) => g.role === 'admin' && g.orgId === null)))) {
        throw new AppError('CANNOT_LOCK_SELF_OUT', 409, 'Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.');
      }
      await inTransaction(request, async (ctx) => {
        const before = await ctx.db.selectFrom('users').select(['username', 'display_name', 'disabled', 'email']).where('id', '=', id).executeTakeFirst();
        if (!before) throw notFound('người dùng');
        const grantsBefore = await ctx.db.selectFrom('role_grants').select(['role', 'org_id']).where('user_id', '=', id).orderBy('id').execute();
        const set: Record<string, unknown> = {};
        if (body.displayName !== undefined) set.display_name = body.displayName;
        if (body.password !== undefined) set.password_hash = hashPassword(body.password);
        if (body.disabled !== undefined) set.disabled = body.disabled ? 1 : 0;
        if (body.email !== undefined) set.email = body.email || null;
        if (Object.keys(set).length) await ctx.db.updateTable('users').set(set).where('id', '=', id).execute();
        if (body.disabled || body.password !== undefined) await ctx.db.deleteFrom('sessions').where('user_id', '=', id).execute();
        if (body.grants) {
          await checkGrantOrgs(ctx.db, body.grants);
          await replaceGrants(ctx.db, id, body.grants as { role: Role; orgId: number | null }[]);
        }
        await recordAudit(ctx.db, ctx.actor, ctx.now, {
          action: 'user.update',
          entity: 'user',
          entityId: id,
          before: { displayName: before.display_name, disabled: Boolean(before.disabled), email: before.email, grants: grantsBefore.map((g) => ({ role: g.role, orgId: g.org_id })) },
          after: { ...body, password: body.password === undefined ? undefined : '(đã đổi)' },
        });
      });
      return { ok: true };
    },
  );
}

async function checkGrantOrgs(db: Parameters<typeof getOrg>[0], grants: { orgId: number | null }[]) {
  for (const g of grants) if (g.orgId !== null && !(await getOrg(db, g.orgId))) throw notFound('tổ chức đảng', { orgId: g.orgId });
}
