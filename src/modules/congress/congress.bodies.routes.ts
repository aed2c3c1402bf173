// The congress's working bodies (cơ quan giúp việc đại hội): the presidium, the secretariat, the credentials and the
// counting committee — their members as proposed and approved by show of hands, used by the seating chart, the
// counting minutes and the congress minutes.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import { Nullable } from '../../server/schemas.js';
import { recordAudit } from '../audit/audit.store.js';
import { MAX_WORKING_BODY_MEMBERS, WORKING_BODIES, workingBodyProblem, type WorkingBodyMember } from './congress.rules.js';
import { replaceWorkingBody, workingBodiesOf } from './congress.bodies.store.js';
import { congressOrg, writeCongress } from './congress.http.js';

const CongressParam = Type.Object({ id: Type.Integer({ minimum: 1, description: 'congress id' }) });
const BodyParam = Type.Object({ id: Type.Integer({ minimum: 1 }), body: Type.Union(WORKING_BODIES.map((b) => Type.Literal(b)), { description: 'presidium, secretariat, credentials_committee, counting_committee' }) });
const MemberInput = Type.Object(
  {
    delegateId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: 'a delegate of this congress' }))),
    fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 200, description: 'someone who is not a delegate (named only)' })),
    head: Type.Optional(Type.Boolean({ description: 'heads the body (not for the presidium)' })),
  },
  { additionalProperties: false },
);

export async function congressBodiesRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;

  app.get(
    '/api/congresses/:id/working-bodies',
    {
      config: { access: { action: 'congress.read', org: congressOrg } },
      schema: { tags: ['congress'], summary: 'The working bodies (presidium, secretariat, credentials and counting committee): members in the order announced, and the show-of-hands vote that approved each', params: CongressParam },
    },
    async (request) => ({ bodies: await workingBodiesOf(readContext(request).db, request.params.id) }),
  );

  app.put(
    '/api/congresses/:id/working-bodies/:body',
    {
      config: { access: { action: 'congress.manage', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'Set the members of one working body, in the order announced (an empty list clears it)',
        params: BodyParam,
        body: Type.Object({ members: Type.Array(MemberInput, { maxItems: MAX_WORKING_BODY_MEMBERS }) }, { additionalProperties: false }),
      },
    },
    async (request) =>
      writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const { body } = request.params;
        const ids = request.body.members.map((m) => m.delegateId).filter((x): x is number => x != null);
        const delegates = ids.length
          ? await ctx.db.selectFrom('delegates as d').innerJoin('members as m', 'm.id', 'd.member_id').select(['d.id', 'd.status', 'm.full_name']).where('d.congress_id', '=', c.id).where('d.id', 'in', ids).execute()
          : [];
        const byId = new Map(delegates.map((d) => [d.id, d]));
        const missing = ids.filter((id) => !byId.has(id));
        if (missing.length) throw notFound('đại biểu của đại hội này', { delegateIds: missing });
        const withdrawn = delegates.filter((d) => d.status === 'withdrawn');
        if (withdrawn.length) throw new AppError('DELEGATE_WITHDRAWN', 409, `Đồng chí ${withdrawn[0].full_name} không còn là đại biểu của đại hội.`);
        const members: WorkingBodyMember[] = request.body.members.map((m, i) => {
          const fullName = m.delegateId != null ? byId.get(m.delegateId)!.full_name : m.fullName?.trim();
          if (!fullName) throw invalid(`Người thứ ${i + 1}: cần chọn đại biểu hoặc ghi họ tên.`);
          return { delegateId: m.delegateId ?? null, fullName, head: m.head ?? false };
        });
        const problem = workingBodyProblem(body, members);
        if (problem) throw new AppError(problem.code, 400, problem.message, problem.details);
        const before = (await workingBodiesOf(ctx.db, c.id)).find((b) => b.body === body)!;
        await replaceWorkingBody(ctx.db, c.id, body, members, ctx.now);
        const after = (await workingBodiesOf(ctx.db, c.id)).find((b) => b.body === body)!;
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.working_body', entity: 'congress', entityId: c.id, orgId: c.orgId, before: before.members, after: { body, members } });
        emit('working_bodies.changed', { body });
        return after;
      }),
  );
}
