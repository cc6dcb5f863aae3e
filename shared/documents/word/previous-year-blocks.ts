// 上年度整改落实情况 (回头看) for the new meeting's reports: how last year's registered items ended —
// closed, still in progress, kept up long-term — and the list of those not closed, with what was
// carried into this year. Built from last year's prepared problem documents (its ledger as of today).
import type { FileChild } from 'docx';
import { LEDGER_STATUS_LABELS } from '../../model/ledger';
import type { LedgerEntry, LedgerStatus } from '../../model/ledger';
import { meetingHeading } from '../meeting-docs';
import type { ProblemDocs } from '../problem-docs';
import type { GbLayout } from './layout';

/** Last year's meeting of the unit, prepared with its ledger, and this year's ledger entries (for what was carried over). */
export interface PreviousYear {
  last: ProblemDocs;
  carried: readonly Pick<LedgerEntry, 'carriedFrom' | 'deletedAt'>[];
}

/** The sentence: `2024年度民主生活会查摆问题12项，已销号9项，销号率75%；未销号3项（整改中2项、长期坚持1项），已结转本年度3项。` */
export function previousYearSentence(last: ProblemDocs, carried: readonly Pick<LedgerEntry, 'carriedFrom' | 'deletedAt'>[]): string {
  const s = last.summary;
  const heading = meetingHeading(last.docs.input.meeting);
  if (s.items === 0) return `${heading}未建立整改台账。`;
  const open = last.ledger.filter((r) => r.entry.status !== 'closed');
  // By each item's own status, carried or not (the summary's byStatus leaves 已结转 items out).
  const count = (k: LedgerStatus) => open.filter((r) => r.entry.status === k).length;
  const byStatus = (['not-started', 'in-progress', 'closure-requested', 'ongoing'] as const).filter((k) => count(k) > 0).map((k) => `${LEDGER_STATUS_LABELS[k]}${count(k)}项`);
  const lastIds = new Set(last.ledger.map((r) => r.entry.id));
  const carriedCount = carried.filter((e) => !e.deletedAt && e.carriedFrom && lastIds.has(e.carriedFrom.entryId)).length;
  return (
    `${heading}查摆问题${s.items}项，已销号${s.byStatus.closed}项，销号率${s.closedPercent}%` +
    (open.length > 0 ? `；未销号${open.length}项（${byStatus.join('、')}），已结转本年度${carriedCount}项。` : '，已全部销号。')
  );
}

/** A first-level heading numbered `n`, the sentence, and last year's items not closed. */
export function previousYearBlocks(g: GbLayout, last: ProblemDocs, carried: readonly Pick<LedgerEntry, 'carriedFrom' | 'deletedAt'>[], n: number): FileChild[] {
  const blocks: FileChild[] = [g.heading1(n, '上年度整改落实情况'), g.paragraph(previousYearSentence(last, carried))];
  const carriedFrom = new Set(carried.filter((e) => !e.deletedAt && e.carriedFrom).map((e) => e.carriedFrom!.entryId));
  last.ledger
    .filter((r) => r.entry.status !== 'closed')
    .forEach((r, i) => blocks.push(g.numbered(i + 1, `${r.targetLabel}：${r.problem.description}（账号${r.entry.accountNumber}，${LEDGER_STATUS_LABELS[r.entry.status]}${carriedFrom.has(r.entry.id) ? '，已结转本年度' : '，未结转'}）`)));
  return blocks;
}
