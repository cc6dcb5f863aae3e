// The merge plan decision by decision, the writes it turns into, and the labels a conflict shows
// (written against the mutation report of shared/package; see the README's Mutation testing section).
import { describe, expect, it } from 'vitest';
import { emptyContent, type PackageContent } from '#shared/package/format';
import { baseGroup, baseKey, describeRecord, mergeWrites, planMerge, recordHash, type LocalSide, type MergeTable } from '#shared/package/merge';
import { GROUP_TARGET } from '#shared/model/types';
import { sampleContent } from '../../support/sample-content';

type AnyRecord = PackageContent[MergeTable][number];

/** A local side holding `records` (by table and id) with the given merge bases. */
function localWith(records: Array<[MergeTable, AnyRecord]>, bases: Record<string, string> = {}, unitNames = new Map<string, string>()): LocalSide {
  const byKey = new Map(records.map(([t, r]) => [baseKey(t, r.id), r]));
  const kinds = new Map(records.map(([t, r]) => [r.id, t]));
  return { get: (t, id) => byKey.get(baseKey(t, id)), base: (key) => bases[key], unitNames, tableOf: (id) => kinds.get(id) };
}

describe('merge decisions', () => {
  const pkg = sampleContent({ units: 1 });
  const opinion = pkg.opinions[0]!;
  const key = baseKey('opinions', opinion.id);
  const incoming: PackageContent = { ...emptyContent(), opinions: [opinion] };
  const changed = { ...opinion, content: '本机改过的内容', updatedAt: '2025-11-09T00:00:00.000Z' };
  const decide = (local: LocalSide) => planMerge(incoming, local).actions.get(key);

  it('adds what is not here, and calls an identical record the same', () => {
    expect(decide(localWith([]))).toBe('add');
    expect(decide(localWith([['opinions', opinion]]))).toBe('same');
  });

  it('takes the incoming version when ours is still the base, keeps ours when theirs is', () => {
    expect(decide(localWith([['opinions', changed]], { [key]: recordHash(changed) }))).toBe('update');
    expect(decide(localWith([['opinions', changed]], { [key]: recordHash(opinion) }))).toBe('keep');
  });

  it('is a conflict when both changed, or when there is no base', () => {
    expect(decide(localWith([['opinions', changed]], { [key]: 'some older hash' }))).toBe('conflict');
    const plan = planMerge(incoming, localWith([['opinions', changed]]));
    expect(plan.actions.get(key)).toBe('conflict');
    expect(plan.counts.opinions).toEqual({ add: 0, update: 0, same: 0, keep: 0, conflict: 1 });
    expect(plan.conflicts).toEqual([{ table: 'opinions', id: opinion.id, label: describeRecord('opinions', changed), local: changed, incoming: opinion, fields: ['内容', '修改时间'] }]);
    expect(plan.localHashes.get(key)).toBe(recordHash(changed));
    expect(plan.incomingHashes.get(key)).toBe(recordHash(opinion));
  });

  it('names fields it has no label for as they are, and treats a missing field as empty', () => {
    // A field from a newer version of the app, unknown here.
    const extra: typeof opinion = Object.assign({ ...opinion }, { note: 'x' });
    const plan = planMerge({ ...emptyContent(), opinions: [extra] }, localWith([['opinions', { ...opinion, deletedAt: undefined }]]));
    expect(plan.conflicts[0]?.fields).toEqual(['note']);
  });

  it('notes a new unit whose name another local unit has, and not one whose id is its own', () => {
    const unit = pkg.units[0]!;
    const units = { ...emptyContent(), units: [unit] };
    expect(planMerge(units, localWith([], {}, new Map([[unit.name, 'another-id']]))).notes).toHaveLength(1);
    expect(planMerge(units, localWith([], {}, new Map([[unit.name, unit.id]]))).notes).toEqual([]);
    expect(planMerge(units, localWith([], {}, new Map([['另一个单位', 'another-id']]))).notes).toEqual([]);
  });
});

describe('merge writes', () => {
  const pkg = sampleContent({ units: 1 });
  const [unit] = pkg.units;
  const [meeting] = pkg.meetings;
  const member = pkg.members[0]!;
  const opinion = pkg.opinions[0]!;
  const changed = { ...opinion, content: '本机改过的内容' };
  const log = { id: '00000000-0000-4000-8000-0000000c0001', at: '2025-11-01T08:00:00.000Z', actor: '甲', entity: 'opinion' as const, recordId: opinion.id, meetingId: meeting!.id, action: 'create' as const, summary: '添加' };

  it('refuses while a conflict has no choice, saying how many', () => {
    const plan = planMerge({ ...emptyContent(), opinions: [opinion] }, localWith([['opinions', changed]]));
    expect(mergeWrites(plan, new Map())).toEqual({ ok: false, problem: '还有 1 处冲突未选择保留哪一方，未写入任何内容' });
  });

  it('writes a conflict resolved as incoming, and not one resolved as local', () => {
    const plan = planMerge({ ...emptyContent(), opinions: [opinion] }, localWith([['opinions', changed]]));
    const key = baseKey('opinions', opinion.id);
    const theirs = mergeWrites(plan, new Map([[key, 'incoming']]));
    expect(theirs.ok && theirs.writes.puts.opinions).toEqual([opinion]);
    expect(theirs.ok && [...theirs.writes.meetings]).toEqual([opinion.meetingId]);
    const ours = mergeWrites(plan, new Map([[key, 'local']]));
    expect(ours.ok && ours.writes.puts.opinions).toEqual([]);
    expect(ours.ok && [...ours.writes.meetings]).toEqual([]);
    // Either way the incoming version becomes the base: it is what the other side last sent.
    expect(ours.ok && ours.writes.bases).toEqual([{ group: `meeting:${opinion.meetingId}`, key, hash: recordHash(opinion) }]);
  });

  it('writes adds and updates, not same or kept records, and names the meetings that change', () => {
    const incoming: PackageContent = { ...emptyContent(), units: [unit!], meetings: [meeting!], members: [member], opinions: [opinion], changeLog: [log] };
    const plan = planMerge(incoming, localWith([['units', unit!], ['members', member]]));
    const result = mergeWrites(plan, new Map());
    if (!result.ok) throw new Error(result.problem);
    expect(result.writes.puts.units).toEqual([]);
    expect(result.writes.puts.members).toEqual([]);
    expect(result.writes.puts.meetings).toEqual([meeting]);
    expect(result.writes.puts.opinions).toEqual([opinion]);
    expect(result.writes.puts.changeLog).toEqual([log]);
    expect([...result.writes.meetings]).toEqual([meeting!.id]);
    expect(result.writes.bases.map((b) => b.group)).toEqual(['units', `meeting:${meeting!.id}`, `meeting:${meeting!.id}`, `meeting:${meeting!.id}`]);
  });

  it('marks no meeting for a new unit or a change-log line, and writes an update', () => {
    const otherLog = { ...log, meetingId: 'another-meeting' };
    const plan = planMerge({ ...emptyContent(), units: [unit!], changeLog: [otherLog] }, localWith([]));
    const result = mergeWrites(plan, new Map());
    expect(result.ok && result.writes.puts.units).toEqual([unit]);
    expect(result.ok && result.writes.puts.changeLog).toEqual([otherLog]);
    expect(result.ok && [...result.writes.meetings]).toEqual([]);
    const key = baseKey('opinions', opinion.id);
    const update = planMerge({ ...emptyContent(), opinions: [opinion] }, localWith([['opinions', changed]], { [key]: recordHash(changed) }));
    const written = mergeWrites(update, new Map());
    expect(written.ok && written.writes.puts.opinions).toEqual([opinion]);
  });

  it('notes only new units: a member named like a local unit is no clash', () => {
    const named = { ...member, name: '测试单位1' };
    expect(planMerge({ ...emptyContent(), members: [named] }, localWith([], {}, new Map([['测试单位1', 'another-id']]))).notes).toEqual([]);
  });

  it('keeps merge bases in groups: all units in one, each meeting with its records, none for the log', () => {
    expect(baseGroup('units', unit!)).toBe('units');
    expect(baseGroup('meetings', meeting!)).toBe(`meeting:${meeting!.id}`);
    expect(baseGroup('members', member)).toBe(`meeting:${member.meetingId}`);
    expect(baseGroup('changeLog', log)).toBeUndefined();
    expect(baseKey('opinions', 'abc')).toBe('opinions:abc');
  });
});

describe('conflict labels', () => {
  const pkg = sampleContent({ units: 1 });
  const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六';

  it('names each kind of record in Chinese, cutting long texts at 24 characters', () => {
    expect(describeRecord('units', { ...pkg.units[0]!, name: long })).toBe(`单位“${long.slice(0, 24)}…”`);
    expect(describeRecord('units', { ...pkg.units[0]!, name: long.slice(0, 24) })).toBe(`单位“${long.slice(0, 24)}”`);
    expect(describeRecord('meetings', { ...pkg.meetings[0]!, title: '2025年度专题民主生活会' })).toBe('会议“2025年度专题民主生活会”');
    expect(describeRecord('members', { ...pkg.members[0]!, name: '张三' })).toBe('班子成员张三');
    const opinion = { ...pkg.opinions[0]!, content: '调研不够', targetId: 'm1' };
    expect(describeRecord('opinions', opinion)).toBe('意见“调研不够”');
    expect(describeRecord('opinions', { ...opinion, targetId: GROUP_TARGET })).toBe('意见“调研不够”（领导班子）');
    const log = { id: 'l', at: '2025-11-01T08:00:00.000Z', actor: '甲', entity: 'opinion' as const, recordId: 'x', meetingId: '', action: 'create' as const, summary: '添加意见' };
    expect(describeRecord('changeLog', log)).toBe('变更记录“添加意见”');
    const audit = { id: 'a', meetingId: 'm', at: '2025-11-05T08:00:00.000Z', auditor: '王组长', verdict: 'pass' as const, reasons: '', ticked: [], overrideReason: '', snapshot: { ready: true, shortfalls: [], zeroTargets: [], counts: {}, fingerprint: 'f', totalOpinions: 0 } };
    expect(describeRecord('audits', audit)).toBe('审核记录（2025-11-05）');
  });
});

describe('what a plan shows and refuses (from the second mutation report)', () => {
  const pkg = sampleContent({ units: 1 });
  const [unit] = pkg.units;
  const [meeting] = pkg.meetings;
  const [first, second, third] = pkg.opinions;

  it('lists field changes only for the records it updates, not for same, kept or conflicting ones', () => {
    const edited = (o: typeof first, content: string) => ({ ...o!, content });
    const keys = [first, second, third].map((o) => baseKey('opinions', o!.id));
    const local = localWith(
      [
        ['opinions', first!],
        ['opinions', edited(second, '本机改过')],
        ['opinions', edited(third, '本机也改过')],
      ],
      { [keys[1]!]: recordHash(second!), [keys[2]!]: 'an older hash' },
    );
    const plan = planMerge({ ...emptyContent(), opinions: [first!, second!, third!] }, local);
    expect(keys.map((k) => plan.actions.get(k))).toEqual(['same', 'keep', 'conflict']);
    expect(plan.updates).toEqual([]);
  });

  it('notes no name clash for a unit it updates, even one renamed like another local unit', () => {
    const renamed = { ...unit!, name: '本机的另一个单位' };
    const local = localWith([['units', unit!]], { [baseKey('units', unit!.id)]: recordHash(unit!) }, new Map([['本机的另一个单位', 'another-id']]));
    const plan = planMerge({ ...emptyContent(), units: [renamed] }, local);
    expect(plan.actions.get(baseKey('units', unit!.id))).toBe('update');
    expect(plan.notes).toEqual([]);
  });

  it('refuses a package that gives one id to two kinds of record, naming both', () => {
    const twin = { ...pkg.members[0]!, id: first!.id };
    const plan = planMerge({ ...emptyContent(), members: [twin], opinions: [first!] }, localWith([]));
    expect(plan.identityProblems).toEqual([`数据包中的${describeRecord('opinions', first!)}（编号 ${first!.id}）与数据包中的一条班子成员编号相同`]);
    // The same id twice in one table is the package reader's to refuse, not a clash of kinds.
    expect(planMerge({ ...emptyContent(), opinions: [first!, first!] }, localWith([])).identityProblems).toEqual([]);
  });

  it('shows the first five records behind a refusal and counts the rest', () => {
    const local = localWith(pkg.opinions.map((o): [MergeTable, AnyRecord] => ['opinions', o]));
    // Members taking the ids of local opinions: one problem each.
    const forged = (n: number) => Array.from({ length: n }, (_, i) => ({ ...pkg.members[0]!, id: pkg.opinions[i]!.id, name: `成员${i + 1}` }));
    const refusal = (n: number) => planMerge({ ...emptyContent(), members: forged(n) }, local);
    const head = '数据包被拒绝，未写入任何内容：其中的记录与本机记录编号相同，但所属的单位、会议、对象或类别不同（可能是伪造或出错的数据包）。';
    const problem = (i: number) => `数据包中的班子成员成员${i}（编号 ${pkg.opinions[i - 1]!.id}）在本机是一条意见建议记录`;
    expect(refusal(5).refusal).toBe(head + [1, 2, 3, 4, 5].map(problem).join('；'));
    const seven = refusal(7);
    expect(seven.identityProblems).toHaveLength(7);
    expect(seven.refusal).toBe(`${head}${[1, 2, 3, 4, 5].map(problem).join('；')}；另有 2 处`);
  });

  it('marks the meeting of a meeting record it writes, even with no record of the meeting beside it', () => {
    const retitled = { ...meeting!, title: '改过标题的会议' };
    const key = baseKey('meetings', meeting!.id);
    const plan = planMerge({ ...emptyContent(), meetings: [retitled] }, localWith([['meetings', meeting!]], { [key]: recordHash(meeting!) }));
    const result = mergeWrites(plan, new Map());
    expect(result.ok && result.writes.puts.meetings).toEqual([retitled]);
    expect(result.ok && [...result.writes.meetings]).toEqual([meeting!.id]);
  });

  it('ignores a choice given for a record that is not in conflict: a kept record stays ours', () => {
    const ours = { ...first!, content: '本机改过' };
    const key = baseKey('opinions', first!.id);
    const plan = planMerge({ ...emptyContent(), opinions: [first!] }, localWith([['opinions', ours]], { [key]: recordHash(first!) }));
    expect(plan.actions.get(key)).toBe('keep');
    const result = mergeWrites(plan, new Map([[key, 'incoming']]));
    expect(result.ok && result.writes.puts.opinions).toEqual([]);
  });
});
