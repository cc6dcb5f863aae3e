// The near-duplicate search (shared/checks/minhash.ts) against an exhaustive comparison of every pair,
// computed without its hashes: bigrams as strings of code points, Jaccard similarity by counting. On
// small seeded corpora of every kind it meets — stock-phrase opinions, one template filled in many
// times (where the partner cap binds), varied opinions, characters beyond the basic plane, empty and
// one-character keys, texts long enough to overflow its per-bucket counters — at several thresholds,
// with and without a caller's filter, the pairs it finds are the pairs that exist: a text with fewer
// than the cap's number of later partners gets all of them, a text with more gets exactly the cap's
// number, every one real, and is listed as capped. Kept small: the mutation run executes it once per
// mutant (written against the mutation report of shared/checks; see the README).
import { describe, expect, it } from 'vitest';
import { findSimilarPairs, jaccard, NEAR_DUPLICATE_THRESHOLD, PARTNER_CAP, shingles } from '#shared/checks/minhash';
import { compareKey } from '#shared/text/normalize';
import { countyContent, rng } from '../../support/county-content';
import { stockPhraseCorpus } from '../../support/stock-phrase-content';

type Options = NonNullable<Parameters<typeof findSimilarPairs>[1]>;

/** A key's bigrams as code-point strings; a one-character key is its own single member, an empty key has none. */
function bigrams(key: string): string[] {
  const points = [...key].map((c) => c.codePointAt(0)!);
  if (points.length === 1) return [String(points[0])];
  const out = new Set<string>();
  for (let i = 1; i < points.length; i++) out.add(`${points[i - 1]},${points[i]}`);
  return [...out];
}

/** Every key's bigram set as sorted small integers (one number per distinct bigram of the corpus). */
function referenceSets(keys: readonly string[]): Int32Array[] {
  const ids = new Map<string, number>();
  return keys.map((k) => Int32Array.from(bigrams(k), (b) => ids.get(b) ?? (ids.set(b, ids.size), ids.size - 1)).sort());
}

/** |A ∩ B| / |A ∪ B| of two sorted sets, 1 for two empty sets: the same division the search makes. */
function referenceJaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** Checks findSimilarPairs(keys, options) against all pairs; returns how many pairs exist and how many texts are capped. */
function expectExhaustive(keys: readonly string[], options: Options = {}): { similar: number; capped: number } {
  const threshold = options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
  const cap = options.partnerCap ?? PARTNER_CAP;
  const sets = referenceSets(keys);
  const index = findSimilarPairs(keys, options);
  expect(index.sets.map((s) => [...s])).toEqual(keys.map((k) => [...shingles(k)]));
  expect(index.sets.map((s) => s.length)).toEqual(sets.map((s) => s.length));

  const found = new Map<number, Map<number, number>>();
  for (const p of index.pairs) {
    const row = found.get(p.a) ?? new Map<number, number>();
    expect(row.has(p.b), `pair ${p.a}|${p.b} reported twice`).toBe(false);
    row.set(p.b, p.similarity);
    found.set(p.a, row);
  }
  expect(index.pairs.map((p) => [p.a, p.b])).toEqual(index.pairs.map((p) => [p.a, p.b]).sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));

  const wrong: string[] = [];
  const missing: string[] = [];
  const capped: number[] = [];
  let similar = 0;
  for (let a = 0; a < keys.length; a++) {
    const partners = new Map<number, number>();
    for (let b = a + 1; b < keys.length; b++) {
      const [small, large] = sets[a]!.length <= sets[b]!.length ? [sets[a]!, sets[b]!] : [sets[b]!, sets[a]!];
      // Jaccard ≤ |small| / |large|: a pair that cannot reach the threshold is not measured.
      if (small.length < threshold * large.length - 1e-9) continue;
      const s = referenceJaccard(sets[a]!, sets[b]!);
      if (s >= threshold && (options.accept?.(a, b) ?? true)) partners.set(b, s);
    }
    similar += partners.size;
    const got = found.get(a) ?? new Map<number, number>();
    for (const [b, s] of got) if (partners.get(b) !== s) wrong.push(`${a}|${b} ${s} (exhaustive: ${partners.get(b) ?? 'not similar'})`);
    if (partners.size >= cap) {
      capped.push(a);
      if (got.size !== cap) missing.push(`${a}: ${got.size} partners of ${partners.size}, cap ${cap}`);
    } else for (const [b, s] of partners) if (!got.has(b)) missing.push(`${a}|${b} ${s}`);
  }
  expect(wrong).toEqual([]);
  expect(missing).toEqual([]);
  expect(index.capped).toEqual(capped);
  return { similar, capped: capped.length };
}

/** Near copies of `texts`: a character changed, dropped or added, or two halves swapped, `copies` times each. */
function withCopies(texts: readonly string[], copies: number, r: () => number, alphabet: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    out.push(text);
    for (let c = 0; c < copies; c++) {
      const chars = [...text];
      const at = Math.floor(r() * chars.length);
      const way = r();
      if (way < 0.3) chars[at] = alphabet[Math.floor(r() * alphabet.length)]!;
      else if (way < 0.5) chars.splice(at, 1);
      else if (way < 0.8) chars.splice(at, 0, alphabet[Math.floor(r() * alphabet.length)]!);
      else chars.push(...chars.splice(0, at));
      out.push(chars.join(''));
    }
  }
  // Shuffled, so that a text's copies come both before and after it; each key once, as callers pass them.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return [...new Set(out)];
}

const randomText = (r: () => number, alphabet: readonly string[], length: number) => Array.from({ length }, () => alphabet[Math.floor(r() * alphabet.length)]!).join('');
const codePoints = (from: number, count: number) => Array.from({ length: count }, (_, i) => String.fromCodePoint(from + i));

const stock = () => [...new Set(stockPhraseCorpus(360, { seed: 20, plantRate: 0.35, perUnit: 40 }).candidates.map((c) => compareKey(c.content)))];
const template = (n: number) => Array.from({ length: n }, (_, i) => compareKey(`第${i + 1}条：问卷反映窗口办事排队时间长，群众满意度有待提高`));
const varied = () => [...new Set(countyContent({ units: 4, perCell: 2, copyRate: 0.15, seed: 20 }).opinions.map((o) => compareKey(o.content)))];
const astral = () => {
  const r = rng(21);
  const alphabet = [...codePoints(0x20000, 40), ...codePoints(0x4e00, 10)];
  return withCopies(Array.from({ length: 40 }, () => randomText(r, alphabet, 8 + Math.floor(r() * 30))), 2, r, alphabet);
};
// Keys of zero to four characters: empty, one character (beyond the basic plane too), a lone
// surrogate, and keys of one bigram set written differently (abab, baba).
const tiny = () => ['', 'a', 'b', '改', '𠮷', '\ud842', '\udfb7', 'ab', 'ba', 'aba', 'abab', 'bab', 'baba', 'abc', 'abcd', 'bcd', 'abcab', '改进', '改进作', '改进作风', '进作风', '𠮷野', '𠮷野家', '野家', 'a\ud842', 'a\ud842b'];
// Long texts: up to 1,250 characters from 2,000 (counts of a bigram bucket beyond 15), each with near copies.
const long = () => {
  const r = rng(22);
  const alphabet = codePoints(0x4e00, 2000);
  const texts = [400, 900, 1100, 1250].map((length) => randomText(r, alphabet, length));
  return withCopies(texts, 3, r, alphabet);
};
// Longer still (up to 2,600 characters, the longest first): two texts whose counts both overflow.
const veryLong = () => {
  const r = rng(24);
  const alphabet = codePoints(0x4e00, 3000);
  const texts = [1600, 2600].map((length) => randomText(r, alphabet, length));
  return withCopies(texts, 2, r, alphabet).sort((x, y) => y.length - x.length);
};

describe('findSimilarPairs finds exactly the pairs an exhaustive comparison finds', () => {
  it.each([
    ['stock-phrase opinions', stock, {}],
    ['stock-phrase opinions at 0.75', stock, { threshold: 0.75 }],
    ['stock-phrase opinions, two partners a text', stock, { partnerCap: 2 }],
    ['varied opinions', varied, {}],
    ['varied opinions at 0.8', varied, { threshold: 0.8 }],
    ['texts beyond the basic plane', astral, {}],
    ['texts beyond the basic plane at 0.9', astral, { threshold: 0.9 }],
    ['long texts', long, {}],
    ['long texts at 0.95', long, { threshold: 0.95 }],
    ['very long texts', veryLong, {}],
    ['very long texts at 0.9', veryLong, { threshold: 0.9 }],
  ] satisfies Array<[string, () => string[], Options]>)('%s', (_what, keys, options) => {
    const { similar } = expectExhaustive(keys(), options);
    expect(similar).toBeGreaterThanOrEqual(5);
  });

  it.each([0.6, 0.75, 0.9, 1])('empty, one-character and surrogate keys at %f', (threshold) => {
    const { similar } = expectExhaustive(tiny(), { threshold });
    expect(similar).toBeGreaterThan(0);
  });

  it.each([1, 2, PARTNER_CAP, 33, 45])('one template filled in 50 times, %i partners a text', (partnerCap) => {
    const { capped } = expectExhaustive(template(50), { partnerCap });
    expect(capped).toBe(50 - partnerCap);
  });

  it('one template filled in 50 times, with the default cap', () => {
    expect(expectExhaustive(template(50)).capped).toBe(50 - PARTNER_CAP);
  });

  it.each([
    ['stock-phrase opinions', stock, 20],
    ['one template filled in 50 times', () => template(50), 3],
    ['one template filled in 50 times', () => template(50), 40],
    ['texts beyond the basic plane', astral, 20],
  ] satisfies Array<[string, () => string[], number]>)('%s, pairs the caller skips not counted (cap %i)', (_what, keys, partnerCap) => {
    // Pairs whose texts are 3 apart, or a multiple of it, are skipped.
    const asked: Array<[number, number]> = [];
    const accept = (a: number, b: number) => (asked.push([a, b]), (b - a) % 3 !== 0);
    expectExhaustive(keys(), { accept, partnerCap });
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every(([a, b]) => a < b)).toBe(true);
  });
});

describe('shingles and jaccard against the exhaustive comparison', () => {
  it('give every pair of a corpus the Jaccard similarity of its bigram sets', () => {
    const keys = [...tiny(), ...astral().slice(0, 30), ...stock().slice(0, 30)];
    const sets = referenceSets(keys);
    for (let a = 0; a < keys.length; a++) {
      expect(shingles(keys[a]!)).toHaveLength(sets[a]!.length);
      for (let b = 0; b < keys.length; b++) expect(jaccard(shingles(keys[a]!), shingles(keys[b]!))).toBe(referenceJaccard(sets[a]!, sets[b]!));
    }
  });

  it('hold every bigram of a text longer than their first buffer', () => {
    const r = rng(23);
    for (const length of [255, 256, 257, 600, 3000]) {
      const key = randomText(r, codePoints(0x4e00, 3000), length);
      const set = shingles(key);
      expect(set).toHaveLength(bigrams(key).length);
      expect([...set]).toEqual([...new Set(set)].sort((x, y) => x - y));
      expect(shingles(`${key}末`)).toHaveLength(new Set([...bigrams(key), `${key.codePointAt(length - 1)},${'末'.codePointAt(0)}`]).size);
    }
  });
});
