// Copy detection (shared/checks/copy-detection.ts) on a small scale where its large-input paths
// still run: groups of identical texts larger than those searched in full (searched through their
// first opinions), asked for every kind and for one kind at a time, and a template filled in more
// times than the similarity search's partner cap, whose warnings say how many similar opinions were
// not listed. The same checks as copy-detection-scale.test.ts on inputs small enough to run once per
// mutant (written against the mutation report of shared/checks; see the README).
import { describe, expect, it } from 'vitest';
import { detectCopies, type CopyCandidate, type CopyKind } from '#shared/checks/copy-detection';
import { PARTNER_CAP } from '#shared/checks/minhash';
import { PASTED_TEXTS, pastedCorpus, referenceWarnings } from '../../support/copy-reference';

describe('detectCopies on texts pasted many times', () => {
  const texts = PASTED_TEXTS;

  it.each([
    [['cross-target', 'same-target', 'cross-unit'], 4],
    [['cross-target', 'same-target', 'cross-unit'], 1],
    [['cross-unit'], 3],
    [['cross-target'], 3],
    [['same-target'], 3],
    [['cross-target', 'same-target'], 2],
  ] satisfies Array<[CopyKind[], number]>)('links every opinion to the partner a search of the whole group finds (%j, %i units)', (kinds, units) => {
    for (const seed of [61, 62]) {
      const candidates = pastedCorpus(seed, 90, units);
      const warnings = detectCopies(candidates, { kinds });
      expect(warnings.map((w) => `${w.kind} ${w.a.id} ${w.b.id}`)).toEqual(referenceWarnings(candidates, kinds));
      expect(warnings.length).toBeGreaterThan(0);
    }
  });

  it('finds the partner in a group of one meeting, one target or one unit only', () => {
    // Each text's copies sit in one place: the search must not skip them as "all elsewhere".
    const op = (i: number, unit: number, meeting: string, target: string, content: string): CopyCandidate => ({
      id: `p-${String(i).padStart(2, '0')}`, unitId: `u${unit}`, meetingId: meeting, targetId: target, category: '上级领导', content,
      createdAt: `2025-11-01T08:00:${String(i).padStart(2, '0')}.000Z`,
    });
    const candidates = [
      ...Array.from({ length: 10 }, (_, i) => op(i, 0, 'm0', 't0', texts[0]!)),
      op(10, 0, 'm0', 't1', texts[1]!),
      op(11, 1, 'm1', 't0', texts[1]!),
    ];
    const kinds: CopyKind[] = ['cross-target', 'same-target', 'cross-unit'];
    expect(detectCopies(candidates).map((w) => `${w.kind} ${w.a.id} ${w.b.id}`)).toEqual(referenceWarnings(candidates, kinds));
  });
});

describe('detectCopies on a template filled in more times than the partner cap', () => {
  const candidate = (i: number, unit: number): CopyCandidate => ({
    id: `t-${String(i).padStart(3, '0')}`,
    unitId: `u${unit}`,
    meetingId: `m${unit}`,
    targetId: `t${i % 4}`,
    category: '基层群众',
    content: `批次1第${i + 1}条：问卷反映窗口办事排队时间长，群众满意度有待提高`,
    createdAt: `2025-11-01T08:00:00.${String(i).padStart(3, '0')}Z`,
  });

  it('says in each warning about how many similar opinions were not listed one by one', () => {
    const inMeeting = PARTNER_CAP + 6;
    const elsewhere = PARTNER_CAP + 4;
    const candidates = Array.from({ length: inMeeting + elsewhere }, (_, i) => candidate(i, i < inMeeting ? 0 : 1));
    const crossTarget = detectCopies(candidates.slice(0, inMeeting), { kinds: ['cross-target'] });
    const crossUnit = detectCopies(candidates, { kinds: ['cross-unit'] }).filter((w) => w.a.unitId === 'u0');
    expect(crossTarget.length).toBeGreaterThan(inMeeting / 2);
    // Of the meeting's others: itself and the partner shown are not among them.
    expect(crossTarget.map((w) => w.more)).toEqual(crossTarget.map(() => inMeeting - 2));
    // Of those in the other unit: the one shown is not.
    expect(crossUnit).toHaveLength(inMeeting);
    expect(crossUnit.map((w) => w.more)).toEqual(crossUnit.map(() => elsewhere - 1));
    const sameTarget = detectCopies(candidates.slice(0, inMeeting), { kinds: ['same-target'] });
    expect(sameTarget.map((w) => w.more)).toEqual(sameTarget.map(() => inMeeting - 2));
  });

  it('counts only the cluster of the capped text, not another cluster', () => {
    const inMeeting = PARTNER_CAP + 6;
    const other = Array.from({ length: 5 }, (_, i) => ({ ...candidate(100 + i, 0), content: `第${i + 1}项：对分管领域的安全生产工作督促检查不够` }));
    const warnings = detectCopies([...Array.from({ length: inMeeting }, (_, i) => candidate(i, 0)), ...other], { kinds: ['cross-target'] });
    const template = warnings.filter((w) => w.a.content.includes('窗口'));
    expect(template.map((w) => w.more)).toEqual(template.map(() => inMeeting - 2));
    const others = warnings.filter((w) => w.a.content.includes('安全生产'));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((w) => w.more === undefined)).toBe(true);
  });

  it('says nothing more when the one opinion of another unit is the one shown', () => {
    const inMeeting = PARTNER_CAP + 6;
    const candidates = Array.from({ length: inMeeting + 1 }, (_, i) => candidate(i, i < inMeeting ? 0 : 1));
    const crossUnit = detectCopies(candidates).filter((w) => w.kind === 'cross-unit' && w.a.unitId === 'u0');
    // (A text whose search stopped at the cap before it met the other unit's text has no such warning.)
    expect(crossUnit.length).toBeGreaterThan(inMeeting / 2);
    expect(crossUnit.every((w) => w.more === undefined && w.b.unitId === 'u1')).toBe(true);
  });

  it('says nothing of unlisted opinions where every similar pair was sought', () => {
    const warnings = detectCopies(Array.from({ length: 12 }, (_, i) => candidate(i, i % 2)));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.some((w) => w.more !== undefined)).toBe(false);
  });
});
