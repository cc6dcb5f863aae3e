// The one rate rule (回应率, 销号率): nearest whole per cent, but "all" and "none" only when true.
import { describe, expect, it } from 'vitest';
import { ratePercent } from '#shared/util/percent';
import { computeCoverage } from '#shared/problems/coverage';
import { rectificationFigures } from '#shared/ledger/rectification-summary';

describe('a rate as a whole per cent', () => {
  it('rounds to the nearest per cent: 2 of 3 is 67%, 1 of 3 is 33%, 1 of 8 is 13%', () => {
    expect(ratePercent(2, 3)).toBe(67);
    expect(ratePercent(1, 3)).toBe(33);
    expect(ratePercent(1, 8)).toBe(13);
    expect(ratePercent(3, 4)).toBe(75);
  });

  it('never says 100% unless every item is done, nor 0% unless none is', () => {
    expect(ratePercent(199, 200)).toBe(99);
    expect(ratePercent(999, 1000)).toBe(99);
    expect(ratePercent(1, 1000)).toBe(1);
    expect(ratePercent(1, 200)).toBe(1);
    expect(ratePercent(200, 200)).toBe(100);
    expect(ratePercent(0, 200)).toBe(0);
    for (let whole = 1; whole <= 200; whole++)
      for (let part = 0; part <= whole; part++) {
        const p = ratePercent(part, whole);
        expect(p === 100).toBe(part === whole);
        expect(p === 0).toBe(part === 0);
        expect(Math.abs(p - (part * 100) / whole)).toBeLessThan(1);
      }
  });

  it('gives the caller’s value when there is nothing to count', () => {
    expect(ratePercent(0, 0)).toBe(0);
    expect(ratePercent(0, 0, 100)).toBe(100);
  });

  it('is the rule of the 回应率 and the 销号率 alike', () => {
    const c = (id: string, answered: boolean) => ({ id, meetingId: 'm', targetId: 'g', text: id, rawIds: [], order: 0, createdAt: '', updatedAt: '', ...(answered ? { answer: { reason: 'explained' as const, text: '已说明' } } : {}) });
    const coverage = computeCoverage([c('a', true), c('b', true), c('d', false)] as never, [], [{ id: 'g', label: '领导班子' }]);
    expect(coverage.percent).toBe(67);
    expect(rectificationFigures({ items: 3, closed: 2, openDeadlines: [] }).closedPercent).toBe(67);
  });
});
