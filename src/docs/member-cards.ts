// Members' QR cards for studying resolutions: small cards (85 × 54 mm, the size of a bank card), ten to an A4
// page with cut marks; each has the member's name, unit, Party card number and the signed QR code the study
// session scanner reads.
import { A4 } from './dashboard-pdf.js';
import { drawQr, openPdf } from './pdf-kit.js';

export interface MemberCard {
  fullName: string;
  unitName: string;
  cardNumber: string | null;
  /** the signed payload of the QR code (DH1-M.<id>.<mac>) */
  code: string;
}

const MM = 72 / 25.4;
/** ISO/IEC 7810 ID-1, in PDF points */
export const CARD: [number, number] = [85.6 * MM, 54 * MM];
const COLUMNS = 2;
const ROWS = 5;
const RED = '#b71c1c';

/** where each card of a page goes: a 2 × 5 grid centred on A4 */
function slot(i: number): [number, number] {
  const [pw, ph] = A4;
  const x0 = (pw - COLUMNS * CARD[0]) / 2;
  const y0 = (ph - ROWS * CARD[1]) / 2;
  return [x0 + (i % COLUMNS) * CARD[0], y0 + Math.floor(i / COLUMNS) * CARD[1]];
}

function cutMarks(doc: PDFKit.PDFDocument) {
  const [pw, ph] = A4;
  const x0 = (pw - COLUMNS * CARD[0]) / 2;
  const y0 = (ph - ROWS * CARD[1]) / 2;
  doc.save().lineWidth(0.3).strokeColor('#999999').dash(2, { space: 2 });
  for (let c = 0; c <= COLUMNS; c++) doc.moveTo(x0 + c * CARD[0], y0 - 10).lineTo(x0 + c * CARD[0], y0 + ROWS * CARD[1] + 10).stroke();
  for (let r = 0; r <= ROWS; r++) doc.moveTo(x0 - 10, y0 + r * CARD[1]).lineTo(x0 + COLUMNS * CARD[0] + 10, y0 + r * CARD[1]).stroke();
  doc.undash().restore();
}

function card(doc: PDFKit.PDFDocument, m: MemberCard, orgName: string, x: number, y: number) {
  const [w, h] = CARD;
  const pad = 8;
  const qr = 112;
  const textW = w - qr - 3 * pad;
  doc.rect(x + 3, y + 3, w - 6, h - 6).lineWidth(0.8).strokeColor(RED).stroke();
  doc.font('bold').fontSize(6.5).fillColor(RED).text('ĐẢNG CỘNG SẢN VIỆT NAM', x + pad, y + pad, { width: textW });
  doc.font('regular').fontSize(6).fillColor('#000000').text(orgName.toUpperCase(), { width: textW, height: 16, ellipsis: true });
  doc.moveDown(0.25);
  doc.font('bold').fontSize(9).fillColor(RED).text('THẺ ĐIỂM DANH', { width: textW });
  doc.font('regular').fontSize(6.5).fillColor('#000000').text('Học tập, quán triệt nghị quyết', { width: textW });
  doc.moveDown(0.35);
  doc.font('bold').fontSize(10.5).fillColor('#000000').text(m.fullName, { width: textW, height: 30, ellipsis: true });
  doc.font('regular').fontSize(7).text(m.unitName, { width: textW, height: 30, ellipsis: true });
  doc.font('regular').fontSize(7).text(`Số thẻ đảng viên: ${m.cardNumber ?? '—'}`, x + pad, y + h - pad - 9, { width: textW, lineBreak: false });
  const qrX = x + w - pad - qr;
  const qrY = y + (h - qr - 8) / 2;
  drawQr(doc, m.code, qrX, qrY, qr);
  // the code in letters too: typed into the scanner page when a camera cannot read the QR
  doc.font('regular').fontSize(5).fillColor('#555555').text(m.code, qrX, qrY + qr, { width: qr, align: 'center', lineBreak: false });
}

export async function memberCardsPdf(orgName: string, members: readonly MemberCard[]): Promise<Buffer> {
  const { doc, done } = openPdf({ size: A4, margin: 0, autoFirstPage: false, info: { Title: `Thẻ điểm danh học tập nghị quyết — ${orgName}` } });
  const perPage = COLUMNS * ROWS;
  members.forEach((m, i) => {
    if (i % perPage === 0) {
      doc.addPage();
      cutMarks(doc);
    }
    const [x, y] = slot(i % perPage);
    card(doc, m, orgName, x, y);
  });
  if (!members.length) doc.addPage();
  doc.end();
  return done;
}
