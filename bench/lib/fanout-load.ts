// The load generator of bench/fanout.bench.ts, run as a separate child process (node --import tsx, with an IPC channel):
// it opens one plain HTTP SSE stream per simulated phone (GET /api/delegate/:token/events) plus the projector's stream
// (GET /api/congresses/:id/events with the staff cookie), parses the events and, once every stream has an event,
// reports its arrival times (process.hrtime, CLOCK_MONOTONIC, the same clock as the parent's on this machine).
import http from 'node:http';

export interface LoadSetup {
  base: string;
  congressId: number;
  tokens: string[];
  cookie: string;
  /** connections opened at once while connecting */
  concurrency: number;
}

export type LoadToParent =
  | { kind: 'connected'; streams: number; failed: number; ms: number }
  | { kind: 'event'; seq: number; type: string; phones: number[]; projector: number | null; complete: boolean }
  | { kind: 'error'; message: string };

export type ParentToLoad = { kind: 'setup'; setup: LoadSetup } | { kind: 'close' };

const now = () => Number(process.hrtime.bigint());
const send = (m: LoadToParent) => process.send!(m);

interface Stream {
  req: http.ClientRequest;
  /** hrtime (ns) of each event's arrival, by sequence */
  arrivals: Map<number, number>;
}

const streams: Stream[] = [];
let projector: Stream | null = null;
/** sequence → [type, how many phone streams have it] */
const seen = new Map<number, { type: string; count: number; reported: boolean }>();
let expected = 0;

function open(url: string, headers: Record<string, string>, isProjector: boolean): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const stream: Stream = { req: null as unknown as http.ClientRequest, arrivals: new Map() };
    const req = http.get(url, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`${url}: HTTP ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        const t = now();
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          let id: number | null = null;
          let type = 'message';
          for (const line of block.split('\n')) {
            if (line.startsWith('id:')) id = Number(line.slice(3).trim());
            else if (line.startsWith('event:')) type = line.slice(6).trim();
          }
          if (id === null) continue;
          stream.arrivals.set(id, t);
          if (!isProjector) {
            const s = seen.get(id) ?? { type, count: 0, reported: false };
            s.count++;
            seen.set(id, s);
          }
          check(id);
        }
      });
      resolve(stream);
    });
    stream.req = req;
    req.on('error', reject);
  });
}

function check(seq: number) {
  const s = seen.get(seq);
  if (!s || s.reported || s.count < expected || (projector && !projector.arrivals.has(seq))) return;
  s.reported = true;
  report(seq, s.type, true);
}

function report(seq: number, type: string, complete: boolean) {
  const phones = streams.map((x) => x.arrivals.get(seq) ?? -1);
  send({ kind: 'event', seq, type, phones, projector: projector?.arrivals.get(seq) ?? null, complete });
  for (const x of streams) x.arrivals.delete(seq);
  projector?.arrivals.delete(seq);
}

async function connect(setup: LoadSetup) {
  const t0 = Date.now();
  let failed = 0;
  projector = await open(`${setup.base}/api/congresses/${setup.congressId}/events`, { cookie: setup.cookie }, true);
  const queue = [...setup.tokens];
  const worker = async () => {
    for (let token = queue.shift(); token !== undefined; token = queue.shift()) {
      try {
        streams.push(await open(`${setup.base}/api/delegate/${token}/events`, {}, false));
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: setup.concurrency }, worker));
  expected = streams.length;
  send({ kind: 'connected', streams: streams.length, failed, ms: Date.now() - t0 });
}

process.on('message', (m: ParentToLoad) => {
  if (m.kind === 'setup') connect(m.setup).catch((e) => send({ kind: 'error', message: String(e?.message ?? e) }));
  else if (m.kind === 'close') {
    // whatever has not reached every stream yet is reported as incomplete
    for (const [seq, s] of seen) if (!s.reported) report(seq, s.type, false);
    for (const x of streams) x.req.destroy();
    projector?.req.destroy();
    setTimeout(() => process.exit(0), 100);
  }
});
process.on('disconnect', () => process.exit(0));
