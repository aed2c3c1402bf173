// What the congress decided, in the words of its minutes: the closed votes, the elections and the appointment decisions.
import type { Executor } from '../../db/types.js';
import { appointmentsOf, listElections, listOpenVotes, type LeaderBody } from './voting.store.js';

const BASE_NAME = { convened: 'số được triệu tập', electionBase: 'tổng số làm căn cứ', present: 'số có mặt', cast: 'số phiếu biểu quyết' } as const;
const BODY_NAME: Record<LeaderBody, string> = {
  executive_committee: 'Ban Chấp hành',
  standing_committee: 'Ban Thường vụ',
  secretary: 'Bí thư',
  deputy_secretaries: 'Phó Bí thư',
  inspection_committee: 'Ủy ban Kiểm tra',
  inspection_chair: 'Chủ nhiệm Ủy ban Kiểm tra',
  inspection_deputies: 'Phó Chủ nhiệm Ủy ban Kiểm tra',
  delegation: 'Đại biểu chính thức dự đại hội cấp trên',
  delegation_alternate: 'Đại biểu dự khuyết dự đại hội cấp trên',
};
const pct = (n: number) => `${n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
const viDay = (iso: string) => iso.split('-').reverse().join('/');

export async function congressDecisions(db: Executor, congressId: number): Promise<string[]> {
  const [votes, elections, appointments] = await Promise.all([listOpenVotes(db, congressId), listElections(db, congressId), appointmentsOf(db, congressId)]);
  const out: string[] = [];
  for (const v of votes) {
    if (v.status !== 'closed' || !v.result) continue;
    const r = v.result;
    out.push(
      `${v.question}: ${r.counts.for} tán thành (${pct(r.percentOfBase.for)}), ${r.counts.against} không tán thành${r.counts.other ? `, ${r.counts.other} ý kiến khác` : ''} trên ${BASE_NAME[r.base.kind]} ${r.base.size}; ` +
        `${r.adopted ? 'đã được thông qua' : 'chưa được thông qua'} (cần ít nhất ${r.required}).`,
    );
  }
  for (const e of elections) {
    if (e.status !== 'closed' || !e.tally) continue;
    const name = new Map(e.candidates.map((c) => [c.id, c.fullName]));
    const elected = e.tally.elected.map((id) => `${name.get(id)} (${e.tally!.candidates.find((c) => c.candidateId === id)!.votes} phiếu)`);
    const alternates = e.tally.alternates.map((id) => name.get(id));
    out.push(
      `${e.title}${e.round > 1 ? ` (lần ${e.round})` : ''}: ${e.tally.ballots.total} phiếu thu vào, ${e.tally.ballots.valid} hợp lệ; ` +
        `trúng cử: ${elected.join(', ') || 'không có'}${alternates.length ? `; dự khuyết: ${alternates.join(', ')}` : ''}.`,
    );
  }
  for (const a of appointments) {
    const bodies = [...new Set(a.members.map((m) => m.body))];
    const parts = bodies.map((b) => {
      const names = a.members.filter((m) => m.body === b).map((m) => m.fullName);
      return names.length > 3 ? `${BODY_NAME[b]} gồm ${names.length} đồng chí` : `${BODY_NAME[b]}: ${names.join(', ')}`;
    });
    out.push(`Công bố Quyết định số ${a.decisionNumber} ngày ${viDay(a.decisionDate)} của ${a.issuer} chỉ định ${parts.join('; ')}.`);
  }
  return out;
}
