// The similarity sketch (shared/checks/similarity-sketch.ts) beyond its mean: it writes only the k
// values asked for, a set's sketch does not depend on the order of its elements, and value agreement
// between two sketches spreads like k independent draws — not like a few draws copied across many
// values, which would still agree on a share equal to the Jaccard similarity on average but make the
// LSH bands of one pair rise and fall together (written against the mutation report of shared/checks;
// see the README).
import { describe, expect, it } from 'vitest';
import { sketchSet } from '#shared/checks/similarity-sketch';

const EMPTY = 0xffffffff;

/** A deterministic pseudo-random source of 32-bit values. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

function sketch(set: Uint32Array, k = 200): Uint32Array {
  const out = new Uint32Array(k);
  sketchSet(set, 0, set.length, k, out);
  return out;
}

describe('sketchSet', () => {
  it('leaves every value after the k-th alone, even empty-looking ones', () => {
    const next = rng(31);
    for (const size of [1, 3, 20, 40, 200]) {
      for (const k of [20, 60, 200]) {
        const set = Uint32Array.from({ length: size }, next).sort();
        const out = new Uint32Array(k + 40).fill(EMPTY);
        sketchSet(set, 0, size, k, out);
        expect([...out.subarray(k)]).toEqual(Array<number>(40).fill(EMPTY));
        expect([...out.subarray(0, k)]).toEqual([...sketch(set, k)]);
      }
    }
  });

  it('gives a set the same sketch whatever the order of its elements', () => {
    const next = rng(32);
    for (const size of [2, 7, 40, 120]) {
      const sorted = Uint32Array.from({ length: size }, next).sort();
      const reversed = Uint32Array.from(sorted).reverse();
      const shuffled = Uint32Array.from(sorted);
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = next() % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect([...sketch(reversed)]).toEqual([...sketch(sorted)]);
      expect([...sketch(shuffled)]).toEqual([...sketch(sorted)]);
    }
  });

  it.each([
    [0.6, 30, 10],
    [1 / 3, 20, 20],
    [0.9, 36, 2],
    [0.5, 2, 1],
  ])('agrees on a share of values near %f that spreads no more than its independent values would', (jaccard, common, own) => {
    const next = rng(common * 100 + own);
    const shares: number[] = [];
    for (let t = 0; t < 100; t++) {
      const shared = Array.from({ length: common }, next);
      const a = sketch(Uint32Array.from([...shared, ...Array.from({ length: own }, next)]).sort());
      const b = sketch(Uint32Array.from([...shared, ...Array.from({ length: own }, next)]).sort());
      shares.push(a.filter((v, i) => v === b[i]).length / a.length);
    }
    const mean = shares.reduce((s, x) => s + x, 0) / shares.length;
    const spread = Math.sqrt(shares.reduce((s, x) => s + (x - mean) ** 2, 0) / shares.length);
    expect(Math.abs(mean - jaccard)).toBeLessThan(0.03);
    // n independent values of probability J have a standard deviation of √(J(1 − J)/n): n is the 200
    // values, or for a set of a few elements the bins they fill — at most one per element in each of
    // the 10 hashes (the other bins copy a filled one).
    const independent = Math.min(200, 10 * (common + own));
    expect(spread).toBeLessThan(1.25 * Math.sqrt((jaccard * (1 - jaccard)) / independent));
  });
});
