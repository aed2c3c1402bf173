// `npm run bench [-- --only national[,other]] [--quick] [--engine sqlite|postgres] [--report-only]`: runs every bench/*.bench.ts (or the chosen ones).
// Full runs append to bench/results/<name>.json and refresh that benchmark's block in BENCHMARKS.md;
// quick runs (smaller data, fewer repetitions; a smoke test) write to bench/tmp/results/<name>.json only.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../src/db/database.js';
import type { Benchmark } from './lib/registry.js';
import { appendRun, readRuns } from './lib/results.js';
import { BENCH_DIR, RESULTS_DIR, TMP_DIR, postgresReachable } from './lib/engines.js';
import { log } from './lib/stats.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string', multiple: true },
    quick: { type: 'boolean', default: false },
    engine: { type: 'string', multiple: true },
    list: { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

async function discover(): Promise<Benchmark[]> {
  const files = fs.readdirSync(BENCH_DIR).filter((f) => f.endsWith('.bench.ts')).sort();
  const out: Benchmark[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(BENCH_DIR, f)).href)) as { benchmark?: Benchmark };
    if (!mod.benchmark) throw new Error(`${f} does not export \`benchmark\``);
    out.push(mod.benchmark);
  }
  return out;
}

const split = (xs: string[] | undefined) => (xs ?? []).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);

async function main() {
  const all = await discover();
  if (values.help || values.list) {
    console.log('npm run bench [-- --only <name>[,<name>]] [--quick] [--engine sqlite|postgres] [--report-only]\n');
    for (const b of all) console.log(`  ${b.name.padEnd(12)} ${b.description}`);
    return;
  }
  const wanted = [...split(values.only), ...positionals];
  const unknown = wanted.filter((w) => !all.some((b) => b.name === w));
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${all.map((b) => b.name).join(', ')}`);
  const chosen = wanted.length ? all.filter((b) => wanted.includes(b.name)) : all;

  if (values['report-only']) {
    // rewrites the BENCHMARKS.md blocks from the recorded runs, measuring nothing
    for (const b of chosen) if (b.report) updateBenchmarksMd(b.name, b.report(readRuns(path.join(RESULTS_DIR, `${b.name}.json`))));
    return;
  }
  const requested = (split(values.engine).length ? split(values.engine) : ['sqlite', 'postgres']) as Engine[];
  const engines: Engine[] = [];
  for (const e of requested) {
    if (e !== 'sqlite' && e !== 'postgres') throw new Error(`unknown engine ${e}`);
    if (e === 'postgres' && !(await postgresReachable())) {
      if (split(values.engine).includes('postgres') || process.env.DAIHOI_REQUIRE_POSTGRES === '1') throw new Error('PostgreSQL is not reachable');
      log('PostgreSQL not reachable: SQLite only');
      continue;
    }
    engines.push(e);
  }

  fs.mkdirSync(TMP_DIR, { recursive: true });
  const quick = values.quick!;
  for (const b of chosen) {
    const file = quick ? path.join(TMP_DIR, 'results', `${b.name}.json`) : path.join(RESULTS_DIR, `${b.name}.json`);
    log(`▶ ${b.name}${quick ? ' (quick)' : ''} on ${engines.join(', ')} → ${path.relative(process.cwd(), file)}`);
    const runs = await b.run({ quick, engines, record: (run) => appendRun(file, run) });
    log(`✓ ${b.name}: ${runs.length} run(s) recorded`);
    if (!quick && b.report) updateBenchmarksMd(b.name, b.report(readRuns(file)));
  }
}

/** replaces the block between <!-- bench:NAME --> and <!-- /bench:NAME --> in BENCHMARKS.md (appends it when missing) */
function updateBenchmarksMd(name: string, block: string) {
  const file = path.join(BENCH_DIR, '..', 'BENCHMARKS.md');
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const body = `${open}\n${block.trim()}\n${close}`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  const next = start >= 0 && end > start ? text.slice(0, start) + body + text.slice(end + close.length) : `${text.trimEnd()}\n\n${body}\n`;
  fs.writeFileSync(file, next);
  log(`BENCHMARKS.md: ${name} block updated`);
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
