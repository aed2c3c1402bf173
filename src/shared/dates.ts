// Dates as Vietnamese offices write them, and the dates the Party's rules start from. Pure.

/** an ISO calendar date (YYYY-MM-DD) written the Vietnamese way: 2025-07-01 → 01/07/2025 */
export function formatDateVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** the founding of the Communist Party of Vietnam (3 February 1930): no Party decision or admission is earlier */
export const PARTY_FOUNDED_ON = '1930-02-03';
