// The 整改 part of a meeting's stored summary, for the supervisory overview: how many items are
// registered and closed, and the time limits of the open ones. Overdue is not stored: a summary
// written in March would still say "none overdue" in July. It is counted from the stored time
// limits on the day the summary is read, by the same rule as the ledger (deadlines.ts).
import type { LedgerEntry } from '../model/ledger';
import type { ProblemItem } from '../model/problems';
import { today as clockToday } from '../util/clock';
import { deadlineState, itemState } from './deadlines';
import { ratePercent } from '../util/percent';

export interface RectificationSummary {
  /** Live entries with a live problem (挂号的问题). */
  items: number;
  /** Of which 已销号. */
  closed: number;
  /** Of which 已结转 into a later meeting (回头看): open there and counted there; absent (0) in summaries stored before it. */
  carried?: number;
  /** The time limits (`YYYY-MM-DD`) of the open items (not 已销号, not 已结转) that have one, earliest first. */
  openDeadlines: string[];
}

export interface RectificationFigures {
  items: number;
  closed: number;
  carried: number;
  overdue: number;
  dueSoon: number;
  /** 销号率: closed / items, whole per cent by the one rate rule (ratePercent; 0 without items). */
  closedPercent: number;
}

/**
 * A meeting's 整改 summary from its records; undefined when nothing is registered. `carriedOut`: the
 * ids of its entries a later meeting carries (carriedOut in deadlines.ts): 已结转, not open here.
 */
export function rectificationSummary(records: { problems: readonly ProblemItem[]; ledgerEntries: readonly LedgerEntry[] } | undefined, carriedOut: { has(id: string): boolean }): RectificationSummary | undefined {
  if (!records) return undefined;
  const problems = new Map(records.problems.filter((p) => !p.deletedAt).map((p) => [p.id, p]));
  let items = 0;
  let closed = 0;
  let carried = 0;
  const openDeadlines: string[] = [];
  for (const e of records.ledgerEntries) {
    const p = problems.get(e.problemId);
    if (e.deletedAt || !p) continue;
    items++;
    const state = itemState(e.status, carriedOut.has(e.id));
    if (state === 'closed') closed++;
    else if (state === 'carried') carried++;
    else if (p.deadline !== '') openDeadlines.push(p.deadline);
  }
  if (items === 0) return undefined;
  return { items, closed, ...(carried > 0 ? { carried } : {}), openDeadlines: openDeadlines.sort() };
}

/** The figures of a stored 整改 summary on a given day (the domain clock's by default). */
export function rectificationFigures(r: RectificationSummary | undefined, today: string = clockToday()): RectificationFigures {
  if (!r) return { items: 0, closed: 0, carried: 0, overdue: 0, dueSoon: 0, closedPercent: 0 };
  let overdue = 0;
  let dueSoon = 0;
  for (const deadline of r.openDeadlines) {
    const s = deadlineState({ deadline }, 'open', today);
    if (s.kind === 'overdue') overdue++;
    else if (s.kind === 'due-soon') dueSoon++;
  }
  return { items: r.items, closed: r.closed, carried: r.carried ?? 0, overdue, dueSoon, closedPercent: ratePercent(r.closed, r.items) };
}
