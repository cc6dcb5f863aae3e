import { rectificationWorkbookFileName } from '../rectification-files';
import type { OutputFile } from '../meeting-files';
import type { ProblemDocs } from '../problem-docs';
import { rectificationWorkbookXlsx } from './rectification-workbook';

/** The 整改台账 workbook, named. The renderer imports this module lazily (ExcelJS is slow to load). */
export async function rectificationWorkbookFile(pd: ProblemDocs): Promise<OutputFile> {
  return { name: rectificationWorkbookFileName(pd), data: await rectificationWorkbookXlsx(pd) };
}
