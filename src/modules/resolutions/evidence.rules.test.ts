import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { xlsxOf } from '../../server/test-fixtures.js';
import { MAX_EVIDENCE_BYTES, checkEvidenceFile, detectEvidenceKind, evidenceFileName, zipEntryNames } from './evidence.rules.js';

const pdf = Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1');
const code = (x: unknown) => (x as { code?: string }).code ?? null;

describe('evidence files: the kind by the bytes', () => {
  it('reads the entries of a ZIP from its central directory', async () => {
    const names = zipEntryNames(await xlsxOf([['a']]))!;
    assert.ok(names.includes('xl/workbook.xml') && names.includes('[Content_Types].xml'), names.join());
    assert.equal(zipEntryNames(Buffer.from('PK\x03\x04 truncated', 'latin1')), null);
    assert.equal(zipEntryNames(Buffer.alloc(0)), null);
  });

  it('knows each accepted kind and nothing else', async () => {
    const cases: [string, Uint8Array, string | null][] = [
      ['PDF', pdf, 'pdf'],
      ['PDF with a few bytes before its header (as readers allow)', Buffer.concat([Buffer.from('\r\n\r\n'), pdf]), 'pdf'],
      ['PDF header past the first 1024 bytes', Buffer.concat([Buffer.alloc(1100, 32), pdf]), null],
      ['XLSX', await xlsxOf([['a']]), 'xlsx'],
      ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'jpg'],
      ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'png'],
      ['PNG signature cut short', Buffer.from([0x89, 0x50, 0x4e, 0x47]), null],
      ['GIF', Buffer.from('GIF89a', 'latin1'), null],
      ['text', Buffer.from('Quyết định số 12'), null],
      ['a ZIP that is no Office file', Buffer.from('PK\x03\x04 not an archive', 'latin1'), null],
    ];
    for (const [name, bytes, kind] of cases) assert.equal(detectEvidenceKind(bytes), kind, name);
  });

  it('keeps the name the user gave, in NFC, and gives a bare name its extension', () => {
    assert.equal(evidenceFileName('Báo cáo.pdf'.normalize('NFD'), 'pdf'), 'Báo cáo.pdf'.normalize('NFC'));
    assert.equal(evidenceFileName('C:\\fakepath\\Biên bản.PDF', 'pdf'), 'Biên bản.PDF');
    assert.equal(evidenceFileName('anh.jpeg', 'jpg'), 'anh.jpeg');
    assert.equal(evidenceFileName('scan', 'png'), 'scan.png');
    assert.equal(evidenceFileName('', 'pdf'), 'minh-chung.pdf');
    assert.equal(evidenceFileName('ban "goc"\u0007.docx', 'docx'), 'ban goc.docx');
    assert.equal(evidenceFileName('bao-cao.v2', 'pdf'), 'bao-cao.v2.pdf');
    assert.equal(code(evidenceFileName('anh.pdf', 'png')), 'EVIDENCE_NAME_MISMATCH');
    const long = evidenceFileName(`${'Nghị quyết '.repeat(30)}.xlsx`, 'xlsx') as string;
    assert.ok(long.length <= 200 && long.endsWith('.xlsx'), long);
  });

  it('refuses the empty, the too large and the unknown', () => {
    assert.equal(code(checkEvidenceFile(Buffer.alloc(0), 'a.pdf')), 'EVIDENCE_EMPTY');
    assert.equal(code(checkEvidenceFile(Buffer.concat([pdf, Buffer.alloc(MAX_EVIDENCE_BYTES)]), 'a.pdf')), 'EVIDENCE_TOO_LARGE');
    assert.equal(code(checkEvidenceFile(Buffer.from('hello'), 'a.pdf')), 'EVIDENCE_TYPE_REFUSED');
    assert.deepEqual(checkEvidenceFile(pdf, 'QĐ 12.pdf'), { kind: 'pdf', contentType: 'application/pdf', fileName: 'QĐ 12.pdf' });
  });
});
