// Copy detection's inputs and tallies at their edges: which opinions are looked at, what a warning
// carries, and how 疑似抄袭 links are counted per pair of units (written against the mutation report
// of shared/checks/copy-detection.ts; see the README).
import { describe, expect, it } from 'vitest';
import { copyCandidates, crossUnitCounts, detectCopies, type CopyCandidate, type CopyWarning } from '#shared/checks/copy-detection';
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
