// 会前准备 of a meeting (方案报送, 学习研讨): one record per meeting, created on the first save and
// replaced whole after the zod schema — through the one write path (change log, summary).
import { currentPreparation, meetingPreparationSchema, type MeetingPreparation } from '#shared/model/preparation';
import { parseRecord } from '#shared/model/zod-fields';
import { newId, nowIso } from '#shared/util/ids';
import { refuse, UserError } from '../../lib/user-error';
import type { WorkbenchDb } from '../database';
import { writeMeetingData } from './meeting-write';

type PreparationDraft = Pick<MeetingPreparation, 'planSubmittedOn' | 'studySessions'>;

/** The meeting's live preparation record, if any. */
export async function getPreparation(db: WorkbenchDb, meetingId: string): Promise<MeetingPreparation | undefined> {
  return currentPreparation(await db.preparations.where('meetingId').equals(meetingId).toArray(), meetingId);
}

/** Saves the meeting's 方案报送 date and 学习研讨 sessions (sessions kept in date order). */
export async function savePreparation(db: WorkbenchDb, meetingId: string, draft: PreparationDraft, actor: string): Promise<MeetingPreparation> {
  return writeMeetingData(db, [db.meetings, db.preparations], async (w) => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
    const existing = currentPreparation(await db.preparations.where('meetingId').equals(meetingId).toArray(), meetingId);
    const now = nowIso();
    const studySessions = [...draft.studySessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const parsed = parseRecord(meetingPreparationSchema, { planSubmittedOn: draft.planSubmittedOn, studySessions, id: existing?.id ?? newId(), meetingId, createdAt: existing?.createdAt ?? now, updatedAt: now });
    if (!parsed.ok) refuse([parsed.error]);
    await db.preparations.put(parsed.value);
    const plan = parsed.value.planSubmittedOn === '' ? '方案未报送' : `方案报送于${parsed.value.planSubmittedOn}`;
    w.log({ actor, entity: 'preparation', recordId: parsed.value.id, meetingId, action: existing ? 'update' : 'create', summary: `会前准备：${plan}，学习研讨${studySessions.length}次`, at: now });
    return parsed.value;
  });
}
