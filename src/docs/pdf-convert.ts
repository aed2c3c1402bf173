// DOCX → PDF with LibreOffice (Debian: libreoffice-writer-nogui), so the PDF is the very document the DOCX is.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../server/errors.js';

const run = promisify(execFile);
const CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];

export function libreOfficePath(): string | null {
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/** converts with a private profile directory, so conversions can run side by side and never touch a user's profile */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = libreOfficePath();
  if (!soffice) throw new AppError('PDF_CONVERTER_MISSING', 501, 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản DOCX, hoặc cài gói libreoffice-writer-nogui.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'document.docx'), docx);
    await run(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'document.docx')], { timeout: 120_000 });
    return fs.readFileSync(path.join(dir, 'document.pdf'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
