// Issue #3, "Performance": the realtime fan-out of one congress and the door.
// A real server process (src/cli/main.ts serve) on a fresh database of each engine; a congress with 2,000 delegates
// (members created through the API), a token each; a load generator in a second process (bench/lib/fanout-load.ts)
// holds one SSE stream per delegate's phone plus the projector's stream. Then:
//  - fanout: check-ins and agenda changes posted one at a time; latency = arrival of the event on a stream − the moment
//    just before the POST left (process.hrtime, CLOCK_MONOTONIC, shared by the two processes); limit p99 < 300 ms.
//  - door: 500 check-ins (QR tokens) posted open-loop at an even pace over 60 s, latency = the POST's acknowledgement,
//    limit p99 < 100 ms; once before the phones connect ('door') and once with the 2,000 phones connected, every
//    check-in fanning out to them ('door_with_phones').
// The server's CPU (utime + stime from /proc/<pid>/stat, % of one core) and RSS (VmRSS of /proc/<pid>/status) are
// sampled every 100 ms during each phase, with the time it waited for a core (/proc/<pid>/schedstat: the machine is shared).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Engine } from '../src/db/database.js';
import { killHard, remoteClient, startServer } from '../src/modules/congress/congress.test-support.js';
import { setUpLargeCongress } from './lib/fanout-congress.js';
import type { Benchmark } from './lib/registry.js';
import type { BenchRun } from './lib/results.js';
import { describeMachine } from './lib/machine.js';
import { TMP_DIR, pgUrl } from './lib/engines.js';
import { fmtMs, log, percentile, round } from './lib/stats.js';
import { SseFleet } from './lib/vote-burst-support.js';

export const LIMITS = { fanout_p99_ms: 300, door_p99_ack_ms: 100 } as const;
const PASSWORD = 'fanout-bench-password-1';
const PG_DB = 'daihoi_bench_fanout';

interface Scale {
  clients: number;
  /** events of the fan-out phase, half check-ins, half agenda changes */
  events: number;
  /** pause between two fan-out events, ms */
  gapMs: number;
  checkins: number;
  doorSeconds: number;
}
const FULL: Scale = { clients: 2000, events: 40, gapMs: 250, checkins: 500, doorSeconds: 60 };
const QUICK: Scale = { clients: 200, events: 10, gapMs: 150, checkins: 50, doorSeconds: 6 };

const hr = () => Number(process.hrtime.bigint());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- server CPU and memory from /proc

class ProcSampler {
  private readonly tick = 100; // USER_HZ on Linux
  private timer: NodeJS.Timeout | null = null;
  private start: { cpu: number; at: number } | null = null;
  private rssMax = 0;
  private rssSamples: number[] = [];
  private cpuSamples: number[] = [];
  private last: { cpu: number; at: number } | null = null;
  private waitStart = 0;
  constructor(private readonly pid: number) {}

  private cpuTicks(): number {
    const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  }
  rssMb(): number {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  }
  /** ns the process's threads spent runnable but waiting for a core (/proc/<pid>/schedstat, second field) */
  private runqueueWaitNs(): number {
    try {
      return Number(fs.readFileSync(`/proc/${this.pid}/schedstat`, 'utf8').split(' ')[1]);
    } catch {
      return NaN;
    }
  }
  begin() {
    this.start = this.last = { cpu: this.cpuTicks(), at: hr() };
    this.waitStart = this.runqueueWaitNs();
    this.rssMax = this.rssMb();
    this.rssSamples = [this.rssMax];
    this.cpuSamples = [];
    this.timer = setInterval(() => {
      try {
        const cur = { cpu: this.cpuTicks(), at: hr() };
        this.cpuSamples.push(((cur.cpu - this.last!.cpu) / this.tick / ((cur.at - this.last!.at) / 1e9)) * 100);
        this.last = cur;
        const rss = this.rssMb();
        this.rssSamples.push(rss);
        this.rssMax = Math.max(this.rssMax, rss);
      } catch {
        /* the process is gone */
      }
    }, 100);
  }
  end() {
    if (this.timer) clearInterval(this.timer);
    const cpu = this.cpuTicks();
    const at = hr();
    const avg = ((cpu - this.start!.cpu) / this.tick / ((at - this.start!.at) / 1e9)) * 100;
    const sorted = [...this.cpuSamples].sort((a, b) => a - b);
    return {
      server_cpu_pct: round(avg, 1),
      server_cpu_peak_pct: round(sorted.length ? percentile(sorted, 95) : avg, 1),
      server_rss_mb: round(this.rssMax, 1),
      /** share of the phase the server's main thread was ready to run but waited for a core (other jobs on the 2 cores) */
      server_runqueue_wait_pct: round(((this.runqueueWaitNs() - this.waitStart) / (at - this.start!.at)) * 100, 1),
    };
  }
}

// ---- the load generator process: the SSE fleet of bench/lib/vote-burst-support.ts (bench/lib/fanout-load.ts in a child)

// ---- one engine

async function environment(engine: Engine) {
  const dir = fs.mkdtempSync(path.join(TMP_DIR, 'fanout-'));
  const env: Record<string, string> = { DAIHOI_DATA: dir, DAIHOI_ADMIN_PASSWORD: PASSWORD, DAIHOI_CHECKIN_RATE_LIMIT: '1000000', DATABASE_URL: '' };
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: pgUrl('postgres') });
    await c.connect();
    try {
      return await c.query(q);
    } finally {
      await c.end();
    }
  };
  let version = '';
  if (engine === 'postgres') {
    await admin(`drop database if exists ${PG_DB} with (force)`);
    await admin(`create database ${PG_DB}`);
    env.DATABASE_URL = pgUrl(PG_DB);
    version = `PostgreSQL ${(await admin('show server_version')).rows[0].server_version}`;
  } else {
    const { default: Database } = await import('better-sqlite3');
    const mem = new Database(':memory:');
    version = `SQLite ${(mem.prepare('select sqlite_version() as v').get() as { v: string }).v}`;
    mem.close();
  }
  return {
    env,
    version,
    async cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
      if (engine === 'postgres') await admin(`drop database if exists ${PG_DB} with (force)`);
    },
  };
}

async function runEngine(engine: Engine, scale: Scale, quick: boolean, record: (r: BenchRun) => void): Promise<BenchRun[]> {
  const e = await environment(engine);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const load = new SseFleet();
  const runs: BenchRun[] = [];
  try {
    const machine = { ...describeMachine(), engine_version: e.version };
    const date = new Date().toISOString();
    server = await startServer(e.env);
    const pid = server.child.pid!;
    const client = await remoteClient(server.base, PASSWORD);
    // the fan-out check-ins use the first delegates, the door with phones the next ones, the door without phones the last ones
    const delegates = Math.max(scale.clients, scale.events + 2 * scale.checkins);
    const t0 = Date.now();
    const { congressId, tokens } = await setUpLargeCongress(client, delegates);
    if (tokens.length < delegates) throw new Error(`only ${tokens.length} tokens for ${delegates} delegates`);
    log(`${engine}: congress with ${tokens.length} delegates and tokens in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const items: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await client.call('POST', `/api/congresses/${congressId}/agenda`, { title: `Mục ${i + 1}` });
      if (r.status !== 201 && r.status !== 200) throw new Error(`agenda: ${JSON.stringify(r.json)}`);
      items.push(r.json.id as number);
    }

    const sampler = new ProcSampler(pid);

    /** `checkins` QR check-ins (tokens from `first` on) posted open-loop at an even pace over `doorSeconds`; latency = acknowledgement */
    const door = async (name: string, first: number, phones: number): Promise<BenchRun> => {
      const machine = { ...describeMachine(), engine_version: e.version };
      const date = new Date().toISOString();
      const interval = (scale.doorSeconds * 1000) / scale.checkins;
      const acks: number[] = [];
      const lateness: number[] = [];
      const failures: string[] = [];
      sampler.begin();
      const start = Date.now();
      const pending: Promise<void>[] = [];
      for (let i = 0; i < scale.checkins; i++) {
        const due = start + i * interval;
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
        lateness.push(Math.max(0, Date.now() - due));
        const token = tokens[first + i].token;
        pending.push(
          (async () => {
            const sent = hr();
            const r = await client.call('POST', `/api/congresses/${congressId}/checkins`, { token });
            acks.push((hr() - sent) / 1e6);
            if (r.status !== 200 || r.json.created !== true) failures.push(`${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
          })(),
        );
      }
      await Promise.all(pending);
      const seconds = (Date.now() - start) / 1000;
      const cpu = sampler.end();
      if (failures.length) throw new Error(`${failures.length} door check-ins failed, e.g. ${failures[0]}`);
      await sleep(phones ? 2000 : 200);
      const present = await client.call('GET', `/api/congresses/${congressId}/attendance`);
      const seen = load.drain();
      const sorted = [...acks].sort((a, b) => a - b);
      const run: BenchRun = {
        name,
        engine,
        machine,
        date,
        metrics: {
          checkins: scale.checkins,
          seconds: round(seconds, 1),
          pace: `open loop, one every ${round(interval, 0)} ms (${scale.checkins} in ${scale.doorSeconds} s), QR token, ${phones ? `${phones} phones + projector connected` : 'no stream connected'}`,
          clients: phones,
          // the issue's names (the door's latency is the acknowledgement of a check-in), and the same figures by what they measure
          p50_ms: round(percentile(sorted, 50), 1),
          p99_ms: round(percentile(sorted, 99), 1),
          p50_ack_ms: round(percentile(sorted, 50), 1),
          p99_ack_ms: round(percentile(sorted, 99), 1),
          max_ack_ms: round(sorted[sorted.length - 1], 1),
          limit_p99_ack_ms: LIMITS.door_p99_ack_ms,
          /** how late the poster itself sent (its own process starved of CPU), p99 */
          poster_lateness_p99_ms: round(percentile([...lateness].sort((a, b) => a - b), 99), 1),
          ...(phones ? { events_on_every_stream: seen.filter((x) => x.complete && x.type === 'checkin').length } : {}),
          present: present.json.present,
          ...cpu,
          loadavg_end: os.loadavg().map((x) => Number(x.toFixed(2))),
          quick,
        },
      };
      record(run);
      log(`${engine}: ${name}, ${scale.checkins} check-ins in ${seconds.toFixed(1)} s: ack p50 ${fmtMs(percentile(sorted, 50))} ms, p99 ${fmtMs(percentile(sorted, 99))} ms (limit ${LIMITS.door_p99_ack_ms}); server CPU ${cpu.server_cpu_pct}%, run-queue wait ${cpu.server_runqueue_wait_pct}%, RSS ${cpu.server_rss_mb} MB`);
      return run;
    };

    // -- the door before the phones connect
    runs.push(await door('door', scale.events + 2 * scale.checkins, 0));

    const rssIdle = sampler.rssMb();
    const conn = await load.connect({ base: server.base, congressId, cookie: client.cookie, tokens: tokens.slice(0, scale.clients).map((x) => x.token), concurrency: 50 });
    if (conn.failed || conn.streams < scale.clients) throw new Error(`${conn.failed} of ${scale.clients} streams failed to open`);
    const rssConnected = sampler.rssMb();
    log(`${engine}: ${conn.streams} phone streams + projector open in ${(conn.ms / 1000).toFixed(1)} s; server RSS ${rssIdle.toFixed(0)} → ${rssConnected.toFixed(0)} MB`);
    await sleep(1000);

    // -- fan-out: one change at a time
    const phoneMs: number[] = [];
    const projectorMs: number[] = [];
    const lastMs: number[] = [];
    const postMs: number[] = [];
    sampler.begin();
    for (let k = 0; k < scale.events; k++) {
      const isCheckin = k % 2 === 0;
      const type = isCheckin ? 'checkin' : 'agenda.current';
      const sent = hr();
      const r = isCheckin
        ? await client.call('POST', `/api/congresses/${congressId}/checkins`, { token: tokens[k].token })
        : await client.call('POST', `/api/congresses/${congressId}/agenda/current`, { itemId: items[k % items.length] });
      postMs.push((hr() - sent) / 1e6);
      if (r.status !== 200) throw new Error(`${type}: ${r.status} ${JSON.stringify(r.json)}`);
      const ev = await load.next(type);
      const lat = ev.phones.map((t) => (t - sent) / 1e6);
      phoneMs.push(...lat);
      lastMs.push(Math.max(...lat));
      if (ev.projector !== null) projectorMs.push((ev.projector - sent) / 1e6);
      await sleep(scale.gapMs);
    }
    const fanCpu = sampler.end();
    const all = [...phoneMs, ...projectorMs].sort((a, b) => a - b);
    const fanout: BenchRun = {
      name: 'fanout',
      engine,
      machine: { ...machine, loadavg_start: machine.loadavg_start },
      date,
      metrics: {
        clients: conn.streams,
        events: scale.events,
        event_kinds: 'check-in and agenda.current, alternating, one at a time',
        samples: all.length,
        p50_ms: round(percentile(all, 50), 1),
        p99_ms: round(percentile(all, 99), 1),
        max_ms: round(all[all.length - 1], 1),
        projector_p99_ms: round(percentile([...projectorMs].sort((a, b) => a - b), 99), 1),
        last_client_p50_ms: round(percentile([...lastMs].sort((a, b) => a - b), 50), 1),
        post_ack_p50_ms: round(percentile([...postMs].sort((a, b) => a - b), 50), 1),
        limit_p99_ms: LIMITS.fanout_p99_ms,
        ...fanCpu,
        server_rss_idle_mb: round(rssIdle, 1),
        server_rss_connected_mb: round(rssConnected, 1),
        loadavg_end: os.loadavg().map((x) => Number(x.toFixed(2))),
        quick,
      },
    };
    record(fanout);
    runs.push(fanout);
    log(`${engine}: fan-out to ${conn.streams} + projector: p50 ${fmtMs(percentile(all, 50))} ms, p99 ${fmtMs(percentile(all, 99))} ms (limit ${LIMITS.fanout_p99_ms}); server CPU ${fanCpu.server_cpu_pct}%, run-queue wait ${fanCpu.server_runqueue_wait_pct}%, RSS ${fanCpu.server_rss_mb} MB`);
    load.drain();

    // -- the door again, with the phones connected (every check-in fans out to them)
    runs.push(await door('door_with_phones', scale.events + scale.checkins, conn.streams));
    return runs;
  } finally {
    await load.close();
    if (server) await killHard(server.child);
    await e.cleanup();
  }
}

/** the fields issue #3 names for every run of bench/results/fanout.json; a run without them is not written */
export const ISSUE_METRICS = ['clients', 'p50_ms', 'p99_ms', 'server_cpu_pct', 'server_rss_mb'] as const;
export function checkedRun(run: BenchRun): BenchRun {
  const missing = ISSUE_METRICS.filter((k) => typeof run.metrics[k] !== 'number' || !Number.isFinite(run.metrics[k]));
  if (missing.length) throw new Error(`run ${run.name} (${run.engine}) lacks ${missing.join(', ')}`);
  return run;
}

export const benchmark: Benchmark = {
  name: 'fanout',
  description: 'issue #3: realtime fan-out of a check-in / agenda change to 2,000 phones + projector (p99 < 300 ms) and 500 door check-ins in a minute (ack p99 < 100 ms), real server process',
  async run({ quick, engines, record }) {
    const scale = quick ? QUICK : FULL;
    const out: BenchRun[] = [];
    for (const engine of engines) out.push(...(await runEngine(engine, scale, quick, (r) => record(checkedRun(r)))));
    return out;
  },
  report(runs) {
    const latest = (engine: string, name: string) => [...runs].reverse().find((x) => x.engine === engine && x.name === name && !x.metrics.quick);
    const out = [
      '## Congress room realtime (issue #3)',
      '',
      'A real server process per engine; a load generator process on loopback holds one SSE stream per delegate’s phone plus the projector’s. Fan-out latency: from just before the POST (check-in or agenda change, one at a time) to the event’s arrival on each stream, over every stream and event. Door: check-ins (QR tokens) posted at an even pace (open loop), once before the phones connect and once with them connected (every check-in then fans out to them); latency is the acknowledgement. Server CPU: % of one core, averaged over the phase; RSS: peak; run-queue wait: share of the phase the server was ready to run but waited for a core (/proc/<pid>/schedstat), i.e. how much the other jobs on the two cores held it back.',
      '',
      '| Engine | Measure | Clients | p50 | p99 | Limit | Server CPU | Run-queue wait | Server RSS | Load avg (1 min) at start |',
      '|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const engine of ['sqlite', 'postgres'] as const) {
      const f = latest(engine, 'fanout');
      if (f) {
        const m = f.metrics as Record<string, number>;
        out.push(`| ${engine} | Fan-out, ${m.events} events | ${m.clients} + projector | ${fmtMs(m.p50_ms)} ms | ${fmtMs(m.p99_ms)} ms | < ${m.limit_p99_ms} ms | ${m.server_cpu_pct}% | ${m.server_runqueue_wait_pct ?? '–'}% | ${m.server_rss_mb} MB | ${f.machine.loadavg_start[0]} |`);
      }
      for (const name of ['door', 'door_with_phones']) {
        const d = latest(engine, name);
        if (!d) continue;
        const m = d.metrics as Record<string, number>;
        out.push(`| ${engine} | Door, ${m.checkins} check-ins in ${Math.round(m.seconds)} s (ack) | ${m.clients ? `${m.clients} + projector` : 'none'} | ${fmtMs(m.p50_ack_ms)} ms | ${fmtMs(m.p99_ack_ms)} ms | < ${m.limit_p99_ack_ms} ms | ${m.server_cpu_pct}% | ${m.server_runqueue_wait_pct ?? '–'}% | ${m.server_rss_mb} MB | ${d.machine.loadavg_start[0]} |`);
      }
    }
    const any = [...runs].reverse().find((x) => !x.metrics.quick);
    if (any) out.push('', `Measured ${any.date.slice(0, 10)} on ${any.machine.cpus} × ${any.machine.cpu_model}, ${any.machine.ram_gb} GB, ${any.machine.os}, Node ${any.machine.node}; the server, the load generator and the poster share these cores with other jobs (load average as shown).`);
    return out.join('\n');
  },
};
