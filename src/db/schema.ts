import type { Generated } from 'kysely';

// One interface for Kysely: every table, as both engines store it (booleans as 0/1, dates as ISO text).

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: Generated<number>;
  created_at: string;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  /** null: the whole system */
  org_id: number | null;
  role: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  org_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  /** the name folded for unaccented search */
  search_name: string;
  kind: string;
  admin_unit: string | null;
  parent_id: number | null;
  /** materialized path of the current tree, '/1/5/17/' */
  path: string;
  depth: number;
  founded_on: string;
  closed_on: string | null;
  /** current active members placed directly in this unit, kept in the same transaction as member writes */
  direct_member_count: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** the name, kind and parent of an organisation over time: [valid_from, valid_to) */
export interface OrgPeriodsTable {
  id: Generated<number>;
  org_id: number;
  parent_id: number | null;
  name: string;
  kind: string;
  valid_from: string;
  valid_to: string | null;
}

export interface RestructuringEventsTable {
  id: Generated<number>;
  kind: string;
  effective_on: string;
  decision_number: string | null;
  decision_date: string | null;
  decision_issuer: string | null;
  note: string | null;
  created_at: string;
  created_by: number | null;
}

export interface RestructuringEventOrgsTable {
  event_id: number;
  org_id: number;
  role: string;
}

export interface MembersTable {
  id: Generated<number>;
  org_id: number;
  full_name: string;
  search_name: string;
  sort_key: string;
  gender: string;
  birth_date: string;
  ethnicity: string;
  religion: string | null;
  hometown: string | null;
  education: string | null;
  theory_level: string | null;
  admitted_on: string;
  official_on: string | null;
  card_number: string | null;
  position: string | null;
  status: string;
  left_on: string | null;
  left_reason: string | null;
  left_note: string | null;
  created_at: string;
  updated_at: string;
}

/** where a member belonged over time: [valid_from, valid_to) */
export interface MemberPeriodsTable {
  id: Generated<number>;
  member_id: number;
  org_id: number;
  valid_from: string;
  valid_to: string | null;
  reason: string;
  note: string | null;
  event_id: number | null;
}

export interface Database {
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  organizations: OrganizationsTable;
  org_periods: OrgPeriodsTable;
  restructuring_events: RestructuringEventsTable;
  restructuring_event_orgs: RestructuringEventOrgsTable;
  members: MembersTable;
  member_periods: MemberPeriodsTable;
}
