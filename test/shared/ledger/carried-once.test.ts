// 回头看 counts a problem once: an item carried into next year's meeting is 已结转 in last year's
// ledger — listed so, neither open nor overdue there — and open (perhaps overdue) in the new one.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { rectificationWorkbookXlsx } from '#shared/documents/excel/rectification-workbook';
import { previousYearSentence } from '#shared/documents/word/previous-year-blocks';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { prepareProblemDocs } from '#shared/documents/problem-docs';
import { carryOver } from '#shared/ledger/carry-over';
import { carriedOut, entriesOfLiveMeetings } from '#shared/ledger/deadlines';
import { ledgerExitCode, ledgerListing } from '#shared/ledger/listing';
import { rectificationFigures } from '#shared/ledger/rectification-summary';
import type { Member } from '#shared/model/types';
import { computeMeetingSummary } from '#shared/supervision/summary';
import { resetClock } from '#shared/util/clock';
import { must, problemSample, stampAt } from '../../support/problem-sample';
import { fakeUuid } from '../../support/sample-content';

afterEach(() => resetClock());

/** 2025's sample ledger (6 items, 1 已销号) with its 5 open items carried into 2026 on 2026-03-01. */
function twoYears() {
  const s = problemSample();
  const meeting = { ...s.meeting, id: fakeUuid(95_000), year: 2026, title: '2026年度民主生活会' };
  const members: Member[] = s.members.map((m, i) => ({ ...m, id: fakeUuid(95_001 + i), meetingId: meeting.id }));
  const r = must(
    carryOver(
      { meeting: s.meeting, members: s.members, problems: s.problems, entries: s.entries },
      { unit: s.unit, meeting, members, problems: [], entries: [] },
      {},
      stampAt('2026-03-01T08:00:00.000Z', 96_000),
    ),
  );
  const last = (day: string, laterEntries = r.entries) =>
    prepareProblemDocs({ docs: prepareMeetingDocs(s.input), consolidated: s.consolidated, problems: s.problems, entries: s.entries, laterEntries, progress: s.progress, today: day });
  const next = (day: string) =>
    prepareProblemDocs({ docs: prepareMeetingDocs({ ...s.input, meeting, members, opinions: [] }), consolidated: [], problems: r.problems, entries: r.entries, progress: [], today: day });
  return { s, r, meeting, members, last, next };
}

describe('回头看 counts each problem once', () => {
  it('marks carried items 已结转 in last year’s ledger, with the account they carry on under, neither open nor overdue there', () => {
    const { r, last } = twoYears();
    const pd = last('2026-03-08');
    const carried = pd.ledger.filter((row) => row.state === 'carried');
    expect(carried).toHaveLength(5);
    expect(carried.map((row) => row.carriedTo).sort()).toEqual(r.entries.map((e) => e.accountNumber).sort());
    expect(pd.ledger.every((row) => row.deadline.kind === 'none')).toBe(true);
    expect(pd.summary).toMatchObject({ items: 6, carried: 5, overdue: 0, dueSoon: 0 });
    expect(pd.summary.byStatus).toEqual({ 'not-started': 0, 'in-progress': 0, 'closure-requested': 0, closed: 1, ongoing: 0 });
  });

  it('counts last year’s items open again while the meeting that carried them is in the recycle bin', () => {
    const { r, meeting, last } = twoYears();
    const binned = entriesOfLiveMeetings(r.entries, [{ ...meeting, deletedAt: '2026-03-02T08:00:00.000Z' }]);
    expect(binned).toEqual([]);
    expect(carriedOut(binned).size).toBe(0);
    const pd = last('2026-03-08', binned);
    expect(pd.ledger.filter((row) => row.state === 'carried')).toHaveLength(0);
    expect(pd.summary).toMatchObject({ items: 6, carried: 0 });
    // Restored (or never binned), it carries them again.
    expect(entriesOfLiveMeetings(r.entries, [meeting])).toEqual(r.entries);
  });

  it('still says, in next year’s reports, how each of last year’s open items stood when carried', () => {
    const { r, last } = twoYears();
    expect(previousYearSentence(last('2026-03-08'), r.entries)).toContain('查摆问题6项，已销号1项，销号率17%；未销号5项（未启动1项、整改中2项、申请销号1项、长期坚持1项），已结转本年度5项。');
  });

  it('lists both years for the command line as 6 problems, the carried lines marked, overdue only in the new year', () => {
    const { last, next } = twoYears();
    const day = '2026-03-08';
    const listing = ledgerListing([
      { heading: '2025年度', rows: last(day).ledger },
      { heading: '2026年度', rows: next(day).ledger },
    ]);
    expect(listing.lines.at(-1)).toBe('共6项，其中逾期1项（另有5项已结转下一年度，在下一年度计数）。');
    expect(listing.lines.filter((l) => l.startsWith('2025年度') && l.includes('已结转（2026-'))).toHaveLength(5);
    const overdue = ledgerListing([{ heading: '2025年度', rows: last(day).ledger }, { heading: '2026年度', rows: next(day).ledger }], { overdueOnly: true });
    expect(overdue.lines).toHaveLength(2);
    expect(overdue.lines[0]).toContain('2026-财政局-王五-001');
    expect(ledgerExitCode(overdue)).toBe(1);
  });

  it('takes back 已结转 when the carrying entry is deleted: the item is open in its own year again', () => {
    const { r, last } = twoYears();
    const deleted = r.entries.map((e) => ({ ...e, deletedAt: '2026-03-02T00:00:00.000Z' }));
    expect(carriedOut(deleted).size).toBe(0);
    expect(carriedOut(r.entries).size).toBe(5);
    // 李四's 2026-02-15 and 王五's 2026-03-05 are overdue again in 2025's ledger.
    expect(last('2026-03-08', deleted).summary).toMatchObject({ carried: 0, overdue: 2 });
  });

  it('keeps a time limit still ahead on the day of carrying and drops one already passed (no item is overdue the day it is carried)', () => {
    const { r, s } = twoYears();
    const oldDeadline = (accountNumber: string) => s.problems.find((p) => p.id === s.entries.find((e) => e.accountNumber === accountNumber)!.problemId)!.deadline;
    const newDeadline = (carriedFrom: string) => r.problems.find((p) => p.id === r.entries.find((e) => e.carriedFrom!.accountNumber === carriedFrom)!.problemId)!.deadline;
    expect(oldDeadline('2025-财政局-李四-001')).toBe('2026-02-15');
    expect(newDeadline('2025-财政局-李四-001')).toBe('');
    expect(newDeadline('2025-财政局-王五-001')).toBe('2026-03-05');
    expect(r.undated).toEqual([r.entries.find((e) => e.carriedFrom!.accountNumber === '2025-财政局-李四-001')!.accountNumber]);
  });

  it('leaves carried items out of the stored 整改 summary’s open time limits, so the overview counts them once', () => {
    const { s, r } = twoYears();
    const input = { meeting: s.meeting, members: s.members, opinions: s.opinions, audits: [], followUp: { consolidated: s.consolidated, problems: s.problems, ledgerEntries: s.entries, progressEntries: s.progress, talks: [], preparations: [], materials: [] } };
    const summary = computeMeetingSummary({ ...input, laterLedger: r.entries });
    expect(summary.rectification).toEqual({ items: 6, closed: 1, carried: 5, openDeadlines: [] });
    expect(rectificationFigures(summary.rectification, '2026-12-31')).toMatchObject({ items: 6, closed: 1, carried: 5, overdue: 0 });
    // Without the later meeting at hand nothing is carried: the open items stay open.
    expect(computeMeetingSummary(input).rectification?.openDeadlines).toHaveLength(4);
  });

  it('marks carried items in last year’s Excel 整改台账: 状态 已结转, 备注 with the new account, and the 统计 sheet counts them apart', async () => {
    const { r, last } = twoYears();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rectificationWorkbookXlsx(last('2026-03-08'))) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('整改台账')!;
    const rows = [...Array(sheet.rowCount - 2).keys()].map((i) => sheet.getRow(i + 3));
    const li = rows.find((row) => row.getCell(1).value === '2025-财政局-李四-001')!;
    const newAccount = r.entries.find((e) => e.carriedFrom!.accountNumber === '2025-财政局-李四-001')!.accountNumber;
    expect(li.getCell(11).value).toBe('已结转');
    expect(li.getCell(12).value ?? '').toBe('');
    expect(String(li.getCell(15).value)).toContain(`已结转下一年度，新账号${newAccount}（结转时整改中）`);
    expect(rows.filter((row) => String(row.getCell(15).value ?? '').includes('已结转下一年度'))).toHaveLength(5);
    const summary = wb.getWorksheet('统计')!;
    // 合计: 6 items; 未启动 整改中 申请销号 已销号 长期坚持 all 0 but 已销号 1; 已结转 5; no overdue.
    expect(summary.getRow(summary.rowCount).values).toEqual([undefined, '合计', 6, 0, 0, 0, 1, 0, 5, 0, '17%']);
  });
});
