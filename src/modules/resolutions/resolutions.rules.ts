// Resolution follow-up: targets, progress, on-track status, tasks, aggregation. Pure: no I/O, no clock ("today" is passed in).

export const DIRECTIONS = ['at_least', 'at_most', 'exactly', 'reach_by'] as const;
/** at_least: keep the value at or above the target (e.g. "trên 95% hằng năm"); at_most: at or below (e.g. poor households);
 * exactly: equal within a tolerance; reach_by: move from the baseline to the target by the deadline (up or down) */
export type Direction = (typeof DIRECTIONS)[number];

export const AREAS = ['party_building', 'economy', 'culture_society', 'defence_security', 'other'] as const;
export type Area = (typeof AREAS)[number];

export const AGGREGATIONS = ['sum', 'average', 'share_meeting'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
/** when a target names no aggregation: a share in % averages across units, an amount or a count adds up */
export const defaultAggregation = (unit: string): Aggregation => (unit.trim() === '%' ? 'average' : 'sum');

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const ELEMENT_KINDS = ['breakthrough', 'key_task', 'solution_group'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

export const TRACK_STATUSES = ['met', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

export interface Milestone {
  year: number;
  value: number;
}

export interface TargetSpec {
  direction: Direction;
  targetValue: number;
  /** the deadline of the target (ISO date); yearly targets ("hằng năm") use the end of the term */
  deadline: string;
  baselineValue: number | null;
  baselineDate: string | null;
  milestones?: Milestone[];
  /** allowed distance for "exactly" and for rounding (same unit as the value) */
  tolerance?: number;
  /** a threshold to keep every year ("hằng năm trên 95%"): no path from the baseline, each year's figure must meet it */
  yearly?: boolean;
}

export interface Figure {
  /** the end date of the period the value measures */
  asOf: string;
  value: number;
}

// ---------- periods ----------

/** "2026" (a year) or "2026-Q3" (a quarter) */
export const PERIOD_PATTERN = '^\\d{4}(-Q[1-4])?$';

export function isValidPeriod(period: string): boolean {
  return new RegExp(PERIOD_PATTERN).test(period) && Number(period.slice(0, 4)) >= 1930 && Number(period.slice(0, 4)) <= 2100;
}

/** the last day of a period: "2026" → 2026-12-31, "2026-Q1" → 2026-03-31 */
export function periodEnd(period: string): string {
  if (!isValidPeriod(period)) throw new Error(`invalid period ${period}`);
  const year = period.slice(0, 4);
  if (period.length === 4) return `${year}-12-31`;
  return `${year}-${['03-31', '06-30', '09-30', '12-31'][Number(period.slice(6)) - 1]}`;
}

/** periods sort by their end date; a year sorts after its fourth quarter */
export function comparePeriods(a: string, b: string): number {
  const ea = periodEnd(a);
  const eb = periodEnd(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  return b.length - a.length;
}

// ---------- dates ----------

export const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
export const addDays = (iso: string, days: number) => new Date((dayNumber(iso) + days) * 86_400_000).toISOString().slice(0, 10);

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// ---------- targets ----------

/** does a value satisfy the target, in the sense of its direction */
export function isTargetMet(spec: Pick<TargetSpec, 'direction' | 'targetValue' | 'baselineValue' | 'tolerance'>, value: number): boolean {
  const tol = spec.tolerance ?? 0;
  switch (spec.direction) {
    case 'at_least':
      return value >= spec.targetValue - tol;
    case 'at_most':
      return value <= spec.targetValue + tol;
    case 'exactly':
      return Math.abs(value - spec.targetValue) <= tol;
    case 'reach_by':
      return rising(spec) ? value >= spec.targetValue - tol : value <= spec.targetValue + tol;
  }
}

/** a reach_by target rises unless its baseline lies above it */
function rising(spec: Pick<TargetSpec, 'targetValue' | 'baselineValue'>): boolean {
  return spec.baselineValue === null || spec.baselineValue <= spec.targetValue;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * How far a value has come from the baseline toward the target, 0…1, given the direction: 1 exactly when the target is met.
 * Without a baseline on the far side of the target, an upward target measures from zero, a downward one by the share
 * of the target in the value; where that leaves no way to measure (a target of zero or below), an unmet target is at 0.
 */
export function targetProgress(spec: Pick<TargetSpec, 'direction' | 'targetValue' | 'baselineValue' | 'tolerance'>, value: number): number {
  if (isTargetMet(spec, value)) return 1;
  const t = spec.targetValue;
  const b = spec.baselineValue;
  switch (spec.direction) {
    case 'at_least':
    case 'reach_by': {
      if (spec.direction === 'reach_by' && !rising(spec)) return clamp01((b! - value) / (b! - t));
      const from = b !== null && b < t ? b : 0;
      return t > from ? clamp01((value - from) / (t - from)) : 0;
    }
    case 'at_most': {
      // from the baseline down to the target; with no baseline above the target, the share of the value the target is
      if (b !== null && b > t) return clamp01((b - value) / (b - t));
      return t > 0 ? clamp01(t / value) : 0;
    }
    case 'exactly': {
      const span = b !== null && b !== t ? Math.abs(b - t) : Math.abs(t);
      return span > 0 ? clamp01(1 - Math.abs(value - t) / span) : 0;
    }
  }
}

/**
 * The value a target should have reached on a date: the milestones when given (piecewise linear between them,
 * each milestone at the end of its year), else the straight line from the baseline (value, date) to the target (value, deadline).
 * Null when there is no path: a threshold target with no baseline is expected at its target the whole time.
 */
export function expectedValueAt(spec: TargetSpec, date: string): number | null {
  if (spec.yearly) return spec.targetValue;
  const points: { day: number; value: number }[] = [];
  if (spec.baselineValue !== null && spec.baselineDate) points.push({ day: dayNumber(spec.baselineDate), value: spec.baselineValue });
  for (const m of [...(spec.milestones ?? [])].sort((a, b) => a.year - b.year)) points.push({ day: dayNumber(`${m.year}-12-31`), value: m.value });
  points.push({ day: dayNumber(spec.deadline), value: spec.targetValue });
  points.sort((a, b) => a.day - b.day);
  if (points.length < 2) return null;
  const d = dayNumber(date);
  if (d <= points[0].day) return points[0].value;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    if (d <= q.day) return q.day === p.day ? q.value : p.value + ((q.value - p.value) * (d - p.day)) / (q.day - p.day);
  }
  return points[points.length - 1].value;
}

export interface TrackResult {
  status: TrackStatus;
  /** progress of the latest figure, 0…1 */
  progress: number | null;
  expected: number | null;
  latest: Figure | null;
  /** the latest figure is older than a report could be late (FIGURE_GRACE_DAYS): it is judged against where the target should be now */
  stale: boolean;
}

/** behind the path by less than this share of the whole way (baseline → target) is "at risk", more is "off track" */
export const AT_RISK_MARGIN = 0.1;

/**
 * How long after its period ends a figure is still the latest one can expect: a year's figure is reported in the
 * first quarter of the next year, so the next one is due a year and a quarter after it. Until then a figure is judged
 * at its own date (a 2026 figure read in February 2027 is not behind for the weeks since); later, at today less this.
 */
export const FIGURE_GRACE_DAYS = 365 + 91;

/**
 * Whether a target is on track on `today`, from its latest figure: met; past its deadline and not met (missed);
 * on or ahead of the expected path (on track); behind by less than AT_RISK_MARGIN of the way (at risk); further (off track).
 * The path is read at the figure's date, or, once the figure is stale, at today less FIGURE_GRACE_DAYS: a unit that
 * stops reporting falls behind as the path moves on. A yearly threshold is on track while its latest figure meets it,
 * met when the figure of its last year does, and at risk when it meets it but a later year's figure is missing.
 */
export function trackStatus(spec: TargetSpec, figures: readonly Figure[], today: string): TrackResult {
  const latest = [...figures].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0)).at(-1) ?? null;
  if (!latest) return { status: 'no_data', progress: null, expected: null, latest: null, stale: false };
  const progress = targetProgress(spec, latest.value);
  const graceEnd = addDays(today, -FIGURE_GRACE_DAYS);
  const stale = latest.asOf < graceEnd;
  const at = stale ? graceEnd : latest.asOf < today ? latest.asOf : today;
  const expected = expectedValueAt(spec, at);
  const result = (status: TrackStatus): TrackResult => ({ status, progress, expected, latest, stale });
  const met = isTargetMet(spec, latest.value);
  if (spec.yearly) {
    if (met) return result(latest.asOf >= spec.deadline ? 'met' : stale ? 'at_risk' : 'on_track');
  } else if (met) {
    // a path target can be met early
    return result('met');
  }
  if (today > spec.deadline || latest.asOf >= spec.deadline) return result('missed');
  // with no path (a threshold with no baseline, a yearly threshold) the target is expected the whole time
  const gap = (expected === null ? 1 : targetProgress(spec, expected)) - progress;
  return result(gap <= 1e-9 ? 'on_track' : gap <= AT_RISK_MARGIN ? 'at_risk' : 'off_track');
}

export interface TargetProblem {
  code: string;
  message: string;
  field?: string;
}

/** a target must be coherent: its deadline after its baseline, its milestones inside the term, a reach_by target with a baseline */
export function validateTarget(spec: TargetSpec & { name: string; unit: string }): TargetProblem[] {
  const out: TargetProblem[] = [];
  if (!spec.name.trim()) out.push({ code: 'NAME_REQUIRED', field: 'name', message: 'Chỉ tiêu cần có tên.' });
  if (!spec.unit.trim()) out.push({ code: 'UNIT_REQUIRED', field: 'unit', message: 'Chỉ tiêu cần có đơn vị tính.' });
  if (!isIsoDate(spec.deadline)) out.push({ code: 'DEADLINE_INVALID', field: 'deadline', message: 'Thời hạn của chỉ tiêu không hợp lệ.' });
  if (spec.baselineDate !== null && !isIsoDate(spec.baselineDate)) out.push({ code: 'BASELINE_DATE_INVALID', field: 'baselineDate', message: 'Ngày của số liệu gốc không hợp lệ.' });
  if ((spec.baselineValue === null) !== (spec.baselineDate === null)) {
    out.push({ code: 'BASELINE_INCOMPLETE', field: 'baselineValue', message: 'Số liệu gốc cần có cả giá trị và ngày.' });
  }
  if (spec.baselineDate && isIsoDate(spec.baselineDate) && isIsoDate(spec.deadline) && spec.baselineDate >= spec.deadline) {
    out.push({ code: 'DEADLINE_BEFORE_BASELINE', field: 'deadline', message: 'Thời hạn phải sau ngày của số liệu gốc.' });
  }
  if (spec.direction === 'reach_by' && spec.baselineValue === null) {
    out.push({ code: 'BASELINE_REQUIRED', field: 'baselineValue', message: 'Chỉ tiêu "đạt đến" cần số liệu gốc để tính tiến độ.' });
  }
  if ((spec.tolerance ?? 0) < 0) out.push({ code: 'TOLERANCE_NEGATIVE', field: 'tolerance', message: 'Sai số cho phép không được âm.' });
  const years = new Set<number>();
  for (const m of spec.milestones ?? []) {
    if (years.has(m.year)) out.push({ code: 'MILESTONE_DUPLICATE', field: 'milestones', message: `Mốc năm ${m.year} bị trùng.` });
    years.add(m.year);
    const deadlineYear = Number(spec.deadline.slice(0, 4));
    const baselineYear = spec.baselineDate ? Number(spec.baselineDate.slice(0, 4)) : -Infinity;
    if (m.year > deadlineYear || m.year <= baselineYear) out.push({ code: 'MILESTONE_OUTSIDE_TERM', field: 'milestones', message: `Mốc năm ${m.year} nằm ngoài khoảng từ số liệu gốc đến thời hạn.` });
  }
  if (spec.unit.trim() === '%' && (spec.targetValue < 0 || spec.targetValue > 100)) {
    out.push({ code: 'PERCENT_OUT_OF_RANGE', field: 'targetValue', message: 'Chỉ tiêu tính bằng % phải từ 0 đến 100.' });
  }
  return out;
}

/** a figure in % lies between 0 and 100; every figure is a finite number */
export function validateFigureValue(unit: string, value: number): TargetProblem | null {
  if (!Number.isFinite(value)) return { code: 'FIGURE_INVALID', message: 'Số liệu phải là một số.' };
  if (unit.trim() === '%' && (value < 0 || value > 100)) return { code: 'PERCENT_OUT_OF_RANGE', message: 'Số liệu tính bằng % phải từ 0 đến 100.' };
  return null;
}

/** a figure names where it comes from (a report, a statistic): blank is no source */
export function validateFigureSource(source: string): TargetProblem | null {
  return source.trim() ? null : { code: 'FIGURE_SOURCE_REQUIRED', field: 'source', message: 'Số liệu cần ghi rõ nguồn (báo cáo, thống kê…).' };
}

/** the years a target's figures may be for: from its baseline (or the term's start) to its deadline (or the term's end) */
export function figureYears(target: Pick<TargetSpec, 'baselineDate' | 'deadline'>, term: { termStart: number; termEnd: number }): { from: number; to: number } {
  const baselineYear = target.baselineDate ? Number(target.baselineDate.slice(0, 4)) : term.termStart;
  return { from: Math.min(baselineYear, term.termStart), to: Math.max(Number(target.deadline.slice(0, 4)), term.termEnd) };
}

/** a figure's period lies within the years of its target (a 1930 figure for a 2025–2030 resolution is a typing slip) */
export function validateFigurePeriod(period: string, years: { from: number; to: number }): TargetProblem | null {
  const year = Number(period.slice(0, 4));
  if (year >= years.from && year <= years.to) return null;
  return { code: 'PERIOD_OUTSIDE_TARGET', field: 'period', message: `Kỳ báo cáo phải trong các năm ${years.from}–${years.to} của chỉ tiêu.` };
}

/** a resolution is adopted on a real day, at the start of its term (a congress may meet the year before) or during it */
export function validateAdoption(r: { adoptedOn: string; termStart: number; termEnd: number }): TargetProblem[] {
  const out: TargetProblem[] = [];
  if (r.termEnd <= r.termStart) out.push({ code: 'TERM_INVALID', field: 'termEnd', message: 'Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.' });
  if (!isIsoDate(r.adoptedOn)) out.push({ code: 'ADOPTED_ON_INVALID', field: 'adoptedOn', message: `Ngày thông qua ${r.adoptedOn} không có thật.` });
  else if (Number(r.adoptedOn.slice(0, 4)) < r.termStart - 1 || Number(r.adoptedOn.slice(0, 4)) > r.termEnd) {
    out.push({ code: 'ADOPTED_OUTSIDE_TERM', field: 'adoptedOn', message: `Ngày thông qua phải trong nhiệm kỳ ${r.termStart}–${r.termEnd}.` });
  }
  return out;
}

/** a figure already reported for the period is corrected, never overwritten silently: the correction says why */
export function correctionNeedsReason(previous: { value: number } | null, reason: string | null | undefined): TargetProblem | null {
  if (previous === null) return null;
  if (!reason || reason.trim().length < 3) return { code: 'CORRECTION_REASON_REQUIRED', message: 'Sửa số liệu đã báo cáo cần ghi rõ lý do.' };
  return null;
}

// ---------- tasks ("6 rõ": rõ người, rõ việc, rõ trách nhiệm, rõ lộ trình, rõ thời gian, rõ kết quả) ----------

export interface TaskState {
  status: TaskStatus;
  startOn: string | null;
  dueOn: string;
}

/** how close to its due date an open task is flagged "at risk" */
export const TASK_WARNING_DAYS = 14;

/** past its due date and neither done nor cancelled */
export function isTaskOverdue(task: TaskState, today: string): boolean {
  return (task.status === 'not_started' || task.status === 'in_progress') && task.dueOn < today;
}

/** open and due within TASK_WARNING_DAYS, or not started although its start date has passed */
export function isTaskAtRisk(task: TaskState, today: string): boolean {
  if (task.status === 'done' || task.status === 'cancelled' || isTaskOverdue(task, today)) return false;
  if (task.dueOn <= addDays(today, TASK_WARNING_DAYS)) return true;
  return task.status === 'not_started' && task.startOn !== null && task.startOn < today;
}

export type TaskFlag = 'overdue' | 'at_risk' | null;
export const taskFlag = (task: TaskState, today: string): TaskFlag => (isTaskOverdue(task, today) ? 'overdue' : isTaskAtRisk(task, today) ? 'at_risk' : null);

/**
 * Quy định "6 rõ" (rõ người, rõ việc, rõ trách nhiệm, rõ lộ trình, rõ thời gian, rõ kết quả): a task names all six —
 * the start date is its "lộ trình" — and, being part of the programme that carries the resolution out, what of the
 * resolution it carries out (a target, or a breakthrough, key task or solution group).
 */
export function validateTask(t: {
  title: string;
  ownerOrgId: number | null;
  responsiblePerson: string;
  expectedResult: string;
  startOn: string | null;
  dueOn: string;
  targetId?: number | null;
  elementId?: number | null;
}): TargetProblem[] {
  const out: TargetProblem[] = [];
  if (!t.title.trim()) out.push({ code: 'TITLE_REQUIRED', field: 'title', message: 'Nhiệm vụ cần ghi rõ việc.' });
  if (!t.targetId && !t.elementId) out.push({ code: 'LINK_REQUIRED', field: 'targetId', message: 'Nhiệm vụ cần gắn với một chỉ tiêu, khâu đột phá, nhiệm vụ trọng tâm hoặc nhóm giải pháp của nghị quyết.' });
  if (t.ownerOrgId === null) out.push({ code: 'OWNER_REQUIRED', field: 'ownerOrgId', message: 'Nhiệm vụ cần ghi rõ đơn vị chủ trì.' });
  if (!t.responsiblePerson.trim()) out.push({ code: 'RESPONSIBLE_REQUIRED', field: 'responsiblePerson', message: 'Nhiệm vụ cần ghi rõ người chịu trách nhiệm.' });
  if (!t.expectedResult.trim()) out.push({ code: 'RESULT_REQUIRED', field: 'expectedResult', message: 'Nhiệm vụ cần ghi rõ kết quả cần đạt.' });
  if (!isIsoDate(t.dueOn)) out.push({ code: 'DUE_INVALID', field: 'dueOn', message: 'Thời hạn hoàn thành không hợp lệ.' });
  if (t.startOn === null) out.push({ code: 'START_REQUIRED', field: 'startOn', message: 'Nhiệm vụ cần ghi rõ ngày bắt đầu (rõ lộ trình).' });
  if (t.startOn !== null && !isIsoDate(t.startOn)) out.push({ code: 'START_INVALID', field: 'startOn', message: 'Ngày bắt đầu không hợp lệ.' });
  if (t.startOn !== null && isIsoDate(t.startOn) && isIsoDate(t.dueOn) && t.startOn > t.dueOn) {
    out.push({ code: 'DUE_BEFORE_START', field: 'dueOn', message: 'Thời hạn hoàn thành phải sau ngày bắt đầu.' });
  }
  return out;
}

/** a task marked done must say what shows it (a document number or a link) */
export function doneNeedsEvidence(status: TaskStatus, evidence: string | null | undefined, evidenceFiles = 0): TargetProblem | null {
  // an uploaded evidence document counts as much as a document number or a link typed in
  return status === 'done' && !(evidence ?? '').trim() && evidenceFiles === 0
    ? { code: 'EVIDENCE_REQUIRED', message: 'Nhiệm vụ hoàn thành cần có minh chứng (văn bản, đường dẫn hoặc tệp minh chứng).' }
    : null;
}

/**
 * A target entered by mistake can be removed while nothing hangs on it: once figures were reported for it (they are
 * the record of the term) or tasks carry it out, it stays — the tasks are linked elsewhere first, the figures never go.
 */
export function targetRemovalProblem(t: { figures: number; tasks: number }): TargetProblem | null {
  if (t.figures > 0) return { code: 'TARGET_HAS_FIGURES', message: `Chỉ tiêu đã có ${t.figures} số liệu báo cáo nên không xóa được (lịch sử số liệu được giữ); có thể sửa chỉ tiêu.` };
  if (t.tasks > 0) return { code: 'TARGET_HAS_TASKS', message: `Có ${t.tasks} nhiệm vụ đang gắn với chỉ tiêu này; hãy gắn các nhiệm vụ đó với chỉ tiêu hoặc mục khác trước khi xóa.` };
  return null;
}

/** a task entered by mistake can be removed until work on it is reported; afterwards it is cancelled (Đã hủy), not erased */
export function taskRemovalProblem(t: { status: TaskStatus; evidence: string | null; evidenceFiles?: number }): TargetProblem | null {
  if (t.status !== 'not_started' || (t.evidence ?? '').trim() || (t.evidenceFiles ?? 0) > 0) {
    return { code: 'TASK_HAS_PROGRESS', message: 'Nhiệm vụ đã có tiến độ hoặc minh chứng nên không xóa được; hãy chuyển tình trạng sang "Đã hủy".' };
  }
  return null;
}

// ---------- aggregation across units sharing an indicator code ----------

export interface UnitFigure {
  value: number | null;
  met: boolean;
}

export interface Aggregate {
  kind: Aggregation;
  /** the sum, the mean, or the share of units meeting their target (0…1); null when no unit reported */
  value: number | null;
  unitsTotal: number;
  unitsReporting: number;
  unitsMeeting: number;
}

/** sum and average over the units that reported; the share meeting counts every unit (one that did not report does not meet) */
export function aggregateIndicator(kind: Aggregation, units: readonly UnitFigure[]): Aggregate {
  const reported = units.filter((u) => u.value !== null && Number.isFinite(u.value)).map((u) => u.value as number);
  const unitsMeeting = units.filter((u) => u.met && u.value !== null).length;
  const base = { kind, unitsTotal: units.length, unitsReporting: reported.length, unitsMeeting };
  if (kind === 'share_meeting') return { ...base, value: units.length ? unitsMeeting / units.length : null };
  if (!reported.length) return { ...base, value: null };
  const sum = reported.reduce((s, v) => s + v, 0);
  return { ...base, value: kind === 'sum' ? sum : sum / reported.length };
}

/** what a shared indicator code means: every target carrying it is measured in one unit and aggregated one way */
export interface IndicatorDefinition {
  unit: string;
  aggregation: Aggregation;
}

/** units compared as people write them: "Tỷ đồng" and "tỷ  đồng" are one unit */
export const sameUnit = (a: string, b: string) => a.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ') === b.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');

const AGGREGATION_VI: Record<Aggregation, string> = { sum: 'cộng tổng', average: 'bình quân', share_meeting: 'tỷ lệ đơn vị đạt' };

/**
 * A target carrying an indicator code agrees with the code's definition (the targets that already carry it), so the
 * roll-up adds like to like: a sum of tỷ đồng never takes in a percentage. Null when it agrees or the code is new.
 */
export function indicatorClash(code: string, definition: IndicatorDefinition | null, target: IndicatorDefinition): TargetProblem | null {
  if (!definition) return null;
  if (sameUnit(definition.unit, target.unit) && definition.aggregation === target.aggregation) return null;
  return {
    code: 'INDICATOR_MISMATCH',
    field: sameUnit(definition.unit, target.unit) ? 'aggregation' : 'unit',
    message: `Mã chỉ tiêu chung ${code} đã dùng với đơn vị tính "${definition.unit}" và cách tổng hợp "${AGGREGATION_VI[definition.aggregation]}"; chỉ tiêu mang mã này phải cùng đơn vị tính và cách tổng hợp (hoặc dùng mã khác).`,
  };
}

/** the definitions a set of targets of one code give: one when they agree, more when (older) data disagrees */
export function indicatorDefinitions(targets: readonly IndicatorDefinition[]): IndicatorDefinition[] {
  const out: IndicatorDefinition[] = [];
  for (const t of targets) if (!out.some((d) => sameUnit(d.unit, t.unit) && d.aggregation === t.aggregation)) out.push({ unit: t.unit.trim(), aggregation: t.aggregation });
  return out;
}

/** counts of target statuses, for a dashboard */
export function countStatuses(statuses: readonly TrackStatus[]): Record<TrackStatus, number> {
  const out = Object.fromEntries(TRACK_STATUSES.map((s) => [s, 0])) as Record<TrackStatus, number>;
  for (const s of statuses) out[s]++;
  return out;
}

const collator = new Intl.Collator('vi');

/** ranking for the roll-up table: best status first, then highest progress */
export function rankUnits<T extends { status: TrackStatus; progress: number | null; name: string }>(rows: readonly T[]): T[] {
  const order: Record<TrackStatus, number> = { met: 0, on_track: 1, at_risk: 2, off_track: 3, missed: 4, no_data: 5 };
  return [...rows].sort((a, b) => order[a.status] - order[b.status] || (b.progress ?? -1) - (a.progress ?? -1) || collator.compare(a.name, b.name));
}

/** a unit's overall status in a roll-up: its worst target's, where a target with no figure is worse than one at risk (not reporting is not a pass) */
const UNIT_SEVERITY: TrackStatus[] = ['missed', 'off_track', 'no_data', 'at_risk', 'on_track', 'met'];
export function rollupUnitStatus(statuses: Record<TrackStatus, number>): TrackStatus {
  return UNIT_SEVERITY.find((s) => statuses[s] > 0) ?? 'no_data';
}

/**
 * Ranking of the roll-up's units: a unit that has reported nothing last; then by overall status (rollupUnitStatus,
 * a missing figure between at risk and off track), then by mean progress with missing figures counted 0, then by name.
 */
export function rankRollupUnits<T extends { status: TrackStatus; progress: number | null; reported: number; name: string }>(rows: readonly T[]): T[] {
  const order = Object.fromEntries([...UNIT_SEVERITY].reverse().map((s, i) => [s, i])) as Record<TrackStatus, number>;
  return [...rows].sort(
    (a, b) => Number(a.reported === 0) - Number(b.reported === 0) || order[a.status] - order[b.status] || (b.progress ?? -1) - (a.progress ?? -1) || collator.compare(a.name, b.name),
  );
}

/** a figure can be reported once its period has begun (a quarter's figure may be estimated before it ends) */
export function isPeriodReportable(period: string, today: string): boolean {
  if (!isValidPeriod(period)) return false;
  const start = period.length === 4 ? `${period}-01-01` : `${period.slice(0, 4)}-${['01', '04', '07', '10'][Number(period.slice(6)) - 1]}-01`;
  return start <= today;
}
