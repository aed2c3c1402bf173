// The congress room for staff: check-in at the door, attendance and quorum, agenda, speakers, projector, notices, documents, events.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import { Nullable } from '../../server/schemas.js';
import { resumeFrom, streamEvents } from '../../server/realtime.js';
import { recordAudit } from '../audit/audit.store.js';
import { POLL_PROJECTOR_MODES, PROJECTOR_MODES, SPEAKER_ACTIONS, applyTimer, isRuleProblem, movedTo, nextSpeakerStatus } from './congress.rules.js';
import { deleteCheckin, delegateByToken, getCongress, getDelegate, hasVoted, recordCheckin, sessionsOf, setCurrentAgendaItem, setProjector } from './congress.store.js';
import { checkinUndoProblem } from './congress.delegate-changes.rules.js';
import { agendaOf, deleteAgendaItem, deleteDocument, documentsOf, getDocument, insertAgendaItem, insertDocument, insertNotice, insertSpeaker, noticesOf, renumber, speakersOf, updateAgendaItem, updateSpeaker } from './congress.room.store.js';
import { attendance, checkNotClosed, congressOrg, hubOf, latePayload, presentSpeaker, roomSnapshot, writeCongress } from './congress.http.js';
import { docxToHtml, documentReply, hasText, sanitizeDocumentHtml } from './congress.documents.js';
import { DOCX_TYPE, MAX_DOCUMENT_FILE_BYTES, documentFileKind } from './congress.documents.rules.js';

const lit = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const CongressParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const ItemParam = Type.Object({ id: Type.Integer({ minimum: 1 }), itemId: Type.Integer({ minimum: 1 }) });
const SpeakerParam = Type.Object({ id: Type.Integer({ minimum: 1 }), speakerId: Type.Integer({ minimum: 1 }) });
const DocParam = Type.Object({ id: Type.Integer({ minimum: 1 }), docId: Type.Integer({ minimum: 1 }) });
const read = (summary: string) => ({ config: { access: { action: 'congress.read' as const, org: congressOrg } }, tags: ['congress-room'], summary });
const manage = { action: 'congress.manage' as const, org: congressOrg };
export const EventsQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, description: 'the last sequence number the client has (Last-Event-ID wins); default: only new events' })),
  once: Type.Optional(Type.Boolean({ description: 'send the missed events and close (polling clients on poor connections)' })),
});

export async function congressRoomRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  const config = appBase.ctx.config;

  app.get(
    '/api/congresses/:id/room',
    { config: read('').config, schema: { tags: ['congress-room'], summary: 'Everything a console or the projector shows, with the sequence number to follow events from', params: CongressParam } },
    async (request) => {
      const { db, now } = readContext(request);
      return roomSnapshot(db, request.params.id, now);
    },
  );

  app.get(
    '/api/congresses/:id/events',
    {
      config: read('').config,
      schema: {
        tags: ['congress-room'],
        summary: 'Server-Sent Events of every change of the congress (id = sequence number; reconnect with Last-Event-ID to catch up)',
        params: CongressParam,
        querystring: EventsQuery,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const { db } = readContext(request);
      const c = await getCongress(db, request.params.id);
      if (!c) throw notFound('đại hội');
      await streamEvents(request, reply, hubOf(request), c.id, resumeFrom(request, request.query.after) ?? c.lastSeq, request.query.once ?? false);
    },
  );

  // ---- check-in at the door

  app.post(
    '/api/congresses/:id/checkins',
    {
      config: {
        access: manage,
        rateLimit: {
          max: config.checkinRateLimit,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req) => `checkin:${req.ip}:${req.user?.id ?? 'anonymous'}`,
        },
      },
      schema: {
        tags: ['congress-room'],
        summary: 'Check a delegate in: the token scanned from the card (QR) or the delegate picked by staff; a second scan changes nothing',
        description: 'Answers after the check-in is committed. `created` is false when the delegate was already checked in (the first time is returned).',
        params: CongressParam,
        body: Type.Object(
          {
            token: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'the token, or the whole URL read from the QR code' })),
            delegateId: Type.Optional(Type.Integer({ minimum: 1, description: 'the delegate staff picked after a search by name' })),
          },
          { additionalProperties: false, description: 'exactly one of token and delegateId' },
        ),
      },
    },
    async (request) => {
      const body = request.body;
      if ((body.token === undefined) === (body.delegateId === undefined)) throw invalid('Cần gửi mã thẻ (token) hoặc mã đại biểu (delegateId), không gửi cả hai.');
      // the door's hot path: the work runs unlocked, only numbering the event waits for earlier check-ins (writeCongress, lock 'last')
      const out = await writeCongress(
        request,
        request.params.id,
        async (ctx, emit, c) => {
          checkNotClosed(c);
          let delegateId = body.delegateId;
          if (body.token !== undefined) {
            const token = body.token.trim().split('/').pop()!.split('?')[0];
            const holder = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await delegateByToken(ctx.db, token) : null;
            if (!holder || holder.congressId !== c.id) throw new AppError('TOKEN_UNKNOWN', 404, 'Thẻ đại biểu không hợp lệ, đã bị thu hồi hoặc không thuộc đại hội này.');
            delegateId = holder.delegateId;
          }
          const d = await getDelegate(ctx.db, c.id, delegateId!);
          if (!d) throw notFound('đại biểu');
          if (d.status === 'withdrawn') throw new AppError('DELEGATE_WITHDRAWN', 409, 'Người này không còn là đại biểu của đại hội.');
          if (d.status === 'replaced') throw new AppError('DELEGATE_REPLACED', 409, 'Đại biểu này đã được đại biểu dự khuyết thay thế.');
          // one row per delegate (UNIQUE): of two concurrent scans one inserts, the other waits for it and finds it
          const r = await recordCheckin(ctx.db, c.id, d.id, body.token !== undefined ? 'qr' : 'staff', ctx.actor.userId, ctx.now);
          const delegate = { id: d.id, number: d.number, fullName: d.fullName, class: d.class, unitOrgName: d.unitOrgName };
          if (!r.created) return { created: false, checkedInAt: r.at, delegate, attendance: await attendance(ctx.db, c) };
          await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.checkin', entity: 'delegate', entityId: d.id, orgId: c.orgId, after: { method: body.token !== undefined ? 'qr' : 'staff' } });
          // counted after the event's number is taken, so each check-in event carries a count that includes every earlier one
          const payload = latePayload(async (db) => ({ delegate, at: r.at, attendance: await attendance(db, c) }));
          emit('checkin', payload);
          return { created: true, checkedInAt: r.at, delegate, payload };
        },
        { lock: 'last' },
      );
      const { payload, ...rest } = out;
      return payload ? { ...rest, attendance: payload.value!.attendance } : rest;
    },
  );

  app.delete(
    '/api/congresses/:id/checkins/:delegateId',
    {
      config: { access: manage },
      schema: {
        tags: ['congress-room'],
        summary: 'Undo a check-in recorded by mistake (the wrong delegate picked at the door); refused once the delegate has voted',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), delegateId: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request) => {
      return writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const d = await getDelegate(ctx.db, c.id, request.params.delegateId);
        if (!d) throw notFound('đại biểu');
        const problem = checkinUndoProblem(d.checkedInAt !== null, await hasVoted(ctx.db, d.id));
        if (problem) throw new AppError(problem.code, 409, problem.message);
        await deleteCheckin(ctx.db, c.id, d.id);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.checkin.undo', entity: 'delegate', entityId: d.id, orgId: c.orgId, before: { checkedInAt: d.checkedInAt } });
        const att = await attendance(ctx.db, c);
        // consoles, the projector and phones take the attendance from the event, as after a check-in
        emit('delegates.changed', { checkinUndone: d.id, attendance: att });
        return { ok: true, attendance: att };
      });
    },
  );

  app.get(
    '/api/congresses/:id/attendance',
    { config: read('').config, schema: { tags: ['congress-room'], summary: 'Present / convened and whether the quorum rule is met', params: CongressParam } },
    async (request) => {
      const { db } = readContext(request);
      const c = await getCongress(db, request.params.id);
      if (!c) throw notFound('đại hội');
      return attendance(db, c);
    },
  );

  // ---- agenda

  const AgendaBody = Type.Object(
    {
      title: Type.String({ minLength: 1, maxLength: 300 }),
      description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
      sessionId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
      position: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    },
    { additionalProperties: false },
  );
  const checkSession = async (db: Parameters<typeof sessionsOf>[0], congressId: number, sessionId: number | null | undefined) => {
    if (sessionId != null && !(await sessionsOf(db, congressId)).some((s) => s.id === sessionId)) throw invalid('Phiên họp không thuộc đại hội này.');
  };

  app.get('/api/congresses/:id/agenda', { config: read('').config, schema: { tags: ['congress-room'], summary: 'The agenda in order', params: CongressParam } }, async (request) =>
    agendaOf(readContext(request).db, request.params.id),
  );

  app.post(
    '/api/congresses/:id/agenda',
    { config: { access: manage }, schema: { tags: ['congress-room'], summary: 'Add an agenda item (at the end unless a position is given)', params: CongressParam, body: AgendaBody } },
    async (request, reply) => {
      const b = request.body;
      const id = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        await checkSession(ctx.db, c.id, b.sessionId);
        const id = await insertAgendaItem(ctx.db, c.id, { title: b.title.trim(), description: b.description ?? null, sessionId: b.sessionId ?? null });
        if (b.position !== undefined) await renumber(ctx.db, 'agenda_items', c.id, movedTo(await agendaOf(ctx.db, c.id), id, b.position));
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.agenda.add', entity: 'agenda_item', entityId: id, orgId: c.orgId, after: b });
        emit('agenda.changed', { agenda: await agendaOf(ctx.db, c.id) });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/congresses/:id/agenda/:itemId',
    { config: { access: manage }, schema: { tags: ['congress-room'], summary: 'Change an agenda item', params: ItemParam, body: Type.Partial(AgendaBody, { additionalProperties: false }) } },
    async (request) => {
      const b = request.body;
      await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const before = (await agendaOf(ctx.db, c.id)).find((a) => a.id === request.params.itemId);
        if (!before) throw notFound('mục chương trình');
        await checkSession(ctx.db, c.id, b.sessionId);
        const { position, ...rest } = b;
        await updateAgendaItem(ctx.db, c.id, before.id, { ...rest, title: rest.title?.trim() });
        if (position !== undefined) await renumber(ctx.db, 'agenda_items', c.id, movedTo(await agendaOf(ctx.db, c.id), before.id, position));
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.agenda.update', entity: 'agenda_item', entityId: before.id, orgId: c.orgId, before, after: b });
        emit('agenda.changed', { agenda: await agendaOf(ctx.db, c.id) });
      });
      return { ok: true };
    },
  );

  app.delete(
    '/api/congresses/:id/agenda/:itemId',
    { config: { access: manage }, schema: { tags: ['congress-room'], summary: 'Remove an agenda item', params: ItemParam } },
    async (request) => {
      await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const before = (await agendaOf(ctx.db, c.id)).find((a) => a.id === request.params.itemId);
        if (!before) throw notFound('mục chương trình');
        if (c.currentAgendaItemId === before.id) await setCurrentAgendaItem(ctx.db, c.id, null, ctx.now);
        await deleteAgendaItem(ctx.db, c.id, before.id);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.agenda.delete', entity: 'agenda_item', entityId: before.id, orgId: c.orgId, before });
        emit('agenda.changed', { agenda: await agendaOf(ctx.db, c.id), currentAgendaItemId: c.currentAgendaItemId === before.id ? null : c.currentAgendaItemId });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/congresses/:id/agenda/current',
    {
      config: { access: manage },
      schema: {
        tags: ['congress-room'],
        summary: 'The presidium moves the congress to an agenda item (the previous current one is marked done); null: none',
        params: CongressParam,
        body: Type.Object({ itemId: Nullable(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const itemId = request.body.itemId;
      return writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const agenda = await agendaOf(ctx.db, c.id);
        if (itemId !== null && !agenda.some((a) => a.id === itemId)) throw notFound('mục chương trình');
        if (c.currentAgendaItemId !== null && c.currentAgendaItemId !== itemId) await updateAgendaItem(ctx.db, c.id, c.currentAgendaItemId, { status: 'done' });
        if (itemId !== null) await updateAgendaItem(ctx.db, c.id, itemId, { status: 'current' });
        await setCurrentAgendaItem(ctx.db, c.id, itemId, ctx.now);
        if (c.status === 'preparing' && itemId !== null) await ctx.db.updateTable('congresses').set({ status: 'open' }).where('id', '=', c.id).execute();
        const after = await agendaOf(ctx.db, c.id);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.agenda.current', entity: 'congress', entityId: c.id, orgId: c.orgId, before: { itemId: c.currentAgendaItemId }, after: { itemId } });
        const current = after.find((a) => a.id === itemId) ?? null;
        emit('agenda.current', { currentAgendaItem: current, agenda: after });
        return { currentAgendaItem: current };
      });
    },
  );

  // ---- speakers

  app.get('/api/congresses/:id/speakers', { config: read('').config, schema: { tags: ['congress-room'], summary: 'Speakers: requests, queue, who speaks now, with the timer', params: CongressParam } }, async (request) => {
    const { db, now } = readContext(request);
    return (await speakersOf(db, request.params.id)).map((s) => presentSpeaker(s, now));
  });

  app.post(
    '/api/congresses/:id/speakers',
    {
      config: { access: manage },
      schema: {
        tags: ['congress-room'],
        summary: 'Add a speaker to the queue: a delegate, or a guest by name',
        params: CongressParam,
        body: Type.Object(
          {
            delegateId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            name: Type.Optional(Type.String({ minLength: 2, maxLength: 200, description: 'a guest speaker (khách mời) when there is no delegate' })),
            topic: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            agendaItemId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            limitSeconds: Type.Optional(Nullable(Type.Integer({ minimum: 10, maximum: 7200, description: 'speaking time; the timer shows it' }))),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const id = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        let name = b.name?.trim();
        if (b.delegateId != null) {
          const d = await getDelegate(ctx.db, c.id, b.delegateId);
          if (!d) throw notFound('đại biểu');
          name = d.fullName;
        }
        if (!name) throw invalid('Cần chọn đại biểu hoặc nhập tên người phát biểu.');
        if (b.agendaItemId != null && !(await agendaOf(ctx.db, c.id)).some((a) => a.id === b.agendaItemId)) throw notFound('mục chương trình');
        const id = await insertSpeaker(
          ctx.db,
          c.id,
          { agendaItemId: b.agendaItemId ?? c.currentAgendaItemId, delegateId: b.delegateId ?? null, name, topic: b.topic ?? null, status: 'queued', limitSeconds: b.limitSeconds ?? null },
          ctx.now,
        );
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.speaker.add', entity: 'speaker', entityId: id, orgId: c.orgId, after: b });
        emit('speakers.changed', { speakers: (await speakersOf(ctx.db, c.id)).map((s) => presentSpeaker(s, ctx.now)) });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/congresses/:id/speakers/:speakerId/action',
    {
      config: { access: manage },
      schema: {
        tags: ['congress-room'],
        summary: 'Drive a speaker: queue (accept a request), start (finishes whoever speaks), pause, resume, finish, withdraw; or move in the queue',
        params: SpeakerParam,
        body: Type.Object(
          {
            action: Type.Optional(lit(SPEAKER_ACTIONS)),
            position: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: 'new place in the queue' })),
            limitSeconds: Type.Optional(Nullable(Type.Integer({ minimum: 10, maximum: 7200 }))),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const b = request.body;
      return writeCongress(request, request.params.id, async (ctx, emit, c) => {
        checkNotClosed(c);
        const all = await speakersOf(ctx.db, c.id);
        const s = all.find((x) => x.id === request.params.speakerId);
        if (!s) throw notFound('người phát biểu');
        if (b.action) {
          const next = nextSpeakerStatus(s.status, b.action);
          if (isRuleProblem(next)) throw new AppError(next.code, 409, next.message);
          if (b.action === 'start') {
            for (const other of all.filter((x) => x.id !== s.id && (x.status === 'speaking' || x.status === 'paused'))) {
              const t = applyTimer(other, 'finish', ctx.now);
              await updateSpeaker(ctx.db, c.id, other.id, { status: 'done', elapsedMs: t.elapsedMs, runningSince: null });
            }
          }
          const t = applyTimer(s, b.action, ctx.now);
          await updateSpeaker(ctx.db, c.id, s.id, { status: next, elapsedMs: t.elapsedMs, runningSince: t.runningSince });
        }
        if (b.limitSeconds !== undefined) await updateSpeaker(ctx.db, c.id, s.id, { limitSeconds: b.limitSeconds });
        if (b.position !== undefined) await renumber(ctx.db, 'speakers', c.id, movedTo(await speakersOf(ctx.db, c.id), s.id, b.position));
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.speaker.update', entity: 'speaker', entityId: s.id, orgId: c.orgId, before: s, after: b });
        const speakers = (await speakersOf(ctx.db, c.id)).map((x) => presentSpeaker(x, ctx.now));
        emit('speakers.changed', { speakers, speaking: speakers.find((x) => x.status === 'speaking' || x.status === 'paused') ?? null });
        return speakers.find((x) => x.id === s.id);
      });
    },
  );

  // ---- projector and notices

  app.put(
    '/api/congresses/:id/projector',
    {
      config: { access: manage },
      schema: {
        tags: ['congress-room'],
        summary: 'What the hall screen shows',
        params: CongressParam,
        body: Type.Object(
          {
            mode: lit(PROJECTOR_MODES, 'title, agenda (current item), speaker (with timer), attendance (and quorum), notice (the text), document, blank'),
            text: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
            documentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'document: the page of a text document shown' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const b = request.body;
      const projector = { mode: b.mode, text: b.text ?? null, documentId: b.documentId ?? null, ...(b.mode === 'document' ? { page: b.page ?? 1 } : {}) };
      await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        if ((POLL_PROJECTOR_MODES as readonly string[]).includes(projector.mode)) throw new AppError('PROJECTOR_POLL_MODE', 400, 'Chọn biểu quyết, bầu cử hoặc quyết định chỉ định cụ thể để trình chiếu (trang Biểu quyết và bầu cử).');
        if (projector.mode === 'document' && (projector.documentId === null || !(await getDocument(ctx.db, c.id, projector.documentId)))) throw notFound('tài liệu');
        await setProjector(ctx.db, c.id, projector, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.projector', entity: 'congress', entityId: c.id, orgId: c.orgId, before: c.projector, after: projector });
        emit('projector.changed', { projector });
      });
      return { projector };
    },
  );

  app.get('/api/congresses/:id/notices', { config: read('').config, schema: { tags: ['congress-room'], summary: 'Notices from the presidium, newest first', params: CongressParam } }, async (request) =>
    noticesOf(readContext(request).db, request.params.id),
  );

  app.post(
    '/api/congresses/:id/notices',
    {
      config: { access: manage },
      schema: { tags: ['congress-room'], summary: 'A notice to all delegates', params: CongressParam, body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }) },
    },
    async (request, reply) => {
      const id = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const text = request.body.text.trim();
        if (!text) throw invalid('Nội dung thông báo không được để trống.');
        const id = await insertNotice(ctx.db, c.id, text, ctx.actor.name, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.notice', entity: 'congress', entityId: c.id, orgId: c.orgId, after: { text } });
        emit('notice.created', { notice: { id, text, createdAt: ctx.now, createdBy: ctx.actor.name } });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  // ---- documents

  app.get('/api/congresses/:id/documents', { config: read('').config, schema: { tags: ['congress-room'], summary: 'Documents, internal ones included', params: CongressParam } }, async (request) =>
    documentsOf(readContext(request).db, request.params.id, { includeInternal: true }),
  );

  app.post(
    '/api/congresses/:id/documents',
    {
      bodyLimit: 40 * 1024 * 1024,
      config: { access: manage },
      schema: {
        tags: ['congress-room'],
        summary: 'Add a document: rich text (HTML, sanitised), a PDF, or a Word file (DOCX, turned into rich text)',
        description: `File: type application/pdf (kept, checked by its "%PDF-" header) or ${DOCX_TYPE} (converted to rich text); at most ${MAX_DOCUMENT_FILE_BYTES / 1024 / 1024} MB (413 DOCUMENT_TOO_LARGE). Rich text keeps headings, emphasis, lists, tables and http(s) links; scripts, event handlers, styles and frames are removed.`,
        params: CongressParam,
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 300 }),
            internal: Type.Boolean({ description: 'internal (lưu hành nội bộ): only delegates (token) and staff see it' }),
            bodyHtml: Type.Optional(Nullable(Type.String({ maxLength: 2_000_000, description: 'rich text, shown on phones' }))),
            file: Type.Optional(
              Nullable(
                Type.Object(
                  {
                    name: Type.String({ minLength: 1, maxLength: 200 }),
                    type: Type.String({ pattern: '^[A-Za-z]+/[A-Za-z0-9.+-]+$', maxLength: 100, description: 'MIME type: application/pdf or the DOCX type' }),
                    base64: Type.String({ minLength: 1, maxLength: 40_000_000 }),
                  },
                  { additionalProperties: false },
                ),
              ),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const b = request.body;
      if (!b.bodyHtml && !b.file) throw invalid('Tài liệu cần có nội dung hoặc tệp đính kèm.');
      // the rich text as phones will show it: nothing that runs or loads
      let bodyHtml = b.bodyHtml ? sanitizeDocumentHtml(b.bodyHtml) : null;
      let file = null;
      if (b.file) {
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b.file.base64)) throw invalid('Tệp đính kèm không phải base64 hợp lệ.');
        const bytes = Buffer.from(b.file.base64, 'base64');
        const kind = documentFileKind(b.file.type, bytes.length, bytes.subarray(0, 1024));
        if (isRuleProblem(kind)) throw new AppError(kind.code, kind.code === 'DOCUMENT_TOO_LARGE' ? 413 : 400, kind.message, kind.details);
        if (kind === 'docx') {
          if (bodyHtml) throw invalid('Gửi nội dung soạn sẵn hoặc tệp Word, không gửi cả hai.');
          bodyHtml = await docxToHtml(bytes).catch(() => {
            throw new AppError('DOCUMENT_NOT_DOCX', 400, 'Không đọc được tệp Word này; hãy lưu lại dưới dạng .docx rồi thử lại.');
          });
        } else {
          file = { name: b.file.name, type: b.file.type.toLowerCase(), base64: b.file.base64, size: bytes.length };
        }
      }
      if (bodyHtml !== null && !hasText(bodyHtml)) {
        if (!file) throw invalid('Nội dung tài liệu trống (hoặc chỉ có những phần không được phép như mã lệnh).');
        bodyHtml = null;
      }
      const id = await writeCongress(request, request.params.id, async (ctx, emit, c) => {
        const id = await insertDocument(ctx.db, c.id, { title: b.title.trim(), internal: b.internal, bodyHtml, file }, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.document.add', entity: 'congress_document', entityId: id, orgId: c.orgId, after: { title: b.title, internal: b.internal, file: file?.name ?? null } });
        // the list itself, so phones and consoles need not fetch it again (staff and delegates both see internal documents)
        emit('documents.changed', { added: id, documents: await documentsOf(ctx.db, c.id, { includeInternal: true }) });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/congresses/:id/documents/:docId',
    { config: read('').config, schema: { tags: ['congress-room'], summary: 'A document (rich text inline; ?download=1 sends the file)', params: DocParam, querystring: Type.Object({ download: Type.Optional(Type.Boolean()) }) } },
    async (request, reply) => {
      const doc = await getDocument(readContext(request).db, request.params.id, request.params.docId);
      if (!doc) throw notFound('tài liệu');
      return documentReply(reply, doc, request.query.download ?? false);
    },
  );

  app.delete('/api/congresses/:id/documents/:docId', { config: { access: manage }, schema: { tags: ['congress-room'], summary: 'Remove a document', params: DocParam } }, async (request) => {
    await writeCongress(request, request.params.id, async (ctx, emit, c) => {
      const doc = await getDocument(ctx.db, c.id, request.params.docId);
      if (!doc) throw notFound('tài liệu');
      await deleteDocument(ctx.db, c.id, doc.id);
      // the hall screen was showing it: back to the title
      if (c.projector.mode === 'document' && c.projector.documentId === doc.id) {
        const projector = { mode: 'title' as const, text: null, documentId: null, pollId: null };
        await setProjector(ctx.db, c.id, projector, ctx.now);
        emit('projector.changed', { projector });
      }
      await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'congress.document.delete', entity: 'congress_document', entityId: doc.id, orgId: c.orgId, before: { title: doc.title, internal: doc.internal } });
      emit('documents.changed', { removed: doc.id, documents: await documentsOf(ctx.db, c.id, { includeInternal: true }) });
    });
    return { ok: true };
  });
}
