// An item's state in its own year's ledger, and overdue / due soon. An item is open unless it is
// 已销号 or 已结转 — carried into a later meeting by 回头看, where it is tracked and counted from then on
// (one problem, counted once). Overdue: the time limit has passed and the item is open. Due soon:
// the limit is today or within the next 7 days. The day comes from the caller — the domain clock
// (util/clock.ts) by default — so the app, the command line's `--date` and the tests agree.
import type { LedgerEntry, LedgerStatus } from '../model/ledger';
import type { ProblemItem } from '../model/problems';
import { isRealDate } from '../model/zod-fields';
import { today as clockToday } from '../util/clock';

/** Days ahead that count as 即将到期. */
const DUE_SOON_DAYS = 7;

/** 已销号, 已结转 (carried into a later meeting), or open (整改中, 长期坚持 …: counted as open, may fall overdue). */
export type ItemState = 'closed' | 'carried' | 'open';

/** The one rule for an item's state: 已销号 first, then 已结转 when a later meeting carries it, else open. */
export function itemState(status: LedgerStatus, carried: boolean): ItemState {
  return status === 'closed' ? 'closed' : carried ? 'carried' : 'open';
}

/**
 * The entries carried into a later meeting (回头看), from any set of entries holding the later ones:
 * last year's entry id → the account number it carries on under. A deleted carried entry carries nothing.
 */
export function carriedOut(entries: ReadonlyArray<Pick<LedgerEntry, 'carriedFrom' | 'deletedAt'> & Partial<Pick<LedgerEntry, 'accountNumber'>>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entries) if (!e.deletedAt && e.carriedFrom) out.set(e.carriedFrom.entryId, e.accountNumber ?? '');
  return out;
}

/** Where an item carried on (已结转) is handled now: its account number in the later meeting and that meeting's year. */
export interface CarriedTo {
  accountNumber: string;
  year: number;
}

/**
 * The entries carried into a later meeting with where they went (see carriedOut), `yearOf` giving
 * the year of a later meeting by id. An entry whose later meeting is unknown is left out.
 */
export function carriedOutTo(
  entries: ReadonlyArray<Pick<LedgerEntry, 'carriedFrom' | 'deletedAt' | 'accountNumber' | 'meetingId'>>,
  yearOf: (meetingId: string) => number | undefined,
): Map<string, CarriedTo> {
  const out = new Map<string, CarriedTo>();
  for (const e of entries) {
    const year = yearOf(e.meetingId);
    if (!e.deletedAt && e.carriedFrom && year !== undefined) out.set(e.carriedFrom.entryId, { accountNumber: e.accountNumber, year });
  }
  return out;
}

/**
 * Why an item 已结转 takes no more writes in its first year's ledger (进展, 申请销号, 长期坚持 …): it is
 * tracked in the later meeting's ledger from then on. `已结转至 2026-财政局-班子-001，请在2026年度台账中办理`.
 */
export function carriedRefusal(to: CarriedTo): string {
  return `已结转至 ${to.accountNumber}，请在${to.year}年度台账中办理`;
}

/**
 * The entries of meetings that are not in the recycle bin: only they can carry an item on. A meeting
 * moved to the bin keeps its entries (it can be restored), but while it is there last year's items
 * it carried count as open again.
 */
export function entriesOfLiveMeetings<T extends Pick<LedgerEntry, 'meetingId'>>(entries: readonly T[], meetings: ReadonlyArray<{ id: string; deletedAt?: string }>): T[] {
  const binned = new Set(meetings.filter((m) => m.deletedAt).map((m) => m.id));
  return binned.size === 0 ? [...entries] : entries.filter((e) => !binned.has(e.meetingId));
}

export type DeadlineState = { kind: 'overdue'; days: number } | { kind: 'due-soon'; days: number } | { kind: 'none' };

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** The deadline state of an item in its state (see itemState); `days` is how far past (overdue) or how far ahead (due soon). Only an open item has one. */
export function deadlineState(problem: Pick<ProblemItem, 'deadline'>, state: ItemState, today: string = clockToday()): DeadlineState {
  if (state !== 'open' || !isRealDate(problem.deadline)) return { kind: 'none' };
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
