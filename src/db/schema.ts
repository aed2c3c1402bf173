import type { Generated } from 'kysely';

// One interface for Kysely: every table, as both engines store it (booleans as 0/1, dates as ISO text).

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: Generated<number>;
  created_at: string;
  /** for reminders by e-mail (migration 0007) */
  email: string | null;
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

// congress (issue 3)
export interface CongressesTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  kind: string;
  number: number | null;
  term: string | null;
  venue: string | null;
  motto: string | null;
  opens_on: string;
  closes_on: string;
  status: string;
  planned_seats: number | null;
  ex_officio_seats: Generated<number>;
  quorum_numerator: Generated<number>;
  quorum_denominator: Generated<number>;
  current_agenda_item_id: number | null;
  projector_json: string;
  event_seq: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CongressSessionsTable {
  id: Generated<number>;
  congress_id: number;
  kind: string;
  title: string | null;
  starts_at: string;
  ends_at: string | null;
}

export interface SeatAllocationsTable {
  congress_id: number;
  org_id: number;
  members: number;
  seats: number;
}

export interface DelegatesTable {
  id: Generated<number>;
  congress_id: number;
  member_id: number;
  unit_org_id: number | null;
  number: number;
  class: string;
  origin: string;
  rank: number | null;
  status: string;
  replaces_delegate_id: number | null;
  replacement_decided_by: string | null;
  replacement_reason: string | null;
  replaced_at: string | null;
  eligibility_note: string | null;
  created_at: string;
}

export interface DelegateTokensTable {
  id: Generated<number>;
  delegate_id: number;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface CheckinsTable {
  id: Generated<number>;
  congress_id: number;
  delegate_id: number;
  at: string;
  method: string;
  by_user_id: number | null;
}

export interface AgendaItemsTable {
  id: Generated<number>;
  congress_id: number;
  position: number;
  title: string;
  description: string | null;
  session_id: number | null;
  status: string;
}

export interface SpeakersTable {
  id: Generated<number>;
  congress_id: number;
  agenda_item_id: number | null;
  delegate_id: number | null;
  name: string;
  topic: string | null;
  status: string;
  position: number;
  limit_seconds: number | null;
  elapsed_ms: Generated<number>;
  running_since: string | null;
  requested_at: string;
}

export interface CongressNoticesTable {
  id: Generated<number>;
  congress_id: number;
  text: string;
  created_at: string;
  created_by: string;
}

export interface CongressDocumentsTable {
  id: Generated<number>;
  congress_id: number;
  title: string;
  internal: Generated<number>;
  position: number;
  body_html: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  file_base64: string | null;
  created_at: string;
}

export interface CongressEventsTable {
  congress_id: number;
  seq: number;
  type: string;
  payload_json: string;
  at: string;
}

// resolution follow-up (issue 5)
export interface ResolutionsTable {
  id: Generated<number>;
  org_id: number;
  /** congress | standing_committee | executive_committee */
  kind: string;
  title: string;
  number: string | null;
  adopted_on: string;
  term_start: number;
  term_end: number;
  motto: string | null;
  source_text: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResolutionElementsTable {
  id: Generated<number>;
  resolution_id: number;
  /** breakthrough | key_task | solution_group */
  kind: string;
  position: number;
  title: string;
  description: string | null;
}

export interface ResolutionTargetsTable {
  id: Generated<number>;
  resolution_id: number;
  org_id: number;
  position: number;
  name: string;
  unit: string;
  direction: string;
  area: string;
  responsible_body: string | null;
  indicator_code: string | null;
  aggregation: string;
  baseline_value: number | null;
  baseline_date: string | null;
  target_value: number;
  deadline: string;
  yearly: Generated<number>;
  milestones_json: string | null;
  tolerance: Generated<number>;
  source_quote: string | null;
  latest_period: string | null;
  latest_as_of: string | null;
  latest_value: number | null;
  created_at: string;
  updated_at: string;
}

export interface ResolutionTasksTable {
  id: Generated<number>;
  resolution_id: number;
  target_id: number | null;
  element_id: number | null;
  title: string;
  owner_org_id: number;
  responsible_person: string;
  expected_result: string;
  start_on: string | null;
  due_on: string;
  status: string;
  evidence: string | null;
  created_at: string;
  updated_at: string;
  /** the responsible person's account, when they have one (migration 0007): reminders go there */
  responsible_user_id: number | null;
}

/** an evidence document (minh chứng) of a task: its bytes as base64 so the portable backup carries them (migration 0018) */
export interface TaskEvidenceFilesTable {
  id: Generated<number>;
  task_id: number;
  file_name: string;
  /** recognised from the bytes on upload */
  content_type: string;
  byte_size: number;
  sha256: string;
  file_base64: string;
  uploaded_at: string;
  uploaded_by: number | null;
  uploaded_by_name: string;
}

export interface TargetFiguresTable {
  id: Generated<number>;
  target_id: number;
  period: string;
  as_of: string;
  value: number;
  source: string;
  /** 1 for the figure in force for its period; corrections keep the earlier rows with 0 */
  current: number;
  replaces_id: number | null;
  reason: string | null;
  entered_by: number | null;
  entered_by_name: string;
  entered_at: string;
}

export interface ResolutionStudySessionsTable {
  id: Generated<number>;
  resolution_id: number;
  org_id: number;
  held_on: string;
  place: string;
  /** in_person | online | combined */
  form: string;
  note: string | null;
  created_at: string;
}

export interface ResolutionStudyAttendanceTable {
  id: Generated<number>;
  session_id: number;
  member_id: number;
  /** import | qr | manual */
  recorded_via: string;
  recorded_by: number | null;
  recorded_at: string;
}

// reminders (issue 5)
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** task_overdue | task_at_risk | task_due_soon */
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entity: string | null;
  entity_id: number | null;
  created_at: string;
  read_at: string | null;
  emailed_at: string | null;
}

/** a member's photo (ảnh 3×4): a JPEG normalised on upload, base64 so the portable backup carries it */
export interface MemberPhotosTable {
  member_id: number;
  content_type: string;
  photo_base64: string;
  width: number;
  height: number;
  byte_size: number;
  updated_at: string;
}

/** a member of a congress's working body (presidium, secretariat, credentials or counting committee) */
export interface CongressWorkingBodiesTable {
  id: Generated<number>;
  congress_id: number;
  body: string;
  position: number;
  delegate_id: number | null;
  full_name: string;
  is_head: number;
  updated_at: string;
}

/** a member's study card reissued: the generation its code is signed with (no row: 0) */
export interface MemberStudyCardsTable {
  member_id: number;
  generation: number;
  reissued_at: string;
  reissued_by: number | null;
}

/** server settings kept with the data: key → value (e.g. the study card signing key) */
export interface SettingsTable {
  key: string;
  value: string;
  created_at: string;
}

// votes and elections (issue 4)
export interface OpenVotesTable {
  id: Generated<number>;
  congress_id: number;
  agenda_item_id: number | null;
  subject: string;
  question: string;
  allows_other: number;
  named: number;
  rule_numerator: number;
  rule_denominator: number;
  rule_base: string;
  /** draft | open | closed */
  status: string;
  hand_counts_json: string | null;
  result_json: string | null;
  opened_at: string | null;
  closed_at: string | null;
  created_at: string;
}

export interface ElectionsTable {
  id: Generated<number>;
  congress_id: number;
  body: string;
  title: string;
  seats: number;
  alternate_seats: number;
  /** how the 30% maximum surplus rounds: down (default) or up, as the congress decides */
  surplus_rounding: Generated<string>;
  /** (verify) the least surplus, percent of the seats, as the congress decides (0: none required beyond the regulation's) */
  surplus_min_percent: Generated<number>;
  /** the most surplus, percent of the seats; null: no maximum (bodies other than the executive and standing committees) */
  surplus_max_percent: number | null;
  /** (verify) a tie at the last seat: further_round (default) or congress_decides */
  tie_at_last_seat: Generated<string>;
  /** (verify) fewer elected than seats: vote_again (default) or leave_empty */
  fewer_elected: Generated<string>;
  /** electronic | paper */
  mode: string;
  /** draft | open | closed */
  status: string;
  round: number;
  previous_election_id: number | null;
  base: number | null;
  excluded: Generated<number>;
  ballots_issued: number | null;
  tally_json: string | null;
  opened_at: string | null;
  closed_at: string | null;
  created_at: string;
}

export interface ElectionCandidatesTable {
  id: Generated<number>;
  election_id: number;
  member_id: number | null;
  full_name: string;
  note: string | null;
}

export interface VoterRosterTable {
  /** vote | election */
  poll_kind: string;
  poll_id: number;
  delegate_id: number;
}

export interface CastBallotsTable {
  poll_kind: string;
  poll_id: number;
  receipt_code: string;
  client_hash: string;
  choice_json: string;
  named_delegate_id: number | null;
}

export interface PaperBallotEntriesTable {
  id: Generated<number>;
  election_id: number;
  /** first | second */
  clerk: string;
  ballot_no: number;
  ballot_json: string;
  entered_by: string;
  entered_at: string;
}

export interface AppointmentsTable {
  id: Generated<number>;
  congress_id: number;
  decision_number: string;
  decision_date: string;
  issuer: string;
  note: string | null;
  announced_at: string | null;
  created_at: string;
}

export interface OrgLeadersTable {
  id: Generated<number>;
  org_id: number;
  term: string | null;
  body: string;
  member_id: number | null;
  full_name: string;
  position: number;
  /** election | appointment */
  source_kind: string;
  source_id: number;
  since: string;
  until: string | null;
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
  member_photos: MemberPhotosTable;
  member_study_cards: MemberStudyCardsTable;
  congress_working_bodies: CongressWorkingBodiesTable;
  // congress (issue 3)
  congresses: CongressesTable;
  congress_sessions: CongressSessionsTable;
  seat_allocations: SeatAllocationsTable;
  delegates: DelegatesTable;
  delegate_tokens: DelegateTokensTable;
  checkins: CheckinsTable;
  agenda_items: AgendaItemsTable;
  speakers: SpeakersTable;
  congress_notices: CongressNoticesTable;
  congress_documents: CongressDocumentsTable;
  congress_events: CongressEventsTable;
  // votes and elections (issue 4)
  open_votes: OpenVotesTable;
  elections: ElectionsTable;
  election_candidates: ElectionCandidatesTable;
  voter_roster: VoterRosterTable;
  cast_ballots: CastBallotsTable;
  paper_ballot_entries: PaperBallotEntriesTable;
  appointments: AppointmentsTable;
  org_leaders: OrgLeadersTable;
  // resolution follow-up (issue 5)
  resolutions: ResolutionsTable;
  resolution_elements: ResolutionElementsTable;
  resolution_targets: ResolutionTargetsTable;
  resolution_tasks: ResolutionTasksTable;
  task_evidence_files: TaskEvidenceFilesTable;
  target_figures: TargetFiguresTable;
  resolution_study_sessions: ResolutionStudySessionsTable;
  resolution_study_attendance: ResolutionStudyAttendanceTable;
  notifications: NotificationsTable;
  settings: SettingsTable;
}
