// Congress documents: their rich text made safe to show, a Word file turned into it, and how a document is answered
// (its text as JSON, or the file — or the text as a standalone HTML page — to download).
import type { FastifyReply } from 'fastify';
import mammoth from 'mammoth';
import sanitizeHtml from 'sanitize-html';
import type { getDocument } from './congress.room.store.js';
import { DOCUMENT_FILE_TYPES } from './congress.documents.rules.js';

type Doc = NonNullable<Awaited<ReturnType<typeof getDocument>>>;

/** what a document's rich text may hold: the structure of a report (headings, emphasis, lists, tables, links), nothing that runs or loads */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'span'],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'], col: ['span'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // a link opens outside the reader, and gives the page it opens no handle on this one
  transformTags: { a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }) },
  allowedSchemesAppliedToAttributes: ['href'],
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'head'],
};
// the transform adds target/rel; let them through on links only
SANITIZE.allowedAttributes = { ...(SANITIZE.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'target', 'rel'] };

/** the rich text as stored and served: scripts, event handlers, styles, frames, forms and javascript: links removed */
export function sanitizeDocumentHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE).trim();
}

/** whether the rich text says anything once its tags are gone */
export const hasText = (html: string) => sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, '').length > 0;

/** a Word file's text as rich text (headings, emphasis, lists, tables kept; images left out: the phones read text) */
export async function docxToHtml(docx: Buffer): Promise<string> {
  const r = await mammoth.convertToHtml({ buffer: docx }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
  return sanitizeDocumentHtml(r.value);
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const disposition = (name: string) => `attachment; filename="tai-lieu"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function documentReply(reply: FastifyReply, doc: Doc, download: boolean) {
  // a browser never second-guesses the declared type of what it is sent here (a file uploaded before the checks included)
  reply.header('x-content-type-options', 'nosniff');
  // rich text stored before it was sanitised on the way in is made safe on the way out
  const bodyHtml = doc.bodyHtml === null ? null : sanitizeDocumentHtml(doc.bodyHtml);
  if (!download) {
    const { fileBase64: _data, ...meta } = doc;
    return reply.send({ ...meta, bodyHtml, kind: doc.fileName ? 'file' : 'text' });
  }
  if (doc.fileBase64 && doc.fileName) {
    const type = doc.fileType && doc.fileType in DOCUMENT_FILE_TYPES ? doc.fileType : 'application/octet-stream';
    return reply.type(type).header('content-disposition', disposition(doc.fileName)).send(Buffer.from(doc.fileBase64, 'base64'));
  }
  // a rich-text document saved as one HTML file, readable offline on a phone
  const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(doc.title)}</title></head><body><h1>${escapeHtml(doc.title)}</h1>${bodyHtml ?? ''}</body></html>`;
  return reply.type('text/html; charset=utf-8').header('content-disposition', disposition(`${doc.title}.html`)).send(page);
}
