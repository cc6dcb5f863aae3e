// The ledger as lines of text for the command line's `ledger` verb (next step) and any plain-text
// view: one line per item with unit, meeting, account, target, status, time limit and how late it
// is; the exit code a scheduled task reads is 1 when any item is overdue.
import { LEDGER_STATUS_LABELS } from '../model/ledger';
import { deadlineText } from './deadlines';
import type { LedgerRow } from './view';

interface LedgerListingInput {
  /** `某某县财政局 2025年度民主生活会` */
  heading: string;
  rows: readonly LedgerRow[];
}

interface LedgerListing {
  lines: string[];
  /** Each problem once: an item 已结转 into a later meeting is counted there, not here. */
  items: number;
  /** 已结转 items (listed, counted in the later meeting). */
  carried: number;
  overdue: number;
}

/** `2025-财政局-李四-001　李四（副局长）　整改中　完成时限 2026-02-15　逾期21天　对分管科室…` */
function ledgerLine(heading: string, r: LedgerRow): string {
  const limit = r.problem.longTerm ? '长期坚持' : r.problem.deadline === '' ? '未定时限' : `完成时限 ${r.problem.deadline}`;
  const late = deadlineText(r.deadline);
  const status = r.state === 'carried' ? `已结转（${r.carriedTo}）` : LEDGER_STATUS_LABELS[r.entry.status];
  return [heading, r.entry.accountNumber, r.targetLabel, status, limit, ...(late ? [late] : []), r.problem.description].join('　');
}

/** Every item of every meeting given (or only the overdue ones), and the counts: each problem once (an item 已结转 counts in the meeting carrying it). */
export function ledgerListing(meetings: readonly LedgerListingInput[], options: { overdueOnly?: boolean } = {}): LedgerListing {
  const lines: string[] = [];
  let items = 0;
  let carried = 0;
  let overdue = 0;
  for (const m of meetings) {
    for (const r of m.rows) {
      if (r.state === 'carried') carried++;
      else items++;
      const late = r.deadline.kind === 'overdue';
      if (late) overdue++;
      if (!options.overdueOnly || late) lines.push(ledgerLine(m.heading, r));
    }
  }
  const note = carried > 0 ? `（另有${carried}项已结转下一年度，在下一年度计数）` : '';
  lines.push(overdue > 0 ? `共${items}项，其中逾期${overdue}项${note}。` : `共${items}项，无逾期${note}。`);
  return { lines, items, carried, overdue };
}

/** 0 when nothing is overdue, 1 when something is (2, bad input, is the command line's to decide). */
export function ledgerExitCode(listing: Pick<LedgerListing, 'overdue'>): 0 | 1 {
  return listing.overdue > 0 ? 1 : 0;
}
