// The election result report (báo cáo kết quả bầu cử) the congress's presidium sends the higher committee, in the
// Party's document format: the election's facts, the elected of every round with their profile and votes, and the
// composition of those elected (women, ethnic minorities, age, education, political theory) as Party reports give it.
import type { Composition } from '../modules/congress/congress.rules.js';
import { seatsSentence, thresholdSentence, type BallotFacts } from './counting-minutes.js';
import { body, centred, documentTitle, grid, heading, para, partyDocx, partyHeader, run, sideBySide, viDate, type Paragraph, type Table } from './party-document.js';

export interface ReportedPerson {
  fullName: string;
  /** from the member registry; null when the candidate was entered by name only */
  birthYear: string | null;
  female: boolean | null;
  ethnicity: string | null;
  education: string | null;
  theory: string | null;
  position: string | null;
  votes: number;
  percentOfBase: number;
  round: number;
}

/** the ballot facts are the first round's */
export interface ElectionReportInput extends BallotFacts {
  superiorBody: string | null;
  orgName: string;
  congressTitle: string;
  place: string;
  /** YYYY-MM-DD: the day the last round closed */
  date: string;
  /** what was elected, as it follows "bầu": "Ban Chấp hành", "đại biểu dự Đại hội cấp trên" */
  bodyName: string;
  delegation: boolean;
  rounds: number;
  elected: ReportedPerson[];
  alternates: ReportedPerson[];
  /** of those elected who are in the member registry */
  composition: Composition;
  profiled: number;
  unfilledSeats: number;
  unfilledAlternateSeats: number;
}

const pct = (n: number, total: number) => (total ? `${((n * 100) / total).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%` : '0%');
const pctOf = (n: number) => `${n.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
const count = (c: Composition, field: 'byGender' | 'byAgeBand' | 'byEducation' | 'byTheoryLevel', keys: string[]) => c[field].filter((b) => keys.includes(b.key)).reduce((n, b) => n + b.count, 0);

function people(list: ReportedPerson[], showRound: boolean): Table {
  return grid(
    ['TT', 'Họ và tên', 'Năm sinh', 'Nữ', 'Dân tộc', 'Chuyên môn', 'LLCT', 'Chức vụ', 'Số phiếu', 'Tỷ lệ'],
    list.map((p, i) => [
      String(i + 1),
      showRound && p.round > 1 ? `${p.fullName} (vòng ${p.round})` : p.fullName,
      p.birthYear ?? '—',
      p.female === null ? '—' : p.female ? 'x' : '',
      p.ethnicity ?? '—',
      p.education ?? '—',
      p.theory ?? '—',
      p.position ?? '—',
      String(p.votes),
      pctOf(p.percentOfBase),
    ]),
    [6, 19, 9, 6, 8, 11, 9, 16, 8, 8],
    ['center', 'left', 'center', 'center', 'left', 'left', 'left', 'left', 'right', 'right'],
  );
}

export async function electionReportDocx(m: ElectionReportInput): Promise<Buffer> {
  const out: (Paragraph | Table)[] = [];
  out.push(partyHeader({ superiorBody: m.orgName, issuingBody: 'Đoàn Chủ tịch Đại hội', symbol: 'Số      -BC/ĐCT', place: m.place, date: m.date }));
  out.push(...documentTitle('BÁO CÁO', `Kết quả bầu ${m.bodyName}`));
  if (m.superiorBody) out.push(centred(`Kính gửi: Ban Thường vụ ${m.superiorBody}`, { after: 120 }));
  out.push(body(`${m.congressTitle} đã tiến hành bầu ${m.bodyName} ${viDate(m.date)}${m.rounds > 1 ? `, qua ${m.rounds} lần bỏ phiếu` : ''}. Kết quả như sau:`));
  out.push(body(seatsSentence(m)));
  out.push(body(thresholdSentence(m)));
  out.push(body(`Lần bỏ phiếu thứ nhất: số phiếu phát ra ${m.ballotsIssued}, thu vào ${m.ballots.total}, hợp lệ ${m.ballots.valid}, không hợp lệ ${m.ballots.invalid}.`));

  out.push(heading(m.delegation ? 'I. Danh sách đại biểu trúng cử' : 'I. Danh sách người trúng cử'));
  if (m.delegation) out.push(para([run('1. Đại biểu chính thức', { italics: true })], { indent: true }));
  out.push(m.elected.length ? people(m.elected, m.rounds > 1) : body('Không có người trúng cử.'));
  if (m.delegation) {
    out.push(para([run('2. Đại biểu dự khuyết (theo thứ tự số phiếu, là thứ tự thay thế)', { italics: true })], { indent: true, before: 120 }));
    out.push(m.alternates.length ? people(m.alternates, m.rounds > 1) : body('Không có đại biểu dự khuyết trúng cử.'));
  }
  if (m.unfilledSeats + m.unfilledAlternateSeats > 0) {
    const missing = m.delegation ? `${m.unfilledSeats} đại biểu chính thức, ${m.unfilledAlternateSeats} đại biểu dự khuyết` : `${m.unfilledSeats} người`;
    out.push(body(`Số người trúng cử chưa đủ số lượng cần bầu (còn thiếu ${missing}).`));
  }

  const total = m.elected.length + m.alternates.length;
  out.push(heading('II. Cơ cấu những người trúng cử'));
  if (!m.profiled) out.push(body('Những người trúng cử chưa có hồ sơ đảng viên trong hệ thống; chưa tổng hợp được cơ cấu.'));
  else {
    const c = m.composition;
    const n = m.profiled;
    if (n < total) out.push(body(`Tổng hợp trên ${n}/${total} đồng chí có hồ sơ đảng viên trong hệ thống.`));
    out.push(body(`- Nữ: ${count(c, 'byGender', ['female'])} đồng chí (${pct(count(c, 'byGender', ['female']), n)}).`));
    out.push(body(`- Dân tộc thiểu số: ${c.ethnicMinority} đồng chí (${pct(c.ethnicMinority, n)}).`));
    out.push(body(`- Dưới 40 tuổi: ${count(c, 'byAgeBand', ['under_31', '31_40'])} đồng chí (${pct(count(c, 'byAgeBand', ['under_31', '31_40']), n)}); tuổi thấp nhất ${c.youngest ?? '—'}, cao nhất ${c.oldest ?? '—'}.`));
    out.push(body(`- Trình độ chuyên môn đại học trở lên: ${count(c, 'byEducation', ['bachelor', 'master', 'doctor'])} đồng chí (${pct(count(c, 'byEducation', ['bachelor', 'master', 'doctor']), n)}), trong đó sau đại học ${count(c, 'byEducation', ['master', 'doctor'])}.`));
    out.push(body(`- Lý luận chính trị cao cấp, cử nhân: ${count(c, 'byTheoryLevel', ['advanced', 'bachelor'])} đồng chí (${pct(count(c, 'byTheoryLevel', ['advanced', 'bachelor']), n)}); trung cấp: ${count(c, 'byTheoryLevel', ['intermediate'])}.`));
  }
  out.push(body('Biên bản kiểm phiếu của từng lần bỏ phiếu gửi kèm báo cáo này.'));
  out.push(
    sideBySide(
      [para([run('Nơi nhận:', { bold: true, italics: true, size: 24 })]), para([run('- Như trên,', { size: 22 })]), para([run('- Lưu Văn phòng.', { size: 22 })])],
      [centred('T/M ĐOÀN CHỦ TỊCH', { bold: true })],
    ),
  );
  return partyDocx(`Báo cáo kết quả bầu ${m.bodyName}`, out);
}
