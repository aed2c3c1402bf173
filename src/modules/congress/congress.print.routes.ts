// Documents printed from the congress: the minutes (DOCX), the seating chart (PDF). The delegate cards are printed with their tokens (congress.routes.ts).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import { getOrg } from '../orgs/orgs.store.js';
import { congressDecisions } from '../voting/voting.decisions.js';
import { workingBodiesOf } from './congress.bodies.store.js';
import { congressMinutesDocx, placeOf } from '../../docs/congress-minutes.js';
import { seatingChartPdf } from '../../docs/seating-chart.js';
import { WORKING_BODY_TITLES, isRuleProblem } from './congress.rules.js';
import { SEATS_PER_ROW, seatDelegates } from './congress.seating.rules.js';
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
        decisions: await congressDecisions(db, c.id),
        workingBodies: (await workingBodiesOf(db, c.id)).map((b) => ({
          title: WORKING_BODY_TITLES[b.body].title,
          members: b.members.map((x) => (x.head && WORKING_BODY_TITLES[b.body].head ? `${x.fullName} (${WORKING_BODY_TITLES[b.body].head!.toLowerCase()})` : x.fullName)),
          approved: b.approvedBy !== null,
        })),
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="bien-ban-dai-hoi.docx"; filename*=UTF-8''${encodeURIComponent(`Biên bản ${c.title}.docx`)}`)
        .send(docx);
    },
  );

  app.get(
    '/api/congresses/:id/seating.pdf',
    {
      config: { access: { action: 'congress.read', org: congressOrg } },
      schema: {
        tags: ['congress'],
        summary: 'The seating chart (PDF, A4 landscape): the presidium table, the hall row by row with the delegates by delegation (đoàn), and the list of seats by delegation',
        description: 'Delegations in alphabetical order, officials before alternates by card number; a delegation no larger than a row is never split across rows. Replaced and withdrawn delegates have no seat.',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object(
          {
            seatsPerRow: Type.Optional(Type.Integer({ minimum: SEATS_PER_ROW.min, maximum: SEATS_PER_ROW.max, default: SEATS_PER_ROW.default, description: 'seats in one row of the hall' })),
            presidium: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}(,[0-9]{1,9}){0,49}$', description: 'delegate ids, comma-separated, who sit at the presidium table (left to right); default: the delegates of the congress’s presidium (working bodies)' })),
          },
          { additionalProperties: false },
        ),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { db } = readContext(request);
      const c = await getCongress(db, request.params.id);
      if (!c) throw notFound('đại hội');
      const [delegates, bodies] = await Promise.all([listDelegates(db, c.id), workingBodiesOf(db, c.id)]);
      const presidium = bodies.find((b) => b.body === 'presidium')!.members.map((m) => m.delegateId).filter((x): x is number => x !== null);
      const plan = seatDelegates(
        delegates.map((d) => ({ id: d.id, number: d.number, fullName: d.fullName, unitOrgId: d.unitOrgId, unitName: d.unitOrgName, class: d.class, status: d.status })),
        { seatsPerRow: request.query.seatsPerRow ?? SEATS_PER_ROW.default, presidiumIds: request.query.presidium?.split(',').map(Number) ?? presidium },
      );
      if (isRuleProblem(plan)) throw new AppError(plan.code, 400, plan.message, plan.details);
      const pdf = await seatingChartPdf({ title: c.title, orgName: c.orgName, venue: c.venue, opensOn: c.opensOn }, plan);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="so-do-cho-ngoi.pdf"; filename*=UTF-8''${encodeURIComponent('Sơ đồ chỗ ngồi.pdf')}`).send(pdf);
    },
  );
}
