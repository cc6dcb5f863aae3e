// Merging whole packages into one (the command line's `merge`), in memory: each package planned
// against what the earlier ones gave. Written against the mutation report of shared/package (the
// command line's own tests run the built program, which mutation testing cannot reach).
import { describe, expect, it } from 'vitest';
import { emptyContent, sortContent, type PackageContent } from '#shared/package/format';
import { mergePackages } from '#shared/package/merge-packages';
import { sampleContent } from '../../support/sample-content';

const clone = <T,>(x: T): T => structuredClone(x);

describe('merging packages into one', () => {
  const first = sampleContent({ units: 1, firstId: 1 });
  const second = sampleContent({ units: 1, firstId: 5000 });
  second.units[0]!.name = '另一个测试单位';

  it('gives every record of every package once, in the order a package is written', () => {
    const result = mergePackages([
      { name: '甲.mzsh.json', content: second },
      { name: '乙.mzsh.json', content: first },
      { name: '甲again.mzsh.json', content: clone(second) },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const both: PackageContent = emptyContent();
    for (const t of Object.keys(both) as Array<keyof PackageContent>) (both[t] as unknown[]) = [...first[t], ...second[t]];
    expect(result.content).toEqual(sortContent(both));
    expect(result.notes).toEqual([]);
  });

  it('calls a record two packages carry in different versions a conflict, and the same version no change', () => {
    const later = clone(first);
    later.members[0]!.position = '党组书记、局长';
    // No merge bases between files: an earlier package's record with the same id and another version is a conflict…
    const result = mergePackages([
      { name: '一.mzsh.json', content: first },
      { name: '二.mzsh.json', content: later },
    ]);
    expect(result).toMatchObject({ ok: false, kind: 'conflicts', conflicts: [{ file: '二.mzsh.json', table: 'members', id: first.members[0]!.id, fields: ['职务'] }] });
    // …while the same version again is no change at all.
    const same = mergePackages([
      { name: '一.mzsh.json', content: first },
      { name: '一副本.mzsh.json', content: clone(first) },
    ]);
    expect(same.ok && same.content.members.filter((m) => m.id === first.members[0]!.id)).toEqual([first.members[0]]);
  });

  it('lists the conflicts of every package, each with its file, and writes nothing', () => {
    const a = clone(first);
    a.opinions[0]!.content = '第二个文件改写的意见';
    const b = clone(first);
    b.units[0]!.name = '第三个文件改写的单位名';
    const result = mergePackages([
      { name: '一.mzsh.json', content: first },
      { name: '二.mzsh.json', content: a },
      { name: '三.mzsh.json', content: b },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok || result.kind !== 'conflicts') throw new Error('expected conflicts');
    expect(result.conflicts.map((c) => [c.file, c.table])).toEqual([
      ['二.mzsh.json', 'opinions'],
      ['三.mzsh.json', 'units'],
    ]);
  });

  it('refuses the whole merge when a package reuses an id under another parent, naming the file', () => {
    const forged = clone(second);
    forged.members[0]!.id = first.members[0]!.id;
    const result = mergePackages([
      { name: '本县.mzsh.json', content: first },
      { name: '伪造.mzsh.json', content: forged },
    ]);
    expect(result).toMatchObject({ ok: false, kind: 'refused', error: expect.stringMatching(/^“伪造\.mzsh\.json”：数据包被拒绝，未写入任何内容：/) });
    expect(!result.ok && result.kind === 'refused' && result.error).toContain(`（编号 ${first.members[0]!.id}）在本机属于另一个会议`);
  });

  it('notes a new unit named like one an earlier package gave, naming the file', () => {
    const namesake = clone(second);
    namesake.units[0]!.name = first.units[0]!.name;
    const result = mergePackages([
      { name: '一.mzsh.json', content: first },
      { name: '同名.mzsh.json', content: namesake },
    ]);
    expect(result.ok && result.notes).toEqual([`“同名.mzsh.json”：数据包中的单位“${first.units[0]!.name}”与本机已有的同名单位编号不同，将作为另一个单位加入；如是同一单位，请核对后在单位列表中处理`]);
  });

  it('does not take a deleted unit’s name for a clash', () => {
    const deleted = clone(first);
    deleted.units[0]!.deletedAt = '2025-11-02T08:00:00.000Z';
    const namesake = clone(second);
    namesake.units[0]!.name = first.units[0]!.name;
    const result = mergePackages([
      { name: '已删除.mzsh.json', content: deleted },
      { name: '同名.mzsh.json', content: namesake },
    ]);
    expect(result.ok && result.notes).toEqual([]);
  });
});

describe('merging a unit\'s package and the one it sent again', () => {
  const older = sampleContent({ units: 1, firstId: 1 });
  const newer = clone(older);
  newer.members[0]!.position = '党组书记、局长';
  newer.opinions.push({ ...newer.opinions[0]!, id: '00000000-0000-4000-8000-00000000fff1', content: '重新报送时补充的意见：窗口服务时限公开不够' });
  const dropped = older.opinions.length;
  older.opinions.push({ ...older.opinions[0]!, id: '00000000-0000-4000-8000-00000000fff2', content: '只在先报送的数据包中的意见' });
  const at = { older: '2025-12-20T00:00:00.000Z', newer: '2025-12-22T00:00:00.000Z' };

  it('takes the later export\'s version of a record both carry, in either order, keeps what only one carries, and says so', () => {
    for (const order of [
      [{ name: '旧.mzsh.json', content: older, exportedAt: at.older }, { name: '新.mzsh.json', content: newer, exportedAt: at.newer }],
      [{ name: '新.mzsh.json', content: newer, exportedAt: at.newer }, { name: '旧.mzsh.json', content: older, exportedAt: at.older }],
    ]) {
      const result = mergePackages(order);
      if (!result.ok) throw new Error(JSON.stringify(result));
      expect(result.content.members.find((m) => m.id === older.members[0]!.id)!.position).toBe('党组书记、局长');
      expect(result.content.opinions).toHaveLength(dropped + 2);
      expect(result.notes).toHaveLength(1);
      expect(result.notes[0]).toMatch(/^“新\.mzsh\.json”（导出于 [^）]+）是“旧\.mzsh\.json”（导出于 [^）]+）之后重新导出的同一单位数据，两者不同的记录以前者为准$/);
    }
  });

  it('still calls it a conflict without export times, or when the later package lacks one of the earlier one\'s units', () => {
    expect(mergePackages([{ name: '旧.mzsh.json', content: older }, { name: '新.mzsh.json', content: newer }])).toMatchObject({ ok: false, kind: 'conflicts' });
    const other = sampleContent({ units: 1, firstId: 5000 });
    other.units[0]!.name = '另一个测试单位';
    const county: PackageContent = emptyContent();
    for (const t of Object.keys(county) as Array<keyof PackageContent>) (county[t] as unknown[]) = [...older[t], ...other[t]];
    // A unit's package does not replace an earlier county package (it lacks the other unit)…
    expect(mergePackages([{ name: '全县.mzsh.json', content: county, exportedAt: at.older }, { name: '新.mzsh.json', content: newer, exportedAt: at.newer }])).toMatchObject({ ok: false, kind: 'conflicts' });
    // …while a county package made after a unit's replaces it.
    const merged = mergePackages([{ name: '新.mzsh.json', content: newer, exportedAt: at.older }, { name: '全县.mzsh.json', content: county, exportedAt: at.newer }]);
    expect(merged.ok && merged.content.members.find((m) => m.id === older.members[0]!.id)!.position).toBe(older.members[0]!.position);
  });
});
