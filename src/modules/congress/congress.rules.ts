// The congress's rules: kinds, delegates, seat allocation, quorum, replacement, credentials report. Pure, no I/O.
import { yearsBetween, type EducationLevel, type Gender, type TheoryLevel } from '../members/members.rules.js';

/** Đại hội đảng viên (all members) or đại hội đại biểu (delegates) — Điều lệ Đảng art. 13; RULES.md "Kinds of congress" */
export const CONGRESS_KINDS = ['delegates', 'members'] as const;
export type CongressKind = (typeof CONGRESS_KINDS)[number];

/** the organisation kinds that are a chi bộ (cell): a grassroots cell and a cell under a grassroots committee */
export const CELL_ORG_KINDS = ['grassroots_cell', 'cell'] as const;

/**
 * Điều lệ Đảng (2011) art. 13 and Quy định 24-QĐ/TW (2021): a chi bộ holds a congress of all its members (đại hội đảng
 * viên); a đảng bộ holds a delegates' congress or, when small, a members' congress (RULES.md "Kinds of congress").
 */
export function congressKindProblem(orgKind: string, kind: CongressKind): RuleProblem | null {
  if (kind === 'delegates' && (CELL_ORG_KINDS as readonly string[]).includes(orgKind)) {
    return { code: 'CONGRESS_KIND_CELL', message: 'Chi bộ tổ chức đại hội đảng viên, không tổ chức đại hội đại biểu.' };
  }
  return null;
}

/** phiên trù bị (preparatory) and phiên chính thức (official) */
export const SESSION_KINDS = ['preparatory', 'official'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const CONGRESS_STATUSES = ['preparing', 'open', 'closed'] as const;
export type CongressStatus = (typeof CONGRESS_STATUSES)[number];

/** đại biểu chính thức / dự khuyết */
export const DELEGATE_CLASSES = ['official', 'alternate'] as const;
export type DelegateClass = (typeof DELEGATE_CLASSES)[number];

/** đương nhiên (members of the convening committee), bầu từ đại hội cấp dưới, chỉ định */
export const DELEGATE_ORIGINS = ['ex_officio', 'elected', 'appointed'] as const;
export type DelegateOrigin = (typeof DELEGATE_ORIGINS)[number];

/** active; replaced (an absent official delegate an alternate stands in for); withdrawn (no longer a delegate) */
export const DELEGATE_STATUSES = ['active', 'replaced', 'withdrawn'] as const;
export type DelegateStatus = (typeof DELEGATE_STATUSES)[number];

export interface RuleProblem {
  code: string;
  message: string;
  details?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Seat allocation

export interface UnitMembers {
  unitId: number;
  members: number;
}

export interface SeatAllocation {
  exOfficioSeats: number;
  units: { unitId: number; members: number; seats: number }[];
}

/**
 * Allocates delegate seats to the subordinate units (Quy định 24-QĐ/TW 2021, section 11: the convening
 * committee "allocates them to the subordinate units").
 * Method: the ex-officio seats (the convening committee) are taken off the total first; the rest are
 * shared in proportion to the units' members by the largest-remainder (Hamilton) method — each unit
 * gets the whole part of its quota, the seats left go to the largest fractional parts (ties: more
 * members first, then the order given). A unit whose quota falls under one seat gets exactly one, and
 * the others share what remains the same way, until every unit has at least one seat.
 */
export function allocateDelegateSeats(totalSeats: number, exOfficioSeats: number, units: readonly UnitMembers[]): SeatAllocation | RuleProblem {
  if (!Number.isInteger(totalSeats) || totalSeats < 1) return { code: 'SEATS_INVALID', message: 'Số đại biểu phải là số nguyên dương.' };
  if (!Number.isInteger(exOfficioSeats) || exOfficioSeats < 0 || exOfficioSeats > totalSeats) {
    return { code: 'EX_OFFICIO_INVALID', message: 'Số đại biểu đương nhiên phải từ 0 đến tổng số đại biểu.' };
  }
  if (!units.length) return { code: 'NO_UNITS', message: 'Không có đơn vị trực thuộc nào để phân bổ đại biểu.' };
  const ids = new Set(units.map((u) => u.unitId));
  if (ids.size !== units.length) return { code: 'UNIT_DUPLICATE', message: 'Một đơn vị xuất hiện hai lần.' };
  const empty = units.filter((u) => !Number.isInteger(u.members) || u.members < 1);
  if (empty.length) return { code: 'UNIT_WITHOUT_MEMBERS', message: 'Có đơn vị không có đảng viên nên không thể phân bổ đại biểu.', details: { unitIds: empty.map((u) => u.unitId) } };
  const toShare = totalSeats - exOfficioSeats;
  if (toShare < units.length) {
    return { code: 'TOO_FEW_SEATS', message: `Số đại biểu được phân bổ (${toShare}) ít hơn số đơn vị (${units.length}); mỗi đơn vị cần ít nhất một đại biểu.` };
  }
  const seats = new Map<number, number>();
  let pool = units.map((u, order) => ({ ...u, order }));
  let left = toShare;
  for (;;) {
    const shares = hamilton(left, pool);
    const under = pool.filter((u) => shares.get(u.unitId)! < 1);
    if (!under.length) {
      for (const [id, n] of shares) seats.set(id, n);
      break;
    }
    // units below the minimum are fixed at one seat; the others share the rest again
    for (const u of under) seats.set(u.unitId, 1);
    left -= under.length;
    pool = pool.filter((u) => !under.includes(u));
    if (!pool.length) break;
  }
  return { exOfficioSeats, units: units.map((u) => ({ unitId: u.unitId, members: u.members, seats: seats.get(u.unitId)! })) };
}

function hamilton(seats: number, units: readonly (UnitMembers & { order: number })[]): Map<number, number> {
  const total = units.reduce((s, u) => s + u.members, 0);
  // integer arithmetic: quota = seats * members / total, remainder compared as seats * members mod total
  const rows = units.map((u) => ({ u, whole: Math.floor((seats * u.members) / total), rest: (seats * u.members) % total }));
  let left = seats - rows.reduce((s, r) => s + r.whole, 0);
  const byRemainder = [...rows].sort((a, b) => b.rest - a.rest || b.u.members - a.u.members || a.u.order - b.u.order);
  for (const r of byRemainder) {
    if (left <= 0) break;
    r.whole += 1;
    left -= 1;
  }
  return new Map(rows.map((r) => [r.u.unitId, r.whole]));
}

export const isRuleProblem = (x: unknown): x is RuleProblem => typeof x === 'object' && x !== null && 'code' in x && 'message' in x;

// ---------------------------------------------------------------------------------------------
// Quorum

/** the share of the convened who must attend; (verify) in RULES.md, so configurable per congress */
export interface QuorumRule {
  numerator: number;
  denominator: number;
}
/** RULES.md "Quorum" (verify): valid when at least two thirds of the convened delegates (official members) attend */
export const DEFAULT_QUORUM: QuorumRule = { numerator: 2, denominator: 3 };

export interface QuorumDelegate {
  class: DelegateClass;
  status: DelegateStatus;
  /** for a members' congress: probationary members attend but are not counted among the official members */
  probationary: boolean;
  present: boolean;
  /** an alternate standing in for an absent official delegate whose seat is still convened (the official replaced, not withdrawn) */
  replacing: boolean;
}

export interface QuorumStatus {
  convened: number;
  present: number;
  required: number;
  met: boolean;
}

/** the fewest attendees that make the congress valid: ceil(convened × n / d) */
export function quorumRequired(convened: number, rule: QuorumRule = DEFAULT_QUORUM): number {
  return Math.ceil((convened * rule.numerator) / rule.denominator);
}

/**
 * Điều lệ Đảng (2011) art. 13 and Quy định 24-QĐ/TW (2021) on congresses (RULES.md "Quorum", verify: the share is set
 * per congress, 2/3 by default): at least two thirds of the convened delegates (of the official members for
 * a members' congress) attend. Convened: official delegates not withdrawn (a replaced one is still a
 * convened seat); present: official delegates checked in plus alternates checked in who stand in for one.
 */
export function quorumStatus(kind: CongressKind, delegates: readonly QuorumDelegate[], rule: QuorumRule = DEFAULT_QUORUM): QuorumStatus {
  return quorumStatusOfGroups(kind, delegates.map((d) => ({ ...d, count: 1 })), rule);
}

/** quorumStatus over delegates grouped by what the rule looks at, each group with its size (one aggregate query, not a row per delegate) */
export function quorumStatusOfGroups(kind: CongressKind, groups: readonly (QuorumDelegate & { count: number })[], rule: QuorumRule = DEFAULT_QUORUM): QuorumStatus {
  const counts = (d: QuorumDelegate) => d.class === 'official' && d.status !== 'withdrawn' && !(kind === 'members' && d.probationary);
  const isPresent = (d: QuorumDelegate) => d.present && ((counts(d) && d.status === 'active') || (d.class === 'alternate' && d.replacing && d.status === 'active'));
  let convened = 0;
  let present = 0;
  for (const g of groups) {
    if (counts(g)) convened += g.count;
    if (isPresent(g)) present += g.count;
  }
  const required = quorumRequired(convened, rule);
  return { convened, present, required, met: convened > 0 && present >= required };
}

// ---------------------------------------------------------------------------------------------
// Replacement of an absent official delegate by an alternate

export interface ReplacementCandidate {
  id: number;
  class: DelegateClass;
  origin: DelegateOrigin;
  status: DelegateStatus;
  unitOrgId: number | null;
  /** alternates: their place in the order of votes (1 = most votes) */
  rank: number | null;
  present: boolean;
  /** an alternate already standing in for someone */
  replacing: boolean;
}

/**
 * Quy chế bầu cử trong Đảng (Quyết định 190-QĐ/TW, 2024, keeping 244-QĐ/TW on delegates; RULES.md "Delegates"): an
 * alternate replaces an official delegate who cannot attend, in the order of votes. Alternates are elected with the
 * officials of the same lower congress, so the alternate comes from the same unit, is the first unused one in the order
 * of votes, and stands in for an elected official only: ex-officio delegates sit as members of the convening committee,
 * and an appointed delegate is replaced by the body that appointed them, not by an alternate.
 */
export function checkReplacement(official: ReplacementCandidate, alternate: ReplacementCandidate, alternatesOfUnit: readonly ReplacementCandidate[], kind: CongressKind): RuleProblem | null {
  if (kind !== 'delegates') return { code: 'NOT_DELEGATES_CONGRESS', message: 'Chỉ đại hội đại biểu mới có đại biểu dự khuyết thay thế.' };
  if (official.class !== 'official') return { code: 'NOT_OFFICIAL', message: 'Chỉ thay thế được đại biểu chính thức.' };
  if (official.status !== 'active') return { code: 'ALREADY_REPLACED', message: 'Đại biểu này đã được thay thế hoặc không còn là đại biểu.' };
  if (official.present) return { code: 'DELEGATE_PRESENT', message: 'Đại biểu này đã có mặt tại đại hội, không thể thay thế.' };
  if (official.origin === 'ex_officio') return { code: 'EX_OFFICIO_NOT_REPLACEABLE', message: 'Đại biểu đương nhiên (ủy viên cấp ủy triệu tập) không được thay bằng đại biểu dự khuyết.' };
  if (official.origin === 'appointed') return { code: 'APPOINTED_NOT_REPLACEABLE', message: 'Đại biểu được chỉ định do cấp ủy đã chỉ định quyết định thay thế, không thay bằng đại biểu dự khuyết.' };
  if (alternate.class !== 'alternate') return { code: 'NOT_ALTERNATE', message: 'Người thay thế phải là đại biểu dự khuyết.' };
  if (alternate.status !== 'active' || alternate.replacing) return { code: 'ALTERNATE_USED', message: 'Đại biểu dự khuyết này đã thay thế một đại biểu khác.' };
  if (alternate.unitOrgId !== official.unitOrgId) return { code: 'ALTERNATE_OTHER_UNIT', message: 'Đại biểu dự khuyết phải cùng đơn vị bầu với đại biểu chính thức được thay thế.' };
  const next = alternatesOfUnit
    .filter((a) => a.class === 'alternate' && a.status === 'active' && !a.replacing && a.unitOrgId === official.unitOrgId)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.id - b.id)[0];
  if (next && next.id !== alternate.id) {
    return { code: 'ALTERNATE_ORDER', message: 'Đại biểu dự khuyết thay thế theo thứ tự số phiếu bầu; người kế tiếp chưa được sử dụng.', details: { nextAlternateId: next.id } };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Credentials report (báo cáo thẩm tra tư cách đại biểu)

export interface CredentialDelegate extends ComposedPerson {
  id: number;
  fullName: string;
  class: DelegateClass;
  origin: DelegateOrigin;
  status: DelegateStatus;
  admittedOn: string;
  officialOn: string | null;
  /** the member has left the registry (died, transferred out …) */
  memberActive: boolean;
  /** e.g. under discipline, prosecuted: entered by the credentials committee */
  eligibilityNote: string | null;
}

export interface Bucket {
  key: string;
  count: number;
  /** share of the delegates counted, in percent, one decimal */
  percent: number;
}

export const AGE_BANDS = ['under_31', '31_40', '41_50', '51_60', 'over_60'] as const;
export const PARTY_YEARS_BANDS = ['under_10', '10_19', '20_29', '30_plus'] as const;

export function ageBand(age: number): (typeof AGE_BANDS)[number] {
  return age <= 30 ? 'under_31' : age <= 40 ? '31_40' : age <= 50 ? '41_50' : age <= 60 ? '51_60' : 'over_60';
}
export function partyYearsBand(years: number): (typeof PARTY_YEARS_BANDS)[number] {
  return years < 10 ? 'under_10' : years < 20 ? '10_19' : years < 30 ? '20_29' : '30_plus';
}

export type CredentialFlag = 'probationary' | 'eligibility_note' | 'member_left';

/** who a composition counts: a delegate, or an elected or appointed leader */
export interface ComposedPerson {
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  education: EducationLevel | null;
  theoryLevel: TheoryLevel | null;
}

/** the make-up of a group as Party reports give it: gender, age, ethnicity, education, political theory */
export interface Composition {
  byGender: Bucket[];
  byAgeBand: Bucket[];
  youngest: number | null;
  oldest: number | null;
  byEthnicity: Bucket[];
  ethnicMinority: number;
  byEducation: Bucket[];
  byTheoryLevel: Bucket[];
}

export interface CredentialsReport extends Composition {
  asOf: string;
  total: number;
  official: number;
  alternate: number;
  byOrigin: Bucket[];
  byPartyYears: Bucket[];
  flagged: { delegateId: number; fullName: string; flags: CredentialFlag[]; note: string | null }[];
}

const pct = (n: number, total: number) => (total ? Math.round((n * 1000) / total) / 10 : 0);

function buckets<T>(rows: readonly T[], keyOf: (r: T) => string, order: readonly string[] = []): Bucket[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const r of rows) counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + 1);
  const keys = [...counts.keys()];
  const rest = keys.filter((k) => !order.includes(k)).sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b, 'vi'));
  return [...order, ...rest].map((key) => ({ key, count: counts.get(key)!, percent: pct(counts.get(key)!, rows.length) }));
}

/** the composition of a group as of a day (the congress's opening, an election's close): the buckets every report uses */
export function composition(people: readonly ComposedPerson[], asOf: string): Composition {
  const ages = people.map((d) => yearsBetween(d.birthDate, asOf));
  return {
    byGender: buckets(people, (d) => d.gender, ['male', 'female']),
    byAgeBand: buckets(people, (d) => ageBand(yearsBetween(d.birthDate, asOf)), AGE_BANDS),
    youngest: ages.length ? Math.min(...ages) : null,
    oldest: ages.length ? Math.max(...ages) : null,
    byEthnicity: buckets(people, (d) => d.ethnicity.trim() || 'unknown'),
    ethnicMinority: people.filter((d) => d.ethnicity.trim().normalize('NFC').toLowerCase() !== 'kinh').length,
    byEducation: buckets(people, (d) => d.education ?? 'unknown', ['doctor', 'master', 'bachelor', 'college', 'vocational', 'upper_secondary']),
    byTheoryLevel: buckets(people, (d) => d.theoryLevel ?? 'unknown', ['bachelor', 'advanced', 'intermediate', 'elementary', 'none']),
  };
}

/**
 * The composition the credentials committee reports (RULES.md "Delegates"; Quy chế bầu cử 190-QĐ/TW on
 * the credentials committee): the delegates who are not withdrawn, counted by category, gender, age
 * band, ethnicity, education, political theory level and years in the Party, as of the opening day;
 * delegates with an eligibility issue are listed.
 */
export function credentialsReport(delegates: readonly CredentialDelegate[], asOf: string): CredentialsReport {
  const ds = delegates.filter((d) => d.status !== 'withdrawn');
  const flagged = ds
    .map((d) => {
      const flags: CredentialFlag[] = [];
      // Điều lệ Đảng art. 5: a probationary member has no right to vote, so cannot be an official delegate
      if (d.officialOn === null || d.officialOn > asOf) flags.push('probationary');
      if (!d.memberActive) flags.push('member_left');
      if (d.eligibilityNote) flags.push('eligibility_note');
      return { delegateId: d.id, fullName: d.fullName, flags, note: d.eligibilityNote };
    })
    .filter((f) => f.flags.length);
  return {
    asOf,
    total: ds.length,
    official: ds.filter((d) => d.class === 'official').length,
    alternate: ds.filter((d) => d.class === 'alternate').length,
    byOrigin: buckets(ds, (d) => d.origin, DELEGATE_ORIGINS),
    ...composition(ds, asOf),
    byPartyYears: buckets(ds, (d) => partyYearsBand(yearsBetween(d.admittedOn, asOf)), PARTY_YEARS_BANDS),
    flagged,
  };
}

// ---------------------------------------------------------------------------------------------
// Convening

/** Monday to Friday between two days, the first excluded and the last included (public holidays are not known here) */
export function workingDaysBetween(from: string, to: string): number {
  const start = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  const end = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
  let n = 0;
  for (let t = start + 86_400_000; t <= end; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) n++;
  }
  return n;
}

export const CONVENING_NOTICE_WORKING_DAYS = 30;

// Quy định 24-QĐ/TW section 11 (RULES.md "Convening"): the opening date is announced at least 30 working days ahead
export function conveningNoticeProblem(today: string, opensOn: string): RuleProblem | null {
  if (opensOn <= today) return null;
  const days = workingDaysBetween(today, opensOn);
  if (days >= CONVENING_NOTICE_WORKING_DAYS) return null;
  return {
    code: 'CONVENING_NOTICE_SHORT',
    message: `Ngày khai mạc chỉ còn ${days} ngày làm việc; Quy định 24-QĐ/TW yêu cầu quyết định và thông báo ngày khai mạc trước ít nhất ${CONVENING_NOTICE_WORKING_DAYS} ngày làm việc (chưa trừ ngày lễ).`,
    details: { workingDays: days, required: CONVENING_NOTICE_WORKING_DAYS },
  };
}

// ---------------------------------------------------------------------------------------------
// Working bodies of the congress (cơ quan giúp việc đại hội)

// RULES.md "Bodies elected by show of hands": the presidium, the secretariat, the credentials and the counting committee
export const WORKING_BODIES = ['presidium', 'secretariat', 'credentials_committee', 'counting_committee'] as const;
export type WorkingBody = (typeof WORKING_BODIES)[number];

/** how documents name each body, and its head */
export const WORKING_BODY_TITLES: Record<WorkingBody, { title: string; head: string | null }> = {
  presidium: { title: 'Đoàn Chủ tịch', head: null },
  secretariat: { title: 'Đoàn Thư ký', head: 'Trưởng đoàn' },
  credentials_committee: { title: 'Ban Thẩm tra tư cách đại biểu', head: 'Trưởng ban' },
  counting_committee: { title: 'Ban Kiểm phiếu', head: 'Trưởng ban' },
};

export interface WorkingBodyMember {
  /** a delegate of the congress, or null for someone named only (a guest in the secretariat) */
  delegateId: number | null;
  fullName: string;
  /** heads the body: trưởng đoàn thư ký, trưởng ban thẩm tra, trưởng ban kiểm phiếu */
  head: boolean;
}

export const MAX_WORKING_BODY_MEMBERS = 50;

/**
 * A body's list as announced, checked (RULES.md "Bodies elected by show of hands"): nobody twice, at most one head;
 * the presidium has none (it chairs in turns, verify). An empty list withdraws the body's proposal.
 */
export function workingBodyProblem(body: WorkingBody, members: readonly WorkingBodyMember[]): RuleProblem | null {
  if (members.length > MAX_WORKING_BODY_MEMBERS) return { code: 'WORKING_BODY_TOO_LARGE', message: `Mỗi cơ quan giúp việc có tối đa ${MAX_WORKING_BODY_MEMBERS} người.` };
  const seen = new Set<string>();
  for (const m of members) {
    const key = m.delegateId !== null ? `d${m.delegateId}` : `n${m.fullName.trim().normalize('NFC').toLowerCase().replace(/\s+/g, ' ')}`;
    if (seen.has(key)) return { code: 'WORKING_BODY_DUPLICATE', message: `Đồng chí ${m.fullName} có tên hai lần trong danh sách.`, details: { fullName: m.fullName } };
    seen.add(key);
  }
  const heads = members.filter((m) => m.head).length;
  if (body === 'presidium' && heads > 0) return { code: 'WORKING_BODY_HEAD', message: 'Đoàn Chủ tịch điều hành tập thể, không có trưởng đoàn.' };
  if (heads > 1) return { code: 'WORKING_BODY_HEAD', message: 'Mỗi đoàn, ban chỉ có một trưởng đoàn / trưởng ban.' };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Ordered lists (the agenda, the speakers' queue)

/**
 * An item of an ordered list moved to `position` (positions as stored: there may be gaps and ties): moving up, it goes
 * before the first other item at or after that position; moving down, after the last one at or before it — so "up
 * one" or "down one" is the position of the neighbour. The list is numbered 1…n again. Returns id → new position.
 */
export function movedTo(items: readonly { id: number; position: number }[], id: number, position: number): Map<number, number> {
  const current = items.find((x) => x.id === id)?.position ?? Infinity;
  const others = [...items].filter((x) => x.id !== id).sort((a, b) => a.position - b.position || a.id - b.id);
  const order = others.map((x) => x.id);
  if (position < current) {
    const at = others.findIndex((x) => x.position >= position);
    order.splice(at === -1 ? order.length : at, 0, id);
  } else {
    const after = others.filter((x) => x.position <= position).length;
    order.splice(after, 0, id);
  }
  return new Map(order.map((x, i) => [x, i + 1]));
}

// ---------------------------------------------------------------------------------------------
// Speakers' timer: elapsed time is derived from the state, so every screen computes the same clock

export interface TimerState {
  limitSeconds: number | null;
  /** milliseconds spoken before the current run */
  elapsedMs: number;
  /** ISO time the current run started; null when paused or stopped */
  runningSince: string | null;
}

export function timerElapsedMs(t: TimerState, now: string): number {
  return t.elapsedMs + (t.runningSince ? Math.max(0, Date.parse(now) - Date.parse(t.runningSince)) : 0);
}

export const SPEAKER_STATUSES = ['requested', 'queued', 'speaking', 'paused', 'done', 'withdrawn'] as const;
export type SpeakerStatus = (typeof SPEAKER_STATUSES)[number];
export const SPEAKER_ACTIONS = ['queue', 'start', 'pause', 'resume', 'finish', 'withdraw'] as const;
export type SpeakerAction = (typeof SPEAKER_ACTIONS)[number];

/** which speaker actions apply in which state; 'start' of one speaker finishes whoever is speaking */
export function nextSpeakerStatus(current: SpeakerStatus, action: SpeakerAction): SpeakerStatus | RuleProblem {
  const table: Record<SpeakerAction, [readonly SpeakerStatus[], SpeakerStatus]> = {
    queue: [['requested'], 'queued'],
    start: [['requested', 'queued'], 'speaking'],
    pause: [['speaking'], 'paused'],
    resume: [['paused'], 'speaking'],
    finish: [['speaking', 'paused'], 'done'],
    withdraw: [['requested', 'queued'], 'withdrawn'],
  };
  const [from, to] = table[action];
  if (!from.includes(current)) return { code: 'SPEAKER_STATE', message: `Không thể thực hiện thao tác này khi phát biểu đang ở trạng thái "${current}".` };
  return to;
}

export function applyTimer(t: TimerState, action: SpeakerAction, now: string): TimerState {
  if (action === 'start' || action === 'resume') return { ...t, runningSince: now };
  if (action === 'pause' || action === 'finish') return { ...t, elapsedMs: timerElapsedMs(t, now), runningSince: null };
  return t;
}

// ---------------------------------------------------------------------------------------------
// Projector

export const PROJECTOR_MODES = ['title', 'agenda', 'speaker', 'attendance', 'notice', 'document', 'blank', 'vote', 'election', 'appointment'] as const;
/** the modes that show a vote, an election or an appointment decision: set through the voting routes, which name it */
export const POLL_PROJECTOR_MODES = ['vote', 'election', 'appointment'] as const;
export type ProjectorMode = (typeof PROJECTOR_MODES)[number];

/** Roman numerals for "lần thứ I" */
export function romanNumeral(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}
