import type { ChangeLogEntry } from '#shared/model/types';
import type { WorkbenchDb } from '../database';

export { changeEntry, type ChangeInput } from '#shared/model/change-log';

/** The history of one meeting, newest first. The log is append-only: nothing here edits it. */
export function listMeetingChanges(db: WorkbenchDb, meetingId: string, limit = 500): Promise<ChangeLogEntry[]> {
  return db.changeLog
    .where('meetingId')
    .equals(meetingId)
    .toArray()
    .then((rows) => rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit));
}
