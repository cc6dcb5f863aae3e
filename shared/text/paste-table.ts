// A table pasted from Word, Excel or WPS arrives as tab-separated lines (Excel quotes a cell that
// holds a line break). Reading it as a table — not as one opinion per line — keeps the header row,
// the 序号 column and the 提出单位 column out of the opinion text. The columns are named with the
// importer's own header synonyms (shared/import/fields), so paste and import agree on what a
// column is. This module only reads the grid and names the columns; paste-plan.ts turns rows into
// opinions.
import { classifyHeader, type ImportField } from '../import/fields';
import { cleanText } from './normalize';

/** What a pasted column holds: a field of an opinion, a serial number (dropped), or nothing used. */
export type PasteColumnRole = ImportField | 'serial' | 'unused';

export interface PasteColumn {
  index: number;
  /** The header cell, or `第 N 列` when the table has no header row. */
  header: string;
  role: PasteColumnRole;
}

interface PasteTableRow {
  /** The row's position in the pasted table, 1-based, header included. */
  line: number;
  cells: string[];
}

export interface PastedTable {
  columns: PasteColumn[];
  /** The first row named the columns; it is never an opinion. */
  header: string[] | undefined;
  rows: PasteTableRow[];
}

// A serial number: 1, 1., 1、, (1), （一）, ①, 一、, 第1条.
const SERIAL = /^(?:\d{1,4}|[一二三四五六七八九十]{1,3})\s*[.．、)）:：]?$|^[(（]\s*(?:\d{1,4}|[一二三四五六七八九十]{1,3})\s*[)）]$|^[\u2460-\u2473\u2474-\u249B]$|^第\s*[\d一二三四五六七八九十]{1,3}\s*[条项点]?$/;

/** Whether a cell holds only a serial number (`3`, `3.`, `（三）`, `③`). */
export function isSerialCell(text: string): boolean {
  return SERIAL.test(text.trim());
}

/**
 * Splits pasted text into rows of cells: tabs separate cells, line breaks rows; a cell that Excel
 * quoted (`"two\nlines"`, `""` for a quote) is read whole. A quote that does not close a cell is text.
 */
export function splitTabbed(block: string): string[][] {
  const text = block.replace(/\r\n?/g, '\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let cell = '';
    let end = -1;
    if (text[i] === '"') {
      // Try a quoted cell: it must close with a quote followed by a tab, a line break or the end.
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) break;
        if (text[q + 1] === '"') {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        const after = text[q + 1];
        if (after === undefined || after === '\t' || after === '\n') {
          cell = value + text.slice(j, q);
          end = q + 1;
        }
        break;
      }
    }
    if (end < 0) {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n') j++;
      cell = text.slice(i, j);
      end = j;
    }
    row.push(cell);
    const sep = text[end];
    i = end + 1;
    if (sep === '\n' || sep === undefined) {
      rows.push(row);
      row = [];
      if (sep === undefined) break;
    }
  }
  return rows;
}

const MAX_HEADER_CELL = 30;

/** Whether a row names columns: every cell short, and at least one a known column name or 序号. */
function isHeaderRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => cleanText(c)).filter((c) => c !== '');
  if (filled.length === 0 || filled.some((c) => c.length > MAX_HEADER_CELL)) return false;
  const kinds = filled.map((c) => classifyHeader(c));
  const exact = kinds.filter((k) => (k.kind === 'field' && k.exact) || k.kind === 'numbering').length;
  const named = kinds.filter((k) => k.kind !== 'unknown').length;
  // One exact name suffices for a short row; a question-style header row needs most cells named.
  return exact >= 1 || (filled.length >= 2 && named * 2 >= filled.length + 1);
}

/** Whether a later row repeats the header (a table copied across pages repeats it). */
export function looksLikeHeader(cells: readonly string[], header: readonly string[] | undefined): boolean {
  const filled = cells.map((c) => cleanText(c)).filter((c) => c !== '');
  if (filled.length === 0) return false;
  if (header && filled.every((c) => header.some((h) => cleanText(h) === c))) return true;
  return filled.every((c) => {
    const k = classifyHeader(c);
    return c.length <= MAX_HEADER_CELL && ((k.kind === 'field' && k.exact) || k.kind === 'numbering');
  });
}

/**
 * Reads pasted text as a table, or returns undefined when it is not one (no tabs, or too few
 * lines with several cells). A header row names the columns with the importer's synonyms; without
 * one, a column of serial numbers is the serial column and the column with the longest text holds
 * the opinions. A row broken by a cell's paragraphs is joined again.
 * `readPastedTable('序号\t意见建议\t提出单位\n1\t调研不够\t财政局')` → columns serial, content, provider; one row.
 */
export function readPastedTable(block: string): PastedTable | undefined {
  if (!block.includes('\t')) return undefined;
  const grid = splitTabbed(block).filter((cells) => cells.some((c) => cleanText(c) !== ''));
  const multi = grid.filter((cells) => cells.length >= 2).length;
  if (multi === 0 || multi * 10 < grid.length * 6) return undefined;

  // A cell with several paragraphs breaks its row into pieces, each short of the table's width:
  // join consecutive pieces that together make at most one row (the break falls inside one cell).
  const width = Math.max(...grid.map((cells) => cells.length));
  const joined: PasteTableRow[] = [];
  let pending: string[] | undefined;
  let seenRow = false; // single cells above the first row (a title) stay rows of their own
  for (const cells of grid) {
    if (pending && seenRow && pending.length < width && pending.length + cells.length - 1 <= width) {
      pending[pending.length - 1] = `${pending[pending.length - 1] ?? ''}\n${cells[0] ?? ''}`;
      pending.push(...cells.slice(1));
      continue;
    }
    if (pending) joined.push({ line: 0, cells: pending });
    pending = [...cells];
    if (cells.length >= 2) seenRow = true;
  }
  if (pending) joined.push({ line: 0, cells: pending });
  const header = joined.length > 0 && isHeaderRow(joined[0]!.cells) ? joined.shift()!.cells.map((c) => cleanText(c)) : undefined;
  joined.forEach((r, i) => (r.line = i + 1 + (header ? 1 : 0)));

  const columns: PasteColumn[] = [];
  const taken = new Set<PasteColumnRole>();
  for (let c = 0; c < width; c++) {
    const name = header?.[c] ?? '';
    let role: PasteColumnRole = 'unused';
    if (name !== '') {
      const kind = classifyHeader(name);
      if (kind.kind === 'field' && !taken.has(kind.field)) role = kind.field;
      else if (kind.kind === 'numbering') role = 'serial';
    }
    const values = joined.map((r) => cleanText(r.cells[c] ?? '')).filter((v) => v !== '');
    if (role === 'unused' && values.length > 0 && values.every(isSerialCell) && !taken.has('serial')) role = 'serial';
    if (role !== 'unused') taken.add(role);
    columns.push({ index: c, header: name !== '' ? name : `第 ${c + 1} 列`, role });
  }
  if (!taken.has('content')) {
    // The opinions are the column with the longest text among those not named otherwise.
    let best: PasteColumn | undefined;
    let bestLength = 0;
    for (const col of columns) {
      if (col.role !== 'unused') continue;
      const length = joined.reduce((sum, r) => sum + cleanText(r.cells[col.index] ?? '').length, 0);
      if (length > bestLength) [best, bestLength] = [col, length];
    }
    if (best) best.role = 'content';
  }
  return { columns, header, rows: joined };
}

