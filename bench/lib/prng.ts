// A small deterministic PRNG (mulberry32) with the draws the generators need.

export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  int(lo: number, hiInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** picks by cumulative weights built with `weighted()` */
  pickWeighted<T>(w: Weighted<T>): T;
  chance(p: number): boolean;
  /** standard normal (Box–Muller) */
  normal(): number;
}

export interface Weighted<T> {
  items: readonly T[];
  cumulative: Float64Array;
}

export function weighted<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
  const cumulative = new Float64Array(pairs.length);
  let sum = 0;
  pairs.forEach(([, w], i) => (cumulative[i] = sum += w));
  for (let i = 0; i < cumulative.length; i++) cumulative[i] /= sum;
  return { items: pairs.map(([t]) => t), cumulative };
}

export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    pickWeighted<T>(w: Weighted<T>): T {
      const x = next();
      let lo = 0;
      let hi = w.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (w.cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return w.items[lo];
    },
    chance: (p) => next() < p,
    normal() {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
