import { describe, expect, it, vi } from 'vitest';
import { writeMeetingData } from '../../../renderer/src/db/repos/meeting-write';
import { settleSummaries } from '../../../renderer/src/db/repos/summaries-repo';
import { addOpinions, deleteOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import { GROUP_TARGET } from '#shared/model/types';
import { computeMeetingSummary } from '#shared/supervision/summary';
import { ACTOR, freshDb, seedMeeting, storedSummary, summaryExtras } from './test-db';

const draft = (n: number) => ({ targetId: GROUP_TARGET, category: '上级领导', channel: '书面征求', content: `第${n}条意见：调研不够深入，联系群众不够经常` });

async function summaryAgrees(db: ReturnType<typeof freshDb>, meetingId: string) {
  const [meeting, members, opinions, audits, stored] = await Promise.all([
    db.meetings.get(meetingId),
    db.members.where('meetingId').equals(meetingId).toArray(),
    db.opinions.where('meetingId').equals(meetingId).toArray(),
    db.audits.where('meetingId').equals(meetingId).toArray(),
    storedSummary(db, meetingId),
  ]);
  expect(stored).toEqual(computeMeetingSummary({ meeting: meeting!, members, opinions, audits, ...(await summaryExtras(db, meeting!)) }));
}

describe('writeMeetingData', () => {
  it('refreshes a meeting’s summary once per transaction, however many rows and writes it holds', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const added = await addOpinions(db, meeting.id, Array.from({ length: 40 }, (_, i) => draft(i)), { actor: ACTOR, origin: { kind: 'typed' } });
    // Pending summaries computed now, so that the moment-later pass puts nothing while we count.
    await settleSummaries(db);
    const puts = vi.spyOn(db.meetingSummaries, 'put');
    // Twenty single-row deletes inside one write join it: one refresh at its end.
    await writeMeetingData(db, [db.opinions], async () => {
      for (const o of added.slice(0, 20)) await deleteOpinions(db, [o.id], ACTOR);
    });
    expect(puts).toHaveBeenCalledTimes(1);
    await settleSummaries(db);
    puts.mockClear();
    await deleteOpinions(db, added.slice(20).map((o) => o.id), ACTOR);
    expect(puts).toHaveBeenCalledTimes(1);
    puts.mockRestore();
    await summaryAgrees(db, meeting.id);
    expect((await db.changeLog.where('meetingId').equals(meeting.id).toArray()).filter((e) => e.action === 'delete')).toHaveLength(40);
  });

  it('writes nothing, change log and summary included, when the write fails', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const before = { log: await db.changeLog.count(), summary: await storedSummary(db, meeting.id) };
    await expect(
      writeMeetingData(db, [db.opinions], async (w) => {
        await db.opinions.add({ ...(await addOpinions(db, meeting.id, [draft(1)], { actor: ACTOR, origin: { kind: 'typed' } }))[0]!, id: 'x' });
        w.log({ actor: ACTOR, entity: 'opinion', recordId: 'x', meetingId: meeting.id, action: 'create', summary: '不会留下' });
        throw new Error('失败');
      }),
    ).rejects.toThrow('失败');
    expect(await db.opinions.count()).toBe(0);
    expect(await db.changeLog.count()).toBe(before.log);
    expect(await storedSummary(db, meeting.id)).toEqual(before.summary);
  });
});
