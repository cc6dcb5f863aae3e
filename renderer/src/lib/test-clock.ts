import { setClock } from '#shared/util/clock';

/**
 * Moves the domain clock (shared/util/clock.ts: overdue, due soon, the stamps of ledger writes) to
 * another day when the page address asks, `?clock=YYYY-MM-DD` before the `#` route — how the
 * end-to-end tests see an item fall overdue. Time keeps running from that day's local noon. The
 * desktop app loads its page without a query, so only the browser build can be asked.
 */
export function applyClockFromAddress(search: string = location.search): void {
  const day = new URLSearchParams(search).get('clock');
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!m) return;
  const offset = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12).getTime() - Date.now();
  setClock(() => new Date(Date.now() + offset));
}
