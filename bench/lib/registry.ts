// What a benchmark file (bench/*.bench.ts) exports: `export const benchmark: Benchmark = …`.
import type { Engine } from '../../src/db/database.js';
import type { BenchRun } from './results.js';

export interface BenchContext {
  /** a smaller, faster variant for smoke runs; its results go to bench/tmp/results/ */
  quick: boolean;
  /** the engines to run on (PostgreSQL only when reachable) */
  engines: Engine[];
  /** appends one run to the results file as soon as it is complete */
  record(run: BenchRun): void;
}

export interface Benchmark {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchRun[]>;
  /** the Markdown block for BENCHMARKS.md from every recorded run (the latest per engine is usually what is shown) */
  report?(runs: BenchRun[]): string;
}
