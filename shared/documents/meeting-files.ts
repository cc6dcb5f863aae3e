// Every Word file a meeting exports, named: the lists (one per target), all lists in one document,
// the readiness report. The app and the command line both produce their files here, so they are
// the same files. The ledger workbook is in excel/ledger-file.ts, which the renderer loads lazily.
import { combinedListFileName, listFileName, reportFileName } from './file-names';
import type { MeetingDocs } from './meeting-docs';
import type { ProblemDocs } from './problem-docs';
import type { FontMode } from './word/layout';
import { combinedListsDocx, opinionListDocx } from './word/opinion-list-docx';
import { readinessReportDocx } from './word/readiness-report-docx';
import type { PreviousYear } from './word/previous-year-blocks';

export interface OutputFile {
  name: string;
  data: Uint8Array;
}

export interface WordFilesOptions {
  /** Lists with providers, marked 内部资料. The report never names providers. */
  internal: boolean;
  mode: FontMode;
  /** `YYYY-MM-DD` */
  date: string;
  /** The meeting's 梳理 and problem lists, for the report's real 梳理 counts and coverage. */
  problems?: ProblemDocs;
  /** Last year's meeting of the unit with its ledger: the report gains 上年度整改落实情况. */
  previousYear?: PreviousYear;
  /** Called after each file, for a progress bar: (done, total); awaited, so a UI can paint in between. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/** One list per target, the group first and then members in rank order. */
export async function listFiles(docs: MeetingDocs, options: WordFilesOptions): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const target of docs.targets) {
    files.push({ name: listFileName(docs, target, options.internal), data: await opinionListDocx(docs, target.id, options) });
    await options.onProgress?.(files.length, docs.targets.length);
  }
  return files;
}

/** All lists in one document. */
export async function combinedListFile(docs: MeetingDocs, options: WordFilesOptions): Promise<OutputFile> {
  return { name: combinedListFileName(docs, options.internal), data: await combinedListsDocx(docs, options) };
}

/** The readiness report (征求意见情况报告). */
export async function reportFile(docs: MeetingDocs, options: Pick<WordFilesOptions, 'mode' | 'date' | 'problems' | 'previousYear'>): Promise<OutputFile> {
  return { name: reportFileName(docs), data: await readinessReportDocx(docs, options) };
}

/** Every Word file of the meeting: each list, all lists in one, the report. */
export async function wordFiles(docs: MeetingDocs, options: WordFilesOptions): Promise<OutputFile[]> {
  const total = docs.targets.length + 2;
  const lists = await listFiles(docs, { ...options, onProgress: (done) => options.onProgress?.(done, total) });
  const combined = await combinedListFile(docs, options);
  await options.onProgress?.(total - 1, total);
  const report = await reportFile(docs, options);
  await options.onProgress?.(total, total);
  return [...lists, combined, report];
}

