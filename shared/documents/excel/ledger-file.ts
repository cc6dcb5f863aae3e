import { ledgerFileName } from '../file-names';
import type { MeetingDocs } from '../meeting-docs';
import type { OutputFile } from '../meeting-files';
import { ledgerXlsx } from './ledger-workbook';

/** The ledger workbook, named (internal: it names providers). The renderer imports this module lazily. */
export async function ledgerFile(docs: MeetingDocs, options: { date: string }): Promise<OutputFile> {
  return { name: ledgerFileName(docs), data: await ledgerXlsx(docs, options) };
}
