// One printable table per sheet, as the problem and rectification workbooks use them: a title row,
// a header row, frozen below the header, filters, column widths, wrapped text with row heights set,
// landscape A4 fitted to the width with the title rows printed on every page, page numbers in the
// footer. Every text cell goes through setText (text, never a formula).
import type { Workbook, Worksheet } from 'exceljs';
import { HEADER_FILL, THIN_BORDER, wrappedRowHeight, writeRow, type CellLook } from './cells';

interface SheetColumn {
  header: string;
  width: number;
  wrap?: boolean;
  center?: boolean;
}

interface TableSheetSpec {
  name: string;
  title: string;
  columns: SheetColumn[];
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** A look laid over a row's cells (fill, font colour), e.g. overdue rows. */
  rowLook?: (index: number) => CellLook | undefined;
  /** Words in the page header's left (内部资料). */
  mark?: string;
}

const BODY_FONT = { name: '宋体', size: 11 } as const;

/**
 * A worksheet that prints as the office's lists do: A4 landscape, fit to the page's width, the
 * title and header rows (1–2) frozen and repeated on every page, centred, with the given header
 * and footer.
 */
export function addLandscapeSheet(workbook: Workbook, name: string, headerFooter: { oddHeader?: string | undefined; oddFooter: string }): Worksheet {
  return workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2, activeCell: 'A3' }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    headerFooter: { ...headerFooter, differentOddEven: false, differentFirst: false },
  });
}

/** Adds the sheet and returns it. */
export function addTableSheet(workbook: Workbook, spec: TableSheetSpec): Worksheet {
  const n = spec.columns.length;
  const sheet = addLandscapeSheet(workbook, spec.name, {
    oddHeader: spec.mark ? `&L&"黑体,常规"&12${spec.mark}` : undefined,
    oddFooter: '&C&"宋体,常规"&10第 &P 页 共 &N 页',
  });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, n);
  writeRow(sheet, 1, [spec.title], { font: { name: '宋体', size: 14, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } });
  sheet.getRow(1).height = 28;
  writeRow(
    sheet,
    2,
    spec.columns.map((c) => c.header),
    { font: { name: '黑体', size: 11 }, fill: HEADER_FILL, border: THIN_BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  );
  sheet.getRow(2).height = wrappedRowHeight(spec.columns.map((c) => ({ text: c.header, width: c.width })));
  spec.rows.forEach((values, i) => {
    const look = spec.rowLook?.(i);
    const cells = writeRow(sheet, i + 3, values, { font: BODY_FONT, border: THIN_BORDER, ...look });
    cells.forEach((cell, c) => {
      const col = spec.columns[c]!;
      cell.alignment = { vertical: 'top', wrapText: col.wrap === true, horizontal: col.center ? 'center' : 'left' };
    });
    sheet.getRow(i + 3).height = wrappedRowHeight(spec.columns.flatMap((c, ci) => (c.wrap ? [{ text: String(values[ci] ?? ''), width: c.width }] : [])));
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, spec.rows.length + 2), column: n } };
  return sheet;
}
