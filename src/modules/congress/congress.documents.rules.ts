// Which files the congress documents accept, decided by their bytes as well as their declared type. Pure.
import type { RuleProblem } from './congress.rules.js';

/** the largest attached file: a PDF of the political report with its photos, read on a phone (the web app says the same) */
export const MAX_DOCUMENT_FILE_BYTES = 25 * 1024 * 1024;

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** PDF is kept as it is; a Word file (DOCX) becomes a rich-text document, readable on phones and paged on the hall screen */
export const DOCUMENT_FILE_TYPES = { 'application/pdf': 'pdf', [DOCX_TYPE]: 'docx' } as const;
export type DocumentFileKind = (typeof DOCUMENT_FILE_TYPES)[keyof typeof DOCUMENT_FILE_TYPES];

/**
 * The kind of an attached file, or why it is refused: the declared type must be PDF or DOCX, the size at most
 * MAX_DOCUMENT_FILE_BYTES, and the bytes must be what the type says — a PDF has its "%PDF-" header in its first
 * 1024 bytes (where readers look for it), a DOCX is a ZIP ("PK\x03\x04") — so a page or a script renamed .pdf is not served as one.
 */
export function documentFileKind(declaredType: string, size: number, head: Uint8Array): DocumentFileKind | RuleProblem {
  const kind = (DOCUMENT_FILE_TYPES as Record<string, DocumentFileKind>)[declaredType.toLowerCase()];
  if (!kind) return { code: 'DOCUMENT_TYPE_REFUSED', message: 'Chỉ nhận tệp PDF hoặc Word (.docx).', details: { type: declaredType } };
  if (size > MAX_DOCUMENT_FILE_BYTES) return { code: 'DOCUMENT_TOO_LARGE', message: `Tệp quá lớn: tối đa ${MAX_DOCUMENT_FILE_BYTES / 1024 / 1024} MB.`, details: { size, max: MAX_DOCUMENT_FILE_BYTES } };
  if (size === 0) return { code: 'DOCUMENT_EMPTY', message: 'Tệp đính kèm trống.' };
  const text = Buffer.from(head.subarray(0, 1024)).toString('latin1');
  if (kind === 'pdf' && !text.includes('%PDF-')) return { code: 'DOCUMENT_NOT_PDF', message: 'Tệp không phải là PDF (nội dung tệp không đúng định dạng PDF).' };
  if (kind === 'docx' && !text.startsWith('PK\x03\x04')) return { code: 'DOCUMENT_NOT_DOCX', message: 'Tệp không phải là tệp Word .docx.' };
  return kind;
}
