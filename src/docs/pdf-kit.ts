// Building blocks of the PDFs daihoi prints with pdfkit: a document with the Vietnamese fonts registered
// ('regular', 'bold') that resolves to its bytes, and a QR code drawn as vector squares.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { sansFonts } from './fonts.js';

/** a pdfkit document with Noto Sans (or DejaVu) registered as 'regular' and 'bold'; `done` resolves when `doc.end()` has flushed */
export function openPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const fonts = sansFonts();
  const doc = new PDFDocument({ ...options, info: { Producer: 'daihoi', ...options.info } });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** the QR code drawn as vector squares on a white square with a quiet zone: sharp at any print size, no image decoding */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.01, cell + 0.01);
  }
  doc.fill().restore();
}
