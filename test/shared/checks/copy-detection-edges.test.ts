// Copy detection's inputs and tallies at their edges: which opinions are looked at, what a warning
// carries, and how 疑似抄袭 links are counted per pair of units (written against the mutation report
// of shared/checks/copy-detection.ts; see the README).
import { describe, expect, it } from 'vitest';
import { copyCandidates, crossUnitCounts, detectCopies, type CopyCandidate, type CopyWarning } from '#shared/checks/copy-detection';
import { PARTNER_CAP } from '#shared/checks/minhash';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';

const at = (s: number) => `2025-11-01T08:00:${String(s).padStart(2, '0')}.000Z`;

describe('the opinions copy detection looks at', () => {
  it('takes each live, substantive opinion with its meeting and unit', () => {
    const meeting = { id: 'm7', unitId: 'u3', ruleSet: defaultRuleSet() };
    const opinions = [
      { id: 'a', targetId: GROUP_TARGET, category: '上级领导', content: '调研不够深入，问题解决不及时', createdAt: at(1) },
      { id: 'b', targetId: 'zhang', category: '基层群众', content: '暂无意见', createdAt: at(2) },
      { id: 'c', targetId: 'zhang', category: '基层群众', content: '联系群众不够经常', createdAt: at(3), deletedAt: at(4) },
      { id: 'd', targetId: 'li', category: '服务对象', content: '工作认真负责，成绩突出，无意见。', createdAt: at(5) },
    ];
    expect(copyCandidates(meeting, opinions)).toEqual([
      { id: 'a', meetingId: 'm7', unitId: 'u3', targetId: GROUP_TARGET, category: '上级领导', content: '调研不够深入，问题解决不及时', createdAt: at(1) },
    ]);
  });
});

describe('a warning', () => {
  const op = (id: string, over: Partial<CopyCandidate>): CopyCandidate => ({
    id,
    meetingId: 'm1',
    unitId: 'u1',
    targetId: 't1',
    category: '上级领导',
    content: '理论学习不够系统，以会代学的情况时有发生',
    createdAt: at(Number(id.slice(1))),
    ...over,
  });

  it('shows both opinions in full, without their entry times', () => {
    const [w] = detectCopies([op('o1', { targetId: 't1' }), op('o2', { targetId: 't2', category: '基层群众' })], { kinds: ['cross-target'] });
    expect(w).toEqual({
      kind: 'cross-target',
      a: { id: 'o1', meetingId: 'm1', unitId: 'u1', targetId: 't1', category: '上级领导', content: '理论学习不够系统，以会代学的情况时有发生' },
      b: { id: 'o2', meetingId: 'm1', unitId: 'u1', targetId: 't2', category: '基层群众', content: '理论学习不够系统，以会代学的情况时有发生' },
      similarity: 1,
    });
  });

  it('gives the similarity to two decimals', () => {
    const [w] = detectCopies([op('o1', { targetId: 't1' }), op('o2', { targetId: 't2', content: '以会代学的情况时有发生，理论学习不够系统' })], { kinds: ['cross-target'] });
    expect(w!.similarity).toBe(0.89);
  });

  it('reports a near copy for one target in another category as 近似重复 only, and once', () => {
    const warnings = detectCopies(
      [op('o1', {}), op('o2', { category: '基层群众', content: '理论学习不够系统，以会代学的情况仍有发生' })],
      { kinds: ['same-target', 'cross-target', 'cross-unit'] },
    );
    expect(warnings.map((w) => [w.kind, w.a.id, w.b.id])).toEqual([['same-target', 'o1', 'o2']]);
  });
});

describe('疑似抄袭 links per pair of units', () => {
  const w = (kind: CopyWarning['kind'], from: string, to: string): CopyWarning => {
    const ref = (unitId: string) => ({ id: unitId, meetingId: unitId, unitId, targetId: 't', category: '上级领导', content: '同一条意见' });
    return { kind, a: ref(from), b: ref(to), similarity: 1 };
  };

  it('counts both directions of a pair together, largest first, ties by the units’ names, other kinds left out', () => {
    const warnings = [w('cross-unit', 'u3', 'u1'), w('cross-unit', 'u2', 'u1'), w('cross-target', 'u2', 'u1'), w('cross-unit', 'u1', 'u3'), w('cross-unit', 'u1', 'u2'), w('cross-unit', 'u9', 'u4'), w('cross-unit', 'u3', 'u1')];
    expect(crossUnitCounts(warnings)).toEqual([
      { units: ['u1', 'u3'], count: 3 },
      { units: ['u1', 'u2'], count: 2 },
      { units: ['u4', 'u9'], count: 1 },
    ]);
  });

  it('orders pairs of equal count by name whatever the order of the warnings', () => {
    const warnings = [w('cross-unit', 'u5', 'u6'), w('cross-unit', 'u2', 'u1'), w('cross-unit', 'u4', 'u3')];
    const expected = [
      { units: ['u1', 'u2'], count: 1 },
      { units: ['u3', 'u4'], count: 1 },
      { units: ['u5', 'u6'], count: 1 },
    ];
    expect(crossUnitCounts(warnings)).toEqual(expected);
    expect(crossUnitCounts([...warnings].reverse())).toEqual(expected);
  });

  it('is empty without 疑似抄袭', () => {
    expect(crossUnitCounts([w('same-target', 'u1', 'u1')])).toEqual([]);
  });
});

describe('which pairs are looked for', () => {
  let seq = 0;
  const op = (content: string, over: Partial<CopyCandidate>): CopyCandidate => {
    seq++;
    return { id: `p-${String(seq).padStart(4, '0')}`, meetingId: 'm1', unitId: 'u1', targetId: 't1', category: '上级领导', content, createdAt: `2025-11-02T08:${String(Math.floor(seq / 60) % 60).padStart(2, '0')}:${String(seq % 60).padStart(2, '0')}.000Z`, ...over };
  };
  const base = '深入基层调研的次数偏少，对企业反映的问题跟踪解决不够及时，群众反映的困难解决得不够彻底';
  // Near copies of base, each with one character of its own in the middle (similarity about 0.9).
  const variant = (i: number) => `${base.slice(0, 20)}${String.fromCodePoint(0x4e00 + 50 + i)}${base.slice(21)}`;

  it('never calls the group’s opinions of two meetings 近似重复, even the same text in another category', () => {
    const a = op(base, { targetId: GROUP_TARGET, meetingId: 'm2024' });
    const b = op(base, { targetId: GROUP_TARGET, meetingId: 'm2025', category: '基层群众' });
    expect(detectCopies([a, b], { kinds: ['same-target', 'cross-target'] })).toEqual([]);
  });

  it('finds a near copy inside a meeting although many times the partner cap of near copies sit in other meetings', () => {
    const first = op(base, { meetingId: 'm1', targetId: 't1' });
    const elsewhere = Array.from({ length: 10 * PARTNER_CAP }, (_, i) => op(variant(i), { meetingId: `m${i + 2}`, targetId: 't1' }));
    const last = op(variant(999), { meetingId: 'm1', targetId: 't2' });
    const warnings = detectCopies([first, ...elsewhere, last], { kinds: ['cross-target'] });
    expect(warnings.map((w) => [w.a.id, w.b.id])).toEqual([[first.id, last.id]]);
  });

  it('finds every near copy of a unit in another unit although the unit holds many times the partner cap of them', () => {
    const own = Array.from({ length: 10 * PARTNER_CAP }, (_, i) => op(variant(i), { unitId: 'u1', meetingId: `m${i}` }));
    const other = op(base, { unitId: 'u2', meetingId: 'mx' });
    const warnings = detectCopies([...own, other], { kinds: ['cross-unit'] });
    expect(own.filter((o) => !warnings.some((w) => w.a.id === o.id && w.b.id === other.id))).toEqual([]);
  });

  it('finds 雷同 inside a unit when 疑似抄袭 is asked for first', () => {
    const warnings = detectCopies([op(base, { targetId: 't1' }), op(variant(1), { targetId: 't2' })], { kinds: ['cross-unit', 'cross-target'] });
    expect(warnings.map((w) => w.kind)).toEqual(['cross-target']);
  });

  it('finds a near copy of a text that two units share, in one of those units', () => {
    const shared = [op(base, { unitId: 'u1', meetingId: 'm1' }), op(base, { unitId: 'u2', meetingId: 'm2' })];
    const near = op(variant(1), { unitId: 'u1', meetingId: 'm3' });
    const warnings = detectCopies([...shared, near], { kinds: ['cross-unit'] });
    expect(warnings.filter((w) => w.a.id === near.id).map((w) => w.b.id)).toEqual([shared[1]!.id]);
  });

  it('looks past a more similar text that is no partner to a less similar one that is', () => {
    // 雷同 needs another target: the closest text is the same target's, the next one is another's.
    const o = op(base, { targetId: 't1' });
    const closest = op(`${base}。`.replace('偏少', '偏少了'), { targetId: 't1' });
    const next = op(variant(1), { targetId: 't2' });
    const warnings = detectCopies([o, closest, next], { kinds: ['cross-target'] });
    expect(warnings.find((w) => w.a.id === o.id)?.b.id).toBe(next.id);
  });

  it('warns a near repeat entered before a text pasted nine times against the first paste', () => {
    const o = op(variant(1), {});
    const pasted = Array.from({ length: 9 }, () => op(base, {}));
    const warnings = detectCopies([...pasted, o], { kinds: ['same-target'] });
    expect(warnings[0]).toMatchObject({ kind: 'same-target', a: { id: o.id }, b: { id: pasted[0]!.id } });
  });
});

describe('疑似抄袭 links of units whose names run together', () => {
  it('counts the pairs 1|23 and 12|3 apart', () => {
    const ref = (unitId: string) => ({ id: unitId, meetingId: unitId, unitId, targetId: 't', category: '上级领导', content: '同一条意见' });
    const w = (a: string, b: string): CopyWarning => ({ kind: 'cross-unit', a: ref(a), b: ref(b), similarity: 1 });
    expect(crossUnitCounts([w('1', '23'), w('12', '3')])).toEqual([
      { units: ['1', '23'], count: 1 },
      { units: ['12', '3'], count: 1 },
    ]);
  });
});
