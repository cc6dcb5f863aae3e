// 督导总览 workbook: one row per unit's meeting with its status, counts and warnings (the same
// rows as the overview page and the command line), and 警示明细 with every warning, both texts
// side by side (an identical text once). Frozen header, filters, widths, landscape A4 with the
// title rows on every page, legible on paper: both sheets print at 11 pt on A4 landscape (Excel, WPS).
import ExcelJS, { type Workbook, type Worksheet } from 'exceljs';
import { VERDICT_LABELS } from '../../supervision/audit';
import { STATUS_LABELS, overviewTotals, statusText, type OverviewRow } from '../../supervision/overview';
import { coverageCell, preparationCell, rectificationCells, warningsCell } from '../../supervision/overview-cells';
import type { OverviewStatus } from '../../supervision/summary';
import { chineseTime, type WarningRow } from '../audit-docs';
import { tidyChinese } from '../office-text';
import { DOCUMENT_CREATOR } from '../word/layout';
import { HEADER_FILL, SHORT_FILL, THIN_BORDER, wrappedRowHeight, writeRow, type CellLook } from './cells';

export const OVERVIEW_SHEET = '督导总览';
export const WARNINGS_SHEET = '警示明细';

interface Column {
  header: string;
  width: number;
  wrap?: boolean;
  center?: boolean;
}

// The columns of the overview page with every group shown (征求意见, 意见回应, 整改, 会前准备, 审核),
// each cell by the shared overview cells (overview-cells.ts). Sized to print on A4 landscape at full
// size (11 pt) in Excel and WPS, and at no less than 9 pt where LibreOffice measures with a wider
// stand-in font (see printScale): few columns, narrow, wrapped. The warnings share one cell as on the
// page (every warning's texts are on the second sheet); 待补 is in the 状态 text (未就绪（待补1项）).
const OVERVIEW_COLUMNS: Column[] = [
  { header: '序号', width: 4, center: true },
  { header: '单位（班子）', width: 13, wrap: true },
  { header: '督导组', width: 8, wrap: true, center: true },
  { header: '年度', width: 5, center: true },
  { header: '状态', width: 12, wrap: true },
  { header: '零意见对象', width: 8, wrap: true },
  { header: '计入/\n收集', width: 8, center: true },
  { header: '意见\n回应', width: 9, wrap: true, center: true },
  { header: '警示', width: 10, wrap: true },
  { header: '整改\n挂号', width: 5, center: true },
  { header: '已销号', width: 6, center: true },
  { header: '已结转', width: 6, center: true },
  { header: '逾期', width: 5, center: true },
  { header: '销号率', width: 6, center: true },
  { header: '会前准备', width: 9, wrap: true },
  { header: '最近审核', width: 10, wrap: true },
];

const WARNING_COLUMNS: Column[] = [
  { header: '序号', width: 4, center: true },
  { header: '单位（班子）', width: 12, wrap: true },
  { header: '类别', width: 8, wrap: true, center: true },
  { header: '意见对象', width: 10, wrap: true },
  { header: '意见\n来源', width: 6, wrap: true, center: true },
  { header: '意见内容', width: 30, wrap: true },
  { header: '相似意见出处', width: 14, wrap: true },
  { header: '相似意见内容', width: 30, wrap: true },
  { header: '相似度', width: 6, center: true },
];

/** Page margins in inches: narrow left and right, so that the columns print at full size. */
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** A4 landscape is 11.69 inches wide. */
const PAGE_WIDTH_IN = 297 / 25.4;
/** The body font's size in points. */
export const OVERVIEW_FONT_PT = 11;

/**
 * The scale fit-to-width prints a sheet's columns at on A4 landscape: 1 when they fit the page,
 * else the page's width over theirs. A column of width w is about w × (the default font's digit
 * width) + 5 pixels at 96 dpi: 7 px with Calibri (Excel, WPS), about 9.4 px where Calibri is
 * missing and LibreOffice measures with DejaVu Sans (measured here).
 */
export function printScale(widths: readonly number[], digitPx = 7, margins: { left: number; right: number } = MARGINS): number {
  const columns = widths.reduce((sum, w) => sum + ((digitPx * w + 5) * 3) / 4, 0);
  const page = (PAGE_WIDTH_IN - margins.left - margins.right) * 72;
  return Math.min(1, page / columns);
}

/** 会前准备 on two lines (`未完成 2 项` / `谈话 3/5 · 材料 1/6`), or a dash. */
function preparationLines(r: OverviewRow): string {
  const c = preparationCell(r);
  return c ? `${c.state}\n${c.detail}` : '—';
}
/** `2/3` over `（67%）`: the narrow column wraps there rather than inside the brackets. */
function coverageLines(r: Pick<OverviewRow, 'coverage'>): string {
  return coverageCell(r).replace('（', '\n（');
}
/** The 逾期 column (0-based), filled red when any item is overdue. */
const OVERDUE_COLUMN = OVERVIEW_COLUMNS.findIndex((c) => c.header === '逾期');
const OVERDUE_FILL = SHORT_FILL;

/** `退回整改` / auditor / time on three lines, or `未审核`. */
function auditCell(r: OverviewRow): string {
  return r.lastAudit ? [VERDICT_LABELS[r.lastAudit.verdict], r.lastAudit.auditor, chineseTime(r.lastAudit.at)].filter(Boolean).join('\n') : '未审核';
}

/** Light fills for the status cell (Excel may use colour; the Word documents stay black and white). */
const STATUS_FILL: Record<OverviewStatus, string> = {
  zero: 'FFF4B6BB',
  'not-ready': 'FFFCE4C4',
  ready: 'FFDCE8FA',
  returned: 'FFE9DDF7',
  passed: 'FFD9F0D3',
};
const STALE_FILL = 'FFFFF2B3';

const BODY: CellLook = { font: { name: '宋体', size: OVERVIEW_FONT_PT }, border: THIN_BORDER };
const HEAD: CellLook = { font: { name: '黑体', size: OVERVIEW_FONT_PT }, fill: HEADER_FILL, border: THIN_BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };

function sheetOf(workbook: Workbook, name: string, title: string, columns: Column[]): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2, activeCell: 'A3' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2', horizontalCentered: true, margins: MARGINS },
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
  // Narrow columns wrap their headers (待补项数) onto two lines.
  sheet.getRow(2).height = 32;
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

function addOverviewSheet(workbook: Workbook, rows: readonly OverviewRow[], date: string, notes: readonly string[]): void {
  const sheet = sheetOf(workbook, OVERVIEW_SHEET, `民主生活会会前征求意见督导总览（${date}）`, OVERVIEW_COLUMNS);
  rows.forEach((r, i) => {
    const values = [
      i + 1,
      r.unitName,
      r.supervisoryGroup,
      r.year,
      tidyChinese(statusText(r)),
      r.zeroTargets.join('、'),
      `${r.counted}/${r.raw}`,
      coverageLines(r),
      warningsCell(r),
      ...rectificationCells(r.rectification),
      preparationLines(r),
      auditCell(r),
    ];
    const cells = body(sheet, i + 3, values, OVERVIEW_COLUMNS);
    cells[4]!.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: r.stale ? STALE_FILL : STATUS_FILL[r.status] } };
    if (r.rectification.overdue > 0) cells[OVERDUE_COLUMN]!.fill = OVERDUE_FILL;
  });
  const t = overviewTotals(rows);
  const totalRow = rows.length + 3;
  const byStatus = (Object.keys(STATUS_LABELS) as OverviewStatus[]).map((s) => `${STATUS_LABELS[s]}${t.byStatus[s]}`).join('，');
  body(
    sheet,
    totalRow,
    ['', `合计：${t.units}个单位，${t.meetings}次会议`, '', '', `${byStatus}；待补${t.shortfalls}项`, '', `${t.counted}/${t.raw}`, coverageLines(t), warningsCell(t), ...rectificationCells(t.rectification), '', ''],
    OVERVIEW_COLUMNS,
  ).forEach((cell) => (cell.font = { name: '宋体', size: 11, bold: true }));
  addNotes(sheet, totalRow + 2, notes);
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, rows.length + 2), column: OVERVIEW_COLUMNS.length } };
}

/**
 * 说明 under the table, a blank row below 合计: one note a row across the whole width (what the
 * command line also prints — a package counted once, one replaced, units without the year's meeting,
 * pairs of units sharing opinions). Nothing when there are no notes.
 */
function addNotes(sheet: Worksheet, first: number, notes: readonly string[]): void {
  if (notes.length === 0) return;
  const width = OVERVIEW_COLUMNS.reduce((sum, c) => sum + c.width, 0);
  ['说明', ...notes.map((n, i) => `${i + 1}. ${n}`)].forEach((text, i) => {
    const row = first + i;
    sheet.mergeCells(row, 1, row, OVERVIEW_COLUMNS.length);
    writeRow(sheet, row, [text], { font: { name: i === 0 ? '黑体' : '宋体', size: OVERVIEW_FONT_PT }, alignment: { vertical: 'top', wrapText: true } });
    sheet.getRow(row).height = wrappedRowHeight([{ text, width }]);
  });
}

/** Where the similar opinion stands: `某某局·张三（局长）·基层群众`. */
function otherPlace(w: WarningRow): string {
  return [w.otherUnit, w.otherTarget, w.otherCategory].filter(Boolean).join('·');
}

/** The similar opinion's text, or `（内容同左）` when it is the same text (printed once). */
function otherText(w: WarningRow): string {
  return w.otherContent !== '' && w.otherContent.trim() === w.content.trim() ? '（内容同左）' : w.otherContent;
}

function addWarningsSheet(workbook: Workbook, warnings: readonly WarningRow[]): void {
  const sheet = sheetOf(workbook, WARNINGS_SHEET, '雷同、抄袭和敷衍应付意见明细', WARNING_COLUMNS);
  warnings.forEach((w, i) =>
    body(sheet, i + 3, [i + 1, w.unit, w.kind, w.target, w.category, w.content, otherPlace(w), otherText(w), w.similarity], WARNING_COLUMNS),
  );
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, warnings.length + 2), column: WARNING_COLUMNS.length } };
}

export interface OverviewWorkbookOptions {
  /** `YYYY-MM-DD`: the title date and creation stamp. */
  date: string;
  /** Notes shown under the table headed 说明 (none: no 说明). */
  notes?: readonly string[];
}

/** The overview workbook as .xlsx bytes. */
export async function overviewXlsx(rows: readonly OverviewRow[], warnings: readonly WarningRow[], options: OverviewWorkbookOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = DOCUMENT_CREATOR;
  workbook.lastModifiedBy = DOCUMENT_CREATOR;
  workbook.title = '民主生活会会前征求意见督导总览';
  workbook.company = '';
  const stamp = new Date(`${options.date}T00:00:00Z`);
  workbook.created = Number.isNaN(stamp.getTime()) ? new Date(0) : stamp;
  workbook.modified = workbook.created;
  addOverviewSheet(workbook, rows, options.date, options.notes ?? []);
  addWarningsSheet(workbook, warnings);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
