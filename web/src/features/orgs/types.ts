// the kinds of organisation are the server's own pure rules module: one definition for both sides
export { ORG_KINDS } from '../../../../src/modules/orgs/orgs.rules';
export type { OrgKind } from '../../../../src/modules/orgs/orgs.rules';
import type { OrgKind } from '../../../../src/modules/orgs/orgs.rules';

/** an item of GET /api/orgs (current tree; the as-of variant omits the facts and childCount) */
export interface OrgListItem {
  id: number;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  adminUnit?: string | null;
  foundedOn?: string;
  closedOn?: string | null;
  memberCount: number;
  directMemberCount: number;
  childCount?: number;
  asOf?: string;
}

export interface Decision {
  number: string | null;
  date: string | null;
  issuer: string | null;
}

export interface HistoryEntry {
  eventId: number;
  kind: 'found' | 'rename' | 'merge' | 'split' | 'move' | 'dissolve' | string;
  effectiveOn: string;
  decision: Decision;
  note: string | null;
  role: string;
  orgs: { orgId: number; role: string; name: string }[];
}

/** GET /api/orgs/:id */
export interface OrgDetail {
  id: number;
  name: string;
  kind: OrgKind;
  adminUnit: string | null;
  parentId: number | null;
  foundedOn: string;
  closedOn: string | null;
  memberCount: number;
  directMemberCount: number;
  ancestors: { id: number; name: string }[];
  children: { id: number; name: string; kind: OrgKind; memberCount: number; childCount?: number }[];
  names: { name: string; kind: OrgKind; parentId: number | null; parentName: string | null; from: string; to: string | null }[];
  history: HistoryEntry[];
  formedFrom: { orgId: number; role: string; name: string; effectiveOn: string; decision: Decision }[];
  asOf: string | null;
}

/** a member-holding unit: where a member can be transferred to or added */
export const MEMBER_HOLDING_KINDS: readonly OrgKind[] = ['commune', 'grassroots_committee', 'grassroots_cell', 'sub_committee', 'cell'];
