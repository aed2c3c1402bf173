// Open votes (biểu quyết) and the bases votes are computed on: who counts, the majority, the result. Pure, no I/O.
import type { CongressKind, RuleProblem } from '../congress/congress.rules.js';

/** tán thành / không tán thành / ý kiến khác */
export const OPEN_VOTE_CHOICES = ['for', 'against', 'other'] as const;
export type OpenVoteChoice = (typeof OPEN_VOTE_CHOICES)[number];

/** what an open vote decides: the bodies and documents RULES.md lists as voted by show of hands */
export const OPEN_VOTE_SUBJECTS = [
  'presidium',
  'secretariat',
  'credentials_committee',
  'counting_committee',
  'agenda',
  'working_rules',
  'number_of_seats',
  'candidate_list',
  'report',
  'resolution',
  'other',
] as const;
export type OpenVoteSubject = (typeof OPEN_VOTE_SUBJECTS)[number];

// RULES.md "Bodies elected by show of hands": these are voted openly, never by secret ballot
export function isOpenVoteSubject(subject: string): subject is OpenVoteSubject {
  return (OPEN_VOTE_SUBJECTS as readonly string[]).includes(subject);
}

/** the choices a delegate is offered; "ý kiến khác" only where the question allows it */
export function openVoteChoices(allowsOther: boolean): OpenVoteChoice[] {
  return allowsOther ? ['for', 'against', 'other'] : ['for', 'against'];
}

// ---------------------------------------------------------------------------------------------
// The bases

/** one official delegate (delegates' congress) or official member (members' congress), as the base rules see them */
export interface BasePerson {
  /** attended the congress at some point (not absent for the whole congress) */
  attended: boolean;
  /** delegates' congress: a member of the convening committee (an ex-officio delegate) */
  conveningCommittee?: boolean;
  /** delegates' congress: an alternate stands in for this absent official delegate */
  replacedByAlternate?: boolean;
  /** members' congress: the group that takes an absent member off the base, if any */
  exclusion?: MemberExclusion | null;
}

/** members' congress: đảng viên sinh hoạt tạm thời nơi khác, miễn công tác và sinh hoạt, bị đình chỉ sinh hoạt, bị khởi tố/tạm giam, vắng mặt có lý do được chấp nhận */
export const MEMBER_EXCLUSIONS = ['attached_elsewhere', 'exempted', 'suspended', 'prosecuted_or_detained', 'absent_with_accepted_reason'] as const;
export type MemberExclusion = (typeof MEMBER_EXCLUSIONS)[number];

// Điều lệ Đảng art. 12; Quy chế bầu cử art. 32 (RULES.md "Threshold to be elected"): who is taken off the convened
export function isExcludedFromBase(kind: CongressKind, p: BasePerson): boolean {
  if (p.attended) return false; // a member of an excluded group who attends and votes still counts
  if (kind === 'delegates') return Boolean(p.conveningCommittee) || !p.replacedByAlternate;
  return p.exclusion != null;
}

/**
 * Điều lệ Đảng art. 12; Quy chế bầu cử art. 32: the base of the threshold — the official delegates (members)
 * convened, minus those RULES.md takes off (see isExcludedFromBase).
 */
export function electionBase(kind: CongressKind, convened: readonly BasePerson[]): number {
  return convened.filter((p) => !isExcludedFromBase(kind, p)).length;
}

/** the number a question is decided against, with what it is */
export interface VoteBase {
  /** convened: all official delegates (members) convened; electionBase: minus the exclusions of art. 12; present: those attending; cast: the votes cast */
  kind: 'convened' | 'electionBase' | 'present' | 'cast';
  size: number;
}

// ---------------------------------------------------------------------------------------------
// The majority

/** "more than n/d of the base"; (verify) in RULES.md, so configurable per congress */
export interface MajorityRule {
  numerator: number;
  denominator: number;
  base: VoteBase['kind'];
}
/** RULES.md "Open votes on reports and the resolution" (verify): more than half of the official delegates (members) */
export const DEFAULT_OPEN_VOTE_RULE: MajorityRule = { numerator: 1, denominator: 2, base: 'convened' };

// Điều lệ Đảng art. 12: "more than half" — the fewest votes strictly above n/d of the base
export function majorityRequired(baseSize: number, rule: Pick<MajorityRule, 'numerator' | 'denominator'> = DEFAULT_OPEN_VOTE_RULE): number {
  return Math.floor((baseSize * rule.numerator) / rule.denominator) + 1;
}

export interface OpenVoteCounts {
  for: number;
  against: number;
  other: number;
}

export interface OpenVoteResult {
  counts: OpenVoteCounts;
  cast: number;
  base: VoteBase;
  required: number;
  adopted: boolean;
  /** percent of the base, two decimals */
  percentOfBase: OpenVoteCounts;
}

const percent = (n: number, of: number) => (of > 0 ? Math.round((n * 10000) / of) / 100 : 0);

/** counts the votes cast on the phones (one per delegate: the database enforces it) */
export function countOpenVotes(choices: readonly OpenVoteChoice[]): OpenVoteCounts {
  const counts: OpenVoteCounts = { for: 0, against: 0, other: 0 };
  for (const c of choices) counts[c] += 1;
  return counts;
}

/** the counts entered by hand are possible: whole numbers, no "other" where not allowed, no more votes than voters present */
export function openVoteCountsProblem(counts: OpenVoteCounts, allowsOther: boolean, present: number): RuleProblem | null {
  const all = [counts.for, counts.against, counts.other];
  if (!all.every((n) => Number.isInteger(n) && n >= 0)) return { code: 'COUNT_INVALID', message: 'Số phiếu phải là số nguyên không âm.' };
  if (!allowsOther && counts.other > 0) return { code: 'OTHER_NOT_ALLOWED', message: 'Câu hỏi này không có lựa chọn "ý kiến khác".' };
  const cast = counts.for + counts.against + counts.other;
  if (cast > present) {
    return { code: 'MORE_VOTES_THAN_PRESENT', message: `Tổng số biểu quyết (${cast}) nhiều hơn số đại biểu có mặt (${present}).`, details: { cast, present } };
  }
  return null;
}

/** the base a rule asks for, out of the congress's numbers */
export function pickVoteBase(rule: MajorityRule, numbers: { convened: number; electionBase: number; present: number }, cast: number): VoteBase {
  const size = rule.base === 'cast' ? cast : numbers[rule.base];
  return { kind: rule.base, size };
}

// RULES.md "Open votes on reports and the resolution" (verify); Điều lệ Đảng art. 12: adopted with more than half of the base in favour
export function openVoteResult(counts: OpenVoteCounts, base: VoteBase, rule: MajorityRule = DEFAULT_OPEN_VOTE_RULE): OpenVoteResult {
  const cast = counts.for + counts.against + counts.other;
  const required = majorityRequired(base.size, rule);
  return {
    counts: { ...counts },
    cast,
    base: { ...base },
    required,
    adopted: base.size > 0 && counts.for >= required,
    percentOfBase: { for: percent(counts.for, base.size), against: percent(counts.against, base.size), other: percent(counts.other, base.size) },
  };
}
