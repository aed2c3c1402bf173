// The seating chart of the hall: delegates seated by delegation (đoàn đại biểu, the unit that elected them), row by
// row from the front, and the presidium table (Đoàn Chủ tịch) facing the hall. Pure, no I/O.
import type { DelegateClass, DelegateStatus, RuleProblem } from './congress.rules.js';

export interface SeatingDelegate {
  id: number;
  number: number;
  fullName: string;
  unitOrgId: number | null;
  unitName: string | null;
  class: DelegateClass;
  status: DelegateStatus;
}

export interface SeatingOptions {
  /** seats in one row of the hall */
  seatsPerRow: number;
  /** delegates who sit at the presidium table, in the order given (left to right as the hall sees it) */
  presidiumIds?: readonly number[];
}

export interface SeatedDelegate {
  id: number;
  number: number;
  fullName: string;
  class: DelegateClass;
  /** 1 = the front row */
  row: number;
  /** 1 = the left of the row, as the hall faces the presidium */
  seat: number;
}

export interface SeatingBlock {
  unitOrgId: number | null;
  /** the delegation's name; null: delegates without a unit */
  unitName: string | null;
  delegates: SeatedDelegate[];
}

export interface SeatingPlan {
  seatsPerRow: number;
  rows: number;
  presidium: { id: number; number: number; fullName: string }[];
  /** delegations front to back */
  blocks: SeatingBlock[];
}

export const SEATS_PER_ROW = { min: 2, max: 40, default: 12 } as const;

/**
 * Seats the delegates who attend (active; a replaced official's seat goes to the alternate standing in, who is
 * active too) by delegation — Quy định 24-QĐ/TW 2021: delegates attend as the delegation of the unit that
 * elected them. Delegations in alphabetical order, numbers as numbers (Chi bộ 2 before Chi bộ 10; those without a unit last), officials before alternates,
 * each by card number. A delegation starts on the current row when the whole of it fits in the seats left,
 * otherwise on a new row, so a delegation no larger than a row is never split across rows; a larger one
 * fills whole rows. Presidium members sit at the presidium table, not in the hall.
 */
export function seatDelegates(delegates: readonly SeatingDelegate[], opts: SeatingOptions): SeatingPlan | RuleProblem {
  const perRow = opts.seatsPerRow;
  if (!Number.isInteger(perRow) || perRow < SEATS_PER_ROW.min || perRow > SEATS_PER_ROW.max) {
    return { code: 'SEATS_PER_ROW_INVALID', message: `Số ghế mỗi hàng phải từ ${SEATS_PER_ROW.min} đến ${SEATS_PER_ROW.max}.` };
  }
  const attending = delegates.filter((d) => d.status === 'active');
  const byId = new Map(attending.map((d) => [d.id, d]));
  const presidiumIds = [...new Set(opts.presidiumIds ?? [])];
  const unknown = presidiumIds.filter((id) => !byId.has(id));
  if (unknown.length) return { code: 'PRESIDIUM_NOT_DELEGATE', message: 'Thành viên Đoàn Chủ tịch phải là đại biểu dự đại hội.', details: { delegateIds: unknown } };
  const atTable = new Set(presidiumIds);

  const groups = new Map<string, { unitOrgId: number | null; unitName: string | null; members: SeatingDelegate[] }>();
  for (const d of attending) {
    if (atTable.has(d.id)) continue;
    const key = d.unitOrgId === null ? 'none' : String(d.unitOrgId);
    const g = groups.get(key) ?? { unitOrgId: d.unitOrgId, unitName: d.unitName, members: [] };
    g.members.push(d);
    groups.set(key, g);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.unitName === null ? 1 : 0) - (b.unitName === null ? 1 : 0) || (a.unitName ?? '').localeCompare(b.unitName ?? '', 'vi', { numeric: true }) || (a.unitOrgId ?? 0) - (b.unitOrgId ?? 0));

  let row = 1;
  let next = 1; // the next free seat of the current row
  const blocks: SeatingBlock[] = ordered.map((g) => {
    const members = [...g.members].sort((a, b) => (a.class === b.class ? 0 : a.class === 'official' ? -1 : 1) || a.number - b.number);
    if (next > 1 && members.length > perRow - next + 1) {
      row += 1;
      next = 1;
    }
    const seated = members.map((d) => {
      if (next > perRow) {
        row += 1;
        next = 1;
      }
      return { id: d.id, number: d.number, fullName: d.fullName, class: d.class, row, seat: next++ };
    });
    return { unitOrgId: g.unitOrgId, unitName: g.unitName, delegates: seated };
  });
  const rows = blocks.length ? row : 0;
  return { seatsPerRow: perRow, rows, presidium: presidiumIds.map((id) => ({ id, number: byId.get(id)!.number, fullName: byId.get(id)!.fullName })), blocks };
}
