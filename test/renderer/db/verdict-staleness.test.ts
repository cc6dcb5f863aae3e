// A verdict judges the pre-meeting records too: a 谈心谈话 recorded, a 对照检查材料 imported or the
// 会前准备 record changed after it makes it stale — in the stored summary (the overview), in the view
// the meeting's tabs read, and in the check that refuses a verdict on data changed while it was
// being given. A meeting without such records keeps the fingerprint it always had.
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../../renderer/src/db/repos/audits-repo';
import { saveMaterial, setMaterialDeleted } from '../../../renderer/src/db/repos/materials-repo';
import { createMeeting } from '../../../renderer/src/db/repos/meetings-repo';
import { addMembers } from '../../../renderer/src/db/repos/members-repo';
import { savePreparation } from '../../../renderer/src/db/repos/preparation-repo';
import { saveTalk, setTalksDeleted } from '../../../renderer/src/db/repos/talks-repo';
import { createUnit } from '../../../renderer/src/db/repos/units-repo';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { meetingView } from '../../../shared/meeting/view';
import { defaultRuleSet } from '../../../shared/model/rule-set';
import type { AuditDraft } from '../../../shared/supervision/audit';
import { meetingFingerprint } from '../../../shared/supervision/fingerprint';
import { overviewStatus } from '../../../shared/supervision/summary';
import { ACTOR, freshDb } from './test-db';

const verdict: AuditDraft = { verdict: 'return', auditor: '王组长', reasons: '意见征求不足', ticked: [], overrideReason: '' };
const member = (memberId: string) => ({ kind: 'member' as const, memberId });

async function seed(db: WorkbenchDb) {
  const unit = await createUnit(db, { name: '某某县交通运输局', supervisoryGroup: '第一督导组' }, ACTOR);
  const meeting = await createMeeting(db, unit.id, { year: 2025, title: '2025年度民主生活会', plannedDate: '2026-01-20', ruleSet: defaultRuleSet(), dimensions: [] }, ACTOR);
  const [wang, li] = await addMembers(db, meeting.id, [{ name: '王军', position: '党组书记、局长', areas: '' }, { name: '李红', position: '副局长', areas: '' }], ACTOR);
  return { meeting, wang: wang!, li: li! };
}

const status = async (db: WorkbenchDb, meetingId: string) => overviewStatus((await db.meetingSummaries.get(meetingId))!);

/** The view as the meeting's tabs build it (use-meeting-data): live talks and materials, the current preparation. */
async function tabView(db: WorkbenchDb, meetingId: string) {
  const meeting = (await db.meetings.get(meetingId))!;
  const of = <T extends { deletedAt?: string }>(rows: T[]) => rows.filter((r) => !r.deletedAt);
  const [members, opinions, talks, materials, preparations] = await Promise.all([
    db.members.where('meetingId').equals(meetingId).toArray(),
    db.opinions.where('meetingId').equals(meetingId).toArray(),
    db.talks.where('meetingId').equals(meetingId).toArray(),
    db.materials.where('meetingId').equals(meetingId).toArray(),
    db.preparations.where('meetingId').equals(meetingId).toArray(),
  ]);
  return meetingView({ meeting, members, opinions, followUp: { talks: of(talks), materials: of(materials), preparations } });
}

describe('a verdict and the pre-meeting records', () => {
  it('turns stale when a talk is recorded after it, and fresh again when the talk is deleted', async () => {
    const db = freshDb();
    const { meeting, wang, li } = await seed(db);
    await recordAudit(db, meeting.id, verdict, { actor: ACTOR });
    expect(await status(db, meeting.id)).toEqual({ status: 'returned', stale: false });
    const talk = await saveTalk(db, meeting.id, { date: '2026-01-05', a: member(wang.id), b: member(li.id), note: '', opinionIds: [] }, ACTOR);
    expect(await status(db, meeting.id)).toEqual({ status: 'returned', stale: true });
    // The meeting's tabs (header, audit tab) compute the same fingerprint as the stored summary.
    expect((await tabView(db, meeting.id)).fingerprint).toBe((await db.meetingSummaries.get(meeting.id))!.fingerprint);
    await setTalksDeleted(db, meeting.id, [talk.id], true, ACTOR);
    expect(await status(db, meeting.id)).toEqual({ status: 'returned', stale: false });
  });

  it('turns stale when a material is imported or the 会前准备 record changes after it', async () => {
    const db = freshDb();
    const { meeting, li } = await seed(db);
    await savePreparation(db, meeting.id, { planSubmittedOn: '2025-12-20', studySessions: [] }, ACTOR);
    await recordAudit(db, meeting.id, verdict, { actor: ACTOR });
    expect(await status(db, meeting.id)).toEqual({ status: 'returned', stale: false });
    await savePreparation(db, meeting.id, { planSubmittedOn: '2025-12-20', studySessions: [{ date: '2026-01-08', topic: '学习党的二十届四中全会精神' }] }, ACTOR);
    expect(await status(db, meeting.id)).toEqual({ status: 'returned', stale: true });
    await recordAudit(db, meeting.id, verdict, { actor: ACTOR });
    expect(await status(db, meeting.id)).toEqual({ status: 'returned', stale: false });
    const material = await saveMaterial(db, meeting.id, { targetId: li.id, origin: { kind: 'pasted' }, title: '李红同志对照检查材料', blocks: [{ kind: 'paragraph', level: 0, text: '一是理论学习不够深入。', source: 0 }] }, ACTOR);
    expect(await status(db, meeting.id)).toEqual({ status: 'returned', stale: true });
    expect((await tabView(db, meeting.id)).fingerprint).toBe((await db.meetingSummaries.get(meeting.id))!.fingerprint);
    await setMaterialDeleted(db, meeting.id, material.id, true, ACTOR);
    expect(await status(db, meeting.id)).toEqual({ status: 'returned', stale: false });
  });

  it('refuses a verdict when a talk was recorded while the supervisor was looking', async () => {
    const db = freshDb();
    const { meeting, wang, li } = await seed(db);
    const shown = (await tabView(db, meeting.id)).fingerprint;
    await saveTalk(db, meeting.id, { date: '2026-01-05', a: member(wang.id), b: member(li.id), note: '', opinionIds: [] }, ACTOR);
    await expect(recordAudit(db, meeting.id, verdict, { actor: ACTOR, expectedFingerprint: shown })).rejects.toThrow('审核期间该会议的数据已变化');
    const audit = await recordAudit(db, meeting.id, verdict, { actor: ACTOR, expectedFingerprint: (await tabView(db, meeting.id)).fingerprint });
    expect(audit.snapshot.fingerprint).toBe((await db.meetingSummaries.get(meeting.id))!.fingerprint);
  });

  it('keeps the fingerprint of a meeting without pre-meeting records (verdicts stored before are not made stale)', async () => {
    const db = freshDb();
    const { meeting } = await seed(db);
    const [m, members, opinions] = [(await db.meetings.get(meeting.id))!, await db.members.toArray(), await db.opinions.toArray()];
    const before = meetingFingerprint({ meeting: m, members, opinions });
    expect(meetingFingerprint({ meeting: m, members, opinions, preMeeting: { talks: [], materials: [], preparations: [] } })).toBe(before);
    expect((await db.meetingSummaries.get(meeting.id))!.fingerprint).toBe(before);
  });
});
