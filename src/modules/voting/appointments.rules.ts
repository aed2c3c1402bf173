// Appointment decisions (chỉ định): the members of each body a decision names. Pure, no I/O.
import type { RuleProblem } from '../congress/congress.rules.js';
import type { LeaderBody } from './elections.rules.js';

export interface Appointee {
  body: LeaderBody;
  memberId: number | null;
  fullName: string;
}

/** one person, whether chosen from the registry (their member id) or typed (the name, letter case and spacing aside) */
export function personKey(memberId: number | null, fullName: string): string {
  return memberId !== null ? `m${memberId}` : `n${fullName.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

const BODY_NAMES: Partial<Record<LeaderBody, string>> = {
  executive_committee: 'Ban Chấp hành',
  standing_committee: 'Ban Thường vụ',
  deputy_secretaries: 'Phó Bí thư',
  inspection_committee: 'Ủy ban Kiểm tra',
  inspection_deputies: 'Phó Chủ nhiệm Ủy ban Kiểm tra',
  delegation: 'đại biểu chính thức',
  delegation_alternate: 'đại biểu dự khuyết',
};

// RULES.md "Appointed committees (chỉ định)" ("Record: decision number, date, issuing body, members"): one secretary, one inspection chair
export function singleAppointeeProblem(members: readonly Appointee[]): RuleProblem | null {
  if (members.filter((m) => m.body === 'secretary').length > 1) return { code: 'APPOINTEE_SINGLE_SEAT', message: 'Quyết định chỉ định chỉ có một bí thư.' };
  if (members.filter((m) => m.body === 'inspection_chair').length > 1) return { code: 'APPOINTEE_SINGLE_SEAT', message: 'Chỉ có một chủ nhiệm ủy ban kiểm tra.' };
  return null;
}

// RULES.md "Appointed committees (chỉ định)": a decision names each member of a body once (a name twice would inflate the committee, the base of its elections)
export function duplicateAppointee(members: readonly Appointee[]): RuleProblem | null {
  const seen = new Map<string, string>();
  for (const m of members) {
    const key = `${m.body}:${personKey(m.memberId, m.fullName)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const where = BODY_NAMES[m.body] ?? (m.body === 'secretary' ? 'Bí thư' : 'Chủ nhiệm Ủy ban Kiểm tra');
      return { code: 'APPOINTEE_DUPLICATE', message: `Đồng chí ${first} có tên hai lần trong ${where} của quyết định.`, details: { body: m.body, fullName: first } };
    }
    seen.set(key, m.fullName.trim());
  }
  return null;
}
