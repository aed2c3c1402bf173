// Documents printed from the congress: the minutes (DOCX). The delegate cards are printed with their tokens (congress.routes.ts).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import { getOrg } from '../orgs/orgs.store.js';
import { congressMinutesDocx, placeOf } from '../../docs/congress-minutes.js';
import { getCongress, listDelegates, sessionsOf } from './congress.store.js';
import { agendaOf, speakersOf } from './congress.room.store.js';
import { attendance, congressOrg } from './congress.http.js';

export async function congressPrintRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;

  app.get(
    '/api/congresses/:id/minutes.docx',
    {
      config: { access: { action: 'congress.read', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'The minutes (biên bản đại hội) as DOCX in the Party’s document format, pre-filled with the facts, attendance, agenda and speakers; ready to edit',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      },
    },
    async (request, reply) => {
      const { db } = readContext(request);
      const c = await getCongress(db, request.params.id);
      if (!c) throw notFound('đại hội');
      const org = (await getOrg(db, c.orgId))!;
      const parent = org.parentId ? await getOrg(db, org.parentId) : null;
      const [sessions, agenda, speakers, delegates, att] = await Promise.all([sessionsOf(db, c.id), agendaOf(db, c.id), speakersOf(db, c.id), listDelegates(db, c.id), attendance(db, c)]);
      const byId = new Map(delegates.map((d) => [d.id, d]));
      const live = delegates.filter((d) => d.status !== 'withdrawn');
      const docx = await congressMinutesDocx({
        superiorBody: parent?.name ?? null,
        orgName: org.name,
        title: c.title,
        kind: c.kind,
        term: c.term,
        venue: c.venue,
        motto: c.motto,
        opensOn: c.opensOn,
        closesOn: c.closesOn,
        place: placeOf(org.name, org.adminUnit),
        sessions,
        attendance: att,
        delegates: {
          official: live.filter((d) => d.class === 'official').length,
          alternate: live.filter((d) => d.class === 'alternate').length,
          exOfficio: live.filter((d) => d.origin === 'ex_officio').length,
        },
        agenda,
        speakers,
        replacements: delegates
          .filter((d) => d.replacesDelegateId !== null)
          .map((d) => ({ official: byId.get(d.replacesDelegateId!)?.fullName ?? '?', alternate: d.fullName, decidedBy: d.replacementDecidedBy, reason: d.replacementReason })),
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="bien-ban-dai-hoi.docx"; filename*=UTF-8''${encodeURIComponent(`Biên bản ${c.title}.docx`)}`)
        .send(docx);
    },
  );
}
