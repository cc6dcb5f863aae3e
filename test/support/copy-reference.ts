// The reference the copy-detection tests compare detectCopies with on texts pasted many times: each
// opinion's partner found by searching whole groups, as the detector did before large groups were
// searched through their first opinions.
import type { CopyCandidate, CopyKind } from '#shared/checks/copy-detection';
import { opinionKey } from '#shared/checks/duplicates';
import { byEntry } from '#shared/checks/opinion-flags';
import { rng } from './county-content';

/** Two near copies (以会代学) and one text unlike them. */
export const PASTED_TEXTS = ['理论学习不够系统，以会代学的情况时有发生', '理论学习不够系统，以会代学的情况仍有发生', '对分管领域的安全生产工作督促检查不够'] as const;

const RELATIONS: Record<CopyKind, (o: CopyCandidate, p: CopyCandidate, sameKey: boolean) => boolean> = {
  'cross-target': (o, p) => o.meetingId === p.meetingId && o.targetId !== p.targetId,
  'same-target': (o, p, sameKey) => o.meetingId === p.meetingId && o.targetId === p.targetId && !(sameKey && o.category === p.category),
  'cross-unit': (o, p) => o.unitId !== p.unitId,
};

/** `count` opinions of {@link PASTED_TEXTS} spread over `units` units, two meetings each, three targets. */
export function pastedCorpus(seed: number, count: number, units: number): CopyCandidate[] {
  const r = rng(seed);
  const width = String(count - 1).length + 1;
  return Array.from({ length: count }, (_, i) => {
    const unit = Math.floor(r() * units);
    return {
      id: `o-${String(i).padStart(width, '0')}`,
      unitId: `u${unit}`,
      meetingId: `m${unit}-${Math.floor(r() * 2)}`,
      targetId: `t${Math.floor(r() * 3)}`,
      category: ['上级领导', '基层群众'][Math.floor(r() * 2)]!,
      content: PASTED_TEXTS[Math.floor(r() * PASTED_TEXTS.length)]!,
      createdAt: `2025-11-01T08:00:${String(Math.floor(r() * 60)).padStart(2, '0')}.000Z`,
    };
  });
}

/**
 * For each opinion and kind: the first related opinion of its own group, else of the similar group
 * (the two 以会代学 texts), in entry order; a pair inside a meeting once. As `kind a b` lines.
 */
export function referenceWarnings(candidates: readonly CopyCandidate[], kinds: readonly CopyKind[]): string[] {
  const ordered = [...candidates].sort(byEntry);
  const unlike = PASTED_TEXTS[2];
  const expected: string[] = [];
  const reported = new Set<string>();
  for (const o of ordered) {
    for (const kind of kinds) {
      const key = opinionKey(o.content);
      let partner = ordered.find((p) => p !== o && opinionKey(p.content) === key && RELATIONS[kind](o, p, true));
      if (!partner && o.content !== unlike) partner = ordered.find((p) => opinionKey(p.content) !== key && p.content !== unlike && RELATIONS[kind](o, p, false));
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
}
