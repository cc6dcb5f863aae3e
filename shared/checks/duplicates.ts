import { compareKey } from '../text/normalize';

/** The fields that decide whether two opinions are the same opinion. */
export interface DuplicateFields {
  targetId: string;
  category: string;
  content: string;
}

/**
 * The identity of an opinion for counting: the same normalized text for the same target and
 * category is one opinion, however often it was entered.
 */
export function duplicateKey(o: DuplicateFields): string {
  return duplicateKeyOf(o, compareKey(o.content));
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
