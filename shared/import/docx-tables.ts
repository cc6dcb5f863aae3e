// The tables of a Word document (.docx) as sheets of a workbook, so that a 征求意见 list sent as a
// Word table goes through the very pipeline a spreadsheet does (find-table, mapping, merged-down
// cells, totals, footers, preview, commit). word/document.xml is read with the materials' XML
// tokenizer (shared/ has no DOM); the archive was measured by the zip guard before. Each table is a
// sheet, named after the heading paragraph just above it (`对张三同志的意见建议` then works like a
// sheet named after a member) or 表1、表2… in document order. Cells keep Word's grid: a cell spanning
// columns (w:gridSpan) and cells merged down (w:vMerge) become merged areas, as in a spreadsheet.
// A nested table is a sheet of its own; its text is not repeated in the cell that holds it.
// Never throws: bounded counts, and malformed XML gets a Chinese reason.
import { xmlTokens } from '../materials/xml-tokens';
import { stripNumbering } from '../text/numbering';
import type { CellRange, GridCell, SheetGrid } from './grid';
import { joinContinuations } from './docx-continuations';
import { MAX_COLUMNS, MAX_MERGE_CELLS, MAX_MERGES, MAX_ROWS } from './limits';

/** More tables than this is not a list of opinions (a long one has a table per member, a few dozen). */
export const MAX_DOCX_TABLES = 500;
/** Tables inside tables inside tables …: real forms nest one or two deep. */
export const MAX_TABLE_DEPTH = 8;
/** A heading paragraph longer than this is a document's title or prose, not a table's name. */
const MAX_HEADING_CHARS = 24;
/** Paragraphs above a table read as its caption: a title and a heading or two, never the prose of a report. */
const MAX_CAPTION_CHARS = 60;
const CAPTION_PARAGRAPHS = 3;

type DocxTables = { ok: true; sheets: SheetGrid[]; notes: string[] } | { ok: false; error: string };

const DAMAGED = '已损坏（Word 文档的正文不完整或格式错误），无法读取，请在 Word 或 WPS 中打开后另存为 .docx 再导入';

interface Cell {
  col: number;
  span: number;
  vMerge?: 'restart' | 'continue';
  paragraphs: string[];
  /** The paragraph being read, when one is open directly in this cell. */
  current?: string;
}

export interface Table {
  order: number;
  /** A table of the body that only empty paragraphs (a page or section break) part from the table before it. */
  follows?: boolean;
  /** The widest row's grid columns. */
  width: number;
  /** Areas of the first row whose cells continue a merge from above that is not in this table (Word split the table there). */
  orphans: CellRange[];
  /** The sheet name given by named(). */
  name?: string;
  /** The short paragraphs just above the table (a document title, a heading), for telling its year. */
  caption?: string;
  heading?: string;
  rows: SheetGrid['rows'];
  merges: CellRange[];
  /** The current row (-1 before the first), and the grid column the next cell starts at. */
  r: number;
  c: number;
  cell?: Cell;
  /** Areas merged down and still open, by their first column. */
  open: Map<number, CellRange>;
  /** The tables directly inside this one's cells. */
  inner: Table[];
  grid?: SheetGrid;
}

/**
 * The tables of word/document.xml, in document order, as sheets. A vertically merged area
 * (restart, then continue cells) is one merged area whose value is in its first cell; several
 * paragraphs or line breaks in one cell are joined with line breaks, as a cell typed with Alt+Enter.
 */
export function docxTables(xml: string): DocxTables {
  const found: Table[] = [];
  const stack: Table[] = [];
  let tables = 0;
  let bodyClosed = false;
  let bodyOpened = false;
  // Text outside tables: the paragraph being read and the candidate name for the next table.
  let paragraph: string | undefined;
  let heading: string | undefined;
  let inText = false;
  // Whether a body paragraph with text came since the last table of the body (else a next table may continue it).
  let textSinceTable = true;
  // The last short paragraphs of the body since the last table: the next table's caption.
  let caption: string[] = [];
  // Text not shown: hidden runs (w:vanish) and tracked deletions or moves away (w:del, w:moveFrom),
  // which Word shows only with 显示修订 and which are not the opinion as sent.
  let inRun = false;
  let inRunProps = false;
  let hiddenRun = false;
  let removed = 0;
  // mc:Fallback repeats mc:Choice's content (a text box, a drawing) for older readers: read once.
  let fallback = 0;

  /** Where text goes: the open paragraph of the innermost table's open cell, or the body's paragraph. */
  const append = (s: string) => {
    if (hiddenRun || removed > 0) return;
    const t = stack[stack.length - 1];
    if (!t) {
      if (paragraph !== undefined) paragraph += s;
    } else if (t.cell && t.cell.current !== undefined) t.cell.current += s;
  };

  for (const tok of xmlTokens(xml)) {
    if (fallback > 0) {
      if (tok.type === 'open' && tok.name === 'mc:Fallback' && !tok.selfClosing) fallback++;
      else if (tok.type === 'close' && tok.name === 'mc:Fallback') fallback--;
      continue;
    }
    const t = stack[stack.length - 1];
    if (tok.type === 'text') {
      if (inText) append(tok.text);
      continue;
    }
    if (tok.type === 'open') {
      if (tok.selfClosing && ['w:tbl', 'w:tr', 'w:tc'].includes(tok.name)) continue;
      switch (tok.name) {
        case 'mc:Fallback':
          if (!tok.selfClosing) fallback = 1;
          break;
        case 'w:body':
          bodyOpened = true;
          break;
        case 'w:tbl': {
          if (++tables > MAX_DOCX_TABLES) return { ok: false, error: `中的表格超过 ${MAX_DOCX_TABLES} 个，不像正常的征求意见表，已拒绝` };
          if (stack.length >= MAX_TABLE_DEPTH) return { ok: false, error: `中的表格嵌套超过 ${MAX_TABLE_DEPTH} 层，不像正常的征求意见表，已拒绝` };
          // A nested table's paragraphs are its own: the cell holding it stops reading until it ends.
          const body = stack.length === 0;
          const table: Table = { order: tables, ...(body && heading ? { heading } : {}), ...(body && !textSinceTable ? { follows: true } : {}), ...(body && caption.length > 0 ? { caption: caption.join(' ') } : {}), width: 0, orphans: [], rows: [], merges: [], r: -1, c: 0, open: new Map(), inner: [] };
          t?.inner.push(table);
          stack.push(table);
          if (stack.length === 1) heading = undefined;
          break;
        }
        case 'w:tr':
          if (!t) break;
          t.r++;
          t.c = 0;
          t.cell = undefined;
          if (t.r >= MAX_ROWS) return { ok: false, error: `中的表格超过 ${MAX_ROWS.toLocaleString('en-US')} 行，请拆分后再导入` };
          break;
        case 'w:gridBefore':
          if (t && !t.cell) t.c += count(tok.attrs['w:val']);
          break;
        case 'w:tc':
          if (t && t.r >= 0) t.cell = { col: t.c, span: 1, paragraphs: [] };
          break;
        case 'w:gridSpan':
          if (t?.cell) t.cell.span = Math.max(1, count(tok.attrs['w:val']));
          break;
        case 'w:vMerge':
          if (t?.cell) t.cell.vMerge = tok.attrs['w:val'] === 'restart' ? 'restart' : 'continue';
          break;
        case 'w:p':
          if (tok.selfClosing) break;
          if (!t) paragraph = paragraph ?? '';
          else if (t.cell && t.cell.current === undefined) t.cell.current = '';
          break;
        case 'w:t':
          inText = !tok.selfClosing;
          break;
        case 'w:r':
          if (tok.selfClosing) break;
          inRun = true;
          hiddenRun = false;
          break;
        case 'w:rPr':
          if (inRun && !tok.selfClosing) inRunProps = true;
          break;
        case 'w:vanish':
          if (inRunProps) hiddenRun = !['0', 'false', 'off'].includes(tok.attrs['w:val'] ?? '');
          break;
        case 'w:del':
        case 'w:moveFrom':
          if (!tok.selfClosing) removed++;
          break;
        case 'w:tab':
          append(' ');
          break;
        case 'w:br':
        case 'w:cr':
          append('\n');
          break;
      }
      continue;
    }
    // Closing tags.
    switch (tok.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:rPr':
        inRunProps = false;
        break;
      case 'w:r':
        inRun = false;
        inRunProps = false;
        hiddenRun = false;
        break;
      case 'w:del':
      case 'w:moveFrom':
        if (removed > 0) removed--;
        break;
      case 'w:body':
        bodyClosed = true;
        break;
      case 'w:p':
        if (!t) {
          const text = tidy(paragraph ?? '');
          paragraph = undefined;
          const name = text === '' ? undefined : headingName(text);
          if (name) heading = name;
          if (text !== '') textSinceTable = true;
          if (text !== '' && [...text].length <= MAX_CAPTION_CHARS) caption = [...caption, text].slice(-CAPTION_PARAGRAPHS);
        } else if (t.cell && t.cell.current !== undefined) {
          const text = tidy(t.cell.current);
          if (text !== '') t.cell.paragraphs.push(text);
          t.cell.current = undefined;
        }
        break;
      case 'w:tc': {
        if (!t?.cell) break;
        const problem = placeCell(t, t.cell);
        if (problem) return { ok: false, error: problem };
        t.cell = undefined;
        break;
      }
      case 'w:tbl': {
        if (!t) return { ok: false, error: DAMAGED };
        stack.pop();
        if (stack.length === 0) {
          textSinceTable = false;
          caption = [];
        }
        t.grid = { name: '', hidden: false, rows: t.rows, merges: t.merges.filter((m) => m.e.r > m.s.r || m.e.c > m.s.c) };
        found.push(t);
        break;
      }
    }
  }
  if (!bodyOpened || !bodyClosed || stack.length > 0) return { ok: false, error: DAMAGED };
  const { tables: joined, joins } = joinContinuations(found, (t) => titleRow(t) !== undefined);
  const sheets = named(joined);
  return { ok: true, sheets, notes: joins.map((j) => j.note(j.into.name ?? '')) };
}

/**
 * The sheets in document order, named: a frame (a one-column table holding the real table, as
 * forms are drawn) is no sheet, and its title (`征求意见表`) names the table inside it; then each
 * table takes its heading, else 表1、表2… by its place among the sheets, `（2）` added to a repeat;
 * a lone table without a heading has no name (messages then say only the row).
 */
function named(found: readonly Table[]): SheetGrid[] {
  const tables = [...found].sort((a, b) => a.order - b.order);
  const frames = new Set<Table>();
  for (const t of tables) {
    if (t.inner.length === 0 || filledColumns(t.rows) > 1) continue;
    frames.add(t);
    const title = t.heading ?? firstText(t.rows);
    const first = t.inner[0]!;
    if (first.heading === undefined && title !== undefined) first.heading = title;
  }
  const sheets = tables.filter((t) => !frames.has(t));
  // No heading above: a title typed across the table's first row (`对张三同志的意见建议`) names it.
  for (const t of sheets) if (t.heading === undefined) t.heading = titleRow(t);
  // A document's one table without a heading is the file's table, unnamed, as a CSV's is.
  if (sheets.length === 1 && sheets[0]!.heading === undefined) {
    sheets[0]!.name = '';
    return [withCaption(sheets[0]!, '')];
  }
  const used = new Set<string>();
  return sheets.map((t, i) => {
    const base = t.heading ?? `表${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}（${n}）`;
    used.add(name);
    t.name = name;
    return withCaption(t, name);
  });
}

function withCaption(t: Table, name: string): SheetGrid {
  return { ...t.grid!, name, ...(t.caption ? { caption: t.caption } : {}) };
}

/** The text of a first row that is one cell spanning the table, when it can be a name. */
function titleRow(t: Table): string | undefined {
  const first = t.rows[0];
  const filled = first ? first.flatMap((cell, c) => (cell ? [c] : [])) : [];
  if (filled.length !== 1 || filled[0] !== 0 || !t.grid!.merges.some((m) => m.s.r === 0 && m.s.c === 0 && m.e.c > 0)) return undefined;
  return headingName(first![0]!.text);
}

/** How many columns hold any text. */
function filledColumns(rows: SheetGrid['rows']): number {
  const columns = new Set<number>();
  for (const row of rows) row?.forEach((cell, c) => cell && columns.add(c));
  return columns.size;
}

/** The first text of a frame, when it can be a table's name. */
function firstText(rows: SheetGrid['rows']): string | undefined {
  const cell = rows.find((row) => row?.some((x) => x))?.find((x) => x);
  return cell ? headingName(cell.text) : undefined;
}

/** Puts a finished cell into its table's grid; the Chinese reason when the table is too wide or too merged. */
function placeCell(t: Table, cell: Cell): string | undefined {
  const last = cell.col + cell.span - 1;
  if (last >= MAX_COLUMNS) return `中的表格超过 ${MAX_COLUMNS} 列，不像正常的意见表，已拒绝`;
  t.c = last + 1;
  t.width = Math.max(t.width, t.c);
  const above = t.open.get(cell.col);
  if (cell.vMerge === 'continue' && above && above.e.c === last && above.e.r === t.r - 1) {
    // Continues the area above: Word shows the first cell's text over all of it.
    above.e.r = t.r;
    if ((above.e.r - above.s.r + 1) * (above.e.c - above.s.c + 1) > MAX_MERGE_CELLS) return `中的表格有范围异常的合并单元格（超过 ${MAX_MERGE_CELLS} 格），已拒绝`;
    return undefined;
  }
  for (const start of [...t.open.keys()]) if (start >= cell.col && start <= last) t.open.delete(start);
  const text = cell.paragraphs.join('\n');
  if (text !== '') {
    const row = (t.rows[t.r] ??= []);
    row[cell.col] = { text } satisfies GridCell;
  }
  if (cell.span > 1 || cell.vMerge !== undefined) {
    const area: CellRange = { s: { r: t.r, c: cell.col }, e: { r: t.r, c: last } };
    t.merges.push(area);
    if (t.merges.length > MAX_MERGES) return `中的表格合并单元格超过 ${MAX_MERGES} 处，已拒绝`;
    if (cell.vMerge !== undefined) t.open.set(cell.col, area);
    if (cell.vMerge === 'continue' && t.r === 0) t.orphans.push(area);
  }
  return undefined;
}

/** A paragraph that can name the table under it: short, not a form line (`填报单位：…`), numbering off. */
function headingName(text: string): string | undefined {
  const t = stripNumbering(text.replace(/\n/g, ' ')).replace(/[:：]\s*$/, '').trim();
  if (t === '' || [...t].length > MAX_HEADING_CHARS || /[:：]/.test(t)) return undefined;
  return t;
}

/** Spaces collapsed, line breaks kept (without the spaces around them), ends trimmed. */
function tidy(s: string): string {
  return s.replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n').trim();
}

/** A count attribute (`w:val="3"`), 0 when missing or absurd (the column limit catches the rest). */
function count(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? Math.min(n, MAX_COLUMNS + 1) : 0;
}
