/** A new record id (UUID v4). */
export function newId(): string {
  return crypto.randomUUID();
}

/** The current time as an ISO-8601 string. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's date as `YYYY-MM-DD` in local time. */
export function todayDate(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
