import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AjvCompiler } from '@fastify/ajv-compiler';
import { ErrorBody, emptyTextToNull } from './schemas.js';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger, { type SwaggerTransform } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DatabaseHandle } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { systemClock } from '../shared/clock.js';
import type { AppConfig } from './config.js';
import { errorHandler } from './errors.js';
import { registerPermissions, type RouteAccess } from './permissions.js';
import { sessionUser, type SessionUser } from '../modules/accounts/accounts.store.js';
import { getOrgPath } from '../modules/orgs/orgs.store.js';
import { accountsRoutes, SESSION_COOKIE } from '../modules/accounts/accounts.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { orgsRoutes } from '../modules/orgs/orgs.routes.js';
import { membersRoutes } from '../modules/members/members.routes.js';
import { congressRoutes } from '../modules/congress/congress.routes.js';
import { resolutionsRoutes } from '../modules/resolutions/resolutions.routes.js';
import { evidenceRoutes } from '../modules/resolutions/evidence.routes.js';
import { studyRoutes } from '../modules/resolutions/study.routes.js';
import { studyCardRoutes } from '../modules/resolutions/study.cards.routes.js';
import { resolutionExportRoutes } from '../modules/resolutions/exports.routes.js';
import { remindersRoutes } from '../modules/resolutions/reminders.routes.js';
import { notificationsRoutes } from '../modules/notifications/notifications.routes.js';
import { VERSION } from './version.js';

export interface AppContext {
  handle: DatabaseHandle;
  config: AppConfig;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.resolve(here, '../../web/dist');

// Query strings, path parameters and headers arrive as text: their validator turns "5" into 5 and a lone value into a list.
export const AJV_OPTIONS = { allErrors: true, coerceTypes: 'array', removeAdditional: true, useDefaults: true } as const;
// A JSON body carries its own types: a number sent as true, "" or "5" is refused rather than read as 1, 0 or 5.
export const BODY_AJV_OPTIONS = { ...AJV_OPTIONS, coerceTypes: false } as const;
// (fastify's types describe the compiler as taking a schema; it is called with the route part, as documented)
type ValidatorOfPart = (route: { schema: unknown; method: string; url: string; httpPart?: string }) => unknown;
type ValidatorBuilder = (externalSchemas: unknown, options?: Record<string, unknown>) => ValidatorOfPart;
const ajvValidators = AjvCompiler() as unknown as ValidatorBuilder;
const validatorPerPart: ValidatorBuilder = (externalSchemas, options) => {
  const coercing = ajvValidators(externalSchemas, { ...options, customOptions: AJV_OPTIONS });
  const exact = ajvValidators(externalSchemas, { ...options, customOptions: BODY_AJV_OPTIONS });
  return (route) => (route.httpPart === 'body' ? exact : coercing)(route);
};
/** how every request is validated: the Fastify options, and the hook that reads an emptied nullable text as null */
export const requestValidation = {
  options: { schemaController: { compilersFactory: { buildValidator: validatorPerPart as never } } },
  register(app: FastifyInstance) {
    app.addHook('preValidation', async (request) => {
      emptyTextToNull(request.routeOptions.schema?.body as Parameters<typeof emptyTextToNull>[0], request.body);
    });
  },
};

/** a delegate's card token opens their view of the congress: it is masked in the request log as it is stored hashed */
export function withoutSecrets(url: string): string {
  return url.replace(/^(\/api\/delegate\/|\/d\/)[^/?#]+/, '$1***');
}
function requestForLog(request: FastifyRequest) {
  return { method: request.method, url: withoutSecrets(request.url), host: request.host, remoteAddress: request.ip };
}

/**
 * What the OpenAPI document says of each route beyond its own schema (the served replies are not touched): every error
 * is the one envelope {error: {code, message, details}}, and a route that takes a file (`config.upload`) says which field.
 */
const documentedRoute: SwaggerTransform = ({ schema, url, route }) => {
  const upload = route.config?.upload;
  const response = { ...((schema?.response as object) ?? {}), '4XX': { description: 'Lỗi: mã ổn định, thông báo tiếng Việt', content: { 'application/json': { schema: ErrorBody } } } };
  const body = upload
    ? {
        type: 'object',
        required: [upload.field],
        properties: { [upload.field]: { type: 'string', format: 'binary', description: upload.description } },
      }
    : schema?.body;
  return { schema: { ...schema, response, ...(body ? { body } : {}), ...(upload ? { consumes: ['multipart/form-data'] } : {}) }, url };
};

export async function buildApp(opts: {
  handle: DatabaseHandle;
  config: AppConfig;
  clock?: Clock;
  logger?: boolean;
  /** serve HTTPS with this certificate (src/server/tls.ts) */
  https?: { cert: Buffer; key: Buffer };
}): Promise<{ app: App; routes: RouteAccess[] }> {
  // (an HTTPS server is the same Fastify instance to the routes)
  const app = (Fastify as unknown as (o: object) => FastifyInstance)({
    ...(opts.https ? { https: opts.https } : {}),
    logger: opts.logger ? { level: opts.config.logLevel, serializers: { req: requestForLog } } : false,
    bodyLimit: 2 * 1024 * 1024,
    ...requestValidation.options,
    // X-Forwarded-For is believed only from the proxies configured (DAIHOI_TRUST_PROXY): else anyone could pick the address the limits key on
    trustProxy: opts.config.trustProxy,
  });
  app.decorate('ctx', { handle: opts.handle, config: opts.config, clock: opts.clock ?? systemClock });
  app.decorateRequest('user', null);
  app.setErrorHandler(errorHandler);
  requestValidation.register(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'daihoi API', version: VERSION, description: 'Đại hội Đảng và theo dõi thực hiện Nghị quyết' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: documentedRoute,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.user = await sessionUser(opts.handle.db, token, app.ctx.clock.now());
  });
  const routes = registerPermissions(app, (id) => getOrgPath(opts.handle.db, id));

  app.get('/api/health', { config: { access: { public: true } }, schema: { hide: false } }, async () => ({ status: 'ok', db: opts.handle.engine, version: VERSION }));
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());
  await app.register(accountsRoutes);
  await app.register(auditRoutes);
  await app.register(orgsRoutes);
  await app.register(membersRoutes);
  await app.register(congressRoutes);
  await app.register(resolutionsRoutes);
  await app.register(evidenceRoutes);
  await app.register(studyRoutes);
  await app.register(studyCardRoutes);
  await app.register(resolutionExportRoutes);
  await app.register(remindersRoutes);
  await app.register(notificationsRoutes);

  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart
  // the build writes .br and .gz beside each asset (web/vite.config.ts): sent to the browsers that accept them
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: true,
      preCompressed: true,
      // our own cache-control (setHeaders) instead of the plugin's max-age=0
      cacheControl: false,
      // file names under assets/ carry their content hash: a phone keeps them; index.html is always asked again
      setHeaders: (res, file) => res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ yêu cầu.' } });
    }
    // the web app routes in the browser: every other GET gets its index page
    return reply.type('text/html').sendFile('index.html');
  });
  await app.ready();
  return { app, routes };
}
