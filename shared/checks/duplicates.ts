import { compareKey, compareKeyUncached, MAX_CACHED_KEYS } from '../text/normalize';
import { stripNumbering } from '../text/numbering';

/** The fields that decide whether two opinions are the same opinion. */
export interface DuplicateFields {
  targetId: string;
  category: string;
  content: string;
}

/**
 * The comparison key of an opinion's text: {@link compareKey} of the text without its leading
 * numbering, so `1. 加强学习` and `加强学习` are one opinion, whoever wrote the package.
 * `opinionKey('（2）加强学习。') === opinionKey('加强学习')`
 */
export function opinionKey(content: string): string {
  let key = OPINION_KEYS.get(content);
  if (key === undefined) {
    key = compareKey(stripNumbering(content));
    if (OPINION_KEYS.size >= MAX_CACHED_KEYS) OPINION_KEYS.clear();
    OPINION_KEYS.set(content, key);
  }
  return key;
}
const OPINION_KEYS = new Map<string, string>();

/** {@link opinionKey} without the caches (see {@link compareKeyUncached}). */
export function opinionKeyUncached(content: string): string {
  return compareKeyUncached(stripNumbering(content));
}

/**
 * The identity of an opinion for counting: the same normalized text (leading numbering ignored)
 * for the same target and category is one opinion, however often it was entered.
 */
export function duplicateKey(o: DuplicateFields): string {
  return duplicateKeyOf(o, opinionKey(o.content));
}

/** {@link duplicateKey} when the caller has the compared text already. */
export function duplicateKeyOf(o: Pick<DuplicateFields, 'targetId' | 'category'>, key: string): string {
  return `${o.targetId}\u0001${o.category}\u0001${key}`;
}

/**
 * Marks which opinions repeat an earlier one (in the given order) for the same target and
 * category. Returns the ids of the repeats; the first occurrence is not a repeat.
 */
export function findExactDuplicates<T extends DuplicateFields & { id: string }>(opinions: readonly T[]): Set<string> {
  const seen = new Set<string>();
  const repeats = new Set<string>();
  for (const o of opinions) {
    const key = duplicateKey(o);
    if (seen.has(key)) repeats.add(o.id);
    else seen.add(key);
  }
  return repeats;
}
