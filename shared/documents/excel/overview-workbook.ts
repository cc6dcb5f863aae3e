// 督导总览 workbook: one row per unit's meeting with its status, counts and warnings (the same
// rows as the overview page and the command line), and 警示明细 with every warning, both texts
// side by side. Frozen header, filters, widths, landscape A4 with the title rows on every page.
import ExcelJS, { type Workbook, type Worksheet } from 'exceljs';
import { VERDICT_LABELS } from '../../supervision/audit';
import { STATUS_LABELS, overviewTotals, statusText, type OverviewRow } from '../../supervision/overview';
import type { OverviewStatus } from '../../supervision/summary';
import { chineseTime, type WarningRow } from '../audit-docs';
import { DOCUMENT_CREATOR } from '../word/layout';
import { HEADER_FILL, THIN_BORDER, wrappedRowHeight, writeRow, type CellLook } from './cells';

export const OVERVIEW_SHEET = '督导总览';
export const WARNINGS_SHEET = '警示明细';

interface Column {
  header: string;
  width: number;
  wrap?: boolean;
  center?: boolean;
}

const OVERVIEW_COLUMNS: Column[] = [
  { header: '序号', width: 6, center: true },
  { header: '单位（班子）', width: 24, wrap: true },
  { header: '督导组', width: 12, center: true },
  { header: '年度', width: 7, center: true },
  { header: '状态', width: 20, wrap: true },
  { header: '待补项数', width: 8, center: true },
  { header: '零意见对象', width: 22, wrap: true },
  { header: '班子成员', width: 8, center: true },
  { header: '收集意见', width: 9, center: true },
  { header: '计入意见', width: 9, center: true },
  { header: '疑似抄袭', width: 9, center: true },
  { header: '雷同', width: 7, center: true },
  { header: '近似重复', width: 9, center: true },
  { header: '仅表扬', width: 8, center: true },
  { header: '过短', width: 7, center: true },
  { header: '最近审核', width: 10, center: true },
  { header: '审核人', width: 14, wrap: true },
  { header: '审核时间', width: 21, center: true },
];

const WARNING_COLUMNS: Column[] = [
  { header: '序号', width: 6, center: true },
  { header: '单位（班子）', width: 20, wrap: true },
  { header: '类别', width: 10, center: true },
  { header: '意见对象', width: 16, wrap: true },
  { header: '意见来源', width: 10, center: true },
  { header: '意见内容', width: 44, wrap: true },
  { header: '相似意见所在单位', width: 18, wrap: true },
  { header: '相似意见对象', width: 16, wrap: true },
  { header: '相似意见内容', width: 44, wrap: true },
  { header: '相似度', width: 8, center: true },
];

/** Light fills for the status cell (Excel may use colour; the Word documents stay black and white). */
const STATUS_FILL: Record<OverviewStatus, string> = {
  zero: 'FFF4B6BB',
  'not-ready': 'FFFCE4C4',
  ready: 'FFDCE8FA',
  returned: 'FFE9DDF7',
  passed: 'FFD9F0D3',
};
const STALE_FILL = 'FFFFF2B3';

const BODY: CellLook = { font: { name: '宋体', size: 11 }, border: THIN_BORDER };
const HEAD: CellLook = { font: { name: '黑体', size: 11 }, fill: HEADER_FILL, border: THIN_BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };

function sheetOf(workbook: Workbook, name: string, title: string, columns: Column[]): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2, activeCell: 'A3' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2', horizontalCentered: true },
    headerFooter: { oddFooter: '&C&"宋体,常规"&10第 &P 页 共 &N 页', differentOddEven: false, differentFirst: false },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  writeRow(sheet, 1, [title], { font: { name: '宋体', size: 14, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } });
  sheet.getRow(1).height = 28;
  writeRow(
    sheet,
    2,
    columns.map((c) => c.header),
    HEAD,
  );
  sheet.getRow(2).height = 22;
  return sheet;
}

function body(sheet: Worksheet, row: number, values: Array<string | number>, columns: Column[]) {
  const cells = writeRow(sheet, row, values, BODY);
  cells.forEach((cell, c) => {
    cell.alignment = { vertical: 'top', wrapText: columns[c]!.wrap === true, horizontal: columns[c]!.center ? 'center' : 'left' };
  });
  sheet.getRow(row).height = wrappedRowHeight(columns.flatMap((c, ci) => (c.wrap ? [{ text: String(values[ci]), width: c.width }] : [])));
  return cells;
}

function addOverviewSheet(workbook: Workbook, rows: readonly OverviewRow[], date: string): void {
  const sheet = sheetOf(workbook, OVERVIEW_SHEET, `民主生活会会前征求意见督导总览（${date}）`, OVERVIEW_COLUMNS);
  rows.forEach((r, i) => {
    const values = [
      i + 1,
      r.unitName,
      r.supervisoryGroup,
      r.year,
      statusText(r),
      r.shortfallCount,
      r.zeroTargets.join('、'),
      r.memberCount,
      r.raw,
      r.counted,
      r.warnings['cross-unit'],
      r.warnings['cross-target'],
      r.warnings['same-target'],
      r.warnings['praise-only'],
      r.warnings['too-short'],
      r.lastAudit ? VERDICT_LABELS[r.lastAudit.verdict] : '未审核',
      r.lastAudit?.auditor ?? '',
      r.lastAudit ? chineseTime(r.lastAudit.at) : '',
    ];
    const cells = body(sheet, i + 3, values, OVERVIEW_COLUMNS);
    cells[4]!.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: r.stale ? STALE_FILL : STATUS_FILL[r.status] } };
  });
  const t = overviewTotals(rows);
  const totalRow = rows.length + 3;
  const byStatus = (Object.keys(STATUS_LABELS) as OverviewStatus[]).map((s) => `${STATUS_LABELS[s]}${t.byStatus[s]}`).join('，');
  body(
    sheet,
    totalRow,
    ['', `合计：${t.units}个单位，${t.meetings}次会议`, '', '', byStatus, t.shortfalls, '', '', t.raw, t.counted, t.warnings['cross-unit'], t.warnings['cross-target'], t.warnings['same-target'], t.warnings['praise-only'], t.warnings['too-short'], '', '', ''],
    OVERVIEW_COLUMNS,
  ).forEach((cell) => (cell.font = { name: '宋体', size: 11, bold: true }));
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, rows.length + 2), column: OVERVIEW_COLUMNS.length } };
}

function addWarningsSheet(workbook: Workbook, warnings: readonly WarningRow[]): void {
  const sheet = sheetOf(workbook, WARNINGS_SHEET, '雷同、抄袭和敷衍应付意见明细', WARNING_COLUMNS);
  warnings.forEach((w, i) =>
    body(sheet, i + 3, [i + 1, w.unit, w.kind, w.target, w.category, w.content, w.otherUnit, w.otherTarget, w.otherContent, w.similarity], WARNING_COLUMNS),
  );
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, warnings.length + 2), column: WARNING_COLUMNS.length } };
}

/** The overview workbook as .xlsx bytes. `date` (`YYYY-MM-DD`) is its title date and creation stamp. */
export async function overviewXlsx(rows: readonly OverviewRow[], warnings: readonly WarningRow[], options: { date: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = DOCUMENT_CREATOR;
  workbook.lastModifiedBy = DOCUMENT_CREATOR;
  workbook.title = '民主生活会会前征求意见督导总览';
  workbook.company = '';
  const stamp = new Date(`${options.date}T00:00:00Z`);
  workbook.created = Number.isNaN(stamp.getTime()) ? new Date(0) : stamp;
  workbook.modified = workbook.created;
  addOverviewSheet(workbook, rows, options.date);
  addWarningsSheet(workbook, warnings);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
