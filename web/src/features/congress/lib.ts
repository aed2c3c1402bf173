// What the congress pages share: the writes the app client lacks (PUT, DELETE), file downloads, the live room.
import { createContext, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, request } from '../../app/api';
import type { Room, Speaker } from './types';

/** a room event as the hub sends it, for listeners beyond the room snapshot (the voting section) */
export interface RoomEvent {
  seq: number;
  type: string;
  payload: unknown;
}
/** the events of one live room, passed on to components inside it: one stream per page, not one per section */
export class RoomEventBus {
  private listeners = new Set<(e: RoomEvent) => void>();
  subscribe(fn: (e: RoomEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  emit(e: RoomEvent): void {
    this.listeners.forEach((fn) => fn(e));
  }
}
export const RoomEvents = createContext<RoomEventBus | null>(null);

export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);

/** a POST answered with a file (the cards PDF): the CSRF token comes from the session (useAuth().me.csrfToken) */
export async function downloadPost(path: string, body: unknown, csrfToken: string | undefined, fallbackName: string): Promise<void> {
  const r = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/pdf, application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  await saveDownload(r, fallbackName);
}

/** a GET answered with a file, fetched so that a refusal (e.g. no PDF converter on the server) is shown, not opened as JSON */
export async function downloadGet(path: string, fallbackName: string): Promise<void> {
  await saveDownload(await fetch(path, { credentials: 'same-origin' }), fallbackName);
}

async function saveDownload(r: Response, fallbackName: string): Promise<void> {
  if (!r.ok) {
    let message = `HTTP ${r.status}`;
    let code = 'HTTP_' + r.status;
    try {
      const j = (await r.json()) as { error?: { code?: string; message?: string } };
      message = j.error?.message ?? message;
      code = j.error?.code ?? code;
    } catch {
      // not JSON
    }
    throw new ApiError(r.status, code, message);
  }
  const blob = await r.blob();
  const cd = r.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const name = m ? decodeURIComponent(m[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type LiveStatus = 'connecting' | 'live' | 'offline';

interface HubMessage {
  seq: number;
  type: string;
  at: string;
  payload: Record<string, unknown>;
}

/** applies an event's payload to the snapshot when it carries the new state; false: re-read the snapshot */
function applyEvent(room: Room, e: HubMessage): Room | null {
  const p = e.payload;
  switch (e.type) {
    case 'checkin':
      return { ...room, attendance: p.attendance as Room['attendance'], lastSeq: e.seq };
    case 'agenda.current':
      return { ...room, agenda: p.agenda as Room['agenda'], currentAgendaItem: p.currentAgendaItem as Room['currentAgendaItem'], congress: { ...room.congress, currentAgendaItemId: (p.currentAgendaItem as { id: number } | null)?.id ?? null }, lastSeq: e.seq };
    case 'agenda.changed': {
      const agenda = p.agenda as Room['agenda'];
      const currentId = 'currentAgendaItemId' in p ? (p.currentAgendaItemId as number | null) : room.congress.currentAgendaItemId;
      return { ...room, agenda, currentAgendaItem: agenda.find((a) => a.id === currentId) ?? null, congress: { ...room.congress, currentAgendaItemId: currentId }, lastSeq: e.seq };
    }
    case 'speakers.changed': {
      const speakers = p.speakers as Speaker[];
      return { ...room, speakers, speaking: speakers.find((s) => s.status === 'speaking' || s.status === 'paused') ?? null, lastSeq: e.seq };
    }
    case 'projector.changed':
      return { ...room, projector: p.projector as Room['projector'], congress: { ...room.congress, projector: p.projector as Room['projector'] }, lastSeq: e.seq };
    case 'notice.created':
      return { ...room, notices: [p.notice as Room['notices'][number], ...room.notices.filter((n) => n.id !== (p.notice as { id: number }).id)], lastSeq: e.seq };
    case 'documents.changed':
      // the event carries the new list (a delegate's phone shows it; the staff room has none); an older event without it: re-read
      if (!p.documents) return null;
      return { ...room, ...(room.documents ? { documents: p.documents as Room['documents'] } : {}), lastSeq: e.seq };
    case 'delegates.changed':
      return p.attendance ? { ...room, attendance: p.attendance as Room['attendance'], lastSeq: e.seq } : null;
    case 'delegate.cards_revoked':
      // this phone's card revoked: re-read, which the server refuses, and the page says the card no longer works
      return room.me && (p.delegateIds as number[] | undefined)?.includes(room.me.id) ? null : { ...room, lastSeq: e.seq };
    default:
      return null;
  }
}

/**
 * The live room: one read of the snapshot, then the Server-Sent Events after its sequence number.
 * EventSource reconnects by itself with Last-Event-ID; when the stream is closed for good (server
 * restarted, phone slept) a new one opens with ?after= the last sequence seen, so nothing is missed.
 */
export function useLiveRoom(snapshotPath: string, eventsPath: string, key: readonly unknown[], enabled = true, extraTypes: readonly string[] = []) {
  const client = useQueryClient();
  const bus = useMemo(() => new RoomEventBus(), []);
  const extra = extraTypes.join(',');
  const q = useQuery({ queryKey: key, queryFn: () => request<Room>('GET', snapshotPath), enabled, staleTime: Infinity, retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 5 });
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const lastSeq = useRef<number | null>(null);
  const clockOffset = useRef(0);
  if (q.data) {
    if (lastSeq.current === null || q.data.lastSeq > lastSeq.current) lastSeq.current = q.data.lastSeq;
    clockOffset.current = Date.parse(q.data.serverTime) - q.dataUpdatedAt;
  }
  const ready = !!q.data;
  const keyString = JSON.stringify(key);

  useEffect(() => {
    if (!ready) return;
    let refetching = false;
    const refetch = () => {
      if (refetching) return;
      refetching = true;
      void client.refetchQueries({ queryKey: JSON.parse(keyString) as unknown[] }).finally(() => (refetching = false));
    };
    const onMessage = (ev: MessageEvent<string>) => {
      let e: HubMessage;
      try {
        e = JSON.parse(ev.data) as HubMessage;
      } catch {
        return;
      }
      if (lastSeq.current !== null && e.seq <= lastSeq.current) return;
      lastSeq.current = e.seq;
      bus.emit(e);
      if (extra && extra.split(',').includes(e.type) && !types.includes(e.type)) return;
      const room = client.getQueryData<Room>(JSON.parse(keyString) as unknown[]);
      const next = room ? applyEvent(room, e) : null;
      if (next) client.setQueryData(JSON.parse(keyString) as unknown[], next);
      else refetch();
    };
    const types = ['checkin', 'agenda.current', 'agenda.changed', 'speakers.changed', 'projector.changed', 'notice.created', 'delegates.changed', 'delegate.cards_revoked', 'congress.updated', 'documents.changed', 'seats.allocated'];
    const sep = eventsPath.includes('?') ? '&' : '?';
    return followEvents(() => `${eventsPath}${sep}after=${lastSeq.current ?? 0}`, [...new Set([...types, ...(extra ? extra.split(',') : [])])], onMessage, setStatus);
  }, [ready, eventsPath, keyString, client, bus, extra]);

  /** the server's clock now, so every screen shows the same timer */
  const serverNow = useCallback(() => Date.now() + clockOffset.current, []);
  return { ...q, status, serverNow, bus };
}

/**
 * An EventSource on `url()` for these event types that comes back by itself: 3 s after it drops, and at once when a
 * phone wakes up or goes back online. `url` is asked again at each (re)connection (to resume after the last event).
 * Returns the function that stops it.
 */
export function followEvents(url: () => string, types: readonly string[], onMessage: (ev: MessageEvent<string>) => void, onStatus: (s: LiveStatus) => void = () => undefined): () => void {
  let es: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const open = () => {
    if (stopped) return;
    es = new EventSource(url());
    es.onopen = () => onStatus('live');
    es.onerror = () => {
      if (!es || es.readyState === EventSource.CLOSED) {
        onStatus('offline');
        es?.close();
        es = null;
        timer = setTimeout(open, 3000);
      } else onStatus('connecting');
    };
    types.forEach((t) => es!.addEventListener(t, onMessage as EventListener));
    es.onmessage = onMessage;
  };
  open();
  // a phone that slept: reopen at once and catch up
  const wake = () => {
    if (document.visibilityState === 'visible' && (!es || es.readyState === EventSource.CLOSED)) {
      if (timer) clearTimeout(timer);
      open();
    }
  };
  document.addEventListener('visibilitychange', wake);
  window.addEventListener('online', wake);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    es?.close();
    document.removeEventListener('visibilitychange', wake);
    window.removeEventListener('online', wake);
  };
}

/** re-renders every `ms` */
export function useTick(ms = 500): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setN((x) => x + 1), ms);
    return () => clearInterval(id);
  }, [ms]);
  return n;
}

export function speakerElapsedMs(s: Pick<Speaker, 'elapsedMs' | 'runningSince'>, serverNow: number): number {
  return s.elapsedMs + (s.runningSince ? Math.max(0, serverNow - Date.parse(s.runningSince)) : 0);
}

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
