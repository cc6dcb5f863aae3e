// What changing a meeting's rule set does to the opinions it already holds, said before saving.
import type { Opinion, RuleSet } from './types';

interface RemovedCategory {
  category: string;
  /** Live opinions entered under it. */
  opinions: number;
}

/**
 * The categories a rule-set edit removes that still hold live opinions, with their counts, in
 * the old order. Empty when nothing entered is affected (then saving needs no question).
 */
export function removedCategories(
  before: Pick<RuleSet, 'categories'>,
  after: Pick<RuleSet, 'categories'>,
  opinions: readonly Pick<Opinion, 'category' | 'deletedAt'>[],
): RemovedCategory[] {
  const kept = new Set(after.categories.map((c) => c.trim()));
  const counts = new Map<string, number>();
  for (const o of opinions) if (!o.deletedAt && !kept.has(o.category)) counts.set(o.category, (counts.get(o.category) ?? 0) + 1);
  return before.categories.filter((c) => !kept.has(c) && (counts.get(c) ?? 0) > 0).map((category) => ({ category, opinions: counts.get(category)! }));
}

/** The question asked before saving: what is removed, how many opinions, and what happens to them. */
export function removedCategoriesMessage(removed: readonly RemovedCategory[]): string {
  const what = removed.map((r) => `“${r.category}”（${r.opinions} 条意见）`).join('、');
  const total = removed.reduce((sum, r) => sum + r.opinions, 0);
  return (
    `将移除意见来源类别${what}。这 ${total} 条意见不会删除，但不再计入就绪情况和合计，` +
    '在就绪情况中单列为“不在要求类别中”，在征求意见建议清单中排在各类之后；以后重新加入同名类别即恢复计入。'
  );
}
