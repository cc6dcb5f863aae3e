// The meeting's workbook: 意见建议汇总台账 (internal: it names providers), 统计 and 缺项清单.
// Built with the non-streaming ExcelJS writer, which holds the whole workbook in memory (about
// 1.4 GB for 100,000 rows); a ledger is one meeting's opinions — hundreds of rows — so that is fine.
// The renderer loads it lazily (through ledger-file.ts): ExcelJS takes about 130 ms to load.
import ExcelJS from 'exceljs';
import { DOCUMENT_CREATOR } from '../word/layout';
import { meetingHeading, type MeetingDocs } from '../meeting-docs';
import { addLedgerSheet } from './ledger-sheet';
import { addShortfallSheet, addStatsSheet } from './stats-sheets';

export interface LedgerOptions {
  /** `YYYY-MM-DD`: stamped as the workbook's creation date. */
  date: string;
}

/** The ledger workbook of one meeting as .xlsx bytes. */
export async function ledgerXlsx(docs: MeetingDocs, options: LedgerOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = DOCUMENT_CREATOR;
  workbook.lastModifiedBy = DOCUMENT_CREATOR;
  workbook.title = `${docs.input.unit.name}${meetingHeading(docs.input.meeting)}意见建议汇总台账`;
  workbook.company = '';
  const stamp = new Date(`${options.date}T00:00:00Z`);
  workbook.created = Number.isNaN(stamp.getTime()) ? new Date(0) : stamp;
  workbook.modified = workbook.created;
  addLedgerSheet(workbook, docs);
  addStatsSheet(workbook, docs);
  addShortfallSheet(workbook, docs);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
