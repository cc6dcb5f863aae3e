// 问题反复出现: a problem item nearly the same as one of last year's — the lists that repeat year after
// year are a known complaint. The same similarity method as copy detection (compare keys, then
// MinHash/LSH verified by bigram Jaccard at the same threshold). Carried-over items are last year's
// items on purpose and are not flagged.
import { findSimilarPairs, NEAR_DUPLICATE_THRESHOLD } from '../checks/minhash';
import type { ProblemItem } from '../model/problems';
import { compareKey } from '../text/normalize';

export interface RepeatFlag {
  problemId: string;
  /** Last year's item it resembles most. */
  previousId: string;
  similarity: number;
}

/** Flags this year's items that nearly repeat one of last year's (any target): problem id → its closest match. */
export function repeatedProblems(current: readonly ProblemItem[], previous: readonly ProblemItem[], options: { threshold?: number } = {}): Map<string, RepeatFlag> {
  const now = current.filter((p) => !p.deletedAt && !p.carriedFrom);
  const before = previous.filter((p) => !p.deletedAt);
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const sides: Array<{ now: ProblemItem[]; before: ProblemItem[] }> = [];
  const add = (p: ProblemItem, side: 'now' | 'before') => {
    const key = compareKey(p.description);
    if (key === '') return;
    let k = keyIndex.get(key);
    if (k === undefined) {
      k = keys.length;
      keyIndex.set(key, k);
      keys.push(key);
      sides.push({ now: [], before: [] });
    }
    sides[k]![side].push(p);
  };
  for (const p of now) add(p, 'now');
  for (const p of before) add(p, 'before');

  const best = new Map<string, RepeatFlag>();
  const offer = (p: ProblemItem, q: ProblemItem, similarity: number) => {
    const old = best.get(p.id);
    if (!old || similarity > old.similarity) best.set(p.id, { problemId: p.id, previousId: q.id, similarity: Math.round(similarity * 100) / 100 });
  };
  sides.forEach((s) => s.now.forEach((p) => s.before[0] && offer(p, s.before[0], 1)));
  const cross = (a: number, b: number) => (sides[a]!.now.length > 0 && sides[b]!.before.length > 0) || (sides[b]!.now.length > 0 && sides[a]!.before.length > 0);
  const { pairs } = findSimilarPairs(keys, { threshold: options.threshold ?? NEAR_DUPLICATE_THRESHOLD, accept: cross });
  for (const { a, b, similarity } of pairs) {
    for (const p of sides[a]!.now) if (sides[b]!.before[0]) offer(p, sides[b]!.before[0], similarity);
    for (const p of sides[b]!.now) if (sides[a]!.before[0]) offer(p, sides[a]!.before[0], similarity);
  }
  return best;
}

/** `问题反复出现：与上年度“…”相似（85%）` */
export function repeatText(flag: RepeatFlag, previous: Pick<ProblemItem, 'description'>): string {
  const chars = [...previous.description];
  const shown = chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : previous.description;
  return `问题反复出现：与上年度“${shown}”${flag.similarity >= 1 ? '相同' : `相似（${Math.round(flag.similarity * 100)}%）`}`;
}
