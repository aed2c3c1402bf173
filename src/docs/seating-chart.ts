// The seating chart of the congress hall (A4 landscape): the stage and the presidium table at the top, the rows of
// the hall below it by delegation, then the list of seats by delegation for the ushers.
import PDFDocument from 'pdfkit';
import { sansFonts } from './fonts.js';
import type { SeatingPlan } from '../modules/congress/congress.seating.rules.js';

export interface SeatingCongress {
  title: string;
  orgName: string;
  venue: string | null;
  opensOn: string;
}

/** A4 landscape in PDF points */
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = 28;
const ROW_LABEL = 44;
const SEAT_H = 30;
const UNIT_LABEL_H = 10;
const ROW_H = UNIT_LABEL_H + SEAT_H + 5;
/** light fills, one per delegation in turn, readable when printed in grey */
const FILLS = ['#fde2e1', '#e3f0fb', '#e6f4e4', '#fff3d6', '#efe4f6', '#e0f4f3'];
const viDate = (iso: string) => iso.split('-').reverse().join('/');

export async function seatingChartPdf(congress: SeatingCongress, plan: SeatingPlan): Promise<Buffer> {
  const fonts = sansFonts();
  const doc = new PDFDocument({ size: A4_LANDSCAPE, margin: MARGIN, autoFirstPage: false, info: { Title: `Sơ đồ chỗ ngồi — ${congress.title}`, Producer: 'daihoi' } });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const [W, H] = A4_LANDSCAPE;
  const inner = W - 2 * MARGIN;

  const header = (continued: boolean) => {
    doc.addPage();
    doc.font('bold').fontSize(9).fillColor('#b71c1c').text('ĐẢNG CỘNG SẢN VIỆT NAM', MARGIN, MARGIN, { width: inner, align: 'right' });
    doc.font('regular').fontSize(9).fillColor('#000000').text(congress.title.toUpperCase(), MARGIN, MARGIN + 12, { width: inner, align: 'center' });
    doc.font('bold').fontSize(14).text(continued ? 'SƠ ĐỒ CHỖ NGỒI (tiếp theo)' : 'SƠ ĐỒ CHỖ NGỒI ĐẠI BIỂU', { width: inner, align: 'center' });
    doc.font('regular').fontSize(8).fillColor('#444444').text([congress.venue, viDate(congress.opensOn), `${plan.seatsPerRow} ghế mỗi hàng; ghế số 1 ở bên trái khi nhìn lên Đoàn Chủ tịch`].filter(Boolean).join(' · '), { width: inner, align: 'center' });
    doc.fillColor('#000000');
    return doc.y + 8;
  };

  // ---- the stage and the presidium table
  let y = header(false);
  doc.rect(MARGIN + inner * 0.15, y, inner * 0.7, 16).fillAndStroke('#b71c1c', '#b71c1c');
  doc.font('bold').fontSize(9).fillColor('#ffffff').text('SÂN KHẤU', MARGIN, y + 4, { width: inner, align: 'center' });
  y += 22;
  const tableW = inner * 0.7;
  const names = plan.presidium.map((p) => `${p.fullName} (${String(p.number).padStart(3, '0')})`).join('   ·   ');
  doc.font('regular').fontSize(7.5);
  const namesH = names ? doc.heightOfString(names, { width: tableW - 16 }) : 9;
  const tableH = 16 + namesH + 6;
  doc.rect(MARGIN + (inner - tableW) / 2, y, tableW, tableH).lineWidth(1).fillAndStroke('#fff8e1', '#8d6e00');
  doc.font('bold').fontSize(8).fillColor('#000000').text(`BÀN ĐOÀN CHỦ TỊCH${plan.presidium.length ? ` (${plan.presidium.length})` : ''}`, MARGIN, y + 4, { width: inner, align: 'center' });
  doc.font('regular').fontSize(7.5).fillColor(names ? '#000000' : '#666666').text(names || 'chưa chọn', MARGIN + (inner - tableW) / 2 + 8, y + 15, { width: tableW - 16, align: 'center' });
  y += tableH + 12;

  // ---- the hall, row by row
  const seatW = (inner - ROW_LABEL) / plan.seatsPerRow;
  const rows = new Map<number, { block: number; unitName: string | null; d: SeatingPlan['blocks'][number]['delegates'][number] }[]>();
  plan.blocks.forEach((b, block) => b.delegates.forEach((d) => rows.set(d.row, [...(rows.get(d.row) ?? []), { block, unitName: b.unitName, d }])));
  for (let r = 1; r <= plan.rows; r++) {
    if (y + ROW_H > H - MARGIN) y = header(true);
    const seats = rows.get(r) ?? [];
    doc.font('bold').fontSize(8).fillColor('#000000').text(`Hàng ${r}`, MARGIN, y + UNIT_LABEL_H + SEAT_H / 2 - 5, { width: ROW_LABEL - 4 });
    // the delegation's name over its seats in this row
    for (let i = 0; i < seats.length; i++) {
      if (i > 0 && seats[i - 1].block === seats[i].block) continue;
      let j = i;
      while (j + 1 < seats.length && seats[j + 1].block === seats[i].block) j++;
      const x = MARGIN + ROW_LABEL + (seats[i].d.seat - 1) * seatW;
      const w = (seats[j].d.seat - seats[i].d.seat + 1) * seatW;
      doc.font('bold').fontSize(6.5).fillColor('#333333').text(seats[i].unitName ?? 'Đại biểu khác', x + 1, y, { width: w - 2, height: UNIT_LABEL_H, lineBreak: false, ellipsis: true });
    }
    for (let s = 1; s <= plan.seatsPerRow; s++) {
      const x = MARGIN + ROW_LABEL + (s - 1) * seatW;
      const taken = seats.find((x2) => x2.d.seat === s);
      doc.rect(x + 1, y + UNIT_LABEL_H, seatW - 2, SEAT_H).lineWidth(0.5).fillAndStroke(taken ? FILLS[taken.block % FILLS.length] : '#ffffff', '#999999');
      if (!taken) continue;
      doc.font('bold').fontSize(6.5).fillColor('#000000').text(`${String(taken.d.number).padStart(3, '0')}${taken.d.class === 'alternate' ? ' DK' : ''}`, x + 3, y + UNIT_LABEL_H + 2, { width: seatW - 6, lineBreak: false });
      doc.font('regular').fontSize(6).text(taken.d.fullName, x + 3, y + UNIT_LABEL_H + 10, { width: seatW - 6, height: SEAT_H - 11, ellipsis: true });
    }
    y += ROW_H;
  }
  if (!plan.rows) doc.font('regular').fontSize(10).fillColor('#666666').text('Chưa có đại biểu.', MARGIN, y, { width: inner, align: 'center' });

  // ---- the list by delegation, for the ushers
  const colX = [MARGIN, MARGIN + 60, MARGIN + 330, MARGIN + 380];
  const listHeader = () => {
    y = header(true);
    doc.font('bold').fontSize(11).fillColor('#000000').text('DANH SÁCH CHỖ NGỒI THEO ĐOÀN', MARGIN, y, { width: inner, align: 'center' });
    y = doc.y + 6;
  };
  if (plan.blocks.length) listHeader();
  for (const b of plan.blocks) {
    if (y + 30 > H - MARGIN) listHeader();
    doc.font('bold').fontSize(9).fillColor('#b71c1c').text(`${b.unitName ?? 'Đại biểu khác'} (${b.delegates.length})`, MARGIN, y, { width: inner });
    y = doc.y + 2;
    for (const d of b.delegates) {
      if (y + 11 > H - MARGIN) listHeader();
      doc.font('regular').fontSize(8).fillColor('#000000');
      doc.text(String(d.number).padStart(3, '0'), colX[0], y, { width: 55 });
      doc.text(`${d.fullName}${d.class === 'alternate' ? ' (dự khuyết)' : ''}`, colX[1], y, { width: 265, lineBreak: false, ellipsis: true });
      doc.text(`Hàng ${d.row}`, colX[2], y, { width: 50 });
      doc.text(`Ghế ${d.seat}`, colX[3], y, { width: 50 });
      y += 11;
    }
    y += 4;
  }
  doc.end();
  return done;
}
