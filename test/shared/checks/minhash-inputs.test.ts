// The near-duplicate search (shared/checks/minhash.ts) on inputs built to reach one branch each:
// characters beyond the basic plane, lone surrogates and NUL read as characters of their own; sets
// that touch in the one array that holds them all; a pair of near copies thousands of texts apart;
// one template filled in more times than a bucket's first scratch space holds (written against the
// mutation report of shared/checks; see the README).
import { describe, expect, it } from 'vitest';
import { findSimilarPairs, jaccard, PARTNER_CAP, shingles } from '#shared/checks/minhash';
import { rng } from '../../support/county-content';

/** Jaccard similarity of two keys' bigram sets, bigrams as code-point strings (a one-character key is its own member). */
function referenceJaccard(x: string, y: string): number {
  const set = (key: string) => {
    const points = [...key].map((c) => c.codePointAt(0)!);
    if (points.length === 1) return new Set([String(points[0])]);
    return new Set(points.slice(1).map((p, i) => `${points[i]},${p}`));
  };
  const a = set(x);
  const b = set(y);
  if (a.size === 0 && b.size === 0) return 1;
  const common = [...a].filter((m) => b.has(m)).length;
  return common / (a.size + b.size - common);
}

const max = (s: Uint32Array) => s[s.length - 1]!;

describe('shingles', () => {
  it('tells every character from every other, at the edges of the surrogate ranges too', () => {
    const points = [0x0, 0x61, 0x0bb7, 0x0bb8, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10001, 0x103b7, 0x103ff, 0x10400, 0x1ffff, 0x20000, 0x203b7, 0x20449, 0x20bb7, 0x2b800, 0x2bbb7, 0x10fffe, 0x10ffff];
    const texts = points.map((p) => String.fromCodePoint(p));
    for (const ends of [(c: string) => c, (c: string) => `a${c}`, (c: string) => `${c}a`]) {
      const sets = texts.map((c) => [...shingles(ends(c))].join());
      expect(new Set(sets).size).toBe(texts.length);
    }
    expect(shingles(String.fromCodePoint(0x10ffff))).toHaveLength(1);
  });

  it('reads lone surrogates, a surrogate before an ordinary character, and NUL as characters of their own', () => {
    const keys = ['\ud842', '\udfb7', 'a\udfb7', 'a\udfb7b', 'b\udfb7', '\udc00\udfb7', '\udc00\udfb7a', '\ud842\ue000', '\ud842\ue000a', '\ud842\udc00', 'a\ud842\udc00', '\udbff\udfff', 'a\ud842', 'a\ud842b', '\ud842a', '\u0000', '\u0000a', '\u0000ab', 'a', 'ab', '\ud800\udc00a', '\ud800\udc00'];
    for (const x of keys) {
      expect(shingles(x)).toHaveLength([...x].length <= 1 ? [...x].length : new Set([...x].slice(1).map((c, i) => `${[...x][i]}${c}`)).size);
      for (const y of keys) expect(jaccard(shingles(x), shingles(y)), `${JSON.stringify(x)} ~ ${JSON.stringify(y)}`).toBe(referenceJaccard(x, y));
    }
  });
});

describe('findSimilarPairs', () => {
  it('keeps a text’s set whole when it begins with the last member of the text before it', () => {
    // 'uv' has one bigram; 'uvw' has it and 'vw': pick w so that 'uv' is the smaller of the two.
    const pairs: string[][] = [];
    for (let w = 0x4e00; pairs.length < 5; w++) {
      const y = `改进${String.fromCodePoint(w)}`;
      if (shingles(y)[0] === max(shingles('改进'))) pairs.push(['改进', y]);
    }
    for (const keys of pairs) {
      const { sets } = findSimilarPairs([...keys, '工作作风']);
      expect(sets.map((s) => [...s])).toEqual([...keys, '工作作风'].map((k) => [...shingles(k)]));
    }
  });

  it('measures a pair by its own bigrams, not by the set stored after the first text', () => {
    // A and C = A + one character; B, stored between them, is C's extra bigram alone, and that
    // bigram is larger than every bigram of A: a measurement running past A's end would count it.
    const a = '深入基层调研的次数偏少';
    let found = 0;
    for (let t = 0x4e00; found < 3; t++) {
      const c = `${a}${String.fromCodePoint(t)}`;
      const b = `少${String.fromCodePoint(t)}`;
      if (shingles(b)[0]! <= max(shingles(a))) continue;
      found++;
      expect(findSimilarPairs([a, b, c]).pairs).toEqual([{ a: 0, b: 2, similarity: 10 / 11 }]);
    }
  });

  it('finds a pair of near copies 5,000 texts apart', () => {
    const r = rng(51);
    const text = () => Array.from({ length: 30 }, () => String.fromCodePoint(0x4e00 + Math.floor(r() * 6000))).join('');
    const keys = Array.from({ length: 5000 }, text);
    keys.push(`${keys[0]!.slice(0, 29)}改`);
    expect(findSimilarPairs(keys).pairs).toEqual([{ a: 0, b: 5000, similarity: 28 / 30 }]);
  });

  it('gives each of 100 texts of one bigram set every one of the others', () => {
    // abab…, baba…, ababa…: all of the set {ab, ba}, so all 100 share every bucket.
    const keys = Array.from({ length: 100 }, (_, i) => `${i % 2 === 0 ? 'ab' : 'ba'}`.repeat(2 + (i >> 2)) + (i % 4 < 2 ? '' : i % 2 === 0 ? 'a' : 'b'));
    expect(new Set(keys).size).toBe(100);
    const { pairs, capped } = findSimilarPairs(keys, { partnerCap: 100 });
    expect(pairs).toHaveLength((100 * 99) / 2);
    expect(pairs.every((p) => p.similarity === 1)).toBe(true);
    expect(capped).toEqual([]);
  });

  it('gives each of 100 fillings of one template every partner up to the cap, and exactly the cap beyond it', () => {
    const keys = Array.from({ length: 100 }, (_, i) => `第${i + 1}条问卷反映窗口办事排队时间长群众满意度有待提高`);
    const similarity = keys.map((x) => keys.map((y) => referenceJaccard(x, y)));
    for (const cap of [PARTNER_CAP, 40]) {
      const { pairs, capped } = findSimilarPairs(keys, { partnerCap: cap });
      for (let x = 0; x < keys.length; x++) {
        const all = keys.map((_, y) => y).filter((y) => y > x && similarity[x]![y]! >= 0.6);
        const mine = pairs.filter((p) => p.a === x);
        expect(mine.every((p) => all.includes(p.b) && p.similarity === similarity[x]![p.b])).toBe(true);
        expect(mine.map((p) => p.b)).toEqual(all.length < cap ? all : mine.map((p) => p.b));
        expect(mine).toHaveLength(Math.min(cap, all.length));
        expect(capped.includes(x)).toBe(all.length >= cap);
      }
    }
  });
});
