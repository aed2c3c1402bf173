// Runs the test files of one suite with node's test runner: `unit` (src/**/*.test.ts) or `e2e` (e2e/**/*.e2e.ts).
// The spec reporter ends with every failure in full (hook errors included), where a CI log's tail shows it.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const suite = process.argv[2] ?? 'unit';
const filter = process.argv[3];
const roots = suite === 'e2e' ? ['e2e'] : ['src', 'scripts'];
const suffix = suite === 'e2e' ? '.e2e.ts' : '.test.ts';

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? (e.name === 'node_modules' ? [] : walk(p)) : e.name.endsWith(suffix) ? [p] : [];
  });
}

const files = roots.flatMap(walk).filter((f) => !filter || f.includes(filter)).sort();
if (!files.length) {
  console.error(`no ${suite} test files found`);
  process.exit(1);
}
const concurrency = suite === 'e2e' ? '1' : String(Number(process.env.TEST_CONCURRENCY ?? 2));
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], { stdio: 'inherit', env: process.env });
process.exit(r.status ?? 1);
