// The Party organisation tree and its restructuring: pure rules, no I/O.
import { PARTY_FOUNDED_ON, formatDateVi } from '../../shared/dates.js';

export const ORG_KINDS = [
  'province',
  'district',
  'directly_under',
  'commune',
  'grassroots_committee',
  'grassroots_cell',
  'sub_committee',
  'cell',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** which kinds of unit may sit directly under which (Điều lệ Đảng 2011, ch. III: levels of organisation; district level ended 1/7/2025) */
export const allowedChildKinds: Record<OrgKind, readonly OrgKind[]> = {
  province: ['district', 'directly_under', 'commune', 'grassroots_committee', 'grassroots_cell'],
  district: ['commune', 'grassroots_committee', 'grassroots_cell'],
  directly_under: ['grassroots_committee', 'grassroots_cell'],
  commune: ['grassroots_committee', 'grassroots_cell', 'sub_committee', 'cell'],
  grassroots_committee: ['sub_committee', 'cell'],
  grassroots_cell: [],
  sub_committee: ['cell'],
  cell: [],
};

/** kinds that may stand at the top of the tree held by one installation */
export const ROOT_KINDS: readonly OrgKind[] = ['province', 'district', 'directly_under', 'commune', 'grassroots_committee', 'grassroots_cell'];

export function canContain(parent: OrgKind, child: OrgKind): boolean {
  return allowedChildKinds[parent].includes(child);
}

export const EVENT_KINDS = ['found', 'rename', 'merge', 'split', 'move', 'dissolve'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** the materialized path of a child: '/1/5/' + 17 -> '/1/5/17/' */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** the smallest string above every path in the subtree of `path` ('/1/5/' -> '/1/50'): a range scan replaces LIKE */
export function pathUpperBound(path: string): string {
  return path.slice(0, -1) + '0';
}

export function idsOnPath(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

export function isInSubtree(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

export interface OrgState {
  id: number;
  /** for the messages: a unit is named, not numbered */
  name: string;
  kind: OrgKind;
  path: string;
  closedOn: string | null;
  /** start of the organisation's current period: no event may be dated before it */
  currentSince: string;
}

export interface RuleProblem {
  code: string;
  message: string;
}

const problem = (code: string, message: string): RuleProblem => ({ code, message });
const dmy = formatDateVi;

/** an event may not be dated in the future nor before the current state of any organisation it touches */
export function checkEffectiveDate(effectiveOn: string, today: string, touched: readonly OrgState[]): RuleProblem | null {
  if (effectiveOn > today) return problem('EVENT_IN_FUTURE', `Ngày hiệu lực ${dmy(effectiveOn)} ở tương lai; chỉ ghi nhận sự kiện đã có hiệu lực.`);
  const latest = touched.reduce((m, o) => (o.currentSince > m ? o.currentSince : m), '');
  if (latest && effectiveOn < latest) {
    return problem('EVENT_BEFORE_HISTORY', `Ngày hiệu lực ${dmy(effectiveOn)} sớm hơn lần thay đổi gần nhất (${dmy(latest)}); lịch sử chỉ được ghi tiếp theo thứ tự thời gian.`);
  }
  return null;
}

// Hướng dẫn 36-HD/VPTW (2018): a decision is dated the day it is signed; none predates the Party (3/2/1930) nor today
/** the deciding document's date: not in the future, not before the Party's founding */
export function checkDecisionDate(decisionDate: string | null | undefined, today: string): RuleProblem | null {
  if (!decisionDate) return null;
  if (decisionDate > today) return problem('DECISION_DATE_IN_FUTURE', `Ngày ký quyết định ${dmy(decisionDate)} ở tương lai; chỉ ghi nhận quyết định đã ban hành.`);
  if (decisionDate < PARTY_FOUNDED_ON) return problem('DECISION_DATE_BEFORE_PARTY', `Ngày ký quyết định ${dmy(decisionDate)} trước ngày thành lập Đảng (${dmy(PARTY_FOUNDED_ON)}).`);
  return null;
}

export function checkActive(orgs: readonly OrgState[]): RuleProblem | null {
  const closed = orgs.find((o) => o.closedOn !== null);
  return closed ? problem('ORG_CLOSED', `${closed.name} đã giải thể hoặc sáp nhập ngày ${dmy(closed.closedOn!)}.`) : null;
}

export function checkPlacement(parent: OrgState | null, childKind: OrgKind): RuleProblem | null {
  if (parent === null) return ROOT_KINDS.includes(childKind) ? null : problem('KIND_NOT_ALLOWED_AT_ROOT', 'Loại tổ chức này phải trực thuộc một tổ chức cấp trên.');
  return canContain(parent.kind, childKind) ? null : problem('KIND_NOT_ALLOWED_UNDER_PARENT', 'Loại tổ chức này không thể trực thuộc tổ chức cấp trên đã chọn.');
}

/** moving `org` under `newParent` must not put it inside its own subtree */
export function checkMove(org: OrgState, newParent: OrgState | null): RuleProblem | null {
  if (newParent && (newParent.id === org.id || isInSubtree(newParent.path, org.path))) {
    return problem('MOVE_INTO_OWN_SUBTREE', 'Không thể chuyển một tổ chức vào trong chính nó hoặc tổ chức trực thuộc nó.');
  }
  return newParent ? checkPlacement(newParent, org.kind) : checkPlacement(null, org.kind);
}

/** merging `sources` into `target`: distinct, all active, none containing the target, at least one */
/** the sub-units that move into `target` (a merge, a dissolve with transfer) must be kinds it may contain (Điều lệ Đảng art. 21–24, verify) */
export function checkReceivesChildren(target: OrgState, movingChildren: readonly { name: string; kind: OrgKind }[]): RuleProblem | null {
  const misplaced = movingChildren.find((c) => !canContain(target.kind, c.kind));
  return misplaced ? problem('KIND_NOT_ALLOWED_UNDER_PARENT', `${misplaced.name} không thể trực thuộc ${target.name} (loại tổ chức không phù hợp).`) : null;
}

export function checkMerge(target: OrgState, sources: readonly OrgState[]): RuleProblem | null {
  if (sources.length === 0) return problem('MERGE_NEEDS_SOURCES', 'Cần chọn ít nhất một tổ chức được hợp nhất.');
  const ids = new Set(sources.map((s) => s.id));
  if (ids.size !== sources.length) return problem('MERGE_DUPLICATE_SOURCE', 'Một tổ chức được chọn hai lần.');
  if (ids.has(target.id)) return problem('MERGE_INTO_ITSELF', 'Không thể hợp nhất một tổ chức vào chính nó.');
  const container = sources.find((s) => isInSubtree(target.path, s.path));
  if (container) return problem('MERGE_INTO_DESCENDANT', `${container.name} chứa tổ chức nhận hợp nhất; không thể hợp nhất vào tổ chức trực thuộc nó.`);
  return checkActive([target, ...sources]);
}

export interface SplitPartPlan {
  memberIds: readonly number[];
  childIds: readonly number[];
  takesRest: boolean;
}

/** a split must place every member and sub-unit of the source in exactly one part */
export function checkSplit(parts: readonly SplitPartPlan[], memberIds: readonly number[], childIds: readonly number[]): RuleProblem | null {
  if (parts.length < 2) return problem('SPLIT_NEEDS_TWO_PARTS', 'Chia tách cần ít nhất hai tổ chức mới.');
  if (parts.filter((p) => p.takesRest).length > 1) return problem('SPLIT_TWO_REST_PARTS', 'Chỉ một tổ chức mới được nhận phần còn lại.');
  const seenMembers = new Set<number>();
  const seenChildren = new Set<number>();
  const members = new Set(memberIds);
  const children = new Set(childIds);
  for (const part of parts) {
    for (const m of part.memberIds) {
      if (!members.has(m)) return problem('SPLIT_UNKNOWN_MEMBER', `Đảng viên #${m} không thuộc tổ chức bị chia tách.`);
      if (seenMembers.has(m)) return problem('SPLIT_MEMBER_TWICE', `Đảng viên #${m} được xếp vào hai tổ chức.`);
      seenMembers.add(m);
    }
    for (const c of part.childIds) {
      if (!children.has(c)) return problem('SPLIT_UNKNOWN_CHILD', `Tổ chức #${c} không trực thuộc tổ chức bị chia tách.`);
      if (seenChildren.has(c)) return problem('SPLIT_CHILD_TWICE', `Tổ chức #${c} được xếp vào hai tổ chức.`);
      seenChildren.add(c);
    }
  }
  const hasRest = parts.some((p) => p.takesRest);
  if (!hasRest && (seenMembers.size < members.size || seenChildren.size < children.size)) {
    return problem('SPLIT_LEAVES_SOME', 'Còn đảng viên hoặc tổ chức trực thuộc chưa được xếp; hãy chọn một tổ chức nhận phần còn lại.');
  }
  return null;
}

/** a unit is dissolved only when empty, or when its members and sub-units go somewhere */
export function checkDissolve(memberCount: number, childCount: number, hasDestination: boolean): RuleProblem | null {
  if ((memberCount > 0 || childCount > 0) && !hasDestination) {
    return problem('ORG_NOT_EMPTY', `Tổ chức còn ${memberCount} đảng viên và ${childCount} tổ chức trực thuộc; hãy chọn nơi chuyển đến.`);
  }
  return null;
}

export interface CountNode {
  id: number;
  parentId: number | null;
  direct: number;
}

/** subtree totals: each node's direct count plus all its descendants' */
export function rollUpCounts(nodes: readonly CountNode[]): Map<number, number> {
  const totals = new Map<number, number>(nodes.map((n) => [n.id, n.direct]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = (n: CountNode): number => {
    let d = 0;
    for (let p = n.parentId; p !== null && byId.has(p); p = byId.get(p)!.parentId) d++;
    return d;
  };
  const deepestFirst = [...nodes].map((n) => [depth(n), n] as const).sort((a, b) => b[0] - a[0]);
  for (const [, n] of deepestFirst) {
    if (n.parentId !== null && totals.has(n.parentId)) totals.set(n.parentId, totals.get(n.parentId)! + totals.get(n.id)!);
  }
  return totals;
}

// Hướng dẫn 36-HD/VPTW (RULES.md "Party documents"): the number, the kind's symbol (NQ, QĐ, BB, BC, KH, CTr…), the issuer (TU, ĐU…)
/** a decision number as the Party writes it: "2314-QĐ/TU", "12-NQ/ĐU", "45-CT/TW", "05-CTr/TU" (a dash typed as "–" too) */
export const DECISION_NUMBER_PATTERN = '^[0-9]{1,6}[-–][A-ZĐ][A-Za-zĐđ]{0,4}(/[A-ZĐ0-9]{1,10})+$';
export const isDecisionNumber = (text: string): boolean => new RegExp(DECISION_NUMBER_PATTERN).test(text.trim());
