// How a congress document is answered: its text as JSON, or the file (or the text as a standalone HTML page) to download.
import type { FastifyReply } from 'fastify';
import type { getDocument } from './congress.room.store.js';

type Doc = NonNullable<Awaited<ReturnType<typeof getDocument>>>;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const disposition = (name: string) => `attachment; filename="tai-lieu"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function documentReply(reply: FastifyReply, doc: Doc, download: boolean) {
  if (!download) {
    const { fileBase64: _data, ...meta } = doc;
    return reply.send({ ...meta, kind: doc.fileName ? 'file' : 'text' });
  }
  if (doc.fileBase64 && doc.fileName) {
    return reply.type(doc.fileType ?? 'application/octet-stream').header('content-disposition', disposition(doc.fileName)).send(Buffer.from(doc.fileBase64, 'base64'));
  }
  // a rich-text document saved as one HTML file, readable offline on a phone
  const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(doc.title)}</title></head><body><h1>${escapeHtml(doc.title)}</h1>${doc.bodyHtml ?? ''}</body></html>`;
  return reply.type('text/html; charset=utf-8').header('content-disposition', disposition(`${doc.title}.html`)).send(page);
}
