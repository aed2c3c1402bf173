// The counting minutes of an election (biên bản kiểm phiếu) with its result, in the Party's document format: ballots
// issued, collected, valid and invalid (with why), the base and the threshold, each candidate's votes as a share of the
// valid ballots and of the base, who is elected (RULES.md "Counting minutes"); signed by the counting committee.
import { body, documentTitle, grid, heading, partyDocx, partyHeader, sideBySide, centred, viTime, type Paragraph, type Table } from './party-document.js';

/** what both election documents state of a ballot: the seats, the list, the base and threshold, the ballots */
export interface BallotFacts {
  seats: number;
  alternateSeats: number;
  candidates: number;
  base: number;
  threshold: number;
  ballotsIssued: number;
  ballots: { total: number; valid: number; invalid: number };
}

export const seatsSentence = (m: BallotFacts): string =>
  m.alternateSeats > 0
    ? `Số lượng cần bầu: ${m.seats} đại biểu chính thức và ${m.alternateSeats} đại biểu dự khuyết; số người trong danh sách bầu cử: ${m.candidates}.`
    : `Số lượng cần bầu: ${m.seats}; số người trong danh sách bầu cử: ${m.candidates}.`;

// Điều lệ Đảng art. 12 (RULES.md "Threshold to be elected"), as the documents state it
export const thresholdSentence = (m: BallotFacts): string =>
  `Tổng số đại biểu (đảng viên) làm căn cứ tính kết quả: ${m.base}; người trúng cử phải được quá một nửa, tức ít nhất ${m.threshold} phiếu bầu.`;

export interface CountingMinutesInput extends BallotFacts {
  superiorBody: string | null;
  orgName: string;
  congressTitle: string;
  place: string;
  /** YYYY-MM-DD */
  date: string;
  closedAt: string;
  electionTitle: string;
  bodyName: string;
  round: number;
  mode: 'electronic' | 'paper';
  invalidBallots: { ballotNo: number; reasons: string[] }[];
  results: { fullName: string; votes: number; percentOfValid: number; percentOfBase: number; outcome: string }[];
  elected: string[];
  alternates: string[];
  /** what comes next when the result is not complete (a further round, the congress decides) */
  nextStep: string | null;
  /** the counting committee as the congress approved it (working bodies): who signs */
  countingCommittee: { head: string | null; members: string[] };
}

const pct = (n: number) => `${n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;

export const COUNTING_MINUTES_SYMBOL = 'Số      -BB/BKP';

export async function countingMinutesDocx(m: CountingMinutesInput): Promise<Buffer> {
  const out: (Paragraph | Table)[] = [];
  out.push(partyHeader({ superiorBody: m.orgName, issuingBody: 'Ban kiểm phiếu', symbol: COUNTING_MINUTES_SYMBOL, place: m.place, date: m.date }));
  out.push(...documentTitle('BIÊN BẢN KIỂM PHIẾU', `${m.electionTitle}${m.round > 1 ? ` — lần ${m.round}` : ''}`));
  out.push(body(`Tại ${m.congressTitle}, Ban kiểm phiếu đã tiến hành kiểm phiếu ${m.bodyName.toLowerCase()}; kết thúc bỏ phiếu lúc ${viTime(m.closedAt)}.`));
  out.push(body(m.mode === 'electronic' ? 'Hình thức: bỏ phiếu kín bằng phiếu điện tử trên thiết bị của đại biểu.' : 'Hình thức: bỏ phiếu kín bằng phiếu giấy.'));
  out.push(body(seatsSentence(m)));

  out.push(heading('I. Kết quả kiểm phiếu'));
  out.push(body(`Số phiếu phát ra: ${m.ballotsIssued} phiếu.`));
  out.push(body(`Số phiếu thu vào: ${m.ballots.total} phiếu.`));
  out.push(body(`Số phiếu hợp lệ: ${m.ballots.valid} phiếu.`));
  out.push(body(`Số phiếu không hợp lệ: ${m.ballots.invalid} phiếu.`));
  for (const b of m.invalidBallots) out.push(body(`- Phiếu số ${b.ballotNo}: ${b.reasons.join('; ')}`));
  out.push(body(thresholdSentence(m)));

  out.push(heading('II. Số phiếu bầu cho từng người'));
  out.push(
    grid(
      ['TT', 'Họ và tên', 'Số phiếu', '% phiếu hợp lệ', '% so với tổng số', 'Kết quả'],
      m.results.map((r, i) => [String(i + 1), r.fullName, String(r.votes), pct(r.percentOfValid), pct(r.percentOfBase), r.outcome]),
      [7, 35, 12, 15, 15, 16],
    ),
  );

  out.push(heading('III. Những người trúng cử'));
  if (!m.elected.length && !m.alternates.length) out.push(body('Không có người trúng cử.'));
  m.elected.forEach((n, i) => out.push(body(`${i + 1}. Đồng chí ${n}`)));
  if (m.alternates.length) {
    out.push(body('Đại biểu dự khuyết (theo thứ tự số phiếu):'));
    m.alternates.forEach((n, i) => out.push(body(`${i + 1}. Đồng chí ${n}`)));
  }
  if (m.nextStep) out.push(body(m.nextStep));

  out.push(body('Biên bản được lập thành 03 bản và được công bố trước đại hội.'));
  // signatures: the members on the left, the head on the right, each name under the space to sign
  const signed = (name: string) => centred(name, { before: 720 });
  out.push(
    sideBySide(
      [centred('CÁC THÀNH VIÊN BAN KIỂM PHIẾU', { bold: true }), ...m.countingCommittee.members.map(signed)],
      [centred('TRƯỞNG BAN KIỂM PHIẾU', { bold: true }), ...(m.countingCommittee.head ? [signed(m.countingCommittee.head)] : [])],
    ),
  );
  return partyDocx(`Biên bản kiểm phiếu — ${m.electionTitle}`, out);
}
