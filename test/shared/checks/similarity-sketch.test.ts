// The similarity sketch behind copy detection (shared/checks/similarity-sketch.ts): its hash, its
// range of sizes, its empty and full bins, and the property it exists for — value i of two sets'
// sketches agrees about as often as the sets' Jaccard similarity (written against the mutation
// report of shared/checks; see the README).
import { describe, expect, it } from 'vitest';
import { fmix32, sketchSet } from '#shared/checks/similarity-sketch';

const EMPTY = 0xffffffff;

/** A deterministic pseudo-random source, so the sets and the figures repeat. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

/** Two sorted sets of element hashes with `common` shared elements and `own` elements each of their own: Jaccard common / (common + 2·own). */
function pair(next: () => number, common: number, own: number): [Uint32Array, Uint32Array] {
  const shared = Array.from({ length: common }, next);
  const a = [...shared, ...Array.from({ length: own }, next)];
  const b = [...shared, ...Array.from({ length: own }, next)];
  return [Uint32Array.from(a).sort(), Uint32Array.from(b).sort()];
}

function sketch(set: Uint32Array, k = 200): Uint32Array {
  const out = new Uint32Array(k);
  sketchSet(set, 0, set.length, k, out);
  return out;
}

function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

describe('fmix32', () => {
  it('is murmur3’s 32-bit finalizer (its published values)', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(fmix32(2)).toBe(0x30f4c306);
    expect(fmix32(0xdeadbeef)).toBe(0x0de5c6a9);
    expect(fmix32(0xffffffff)).toBe(0x81f16f39);
  });
});

describe('sketchSet', () => {
  it('takes a multiple of 20 values, 20 to 1,280, and refuses any other count', () => {
    const set = Uint32Array.of(1, 2, 3);
    for (const k of [0, 19, 21, 30, 1300]) expect(() => sketchSet(set, 0, 3, k, new Uint32Array(Math.max(1, k)))).toThrow('sketchSet: k out of range');
    for (const k of [20, 40, 200, 1280]) expect(() => sketchSet(set, 0, 3, k, new Uint32Array(k))).not.toThrow();
  });

  it('gives an empty set empty bins, and writes only the first k values', () => {
    const out = new Uint32Array(24).fill(7);
    sketchSet(new Uint32Array(0), 0, 0, 20, out);
    expect([...out]).toEqual([...Array<number>(20).fill(EMPTY), 7, 7, 7, 7]);
    const full = new Uint32Array(24).fill(7);
    sketchSet(Uint32Array.of(42), 0, 1, 20, full);
    expect([...full.subarray(20)]).toEqual([7, 7, 7, 7]);
  });

  it('fills every bin of a non-empty set, even a set of one element', () => {
    const next = rng(1);
    for (const size of [1, 2, 5, 40]) {
      const set = Uint32Array.from({ length: size }, next).sort();
      expect(sketch(set, 200).every((v) => v !== EMPTY)).toBe(true);
    }
  });

  it('sketches only the elements from … to of the array it is given', () => {
    const next = rng(4);
    const all = Uint32Array.from({ length: 30 }, next);
    const part = all.slice(10, 25);
    const out = new Uint32Array(200);
    sketchSet(all, 10, 25, 200, out);
    expect([...out]).toEqual([...sketch(part)]);
    expect([...out]).not.toEqual([...sketch(all)]);
  });

  it('gives the same set the same sketch, every time', () => {
    const next = rng(2);
    const set = Uint32Array.from({ length: 30 }, next).sort();
    expect([...sketch(set)]).toEqual([...sketch(Uint32Array.from(set))]);
  });

  it.each([
    [0.9, 36, 2],
    [0.6, 30, 10],
    [0.3, 15, 17],
    [0, 0, 20],
  ])('agrees on about a share %f of its values for sets of that Jaccard similarity', (jaccard, common, own) => {
    const next = rng(Math.round(jaccard * 1000) + 3);
    let total = 0;
    const trials = 60;
    for (let t = 0; t < trials; t++) {
      const [a, b] = pair(next, common, own);
      total += agreement(sketch(a), sketch(b));
    }
    // 60 pairs × 200 values: the mean's spread is below 0.01.
    expect(Math.abs(total / trials - jaccard)).toBeLessThan(0.03);
  });
});
