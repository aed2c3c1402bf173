// Test support for the congress room: an SSE client over fetch that collects events, real server processes.
import zlib from 'node:zlib';

export interface SseEvent {
  id: number | null;
  event: string;
  data: { seq: number; type: string; at: string; payload: any };
}

export interface SseClient {
  status: number;
  events: SseEvent[];
  /** resolves with the first event matching, waiting up to `ms` */
  waitFor(pred: (e: SseEvent) => boolean, ms?: number): Promise<SseEvent>;
  /** resolves when the server ends the stream (or it is closed here) */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const ac = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: ac.signal });
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let ended: Promise<void> = Promise.resolve();
  if (res.ok && res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    ended = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += decoder.decode(value, { stream: true });
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const fields: Record<string, string> = {};
            for (const line of block.split('\n')) {
              if (!line || line.startsWith(':')) continue;
              const k = line.indexOf(':');
              fields[line.slice(0, k)] = line.slice(k + 1).trimStart();
            }
            if (fields.data) {
              events.push({ id: fields.id ? Number(fields.id) : null, event: fields.event ?? 'message', data: JSON.parse(fields.data) });
              waiters.splice(0).forEach((w) => w());
            }
          }
        }
      } catch {
        /* aborted */
      }
    })();
  }
  return {
    status: res.status,
    events,
    async waitFor(pred, ms = 5000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const hit = events.find(pred);
        if (hit) return hit;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${ms} ms; got ${events.map((e) => `${e.id}:${e.event}`).join(', ')}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    ended,
    close: () => ac.abort(),
  };
}

// ---- real server processes (like src/server/durability.test.ts)

export { freePort, startServer, killHard } from '../../server/test-server.js';

/** a logged-in client of a real server: JSON requests with the session cookie and CSRF token */
export async function remoteClient(base: string, password: string) {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  if (r.status !== 200) throw new Error(`login failed: ${r.status}`);
  const cookie = r.headers.get('set-cookie')!.split(';')[0];
  const csrf = (await r.json()).csrfToken as string;
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  return { cookie, call };
}

/** an organisation with members, a congress of all of them as delegates, and their tokens */
export async function setUpCongress(client: Awaited<ReturnType<typeof remoteClient>>, members = 6) {
  const org = await client.call('POST', '/api/orgs', { name: 'Đảng bộ phường Đình Bảng', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' });
  const orgId = org.json.id as number;
  for (let i = 0; i < members; i++) {
    const r = await client.call('POST', `/api/orgs/${orgId}/members`, {
      fullName: `Nguyễn Văn Đại ${String.fromCharCode(65 + i)}`,
      gender: 'male',
      birthDate: '1980-01-01',
      ethnicity: 'Kinh',
      religion: null,
      hometown: null,
      education: null,
      theoryLevel: null,
      admittedOn: '2010-01-01',
      officialOn: '2011-01-01',
      cardNumber: null,
      position: null,
    });
    if (r.status !== 201) throw new Error(`member: ${JSON.stringify(r.json)}`);
  }
  const congress = await client.call('POST', '/api/congresses', { orgId, title: 'Đại hội Đảng bộ phường Đình Bảng lần thứ I', kind: 'members', opensOn: '2025-08-01', closesOn: '2025-08-01' });
  const congressId = congress.json.id as number;
  await client.call('POST', `/api/congresses/${congressId}/delegates`, { allActiveMembers: true });
  const tokens = (await client.call('POST', `/api/congresses/${congressId}/tokens`, { scope: 'all' })).json as { delegateId: number; token: string }[];
  return { orgId, congressId, tokens };
}

/** one file out of a zip (DOCX) archive, read through its central directory */
export function unzipEntry(zip: Buffer, name: string): string | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return null;
  let p = zip.readUInt32LE(end + 16);
  const count = zip.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entry = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}
