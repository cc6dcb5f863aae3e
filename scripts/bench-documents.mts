/* eslint-disable no-console -- a benchmark prints its figures (the lint config covers scripts/*.ts and *.mjs, not *.mts) */
// Times the document exports for a county-average meeting (12 members, ~330 opinions) and a very
// large one, in Node. Run: npx tsx scripts/bench-documents.mts. Prints medians of 5 runs.
import { prepareMeetingDocs, type MeetingDocInput } from '#shared/documents/meeting-docs';
import { ledgerFile } from '#shared/documents/excel/ledger-file';
import { combinedListFile, listFiles, reportFile } from '#shared/documents/meeting-files';
import { sampleContent } from '../test/support/sample-content';

function input(members: number, perCell: number): MeetingDocInput {
  const c = sampleContent({ units: 1, membersPerMeeting: members, perCell, providers: ['某某乡党委', '群众代表', ''] });
  return { unit: c.units[0]!, meeting: c.meetings[0]!, members: c.members, opinions: c.opinions };
}

async function median(label: string, work: () => Promise<unknown>, runs = 5): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} ${times[Math.floor(runs / 2)]!.toFixed(0).padStart(6)} ms`);
}

const date = '2025-11-21';
for (const [name, members, perCell] of [
  ['county-average meeting: 12 members', 12, 5],
  ['large meeting: 30 members', 30, 12],
] as const) {
  const data = input(members, perCell);
  console.log(`\n${name}, ${data.opinions.length} opinions`);
  await median('prepare (readiness, flags, channels)', async () => prepareMeetingDocs(data));
  const docs = prepareMeetingDocs(data);
  await median(`every list, ${docs.targets.length} .docx files`, () => listFiles(docs, { internal: false, mode: 'official', date }));
  await median('all lists in one .docx', () => combinedListFile(docs, { internal: false, mode: 'official', date }));
  await median('readiness report .docx', () => reportFile(docs, { mode: 'official', date }));
  await median('ledger .xlsx (3 sheets)', () => ledgerFile(docs, { date }));
}

// The ledger's non-streaming writer holds the whole workbook: memory for a very large meeting.
const huge = prepareMeetingDocs(input(40, 50));
const before = process.resourceUsage().maxRSS;
const t0 = performance.now();
const file = await ledgerFile(huge, { date });
console.log(
  `\nledger of ${huge.opinions.length} opinions: ${(performance.now() - t0).toFixed(0)} ms, ${(file.data.byteLength / 1024).toFixed(0)} KB, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (was ${(before / 1024).toFixed(0)} MB)`,
);
