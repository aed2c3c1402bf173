// The minutes of a congress (biên bản đại hội) as DOCX, in the Party's document format (Hướng dẫn 36-HD/VPTW, 2018):
// A4 portrait; top left the superior body, the issuing body, a star, the number; top right "ĐẢNG CỘNG SẢN VIỆT NAM"
// (bold caps, underlined) and the place and date in italics; "BIÊN BẢN" in bold caps centred, then the summary line;
// body Times New Roman 14 pt (Word or LibreOffice substitute Liberation Serif / Tinos, metric-compatible).
import { body, documentTitle, heading, partyDocx, partyHeader, sideBySide, centred, viDate, viTime, type Paragraph, type Table } from './party-document.js';

export { placeOf } from './party-document.js';

export interface MinutesInput {
  superiorBody: string | null;
  orgName: string;
  title: string;
  kind: 'delegates' | 'members';
  term: string | null;
  venue: string | null;
  motto: string | null;
  opensOn: string;
  closesOn: string;
  place: string;
  sessions: { kind: 'preparatory' | 'official'; title: string | null; startsAt: string; endsAt: string | null }[];
  attendance: { convened: number; present: number; required: number; met: boolean; rule: string };
  delegates: { official: number; alternate: number; exOfficio: number };
  agenda: { title: string; status: string }[];
  speakers: { name: string; topic: string | null; status: string }[];
  replacements: { official: string; alternate: string; decidedBy: string | null; reason: string | null }[];
  /** the votes, elections and appointment decisions, one sentence each */
  decisions: string[];
  /** the working bodies with members, in order: "Đoàn Chủ tịch", the names ("(trưởng ban)" after the head), approved by vote or not */
  workingBodies: { title: string; members: string[]; approved: boolean }[];
}

/** the number and symbol of a congress's minutes: "Số -BB/ĐH" (the clerk fills the number) */
export const MINUTES_SYMBOL = 'Số      -BB/ĐH';

export function minutesParagraphs(m: MinutesInput): { header: Table; body: (Paragraph | Table)[] } {
  const header = partyHeader({ superiorBody: m.superiorBody, issuingBody: m.orgName, symbol: MINUTES_SYMBOL, place: m.place, date: m.closesOn });

  const out: Paragraph[] = [];
  out.push(...documentTitle('BIÊN BẢN', m.title));

  out.push(heading('I. Thời gian, địa điểm'));
  for (const s of m.sessions) {
    const name = s.title ?? (s.kind === 'preparatory' ? 'Phiên trù bị' : 'Phiên chính thức');
    out.push(body(`${name}: bắt đầu lúc ${viTime(s.startsAt)}${s.endsAt ? `, kết thúc lúc ${viTime(s.endsAt)}` : ''}.`));
  }
  // no session recorded: dots for the secretariat to fill in, never a time nobody gave
  if (!m.sessions.length) out.push(body(`Đại hội họp từ ${viDate(m.opensOn)}, bắt đầu lúc ..... giờ ....., kết thúc lúc ..... giờ ......`));
  out.push(body(`Địa điểm: ${m.venue ?? '....................'}.`));
  if (m.term) out.push(body(`Nhiệm kỳ: ${m.term}.`));
  if (m.motto) out.push(body(`Phương châm đại hội: "${m.motto}".`));

  out.push(heading(m.kind === 'delegates' ? 'II. Đại biểu dự đại hội' : 'II. Đảng viên dự đại hội'));
  if (m.kind === 'delegates') {
    out.push(body(`Tổng số đại biểu được triệu tập: ${m.attendance.convened} đồng chí (trong đó ${m.delegates.exOfficio} đại biểu đương nhiên); đại biểu dự khuyết: ${m.delegates.alternate} đồng chí.`));
    out.push(body(`Số đại biểu có mặt: ${m.attendance.present} đồng chí; vắng mặt: ${m.attendance.convened - m.attendance.present} đồng chí.`));
  } else {
    out.push(body(`Tổng số đảng viên chính thức được triệu tập: ${m.attendance.convened} đồng chí; có mặt: ${m.attendance.present} đồng chí; vắng mặt: ${m.attendance.convened - m.attendance.present} đồng chí.`));
  }
  for (const r of m.replacements) {
    out.push(body(`Đồng chí ${r.alternate} (đại biểu dự khuyết) thay thế đồng chí ${r.official}${r.reason ? ` (${r.reason})` : ''}${r.decidedBy ? `, do ${r.decidedBy} quyết định` : ''}.`));
  }
  out.push(
    body(
      m.attendance.met
        ? `Số có mặt đạt ${m.attendance.present}/${m.attendance.convened}, không thấp hơn ${m.attendance.rule} số được triệu tập (${m.attendance.required}); đại hội đủ điều kiện tiến hành.`
        : `Số có mặt (${m.attendance.present}/${m.attendance.convened}) chưa đạt ${m.attendance.rule} số được triệu tập (${m.attendance.required}).`,
    ),
  );

  out.push(heading('III. Chương trình và diễn biến đại hội'));
  const bodies = m.workingBodies.filter((b) => b.members.length);
  if (bodies.length) {
    out.push(body('Cơ quan giúp việc đại hội:'));
    for (const b of bodies) out.push(body(`- ${b.title} (${b.members.length} đồng chí${b.approved ? ', đại hội biểu quyết thông qua' : ''}): ${b.members.join(', ')}.`));
  }
  if (!m.agenda.length) out.push(body('....................'));
  m.agenda.forEach((a, i) => out.push(body(`${i + 1}. ${a.title}.`)));
  const spoke = m.speakers.filter((s) => s.status === 'done');
  if (spoke.length) {
    out.push(body(`Ý kiến phát biểu, thảo luận tại đại hội (${spoke.length} ý kiến):`));
    for (const s of spoke) out.push(body(`- Đồng chí ${s.name}${s.topic ? `: ${s.topic}` : ''}.`));
  }

  out.push(heading('IV. Các nội dung đại hội đã biểu quyết, bầu cử'));
  if (!m.decisions.length) out.push(body('(Ghi kết quả biểu quyết và bầu cử theo biên bản kiểm phiếu.) ....................'));
  m.decisions.forEach((d, i) => out.push(body(`${i + 1}. ${d}`)));

  out.push(body(`Biên bản được lập xong hồi ..... giờ ..... ${viDate(m.closesOn)}, đã thông qua trước đại hội.`));
  const sign = sideBySide([centred('THƯ KÝ ĐẠI HỘI', { bold: true })], [centred('T/M ĐOÀN CHỦ TỊCH', { bold: true })]);
  return { header, body: [...out, sign] };
}

export async function congressMinutesDocx(m: MinutesInput): Promise<Buffer> {
  const { header, body: content } = minutesParagraphs(m);
  return partyDocx(`Biên bản ${m.title}`, [header, ...content]);
}
