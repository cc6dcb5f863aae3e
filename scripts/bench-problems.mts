/* eslint-disable no-console -- a benchmark prints its figures */
// Times 梳理 proposals, the problem documents and the ledger workbook, in Node.
// Run: npx tsx scripts/bench-problems.mts. Prints medians of 5 runs (3 for the largest).
import { consolidate } from '#shared/consolidation/operations';
import { proposeMerges } from '#shared/consolidation/proposals';
import { problemWorkbookXlsx } from '#shared/documents/excel/problem-workbook';
import { rectificationWorkbookXlsx } from '#shared/documents/excel/rectification-workbook';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { prepareProblemDocs } from '#shared/documents/problem-docs';
import { combinedProblemListsDocx } from '#shared/documents/word/problem-list-docx';
import { rectificationReportDocx } from '#shared/documents/word/rectification-docx';
import { registerProblems } from '#shared/ledger/accounts';
import type { ConsolidatedOpinion, ProblemItem } from '#shared/model/problems';
import { repeatedProblems } from '#shared/problems/repeat';
import { countyContent, nearCopy, rng } from '../test/support/county-content';
import { problemItem, stampAt } from '../test/support/problem-sample';
import { fakeUuid } from '../test/support/sample-content';

async function median(label: string, work: () => unknown, runs = 5): Promise<void> {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const extra = Array.isArray(result) ? ` (${result.length} results)` : '';
  console.log(`${label.padEnd(58)} ${times[Math.floor(runs / 2)]!.toFixed(0).padStart(6)} ms${extra}`);
}

console.log('梳理 proposals (proposeMerges) on stock-phrase county text with 30% copies');
for (const [units, perCell] of [
  [1, 5],
  [30, 5],
  [300, 6],
] as const) {
  const c = countyContent({ units, perCell, copyRate: 0.3 });
  const rules = c.meetings[0]!.ruleSet;
  await median(`${c.opinions.length} opinions`, () => proposeMerges(c.opinions, [], rules), units === 300 ? 3 : 5);
}

// A county-average meeting taken through 梳理: every target's opinions consolidated three by three,
// one problem per two consolidated opinions, all registered.
const c = countyContent({ units: 1, perCell: 5, members: [12, 12] });
const unit = c.units[0]!;
const meeting = c.meetings[0]!;
const stamp = stampAt('2025-12-01T00:00:00.000Z', 1_000_000);
const consolidated: ConsolidatedOpinion[] = [];
for (const target of new Set(c.opinions.map((o) => o.targetId))) {
  const mine = c.opinions.filter((o) => o.targetId === target);
  for (let i = 0; i < mine.length; i += 3) {
    const r = consolidate({ meetingId: meeting.id, targetId: target, opinionIds: mine.slice(i, i + 3).map((o) => o.id) }, c.opinions, consolidated, stamp);
    if (r.ok) consolidated.push(...r.created);
  }
}
const problems: ProblemItem[] = [];
for (let i = 0; i < consolidated.length; i += 2) {
  const first = consolidated[i]!;
  problems.push(problemItem({ id: stamp.newId(), meetingId: meeting.id, targetId: first.targetId, description: first.text, consolidatedIds: consolidated.slice(i, i + 2).map((x) => x.id), order: i }));
}
const registered = registerProblems(problems, { unit, meeting, members: c.members, entries: [] }, stamp);
const entries = registered.ok ? registered.value : [];
const docs = prepareMeetingDocs({ unit, meeting, members: c.members, opinions: c.opinions });
const input = { docs, consolidated, problems, entries, progress: [], today: '2026-03-08' };
console.log(`\ncounty-average meeting: ${c.opinions.length} opinions → ${consolidated.length} consolidated, ${problems.length} problems, ${entries.length} ledger entries`);
await median('prepare (counts, coverage, 五个明确, repeats, ledger)', () => prepareProblemDocs(input));
const pd = prepareProblemDocs(input);
await median('all problem lists in one .docx (working version)', () => combinedProblemListsDocx(pd, { mode: 'official', publicVersion: false }));
await median('整改落实情况报告 .docx', () => rectificationReportDocx(pd, { mode: 'official' }));
await median('problem workbook .xlsx (3 sheets)', () => problemWorkbookXlsx(pd, { date: '2026-03-08' }));
await median('整改台账 .xlsx (4 sheets)', () => rectificationWorkbookXlsx(pd));

// 问题反复出现 across a county: 3,000 items this year against 3,000 last year, a third near-repeats.
const r = rng(7);
const county = countyContent({ units: 300, perCell: 1 });
const lastYear = county.opinions.slice(0, 3000).map((o, i) => problemItem({ id: fakeUuid(2_000_000 + i), meetingId: o.meetingId, targetId: o.targetId, description: o.content }));
const thisYear = lastYear.map((p, i) => ({ ...p, id: fakeUuid(3_000_000 + i), description: i % 3 === 0 ? nearCopy(p.description, r) : county.opinions[3000 + i]!.content }));
console.log('');
await median('repeatedProblems: 3,000 items against 3,000 of last year', () => [...repeatedProblems(thisYear, lastYear).values()]);
