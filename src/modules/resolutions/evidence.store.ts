// Kysely queries for a task's evidence documents (task_evidence_files). Portable across SQLite and PostgreSQL.
import type { Executor } from '../../db/types.js';

export interface EvidenceFileInput {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  sha256: string;
}

const metaColumns = ['id', 'task_id', 'file_name', 'content_type', 'byte_size', 'sha256', 'uploaded_at', 'uploaded_by', 'uploaded_by_name'] as const;
type MetaRow = { id: number; task_id: number; file_name: string; content_type: string; byte_size: number; sha256: string; uploaded_at: string; uploaded_by: number | null; uploaded_by_name: string };

const toMeta = (r: MetaRow) => ({
  id: r.id,
  taskId: r.task_id,
  fileName: r.file_name,
  contentType: r.content_type,
  byteSize: Number(r.byte_size),
  sha256: r.sha256,
  uploadedAt: r.uploaded_at,
  uploadedBy: r.uploaded_by_name,
  uploadedByUserId: r.uploaded_by,
});
export type EvidenceFile = ReturnType<typeof toMeta>;

export async function insertEvidenceFile(db: Executor, taskId: number, f: EvidenceFileInput, actor: { userId: number | null; name: string }, now: string): Promise<number> {
  const { id } = await db
    .insertInto('task_evidence_files')
    .values({
      task_id: taskId,
      file_name: f.fileName,
      content_type: f.contentType,
      byte_size: f.bytes.length,
      sha256: f.sha256,
      file_base64: f.bytes.toString('base64'),
      uploaded_at: now,
      uploaded_by: actor.userId,
      uploaded_by_name: actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** a task's evidence documents without their bytes, oldest first */
export async function evidenceFilesOf(db: Executor, taskId: number): Promise<EvidenceFile[]> {
  return (await db.selectFrom('task_evidence_files').select(metaColumns).where('task_id', '=', taskId).orderBy('id').execute()).map(toMeta);
}

/** one evidence document of this task, with its bytes */
export async function evidenceFile(db: Executor, taskId: number, fileId: number): Promise<(EvidenceFile & { bytes: Buffer }) | null> {
  const r = await db.selectFrom('task_evidence_files').select([...metaColumns, 'file_base64']).where('id', '=', fileId).where('task_id', '=', taskId).executeTakeFirst();
  return r ? { ...toMeta(r), bytes: Buffer.from(r.file_base64, 'base64') } : null;
}

export async function deleteEvidenceFile(db: Executor, fileId: number): Promise<void> {
  await db.deleteFrom('task_evidence_files').where('id', '=', fileId).execute();
}

/** the evidence documents of these tasks by task, names only (a task list links each one), oldest first */
export async function evidenceNamesOf(db: Executor, taskIds: number[]): Promise<Map<number, { id: number; fileName: string }[]>> {
  const out = new Map<number, { id: number; fileName: string }[]>();
  // chunks keep the parameter list within SQLite's and PostgreSQL's limits for a large programme
  for (let i = 0; i < taskIds.length; i += 900) {
    const rows = await db.selectFrom('task_evidence_files').select(['id', 'task_id', 'file_name']).where('task_id', 'in', taskIds.slice(i, i + 900)).orderBy('id').execute();
    for (const r of rows) out.set(r.task_id, [...(out.get(r.task_id) ?? []), { id: r.id, fileName: r.file_name }]);
  }
  return out;
}

/** how many evidence documents a task has */
export async function evidenceCountOf(db: Executor, taskId: number): Promise<number> {
  const r = await db.selectFrom('task_evidence_files').select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', '=', taskId).executeTakeFirstOrThrow();
  return Number(r.n);
}
