import type { OverviewRow } from '../../supervision/overview';
import { overviewFileName, type WarningRow } from '../audit-docs';
import type { OutputFile } from '../meeting-files';
import { overviewXlsx, type OverviewWorkbookOptions } from './overview-workbook';

/** The overview workbook, named. The renderer imports this module lazily (ExcelJS takes ~130 ms to load). */
export async function overviewFile(rows: readonly OverviewRow[], warnings: readonly WarningRow[], options: OverviewWorkbookOptions): Promise<OutputFile> {
  return { name: overviewFileName(options.date), data: await overviewXlsx(rows, warnings, options) };
}
