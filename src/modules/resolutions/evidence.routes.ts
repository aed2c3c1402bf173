// A task's evidence documents (minh chứng): upload (PDF, DOCX, XLSX, JPEG, PNG ≤ 10 MB, checked by their bytes), list, download, remove.
import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, notFound } from '../../server/errors.js';
import { inTransaction, readContext } from '../../server/request-context.js';
import { IdParam } from '../../server/schemas.js';
import { recordAudit } from '../audit/audit.store.js';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, checkEvidenceFile, evidenceTooLarge, isEvidenceProblem, type EvidenceProblem } from './evidence.rules.js';
import { deleteEvidenceFile, evidenceCountOf, evidenceFile, evidenceFilesOf, insertEvidenceFile } from './evidence.store.js';
import { doneNeedsEvidence } from './resolutions.rules.js';
import { getTask } from './resolutions.store.js';
import { assertMayReportOnTask, taskRecord } from './task-access.js';

const FileParams = Type.Object({ id: Type.Integer({ minimum: 1 }), fileId: Type.Integer({ minimum: 1 }) });
const STATUS: Record<EvidenceProblem['code'], number> = { EVIDENCE_EMPTY: 400, EVIDENCE_TOO_LARGE: 413, EVIDENCE_TYPE_REFUSED: 415, EVIDENCE_NAME_MISMATCH: 400 };
const refuse = (p: EvidenceProblem) => new AppError(p.code, STATUS[p.code], p.message, p.details);

/** the uploaded file, read up to the size limit: a larger file is refused without reading the rest into memory */
async function uploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; name: string }> {
  const file = await request.file({ limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } }).catch(() => undefined);
  if (!file) throw new AppError('FILE_REQUIRED', 400, 'Hãy chọn tệp minh chứng (PDF, Word, Excel, ảnh JPEG hoặc PNG) để tải lên.');
  try {
    return { bytes: await file.toBuffer(), name: file.filename };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw refuse(evidenceTooLarge());
    throw e;
  }
}

/** RFC 6266: an ASCII stand-in for old clients, the real (Vietnamese) name in filename* */
const disposition = (name: string) => {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

export async function evidenceRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  const tags = ['resolutions'];
  // readers of the owner unit (the resolution's own unit is above it) see the evidence; writers are checked once more in the handler
  const ownerOrg = async (r: FastifyRequest) => (await taskRecord(r)).ownerOrgId;
  const read = { access: { action: 'resolution.read' as const, org: ownerOrg } };

  app.get(
    '/api/tasks/:id/evidence-files',
    { config: read, schema: { tags, summary: "A task's evidence documents (without their bytes), oldest first", params: IdParam } },
    async (request) => evidenceFilesOf(readContext(request).db, request.params.id),
  );

  app.post(
    '/api/tasks/:id/evidence-files',
    {
      config: {
        ...read,
        upload: {
          field: 'file',
          description: `One evidence document: PDF, Word (.docx), Excel (.xlsx), JPEG or PNG, recognised by its bytes (415 EVIDENCE_TYPE_REFUSED otherwise; 400 EVIDENCE_NAME_MISMATCH when its name's extension says another type), at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB (413 EVIDENCE_TOO_LARGE), not empty (400 EVIDENCE_EMPTY); at most ${MAX_EVIDENCE_FILES} per task (409 EVIDENCE_FILES_LIMIT)`,
        },
      },
      schema: {
        tags,
        summary: "Upload an evidence document of a task: the owner unit's office (resolution.manage) or the task's responsible account",
        params: IdParam,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      await assertMayReportOnTask(request, await taskRecord(request), 'tải lên được minh chứng');
      const upload = await uploadedFile(request);
      const checked = checkEvidenceFile(upload.bytes, upload.name);
      if (isEvidenceProblem(checked)) throw refuse(checked);
      const sha256 = crypto.createHash('sha256').update(upload.bytes).digest('hex');
      const saved = await inTransaction(request, async (ctx) => {
        const task = (await getTask(ctx.db, request.params.id))!;
        if ((await evidenceCountOf(ctx.db, task.id)) >= MAX_EVIDENCE_FILES) {
          throw new AppError('EVIDENCE_FILES_LIMIT', 409, `Mỗi nhiệm vụ có tối đa ${MAX_EVIDENCE_FILES} tệp minh chứng; hãy xóa bớt tệp cũ trước khi tải lên.`, { max: MAX_EVIDENCE_FILES });
        }
        const id = await insertEvidenceFile(ctx.db, task.id, { fileName: checked.fileName, contentType: checked.contentType, bytes: upload.bytes, sha256 }, ctx.actor, ctx.now);
        const meta = { id, fileName: checked.fileName, contentType: checked.contentType, byteSize: upload.bytes.length, sha256 };
        // the audit keeps what identifies the file, never its bytes
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'task.evidence.add', entity: 'resolution_task', entityId: task.id, orgId: task.ownerOrgId, after: meta });
        return { ...meta, taskId: task.id, uploadedAt: ctx.now, uploadedBy: ctx.actor.name, uploadedByUserId: ctx.actor.userId };
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/tasks/:id/evidence-files/:fileId',
    { config: read, schema: { tags, summary: 'Download an evidence document under its original name', params: FileParams } },
    async (request, reply) => {
      const f = await evidenceFile(readContext(request).db, request.params.id, request.params.fileId);
      if (!f) throw notFound('tệp minh chứng');
      // the stored type is the one its bytes were recognised as; browsers must not second-guess it
      return reply
        .type(f.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', disposition(f.fileName))
        .header('cache-control', 'private, no-store')
        .send(f.bytes);
    },
  );

  app.delete(
    '/api/tasks/:id/evidence-files/:fileId',
    { config: read, schema: { tags, summary: "Remove an evidence document: the owner unit's office or the task's responsible account; a done task keeps at least one piece of evidence", params: FileParams } },
    async (request) => {
      await assertMayReportOnTask(request, await taskRecord(request), 'xóa được minh chứng');
      await inTransaction(request, async (ctx) => {
        const task = (await getTask(ctx.db, request.params.id))!;
        const f = await evidenceFile(ctx.db, task.id, request.params.fileId);
        if (!f) throw notFound('tệp minh chứng');
        const left = (await evidenceCountOf(ctx.db, task.id)) - 1;
        const p = doneNeedsEvidence(task.status, task.evidence, left);
        if (p) throw new AppError('EVIDENCE_REQUIRED', 409, 'Nhiệm vụ đã hoàn thành cần giữ minh chứng: hãy ghi văn bản hoặc đường dẫn minh chứng, hoặc tải lên tệp khác, trước khi xóa tệp này.');
        await deleteEvidenceFile(ctx.db, f.id);
        const { bytes: _bytes, ...before } = f;
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'task.evidence.delete', entity: 'resolution_task', entityId: task.id, orgId: task.ownerOrgId, before });
      });
      return { ok: true };
    },
  );
}
