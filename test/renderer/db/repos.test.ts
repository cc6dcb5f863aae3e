import { describe, expect, it, vi } from 'vitest';
import { listMeetingChanges } from '../../../renderer/src/db/repos/change-log';
import { UserError } from '../../../renderer/src/lib/user-error';
import { createMeeting, deleteMeeting, listDeletedMeetings, listMeetings, restoreMeeting } from '../../../renderer/src/db/repos/meetings-repo';
import { addMember, deleteMember, listMembers, moveMember, reorderMembers } from '../../../renderer/src/db/repos/members-repo';
import { addOpinions, deleteOpinions, listDeletedOpinions, listOpinions, restoreOpinions, updateOpinion } from '../../../renderer/src/db/repos/opinions-repo';
import { createUnit, deleteUnit, listUnits, moveUnit } from '../../../renderer/src/db/repos/units-repo';
import { computeReadiness } from '#shared/checks/readiness';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';
import { ACTOR, freshDb, seedMeeting } from './test-db';

const typed = { actor: ACTOR, origin: { kind: 'typed' as const } };

describe('units', () => {
  it('keeps display order and refuses duplicate names', async () => {
    const db = freshDb();
    await createUnit(db, { name: '甲局' }, ACTOR);
    const b = await createUnit(db, { name: '乙局' }, ACTOR);
    await expect(createUnit(db, { name: ' 甲局 ' }, ACTOR)).rejects.toThrow('已有名为“甲局”的单位');
    await moveUnit(db, b.id, -1, ACTOR);
    expect((await listUnits(db)).map((u) => u.name)).toEqual(['乙局', '甲局']);
  });

  it('refuses to delete a unit that still has meetings', async () => {
    const db = freshDb();
    const { unit } = await seedMeeting(db);
    await expect(deleteUnit(db, unit.id, ACTOR)).rejects.toThrow('还有 1 次会议');
  });
});

describe('meetings', () => {
  it('copies the roster of an earlier meeting in rank order', async () => {
    const db = freshDb();
    const { unit, meeting } = await seedMeeting(db);
    await moveMember(db, meeting.id, (await listMembers(db, meeting.id))[2]!.id, -1, ACTOR);
    const next = await createMeeting(db, unit.id, { year: 2026, title: '2026年度民主生活会', ruleSet: defaultRuleSet() }, ACTOR, meeting.id);
    expect((await listMembers(db, next.id)).map((m) => [m.name, m.rank])).toEqual([
      ['张三', 1],
      ['王五', 2],
      ['李四', 3],
    ]);
  });

  it('moves a meeting to the recycle bin and back', async () => {
    const db = freshDb();
    const { unit, meeting } = await seedMeeting(db);
    await deleteMeeting(db, meeting.id, ACTOR);
    expect(await listMeetings(db, unit.id)).toEqual([]);
    expect((await listDeletedMeetings(db, unit.id)).map((m) => m.id)).toEqual([meeting.id]);
    await restoreMeeting(db, meeting.id, ACTOR);
    expect((await listMeetings(db, unit.id)).map((m) => m.id)).toEqual([meeting.id]);
    expect((await db.meetings.get(meeting.id))!.deletedAt).toBeUndefined();
  });
});

describe('members', () => {
  it('reorders in one transaction and refuses a stale order', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const [a, b, c] = members.map((m) => m.id) as [string, string, string];
    await reorderMembers(db, meeting.id, [c, a, b], ACTOR);
    expect((await listMembers(db, meeting.id)).map((m) => m.name)).toEqual(['王五', '张三', '李四']);
    await expect(reorderMembers(db, meeting.id, [c, a], ACTOR)).rejects.toThrow('成员名单已被修改');
  });

  it('refuses to remove a member who has opinions', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    await addOpinions(db, meeting.id, [{ targetId: members[0]!.id, category: '上级领导', channel: '座谈会', content: '调研不够' }], typed);
    await expect(deleteMember(db, members[0]!.id, ACTOR)).rejects.toThrow('张三已有 1 条意见');
    await deleteMember(db, members[1]!.id, ACTOR);
    expect((await listMembers(db, meeting.id)).map((m) => m.name)).toEqual(['张三', '王五']);
  });

  it('refuses the same name and position twice', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    await expect(addMember(db, meeting.id, { name: '张三', position: '局长' }, ACTOR)).rejects.toThrow('名单中已有张三（局长）');
  });
});

describe('opinions', () => {
  it('adds a pasted batch in one transaction and the counts follow', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const drafts = ['一条', '两条', '三条'].map((content) => ({ targetId: members[0]!.id, category: '基层群众', channel: '座谈会', content: `意见${content}` }));
    const added = await addOpinions(db, meeting.id, drafts, { actor: ACTOR, origin: { kind: 'pasted' } });
    expect(added).toHaveLength(3);
    const opinions = await listOpinions(db, meeting.id);
    const r = computeReadiness({ members: await listMembers(db, meeting.id), opinions }, meeting.ruleSet);
    expect(r.targets[1]!.cells[4]!.count).toBe(3);
    expect(opinions.every((o) => o.origin.kind === 'pasted' && o.enteredBy === ACTOR)).toBe(true);
    expect((await listMeetingChanges(db, meeting.id)).filter((c) => c.entity === 'opinion')).toHaveLength(3);
  });

  it('writes nothing when any opinion of a batch is invalid', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const drafts = [
      { targetId: GROUP_TARGET, category: '上级领导', channel: '座谈会', content: '有效的意见' },
      { targetId: GROUP_TARGET, category: '不存在的类别', channel: '座谈会', content: '无效的意见' },
      { targetId: GROUP_TARGET, category: '上级领导', channel: '座谈会', content: '' },
    ];
    const error = await addOpinions(db, meeting.id, drafts, typed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).details).toEqual(['第 2 条：意见来源“不存在的类别”不在本次会议的来源类别中', '第 3 条：意见内容为空']);
    expect(await db.opinions.count()).toBe(0);
  });

  it('leaves the database unchanged when a write fails in the middle', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const logCount = await db.changeLog.count();
    const spy = vi.spyOn(db.changeLog, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    const drafts = Array.from({ length: 50 }, (_, i) => ({ targetId: GROUP_TARGET, category: '上级领导', channel: '座谈会', content: `意见 ${i}` }));
    await expect(addOpinions(db, meeting.id, drafts, typed)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await db.opinions.count()).toBe(0);
    expect(await db.changeLog.count()).toBe(logCount);
  });

  it('deletes to the recycle bin and restores exactly', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const [a, b] = await addOpinions(
      db,
      meeting.id,
      [
        { targetId: GROUP_TARGET, category: '上级领导', channel: '座谈会', content: '意见甲' },
        { targetId: GROUP_TARGET, category: '上级领导', channel: '座谈会', content: '意见乙' },
      ],
      typed,
    );
    expect(await deleteOpinions(db, [a!.id], ACTOR)).toBe(1);
    expect((await listOpinions(db, meeting.id)).map((o) => o.content)).toEqual(['意见乙']);
    expect((await listDeletedOpinions(db, meeting.id)).map((o) => o.content)).toEqual(['意见甲']);
    expect(await restoreOpinions(db, [a!.id], ACTOR)).toBe(1);
    const back = await db.opinions.get(a!.id);
    expect(back!.deletedAt).toBeUndefined();
    expect({ ...back, updatedAt: '' }).toEqual({ ...a, updatedAt: '' });
    expect(await restoreOpinions(db, [b!.id], ACTOR)).toBe(0);
  });

  it('checks an edit by the same rules as entry', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const [o] = await addOpinions(db, meeting.id, [{ targetId: GROUP_TARGET, category: '上级领导', channel: '座谈会', content: '意见' }], typed);
    await updateOpinion(db, o!.id, { ...o!, targetId: members[2]!.id, content: ' 改后的意见 ' }, ACTOR);
    expect(await db.opinions.get(o!.id)).toMatchObject({ targetId: members[2]!.id, content: '改后的意见' });
    await expect(updateOpinion(db, o!.id, { ...o!, channel: '飞鸽传书' }, ACTOR)).rejects.toThrow('征求方式“飞鸽传书”不在本次会议的征求方式中');
  });

  it('keeps the change log append-only: every change adds a line', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const before = await listMeetingChanges(db, meeting.id);
    const [o] = await addOpinions(db, meeting.id, [{ targetId: GROUP_TARGET, category: '上级领导', channel: '座谈会', content: '意见' }], typed);
    await deleteOpinions(db, [o!.id], ACTOR);
    await restoreOpinions(db, [o!.id], ACTOR);
    const after = await listMeetingChanges(db, meeting.id);
    expect(after.length).toBe(before.length + 3);
    expect(after.slice(0, 3).map((c) => c.action).sort()).toEqual(['create', 'delete', 'restore']);
    for (const old of before) expect(after).toContainEqual(old);
  });
});
