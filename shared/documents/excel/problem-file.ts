import type { OutputFile } from '../meeting-files';
import type { ProblemDocs } from '../problem-docs';
import { problemWorkbookFileName } from '../problem-files';
import { problemWorkbookXlsx } from './problem-workbook';

/** The problem workbook (问题清单, 关联意见, 回应情况), named. The renderer imports this module lazily (ExcelJS). */
export async function problemWorkbookFile(pd: ProblemDocs, options: { date: string }): Promise<OutputFile> {
  return { name: problemWorkbookFileName(pd), data: await problemWorkbookXlsx(pd, options) };
}
