// The realtime hub: Server-Sent Events of a congress's changes, replayed from its event log.
//
// Every change is written with its event in one transaction (`congress_events`, one sequence per
// congress). After commit the hub of the writing process is poked; on PostgreSQL the transaction
// also NOTIFYs (delivered only on commit) so the hubs of the other server processes on the same
// database are poked too. A poked hub reads the rows after what its clients have, once per congress,
// and sends them to each client; a client that reconnects with `Last-Event-ID` (or `?after=`) gets
// what it missed from the same rows.
import type { FastifyReply, FastifyRequest } from 'fastify';
import pg from 'pg';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.js';
import type { Executor } from '../db/types.js';

export interface HubEvent {
  seq: number;
  type: string;
  payload: unknown;
  at: string;
}

export type EventReader = (db: Executor, congressId: number, after: number, limit?: number) => Promise<HubEvent[]>;

/** events read per round: a held client catching up is sent a page at a time, as its stream drains */
const PAGE = 200;
/** streams written to before the hub lets other work run */
const FANOUT_SLICE = 250;

interface Client {
  /** the last sequence handed to the client's stream */
  cursor: number;
  /** writes events (SSE bytes); false: the stream's buffer is full, the client is held (sent nothing more) until it drains and resumes */
  send(bytes: Buffer): boolean;
  /** ends the client's stream when the server closes (it reconnects to another process) */
  end(): void;
  held: boolean;
  /** an event after which this client's stream must end, once the event is sent (its access was revoked) */
  endsOn?: (e: HubEvent) => boolean;
}

export interface Subscription {
  unsubscribe(): void;
  /** the held client's stream has drained: send it what it has not had yet */
  resume(): void;
}

interface Room {
  clients: Set<Client>;
  /** fetches run one after another per congress, so no client sees an event twice or out of order */
  chain: Promise<void>;
  pending: boolean;
}

export const NOTIFY_CHANNEL = 'daihoi_congress_events';

export class RealtimeHub {
  private rooms = new Map<number, Room>();
  private listener: pg.Client | null = null;
  private schema: string | null = null;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly readEvents: EventReader,
  ) {}

  async start(): Promise<void> {
    if (this.handle.engine !== 'postgres') return;
    const r = await sql<{ schema: string }>`select current_schema() as schema`.execute(this.handle.db);
    this.schema = r.rows[0].schema;
    await this.listen();
  }

  /** a dedicated connection per process that LISTENs; it reconnects by itself and then catches every room up */
  private async listen(): Promise<void> {
    if (this.closed) return;
    const options = this.handle.pgPool!.options;
    const client = new pg.Client({ connectionString: options.connectionString, ...(options.options ? { options: options.options } : {}) });
    const retry = () => {
      if (this.closed || this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => undefined);
      this.reconnectTimer = setTimeout(() => this.listen().catch(() => undefined), 1000);
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (n) => {
      const [schema, id, seq] = (n.payload ?? '').split(':');
      if (schema === this.schema) this.poke(Number(id), Number(seq));
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch {
      retry();
      return;
    }
    for (const id of this.rooms.keys()) this.poke(id);
  }

  /** inside the writing transaction: on PostgreSQL, other processes hear of the event when (and only if) it commits */
  async announceInTransaction(db: Executor, congressId: number, seq: number): Promise<void> {
    if (this.handle.engine !== 'postgres') return;
    await sql`select pg_notify(${NOTIFY_CHANNEL}, current_schema() || ':' || ${String(congressId)} || ':' || ${String(seq)})`.execute(db);
  }

  /** after commit: deliver in this process at once (the NOTIFY echo, if any, finds nothing new) */
  committed(congressId: number, seq: number): void {
    this.poke(congressId, seq);
  }

  /** the events after `after`, for polling clients */
  read(congressId: number, after: number): Promise<HubEvent[]> {
    return this.readEvents(this.handle.db, congressId, after);
  }

  subscribe(congressId: number, after: number, send: (bytes: Buffer) => boolean, end: () => void = () => undefined, endsOn?: (e: HubEvent) => boolean): Subscription {
    let room = this.rooms.get(congressId);
    if (!room) {
      room = { clients: new Set(), chain: Promise.resolve(), pending: false };
      this.rooms.set(congressId, room);
    }
    const client: Client = { cursor: after, send, end, held: false, endsOn };
    room.clients.add(client);
    this.poke(congressId);
    return {
      unsubscribe: () => {
        const r = this.rooms.get(congressId);
        if (!r) return;
        r.clients.delete(client);
        if (!r.clients.size) this.rooms.delete(congressId);
      },
      resume: () => {
        if (!client.held) return;
        client.held = false;
        this.poke(congressId);
      },
    };
  }

  clientCount(congressId?: number): number {
    if (congressId !== undefined) return this.rooms.get(congressId)?.clients.size ?? 0;
    let n = 0;
    for (const r of this.rooms.values()) n += r.clients.size;
    return n;
  }

  private poke(congressId: number, seq?: number): void {
    const room = this.rooms.get(congressId);
    if (!room || room.pending) return;
    if (seq !== undefined && [...room.clients].every((c) => c.held || c.cursor >= seq)) return;
    room.pending = true;
    room.chain = room.chain.then(async () => {
      room.pending = false;
      try {
        for (;;) {
          // held clients wait for their stream to drain; they do not hold back the others' reads
          let from = Infinity;
          for (const c of room.clients) if (!c.held && c.cursor < from) from = c.cursor;
          if (from === Infinity) return;
          const events = await this.readEvents(this.handle.db, congressId, from, PAGE);
          if (!events.length) return;
          // what a client lacks goes out in one write: events that piled up while the hub was busy (a door rush) cost one
          // write per stream, not one per event; streams at the same place share the bytes
          const lacking = new Map<number, Buffer>();
          const last = events[events.length - 1].seq;
          let written = 0;
          for (const c of room.clients) {
            // a slice of the streams at a time: between slices the process answers requests (the door's check-ins
            // mid-transaction) instead of waiting for 2,000 writes (bench/fanout.bench.ts, door with phones)
            if (++written % FANOUT_SLICE === 0) await new Promise((r) => setImmediate(r));
            // held, up to date, or subscribed during a slice from before this read (its poke reads for it next)
            if (c.held || c.cursor >= last || c.cursor < from) continue;
            let bytes = lacking.get(c.cursor);
            if (!bytes) {
              const cursor = c.cursor;
              bytes = Buffer.concat(events.filter((e) => e.seq > cursor).map(sseBytes));
              lacking.set(cursor, bytes);
            }
            const ending = c.endsOn && events.some((e) => e.seq > c.cursor && c.endsOn!(e));
            c.cursor = last;
            if (!c.send(bytes)) c.held = true;
            if (ending) {
              room.clients.delete(c);
              c.end();
            }
          }
          if (events.length < PAGE) return;
        }
      } catch {
        // the next poke (or the client's reconnect) catches up
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const l = this.listener;
    this.listener = null;
    if (l) await l.end().catch(() => undefined);
    for (const room of this.rooms.values()) for (const c of room.clients) c.end();
    this.rooms.clear();
  }
}

/** answers with an SSE stream of the congress's events after `after`; `once` sends what is missed then closes (polling clients) */
// one event goes to every connected phone: serialise it once, not once per client (bench/fanout.bench.ts)
// and encode it to UTF-8 once: written as a string, each stream would encode it again
const serialised = new WeakMap<HubEvent, Buffer>();
function sseBytes(e: HubEvent): Buffer {
  let bytes = serialised.get(e);
  if (bytes === undefined) {
    bytes = Buffer.from(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify({ seq: e.seq, type: e.type, at: e.at, payload: e.payload })}\n\n`);
    serialised.set(e, bytes);
  }
  return bytes;
}

/**
 * Backpressure per stream (bench/fanout.bench.ts: memory grew with slow readers): once a stream holds more than
 * SLOW_CLIENT_BUFFER_BYTES unsent, its client is held — sent nothing more until the stream drains, then caught
 * up from the log, so a large catch-up goes out at the reader's pace. A client held for SLOW_CLIENT_GRACE_MS
 * (it stopped reading) is cut off; it reconnects with Last-Event-ID and catches up the same way.
 */
export const SLOW_CLIENT_BUFFER_BYTES = 256 * 1024;
export const SLOW_CLIENT_GRACE_MS = 5_000;

/** `endsOn`: the event that ends this stream once sent (a delegate's card revoked); the client's reconnect is then refused */
export async function streamEvents(request: FastifyRequest, reply: FastifyReply, hub: RealtimeHub, congressId: number, after: number, once: boolean, endsOn?: (e: HubEvent) => boolean): Promise<void> {
  const missed = once ? await hub.read(congressId, after) : [];
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(`retry: 2000\n: after ${after}\n\n`);
  if (once) {
    for (const e of missed) res.write(sseBytes(e));
    res.end();
    return;
  }
  let cutOff: NodeJS.Timeout | null = null;
  const write = (bytes: Buffer): boolean => {
    res.write(bytes);
    if (res.writableLength <= SLOW_CLIENT_BUFFER_BYTES) return true;
    cutOff ??= setTimeout(() => res.destroy(), SLOW_CLIENT_GRACE_MS);
    return false;
  };
  const subscription = hub.subscribe(congressId, after, write, () => res.end(), endsOn);
  res.on('drain', () => {
    if (cutOff) clearTimeout(cutOff);
    cutOff = null;
    subscription.resume();
  });
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  const stop = () => {
    clearInterval(ping);
    if (cutOff) clearTimeout(cutOff);
    subscription.unsubscribe();
  };
  request.raw.on('close', stop);
  res.on('close', stop);
}

/** the sequence a reconnecting client has: the Last-Event-ID header wins over ?after= */
export function resumeFrom(request: FastifyRequest, after: number | undefined): number | undefined {
  const header = request.headers['last-event-id'];
  const fromHeader = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
  return fromHeader ?? after;
}
