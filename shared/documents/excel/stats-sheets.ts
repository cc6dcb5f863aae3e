// The 统计 sheet (the readiness matrix with the minimum, shortfall cells and zero-opinion rows
// highlighted, totals, the opinions per channel) and the 缺项清单 sheet (one row per shortfall).
// Every number comes from the shared readiness check.
import type { Workbook, Worksheet } from 'exceljs';
import { ROSTER_EMPTY_MESSAGE } from '../../checks/readiness';
import { meetingHeading, type MeetingDocs } from '../meeting-docs';
import { HEADER_FILL, SHORT_FILL, SHORT_FONT_COLOR, THIN_BORDER, wrappedRowHeight, writeRow, ZERO_FILL, type CellLook } from './cells';

export const STATS_SHEET = '统计';
export const SHORTFALL_SHEET = '缺项清单';

const BODY: CellLook = { font: { name: '宋体', size: 11 }, border: THIN_BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
const HEAD: CellLook = { font: { name: '黑体', size: 11 }, fill: HEADER_FILL, border: THIN_BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };

function printable(workbook: Workbook, name: string, columns: number[]): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2, activeCell: 'A3' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2', horizontalCentered: true },
    headerFooter: { oddFooter: '&C&"宋体,常规"&10第 &P 页 共 &N 页', differentOddEven: false, differentFirst: false },
  });
  sheet.columns = columns.map((width) => ({ width }));
  return sheet;
}

function title(sheet: Worksheet, text: string, columns: number): void {
  sheet.mergeCells(1, 1, 1, columns);
  writeRow(sheet, 1, [text], { font: { name: '宋体', size: 14, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } });
  sheet.getRow(1).height = 28;
}

/** Adds the 统计 sheet. */
export function addStatsSheet(workbook: Workbook, docs: MeetingDocs): void {
  const { unit, meeting } = docs.input;
  const r = docs.readiness;
  const categories = meeting.ruleSet.categories;
  const columns = 2 + categories.length + 3;
  const sheet = printable(workbook, STATS_SHEET, [6, 24, ...categories.map(() => 11), 10, 10, 10]);
  title(sheet, `${unit.name}${meetingHeading(meeting)}征求意见统计（每类至少 ${meeting.ruleSet.minPerCategory} 条）`, columns);
  writeRow(sheet, 2, ['序号', '意见对象', ...categories, '计入合计', '收集合计', '零意见'], HEAD);
  writeRow(sheet, 3, ['', '每类最低要求', ...categories.map(() => meeting.ruleSet.minPerCategory), '', '', ''], { ...BODY, font: { name: '宋体', size: 11, italic: true } });

  let row = 4;
  r.targets.forEach((t, i) => {
    const cells = writeRow(sheet, row, [i + 1, t.label, ...t.cells.map((c) => c.count), t.required, cellsRaw(t), t.zero ? '是' : ''], BODY);
    sheet.getRow(row).height = wrappedRowHeight([{ text: t.label, width: 24 }], 16);
    cells[1]!.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    if (t.zero) for (const cell of cells) cell.fill = { ...ZERO_FILL };
    t.cells.forEach((c, ci) => {
      if (c.status !== 'short') return;
      const cell = cells[2 + ci]!;
      cell.fill = { ...(t.zero ? ZERO_FILL : SHORT_FILL) };
      cell.font = { name: '宋体', size: 11, bold: true, color: SHORT_FONT_COLOR };
      cell.note = `缺 ${c.min - c.count} 条`;
    });
    row++;
  });
  const sum = (pick: (t: (typeof r.targets)[number]) => number) => r.targets.reduce((s, t) => s + pick(t), 0);
  writeRow(sheet, row, ['', '合计', ...categories.map((_, ci) => sum((t) => t.cells[ci]!.count)), sum((t) => t.required), sum(cellsRaw), r.zeroTargets.length || ''], {
    ...BODY,
    font: { name: '宋体', size: 11, bold: true },
  });
  row += 1;
  // 计入, as the report says it: 梳理为 is the 梳理 tab's figure (merged opinions), which this workbook does not hold.
  const left = docs.input.meeting.ruleSet.excludeNonSubstantive
    ? `（无实质内容 ${r.totals.nonSubstantive} 条、重复 ${r.totals.duplicates} 条未计入）`
    : `（重复 ${r.totals.duplicates} 条未计入；无实质内容 ${r.totals.nonSubstantive} 条按本次规则计入）`;
  writeRow(sheet, ++row, [`收集 ${r.totals.raw} 条，计入 ${r.totals.counted} 条${left}`], {}, 2);
  writeRow(sheet, ++row, [r.ready ? '结论：可以召开' : `结论：不得召开（待补 ${r.messages.length} 项，见“缺项清单”）`], { font: { name: '宋体', size: 11, bold: true } }, 2);

  row += 2;
  writeRow(sheet, row, ['征求方式', '收集', '计入'], HEAD, 2);
  for (const c of docs.channels) writeRow(sheet, ++row, [c.channel, c.collected, c.counted], BODY, 2);
  const collected = docs.channels.reduce((s, c) => s + c.collected, 0);
  const counted = docs.channels.reduce((s, c) => s + c.counted, 0);
  writeRow(sheet, ++row, ['合计', collected, counted], { ...BODY, font: { name: '宋体', size: 11, bold: true } }, 2);
}

/** One row per thing that stops the meeting: roster, zero-opinion targets, shortfalls, provider minimums. */
export function shortfallRows(docs: MeetingDocs): Array<[target: string, category: string, have: number | string, need: number | string, message: string]> {
  const r = docs.readiness;
  const label = new Map(r.targets.map((t) => [t.targetId, t.label]));
  return [
    ...(r.rosterEmpty ? [['—', '—', '', '', ROSTER_EMPTY_MESSAGE] as [string, string, string, string, string]] : []),
    ...r.zeroTargets.map((z) => [label.get(z.targetId) ?? '', '全部来源', 0, '', z.message] as [string, string, number, string, string]),
    ...r.shortfalls.map((s) => [label.get(s.targetId) ?? '', s.category, s.have, s.need, s.message] as [string, string, number, number, string]),
    ...r.providerShortfalls.map((p) => [label.get(p.targetId) ?? '', '每个提出方', '', p.need, p.message] as [string, string, string, number, string]),
  ];
}

/** Adds the 缺项清单 sheet. */
export function addShortfallSheet(workbook: Workbook, docs: MeetingDocs): void {
  const { unit, meeting } = docs.input;
  const sheet = printable(workbook, SHORTFALL_SHEET, [6, 24, 12, 10, 10, 10, 50]);
  title(sheet, `${unit.name}${meetingHeading(meeting)}征求意见缺项清单`, 7);
  writeRow(sheet, 2, ['序号', '意见对象', '意见来源', '现有（条）', '最少（条）', '差额（条）', '说明'], HEAD);
  const rows = shortfallRows(docs);
  if (rows.length === 0) {
    sheet.mergeCells(3, 1, 3, 7);
    writeRow(sheet, 3, ['无缺项：各对象各类来源意见均达到最低条数，没有零意见对象，可以召开。'], BODY);
    return;
  }
  rows.forEach(([target, category, have, need, message], i) => {
    const gap = typeof have === 'number' && typeof need === 'number' ? need - have : '';
    const cells = writeRow(sheet, i + 3, [i + 1, target, category, have, need, gap, message], BODY);
    cells[1]!.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    cells[6]!.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    sheet.getRow(i + 3).height = wrappedRowHeight([
      { text: target, width: 24 },
      { text: message, width: 50 },
    ]);
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: rows.length + 2, column: 7 } };
}

/** 收集 of the columns shown (合计 equals the columns; categories no longer required are not in them). */
function cellsRaw(t: { cells: ReadonlyArray<{ raw: number }> }): number {
  return t.cells.reduce((sum, c) => sum + c.raw, 0);
}
