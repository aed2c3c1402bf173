// The printed ballot of an election (phiếu bầu cử) for the paper mode: the candidates in ballot order (alphabetical by
// given name), names to be crossed out on a list with surplus or agree / disagree boxes on a list without surplus
// (RULES.md "Results are computed on valid ballots"), and the space for the presidium's stamp, without which a ballot is
// invalid (RULES.md "Ballot validity"). A4 portrait, one ballot per page, in the Party's font.
import { createRequire } from 'node:module';
import { centred, grid, para, partyDocx, run, sideBySide, type Paragraph, type Table } from './party-document.js';

export interface ElectionBallotInput {
  /** the organisation holding the congress (top left) */
  orgName: string;
  congressTitle: string;
  /** "Bầu Ban Chấp hành" … */
  electionTitle: string;
  round: number;
  seats: number;
  alternateSeats: number;
  /** in ballot order */
  candidates: string[];
  /** no surplus: agree / disagree boxes; with surplus: names to be crossed out */
  boxes: boolean;
}

interface DocxBits {
  Table: new (options: object) => Table;
  TableRow: new (options: object) => object;
  TableCell: new (options: object) => object;
  BorderStyle: { SINGLE: 'single'; NONE: 'none' };
  WidthType: { PERCENTAGE: 'pct' };
  convertMillimetersToTwip(mm: number): number;
}
const docx = createRequire(import.meta.url)('docx') as DocxBits;

/** a framed empty box for the presidium's stamp, on the right */
function stampBox(): Table {
  const line = { style: docx.BorderStyle.SINGLE, size: 4, color: '000000' };
  const none = { style: docx.BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const cell = (children: Paragraph[], framed: boolean, width: number) =>
    new docx.TableCell({
      width: { size: width, type: docx.WidthType.PERCENTAGE },
      borders: framed ? { top: line, bottom: line, left: line, right: line } : { top: none, bottom: none, left: none, right: none },
      children,
    });
  return new docx.Table({
    width: { size: 100, type: docx.WidthType.PERCENTAGE },
    columnWidths: [65, 35].map((p) => Math.round((docx.convertMillimetersToTwip(165) * p) / 100)),
    rows: [
      new docx.TableRow({
        height: { value: docx.convertMillimetersToTwip(28), rule: 'atLeast' },
        children: [cell([para([run('')])], false, 65), cell([centred('Dấu của Đoàn Chủ tịch', { italics: true, size: 22, before: 60 })], true, 35)],
      }),
    ],
  });
}

export const seatsLine = (b: Pick<ElectionBallotInput, 'seats' | 'alternateSeats'>): string =>
  b.alternateSeats > 0 ? `Đại hội bầu ${b.seats} đại biểu chính thức và ${b.alternateSeats} đại biểu dự khuyết` : `Đại hội bầu ${b.seats} đồng chí`;

export async function electionBallotDocx(b: ElectionBallotInput): Promise<Buffer> {
  const out: (Paragraph | Table)[] = [];
  out.push(sideBySide([centred(b.orgName.toUpperCase(), { size: 26 }), centred(b.congressTitle, { bold: true, size: 24 })], [centred('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 28 })], 50));
  out.push(centred('PHIẾU BẦU CỬ', { bold: true, size: 36, before: 360 }));
  out.push(centred(`${b.electionTitle.replace(/^Bầu /, '').toUpperCase()}${b.round > 1 ? ` (LẦN ${b.round})` : ''}`, { bold: true, after: 60 }));
  out.push(centred(`(${seatsLine(b)})`, { italics: true, after: 240 }));
  const seats = b.seats + b.alternateSeats;
  if (b.boxes) {
    out.push(grid(['STT', 'Họ và tên', 'Đồng ý', 'Không đồng ý'], b.candidates.map((n, i) => [String(i + 1), n, '', '']), [10, 54, 18, 18], ['center', 'left', 'center', 'center']));
    out.push(para([run(`Đánh dấu (X) vào một ô "Đồng ý" hoặc "Không đồng ý" cho mỗi người; một tên đánh dấu cả hai ô hoặc không đánh dấu ô nào không được tính cho người đó.`, { italics: true, size: 24 })], { before: 200 }));
  } else {
    out.push(grid(['STT', 'Họ và tên'], b.candidates.map((n, i) => [String(i + 1), n]), [12, 88], ['center', 'left']));
    out.push(para([run(`Gạch ngang họ và tên người không bầu; phiếu giữ lại nhiều hơn ${seats} tên là phiếu không hợp lệ. Không ghi thêm tên, không ký hay đánh dấu riêng lên phiếu.`, { italics: true, size: 24 })], { before: 200 }));
  }
  out.push(stampBox());
  return partyDocx(`Phiếu bầu cử — ${b.electionTitle}`, out);
}
