// Merge proposals for 梳理: raw opinions of one target that say nearly the same thing, found by the
// near-duplicate detector the copy checks use (compare keys, then MinHash/LSH verified by bigram
// Jaccard at the same threshold) — one similarity method in the product. Staff accept, change or
// refuse each proposal; nothing is merged here.
import { findSimilarPairs, NEAR_DUPLICATE_THRESHOLD } from '../checks/minhash';
import { isSubstantive, phraseMatcher } from '../checks/substance';
import type { ConsolidatedOpinion } from '../model/problems';
import type { RuleSet } from '../model/types';
import { compareKey } from '../text/normalize';
import { consolidatedBySource, type RawOpinion } from './operations';

interface MergeProposal {
  targetId: string;
  /** Raw opinions not yet consolidated, in entry order. */
  opinionIds: string[];
  /** An existing consolidated opinion they resemble: accepting adds them to it (addSources). */
  joinId?: string;
  /** The suggested wording: the joined opinion's text, or the fullest (longest) raw text. */
  text: string;
  /** The lowest similarity that links the group (1 when every text is the same once normalized). */
  similarity: number;
}

interface Item {
  targetId: string;
  text: string;
  createdAt: string;
  rawId?: string;
  consolidated?: ConsolidatedOpinion;
}

/**
 * Proposes merges for a meeting: every group of two or more nearly-the-same texts of one target
 * that holds at least one raw opinion not yet consolidated. No-opinion texts (暂无 …) are left out.
 * Near-linear in the number of opinions (no all-pairs comparison).
 */
export function proposeMerges(
  raws: readonly RawOpinion[],
  consolidated: readonly ConsolidatedOpinion[],
  rules: Pick<RuleSet, 'noOpinionPhrases'>,
  options: { threshold?: number } = {},
): MergeProposal[] {
  const noOpinion = phraseMatcher(rules.noOpinionPhrases);
  const held = consolidatedBySource(consolidated);
  const items: Item[] = [
    ...consolidated.filter((c) => !c.deletedAt).map((c) => ({ targetId: c.targetId, text: c.text, createdAt: c.createdAt, consolidated: c })),
    ...raws
      .filter((o) => !o.deletedAt && !held.has(o.id) && isSubstantive(o.content, noOpinion))
      .map((o) => ({ targetId: o.targetId, text: o.content, createdAt: o.createdAt, rawId: o.id })),
  ];

  // One entry per distinct compare key; the similarity index only sees distinct texts.
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const itemsOfKey: number[][] = [];
  items.forEach((item, i) => {
    const key = compareKey(item.text);
    let k = keyIndex.get(key);
    if (k === undefined) {
      k = keys.length;
      keyIndex.set(key, k);
      keys.push(key);
      itemsOfKey.push([]);
    }
    itemsOfKey[k]!.push(i);
  });
  const targetsOfKey = itemsOfKey.map((list) => new Set(list.map((i) => items[i]!.targetId)));

  const parent = items.map((_, i) => i);
  const weakest = items.map(() => 1);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number, similarity: number) => {
    const ra = find(a);
    const rb = find(b);
    const w = Math.min(weakest[ra]!, weakest[rb]!, similarity);
    if (ra !== rb) parent[rb] = ra;
    weakest[ra] = w;
  };

  // The same compared text for the same target.
  const firstOfTarget = itemsOfKey.map((list) => {
    const firsts = new Map<string, number>();
    for (const i of list) {
      const first = firsts.get(items[i]!.targetId);
      if (first === undefined) firsts.set(items[i]!.targetId, i);
      else union(first, i, 1);
    }
    return firsts;
  });
  // Nearly the same text for the same target.
  const shareTarget = (a: number, b: number) => {
    const [small, large] = targetsOfKey[a]!.size <= targetsOfKey[b]!.size ? [targetsOfKey[a]!, targetsOfKey[b]!] : [targetsOfKey[b]!, targetsOfKey[a]!];
    for (const t of small) if (large.has(t)) return true;
    return false;
  };
  const { pairs } = findSimilarPairs(keys, { threshold: options.threshold ?? NEAR_DUPLICATE_THRESHOLD, accept: shareTarget });
  // The items of one text and target are joined already: joining their first ones joins them all
  // (a text pasted hundreds of times costs one union per target, not one per pair of items).
  for (const p of pairs) {
    for (const [target, i] of firstOfTarget[p.a]!) {
      const j = firstOfTarget[p.b]!.get(target);
      if (j !== undefined) union(i, j, p.similarity);
    }
  }

  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  const proposals: MergeProposal[] = [];
  for (const [root, members] of groups) {
    if (members.length < 2) continue;
    const raw = members.map((i) => items[i]!).filter((x) => x.rawId !== undefined);
    if (raw.length === 0) continue;
    raw.sort((x, y) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.rawId! < y.rawId! ? -1 : 1));
    const joined = members
      .map((i) => items[i]!.consolidated)
      .filter((c): c is ConsolidatedOpinion => c !== undefined)
      .sort((x, y) => x.order - y.order)[0];
    const fullest = raw.reduce((best, x) => ([...x.text].length > [...best.text].length ? x : best), raw[0]!);
    proposals.push({
      targetId: raw[0]!.targetId,
      opinionIds: raw.map((x) => x.rawId!),
      ...(joined ? { joinId: joined.id } : {}),
      text: joined ? joined.text : fullest.text,
      similarity: Math.round(weakest[root]! * 100) / 100,
    });
  }
  return proposals.sort((a, b) => (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0) || b.opinionIds.length - a.opinionIds.length);
}
