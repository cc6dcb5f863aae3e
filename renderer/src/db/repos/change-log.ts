import type { ChangeLogEntry } from '../../../../shared/model/types';
import { newId, nowIso } from '../../../../shared/util/ids';
import type { WorkbenchDb } from '../database';

export type ChangeInput = Omit<ChangeLogEntry, 'id' | 'at'> & { at?: string };

/** Builds change-log lines; written by the caller inside its own transaction. */
export function changeEntry(input: ChangeInput): ChangeLogEntry {
  return { id: newId(), at: input.at ?? nowIso(), ...input };
}

/** The history of one meeting, newest first. The log is append-only: nothing here edits it. */
export function listMeetingChanges(db: WorkbenchDb, meetingId: string, limit = 500): Promise<ChangeLogEntry[]> {
  return db.changeLog
    .where('meetingId')
    .equals(meetingId)
    .toArray()
    .then((rows) => rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit));
}
