import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCX_TYPE, MAX_DOCUMENT_FILE_BYTES, documentFileKind } from './congress.documents.rules.js';
import { isRuleProblem } from './congress.rules.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const kindOf = (type: string, size: number, head: Uint8Array) => {
  const r = documentFileKind(type, size, head);
  return isRuleProblem(r) ? r.code : r;
};

test('documentFileKind: PDF and DOCX by their type and their bytes; anything else refused with the reason', () => {
  const pdf = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj');
  const docx = bytes('PK\x03\x04\x14\x00\x06\x00');
  const cases: [string, string, number, Uint8Array, string][] = [
    ['a PDF', 'application/pdf', 1000, pdf, 'pdf'],
    ['a PDF, type in capitals', 'Application/PDF', 1000, pdf, 'pdf'],
    ['a PDF with bytes before its header (allowed in the first 1024)', 'application/pdf', 2000, bytes('\r\n\r\n%PDF-1.4'), 'pdf'],
    ['a PDF header past 1024 bytes', 'application/pdf', 3000, bytes(' '.repeat(1024) + '%PDF-1.4'), 'DOCUMENT_NOT_PDF'],
    ['text sent as a PDF', 'application/pdf', 11, bytes('hello world'), 'DOCUMENT_NOT_PDF'],
    ['an HTML page sent as a PDF', 'application/pdf', 30, bytes('<html><script>alert(1)</script>'), 'DOCUMENT_NOT_PDF'],
    ['a Word file', DOCX_TYPE, 5000, docx, 'docx'],
    ['a PDF sent as a Word file', DOCX_TYPE, 1000, pdf, 'DOCUMENT_NOT_DOCX'],
    ['an HTML page', 'text/html', 30, bytes('<html>'), 'DOCUMENT_TYPE_REFUSED'],
    ['an SVG image', 'image/svg+xml', 30, bytes('<svg>'), 'DOCUMENT_TYPE_REFUSED'],
    ['an old Word file (.doc)', 'application/msword', 1000, bytes('\xd0\xcf\x11\xe0'), 'DOCUMENT_TYPE_REFUSED'],
    ['exactly the limit', 'application/pdf', MAX_DOCUMENT_FILE_BYTES, pdf, 'pdf'],
    ['one byte over the limit', 'application/pdf', MAX_DOCUMENT_FILE_BYTES + 1, pdf, 'DOCUMENT_TOO_LARGE'],
    ['empty', 'application/pdf', 0, bytes(''), 'DOCUMENT_EMPTY'],
  ];
  for (const [name, type, size, head, expected] of cases) assert.equal(kindOf(type, size, head), expected, name);
  const refused = documentFileKind('text/html', 1, bytes('x'));
  assert.ok(isRuleProblem(refused) && /PDF hoặc Word/.test(refused.message));
});
