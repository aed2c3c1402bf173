// Results files: a JSON list of runs, appended to, earlier runs kept.
import fs from 'node:fs';
import path from 'node:path';
import type { Machine } from './machine.js';

export interface BenchRun {
  name: string;
  engine: 'sqlite' | 'postgres';
  machine: Machine;
  date: string;
  metrics: Record<string, unknown>;
}

export function readRuns(file: string): BenchRun[] {
  if (!fs.existsSync(file)) return [];
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file} is not a list of runs`);
  return parsed;
}

export function appendRun(file: string, run: BenchRun) {
  const runs = readRuns(file);
  runs.push(run);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(runs, null, 2) + '\n');
}
