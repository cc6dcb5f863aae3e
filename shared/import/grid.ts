// A spreadsheet as plain data, independent of the library that read it: what the parser hands to
// the table finder, and what the app's worker sends back to the page (structured-clone friendly).

/** One cell as the user sees it. */
export interface GridCell {
  /** The text shown in the cell, exactly as typed (`007` stays `007`). */
  text: string;
  /** `YYYY-MM-DD` when the cell holds a date. */
  date?: string;
  /** The cell shows an error value such as `#N/A`. */
  error?: boolean;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface SheetGrid {
  name: string;
  hidden: boolean;
  /** `rows[r][c]`, 0-based; missing rows and cells are empty. */
  rows: Array<Array<GridCell | null | undefined> | null | undefined>;
  merges: CellRange[];
  /** Rows hidden in the sheet (0-based), where the format records them. */
  hiddenRows?: number[];
  /** Text written just above the table outside the grid (a Word document's title and heading), as title rows are. */
  caption?: string;
}

export interface ParsedWorkbook {
  /** The file name as the user chose it (no folder). */
  fileName: string;
  /** `xlsx`, `xls`, `csv` (with its encoding) …, shown in the preview. */
  format: string;
  sheets: SheetGrid[];
  /** Notes about the reading itself, e.g. a CSV whose last line was cut off. */
  notes: string[];
  /** The meeting id, when the file is this app's import template. */
  templateFor?: string;
}

/** The format of a Word document read for its tables (docx-workbook.ts). */
export const DOCX_FORMAT = 'Word 文档（.docx）';

/** What a sheet of this workbook is called in messages: a Word document's tables are 表格, a workbook's sheets 工作表. */
export function sheetNoun(workbook: Pick<ParsedWorkbook, 'format'>): '工作表' | '表格' {
  return workbook.format === DOCX_FORMAT ? '表格' : '工作表';
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26; -1 when the text is not a column name. */
export function columnIndex(letters: string): number {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The cell at a position, or undefined. */
export function cellAt(sheet: SheetGrid, r: number, c: number): GridCell | undefined {
  return sheet.rows[r]?.[c] ?? undefined;
}

/** The text of a cell, `''` when empty. */
export function textAt(sheet: SheetGrid, r: number, c: number): string {
  return cellAt(sheet, r, c)?.text ?? '';
}
