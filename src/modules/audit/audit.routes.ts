import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { readContext } from '../../server/request-context.js';
import { Paging } from '../../server/schemas.js';
import { allowedSubtrees } from '../accounts/accounts.rules.js';
import { listAudit } from './audit.store.js';

export async function auditRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  app.get(
    '/api/audit',
    {
      config: { access: { action: 'audit.read', scope: 'any' } },
      schema: {
        tags: ['audit'],
        querystring: Type.Object({ ...Paging, entity: Type.Optional(Type.String({ maxLength: 40 })), userId: Type.Optional(Type.Integer({ minimum: 1 })) }),
      },
    },
    async (request) => {
      const within = allowedSubtrees(request.user!.grants, 'audit.read');
      return listAudit(readContext(request).db, { ...request.query, orgPaths: within === 'all' ? undefined : within });
    },
  );
}
