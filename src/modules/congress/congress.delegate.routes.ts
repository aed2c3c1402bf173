// The delegate's phone: opened by the token on their card (/api/delegate/:token/…), no password; and the public documents.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, notFound } from '../../server/errors.js';
import { memberPhoto, memberPhotoInfo } from '../members/members.photo.store.js';
import { sendPhoto } from '../members/members.photo.routes.js';
import { readContext } from '../../server/request-context.js';
import { Nullable } from '../../server/schemas.js';
import { resumeFrom, streamEvents } from '../../server/realtime.js';
import { recordAudit } from '../audit/audit.store.js';
import { getCongress, getDelegate } from './congress.store.js';
import { agendaOf, documentsOf, getDocument, insertSpeaker, speakersOf } from './congress.room.store.js';
import { checkNotClosed, delegateAccess, delegateOf, endsWhenCardRevoked, hubOf, presentSpeaker, roomSnapshot, writeCongress } from './congress.http.js';
import { documentReply } from './congress.documents.js';
import { EventsQuery } from './congress.room.routes.js';

const TokenParam = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100, description: 'the token printed (as a QR link) on the delegate card' }) });
const TokenDocParam = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }), docId: Type.Integer({ minimum: 1 }) });
const PublicDocParam = Type.Object({ id: Type.Integer({ minimum: 1 }), docId: Type.Integer({ minimum: 1 }) });
const asDelegate = { access: { delegate: delegateAccess } };

export async function delegateRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;

  app.get(
    '/api/delegate/:token',
    { config: asDelegate, schema: { tags: ['delegate'], summary: 'The delegate’s view of their congress: who they are, agenda, speakers, notices, attendance, the sequence to follow events from', params: TokenParam } },
    async (request) => {
      const { db, now } = readContext(request);
      const holder = delegateOf(request);
      const d = (await getDelegate(db, holder.congressId, holder.delegateId))!;
      const room = await roomSnapshot(db, holder.congressId, now);
      const { orgId: _o, quorumNumerator: _n, quorumDenominator: _d, ...congress } = room.congress;
      return {
        ...room,
        congress,
        me: {
          id: d.id,
          number: d.number,
          fullName: d.fullName,
          class: d.class,
          origin: d.origin,
          unitOrgName: d.unitOrgName,
          checkedInAt: d.checkedInAt,
          // the card's photo, shown on the delegate's own page (GET …/photo); null when there is none
          photoUpdatedAt: (await memberPhotoInfo(db, d.memberId))?.updatedAt ?? null,
        },
        documents: await documentsOf(db, holder.congressId, { includeInternal: true }),
      };
    },
  );

  app.get(
    '/api/delegate/:token/events',
    {
      config: asDelegate,
      schema: { tags: ['delegate'], summary: 'Server-Sent Events of the delegate’s congress (reconnect with Last-Event-ID to catch up)', params: TokenParam, querystring: EventsQuery, produces: ['text/event-stream'] },
    },
    async (request, reply) => {
      const holder = delegateOf(request);
      const c = (await getCongress(readContext(request).db, holder.congressId))!;
      await streamEvents(request, reply, hubOf(request), c.id, resumeFrom(request, request.query.after) ?? c.lastSeq, request.query.once ?? false, endsWhenCardRevoked(delegateOf(request).delegateId));
    },
  );

  app.get(
    '/api/delegate/:token/photo',
    { config: asDelegate, schema: { tags: ['delegate'], summary: 'The delegate’s own photo as on their card (JPEG); 404 when there is none', params: TokenParam, produces: ['image/jpeg'] } },
    async (request, reply) => {
      const { db } = readContext(request);
      const holder = delegateOf(request);
      const d = await getDelegate(db, holder.congressId, holder.delegateId);
      const photo = d ? await memberPhoto(db, d.memberId) : null;
      if (!photo) throw notFound('ảnh của đại biểu');
      return sendPhoto(reply, photo);
    },
  );

  app.get('/api/delegate/:token/documents', { config: asDelegate, schema: { tags: ['delegate'], summary: 'The congress documents, internal ones included', params: TokenParam } }, async (request) =>
    documentsOf(readContext(request).db, delegateOf(request).congressId, { includeInternal: true }),
  );

  app.get(
    '/api/delegate/:token/documents/:docId',
    { config: asDelegate, schema: { tags: ['delegate'], summary: 'A document (?download=1: the file, or the text as an HTML page for offline reading)', params: TokenDocParam, querystring: Type.Object({ download: Type.Optional(Type.Boolean()) }) } },
    async (request, reply) => {
      const doc = await getDocument(readContext(request).db, delegateOf(request).congressId, request.params.docId);
      if (!doc) throw notFound('tài liệu');
      return documentReply(reply, doc, request.query.download ?? false);
    },
  );

  app.post(
    '/api/delegate/:token/speakers',
    {
      config: asDelegate,
      schema: {
        tags: ['delegate'],
        summary: 'The delegate asks to speak, with a topic; the presidium accepts it into the queue',
        params: TokenParam,
        body: Type.Object(
          { topic: Type.String({ minLength: 2, maxLength: 500 }), agendaItemId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const holder = delegateOf(request);
      const b = request.body;
      const id = await writeCongress(request, holder.congressId, async (ctx, emit, c) => {
        checkNotClosed(c);
        if (holder.status !== 'active') throw new AppError('DELEGATE_REPLACED', 409, 'Đại biểu đã được thay thế, không thể đăng ký phát biểu.');
        const mine = (await speakersOf(ctx.db, c.id)).filter((s) => s.delegateId === holder.delegateId && (s.status === 'requested' || s.status === 'queued'));
        if (mine.length >= 3) throw new AppError('TOO_MANY_REQUESTS_TO_SPEAK', 409, 'Đồng chí đã có 3 đăng ký phát biểu đang chờ.');
        if (b.agendaItemId != null && !(await agendaOf(ctx.db, c.id)).some((a) => a.id === b.agendaItemId)) throw notFound('mục chương trình');
        const id = await insertSpeaker(
          ctx.db,
          c.id,
          { agendaItemId: b.agendaItemId ?? c.currentAgendaItemId, delegateId: holder.delegateId, name: holder.fullName, topic: b.topic.trim(), status: 'requested', limitSeconds: null },
          ctx.now,
        );
        await recordAudit(ctx.db, { userId: null, name: `delegate:${holder.delegateId}` }, ctx.now, { action: 'congress.speaker.request', entity: 'speaker', entityId: id, orgId: c.orgId, after: b });
        emit('speakers.changed', { speakers: (await speakersOf(ctx.db, c.id)).map((s) => presentSpeaker(s, ctx.now)) });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  // ---- public: the documents not marked internal

  app.get(
    '/api/public/congresses/:id/documents',
    { config: { access: { public: true } }, schema: { tags: ['delegate'], summary: 'The congress’s documents that are not internal (no login)', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } },
    async (request) => {
      const { db } = readContext(request);
      const c = await getCongress(db, request.params.id);
      if (!c) throw notFound('đại hội');
      return { congress: { id: c.id, title: c.title, opensOn: c.opensOn, closesOn: c.closesOn, venue: c.venue }, documents: await documentsOf(db, c.id, { includeInternal: false }) };
    },
  );

  app.get(
    '/api/public/congresses/:id/documents/:docId',
    { config: { access: { public: true } }, schema: { tags: ['delegate'], summary: 'A document that is not internal', params: PublicDocParam, querystring: Type.Object({ download: Type.Optional(Type.Boolean()) }) } },
    async (request, reply) => {
      const doc = await getDocument(readContext(request).db, request.params.id, request.params.docId);
      // an internal document is as absent as a missing one to the public
      if (!doc || doc.internal) throw notFound('tài liệu');
      return documentReply(reply, doc, request.query.download ?? false);
    },
  );
}
