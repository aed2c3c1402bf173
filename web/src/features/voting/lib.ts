// What the voting pages share: the overview query, the live voting events, the ballot kept on the phone.
import { useContext, useEffect, useRef } from 'react';
import { RoomEvents, followEvents } from '../congress/lib';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Election, ElectionTally, VotingOverview } from './types';

export const VOTING_EVENTS = [
  'vote.opened',
  'vote.closed',
  'vote.turnout',
  'election.opened',
  'election.closed',
  'election.turnout',
  'election.paper_progress',
  'voting.changed',
  'projector.changed',
] as const;

export interface VotingEvent {
  seq: number;
  type: (typeof VOTING_EVENTS)[number];
  payload: Record<string, unknown>;
}

/**
 * Follows the congress's voting events: through the room's stream when inside a live room page (RoomEvents), else on a
 * stream of its own.
 * Each (re)connection starts from now, so it refetches the snapshot first: nothing between the read and the
 * stream is missed. `onEvent` returns true when it applied the event itself; otherwise the snapshot is re-read.
 */
export function useVotingEvents(eventsPath: string, keys: QueryKey[], onEvent?: (e: VotingEvent) => boolean, enabled = true) {
  const client = useQueryClient();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const keysString = JSON.stringify(keys);
  // inside a live room page (phone, projector): its stream carries the voting events too — no second connection
  const bus = useContext(RoomEvents);
  useEffect(() => {
    if (!enabled || !bus) return;
    const keyList = JSON.parse(keysString) as QueryKey[];
    const voting = new Set<string>(VOTING_EVENTS);
    return bus.subscribe((e) => {
      if (voting.has(e.type) && !handler.current?.(e as VotingEvent)) keyList.forEach((k) => void client.invalidateQueries({ queryKey: k }));
    });
  }, [bus, keysString, client, enabled]);
  useEffect(() => {
    if (!enabled || bus) return;
    const keyList = JSON.parse(keysString) as QueryKey[];
    const refetch = () => keyList.forEach((k) => void client.invalidateQueries({ queryKey: k }));
    const onMessage = (ev: MessageEvent<string>) => {
      let e: VotingEvent;
      try {
        e = JSON.parse(ev.data) as VotingEvent;
      } catch {
        return;
      }
      if (!handler.current?.(e)) refetch();
    };
    // each (re)connection starts from now: the snapshot is read again when it opens, so nothing is missed
    return followEvents(() => eventsPath, VOTING_EVENTS, onMessage, (s) => s === 'live' && refetch());
  }, [eventsPath, keysString, client, enabled, bus]);
}

export const votingKey = (congressId: number) => ['voting', congressId] as const;

/** the staff's overview of the congress's votes, elections and decisions, kept live */
export function useVotingOverview(congressId: number) {
  const client = useQueryClient();
  const key = votingKey(congressId);
  const q = useQuery({ queryKey: key, queryFn: () => api.get<VotingOverview>(`/api/congresses/${congressId}/voting`), enabled: congressId > 0 });
  useVotingEvents(
    `/api/congresses/${congressId}/events`,
    [key, ['election', congressId], ['paper', congressId]],
    (e) => {
      // turnout comes in bursts: patched in place, not re-read
      if (e.type !== 'vote.turnout' && e.type !== 'election.turnout') return false;
      const { kind, pollId, voted } = e.payload as { kind: 'vote' | 'election'; pollId: number; voted: number };
      client.setQueryData<VotingOverview>(key, (d) =>
        d && (kind === 'vote' ? { ...d, votes: d.votes.map((v) => (v.id === pollId ? { ...v, voted } : v)) } : { ...d, elections: d.elections.map((x) => (x.id === pollId ? { ...x, voted } : x)) }),
      );
      return true;
    },
    congressId > 0,
  );
  return q;
}

// ---- the ballot kept on the phone

export interface KeptBallot {
  clientBallotId: string;
  /** what was sent: a retry resends exactly this */
  choice: unknown;
  receiptCode?: string;
}

/** a ballot id: crypto.randomUUID where the page is a secure context, random bytes otherwise (plain http on a LAN) */
export function newClientBallotId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID().replace(/-/g, '');
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const storageKey = (owner: string, kind: 'vote' | 'election', id: number) => `daihoi.ballot.${owner}.${kind}.${id}`;

export function readBallot(owner: string, kind: 'vote' | 'election', id: number): KeptBallot | null {
  try {
    const s = localStorage.getItem(storageKey(owner, kind, id));
    return s ? (JSON.parse(s) as KeptBallot) : null;
  } catch {
    return null;
  }
}

export function keepBallot(owner: string, kind: 'vote' | 'election', id: number, b: KeptBallot): void {
  try {
    localStorage.setItem(storageKey(owner, kind, id), JSON.stringify(b));
  } catch {
    // storage unavailable: the ballot still goes, a retry would use a new id (the server refuses a second ballot)
  }
}

export const percent = (n: number, of: number) => (of > 0 ? Math.round((n * 1000) / of) / 10 : 0);

/** 66.67 → "66,67%" in Vietnamese, "66.67%" in English */
export function formatPercent(n: number, lng: string): string {
  return `${new Intl.NumberFormat(lng === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 }).format(n)}%`;
}

/** what an election fills: "Bầu 5 người", a delegation's official and alternate seats, or alternate seats alone (a further round) */
export function seatsLabel(t: (key: string, options?: Record<string, unknown>) => string, e: { body: string; seats: number; alternateSeats: number }): string {
  if (e.body !== 'delegation' || !e.alternateSeats) return t('election.seatsN', { seats: e.seats });
  if (!e.seats) return t('election.seatsAlternatesOnly', { alternates: e.alternateSeats });
  return t('election.seatsDelegation', { seats: e.seats, alternates: e.alternateSeats });
}

/** what the count calls for next, in words (a delegation counts its official and alternate seats apart) */
export function nextStepText(t: (key: string, options?: Record<string, unknown>) => string, body: string, tally: Pick<ElectionTally, 'nextStep' | 'unfilledSeats' | 'unfilledAlternateSeats'>): string {
  const perBody = (tally.nextStep === 'congress_decides' || tally.nextStep === 'seats_left_empty') && body !== 'delegation';
  return t(`tally.next.${tally.nextStep}${perBody ? '_body' : ''}`, { seats: tally.unfilledSeats, alternates: tally.unfilledAlternateSeats });
}

/** the rules the congress decided for an election, in one line (a further round is not held to the surplus) */
export function electionRulesLine(
  t: (key: string, options?: Record<string, unknown>) => string,
  e: Pick<Election, 'round' | 'surplusMinPercent' | 'surplusMaxPercent' | 'tieAtLastSeat' | 'fewerElected'>,
): string {
  const tie = t(`election.tieShort_${e.tieAtLastSeat}`);
  const fewer = t(`election.fewerShort_${e.fewerElected}`);
  if (e.round > 1) return t('election.rulesLineRound', { tie, fewer });
  const surplus =
    e.surplusMaxPercent !== null
      ? t('election.surplusRange', { min: e.surplusMinPercent, max: e.surplusMaxPercent })
      : e.surplusMinPercent > 0
        ? t('election.surplusFrom', { min: e.surplusMinPercent })
        : t('election.surplusNone');
  return t('election.rulesLine', { surplus, tie, fewer });
}
