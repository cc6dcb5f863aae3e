// The spreadsheet importer as the fuzz test drives it, in its own process (isolated-reader.ts):
// read the bytes (readWorkbook, as the app's worker does), find the tables and plan the import
// against the fixtures' meeting, as the page does. Answers the refusal, or nothing when the file
// is read; an exception or a broken invariant of the plan is a crash.
import { DEFAULT_CHOICES, describeProblems, initialChoices, planImport } from '#shared/import/plan';
import { findTables } from '#shared/import/find-table';
import { MAX_COLUMNS, MAX_ROWS } from '#shared/import/limits';
import { readWorkbook } from '#shared/import/read-workbook';
import { fixtureMeeting } from '../support/import-fixtures';
import type { ChildAnswer } from './isolated-reader';

const meeting = fixtureMeeting();
const CHINESE = /[\u4e00-\u9fff]/;
const BROKEN_TEXT = /undefined|\[object /;

function readAndPlan(bytes: Uint8Array, fileName: string): string | undefined {
  const read = readWorkbook(bytes, fileName);
  if (!read.ok) return read.error;
  // What the app's worker posts back to the page must survive structured cloning.
  structuredClone(read.workbook);
  for (const sheet of read.workbook.sheets) {
    if (sheet.rows.length > MAX_ROWS) throw new Error(`sheet ${sheet.name}: ${sheet.rows.length} rows passed the limit`);
    for (const row of sheet.rows) if (row && row.length > MAX_COLUMNS) throw new Error(`sheet ${sheet.name}: a row of ${row.length} columns passed the limit`);
  }
  const layout = findTables(read.workbook, meeting.members, meeting.ruleSet);
  const plan = planImport(read.workbook, layout, { ...DEFAULT_CHOICES, ...initialChoices(layout, meeting.ruleSet) }, meeting);
  if (plan.total !== plan.toAdd.length + plan.skipped.length + plan.rejected.length) throw new Error(`plan: ${plan.total} rows, but ${plan.toAdd.length} + ${plan.skipped.length} + ${plan.rejected.length} accounted for`);
  for (const row of plan.rejected) {
    for (const line of describeProblems(plan.file, row)) if (!CHINESE.test(line) || BROKEN_TEXT.test(line)) throw new Error(`plan: a rejection reads “${line}”`);
  }
  for (const note of plan.notes) if (!CHINESE.test(note) || BROKEN_TEXT.test(note)) throw new Error(`plan: a note reads “${note}”`);
  return undefined;
}

process.on('message', (message: { id: number; bytes: Uint8Array; fileName?: string }) => {
  let answer: ChildAnswer;
  try {
    answer = { id: message.id, error: readAndPlan(new Uint8Array(message.bytes), message.fileName ?? '意见表.xlsx') };
  } catch (e) {
    answer = { id: message.id, crash: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) };
  }
  process.send!(answer);
});
process.send!({ ready: true });
