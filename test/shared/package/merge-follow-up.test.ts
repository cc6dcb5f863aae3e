// Merging the follow-up records: ledgers from two machines (progress entries a union by id, a status
// history that grew on one side taken from it, status changes on both sides a conflict shown in
// Chinese), the parents of every follow-up kind as part of its identity, and field names in Chinese.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry, LedgerStatus, ProgressEntry } from '#shared/model/ledger';
import type { PackageContent } from '#shared/package/format';
import { baseKey, mergeWrites, planMerge, recordHash, type LocalSide, type MergeTable } from '#shared/package/merge';
import { memoryLocalSide, mergePackages } from '#shared/package/merge-packages';
import { withFollowUp } from '../../support/follow-up-sample';
import { fakeUuid, sampleContent } from '../../support/sample-content';

const clone = <T,>(x: T): T => structuredClone(x);

/** The content both machines received last (the merge base of every record). */
const base = () => withFollowUp(sampleContent({ units: 1 }));

/** A machine's data as the local side, with the given content as the merge base of every record. */
function localOf(content: PackageContent, bases: PackageContent | undefined): LocalSide {
  const local = memoryLocalSide(content);
  const baseSide = bases ? memoryLocalSide(bases) : undefined;
  return {
    ...local,
    base: (key) => {
      if (!baseSide) return undefined;
      const table = key.slice(0, key.indexOf(':')) as MergeTable;
      const r = baseSide.get(table, key.slice(table.length + 1));
      return r ? recordHash(r) : undefined;
    },
  };
}

/** The entry with one more status change, as the ledger's status machine appends it. */
function moved(entry: LedgerEntry, to: LedgerStatus, by: string, at: string): LedgerEntry {
  return { ...entry, status: to, history: [...entry.history, { at, from: entry.status, to, by, reason: '' }], updatedAt: at };
}

function progress(entry: LedgerEntry, n: number, text: string): ProgressEntry {
  return { id: fakeUuid(700_000 + n), meetingId: entry.meetingId, entryId: entry.id, date: '2025-12-10', text, by: '办公室', createdAt: '2025-12-10T08:00:00.000Z' };
}

describe('merging ledgers from two machines', () => {
  it('takes the other machine\'s status change and unites both progress logs', () => {
    const received = base();
    const entry = received.ledgerEntries[0]!;
    const here = clone(received);
    here.progressEntries.push(progress(entry, 1, '本机：召开专题会议部署整改'));
    const there = clone(received);
    there.progressEntries.push(progress(entry, 2, '对方：已完成三次基层调研'));
    there.ledgerEntries[0] = moved(entry, 'closure-requested', '对方', '2025-12-12T08:00:00.000Z');

    const plan = planMerge(there, localOf(here, received));
    expect(plan.refusal).toBeUndefined();
    expect(plan.conflicts).toEqual([]);
    expect(plan.counts.progressEntries).toEqual({ add: 1, update: 0, same: 1, keep: 0, conflict: 0 });
    expect(plan.counts.ledgerEntries).toMatchObject({ update: 1 });
    expect(plan.updates.find((u) => u.table === 'ledgerEntries')!.changes.map((c) => c.field)).toEqual(['整改状态', '状态记录', '修改时间']);
    const writes = mergeWrites(plan, new Map());
    if (!writes.ok) throw new Error(writes.problem);
    expect(writes.writes.puts.progressEntries.map((p) => p.text)).toEqual(['对方：已完成三次基层调研']);
    expect(writes.writes.puts.ledgerEntries.map((e) => e.status)).toEqual(['closure-requested']);
    // Progress entries have no merge base (they never change); the ledger entry has one.
    expect(writes.writes.bases.some((b) => b.key.startsWith('progressEntries:'))).toBe(false);
    expect(writes.writes.bases.some((b) => b.key === baseKey('ledgerEntries', entry.id))).toBe(true);
  });

  it('shows status changes made on both machines as a conflict, in Chinese, and writes the chosen side', () => {
    const received = base();
    const entry = received.ledgerEntries[0]!;
    const here = clone(received);
    here.ledgerEntries[0] = moved(entry, 'ongoing', '本机', '2025-12-11T08:00:00.000Z');
    const there = clone(received);
    there.ledgerEntries[0] = moved(entry, 'closure-requested', '对方', '2025-12-12T08:00:00.000Z');

    const plan = planMerge(there, localOf(here, received));
    expect(plan.conflicts).toHaveLength(1);
    const conflict = plan.conflicts[0]!;
    expect(conflict).toMatchObject({ table: 'ledgerEntries', id: entry.id, label: `整改台账 ${entry.accountNumber}` });
    expect(conflict.message).toBe(`台账 ${entry.accountNumber}：两边都改变了状态（本机为“长期坚持”，导入数据为“申请销号”），请核对后选择`);
    expect(conflict.fields).toEqual(expect.arrayContaining(['整改状态', '状态记录']));
    expect(mergeWrites(plan, new Map())).toEqual({ ok: false, problem: '还有 1 处冲突未选择保留哪一方，未写入任何内容' });
    const taken = mergeWrites(plan, new Map([[baseKey('ledgerEntries', entry.id), 'incoming']]));
    expect(taken.ok && taken.writes.puts.ledgerEntries.map((e) => e.status)).toEqual(['closure-requested']);
    const kept = mergeWrites(plan, new Map([[baseKey('ledgerEntries', entry.id), 'local']]));
    expect(kept.ok && kept.writes.puts.ledgerEntries).toEqual([]);
  });

  it('needs no merge base to unite two machines\' packages: the longer status history wins, progress is united', () => {
    const received = base();
    const entry = received.ledgerEntries[0]!;
    const a = clone(received);
    a.progressEntries.push(progress(entry, 1, '甲：制定方案'));
    const b = clone(received);
    b.progressEntries.push(progress(entry, 2, '乙：完成调研'));
    b.ledgerEntries[0] = moved(entry, 'closure-requested', '乙', '2025-12-12T08:00:00.000Z');
    const merged = mergePackages([
      { name: '甲.mzsh.json', content: a },
      { name: '乙.mzsh.json', content: b },
    ]);
    if (!merged.ok) throw new Error(JSON.stringify(merged));
    expect(merged.content.progressEntries.filter((p) => p.entryId === entry.id).map((p) => p.text).sort()).toEqual(['已制定整改方案', '乙：完成调研', '甲：制定方案'].sort());
    expect(merged.content.ledgerEntries.find((e) => e.id === entry.id)!.status).toBe('closure-requested');

    // Both changed the status: the command line lists the conflict with the ledger's message.
    const c = clone(received);
    c.ledgerEntries[0] = moved(entry, 'ongoing', '丙', '2025-12-11T08:00:00.000Z');
    const clash = mergePackages([
      { name: '乙.mzsh.json', content: b },
      { name: '丙.mzsh.json', content: c },
    ]);
    expect(clash).toMatchObject({ ok: false, kind: 'conflicts', conflicts: [{ file: '丙.mzsh.json', table: 'ledgerEntries', message: expect.stringContaining('两边都改变了状态') }] });
  });

  it('never lets a status change on one side silently undo a delete on the other', () => {
    const received = base();
    const entry = received.ledgerEntries[0]!;
    const here = clone(received);
    here.ledgerEntries[0] = { ...entry, deletedAt: '2025-12-11T08:00:00.000Z', updatedAt: '2025-12-11T08:00:00.000Z' };
    const there = clone(received);
    there.ledgerEntries[0] = moved(entry, 'closure-requested', '对方', '2025-12-12T08:00:00.000Z');
    const plan = planMerge(there, localOf(here, received));
    expect(plan.conflicts.map((c) => c.message)).toEqual([`台账 ${entry.accountNumber}：本机已删除该条目，另一边仍在使用，请核对后选择`]);
  });

  it('calls a progress entry edited on one side a conflict, never an update', () => {
    const received = base();
    const there = clone(received);
    there.progressEntries[0] = { ...there.progressEntries[0]!, text: '改写过的进展' };
    const plan = planMerge(there, localOf(clone(received), received));
    expect(plan.counts.progressEntries).toMatchObject({ update: 0, conflict: 1 });
    expect(plan.conflicts[0]!.message).toMatch(/^整改进展只追加、不修改/);
    expect(plan.conflicts[0]!.fields).toEqual(['进展情况']);
  });

  it('names the fields of a follow-up update in Chinese', () => {
    const received = base();
    const there = clone(received);
    there.problems[0] = { ...there.problems[0]!, measures: '每月到联系点调研一次', deadline: '2026-09-30' };
    there.consolidatedOpinions[0] = { ...there.consolidatedOpinions[0]!, text: '调研不深入' };
    const plan = planMerge(there, localOf(clone(received), received));
    const fields = (table: MergeTable) => plan.updates.find((u) => u.table === table)!.changes.map((c) => c.field);
    expect(fields('problems')).toEqual(['整改措施', '完成时限']);
    expect(fields('consolidatedOpinions')).toEqual(['梳理后意见']);
    expect(plan.updates.find((u) => u.table === 'problems')!.label).toBe('查摆问题“深入基层调研偏少，解决实际问题办法不多”（领导班子）');
  });
});

describe('a package whose follow-up record reuses a local id under another parent', () => {
  const local = base();
  const foreign = () => withFollowUp(sampleContent({ units: 1, firstId: 5000 }), 95_000);

  it.each([
    ['a problem of another meeting', 'problems', '在本机属于另一个会议'],
    ['a ledger entry of another meeting', 'ledgerEntries', '在本机属于另一个会议'],
    ['a consolidated opinion of another meeting', 'consolidatedOpinions', '在本机属于另一个会议'],
    ['a progress entry of another meeting', 'progressEntries', '在本机属于另一个会议'],
    ['a talk of another meeting', 'talks', '在本机属于另一个会议'],
    ['a preparation of another meeting', 'preparations', '在本机属于另一个会议'],
    ['a material of another meeting', 'materials', '在本机属于另一个会议'],
  ] as const)('refuses %s, naming it, and writes nothing', (_name, table, says) => {
    const pkg = foreign();
    const localId = local[table][0]!.id;
    (pkg[table][0] as { id: string }).id = localId;
    const plan = planMerge(pkg, localOf(local, local));
    expect(plan.refusal).toMatch(/^数据包被拒绝，未写入任何内容：/);
    expect(plan.refusal).toContain(`（编号 ${localId}）${says}`);
    expect(mergeWrites(plan, new Map())).toEqual({ ok: false, problem: plan.refusal });
  });

  it('refuses a record of the same meeting that changes its target, problem or ledger entry', () => {
    const pkg = clone(local);
    const otherMember = local.members.find((m) => m.meetingId === local.meetings[0]!.id)!.id;
    pkg.problems[0]!.targetId = otherMember;
    pkg.materials[0]!.targetId = 'group';
    const plan = planMerge(pkg, localOf(local, local));
    expect(plan.refusal).toContain(`查摆问题“深入基层调研偏少，解决实际问题办法不多”（编号 ${local.problems[0]!.id}）在本机属于另一个对象`);
    expect(plan.refusal).toContain(`（编号 ${local.materials[0]!.id}）在本机属于另一个对象`);

    const entryMoved = clone(local);
    const secondProblem = { ...entryMoved.problems[0]!, id: fakeUuid(800_001) };
    entryMoved.problems.push(secondProblem);
    entryMoved.ledgerEntries[0]!.problemId = secondProblem.id;
    expect(planMerge(entryMoved, localOf(local, local)).refusal).toContain(`整改台账 ${local.ledgerEntries[0]!.accountNumber}（编号 ${local.ledgerEntries[0]!.id}）在本机属于另一个查摆问题`);

    const progressMoved = clone(local);
    const secondEntry = { ...progressMoved.ledgerEntries[0]!, id: fakeUuid(800_002), accountNumber: '2025-另一个-001' };
    progressMoved.ledgerEntries.push(secondEntry);
    progressMoved.progressEntries[0]!.entryId = secondEntry.id;
    expect(planMerge(progressMoved, localOf(local, local)).refusal).toContain(`（编号 ${local.progressEntries[0]!.id}）在本机属于另一个台账条目`);
  });
});
