import { describe, expect, it } from 'vitest';
import { lostOrChanged, type DatabaseSnapshot } from './db-snapshot';

// The crash tests' comparison (test/e2e/crash-harness.ts): what a kill may and may not do to the
// rows committed before the batch.
describe('crash snapshot comparison', () => {
  const rules = { rewritten: ['meetingSummaries'], derived: ['copyFindings'] };
  const before: DatabaseSnapshot = {
    units: { '"u1"': 'a1' },
    opinions: { '"o1"': 'b1', '"o2"': 'b2' },
    meetingSummaries: { '"m1"': 'c1' },
    copyFindings: { '"m1"': 'd1' },
  };

  it('passes when every row is there, unchanged, whatever the batch added', () => {
    expect(lostOrChanged(before, { ...before, opinions: { ...before.opinions, '"o3"': 'b3' } }, rules)).toEqual([]);
  });

  it('fails an emptied database, which counting the batch alone would take for a clean rollback', () => {
    const emptied = { units: {}, opinions: {}, meetingSummaries: {}, copyFindings: {} };
    expect(lostOrChanged(before, emptied, rules)).toEqual([
      'units: 1 of 1 rows committed before the batch are gone ("u1")',
      'opinions: 2 of 2 rows committed before the batch are gone ("o1", "o2")',
      'meetingSummaries: 1 of 1 rows committed before the batch are gone ("m1")',
    ]);
    expect(lostOrChanged(before, {}, rules)).toHaveLength(3);
  });

  it('fails a row whose content changed, except in the stores the batch rewrites', () => {
    const after = { ...before, opinions: { '"o1"': 'b1', '"o2"': 'XX' }, meetingSummaries: { '"m1"': 'c2' } };
    expect(lostOrChanged(before, after, rules)).toEqual(['opinions: 1 rows committed before the batch changed ("o2")']);
  });

  it('lets a batch rewrite one named row, and no other row of its store', () => {
    const row = { ...rules, rewritten: ['opinions/"o1"'] };
    expect(lostOrChanged(before, { ...before, opinions: { '"o1"': 'XX', '"o2"': 'b2' } }, row)).toEqual([]);
    expect(lostOrChanged(before, { ...before, opinions: { '"o1"': 'b1', '"o2"': 'XX' } }, row)).toHaveLength(1);
  });

  it('leaves derived caches out, and fails when there was nothing to compare', () => {
    expect(lostOrChanged(before, { ...before, copyFindings: {} }, rules)).toEqual([]);
    expect(lostOrChanged({}, {}, rules)).toHaveLength(1);
  });
});
