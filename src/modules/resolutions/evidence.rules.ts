// Which files a task accepts as evidence (minh chứng), decided by their own bytes, not their name or declared type. Pure.

/** the largest evidence file: a scanned signed report of a few dozen pages, or a phone photo */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** evidence files per task: a record of what was done, not a document store */
export const MAX_EVIDENCE_FILES = 20;

export const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_TYPES;
const EXTENSIONS: Record<string, EvidenceKind> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', jpg: 'jpg', jpeg: 'jpg', png: 'png' };

export interface EvidenceProblem {
  code: 'EVIDENCE_EMPTY' | 'EVIDENCE_TOO_LARGE' | 'EVIDENCE_TYPE_REFUSED' | 'EVIDENCE_NAME_MISMATCH';
  message: string;
  details?: Record<string, unknown>;
}
export const isEvidenceProblem = (x: unknown): x is EvidenceProblem => typeof x === 'object' && x !== null && 'code' in x;

const ALLOWED = 'PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc PNG';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf8 = new TextDecoder();
const startsWith = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/**
 * The names of the entries of a ZIP archive, read from its central directory (at the end of the file), or null when
 * the bytes are no readable ZIP. DOCX and XLSX are both ZIPs; what is inside tells them apart.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record: 22 bytes, then a comment of at most 65535
  for (let eocd = bytes.length - 22; eocd >= 0 && eocd >= bytes.length - 22 - 65535; eocd--) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(at + 28, true);
      const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      if (at + 46 + nameLength > bytes.length) return null;
      names.push(utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
      at += 46 + skip;
    }
    return names;
  }
  return null;
}

/** the kind by the bytes: a PDF's "%PDF-" in its first 1024 bytes (where readers look), JPEG FF D8 FF, the PNG signature, a ZIP holding word/ or xl/ */
export function detectEvidenceKind(bytes: Uint8Array): EvidenceKind | null {
  if (String.fromCharCode(...bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names?.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

/**
 * The name kept for a file: the last part of what the browser sent (some send a path), in NFC (macOS sends Vietnamese
 * letters decomposed), without control characters, at most 200 characters; a name without a known extension gets the one
 * of its kind, so the downloaded file opens with the right program.
 */
export function evidenceFileName(sent: string | undefined, kind: EvidenceKind): string | EvidenceProblem {
  let name = (sent ?? '').split(/[\\/]/).pop()!.normalize('NFC').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const named = ext ? EXTENSIONS[ext] : undefined;
  if (named && named !== kind) {
    return { code: 'EVIDENCE_NAME_MISMATCH', message: `Tên tệp có đuôi .${ext} nhưng nội dung là tệp ${kind.toUpperCase()}; hãy đổi tên tệp cho đúng rồi tải lên lại.`, details: { extension: ext, detected: kind } };
  }
  if (!named) name = `${name || 'minh-chung'}.${kind}`;
  if (name.length > 200) name = name.slice(0, 200 - kind.length - 1) + '.' + (named ? ext : kind);
  return name;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

export const evidenceTooLarge = (size?: number): EvidenceProblem => ({
  code: 'EVIDENCE_TOO_LARGE',
  message: `Tệp minh chứng quá lớn${size ? ` (${megabytes(size)})` : ''}: tối đa ${megabytes(MAX_EVIDENCE_BYTES)} mỗi tệp.`,
  details: { max: MAX_EVIDENCE_BYTES, ...(size ? { size } : {}) },
});

/** the file as it will be stored, or why it is refused: not empty, at most MAX_EVIDENCE_BYTES, one of the accepted kinds by its bytes */
export function checkEvidenceFile(bytes: Uint8Array, sentName: string | undefined): { kind: EvidenceKind; contentType: string; fileName: string } | EvidenceProblem {
  if (!bytes.length) return { code: 'EVIDENCE_EMPTY', message: 'Tệp minh chứng trống.' };
  if (bytes.length > MAX_EVIDENCE_BYTES) return evidenceTooLarge(bytes.length);
  const kind = detectEvidenceKind(bytes);
  if (!kind) {
    const old = startsWith(bytes, OLE_SIGNATURE) ? ' Tệp Word/Excel đời cũ (.doc, .xls): hãy lưu lại dưới dạng .docx hoặc .xlsx.' : '';
    return { code: 'EVIDENCE_TYPE_REFUSED', message: `Chỉ nhận minh chứng là tệp ${ALLOWED}.${old}` };
  }
  const fileName = evidenceFileName(sentName, kind);
  if (isEvidenceProblem(fileName)) return fileName;
  return { kind, contentType: EVIDENCE_TYPES[kind], fileName };
}
