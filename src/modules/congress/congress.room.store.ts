// The congress room's stored state: agenda, speakers, notices, documents.
import type { Executor } from '../../db/types.js';
import type { AgendaItem, DocumentMeta, SpeakerRow } from './congress.types.js';

export type { AgendaItem, DocumentMeta, SpeakerRow } from './congress.types.js';
import type { SpeakerStatus } from './congress.rules.js';

// ---------------------------------------------------------------------------------------------
// Agenda


export async function agendaOf(db: Executor, congressId: number): Promise<AgendaItem[]> {
  const rows = await db.selectFrom('agenda_items').selectAll().where('congress_id', '=', congressId).orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, position: Number(r.position), title: r.title, description: r.description, sessionId: r.session_id, status: r.status as AgendaItem['status'] }));
}

/** at the end of the agenda (renumber with movedTo to put it elsewhere) */
export async function insertAgendaItem(db: Executor, congressId: number, item: { title: string; description: string | null; sessionId: number | null }): Promise<number> {
  const last = await db.selectFrom('agenda_items').select((eb) => eb.fn.max('position').as('n')).where('congress_id', '=', congressId).executeTakeFirst();
  const r = await db
    .insertInto('agenda_items')
    .values({ congress_id: congressId, position: Number(last?.n ?? 0) + 1, title: item.title, description: item.description, session_id: item.sessionId, status: 'pending' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAgendaItem(db: Executor, congressId: number, id: number, p: Partial<{ title: string; description: string | null; sessionId: number | null; position: number; status: AgendaItem['status'] }>) {
  const set: Record<string, unknown> = {};
  if (p.title !== undefined) set.title = p.title;
  if (p.description !== undefined) set.description = p.description;
  if (p.sessionId !== undefined) set.session_id = p.sessionId;
  if (p.position !== undefined) set.position = p.position;
  if (p.status !== undefined) set.status = p.status;
  if (Object.keys(set).length) await db.updateTable('agenda_items').set(set).where('id', '=', id).where('congress_id', '=', congressId).execute();
}

/** new positions for some rows of the agenda or the speakers' queue (from movedTo) */
export async function renumber(db: Executor, table: 'agenda_items' | 'speakers', congressId: number, positions: ReadonlyMap<number, number>): Promise<void> {
  for (const [id, position] of positions) await db.updateTable(table).set({ position }).where('id', '=', id).where('congress_id', '=', congressId).execute();
}

export async function deleteAgendaItem(db: Executor, congressId: number, id: number) {
  await db.deleteFrom('agenda_items').where('id', '=', id).where('congress_id', '=', congressId).execute();
}

// ---------------------------------------------------------------------------------------------
// Speakers


export async function speakersOf(db: Executor, congressId: number, opts: { id?: number } = {}): Promise<SpeakerRow[]> {
  let q = db.selectFrom('speakers').selectAll().where('congress_id', '=', congressId);
  if (opts.id !== undefined) q = q.where('id', '=', opts.id);
  const rows = await q.orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    agendaItemId: r.agenda_item_id,
    delegateId: r.delegate_id,
    name: r.name,
    topic: r.topic,
    status: r.status as SpeakerStatus,
    position: Number(r.position),
    limitSeconds: r.limit_seconds,
    elapsedMs: Number(r.elapsed_ms),
    runningSince: r.running_since,
    requestedAt: r.requested_at,
  }));
}

export async function insertSpeaker(
  db: Executor,
  congressId: number,
  s: { agendaItemId: number | null; delegateId: number | null; name: string; topic: string | null; status: SpeakerStatus; limitSeconds: number | null },
  now: string,
): Promise<number> {
  const last = await db.selectFrom('speakers').select((eb) => eb.fn.max('position').as('n')).where('congress_id', '=', congressId).executeTakeFirst();
  const r = await db
    .insertInto('speakers')
    .values({
      congress_id: congressId,
      agenda_item_id: s.agendaItemId,
      delegate_id: s.delegateId,
      name: s.name,
      topic: s.topic,
      status: s.status,
      position: Number(last?.n ?? 0) + 1,
      limit_seconds: s.limitSeconds,
      requested_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSpeaker(
  db: Executor,
  congressId: number,
  id: number,
  p: Partial<{ status: SpeakerStatus; position: number; topic: string | null; limitSeconds: number | null; elapsedMs: number; runningSince: string | null; agendaItemId: number | null }>,
) {
  const set: Record<string, unknown> = {};
  if (p.status !== undefined) set.status = p.status;
  if (p.position !== undefined) set.position = p.position;
  if (p.topic !== undefined) set.topic = p.topic;
  if (p.limitSeconds !== undefined) set.limit_seconds = p.limitSeconds;
  if (p.elapsedMs !== undefined) set.elapsed_ms = Math.round(p.elapsedMs);
  if (p.runningSince !== undefined) set.running_since = p.runningSince;
  if (p.agendaItemId !== undefined) set.agenda_item_id = p.agendaItemId;
  if (Object.keys(set).length) await db.updateTable('speakers').set(set).where('id', '=', id).where('congress_id', '=', congressId).execute();
}

// ---------------------------------------------------------------------------------------------
// Notices

export async function insertNotice(db: Executor, congressId: number, text: string, by: string, now: string): Promise<number> {
  const r = await db.insertInto('congress_notices').values({ congress_id: congressId, text, created_at: now, created_by: by }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function noticesOf(db: Executor, congressId: number) {
  const rows = await db.selectFrom('congress_notices').selectAll().where('congress_id', '=', congressId).orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, text: r.text, createdAt: r.created_at, createdBy: r.created_by }));
}

// ---------------------------------------------------------------------------------------------
// Documents


export async function insertDocument(
  db: Executor,
  congressId: number,
  d: { title: string; internal: boolean; bodyHtml: string | null; file: { name: string; type: string; base64: string; size: number } | null },
  now: string,
): Promise<number> {
  const last = await db.selectFrom('congress_documents').select((eb) => eb.fn.max('position').as('n')).where('congress_id', '=', congressId).executeTakeFirst();
  const r = await db
    .insertInto('congress_documents')
    .values({
      congress_id: congressId,
      title: d.title,
      internal: d.internal ? 1 : 0,
      position: Number(last?.n ?? 0) + 1,
      body_html: d.bodyHtml,
      file_name: d.file?.name ?? null,
      file_type: d.file?.type ?? null,
      file_size: d.file?.size ?? null,
      file_base64: d.file?.base64 ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function documentsOf(db: Executor, congressId: number, opts: { includeInternal: boolean }): Promise<DocumentMeta[]> {
  let q = db
    .selectFrom('congress_documents')
    .select(['id', 'title', 'internal', 'position', 'file_name', 'file_type', 'file_size', 'created_at', 'body_html'])
    .where('congress_id', '=', congressId);
  if (!opts.includeInternal) q = q.where('internal', '=', 0);
  const rows = await q.orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    internal: Boolean(r.internal),
    position: Number(r.position),
    kind: r.file_name ? 'file' : 'text',
    fileName: r.file_name,
    fileType: r.file_type,
    fileSize: r.file_size === null ? null : Number(r.file_size),
    createdAt: r.created_at,
  }));
}

export async function getDocument(db: Executor, congressId: number, id: number) {
  const r = await db.selectFrom('congress_documents').selectAll().where('congress_id', '=', congressId).where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    title: r.title,
    internal: Boolean(r.internal),
    bodyHtml: r.body_html,
    fileName: r.file_name,
    fileType: r.file_type,
    fileSize: r.file_size === null ? null : Number(r.file_size),
    fileBase64: r.file_base64,
    createdAt: r.created_at,
  };
}

export async function deleteDocument(db: Executor, congressId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom('congress_documents').where('congress_id', '=', congressId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
