// Vietnamese words of the resolution follow-up as generated documents print them (the web app has its own in i18n).
import type { Direction, TaskStatus, TrackStatus } from './resolutions.rules.js';

export const STATUS_VI: Record<TrackStatus, string> = { met: 'Đã đạt', on_track: 'Đúng tiến độ', at_risk: 'Có nguy cơ chậm', off_track: 'Chậm tiến độ', missed: 'Không đạt', no_data: 'Chưa có số liệu' };
export const DIRECTION_VI: Record<Direction, string> = { at_least: 'Ít nhất', at_most: 'Không quá', exactly: 'Đúng bằng', reach_by: 'Đạt đến' };
export const TASK_VI: Record<TaskStatus, string> = { not_started: 'Chưa bắt đầu', in_progress: 'Đang thực hiện', done: 'Hoàn thành', cancelled: 'Đã hủy' };
export const FLAG_VI = { overdue: 'Quá hạn', at_risk: 'Sắp đến hạn' } as const;

const ROMAN = ['I', 'II', 'III', 'IV'];
/** "2026" → "năm 2026", "2026-Q3" → "quý III năm 2026" */
export function periodLabel(period: string): string {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!m) return period;
  return m[2] ? `quý ${ROMAN[Number(m[2]) - 1]} năm ${m[1]}` : `năm ${m[1]}`;
}

/** a number as Vietnamese write it: "." between thousands, "," before decimals */
export const viNumber = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
