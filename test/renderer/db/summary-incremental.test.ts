// A write refreshes its meeting's summary from records cached in memory and the rows it wrote
// (summary-cache.ts), leaving the costly parts pending for a moment. Whatever the sequence of writes,
// the result must be what a full recomputation from the database gives: the current parts at once,
// what the overview reads at once, and the whole stored row once the pending parts are computed.
import { describe, expect, it } from 'vitest';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { recordAudit } from '../../../renderer/src/db/repos/audits-repo';
import { addMember, deleteMember } from '../../../renderer/src/db/repos/members-repo';
import { writeMeetingData } from '../../../renderer/src/db/repos/meeting-write';
import { addOpinions, deleteOpinions, restoreOpinions, updateOpinion } from '../../../renderer/src/db/repos/opinions-repo';
import { saveMaterial } from '../../../renderer/src/db/repos/materials-repo';
import { savePreparation } from '../../../renderer/src/db/repos/preparation-repo';
import { saveTalk, setTalksDeleted } from '../../../renderer/src/db/repos/talks-repo';
import { listSummaries } from '../../../renderer/src/db/repos/summaries-repo';
import { GROUP_TARGET, type Opinion } from '#shared/model/types';
import { computeMeetingSummary, type MeetingSummary } from '#shared/supervision/summary';
import { rng } from '../../support/county-content';
import { ACTOR, freshDb, seedMeeting, storedSummary, summaryExtras, withoutDeferred } from './test-db';

const CATEGORIES = ['上级领导', '下属单位', '分管领域', '服务对象', '基层群众'];
// Texts that exercise every rule the summary counts: repeats, near copies, no-opinion phrases, praise, short ones.
const TEXTS = [
  '理论学习不够系统，以会代学的情况仍然存在',
  '理论学习不够系统，以会代学的情况依然存在',
  '调研不够深入，听汇报多、看现场少',
  '对企业反映的问题回应不够及时，跟踪问效不够',
  '对企业反映的问题回应不够及时，跟踪问效不到位',
  '无',
  '暂无意见',
  '希望继续保持',
  '工作很好，成绩突出',
  '作风不实',
  '落实不够',
  '基层减负的要求落实不够彻底，督查检查考核仍然偏多',
];

async function fullRecompute(db: WorkbenchDb, meetingId: string): Promise<MeetingSummary> {
  const meeting = (await db.meetings.get(meetingId))!;
  return computeMeetingSummary({
    meeting,
    members: await db.members.where('meetingId').equals(meetingId).toArray(),
    opinions: await db.opinions.where('meetingId').equals(meetingId).toArray(),
    audits: await db.audits.where('meetingId').equals(meetingId).toArray(),
    crossUnitWarnings: (await db.copyFindings.get(meetingId))?.warnings.length,
    ...(await summaryExtras(db, meeting)),
  });
}

async function randomSequence(seed: number, steps: number): Promise<{ pending: number }> {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const db = freshDb();
  const { meeting, members: seeded } = await seedMeeting(db);
  let members = seeded.map((m) => m.id);
  const draft = () => ({ targetId: r() < 0.3 ? GROUP_TARGET : pick(members), category: pick(CATEGORIES), channel: '书面征求', content: pick(TEXTS) });
  const live = async () => (await db.opinions.where('meetingId').equals(meeting.id).toArray()).filter((o) => !o.deletedAt && (o.targetId === GROUP_TARGET || members.includes(o.targetId)));
  const deleted = async () => (await db.opinions.where('meetingId').equals(meeting.id).toArray()).filter((o) => o.deletedAt);
  const some = (xs: Opinion[]) => xs.filter(() => r() < 0.3).map((o) => o.id);
  let pending = 0;
  for (let step = 0; step < steps; step++) {
    const roll = r();
    const what =
      roll < 0.34 ? 'add' : roll < 0.46 ? 'edit' : roll < 0.58 ? 'delete' : roll < 0.68 ? 'restore' : roll < 0.72 ? 'member' : roll < 0.75 ? 'remove member' : roll < 0.79 ? 'audit' : roll < 0.82 ? 'joined' : roll < 0.85 ? 'failed' : roll < 0.91 ? 'talk' : roll < 0.96 ? 'material' : 'preparation';
    if (what === 'add') await addOpinions(db, meeting.id, Array.from({ length: 1 + Math.floor(r() * 3) }, draft), { actor: ACTOR, origin: { kind: 'typed' } });
    else if (what === 'edit') {
      const o = (await live())[0] && pick(await live());
      if (o) await updateOpinion(db, o.id, r() < 0.5 ? { ...draft(), channel: o.channel } : { targetId: o.targetId, category: o.category, channel: o.channel, content: pick(TEXTS) }, ACTOR);
    } else if (what === 'delete') await deleteOpinions(db, some(await live()), ACTOR);
    else if (what === 'restore') await restoreOpinions(db, some(await deleted()), ACTOR);
    else if (what === 'member') members = [...members, (await addMember(db, meeting.id, { name: `成员${step}`, position: '副局长' }, ACTOR)).id];
    else if (what === 'remove member' && members.length > 1) {
      // Refused while the member has opinions: a refusal changes nothing either.
      const gone = pick(members);
      if (await deleteMember(db, gone, ACTOR).then(() => true, () => false)) members = members.filter((m) => m !== gone);
    } else if (what === 'audit') await recordAudit(db, meeting.id, { verdict: 'return', auditor: '王组长', reasons: '意见不足', ticked: [], overrideReason: '' }, { actor: ACTOR });
    else if (what === 'joined') {
      // Several writes joined into one transaction: one refresh sees all their rows.
      await writeMeetingData(db, [db.opinions], async () => {
        await addOpinions(db, meeting.id, [draft()], { actor: ACTOR, origin: { kind: 'pasted' } });
        await deleteOpinions(db, some(await live()), ACTOR);
      });
    } else if (what === 'talk') {
      // Recorded, or one recorded before deleted: the pre-meeting fingerprint follows both.
      const talks = (await db.talks.where('meetingId').equals(meeting.id).toArray()).filter((t) => !t.deletedAt);
      if (talks.length > 0 && r() < 0.3) await setTalksDeleted(db, meeting.id, [pick(talks).id], true, ACTOR);
      else if (members.length > 1) {
        const a = pick(members);
        const b = pick(members.filter((m) => m !== a));
        await saveTalk(db, meeting.id, { date: `2025-12-${String(1 + (step % 28)).padStart(2, '0')}`, a: { kind: 'member', memberId: a }, b: { kind: 'member', memberId: b }, note: pick(TEXTS), opinionIds: [] }, ACTOR);
      }
    } else if (what === 'material') {
      const targetId = r() < 0.3 ? GROUP_TARGET : pick(members);
      await saveMaterial(db, meeting.id, { targetId, origin: { kind: 'pasted' }, title: '对照检查材料', blocks: [{ kind: 'paragraph', level: 0, text: pick(TEXTS), source: 0 }] }, ACTOR);
    } else if (what === 'preparation') {
      await savePreparation(db, meeting.id, { planSubmittedOn: r() < 0.5 ? '' : '2025-12-01', studySessions: r() < 0.5 ? [] : [{ date: '2025-12-05', topic: pick(TEXTS) }] }, ACTOR);
    } else if (what === 'failed') {
      // A write that fails changes nothing, the cached records included.
      await writeMeetingData(db, [db.opinions], async () => {
        await addOpinions(db, meeting.id, [draft()], { actor: ACTOR, origin: { kind: 'typed' } });
        throw new Error('中途失败');
      }).catch(() => undefined);
    }
    const expected = await fullRecompute(db, meeting.id);
    const row = (await db.meetingSummaries.get(meeting.id))!;
    const label = `seed ${seed}, step ${step} (${what})`;
    if (row.pending) {
      pending++;
      expect(withoutDeferred(row), label).toEqual(withoutDeferred(expected));
    } else expect(row, label).toEqual(expected);
    expect((await listSummaries(db)).find((s) => s.meetingId === meeting.id), label).toEqual(expected);
    if (step % 7 === 6) expect(await storedSummary(db, meeting.id), label).toEqual(expected);
  }
  expect(await storedSummary(db, meeting.id)).toEqual(await fullRecompute(db, meeting.id));
  db.close();
  return { pending };
}

describe('a summary refreshed from cached records', () => {
  it('equals a full recomputation after any sequence of adds, edits, deletes, restores, roster changes, verdicts, talks, materials and 会前准备 records', async () => {
    let pending = 0;
    for (const seed of [1, 2, 3]) pending += (await randomSequence(seed, 30)).pending;
    // The cached path was taken (otherwise this test would prove nothing about it).
    expect(pending).toBeGreaterThan(30);
  }, 120_000);

  it('is not used after a write around the write path: the next refresh reads the meeting again', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const typed = { actor: ACTOR, origin: { kind: 'typed' as const } };
    const [a] = await addOpinions(db, meeting.id, [{ targetId: GROUP_TARGET, category: '上级领导', channel: '书面征求', content: TEXTS[0]! }], typed);
    // A row changed outside writeMeetingData (as a restore or a hand edit would): the cache cannot know what it was.
    await db.opinions.update(a!.id, { content: '无' });
    await addOpinions(db, meeting.id, [{ targetId: GROUP_TARGET, category: '下属单位', channel: '书面征求', content: TEXTS[2]! }], typed);
    const row = (await db.meetingSummaries.get(meeting.id))!;
    expect(row.pending).toBeUndefined();
    expect(row).toEqual(await fullRecompute(db, meeting.id));
  });
});
