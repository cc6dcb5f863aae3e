// Which automatic backups to keep: a pure decision, table-tested. The newest ten (whatever they
// are), the newest of each day for thirty days, and every backup taken before an upgrade or a
// restore for thirty days (the ones a person may need to go back to). Nothing else.
import type { BackupReason } from '#shared/backup/format';

export interface BackupEntry {
  name: string;
  /** Milliseconds since the epoch. */
  time: number;
  reason: BackupReason;
}

export interface RotationPolicy {
  keepLatest: number;
  keepDays: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { keepLatest: 10, keepDays: 30 };

const DAY_MS = 24 * 60 * 60 * 1000;
const SAFETY_REASONS: ReadonlySet<BackupReason> = new Set(['before-upgrade', 'before-restore']);

/**
 * The names of the backups to delete. `dayKey` names the calendar day of a time (main passes the
 * local date), so "one per day" follows the user's days.
 */
export function backupsToDelete(entries: readonly BackupEntry[], now: number, dayKey: (time: number) => string, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const newestFirst = [...entries].sort((a, b) => b.time - a.time || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>(newestFirst.slice(0, policy.keepLatest).map((e) => e.name));
  const since = now - policy.keepDays * DAY_MS;
  const daysSeen = new Set<string>();
  for (const entry of newestFirst) {
    if (entry.time < since) continue;
    const day = dayKey(entry.time);
    if (!daysSeen.has(day)) {
      daysSeen.add(day);
      keep.add(entry.name);
    }
    if (SAFETY_REASONS.has(entry.reason)) keep.add(entry.name);
  }
  return newestFirst.filter((e) => !keep.has(e.name)).map((e) => e.name);
}

/** The local calendar day of a time, `YYYY-MM-DD`. */
export function localDay(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
