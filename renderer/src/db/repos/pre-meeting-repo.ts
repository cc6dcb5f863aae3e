// What the pre-meeting check of one meeting reads besides its roster and opinions: its talks,
// preparation, materials, 梳理 and 查摆问题, its ledger and last year's, and — for the copy
// comparison — the latest materials of every other unit and of the same unit's earlier years.
import type { Table } from 'dexie';
import type { MaterialRef } from '#shared/materials/copies';
import { preMeetingFingerprint } from '#shared/supervision/fingerprint';
import { materialRefs, previousMeeting, type PreMeetingRecords } from '#shared/supervision/pre-meeting-review';
import type { WorkbenchDb } from '../database';

type PreMeetingData = Pick<PreMeetingRecords, 'talks' | 'preparations' | 'materials' | 'consolidated' | 'problems' | 'ledger' | 'others' | 'unitName'>;

/** One meeting's pre-meeting records and the materials to compare with, read in one transaction. */
export async function loadPreMeeting(db: WorkbenchDb, meetingId: string): Promise<PreMeetingData | undefined> {
  return db.transaction('r', [db.meetings, db.units, db.members, db.talks, db.preparations, db.materials, db.consolidatedOpinions, db.problems, db.ledgerEntries], async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return undefined;
    const of = <T>(table: Table<T, string>, id = meetingId) => table.where('meetingId').equals(id).toArray();
    const [units, meetings, talks, preparations, consolidated, problems, ledgerEntries, allMaterials] = await Promise.all([
      db.units.toArray(),
      db.meetings.toArray(),
      of(db.talks),
      of(db.preparations),
      of(db.consolidatedOpinions),
      of(db.problems),
      of(db.ledgerEntries),
      db.materials.toArray(),
    ]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const previous = previousMeeting(meetings, meeting);
    const ledger = previous ? { previous: await of(db.ledgerEntries, previous.id), current: ledgerEntries } : undefined;
    // Other units' meetings, and this unit's earlier years: the ones whose materials can be copied from.
    const compared = new Map(meetings.filter((m) => !m.deletedAt && m.id !== meetingId && (m.unitId !== meeting.unitId || m.year < meeting.year)).map((m) => [m.id, m]));
    const materials = allMaterials.filter((m) => m.meetingId === meetingId);
    const otherIds = [...new Set(allMaterials.filter((m) => compared.has(m.meetingId) && !m.deletedAt).map((m) => m.meetingId))];
    const others: MaterialRef[] = [];
    for (const id of otherIds) {
      const m = compared.get(id)!;
      const members = await of(db.members, id);
      others.push(...materialRefs(m, unitName.get(m.unitId) ?? '其他单位', members, allMaterials.filter((x) => x.meetingId === id)));
    }
    return { unitName: unitName.get(meeting.unitId) ?? '', talks, preparations, materials, consolidated, problems, ledger, others };
  });
}

/**
 * The fingerprint of the meeting's live talks, live materials and current 会前准备 record (see
 * preMeetingFingerprint), or undefined when it has none: what a verdict judges besides the opinions.
 */
export async function loadPreMeetingFingerprint(db: WorkbenchDb, meetingId: string): Promise<string | undefined> {
  return db.transaction('r', [db.talks, db.preparations, db.materials], async () => {
    const [talks, preparations, materials] = await Promise.all([
      db.talks.where('meetingId').equals(meetingId).toArray(),
      db.preparations.where('meetingId').equals(meetingId).toArray(),
      db.materials.where('meetingId').equals(meetingId).toArray(),
    ]);
    return preMeetingFingerprint({ meetingId, talks, preparations, materials });
  });
}
