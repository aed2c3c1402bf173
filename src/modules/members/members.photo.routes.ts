// A member's photo (ảnh 3×4) for delegate cards: upload (JPEG/PNG ≤ 2 MB, normalised to a small JPEG), read, remove.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, notFound } from '../../server/errors.js';
import { inTransaction, readContext } from '../../server/request-context.js';
import { IdParam } from '../../server/schemas.js';
import { recordAudit } from '../audit/audit.store.js';
import { getMember } from './members.store.js';
import { PHOTO_MAX_BYTES, isPhotoProblem, normalizeMemberPhoto, tooLarge, type PhotoProblem } from './members.photo.js';
import { deleteMemberPhoto, memberPhoto, saveMemberPhoto } from './members.photo.store.js';

const refuse = (p: PhotoProblem) => new AppError(p.code, p.code === 'PHOTO_TOO_LARGE' ? 413 : 400, p.message);

/** the uploaded file, read up to the size limit: a larger file is refused without reading the rest into memory */
async function uploadedPhoto(request: FastifyRequest): Promise<Buffer> {
  const file = await request.file({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } }).catch(() => undefined);
  if (!file) throw new AppError('FILE_REQUIRED', 400, 'Hãy chọn tệp ảnh (JPEG hoặc PNG) để tải lên.');
  try {
    return await file.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw refuse(tooLarge());
    throw e;
  }
}

/** a photo answered: personal data, not kept by shared caches; the web app adds ?v=<updatedAt> so a new photo shows at once */
export function sendPhoto(reply: FastifyReply, photo: { contentType: string; bytes: Buffer; updatedAt: string }) {
  return reply.type(photo.contentType).header('cache-control', 'private, max-age=300').header('last-modified', new Date(photo.updatedAt).toUTCString()).send(photo.bytes);
}

export async function memberPhotoRoutes(appBase: FastifyInstance, memberOrg: (r: FastifyRequest) => Promise<number>) {
  const app = appBase as TypedApp;

  app.put(
    '/api/members/:id/photo',
    {
      config: { access: { action: 'member.manage', org: memberOrg }, upload: { field: 'file', description: 'a JPEG or PNG photo, at most 2 MB' } },
      schema: {
        tags: ['members'],
        summary: 'Upload the member’s photo (multipart field "file": JPEG or PNG, at most 2 MB); stored cropped to 3:4, at most 300 × 400, as JPEG',
        params: IdParam,
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      const bytes = await uploadedPhoto(request);
      const photo = await normalizeMemberPhoto(bytes);
      if (isPhotoProblem(photo)) throw refuse(photo);
      return inTransaction(request, async (ctx) => {
        const m = await getMember(ctx.db, request.params.id);
        if (!m) throw notFound('đảng viên');
        await saveMemberPhoto(ctx.db, m.id, photo.jpeg, photo, ctx.now);
        const after = { width: photo.width, height: photo.height, byteSize: photo.jpeg.length, sourceType: photo.sourceType, sourceBytes: bytes.length };
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'member.photo.update', entity: 'member', entityId: m.id, orgId: m.orgId, after });
        return { width: photo.width, height: photo.height, byteSize: photo.jpeg.length, updatedAt: ctx.now };
      });
    },
  );

  app.get(
    '/api/members/:id/photo',
    {
      config: { access: { action: 'member.read', org: memberOrg } },
      schema: { tags: ['members'], summary: 'The member’s photo (JPEG); 404 when there is none', params: IdParam, produces: ['image/jpeg'] },
    },
    async (request, reply) => {
      const photo = await memberPhoto(readContext(request).db, request.params.id);
      if (!photo) throw notFound('ảnh của đảng viên');
      return sendPhoto(reply, photo);
    },
  );

  app.delete(
    '/api/members/:id/photo',
    { config: { access: { action: 'member.manage', org: memberOrg } }, schema: { tags: ['members'], summary: 'Remove the member’s photo', params: IdParam } },
    async (request) =>
      inTransaction(request, async (ctx) => {
        const m = await getMember(ctx.db, request.params.id);
        if (!m) throw notFound('đảng viên');
        const deleted = await deleteMemberPhoto(ctx.db, m.id);
        if (deleted) await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'member.photo.delete', entity: 'member', entityId: m.id, orgId: m.orgId });
        return { deleted };
      }),
  );
}
