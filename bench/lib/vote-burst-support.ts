// What bench/vote-burst.bench.ts needs besides the benchmark itself: the server's CPU and memory from /proc, the SSE
// streams of the phones and the projector (held by bench/lib/fanout-load.ts in a child process), the phones' keep-alive
// HTTP clients, and the raw durable insert rate of a ballot-like row.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { openSqlite } from '../../src/db/database.js';
import { killHard } from '../../src/modules/congress/congress.test-support.js';
import type { LoadSetup, LoadToParent, ParentToLoad } from './fanout-load.js';
import { BENCH_DIR, TMP_DIR } from './engines.js';
import { percentile, round } from './stats.js';

export const hr = () => Number(process.hrtime.bigint());
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the server's CPU (utime + stime, % of one core), peak RSS and run-queue wait over a phase

export class ProcSampler {
  private timer: NodeJS.Timeout | null = null;
  private start = { cpu: 0, at: 0, wait: 0 };
  private last = { cpu: 0, at: 0 };
  private rssMax = 0;
  private cpuSamples: number[] = [];
  constructor(private readonly pid: number) {}

  private cpuTicks(): number {
    const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime in USER_HZ (100)
  }
  rssMb(): number {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  }
  private waitNs(): number {
    try {
      return Number(fs.readFileSync(`/proc/${this.pid}/schedstat`, 'utf8').split(' ')[1]);
    } catch {
      return NaN;
    }
  }
  begin() {
    this.start = { cpu: this.cpuTicks(), at: hr(), wait: this.waitNs() };
    this.last = { cpu: this.start.cpu, at: this.start.at };
    this.rssMax = this.rssMb();
    this.cpuSamples = [];
    this.timer = setInterval(() => {
      try {
        const cur = { cpu: this.cpuTicks(), at: hr() };
        this.cpuSamples.push(((cur.cpu - this.last.cpu) / 100 / ((cur.at - this.last.at) / 1e9)) * 100);
        this.last = cur;
        this.rssMax = Math.max(this.rssMax, this.rssMb());
      } catch {
        /* the process is gone */
      }
    }, 50);
  }
  end() {
    if (this.timer) clearInterval(this.timer);
    const cpu = this.cpuTicks();
    const at = hr();
    this.rssMax = Math.max(this.rssMax, this.rssMb());
    const sorted = [...this.cpuSamples].sort((a, b) => a - b);
    const avg = ((cpu - this.start.cpu) / 100 / ((at - this.start.at) / 1e9)) * 100;
    return {
      /** CPU seconds the server used in the phase (all its threads) */
      server_cpu_s: round((cpu - this.start.cpu) / 100, 2),
      server_cpu_pct: round(avg, 1),
      server_cpu_peak_pct: round(sorted.length ? sorted[sorted.length - 1] : avg, 1),
      server_rss_mb: round(this.rssMax, 1),
      server_runqueue_wait_pct: round(((this.waitNs() - this.start.wait) / (at - this.start.at)) * 100, 1),
    };
  }
}

// ---- the SSE streams: bench/lib/fanout-load.ts in a child process, reporting each event once it reached every stream

export class SseFleet {
  private readonly child: ChildProcess;
  private readonly events: Extract<LoadToParent, { kind: 'event' }>[] = [];
  private waiters: (() => void)[] = [];
  private failure: Error | null = null;
  connected: Extract<LoadToParent, { kind: 'connected' }> | null = null;

  constructor() {
    this.child = fork(path.join(BENCH_DIR, 'lib', 'fanout-load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: LoadToParent) => {
      if (m.kind === 'event') this.events.push(m);
      else if (m.kind === 'error') this.failure = new Error(`SSE streams: ${m.message}`);
      else this.connected = m;
      this.waiters.splice(0).forEach((w) => w());
    });
    this.child.on('exit', (code) => {
      if (code && !this.failure) this.failure = new Error(`SSE process exited with ${code}`);
      this.waiters.splice(0).forEach((w) => w());
    });
  }
  get pid() {
    return this.child.pid!;
  }
  private async until(pred: () => boolean, ms: number, what: string) {
    const deadline = Date.now() + ms;
    while (!pred()) {
      if (this.failure) throw this.failure;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SSE streams: no ${what} within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
  async connect(setup: LoadSetup) {
    this.child.send({ kind: 'setup', setup } satisfies ParentToLoad);
    await this.until(() => this.connected !== null, 180_000, 'connections');
    return this.connected!;
  }
  /** the next event of the type that reached every stream (phones' arrival times, hrtime ns, and the projector's) */
  async next(type: string, ms = 15_000) {
    let found: (typeof this.events)[number] | undefined;
    await this.until(() => (found = this.events.find((e) => e.type === type)) !== undefined, ms, `${type} event on every stream`);
    this.events.splice(this.events.indexOf(found!), 1);
    return found!;
  }
  drain() {
    return this.events.splice(0);
  }
  async close() {
    if (this.child.exitCode !== null) return;
    this.child.send({ kind: 'close' } satisfies ParentToLoad);
    await Promise.race([new Promise((r) => this.child.once('exit', r)), sleep(3000)]);
    if (this.child.exitCode === null) await killHard(this.child);
  }
}

// ---- the phones: one keep-alive connection each

export class Phone {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  constructor(
    private readonly host: string,
    private readonly port: number,
    readonly token: string,
  ) {}

  request(method: 'GET' | 'POST', urlPath: string, body?: unknown): Promise<{ status: number; json: any }> {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: this.host, port: this.port, method, path: urlPath, agent: this.agent, headers: data ? { 'content-type': 'application/json', 'content-length': data.length } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: any = null;
            try {
              json = JSON.parse(text);
            } catch {
              json = text;
            }
            resolve({ status: res.statusCode ?? 0, json });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (data) req.end(data);
      else req.end();
    });
  }
  close() {
    this.agent.destroy();
  }
}

/** runs `fn` over the items `concurrency` at a time */
export async function inParallel<T>(items: readonly T[], concurrency: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < items.length; i = next++) await fn(items[i], i);
    }),
  );
}

export const sortedCopy = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
export const p = (xs: readonly number[], q: number) => percentile(sortedCopy(xs), q);

// ---- the raw durable insert rate of a ballot-like row

const BALLOT_LIKE = {
  receipt: () => Math.random().toString(36).slice(2, 18).toUpperCase(),
  hash: () => 'f'.repeat(24) + Math.random().toString(16).slice(2).padEnd(40, '0'),
  choice: JSON.stringify(Array.from({ length: 33 }, (_, i) => 2000 + i * 3)),
};

/**
 * Single-row INSERTs of a row shaped like a cast ballot (poll, random receipt code, client hash, 33 candidate ids as
 * JSON; primary key and unique key as cast_ballots has them), each its own committed transaction, for `seconds`: the
 * ceiling of a ballot box that commits ballot by ballot. SQLite: the product's pragmas (WAL, synchronous=FULL) on a
 * scratch file beside the server's; PostgreSQL: a scratch table in the benchmark database, synchronous_commit as the
 * server has it (on).
 */
export async function ballotInsertRate(engine: 'sqlite' | 'postgres', pgUrl: string | null, seconds = 3): Promise<number> {
  const ddl = (idType: string) =>
    `create table bench_ballot_rate (poll_kind text not null, poll_id ${idType} not null, receipt_code text not null, client_hash text not null, choice_json text not null, named_delegate_id integer, primary key (poll_kind, poll_id, receipt_code), unique (poll_kind, poll_id, client_hash))`;
  if (engine === 'sqlite') {
    const file = path.join(TMP_DIR, 'ballot-insert-rate.sqlite');
    const files = [file, `${file}-wal`, `${file}-shm`];
    for (const f of files) fs.rmSync(f, { force: true });
    const db = openSqlite(file);
    db.exec(ddl('integer') + ' without rowid');
    const ins = db.prepare('insert into bench_ballot_rate (poll_kind, poll_id, receipt_code, client_hash, choice_json, named_delegate_id) values (?, ?, ?, ?, ?, null)');
    let n = 0;
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    while (performance.now() < end) {
      ins.run('election', 1, BALLOT_LIKE.receipt(), BALLOT_LIKE.hash(), BALLOT_LIKE.choice);
      n++;
    }
    const rate = n / ((performance.now() - t0) / 1000);
    db.close();
    for (const f of files) fs.rmSync(f, { force: true });
    return Math.round(rate);
  }
  const c = new pg.Client({ connectionString: pgUrl! });
  await c.connect();
  try {
    await c.query('drop table if exists bench_ballot_rate');
    await c.query(ddl('integer'));
    let n = 0;
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    while (performance.now() < end) {
      await c.query({
        name: 'ins',
        text: 'insert into bench_ballot_rate (poll_kind, poll_id, receipt_code, client_hash, choice_json, named_delegate_id) values ($1, $2, $3, $4, $5, null)',
        values: ['election', 1, BALLOT_LIKE.receipt(), BALLOT_LIKE.hash(), BALLOT_LIKE.choice],
      });
      n++;
    }
    return Math.round(n / ((performance.now() - t0) / 1000));
  } finally {
    await c.query('drop table if exists bench_ballot_rate').catch(() => undefined);
    await c.end();
  }
}
