// Committing an import: one transaction with its change log, origins remembered, the same file
// twice adds nothing, and a failure anywhere in the write leaves the database as it was.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { listMeetingChanges } from '../../../renderer/src/db/repos/change-log';
import { commitImport } from '../../../renderer/src/db/repos/import-repo';
import { deleteMember, listMembers } from '../../../renderer/src/db/repos/members-repo';
import { listOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { findTables } from '../../../shared/import/find-table';
import { initialChoices, planImport } from '../../../shared/import/plan';
import { readWorkbook } from '../../../shared/import/read-workbook';
import { GROUP_TARGET } from '../../../shared/model/types';
import { fixtureBytes } from '../../support/import-fixtures';
import { ACTOR, freshDb, seedMeeting } from './test-db';

async function planFor(db: WorkbenchDb, meetingId: string, bytes: Uint8Array, name: string) {
  const meeting = (await db.meetings.get(meetingId))!;
  const members = await listMembers(db, meetingId);
  const read = readWorkbook(bytes, name);
  if (!read.ok) throw new Error(read.error);
  const ctx = { ruleSet: meeting.ruleSet, dimensions: meeting.dimensions, members, existing: await listOpinions(db, meetingId) };
  const layout = findTables(read.workbook, ctx.members);
  return planImport(read.workbook, layout, initialChoices(layout, meeting.ruleSet), ctx);
}

const rowsOf = (plan: Awaited<ReturnType<typeof planFor>>) => plan.toAdd.map((r) => ({ sheet: r.sheet, row: r.row, draft: r.draft }));

function bigCsv(n: number): Uint8Array {
  const lines = ['意见对象,意见来源,征求方式,意见建议'];
  for (let i = 0; i < n; i++) lines.push(`张三,上级领导,书面征求,第 ${i + 1} 条：调查研究不够深入，解决群众急难愁盼问题的办法不多`);
  return new TextEncoder().encode(lines.join('\n'));
}

/** Every row of the tables an import writes, in primary-key order: compared whole, not counted. */
async function snapshot(db: WorkbenchDb) {
  return { opinions: await db.opinions.toArray(), changeLog: await db.changeLog.toArray(), meetingSummaries: await db.meetingSummaries.toArray() };
}

describe('commitImport', () => {
  it('writes every planned row with its origin and a change-log line, and the same file again adds nothing', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const plan = await planFor(db, meeting.id, fixtureBytes('gbk.csv'), 'gbk.csv');
    const outcome = await commitImport(db, meeting.id, 'gbk.csv', rowsOf(plan), { actor: ACTOR });
    expect(outcome).toEqual({ added: 3, skipped: 0 });
    // One commit shares one time: order by the row the opinion came from.
    const opinions = (await listOpinions(db, meeting.id)).sort((a, b) => (a.origin.kind === 'imported' && b.origin.kind === 'imported' ? a.origin.row - b.origin.row : 0));
    expect(opinions.map((o) => [o.targetId, o.category, o.origin, o.enteredBy])).toEqual([
      [GROUP_TARGET, '上级领导', { kind: 'imported', file: 'gbk.csv', sheet: '', row: 2 }, ACTOR],
      [members[0]!.id, '基层群众', { kind: 'imported', file: 'gbk.csv', sheet: '', row: 3 }, ACTOR],
      [members[1]!.id, '分管领域', { kind: 'imported', file: 'gbk.csv', sheet: '', row: 4 }, ACTOR],
    ]);
    const log = (await listMeetingChanges(db, meeting.id)).filter((c) => c.action === 'import');
    expect(log).toHaveLength(3);
    expect(log.map((c) => c.summary)).toContain('导入意见（gbk.csv 第 3 行，张三（局长） · 基层群众）：调研时与群众面对面交流偏少，“身入”多“心入”少');

    const again = await planFor(db, meeting.id, fixtureBytes('gbk.csv'), 'gbk.csv');
    expect([again.toAdd.length, again.duplicates]).toEqual([0, 3]);
    expect(await commitImport(db, meeting.id, 'gbk.csv', rowsOf(again), { actor: ACTOR })).toEqual({ added: 0, skipped: 0 });
    expect(await db.opinions.count()).toBe(3);
  });

  it('skips rows that became duplicates after the preview instead of doubling them', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const plan = await planFor(db, meeting.id, fixtureBytes('gbk.csv'), 'gbk.csv');
    await commitImport(db, meeting.id, 'gbk.csv', rowsOf(plan).slice(0, 1), { actor: ACTOR });
    expect(await commitImport(db, meeting.id, 'gbk.csv', rowsOf(plan), { actor: ACTOR })).toEqual({ added: 2, skipped: 1 });
    expect(await db.opinions.count()).toBe(3);
  });

  it('refuses the whole import, writing nothing, when the roster changed after the preview', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const plan = await planFor(db, meeting.id, fixtureBytes('gbk.csv'), 'gbk.csv');
    await deleteMember(db, members[1]!.id, ACTOR);
    const before = await snapshot(db);
    await expect(commitImport(db, meeting.id, 'gbk.csv', rowsOf(plan), { actor: ACTOR })).rejects.toMatchObject({
      name: 'UserError',
      message: '会议的班子成员或规则在预览后有变化，有 1 行不能导入，未写入任何内容。请重新选择文件预览。',
      details: ['第 4 行：意见对象不在班子成员名单中'],
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports progress up to the end', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const plan = await planFor(db, meeting.id, bigCsv(1500), 'big.csv');
    const seen: Array<[number, number]> = [];
    await commitImport(db, meeting.id, 'big.csv', rowsOf(plan), { actor: ACTOR, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.at(-1)).toEqual([3000, 3000]);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    expect(await db.opinions.count()).toBe(1500);
  });

  it('leaves the database unchanged when a write fails in the middle', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    // Opinions already there, so a half-written import would have rows, log lines and a summary to disturb.
    const earlier = await planFor(db, meeting.id, fixtureBytes('gbk.csv'), 'gbk.csv');
    await commitImport(db, meeting.id, 'gbk.csv', rowsOf(earlier), { actor: ACTOR });
    const plan = await planFor(db, meeting.id, bigCsv(2500), 'big.csv');
    const rows = rowsOf(plan);
    const before = await snapshot(db);
    expect(before.opinions).toHaveLength(3);
    expect(before.meetingSummaries).toHaveLength(1);
    expect(before.meetingSummaries[0]!.totals.raw).toBe(3);
    const original = { opinions: db.opinions.bulkAdd.bind(db.opinions), changeLog: db.changeLog.bulkAdd.bind(db.changeLog) };
    // 2 500 rows are written in three chunks of opinions and three of change-log lines: fail at any of the six.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), async (failAt) => {
        let calls = 0;
        const failing = (table: 'opinions' | 'changeLog') =>
          vi.spyOn(db[table], 'bulkAdd').mockImplementation(((...args: Parameters<typeof db.opinions.bulkAdd>) => {
            calls++;
            if (calls === failAt) throw new Error('模拟的磁盘故障');
            return (original[table] as (...a: typeof args) => ReturnType<typeof db.opinions.bulkAdd>)(...args);
          }) as never);
        const spies = [failing('opinions'), failing('changeLog')];
        try {
          await expect(commitImport(db, meeting.id, 'big.csv', rows, { actor: ACTOR })).rejects.toThrow('模拟的磁盘故障');
        } finally {
          spies.forEach((s) => s.mockRestore());
        }
        expect(calls).toBe(failAt);
        expect(await snapshot(db)).toEqual(before);
      }),
      { numRuns: 6 },
    );
    // And without the failure, the same rows go in.
    expect((await commitImport(db, meeting.id, 'big.csv', rows, { actor: ACTOR })).added).toBe(2500);
  });
});
