// The follow-up records through the database: exported in packages and opened again, merged from
// a second machine (progress a union, status conflicts shown and resolved as chosen, their change-log
// lines copied), a forged package refused whole, and a format-1 package opening with none of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { applyMerge, previewMerge } from '../../../renderer/src/db/repos/merge-repo';
import { exportContent, openIntoEmpty } from '../../../renderer/src/db/repos/package-repo';
import { refreshSummaries, settleSummaries, summaryTables } from '../../../renderer/src/db/repos/summaries-repo';
import type { LedgerEntry, LedgerStatus, ProgressEntry } from '#shared/model/ledger';
import type { ChangeLogEntry } from '#shared/model/types';
import { FOLLOW_UP_TABLES } from '#shared/package/follow-up';
import { buildPackage, PACKAGE_TABLES, readPackage, type PackageContent } from '#shared/package/format';
import { baseKey, combinePackages } from '#shared/package/merge';
import { withFollowUp } from '../../support/follow-up-sample';
import { fakeUuid, sampleContent } from '../../support/sample-content';
import { ACTOR, freshDb } from './test-db';

const meta = { actor: ACTOR, fileName: '对方.mzsh.json' };
const clone = <T,>(x: T): T => structuredClone(x);
const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

function moved(entry: LedgerEntry, to: LedgerStatus, by: string, at: string): LedgerEntry {
  return { ...entry, status: to, history: [...entry.history, { at, from: entry.status, to, by, reason: '' }], updatedAt: at };
}

function progress(entry: LedgerEntry, n: number, text: string): ProgressEntry {
  return { id: fakeUuid(700_000 + n), meetingId: entry.meetingId, entryId: entry.id, date: '2025-12-10', text, by: '办公室', createdAt: '2025-12-10T08:00:00.000Z' };
}

/** A database that opened the package: what both machines hold after the first exchange. */
async function received(content: PackageContent): Promise<WorkbenchDb> {
  const db = freshDb();
  await openIntoEmpty(db, content, { file: '初始.mzsh.json', actor: ACTOR });
  return db;
}

async function merge(db: WorkbenchDb, content: PackageContent, choose: (plan: Awaited<ReturnType<typeof previewMerge>>) => Map<string, 'local' | 'incoming'> = () => new Map()) {
  const plan = await previewMerge(db, content);
  await applyMerge(db, plan, choose(plan), meta);
  return plan;
}

describe('follow-up records in packages and merges', () => {
  it('exports every follow-up record of the exported units, and a package of them opens into an empty workbench as it was', async () => {
    const content = withFollowUp(sampleContent({ units: 2 }));
    const db = await received(content);
    const exported = await exportContent(db);
    for (const table of FOLLOW_UP_TABLES) expect(byId(exported[table] as Array<{ id: string }>), table).toEqual(byId(content[table] as Array<{ id: string }>));
    const one = await exportContent(db, [content.units[0]!.id]);
    for (const table of FOLLOW_UP_TABLES) expect(one[table].every((r) => r.meetingId === content.meetings[0]!.id) && one[table].length > 0, table).toBe(true);

    const read = readPackage(buildPackage(exported, { appVersion: '0.2.0', exportedAt: '2026-12-06T00:00:00.000Z' }));
    if (!read.ok) throw new Error(read.error);
    const other = await received(read.package.content);
    const again = await exportContent(other);
    for (const table of PACKAGE_TABLES.filter((t) => t !== 'changeLog')) expect(byId(again[table] as Array<{ id: string }>), table).toEqual(byId(exported[table] as Array<{ id: string }>));
  });

  it('merges the ledger of a second machine: its status change and progress taken, ours kept, its log lines copied, summaries as computed from the records', async () => {
    const base = withFollowUp(sampleContent({ units: 1 }));
    const db = await received(base);
    const entry = base.ledgerEntries[0]!;
    // Here: a progress report. There: another one and 申请销号, with its change-log line.
    await db.transaction('rw', db.progressEntries, () => db.progressEntries.add(progress(entry, 1, '本机：召开专题会议部署整改')));
    const there = clone(base);
    there.progressEntries.push(progress(entry, 2, '对方：已完成三次基层调研'));
    there.ledgerEntries[0] = moved(entry, 'closure-requested', '对方', '2025-12-12T08:00:00.000Z');
    const line: ChangeLogEntry = { id: fakeUuid(710_000), at: '2025-12-12T08:00:00.000Z', actor: '对方', entity: 'ledger-entry', recordId: entry.id, meetingId: entry.meetingId, action: 'update', summary: '申请销号' };
    there.changeLog.push(line);

    const plan = await merge(db, there);
    expect(plan.conflicts).toEqual([]);
    expect(plan.counts.progressEntries.add).toBe(1);
    expect((await db.progressEntries.where('entryId').equals(entry.id).toArray()).map((p) => p.text).sort()).toEqual(['对方：已完成三次基层调研', '已制定整改方案', '本机：召开专题会议部署整改'].sort());
    expect((await db.ledgerEntries.get(entry.id))!.status).toBe('closure-requested');
    expect(await db.changeLog.get(line.id)).toEqual(line);
    const log = await db.changeLog.where('meetingId').equals(entry.meetingId).toArray();
    expect(log.map((c) => c.summary)).toContain('合并数据包“对方.mzsh.json”（2025年度民主生活会）：写入整改台账 1 条、整改进展 1 条');
    await settleSummaries(db);
    const stored = await db.meetingSummaries.toArray();
    await db.transaction('rw', summaryTables(db), () => refreshSummaries(db, stored.map((s) => s.meetingId)));
    expect(await db.meetingSummaries.toArray()).toEqual(stored);
  });

  it('shows a status changed on both machines as a conflict and keeps the side chosen', async () => {
    const base = withFollowUp(sampleContent({ units: 1 }));
    const db = await received(base);
    const entry = base.ledgerEntries[0]!;
    const ours = moved(entry, 'ongoing', '本机', '2025-12-11T08:00:00.000Z');
    await db.transaction('rw', db.ledgerEntries, () => db.ledgerEntries.put(ours));
    const there = clone(base);
    there.ledgerEntries[0] = moved(entry, 'closure-requested', '对方', '2025-12-12T08:00:00.000Z');

    const plan = await previewMerge(db, there);
    expect(plan.conflicts.map((c) => c.message)).toEqual([`台账 ${entry.accountNumber}：两边都改变了状态（本机为“长期坚持”，导入数据为“申请销号”），请核对后选择`]);
    await expect(applyMerge(db, plan, new Map(), meta)).rejects.toThrow('还有 1 处冲突未选择保留哪一方');
    await applyMerge(db, plan, new Map([[baseKey('ledgerEntries', entry.id), 'local']]), meta);
    expect(await db.ledgerEntries.get(entry.id)).toEqual(ours);
    // Chosen once: the same package again brings no conflict.
    expect((await previewMerge(db, there)).conflicts).toEqual([]);
  });

  it('refuses a package whose problem and ledger entry reuse local ids under another meeting, and changes nothing', async () => {
    const local = withFollowUp(sampleContent({ units: 1 }));
    const db = await received(local);
    const before = await exportContent(db);
    const forged = withFollowUp(sampleContent({ units: 1, firstId: 5000 }), 95_000);
    forged.problems[0]!.id = local.problems[0]!.id;
    for (const p of forged.progressEntries) if (p.entryId === forged.ledgerEntries[0]!.id) p.entryId = local.ledgerEntries[0]!.id;
    forged.ledgerEntries[0]!.id = local.ledgerEntries[0]!.id;
    forged.ledgerEntries[0]!.problemId = local.problems[0]!.id;
    // Consistent inside itself: it reads as a package.
    expect(readPackage(buildPackage(forged, { appVersion: '0.2.0', exportedAt: '2026-12-06T00:00:00.000Z' })).ok).toBe(true);
    const refused = await previewMerge(db, forged).catch((e: unknown) => e as { message: string; details: string[] });
    expect(refused).toMatchObject({ name: 'UserError', message: expect.stringMatching(/^数据包被拒绝，未写入任何内容/) });
    expect((refused as { details: string[] }).details).toEqual(
      expect.arrayContaining([
        `数据包中的查摆问题“深入基层调研偏少，解决实际问题办法不多”（领导班子）（编号 ${local.problems[0]!.id}）在本机属于另一个会议`,
        expect.stringContaining(`（编号 ${local.ledgerEntries[0]!.id}）在本机属于另一个会议`),
      ]),
    );
    expect(await exportContent(db)).toEqual(before);
  });

  it('opens a format-1 package (test/fixtures/legacy), with no follow-up records', async () => {
    const read = readPackage(new Uint8Array(readFileSync(join(__dirname, '../../fixtures/legacy/legacy.mzsh.json'))));
    if (!read.ok) throw new Error(read.error);
    expect(read.package.formatVersion).toBe(1);
    const db = await received(read.package.content);
    expect(await db.opinions.count()).toBe(read.package.content.opinions.length);
    for (const table of FOLLOW_UP_TABLES) expect(await db.table(table).count(), table).toBe(0);
    // Merged into data that has follow-up records, it leaves them alone.
    const withRecords = withFollowUp(read.package.content);
    const other = await received(withRecords);
    const plan = await merge(other, read.package.content);
    expect(plan.conflicts).toEqual([]);
    expect(await other.problems.count()).toBe(withRecords.problems.length);
  });

  it('summarises a meeting opened with last year’s meeting of its unit as a read of the database does, last year’s ledger included', async () => {
    // One unit's 2025 meeting and its 2024 meeting (with its ledger), in one package or one after the other.
    const current = withFollowUp(sampleContent({ units: 1 }));
    const lastYear = withFollowUp(sampleContent({ units: 1, firstId: 5000 }), 95_000);
    const unitId = current.units[0]!.id;
    const earlier: PackageContent = { ...lastYear, units: [], meetings: lastYear.meetings.map((m) => ({ ...m, unitId, year: 2024, title: '2024年度民主生活会' })) };
    const combined = combinePackages([
      { name: '2025', content: current },
      { name: '2024', content: earlier },
    ]);
    if (!combined.ok) throw new Error(combined.error);
    const both = combined.content;
    const recomputed = async (db: WorkbenchDb) => {
      const stored = byId((await db.meetingSummaries.toArray()).map((x) => ({ ...x, id: x.meetingId })));
      await db.transaction('rw', summaryTables(db), () => refreshSummaries(db, stored.map((x) => x.meetingId)));
      return { stored, again: byId((await db.meetingSummaries.toArray()).map((x) => ({ ...x, id: x.meetingId }))) };
    };
    const together = freshDb();
    await merge(together, both);
    const one = await recomputed(together);
    expect(one.stored).toHaveLength(2);
    expect(one.stored.find((x) => x.meetingId === current.meetings[0]!.id)!.preparation).toBeDefined();
    expect(one.stored).toEqual(one.again);
    // Last year's meeting already here: this year's is summarised from a read (its ledger is local).
    const apart = freshDb();
    await merge(apart, { ...earlier, units: current.units });
    await merge(apart, current);
    await settleSummaries(apart);
    const two = await recomputed(apart);
    expect(two.stored).toEqual(two.again);
    expect(two.stored.find((x) => x.meetingId === current.meetings[0]!.id)).toEqual(one.stored.find((x) => x.meetingId === current.meetings[0]!.id));
    // This year's meeting already here, last year's arriving later: this year's summary reads the new ledger too.
    const late = freshDb();
    await merge(late, current);
    const before = (await late.meetingSummaries.get(current.meetings[0]!.id))!;
    await merge(late, { ...earlier, units: current.units });
    await settleSummaries(late);
    const three = await recomputed(late);
    expect(three.stored).toEqual(three.again);
    const after = three.stored.find((x) => x.meetingId === current.meetings[0]!.id)!;
    expect(after.preparation).not.toEqual(before.preparation);
    expect(after).toEqual(one.stored.find((x) => x.meetingId === current.meetings[0]!.id));
  });
});
