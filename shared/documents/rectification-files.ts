// The rectification files of a meeting, named like its other files: the Word 整改清单 (公示版) and
// 整改落实情况报告 (with 上年度整改落实情况 when last year's meeting is given), and the Excel 整改台账.
// The app's export buttons and the command line's `ledger --xlsx` write the same files.
import { safeFileName } from './file-names';
import type { OutputFile } from './meeting-files';
import { prefix, rectificationListFileName, rectificationReportFileName } from './problem-files';
import type { ProblemDocs } from './problem-docs';
import type { FontMode } from './word/layout';
import { rectificationListDocx, rectificationReportDocx } from './word/rectification-docx';

/** `2025年度-某某局-整改台账.xlsx` */
export const rectificationWorkbookFileName = (pd: ProblemDocs) => `${safeFileName(`${prefix(pd)}-整改台账`)}.xlsx`;

/** 整改清单（公示版）.docx */
export async function rectificationListFile(pd: ProblemDocs, options: { mode: FontMode }): Promise<OutputFile> {
  return { name: rectificationListFileName(pd), data: await rectificationListDocx(pd, options) };
}

/** 整改落实情况报告.docx; `previous` adds 上年度整改落实情况. */
export async function rectificationReportFile(pd: ProblemDocs, options: { mode: FontMode; previous?: ProblemDocs }): Promise<OutputFile> {
  return { name: rectificationReportFileName(pd), data: await rectificationReportDocx(pd, options) };
}
