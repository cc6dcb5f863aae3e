// Reads a spreadsheet file (.xlsx, .xls, .et, .ods, bare BIFF2–5 worksheets, .csv/.txt in UTF-8,
// GBK or UTF-16) into a plain grid of the text
// each cell shows. Hostile files are refused before SheetJS sees them (size, archive structure read
// the way SheetJS reads it, real decompressed size, a legacy file's sector chains, directory and
// records, declared ranges, merged areas); values are read as text so `007`, 18-digit numbers and
// `1/2` arrive as typed. Never throws: every failure is a Chinese message.
import * as cptable from 'xlsx/dist/cpexcel.full';
import { read, set_cptable, SSF, type CellObject, type ParsingOptions, type WorkBook, type WorkSheet } from 'xlsx';
import { checkWorkbookStream, isBareBiff } from './biff-guard';
import { readCompoundWorkbook } from './cfb-guard';
import { decodeText } from './decode-text';
import { docxWorkbook } from './docx-workbook';
import type { CellRange, GridCell, ParsedWorkbook, SheetGrid } from './grid';
import { MAX_COLUMNS, MAX_DECLARED_COLUMNS, MAX_DECLARED_ROWS, MAX_IMPORT_BYTES, MAX_MERGE_CELLS, MAX_MERGES, MAX_ROWS } from './limits';
import { parseRangeRef, rangeCells } from './range-ref';
import { templateMeeting } from './template-mark';
import { foldTickColumns } from './tick-columns';
import { formulasWithoutResult, hiddenRowsOf, type FormulaCell } from './xlsx-formulas';
import { inspectZip, inWordTerms, isZip } from './zip-guard';

// Legacy .xls files written by old Excel/WPS in GBK (BIFF5) need the code pages.
set_cptable(cptable);

export type ReadResult = { ok: true; workbook: ParsedWorkbook } | { ok: false; error: string };

const MB = 1024 * 1024;

/** A read stopped by its time limit (the app's worker, the command line's worker thread). */
export function readTimedOut(fileName: string, timeoutMs: number): ReadResult & { ok: false } {
  return { ok: false, error: `读取“${fileName}”超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止。文件可能过大或结构异常，请在 Excel 或 WPS 中另存为 .xlsx 后再试` };
}

/** A read whose worker died (out of memory, or any other crash). */
export function readCrashed(fileName: string): ReadResult & { ok: false } {
  return { ok: false, error: `读取“${fileName}”失败：文件过大或已损坏，未导入任何内容` };
}

/** Reads and measures a spreadsheet file. `readWorkbook(bytes, '意见表.xlsx')` → sheets of cell text, or a Chinese refusal. */
export function readWorkbook(bytes: Uint8Array, fileName: string): ReadResult {
  const read = quietly(() => read_(bytes, fileName));
  return read.ok ? { ok: true, workbook: foldTickColumns(read.workbook) } : read;
}

/**
 * Runs the library with its console muted: SheetJS writes English warnings there (`ODS number
 * format may be incorrect …`, `Bad uncompressed size …`), which would reach a command-line user's
 * terminal. What matters of them is said in Chinese by the checks; the rest is noise.
 */
function quietly<T>(run: () => T): T {
  const target = globalThis.console as unknown as Record<string, unknown> | undefined;
  if (!target) return run();
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((m) => target[m]);
  for (const m of methods) target[m] = () => undefined;
  try {
    return run();
  } finally {
    methods.forEach((m, i) => (target[m] = saved[i]));
  }
}

function read_(bytes: Uint8Array, fileName: string): ReadResult {
  const refuse = (reason: string): ReadResult => ({ ok: false, error: `“${fileName}”${reason}` });
  try {
    if (bytes.length === 0) return refuse('是空文件');
    if (bytes.length > MAX_IMPORT_BYTES) {
      return refuse(`过大（${(bytes.length / MB).toFixed(1)} MB），导入文件最多 ${MAX_IMPORT_BYTES / MB} MB`);
    }
    const other = knownNonSpreadsheet(bytes);
    if (other) return refuse(`实际是${other}，不是表格文件`);

    const options: ParsingOptions = {
      dense: true,
      cellNF: true,
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
      bookVBA: false,
      sheetStubs: false,
      // One row past the limit tells a sheet that is too long from one that is exactly full.
      sheetRows: MAX_ROWS + 1,
    };
    let wb: WorkBook;
    let format: string;
    let text = false;
    let formulas = new Map<string, FormulaCell[]>();
    let hiddenRows = new Map<string, number[]>();
    const notes: string[] = [];
    const wps = /\.et$/i.test(fileName);
    if (isZip(bytes)) {
      const verdict = inspectZip(bytes, undefined, 'table');
      // A damaged .docx is told to be saved again from Word, not from Excel.
      if (!verdict.ok) return refuse(/\.docx$/i.test(fileName) ? inWordTerms(verdict.error) : verdict.error);
      // A Word document's tables are read as sheets, by our own reader (SheetJS never sees it).
      if (verdict.kind === 'docx') return docxWorkbook(verdict.parts, fileName);
      if (verdict.kind === 'xlsx') {
        formulas = formulasWithoutResult(verdict.parts);
        hiddenRows = hiddenRowsOf(verdict.parts);
      }
      // The parts are in the archive too: let them go before SheetJS needs its memory.
      verdict.parts.clear();
      // SheetJS reads the archive rebuilt from what was measured, never the file's own container.
      wb = read(verdict.archive, { ...options, type: 'array' });
      format = verdict.kind === 'ods' ? 'OpenDocument 表格（.ods）' : wps ? 'WPS 表格（.et）' : 'Excel 工作簿（.xlsx）';
    } else if (isCompoundFile(bytes)) {
      // SheetJS never reads the container: it is given the workbook stream alone, checked.
      const container = readCompoundWorkbook(bytes);
      if (!container.ok) return refuse(container.error);
      const checked = checkWorkbookStream(container.stream);
      if (!checked.ok) return refuse(checked.error);
      wb = read(checked.stream, { ...options, type: 'array' });
      format = wps ? 'WPS 表格（.et）' : container.name === 'Book' ? 'Excel 5.0/95 工作簿（.xls）' : 'Excel 97-2003 工作簿（.xls）';
    } else if (isBareBiff(bytes)) {
      // Excel 2.1–5.0 worksheets written as the bare record stream, as old statistics and finance systems export them.
      const checked = checkWorkbookStream(bytes, { bare: true });
      if (!checked.ok) return refuse(checked.error);
      wb = read(checked.stream, { ...options, type: 'array' });
      format = BIFF_FORMATS[checked.biff] ?? 'Excel 旧版工作表';
    } else {
      const decoded = decodeText(bytes);
      if (!decoded.ok) return refuse(decoded.error);
      notes.push(...decoded.notes);
      // raw: no value parsing, so `007` and `1/2` stay text; the encoding was decided above.
      const textual = asDelimitedText(decoded.text);
      const separator = separatorOf(decoded.text);
      wb = read(textual, { ...options, type: 'string', raw: true, ...(separator ? { FS: separator } : {}) });
      if (textual !== decoded.text) unpad(wb);
      // Some systems save an HTML table as .xls; SheetJS reads it as one.
      format = `${/^\s*</.test(decoded.text.slice(0, 200)) ? '网页表格' : '文本表格'}（${decoded.encoding}）`;
      text = true;
    }
    const sheets: SheetGrid[] = [];
    for (const [index, name] of wb.SheetNames.entries()) {
      const ws = wb.Sheets[name];
      if (!ws) continue;
      const hidden = (wb.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
      // A text file has one unnamed table; SheetJS's `Sheet1` would only confuse messages.
      const grid = toGrid(ws, text ? '' : name, hidden, wb.Workbook?.WBProps?.date1904 === true, formulas.get(name) ?? []);
      if (typeof grid === 'string') return refuse(`${text ? '' : `的工作表“${name}”`}${grid}`);
      // .xls and .ods rows come with SheetJS's row list; .xlsx rows from the parts (see hiddenRowsOf).
      const rowInfo = (ws['!rows'] ?? []) as Array<{ hidden?: boolean } | undefined>;
      const hiddenHere = hiddenRows.get(name) ?? [...rowInfo.keys()].filter((r) => rowInfo[r]?.hidden === true);
      if (hiddenHere.length > 0) grid.hiddenRows = hiddenHere;
      sheets.push(grid);
    }
    if (sheets.length === 0) return refuse('中没有工作表');
    const templateFor = templateMeeting(wb.Props?.Keywords ?? '');
    return { ok: true, workbook: { fileName, format, sheets, notes, ...(templateFor ? { templateFor } : {}) } };
  } catch (e) {
    return refuse(libraryFailure(e));
  }
}

/**
 * SheetJS picks a parser by a string's first characters, and only some of them mean text: `ID` is
 * SYLK, `TABL` DIF, `{\rt` RTF, control characters a binary format (DBF, Lotus, BIFF — or a zip
 * or compound file spelled out in UTF-16) that the guards above never measured. Such text gets a
 * leading space, which makes SheetJS read it as delimited text whatever follows (the space is
 * taken off the first cell again). `ID,意见对象,…` is an ordinary CSV header.
 */
function asDelimitedText(text: string): string {
  const head = new TextEncoder().encode(text.slice(0, 8));
  const [a, b, c, d] = [0, 1, 2, 3].map((i) => head[i] ?? 0) as [number, number, number, number];
  const textual =
    a === 0x3c || a === 0x0a || a === 0x0d || a === 0x20
      ? true // markup (an HTML table saved as .xls), or text after blank lines
      : a === 0x09
        ? b > 0x08
        : a >= 0x20 &&
          !(a === 0x49 && b === 0x44) &&
          !(a === 0x54 && b === 0x41 && c === 0x42 && d === 0x4c) &&
          !(a === 0x50 && b === 0x4b) &&
          !(a === 0x7b && b === 0x5c) &&
          !((a === 0x30 || a === 0x31) && c <= 12 && d <= 31) &&
          !text.startsWith('socialcalc:version:');
  return textual ? text : ` ${text}`;
}

/**
 * The separator of a text table, decided by its first line that has one (the header, or a title
 * row padded with separators): the most frequent of tab, comma and semicolon outside quotes.
 * SheetJS counts them over the first 1 KB instead, so opinions with commas in a tab-separated file
 * (Excel's “Unicode 文本”) split at the commas. Undefined for a one-column file: SheetJS decides.
 */
function separatorOf(text: string): string | undefined {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/, 20);
  for (const line of lines) {
    const counts = new Map<string, number>();
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\t' || ch === ',' || ch === ';')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    if (counts.size === 0) continue;
    // Ties go to the comma, then the tab.
    return [',', '\t', ';'].reduce((best, ch) => ((counts.get(ch) ?? 0) > (counts.get(best) ?? 0) ? ch : best), ',');
  }
  return undefined;
}

/** Takes the space asDelimitedText added off the first cell. */
function unpad(wb: WorkBook): void {
  const first = (wb.Sheets[wb.SheetNames[0] ?? '']?.['!data'] as Array<Array<CellObject | undefined> | undefined> | undefined)?.[0]?.[0];
  if (first && typeof first.v === 'string' && first.v.startsWith(' ')) {
    first.v = first.v.slice(1);
    if (typeof first.w === 'string') first.w = first.w.slice(1);
  }
}

const BIFF_FORMATS: Record<number, string> = {
  2: 'Excel 2.1 工作表（BIFF2）',
  3: 'Excel 3.0 工作表（BIFF3）',
  4: 'Excel 4.0 工作表（BIFF4）',
  5: 'Excel 5.0/95 工作表（BIFF5）',
  8: 'Excel 97-2003 工作表（BIFF8）',
};

function isCompoundFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((b, i) => bytes[i] === b);
}

/** Common files people mistake for spreadsheets, by their first bytes. */
function knownNonSpreadsheet(bytes: Uint8Array): string | undefined {
  const starts = (...xs: number[]) => xs.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return ' PDF 文件';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return '图片（PNG）';
  if (starts(0xff, 0xd8, 0xff)) return '图片（JPEG）';
  if (starts(0x47, 0x49, 0x46, 0x38)) return '图片（GIF）';
  if (starts(0x52, 0x61, 0x72, 0x21)) return 'RAR 压缩包';
  if (starts(0x37, 0x7a, 0xbc, 0xaf)) return '7z 压缩包';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'RTF 文档';
  return undefined;
}

function libraryFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(message)) return '已加密（设置了打开密码），请先在 Excel 或 WPS 中取消密码再导入';
  if (e instanceof RangeError) return '过大或结构异常，无法读取';
  return '无法读取：文件已损坏、不完整，或不是 Excel/CSV 表格';
}

/** One sheet as a grid, or the reason (Chinese) it is refused. */
function toGrid(ws: WorkSheet, name: string, hidden: boolean, date1904: boolean, formulas: readonly FormulaCell[]): SheetGrid | string {
  const declared = ws['!fullref'] ?? ws['!ref'];
  const range = declared ? parseRangeRef(declared) : undefined;
  if (range) {
    const rows = range.e.r - range.s.r + 1;
    const cols = range.e.c - range.s.c + 1;
    if (rows > MAX_DECLARED_ROWS || cols > MAX_DECLARED_COLUMNS) return `已用范围异常（${declared}，${rows} 行 × ${cols} 列），不像正常的表格，已拒绝`;
  }
  const merges = (ws['!merges'] ?? []) as CellRange[];
  if (merges.length > MAX_MERGES) return `中的合并单元格超过 ${MAX_MERGES} 处，已拒绝`;
  const huge = merges.find((m) => rangeCells(m) > MAX_MERGE_CELLS);
  if (huge) return `中有范围异常的合并单元格（${huge.e.r - huge.s.r + 1} 行 × ${huge.e.c - huge.s.c + 1} 列），已拒绝`;

  const data = (ws['!data'] ?? []) as Array<Array<CellObject | undefined> | undefined>;
  const rows: SheetGrid['rows'] = [];
  let lastRow = -1;
  let tooWide = false;
  for (const r of presentIndices(data, MAX_ROWS + 1)) {
    const source = data[r];
    if (!source) continue;
    const row: Array<GridCell | undefined> = [];
    let filled = false;
    for (const c of presentIndices(source, MAX_COLUMNS)) {
      const cell = source[c];
      if (!cell) continue;
      const value = gridCell(cell, date1904);
      if (!value) continue;
      if (c >= MAX_COLUMNS) tooWide = true;
      else row[c] = value;
      filled = true;
    }
    if (tooWide) break;
    if (filled) {
      rows[r] = row;
      lastRow = r;
    }
  }
  // A formula whose stored result is empty: its text, as text, where the cell shows nothing.
  for (const f of formulas) {
    if (f.r > MAX_ROWS || f.c >= MAX_COLUMNS || rows[f.r]?.[f.c]) continue;
    (rows[f.r] ??= [])[f.c] = { text: `=${f.formula}` };
    if (f.r > lastRow) lastRow = f.r;
  }
  if (tooWide) return `的数据超过 ${MAX_COLUMNS} 列，不像正常的意见表，已拒绝`;
  if (lastRow >= MAX_ROWS) return `超过 ${MAX_ROWS.toLocaleString('en-US')} 行，请拆分后再导入`;
  return { name, hidden, rows, merges: merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } })) };
}

/**
 * The indices an array has elements at, in order. A crafted cell reference can put one cell at
 * column 84 million: SheetJS then holds a sparse row that long, and walking it index by index
 * (even with forEach) takes seconds to minutes. Past `dense`, only the existing keys are visited.
 */
function presentIndices(array: readonly unknown[], dense: number): Iterable<number> {
  if (array.length <= dense) return array.keys();
  return Object.keys(array)
    .filter((k) => /^\d+$/.test(k))
    .map(Number);
}

/** What a cell shows, as text; undefined for an empty cell. */
function gridCell(cell: CellObject, date1904: boolean): GridCell | undefined {
  switch (cell.t) {
    case 's':
    case 'str' as CellObject['t']: {
      const text = String(cell.v ?? '');
      return text === '' ? undefined : { text };
    }
    case 'n': {
      const v = cell.v as number;
      const format = typeof cell.z === 'string' ? cell.z : 'General';
      if (format !== 'General' && SSF.is_date(format)) {
        const d = SSF.parse_date_code(v, { date1904 }) as { y: number; m: number; d: number } | null;
        const date = d && d.y >= 1900 && d.y <= 2200 ? `${d.y}-${pad(d.m)}-${pad(d.d)}` : undefined;
        return { text: cell.w ?? date ?? String(v), ...(date ? { date } : {}) };
      }
      // General: integers in full (Excel's own display would say 1.23457E+17); fractions as shown.
      if (format === 'General') return { text: Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : (cell.w ?? String(v)) };
      return { text: cell.w ?? String(v) };
    }
    case 'b':
      return { text: cell.w ?? (cell.v ? 'TRUE' : 'FALSE') };
    case 'e':
      return { text: cell.w ?? '#错误', error: true };
    case 'd': {
      const v = cell.v as Date;
      const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
      return { text: cell.w ?? date, date };
    }
    default:
      return undefined;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
