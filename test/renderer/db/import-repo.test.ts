// Committing an import: one transaction with its change log, origins remembered, the same file
// twice adds nothing, and a failure anywhere in the write leaves the database as it was.
import { describe, expect, it, vi } from 'vitest';
import { listMeetingChanges } from '../../../renderer/src/db/repos/change-log';
import { commitImport } from '../../../renderer/src/db/repos/import-repo';
import { deleteMember, listMembers } from '../../../renderer/src/db/repos/members-repo';
import { listOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import { refreshSummaries, settleSummaries, summaryTables } from '../../../renderer/src/db/repos/summaries-repo';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { findTables } from '#shared/import/find-table';
import { initialChoices, planImport } from '#shared/import/plan';
import { readWorkbook } from '#shared/import/read-workbook';
import { GROUP_TARGET } from '#shared/model/types';
import { fixtureBytes } from '../../support/import-fixtures';
import { ACTOR, freshDb, seedMeeting, storedSummary } from './test-db';

async function planFor(db: WorkbenchDb, meetingId: string, bytes: Uint8Array, name: string) {
  const meeting = (await db.meetings.get(meetingId))!;
  const members = await listMembers(db, meetingId);
  const read = readWorkbook(bytes, name);
  if (!read.ok) throw new Error(read.error);
  const ctx = { ruleSet: meeting.ruleSet, dimensions: meeting.dimensions, members, existing: await listOpinions(db, meetingId), period: { year: meeting.year, plannedDate: meeting.plannedDate } };
  const layout = findTables(read.workbook, ctx.members);
  return planImport(read.workbook, layout, initialChoices(layout, meeting.ruleSet), ctx);
}

const rowsOf = (plan: Awaited<ReturnType<typeof planFor>>) => plan.toAdd.map((r) => ({ sheet: r.sheet, row: r.row, draft: r.draft }));

// Distinct texts (not one template filled in n times): these tests are about the write, and a
// meeting of thousands of near-copies makes every summary's copy check the slow part instead.
const POOL = '调查研究不够深入解决群众急难愁盼问题办法多联系服务基层主动意识强创新工作思路开阔落实推进力度督促检查学习理论政策业务能力作风纪律廉洁文件会议精简减负实效担当作为敢于斗争善于治理统筹协调发展安全环境营商就业教育医疗养老住房交通水利农业产业乡村振兴社区网格应急防汛消防食品药品市场监管信访矛盾纠纷化解法治宣传文化体育生态保护资金项目审批效率窗口态度';
function variedText(i: number): string {
  let x = (i + 1) * 2654435761;
  let text = '';
  for (let k = 0; k < 24; k++) {
    x = (x ^ (x >>> 13)) * 1274126177 + k;
    text += POOL[Math.abs(x) % POOL.length];
  }
  return text;
}

function bigCsv(n: number): Uint8Array {
  const lines = ['意见对象,意见来源,征求方式,意见建议'];
  for (let i = 0; i < n; i++) lines.push(`张三,上级领导,书面征求,第 ${i + 1} 条：${variedText(i)}`);
  return new TextEncoder().encode(lines.join('\n'));
}

/** `n` rows filled in from one questionnaire template: every pair of them is nearly the same text. */
function templateCsv(n: number): Uint8Array {
  const lines = ['意见对象,意见来源,征求方式,意见建议'];
  for (let i = 0; i < n; i++) lines.push(`张三,上级领导,书面征求,第 ${i + 1} 条：调查研究不够深入，解决群众急难愁盼问题的办法不多`);
  return new TextEncoder().encode(lines.join('\n'));
}

/** Every row of the tables an import writes, in primary-key order: compared whole, not counted. */
async function snapshot(db: WorkbenchDb) {
  // Summaries a write left pending are computed a moment later: settle them, so only the write counts.
  await settleSummaries(db);
  return { opinions: await db.opinions.toArray(), changeLog: await db.changeLog.toArray(), meetingSummaries: await db.meetingSummaries.toArray() };
}

describe('commitImport', () => {
  it('writes every planned row with its origin and a change-log line, and the same file again adds nothing', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const plan = await planFor(db, meeting.id, fixtureBytes('gbk.csv'), 'gbk.csv');
    const outcome = await commitImport(db, meeting.id, 'gbk.csv', rowsOf(plan), { actor: ACTOR });
    expect(outcome).toMatchObject({ added: 3, skipped: 0 });
    expect(outcome.ids).toHaveLength(3);
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
    expect(await commitImport(db, meeting.id, 'gbk.csv', rowsOf(again), { actor: ACTOR })).toMatchObject({ added: 0, skipped: 0 });
    expect(await db.opinions.count()).toBe(3);
  });

  it("stores the meeting's summary as a recomputation from the database gives it", async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    await commitImport(db, meeting.id, 'big.csv', rowsOf(await planFor(db, meeting.id, bigCsv(120), 'big.csv')), { actor: ACTOR });
    await settleSummaries(db);
    const stored = await db.meetingSummaries.get(meeting.id);
    expect(stored?.totals).toBeDefined();
    await db.transaction('rw', summaryTables(db), () => refreshSummaries(db, [meeting.id]));
    expect(await db.meetingSummaries.get(meeting.id)).toEqual(stored);
  });

  it('skips rows that became duplicates after the preview instead of doubling them', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const plan = await planFor(db, meeting.id, fixtureBytes('gbk.csv'), 'gbk.csv');
    await commitImport(db, meeting.id, 'gbk.csv', rowsOf(plan).slice(0, 1), { actor: ACTOR });
    expect(await commitImport(db, meeting.id, 'gbk.csv', rowsOf(plan), { actor: ACTOR })).toMatchObject({ added: 2, skipped: 1 });
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

  // Copy detection bounds the partners it seeks per text: a template filled in thousands of times
  // (all pairs similar) is previewed, written and summarized like any other file.
  it('imports 2,500 rows filled in from one template, with its near repeats in the summary', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const plan = await planFor(db, meeting.id, templateCsv(2500), 'template.csv');
    expect(plan.toAdd).toHaveLength(2500);
    const outcome = await commitImport(db, meeting.id, 'template.csv', rowsOf(plan), { actor: ACTOR });
    expect(outcome).toMatchObject({ added: 2500 });
    const summary = await storedSummary(db, meeting.id);
    expect(summary!.totals.raw).toBe(2500);
    // One pair a text at most (a pair inside one meeting is reported once), and at least one per two texts.
    expect(summary!.warnings['same-target']).toBeGreaterThanOrEqual(1250);
    expect(summary!.warnings['same-target']).toBeLessThanOrEqual(2500);
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
    // 2 500 rows are written in three chunks of opinions, then one change-log write of all. Every
    // write point fails in turn (not a random draw of them), until a run reaches no failure point:
    // that run writes everything, and tells how many points there were.
    let writePoints = -1;
    for (let failAt = 1; failAt <= 50 && writePoints < 0; failAt++) {
      let calls = 0;
      const failing = (table: 'opinions' | 'changeLog') =>
        vi.spyOn(db[table], 'bulkAdd').mockImplementation(((...args: Parameters<typeof db.opinions.bulkAdd>) => {
          calls++;
          if (calls === failAt) throw new Error('模拟的磁盘故障');
          return (original[table] as (...a: typeof args) => ReturnType<typeof db.opinions.bulkAdd>)(...args);
        }) as never);
      const spies = [failing('opinions'), failing('changeLog')];
      let outcome: { added: number } | Error;
      try {
        outcome = await commitImport(db, meeting.id, 'big.csv', rows, { actor: ACTOR }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      } finally {
        spies.forEach((s) => s.mockRestore());
      }
      if (calls < failAt) {
        expect(outcome).toMatchObject({ added: 2500 });
        writePoints = failAt - 1;
      } else {
        expect(outcome instanceof Error ? outcome.message : 'no failure', `failure at write ${failAt}`).toContain('模拟的磁盘故障');
        expect(calls).toBe(failAt);
        expect(await snapshot(db), `after a failure at write ${failAt}`).toEqual(before);
      }
    }
    expect(writePoints).toBe(4);
  });
});
