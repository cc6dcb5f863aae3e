// Writing cells safely. A spreadsheet cell is data, never a formula: text that begins with = + - @,
// a tab or a carriage return stays text, and characters XML cannot carry are dropped (they would
// corrupt the file).
import type { Cell, Style, Worksheet } from 'exceljs';

// Control characters other than tab, line feed and carriage return are not allowed in XML 1.0.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text that a spreadsheet program would read as a formula if it were typed or saved as CSV. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** A cell value from text: always a plain string (never an object ExcelJS could take for a formula). */
export function textValue(text: string): string {
  return String(text).replace(NOT_XML, '');
}

/**
 * Sets a cell to text and formats it as text (`@`), so that neither ExcelJS nor a person editing
 * the cell later turns `=1+1` into a formula.
 */
export function setText(cell: Cell, text: string): void {
  cell.value = textValue(text);
  cell.numFmt = '@';
}

export type CellLook = Partial<Pick<Style, 'font' | 'fill' | 'border' | 'alignment'>>;

/** Gives each cell its own copy of the look (ExcelJS shares style objects between cells otherwise). */
export function styleCell(cell: Cell, look: CellLook): void {
  if (look.font) cell.font = { ...look.font };
  if (look.fill) cell.fill = { ...look.fill } as Style['fill'];
  if (look.border) cell.border = { ...look.border };
  if (look.alignment) cell.alignment = { ...look.alignment };
}

/** Writes a row of text and numbers from column `from` (A): numbers stay numbers, text goes through {@link setText}. */
export function writeRow(sheet: Worksheet, rowNumber: number, values: ReadonlyArray<string | number>, look: CellLook = {}, from = 1): Cell[] {
  const row = sheet.getRow(rowNumber);
  return values.map((v, i) => {
    const cell = row.getCell(from + i);
    if (typeof v === 'number') cell.value = v;
    else if (v !== '') setText(cell, v);
    styleCell(cell, look);
    return cell;
  });
}

export const THIN_BORDER = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
} as const satisfies Style['border'];

/** Light red behind a cell or row that falls short; dark red text. */
export const SHORT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7DA' } } as const satisfies Style['fill'];
export const ZERO_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4B6BB' } } as const satisfies Style['fill'];
export const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } } as const satisfies Style['fill'];
export const SHORT_FONT_COLOR = { argb: 'FF9C0006' } as const;

/** Display width of text in column-width units: CJK and full-width characters count 2, others 1. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/**
 * Row height (points) that shows every line of wrapped text. Spreadsheet programs do not all fit
 * rows to wrapped text when they open a file (LibreOffice does not), so the writer sets it.
 */
export function wrappedRowHeight(cells: ReadonlyArray<{ text: string; width: number }>, lineHeight = 15): number {
  let lines = 1;
  for (const { text, width } of cells) {
    const usable = Math.max(1, width - 1.5);
    const n = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
    lines = Math.max(lines, n);
  }
  return Math.ceil(lines * lineHeight + 3);
}
