// Shapes of the resolution API (src/modules/resolutions/*.routes.ts); the rules module is shared as-is.
import type { Aggregation, Area, Direction, ElementKind, Milestone, TaskStatus, TrackStatus } from '../../../../src/modules/resolutions/resolutions.rules';

export { AGGREGATIONS, AREAS, DIRECTIONS, TASK_STATUSES, ELEMENT_KINDS } from '../../../../src/modules/resolutions/resolutions.rules';
export type { Aggregation, Area, Direction, ElementKind, TaskStatus, TrackStatus };

export interface Target {
  id: number;
  resolutionId: number;
  orgId: number;
  position: number;
  name: string;
  unit: string;
  direction: Direction;
  area: Area;
  responsibleBody: string | null;
  indicatorCode: string | null;
  aggregation: Aggregation;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number;
  deadline: string;
  yearly: boolean;
  milestones: Milestone[];
  tolerance: number;
  sourceQuote: string | null;
  latest: { period: string; asOf: string; value: number } | null;
  status: TrackStatus;
  progress: number | null;
  expected: number | null;
  /** the latest figure is older than the next report could be late: judged against where the target should be now */
  stale: boolean;
  history: { period: string; value: number }[];
}

export type TaskFlag = 'overdue' | 'at_risk' | null;

export interface Task {
  id: number;
  resolutionId: number;
  targetId: number | null;
  elementId: number | null;
  title: string;
  ownerOrgId: number;
  ownerOrgName: string;
  responsiblePerson: string;
  expectedResult: string;
  startOn: string | null;
  dueOn: string;
  status: TaskStatus;
  evidence: string | null;
  flag: TaskFlag;
  resolutionTitle?: string;
  /** the responsible person's account, who receives the reminders */
  responsibleUserId?: number | null;
  /** its evidence documents (minh chứng), names only; each downloads from /api/tasks/:id/evidence-files/:fileId */
  evidenceFiles?: { id: number; fileName: string }[];
}

/** an evidence document of a task, without its bytes (GET /api/tasks/:id/evidence-files) */
export interface EvidenceFile {
  id: number;
  taskId: number;
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface ResponsibleAccount {
  id: number;
  username: string;
  displayName: string;
  hasEmail: boolean;
}

export interface ReminderResult {
  inApp: number;
  email: number;
  emailFailed: number;
  emailConfigured: boolean;
  skipped: { noAccount: number; alreadyToday: number };
}

export interface TaskCounts {
  not_started: number;
  in_progress: number;
  done: number;
  cancelled: number;
  overdue: number;
  at_risk: number;
}

export interface ResolutionSummary {
  id: number;
  kind: string;
  title: string;
  number: string | null;
  adoptedOn: string;
  termStart: number;
  termEnd: number;
  motto: string | null;
  targetCount: number;
}

export interface ResolutionDetail extends Omit<ResolutionSummary, 'targetCount'> {
  orgId: number;
  orgName: string;
  targets: Target[];
  elements: { id: number; kind: ElementKind; position: number; title: string; description: string | null }[];
  tasks: Task[];
  taskCounts: TaskCounts;
}

export interface Dashboard {
  org: { id: number; name: string };
  today: string;
  resolutions: (ResolutionSummary & { targets: Target[] })[];
  openTasks: Task[];
  taskCounts: TaskCounts;
}

export interface RollupUnit {
  orgId: number;
  name: string;
  /** targets of the unit and every unit below it, and how many of them have a figure */
  targets: number;
  reported: number;
  statuses: Record<TrackStatus, number>;
  progress: number | null;
  status: TrackStatus;
  tasks: { total: number; done: number; overdue: number };
  /** units below it with targets or tasks: its own roll-up opens the next level */
  subUnits: number;
}

export interface Rollup {
  org: { id: number; name: string };
  today: string;
  summary: { units: number; targets: number; statuses: Record<TrackStatus, number>; tasks: { total: number; done: number; overdue: number } };
  units: RollupUnit[];
  indicators: IndicatorSummary[];
  indicator: (IndicatorSummary & { units: { orgId: number; name: string; value: number | null; targetValue: number; met: boolean; status: TrackStatus; progress: number | null; period: string | null }[] }) | null;
}

export interface IndicatorSummary {
  code: string;
  name: string;
  unit: string;
  aggregation: Aggregation;
  /** the units' targets of this code differ in unit or aggregation (entered before the rule): nothing is added up */
  conflict: boolean;
  /** units carrying the code below a unit that carries it too (their figures are in that unit's) */
  covered: number;
  aggregate: { value: number | null; unitsTotal: number; unitsReporting: number; unitsMeeting: number };
  statuses: Record<TrackStatus, number>;
  /** the periods the units' latest figures are of, newest first, with how many units each */
  periods: { period: string; units: number }[];
}

export interface DraftTarget {
  role: 'target' | 'baseline';
  name: string;
  value: number;
  upper?: number;
  unit: string;
  direction: Direction;
  qualifier: string | null;
  year?: number;
  yearly: boolean;
  sentence: string;
  baseline?: { value: number; unit: string; year?: number };
}

export interface Parsed {
  targets: DraftTarget[];
  baselines: DraftTarget[];
  counts: { targets?: number; breakthroughs?: number; keyTasks?: number; solutionGroups?: number };
  motto?: string;
}

export interface FigureHistoryEntry {
  id: number;
  period: string;
  value: number;
  source: string;
  current: boolean;
  reason: string | null;
  enteredBy: string;
  enteredAt: string;
}

// studying the resolution (học tập, quán triệt)
export const STUDY_FORMS = ['in_person', 'online', 'combined'] as const;
export type StudyForm = (typeof STUDY_FORMS)[number];

export interface StudySession {
  id: number;
  resolutionId: number;
  orgId: number;
  orgName: string;
  heldOn: string;
  place: string;
  form: StudyForm;
  note: string | null;
  attendees: number;
}

export interface StudySessionDetail extends Omit<StudySession, 'attendees'> {
  attendees: { memberId: number; fullName: string; cardNumber: string | null; orgName: string; via: 'import' | 'qr' | 'manual'; recordedAt: string }[];
}

export interface StudyCoverageRow {
  id: number;
  name: string;
  members: number;
  studied: number;
  share: number | null;
  status: 'met' | 'not_met' | 'no_members';
  direct: { members: number; studied: number };
  hasChildren: boolean;
}

export interface StudyCoverage {
  resolution: { id: number; title: string; orgId: number };
  today: string;
  target: number;
  basis: 'active_members_now';
  parentId: number | null;
  unit: StudyCoverageRow;
  children: StudyCoverageRow[];
}

/** the answer to a scanned member card (POST /api/study-sessions/:id/attendance/scan) */
export interface StudyScanResult {
  created: boolean;
  member: { id: number; fullName: string; cardNumber: string | null; orgName: string };
  attendees: number;
}
