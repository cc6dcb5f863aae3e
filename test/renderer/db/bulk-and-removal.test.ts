import { describe, expect, it } from 'vitest';
import { listMeetingChanges } from '../../../renderer/src/db/repos/change-log';
import { moveOpinionsAndRemoveMember } from '../../../renderer/src/db/repos/member-removal-repo';
import { listMembers } from '../../../renderer/src/db/repos/members-repo';
import { addOpinions, deleteOpinions, listDeletedOpinions, listOpinions, restoreOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import { GROUP_TARGET } from '#shared/model/types';
import { ACTOR, freshDb, seedMeeting } from './test-db';

const pasted = { actor: ACTOR, origin: { kind: 'pasted' as const } };
const draft = (targetId: string, content: string) => ({ targetId, category: '上级领导', channel: '书面征求', content });

describe('a batch of opinions', () => {
  it('keeps the order it was pasted in, whatever the ids', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const texts = Array.from({ length: 30 }, (_, i) => `第${i + 1}条：调研不够深入，联系群众不够`);
    await addOpinions(db, meeting.id, texts.map((t) => draft(GROUP_TARGET, t)), pasted);
    expect((await listOpinions(db, meeting.id)).map((o) => o.content)).toEqual(texts);
  });

  it('is deleted and restored as a whole in one step, and the summary follows', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const added = await addOpinions(db, meeting.id, Array.from({ length: 200 }, (_, i) => draft(GROUP_TARGET, `批量第${i}条意见：工作作风不够扎实`)), pasted);
    const ids = added.map((o) => o.id);
    expect(await deleteOpinions(db, ids, ACTOR)).toBe(200);
    expect(await listOpinions(db, meeting.id)).toEqual([]);
    expect((await db.meetingSummaries.get(meeting.id))?.totals.raw).toBe(0);
    expect(await restoreOpinions(db, ids, ACTOR)).toBe(200);
    expect(await listDeletedOpinions(db, meeting.id)).toEqual([]);
    expect((await db.meetingSummaries.get(meeting.id))?.totals.raw).toBe(200);
  });
});

describe('removing a member who has opinions', () => {
  it('moves the opinions to another target and removes the member in one step', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const [zhang, li] = members;
    await addOpinions(db, meeting.id, [draft(zhang!.id, '调研不够深入'), draft(zhang!.id, '学习不够系统')], pasted);
    expect(await moveOpinionsAndRemoveMember(db, zhang!.id, li!.id, ACTOR)).toBe(2);
    expect((await listMembers(db, meeting.id)).map((m) => m.name)).toEqual(['李四', '王五']);
    expect((await listOpinions(db, meeting.id)).map((o) => o.targetId)).toEqual([li!.id, li!.id]);
    expect((await listMeetingChanges(db, meeting.id)).some((c) => c.summary === '移除班子成员张三（2 条意见改到李四（副局长））')).toBe(true);
  });

  it('changes nothing when the new target is not in the meeting', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    await addOpinions(db, meeting.id, [draft(members[0]!.id, '调研不够深入')], pasted);
    await expect(moveOpinionsAndRemoveMember(db, members[0]!.id, 'not-a-member', ACTOR)).rejects.toThrow('要改到的意见对象不在本次会议的名单中');
    await expect(moveOpinionsAndRemoveMember(db, members[0]!.id, members[0]!.id, ACTOR)).rejects.toThrow('请选择另一位意见对象');
    expect((await listMembers(db, meeting.id)).length).toBe(3);
    expect((await listOpinions(db, meeting.id))[0]!.targetId).toBe(members[0]!.id);
  });
});
