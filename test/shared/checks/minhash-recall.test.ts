// The near-duplicate search (shared/checks/minhash.ts) is approximate: a pair becomes a candidate
// when the two texts' sketches agree on one whole band, then every candidate is verified exactly.
// These tests hold it to what it promises about the pairs it looks at — the recall at and above the
// threshold, the candidate probability its bands give, a pair's fate depending on its two texts
// alone, and the depth to which a bucket is searched — each measured against an exhaustive
// comparison on seeded pairs whose similarity is known by construction. They do not pin sketch
// values, band hashes or slots: any implementation with the same bands and promises passes.
// Written against the mutation report of shared/checks (see the README, "Mutation testing"); kept
// fast, since the mutation run executes them once per mutant.
import { describe, expect, it } from 'vitest';
import { findSimilarPairs, jaccard, LSH_BANDS, LSH_ROWS, shingles } from '#shared/checks/minhash';
import { rng } from '../../support/county-content';

/**
 * Two texts of `length` and `lengthB` characters that begin with the same `common` characters, every
 * other character distinct: the first `common − 1` bigrams are shared, no other, so the pair's
 * similarity is (common − 1) / (length − 1 + lengthB − 1 − (common − 1)).
 */
function pairOf(r: () => number, length: number, common: number, lengthB = length): [string, string] {
  const used = new Set<number>();
  const char = () => {
    for (;;) {
      const point = 0x4e00 + Math.floor(r() * 20_000);
      if (!used.has(point)) return used.add(point), String.fromCodePoint(point);
    }
  };
  const shared = Array.from({ length: common }, char).join('');
  const tail = (n: number) => Array.from({ length: n }, char).join('');
  return [shared + tail(length - common), shared + tail(lengthB - common)];
}

/** The probability the module documents that a pair of similarity `s` shares at least one whole band. */
const candidateProbability = (s: number) => 1 - (1 - s ** LSH_ROWS) ** LSH_BANDS;

/** The pairs the search finds in `keys`, each as its two texts. */
const pairs = (keys: readonly string[], threshold: number) => new Set(findSimilarPairs(keys, { threshold }).pairs.map((p) => `${keys[p.a]}|${keys[p.b]}`));

/**
 * What one list of pairs has that the other lacks, both ways (the first few of each): a failure
 * names a few pairs instead of diffing thousands, which also keeps a failing run short.
 */
function difference<T>(found: Iterable<T>, expected: Iterable<T>, key: (x: T) => string = String): { missing: string[]; extra: string[]; counts: [number, number] } {
  const f = new Set([...found].map(key));
  const e = new Set([...expected].map(key));
  return { missing: [...e].filter((x) => !f.has(x)).slice(0, 5), extra: [...f].filter((x) => !e.has(x)).slice(0, 5), counts: [f.size, e.size] };
}
const same = (size: number) => ({ missing: [], extra: [], counts: [size, size] });

describe('findSimilarPairs recall', () => {
  it('finds at least 98% of the pairs at similarity 0.6–0.7 in a search of those two texts alone', () => {
    // 0.6 is the default threshold: the bands make such a pair a candidate with probability 0.98
    // (0.6) to 0.9999 (0.7), and the digest filter in front of the exact check loses almost none.
    const r = rng(11);
    let eligible = 0;
    let found = 0;
    for (let i = 0; i < 500; i++) {
      const length = 30 + Math.floor(r() * 30);
      const target = 0.6 + r() * 0.1;
      const [a, b] = pairOf(r, length, 1 + Math.ceil((2 * (length - 1) * target) / (1 + target)));
      const s = jaccard(shingles(a), shingles(b));
      if (s < 0.6) continue;
      eligible++;
      const result = findSimilarPairs([a, b]).pairs;
      if (result.length === 1) {
        found++;
        expect(result[0]).toEqual({ a: 0, b: 1, similarity: s });
      } else expect(result).toEqual([]);
    }
    expect(eligible).toBeGreaterThan(450);
    expect(found / eligible).toBeGreaterThanOrEqual(0.98);
  });

  it('makes a pair a candidate with the probability its bands give: 1 − (1 − s^rows)^bands', () => {
    // At s = 21/59 (texts of 40 bigrams sharing 21) most pairs that are found share exactly one
    // band, so the rate measures every band and every bucket. Threshold 0.3: the digest filter's
    // floor (0.1) is far below what such a pair's digest agrees on, so a candidate is a pair found.
    // 1,600 pairs, eight texts (four pairs) a search; the rate must lie within four standard errors.
    const r = rng(12);
    const s = 21 / 59;
    let found = 0;
    const searches = 400;
    for (let i = 0; i < searches; i++) {
      const keys = Array.from({ length: 4 }, () => pairOf(r, 41, 22)).flat();
      expect(jaccard(shingles(keys[0]!), shingles(keys[1]!))).toBe(s);
      for (const p of findSimilarPairs(keys, { threshold: 0.3 }).pairs) {
        expect(p.b).toBe(p.a + 1);
        expect(p.a % 2).toBe(0);
        found++;
      }
    }
    const p = candidateProbability(s);
    const n = 4 * searches;
    expect(Math.abs(found / n - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('pairs two texts or not whatever other texts are searched with them, and in whatever order', () => {
    // Whether two texts share a band depends on their two sketches alone: the other texts (sharing
    // slots of the band index with them, changing the index's size) and the input order change
    // nothing, as long as no bucket holds more texts than a text is compared with and no text
    // reaches the partner cap. 600 pairs at s = 21/59, about a quarter of them found (most through
    // one band): each pair alone, all together, all in reverse order, and interleaved with texts
    // of another size.
    const r = rng(13);
    const all = Array.from({ length: 600 }, () => pairOf(r, 41, 22));
    const alone = new Set(all.flatMap(([a, b]) => [...pairs([a, b], 0.3)]));
    expect(alone.size).toBeGreaterThan(100);
    expect(difference(pairs(all.flat(), 0.3), alone)).toEqual(same(alone.size));
    const reversed = [...pairs(all.flat().reverse(), 0.3)].map((key) => key.split('|').reverse().join('|'));
    expect(difference(reversed, alone)).toEqual(same(alone.size));
    const others = all.flatMap(([a, b], i) => [pairOf(r, 20 + (i % 50), 0)[0], a, pairOf(r, 20 + (i % 70), 0)[0], b]);
    expect(difference(pairs(others, 0.3), alone)).toEqual(same(alone.size));
  });

  it('gives a text with more than 32 partners every one of them when the cap allows, met in any band', () => {
    // 80 variants of one text, each with one character changed: every pair is at 0.87 or more, so
    // each pair shares about a third of the bands (a miss has odds below 10⁻⁸), and a text meets its
    // partners spread over many bands, most of them in several. With a cap of 1,000 every text must
    // get all the texts after it, each once.
    const r = rng(14);
    const base = [...pairOf(r, 60, 60)[0]];
    const variant = () => {
      const chars = [...base];
      chars[Math.floor(r() * chars.length)] = String.fromCodePoint(0x4e00 + Math.floor(r() * 20_000));
      return chars.join('');
    };
    const keys = [...new Set(Array.from({ length: 80 }, variant))];
    expect(keys.length).toBeGreaterThan(70);
    const sets = keys.map(shingles);
    const { pairs: found, capped } = findSimilarPairs(keys, { partnerCap: 1000 });
    const expected = keys.flatMap((_, a) => keys.slice(a + 1).map((_, i) => ({ a, b: a + 1 + i, similarity: jaccard(sets[a]!, sets[a + 1 + i]!) })));
    expect(expected.every((p) => p.similarity >= 0.87)).toBe(true);
    const key = (p: { a: number; b: number; similarity: number }) => `${p.a}|${p.b} ${p.similarity}`;
    expect(difference(found, expected, key)).toEqual(same(expected.length));
    expect(found.length).toBe(expected.length);
    expect(found.map(key)).toEqual(expected.map(key));
    expect(capped).toEqual([]);
  });

  it('finds the near copy of a long text at every length from 1,010 to 1,040 characters', () => {
    // Texts this long count more than 15 bigrams in some of their 64 hash buckets, which the
    // per-bucket counts cannot hold: such a pair must reach the exact check whatever its sizes.
    const r = rng(15);
    const keys: string[] = [];
    for (let length = 1010; length <= 1040; length++) {
      const text = [...pairOf(r, length, length)[0]];
      keys.push(text.join(''));
      text[Math.floor(r() * length)] = '改';
      keys.push(text.join(''));
    }
    const sets = keys.map(shingles);
    const expected = keys.flatMap((_, a) => (a % 2 === 0 ? [{ a, b: a + 1, similarity: jaccard(sets[a]!, sets[a + 1]!) }] : []));
    expect(expected.every((p) => p.similarity > 0.99)).toBe(true);
    const key = (p: { a: number; b: number; similarity: number }) => `${p.a}|${p.b} ${p.similarity}`;
    const found = findSimilarPairs(keys).pairs;
    expect(difference(found, expected, key)).toEqual(same(expected.length));
    expect(found.map(key)).toEqual(expected.map(key));
  });

  it('compares every pair of a bucket of 257 texts: a text is compared with up to 256 texts after it', () => {
    // All keys have the bigram set {ab, ba}: they agree on every band, so they share every bucket.
    const keys = Array.from({ length: 257 }, (_, i) => `${i % 2 === 0 ? 'ab' : 'ba'}`.repeat(2 + (i >> 2)) + (i % 4 < 2 ? '' : i % 2 === 0 ? 'a' : 'b'));
    expect(new Set(keys).size).toBe(257);
    const { pairs: found, capped } = findSimilarPairs(keys, { partnerCap: 1000 });
    expect(found.length).toBe((257 * 256) / 2);
    expect(capped).toEqual([]);
  });
});
