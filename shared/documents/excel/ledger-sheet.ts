// 意见建议汇总台账: every live opinion of a meeting with its provider — an internal document, marked
// so in the page header. Frozen header, filters, column widths, wrapped text, landscape A4 with
// the title rows repeated on every printed page.
import { addLandscapeSheet } from './table-sheet';
import type { Workbook } from 'exceljs';
import { flagLabels } from '../../checks/opinion-flags';
import { GROUP_LABEL, GROUP_TARGET, type Opinion } from '../../model/types';
import { isListed, meetingHeading, memberIndex, type MeetingDocs } from '../meeting-docs';
import { HEADER_FILL, THIN_BORDER, wrappedRowHeight, writeRow } from './cells';

const COLUMNS: Array<{ header: string; width: number; wrap?: boolean; center?: boolean }> = [
  { header: '序号', width: 6, center: true },
  { header: '意见对象', width: 14, wrap: true },
  { header: '职务', width: 12, wrap: true },
  { header: '意见来源', width: 10 },
  { header: '征求方式', width: 12, wrap: true },
  { header: '提出方', width: 16, wrap: true },
  { header: '意见建议内容', width: 56, wrap: true },
  { header: '对照检查方面', width: 24, wrap: true },
  { header: '收到日期', width: 11, center: true },
  { header: '是否计入', width: 9, center: true },
  { header: '提示', width: 14, wrap: true },
];

export const LEDGER_SHEET = '意见建议汇总台账';
/** Header of every printed page: 内部资料 on the left. `&"黑体,常规"` picks the font. */
export const LEDGER_PAGE_HEADER = '&L&"黑体,常规"&12内部资料&C&"宋体,加粗"&12意见建议汇总台账&R&"宋体,常规"&10第 &P 页 共 &N 页';
export const LEDGER_PAGE_FOOTER = '&C&"宋体,常规"&10内部资料 注意保管';

/** The ledger's rows in list order: the group, members in rank order, then opinions of deleted members; by source, then entry. */
export function ledgerOpinions(docs: MeetingDocs): Opinion[] {
  const targetOrder = new Map(docs.targets.map((t, i) => [t.id, i]));
  const categoryOrder = new Map(docs.input.meeting.ruleSet.categories.map((c, i) => [c, i]));
  const rank = (o: Opinion) => targetOrder.get(o.targetId) ?? docs.targets.length;
  const cat = (o: Opinion) => categoryOrder.get(o.category) ?? categoryOrder.size;
  // Stable sort keeps the entry order (the docs' opinions are oldest first) within each group.
  return [...docs.opinions, ...docs.orphans].sort((a, b) => rank(a) - rank(b) || cat(a) - cat(b) || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}

/** Adds the ledger sheet to a workbook. */
export function addLedgerSheet(workbook: Workbook, docs: MeetingDocs): void {
  const { unit, meeting } = docs.input;
  const sheet = addLandscapeSheet(workbook, LEDGER_SHEET, { oddHeader: LEDGER_PAGE_HEADER, oddFooter: LEDGER_PAGE_FOOTER });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));

  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  writeRow(sheet, 1, [`${unit.name}${meetingHeading(meeting)}意见建议汇总台账（内部资料）`], {
    font: { name: '宋体', size: 14, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  sheet.getRow(1).height = 28;
  writeRow(
    sheet,
    2,
    COLUMNS.map((c) => c.header),
    { font: { name: '黑体', size: 11 }, fill: HEADER_FILL, border: THIN_BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  );
  sheet.getRow(2).height = 22;

  const members = memberIndex(docs.input);
  const labelOf = (o: Opinion): [string, string] => {
    if (o.targetId === GROUP_TARGET) return [GROUP_LABEL, ''];
    const m = members.get(o.targetId);
    if (!m) return ['（未知对象）', ''];
    return [m.deletedAt ? `${m.name}（已删除）` : m.name, m.position];
  };
  ledgerOpinions(docs).forEach((o, i) => {
    const flags = docs.flags.get(o.id);
    const [name, position] = labelOf(o);
    const counted = isListed(flags);
    const notes = flags ? flagLabels(flags) : ['成员已删除'];
    const values = [i + 1, name, position, o.category, o.channel, o.provider, o.content, o.dimension, o.receivedDate, counted ? '计入' : '不计入', notes.join('、')];
    const cells = writeRow(sheet, i + 3, values, { font: { name: '宋体', size: 11 }, border: THIN_BORDER });
    cells.forEach((cell, c) => {
      cell.alignment = { vertical: 'top', wrapText: COLUMNS[c]!.wrap === true, horizontal: COLUMNS[c]!.center ? 'center' : 'left' };
    });
    sheet.getRow(i + 3).height = wrappedRowHeight(COLUMNS.flatMap((c, ci) => (c.wrap ? [{ text: String(values[ci]), width: c.width }] : [])));
  });
  const last = Math.max(2, sheet.rowCount);
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: last, column: COLUMNS.length } };
}

