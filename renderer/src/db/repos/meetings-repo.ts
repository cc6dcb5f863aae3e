import { orderedMembers } from '#shared/meeting/roster';
import { prepareMeeting, type MeetingDraft } from '#shared/model/drafts';
import type { Meeting, Member } from '#shared/model/types';
import { newId, nowIso } from '#shared/util/ids';
import type { WorkbenchDb } from '../database';
import { refuse, UserError } from '../../lib/user-error';
import { writeMeetingData } from './meeting-write';

const byYearDesc = (a: Meeting, b: Meeting) => b.year - a.year || (a.createdAt < b.createdAt ? 1 : -1);

/** One meeting by id, or undefined when it does not exist or is in the recycle bin. */
export async function getLiveMeeting(db: WorkbenchDb, id: string): Promise<Meeting | undefined> {
  const meeting = await db.meetings.get(id);
  return meeting && !meeting.deletedAt ? meeting : undefined;
}

/** A unit's live meetings, newest year first. */
export async function listMeetings(db: WorkbenchDb, unitId: string): Promise<Meeting[]> {
  const rows = await db.meetings.where('unitId').equals(unitId).toArray();
  return rows.filter((m) => !m.deletedAt).sort(byYearDesc);
}

export async function listDeletedMeetings(db: WorkbenchDb, unitId: string): Promise<Meeting[]> {
  const rows = await db.meetings.where('unitId').equals(unitId).toArray();
  return rows.filter((m) => m.deletedAt).sort(byYearDesc);
}

/** Creates a meeting; with `copyRosterFrom`, the members of that meeting are copied in rank order. */
export async function createMeeting(
  db: WorkbenchDb,
  unitId: string,
  draft: MeetingDraft,
  actor: string,
  copyRosterFrom?: string,
): Promise<Meeting> {
  const prepared = prepareMeeting(draft);
  if (!prepared.ok) refuse(prepared.problems);
  return writeMeetingData(db, [db.units, db.meetings, db.members], async (w) => {
    const unit = await db.units.get(unitId);
    if (!unit || unit.deletedAt) throw new UserError('该单位不存在或已删除');
    const now = nowIso();
    const meeting: Meeting = { id: newId(), unitId, ...prepared.value, createdAt: now, updatedAt: now };
    await db.meetings.add(meeting);
    w.log({ actor, entity: 'meeting', recordId: meeting.id, meetingId: meeting.id, action: 'create', summary: `新建会议“${meeting.title}”` });
    if (copyRosterFrom) {
      const source = orderedMembers(await db.members.where('meetingId').equals(copyRosterFrom).toArray());
      const copies: Member[] = source.map((m, i) => ({
        id: newId(),
        meetingId: meeting.id,
        name: m.name,
        position: m.position,
        areas: m.areas,
        rank: i + 1,
        createdAt: now,
        updatedAt: now,
      }));
      await db.members.bulkAdd(copies);
      if (copies.length > 0) {
        w.log({ actor, entity: 'member', recordId: meeting.id, meetingId: meeting.id, action: 'create', summary: `从上次会议复制班子成员 ${copies.length} 人` });
      }
    }
    return meeting;
  });
}

export async function updateMeeting(db: WorkbenchDb, id: string, draft: MeetingDraft, actor: string): Promise<void> {
  const prepared = prepareMeeting(draft);
  if (!prepared.ok) refuse(prepared.problems);
  await writeMeetingData(db, [db.meetings], async (w) => {
    const meeting = await db.meetings.get(id);
    if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
    await db.meetings.put({ ...meeting, ...prepared.value, updatedAt: nowIso() });
    w.log({ actor, entity: 'meeting', recordId: id, meetingId: id, action: 'update', summary: `修改会议“${prepared.value.title}”的设置` });
  });
}

/** Moves a meeting to the recycle bin; its members and opinions stay with it. */
export async function deleteMeeting(db: WorkbenchDb, id: string, actor: string): Promise<void> {
  await setMeetingDeleted(db, id, actor, true);
}

export async function restoreMeeting(db: WorkbenchDb, id: string, actor: string): Promise<void> {
  await setMeetingDeleted(db, id, actor, false);
}

async function setMeetingDeleted(db: WorkbenchDb, id: string, actor: string, deleted: boolean): Promise<void> {
  await writeMeetingData(db, [db.meetings], async (w) => {
    const meeting = await db.meetings.get(id);
    if (!meeting || Boolean(meeting.deletedAt) === deleted) return;
    const now = nowIso();
    const { deletedAt: _old, ...rest } = meeting;
    await db.meetings.put(deleted ? { ...rest, deletedAt: now, updatedAt: now } : { ...rest, updatedAt: now });
    w.log({ actor, entity: 'meeting', recordId: id, meetingId: id, action: deleted ? 'delete' : 'restore', summary: `${deleted ? '删除' : '恢复'}会议“${meeting.title}”` });
  });
}
