// What the crash tests compare after every kill: a snapshot of the whole database (each store's
// row keys with a hash of each row's content) taken just before the batch, against one taken
// after the restart. Counting only the batch's rows would let an emptied database pass as a
// clean rollback; every row committed before the batch must still be there, unchanged.

/** Store → row key (JSON) → hash of the row's content (JSON). */
export type DatabaseSnapshot = Record<string, Record<string, string>>;

export interface SnapshotRules {
  /**
   * What of the existing data the batch itself rewrites, as a store (`meetingSummaries`) or one row
   * (`mergeBases/"units"`, the key as JSON): such rows must still be there; their content may differ.
   */
  rewritten: readonly string[];
  /** Derived caches rebuilt as a whole outside any batch (copy findings): not user data, not compared. */
  derived: readonly string[];
}

/** How many rows a snapshot holds, over all stores. */
export function snapshotRows(snapshot: DatabaseSnapshot): number {
  return Object.values(snapshot).reduce((sum, rows) => sum + Object.keys(rows).length, 0);
}

/**
 * What of `before` is missing or changed in `after`, one line per store and kind (with a few keys
 * as examples); empty when everything committed before is intact. Rows `after` adds are the
 * batch's, counted by the scenario, and not judged here.
 */
export function lostOrChanged(before: DatabaseSnapshot, after: DatabaseSnapshot, rules: SnapshotRules): string[] {
  const problems: string[] = [];
  if (snapshotRows(before) === 0) problems.push('nothing was committed before the batch: there is nothing to compare (the scenario must set up data first)');
  for (const [store, rows] of Object.entries(before)) {
    if (rules.derived.includes(store)) continue;
    const now = after[store];
    if (!now) {
      problems.push(`store ${store} is gone (it held ${Object.keys(rows).length} rows)`);
      continue;
    }
    const missing: string[] = [];
    const changed: string[] = [];
    for (const [key, hash] of Object.entries(rows)) {
      if (!(key in now)) missing.push(key);
      else if (now[key] !== hash && !rules.rewritten.includes(store) && !rules.rewritten.includes(`${store}/${key}`)) changed.push(key);
    }
    const sample = (keys: string[]) => keys.slice(0, 3).join(', ') + (keys.length > 3 ? ' …' : '');
    if (missing.length > 0) problems.push(`${store}: ${missing.length} of ${Object.keys(rows).length} rows committed before the batch are gone (${sample(missing)})`);
    if (changed.length > 0) problems.push(`${store}: ${changed.length} rows committed before the batch changed (${sample(changed)})`);
  }
  return problems;
}
