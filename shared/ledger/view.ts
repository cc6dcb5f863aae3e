// The ledger of a meeting as rows and figures, computed once for the 整改 tab, the documents and the
// command line: each entry with its problem, target, status, deadline state and latest progress;
// counts by status, overdue and 销号率 per target.
import type { LedgerEntry, LedgerStatus, ProgressEntry } from '../model/ledger';
import { LEDGER_STATUSES, LEDGER_STATUS_LABELS } from '../model/ledger';
import type { ProblemItem } from '../model/problems';
import { deadlineState, itemState, type DeadlineState, type ItemState } from './deadlines';
import { progressLog } from './progress';
import { ratePercent } from '../util/percent';

export interface LedgerRow {
  entry: LedgerEntry;
  problem: ProblemItem;
  targetLabel: string;
  /** 已销号 / 已结转 / open, by the one rule (itemState). */
  state: ItemState;
  /** The account number a later meeting carries it on under (回头看), when 已结转. */
  carriedTo?: string;
  deadline: DeadlineState;
  progress: ProgressEntry[];
}

interface TargetLedgerSummary {
  targetId: string;
  label: string;
  items: number;
  closed: number;
  /** 已结转: carried into a later meeting, counted there as open, not here. */
  carried: number;
  overdue: number;
  /** 销号率: closed / items, whole per cent by the one rate rule (ratePercent; 0 when there are no items). */
  closedPercent: number;
}

export interface LedgerSummary {
  items: number;
  /** The items in each status, 已结转 ones left out (they are open in the later meeting, counted there). */
  byStatus: Record<LedgerStatus, number>;
  /** 已结转 into a later meeting (回头看). */
  carried: number;
  overdue: number;
  dueSoon: number;
  closedPercent: number;
  targets: TargetLedgerSummary[];
}

/**
 * The live entries with a live problem, in target order (as given), then by account number.
 * `carriedOut`: the entries a later meeting carries (carriedOut in deadlines.ts) — 已结转 here.
 */
export function ledgerRows(input: {
  entries: readonly LedgerEntry[];
  carriedOut: ReadonlyMap<string, string>;
  problems: readonly ProblemItem[];
  progress: readonly ProgressEntry[];
  targets: ReadonlyArray<{ id: string; label: string }>;
  today: string;
}): LedgerRow[] {
  const problems = new Map(input.problems.filter((p) => !p.deletedAt).map((p) => [p.id, p]));
  const order = new Map(input.targets.map((t, i) => [t.id, i]));
  const label = new Map(input.targets.map((t) => [t.id, t.label]));
  return input.entries
    .filter((e) => !e.deletedAt && problems.has(e.problemId))
    .sort((a, b) => (order.get(a.targetId) ?? 1e9) - (order.get(b.targetId) ?? 1e9) || a.accountNumber.localeCompare(b.accountNumber, 'zh-Hans-CN', { numeric: true }))
    .map((entry) => {
      const problem = problems.get(entry.problemId)!;
      const carriedTo = input.carriedOut.get(entry.id);
      const state = itemState(entry.status, carriedTo !== undefined);
      return {
        entry,
        problem,
        targetLabel: label.get(entry.targetId) ?? '原班子成员',
        state,
        ...(state === 'carried' ? { carriedTo: carriedTo! } : {}),
        deadline: deadlineState(problem, state, input.today),
        progress: progressLog(input.progress, entry.id),
      };
    });
}

const pct = (a: number, b: number) => ratePercent(a, b);

/** Counts by status, 已结转, overdue, due soon and 销号率, overall and per target (targets in the order given, only those with items). */
export function ledgerSummary(rows: readonly LedgerRow[], targets: ReadonlyArray<{ id: string; label: string }>): LedgerSummary {
  const byStatus = Object.fromEntries(LEDGER_STATUSES.map((s) => [s, 0])) as Record<LedgerStatus, number>;
  const perTarget = new Map(targets.map((t) => [t.id, { targetId: t.id, label: t.label, items: 0, closed: 0, carried: 0, overdue: 0, closedPercent: 0 }]));
  let overdue = 0;
  let dueSoon = 0;
  let carried = 0;
  for (const r of rows) {
    if (r.state === 'carried') carried++;
    else byStatus[r.entry.status]++;
    if (r.deadline.kind === 'overdue') overdue++;
    if (r.deadline.kind === 'due-soon') dueSoon++;
    let t = perTarget.get(r.entry.targetId);
    if (!t) perTarget.set(r.entry.targetId, (t = { targetId: r.entry.targetId, label: r.targetLabel, items: 0, closed: 0, carried: 0, overdue: 0, closedPercent: 0 }));
    t.items++;
    if (r.state === 'closed') t.closed++;
    if (r.state === 'carried') t.carried++;
    if (r.deadline.kind === 'overdue') t.overdue++;
  }
  const list = [...perTarget.values()].filter((t) => t.items > 0).map((t) => ({ ...t, closedPercent: pct(t.closed, t.items) }));
  return { items: rows.length, byStatus, carried, overdue, dueSoon, closedPercent: pct(byStatus.closed, rows.length), targets: list };
}

/** The status a row shows in documents: `已结转` for an item carried on (回头看), else its status's label. */
export function rowStatusLabel(r: Pick<LedgerRow, 'state' | 'entry'>): string {
  return r.state === 'carried' ? '已结转' : LEDGER_STATUS_LABELS[r.entry.status];
}
