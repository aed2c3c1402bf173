// The credentials report (báo cáo thẩm tra tư cách đại biểu) the credentials committee presents to the congress, in the
// Party's document format: the legal basis, the delegates convened and present, their composition (category, gender,
// age, ethnicity, education, political theory, years in the Party), the delegates with an issue, the conclusion; signed
// by the committee's head (RULES.md "Delegates": the credentials committee reports on eligibility and composition).
import type { AGE_BANDS, Bucket, CongressKind, CredentialFlag, CredentialsReport, DelegateOrigin, PARTY_YEARS_BANDS, QuorumStatus } from '../modules/congress/congress.rules.js';
import { educationLabels, genderLabels, theoryLabels } from '../modules/members/members.rules.js';
import { body, centred, documentTitle, grid, heading, para, partyDocx, partyHeader, run, sideBySide, viDate, type Paragraph, type Table } from './party-document.js';

export interface CredentialsReportInput {
  orgName: string;
  congressTitle: string;
  kind: CongressKind;
  place: string;
  /** YYYY-MM-DD: the opening day, as of which the report counts */
  date: string;
  report: CredentialsReport;
  attendance: QuorumStatus & { rule: string; alternatesPresent: number };
  /** the congress's credentials committee (working bodies) */
  committee: { head: string | null; members: number; approved: boolean };
}

export const CREDENTIALS_REPORT_SYMBOL = 'Số      -BC/ĐH';
export const CREDENTIALS_COMMITTEE = 'Ban Thẩm tra tư cách đại biểu';
// no-break spaces: where the name must wrap (the header, the signature) it wraps as "BAN THẨM TRA / TƯ CÁCH ĐẠI BIỂU"
const WRAPPED_COMMITTEE = 'Ban Thẩm tra tư\u00a0cách\u00a0đại\u00a0biểu';

/** how the report names each category of delegate */
export const originLabels: Record<DelegateOrigin, string> = {
  ex_officio: 'Đại biểu đương nhiên (ủy viên cấp ủy triệu tập)',
  elected: 'Đại biểu do đại hội cấp dưới bầu',
  appointed: 'Đại biểu được chỉ định',
};
/** the age bands of ageBand(), in words */
export const ageBandLabels: Record<(typeof AGE_BANDS)[number], string> = {
  under_31: 'Từ 30 tuổi trở xuống',
  '31_40': 'Từ 31 đến 40 tuổi',
  '41_50': 'Từ 41 đến 50 tuổi',
  '51_60': 'Từ 51 đến 60 tuổi',
  over_60: 'Trên 60 tuổi',
};
/** the bands of partyYearsBand() (whole years since admission), in words */
export const partyYearsLabels: Record<(typeof PARTY_YEARS_BANDS)[number], string> = {
  under_10: 'Dưới 10 năm',
  '10_19': 'Từ 10 đến dưới 20 năm',
  '20_29': 'Từ 20 đến dưới 30 năm',
  '30_plus': 'Từ 30 năm trở lên',
};
export const credentialFlagLabels: Record<CredentialFlag, string> = {
  // Điều lệ Đảng art. 5: a probationary member has no right to vote, stand or elect
  probationary: 'Đảng viên dự bị (chưa có quyền biểu quyết, ứng cử, bầu cử)',
  member_left: 'Không còn sinh hoạt đảng (đã ra khỏi danh sách đảng viên)',
  eligibility_note: 'Có vấn đề về tư cách',
};
const UNKNOWN = 'Chưa rõ';

const percent = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const share = (n: number, total: number) => percent(total ? Math.round((n * 1000) / total) / 10 : 0);

/** one composition table: a row a bucket with its count and percent, then the total */
function compositionTable(buckets: readonly Bucket[], label: (key: string) => string, total: number): Table {
  return grid(
    ['TT', 'Cơ cấu', 'Số lượng', 'Tỷ lệ (%)'],
    [...buckets.map((b, i) => [String(i + 1), label(b.key), String(b.count), percent(b.percent)]), ['', 'Cộng', String(total), total ? '100' : '0']],
    [9, 55, 18, 18],
    ['center', 'left', 'right', 'right'],
  );
}

/** a table's title, its buckets, how a bucket is named, and what is said under it */
type CompositionTable = [string, Bucket[], (key: string) => string, Paragraph[]];
const labelOf = (labels: Record<string, string>) => (key: string) => labels[key] ?? UNKNOWN;
const subheading = (text: string): Paragraph => para([run(text, { italics: true, bold: true })], { indent: true, before: 120 });
/** a sentence under a table, set off from it */
const underTable = (text: string): Paragraph => para([run(text)], { indent: true, before: 80 });

export function credentialsReportContent(m: CredentialsReportInput): (Paragraph | Table)[] {
  const r = m.report;
  const a = m.attendance;
  const delegates = m.kind === 'delegates';
  const noun = delegates ? 'đại biểu' : 'đảng viên';
  const out: (Paragraph | Table)[] = [];
  out.push(partyHeader({ superiorBody: m.orgName, issuingBody: WRAPPED_COMMITTEE, symbol: CREDENTIALS_REPORT_SYMBOL, place: m.place, date: m.date }));
  out.push(...documentTitle('BÁO CÁO', `Thẩm tra tư cách đại biểu dự ${m.congressTitle}`));
  // the legal basis: Điều lệ Đảng and Quy chế bầu cử 190-QĐ/TW, which sets up the credentials committee
  const about = [...(m.committee.members ? [`gồm ${m.committee.members} đồng chí`] : []), ...(m.committee.approved ? ['do Đại hội biểu quyết thông qua'] : [])];
  const committee = `${CREDENTIALS_COMMITTEE}${about.length ? ` (${about.join(', ')})` : ''}`;
  out.push(body(`Căn cứ Điều lệ Đảng Cộng sản Việt Nam và Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 190-QĐ/TW, ${committee} đã tiến hành thẩm tra tư cách đại biểu dự Đại hội và báo cáo Đại hội như sau:`));

  out.push(heading(`I. Số lượng ${noun} được triệu tập và có mặt`));
  const exOfficio = r.byOrigin.find((b) => b.key === 'ex_officio')?.count ?? 0;
  if (delegates) {
    out.push(body(`Tổng số đại biểu được triệu tập: ${r.total} đồng chí, gồm ${r.official} đại biểu chính thức và ${r.alternate} đại biểu dự khuyết${exOfficio ? `; trong đó có ${exOfficio} đại biểu đương nhiên` : ''}.`));
  } else {
    out.push(body(`Tổng số đảng viên được triệu tập: ${r.total} đồng chí, trong đó ${a.convened} đảng viên chính thức.`));
  }
  const convened = `số ${noun} chính thức được triệu tập (${a.convened})`;
  if (a.present === 0) {
    out.push(body(`Số ${noun} có mặt tại Đại hội: ........ đồng chí (chưa có ${noun} nào điểm danh).`));
  } else {
    out.push(body(`Số ${noun} có mặt: ${a.present} đồng chí, bằng ${share(a.present, a.convened)}% ${convened}; vắng mặt: ${a.convened - a.present} đồng chí.`));
    if (delegates && a.alternatesPresent) out.push(body(`Đại biểu dự khuyết có mặt: ${a.alternatesPresent} đồng chí.`));
    // RULES.md "Quorum" (verify): at least the congress's share (two thirds by default) of the convened attend
    out.push(
      body(
        a.met
          ? `Số ${noun} có mặt không thấp hơn ${a.rule} ${convened}, Đại hội đủ điều kiện tiến hành.`
          : `Số ${noun} có mặt chưa đạt ${a.rule} ${convened}: cần ít nhất ${a.required} đồng chí.`,
      ),
    );
  }

  out.push(heading(`II. Cơ cấu ${noun} dự Đại hội`));
  out.push(body(`Tính đến ${viDate(r.asOf)} (ngày khai mạc Đại hội), trên tổng số ${r.total} ${noun} được triệu tập:`));
  // a members' congress has no categories of delegate: every member attends as a member
  const categories: CompositionTable[] = delegates ? [['Thành phần đại biểu', r.byOrigin, labelOf(originLabels), []]] : [];
  const tables: CompositionTable[] = [
    ...categories,
    ['Giới tính', r.byGender, labelOf(genderLabels), []],
    ['Độ tuổi', r.byAgeBand, labelOf(ageBandLabels), r.youngest === null ? [] : [underTable(`Tuổi thấp nhất: ${r.youngest}; tuổi cao nhất: ${r.oldest}.`)]],
    ['Dân tộc', r.byEthnicity, (key) => (key === 'unknown' ? UNKNOWN : key), [underTable(`${delegates ? 'Đại biểu' : 'Đảng viên'} là người dân tộc thiểu số: ${r.ethnicMinority} đồng chí (${share(r.ethnicMinority, r.total)}%).`)]],
    ['Trình độ học vấn, chuyên môn', r.byEducation, labelOf(educationLabels), []],
    ['Trình độ lý luận chính trị', r.byTheoryLevel, labelOf(theoryLabels), []],
    ['Tuổi đảng', r.byPartyYears, labelOf(partyYearsLabels), []],
  ];
  tables.forEach(([title, buckets, label, after], i) => out.push(subheading(`${i + 1}. ${title}`), compositionTable(buckets, label, r.total), ...after));

  out.push(heading(`III. Tư cách ${noun}`));
  const eligible = r.total - r.flagged.length;
  if (!r.flagged.length) {
    out.push(body(`Qua thẩm tra, tất cả ${r.total} ${noun} được triệu tập đều đủ tư cách ${noun} dự Đại hội; không có trường hợp nào vi phạm tư cách ${noun}.`));
  } else {
    out.push(body(`Qua thẩm tra, có ${r.flagged.length} trường hợp cần Đại hội xem xét về tư cách ${noun}:`));
    out.push(
      grid(
        ['TT', 'Họ và tên', 'Vấn đề về tư cách', 'Ý kiến của Ban Thẩm tra'],
        r.flagged.map((f, i) => [String(i + 1), f.fullName, f.flags.map((x) => credentialFlagLabels[x]).join('; '), f.note ?? 'Đề nghị Đại hội xem xét']),
        [8, 26, 33, 33],
        ['center', 'left', 'left', 'left'],
      ),
    );
    out.push(underTable(`Các đồng chí còn lại (${eligible} ${noun}) đủ tư cách ${noun} dự Đại hội.`));
  }

  out.push(heading('IV. Kết luận'));
  out.push(
    body(
      r.flagged.length
        ? `Ban Thẩm tra tư cách đại biểu đề nghị Đại hội xác nhận tư cách ${noun} của ${eligible} đồng chí; xem xét, quyết định đối với ${r.flagged.length} trường hợp nêu tại mục III; và biểu quyết thông qua báo cáo thẩm tra tư cách đại biểu.`
        : `Ban Thẩm tra tư cách đại biểu đề nghị Đại hội xác nhận tư cách ${noun} của ${r.total} đồng chí ${noun} dự Đại hội và biểu quyết thông qua báo cáo thẩm tra tư cách đại biểu.`,
    ),
  );
  const sign = [centred(`T/M ${WRAPPED_COMMITTEE.toUpperCase()}`, { bold: true, before: 240 }), centred('TRƯỞNG BAN', { bold: true }), ...(m.committee.head ? [centred(m.committee.head, { bold: true, before: 1200 })] : [])];
  out.push(sideBySide([para([])], sign));
  return out;
}

export async function credentialsReportDocx(m: CredentialsReportInput): Promise<Buffer> {
  return partyDocx(`Báo cáo thẩm tra tư cách đại biểu — ${m.congressTitle}`, credentialsReportContent(m));
}
