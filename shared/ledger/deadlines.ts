// Overdue and due soon. Overdue: the time limit has passed and the item is not 已销号. Due soon:
// the limit is today or within the next 7 days. The day comes from the caller — the domain clock
// (util/clock.ts) by default — so the app, the command line's `--date` and the tests agree.
import type { LedgerStatus } from '../model/ledger';
import type { ProblemItem } from '../model/problems';
import { isRealDate } from '../model/zod-fields';
import { today as clockToday } from '../util/clock';

/** Days ahead that count as 即将到期. */
const DUE_SOON_DAYS = 7;

export type DeadlineState = { kind: 'overdue'; days: number } | { kind: 'due-soon'; days: number } | { kind: 'none' };

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** The deadline state of an item with its status; `days` is how far past (overdue) or how far ahead (due soon). */
export function deadlineState(problem: Pick<ProblemItem, 'deadline'>, status: LedgerStatus, today: string = clockToday()): DeadlineState {
  if (status === 'closed' || !isRealDate(problem.deadline)) return { kind: 'none' };
  const ahead = daysBetween(today, problem.deadline);
  if (ahead < 0) return { kind: 'overdue', days: -ahead };
  if (ahead <= DUE_SOON_DAYS) return { kind: 'due-soon', days: ahead };
  return { kind: 'none' };
}

/** `逾期12天` / `今天到期` / `3天后到期` / empty. */
export function deadlineText(s: DeadlineState): string {
  if (s.kind === 'overdue') return `逾期${s.days}天`;
  if (s.kind === 'due-soon') return s.days === 0 ? '今天到期' : `${s.days}天后到期`;
  return '';
}
