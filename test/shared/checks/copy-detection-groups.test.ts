// Copy detection (shared/checks/copy-detection.ts) on a small scale where its large-input paths
// still run: groups of identical texts larger than those searched in full (searched through their
// first opinions), asked for every kind and for one kind at a time, and a template filled in more
// times than the similarity search's partner cap, whose warnings say how many similar opinions were
// not listed. The same checks as copy-detection-scale.test.ts on inputs small enough to run once per
// mutant (written against the mutation report of shared/checks; see the README).
import { describe, expect, it } from 'vitest';
import { detectCopies, type CopyCandidate, type CopyKind } from '#shared/checks/copy-detection';
import { opinionKey } from '#shared/checks/duplicates';
import { PARTNER_CAP } from '#shared/checks/minhash';
import { byEntry } from '#shared/checks/opinion-flags';
import { rng } from '../../support/county-content';

const RELATIONS: Record<CopyKind, (o: CopyCandidate, p: CopyCandidate, sameKey: boolean) => boolean> = {
  'cross-target': (o, p) => o.meetingId === p.meetingId && o.targetId !== p.targetId,
  'same-target': (o, p, sameKey) => o.meetingId === p.meetingId && o.targetId === p.targetId && !(sameKey && o.category === p.category),
  'cross-unit': (o, p) => o.unitId !== p.unitId,
};

describe('detectCopies on texts pasted many times', () => {
  const texts = ['理论学习不够系统，以会代学的情况时有发生', '理论学习不够系统，以会代学的情况仍有发生', '对分管领域的安全生产工作督促检查不够'];
  const corpus = (seed: number, units: number): CopyCandidate[] => {
    const r = rng(seed);
    return Array.from({ length: 90 }, (_, i) => {
      const unit = Math.floor(r() * units);
      return {
        id: `o-${String(i).padStart(3, '0')}`,
        unitId: `u${unit}`,
        meetingId: `m${unit}-${Math.floor(r() * 2)}`,
        targetId: `t${Math.floor(r() * 3)}`,
        category: ['上级领导', '基层群众'][Math.floor(r() * 2)]!,
        content: texts[Math.floor(r() * texts.length)]!,
        createdAt: `2025-11-01T08:00:${String(Math.floor(r() * 60)).padStart(2, '0')}.000Z`,
      };
    });
  };

  // For each opinion and kind: the first related opinion of its own group, else of the similar
  // group (the two 以会代学 texts), in entry order; a pair inside a meeting once.
  const reference = (candidates: CopyCandidate[], kinds: readonly CopyKind[]) => {
    const ordered = [...candidates].sort(byEntry);
    const expected: string[] = [];
    const reported = new Set<string>();
    for (const o of ordered) {
      for (const kind of kinds) {
        const key = opinionKey(o.content);
        let partner = ordered.find((p) => p !== o && opinionKey(p.content) === key && RELATIONS[kind](o, p, true));
        if (!partner && o.content !== texts[2]) partner = ordered.find((p) => opinionKey(p.content) !== key && p.content !== texts[2] && RELATIONS[kind](o, p, false));
        if (!partner) continue;
        if (kind !== 'cross-unit') {
          const pairKey = [kind, ...[o.id, partner.id].sort()].join('|');
          if (reported.has(pairKey)) continue;
          reported.add(pairKey);
        }
        expected.push(`${kind} ${o.id} ${partner.id}`);
      }
    }
    return expected;
  };

  it.each([
    [['cross-target', 'same-target', 'cross-unit'], 4],
    [['cross-target', 'same-target', 'cross-unit'], 1],
    [['cross-unit'], 3],
    [['cross-target'], 3],
    [['same-target'], 3],
    [['cross-target', 'same-target'], 2],
  ] satisfies Array<[CopyKind[], number]>)('links every opinion to the partner a search of the whole group finds (%j, %i units)', (kinds, units) => {
    for (const seed of [61, 62]) {
      const candidates = corpus(seed, units);
      const warnings = detectCopies(candidates, { kinds });
      expect(warnings.map((w) => `${w.kind} ${w.a.id} ${w.b.id}`)).toEqual(reference(candidates, kinds));
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
    expect(detectCopies(candidates).map((w) => `${w.kind} ${w.a.id} ${w.b.id}`)).toEqual(reference(candidates, kinds));
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
