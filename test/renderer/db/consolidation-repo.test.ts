// The 梳理 repository: the shared operations applied inside one transaction through the write path —
// provenance kept, raw opinions never written, readiness counts unchanged, every change logged,
// the summary's coverage refreshed, and a refusal or a failure writing nothing.
import { describe, expect, it } from 'vitest';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { listMeetingChanges } from '../../../renderer/src/db/repos/change-log';
import {
  addToConsolidated,
  consolidateOpinions,
  dissolveConsolidatedOpinion,
  listConsolidated,
  mergeConsolidatedOpinions,
  rewordConsolidatedOpinion,
  setConsolidatedAnswer,
  splitConsolidatedOpinion,
  unlinkRawOpinion,
} from '../../../renderer/src/db/repos/consolidation-repo';
import { addOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import { listProblems, saveProblem, type ProblemDraft } from '../../../renderer/src/db/repos/problems-repo';
import { meetingView } from '#shared/meeting/view';
import { GROUP_TARGET } from '#shared/model/types';
import { ACTOR, freshDb, problemDraft, seedMeeting } from './test-db';

const typed = { actor: ACTOR, origin: { kind: 'typed' as const } };

async function seeded() {
  const db = freshDb();
  const { meeting, members } = await seedMeeting(db);
  const texts = ['深入基层调研不够，到联系点次数少', '深入基层调研不够，到联系点的次数偏少', '会议文件过多，基层负担重', '对青年干部培养关心不够', '执行请示报告制度不够严格'];
  const raws = await addOpinions(
    db,
    meeting.id,
    texts.map((content, i) => ({ targetId: GROUP_TARGET, category: ['上级领导', '下属单位', '分管领域', '服务对象', '基层群众'][i]!, channel: i < 3 ? '书面征求' : '座谈会', content })),
    typed,
  );
  const other = await addOpinions(db, meeting.id, [{ targetId: members[1]!.id, category: '上级领导', channel: '书面征求', content: '分管领域工作推进慢' }], typed);
  return { db, meeting, members, raws, other: other[0]! };
}

const view = async (db: WorkbenchDb, meetingId: string) =>
  meetingView({ meeting: (await db.meetings.get(meetingId))!, members: await db.members.where('meetingId').equals(meetingId).toArray(), opinions: await db.opinions.where('meetingId').equals(meetingId).toArray() });

const problem = (fields: Partial<ProblemDraft>): ProblemDraft => problemDraft({ description: '调查研究不深入', ...fields });

describe('the 梳理 repository', () => {
  it('consolidates raw opinions with provenance and leaves the raw opinions and the readiness counts as they were', async () => {
    const { db, meeting, raws } = await seeded();
    const before = await db.opinions.toArray();
    const readinessBefore = (await view(db, meeting.id)).readiness;
    const c = await consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[0]!.id, raws[1]!.id], text: '深入基层调研不够', dimension: '带头增强党性' }, ACTOR);
    expect(c).toMatchObject({ meetingId: meeting.id, targetId: GROUP_TARGET, text: '深入基层调研不够', dimension: '带头增强党性', sourceIds: [raws[0]!.id, raws[1]!.id], order: 1 });
    expect(await db.opinions.toArray()).toEqual(before);
    expect((await view(db, meeting.id)).readiness).toEqual(readinessBefore);
    expect((await listMeetingChanges(db, meeting.id)).filter((l) => l.entity === 'consolidated').map((l) => [l.action, l.summary])).toEqual([
      ['create', '梳理意见：2条原始意见梳理为“深入基层调研不够”'],
    ]);
  });

  it('refuses a raw opinion already consolidated, another target or a deleted one, in Chinese, and writes nothing', async () => {
    const { db, meeting, raws, other } = await seeded();
    await consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[0]!.id] }, ACTOR);
    const rows = await db.consolidatedOpinions.toArray();
    const log = await db.changeLog.count();
    await expect(consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[0]!.id, raws[1]!.id] }, ACTOR)).rejects.toThrow('已梳理在');
    await expect(consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [other.id] }, ACTOR)).rejects.toThrow('是对其他对象提出的');
    await expect(consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [] }, ACTOR)).rejects.toThrow('请至少选择一条原始意见');
    await expect(consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[2]!.id], text: '   ' }, ACTOR)).rejects.toThrow('梳理后意见不能为空');
    expect(await db.consolidatedOpinions.toArray()).toEqual(rows);
    expect(await db.changeLog.count()).toBe(log);
  });

  it('adds, splits, unlinks, rewords and dissolves, keeping every record and its origin', async () => {
    const { db, meeting, raws } = await seeded();
    const c = await consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[0]!.id] }, ACTOR);
    await addToConsolidated(db, meeting.id, { id: c.id, opinionIds: [raws[1]!.id, raws[2]!.id] }, ACTOR);
    expect((await db.consolidatedOpinions.get(c.id))!.sourceIds).toEqual([raws[0]!.id, raws[1]!.id, raws[2]!.id]);
    await splitConsolidatedOpinion(db, meeting.id, { id: c.id, opinionIds: [raws[2]!.id] }, ACTOR);
    const split = (await listConsolidated(db, meeting.id)).find((x) => x.splitFrom === c.id)!;
    expect(split).toMatchObject({ sourceIds: [raws[2]!.id], text: '会议文件过多，基层负担重', order: 2 });
    await rewordConsolidatedOpinion(db, meeting.id, c.id, { text: '  调研不够深入  ', dimension: '带头增强党性' }, ACTOR);
    expect(await db.consolidatedOpinions.get(c.id)).toMatchObject({ text: '调研不够深入', dimension: '带头增强党性' });
    await unlinkRawOpinion(db, meeting.id, { id: split.id, opinionId: raws[2]!.id }, ACTOR);
    expect((await db.consolidatedOpinions.get(split.id))!.deletedAt).toBeDefined();
    await dissolveConsolidatedOpinion(db, meeting.id, c.id, ACTOR);
    expect((await db.consolidatedOpinions.get(c.id))!.deletedAt).toBeDefined();
    // Freed raw opinions may be consolidated again; deleted records stay with their order taken.
    const again = await consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[0]!.id, raws[2]!.id] }, ACTOR);
    expect(again.order).toBe(3);
    expect(await db.consolidatedOpinions.count()).toBe(3);
  });

  it('merges into the first, moving problem links to it in the same transaction', async () => {
    const { db, meeting, raws } = await seeded();
    const a = await consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[0]!.id] }, ACTOR);
    const b = await consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[1]!.id] }, ACTOR);
    const p = await saveProblem(db, meeting.id, problem({ consolidatedIds: [b.id] }), ACTOR);
    await mergeConsolidatedOpinions(db, meeting.id, { ids: [a.id, b.id], text: '调研不够' }, ACTOR);
    expect(await db.consolidatedOpinions.get(a.id)).toMatchObject({ text: '调研不够', sourceIds: [raws[0]!.id, raws[1]!.id], mergedFrom: [b.id] });
    expect(await db.consolidatedOpinions.get(b.id)).toMatchObject({ mergedInto: a.id, deletedAt: expect.any(String) });
    expect((await listProblems(db, meeting.id)).find((x) => x.id === p.id)!.consolidatedIds).toEqual([a.id]);
    const log = await listMeetingChanges(db, meeting.id);
    expect(log.filter((l) => l.entity === 'problem' && l.action === 'update').map((l) => l.summary)).toEqual([expect.stringContaining('关联意见随之调整')]);
  });

  it('records a reason, refuses 其他 without text, and the summary counts the opinion answered', async () => {
    const { db, meeting, raws } = await seeded();
    const a = await consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[0]!.id] }, ACTOR);
    const b = await consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[3]!.id] }, ACTOR);
    expect((await db.meetingSummaries.get(meeting.id))!.coverage).toEqual({ answered: 0, total: 2, percent: 0 });
    await expect(setConsolidatedAnswer(db, meeting.id, a.id, { reason: 'other', text: ' ' }, ACTOR)).rejects.toThrow('选择“其他”时须写明理由');
    await setConsolidatedAnswer(db, meeting.id, a.id, { reason: 'not-my-duty', text: '属市级事权' }, ACTOR);
    expect((await db.consolidatedOpinions.get(a.id))!.answer).toEqual({ reason: 'not-my-duty', text: '属市级事权' });
    expect((await db.meetingSummaries.get(meeting.id))!.coverage).toEqual({ answered: 1, total: 2, percent: 50 });
    await saveProblem(db, meeting.id, problem({ consolidatedIds: [b.id] }), ACTOR);
    expect((await db.meetingSummaries.get(meeting.id))!.coverage).toEqual({ answered: 2, total: 2, percent: 100 });
    await setConsolidatedAnswer(db, meeting.id, a.id, undefined, ACTOR);
    expect((await db.consolidatedOpinions.get(a.id))!.answer).toBeUndefined();
    expect((await listMeetingChanges(db, meeting.id)).map((l) => l.summary)).toContain('意见回应：“深入基层调研不够，到联系点次数少”记为“不属于本人职责：属市级事权”');
  });

  it('writes nothing when the transaction fails after the records were put', async () => {
    const { db, meeting, raws } = await seeded();
    const rows = await db.consolidatedOpinions.count();
    // The change log refuses the write at the end of the transaction: the consolidated opinion put before it must go too.
    const hook = () => {
      throw new Error('disk full');
    };
    db.changeLog.hook('creating', hook);
    await expect(consolidateOpinions(db, meeting.id, { targetId: GROUP_TARGET, opinionIds: [raws[0]!.id] }, ACTOR)).rejects.toThrow('disk full');
    db.changeLog.hook('creating').unsubscribe(hook);
    expect(await db.consolidatedOpinions.count()).toBe(rows);
  });
});
