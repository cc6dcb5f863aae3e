// Near-duplicate search (shared/checks/minhash.ts) at its edges: bigram sets of short and repeating
// texts, Jaccard similarity of empty sets, pairs exactly at the threshold and at the size bound, the
// partner cap and the order of the result (written against the mutation report of shared/checks;
// see the README).
import { describe, expect, it } from 'vitest';
import { findSimilarPairs, jaccard, NEAR_DUPLICATE_THRESHOLD, shingles } from '#shared/checks/minhash';

describe('shingles', () => {
  it('has no member for empty text, one for a single character, one per distinct bigram otherwise', () => {
    expect(shingles('')).toHaveLength(0);
    expect(shingles('改')).toHaveLength(1);
    expect(shingles('改进作风')).toHaveLength(3);
    expect(shingles('哈哈哈哈')).toHaveLength(1);
    expect(shingles('abab')).toHaveLength(2);
  });

  it('reads characters, not UTF-16 units (𠮷 is one character)', () => {
    expect(shingles('𠮷野')).toHaveLength(1);
    expect(shingles('𠮷')).toHaveLength(1);
  });

  it('is sorted ascending, so two sets can be merged in one pass', () => {
    const s = shingles('深入基层调研的次数偏少，对企业反映的问题跟踪解决不够及时');
    expect([...s]).toEqual([...s].sort((a, b) => a - b));
    expect(new Set(s).size).toBe(s.length);
  });

  it('tells a single character from the bigram that starts with it', () => {
    expect(jaccard(shingles('改'), shingles('改进'))).toBe(0);
  });
});

describe('jaccard', () => {
  it('is 1 for two empty sets, 0 against an empty set, and |A ∩ B| / |A ∪ B| otherwise', () => {
    expect(jaccard(shingles(''), shingles(''))).toBe(1);
    expect(jaccard(shingles(''), shingles('改进'))).toBe(0);
    expect(jaccard(shingles('改进'), shingles(''))).toBe(0);
    expect(jaccard(shingles('abcde'), shingles('bcdef'))).toBe(0.6);
    expect(jaccard(shingles('abcde'), shingles('abcde'))).toBe(1);
    expect(jaccard(shingles('abcde'), shingles('vwxyz'))).toBe(0);
    expect(jaccard(shingles('abcdef'), shingles('abcd'))).toBe(0.6);
    expect(jaccard(shingles('abcd'), shingles('abcdef'))).toBe(0.6);
  });
});

describe('findSimilarPairs', () => {
  it('finds nothing in no texts or one', () => {
    expect(findSimilarPairs([])).toEqual({ sets: [], pairs: [], capped: [] });
    expect(findSimilarPairs(['改进作风']).pairs).toEqual([]);
  });

  it('keeps a pair exactly at the threshold and drops it above', () => {
    expect(NEAR_DUPLICATE_THRESHOLD).toBe(0.6);
    expect(findSimilarPairs(['abcde', 'bcdef']).pairs).toEqual([{ a: 0, b: 1, similarity: 0.6 }]);
    expect(findSimilarPairs(['abcde', 'bcdef'], { threshold: 0.61 }).pairs).toEqual([]);
  });

  it('keeps a pair whose sizes are exactly at the bound the threshold allows, in either order', () => {
    // 3 bigrams inside 5: Jaccard 3/5 = 0.6, the smallest size a set of 5 can be paired with.
    expect(findSimilarPairs(['abcdef', 'abcd']).pairs).toEqual([{ a: 0, b: 1, similarity: 0.6 }]);
    expect(findSimilarPairs(['abcd', 'abcdef']).pairs).toEqual([{ a: 0, b: 1, similarity: 0.6 }]);
  });

  it('lists pairs by the first text, then the second', () => {
    const keys = ['深入基层调研的次数偏少对企业反映的问题跟踪解决不够及时', '理论学习不够系统以会代学的情况时有发生', '深入基层调研的次数较少对企业反映的问题跟踪解决不够及时', '理论学习不够系统以会代学的情况仍有发生', '深入基层调研的次数偏少对企业反映的问题跟踪解决不够及时呀'];
    const { pairs } = findSimilarPairs(keys);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 2],
      [0, 4],
      [1, 3],
      [2, 4],
    ]);
  });

  it('gives each text at most the cap of later partners, and lists the texts that reached it', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `窗口办事排队时间长群众满意度有待提高第${String.fromCodePoint(0x4e00 + i)}`);
    const { pairs, capped } = findSimilarPairs(keys, { partnerCap: 3 });
    for (let a = 0; a < keys.length; a++) expect(pairs.filter((p) => p.a === a).length).toBeLessThanOrEqual(3);
    // Every text but the last three has at least three later partners, all similar: each reaches the cap.
    expect(capped).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pairs.filter((p) => p.a === 0)).toHaveLength(3);
    expect(pairs.filter((p) => p.a === 10)).toEqual([{ a: 10, b: 11, similarity: expect.any(Number) }]);
  });

  it('asks the caller about each candidate once, the earlier text first', () => {
    const keys = ['理论学习不够系统以会代学的情况时有发生', '理论学习不够系统以会代学的情况仍有发生', '理论学习不够系统以会代学情况时有发生'];
    const asked: string[] = [];
    findSimilarPairs(keys, {
      accept: (a, b) => {
        asked.push(`${a}|${b}`);
        return true;
      },
    });
    expect(asked.sort()).toEqual(['0|1', '0|2', '1|2']);
  });
});
