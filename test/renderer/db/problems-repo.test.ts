// The problem-item repository: saved whole after the shared checks, target fixed, soft delete and
// restore in one transaction each, every change in the change log.
import { describe, expect, it } from 'vitest';
import { listMeetingChanges } from '../../../renderer/src/db/repos/change-log';
import { listProblems, saveProblem, setProblemsDeleted } from '../../../renderer/src/db/repos/problems-repo';
import { ACTOR, freshDb, problemDraft, seedMeeting } from './test-db';

const draft = problemDraft;

describe('problem items', () => {
  it('adds items at the end of their target, keeps the target on update, and logs each change', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const a = await saveProblem(db, meeting.id, draft(), ACTOR);
    const b = await saveProblem(db, meeting.id, draft({ description: '批评与自我批评不够' }), ACTOR);
    const c = await saveProblem(db, meeting.id, draft({ targetId: members[1]!.id }), ACTOR);
    expect([a.order, b.order, c.order]).toEqual([1, 2, 1]);
    await saveProblem(db, meeting.id, draft({ description: '调研不够深入' }), ACTOR, a.id);
    expect((await listProblems(db, meeting.id)).find((p) => p.id === a.id)!.description).toBe('调研不够深入');
    await expect(saveProblem(db, meeting.id, draft({ targetId: members[0]!.id }), ACTOR, a.id)).rejects.toThrow('责任对象不能修改');
    const log = await listMeetingChanges(db, meeting.id);
    expect(log.filter((l) => l.entity === 'problem').map((l) => l.action).sort()).toEqual(['create', 'create', 'create', 'update']);
  });

  it('refuses a bad item in Chinese and writes nothing', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    await expect(saveProblem(db, meeting.id, draft({ description: '  ' }), ACTOR)).rejects.toThrow('问题表现不能为空');
    await expect(saveProblem(db, meeting.id, draft({ sources: ['道听途说'] }), ACTOR)).rejects.toThrow('不在本次会议的来源列表中');
    await expect(saveProblem(db, meeting.id, draft({ targetId: '00000000-0000-4000-8000-0000000000ff' }), ACTOR)).rejects.toThrow('不是本次会议的班子成员');
    await expect(saveProblem(db, meeting.id, draft({ consolidatedIds: ['00000000-0000-4000-8000-0000000000ee'] }), ACTOR)).rejects.toThrow('关联的意见不存在');
    expect(await db.problems.count()).toBe(0);
  });

  it('keeps an incomplete item (五个明确 are checked, not forced at entry)', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const p = await saveProblem(db, meeting.id, draft({ standard: '', deadline: '' }), ACTOR);
    expect((await listProblems(db, meeting.id)).map((x) => x.id)).toEqual([p.id]);
  });

  it('moves items to the recycle bin and back, all or none', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const a = await saveProblem(db, meeting.id, draft(), ACTOR);
    const b = await saveProblem(db, meeting.id, draft({ description: '另一问题' }), ACTOR);
    await setProblemsDeleted(db, meeting.id, [a.id, b.id], true, ACTOR);
    expect(await listProblems(db, meeting.id)).toEqual([]);
    await expect(setProblemsDeleted(db, meeting.id, [a.id, '00000000-0000-4000-8000-0000000000aa'], false, ACTOR)).rejects.toThrow('请刷新后重试');
    expect(await listProblems(db, meeting.id)).toEqual([]);
    await setProblemsDeleted(db, meeting.id, [a.id], false, ACTOR);
    expect((await listProblems(db, meeting.id)).map((p) => p.id)).toEqual([a.id]);
    expect((await db.problems.get(a.id))!.deletedAt).toBeUndefined();
  });
});
