// The member rows of the national plan in batches, in id order, deterministic: generated inline or in a worker thread
// (the worker keeps one core generating while the main thread writes; same rows either way).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { foldForSearch, vietnameseNameSortKey } from '../../src/shared/vietnamese.js';
import { createRandom } from './prng.js';
import { generateMember, PROVINCES } from './national-tree.js';

export const FIRST_CARD = 20_000_000;

export interface BatchInput {
  /** [org id, direct members, province index, founded on] in id order */
  orgs: [number, number, number, string][];
  seed: number;
  today: string;
  now: string;
  batch: number;
}

export interface MemberBatch {
  members: unknown[][];
  periods: unknown[][];
}

/** derived name columns, memoised: the same full names recur many times among 5.6 million people */
class NameColumns {
  private cache = new Map<string, [string, string]>();
  get(fullName: string): [string, string] {
    let v = this.cache.get(fullName);
    if (!v) {
      // exactly what members.store.ts profileColumns() computes
      v = [foldForSearch(fullName), vietnameseNameSortKey(fullName.trim().normalize('NFC'))];
      if (this.cache.size < 2_000_000) this.cache.set(fullName, v);
    }
    return v;
  }
}

export function* generateBatches(input: BatchInput): Generator<MemberBatch> {
  const random = createRandom(input.seed ^ 0x5eed);
  const names = new NameColumns();
  const provinceUnit = PROVINCES.map((p) => `${p.city ? 'thành phố' : 'tỉnh'} ${p.name}`);
  let card = FIRST_CARD;
  const nextCard = () => String(card++);
  const { now, today } = input;
  let id = 0;
  let members: unknown[][] = [];
  let periods: unknown[][] = [];
  for (const [orgId, count, provinceIndex, foundedOn] of input.orgs) {
    for (let k = 0; k < count; k++) {
      const g = generateMember(random, today, provinceUnit[provinceIndex], nextCard);
      const fullName = g.fullName.trim().normalize('NFC');
      const [searchName, sortKey] = names.get(fullName);
      id++;
      members.push([
        id, orgId, fullName, searchName, sortKey, g.gender, g.birthDate, g.ethnicity.trim(), g.religion, g.hometown, g.education, g.theoryLevel,
        g.admittedOn, g.officialOn, g.cardNumber, g.position, 'active', now, now,
      ]);
      // the import route: a member admitted before the unit existed joined it on its founding day
      periods.push([id, id, orgId, g.admittedOn > foundedOn ? g.admittedOn : foundedOn, 'import']);
      if (members.length >= input.batch) {
        yield { members, periods };
        members = [];
        periods = [];
      }
    }
  }
  if (members.length) yield { members, periods };
}

/** the same batches produced by a worker thread, at most `ahead` batches buffered */
export async function* generateBatchesInWorker(input: BatchInput, ahead = 4): AsyncGenerator<MemberBatch> {
  // the worker runs this same TypeScript file: tsx's loader is registered in it first
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: input });
  const queue: (MemberBatch | null)[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: MemberBatch | null) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.postMessage(ahead);
  try {
    for (;;) {
      while (!queue.length && !failure) await new Promise<void>((r) => (wake = r));
      if (failure) throw failure;
      const next = queue.shift()!;
      if (next === null) return;
      worker.postMessage(1);
      yield next;
    }
  } finally {
    await worker.terminate();
  }
}

if (!isMainThread && parentPort && workerData) {
  const port = parentPort;
  const batches = generateBatches(workerData as BatchInput);
  let credit = 0;
  let done = false;
  port.on('message', (n: number) => {
    credit += n;
    while (credit > 0 && !done) {
      const r = batches.next();
      if (r.done) {
        done = true;
        port.postMessage(null);
      } else {
        credit--;
        port.postMessage(r.value);
      }
    }
  });
}
