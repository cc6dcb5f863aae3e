// The one clock of the domain's date rules (overdue, due soon, carry-over stamps). Production reads
// the system time; tests and the command line's `--date` set it, so every rule sees the same day.
import { todayDate } from './ids';

let source: () => Date = () => new Date();

/** Today as `YYYY-MM-DD` in local time. */
export function today(): string {
  return todayDate(source());
}

/** The clock's instant as an ISO timestamp: the stamps of ledger writes, so 挂号 and 销号 dates agree with today(). */
export function nowStamp(): string {
  return source().toISOString();
}

/** Sets the clock: a fixed day (`YYYY-MM-DD`, taken at local noon), a fixed instant, or a function. */
export function setClock(value: string | Date | (() => Date)): void {
  if (typeof value === 'function') source = value;
  else {
    const fixed = typeof value === 'string' ? dayAtNoon(value) : new Date(value.getTime());
    source = () => new Date(fixed.getTime());
  }
}

/** Back to the system time. */
export function resetClock(): void {
  source = () => new Date();
}

function dayAtNoon(day: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`setClock: not a YYYY-MM-DD day: ${day}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}
