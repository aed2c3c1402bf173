/** Time is injected so rules and stores are testable. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const isoNow = (clock: Clock) => clock.now().toISOString();
/** the calendar date in Vietnam (UTC+7), which is what "today" means to a Party office */
export const today = (clock: Clock) => new Date(clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });
