// The 整改 part of a meeting summary: stored without an overdue count (it would go stale), counted
// from the open items' time limits on the day it is read, by the ledger's own deadline rule.
import { describe, expect, it } from 'vitest';
import { rectificationFigures, rectificationSummary } from '#shared/ledger/rectification-summary';
import type { LedgerEntry } from '#shared/model/ledger';
import type { ProblemItem } from '#shared/model/problems';

const problem = (id: string, deadline: string, deletedAt?: string) => ({ id, deadline, ...(deletedAt ? { deletedAt } : {}) }) as ProblemItem;
const entry = (problemId: string, status: LedgerEntry['status'], deletedAt?: string) => ({ id: `e-${problemId}`, problemId, status, ...(deletedAt ? { deletedAt } : {}) }) as LedgerEntry;

describe('the 整改 summary', () => {
  const records = {
    problems: [problem('a', '2026-03-31'), problem('b', '2026-06-30'), problem('c', ''), problem('d', '2026-01-01'), problem('gone', '2026-01-01', 'x')],
    ledgerEntries: [entry('a', 'in-progress'), entry('b', 'ongoing'), entry('c', 'ongoing'), entry('d', 'closed'), entry('gone', 'in-progress'), entry('a', 'not-started', 'x')],
  };

  it('keeps items, 已销号 and the open items’ time limits; nothing when nothing is registered', () => {
    expect(rectificationSummary(records, new Set())).toEqual({ items: 4, closed: 1, openDeadlines: ['2026-03-31', '2026-06-30'] });
    expect(rectificationSummary({ problems: records.problems, ledgerEntries: [] }, new Set())).toBeUndefined();
    expect(rectificationSummary(undefined, new Set())).toBeUndefined();
  });

  it('counts overdue and due soon on the day it is read (a passed 长期坚持 date is overdue too)', () => {
    const s = rectificationSummary(records, new Set());
    expect(rectificationFigures(s, '2026-03-01')).toEqual({ items: 4, closed: 1, carried: 0, overdue: 0, dueSoon: 0, closedPercent: 25 });
    expect(rectificationFigures(s, '2026-03-24')).toMatchObject({ overdue: 0, dueSoon: 1 });
    expect(rectificationFigures(s, '2026-04-01')).toMatchObject({ overdue: 1, dueSoon: 0 });
    expect(rectificationFigures(s, '2026-07-01')).toMatchObject({ overdue: 2 });
    expect(rectificationFigures(undefined, '2026-07-01')).toEqual({ items: 0, closed: 0, carried: 0, overdue: 0, dueSoon: 0, closedPercent: 0 });
  });
});
