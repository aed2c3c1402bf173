// Delegate cards: one A6 page per delegate, the congress title, the delegate with their photo (ảnh 3×4), and a QR code of their link.
import { drawQr, openPdf } from './pdf-kit.js';

export interface CardCongress {
  title: string;
  venue: string | null;
  opensOn: string;
  closesOn: string;
}

export interface CardDelegate {
  number: number;
  fullName: string;
  unitName: string | null;
  class: 'official' | 'alternate';
  url: string;
  /** the member's photo (JPEG or PNG); without one the card has an empty 3 × 4 cm frame to glue a photo in */
  photo?: Buffer | null;
}

/** A6 portrait in PDF points (105 × 148 mm) */
export const A6: [number, number] = [297.64, 419.53];
const MM = 72 / 25.4;
/** the photo frame: 3 × 4 cm, the size of the ảnh 3×4 a member hands in */
export const PHOTO_FRAME = { width: 30 * MM, height: 40 * MM };

const classLabel = { official: 'ĐẠI BIỂU CHÍNH THỨC', alternate: 'ĐẠI BIỂU DỰ KHUYẾT' } as const;
const viDate = (iso: string) => iso.split('-').reverse().join('/');

function drawPhotoFrame(doc: PDFKit.PDFDocument, photo: Buffer | null | undefined, x: number, y: number) {
  const { width, height } = PHOTO_FRAME;
  if (photo) {
    doc.save().rect(x, y, width, height).clip();
    doc.image(photo, x, y, { cover: [width, height], align: 'center', valign: 'center' });
    doc.restore();
    doc.rect(x, y, width, height).lineWidth(0.6).strokeColor('#616161').stroke();
    return;
  }
  doc.rect(x, y, width, height).fillColor('#f5f5f5').fill();
  doc.save().rect(x, y, width, height).lineWidth(0.8).dash(3, { space: 2 }).strokeColor('#9e9e9e').stroke().restore();
  doc.font('regular').fontSize(7.5).fillColor('#9e9e9e').text('Ảnh 3 × 4', x, y + height / 2 - 5, { width, align: 'center' });
}

export async function delegateCardsPdf(congress: CardCongress, delegates: readonly CardDelegate[]): Promise<Buffer> {
  const { doc, done } = openPdf({ size: A6, margin: 18, autoFirstPage: false, info: { Title: `Thẻ đại biểu — ${congress.title}` } });
  const [w, h] = A6;
  const inner = w - 36;
  for (const d of delegates) {
    doc.addPage();
    doc.rect(8, 8, w - 16, h - 16).lineWidth(1.5).strokeColor('#b71c1c').stroke();
    doc.font('bold').fontSize(9).fillColor('#b71c1c').text('ĐẢNG CỘNG SẢN VIỆT NAM', 18, 20, { width: inner, align: 'center' });
    doc.font('regular').fontSize(8.5).fillColor('#000000').text(congress.title.toUpperCase(), { width: inner, align: 'center' });
    doc.moveDown(0.4);
    doc.font('bold').fontSize(17).fillColor('#b71c1c').text('THẺ ĐẠI BIỂU', { width: inner, align: 'center' });
    doc.font('bold').fontSize(8.5).fillColor('#000000').text(classLabel[d.class], { width: inner, align: 'center' });

    // the photo on the left, the delegate beside it, centred on the photo's height
    const rowY = doc.y + 8;
    const photoX = 26;
    drawPhotoFrame(doc, d.photo, photoX, rowY);
    const textX = photoX + PHOTO_FRAME.width + 12;
    const textW = w - 26 - textX;
    const number = `Số thẻ: ${String(d.number).padStart(3, '0')}`;
    const nameH = doc.font('bold').fontSize(13).heightOfString(d.fullName, { width: textW });
    const unitH = d.unitName ? doc.font('regular').fontSize(8.5).heightOfString(d.unitName, { width: textW }) + 3 : 0;
    const numberH = doc.font('regular').fontSize(8.5).heightOfString(number, { width: textW });
    const blockY = rowY + Math.max(0, (PHOTO_FRAME.height - (nameH + 4 + unitH + numberH)) / 2);
    doc.font('bold').fontSize(13).fillColor('#000000').text(d.fullName, textX, blockY, { width: textW });
    doc.y += 4;
    if (d.unitName) doc.font('regular').fontSize(8.5).text(d.unitName, textX, doc.y, { width: textW }).moveDown(0.2);
    doc.font('regular').fontSize(8.5).text(number, textX, doc.y, { width: textW });

    const qrY = Math.max(doc.y, rowY + PHOTO_FRAME.height) + 8;
    const qrSize = Math.max(100, Math.min(140, h - 48 - qrY - 12));
    drawQr(doc, d.url, (w - qrSize) / 2, qrY, qrSize);
    doc.font('regular').fontSize(6.5).fillColor('#444444').text('Quét mã để điểm danh và xem tài liệu đại hội', 18, qrY + qrSize + 3, { width: inner, align: 'center' });
    const when = congress.opensOn === congress.closesOn ? viDate(congress.opensOn) : `${viDate(congress.opensOn)} – ${viDate(congress.closesOn)}`;
    doc.font('regular').fontSize(7.5).fillColor('#000000').text([congress.venue, when].filter(Boolean).join(' · '), 18, h - 34, { width: inner, align: 'center' });
  }
  if (!delegates.length) doc.addPage();
  doc.end();
  return done;
}
