// The copy detector against its definition on the kinds of text it meets at county scale: stock-phrase
// opinions (many texts sharing most of their bigrams), varied opinions, and one template filled in
// thousands of times (where every pair is similar and only a bounded number may be reported).
import { describe, expect, it } from 'vitest';
import { detectCopies, type CopyCandidate } from '#shared/checks/copy-detection';
import { findSimilarPairs, jaccard, NEAR_DUPLICATE_THRESHOLD, PARTNER_CAP } from '#shared/checks/minhash';
import { compareKey } from '#shared/text/normalize';
import { countyContent } from '../../support/county-content';
import { stockPhraseCorpus } from '../../support/stock-phrase-content';
import { pastedCorpus, referenceWarnings } from '../../support/copy-reference';
import { describeCopy, rosterLabels } from '#shared/supervision/warnings';

describe('findSimilarPairs at scale', () => {
  // Every pair of distinct texts at or above the threshold, found by comparing all pairs. Stock-phrase
  // text is where a capped LSH bucket used to lose them.
  it.each([
    ['stock-phrase opinions', () => stockPhraseCorpus(3000, { seed: 3 }).candidates.map((c) => c.content)],
    ['varied county opinions', () => countyContent({ units: 10, perCell: 6, copyRate: 0.03, seed: 5 }).opinions.map((o) => o.content)],
  ])('finds the pairs an exhaustive comparison finds among %s', (_what, texts) => {
    const keys = [...new Set(texts().map(compareKey))];
    expect(keys.length).toBeGreaterThan(2900);
    const { pairs, sets, capped } = findSimilarPairs(keys);
    const exhaustive: string[] = [];
    for (let a = 0; a < sets.length; a++) {
      for (let b = a + 1; b < sets.length; b++) {
        // Jaccard ≥ t needs the smaller set to hold at least t of the larger one's size: skip the rest unmeasured.
        const [small, large] = sets[a]!.length <= sets[b]!.length ? [sets[a]!, sets[b]!] : [sets[b]!, sets[a]!];
        if (small.length < NEAR_DUPLICATE_THRESHOLD * large.length) continue;
        if (jaccard(sets[a]!, sets[b]!) >= NEAR_DUPLICATE_THRESHOLD) exhaustive.push(`${a}|${b}`);
      }
    }
    expect(exhaustive.length).toBeGreaterThan(5);
    expect(capped).toEqual([]);
    // LSH is probabilistic (a pair at exactly 0.6 is a candidate with probability 0.96), but the
    // sketches are seeded: on these texts it finds every pair, and reports nothing else.
    expect(pairs.map((p) => `${p.a}|${p.b}`)).toEqual(exhaustive);
  });

  it('warns of every near copy planted across units in stock-phrase text', () => {
    const { candidates, planted } = stockPhraseCorpus(3000, { seed: 5, plantRate: 0.05 });
    expect(planted.length).toBeGreaterThan(100);
    const warned = new Set(detectCopies(candidates, { kinds: ['cross-unit'] }).map((w) => w.a.id));
    expect(planted.filter((p) => !warned.has(candidates[p.copy]!.id))).toEqual([]);
  });

  it('gives each text of a template filled in 3,000 times a bounded number of partners, all linked in one cluster', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => compareKey(`批次1-${i + 1}：问卷反映窗口办事排队时间长，群众满意度有待提高`));
    const { pairs, sets, capped } = findSimilarPairs(keys);
    // All 4.5 million pairs are similar; at most PARTNER_CAP later partners per text are sought.
    expect(pairs.length).toBeLessThanOrEqual(PARTNER_CAP * keys.length);
    expect(pairs.every((p) => p.a < p.b && p.similarity === jaccard(sets[p.a]!, sets[p.b]!) && p.similarity >= NEAR_DUPLICATE_THRESHOLD)).toBe(true);
    expect(capped.length).toBeGreaterThan(2900);
    // Every text has a partner, and the links keep the template's texts one cluster.
    const parent = keys.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (const p of pairs) parent[find(p.b)] = find(p.a);
    expect(new Set(keys.map((_, i) => find(i))).size).toBe(1);
  });

  it('lets a caller skip pairs without their counting towards the cap', () => {
    const keys = Array.from({ length: 200 }, (_, i) => compareKey(`第${i + 1}条：问卷反映窗口办事排队时间长，群众满意度有待提高`));
    // Only pairs with an odd text are wanted: even texts must still find odd partners.
    const { pairs } = findSimilarPairs(keys, { accept: (a, b) => a % 2 === 1 || b % 2 === 1, partnerCap: 3 });
    expect(pairs.every((p) => p.a % 2 === 1 || p.b % 2 === 1)).toBe(true);
    const linked = new Set(pairs.flatMap((p) => [p.a, p.b]));
    expect(keys.every((_, i) => linked.has(i))).toBe(true);
  });
});

describe('detectCopies on a template filled in thousands of times', () => {
  const candidate = (i: number, unit: number): CopyCandidate => ({
    id: `t-${String(i).padStart(5, '0')}`,
    unitId: `u${unit}`,
    meetingId: `m${unit}`,
    targetId: `t${i % 4}`,
    category: '基层群众',
    content: `批次1第${i + 1}条：问卷反映窗口办事排队时间长，群众满意度有待提高`,
    createdAt: `2025-11-01T08:00:00.${String(i % 1000).padStart(3, '0')}Z`,
  });

  it('says in each warning about how many similar opinions were not listed one by one', () => {
    // 2,000 in one meeting and 1,000 in another unit's: the search stops at PARTNER_CAP partners a text.
    const candidates = Array.from({ length: 3000 }, (_, i) => candidate(i, i < 2000 ? 0 : 1));
    // As the app asks: a meeting's own warnings, and the county's cross-unit scan.
    const crossTarget = detectCopies(candidates.slice(0, 2000), { kinds: ['cross-target'] });
    const crossUnit = detectCopies(candidates, { kinds: ['cross-unit'] }).filter((w) => w.a.unitId === 'u0');
    expect(crossTarget.length).toBeGreaterThan(1000);
    // Of the 2,000 of its meeting: itself and the partner shown are not among the others.
    expect(crossTarget.every((w) => w.more === 1998)).toBe(true);
    // Of the 1,000 in the other unit: the one shown is not.
    expect(crossUnit.length).toBe(2000);
    expect(crossUnit.every((w) => w.more === 999)).toBe(true);
    const message = describeCopy(crossTarget[0]!, rosterLabels('m0', []));
    expect(message).toMatch(/^雷同：.*；另有约1998条相似意见未逐一列出$/);
  });

  it('says nothing of unlisted opinions where every similar pair was sought', () => {
    const candidates = Array.from({ length: 12 }, (_, i) => candidate(i, i % 2));
    const warnings = detectCopies(candidates);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.some((w) => w.more !== undefined)).toBe(false);
    expect(warnings.map((w) => describeCopy(w, rosterLabels('m0', []))).some((m) => m.includes('另有约'))).toBe(false);
  });
});

describe('detectCopies on a text pasted hundreds of times', () => {
  // The reference: each opinion's partner found by searching whole groups, as the detector did before
  // large groups were searched through their first opinions.
  it('links every opinion to the partner a search of the whole group finds', () => {
    const candidates = pastedCorpus(41, 600, 4);
    const warnings = detectCopies(candidates);
    expect(warnings.map((w) => `${w.kind} ${w.a.id} ${w.b.id}`)).toEqual(referenceWarnings(candidates, ['cross-target', 'same-target', 'cross-unit']));
  });
});
