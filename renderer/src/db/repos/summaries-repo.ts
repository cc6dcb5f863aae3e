// The per-meeting summaries (schema v2): recomputed from the meeting's rows inside the same
// transaction as the write that changed them. Repositories do not call refreshSummaries: the one
// write path (meeting-write.ts) does, once per transaction, for every meeting the write changed.
import type { Table } from 'dexie';
import { computeMeetingSummary, type MeetingSummary } from '../../../../shared/supervision/summary';
import type { WorkbenchDb } from '../database';

/** The tables refreshSummaries reads and writes: add them to the scope of the calling transaction. */
export function summaryTables(db: WorkbenchDb): Table[] {
  return [db.meetings, db.members, db.opinions, db.audits, db.copyFindings, db.meetingSummaries];
}

/** A transaction scope: the given tables plus the summary tables, each once. */
export function withSummaryTables(db: WorkbenchDb, ...tables: Table[]): Table[] {
  const all = new Map<string, Table>();
  // A database opened read-only at an older version may lack the summary tables: leave them out
  // of the scope, so the write reaches the read-only refusal rather than failing on a missing table.
  for (const t of [...tables, ...summaryTables(db)] as Array<Table | undefined>) if (t) all.set(t.name, t);
  return [...all.values()];
}

/**
 * Recomputes and stores the summaries of the given meetings. Call it inside the transaction that
 * changed them (its scope must include {@link summaryTables}); a few milliseconds per meeting.
 * A meeting that no longer exists loses its summary.
 */
export async function refreshSummaries(db: WorkbenchDb, meetingIds: Iterable<string>): Promise<void> {
  for (const meetingId of new Set(meetingIds)) {
    // All five reads at once: one round trip instead of two (the write path waits on this).
    const [meeting, members, opinions, audits, findings] = await Promise.all([
      db.meetings.get(meetingId),
      db.members.where('meetingId').equals(meetingId).toArray(),
      db.opinions.where('meetingId').equals(meetingId).toArray(),
      db.audits.where('meetingId').equals(meetingId).toArray(),
      db.copyFindings.get(meetingId),
    ]);
    if (!meeting) {
      await db.meetingSummaries.delete(meetingId);
      continue;
    }
    await db.meetingSummaries.put(computeMeetingSummary({ meeting, members, opinions, audits, crossUnitWarnings: findings?.warnings.length }));
  }
}

/** Every meeting's summary: what the overview reads (one small row per meeting, no opinions). */
export function listSummaries(db: WorkbenchDb): Promise<MeetingSummary[]> {
  return db.meetingSummaries.toArray();
}
