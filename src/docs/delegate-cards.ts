// Delegate cards: one A6 page per delegate, the congress title, the delegate, and a QR code of their link.
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
}

/** A6 portrait in PDF points (105 × 148 mm) */
export const A6: [number, number] = [297.64, 419.53];

const classLabel = { official: 'ĐẠI BIỂU CHÍNH THỨC', alternate: 'ĐẠI BIỂU DỰ KHUYẾT' } as const;
const viDate = (iso: string) => iso.split('-').reverse().join('/');

export async function delegateCardsPdf(congress: CardCongress, delegates: readonly CardDelegate[]): Promise<Buffer> {
  const { doc, done } = openPdf({ size: A6, margin: 18, autoFirstPage: false, info: { Title: `Thẻ đại biểu — ${congress.title}` } });
  const [w] = A6;
  const inner = w - 36;
  for (const d of delegates) {
    doc.addPage();
    doc.rect(8, 8, w - 16, A6[1] - 16).lineWidth(1.5).strokeColor('#b71c1c').stroke();
    doc.font('bold').fontSize(9).fillColor('#b71c1c').text('ĐẢNG CỘNG SẢN VIỆT NAM', 18, 20, { width: inner, align: 'center' });
    doc.font('regular').fontSize(8.5).fillColor('#000000').text(congress.title.toUpperCase(), { width: inner, align: 'center' });
    doc.moveDown(0.4);
    doc.font('bold').fontSize(17).fillColor('#b71c1c').text('THẺ ĐẠI BIỂU', { width: inner, align: 'center' });
    doc.font('bold').fontSize(8.5).fillColor('#000000').text(classLabel[d.class], { width: inner, align: 'center' });
    doc.moveDown(0.3);
    doc.font('bold').fontSize(14).text(d.fullName, { width: inner, align: 'center' });
    if (d.unitName) doc.font('regular').fontSize(8.5).text(d.unitName, { width: inner, align: 'center' });
    doc.font('regular').fontSize(8.5).text(`Số thẻ: ${String(d.number).padStart(3, '0')}`, { width: inner, align: 'center' });
    const qrSize = 150;
    const qrY = Math.max(doc.y + 6, 200);
    drawQr(doc, d.url, (w - qrSize) / 2, qrY, qrSize);
    doc.font('regular').fontSize(6.5).fillColor('#444444').text('Quét mã để điểm danh và xem tài liệu đại hội', 18, qrY + qrSize + 3, { width: inner, align: 'center' });
    const when = congress.opensOn === congress.closesOn ? viDate(congress.opensOn) : `${viDate(congress.opensOn)} – ${viDate(congress.closesOn)}`;
    doc.font('regular').fontSize(7.5).fillColor('#000000').text([congress.venue, when].filter(Boolean).join(' · '), 18, A6[1] - 34, { width: inner, align: 'center' });
  }
  if (!delegates.length) doc.addPage();
  doc.end();
  return done;
}
