// What may change about a delegate once the congress has recorded something about them: a replacement, a check-in. Pure.
import type { DelegateClass, DelegateStatus, RuleProblem } from './congress.rules.js';

export interface RecordedDelegate {
  class: DelegateClass;
  unitOrgId: number | null;
  status: DelegateStatus;
  /** an alternate: the official delegate they stand in for */
  replacesDelegateId: number | null;
}

export interface DelegateChange {
  class?: DelegateClass;
  unitOrgId?: number | null;
  withdrawn?: boolean;
}

/**
 * Quy chế bầu cử trong Đảng (190-QĐ/TW, delegates): an alternate stands in for an absent official delegate of the same
 * unit. Once recorded, the two are bound: changing either one's class or unit, or withdrawing either, would leave a seat
 * counted twice or an official replaced by nobody, so it is refused until the replacement is undone.
 */
export function replacementLockProblem(d: RecordedDelegate, change: DelegateChange): RuleProblem | null {
  const bound = d.status === 'replaced' || d.replacesDelegateId !== null;
  if (!bound) return null;
  const changes = (change.class !== undefined && change.class !== d.class) || (change.unitOrgId !== undefined && change.unitOrgId !== d.unitOrgId) || change.withdrawn === true;
  if (!changes) return null;
  return {
    code: 'REPLACEMENT_RECORDED',
    message:
      d.status === 'replaced'
        ? 'Đại biểu này đã được đại biểu dự khuyết thay thế; hãy hủy việc thay thế trước khi đổi loại đại biểu, đơn vị bầu hoặc rút khỏi danh sách.'
        : 'Đại biểu dự khuyết này đang thay thế một đại biểu chính thức; hãy hủy việc thay thế trước khi đổi loại đại biểu, đơn vị bầu hoặc rút khỏi danh sách.',
  };
}

/**
 * A check-in recorded by mistake may be undone while it has decided nothing: once the delegate has voted (open vote
 * or election), their presence is part of that poll's record (its turnout and the threshold's base), so it stays.
 */
export function checkinUndoProblem(checkedIn: boolean, hasVoted: boolean): RuleProblem | null {
  if (!checkedIn) return { code: 'NOT_CHECKED_IN', message: 'Đại biểu này chưa điểm danh.' };
  if (hasVoted) return { code: 'DELEGATE_HAS_VOTED', message: 'Đại biểu đã biểu quyết hoặc bỏ phiếu; không thể hủy điểm danh.' };
  return null;
}
