// Timing: warm repetitions, medians and percentiles.

export interface Timing {
  /** median of the warm repetitions, milliseconds */
  median_ms: number;
  p99_ms: number;
  min_ms: number;
  max_ms: number;
  reps: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  // nearest-rank: with fewer than 100 samples p99 is the maximum
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(samples: readonly number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median_ms: round(mid), p99_ms: round(percentile(s, 99)), min_ms: round(s[0]), max_ms: round(s[s.length - 1]), reps: s.length };
}

export const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export async function timeOnce<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

/**
 * Times two ways of answering the same question, interleaved so noise hits both alike:
 * `warmup` untimed rounds, then `reps` rounds each running both (alternating which goes first).
 */
export async function timePair(ours: () => Promise<unknown>, raw: () => Promise<unknown>, opts: { warmup: number; reps: number }): Promise<{ ours: Timing; raw: Timing }> {
  for (let i = 0; i < opts.warmup; i++) {
    await ours();
    await raw();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < opts.reps; i++) {
    if (i % 2 === 0) {
      a.push((await timeOnce(ours)).ms);
      b.push((await timeOnce(raw)).ms);
    } else {
      b.push((await timeOnce(raw)).ms);
      a.push((await timeOnce(ours)).ms);
    }
  }
  return { ours: summarise(a), raw: summarise(b) };
}

export function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export function log(...args: unknown[]) {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[${t}]`, ...args);
}

/** warm repetitions of one function */
export async function timeRepeated(fn: () => Promise<unknown>, opts: { warmup: number; reps: number }): Promise<Timing> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < opts.reps; i++) xs.push((await timeOnce(fn)).ms);
  return summarise(xs);
}
