import { describe, expect, it } from 'vitest';
import { combinePackages, mergeWrites, planMerge, recordHash, type LocalSide } from '#shared/package/merge';
import { sampleContent } from '../../support/sample-content';

const nothingLocal: LocalSide = { get: () => undefined, base: () => undefined, unitNames: new Map(), tableOf: () => undefined };

describe('combinePackages', () => {
  it('joins packages and keeps a record carried by both once', () => {
    const a = sampleContent({ units: 1 });
    const b = sampleContent({ units: 1 });
    const result = combinePackages([
      { name: 'a.mzsh.json', content: a },
      { name: 'b.mzsh.json', content: b },
    ]);
    expect(result.ok && result.content.opinions.length).toBe(a.opinions.length);
  });

  it('refuses two packages that disagree about one record', () => {
    const a = sampleContent({ units: 1 });
    const b = { ...a, opinions: a.opinions.map((o, i) => (i === 0 ? { ...o, content: '另一版本' } : o)) };
    expect(combinePackages([
      { name: 'a.mzsh.json', content: a },
      { name: 'b.mzsh.json', content: b },
    ])).toEqual({ ok: false, error: '“a.mzsh.json”与“b.mzsh.json”中的同一意见建议内容不同，请分别打开这两个数据包' });
  });
});

describe('planMerge', () => {
  it('adds everything into an empty database and points out a unit created twice under two ids', () => {
    const pkg = sampleContent({ units: 1 });
    const plan = planMerge(pkg, { ...nothingLocal, unitNames: new Map([['测试单位1', 'another-id']]) });
    expect(plan.counts.units.add).toBe(1);
    expect(plan.notes).toEqual(['数据包中的单位“测试单位1”与本机已有的同名单位编号不同，将作为另一个单位加入；如是同一单位，请核对后在单位列表中处理']);
    const writes = mergeWrites(plan, new Map());
    expect(writes.ok && writes.writes.bases).toHaveLength(pkg.units.length + pkg.meetings.length + pkg.members.length + pkg.opinions.length);
  });

  it('never takes a change to the append-only change log', () => {
    const pkg = sampleContent({ units: 1 });
    const entry = { id: '00000000-0000-4000-8000-0000000c0001', at: '2025-11-01T08:00:00.000Z', actor: '甲', entity: 'opinion' as const, recordId: 'x', meetingId: '', action: 'create' as const, summary: '原文' };
    const incoming = { ...pkg, changeLog: [{ ...entry, summary: '被改过' }] };
    const plan = planMerge(incoming, { ...nothingLocal, get: (table, id) => (table === 'changeLog' && id === entry.id ? entry : undefined), base: () => recordHash(entry) });
    expect(plan.counts.changeLog).toMatchObject({ keep: 1, conflict: 0, update: 0 });
  });
});
