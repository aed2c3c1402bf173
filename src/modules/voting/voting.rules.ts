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

// ---------------------------------------------------------------------------------------------
// Who votes, and the life of a vote

/** a delegate as the voting rules see them */
export interface VoterDelegate {
  class: 'official' | 'alternate';
  status: 'active' | 'replaced' | 'withdrawn';
  /** members' congress: a probationary member attends without a vote */
  probationary: boolean;
  present: boolean;
  /** an alternate standing in for an absent official delegate */
  replacing: boolean;
}

// Điều lệ Đảng art. 12 (RULES.md "Delegates", "Threshold"): official delegates present, or an alternate standing in for one; probationary members do not vote
export function isEligibleVoter(kind: CongressKind, d: VoterDelegate): boolean {
  if (!d.present || d.status !== 'active') return false;
  if (kind === 'members' && d.probationary) return false;
  return d.class === 'official' || d.replacing;
}

export const POLL_STATUSES = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

/** a vote or an election moves draft → open → closed, never back: a closed result cannot change */
export function pollTransitionProblem(from: PollStatus, to: PollStatus): RuleProblem | null {
  if (from === 'draft' && to === 'open') return null;
  if (from === 'open' && to === 'closed') return null;
  if (from === 'closed') return { code: 'POLL_CLOSED', message: 'Cuộc biểu quyết / bầu cử đã kết thúc; kết quả không thể thay đổi.' };
  if (to === 'open') return { code: 'POLL_ALREADY_OPEN', message: 'Cuộc biểu quyết / bầu cử đang mở.' };
  return { code: 'POLL_NOT_OPEN', message: 'Cuộc biểu quyết / bầu cử chưa mở.' };
}

/** the receipt a voter keeps: 10 characters from an unambiguous alphabet (no 0/O, 1/I/L), grouped 5-5 */
const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function receiptCode(bytes: Uint8Array): string {
  if (bytes.length < 10) throw new Error('receiptCode needs 10 random bytes');
  let out = '';
  for (let i = 0; i < 10; i++) out += RECEIPT_ALPHABET[bytes[i] % RECEIPT_ALPHABET.length];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** a delegate with what both the bases and the voter rules need */
export interface BaseDelegate extends VoterDelegate {
  /** a member of the convening committee (đại biểu đương nhiên) */
  exOfficio: boolean;
}

export interface CongressBases {
  /** official delegates (members) convened */
  convened: number;
  /** convened minus those Điều lệ art. 12 takes off */
  electionBase: number;
  /** those who may vote now */
  present: number;
}

// Điều lệ Đảng art. 12; Quy chế bầu cử art. 32 (RULES.md "Threshold"): the three numbers a vote can be decided against
export function congressBases(kind: CongressKind, delegates: readonly BaseDelegate[], excludedMembers = 0): CongressBases {
  const convened = delegates.filter((d) => d.class === 'official' && d.status !== 'withdrawn' && !(kind === 'members' && d.probationary));
  const persons: BasePerson[] = convened.map((d) => ({
    attended: d.present && d.status === 'active',
    conveningCommittee: d.exOfficio,
    replacedByAlternate: d.status === 'replaced',
    // members' congress: who is excluded is not known person by person; the number the presidium records is taken off below
    exclusion: null,
  }));
  const base = electionBase(kind, persons) - (kind === 'members' ? excludedMembers : 0);
  return { convened: convened.length, electionBase: Math.max(0, base), present: delegates.filter((d) => isEligibleVoter(kind, d)).length };
}

/** members' congress: the exclusions recorded cannot be more than the official members absent */
export function exclusionProblem(kind: CongressKind, excluded: number, bases: CongressBases): RuleProblem | null {
  if (!Number.isInteger(excluded) || excluded < 0) return { code: 'EXCLUDED_INVALID', message: 'Số đảng viên được trừ phải là số nguyên không âm.' };
  if (kind === 'delegates' && excluded > 0) return { code: 'EXCLUDED_ONLY_MEMBERS_CONGRESS', message: 'Chỉ đại hội đảng viên mới ghi số đảng viên được trừ khỏi tổng số; ở đại hội đại biểu daihoi tự tính.' };
  const absent = bases.convened - bases.present;
  if (excluded > absent) return { code: 'EXCLUDED_MORE_THAN_ABSENT', message: `Số đảng viên được trừ (${excluded}) nhiều hơn số đảng viên chính thức vắng mặt (${absent}).`, details: { excluded, absent } };
  return null;
}
