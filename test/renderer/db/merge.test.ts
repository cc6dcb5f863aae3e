// Opening packages into a database that already holds data: disjoint data, the same package twice,
// edits on both sides, deletions, and a failure in the middle of the write.
import { describe, expect, it, vi } from 'vitest';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { applyMerge, previewMerge } from '../../../renderer/src/db/repos/merge-repo';
import { openIntoEmpty } from '../../../renderer/src/db/repos/package-repo';
import { refreshSummaries, settleSummaries, summaryTables } from '../../../renderer/src/db/repos/summaries-repo';
import { deleteOpinions, listDeletedOpinions, updateOpinion } from '../../../renderer/src/db/repos/opinions-repo';
import type { Opinion } from '#shared/model/types';
import type { PackageContent } from '#shared/package/format';
import { baseKey, type Resolution } from '#shared/package/merge';
import { sampleContent } from '../../support/sample-content';
import type { UserError } from '../../../renderer/src/lib/user-error';
import { ACTOR, freshDb, seedMeeting } from './test-db';

const meta = { actor: ACTOR, fileName: '测试单位.mzsh.json' };
const LATER = '2025-12-01T08:00:00.000Z';
const TABLES = ['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog', 'meetingSummaries', 'mergeBases'] as const;

async function snapshot(db: WorkbenchDb) {
  // Summaries a write left pending are computed a moment later: settle them, so only the merge counts.
  await settleSummaries(db);
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await db.table(t).toArray();
  return out;
}

async function open(db: WorkbenchDb, content: PackageContent, resolutions = new Map<string, Resolution>()) {
  const plan = await previewMerge(db, content);
  const result = await applyMerge(db, plan, resolutions, meta);
  return { plan, result };
}

const edit = (content: PackageContent, id: string, change: Partial<Opinion>): PackageContent => ({
  ...content,
  opinions: content.opinions.map((o) => (o.id === id ? { ...o, ...change, updatedAt: LATER } : o)),
});

describe('merging packages', () => {
  it('adds disjoint data beside what is there, with summaries for the new meetings', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const pkg = sampleContent({ units: 2 });
    const { plan, result } = await open(db, pkg);
    expect(plan.counts.opinions).toEqual({ add: pkg.opinions.length, update: 0, same: 0, keep: 0, conflict: 0 });
    expect(plan.conflicts).toEqual([]);
    expect(result).toEqual({ written: pkg.units.length + pkg.meetings.length + pkg.members.length + pkg.opinions.length, meetings: 2 });
    expect(await db.units.count()).toBe(3);
    expect((await db.meetingSummaries.toArray()).map((s) => s.meetingId).sort()).toEqual([meeting.id, ...pkg.meetings.map((m) => m.id)].sort());
    expect((await db.meetingSummaries.get(pkg.meetings[0]!.id))!.readiness).toBe('ready');
    const log = await db.changeLog.where('meetingId').equals(pkg.meetings[0]!.id).toArray();
    expect(log.map((c) => c.summary)).toEqual(['合并数据包“测试单位.mzsh.json”（2025年度民主生活会）：写入会议 1 条、班子成员 3 条、意见建议 40 条']);
  });

  it('changes nothing when the same package is opened twice', async () => {
    const db = freshDb();
    await seedMeeting(db);
    const pkg = sampleContent({ units: 2 });
    await open(db, pkg);
    const before = await snapshot(db);
    const { plan, result } = await open(db, pkg);
    expect(plan.counts.opinions).toEqual({ add: 0, update: 0, same: pkg.opinions.length, keep: 0, conflict: 0 });
    expect(result.written).toBe(0);
    expect(await snapshot(db)).toEqual(before);
  });

  it('takes changes made on one side only, and lists changes made on both sides as conflicts without overwriting', async () => {
    const db = freshDb();
    const v1 = sampleContent({ units: 1 });
    await open(db, v1);
    const [both, ours, theirs] = v1.opinions as [Opinion, Opinion, Opinion];
    // Here: two opinions edited. There: one of them and a third edited.
    await updateOpinion(db, both.id, { ...both, content: '本机修改：调研不够深入' }, ACTOR);
    await updateOpinion(db, ours.id, { ...ours, content: '本机修改：学习不够系统' }, ACTOR);
    const v2 = edit(edit(v1, both.id, { content: '对方修改：调研不深入' }), theirs.id, { content: '对方修改：作风不够扎实' });

    const plan = await previewMerge(db, v2);
    expect(plan.counts.opinions).toMatchObject({ update: 1, keep: 1, conflict: 1 });
    expect(plan.conflicts).toHaveLength(1);
    const conflict = plan.conflicts[0]!;
    expect((conflict.local as Opinion).content).toBe('本机修改：调研不够深入');
    expect((conflict.incoming as Opinion).content).toBe('对方修改：调研不深入');
    expect(conflict.fields).toEqual(expect.arrayContaining(['内容', '修改时间']));

    await expect(applyMerge(db, plan, new Map(), meta)).rejects.toThrow('还有 1 处冲突未选择保留哪一方');
    expect((await db.opinions.get(both.id))!.content).toBe('本机修改：调研不够深入');

    await applyMerge(db, plan, new Map([[baseKey('opinions', both.id), 'local']]), meta);
    expect((await db.opinions.get(both.id))!.content).toBe('本机修改：调研不够深入');
    expect((await db.opinions.get(ours.id))!.content).toBe('本机修改：学习不够系统');
    expect((await db.opinions.get(theirs.id))!.content).toBe('对方修改：作风不够扎实');

    // The choice is remembered: the same package again brings no conflict.
    const again = await previewMerge(db, v2);
    expect(again.conflicts).toEqual([]);
    expect(again.counts.opinions.update).toBe(0);
  });

  it('takes the package version of a conflict when chosen', async () => {
    const db = freshDb();
    const v1 = sampleContent({ units: 1 });
    await open(db, v1);
    const target = v1.opinions[5]!;
    await updateOpinion(db, target.id, { ...target, content: '本机的说法' }, ACTOR);
    const v2 = edit(v1, target.id, { content: '对方的说法' });
    const plan = await previewMerge(db, v2);
    await applyMerge(db, plan, new Map([[baseKey('opinions', target.id), 'incoming']]), meta);
    expect((await db.opinions.get(target.id))!.content).toBe('对方的说法');
  });

  it('calls a difference a conflict when there is no merge base', async () => {
    const db = freshDb();
    const pkg = sampleContent({ units: 1 });
    // The same records arrived some other way (no base), and one differs.
    await db.transaction('rw', db.units, db.meetings, db.members, db.opinions, async () => {
      await db.units.bulkAdd(pkg.units);
      await db.meetings.bulkAdd(pkg.meetings);
      await db.members.bulkAdd(pkg.members);
      await db.opinions.bulkAdd(pkg.opinions.map((o, i) => (i === 0 ? { ...o, content: '另一台电脑上的内容' } : o)));
    });
    const plan = await previewMerge(db, pkg);
    expect(plan.conflicts.map((c) => c.id)).toEqual([pkg.opinions[0]!.id]);
    expect(plan.counts.opinions.same).toBe(pkg.opinions.length - 1);
  });

  it('takes a change from the other side without conflict once a package opened into an empty workbench is the base', async () => {
    const db = freshDb();
    const pkg = sampleContent({ units: 1 });
    await openIntoEmpty(db, pkg, { file: '首次.mzsh.json', actor: ACTOR });
    const back = edit(pkg, pkg.opinions[0]!.id, { content: '对方修改后再次报送的内容' });
    const plan = await previewMerge(db, back);
    expect(plan.conflicts).toEqual([]);
    expect(plan.counts.opinions.update).toBe(1);
    expect((await db.meetingSummaries.get(pkg.meetings[0]!.id))!.totals.raw).toBe(pkg.opinions.length);
  });

  it('keeps records deleted on either side in the recycle bin', async () => {
    const db = freshDb();
    const v1 = sampleContent({ units: 1 });
    await open(db, v1);
    const meetingId = v1.meetings[0]!.id;
    const [deletedThere, deletedHere] = v1.opinions as [Opinion, Opinion];
    await deleteOpinions(db, [deletedHere.id], ACTOR);
    const v2 = edit(v1, deletedThere.id, { deletedAt: LATER });
    const { plan } = await open(db, v2);
    expect(plan.counts.opinions).toMatchObject({ update: 1, keep: 1, conflict: 0 });
    expect((await listDeletedOpinions(db, meetingId)).map((o) => o.id).sort()).toEqual([deletedThere.id, deletedHere.id].sort());
    expect(await db.opinions.count()).toBe(v1.opinions.length);
    expect((await db.meetingSummaries.get(meetingId))!.totals.raw).toBe(v1.opinions.length - 2);
  });

  it('leaves the database unchanged when the write fails half way', async () => {
    const db = freshDb();
    await seedMeeting(db);
    const v1 = sampleContent({ units: 2 });
    await open(db, v1);
    const v2 = edit(sampleContent({ units: 3 }), v1.opinions[0]!.id, { content: '对方修改' });
    const plan = await previewMerge(db, v2);
    const before = await snapshot(db);
    // The summaries are written last: fail there, after every record and base has been put.
    db.meetingSummaries.hook('creating', () => {
      throw new Error('injected failure');
    });
    await expect(applyMerge(db, plan, new Map(), meta)).rejects.toThrow('injected failure');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses to apply a preview when the local data changed after it', async () => {
    const db = freshDb();
    const v1 = sampleContent({ units: 1 });
    await open(db, v1);
    const plan = await previewMerge(db, edit(v1, v1.opinions[1]!.id, { content: '对方修改' }));
    await updateOpinion(db, v1.opinions[1]!.id, { ...v1.opinions[1]!, content: '预览之后本机又改了' }, ACTOR);
    await expect(applyMerge(db, plan, new Map(), meta)).rejects.toThrow('预览之后本机数据已有变化');
  });

  it('refuses a checksummed package from another unit that reuses the ids of a local meeting, member and opinion, and writes nothing', async () => {
    const db = freshDb();
    const v1 = sampleContent({ units: 1 });
    await openIntoEmpty(db, v1, { file: '首次.mzsh.json', actor: ACTOR });
    const before = await snapshot(db);
    // Another unit's package: its own unit, but the local meeting's, a member's and an opinion's ids.
    const forged = sampleContent({ units: 1, firstId: 9000 });
    const localMeeting = v1.meetings[0]!;
    for (const t of ['members', 'opinions'] as const) for (const r of forged[t]) r.meetingId = localMeeting.id;
    forged.meetings[0]!.id = localMeeting.id;
    forged.meetings[0]!.title = '被改名的会议';
    forged.members[0]!.id = v1.members[0]!.id;
    forged.opinions[0]!.id = v1.opinions[0]!.id;
    const refused = await previewMerge(db, forged).then(
      () => undefined,
      (e: unknown) => e as UserError,
    );
    expect(refused?.message).toMatch(/^数据包被拒绝，未写入任何内容：/);
    // Every record is named, one line each, for the dialog.
    expect(refused?.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^数据包中的会议“被改名的会议”（编号 [0-9a-f-]+）在本机属于另一个单位$/),
        '本机数据未改动。',
      ]),
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('shows every update with the fields it changes', async () => {
    const db = freshDb();
    const v1 = sampleContent({ units: 1 });
    await openIntoEmpty(db, v1, { file: '首次.mzsh.json', actor: ACTOR });
    const target = v1.opinions[2]!;
    const { plan } = await open(db, edit(v1, target.id, { content: '对方修改后的内容' }));
    expect(plan.updates).toEqual([
      {
        table: 'opinions',
        id: target.id,
        label: expect.stringContaining('意见“'),
        changes: [
          { key: 'content', field: '内容', before: target.content, after: '对方修改后的内容' },
          { key: 'updatedAt', field: '修改时间', before: target.updatedAt, after: LATER },
        ],
      },
    ]);
  });

  it('refuses to apply a preview, and writes nothing, when a record it would add appeared after it', async () => {
    const db = freshDb();
    await open(db, sampleContent({ units: 1 }));
    const incoming = sampleContent({ units: 1, firstId: 5000 });
    const plan = await previewMerge(db, incoming);
    expect(plan.counts.opinions.add).toBe(incoming.opinions.length);
    // Another window writes one of the package's opinions meanwhile.
    await db.transaction('rw', db.opinions, () => db.opinions.add(incoming.opinions[3]!));
    const before = await snapshot(db);
    await expect(applyMerge(db, plan, new Map(), meta)).rejects.toThrow('预览之后本机数据已有变化');
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports the progress of the write up to the whole', async () => {
    const db = freshDb();
    await open(db, sampleContent({ units: 1 }));
    const plan = await previewMerge(db, sampleContent({ units: 3, firstId: 5000 }));
    const steps: Array<[number, number]> = [];
    await applyMerge(db, plan, new Map(), { ...meta, onProgress: (done, total) => steps.push([done, total]) });
    expect(steps.length).toBeGreaterThan(2);
    const [last] = steps.slice(-1);
    expect(last![0]).toBe(last![1]);
    expect(steps.every(([done], i) => i === 0 || done >= steps[i - 1]![0])).toBe(true);
  });

  it('stores for new meetings the same summaries as a recomputation from the database', async () => {
    const db = freshDb();
    await open(db, sampleContent({ units: 1 }));
    await applyMerge(db, await previewMerge(db, sampleContent({ units: 3, firstId: 5000 })), new Map(), meta);
    await settleSummaries(db);
    const stored = await db.meetingSummaries.toArray();
    expect(stored).toHaveLength(4);
    const meetingIds = stored.map((x) => x.meetingId);
    await db.transaction('rw', summaryTables(db), () => refreshSummaries(db, meetingIds));
    expect(await db.meetingSummaries.toArray()).toEqual(stored);
  });

  it('summarises each new meeting once, from the rows it writes, without reading them back at the end', async () => {
    const db = freshDb();
    await seedMeeting(db);
    await settleSummaries(db);
    const plan = await previewMerge(db, sampleContent({ units: 3 }));
    // The write path's refresh stores with put, one meeting at a time; the merge stores its own in one bulkPut.
    const puts = vi.spyOn(db.meetingSummaries, 'put');
    const bulkPuts = vi.spyOn(db.meetingSummaries, 'bulkPut');
    await applyMerge(db, plan, new Map(), meta);
    expect(puts).not.toHaveBeenCalled();
    expect(bulkPuts).toHaveBeenCalledTimes(1);
    expect(bulkPuts.mock.calls[0]![0].map((s) => s.meetingId).sort()).toEqual(plan.incoming.meetings.map((m) => m.id).sort());
    puts.mockRestore();
    bulkPuts.mockRestore();
  });
});
