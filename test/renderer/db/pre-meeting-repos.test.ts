// The pre-meeting repositories: 谈心谈话 saved after the shared checks with coverage following in the
// stored summary, the one 会前准备 record per meeting, 对照检查材料 replaced by importing again, and the
// cross-unit comparison reading other units' materials from the database.
import { describe, expect, it } from 'vitest';
import { listMeetingChanges } from '../../../renderer/src/db/repos/change-log';
import { saveMaterial, listMaterials, setMaterialDeleted } from '../../../renderer/src/db/repos/materials-repo';
import { createMeeting } from '../../../renderer/src/db/repos/meetings-repo';
import { addMembers } from '../../../renderer/src/db/repos/members-repo';
import { addOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import { loadPreMeeting } from '../../../renderer/src/db/repos/pre-meeting-repo';
import { getPreparation, savePreparation } from '../../../renderer/src/db/repos/preparation-repo';
import { listTalks, saveTalk, saveTalkRules, setTalksDeleted } from '../../../renderer/src/db/repos/talks-repo';
import { createUnit } from '../../../renderer/src/db/repos/units-repo';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { defaultRuleSet } from '#shared/model/rule-set';
import { DEFAULT_TALK_RULES } from '#shared/model/talks';
import { GROUP_TARGET } from '#shared/model/types';
import { meetingView } from '#shared/meeting/view';
import { preMeetingReview } from '#shared/supervision/pre-meeting-review';
import { readMaterial } from '../../support/materials';
import { ACTOR, freshDb, storedSummary } from './test-db';

async function seedBureau(db: WorkbenchDb, name = '某某县交通运输局') {
  const unit = await createUnit(db, { name, supervisoryGroup: '第一督导组' }, ACTOR);
  const meeting = await createMeeting(db, unit.id, { year: 2025, title: '2025年度民主生活会', plannedDate: '2026-01-20', ruleSet: defaultRuleSet(), dimensions: [] }, ACTOR);
  const [wang, li, zhao] = await addMembers(
    db,
    meeting.id,
    [
      { name: '王军', position: '党组书记、局长', areas: '主持全面工作' },
      { name: '李红', position: '副局长', areas: '分管办公室、财务股' },
      { name: '赵强', position: '副局长', areas: '分管审批服务科，联系城关镇' },
    ],
    ACTOR,
  );
  return { unit, meeting, wang: wang!, li: li!, zhao: zhao! };
}

const member = (memberId: string) => ({ kind: 'member' as const, memberId });
const head = (department: string, name: string) => ({ kind: 'department-head' as const, department, name });
const talk = (a: ReturnType<typeof member>, b: ReturnType<typeof member> | ReturnType<typeof head>, date = '2026-01-05') => ({ date, a, b, note: '', opinionIds: [] });

describe('谈心谈话 records', () => {
  it('completes coverage pair by pair — members with each other and with the heads of the departments in their 分管工作 — and the stored summary follows', async () => {
    const db = freshDb();
    const { meeting, wang, li, zhao } = await seedBureau(db);
    const summary = async () => (await storedSummary(db, meeting.id))!.preparation!;
    expect(await summary()).toMatchObject({ talksDone: 0, talksRequired: 6 });
    await saveTalk(db, meeting.id, talk(member(wang.id), member(li.id)), ACTOR);
    await saveTalk(db, meeting.id, talk(member(zhao.id), member(wang.id)), ACTOR);
    await saveTalk(db, meeting.id, talk(member(li.id), member(zhao.id)), ACTOR);
    await saveTalk(db, meeting.id, talk(member(li.id), head('办公室', '陈静')), ACTOR);
    await saveTalk(db, meeting.id, talk(member(li.id), head('财务股', '周敏')), ACTOR);
    expect(await summary()).toMatchObject({ talksDone: 5, talksRequired: 6, items: { talks: 'not-done' } });
    await saveTalk(db, meeting.id, talk(member(zhao.id), head('审批服务科', '吴刚')), ACTOR);
    expect(await summary()).toMatchObject({ talksDone: 6, talksRequired: 6, items: { talks: 'done' } });
    const log = await listMeetingChanges(db, meeting.id);
    expect(log.filter((l) => l.entity === 'talk')).toHaveLength(6);
    expect(log.find((l) => l.entity === 'talk')!.summary).toMatch(/谈心谈话：.*与.*（2026-01-05）/);

    const [first] = await listTalks(db, meeting.id);
    await setTalksDeleted(db, meeting.id, [first!.id], true, ACTOR);
    expect(await summary()).toMatchObject({ talksDone: 5, items: { talks: 'not-done' } });
  });

  it('refuses a talk with a department nobody has in charge, a date after the meeting, or an opinion not raised in a talk, and writes nothing', async () => {
    const db = freshDb();
    const { meeting, li, zhao } = await seedBureau(db);
    await expect(saveTalk(db, meeting.id, talk(member(li.id), head('城关镇', '孙立')), ACTOR)).rejects.toThrow('“城关镇”不在任何班子成员的分管工作中');
    await expect(saveTalk(db, meeting.id, talk(member(li.id), member(zhao.id), '2026-02-01'), ACTOR)).rejects.toThrow('谈话日期晚于民主生活会召开日期');
    await expect(saveTalk(db, meeting.id, talk(member(li.id), member(li.id)), ACTOR)).rejects.toThrow('谈话双方不能是同一人');
    const [written] = await addOpinions(db, meeting.id, [{ targetId: li.id, category: '上级领导', channel: '书面征求', content: '调研不够深入，到基层次数少' }], { actor: ACTOR, origin: { kind: 'typed' } });
    await expect(saveTalk(db, meeting.id, { ...talk(member(li.id), member(zhao.id)), opinionIds: [written!.id] }, ACTOR)).rejects.toThrow('不是“谈心谈话”');
    expect(await db.talks.count()).toBe(0);
  });

  it('stores waivers with their reason in the rule set, and a waived pair is no longer required', async () => {
    const db = freshDb();
    const { meeting, zhao } = await seedBureau(db);
    await expect(saveTalkRules(db, meeting.id, { ...DEFAULT_TALK_RULES, waived: [{ pair: 'x', reason: ' ' }] }, ACTOR)).rejects.toThrow('免谈须写明理由');
    await saveTalkRules(db, meeting.id, { ...DEFAULT_TALK_RULES, waived: [{ pair: `m:${zhao.id}|d:审批服务科`, reason: '科长岗位空缺' }] }, ACTOR);
    expect((await db.meetings.get(meeting.id))!.ruleSet.talks!.waived).toEqual([{ pair: `m:${zhao.id}|d:审批服务科`, reason: '科长岗位空缺' }]);
    expect((await storedSummary(db, meeting.id))!.preparation).toMatchObject({ talksRequired: 5 });
  });
});

describe('会前准备 and 对照检查材料', () => {
  it('keeps one preparation record per meeting and refuses a date that does not exist', async () => {
    const db = freshDb();
    const { meeting } = await seedBureau(db);
    await savePreparation(db, meeting.id, { planSubmittedOn: '2025-12-20', studySessions: [{ date: '2026-01-08', topic: '学习党的二十届四中全会精神' }] }, ACTOR);
    await savePreparation(db, meeting.id, { planSubmittedOn: '2025-12-30', studySessions: [] }, ACTOR);
    expect(await db.preparations.count()).toBe(1);
    expect((await getPreparation(db, meeting.id))!.planSubmittedOn).toBe('2025-12-30');
    await expect(savePreparation(db, meeting.id, { planSubmittedOn: '2025-02-30', studySessions: [] }, ACTOR)).rejects.toThrow('方案报送日期');
    // 方案 21 days before the meeting passes the 15-day rule; no study session is 未完成.
    expect((await storedSummary(db, meeting.id))!.preparation!.items).toMatchObject({ plan: 'done', study: 'not-done' });
  });

  it('replaces a target’s material on import (the old one to the recycle bin) and compares it with another unit’s material in the database', async () => {
    const db = freshDb();
    const own = await seedBureau(db);
    const other = await seedBureau(db, '某某县农业农村局');
    const doc = (name: string) => readMaterial(name);
    await saveMaterial(db, own.meeting.id, { targetId: own.li.id, origin: { kind: 'docx', file: '初稿.docx' }, ...doc('2025-交通运输局-李红-对照检查材料（初稿）.docx') }, ACTOR);
    const li = await saveMaterial(db, own.meeting.id, { targetId: own.li.id, origin: { kind: 'docx', file: '李红.docx' }, ...doc('2025-交通运输局-李红-对照检查材料.docx') }, ACTOR);
    expect((await listMaterials(db, own.meeting.id)).map((m) => m.id)).toEqual([li.id]);
    expect(await db.materials.count()).toBe(2);
    await saveMaterial(db, other.meeting.id, { targetId: other.li.id, origin: { kind: 'docx', file: '张伟.docx' }, ...doc('2025-农业农村局-张伟-对照检查材料.docx') }, ACTOR);
    await expect(saveMaterial(db, own.meeting.id, { targetId: 'group', origin: { kind: 'pasted' }, title: '', blocks: [] }, ACTOR)).rejects.toThrow('材料没有内容');
    await expect(saveMaterial(db, own.meeting.id, { targetId: other.li.id, origin: { kind: 'pasted' }, title: '', blocks: [{ kind: 'paragraph', level: 0, text: '正文', source: 0 }] }, ACTOR)).rejects.toThrow('不是本会议');

    const data = (await loadPreMeeting(db, own.meeting.id))!;
    expect(data.others!.map((o) => o.label)).toEqual(['某某县农业农村局·李红（副局长）·2025年度']);
    const meeting = (await db.meetings.get(own.meeting.id))!;
    const members = await db.members.where('meetingId').equals(meeting.id).toArray();
    const view = meetingView({ meeting, members, opinions: [] });
    const review = preMeetingReview({ meeting, members, readiness: view.readiness, opinions: [], ...data });
    const liReview = review.reviews.find((r) => r.targetId === own.li.id)!;
    expect(liReview.copies.map((c) => c.kind)).toEqual(['cross-unit']);
    expect(review.reviews.find((r) => r.targetId === GROUP_TARGET)!.material).toBeUndefined();
    expect(review.checklist.items.find((i) => i.key === 'materials')!.evidence).toContain('领导班子尚未提交对照检查材料');

    await setMaterialDeleted(db, own.meeting.id, li.id, true, ACTOR);
    expect(await listMaterials(db, own.meeting.id)).toEqual([]);
    expect((await listMeetingChanges(db, own.meeting.id)).filter((l) => l.entity === 'material').map((l) => l.action)).toEqual(expect.arrayContaining(['create', 'update', 'delete']));
  });
});
