// Copy detection puts the opinions in entry order (creation time, then id; byEntry in
// opinion-flags.ts) by counting them into their distinct times rather than by a comparison sort:
// the warnings must be those of a byEntry sort whatever order the opinions come in, including
// opinions of one time given out of id order and opinions sharing a time and an id.
import { describe, expect, it } from 'vitest';
import { detectCopies, type CopyCandidate, type CopyKind } from '#shared/checks/copy-detection';
import { pastedCorpus, referenceWarnings } from '../../support/copy-reference';
import { rng } from '../../support/county-content';

const KINDS: CopyKind[] = ['cross-target', 'same-target', 'cross-unit'];
const lines = (candidates: readonly CopyCandidate[]) => detectCopies(candidates).map((w) => `${w.kind} ${w.a.id} ${w.b.id}`);

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('detectCopies in entry order', () => {
  it('links the partners a search in entry order links, whatever the order of the input', () => {
    for (const seed of [71, 72, 73]) {
      // 90 opinions over 60 creation times: most times hold one or two opinions, entered in id order.
      const candidates = shuffled(pastedCorpus(seed, 90, 3), seed);
      expect(lines(candidates)).toEqual(referenceWarnings(candidates, KINDS));
    }
  });

  it('orders the opinions of one time by id, however they come', () => {
    // An import gives its rows one time: here three times, the ids of each out of order.
    const candidates = shuffled(pastedCorpus(74, 60, 2), 74).map((c, i) => ({ ...c, createdAt: `2025-11-0${1 + (i % 3)}T08:00:00.000Z` }));
    expect(lines(candidates)).toEqual(referenceWarnings(candidates, KINDS));
    expect(lines([...candidates].reverse())).toEqual(lines(candidates));
  });

  it('keeps opinions of the same time and id in input order', () => {
    // One text in three units, all of one time and id: the first of another unit is each one's partner.
    const [first] = pastedCorpus(75, 1, 1);
    const as = (unitId: string, id = first!.id): CopyCandidate => ({ ...first!, id, unitId, meetingId: `m-${unitId}`, createdAt: '2025-11-01T08:00:00.000Z' });
    const partners = (candidates: CopyCandidate[]) => detectCopies(candidates, { kinds: ['cross-unit'] }).map((w) => `${w.a.unitId}→${w.b.unitId}`);
    expect(partners([as('u1'), as('u0'), as('u2')])).toEqual(['u1→u0', 'u0→u1', 'u2→u1']);
    expect(partners([as('u0'), as('u1'), as('u2')])).toEqual(['u0→u1', 'u1→u0', 'u2→u0']);
    // Sorted by id where they come out of id order: the two of one id stay in input order.
    expect(partners([as('u1', 'x2'), as('u0', 'x1'), as('u2', 'x1')])).toEqual(['u0→u2', 'u2→u0', 'u1→u0']);
    expect(partners([as('u1', 'x2'), as('u2', 'x1'), as('u0', 'x1')])).toEqual(['u2→u0', 'u0→u2', 'u1→u2']);
  });
});
